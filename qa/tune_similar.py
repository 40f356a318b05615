"""python -m qa.tune_similar: choose the weights of the similar-measures ranking (qa.similar) on crossref pairs
by grid search, and report them on pairs that were not used to choose them (two-fold cross-validation).

Each pair's candidates and features are computed once; each weight vector of the grid only re-sorts them. The
objective is the mean reciprocal rank of the first gold clause, every file counting the same; ties between
weight vectors go to the smaller weights."""
from __future__ import annotations

import argparse
import itertools
import json
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from argparse_zh import Parser
from config import load_config
from qa.eval import find_clause, matches, read_jsonl
from qa.similar import MEASURE_FEATURES, WEIGHTS_FILE, measure_candidates
from qa.tune import fold_of, store_tuned

# lexical is the unit. A weight chosen at the top of its range gets a wider range (qa.tune's rule).
GRID = {"lexical": (1.0,), "dense": (0.0, 0.5, 1.0, 2.0, 4.0, 8.0, 16.0)}


@dataclass
class Pair:
    id: str
    group: str  # the file it came from
    features: np.ndarray  # candidates x MEASURE_FEATURES
    gold: np.ndarray  # boolean per candidate


def collect(engine, pairs: list[dict], group: str) -> list[Pair]:
    """Candidates and features of every pair whose source clause and target document the library holds."""
    collected = []
    for pair in pairs:
        source = find_clause(engine, pair["source"])
        doc_ids = [d.doc_id for d in engine.store.find_documents(pair["target_doc"])]
        if source is None or not doc_ids:
            print(f"跳过 {pair.get('id')}：文库中找不到源条款或目标文件", file=sys.stderr)
            continue
        clauses, features = measure_candidates(engine, source, doc_ids)
        gold = np.array([matches(clause, pair["gold"]) for clause in clauses], dtype=bool)
        collected.append(Pair(pair["id"], group, features, gold))
    return collected


def ranks(pairs: list[Pair], weights: np.ndarray) -> np.ndarray:
    """Rank of the first gold clause per pair and weight vector (columns); ties count against it; 0 when no
    candidate is gold."""
    weights = weights.reshape(len(MEASURE_FEATURES), -1)
    out = np.zeros((len(pairs), weights.shape[1]), dtype=np.int64)
    for i, pair in enumerate(pairs):
        if pair.gold.any():
            scores = pair.features @ weights
            best = scores[pair.gold].max(axis=0)
            out[i] = 1 + np.count_nonzero(scores[~pair.gold] >= best, axis=0)
    return out


def grid() -> np.ndarray:
    """Every weight vector of GRID as columns, simplest (smallest sum) first."""
    vectors = sorted(itertools.product(*(GRID[name] for name in MEASURE_FEATURES)), key=sum)
    return np.array(vectors, dtype=np.float32).T


def best_weights(pairs: list[Pair]) -> np.ndarray:
    """The grid's weight vector with the highest mean reciprocal rank, each file counting the same."""
    vectors = grid()
    rank = ranks(pairs, vectors)
    sizes = {}
    for pair in pairs:
        sizes[pair.group] = sizes.get(pair.group, 0) + 1
    share = np.array([1.0 / (len(sizes) * sizes[pair.group]) for pair in pairs])
    objective = (np.where(rank > 0, 1.0 / np.maximum(rank, 1), 0.0) * share[:, None]).sum(axis=0)
    return vectors[:, int(np.argmax(objective - 1e-9 * np.arange(len(objective))))]


def cross_validate(pairs: list[Pair]) -> tuple[np.ndarray, dict]:
    """Held-out rank of every pair (weights chosen on the other half), and the weights of each fold."""
    held_out = np.zeros(len(pairs), dtype=np.int64)
    chosen = {}
    for fold in (0, 1):
        weights = best_weights([p for p in pairs if fold_of(p.id) != fold])
        test = [i for i, p in enumerate(pairs) if fold_of(p.id) == fold]
        held_out[test] = ranks([pairs[i] for i in test], weights)[:, 0]
        chosen[fold] = named(weights)
    return held_out, chosen


def figures(rank: np.ndarray) -> dict:
    n = max(len(rank), 1)
    return {"n": len(rank), "hit@1": round(float(np.sum(rank == 1)) / n, 3),
            "hit@3": round(float(np.sum((rank > 0) & (rank <= 3))) / n, 3)}


def by_file(pairs: list[Pair], rank: np.ndarray) -> dict:
    table = {"全部": figures(rank)}
    for group in sorted({p.group for p in pairs}):
        table[group] = figures(rank[[i for i, p in enumerate(pairs) if p.group == group]])
    return table


def named(weights: np.ndarray) -> dict:
    return {name: round(float(w), 4) for name, w in zip(MEASURE_FEATURES, weights)}


def render(table: dict, title: str) -> str:
    lines = [title, f"  {'文件':<22}{'对数':>4}{'hit@1':>8}{'hit@3':>8}"]
    lines += [f"  {name:<24}{row['n']:>4}{row['hit@1']:>8.3f}{row['hit@3']:>8.3f}" for name, row in table.items()]
    return "\n".join(lines)


def parser() -> argparse.ArgumentParser:
    p = Parser(prog="python -m qa.tune_similar",
               description="按相似措施对照集网格搜索“相似措施”排序的权重（关键词与语义两项，见 qa/similar.py），以两折交叉验证"
                           "报告未参与选择的对照上的 hit@1 / hit@3，并把在全部对照上选出的权重写入 qa/data/similar.json。")
    p.add_argument("--crossref", metavar="FILE", nargs="+", required=True,
                   help="相似措施对照 JSONL（id, source, target_doc, gold），可给多个，每个文件同等计权")
    p.add_argument("--data", metavar="DIR", help="已导入这些文件的数据目录（默认 data/，或 POLICY_QA_DATA_DIR）")
    p.add_argument("--write", action="store_true", help="把选出的权重写入 qa/data/similar.json（否则只打印）")
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    from qa.engine import Engine

    engine = Engine.open(load_config(args.data))
    pairs = [p for path in args.crossref for p in collect(engine, list(read_jsonl(Path(path))), Path(path).stem)]
    kind = engine.encoder_kind
    if not pairs:
        print("没有可用的对照（源条款或目标文件不在文库中）", file=sys.stderr)
        return 1
    held_out, per_fold = cross_validate(pairs)
    final = best_weights(pairs)
    print(f"编码器：{engine.mode}（{kind}）；{len(pairs)} 对")
    print(render(by_file(pairs, held_out), "两折交叉验证（未参与选择的一半）"))
    print(render(by_file(pairs, ranks(pairs, final)[:, 0]), "在全部对照上拟合（偏乐观）"))
    print("各折选出的权重：", json.dumps(per_fold, ensure_ascii=False))
    print("在全部对照上选出的权重：", json.dumps(named(final), ensure_ascii=False))
    if args.write:
        write_weights(kind, final, by_file(pairs, held_out)["全部"], args.crossref)
    engine.close()
    return 0


def write_weights(kind: str, weights: np.ndarray, held_out: dict, sources: list[str]) -> None:
    store_tuned(WEIGHTS_FILE, kind, named(weights), held_out,
                "python -m qa.tune_similar --write --crossref " + " ".join(sources) +
                ": grid search maximising the mean reciprocal rank of the gold clause, each file counting the same; "
                "held_out is two-fold cross-validation")


if __name__ == "__main__":
    sys.exit(main())
