"""qa.tune's choice of weights: each family of question files (plans, laws) counts the same, however many
files it holds; the unmatched feature lets meaning decide where no clause holds the question's words."""
from __future__ import annotations

import numpy as np

from qa.features import _unmatched
from qa.ranking import FEATURES
from qa.tune import Question, best_weights

BODY, UNMATCHED = FEATURES.index("body"), FEATURES.index("unmatched")


def _question(name: str, group: str, family: str, rows: list[tuple[float, float]], gold: int) -> Question:
    features = np.zeros((len(rows), len(FEATURES)), dtype=np.float32)
    for i, (body, unmatched) in enumerate(rows):
        features[i, BODY], features[i, UNMATCHED] = body, unmatched
    return Question(name, "paraphrase", group, features, np.arange(len(rows)) == gold, family)


def _questions(law_family: str) -> list[Question]:
    # The plan question is answered by its words; two clauses that share its meaning only come next.
    plan = _question("p1", "plans", "plans", [(1.0, 0.0), (0.8, 0.5), (0.8, 0.5)], gold=0)
    # Each law question is answered by the clause that shares its meaning, not its words.
    laws = [_question(f"l{n}", f"laws{n}", law_family, [(0.8, 0.5), (1.0, 0.0)], gold=0) for n in range(3)]
    return [plan, *laws]


def test_a_family_of_many_files_counts_as_much_as_one_file_of_the_other():
    assert best_weights(_questions("laws"))[UNMATCHED] == 0.0  # one plan file weighs as much as three law files
    assert best_weights(_questions("plans"))[UNMATCHED] > 0.0  # as four files of one family, the laws outvote it


def test_the_meaning_weighs_more_only_where_no_sentence_holds_the_question():
    dense = np.array([1.0, 0.5, 0.0], dtype=np.float32)
    assert _unmatched(dense, np.array([1.0, 0.2, 0.0], dtype=np.float32)).tolist() == [0.0, 0.0, 0.0]
    assert np.allclose(_unmatched(dense, np.array([0.5, 0.2, 0.0], dtype=np.float32)), [0.25, 0.125, 0.0])
