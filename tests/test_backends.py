"""One interface test for every search backend (index.backend): FAISS in the data folder and Milvus
Lite, really started in a file beside it. Both serve the same snapshot of a tiny library built here,
so their scores must agree with an independent BM25 and inner product, and with each other."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from config import load_config
from index.backend import BACKENDS, BackendUnavailable
from index.lexical import bm25_idf, bm25_tf
from ingest.lock import write_lock
from ingest.pipeline import ingest_paths, remove_documents
from ingest.store import Store
from qa.engine import Engine, IndexUnavailable

pytest.importorskip("pymilvus", reason="the Milvus backend needs pymilvus (requirements.txt)")

QUESTIONS = ["海上风电装机容量目标是多少？", "生物炭制备工艺", "充电桩建设", "建筑节能改造", "没有这个词语"]
DOCUMENTS = {
    "fengdian.txt": "关于加快海上风电发展的通知\n\n一、总体要求\n"
                    "（一）发展目标。到2027年，海上风电装机容量达到300万千瓦，建成海上风电运维母港。\n"
                    "（二）配套产业。培育风机叶片、海缆等配套产业集群，推动深远海漂浮式风电示范。\n"
                    "（三）电网接入。加快海上风电送出工程建设，提升电网消纳能力。\n广东省能源局\n2023年3月1日\n",
    "nongye.txt": "台山市农业农村减排固碳实施方案\n\n一、重点任务\n"
                  "（一）秸秆利用。推广秸秆还田和生物炭制备工艺，以热解炭化方式制备生物炭。\n"
                  "（二）化肥减量。推进测土配方施肥，化肥使用量保持负增长。\n"
                  "（三）畜禽粪污。畜禽粪污综合利用率达到80%以上。\n台山市人民政府\n2022年5月1日\n",
    "jianzhu.txt": "江门市建筑领域碳达峰方案\n\n一、主要任务\n"
                   "（一）建筑节能。推进既有建筑节能改造，公共建筑能耗降低15%。\n"
                   "（二）充电设施。推进公共停车场充电桩建设，鼓励光储充一体化项目。\n"
                   "（三）绿色建材。新建建筑全面执行绿色建筑标准，推广装配式建筑。\n江门市人民政府\n2022年9月1日\n",
}


def _library(tmp_path_factory) -> Path:
    folder, data = tmp_path_factory.mktemp("backend-docs"), tmp_path_factory.mktemp("backend-data")
    for name, text in DOCUMENTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    with write_lock(data):
        report = ingest_paths([folder], Store(load_config(data).store_path), show_progress=False)
    assert not report.failures, report.failures
    return data


def _open(data: Path, backend: str) -> Engine:
    return Engine.open(load_config(data, model="", backend=backend), progress=False)


@pytest.fixture(scope="module")
def library(tmp_path_factory) -> Path:
    return _library(tmp_path_factory)


@pytest.fixture(scope="module")
def engines(library) -> dict[str, Engine]:
    """An engine per backend over the same data folder: the same snapshot, searched two ways."""
    return {name: _open(library, name) for name in BACKENDS}


@pytest.fixture(params=BACKENDS)
def engine(request, engines) -> Engine:
    return engines[request.param]


def _query(engine: Engine, question: str) -> tuple[dict[str, float], np.ndarray]:
    state = engine.library()
    weights = engine.analyzer.query(question).weights
    return weights, state.encoder.encode_query(question, weights)


def reference_bm25(engine: Engine, weights: dict[str, float]) -> np.ndarray:
    """BM25 of every clause body computed here from the raw term counts (index.lexical's formulas)."""
    lexical = _snapshot(engine).lexical
    counts = lexical.counts.toarray().astype(np.float64)
    doc_len, n = counts.sum(axis=1), counts.shape[0]
    scores = np.zeros(n)
    for term, weight in weights.items():
        if term in lexical.vocab:
            tf = counts[:, lexical.vocab[term]]
            idf = bm25_idf(np.array([np.count_nonzero(tf)], dtype=np.float64), n)[0]
            scores += weight * idf * np.where(tf > 0, bm25_tf(tf, doc_len, doc_len.mean()), 0.0)
    return scores


def _snapshot(engine: Engine):
    """The index.snapshot.Snapshot on disk, which the Milvus backend wraps."""
    backend = engine.library().snapshot
    return getattr(backend, "snapshot", backend)


def _vectors(engine: Engine) -> np.ndarray:
    return np.asarray(_snapshot(engine).dense.vectors, dtype=np.float32)


@pytest.mark.parametrize("question", QUESTIONS)
def test_lexical_scores_and_top_rows_are_bm25(engine, question):
    backend = engine.library().snapshot
    weights, _ = _query(engine, question)
    expected = reference_bm25(engine, weights)
    assert np.allclose(backend.lexical_scores(weights), expected, rtol=1e-5, atol=1e-5)
    top = backend.lexical_top(weights, 3, None)
    assert [score for _, score in top] == sorted((score for _, score in top), reverse=True)
    assert np.allclose([score for _, score in top], np.sort(expected[expected > 0])[::-1][:3], atol=1e-5)


def test_the_context_field_is_searched_too(engine):
    backend = engine.library().snapshot
    weights, _ = _query(engine, "海上风电发展的通知")
    scores = backend.lexical_scores(weights, "context")
    rows = [row for row, clause_id in enumerate(backend.clause_ids) if scores[row] > 0]
    assert rows and len(rows) < len(backend.clause_ids)


@pytest.mark.parametrize("question", QUESTIONS[:4])
def test_dense_rows_and_scores_are_inner_products(engine, question):
    backend = engine.library().snapshot
    _, vector = _query(engine, question)
    exact = _vectors(engine) @ vector.ravel()
    top = backend.dense_top(vector, 4, None)
    assert [row for row, _ in top] == np.argsort(-exact, kind="stable")[:4].tolist()
    assert np.allclose([score for _, score in top], np.sort(exact)[::-1][:4], atol=1e-5)
    rows = np.array([5, 0, 3], dtype=np.int64)
    assert np.allclose(backend.dense_scores(vector, rows), exact[rows], atol=1e-5)


def test_a_row_mask_limits_both_rankings(engine):
    backend = engine.library().snapshot
    weights, vector = _query(engine, "充电桩建设和海上风电")
    allowed = np.zeros(len(backend.clause_ids), dtype=bool)
    allowed[::2] = True
    for ranking in (backend.lexical_top(weights, 5, allowed), backend.dense_top(vector, 5, allowed)):
        assert ranking and all(allowed[row] for row, _ in ranking)
    assert backend.lexical_top(weights, 5, np.zeros_like(allowed)) == []


def test_idf_of_known_terms(engine):
    backend = engine.library().snapshot
    idf = backend.idf(["风电", "建筑", "从未出现的词"])
    assert set(idf) == {"风电", "建筑"} and all(value > 0 for value in idf.values())


@pytest.mark.parametrize("question", QUESTIONS)
def test_both_backends_give_the_same_answers(engines, question):
    faiss, milvus = engines["faiss"].library().snapshot, engines["milvus"].library().snapshot
    weights, vector = _query(engines["faiss"], question)
    assert np.allclose(faiss.lexical_scores(weights), milvus.lexical_scores(weights), atol=1e-5)
    assert [r for r, _ in faiss.dense_top(vector, 5, None)] == [r for r, _ in milvus.dense_top(vector, 5, None)]
    hits = {name: [(h.id, round(h.score, 4)) for h in e.search(question, top_k=5).hits] for name, e in engines.items()}
    assert hits["faiss"] == hits["milvus"]


def test_milvus_holds_the_rows_with_their_document_fields(engines, library):
    backend = engines["milvus"].library().snapshot
    rows = backend.client.query(backend.collection, filter='doc_id != ""', output_fields=["clause_id", "level",
                                                                                         "region", "date"])
    assert len(rows) == len(backend.clause_ids)
    taishan = [row for row in rows if "台山" in engines["milvus"].store.clause_versions([row["clause_id"]])
               [row["clause_id"]][0].document]
    assert taishan and all(row["region"] and row["date"] for row in taishan)
    assert (library / "milvus.db").exists()


def test_removing_a_document_leaves_it_out_of_milvus(tmp_path_factory):
    data = _library(tmp_path_factory)
    engine = _open(data, "milvus")
    first = engine.library().snapshot.collection
    with write_lock(data):
        remove_documents(engine.store, "nongye.txt")
    engine.refresh()
    backend = engine.library().snapshot
    assert backend.collection != first
    assert not any("生物炭" in h.text for h in engine.search("生物炭制备工艺", top_k=5).hits)
    left = backend.client.query(backend.collection, filter='doc_id != ""', output_fields=["doc_id"])
    assert len(left) == len(backend.clause_ids) == sum(d.clauses for d in engine.store.documents())
    with write_lock(data):
        remove_documents(engine.store, "jianzhu.txt")
    engine.refresh()
    assert not engine.library().snapshot.client.has_collection(first)  # the two newest are kept


def test_an_empty_library_searches_to_nothing(tmp_path_factory):
    data = tmp_path_factory.mktemp("backend-empty")
    Store(load_config(data).store_path).close()
    engine = _open(data, "milvus")
    backend = engine.library().snapshot
    assert backend.lexical_top({"风电": 1.0}, 5, None) == [] and backend.lexical_scores({"风电": 1.0}).size == 0


def test_an_unknown_backend_is_named_in_chinese(library):
    with pytest.raises(IndexUnavailable, match="未知的检索后端 'elastic'.*faiss、milvus"):
        _open(library, "elastic")


def test_a_missing_pymilvus_says_how_to_install_it(monkeypatch):
    import index.milvus_collection as collection

    monkeypatch.setitem(__import__("sys").modules, "pymilvus", None)
    with pytest.raises(BackendUnavailable, match="pip install"):
        collection.pymilvus()


def test_two_data_folders_on_one_milvus_share_the_library(tmp_path_factory, tmp_path):
    """A document ingested through one data folder is found through another on the same URI, and a
    document removed through the second is gone from the first."""
    uri = str(tmp_path / "shared.db")
    first = _library(tmp_path_factory)
    second = tmp_path_factory.mktemp("backend-second")
    Store(load_config(second).store_path).close()
    one = Engine.open(load_config(first, model="", backend="milvus", milvus_uri=uri), progress=False)
    two = Engine.open(load_config(second, model="", backend="milvus", milvus_uri=uri), progress=False)
    assert {d.doc_id for d in two.store.documents()} == {d.doc_id for d in one.store.documents()}
    assert two.search("海上风电装机容量目标", top_k=1).hits[0].text == one.search("海上风电装机容量目标", top_k=1).hits[0].text
    source = next(d for d in two.store.documents() if d.source == "nongye.txt")
    assert source.text == one.store.document(source.doc_id).text
    with write_lock(second):
        remove_documents(two.store, "nongye.txt")
    two.refresh()
    assert one.library_changed_elsewhere()
    one.refresh()
    assert not one.library_changed_elsewhere()
    assert "nongye.txt" not in {d.source for d in one.store.documents()}
    assert not any("生物炭" in h.text for h in one.search("生物炭制备工艺", top_k=5).hits)


def test_the_shared_library_tells_an_addition_from_a_removal():
    from index.milvus_library import plan

    local, remote = {"a": "1", "b": "2", "new-here": "3"}, {"a": "1", "b": "2", "new-there": "4", "gone-here": "5"}
    ledger = {"a", "b", "gone-here", "gone-there"}
    done = plan({**local, "gone-there": "6"}, remote, ledger)
    assert (done.push, done.pull, done.drop_here, done.drop_there) == (
        ["new-here"], ["new-there"], ["gone-there"], ["gone-here"])
    assert not plan(local, local, set())
