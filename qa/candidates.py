"""Candidate gathering: the rows worth ranking for a question, pooled from each ranking, and their clauses."""
from __future__ import annotations

import numpy as np

from index.lexical import top_k
from ingest.records import Clause
from ingest.store import Store
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
