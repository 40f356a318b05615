"""python -m qa similar CLAUSE_ID: the same measure in other documents."""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from qa.cli_common import add_common_options, fail, open_engine
from qa.similar import UnknownClause, similar_measures


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m qa similar",
                                     description="Clauses of other documents (or of --doc) that carry the same measure.")
    parser.add_argument("clause_id", nargs="?", help="a clause id, as shown by search --json")
    parser.add_argument("--batch", metavar="FILE", help="one clause id per line; JSON Lines out, in input order")
    parser.add_argument("--top-k", type=int, default=5, help="how many similar clauses (default 5)")
    add_common_options(parser)
    return parser


def main(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    if bool(args.clause_id) == bool(args.batch):
        return fail("give one CLAUSE_ID or --batch FILE (ids come from: python -m qa search QUESTION --json)")
    ids = _batch_ids(args.batch) if args.batch else [args.clause_id]
    if ids is None:
        return fail(f"cannot read --batch file {args.batch!r}")
    engine = open_engine(args)
    unknown = [clause_id for clause_id in ids if engine.store.clause(clause_id) is None]
    if unknown and not args.batch:
        return fail(f"unknown clause id {unknown[0]!r}; find ids with: python -m qa search QUESTION --json")
    for clause_id in ids:
        print(_result(engine, clause_id, args))
    if unknown:
        return fail(f"{len(unknown)} unknown clause id(s): {', '.join(unknown[:5])}")
    return 0


def _batch_ids(path: str) -> list[str] | None:
    try:
        return [line.strip() for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
    except OSError:
        return None


def _result(engine, clause_id: str, args: argparse.Namespace) -> str:
    try:
        hits = similar_measures(engine, clause_id, top_k=args.top_k, doc_filters=tuple(args.doc))
    except UnknownClause:
        return json.dumps({"id": clause_id, "error": "unknown clause id", "hits": []}, ensure_ascii=False)
    if args.json or args.batch:
        return json.dumps({"id": clause_id, "hits": [h.to_json() for h in hits]}, ensure_ascii=False)
    source = engine.store.clause(clause_id)
    lines = [f"与 {source.citation} 相同的措施：" if hits else f"其他文件中没有找到与 {source.citation} 相同的措施。"]
    lines += [f"  {h.rank}. {h.citation}  ({h.score:.3f})\n     {' '.join(h.text.split())[:120]}" for h in hits]
    return "\n".join(lines)
