"""python -m qa.eval: recall and MRR of search on a question set, per kind, with the misses.

Matching rule (../shared/eval/README.md): a clause matches an alternative when its document
title contains `doc` and its text, without whitespace, `*` and `#`, contains `phrase`."""
from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from argparse_zh import Parser
from qa.baseline import from_store
from qa.cli.common import open_engine, reports_errors
from qa.hits import Hit

_NOISE = re.compile(r"[\s*#]+")
TOP = 10


class EvalError(Exception):
    """The question file cannot be read."""


@dataclass
class Tally:
    """Counts for one group of questions."""
    n: int = 0
    at1: int = 0
    at3: int = 0
    at5: int = 0
    rr: float = 0.0

    def add(self, rank: int | None) -> None:
        self.n += 1
        self.at1 += rank == 1
        self.at3 += rank is not None and rank <= 3
        self.at5 += rank is not None and rank <= 5
        self.rr += 1.0 / rank if rank is not None and rank <= TOP else 0.0

    def figures(self) -> dict:
        n = max(self.n, 1)
        return {"n": self.n, "R@1": round(self.at1 / n, 4), "R@3": round(self.at3 / n, 4),
                "R@5": round(self.at5 / n, 4), "MRR@10": round(self.rr / n, 4)}


@dataclass
class Report:
    overall: Tally = field(default_factory=Tally)
    kinds: dict[str, Tally] = field(default_factory=dict)
    misses: list[dict] = field(default_factory=list)
    baseline: dict[str, Tally] = field(default_factory=dict)  # "overall" and each kind: qa.baseline's figures

    def to_json(self) -> dict:
        row = {"overall": self.overall.figures(), "per_kind": {k: t.figures() for k, t in sorted(self.kinds.items())},
               "misses": self.misses}
        if self.baseline:
            row["baseline"] = {k: t.figures() for k, t in sorted(self.baseline.items())}
        return row


def squeeze(text: str) -> str:
    return _NOISE.sub("", text)


def matches(hit: Hit, gold: list[dict]) -> bool:
    """The README's rule: title contains doc and squeezed text contains squeezed phrase."""
    text = squeeze(hit.text)
    return any(g["doc"] in hit.document and squeeze(g["phrase"]) in text for g in gold)


def _paragraph_matches(paragraph, gold: list[dict]) -> bool:
    text = squeeze(paragraph.text)
    return any(g["doc"] in paragraph.document and squeeze(g["phrase"]) in text for g in gold)


def first_match(hits: list[Hit], gold: list[dict]) -> int | None:
    return next((hit.rank for hit in hits if matches(hit, gold)), None)


def read_jsonl(path: Path) -> list[dict]:
    try:
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    except (OSError, ValueError) as error:
        raise EvalError(f"无法读取 {path}：{error}") from error


def evaluate(engine, questions: list[dict], baseline: bool = True) -> Report:
    """Search every question that has gold clauses and record the rank of the first matching clause; the
    naive baseline (qa.baseline) on the same questions beside it."""
    report = Report()
    naive = from_store(engine.store) if baseline else None
    for item in questions:
        if not item.get("gold"):
            continue  # a question nothing in the library answers: measured by `--ask`, not by recall
        if naive is not None:
            found = naive.search(item["question"], TOP)
            naive_rank = next((r for r, p in enumerate(found, 1) if _paragraph_matches(p, item["gold"])), None)
            for group in ("overall", item.get("kind", "-")):
                report.baseline.setdefault(group, Tally()).add(naive_rank)
        hits = engine.search(item["question"], top_k=TOP).hits
        rank = first_match(hits, item["gold"])
        report.overall.add(rank)
        report.kinds.setdefault(item.get("kind", "-"), Tally()).add(rank)
        if rank != 1:
            report.misses.append({"id": item.get("id"), "question": item["question"], "rank": rank,
                                  "top": hits[0].citation if hits else None, "gold": item["gold"]})
    return report


OUTCOMES = ("right", "unmarked", "wrong", "not_found", "refused", "answered")
_EDGE_PUNCT = "，。；：、,.;:（）()“”\"'"


def evaluate_answers(engine, questions: list[dict]) -> dict:
    """Per answer type: right (the first quote is from a gold clause and marks the gold value), unmarked (right
    clause, nothing or no value marked), wrong, not_found; for questions nothing answers (no gold):
    refused (found=false, as it should) or answered."""
    from qa.answer import answer_question

    counts: dict[str, dict[str, int]] = {}
    for item in questions:
        answer = answer_question(engine, item["question"])
        outcome = answer_outcome(engine, answer, item)
        group = item.get("answer_type") or item.get("kind", "-") if item.get("gold") else "out_of_library"
        for name in ("overall", group):
            tally = counts.setdefault(name, {"n": 0, **{o: 0 for o in OUTCOMES}})
            tally["n"] += 1
            tally[outcome] += 1
    return counts


def answer_outcome(engine, answer, item: dict) -> str:
    if not item.get("gold"):
        return "answered" if answer.found else "refused"
    if not answer.found or not answer.quotes:
        return "not_found"
    quote = answer.quotes[0]
    if item.get("answer"):  # the exact gold value marked in the first quote, from a gold document
        # pdftotext's spaces (2030 年前…) are in some gold titles and not in the titles read at ingest
        if not any(squeeze(g["doc"]) in squeeze(quote.document) for g in item["gold"]):
            return "wrong"
        if not quote.highlight:
            return "unmarked"
        return "right" if _bare(quote.highlight) == _bare(item["answer"]) else "wrong"
    clause = engine.store.clause(quote.id) if quote.id else None
    in_gold = matches(clause, item["gold"]) if clause is not None else \
        any(g["doc"] in quote.document for g in item["gold"])
    return "right" if in_gold else "wrong"


def _bare(text: str) -> str:
    return squeeze(text).strip(_EDGE_PUNCT)


def render_answers(counts: dict) -> str:
    lines = ["answers (python -m qa ask)", f"  {'type':<15}{'n':>4}" + "".join(f"{o:>10}" for o in OUTCOMES)]
    for name in ["overall"] + sorted(k for k in counts if k != "overall"):
        tally = counts[name]
        lines.append(f"  {name:<15}{tally['n']:>4}" + "".join(f"{tally[o]:>10}" for o in OUTCOMES))
    return "\n".join(lines)


def find_clause(engine, spec: dict):
    """The clause of a document whose title contains spec['doc'] holding spec['phrase']."""
    phrase = squeeze(spec["phrase"])
    for document in engine.store.find_documents(spec["doc"]):
        for clause in engine.store.clauses([document.doc_id]):
            if phrase in squeeze(clause.text):
                return clause
    return None


def evaluate_crossref(engine, pairs: list[dict]) -> Report:
    """hit@1 and hit@3 of similar_measures from each source clause into its target document."""
    from qa.similar import similar_measures

    report = Report()
    for pair in pairs:
        source = find_clause(engine, pair["source"])
        hits = similar_measures(engine, source.id, top_k=5, doc_filters=(pair["target_doc"],)) if source else []
        rank = first_match(hits, pair["gold"])
        report.overall.add(rank)
        if rank != 1:
            report.misses.append({"id": pair.get("id"), "source": pair["source"]["phrase"], "rank": rank,
                                  "top": hits[0].citation if hits else None,
                                  "problem": None if source else "source clause not found"})
    return report


def render(title: str, report: Report, crossref: bool = False) -> str:
    names = ("hit@1", "hit@3") if crossref else ("R@1", "R@5", "MRR@10")
    keys = ("R@1", "R@3") if crossref else ("R@1", "R@5", "MRR@10")
    rows = [("overall", report.overall)] + sorted(report.kinds.items())
    baseline = " | baseline R@1 R@5" if report.baseline else ""
    lines = [title, f"  {'kind':<15}{'n':>4}" + "".join(f"{n:>9}" for n in names) + baseline]
    for name, tally in rows:
        figures = tally.figures()
        line = f"  {name:<15}{tally.n:>4}" + "".join(f"{figures[k]:>9.3f}" for k in keys)
        if name in report.baseline:
            naive = report.baseline[name].figures()
            line += f" | {naive['R@1']:>12.3f} {naive['R@5']:.3f}"
        lines.append(line)
    lines.append(f"  misses ({len(report.misses)}):" if report.misses else "  no misses")
    for miss in report.misses:
        label = miss.get("question") or miss.get("source")
        lines.append(f"    {miss['id']} rank {miss['rank'] or '>10'}: {label}  → top: {miss['top']}")
    return "\n".join(lines)


def parser() -> argparse.ArgumentParser:
    p = Parser(prog="python -m qa.eval", description="在问题集上评测检索：总体及按题型的 R@1、R@5 和 MRR@10，"
               "并列出未命中的问题。", epilog="示例：python -m qa.eval --questions ../shared/eval/questions.jsonl "
               "--crossref ../shared/eval/crossref.jsonl")
    p.add_argument("--questions", metavar="FILE", nargs="+", help="问题集 JSONL（id, question, kind, gold "
                   "[{doc, phrase}]）；多个文件合为一个问题集")
    p.add_argument("--crossref", metavar="FILE", nargs="+", help="相似措施对照 JSONL（source, target_doc, gold）；"
                   "报告 qa.similar 的 hit@1 和 hit@3；多个文件合为一个对照集")
    p.add_argument("--data", metavar="DIR", help="数据文件夹（默认 data/，或环境变量 POLICY_QA_DATA_DIR）")
    p.add_argument("--model", metavar="NAME_OR_PATH", help="sentence-transformers 语义模型；空字符串表示离线编码器")
    p.add_argument("--ask", action="store_true", help="与 --questions 同用：另外统计 ask 引用正确条款、"
                   "答错、或答“没有找到”的次数")
    p.add_argument("--json", action="store_true", help="输出一个 JSON 对象，而不是表格")
    return p


@reports_errors
def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if not args.questions and not args.crossref:
        print("请给出 --questions FILE 和/或 --crossref FILE（见 --help）", file=sys.stderr)
        return 2
    from qa.engine import IndexUnavailable

    engine = open_engine(args, model=args.model)
    try:
        reports = _run(engine, args)
    except (EvalError, IndexUnavailable) as error:
        print(f"无法评测：{error}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps({"mode": engine.mode, **{k: r if isinstance(r, dict) else r.to_json()
                                                  for k, r in reports.items()}}, ensure_ascii=False))
    else:
        print(f"检索模式：{engine.mode}")
        print("\n\n".join(render_answers(r) if isinstance(r, dict) else render(k, r, crossref=k == "crossref")
                           for k, r in reports.items()))
    return 0


def _run(engine, args: argparse.Namespace) -> dict[str, Report | dict]:
    reports: dict[str, Report | dict] = {}
    if args.questions:
        questions = [q for path in args.questions for q in read_jsonl(Path(path))]
        reports["questions"] = evaluate(engine, questions)
        if args.ask:
            reports["answers"] = evaluate_answers(engine, questions)
    if args.crossref:
        reports["crossref"] = evaluate_crossref(engine, [p for path in args.crossref for p in read_jsonl(Path(path))])
    return reports


if __name__ == "__main__":
    sys.exit(main())
