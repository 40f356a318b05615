"""python -m qa search QUESTION: the clauses that answer a question, with citations."""
from __future__ import annotations

import argparse
import json
import re
import sys

from argparse_zh import Parser
from qa.cli.common import (add_common_options, add_filter_options, batch_lines, doc_filter_of, fail, open_engine,
                           reports_errors)
from qa.hits import SearchResult
from qa.relevance import annotate

EXAMPLES = """示例：
  python -m qa search "台山2025年非化石能源消费比重目标？"
  python -m qa search "新能源汽车推广" --doc 江海 --top-k 3
  python -m qa search "光伏" --level 区县 --region 广东 --type 方案 --since 2022-01-01 --until 2024-12-31
  python -m qa search --batch questions.txt --json > hits.jsonl"""


def parser() -> argparse.ArgumentParser:
    p = Parser(prog="python -m qa search", epilog=EXAMPLES,
               description="检索回答问题的条款，附出处（关键词检索与语义向量检索结合）。")
    p.add_argument("question", nargs="?", help="问题，用中文提问（繁体会转为简体）")
    p.add_argument("--batch", metavar="FILE", help="从 FILE 逐行读取问题（- 表示标准输入；UTF-8 或 GBK）；"
                   "与 --json 同用时每行输出一个 JSON 对象，顺序与输入相同")
    p.add_argument("--top-k", type=int, default=5, metavar="K", help="显示的条款数（默认 5）")
    p.add_argument("--model", metavar="NAME_OR_PATH", help="sentence-transformers 语义模型：本机已缓存的模型名"
                   "或模型文件夹；空字符串表示使用离线编码器（默认取 POLICY_QA_MODEL）")
    add_common_options(p)
    add_filter_options(p)
    return p


@reports_errors
def main(argv: list[str]) -> int:
    args = parser().parse_args(argv)
    if args.batch is None and (args.question is None or not args.question.strip()):
        return fail("问题为空；请给出一个问题，例如 python -m qa search \"光伏发电有哪些支持措施？\"")
    if args.top_k < 1:
        return fail(f"--top-k 至少为 1，收到 {args.top_k}")
    args.filters = doc_filter_of(args)
    questions = _questions(args)
    if questions is None:
        return fail(f"无法读取 --batch 文件 {args.batch!r}：文件不存在")
    return _answer_all(open_engine(args, model=args.model), questions, args)


def _answer_all(engine, questions: list[str], args: argparse.Namespace) -> int:
    """Print each answer in input order; exit code 2 if any question was unusable."""
    from qa.engine import QueryError

    code = 0
    for question in questions:
        try:
            result = engine.search(question, top_k=args.top_k, doc_filters=tuple(args.doc), filters=args.filters)
        except QueryError as error:
            code = 2
            _print_error(question, str(error), args.json)
            continue
        annotate(engine, result.hits, question, filtered=bool(args.doc))
        print(json.dumps(result.to_json(), ensure_ascii=False) if args.json else render(result))
    return code


def _questions(args: argparse.Namespace) -> list[str] | None:
    return [args.question] if args.batch is None else batch_lines(args.batch)


def _print_error(question: str, message: str, as_json: bool) -> None:
    if as_json:
        print(json.dumps({"query": question, "error": message, "hits": []}, ensure_ascii=False))
    print(message, file=sys.stderr)


def render(result: SearchResult) -> str:
    """A readable list: citation, relevance (高/中/低) and why, and the text with the question's words marked
    【like this】."""
    lines = [f"问题：{result.query}    （{result.mode}）"]
    lines += [f"注意：{notice}" for notice in result.notices]
    if not result.hits:
        lines.append("没有找到相关条款。")
    for hit in result.hits:
        lines.append(f"\n{hit.rank}. {hit.citation}{_status_mark(hit.status)}    相关度：{hit.relevance or '—'}（得分 {hit.score:.4f}）")
        if hit.reason:
            lines.append(f"   {hit.reason}")
        if hit.heading:
            lines.append(f"   {hit.heading}")
        lines.append("   " + mark(hit.text, hit.matched_terms))
    return "\n".join(lines)


def _status_mark(status: str) -> str:
    """（已废止） after the citation of a document not in force; nothing for one in force."""
    from ingest.fields import IN_FORCE

    return f"  （{status}）" if status and status != IN_FORCE else ""


def mark(text: str, terms: list[str]) -> str:
    """Wrap every occurrence of the terms (longest first, never nested) in 【】."""
    terms = [t for t in sorted(set(terms), key=len, reverse=True) if t]
    if not terms:
        return text
    return re.sub("|".join(re.escape(t) for t in terms), lambda m: f"【{m.group(0)}】", text)
