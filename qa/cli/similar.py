"""python -m qa similar CLAUSE_ID: the same measure in other documents."""
from __future__ import annotations

import argparse
import json

from argparse_zh import Parser
from qa.cli.common import add_common_options, batch_lines, fail, open_engine, reports_errors
from qa.relevance import SIMILAR_LEVELS, label_similar
from qa.similar import UnknownClause, similar_measures


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(prog="python -m qa similar", description="其他文件（或 --doc 指定的文件）中相同或相近的措施。")
    parser.add_argument("clause_id", nargs="?", help="条款编号，见 python -m qa search 问题 --json 的 id")
    parser.add_argument("--batch", metavar="FILE", help="每行一个条款编号（- 表示从标准输入读取；UTF-8 或 GBK）；按输入顺序逐行输出 JSON")
    parser.add_argument("--top-k", type=int, default=5, metavar="K", help="列出的相似条款数（默认 5）")
    add_common_options(parser)
    return parser


@reports_errors
def main(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    if bool(args.clause_id) == bool(args.batch):
        return fail("请给出一个条款编号或 --batch 文件（条款编号见：python -m qa search 问题 --json）")
    ids = _batch_ids(args.batch) if args.batch else [args.clause_id]
    if ids is None:
        return fail(f"无法读取 --batch 文件 {args.batch!r}")
    engine = open_engine(args)
    unknown = [clause_id for clause_id in ids if engine.store.clause(clause_id) is None]
    if unknown and not args.batch:
        return fail(f"没有条款编号 {unknown[0]!r}；查找编号：python -m qa search 问题 --json")
    for clause_id in ids:
        print(_result(engine, clause_id, args))
    if unknown:
        return fail(f"{len(unknown)} 个条款编号不存在：{', '.join(unknown[:5])}")
    return 0


def _batch_ids(path: str) -> list[str] | None:
    lines = batch_lines(path)
    return None if lines is None else [line.strip() for line in lines if line.strip()]


def _result(engine, clause_id: str, args: argparse.Namespace) -> str:
    try:
        hits = similar_measures(engine, clause_id, top_k=args.top_k, doc_filters=tuple(args.doc))
    except UnknownClause:
        return json.dumps({"id": clause_id, "error": "没有这个条款编号", "hits": []}, ensure_ascii=False)
    label_similar(engine, hits)
    if args.json or args.batch:
        return json.dumps({"id": clause_id, "hits": [h.to_json() for h in hits]}, ensure_ascii=False)
    return render(engine.store.clause(clause_id).citation, hits)


def render(source: str, hits: list) -> str:
    """The matches under a heading that claims no more than the best label measured (qa.relevance)."""
    lines = [heading(source, hits)]
    lines += [f"  {h.rank}. {h.citation}  {h.relevance or '相似度低'}（{h.score:.3f}）\n     {' '.join(h.text.split())[:120]}"
              for h in hits]
    return "\n".join(lines)


HEADINGS = {"相同": "与 {} 相同的措施：", "相近": "与 {} 相近的措施：", "相关": "与 {} 相关的条款（未见相同的措施）：",
            "": "其他文件中没有找到与 {} 相同或相近的措施；最接近的条款（相似度低于实测阈值）："}


def heading(source: str, hits: list) -> str:
    """相同的措施 only when some match reaches the measured 相同 threshold; else what the best one reaches."""
    if not hits:
        return f"其他文件中没有找到与 {source} 相同或相近的措施。"
    best = next((level for level in SIMILAR_LEVELS if any(h.relevance == level for h in hits)), "")
    return HEADINGS[best].format(source)
