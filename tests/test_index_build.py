"""The index on disk: rebuilt when stale or damaged, updated without re-embedding, swapped atomically."""
from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
import zlib
from pathlib import Path

import numpy as np
import pytest

from config import load_config
from index.snapshot import current_folder, load_snapshot
from ingest.pipeline import ingest_file
from ingest.store import Store
from qa.engine import Engine

NEW_DOC = """关于加快海上风电发展的通知

一、总体要求
（一）发展目标。到2027年，海上风电装机容量达到300万千瓦，建成海上风电运维母港。
（二）配套产业。培育风机叶片、海缆等配套产业集群，推动深远海漂浮式风电示范。
"""


def open_engine(data: Path, **overrides) -> Engine:
    return Engine.open(load_config(data, model="", **overrides), progress=False)


def add_document(data: Path, tmp_path: Path) -> str:
    path = tmp_path / "haishang_fengdian.txt"
    path.write_text(NEW_DOC, encoding="utf-8")
    store = Store(load_config(data).store_path)
    report = ingest_file(path, store)
    store.close()
    assert not report.failures, report.failures
    return (report.added + report.replaced)[0]


def test_a_current_index_is_loaded_without_rebuilding(seed_data, capsys):
    before = current_folder(seed_data / "index")
    engine = open_engine(seed_data)
    assert engine.last_build is None and current_folder(seed_data / "index") == before
    assert "索引：正在更新" not in capsys.readouterr().err
    assert engine.mode.startswith("offline:tfidf-svd-")


def test_a_whole_build_streams_the_clauses_and_writes_the_same_index(seed_data, monkeypatch):
    before = load_snapshot(current_folder(seed_data / "index"))
    monkeypatch.setattr("index.builder.READ_BATCH", 7)
    monkeypatch.setattr(Store, "clauses", lambda *args: pytest.fail("a whole build read every clause at once"))
    engine = open_engine(seed_data)
    engine.refresh(force=True)
    after = load_snapshot(current_folder(seed_data / "index"))
    assert after.folder != before.folder and after.clause_ids == before.clause_ids
    for name in ("lexical/score_data.npy", "lexical/counts_indices.npy", "lexical/hot_scores.npy", "context/score_rows.npy"):
        assert (after.folder / name).read_bytes() == (before.folder / name).read_bytes(), name
    assert not list((seed_data / "index").glob("tmp-snap-*"))


def test_adding_one_document_embeds_only_its_clauses(seed_data, tmp_path):
    engine = open_engine(seed_data)
    old = load_snapshot(current_folder(seed_data / "index"))
    old_vectors = {cid: np.array(old.dense.vectors[i]) for i, cid in enumerate(old.clause_ids)}
    doc_id = add_document(seed_data, tmp_path)
    engine.refresh()
    new_clauses = len(engine.store.clauses([doc_id]))
    assert engine.last_build.embedded == new_clauses and engine.last_build.tokenized == new_clauses
    assert not engine.last_build.refitted
    new = load_snapshot(current_folder(seed_data / "index"))
    for i, cid in enumerate(new.clause_ids):
        if cid in old_vectors:
            assert np.array_equal(new.dense.vectors[i], old_vectors[cid])
    assert engine.search("海上风电运维母港", top_k=1).hits[0].doc_id == doc_id


def test_removing_one_document_drops_it_and_embeds_nothing(seed_data, tmp_path):
    engine = open_engine(seed_data)
    doc_id = add_document(seed_data, tmp_path)
    engine.refresh()
    engine.store.remove_document(doc_id)
    engine.refresh()
    assert engine.last_build.embedded == 0 and engine.last_build.tokenized == 0
    hits = engine.search("海上风电运维母港", top_k=20).hits
    assert hits and all(hit.doc_id != doc_id for hit in hits)


def test_a_manifest_from_another_version_is_rebuilt_with_a_message(seed_data, capsys):
    manifest_path = current_folder(seed_data / "index") / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    data = json.dumps({**manifest, "format_version": 999}).encode("utf-8")
    manifest_path.write_bytes(data)
    (manifest_path.parent / "manifest.crc32").write_text(f"{zlib.crc32(data):08x}\n")  # intact, just another version
    engine = open_engine(seed_data)
    err = capsys.readouterr().err
    assert "第 999 版索引格式" in err and "索引：正在更新" in err
    assert engine.search("蓝碳交易试点").hits


def test_changed_synonyms_retokenize_everything(seed_data, tmp_path, capsys):
    synonyms = tmp_path / "synonyms.txt"
    synonyms.write_text("风车 / 风电\n", encoding="utf-8")
    engine = open_engine(seed_data, synonyms=synonyms)
    assert "同义词有变化" in capsys.readouterr().err
    assert engine.last_build.tokenized == len(engine.store.clauses())
    assert "风电" in engine.search("风车", top_k=1).hits[0].matched_terms


@pytest.mark.parametrize("damage", ["truncate-vectors", "garbage-manifest", "garbage-current", "delete-faiss"])
def test_a_damaged_index_is_rebuilt_not_fatal(seed_data, damage, capsys):
    folder = current_folder(seed_data / "index")
    if damage == "truncate-vectors":
        data = (folder / "vectors.npy").read_bytes()
        (folder / "vectors.npy").write_bytes(data[: len(data) // 2])
    elif damage == "garbage-manifest":
        (folder / "manifest.json").write_bytes(b"\x00\xff not json")
    elif damage == "garbage-current":
        (seed_data / "index" / "CURRENT").write_text("../../etc", encoding="utf-8")
    else:
        (folder / "dense.faiss").unlink()
    engine = open_engine(seed_data)
    assert "索引：正在更新" in capsys.readouterr().err
    assert engine.search("台山2025年非化石能源消费比重目标？", top_k=1).hits
    open_engine(seed_data)  # the rebuilt index loads as current: no crash loop
    assert "索引：正在更新" not in capsys.readouterr().err


def build_in_subprocess(data: Path) -> subprocess.Popen:
    code = ("import sys; from config import load_config; from qa.engine import Engine; "
            f"Engine.open(load_config({str(data)!r}, model=''), progress=False).refresh(force=True)")
    return subprocess.Popen([sys.executable, "-c", code], cwd=Path(__file__).parents[1],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def kill_during_build(data: Path, delay_s: float) -> None:
    process = build_in_subprocess(data)
    time.sleep(delay_s)
    process.send_signal(signal.SIGKILL)
    process.wait()


def assert_answers(data: Path) -> None:
    """The live snapshot loads and answers, without any rebuild."""
    snapshot = load_snapshot(current_folder(data / "index"))
    engine = open_engine(data)
    assert engine.last_build is None or engine.last_build.folder is not None
    assert snapshot.clause_ids and engine.search("蓝碳交易有没有试点？", top_k=1).hits


def test_a_build_killed_midway_leaves_the_previous_index_usable(seed_data):
    kill_during_build(seed_data, 1.5)
    assert load_snapshot(current_folder(seed_data / "index")).clause_ids
    assert_answers(seed_data)


@pytest.mark.slow
def test_twenty_kills_at_random_points_never_lose_the_index(seed_data, tmp_path):
    add_document(seed_data, tmp_path)  # the index is now stale: every run has real work to do
    rng = np.random.default_rng(7)
    for _ in range(20):
        kill_during_build(seed_data, float(rng.uniform(0.3, 3.0)))
        assert load_snapshot(current_folder(seed_data / "index")).clause_ids
    process = build_in_subprocess(seed_data)
    assert process.wait(timeout=120) == 0
    assert open_engine(seed_data).search("海上风电运维母港", top_k=1).hits[0].source == "haishang_fengdian.txt"
    assert len(list((seed_data / "index").glob("tmp-snap-*"))) == 0


def test_tokenizing_in_worker_processes_gives_the_same_counts_and_term_ids(seed_data):
    from index.lexical import count_matrix, tokenized_counts
    from index.tokenize import analyzer_for

    config = load_config(seed_data, model="")
    texts = [clause.text for clause in Store(config.store_path).clauses()][:40]
    analyzer = analyzer_for(config)
    one_go: dict[str, int] = {}
    expected = count_matrix([analyzer.terms(text) for text in texts], one_go)
    for workers, minimum in ((1, 10**9), (2, 0)):
        vocab: dict[str, int] = {}
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr("index.lexical.PARALLEL_MIN_CLAUSES", minimum)
            patch.setattr("index.lexical.TOKENIZE_CHUNK", 7)
            counts = tokenized_counts(analyzer, texts, vocab, workers=workers)
        assert vocab == one_go
        assert (counts != expected).nnz == 0 and counts.has_sorted_indices


def test_both_fields_tokenized_in_one_pass_from_streamed_batches_give_each_fields_own_counts(seed_data):
    from index.builder import context_text, index_text
    from index.lexical import tokenized_counts, tokenized_fields
    from index.tokenize import analyzer_for

    config = load_config(seed_data, model="")
    clauses = [clause for batch in Store(config.store_path).clause_batches(9) for clause in batch][:40]
    analyzer = analyzer_for(config)
    for workers, minimum in ((1, 10**9), (2, 0)):
        vocabs: list[dict[str, int]] = [{}, {}]
        batches = ([(index_text(c), context_text(c)) for c in clauses[i:i + 9]] for i in range(0, 40, 9))
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr("index.lexical.PARALLEL_MIN_CLAUSES", minimum)
            patch.setattr("index.lexical.TOKENIZE_CHUNK", 7)
            both = tokenized_fields(analyzer, batches, vocabs, len(clauses), workers=workers)
        for field_of, counts, vocab in zip((index_text, context_text), both, vocabs):
            alone: dict[str, int] = {}
            expected = tokenized_counts(analyzer, [field_of(c) for c in clauses], alone, workers=1)
            assert vocab == alone and (counts != expected).nnz == 0


def test_the_offline_encoder_reads_the_count_matrix_as_it_reads_term_lists():
    from index.encoders import OfflineEncoder
    from index.lexical import count_matrix

    words = ["光伏", "储能", "充电", "风电", "海上", "电网", "节能", "建筑"]
    rng = np.random.default_rng(3)
    terms = [[words[i] for i in rng.integers(0, len(words), 6)] for _ in range(60)]
    vocab: dict[str, int] = {"未用": 0}  # a column no passage uses, as after a document is removed
    counts = count_matrix(terms, vocab)
    names = sorted(vocab, key=vocab.__getitem__)
    from_counts = OfflineEncoder.fit_counts(counts, names, 4)
    from_terms = OfflineEncoder.fit(terms, 4)
    assert from_counts.terms_list == from_terms.terms_list and "未用" not in from_counts.terms_list
    assert np.allclose(from_counts.idf, from_terms.idf)
    vectors = from_counts.encode_counts(counts, from_counts.columns_for(names))
    assert np.allclose(vectors, from_counts.encode_passages([""] * len(terms), terms), atol=1e-5)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_the_svd_sample_is_fixed_sorted_and_bounded():
    from index.encoders import svd_sample

    assert svd_sample(5, 10).tolist() == [0, 1, 2, 3, 4]
    sample = svd_sample(1000, 100)
    assert len(sample) == 100 and np.all(np.diff(sample) > 0) and sample.tolist() == svd_sample(1000, 100).tolist()


def test_a_document_replaced_after_loading_is_shown_as_indexed_until_the_index_catches_up(seed_data, tmp_path):
    from tests.conftest import CORPUS

    engine = open_engine(seed_data)
    source = CORPUS / "taishan_tandafeng_shishi_fangan.txt"
    changed = tmp_path / source.name
    changed.write_text(source.read_text(encoding="utf-8").replace("大力发展绿色节能低碳建筑", "大力发展装配式木结构建筑"),
                       encoding="utf-8")
    store = Store(load_config(seed_data).store_path)
    assert ingest_file(changed, store).replaced
    store.close()
    before_refresh = engine.search("绿色节能低碳建筑", top_k=10).hits
    assert before_refresh and all("装配式木结构" not in hit.text for hit in before_refresh)
    # the old version, not neither: its clauses moved aside in the replacing transaction
    assert any(hit.source == source.name and "大力发展绿色节能低碳建筑" in hit.text for hit in before_refresh)
    engine.refresh()
    assert "装配式木结构" in engine.search("装配式木结构建筑", top_k=1).hits[0].text


def test_a_document_removed_after_loading_drops_out_of_the_answers(seed_data):
    engine = open_engine(seed_data)
    taishan = next(d for d in engine.store.documents() if d.source.startswith("taishan"))
    Store(load_config(seed_data).store_path).remove_document(taishan.doc_id)
    hits = engine.search("台山市绿色建筑", top_k=10).hits
    assert hits and all(hit.doc_id != taishan.doc_id for hit in hits)


def test_document_names_are_cached_and_a_damaged_cache_is_rebuilt(seed_data):
    cache = seed_data / "index" / "names.json"
    assert any("台山" in keys for keys in json.loads(cache.read_text(encoding="utf-8"))["keys"].values())
    cache.write_text("{not json", encoding="utf-8")
    engine = open_engine(seed_data)
    assert engine.search("台山市的绿色建筑目标是什么", top_k=1).hits[0].source.startswith("taishan")
    from qa.docnames import CACHE_VERSION

    assert json.loads(cache.read_text(encoding="utf-8"))["version"] == CACHE_VERSION


def test_a_passages_terms_are_its_words_inner_keys_and_the_character_ngrams_of_each_run():
    from collections import Counter

    from index.tokenize import DATA, Analyzer, bigrams, unigrams

    analyzer = Analyzer(DATA / "user_dict.txt", DATA / "synonyms.txt")
    assert "_伏发" in analyzer.terms("推进光伏发电")  # a bigram across the words 光伏 | 发电
    for text in ("推进光伏发电和光储充一体化项目，2025年达到30万千瓦。", "LED灯具、5G基站与数据中心", "的了。", ""):
        expected: Counter = Counter()
        for run in analyzer.runs(text):
            expected.update(run + [part for word in run for part in analyzer.inner_words(word)])
            expected.update(bigrams("".join(run)) + unigrams("".join(run)))
        assert Counter(analyzer.terms(text)) == expected
