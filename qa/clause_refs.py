"""The ref feature: the clauses at the position a question cites (第十五条, 二、（四）12), in any document."""
from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from ingest.store import Store
from qa.query import Ref, cites, path_fragment

if TYPE_CHECKING:
    from qa.library import Library


def cited_rows(store: Store, library: Library, refs: list[Ref]) -> np.ndarray:
    """Rows of the clauses at the position the question cites, found by their citation paths in the store."""
    if not refs:
        return np.zeros(0, dtype=np.int64)
    row_of = library.row_of_id()
    found = store.clause_paths_like(path_fragment(refs))
    return np.array(sorted(row_of[i] for i, path in found if i in row_of and cites(path, refs)), dtype=np.int64)
