"""What the search engine asks of an index. index.snapshot.Snapshot is the local implementation (sparse
BM25 + FAISS in memory-mapped files); a distributed engine (OpenSearch, Milvus: docs/BENCHMARKS.md)
is one more module with these members, rows being positions in clause_ids."""
from __future__ import annotations

from typing import Protocol

import numpy as np


class SearchBackend(Protocol):
    @property
    def clause_ids(self) -> list[str]:
        """Clause id of every row."""

    @property
    def clause_hashes(self) -> list[str]:
        """index.builder.clause_hash of the text each row was indexed from."""

    def lexical_top(self, weights: dict[str, float], limit: int, allowed: np.ndarray | None) -> list[tuple[int, float]]:
        """The best rows by BM25 for weighted query terms, best first; allowed: a boolean row mask."""

    def dense_top(self, vector: np.ndarray, limit: int, allowed: np.ndarray | None) -> list[tuple[int, float]]:
        """The nearest rows by inner product with a (1, dim) query vector, best first."""

    def lexical_scores(self, weights: dict[str, float], field: str = "body") -> np.ndarray:
        """BM25 of every row in one field ("body": the clause text; "context": title and headings)."""

    def dense_scores(self, vector: np.ndarray, rows: np.ndarray) -> np.ndarray:
        """Inner product of a (1, dim) query vector with the vectors of these rows."""

    def idf(self, terms: list[str]) -> dict[str, float]:
        """BM25 idf of the terms the index knows."""
