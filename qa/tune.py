"""python -m qa.tune: choose the ranking weights (qa.ranking) on the dev questions, by grid search,
and report them on questions that were not used to choose them (two-fold cross-validation).

Every question's candidates and features are computed once; each weight vector in the grid then
only re-sorts them. The objective is MRR@10 over the questions; ties between weight vectors go to
the smaller weights (the simpler model)."""
from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from argparse_zh import Parser
from config import load_config
from qa.eval import TOP, matches, read_jsonl
from qa.question import question_text
from qa.ranking import FEATURES, WEIGHTS_FILE, combined

# body is the unit; the others are multiples of it. A weight chosen at the top of its range has the range
# widened and the search run again, kept while the held-out figure rises (home and unmatched, chosen at 2
# and 4, were widened to 6 and 8; unmatched to 24 scored lower).
GRID = {"body": (1.0,), "context": (0.0, 0.25, 0.5, 1.0), "dense": (0.0, 0.5, 1.0, 2.0, 3.0),
        "sentence": (0.0, 0.5, 1.0, 2.0), "scope": (0.0, 1.0), "title": (0.0, 0.5, 1.0, 2.0, 4.0), "ref": (0.0, 1.0, 2.0, 4.0),
        "typed": (0.0, 0.25, 0.5, 1.0), "home": (0.0, 0.5, 1.0, 1.5, 2.0, 3.0, 4.0, 6.0),
        "unmatched": (0.0, 1.0, 2.0, 4.0, 8.0)}


@dataclass
class Question:
    id: str
    kind: str
    group: str  # the question file it came from
    features: np.ndarray  # candidates x FEATURES
    gold: np.ndarray  # boolean per candidate: the clause matches the question's gold
    family: str = "plans"  # "plans" (asked of the dev documents), "laws" (of a law batch beside them) or "answers"


def collect(engine, questions: list[dict], group: str = "", family: str = "plans") -> list[Question]:
    """Candidates and features of every question that has gold clauses."""
    state = engine._state
    collected = []
    for item in questions:
        if not item.get("gold"):
            continue
        text, _ = question_text(item["question"], engine.config.max_query_chars)
        candidates, _, known = engine.candidates(state, text)
        gold = np.array([matches(known[row], item["gold"]) for row in candidates.rows.tolist()], dtype=bool)
        collected.append(Question(item["id"], item.get("kind", "-"), group, candidates.features, gold, family))
    return collected


def ranks(questions: list[Question], weights: np.ndarray) -> np.ndarray:
    """Rank of the first gold clause per question (ties counted against it); 0 when it is not a candidate."""
    out = np.zeros(len(questions), dtype=np.int64)
    for i, question in enumerate(questions):
        if question.gold.any():
            scores = combined(question.features, weights)
            best = scores[question.gold].max()
            out[i] = 1 + int(np.count_nonzero(scores[~question.gold] >= best))
    return out


def figures(rank: np.ndarray) -> dict:
    found = rank > 0
    n = max(len(rank), 1)
    return {"n": len(rank), "R@1": round(float(np.sum(rank == 1)) / n, 3),
            "R@5": round(float(np.sum(found & (rank <= 5))) / n, 3),
            "MRR@10": round(float(np.sum(np.where(found & (rank <= TOP), 1.0 / np.maximum(rank, 1), 0.0))) / n, 3)}


def grid() -> list[np.ndarray]:
    """Every weight vector of GRID, simplest (smallest sum) first."""
    vectors = [np.array(combo, dtype=np.float32) for combo in itertools.product(*(GRID[f] for f in FEATURES))]
    return sorted(vectors, key=lambda v: float(v.sum()))


def best_weights(questions: list[Question]) -> np.ndarray:
    """The grid's weight vector with the highest MRR@10 averaged over the question files, each family of
    files (plans, laws, answers) counting the same (the first, so the simplest, of equals)."""
    vectors = np.stack(grid(), axis=1)  # FEATURES x grid size
    objective = np.zeros(vectors.shape[1])
    for question, share in zip(questions, question_shares(questions)):
        if not question.gold.any():
            continue
        scores = combined(question.features, vectors)
        best = scores[question.gold].max(axis=0)
        rank = 1 + np.count_nonzero(scores[~question.gold] >= best, axis=0)
        objective += np.where(rank <= TOP, 1.0 / rank, 0.0) * share
    return vectors[:, int(np.argmax(objective + 1e-9 * -np.arange(len(objective))))]


def question_shares(questions: list[Question]) -> list[float]:
    """Each question's share of the objective: every family counts the same, and within it every file."""
    sizes, files = {}, {}
    for question in questions:
        sizes[question.group] = sizes.get(question.group, 0) + 1
        files.setdefault(question.family, set()).add(question.group)
    return [1.0 / (len(files) * len(files[q.family]) * sizes[q.group]) for q in questions]


def fold_of(question_id: str) -> int:
    """A fixed split of the questions in two halves, by a hash of their id."""
    return hashlib.sha1(question_id.encode()).digest()[0] % 2


def cross_validate(questions: list[Question]) -> tuple[np.ndarray, dict]:
    """Held-out ranks of every question: weights chosen on one half, applied to the other; and those weights."""
    held_out = np.zeros(len(questions), dtype=np.int64)
    chosen = {}
    for fold in (0, 1):
        train = [q for q in questions if fold_of(q.id) != fold]
        test = [i for i, q in enumerate(questions) if fold_of(q.id) == fold]
        weights = best_weights(train)
        chosen[fold] = {name: round(float(w), 4) for name, w in zip(FEATURES, weights)}
        held_out[test] = ranks([questions[i] for i in test], weights)
    return held_out, chosen


def by_kind(questions: list[Question], rank: np.ndarray, attribute: str = "kind") -> dict:
    """Figures overall and per kind (or per file, attribute "group")."""
    values = sorted({getattr(q, attribute) for q in questions})
    table = {"overall": figures(rank)}
    for value in values:
        table[value] = figures(rank[[i for i, q in enumerate(questions) if getattr(q, attribute) == value]])
    return table


def render(table: dict, title: str) -> str:
    lines = [title, f"  {'kind':<15}{'n':>4}{'R@1':>8}{'R@5':>8}{'MRR@10':>8}"]
    for kind, row in table.items():
        lines.append(f"  {kind:<15}{row['n']:>4}{row['R@1']:>8.3f}{row['R@5']:>8.3f}{row['MRR@10']:>8.3f}")
    return "\n".join(lines)


def parser() -> argparse.ArgumentParser:
    p = Parser(prog="python -m qa.tune", description="按开发问题集网格搜索排序权重（qa/ranking.py 的各项特征），"
                                "以两折交叉验证报告未参与选择的问题上的 R@1 / R@5 / MRR@10，并把在全部问题上选出的权重写入 "
                                "qa/data/ranking.json。")
    p.add_argument("--questions", metavar="FILE", nargs="+", required=True, help="问题集 JSONL（id, question, kind, gold）")
    p.add_argument("--data", metavar="DIR", help="已导入文档的数据目录（默认 data/，或 POLICY_QA_DATA_DIR）")
    p.add_argument("--laws", metavar=("FILE", "DIR"), nargs=2, action="append", default=[],
                   help="另一类文库的问题集及其数据目录（如一批法律加 30 份开发文件，见 README）；可重复。所有 --laws "
                   "问题集合为一类，与 --questions 一类同等计权")
    p.add_argument("--answers", metavar=("FILE", "DIR"), nargs=2, action="append", default=[],
                   help="答案问题集（eval/questions_answers_blind*.jsonl）及其数据目录；可重复。有出处的问题按检索计分，"
                   "合为第三类，与另两类同等计权")
    p.add_argument("--write", action="store_true", help="把选出的权重写入 qa/data/ranking.json（否则只打印）")
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    from qa.engine import Engine

    engine = Engine.open(load_config(args.data))
    engine.tuning = True
    kind = engine.encoder_kind
    questions = [q for path in args.questions for q in collect(engine, list(read_jsonl(Path(path))), Path(path).stem)]
    asked_elsewhere = [(data, path, "laws") for path, data in args.laws] + \
        [(data, path, "answers") for path, data in args.answers]
    for data in sorted({data for data, _, _ in asked_elsewhere}):  # one engine per library, however many files ask it
        other = Engine.open(load_config(data))
        other.tuning = True
        for _, path, family in (entry for entry in asked_elsewhere if entry[0] == data):
            questions += collect(other, list(read_jsonl(Path(path))), Path(path).stem, family)
        other.close()
    held_out, per_fold = cross_validate(questions)
    final = best_weights(questions)
    print(f"encoder: {engine.mode} ({kind}); {len(questions)} questions with gold")
    print(render(by_kind(questions, held_out), "held-out (two-fold cross-validation)"))
    print(render(by_kind(questions, held_out, "family"), "held-out, per family"))
    print(render(by_kind(questions, held_out, "group"), "held-out, per file"))
    print(render(by_kind(questions, ranks(questions, final)), "fitted on all (optimistic)"))
    print("weights per fold:", json.dumps(per_fold, ensure_ascii=False))
    print("weights chosen on all:", json.dumps({n: round(float(w), 4) for n, w in zip(FEATURES, final)}, ensure_ascii=False))
    if args.write:
        write_weights(kind, final, by_kind(questions, held_out), args.questions + [f"--laws {f} {d}" for f, d in args.laws]
                      + [f"--answers {f} {d}" for f, d in args.answers])
    return 0


def write_weights(kind: str, weights: np.ndarray, held_out: dict, sources: list[str]) -> None:
    store_tuned(WEIGHTS_FILE, kind, {name: round(float(w), 4) for name, w in zip(FEATURES, weights)},
                held_out["overall"], "python -m qa.tune --write --questions " + " ".join(sources) +
                ": grid search maximising MRR@10 averaged over the files, each family (plans, laws, answers) counting "
                "the same; held_out is two-fold cross-validation")


def store_tuned(path: Path, kind: str, weights: dict, held_out: dict, procedure: str) -> None:
    """One encoder kind's chosen weights and held-out figures into a weights file, with the procedure that chose them."""
    data = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {"weights": {}}
    data["weights"][kind] = weights
    data.setdefault("held_out", {})[kind] = held_out
    data["procedure"] = procedure
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
