"""python -m qa targets: every quantitative target, and a table lining up the same indicator across documents."""
from __future__ import annotations

import argparse
import csv
import io
import json

from argparse_zh import Parser
from qa.cli.common import add_common_options, fail, library_config, reports_errors
from qa.spreadsheet import safe_cell
from qa.targets import QUALIFYING_VERBS, TARGET_COLUMNS, ComparisonTable, Target, comparison_table, targets_of


# the CSV header of each TARGET_COLUMNS field (JSON keeps the field names)
CSV_HEADERS = {"indicator": "指标", "amount": "目标值", "value": "数值", "unit": "单位", "qualifier": "限定词",
               "verb": "动词", "target_year": "目标年份", "base_year": "基准年份", "document": "文件",
               "citation": "出处", "clause_id": "条款编号", "text": "条款原文"}


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(prog="python -m qa targets", description="各条款中的量化目标，以及跨文件的目标对照表。")
    parser.add_argument("--csv", action="store_true", help="输出 CSV（量化目标；与 --table 同用时为对照表）")
    parser.add_argument("--table", action="store_true", help="只输出对照表")
    parser.add_argument("--all-rows", action="store_true", help="对照表也列出只在一份文件中出现的指标（默认至少两份）")
    add_common_options(parser)
    return parser


@reports_errors
def main(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    if args.csv and args.json:
        return fail("--json 和 --csv 只能选一个")
    from ingest.store import Store

    store = Store(library_config(args.data).store_path)
    doc_ids = _doc_ids(store, args.doc)
    if doc_ids == []:
        return fail(f"没有文件与 --doc {' / '.join(args.doc)} 相符；--doc 匹配标题、编号或文件名")
    targets = targets_of(store.clauses(doc_ids))
    table = comparison_table(targets, min_documents=1 if args.all_rows else 2)
    print(_render(targets, table, args))
    return 0


def _doc_ids(store, filters: list[str]) -> list[str] | None:
    if not filters:
        return None
    return list(dict.fromkeys(d.doc_id for text in filters for d in store.find_documents(text)))


def _render(targets: list[Target], table: ComparisonTable, args: argparse.Namespace) -> str:
    if args.json:
        body = table.to_json() if args.table else {"targets": [t.to_json() for t in targets], "comparison": table.to_json()}
        return json.dumps(body, ensure_ascii=False, indent=2)
    if args.csv:
        rows = table.to_records() if args.table else [t.to_json() for t in targets]
        return _csv(rows, ["指标", *table.documents] if args.table else TARGET_COLUMNS)
    return _table_text(table) if args.table else _targets_text(targets) + "\n\n" + _table_text(table)


def _csv(rows: list[dict], columns: list[str]) -> str:
    """CSV for Excel: Chinese headers, and a byte order mark, without which Excel on Windows reads the
    UTF-8 as the local code page."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\n")
    # read by spreadsheets, and titles come from uploaded files: no cell may start like a formula
    writer.writerow(safe_cell(CSV_HEADERS.get(column, column)) for column in columns)
    writer.writerows([safe_cell(row.get(column, "")) for column in columns] for row in rows)
    return out.getvalue().rstrip("\n")


def _targets_text(targets: list[Target]) -> str:
    lines, document = [f"共 {len(targets)} 个量化目标"], None
    for t in targets:
        if t.document != document:
            document = t.document
            lines.append(f"\n《{document}》")
        years = (f"{t.target_year}年" if t.target_year else "") + (f"（比{t.base_year}年）" if t.base_year else "")
        verb = "" if t.verb in QUALIFYING_VERBS else t.verb
        lines.append(f"  {t.indicator}：{verb}{t.amount}  {years}  [{t.clause}]".rstrip())
    return "\n".join(lines)


def _table_text(table: ComparisonTable) -> str:
    if not table.rows:
        return "对比表：没有在两个以上文件中都出现的指标。"
    lines = ["对比表（同一指标在各文件中的目标）："]
    for row in table.to_records():
        cells = [f"{doc}：{value}" for doc, value in row.items() if doc != "指标" and value]
        lines.append(f"  {row['指标']}\n    " + "\n    ".join(cells))
    return "\n".join(lines)
