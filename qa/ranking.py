"""The ranking model: a weighted sum of a few evidence features per candidate clause.

The weights are not typed in by hand: `python -m qa.tune` chooses them on the tuning half of the dev
questions (eval/) and writes them to qa/data/ranking.json with the figures on the held-out half."""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

FEATURES = ("body", "context", "dense", "sentence", "scope", "title", "ref", "typed", "home", "unmatched")
# body: BM25 of the clause text; context: BM25 of the document title and the headings above the clause;
# dense: cosine of the question and the clause; sentence: share of the question's evidence held by one
# sentence; scope: the clause's document is the one the question names (place, level, 《title》, issuer);
# title: the share of the document title's character pairs that the question spells out;
# ref: the clause is at the position the question cites (第十五条, 二、（四）12); typed: the clause holds
# a value of the kind the question asks for (qa.answer_types: a date for 何时, a 文号 for 文号 …);
# home: the sentence and unmatched features of a clause whose document belongs to the jurisdiction the
# library is about (qa.home), only when the question names no place, level or document: staff mostly ask
# about the plans they implement, and a home clause earns the preference by holding the question's words
# or, when no candidate holds them (a paraphrase), by its meaning;
# unmatched: dense again, times the square of the share of the question's evidence that no sentence of any
# candidate holds: when the question's words are nowhere (a citizen's paraphrase), the meaning decides more.
WEIGHTS_FILE = Path(__file__).parent / "data" / "ranking.json"
SCOPE = FEATURES.index("scope")
# A document the question names outright (its title, issuer, place or level) comes before every other
# one, as a filter would, but the others still follow: a named place is what the user asked about.
NAMED_FIRST = 1000.0


def combined(features: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """The ranking score of each candidate (rows of features) for one or several weight vectors (columns)."""
    named = (features[:, SCOPE] >= 1.0).astype(np.float32)
    scores = features @ weights
    return scores + NAMED_FIRST * (named if scores.ndim == 1 else named[:, None])


@dataclass
class Candidates:
    """The clauses worth ranking for one question and their features (rows x FEATURES)."""
    rows: np.ndarray
    features: np.ndarray
    leading: tuple[int, ...] = ()  # rows that come first, in this order, whatever their scores

    def scores(self, weights: np.ndarray) -> np.ndarray:
        return combined(self.features, weights)

    def ranked(self, weights: np.ndarray) -> list[tuple[int, float]]:
        """(row, score), best first (named documents first); ties by row so the order is stable. The score
        shown is the weighted evidence alone, without the named-first offset."""
        order = np.lexsort((self.rows, -self.scores(weights)))
        evidence = self.features @ weights
        ranked = [(int(self.rows[i]), float(evidence[i])) for i in order]
        first = {row: place for place, row in enumerate(self.leading)}
        return sorted(ranked, key=lambda pair: first.get(pair[0], len(first))) if first else ranked


def scaled(values: np.ndarray) -> np.ndarray:
    """Min-max over the candidates, so a feature's weight means the same for every question."""
    if len(values) == 0:
        return values
    low, high = float(values.min()), float(values.max())
    return (values - low) / (high - low) if high > low else np.zeros_like(values)


def load_weights(encoder_kind: str, path: Path = WEIGHTS_FILE) -> np.ndarray:
    """The tuned weights for this kind of dense encoder ("neural" or "lsa"), in FEATURES order."""
    data = json.loads(path.read_text(encoding="utf-8"))
    chosen = data["weights"].get(encoder_kind) or data["weights"]["neural"]
    return np.array([float(chosen[name]) for name in FEATURES], dtype=np.float32)
