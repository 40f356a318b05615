"""The SQLite store of documents and clauses: one file, every write in a transaction."""
from __future__ import annotations

import hashlib
import sqlite3
import threading
from contextlib import contextmanager
from dataclasses import astuple, fields
from pathlib import Path
from typing import Iterator

from ingest.records import Clause, Document

SCHEMA_VERSION = 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    doc_id TEXT PRIMARY KEY, title TEXT NOT NULL, source TEXT NOT NULL UNIQUE,
    doc_number TEXT, issuer TEXT, date_written TEXT, date_published TEXT,
    sha256 TEXT NOT NULL, text TEXT NOT NULL, clauses INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS clauses (
    id TEXT PRIMARY KEY, doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    document TEXT NOT NULL, source TEXT NOT NULL, clause TEXT NOT NULL, heading TEXT NOT NULL,
    text TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, seq INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS clauses_by_doc ON clauses(doc_id, seq);
CREATE INDEX IF NOT EXISTS documents_by_sha256 ON documents(sha256);
"""

_DOC_COLUMNS = [f.name for f in fields(Document)]
_CLAUSE_COLUMNS = [f.name for f in fields(Clause)]


class StoreError(Exception):
    """The store file cannot be opened or is of another version."""


class Store:
    def __init__(self, path: str | Path):
        self.path = Path(path)
        self._readers = threading.local()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.db = sqlite3.connect(self.path, timeout=30, isolation_level=None, check_same_thread=False)
            self.db.execute("PRAGMA journal_mode=WAL")
            # WAL + NORMAL: a crash or power cut can lose the last commits, never corrupt the file
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            self.db.executescript(_SCHEMA)
            self._check_version()
        except sqlite3.DatabaseError as error:
            raise StoreError(f"{self.path} is not a readable store ({error}); move it away and ingest again") from error

    def _check_version(self) -> None:
        row = self.db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
        if row is None:
            self.db.execute("INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
        elif int(row[0]) != SCHEMA_VERSION:
            raise StoreError(
                f"{self.path} has store version {row[0]}, this program reads version {SCHEMA_VERSION}; "
                "move it away and ingest the documents again")

    def close(self) -> None:
        self.db.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """Everything inside commits together or not at all."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    def put_document(self, document: Document, clauses: list[Clause]) -> None:
        """Insert a document with its clauses, replacing any earlier version from the same source."""
        document.clauses = len(clauses)
        with self.transaction() as db:
            db.execute("DELETE FROM documents WHERE source = ? OR doc_id = ?", (document.source, document.doc_id))
            db.execute(_insert("documents", _DOC_COLUMNS), astuple(document))
            db.executemany(_insert("clauses", _CLAUSE_COLUMNS), [astuple(c) for c in clauses])

    def remove_document(self, doc_id: str) -> None:
        with self.transaction() as db:
            db.execute("DELETE FROM documents WHERE doc_id = ?", (doc_id,))

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

    def clauses_by_id(self, ids: list[str]) -> dict[str, Clause]:
        """The clauses with these ids that exist, by id; read on the calling thread's own connection."""
        found: dict[str, Clause] = {}
        for start in range(0, len(ids), 500):  # well under SQLite's limit on bound parameters
            batch = ids[start:start + 500]
            query = f"SELECT {_select(_CLAUSE_COLUMNS)} FROM clauses WHERE id IN ({','.join('?' * len(batch))})"
            found.update((row[0], Clause(*row)) for row in self._reader().execute(query, batch).fetchall())
        return found

    def _reader(self) -> sqlite3.Connection:
        """A connection per thread for the reads every search makes: searches overlapping on one connection
        would keep its read transaction open, and it would never see documents added since."""
        reader = getattr(self._readers, "db", None)
        if reader is None:
            reader = self._readers.db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
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


def _select(columns: list[str]) -> str:
    return ", ".join(f'"{c}"' for c in columns)


def _insert(table: str, columns: list[str]) -> str:
    return f"INSERT INTO {table} ({_select(columns)}) VALUES ({','.join('?' * len(columns))})"
