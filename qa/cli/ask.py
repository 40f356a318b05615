"""python -m qa ask QUESTION: a direct answer quoted from the clauses, with citations."""
from __future__ import annotations

import argparse
import json

from argparse_zh import Parser
from qa.answer import Answer, add_generated, answer_question
from qa.cli.common import add_common_options, add_filter_options, doc_filter_of, fail, open_engine, reports_errors
from qa.llm import settings_from_config


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(prog="python -m qa ask", description="回答问题：引用回答它的条款原文，并注明出处。")
    parser.add_argument("question", nargs="*", help="问题，例如 江海区光伏装机容量目标是多少？")
    parser.add_argument("--top-k", type=int, default=10, metavar="K", help="检索并列出的条款数（默认 10）")
    parser.add_argument("--no-generate", action="store_true", help="即使配置了大模型接口，也不生成回答")
    add_common_options(parser)
    add_filter_options(parser)
    return parser


@reports_errors
def main(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    question = " ".join(args.question).strip()
    if not question:
        return fail('问题为空；请提一个问题，例如 python -m qa ask "光伏发电装机容量目标是多少？"')
    if args.top_k < 1:
        return fail(f"--top-k 至少为 1，收到 {args.top_k}")
    from qa.engine import QueryError

    filters = doc_filter_of(args)
    engine = open_engine(args)
    try:
        answer = answer_question(engine, question, tuple(args.doc), top_k=args.top_k, filters=filters)
    except QueryError as error:
        return fail(str(error))
    settings = settings_from_config(engine.config)
    if not args.no_generate:
        add_generated(answer, settings)
    print(json.dumps(answer.to_json(), ensure_ascii=False, indent=2) if args.json else render(answer))
    return 0


def render(answer: Answer) -> str:
    """The answer as readable text: the answer, the quotes with the value marked 【】, and the notices."""
    lines = [f"问：{answer.question}", f"答：{answer.answer}"]
    if answer.found:
        lines += ["", "依据："] + [_quote_line(n, q) for n, q in enumerate(answer.quotes, start=1)]
    else:
        lines += [f"  {hit.rank}. {hit.citation}\n     {_short(hit.text)}" for hit in answer.hits[:3]]
    if answer.generated:
        lines += ["", *_generated_lines(answer.generated)]
    lines += [f"（{notice}）" for notice in answer.notices]
    return "\n".join(lines)


def _quote_line(number: int, quote) -> str:
    text = quote.text.replace(quote.highlight, f"【{quote.highlight}】", 1) if quote.highlight else quote.text
    return f"  {number}. {quote.citation}\n     {text}"


def _generated_lines(generated: dict) -> list[str]:
    if "error" in generated:
        return [f"生成式回答（{generated['model']}）不可用：{generated['error']}"]
    lines = [f"生成式回答（{generated['model']}，仅供参考，以上方原文为准）：", f"  {generated['text']}"]
    lines += [f"  [{c['n']}] {c['citation']}" for c in generated["citations"]]
    if not generated["cited"]:
        lines.append("  （该回答未引用任何检索到的条款，请勿采信）")
    if generated["dropped_citations"]:
        lines.append(f"  （已删除不指向检索条款的引用：{' '.join(generated['dropped_citations'])}）")
    return lines


def _short(text: str, limit: int = 120) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[:limit] + "…"
