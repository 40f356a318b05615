"""The baselines the engine is measured against, on the same tokens and the same vectors.

- rank-bm25's BM25Okapi: scores every document in Python for every query (the usual first try).
- bm25s: BM25 scores precomputed into a sparse matrix, a query sums a few columns (what a user would pick).
- numpy brute force: one matrix-vector product over all normalised vectors, top-k by argpartition.
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Callable, Sequence

import numpy as np
from tqdm import tqdm

from bench.measure import Latencies

Tokenizer = Callable[[str], list[str]]


def top_k(scores: np.ndarray, k: int) -> np.ndarray:
    """Indices of the k highest scores, best first (argpartition, then a sort of only k)."""
    k = min(k, len(scores))
    if k <= 0:
        return np.empty(0, dtype=np.int64)
    part = np.argpartition(-scores, k - 1)[:k]
    return part[np.argsort(-scores[part], kind="stable")]


@dataclass
class RankBM25Baseline:
    """rank-bm25 over pre-tokenised documents; the query is tokenised by the same tokenizer."""

    bm25: object
    tokenizer: Tokenizer
    build_s: float

    @classmethod
    def build(cls, documents: Sequence[list[str]], tokenizer: Tokenizer) -> RankBM25Baseline:
        from rank_bm25 import BM25Okapi

        start = time.perf_counter()
        # The engine's k1 and b, so that only the implementation differs.
        bm25 = BM25Okapi(list(documents), k1=1.2, b=0.75)
        return cls(bm25, tokenizer, time.perf_counter() - start)

    def rank(self, query: str, k: int = 10) -> np.ndarray:
        scores = np.asarray(self.bm25.get_scores(self.tokenizer(query)))
        return top_k(scores, k)


@dataclass
class BM25sBaseline:
    """bm25s (Lucene variant, the engine's k1 and b) indexed on the engine's own terms; a query is its
    distinct index terms the vocabulary knows, unweighted (bm25s has no per-term weights)."""

    bm25: object
    build_s: float

    @classmethod
    def build(cls, token_ids: list[list[int]], vocab: dict[str, int]) -> BM25sBaseline:
        import bm25s

        start = time.perf_counter()
        bm25 = bm25s.BM25(k1=1.2, b=0.75, method="lucene")
        bm25.index((token_ids, vocab), show_progress=False)
        return cls(bm25, time.perf_counter() - start)

    def known(self, terms: list[str]) -> list[str]:
        return [term for term in terms if term in self.bm25.vocab_dict]

    def rank(self, terms: list[str], k: int = 10) -> np.ndarray:
        """get_scores, then the top k by argpartition: bm25s's scoring alone."""
        return top_k(self.bm25.get_scores(terms), k) if terms else np.empty(0, dtype=np.int64)

    def retrieve(self, terms: list[str], k: int = 10) -> np.ndarray:
        """bm25s's own retrieve(): scoring, top-k selection and sorting, as its README calls it."""
        if not terms:
            return np.empty(0, dtype=np.int64)
        documents, _ = self.bm25.retrieve([terms], k=k, show_progress=False, n_threads=0)
        return documents[0]


def time_sampled(rank: Callable[[str], object], queries: list[str], budget_s: float,
                 label: str, progress: bool = True) -> Latencies:
    """Time rank(query) on as many queries as fit in budget_s (at least 3): slow baselines at large N."""
    result = Latencies()
    spent = 0.0
    for query in tqdm(queries, desc=label, unit="q", disable=not progress, leave=False):
        start = time.perf_counter()
        rank(query)
        elapsed = time.perf_counter() - start
        result.ms.append(elapsed * 1000)
        spent += elapsed
        if spent >= budget_s and len(result.ms) >= 3:
            break
    return result


@dataclass
class NumpyBaseline:
    """Exact inner-product search by one numpy matrix-vector product."""

    vectors: np.ndarray

    def rank(self, query_vector: np.ndarray, k: int = 10) -> np.ndarray:
        return top_k(self.vectors @ query_vector.astype(self.vectors.dtype, copy=False), k)


def overlap_at_k(first: list[list[int]], second: list[list[int]], k: int = 10) -> float:
    """Mean share of the top-k of `first` that also appears in the top-k of `second`."""
    shares = [len(set(a[:k]) & set(b[:k])) / max(1, min(k, len(a))) for a, b in zip(first, second)]
    return round(float(np.mean(shares)), 3) if shares else float("nan")
