"""argparse in Chinese for every command: usage line, section titles, the help option and its errors.

argparse writes these in English through gettext, with no Chinese catalogue installed; the commands'
own help texts are written in Chinese where they are defined."""
from __future__ import annotations

import argparse
import re
import sys
from typing import NoReturn

# argparse's own error sentences (Python 3.11), each with its Chinese wording
_ERRORS = (
    (re.compile(r"the following arguments are required: (.+)"), r"缺少参数：\1"),
    (re.compile(r"unrecognized arguments: (.+)"), r"无法识别的参数：\1"),
    (re.compile(r"argument (\S+): invalid int value: (.+)"), r"参数 \1 应为整数，收到 \2"),
    (re.compile(r"argument (\S+): invalid float value: (.+)"), r"参数 \1 应为数字，收到 \2"),
    (re.compile(r"argument (\S+): invalid choice: (.+) \(choose from (.+)\)"), r"参数 \1 不接受 \2，可选：\3"),
    (re.compile(r"argument (\S+): expected one argument"), r"参数 \1 后面需要一个值"),
    (re.compile(r"argument (\S+): expected at least one argument"), r"参数 \1 后面至少需要一个值"),
    (re.compile(r"argument (\S+): not allowed with argument (\S+)"), r"参数 \1 不能与 \2 同时使用"),
    (re.compile(r"argument (\S+): ignored explicit argument (.+)"), r"参数 \1 不接受值 \2"),
)


class Formatter(argparse.RawDescriptionHelpFormatter):
    """Keeps the line breaks of descriptions and examples; 用法 instead of usage."""

    def add_usage(self, usage, actions, groups, prefix=None) -> None:
        super().add_usage(usage, actions, groups, "用法：" if prefix is None else prefix)


class Parser(argparse.ArgumentParser):
    """An ArgumentParser whose own words are Chinese."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("formatter_class", Formatter)
        super().__init__(*args, add_help=False, **kwargs)
        self._positionals.title = "参数"
        self._optionals.title = "选项"
        self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS, help="显示本帮助并退出")

    def format_help(self) -> str:
        # argparse puts an ASCII colon after each section title
        return re.sub(r"^([\u4e00-\u9fff][^\n]*?):$", r"\1：", super().format_help(), flags=re.MULTILINE)

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}：错误：{chinese(message)}\n")


def chinese(message: str) -> str:
    """argparse's error sentence in Chinese; one it does not know is left as it is."""
    for pattern, text in _ERRORS:
        if pattern.fullmatch(message):
            return pattern.sub(text, message)
    return message
