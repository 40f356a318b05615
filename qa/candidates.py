"""Candidate gathering: the rows worth ranking for a question, pooled from each ranking, and their clauses."""
from __future__ import annotations

import numpy as np

from index.lexical import top_k
from ingest.records import Clause
from ingest.store import Store
from qa.definitions import defines
from qa.features import Signals
from qa.library import Library, clauses_at

POOL = 50  # candidates taken from each ranking before the features are computed


def gathered(store: Store, library: Library, signals: Signals,
             allowed: np.ndarray | None) -> tuple[np.ndarray, dict[int, Clause]]:
    """The pooled rows whose clause the store still holds as indexed, and those clauses by row."""
    rows = pooled_rows(library, signals, allowed)
    known = clauses_at(store, library, rows.tolist())
    return np.array([row for row in rows.tolist() if row in known], dtype=np.int64), known


def pooled_rows(library: Library, signals: Signals, allowed: np.ndarray | None) -> np.ndarray:
    """Rows from each ranking: the best by BM25, by the dense vector, the best inside the documents
    the question names, and the clauses at the position it cites."""
    body, vector, doc_scope = signals.body, signals.vector, signals.doc_scope
    live = library.doc_of_row >= 0 if allowed is None else (allowed & (library.doc_of_row >= 0))
    rows = [row for row, _ in top_k(body, POOL, live)]
    if vector is not None:  # the ANN index with the user's filter only; rows of removed documents dropped after
        rows += [row for row, _ in library.snapshot.dense_top(vector, POOL, allowed) if live[row]]
    in_scope = doc_scope[library.doc_of_row] > 0 if doc_scope.any() else None
    if in_scope is not None:
        rows += [row for row, _ in top_k(body + 1e-6 * in_scope, POOL, live & in_scope)]
    rows += [row for row in signals.refs.tolist() if live[row]]
    return np.array(sorted(set(rows)), dtype=np.int64)


def position_in_order(signals: Signals, library: Library, known: dict[int, Clause]) -> tuple[int, ...]:
    """For a question that cites a position of one document and asks only what it says (第三章讲什么), that
    position's clauses as the document reads them; otherwise none."""
    cited = [row for row in signals.refs.tolist() if row in known]
    if not signals.question.reads_position or len({int(library.doc_of_row[row]) for row in cited}) != 1:
        return ()
    return tuple(sorted(cited, key=lambda row: known[row].seq))


def defining_first(signals: Signals, library: Library, known: dict[int, Clause]) -> tuple[int, ...]:
    """For a question asking what a term means (地震观测环境是指什么), the clauses defining it, best by BM25
    first, only in the documents the question names when it names any: the definition is the answer,
    wherever the clause's other terms put it (a 用语的含义 article defines many)."""
    rows = [row for row, clause in known.items() if defines(clause.text, signals.defined)]
    if (signals.doc_scope[:-1] >= 1).any():  # another document's definition is no answer about the one named
        rows = [row for row in rows if signals.doc_scope[library.doc_of_row[row]] >= 1]
    return tuple(sorted(rows, key=lambda row: -signals.body[row]))
