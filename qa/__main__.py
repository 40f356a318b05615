"""python -m qa COMMAND …: search, ask, similar, targets."""
from __future__ import annotations

import importlib
import sys

COMMANDS = {
    "search": ("qa.cli.search", "检索回答问题的条款，附出处"),
    "ask": ("qa.cli.ask", "直接回答问题，引用条款原文并注明出处"),
    "similar": ("qa.cli.similar", "其他文件中的相同措施"),
    "targets": ("qa.cli.targets", "全部量化目标及对照表"),
    "editions": ("qa.cli.editions", "同名文件新旧版本逐条对照"),
}


def usage() -> str:
    lines = ["用法：python -m qa 命令 [选项]   （各命令的选项见 python -m qa 命令 --help）", "", "命令："]
    lines += [f"  {name:<8} {help_text}" for name, (_, help_text) in COMMANDS.items()]
    lines += ["", "评测：python -m qa.eval --help"]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    if not argv or argv[0] in {"-h", "--help"}:
        print(usage())
        return 0 if argv else 2
    if argv[0] not in COMMANDS:
        print(f"没有命令 {argv[0]!r}；可用的命令：{', '.join(COMMANDS)}", file=sys.stderr)
        return 2
    module = importlib.import_module(COMMANDS[argv[0]][0])
    return module.main(argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
