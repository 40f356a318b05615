"""The BM25 side grows in place: an added document's clauses are found by their words at once, scored in a
delta segment beside the unchanged main one (whose files the new snapshot shares); a removed document's
clauses never come back; past the merge threshold every score equals a fresh build's; a damaged delta file is
detected and the index rebuilt."""
from __future__ import annotations

import os
import shutil

import numpy as np

import index.lexical_segments
from index.snapshot import current_folder, load_snapshot
from ingest.store import Store
from tests.test_hardening_storage import damage
from tests.test_index_build import add_document, open_engine

WEIGHTS = [{"海上": 1.0, "风电": 1.0, "运维": 0.5}, {"光伏": 1.0, "储能": 0.6}, {"碳": 0.3, "达峰": 1.0},
           {"叶片": 1.0, "海缆": 0.5, "交通": 0.8}]


def scores_by_id(folder, field: str = "body") -> dict[str, list[float]]:
    snapshot = load_snapshot(folder)
    columns = np.stack([snapshot.lexical_scores(w, field) for w in WEIGHTS], axis=1)
    return dict(zip(snapshot.clause_ids, columns.tolist()))


def test_an_added_document_is_found_by_its_words_and_the_main_segment_is_shared(seed_data, tmp_path):
    engine = open_engine(seed_data)
    before = current_folder(seed_data / "index")
    doc_id = add_document(seed_data, tmp_path)
    engine.refresh()
    after = current_folder(seed_data / "index")
    assert engine.last_build.lexical_grown and engine.last_build.tokenized == 2
    for name in ("lexical/score_data.npy", "lexical/hot_scores.npy", "context/vocab.json"):
        assert os.path.samefile(before / name, after / name)
    assert (after / "lexical" / "delta" / "score_data.npy").is_file()
    ranked = engine.lexical_ranking("风机叶片海缆配套产业集群", limit=3)
    assert ranked[0][0].startswith(doc_id)
    assert engine.search("深远海漂浮式风电示范", top_k=1).hits[0].doc_id == doc_id


def test_a_removed_document_never_comes_back(seed_data, tmp_path):
    engine = open_engine(seed_data)
    doc_id = add_document(seed_data, tmp_path)
    engine.refresh()
    engine.store.remove_document(doc_id)
    engine.refresh()
    assert engine.last_build.lexical_grown
    snapshot = load_snapshot(current_folder(seed_data / "index"))
    assert snapshot.lexical.delta is None and snapshot.lexical.dead == 0  # it was only ever in the delta
    for question in ("风机叶片海缆配套产业集群", "海上风电运维母港"):
        assert all(not cid.startswith(doc_id) for cid, _ in engine.lexical_ranking(question, limit=100))
        assert all(hit.doc_id != doc_id for hit in engine.search(question, top_k=20).hits)


def test_a_removed_main_document_is_masked(seed_data, monkeypatch):
    engine = open_engine(seed_data)
    doc_id = engine.store.documents()[0].doc_id
    count = len(engine.store.clauses([doc_id]))
    engine.store.remove_document(doc_id)
    monkeypatch.setattr(index.lexical_segments, "MERGE_SHARE", 100.0)  # the seed library has two documents
    engine.refresh()
    snapshot = load_snapshot(current_folder(seed_data / "index"))
    assert engine.last_build.lexical_grown and snapshot.lexical.dead == count
    assert len(snapshot.lexical.scores(WEIGHTS[2])) == len(snapshot.clause_ids)
    assert all(not cid.startswith(doc_id) for cid, _ in engine.lexical_ranking("碳达峰实施方案", limit=200))


def test_between_merges_the_best_clauses_are_a_fresh_builds(seed_data, tmp_path):
    engine = open_engine(seed_data)
    add_document(seed_data, tmp_path)
    engine.refresh()
    grown = {q: [cid for cid, _ in engine.lexical_ranking(q, limit=3)] for q in ("海上风电", "光伏储能", "碳达峰")}
    fresh = fresh_engine(seed_data, tmp_path)
    assert {q: [cid for cid, _ in fresh.lexical_ranking(q, limit=3)] for q in grown} == grown


def test_after_a_merge_every_score_equals_a_fresh_build(seed_data, tmp_path, monkeypatch):
    engine = open_engine(seed_data)
    doc_id = add_document(seed_data, tmp_path)
    engine.refresh()
    engine.store.remove_document(next(d.doc_id for d in engine.store.documents() if d.doc_id != doc_id))
    monkeypatch.setattr(index.lexical_segments, "MERGE_SHARE", 0.0)
    engine.refresh()
    assert not engine.last_build.lexical_grown and engine.last_build.tokenized == 0
    merged = current_folder(seed_data / "index")
    assert load_snapshot(merged).lexical.delta is None
    fresh = current_folder(fresh_engine(seed_data, tmp_path).config.index_dir)
    for field in ("body", "context"):
        assert scores_by_id(merged, field) == scores_by_id(fresh, field)


def test_a_damaged_delta_file_is_detected_and_the_index_rebuilt(seed_data, tmp_path, capsys):
    engine = open_engine(seed_data)
    doc_id = add_document(seed_data, tmp_path)
    engine.refresh()
    damage(current_folder(seed_data / "index") / "lexical" / "delta" / "score_data.npy", 3)
    capsys.readouterr()
    engine = open_engine(seed_data)
    assert "索引已损坏" in capsys.readouterr().err
    assert engine.lexical_ranking("风机叶片海缆配套产业集群", limit=1)[0][0].startswith(doc_id)


def test_the_store_keeps_each_clauses_hash(seed_data):
    from index.builder import passage_text
    from ingest.records import clause_hash
    import hashlib

    store = Store(seed_data / "store.sqlite3")
    clauses = store.clauses()
    assert store.clause_keys() == ([c.id for c in clauses], [clause_hash(c) for c in clauses])
    assert all(clause_hash(c) == hashlib.sha1(passage_text(c).encode("utf-8")).hexdigest()[:12] for c in clauses)
    store.close()


def test_a_version_2_store_gains_the_hashes_on_opening(seed_data):
    import sqlite3

    db = sqlite3.connect(seed_data / "store.sqlite3")
    db.execute("UPDATE clauses SET hash = ''")
    db.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
    db.commit()
    db.close()
    store = Store(seed_data / "store.sqlite3")
    ids, hashes = store.clause_keys()
    assert all(hashes) and len(ids) == len(store.clauses())
    assert store.db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == "3"
    store.close()


def fresh_engine(data, tmp_path):
    """An engine over a copy of the data folder whose index is built from nothing."""
    copy = tmp_path / "fresh"
    shutil.copytree(data, copy, ignore=shutil.ignore_patterns("index"))
    return open_engine(copy)



def test_each_rows_weights_for_milvus_give_the_same_scores(seed_data, tmp_path, monkeypatch):
    engine = open_engine(seed_data)
    added = add_document(seed_data, tmp_path)
    engine.store.remove_document(next(d.doc_id for d in engine.store.documents() if d.doc_id != added))
    monkeypatch.setattr(index.lexical_segments, "MERGE_SHARE", 100.0)
    engine.refresh()
    field = load_snapshot(current_folder(seed_data / "index")).lexical
    assert field.delta is not None and field.dead > 0
    rows = field.row_scores()
    for weights in WEIGHTS:
        query = np.zeros(len(field.vocab), dtype=np.float32)
        for term, weight in weights.items():
            if term in field.vocab:
                query[field.vocab[term]] = weight
        assert np.allclose(rows @ query, field.scores(weights), rtol=1e-5, atol=1e-6)
