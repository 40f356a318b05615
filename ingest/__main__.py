"""python -m ingest: add documents to the store, list their clauses and documents, remove one."""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from config import load_config
from ingest.lock import DataFolderReadOnly, WriteLockTimeout, write_lock
from ingest.pipeline import IngestReport, ingest_paths, remove_documents
from ingest.readers import IngestError, supported_suffixes
from ingest.store import Store, StoreError

COMMANDS = ("list", "docs", "remove")
_DATA_HELP = "data folder holding store.sqlite3 (default: data/, or POLICY_QA_DATA_DIR)"


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
    except (IngestError, StoreError, WriteLockTimeout, DataFolderReadOnly) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # output piped into head and the like
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _ingest_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m ingest",
        description="Read policy documents into clause records in the store. Other commands: "
                    "`python -m ingest list|docs|remove --help`.",
        epilog=f"File types: {' '.join(supported_suffixes())}. A file that cannot be read is reported on one "
               "line and the rest are still ingested; the exit code is 1 if any file failed. Unchanged files "
               "are skipped; a changed file replaces its earlier records.")
    parser.add_argument("paths", nargs="+", metavar="PATH", type=Path, help="files or folders (searched recursively)")
    parser.add_argument("--data", metavar="DIR", default=None, help=_DATA_HELP)
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    parser.add_argument("--wait", metavar="SECONDS", type=float, default=30.0,
                        help="how long to wait for another process writing to the same data folder (default: 30)")
    return parser


def _command_parser(command: str) -> argparse.ArgumentParser:
    descriptions = {
        "list": "Print the clause records (id, doc_id, document, source, clause, heading, text, start, end, seq).",
        "docs": "Print the documents (doc_id, title, source, doc_number, issuer, date_written, date_published, clauses).",
        "remove": "Remove one document and its clauses from the store.",
    }
    parser = argparse.ArgumentParser(prog=f"python -m ingest {command}", description=descriptions[command])
    if command == "remove":
        parser.add_argument("doc", metavar="DOC", help="the document's doc id, its file name, or a unique part of its title")
        parser.add_argument("--wait", metavar="SECONDS", type=float, default=30.0,
                            help="how long to wait for another process writing to the same data folder (default: 30)")
    if command in ("list", "docs"):
        parser.add_argument("--json", action="store_true", help="JSON Lines, one record per line, instead of a table")
    if command == "list":
        parser.add_argument("--doc", metavar="TEXT", default=None,
                            help="only documents whose title, doc id or file name contains TEXT")
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
        print(f"failed: {file}: {reason}", file=sys.stderr)
    return 1 if report.failures else 0


def summary(report: IngestReport) -> str:
    lines = [f"{report.documents} documents ({len(report.added)} added, {len(report.replaced)} replaced, "
             f"{len(report.unchanged)} unchanged), {report.clauses} clauses written, {len(report.failures)} failures"]
    lines += [f"skipped {file}: same content as {source}, already ingested" for file, source in report.duplicates]
    return "\n".join(lines)


def list_clauses(args: argparse.Namespace) -> int:
    store = _open_store(args.data)
    doc_ids = [d.doc_id for d in store.find_documents(args.doc)] if args.doc else None
    clauses = store.clauses(doc_ids)
    if args.json:
        _print_jsonl(c.to_json() for c in clauses)
    else:
        _print_table(["id", "clause", "text"], [[c.id, c.clause, _short(c.text)] for c in clauses])
    return 0


def list_docs(args: argparse.Namespace) -> int:
    documents = _open_store(args.data).documents()
    if args.json:
        _print_jsonl(d.summary() for d in documents)
    else:
        rows = [[d.doc_id, d.title, d.doc_number, d.date_written, str(d.clauses)] for d in documents]
        _print_table(["doc_id", "title", "文号", "date", "clauses"], rows)
    return 0


def remove(args: argparse.Namespace) -> int:
    config = load_config(args.data)
    with write_lock(config.data_dir, wait_s=args.wait):
        store = _open_store(args.data)
        try:
            report = remove_documents(store, args.doc)
        finally:
            store.close()
    print(f"removed {', '.join(report.removed)}")
    return 0


def _open_store(data: str | None) -> Store:
    config = load_config(data)
    if not config.store_path.exists():
        raise StoreError(f"no store at {config.store_path}; ingest documents first: python -m ingest PATH --data {config.data_dir}")
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
