"""python -m ingest: add documents to the store, list their clauses and documents, remove one."""
from __future__ import annotations

import argparse
import json
import os
import sqlite3
import sys
from pathlib import Path

from argparse_zh import Parser
from config import load_config
from ingest.fields import EDITABLE, LABELS, LEVELS, STATUSES, TYPES, FieldError
from ingest.lock import DataFolderReadOnly, WriteLockTimeout, write_lock
from ingest.pipeline import IngestReport, edit_document, ingest_paths, one_document, remove_documents
from ingest.records import Document
from ingest.readers import IngestError, escaped_bytes_read, supported_suffixes
from ingest.store import Store, StoreError, damaged_store_message

COMMANDS = ("list", "docs", "remove", "show", "edit")
# edit's options, by field: --type for doc_type, the others spelled as the field
_OPTIONS = {name: "--" + ("type" if name == "doc_type" else name.replace("_", "-")) for name in EDITABLE}
_CHOICES = {"level": LEVELS, "doc_type": TYPES, "status": STATUSES}
_DATA_HELP = "数据文件夹，存放文库 store.sqlite3（默认 data/，或环境变量 POLICY_QA_DATA_DIR）"
_WAIT_HELP = "另一个进程正在写入同一数据文件夹时，最多等待的秒数（默认 30）"


def main(argv: list[str]) -> int:
    if argv and argv[0] in COMMANDS:
        parser = _command_parser(argv[0])
        handler = {"list": list_clauses, "docs": list_docs, "remove": remove, "show": show, "edit": edit}[argv[0]]
        args = parser.parse_args(argv[1:])
    else:
        parser, handler = _ingest_parser(), ingest
        args = parser.parse_args(argv)
    try:
        return handler(args)
    except WriteLockTimeout:
        print(f"另一个进程正在写入数据文件夹 {load_config(args.data).data_dir}，等待 {args.wait:g} 秒后仍未结束；"
              "请等它完成后再试，或用 --wait 加长等待。", file=sys.stderr)
        return 1
    except (IngestError, StoreError, DataFolderReadOnly) as error:
        print(f"错误：{error}", file=sys.stderr)
        return 1
    except sqlite3.DatabaseError as error:  # a page of the store damaged after it opened
        print(f"错误：{damaged_store_message(error)}", file=sys.stderr)
        return 1
    except FieldError as error:
        print(f"错误：{error}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # output piped into head and the like
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _ingest_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="python -m ingest",
        description="把政策文件按条款导入文库（数据文件夹不存在时新建）。\n"
                    "其他命令：python -m ingest list|docs|show|edit|remove --help",
        epilog=f"文件类型：{' '.join(supported_suffixes())}。\n无法读取的文件各报一行，其余文件照常导入；"
               "有文件失败时退出码为 1。\n未改动的文件跳过；改动过的同名文件替换原有条款。")
    parser.add_argument("paths", nargs="+", metavar="PATH", type=Path, help="文件或文件夹（递归查找）")
    parser.add_argument("--data", metavar="DIR", default=None, help=_DATA_HELP)
    parser.add_argument("--quiet", action="store_true", help="不显示进度条")
    parser.add_argument("--wait", metavar="SECONDS", type=float, default=30.0, help=_WAIT_HELP)
    return parser


def _command_parser(command: str) -> argparse.ArgumentParser:
    descriptions = {
        "list": "列出条款记录（id, doc_id, document, source, clause, heading, text, start, end, seq）。",
        "docs": "列出文件（doc_id, title, source, doc_number, issuer, date_written, date_published, clauses）。",
        "remove": "从文库中删除一份文件及其条款。",
        "show": "显示一份文件的全部信息：文号、发布机构、层级、地区、类型、状态、成文/发布/施行日期。",
        "edit": "修改一份文件的信息（检索筛选用）；只改给出的项，空字符串清除该项。\n"
                "改过的项在重新导入同一文件后保留；状态未手动设置时按全文自动判断。",
    }
    parser = Parser(prog=f"python -m ingest {command}", description=descriptions[command])
    if command in ("remove", "show", "edit"):
        parser.add_argument("doc", metavar="DOC", help="文件编号 doc_id、文件名，或只与一份文件相符的标题片段")
    if command in ("remove", "edit"):
        parser.add_argument("--wait", metavar="SECONDS", type=float, default=30.0, help=_WAIT_HELP)
    if command == "edit":
        _add_field_options(parser)
    if command in ("list", "docs", "show", "edit"):
        parser.add_argument("--json", action="store_true", help="输出 JSON Lines（每行一条记录），而不是表格")
    if command == "list":
        parser.add_argument("--doc", metavar="TEXT", default=None, help="只列标题、文件编号或文件名包含 TEXT 的文件")
    parser.add_argument("--data", metavar="DIR", default=None, help=_DATA_HELP)
    return parser


def _add_field_options(parser: argparse.ArgumentParser) -> None:
    for name, option in _OPTIONS.items():
        choices = f"（可选：{'、'.join(_CHOICES[name])}）" if name in _CHOICES else ""
        dated = "（如 2024-01-31）" if name.startswith("date_") else ""
        region = "（如 广东、台山市；按行政区划存为全称，如 广东省 江门市 台山市）" if name == "region" else ""
        parser.add_argument(option, dest=name, metavar="VALUE", default=None,
                            help=f"{LABELS[name]}{choices}{dated}{region}")


def ingest(args: argparse.Namespace) -> int:
    config = load_config(args.data)
    with write_lock(config.data_dir, wait_s=args.wait):
        store = Store(config.store_path)
        try:
            report = ingest_paths(args.paths, store, show_progress=not args.quiet, config=config)
        finally:
            store.close()
    print(summary(report))
    for file, reason in report.failures:
        print(f"未能导入 {escaped_bytes_read(file)}：{reason}", file=sys.stderr)
    if not report.documents and not report.failures and not report.duplicates:
        print(f"给出的路径中没有可导入的文件（支持的文件类型：{' '.join(supported_suffixes())}）。", file=sys.stderr)
        return 1
    return 1 if report.failures else 0


def summary(report: IngestReport) -> str:
    lines = [f"{report.documents} 份文件（新增 {len(report.added)}，替换 {len(report.replaced)}，"
             f"未变 {len(report.unchanged)}），写入 {report.clauses} 条条款，失败 {len(report.failures)} 份"]
    lines += [f"跳过 {file}：内容与已导入的 {source} 相同" for file, source in report.duplicates]
    return "\n".join(lines)


def list_clauses(args: argparse.Namespace) -> int:
    store = _open_store(args.data)
    doc_ids = [d.doc_id for d in store.find_documents(args.doc)] if args.doc else None
    clauses = store.clauses(doc_ids)
    if args.json:
        _print_jsonl(c.to_json() for c in clauses)
    else:
        _print_table(["id", "条款", "正文"], [[c.id, c.clause, _short(c.text)] for c in clauses])
    return 0


def list_docs(args: argparse.Namespace) -> int:
    documents = _open_store(args.data).documents()
    if args.json:
        _print_jsonl(d.summary() for d in documents)
    else:
        rows = [[d.doc_id, d.title, d.doc_number, d.date_written or "—", d.date_published or "—", str(d.clauses)]
                for d in documents]
        _print_table(["doc_id", "标题", "文号", "成文日期", "发布日期", "条款数"], rows)
    return 0


def remove(args: argparse.Namespace) -> int:
    store = _open_store(args.data)  # before the lock, which would create a missing folder
    try:
        with write_lock(store.path.parent, wait_s=args.wait):
            report = remove_documents(store, args.doc)
    finally:
        store.close()
    print(f"已删除 {', '.join(report.removed)}")
    return 0


def show(args: argparse.Namespace) -> int:
    store = _open_store(args.data)
    _print_details(one_document(store, args.doc), args.json)
    return 0


def edit(args: argparse.Namespace) -> int:
    values = {name: getattr(args, name) for name in EDITABLE if getattr(args, name) is not None}
    if not values:
        raise FieldError("没有给出要修改的项；可改：" + " ".join(_OPTIONS.values()))
    store = _open_store(args.data)
    try:
        with write_lock(store.path.parent, wait_s=args.wait):
            document = edit_document(store, args.doc, values)
    finally:
        store.close()
    _print_details(document, args.json)
    return 0


def _print_details(document: Document, as_json: bool) -> None:
    """One document's fields, under the Chinese names the app shows them by; * marks a field a user set."""
    if as_json:
        _print_jsonl([document.details()])
        return
    edited = document.edited_fields()
    rows = [["doc_id", document.doc_id], ["文件", document.source]]
    rows += [[label + ("*" if name in edited else ""), getattr(document, name) or "—"] for name, label in LABELS.items()]
    _print_table(["项目", "内容"], rows)
    if edited:
        print("（* 为手动设置的项）")


def _open_store(data: str | None) -> Store:
    config = load_config(data)
    if not config.store_path.exists():
        raise StoreError(f"数据文件夹 {config.data_dir} 中还没有文库；请先导入文件：python -m ingest 文件或文件夹 --data {config.data_dir}")
    return Store(config.store_path)


def _print_jsonl(rows) -> None:
    for row in rows:
        print(json.dumps(row, ensure_ascii=False))


def _print_table(header: list[str], rows: list[list[str]]) -> None:
    widths = [max([_width(h)] + [_width(r[i]) for r in rows]) for i, h in enumerate(header)]
    for row in [header] + rows:
        print("  ".join(cell + " " * (width - _width(cell)) for cell, width in zip(row, widths)).rstrip())


def _width(text: str) -> int:
    """Display width: a Chinese character takes two columns."""
    return sum(2 if ord(char) > 0x2E7F else 1 for char in text)


def _short(text: str, limit: int = 40) -> str:
    flat = text.replace("\n", " ")
    return flat if len(flat) <= limit else flat[:limit] + "…"


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
