"""The ref feature: the clauses at the position a question cites (第十五条, 二、（四）12), in the document it
names when that document has the position, else in any; and, for a question about a document itself
(文号? 谁发布的?), the clause that prints the asked fact."""
from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from ingest.records import doc_id_of
from ingest.store import Store
from qa.doc_answer import fact_clause
from qa.query import NAME_MATCH, Ref, cited_positions, path_fragment

if TYPE_CHECKING:
    from qa.library import Library

# A question about a document's own facts names one document; past a few, its name picks a kind of
# document (国务院's plans), and reading every one's text would cost more than the lookup is worth.
FACT_DOCUMENTS = 3


def named_documents(doc_scope: np.ndarray, title_recall: np.ndarray) -> np.ndarray | None:
    """The document numbers a question is about: those it names outright (place, level, 《title》,
    issuer), else those whose title it spells out best (大气污染防治法第十八条); None when it names none."""
    if (doc_scope[:-1] >= 1).any():
        return np.flatnonzero(doc_scope[:-1] >= 1)
    best = title_recall[:-1].max(initial=0.0)
    return np.flatnonzero(title_recall[:-1] >= best) if best >= NAME_MATCH else None


def cited_rows(store: Store, library: Library, refs: list[Ref], documents: np.ndarray | None) -> np.ndarray:
    """Rows of the clauses at the position the question cites, found by their citation paths in the store:
    in the given document numbers when any of them has that position (or has it as its readers count), else in
    any document."""
    if not refs:
        return np.zeros(0, dtype=np.int64)
    rows = _rows_at(store, library, refs)
    if documents is None:
        return rows
    inside = _inside(rows, library, documents)
    if not len(inside):
        inside = _as_readers_count(store, library, refs, documents)
    return inside if len(inside) else rows


# The numbering a question's 第X条 or 第X项 means in a document that has none of that kind.
_COUNTED_AS = {"条": ("一、",), "1.": ("一、", "（一）")}


def _as_readers_count(store: Store, library: Library, refs: list[Ref], documents: np.ndarray) -> np.ndarray:
    """The position as readers count it where the documents have none of the kind cited: 第四章的第一条 is the
    chapter's first article (第十九条); a decision numbered 一、二、 has no 第五条 or 第五项, so its 五、 (then
    its （五）) is meant."""
    if len(refs) >= 2 and refs[-1][0] == "条" and refs[-2][0] in ("章", "节"):
        articles = _inside(_rows_at(store, library, refs[:-1]), library, documents)
        return articles[refs[-1][1] - 1:refs[-1][1]]
    for kind in _COUNTED_AS.get(refs[0][0], ()) if len(refs) == 1 else ():
        items = _inside(_rows_at(store, library, [(kind, refs[0][1])]), library, documents)
        if len(items):
            return items
    return np.zeros(0, dtype=np.int64)


def _inside(rows: np.ndarray, library: Library, documents: np.ndarray) -> np.ndarray:
    return rows[np.isin(library.doc_of_row[rows], documents)]


def _rows_at(store: Store, library: Library, refs: list[Ref]) -> np.ndarray:
    row_of = library.row_of_id()
    found = [(i, path) for i, path in store.clause_paths_like(path_fragment(refs)) if i in row_of]
    kept = cited_positions([(doc_id_of(i), path) for i, path in found], refs)
    return np.array(sorted(row_of[i] for i, path in found if (doc_id_of(i), path) in kept), dtype=np.int64)


def fact_rows(store: Store, library: Library, fact: str | None, documents: np.ndarray | None) -> np.ndarray:
    """Rows of the clauses that print the asked fact (qa.doc_answer) of the documents the question names."""
    if fact is None or documents is None or len(documents) > FACT_DOCUMENTS:
        return np.zeros(0, dtype=np.int64)
    row_of = library.row_of_id()
    found = (fact_clause(store, library.doc_ids[number], fact) for number in documents.tolist())
    return np.array(sorted(row_of[c.id] for _, c in filter(None, found) if c is not None and c.id in row_of),
                    dtype=np.int64)
