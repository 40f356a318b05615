"""The README is the manual: every command and every option it has must be documented there."""
from __future__ import annotations

import re
import subprocess
import sys

import pytest

from tests.conftest import ROOT

COMMANDS = [
    ["ingest"], ["ingest", "list"], ["ingest", "docs"], ["ingest", "remove"], ["ingest", "show"], ["ingest", "edit"],
    ["qa", "search"], ["qa", "ask"], ["qa", "similar"], ["qa", "targets"], ["qa", "editions"],
    ["qa.eval"], ["qa.tune"], ["qa.tune_similar"], ["qa.calibrate"], ["ui"], ["bench"],
]


def help_text(command: list[str]) -> str:
    done = subprocess.run([sys.executable, "-m", *command, "--help"], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_every_option_of_every_command_is_in_the_readme(command):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    options = set(re.findall(r"(?<![\w-])(--[a-z][a-z0-9-]+)", help_text(command))) - {"--help"}
    assert options, f"python -m {' '.join(command)} --help lists no options"
    assert f"python -m {' '.join(command)}" in readme
    missing = sorted(option for option in options if option not in readme)
    assert not missing, f"python -m {' '.join(command)}: options not documented in README.md: {missing}"


def test_readme_names_the_test_command_that_ci_runs():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in readme and "make test" in ci
