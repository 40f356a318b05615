"""The sentence feature, passage-level evidence: how much of the question one sentence of a clause holds."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
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
    # An abbreviation counts only where its parts are terms of the question: known once per question.
    abbreviations = [(short, parts) for short, parts in abbreviations
                     if any(term in part for term in evidence for part in parts)]
    return np.array([best_sentence_share(_plain(c.text, c.document), evidence, abbreviations) for c in clauses],
                    dtype=np.float32)


@lru_cache(maxsize=20_000)
def _plain(text: str, title: str) -> str:
    """A clause's text as the question's terms are spelled (NFKC, lower case), its title left out:
    remembered, as the same clauses come back question after question."""
    return unicodedata.normalize("NFKC", text.replace(title, "")).lower()


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
    # Only the terms and abbreviations the clause holds at all are looked for sentence by sentence.
    present = [term for term in evidence if term in text]
    shorts = [(short, parts) for short, parts in abbreviations if short in text]
    if not present and not shorts:
        return 0.0
    sentences = [s for s in _SENTENCE.split(text) if s.strip()]
    # The clause's own heading (its first sentence, 17. 加快农业农村用能方式转变) scopes every sentence under it.
    heading = sentences[0] if sentences else ""
    best = max((_held(heading + " " + s, evidence, present, shorts) for s in sentences), default=0.0)
    return best / total


def _held(sentence: str, evidence: dict[str, float], present: list[str],
          abbreviations: list[tuple[str, list[str]]]) -> float:
    found = {term for term in present if term in sentence}
    for short, parts in abbreviations:
        if short in sentence:
            found |= {term for term in evidence if any(term in part for part in parts)}
    return sum(evidence[term] for term in found)
