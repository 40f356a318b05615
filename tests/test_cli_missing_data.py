"""A --data folder that does not exist (or holds no library) is an error with the next step; only ingest
creates one. Every command runs as a real process."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

COMMANDS = [
    ["qa", "search", "碳达峰"], ["qa", "ask", "碳达峰目标是什么？"], ["qa", "similar", "some-clause-id"],
    ["qa", "targets"], ["qa.eval", "--questions", "eval/questions_heldout.jsonl"],
    ["ingest", "list"], ["ingest", "docs"], ["ingest", "remove", "台山"], ["ui", "--port", "9"],
]


def run(command: list[str], data: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", *command, "--data", str(data)], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_a_missing_folder_is_an_error_that_creates_nothing(tmp_path, command):
    missing = tmp_path / "MISSING"
    done = run(command, missing)
    assert done.returncode != 0, done.stdout
    assert "Traceback" not in done.stderr, done.stderr
    assert f"python -m ingest 文件或文件夹 --data {missing}" in done.stderr, done.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("command", COMMANDS[:5], ids=" ".join)
def test_an_empty_folder_is_not_searched_and_stays_empty(tmp_path, command):
    empty = tmp_path / "data"
    empty.mkdir()
    done = run(command, empty)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert f"数据文件夹 {empty} 中还没有文库。请先导入文件" in done.stderr, done.stderr
    assert list(empty.iterdir()) == []


def test_ingest_creates_the_folder_and_search_then_works(tmp_path):
    data = tmp_path / "new" / "data"
    done = subprocess.run([sys.executable, "-m", "ingest", str(ROOT / "corpus"), "--data", str(data), "--quiet"],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    found = run(["qa", "search", "老旧燃气管道怎么处理？", "--top-k", "1"], data)
    assert found.returncode == 0 and "《江门市江海区碳达峰实施方案》" in found.stdout
