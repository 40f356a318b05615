"""make's targets install into and run from the project's virtual environment, never the system Python."""
from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from tests.conftest import ROOT

TARGETS = ["app", "test", "test-slow", "bench", "eval", "tune", "calibrate", "encoder-share"]

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")


def dry_run(target: str) -> list[str]:
    """The commands `make -n TARGET` would run, as if .venv did not exist yet."""
    done = subprocess.run(["make", "-n", "-B", target, "VENV=.venv-dry-run"], cwd=ROOT, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()


@pytest.mark.parametrize("target", TARGETS)
def test_target_creates_the_venv_and_runs_python_from_it(target):
    lines = dry_run(target)
    assert any(re.search(r"python3 -m venv \.venv-dry-run\b", line) for line in lines), lines
    python_calls = [line for line in lines if re.search(r"(?<![/\w])python3? -m (?!venv)", line)]
    assert not python_calls, f"make {target} runs the system Python: {python_calls}"
    assert any(".venv-dry-run/bin/python -m pip install" in line for line in lines)


def test_readme_says_which_interpreter_runs_the_python_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "source .venv/bin/activate" in readme
    assert ".venv/bin/python -m" in readme
    assert "externally-managed-environment" in readme
