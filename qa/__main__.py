"""python -m qa COMMAND …: search, ask, similar, targets."""
from __future__ import annotations

import importlib
import sys

COMMANDS = {
    "search": ("qa.search_cli", "find the clauses that answer a question"),
    "ask": ("qa.ask_cli", "a direct answer quoted from the clauses, with citations"),
    "similar": ("qa.similar_cli", "the same measure in other documents"),
    "targets": ("qa.targets_cli", "every quantitative target, and a comparison table"),
}


def usage() -> str:
    lines = ["usage: python -m qa COMMAND [options]   (python -m qa COMMAND --help for its options)", "", "commands:"]
    lines += [f"  {name:<8} {help_text}" for name, (_, help_text) in COMMANDS.items()]
    lines += ["", "evaluation: python -m qa.eval --help"]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    if not argv or argv[0] in {"-h", "--help"}:
        print(usage())
        return 0 if argv else 2
    if argv[0] not in COMMANDS:
        print(f"unknown command {argv[0]!r}; choose one of: {', '.join(COMMANDS)}", file=sys.stderr)
        return 2
    module = importlib.import_module(COMMANDS[argv[0]][0])
    return module.main(argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
