"""The SQLite store of documents and clauses: one file, every write in a transaction."""
from __future__ import annotations

import hashlib
import os
import sqlite3
import threading
from contextlib import contextmanager
from dataclasses import fields
from operator import attrgetter
from pathlib import Path
from typing import Iterator
from urllib.parse import quote

from ingest.oserrors import disk_full_message, free_mb, read_only_message, writable
from ingest.records import Clause, Document, clause_hash

SCHEMA_VERSION = 3
# 2: the filter and validity fields of a document (ingest.fields); a version 1 store gains them on opening
# 3: each clause's hash (ingest.records.clause_hash), so the index reads no clause text to see what changed
_ADDED_IN_2 = ("doc_type", "level", "region", "date_effective", "status", "repeals", "edited")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    doc_id TEXT PRIMARY KEY, title TEXT NOT NULL, source TEXT NOT NULL UNIQUE,
    doc_number TEXT, issuer TEXT, date_written TEXT, date_published TEXT,
    sha256 TEXT NOT NULL, text TEXT NOT NULL, clauses INTEGER NOT NULL,
    doc_type TEXT NOT NULL DEFAULT '', level TEXT NOT NULL DEFAULT '', region TEXT NOT NULL DEFAULT '',
    date_effective TEXT NOT NULL DEFAULT '', status TEXT NOT NULL DEFAULT '', repeals TEXT NOT NULL DEFAULT '',
    edited TEXT NOT NULL DEFAULT '');
CREATE TABLE IF NOT EXISTS clauses (
    id TEXT PRIMARY KEY, doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    document TEXT NOT NULL, source TEXT NOT NULL, clause TEXT NOT NULL, heading TEXT NOT NULL,
    text TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, seq INTEGER NOT NULL,
    hash TEXT NOT NULL DEFAULT '');
CREATE INDEX IF NOT EXISTS clauses_by_doc ON clauses(doc_id, seq);
CREATE INDEX IF NOT EXISTS documents_by_sha256 ON documents(sha256);
CREATE TABLE IF NOT EXISTS previous_clauses (
    id TEXT NOT NULL, doc_id TEXT NOT NULL,
    document TEXT NOT NULL, source TEXT NOT NULL, clause TEXT NOT NULL, heading TEXT NOT NULL,
    text TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, seq INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS previous_clauses_by_id ON previous_clauses(id);
CREATE INDEX IF NOT EXISTS previous_clauses_by_doc ON previous_clauses(doc_id);
"""
# Covers clause_keys(): the ids and hashes in order, read without the rows' text; after _SCHEMA, as a version 2
# store gains the hash column only when migrated.
_KEYS_INDEX = "CREATE INDEX IF NOT EXISTS clause_keys_in_order ON clauses(source, seq, id, hash)"
# A read-only store may predate previous_clauses; an empty stand-in in memory keeps the reads uniform.
_READ_ONLY_SCHEMA = "CREATE TEMP TABLE IF NOT EXISTS previous_clauses AS SELECT * FROM clauses WHERE 0"

# A read-only version 1 store cannot gain the columns: a view in memory shows them empty.
_READ_ONLY_V1 = ("CREATE TEMP VIEW IF NOT EXISTS documents AS SELECT *, "
                 + ", ".join(f"'' AS {name}" for name in _ADDED_IN_2) + " FROM main.documents")

_DOC_COLUMNS = [f.name for f in fields(Document)]
_FACT_COLUMNS = [name for name in _DOC_COLUMNS if name != "text"]
_CLAUSE_COLUMNS = [f.name for f in fields(Clause)]
# A record's fields in column order: dataclasses.astuple deep-copies every value, a third of ingest's writing
_document_row, _clause_row = attrgetter(*_DOC_COLUMNS), attrgetter(*_CLAUSE_COLUMNS)


class StoreError(Exception):
    """The store file cannot be opened or is of another version."""


def damaged_store_message(error: Exception, path: Path | None = None) -> str:
    """What to do about a store SQLite cannot read, whether it failed on opening or on a damaged page later."""
    if isinstance(error, sqlite3.OperationalError) and "locked" in str(error):
        return "文档库正被另一个进程长时间占用，请等它完成后重试。"
    where = f"文档库 {path}" if path else "数据文件夹中的文档库（store.sqlite3）"
    folder = path.parent if path else "数据文件夹"
    return (f"{where}无法读取（{error}）：它已损坏或不是本程序的文档库。请用损坏之前的备份替换它，"
            f"或把它移走后重新导入原始文件（python -m ingest 文件夹 --data {folder}）。")


class StoreReadOnly(StoreError):
    """The store's folder cannot be written: reading works, adding or removing documents does not."""


class Store:
    def __init__(self, path: str | Path):
        self.path = Path(path)
        self._readers = threading.local()
        self._reader_connections: list[sqlite3.Connection] = []  # closed with the store, so the log is folded in
        self.version_1_view = False  # a read-only store of version 1, read through a view (_READ_ONLY_V1)
        self.read_only = self.path.is_file() and not (writable(self.path.parent) and os.access(self.path, os.W_OK))
        self.read_only_reason = read_only_message("写入文档库", self.path.parent)
        try:
            self._open()
        except sqlite3.DatabaseError as error:
            if self.read_only or free_mb(self.path.parent) >= 1 or not self.path.is_file():
                raise self._open_error(error) from error
            # a full disk cannot hold the journal files a writer needs: read as it stands, say why
            self.read_only = True
            self.read_only_reason = disk_full_message("写入文档库", self.path.parent, 1)
            self._open()

    def _open(self) -> None:
        try:
            if not self.read_only:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            self.db = self._connect()
            self._prepare()
        except OSError as error:
            raise StoreReadOnly(read_only_message("打开文档库", self.path.parent)) from error
        except sqlite3.DatabaseError as error:
            if self.read_only:
                raise self._open_error(error) from error
            raise

    def _connect(self) -> sqlite3.Connection:
        """A connection; read-only ones never write the journal files a read-only folder could not hold."""
        if not self.read_only:
            return sqlite3.connect(self.path, timeout=30, isolation_level=None, check_same_thread=False)
        uri = f"file:{quote(str(self.path.resolve()))}?mode=ro"
        db = sqlite3.connect(uri, uri=True, timeout=30, isolation_level=None, check_same_thread=False)
        try:
            db.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return db
        except sqlite3.OperationalError:  # a WAL store without its -shm file: read the file as it stands
            db.close()
            return sqlite3.connect(uri + "&immutable=1", uri=True, isolation_level=None, check_same_thread=False)

    def _prepare(self) -> None:
        if self.read_only:
            self.db.execute(_READ_ONLY_SCHEMA)
            self._check_version()
            return
        self.db.execute("PRAGMA journal_mode=WAL")
        # WAL + NORMAL: a crash or power cut can lose the last commits, never corrupt the file
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.execute("PRAGMA foreign_keys=ON")
        self.db.executescript(_SCHEMA)
        self._check_version()
        self.db.execute(_KEYS_INDEX)

    def _open_error(self, error: sqlite3.DatabaseError) -> StoreError:
        if not writable(self.path.parent) or "readonly" in str(error):
            return StoreReadOnly(read_only_message("打开文档库", self.path.parent))
        if free_mb(self.path.parent) < 1:
            return StoreError(disk_full_message("打开文档库", self.path.parent, 1))
        return StoreError(damaged_store_message(error, self.path))

    def check(self) -> list[str]:
        """What SQLite's quick_check finds wrong with the file; empty when it is sound."""
        try:
            rows = [row[0] for row in self.db.execute("PRAGMA quick_check").fetchall()]
        except sqlite3.DatabaseError as error:
            return [str(error)]
        return [] if rows == ["ok"] else rows

    def _check_version(self) -> None:
        row = self.db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
        if row is None and not self.read_only:
            self.db.execute("INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
        elif row is not None and row[0] == "1" and self.read_only:
            self.version_1_view = True
            self.db.execute(_READ_ONLY_V1)
        elif row is not None and row[0] == "1":
            self._migrate_from_1()
            self._migrate_from_2()
        elif row is not None and row[0] == "2" and not self.read_only:
            self._migrate_from_2()
        elif row is not None and row[0] not in (str(SCHEMA_VERSION), "2"):
            raise StoreError(
                f"{self.path} 是第 {row[0]} 版的文档库，本程序读取第 {SCHEMA_VERSION} 版；"
                "请把它移走，再重新导入原始文件。")

    def _migrate_from_1(self) -> None:
        """Version 1 → 2: the new columns, filled from each document's title, issuer and text, in one transaction."""
        from ingest.details import add_details, refresh_statuses

        with self.transaction() as db:
            present = {row[1] for row in db.execute("PRAGMA table_info(documents)")}
            for name in _ADDED_IN_2:
                if name not in present:
                    db.execute(f"ALTER TABLE documents ADD COLUMN {name} TEXT NOT NULL DEFAULT ''")
            for document in self.documents():
                add_details(document)
                self._write_fields(db, document.doc_id, {n: getattr(document, n) for n in _ADDED_IN_2[:-1]})
            db.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
        refresh_statuses(self)

    def _migrate_from_2(self) -> None:
        """Version 2 → 3: the clauses' hashes, computed from their rows in one transaction."""
        with self.transaction() as db:
            if "hash" not in {row[1] for row in db.execute("PRAGMA table_info(clauses)")}:
                db.execute("ALTER TABLE clauses ADD COLUMN hash TEXT NOT NULL DEFAULT ''")
            rows = db.execute(f"SELECT {_select(_CLAUSE_COLUMNS)} FROM clauses").fetchall()
            db.executemany("UPDATE clauses SET hash = ? WHERE id = ?", [(clause_hash(Clause(*r)), r[0]) for r in rows])
            db.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(SCHEMA_VERSION),))

    def close(self) -> None:
        for reader in self._reader_connections:
            reader.close()
        self._reader_connections.clear()
        self.db.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """Everything inside commits together or not at all; a full disk or read-only folder is a StoreError."""
        try:
            self.db.execute("BEGIN IMMEDIATE")
            try:
                yield self.db
            except BaseException:
                self.db.execute("ROLLBACK")
                raise
            self.db.execute("COMMIT")
        except sqlite3.OperationalError as error:
            raise self._write_error(error) from error

    def _write_error(self, error: sqlite3.OperationalError) -> StoreError:
        if self.read_only:
            return StoreReadOnly(self.read_only_reason)
        if "readonly" in str(error):
            return StoreReadOnly(read_only_message("写入文档库", self.path.parent))
        if "full" in str(error):
            return StoreError(disk_full_message("写入文档库", self.path.parent, self.path.stat().st_size / 2**20))
        return StoreError(f"写入文档库 {self.path} 失败（{error}），本次改动未保存；请稍后重试。")

    def put_document(self, document: Document, clauses: list[Clause]) -> None:
        """Insert a document with its clauses, replacing any earlier version from the same source. The
        replaced clauses move to previous_clauses in the same transaction, so a search still reading an
        index built on them finds them until the index catches up (one earlier version per document)."""
        document.clauses = len(clauses)
        with self.transaction() as db:
            old = [row[0] for row in db.execute("SELECT doc_id FROM documents WHERE source = ? OR doc_id = ?",
                                                (document.source, document.doc_id))]
            _keep_edits(document, [self.document(doc_id) for doc_id in old])
            for doc_id in old:
                db.execute("DELETE FROM previous_clauses WHERE doc_id = ?", (doc_id,))
                db.execute(f"INSERT INTO previous_clauses SELECT {_select(_CLAUSE_COLUMNS)} FROM clauses "
                           "WHERE doc_id = ?", (doc_id,))
            db.execute("DELETE FROM documents WHERE source = ? OR doc_id = ?", (document.source, document.doc_id))
            db.execute(_insert("documents", _DOC_COLUMNS), _document_row(document))
            db.executemany(_insert("clauses", _CLAUSE_COLUMNS + ["hash"]), [(*_clause_row(c), clause_hash(c)) for c in clauses])

    def update_fields(self, doc_id: str, values: dict[str, str]) -> Document:
        """Set fields a user gave (ingest.fields checks them first); a re-import keeps them."""
        with self.transaction() as db:
            document = self.document(doc_id)
            if document is None:
                raise StoreError(f"文库中没有文件 {doc_id}")
            edited = ",".join(dict.fromkeys(document.edited_fields() + list(values)))
            self._write_fields(db, doc_id, {**values, "edited": edited})
        return self.document(doc_id)

    def set_statuses(self, statuses: dict[str, str]) -> None:
        """The statuses read from the texts, except on documents whose status a user set."""
        with self.transaction() as db:
            for doc_id, status in statuses.items():
                db.execute("UPDATE documents SET status = ? WHERE doc_id = ? AND ',' || edited || ',' NOT LIKE "
                           "'%,status,%'", (status, doc_id))

    @staticmethod
    def _write_fields(db: sqlite3.Connection, doc_id: str, values: dict[str, str]) -> None:
        assignments = ", ".join(f'"{name}" = ?' for name in values if name in _DOC_COLUMNS)
        db.execute(f"UPDATE documents SET {assignments} WHERE doc_id = ?",
                   [value for name, value in values.items() if name in _DOC_COLUMNS] + [doc_id])

    def facts(self) -> list[Document]:
        """Every document without its text (text is ""), read on the calling thread's own connection:
        what the search filters read, current with any edit."""
        return list(self.facts_by_id().values())

    def facts_by_id(self) -> dict[str, Document]:
        """The same documents by id, in source order. The dict is the same object until the next commit
        (by any connection or process), so what a caller derives from it may be kept as long as it is;
        the caller must not change it."""
        reader = self._reader()
        # Read again only after a commit: every search asks for them.
        version = reader.execute("PRAGMA data_version").fetchone()[0]
        cached = getattr(self._readers, "facts", None)
        if cached is None or cached[0] != version:
            rows = reader.execute(f"SELECT {_select(_FACT_COLUMNS)} FROM documents ORDER BY source").fetchall()
            documents = (Document(**dict(zip(_FACT_COLUMNS, row))) for row in rows)
            cached = self._readers.facts = (version, {d.doc_id: d for d in documents})
        return cached[1]

    def remove_document(self, doc_id: str) -> None:
        with self.transaction() as db:
            db.execute("DELETE FROM documents WHERE doc_id = ?", (doc_id,))
            db.execute("DELETE FROM previous_clauses WHERE doc_id = ?", (doc_id,))

    def document(self, doc_id: str) -> Document | None:
        row = self.db.execute(f"SELECT {_select(_DOC_COLUMNS)} FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
        return Document(*row) if row else None

    def document_by_source(self, source: str) -> Document | None:
        row = self.db.execute(f"SELECT {_select(_DOC_COLUMNS)} FROM documents WHERE source = ?", (source,)).fetchone()
        return Document(*row) if row else None

    def document_by_sha256(self, sha256: str) -> Document | None:
        row = self.db.execute(f"SELECT {_select(_DOC_COLUMNS)} FROM documents WHERE sha256 = ?", (sha256,)).fetchone()
        return Document(*row) if row else None

    def fingerprints(self, sources: list[str] | None = None) -> dict[str, tuple[str, str]]:
        """source -> (doc_id, sha256) of the stored documents (or of those named), without their text."""
        query, args = "SELECT source, doc_id, sha256 FROM documents", ()
        if sources is not None:
            query, args = query + f" WHERE source IN ({','.join('?' * len(sources))})", tuple(sources)
        return {source: (doc_id, sha) for source, doc_id, sha in self.db.execute(query, args)}

    def documents(self) -> list[Document]:
        rows = self.db.execute(f"SELECT {_select(_DOC_COLUMNS)} FROM documents ORDER BY source").fetchall()
        return [Document(*row) for row in rows]

    def find_documents(self, text: str) -> list[Document]:
        """Documents whose title, id or file name contains text."""
        return [d for d in self.documents() if text and (text in d.title or text in d.doc_id or text in d.source)]

    def clauses(self, doc_ids: list[str] | None = None) -> list[Clause]:
        query = f"SELECT {_select(_CLAUSE_COLUMNS)} FROM clauses"
        if doc_ids is not None:
            marks = ",".join("?" * len(doc_ids))
            query += f" WHERE doc_id IN ({marks})"
        rows = self.db.execute(query + " ORDER BY source, seq", doc_ids or ()).fetchall()
        return [Clause(*row) for row in rows]

    def clause_batches(self, size: int) -> Iterator[list[Clause]]:
        """Every clause in the order of clauses(), size at a time, from one statement (one consistent view of
        the store), so that a caller going through them all need not hold them all (an index build at 1M)."""
        cursor = self.db.execute(f"SELECT {_select(_CLAUSE_COLUMNS)} FROM clauses ORDER BY source, seq")
        try:
            while rows := cursor.fetchmany(size):
                yield [Clause(*row) for row in rows]
        finally:
            cursor.close()

    def clause_keys(self) -> tuple[list[str], list[str]]:
        """The id and hash of every clause, in the order of clauses(), without reading their text."""
        if "hash" not in {row[1] for row in self.db.execute("PRAGMA table_info(clauses)")}:
            clauses = self.clauses()  # a read-only store of an earlier version
            return [c.id for c in clauses], [clause_hash(c) for c in clauses]
        rows = self.db.execute("SELECT id, hash FROM clauses ORDER BY source, seq").fetchall()
        return [row[0] for row in rows], [row[1] for row in rows]

    def clauses_by_id(self, ids: list[str]) -> dict[str, Clause]:
        """The clauses with these ids that exist, by id; read on the calling thread's own connection."""
        found: dict[str, Clause] = {}
        for start in range(0, len(ids), 500):  # well under SQLite's limit on bound parameters
            batch = ids[start:start + 500]
            query = f"SELECT {_select(_CLAUSE_COLUMNS)} FROM clauses WHERE id IN ({','.join('?' * len(batch))})"
            found.update((row[0], Clause(*row)) for row in self._reader().execute(query, batch).fetchall())
        return found

    def clause_versions(self, ids: list[str]) -> dict[str, list[Clause]]:
        """The current and the replaced version of each clause id, current first, read in one statement so
        that a replacement committing meanwhile is seen wholly or not at all."""
        found: dict[str, list[Clause]] = {}
        columns = _select(_CLAUSE_COLUMNS)
        for start in range(0, len(ids), 400):  # two lists of bound parameters, under SQLite's limit
            batch = ids[start:start + 400]
            marks = ",".join("?" * len(batch))
            query = (f"SELECT {columns}, 0 FROM clauses WHERE id IN ({marks}) UNION ALL "
                     f"SELECT {columns}, 1 FROM previous_clauses WHERE id IN ({marks}) ORDER BY 11")
            for row in self._reader().execute(query, batch + batch).fetchall():
                found.setdefault(row[0], []).append(Clause(*row[:-1]))
        return found

    def _reader(self) -> sqlite3.Connection:
        """A connection per thread for the reads every search makes: searches overlapping on one connection
        would keep its read transaction open, and it would never see documents added since."""
        reader = getattr(self._readers, "db", None)
        if reader is None:
            reader = self._readers.db = self._connect()
            self._reader_connections.append(reader)
            if self.read_only:
                reader.execute(_READ_ONLY_SCHEMA)
            if self.version_1_view:
                reader.execute(_READ_ONLY_V1)
        return reader

    def clause_paths_like(self, fragment: str) -> list[tuple[str, str]]:
        """(id, citation path) of the clauses whose path contains fragment (第十五条, （四）)."""
        pattern = "%" + fragment.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        query = "SELECT id, clause FROM clauses WHERE clause LIKE ? ESCAPE '\\'"
        return [(row[0], row[1]) for row in self._reader().execute(query, (pattern,)).fetchall()]

    def clause(self, clause_id: str) -> Clause | None:
        row = self.db.execute(f"SELECT {_select(_CLAUSE_COLUMNS)} FROM clauses WHERE id = ?", (clause_id,)).fetchone()
        return Clause(*row) if row else None

    def corpus_hash(self) -> str:
        """Changes whenever any document is added, changed or removed."""
        digest = hashlib.sha256()
        for doc_id, sha in self.db.execute("SELECT doc_id, sha256 FROM documents ORDER BY doc_id"):
            digest.update(f"{doc_id}:{sha}\n".encode())
        return digest.hexdigest()[:16]


def _keep_edits(document: Document, earlier: list[Document | None]) -> None:
    """The fields a user set on the earlier version of a document stay set on the new one."""
    for old in filter(None, earlier):
        for name in old.edited_fields():
            setattr(document, name, getattr(old, name))
        document.edited = ",".join(dict.fromkeys(document.edited_fields() + old.edited_fields()))


def _select(columns: list[str]) -> str:
    return ", ".join(f'"{c}"' for c in columns)


def _insert(table: str, columns: list[str]) -> str:
    return f"INSERT INTO {table} ({_select(columns)}) VALUES ({','.join('?' * len(columns))})"
