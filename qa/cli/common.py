"""Options and error handling shared by the qa commands."""
from __future__ import annotations

import argparse
import functools
import sqlite3
import sys
from pathlib import Path
from typing import Callable

from config import Config, load_config


class CliError(Exception):
    """A message for the user and the exit code; printed by @reports_errors, never as a traceback."""

    def __init__(self, message: str, code: int = 1):
        super().__init__(message)
        self.code = code


def add_common_options(parser: argparse.ArgumentParser, doc_filter: bool = True) -> None:
    parser.add_argument("--data", default=None, metavar="DIR",
                        help="数据文件夹，存放文库和索引（默认 data/，或环境变量 POLICY_QA_DATA_DIR）")
    parser.add_argument("--json", action="store_true", help="输出 JSON，而不是便于阅读的文本")
    if doc_filter:
        parser.add_argument("--doc", action="append", default=[], metavar="TEXT",
                            help="只查标题、编号或文件名包含 TEXT 的文件（可重复）")


def add_filter_options(parser: argparse.ArgumentParser) -> None:
    """--issuer --level --region --type --since --until --include-repealed --all-editions: which documents
    are searched."""
    from ingest.fields import LEVELS, TYPES

    group = parser.add_argument_group("按文件信息筛选（在检索之内筛选，不是从前几条结果中挑选）")
    group.add_argument("--issuer", metavar="TEXT", help="只查发布机构包含 TEXT 的文件")
    group.add_argument("--level", metavar="LEVEL", help=f"只查该层级的文件：{'、'.join(LEVELS)}")
    group.add_argument("--region", metavar="TEXT", help="只查该地区的文件，如 广东、江门、台山市（含下辖地区）")
    group.add_argument("--type", metavar="TYPE", dest="doc_type", help=f"只查该类型的文件：{'、'.join(TYPES)}")
    group.add_argument("--since", metavar="DATE", help="只查发布日期（无则成文日期、施行日期）不早于 DATE 的文件，如 2022-01-01")
    group.add_argument("--until", metavar="DATE", help="只查发布日期（无则成文日期、施行日期）不晚于 DATE 的文件，如 2024-12-31")
    group.add_argument("--include-repealed", action="store_true", help="也查状态为“已废止”的文件（默认不查）")
    group.add_argument("--all-editions", action="store_true",
                       help="也查同名文件的旧版本（状态为“已修订”，默认只查最新版本）")


def doc_filter_of(args: argparse.Namespace):
    """The qa.filters.DocFilter the options ask for; CliError (exit code 2) for a value it does not accept."""
    from ingest.fields import FieldError
    from qa.filters import DocFilter

    try:
        return DocFilter.checked(args.include_repealed, args.all_editions, issuer=args.issuer, level=args.level,
                                 region=args.region, doc_type=args.doc_type, since=args.since, until=args.until)
    except FieldError as error:
        raise CliError(f"错误：{error}", 2) from error


def library_config(data: str | None, **overrides: object) -> Config:
    """The settings for --data; CliError when that folder holds no library yet (nothing is created)."""
    config = load_config(data, **overrides)
    if not config.store_path.is_file():
        raise CliError(missing_library(config))
    return config


def missing_library(config: Config) -> str:
    """What is missing and the command that fixes it."""
    folder = config.data_dir
    what = f"数据文件夹 {folder} 不存在" if not folder.exists() else f"数据文件夹 {folder} 中还没有文库"
    return (f"{what}。请先导入文件：python -m ingest 文件或文件夹 --data {folder}"
            f"（例如 python -m ingest corpus/ --data {folder}），再运行本命令。")


def open_engine(args: argparse.Namespace, **overrides: object):
    """The engine for the data folder named by --data, its index brought up to date."""
    from ingest.store import StoreError
    from qa.engine import Engine, IndexUnavailable

    config = library_config(args.data, **overrides)
    try:
        engine = Engine.open(config)
    except (IndexUnavailable, StoreError) as error:
        raise CliError(f"无法检索：{error}") from error
    if len(engine.library().doc_ids) == 0:  # every document removed, or an import that found none
        raise CliError(f"数据文件夹 {config.data_dir} 的文库中还没有文件。请先导入文件：python -m ingest 文件或文件夹 "
                       f"--data {config.data_dir}，再运行本命令。")
    return engine


def reports_errors(main: Callable[..., int]) -> Callable[..., int]:
    """A command's main whose CliError becomes its message on stderr and its exit code."""

    @functools.wraps(main)
    def run(argv: list[str] | None = None) -> int:
        from ingest.store import damaged_store_message

        try:
            return main(argv)
        except CliError as error:
            return fail(str(error), error.code)
        except sqlite3.DatabaseError as error:  # a page of the store damaged after it opened
            return fail(f"无法检索：{damaged_store_message(error)}", 1)

    return run


def batch_lines(spec: str) -> list[str] | None:
    """The lines of a --batch file ("-": standard input) in UTF-8 or GBK, decoded as documents are; None when the
    file does not exist or cannot be read."""
    from ingest.readers import IngestError, decode_bytes

    try:
        raw = sys.stdin.buffer.read() if spec == "-" else Path(spec).read_bytes()
    except OSError:
        return None
    try:
        return decode_bytes(raw).splitlines()
    except IngestError:  # empty, or not text as a document must be: a stray byte spoils its line only
        return raw.decode("utf-8", "replace").splitlines()


def fail(message: str, code: int = 2) -> int:
    print(message, file=sys.stderr)
    return code
