"""What the search engine asks of an index, and the backend chosen by name (config field `backend`,
POLICY_QA_BACKEND). index.snapshot.Snapshot is the local implementation (sparse BM25 + FAISS in
memory-mapped files); index.milvus_backend.MilvusBackend serves the same snapshot from Milvus. Rows are
positions in clause_ids."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

import numpy as np

if TYPE_CHECKING:
    from index.snapshot import Snapshot

BACKENDS = ("faiss", "milvus")


class SearchBackend(Protocol):
    @property
    def clause_ids(self) -> list[str]:
        """Clause id of every row."""

    @property
    def clause_hashes(self) -> list[str]:
        """index.builder.clause_hash of the text each row was indexed from."""

    @property
    def manifest(self) -> dict:
        """The snapshot's manifest (encoder, tokenizer, corpus hash, clauses pending their vectors)."""

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


class UnknownBackend(ValueError):
    """The configured backend is none of BACKENDS."""


class BackendUnavailable(Exception):
    """The chosen backend is not installed, cannot be reached or refused a request; the message is Chinese."""


@dataclass(frozen=True)
class DocumentFields:
    """What a backend may store beside each clause for filtering: the document's level (qa.places), its
    region code ("" for a national document) and its date (published, else written; "" when unknown)."""
    level: int = 0
    region: str = ""
    date: str = ""


def check_backend(name: str) -> str:
    """The backend name, or UnknownBackend saying (in Chinese) which names exist."""
    if name not in BACKENDS:
        raise UnknownBackend(f"未知的检索后端 {name!r}：可选 {'、'.join(BACKENDS)}"
                             "（配置项 backend，环境变量 POLICY_QA_BACKEND）")
    return name


def open_backend(config, snapshot: Snapshot, documents: dict[str, DocumentFields]) -> SearchBackend:
    """The loaded snapshot served by the backend config.backend names; documents: fields by doc id.
    The Milvus backend writes the snapshot into its collection first when Milvus does not hold it yet."""
    if check_backend(config.backend) == "faiss":
        return snapshot
    from index.milvus_backend import open_milvus  # pymilvus only when Milvus is chosen

    return open_milvus(snapshot, documents, config.milvus_address, config.milvus_token,
                       config.exact_search_limit, snapshot.folder.parent)


def shares_library(config) -> bool:
    """Whether the backend keeps the library itself, shared by the data folders using it (Milvus does)."""
    return config.backend == "milvus"


def share_library(config, store) -> str:
    """With the Milvus backend, the store reconciled with the library held in Milvus, which every data folder
    on the same URI shares; what changed, in Chinese ("" when nothing did, and always with FAISS). The caller
    holds the data folder's write lock."""
    if not shares_library(config):
        return ""
    from index.milvus_library import share_with

    return share_with(config.milvus_address, config.milvus_token, store, config.index_dir)


def library_changed_elsewhere(config, store) -> bool:
    """With the Milvus backend, whether another data folder on the same URI added or removed a document (or
    this one did and has not shared it yet)."""
    if not shares_library(config):
        return False
    from index.milvus_library import changed_elsewhere

    return changed_elsewhere(config.milvus_address, config.milvus_token, store, config.index_dir)
