"""The jurisdiction a library is about: staff load their own plans next to the national and provincial
ones they implement, and a question that names no place is about their own.

The home region is the smallest region enclosing the library's most local documents (台山市 and 江海区:
江门市); its documents are the home documents. When the most local documents lie in different provinces
(a ministry's library of every province's plans) or the library holds only national documents, there is
no home and no document is preferred."""
from __future__ import annotations

import re

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


# A law or regulation binds every place under its issuer; a plan sets its own place's targets.
_BINDING = re.compile(r"(?:法|条例|规定|办法|细则)(?:[（(][^（()）]{1,12}[）)])?$")


def foreign_documents(regions: list[Place | None], titles: list[str]) -> list[bool]:
    """Per document: one that does not speak for the home region, neither a home document nor a law or
    regulation of the state or of a place above the home (上海's plan, the national plan's own targets and
    深圳's regulation in a 江门 library; not the national laws nor 广东省's rules). All False without a home."""
    code = home_code(regions)
    if not code:
        return [False] * len(regions)
    return [not (region is not None and region.code.startswith(code))
            and not (_BINDING.search(title.strip()) and (region is None or code.startswith(region.code)))
            for region, title in zip(regions, titles)]


# 我们市, 咱们区, 我县: the asker's own place. In a library with a home it is the home region: what its own
# documents and the laws binding it say answers, another place's plan does not.
_OWN_PLACE = re.compile(r"(?:我们|咱们|我)(?:这个|这里|这边)?(?:市|区|县)(?![长委级])")


def asks_own_place(question: str, reading: Reading) -> bool:
    """The question speaks of the asker's own city, district or county and names no place."""
    return not reading.places and _OWN_PLACE.search(question) is not None


def home_preference(home: np.ndarray, reading: Reading, doc_scope: np.ndarray, names_title: bool) -> np.ndarray:
    """Per document number (last entry: no document): home (1 for a home document) when the question names
    no place, level or document (by its title, with or without 《》); zeros otherwise."""
    if doc_scope.any() or reading.places or reading.national or names_title:
        return np.zeros_like(home)
    return home
