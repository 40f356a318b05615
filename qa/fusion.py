"""Combining the lexical and dense rankings into one."""
from __future__ import annotations

import re

from qa.locality import locality_factor

_SENTENCE = re.compile(r"[。；;！？!?\n]")

RRF_K = 60  # Cormack, Clarke & Büttcher (2009): k = 60 is robust across collections


def rrf(rankings: list[list[tuple[int, float]]], weights: list[float], k: int = RRF_K) -> dict[int, float]:
    """Weighted reciprocal rank fusion: sum of w / (k + rank) over the rankings a row appears in."""
    fused: dict[int, float] = {}
    for ranking, weight in zip(rankings, weights):
        for rank, (row, _) in enumerate(ranking, start=1):
            fused[row] = fused.get(row, 0.0) + weight / (k + rank)
    return fused


def score_blend(rankings: list[list[tuple[int, float]]], weights: list[float]) -> dict[int, float]:
    """Weighted sum of scores scaled to [0, 1] by each ranking's best score (missing = 0)."""
    fused: dict[int, float] = {}
    for ranking, weight in zip(rankings, weights):
        best = max((score for _, score in ranking), default=0.0)
        for row, score in ranking:
            fused[row] = fused.get(row, 0.0) + weight * (score / best if best > 0 else 0.0)
    return fused


def localized(fused: dict[int, float], row_levels, weight: float) -> dict[int, float]:
    """Scores times the locality prior (qa.locality): the more local document's copy of a measure first.

    Multiplicative, so it only reorders clauses whose evidence is already close; a clause far ahead
    on the question's words stays ahead. weight 0 turns the prior off."""
    if weight == 0:
        return fused
    return {row: score * locality_factor(int(row_levels[row]), weight) for row, score in fused.items()}


def ordered(fused: dict[int, float], preferred: set[int] | None = None) -> list[tuple[int, float]]:
    """Best first; rows of documents the question names come before all others."""
    preferred = preferred or set()
    return sorted(fused.items(), key=lambda item: (item[0] not in preferred, -item[1], item[0]))


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
