"""One benchmark run at one corpus size: generate, ingest, index, query, start cold, run the baselines."""
from __future__ import annotations

import gc
import os
import platform
import shutil
import time
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from bench import anchors, probe
from bench.baselines import NumpyBaseline, RankBM25Baseline, overlap_at_k, time_sampled
from bench.measure import (PeakMemory, cold_start, cpu_seconds, current_rss_mb, folder_mb, has_ui_builder,
                           ratio, time_calls, ui_cold_start)
from bench.synth import CorpusInfo, load_pool, make_queries, write_corpus

SEEDS = Path(__file__).resolve().parents[1] / "corpus"
NAN = float("nan")
THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


@dataclass
class Options:
    """Everything a run depends on; the CLI fills it from its flags."""

    queries: int = 200
    seed: int = 7
    work: Path = Path("bench-data")
    model: str = ""
    progress: bool = True
    baseline_budget_s: float = 60.0
    rank_bm25_max_clauses: int = 300_000
    cold_runs: int = 3
    ui: bool = True
    milvus: bool = True
    bm25s_max_clauses: int = 300_000  # bm25s is given every clause's terms as Python lists of ints
    milvus_max_clauses: int = 100_000  # Milvus Lite takes rows one request of 1,000 at a time


def run(clauses: int, options: Options) -> dict:
    """All figures for one corpus size, as one flat dict (the --json object)."""
    pool = load_pool(sorted(SEEDS.glob("*.txt")))
    folder = options.work / f"n{clauses}-seed{options.seed}"
    start = time.perf_counter()
    info = write_corpus(folder / "corpus", clauses, options.seed, pool, options.progress)
    result = {"clauses_requested": clauses, "seed": options.seed, "generate_s": _since(start)}
    queries = make_queries(pool, options.queries, options.seed)
    data_dir = folder / "data"
    shutil.rmtree(data_dir, ignore_errors=True)
    engine_part, engine, config = _engine_phase(folder / "corpus", data_dir, info, queries, options)
    result.update(engine_part)
    result.update(_baseline_phase(engine, config, queries, result, options))
    del engine
    gc.collect()
    result.update(_startup_phase(data_dir, queries[0], options))
    result.update(_served_phase(folder / "corpus", folder / "data-served", info, queries[0], options))
    result.update(_environment())
    return result


def _engine_phase(corpus: Path, data_dir: Path, info: CorpusInfo, queries: list[str],
                  options: Options) -> tuple[dict, object, object]:
    """Ingest + index build + query latencies; peak memory is measured over exactly this."""
    with PeakMemory() as memory:
        result, engine, config = _build(corpus, data_dir, info, queries[0], options)
        result.update(_latencies(engine, queries, options))
        result["peak_rss_mb"] = memory.peak_mb()
    result["rss_after_queries_mb"] = current_rss_mb()
    result["index_mb"] = folder_mb(probe.live_snapshot(config).folder)
    result["store_mb"] = round(sum(p.stat().st_size for p in data_dir.glob("store.sqlite3*")) / 2**20, 2)
    result["mode"] = str(getattr(engine, "mode", ""))
    return result, engine, config


def _served_phase(corpus: Path, data_dir: Path, info: CorpusInfo, query: str, options: Options) -> dict:
    """Until a new library is lexically searchable as the web app serves it (ui/__main__.open_engine): ingest,
    Engine.open with the vectors deferred, one lexical search. The encoder is the product's default (or
    --model): it is loaded, and its vectors would follow in the background, which is not waited for here."""
    from config import Config, load_config
    from qa.engine import Engine

    shutil.rmtree(data_dir, ignore_errors=True)
    config = load_config(data_dir, model=options.model, fallback_encoder=Config().fallback_encoder)
    start = time.perf_counter()
    _ingested(corpus, config, options)
    engine = Engine.open(config, progress=options.progress, defer_vectors=True)
    engine.lexical_ranking(query, limit=10)
    searchable = time.perf_counter()
    figures = {"lexical_ready_s": round(searchable - start, 3),
               "lexical_ready_mb_per_s": round(info.bytes / 2**20 / (searchable - start), 3),
               "lexical_ready_pending": engine.pending_vectors, "lexical_ready_encoder": engine.mode,
               **{f"served_{step}_s": seconds for step, seconds in engine.last_build.seconds.items()}}
    engine.close()
    del engine
    gc.collect()
    shutil.rmtree(data_dir, ignore_errors=True)
    return figures


def _build(corpus: Path, data_dir: Path, info: CorpusInfo, query: str,
           options: Options) -> tuple[dict, object, object]:
    """Ingest, then open the engine, which builds the whole index (vectors too), then one lexical search."""
    from config import load_config
    from qa.engine import Engine

    config = load_config(data_dir, model=options.model)
    start, cpu_start = time.perf_counter(), cpu_seconds()
    report = _ingested(corpus, config, options)
    ingested, cpu_ingested = time.perf_counter(), cpu_seconds()
    engine = Engine.open(config, progress=options.progress)
    built = time.perf_counter()
    engine.lexical_ranking(query, limit=10)
    figures = _build_figures(report, info, start, ingested, built)
    figures.update({"ingest_cpu_s": round(cpu_ingested - cpu_start, 1),
                    "index_cpu_s": round(cpu_seconds() - cpu_ingested, 1)})
    steps = engine.last_build.seconds if engine.last_build is not None else {}
    figures.update({f"index_{step}_s": seconds for step, seconds in steps.items()})
    return figures, engine, config


def _ingested(corpus: Path, config: object, options: Options) -> object:
    """The corpus ingested into the data folder's store; the ingest report."""
    from ingest.pipeline import ingest_paths
    from ingest.store import Store

    store = Store(config.store_path)
    try:
        return ingest_paths([corpus], store, show_progress=options.progress)
    finally:
        store.close()


def _build_figures(report: object, info: CorpusInfo, start: float, ingested: float, built: float) -> dict:
    build_s, mb = built - start, info.bytes / 2**20
    clauses = int(getattr(report, "clauses", 0))
    return {"clauses": clauses, "documents": info.files, "text_mb": round(mb, 2),
            "ingest_failures": len(getattr(report, "failures", [])),
            "ingest_s": round(ingested - start, 3), "index_s": round(built - ingested, 3),
            "build_s": round(build_s, 3), "clauses_per_s": round(clauses / build_s, 1),
            "mb_per_s": round(mb / build_s, 3), "ingest_mb_per_s": round(mb / (ingested - start), 3)}


def _latencies(engine: object, queries: list[str], options: Options) -> dict:
    """lexical, dense and hybrid latencies; hybrid without the query encoder's own time, which is
    reported apart as encoder_query_* (a neural encoder's cost is not the index's)."""
    result: dict = {"queries": len(queries)}
    calls = {"lexical": lambda q: engine.lexical_ranking(q, limit=10),
             "dense": lambda q: engine.dense_ranking(q, limit=10)}
    for name, call in calls.items():
        result.update(time_calls(call, queries, name, progress=options.progress).summary(name))
    encoder = engine._state.encoder
    vectors: dict[str, np.ndarray] = {}

    def encode(question: str) -> None:
        vectors[question] = encoder.encode_query(question, engine.analyzer.query(question).weights)

    result.update(time_calls(encode, queries, "encoder_query", progress=options.progress).summary("encoder_query"))
    engine._state = replace(engine._state, encoder=_Encoded(encoder, vectors))
    try:
        hybrid = time_calls(lambda q: engine.search(q, top_k=10), queries, "hybrid", progress=options.progress)
    finally:
        engine._state = replace(engine._state, encoder=encoder)
    result.update(hybrid.summary("hybrid"))
    return result


class _Encoded:
    """The engine's encoder with the benchmark's questions already encoded."""

    def __init__(self, encoder: object, vectors: dict[str, np.ndarray]):
        self.encoder, self.vectors = encoder, vectors

    def encode_query(self, text: str, weights: dict[str, float]) -> np.ndarray:
        return self.vectors[text] if text in self.vectors else self.encoder.encode_query(text, weights)

    def __getattr__(self, name: str) -> object:  # name, dim …: the wrapped encoder's
        return getattr(self.encoder, name)


def _baseline_phase(engine: object, config: object, queries: list[str], result: dict, options: Options) -> dict:
    """rank-bm25 over the index's own tokens and numpy over the index's own vectors, same queries."""
    snapshot, analysis = probe.live_snapshot(config), probe.analyzer(config)
    encode = probe.query_encoder(engine, snapshot, analysis)
    figures = {}
    if encode is not None:
        figures.update(time_calls(encode, queries, "encode", progress=options.progress).summary("encode"))
    figures.update(_rank_bm25(engine, snapshot, analysis, queries, result["clauses"], options))
    gc.collect()
    vectors = probe.query_vectors(encode, queries, snapshot.dense.vectors)
    figures.update(_numpy(snapshot, vectors, options))
    figures.update(_anchors(engine, snapshot, config, [analysis.query(q).weights for q in queries], queries,
                            vectors, result["clauses"], options))
    figures["speedup_vs_rank_bm25"] = ratio(figures.get("rank_bm25_p50_ms", NAN), result["lexical_p50_ms"])
    figures["speedup_vs_numpy"] = ratio(figures["numpy_p50_ms"], figures["faiss_p50_ms"])
    figures["peak_rss_with_baselines_mb"] = PeakMemory().peak_mb()
    return figures


def _rank_bm25(engine: object, snapshot: object, analysis: object, queries: list[str], clauses: int,
               options: Options) -> dict:
    if clauses > options.rank_bm25_max_clauses:
        return {"rank_bm25_note": f"skipped above {options.rank_bm25_max_clauses:,} clauses (memory)"}
    ids, documents = probe.lexical_corpus(snapshot)
    baseline = RankBM25Baseline.build(documents, analysis.terms)
    del documents
    timed = time_sampled(baseline.rank, queries, options.baseline_budget_s, "rank-bm25", options.progress)
    sample = queries[:min(len(timed.ms), 20)]
    ours = [[doc for doc, _ in engine.lexical_ranking(q, limit=10)] for q in sample]
    theirs = [[ids[i] for i in baseline.rank(q)] for q in sample]
    return {**timed.summary("rank_bm25"), "rank_bm25_build_s": round(baseline.build_s, 3),
            "rank_bm25_queries": len(timed.ms), "lexical_overlap_at_10": overlap_at_k(ours, theirs)}


def _anchors(engine: object, snapshot: object, config: object, weights: list[dict[str, float]],
             queries: list[str], vectors: np.ndarray, clauses: int, options: Options) -> dict:
    """bm25s, exact hybrid and Milvus Lite, each skipped above its size limit with a note saying why."""
    figures = anchors.exact_hybrid_figures(engine, queries, options.progress)
    if clauses <= options.bm25s_max_clauses:
        figures.update(anchors.bm25s_figures(snapshot, weights))
    else:
        figures["bm25s_note"] = f"skipped above {options.bm25s_max_clauses:,} clauses (memory)"
    gc.collect()
    if options.milvus and clauses <= options.milvus_max_clauses:
        figures.update(anchors.milvus_figures(snapshot, config, Path(config.data_dir) / "bench-milvus", weights,
                                              vectors, options.progress))
    elif options.milvus:
        figures["milvus_note"] = f"skipped above {options.milvus_max_clauses:,} clauses (write time)"
    return figures


def _numpy(snapshot: object, query_vectors: np.ndarray, options: Options) -> dict:
    """Brute force over the stored vectors (read into memory) against the engine's FAISS index."""
    index = snapshot.dense.index
    brute = NumpyBaseline(np.ascontiguousarray(snapshot.dense.vectors, dtype=np.float32))
    numpy_ms = time_calls(brute.rank, query_vectors, "numpy", warmup=1, progress=options.progress)
    faiss_ms = time_calls(lambda v: index.search(v[None, :], 10), query_vectors, "faiss", warmup=1,
                          progress=options.progress)
    exact = [list(brute.rank(v)) for v in query_vectors]
    approx = [list(index.search(v[None, :], 10)[1][0]) for v in query_vectors]
    return {**numpy_ms.summary("numpy"), **faiss_ms.summary("faiss"), "dense_index": type(index).__name__,
            "dense_recall_at_10": overlap_at_k(exact, approx)}


def _startup_phase(data_dir: Path, query: str, options: Options) -> dict:
    if options.cold_runs <= 0:
        return {}
    figures = cold_start(data_dir, options.model, query, options.cold_runs)
    if options.ui and has_ui_builder():
        figures.update(ui_cold_start(data_dir, options.model))
    return figures


def _environment() -> dict:
    return {"cpus": os.cpu_count(), "python": platform.python_version(), "numpy": np.__version__,
            "threads": {name: os.environ.get(name, "") for name in THREAD_VARIABLES}}


def _since(start: float) -> float:
    return round(time.perf_counter() - start, 3)

