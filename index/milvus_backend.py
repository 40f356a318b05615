"""index.backend.SearchBackend on Milvus: Milvus Lite (embedded, started by pymilvus, a file in the data
folder) or a Milvus server (http://host:19530). Searches run in Milvus over the collection
index.milvus_collection wrote; a query's BM25 is the inner product of its sparse vector of term
weights with each clause's sparse vector of BM25 weights, so scores equal the FAISS backend's. The
vocabulary and idf table come from the snapshot's plain files (vocab.json, score_indptr.npy)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from index.backend import BackendUnavailable, DocumentFields
from index.milvus_collection import connect, ensure_collection, short_error

if TYPE_CHECKING:
    from index.encoders import OfflineEncoder
    from index.snapshot import Snapshot

TOP_K_CAP = 16384  # Milvus's largest limit for one search or query
SEARCH_PARAMS = {"metric_type": "IP", "params": {"drop_ratio_search": 0.0}}  # no query term is dropped


@dataclass
class MilvusBackend:
    snapshot: Snapshot  # the local manifest, vocabularies and encoder; its FAISS files are not searched
    client: Any  # pymilvus.MilvusClient
    collection: str

    @property
    def clause_ids(self) -> list[str]:
        return self.snapshot.clause_ids

    @property
    def clause_hashes(self) -> list[str]:
        return self.snapshot.clause_hashes

    @property
    def manifest(self) -> dict:
        return self.snapshot.manifest

    @property
    def offline(self) -> OfflineEncoder | None:
        return self.snapshot.offline

    @property
    def size(self) -> int:
        return len(self.snapshot.clause_ids)

    def lexical_top(self, weights: dict[str, float], limit: int, allowed: np.ndarray | None) -> list[tuple[int, float]]:
        query = self._query_terms(weights, "body")
        if not query or limit <= 0:
            return []
        return [(row, score) for row, score in self._search("body", query, limit, allowed) if score > 0]

    def dense_top(self, vector: np.ndarray, limit: int, allowed: np.ndarray | None) -> list[tuple[int, float]]:
        if self.size == 0 or limit <= 0 or not np.any(vector):
            return []
        return self._search("dense", np.asarray(vector, dtype=np.float32).ravel().tolist(), limit, allowed)

    def lexical_scores(self, weights: dict[str, float], field: str = "body") -> np.ndarray:
        """Every row's score, read in windows of rows: Milvus returns at most TOP_K_CAP hits a search."""
        scores = np.zeros(self.size, dtype=np.float32)
        query = self._query_terms(weights, field)
        if not query:
            return scores
        for start in range(0, self.size, TOP_K_CAP):
            window = "" if self.size <= TOP_K_CAP else f"row >= {start} and row < {start + TOP_K_CAP}"
            for row, score in self._hits(field, query, min(self.size, TOP_K_CAP), window):
                scores[row] = score
        return scores

    def dense_scores(self, vector: np.ndarray, rows: np.ndarray) -> np.ndarray:
        """The rows' vectors read back from Milvus, multiplied here."""
        rows = np.asarray(rows, dtype=np.int64)
        vectors = np.zeros((len(rows), self.snapshot.dense.vectors.shape[1]), dtype=np.float32)
        position = {row: i for i, row in enumerate(rows.tolist())}
        for start in range(0, len(rows), TOP_K_CAP):
            chunk = rows[start:start + TOP_K_CAP].tolist()
            for entity in self._call(self.client.query, self.collection, filter=f"row in {chunk}",
                                     output_fields=["row", "dense"], limit=len(chunk)):
                vectors[position[entity["row"]]] = entity["dense"]
        return vectors @ np.asarray(vector, dtype=np.float32).ravel()

    def idf(self, terms: list[str]) -> dict[str, float]:
        return self.snapshot.lexical.idf(terms)

    def _query_terms(self, weights: dict[str, float], field: str) -> dict[int, float]:
        """The query as a sparse vector over the field's term ids (terms the index never saw are left out)."""
        vocab = (self.snapshot.lexical if field == "body" else self.snapshot.context).vocab
        query: dict[int, float] = {}
        for term, weight in weights.items():
            if term in vocab and weight:
                query[vocab[term]] = query.get(vocab[term], 0.0) + float(weight)
        return query

    def _search(self, field: str, query: Any, limit: int, allowed: np.ndarray | None) -> list[tuple[int, float]]:
        """Best rows first, inside the allowed rows (a filter on the row number)."""
        if allowed is None:
            return self._hits(field, query, min(limit, self.size, TOP_K_CAP), "")
        rows = np.flatnonzero(allowed)
        if len(rows) == 0:
            return []
        return self._hits(field, query, min(limit, len(rows), TOP_K_CAP), f"row in {rows.tolist()}")

    def _hits(self, field: str, query: Any, limit: int, where: str) -> list[tuple[int, float]]:
        if limit <= 0:
            return []
        result = self._call(self.client.search, self.collection, data=[query], anns_field=field, limit=limit,
                            filter=where, search_params=SEARCH_PARAMS, output_fields=[])
        hits = [(int(hit["id"]), float(hit["distance"])) for hit in result[0]]
        return sorted(hits, key=lambda hit: -hit[1])

    def _call(self, method, *args, **kwargs):
        """A Milvus request; a refusal or a lost connection becomes BackendUnavailable."""
        try:
            return method(*args, **kwargs)
        except Exception as error:  # MilvusException, grpc errors: the engine reports them alike
            raise BackendUnavailable(f"Milvus 请求失败（{type(error).__name__}: {short_error(error)}）") from error


def open_milvus(snapshot: Snapshot, documents: dict[str, DocumentFields], uri: str, token: str,
                exact_limit: int, index_dir: Path) -> MilvusBackend:
    """The snapshot served from Milvus at uri, written into its collection first when Milvus lacks it."""
    client = connect(uri, token)
    try:
        name = ensure_collection(client, snapshot, documents, exact_limit, index_dir)
    except BackendUnavailable:
        raise
    except Exception as error:  # a refused write (disk full, wrong token) has many exception types
        raise BackendUnavailable(f"无法把索引写入 Milvus {uri}（{type(error).__name__}: {short_error(error)}）") from error
    return MilvusBackend(snapshot, client, name)
