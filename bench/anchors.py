"""The anchors a user would measure the engine against, in the same run and on the same data:

- bm25s on the index's own terms: its scoring plus a top 10 by argpartition, and its retrieve(), against
  the engine's lexical search given the same terms (the analysed question, as the index backend gets it);
- the engine's hybrid search with its dense side done by numpy brute force (the exact answer), against
  the same search on FAISS: latency and the hybrid top 10's recall;
- Milvus Lite serving the same snapshot (index.milvus_backend), against FAISS and the local BM25.
"""
from __future__ import annotations

import gc
import time
from pathlib import Path
from typing import Callable, Sequence

import numpy as np

from bench import probe
from bench.baselines import BM25sBaseline, overlap_at_k, top_k
from bench.measure import Latencies, ratio, time_calls


def bm25s_figures(snapshot: object, weights: list[dict[str, float]]) -> dict:
    """bm25s and the engine's lexical backend on the same analysed questions, timed in turns."""
    token_ids, vocab = probe.lexical_token_ids(snapshot)
    baseline = BM25sBaseline.build(token_ids, vocab)
    del token_ids
    gc.collect()
    terms = [baseline.known(list(w)) for w in weights]
    ours, scoring, retrieve = time_interleaved([(lambda w: snapshot.lexical_top(w, 10, None), weights),
                                                (baseline.rank, terms), (baseline.retrieve, terms)])
    unweighted = [[row for row, _ in snapshot.lexical_top(dict.fromkeys(t, 1.0), 10, None)] for t in terms]
    theirs = [list(baseline.rank(t)) for t in terms]
    figures = {**ours.summary("lexical_index"), **scoring.summary("bm25s"), **retrieve.summary("bm25s_retrieve"),
               "bm25s_build_s": round(baseline.build_s, 3), "bm25s_overlap_at_10": overlap_at_k(unweighted, theirs)}
    figures["speedup_vs_bm25s"] = ratio(figures["bm25s_p50_ms"], figures["lexical_index_p50_ms"])
    return figures


def time_interleaved(calls: list[tuple[Callable, Sequence]], warmup: int = 3) -> list[Latencies]:
    """Each call timed on its own inputs, taking turns question by question, so that load from other work on
    the machine falls on all of them alike (the calls are compared with each other)."""
    for call, inputs in calls:
        for item in inputs[:warmup]:
            call(item)
    result = [Latencies() for _ in calls]
    for i in range(min(len(inputs) for _, inputs in calls)):
        for (call, inputs), timed in zip(calls, result):
            start = time.perf_counter()
            call(inputs[i])
            timed.ms.append((time.perf_counter() - start) * 1000)
    return result


class ExactDense:
    """A search backend whose dense search is numpy brute force over its vectors; the rest is the backend's."""

    def __init__(self, backend: object, vectors: np.ndarray):
        self.backend, self.vectors = backend, vectors

    def dense_top(self, vector: np.ndarray, limit: int, allowed: np.ndarray | None) -> list[tuple[int, float]]:
        if not np.any(vector):
            return []
        scores = self.vectors @ np.asarray(vector, dtype=np.float32).ravel()
        if allowed is not None:
            scores = np.where(allowed, scores, -np.inf)
        return [(int(row), float(scores[row])) for row in top_k(scores, limit) if np.isfinite(scores[row])]

    def __getattr__(self, name: str) -> object:
        return getattr(self.backend, name)


def exact_hybrid_figures(engine: object, queries: list[str], progress: bool) -> dict:
    """The engine's hybrid search with exact dense search: its latency, and how much of its top 10 the
    search on the engine's own FAISS index returns (1.0 while FAISS is exact)."""
    from dataclasses import replace

    state = engine._state
    approximate = [[hit.id for hit in engine.search(q, top_k=10).hits] for q in queries]
    vectors = np.ascontiguousarray(state.snapshot.dense.vectors, dtype=np.float32)
    engine._state = replace(state, snapshot=ExactDense(state.snapshot, vectors))
    try:
        timed = time_calls(lambda q: engine.search(q, top_k=10), queries, "hybrid-numpy", progress=progress)
        exact = [[hit.id for hit in engine.search(q, top_k=10).hits] for q in queries]
    finally:
        engine._state = state
    return {**timed.summary("hybrid_numpy"), "hybrid_recall_at_10": overlap_at_k(exact, approximate)}


def milvus_figures(snapshot: object, config: object, work: Path, weights: list[dict[str, float]],
                   query_vectors: np.ndarray, progress: bool) -> dict:
    """Milvus Lite holding the same snapshot: write time, dense and lexical latency, recall@10 of its dense
    index against exact search, and its lexical top 10's overlap with the local BM25's."""
    from index.backend import BackendUnavailable
    from index.milvus_backend import open_milvus

    work.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    try:
        milvus = open_milvus(snapshot, {}, str(work / "milvus.db"), "", config.exact_search_limit, work)
    except BackendUnavailable as error:
        return {"milvus_note": str(error)}
    written = round(time.perf_counter() - start, 3)
    dense = time_calls(lambda v: milvus.dense_top(v[None, :], 10, None), query_vectors, "milvus-dense",
                       progress=progress)
    lexical = time_calls(lambda w: milvus.lexical_top(w, 10, None), weights, "milvus-lexical", progress=progress)
    vectors = np.ascontiguousarray(snapshot.dense.vectors, dtype=np.float32)
    exact = [list(top_k(vectors @ v, 10)) for v in query_vectors]
    found = [[row for row, _ in milvus.dense_top(v[None, :], 10, None)] for v in query_vectors]
    local = [[row for row, _ in snapshot.lexical_top(w, 10, None)] for w in weights]
    remote = [[row for row, _ in milvus.lexical_top(w, 10, None)] for w in weights]
    return {"milvus_write_s": written, **dense.summary("milvus_dense"), **lexical.summary("milvus_lexical"),
            "milvus_dense_recall_at_10": overlap_at_k(exact, found),
            "milvus_lexical_overlap_at_10": overlap_at_k(local, remote)}
