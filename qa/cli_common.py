"""Options and error handling shared by the qa commands."""
from __future__ import annotations

import argparse
import sys

from config import load_config


def add_common_options(parser: argparse.ArgumentParser, doc_filter: bool = True) -> None:
    parser.add_argument("--data", default=None, metavar="DIR",
                        help="data folder with the store and the index (default: data/, or POLICY_QA_DATA_DIR)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of readable text")
    if doc_filter:
        parser.add_argument("--doc", action="append", default=[], metavar="TEXT",
                            help="only documents whose title, id or file name contains TEXT (repeatable)")


def open_engine(args: argparse.Namespace):
    """The engine for the data folder named by --data, its index brought up to date."""
    from qa.engine import Engine

    return Engine.open(load_config(args.data))


def fail(message: str, code: int = 2) -> int:
    print(message, file=sys.stderr)
    return code
