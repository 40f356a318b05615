"""The library (documents, their text and their clause records) kept in Milvus too, so that data folders
on the same Milvus URI hold the same documents: a document ingested through one app server is found by
every other after its next refresh (ui/live.py asks every few seconds).

Each data folder's store stays the working copy; share() reconciles it with Milvus both ways. What the
two sides held after the last reconciliation is in index/library.json, which tells a document added on
one side (copy it to the other) from one removed on one side (remove it from the other: a delete by
filter on its doc id). A document is written to Milvus clauses and text first, its record last, and is
read only when all its clauses are there, so a half-written one is never copied."""
from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from index.backend import BackendUnavailable
from index.milvus_collection import connect, pymilvus, short_error
from ingest.records import Clause, Document

DOCUMENTS, CLAUSES, TEXTS = "policy_qa_documents", "policy_qa_clauses", "policy_qa_texts"
TEXT_PART = 16_000  # characters a text entity: 4 bytes each at worst, under VARCHAR's 65 535
RECORD_BYTES = 65_535
LEDGER = "library.json"
BATCH = 1000


@dataclass
class Plan:
    """What share() does: copy to Milvus, copy from Milvus, remove here, remove there (doc ids)."""
    push: list[str] = field(default_factory=list)
    pull: list[str] = field(default_factory=list)
    drop_here: list[str] = field(default_factory=list)
    drop_there: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.push or self.pull or self.drop_here or self.drop_there)

    @property
    def changes_store(self) -> bool:
        return bool(self.pull or self.drop_here)


def ensure_collections(client: Any) -> None:
    """The three library collections (Milvus wants a vector field in each: a 2-dimension zero vector)."""
    for name, key in ((DOCUMENTS, "doc_id"), (CLAUSES, "id"), (TEXTS, "id")):
        if client.has_collection(name):
            client.load_collection(name)
            continue
        data_type = pymilvus().DataType
        schema = client.create_schema(auto_id=False, enable_dynamic_field=False)
        schema.add_field(key, data_type.VARCHAR, max_length=512, is_primary=True)
        if key != "doc_id":
            schema.add_field("doc_id", data_type.VARCHAR, max_length=512)
        schema.add_field("sha256", data_type.VARCHAR, max_length=64)
        schema.add_field("record", data_type.VARCHAR, max_length=RECORD_BYTES)
        schema.add_field("unused", data_type.FLOAT_VECTOR, dim=2)
        indexes = client.prepare_index_params()
        indexes.add_index("unused", index_type="FLAT", metric_type="L2")
        client.create_collection(name, schema=schema, index_params=indexes, consistency_level="Strong")


def remote_documents(client: Any) -> dict[str, str]:
    """doc id -> sha256 of every complete document in Milvus."""
    found: dict[str, str] = {}
    iterator = client.query_iterator(DOCUMENTS, batch_size=BATCH, filter="", output_fields=["doc_id", "sha256"])
    while batch := iterator.next():
        found.update((row["doc_id"], row["sha256"]) for row in batch)
    iterator.close()
    return found


def plan(local: dict[str, str], remote: dict[str, str], ledger: set[str]) -> Plan:
    """Who has changed what since the last reconciliation (local, remote: doc id -> sha256)."""
    result = Plan()
    for doc_id in sorted(local.keys() - remote.keys()):
        (result.drop_here if doc_id in ledger else result.push).append(doc_id)
    for doc_id in sorted(remote.keys() - local.keys()):
        (result.drop_there if doc_id in ledger else result.pull).append(doc_id)
    return result


def share(client: Any, store, index_dir: Path) -> Plan:
    """Reconcile the store with the library in Milvus; what was done. The caller holds the data folder's
    write lock."""
    ensure_collections(client)
    local = {doc_id: sha for doc_id, sha in store.fingerprints().values()}
    todo = plan(local, remote_documents(client), read_ledger(index_dir))
    for doc_id in todo.push:
        push(client, store, doc_id)
    for doc_id in todo.drop_there:
        drop(client, doc_id)
    for doc_id in todo.pull:
        pulled = pull(client, doc_id)
        if pulled is not None:
            store.put_document(*pulled)
    for doc_id in todo.drop_here:
        store.remove_document(doc_id)
    now = {doc_id for doc_id, _ in store.fingerprints().values()}
    if now != read_ledger(index_dir):
        write_ledger(index_dir, now)
    return todo


def share_with(uri: str, token: str, store, index_dir: Path) -> str:
    """share() at this address; what changed, in Chinese ("" when nothing did)."""
    client = connect(uri, token)
    try:
        done = share(client, store, index_dir)
    except BackendUnavailable:
        raise
    except Exception as error:  # MilvusException, grpc errors
        raise BackendUnavailable(f"无法与 Milvus {uri} 中的文库同步（{type(error).__name__}: {short_error(error)}）") \
            from error
    counts = [(len(done.pull), "份从 Milvus 取来"), (len(done.drop_here), "份已在别处删除"),
              (len(done.push), "份写入 Milvus"), (len(done.drop_there), "份从 Milvus 删除")]
    return "，".join(f"{n} {what}" for n, what in counts if n)


def changed_elsewhere(uri: str, token: str, store, index_dir: Path) -> bool:
    """Whether share_with would change anything; False when Milvus cannot be asked now."""
    try:
        return pending(connect(uri, token), store, index_dir)
    except Exception:  # a watcher's question: the next check asks again
        return False


def pending(client: Any, store, index_dir: Path) -> bool:
    """Whether share() would change anything (a cheap read of the document ids on both sides)."""
    if not client.has_collection(DOCUMENTS):
        return bool(store.fingerprints())
    local = {doc_id: sha for doc_id, sha in store.fingerprints().values()}
    return bool(plan(local, remote_documents(client), read_ledger(index_dir)))


def push(client: Any, store, doc_id: str) -> None:
    """A document of the store into Milvus: its clauses and text, then its record."""
    document = store.document(doc_id)
    if document is None:
        return
    clauses = store.clauses([doc_id])
    rows = [{"id": c.id, "doc_id": doc_id, "sha256": document.sha256, "record": _json(asdict(c)),
             "unused": [0.0, 0.0]} for c in clauses]
    parts = [document.text[i:i + TEXT_PART] for i in range(0, len(document.text), TEXT_PART)] or [""]
    rows_text = [{"id": f"{doc_id}:{n:05d}", "doc_id": doc_id, "sha256": document.sha256, "record": part,
                  "unused": [0.0, 0.0]} for n, part in enumerate(parts)]
    for name, entities in ((CLAUSES, rows), (TEXTS, rows_text)):
        for start in range(0, len(entities), BATCH):
            client.upsert(name, entities[start:start + BATCH])
    record = {**asdict(document), "text": len(parts), "clauses": len(clauses)}  # text: the number of parts
    client.upsert(DOCUMENTS, [{"doc_id": doc_id, "sha256": document.sha256, "record": _json(record),
                               "unused": [0.0, 0.0]}])


def pull(client: Any, doc_id: str) -> tuple[Document, list[Clause]] | None:
    """A document and its clauses read from Milvus; None when it is gone or not wholly written yet."""
    where = f"doc_id == {json.dumps(doc_id)}"
    found = client.query(DOCUMENTS, filter=where, output_fields=["record"])
    if not found:
        return None
    record = json.loads(found[0]["record"])
    clauses = [Clause(**json.loads(row["record"])) for row in _all(client, CLAUSES, where)]
    parts = sorted(_all(client, TEXTS, where), key=lambda row: row["id"])
    if len(clauses) != record["clauses"] or len(parts) != record["text"]:
        return None
    record["text"] = "".join(row["record"] for row in parts)
    return Document(**record), sorted(clauses, key=lambda c: c.seq)


def drop(client: Any, doc_id: str) -> None:
    """A document removed from Milvus: its record first, so no reader copies a half-removed one."""
    where = f"doc_id == {json.dumps(doc_id)}"
    for name in (DOCUMENTS, CLAUSES, TEXTS):
        client.delete(name, filter=where)


def _all(client: Any, name: str, where: str) -> list[dict]:
    rows: list[dict] = []
    iterator = client.query_iterator(name, batch_size=BATCH, filter=where, output_fields=["id", "record"])
    while batch := iterator.next():
        rows += batch
    iterator.close()
    return rows


def read_ledger(index_dir: Path) -> set[str]:
    try:
        return set(json.loads((index_dir / LEDGER).read_text(encoding="utf-8"))["documents"])
    except (OSError, ValueError, KeyError, TypeError):
        return set()


def write_ledger(index_dir: Path, doc_ids: set[str]) -> None:
    index_dir.mkdir(parents=True, exist_ok=True)
    temp = index_dir / f"{LEDGER}.{os.getpid()}.tmp"
    temp.write_text(json.dumps({"documents": sorted(doc_ids)}, ensure_ascii=False), encoding="utf-8")
    os.replace(temp, index_dir / LEDGER)


def _json(value: dict) -> str:
    return json.dumps(value, ensure_ascii=False)
