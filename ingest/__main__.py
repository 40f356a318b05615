"""python -m ingest: add documents to the store, list their clauses and documents, remove one."""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from argparse_zh import Parser
from config import load_config
from ingest.lock import DataFolderReadOnly, WriteLockTimeout, write_lock
from ingest.pipeline import IngestReport, ingest_paths, remove_documents
from ingest.readers import IngestError, supported_suffixes
from ingest.store import Store, StoreError

COMMANDS = ("list", "docs", "remove")
_DATA_HELP = "数据文件夹，存放文库 store.sqlite3（默认 data/，或环境变量 POLICY_QA_DATA_DIR）"
_WAIT_HELP = "另一个进程正在写入同一数据文件夹时，最多等待的秒数（默认 30）"


def main(argv: list[str]) -> int:
    if argv and argv[0] in COMMANDS:
        parser = _command_parser(argv[0])
        handler = {"list": list_clauses, "docs": list_docs, "remove": remove}[argv[0]]
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
    except BrokenPipeError:  # output piped into head and the like
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _ingest_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="python -m ingest",
        description="把政策文件按条款导入文库（数据文件夹不存在时新建）。\n"
                    "其他命令：python -m ingest list|docs|remove --help",
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
    }
    parser = Parser(prog=f"python -m ingest {command}", description=descriptions[command])
    if command == "remove":
        parser.add_argument("doc", metavar="DOC", help="文件编号 doc_id、文件名，或只与一份文件相符的标题片段")
        parser.add_argument("--wait", metavar="SECONDS", type=float, default=30.0, help=_WAIT_HELP)
    if command in ("list", "docs"):
        parser.add_argument("--json", action="store_true", help="输出 JSON Lines（每行一条记录），而不是表格")
    if command == "list":
        parser.add_argument("--doc", metavar="TEXT", default=None, help="只列标题、文件编号或文件名包含 TEXT 的文件")
    parser.add_argument("--data", metavar="DIR", default=None, help=_DATA_HELP)
    return parser


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
        print(f"未能导入 {file}：{reason}", file=sys.stderr)
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
