"""The jurisdiction a library is about: staff load their own plans next to the national and provincial
ones they implement, and a question that names no place is about their own.

The home region is the smallest region enclosing the library's most local documents (台山市 and 江海区:
江门市); its documents are the home documents. When the most local documents lie in different provinces
(a ministry's library of every province's plans) or the library holds only national documents, there is
no home and no document is preferred."""
from __future__ import annotations

import numpy as np

from qa.places import Place
from qa.query import Reading

# Region codes nest by prefix: 2 digits a province, 4 a prefecture, 6 a county (qa.places).
_CODE_LENGTHS = (6, 4, 2)


def home_code(regions: list[Place | None]) -> str:
    """The code of the home region, or "" when there is none."""
    placed = [region for region in regions if region is not None]
    if not placed:
        return ""
    most_local = max(region.level for region in placed)
    codes = [region.code for region in placed if region.level == most_local]
    for length in _CODE_LENGTHS:
        prefixes = {code[:length] for code in codes}
        if len(prefixes) == 1 and all(len(code) >= length for code in codes):
            return prefixes.pop()
    return ""


def home_documents(regions: list[Place | None]) -> list[bool]:
    """Per document: it belongs to the home region. All False without a home, or when every document
    is at home (then the preference would change nothing)."""
    code = home_code(regions)
    at_home = [bool(code) and region is not None and region.code.startswith(code) for region in regions]
    return [False] * len(regions) if all(at_home) else at_home


def home_preference(home: np.ndarray, reading: Reading, doc_scope: np.ndarray, names_title: bool) -> np.ndarray:
    """Per document number (last entry: no document): home (1 for a home document) when the question names
    no place, level or document (by its title, with or without 《》); zeros otherwise."""
    if doc_scope.any() or reading.places or reading.national or names_title:
        return np.zeros_like(home)
    return home
