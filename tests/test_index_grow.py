"""The dense index grows in place: a document added to or removed from an existing library is searchable
(or gone) without rebuilding the FAISS index, whose files the new snapshot shares with the old one; the
grown index answers as one built from scratch over the same vectors; a write that fails half-way leaves
the previous snapshot in use."""
from __future__ import annotations

import os

import numpy as np
import pytest

import index.dense
from index.dense import DenseIndex, build_faiss
from index.snapshot import IndexWriteError, current_folder, load_snapshot
from tests.test_index_build import add_document, open_engine

QUESTIONS = ["海上风电运维母港", "生物炭用什么工艺制备？", "老旧燃气管道怎么处理？", "光伏发电装机容量", "新能源汽车充电桩"]


def ranked(engine, question: str, k: int = 10) -> list[tuple[str, float]]:
    return [(hit.id, hit.score) for hit in engine.search(question, top_k=k).hits]


def dense_answers(dense: DenseIndex, vectors: np.ndarray) -> list[list[int]]:
    return [[row for row, _ in dense.search(vector[None], 10)] for vector in vectors]


@pytest.mark.parametrize("exact_limit", [50_000, 10])  # a flat main index, and an HNSW one
def test_an_added_document_is_found_and_the_faiss_files_are_shared(seed_data, tmp_path, exact_limit):
    engine = open_engine(seed_data, exact_search_limit=exact_limit)
    engine.refresh(force=True)
    before = current_folder(seed_data / "index")
    doc_id = add_document(seed_data, tmp_path)
    engine.refresh()
    after = current_folder(seed_data / "index")
    assert engine.last_build.dense_grown
    assert os.path.samefile(before / "dense.faiss", after / "dense.faiss")
    assert os.path.samefile(before / "vectors.npy", after / "vectors.npy")
    assert engine.search("海上风电运维母港", top_k=1).hits[0].doc_id == doc_id
    assert {hit.doc_id for hit in engine.search("海上风电", top_k=5, doc_filters=(doc_id,)).hits} == {doc_id}


@pytest.mark.parametrize("exact_limit", [50_000, 10])
def test_a_removed_document_is_gone_from_every_search(seed_data, tmp_path, exact_limit):
    engine = open_engine(seed_data, exact_search_limit=exact_limit)
    engine.refresh(force=True)
    doc_id = add_document(seed_data, tmp_path)
    engine.refresh()
    engine.store.remove_document(doc_id)
    engine.refresh()
    assert engine.last_build.dense_grown and engine.last_build.embedded == 0
    snapshot = load_snapshot(current_folder(seed_data / "index"))
    assert snapshot.dense.dead > 0  # its rows are masked, not yet dropped
    assert all(hit.doc_id != doc_id for hit in engine.search("海上风电运维母港", top_k=20).hits)
    assert all(not cid.startswith(doc_id) for cid, _ in engine.dense_ranking("海上风电运维母港", limit=50))


def test_the_grown_index_answers_as_one_built_from_scratch(seed_data, tmp_path):
    engine = open_engine(seed_data)
    doc_id = add_document(seed_data, tmp_path)
    engine.refresh()
    engine.store.remove_document(doc_id)
    engine.refresh()
    grown = load_snapshot(current_folder(seed_data / "index")).dense
    vectors = np.asarray(grown.vectors, dtype=np.float32)
    rebuilt = DenseIndex(build_faiss(vectors, exact_limit=10**9), vectors)
    queries = vectors[::7] + 0.01
    assert dense_answers(grown, queries) == dense_answers(rebuilt, queries)
    incremental = {q: ranked(engine, q) for q in QUESTIONS}
    engine.refresh(force=True)  # a full rebuild (the offline encoder refitted on the same library)
    assert not load_snapshot(current_folder(seed_data / "index")).dense.dead
    for question in QUESTIONS:
        assert [cid for cid, _ in ranked(engine, question, 3)] == [cid for cid, _ in incremental[question][:3]]


def test_a_delta_past_its_limit_joins_the_main_index(seed_data, tmp_path, monkeypatch):
    engine = open_engine(seed_data, exact_search_limit=10)
    engine.refresh(force=True)
    monkeypatch.setattr(index.dense, "MERGE_ROWS", 1)
    doc_id = add_document(seed_data, tmp_path)
    engine.refresh()
    snapshot = load_snapshot(current_folder(seed_data / "index"))
    assert engine.last_build.dense_grown and len(snapshot.dense.delta) == 0
    assert snapshot.dense.index.ntotal == snapshot.dense.size
    assert engine.search("海上风电运维母港", top_k=1).hits[0].doc_id == doc_id


def test_many_dead_rows_rebuild_the_index(seed_data, tmp_path, monkeypatch):
    engine = open_engine(seed_data)
    monkeypatch.setattr(index.dense, "DEAD_SHARE", 0.0)
    doc_id = add_document(seed_data, tmp_path)
    engine.refresh()
    engine.store.remove_document(doc_id)
    engine.refresh()
    assert not engine.last_build.dense_grown
    assert load_snapshot(current_folder(seed_data / "index")).dense.dead == 0


def test_a_write_that_fails_half_way_leaves_the_previous_snapshot(seed_data, tmp_path, monkeypatch):
    engine = open_engine(seed_data)
    before = current_folder(seed_data / "index")
    answer = ranked(engine, "生物炭用什么工艺制备？")
    add_document(seed_data, tmp_path)

    def disk_full(self, folder):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(type(load_snapshot(before).offline), "save", disk_full)  # after the FAISS links
    with pytest.raises(IndexWriteError):
        engine._build(load_snapshot(before), ["文库有变化"], False, False, False)
    assert current_folder(seed_data / "index") == before
    assert not list((seed_data / "index").glob("tmp-snap-*"))
    previous = load_snapshot(before)  # every file still matches its checksum
    assert previous.dense.size == len(previous.clause_ids)
    assert ranked(engine, "生物炭用什么工艺制备？") == answer  # the live index kept serving


def test_a_document_filed_between_others_and_an_edited_clause_are_the_only_text_read_again(tmp_path_factory,
                                                                                          tmp_path):
    """The clauses before and after the change are matched by position, the rest by id and text: only the
    new document's clauses and the edited one are tokenized, and each is found by its own words."""
    from ingest.pipeline import ingest_file
    from tests.conftest import engine_over

    plan = "{}市节能方案\n一、目标\n1．公共机构能耗下降{}%。\n2．新建建筑执行绿色建筑标准。\n"
    engine = engine_over(tmp_path_factory, {"a.txt": plan.format("甲", 5), "c.txt": plan.format("丙", 6)})
    middle = tmp_path / "b.txt"
    middle.write_text("乙市氢能方案\n一、目标\n1．建成加氢站3座。\n", encoding="utf-8")
    edited = tmp_path / "c.txt"
    edited.write_text(plan.format("丙", 6).replace("绿色建筑标准", "超低能耗建筑标准"), encoding="utf-8")
    for path in (middle, edited):
        assert not ingest_file(path, engine.store).failures
    engine.refresh()
    assert engine.last_build.tokenized == 2
    assert engine.search("加氢站", top_k=1).hits[0].document == "乙市氢能方案"
    assert engine.search("超低能耗建筑", top_k=1).hits[0].document == "丙市节能方案"
    assert engine.search("甲市公共机构能耗", top_k=1).hits[0].document == "甲市节能方案"
