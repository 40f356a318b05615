"""The scope feature: per document, whether the question names it (its title, issuer, place, or the
national level), or a place inside or above one it names."""
from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from index.tokenize import normalize
from qa.places import COUNTY, PROVINCIAL, Place
from qa.query import Reading

if TYPE_CHECKING:
    from qa.library import Library


def document_scope(library: Library, text: str, reading: Reading, title_recall: np.ndarray) -> np.ndarray:
    """Per document number (and a last entry for rows without a document): 1 for a document the
    question names (title, issuer, place, or the national level), 0.5 for one inside or above a named
    place, 0 otherwise. title_recall: the share of each title's pairs the question holds (TitleIndex)."""
    scope = np.zeros(len(library.doc_ids) + 1, dtype=np.float32)
    named, _ = library.names.mentioned(text)
    if not (named or reading.titles or reading.places or reading.national or reading.levels):
        return scope
    for number, doc_id in enumerate(library.doc_ids):
        if doc_id in named:
            scope[number] = 1.0
    for title in reading.titles:
        for number, held in enumerate(library.titles):
            if _same_title(title, held):
                scope[number] = 1.0
    # 香港特别行政区基本法第二十三条: the place inside a title the question spells out is that title's, so the
    # other documents of the place are only near it
    spelled = title_recall[:-1] >= 1.0
    for code, numbers in library.docs_by_region.items():
        region = library.regions[numbers[0]]
        if region is None:
            if reading.national and not reading.places:
                scope[numbers] = np.maximum(scope[numbers], 1.0)
        elif not reading.places and any(is_of_level(region, level) for level in reading.levels):
            scope[numbers] = np.maximum(scope[numbers], 1.0)
        elif any(region == place for place in reading.places):
            scope[numbers] = 1.0
        elif any(region.within(p) or p.within(region) for p in reading.places):
            scope[numbers] = np.maximum(scope[numbers], 0.5)
    if spelled.any():
        scope[:-1] = np.where(spelled, scope[:-1], np.minimum(scope[:-1], 0.5))
    return scope


def is_of_level(region: Place, level: str) -> bool:
    """A region at the level a question names: 省 for a province (a 直辖市 too), 市 for a place named 市
    (上海市, 江门市, 台山市), 区县 for a county or district."""
    if level == "省":
        return region.level == PROVINCIAL
    if level == "市":
        return region.name.endswith("市")
    return region.level == COUNTY and not region.name.endswith("市")


def _same_title(named: str, title: str) -> bool:
    """A 《name》 in a question names a document when one title holds the other (能源法 in 中华人民共和国能源法)."""
    named, title = normalize(named), normalize(title)
    return len(named) >= 2 and (named in title or title in named)
