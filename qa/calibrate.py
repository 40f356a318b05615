"""python -m qa.calibrate: measure the score bands behind 高/中/低 (search) and 相同/相近/相关 (similar).

For every dev question with gold clauses, the top hits of `engine.search` are labelled gold or not (the
matching rule of qa.eval); for every crossref pair, the top similar measures in the target document. The
share of hits at a score that are gold is fitted as a non-decreasing function of the score (isotonic
regression, pool adjacent violators), for search hits per rank group (a first hit is gold far more often
than a fifth at the same score); a level's threshold is the lowest score where that share reaches the
level's precision. The precision each band reaches is reported on questions that did not choose the
thresholds (two-fold cross-validation, the folds of qa.tune) and on all of them."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

from argparse_zh import Parser
from qa.cli.common import CliError, library_config, reports_errors
from qa.eval import TOP, EvalError, matches, read_jsonl, squeeze
from qa.relevance import ALL, BANDS_FILE, LOWEST, SEARCH_LEVELS, SIMILAR_LEVELS, level_of, rank_stratum
from qa.tune import fold_of

# The share of hits that must be gold for each level: 高 = more often the clause asked for than not.
SEARCH_PRECISION = {"高": 0.5, "中": 0.2}
# 相同 = more often the same measure than not; 相关 = at least one in ten is.
SIMILAR_PRECISION = {"相同": 0.5, "相近": 0.25, "相关": 0.1}


def isotonic(scores: np.ndarray, gold: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(sorted scores, share of gold at each) as a non-decreasing step function: pool adjacent violators
    (Barlow et al. 1972)."""
    order = np.argsort(scores, kind="stable")
    blocks: list[list[float]] = []  # [sum of gold, count, highest score]
    for score, label in zip(scores[order].tolist(), gold[order].astype(float).tolist()):
        blocks.append([label, 1.0, score])
        while len(blocks) > 1 and blocks[-2][0] / blocks[-2][1] >= blocks[-1][0] / blocks[-1][1]:
            total, count, high = blocks.pop()
            blocks[-1] = [blocks[-1][0] + total, blocks[-1][1] + count, high]
    shares = np.repeat([b[0] / b[1] for b in blocks], [int(b[1]) for b in blocks])
    return scores[order], shares


def threshold(scores: np.ndarray, gold: np.ndarray, precision: float) -> float | None:
    """The lowest score whose fitted share of gold reaches precision; None when no score does."""
    if len(scores) == 0:
        return None
    ordered, shares = isotonic(scores, gold)
    reached = np.flatnonzero(shares >= precision)
    return round(float(ordered[reached[0]]), 4) if len(reached) else None


def fit(scores: np.ndarray, gold: np.ndarray, targets: dict[str, float]) -> dict[str, float | None]:
    return {level: threshold(scores, gold, precision) for level, precision in targets.items()}


def fit_strata(strata: np.ndarray, scores: np.ndarray, gold: np.ndarray, targets: dict[str, float]) -> dict:
    """Thresholds per stratum (search: the hit's rank group; similar: one for all)."""
    return {stratum: fit(scores[strata == stratum], gold[strata == stratum], targets)
            for stratum in dict.fromkeys(strata.tolist())}


def labels_of(strata: np.ndarray, scores: np.ndarray, table: dict, levels: tuple[str, ...], below: str) -> np.ndarray:
    return np.array([level_of(s, {k: v for k, v in table.get(g, {}).items() if v is not None}, levels, below)
                     for g, s in zip(strata.tolist(), scores.tolist())], dtype=object)


def band_table(labels: np.ndarray, gold: np.ndarray, levels: tuple[str, ...], below: str) -> dict[str, dict]:
    """For each band: how many hits fall in it and the share of them that are gold."""
    table = {}
    for level in (*levels, below):
        inside = labels == level
        count = int(inside.sum())
        table[level or "无标签"] = {"n": count, "gold": int(gold[inside].sum()),
                                     "precision": round(float(gold[inside].mean()), 3) if count else None}
    return table


def held_out_labels(ids: list[str], strata: np.ndarray, scores: np.ndarray, gold: np.ndarray,
                    targets: dict[str, float], levels: tuple[str, ...], below: str) -> np.ndarray:
    """Each hit's band under thresholds fitted on the other half of the questions (qa.tune's folds)."""
    labels = np.empty(len(scores), dtype=object)
    folds = np.array([fold_of(i) for i in ids])
    for fold in (0, 1):
        train, test = folds != fold, folds == fold
        table = fit_strata(strata[train], scores[train], gold[train], targets)
        labels[test] = labels_of(strata[test], scores[test], table, levels, below)
    return labels


def search_points(engine, questions: list[dict]) -> tuple[list[str], np.ndarray, np.ndarray, np.ndarray]:
    """(question id, rank group, score, gold) of every top hit of every question with gold."""
    ids, strata, scores, gold = [], [], [], []
    for item in questions:
        if not item.get("gold"):
            continue
        for hit in engine.search(item["question"], top_k=TOP).hits:
            ids.append(item["id"])
            strata.append(rank_stratum(hit.rank))
            scores.append(hit.score)
            gold.append(matches(hit, item["gold"]))
    return ids, np.array(strata), np.array(scores, dtype=np.float64), np.array(gold, dtype=bool)


def find_clause(store, doc: str, phrase: str):
    """The clause of a document whose title holds doc and whose text holds phrase (qa.eval's rule)."""
    wanted = squeeze(phrase)
    for document in store.find_documents(doc):
        for clause in store.clauses([document.doc_id]):
            if wanted in squeeze(clause.text):
                return clause
    return None


def similar_points(engine, pairs: list[dict]) -> tuple[list[str], np.ndarray, np.ndarray, np.ndarray]:
    """(pair id, stratum, score, gold) of the top similar measures in each pair's target document."""
    from qa.similar import similar_measures

    ids, scores, gold = [], [], []
    for pair in pairs:
        source = find_clause(engine.store, pair["source"]["doc"], pair["source"]["phrase"])
        if source is None:
            continue
        for hit in similar_measures(engine, source.id, top_k=TOP, doc_filters=(pair["target_doc"],)):
            ids.append(pair["id"])
            scores.append(hit.score)
            gold.append(matches(hit, pair["gold"]))
    return ids, np.array([ALL] * len(ids)), np.array(scores, dtype=np.float64), np.array(gold, dtype=bool)


def measure(ids: list[str], strata: np.ndarray, scores: np.ndarray, gold: np.ndarray, targets: dict[str, float],
            levels: tuple[str, ...], below: str) -> dict:
    """Thresholds fitted on every point, with the band precisions held out and fitted."""
    table = fit_strata(strata, scores, gold, targets)
    return {"thresholds": table, "precision_target": targets,
            "held_out": band_table(held_out_labels(ids, strata, scores, gold, targets, levels, below), gold, levels, below),
            "fitted": band_table(labels_of(strata, scores, table, levels, below), gold, levels, below),
            "hits": len(scores), "gold": int(gold.sum()), "groups": len(set(ids))}


def render(name: str, kind: str, table: dict) -> str:
    lines = [f"{name}（{kind}）：{table['groups']} 组，{table['hits']} 条结果，其中 {table['gold']} 条为标准答案条款",
             *(f"  阈值（{stratum}）：" + "，".join(f"{k} ≥ {v}" if v is not None else f"{k} 未达到" for k, v in bands.items())
               for stratum, bands in table["thresholds"].items()),
             f"  {'档':<6}{'交叉验证 n':>12}{'精确率':>8}{'全部拟合 n':>12}{'精确率':>8}"]
    for level, row in table["held_out"].items():
        fitted = table["fitted"][level]
        lines.append(f"  {level:<6}{row['n']:>12}{_pct(row['precision']):>8}{fitted['n']:>12}{_pct(fitted['precision']):>8}")
    return "\n".join(lines)


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value:.0%}"


def write_bands(kind: str, search: dict | None, similar: dict | None, sources: list[str]) -> None:
    data = json.loads(BANDS_FILE.read_text(encoding="utf-8")) if BANDS_FILE.is_file() else {}
    for section, table in (("search", search), ("similar", similar)):
        if table is not None:
            data.setdefault(section, {})[kind] = table
    data["procedure"] = ("python -m qa.calibrate --write " + " ".join(sources) + ": isotonic share of gold per score; "
                         "a level's threshold is the lowest score where it reaches precision_target; held_out is "
                         "two-fold cross-validation (qa.tune's folds)")
    BANDS_FILE.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def parser() -> argparse.ArgumentParser:
    p = Parser(prog="python -m qa.calibrate", description="在开发问题集上测量相关度分档（高/中/低）和相似措施标签"
               "（相同/相近/相关）的得分阈值：某一得分的结果中属于标准答案条款的比例达到该档的精确率即为阈值；"
               "以两折交叉验证报告各档精确率，并可写入 qa/data/relevance.json。")
    p.add_argument("--questions", metavar="FILE", nargs="+", default=[], help="问题集 JSONL（id, question, gold）")
    p.add_argument("--crossref", metavar="FILE", nargs="+", default=[],
                   help="相似措施对 JSONL（id, source, target_doc, gold）；多个文件合为一个对照集")
    p.add_argument("--data", metavar="DIR", help="已导入文档的数据目录（默认 data/，或 POLICY_QA_DATA_DIR）")
    p.add_argument("--write", action="store_true", help="把阈值写入 qa/data/relevance.json（否则只打印）")
    return p


@reports_errors
def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    from qa.engine import Engine

    engine = Engine.open(library_config(args.data))  # a missing --data folder is an error, never created
    kind = engine.encoder_kind
    try:
        questions = [q for path in args.questions for q in read_jsonl(Path(path))]
        pairs = [pair for path in args.crossref for pair in read_jsonl(Path(path))]
    except EvalError as error:
        raise CliError(str(error)) from error
    search = measure(*search_points(engine, questions), SEARCH_PRECISION, SEARCH_LEVELS, LOWEST) if questions else None
    similar = measure(*similar_points(engine, pairs), SIMILAR_PRECISION, SIMILAR_LEVELS, "") if pairs else None
    for name, table in (("检索相关度", search), ("相似措施", similar)):
        if table is not None:
            print(render(name, kind, table))
    if args.write:
        sources = ["--questions", *args.questions] if args.questions else []
        write_bands(kind, search, similar, sources + (["--crossref", *args.crossref] if args.crossref else []))
    return 0


if __name__ == "__main__":
    sys.exit(main())
