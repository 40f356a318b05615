"""The documents of one loaded snapshot (numbers, titles, regions, levels, name keys) and the clauses at its
rows, read from the store in the version the snapshot indexed; clause texts are never held in memory."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable

import numpy as np

from index.backend import DocumentFields, SearchBackend
from index.builder import clause_hash
from index.encoders import Encoder
from index.snapshot import Snapshot
from index.tokenize import normalize
from ingest.records import Clause, Document
from ingest.store import Store
from qa.docnames import DocumentNames
from qa.home import foreign_documents, home_documents
from qa.places import NATIONAL, Place, gazetteer
from qa.query import TitleIndex

_OPENING_BRACKETS = str.maketrans("[［【(（", "〔〔〔〔〔")
_CLOSING_BRACKETS = str.maketrans("]］】)）", "〕〕〕〕〕")


def doc_number_key(number: str) -> str:
    """A 文号 however its brackets and spaces were typed: 国发(2021) 23号 and 国发〔2021〕23号 are one."""
    return "".join(number.split()).translate(_OPENING_BRACKETS).translate(_CLOSING_BRACKETS)


@dataclass(frozen=True)
class Library:
    """One snapshot and what the engine derives from it; clause texts stay in the store, read by row."""
    snapshot: SearchBackend  # the loaded index.snapshot.Snapshot, or it served by Milvus (config.backend)
    encoder: Encoder
    doc_of_row: np.ndarray  # document number per row, -1 where the store no longer has the document
    doc_ids: list[str]
    names: DocumentNames
    titles: list[str]
    regions: list[Place | None]  # the place each document belongs to (qa.places), None for national ones
    levels: list[int]  # qa.places NATIONAL … COUNTY
    home: np.ndarray  # per document number (last entry: no document): 1.0 for the library's own jurisdiction (qa.home)
    foreign: frozenset[str]  # ids of the documents that do not speak for the home region (qa.home.foreign_documents)
    title_index: TitleIndex
    docs_by_region: dict[str, list[int]]  # region code ("" for national) -> document numbers
    doc_numbers: frozenset[str] = frozenset()  # the documents' 文号, as doc_number_key spells them
    _row_of_id: dict[str, int] = field(default_factory=dict)

    @classmethod
    def of(cls, snapshot: Snapshot, encoder: Encoder, documents: list[Document], names: DocumentNames,
           serve: Callable[[dict[str, DocumentFields]], SearchBackend]) -> Library:
        """The library of a loaded snapshot and the store's documents; serve(the documents' fields) is the
        backend that answers its searches."""
        doc_ids = [d.doc_id for d in documents]
        number = {d: n for n, d in enumerate(doc_ids)}
        # doc_id_of inlined: a call per row is a third of a second at a million rows
        doc_of_row = np.array([number.get(i.rpartition(":")[0], -1) for i in snapshot.clause_ids], dtype=np.int32)
        regions = [document_region(d) for d in documents]
        levels = [NATIONAL if region is None else region.level for region in regions]
        titles = [d.title for d in documents]
        by_region: dict[str, list[int]] = {}
        for number, region in enumerate(regions):
            by_region.setdefault(region.code if region else "", []).append(number)
        home = np.array(home_documents(regions) + [False], dtype=np.float32)
        fields = {d.doc_id: DocumentFields(level, region.code if region else "", d.date_published or d.date_written)
                  for d, region, level in zip(documents, regions, levels)}
        foreign = frozenset(d for d, flag in zip(doc_ids, foreign_documents(regions, titles)) if flag)
        numbers = frozenset(doc_number_key(d.doc_number) for d in documents if d.doc_number)
        return cls(serve(fields), encoder, doc_of_row, doc_ids, names, titles, regions, levels, home, foreign,
                   TitleIndex(titles), by_region, numbers)

    def row_of_id(self) -> dict[str, int]:
        """Row of each clause id, made on first use (only clause references need it)."""
        if not self._row_of_id:
            self._row_of_id.update((clause_id, row) for row, clause_id in enumerate(self.snapshot.clause_ids))
        return self._row_of_id

    def rows_of(self, doc_ids) -> np.ndarray | None:
        """A row mask of the given documents; None (every row) when no documents are given."""
        if doc_ids is None:
            return None
        wanted = set(doc_ids)
        numbers = [n for n, d in enumerate(self.doc_ids) if d in wanted]
        return np.isin(self.doc_of_row, numbers)

    def clause_ids_of(self, ranking: list[tuple[int, float]]) -> list[tuple[str, float]]:
        """(clause id, score) for each ranked row whose document the store still has."""
        ids = self.snapshot.clause_ids
        return [(ids[row], score) for row, score in ranking if self.doc_of_row[row] >= 0]


def document_region(document) -> Place | None:
    """The place a document belongs to, from its title, else its issuer; None for a national document."""
    return _region_of(document.title, document.issuer)


@lru_cache(maxsize=1 << 16)  # a refresh makes the library anew: unchanged documents are not looked up again
def _region_of(title: str, issuer: str) -> Place | None:
    return gazetteer().region_of(normalize(title)) or gazetteer().region_of(normalize(issuer))


def clauses_at(store: Store, library: Library, rows, known: dict[int, Clause] | None = None) -> dict[int, Clause]:
    """The clauses at these snapshot rows, read from the store as they were indexed: the current
    version, else the one a replacement just retired (so a search during a replacement sees the old
    document until the index catches up). A row whose document is gone is left out. Adds to known."""
    known = {} if known is None else known
    wanted = [row for row in rows if row not in known and library.doc_of_row[row] >= 0]
    ids, hashes = library.snapshot.clause_ids, library.snapshot.clause_hashes
    found = store.clause_versions([ids[row] for row in wanted])
    for row in wanted:
        clause = next((c for c in found.get(ids[row], ()) if clause_hash(c) == hashes[row]), None)
        if clause is not None:
            known[row] = clause
    return known


def first_readable(store: Store, library: Library, ranked: list[tuple[int, float]], count: int,
                   known: dict[int, Clause]) -> list[tuple[int, float]]:
    """The first count ranked rows whose clause the store still holds as indexed (read into known)."""
    shown: list[tuple[int, float]] = []
    for start in range(0, len(ranked), max(count, 1) + 10):
        if len(shown) >= count:
            break
        batch = ranked[start:start + count + 10]
        clauses_at(store, library, [row for row, _ in batch], known)
        shown += [(row, score) for row, score in batch if row in known][:count - len(shown)]
    return shown
