"""A snapshot written into a Milvus collection: one entity per clause row with its dense vector, the
BM25 weights of its body and of its context (our tokenizer, our weights: index.lexical) as sparse float
vectors, and its document id, level, region and date as scalar fields for filters.

A collection is named after the content it holds (the CRC-32s the snapshot's manifest records for its
vectors and BM25 matrices), so it is immutable like a snapshot folder: a new snapshot gets a new
collection, written while the old one keeps serving; the old ones this data folder wrote are dropped
once more than KEEP_COLLECTIONS exist. Milvus Lite has neither aliases nor renames, so a collection is
complete when it holds as many rows as the snapshot; rows are upserted by row number, so a write cut
short (or two processes writing the same snapshot) is finished by the next writer."""
from __future__ import annotations

import hashlib
import json
import logging
import os
import warnings
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from scipy import sparse

from index.backend import BackendUnavailable, DocumentFields
from ingest.records import doc_id_of

if TYPE_CHECKING:
    from index.snapshot import Snapshot

SCHEMA_VERSION = 1  # bump when the fields below change: the collection names change with it
PREFIX = "policy_qa_"
KEEP_COLLECTIONS = 2  # as index.snapshot.KEEP_SNAPSHOTS: the previous one stays for searches in flight
WRITE_BATCH = 1000  # rows a request: well under gRPC's 64 MB message limit at 1024 dimensions
LEDGER = "milvus.json"  # in the index folder: the collections this data folder wrote, oldest first
INSTALL_HINT = ("Milvus 后端需要 pymilvus 和 Milvus Lite：pip install 'pymilvus>=2.5,<2.6' 'milvus-lite==2.5.1' "
                "'setuptools<81'（或 pip install -r requirements.txt）")


def pymilvus() -> Any:
    """The pymilvus module, imported only when the Milvus backend is chosen."""
    with warnings.catch_warnings():  # milvus-lite 2.5.1 imports pkg_resources, deprecated by setuptools
        warnings.filterwarnings("ignore", message="pkg_resources is deprecated")
        try:
            import pymilvus as module
        except ImportError as error:
            raise BackendUnavailable(f"{INSTALL_HINT}（{error}）") from error
        try:
            import milvus_lite  # noqa: F401  (imported here, where its warning is silenced)
        except ImportError:
            pass  # a server needs no Milvus Lite; for a .db address pymilvus says it is missing
    # pymilvus logs its failures in English before raising them, and Milvus Lite cannot give a query iterator
    # its timestamp (a warning on every library read): the engine says what failed, in Chinese, itself
    for name in ("pymilvus", "pymilvus.milvus_client"):  # both have their own handler (pymilvus.settings)
        logging.getLogger(name).setLevel(logging.CRITICAL)
    if not any(isinstance(f, _FromMilvusLite) for f in logging.getLogger().filters):
        logging.getLogger().addFilter(_FromMilvusLite())  # milvus_lite logs on the root logger
    return module


class _FromMilvusLite(logging.Filter):
    """Drops milvus_lite's own log lines (English; connect() reports the same failure in Chinese)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "milvus_lite" not in record.pathname


_clients: dict[tuple[str, str], Any] = {}


def connect(uri: str, token: str) -> Any:
    """One MilvusClient per address and token in this process. A path (ending .db) starts Milvus Lite
    in this process; http://host:19530 connects to a server."""
    key = (uri, token)
    if key not in _clients:
        try:
            _clients[key] = pymilvus().MilvusClient(uri=uri, token=token)
        except BackendUnavailable:
            raise
        except Exception as error:  # pymilvus raises MilvusException, grpc and OS errors alike here
            raise BackendUnavailable(connect_failure(uri, error)) from error
    return _clients[key]


def connect_failure(uri: str, error: Exception) -> str:
    """Why Milvus at uri cannot be used, and what to do, in Chinese."""
    if "Open local milvus failed" in str(error):
        return (f"Milvus Lite 的数据库 {uri} 已被另一个进程打开（Milvus Lite 一次只能由一个进程使用）；请先关闭那个进程，"
                "或让各进程连接同一个 Milvus 服务器：POLICY_QA_MILVUS_URI=http://主机:19530")
    return (f"无法连接 Milvus {uri}（{type(error).__name__}: {short_error(error)}）；请检查 POLICY_QA_MILVUS_URI 和 "
            "POLICY_QA_MILVUS_TOKEN，或不设 POLICY_QA_MILVUS_URI 以使用数据文件夹中的 Milvus Lite")


def collection_name(snapshot: Snapshot) -> str:
    """A name for exactly this snapshot's searchable content: its clause ids, vectors and BM25 weights."""
    files = snapshot.manifest["files"]
    parts = [str(SCHEMA_VERSION), *snapshot.clause_ids]
    parts += [f"{name}:{files[name]['crc32']}" for name in sorted(files)
              if name in ("vectors.npy", "delta_vectors.npy")
              or name.endswith(("score_data.npy", "score_rows.npy", "slots.npy"))]
    return PREFIX + hashlib.sha1("|".join(parts).encode("utf-8")).hexdigest()[:20]


def row_count(client: Any, name: str) -> int:
    """Rows the collection holds; -1 when it does not exist."""
    if not client.has_collection(name):
        return -1
    client.load_collection(name)  # a server releases collections when it restarts; loaded ones return at once
    result = client.query(name, filter="", output_fields=["count(*)"], consistency_level="Strong")
    return int(result[0]["count(*)"])


def ensure_collection(client: Any, snapshot: Snapshot, documents: dict[str, DocumentFields],
                      exact_limit: int, index_dir: Path) -> str:
    """The collection holding this snapshot, written first when it is missing or incomplete."""
    name, size = collection_name(snapshot), snapshot.dense.size
    if row_count(client, name) != size:
        if not client.has_collection(name):
            create(client, name, snapshot.dense.vectors.shape[1], size <= exact_limit)
        write_rows(client, name, snapshot, documents)
        client.flush(name)
        remember(index_dir, client, name)
    return name


def create(client: Any, name: str, dim: int, exact: bool) -> None:
    """The collection and its indexes: exact (FLAT) dense search up to the exact-search limit, AUTOINDEX
    above it (HNSW on a server); an inverted index for each sparse field."""
    data_type = pymilvus().DataType
    schema = client.create_schema(auto_id=False, enable_dynamic_field=False)
    schema.add_field("row", data_type.INT64, is_primary=True)
    schema.add_field("clause_id", data_type.VARCHAR, max_length=512)
    schema.add_field("doc_id", data_type.VARCHAR, max_length=512)
    schema.add_field("level", data_type.INT8)
    schema.add_field("region", data_type.VARCHAR, max_length=32)
    schema.add_field("date", data_type.VARCHAR, max_length=64)
    schema.add_field("dense", data_type.FLOAT_VECTOR, dim=max(dim, 2))  # an empty library has none; Milvus wants 2+
    schema.add_field("body", data_type.SPARSE_FLOAT_VECTOR)
    schema.add_field("context", data_type.SPARSE_FLOAT_VECTOR)
    indexes = client.prepare_index_params()
    indexes.add_index("dense", index_type="FLAT" if exact else "AUTOINDEX", metric_type="IP")
    for field in ("body", "context"):
        indexes.add_index(field, index_type="SPARSE_INVERTED_INDEX", metric_type="IP",
                          params={"drop_ratio_build": 0.0})
    client.create_collection(name, schema=schema, index_params=indexes, consistency_level="Strong")


def write_rows(client: Any, name: str, snapshot: Snapshot, documents: dict[str, DocumentFields]) -> None:
    """Every row of the snapshot, upserted in batches."""
    body, context = snapshot.lexical.row_scores(), snapshot.context.row_scores()
    for start in range(0, snapshot.dense.size, WRITE_BATCH):
        rows = range(start, min(start + WRITE_BATCH, snapshot.dense.size))
        client.upsert(name, [entity(row, snapshot, body, context, documents) for row in rows])


def entity(row: int, snapshot: Snapshot, body: sparse.csr_matrix, context: sparse.csr_matrix,
           documents: dict[str, DocumentFields]) -> dict:
    clause_id = snapshot.clause_ids[row]
    fields = documents.get(doc_id_of(clause_id), DocumentFields())
    return {"row": row, "clause_id": clause_id, "doc_id": doc_id_of(clause_id), "level": fields.level,
            "region": fields.region, "date": fields.date,
            "dense": np.asarray(snapshot.dense.vectors[row], dtype=np.float32).tolist(),
            "body": sparse_row(body, row), "context": sparse_row(context, row)}


def sparse_row(matrix: sparse.csr_matrix, row: int) -> dict[int, float]:
    start, end = matrix.indptr[row], matrix.indptr[row + 1]
    return dict(zip(matrix.indices[start:end].tolist(), matrix.data[start:end].tolist()))


def remember(index_dir: Path, client: Any, name: str) -> None:
    """Note the collection in the ledger and drop the oldest this data folder wrote beyond KEEP_COLLECTIONS."""
    ledger = index_dir / LEDGER
    try:
        names = [n for n in json.loads(ledger.read_text(encoding="utf-8"))["collections"] if n != name]
    except (OSError, ValueError, KeyError, TypeError):
        names = []
    names.append(name)
    for old in names[:-KEEP_COLLECTIONS]:
        if client.has_collection(old):
            client.drop_collection(old)
    temp = ledger.with_name(f"{LEDGER}.{os.getpid()}.tmp")
    temp.write_text(json.dumps({"collections": names[-KEEP_COLLECTIONS:]}, ensure_ascii=False), encoding="utf-8")
    os.replace(temp, ledger)


def short_error(error: Exception) -> str:
    return " ".join(str(error).split())[:160]
