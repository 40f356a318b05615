"""The sentence feature, passage-level evidence: how much of the question one sentence of a clause holds."""
from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING

import numpy as np

from index.tokenize import NGRAM_PREFIX, QueryTerms

if TYPE_CHECKING:
    from index.backend import SearchBackend
    from ingest.records import Clause

_SENTENCE = re.compile(r"[。；;！？!?\n]")


def idf_weighted_terms(backend: SearchBackend, terms: QueryTerms) -> dict[str, float]:
    """Each question term's weight times its idf, keyed by its surface form."""
    idf = backend.idf(list(terms.weights))
    evidence: dict[str, float] = {}
    for term, weight in terms.weights.items():
        surface = term.lstrip(NGRAM_PREFIX)
        evidence[surface] = evidence.get(surface, 0.0) + weight * idf.get(term, 0.0)
    return evidence


def sentence_shares(clauses: list[Clause], evidence: dict[str, float],
                    abbreviations: list[tuple[str, list[str]]] = ()) -> np.ndarray:
    """The sentence feature: best_sentence_share of each clause. The document's title printed on its
    cover is the title feature's evidence, not a sentence's."""
    return np.array([best_sentence_share(unicodedata.normalize("NFKC", c.text.replace(c.document, "")).lower(),
                                         evidence, abbreviations) for c in clauses], dtype=np.float32)


def best_sentence_share(text: str, evidence: dict[str, float],
                        abbreviations: list[tuple[str, list[str]]] = ()) -> float:
    """Share of the question's evidence (term weight x idf) found together in one sentence.

    Long clauses carry several measures; a clause whose single sentence holds most of the
    question's terms answers it better than one that scatters them (passage-level evidence,
    Callan, SIGIR 1994). Terms are matched as substrings, so no tokenizer runs at query time.
    A sentence using an abbreviation (光储充) holds the evidence of its parts (光伏, 储能, 充电)."""
    total = sum(evidence.values())
    if total <= 0:
        return 0.0
    sentences = [s for s in _SENTENCE.split(text) if s.strip()]
    # The clause's own heading (its first sentence, 17. 加快农业农村用能方式转变) scopes every sentence under it.
    heading = sentences[0] if sentences else ""
    best = max((_held(heading + " " + s, evidence, abbreviations) for s in sentences), default=0.0)
    return best / total


def _held(sentence: str, evidence: dict[str, float], abbreviations: list[tuple[str, list[str]]]) -> float:
    found = {term for term in evidence if term in sentence}
    for short, parts in abbreviations:
        if short in sentence:
            found |= {term for term in evidence if any(term in part for part in parts)}
    return sum(evidence[term] for term in found)
