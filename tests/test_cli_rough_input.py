"""What a user's terminal and files really send: a question typed on a GBK terminal, escape codes, a GBK batch
file, standard input, a GBK file name from a Windows zip, a --data path that is a file, a folder with nothing
to import, a 文号 the library does not hold, a library emptied. The commands run as real processes on a library
built here."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

PLAN = """青禾市光伏发展实施方案

青府〔2024〕7号

一、总体要求
（一）发展目标
1. 到2025年，青禾市光伏发电装机容量达到120万千瓦。
2. 到2030年，非化石能源消费比重达到30%左右。
二、重点任务
（一）推进分布式光伏
3. 在工业园区屋顶建设分布式光伏项目，2024年底前完成50个。
"""
QUESTION = "青禾市光伏发电装机容量目标是多少？"


def run(*args, data: Path, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    """python -m ARGS --data DATA as a process; args may be bytes (what a GBK terminal passes)."""
    command = [sys.executable.encode(), b"-m", *(a if isinstance(a, bytes) else str(a).encode() for a in args),
               b"--data", str(data).encode()]
    done = subprocess.run(command, cwd=ROOT, input=stdin, capture_output=True, timeout=300,
                          env={**os.environ, "POLICY_QA_FALLBACK_ENCODER": "lsa"})
    done.stdout, done.stderr = done.stdout.decode("utf-8", "replace"), done.stderr.decode("utf-8", "replace")
    assert "Traceback" not in done.stderr, done.stderr
    return done


@pytest.fixture(scope="module")
def library(tmp_path_factory) -> Path:
    folder, data = tmp_path_factory.mktemp("docs"), tmp_path_factory.mktemp("data")
    (folder / "plan.txt").write_text(PLAN, encoding="utf-8")
    assert run("ingest", folder, "--quiet", data=data).returncode == 0
    return data


def test_a_question_typed_on_a_gbk_terminal_is_read_and_answered(library):
    done = run("qa", "ask", QUESTION.encode("gbk"), "--json", data=library)
    answer = json.loads(done.stdout)
    assert answer["question"] == QUESTION and answer["found"] and answer["quotes"][0]["highlight"] == "120万千瓦"


def test_escape_codes_in_a_question_do_not_reach_the_terminal(library):
    done = run("qa", "ask", "光伏\x1b[31m装机容量目标是多少", data=library)
    assert done.returncode == 0 and "\x1b" not in done.stdout


def test_a_gbk_batch_file_and_standard_input_are_read_line_by_line(library, tmp_path):
    batch = tmp_path / "questions.txt"
    batch.write_bytes(f"{QUESTION}\n非化石能源消费比重\n".encode("gbk"))
    rows = [json.loads(line) for line in run("qa", "search", "--batch", batch, "--json", data=library).stdout.splitlines()]
    assert [row["query"] for row in rows] == [QUESTION, "非化石能源消费比重"] and all(row["hits"] for row in rows)
    clause_id = rows[0]["hits"][0]["id"]
    similar = run("qa", "similar", "--batch", "-", data=library, stdin=f"{clause_id}\n".encode())
    assert similar.returncode == 0 and json.loads(similar.stdout)["id"] == clause_id


def test_ask_refuses_a_top_k_below_one_and_says_when_a_long_question_was_cut(library):
    refused = run("qa", "ask", QUESTION, "--top-k", "0", data=library)
    assert refused.returncode == 2 and "--top-k 至少为 1" in refused.stderr
    answer = json.loads(run("qa", "ask", QUESTION * 100, "--json", data=library).stdout)
    assert any("只检索了前" in notice for notice in answer["notices"])


def test_a_document_number_the_library_does_not_hold_is_not_answered(library):
    missing = json.loads(run("qa", "ask", "国发〔2021〕23号是哪个部门发的？", "--json", data=library).stdout)
    assert not missing["found"] and "文库中没有文号为国发〔2021〕23号的文件" in missing["answer"]
    held = json.loads(run("qa", "ask", "青府〔2024〕7号提出光伏装机容量目标是多少？", "--json", data=library).stdout)
    assert held["found"] and held["quotes"][0]["highlight"] == "120万千瓦"


def test_a_gbk_file_name_is_imported_under_its_readable_name(tmp_path):
    folder, data = tmp_path / "docs", tmp_path / "data"
    folder.mkdir()
    (Path(os.fsdecode(os.path.join(os.fsencode(folder), "青禾方案.txt".encode("gbk"))))).write_text(PLAN, encoding="utf-8")
    assert run("ingest", folder, "--quiet", data=data).returncode == 0
    assert "青禾方案.txt" in run("ingest", "docs", "--json", data=data).stdout


def test_a_data_path_that_is_a_file_or_a_folder_with_nothing_to_import_is_said_in_chinese(tmp_path):
    afile = tmp_path / "notes.txt"
    afile.write_text(PLAN, encoding="utf-8")
    done = run("ingest", afile, data=afile)
    assert done.returncode == 1 and "不能用作数据文件夹" in done.stderr
    empty, data = tmp_path / "empty", tmp_path / "data"
    empty.mkdir()
    done = run("ingest", empty, data=data)
    assert done.returncode == 1 and "没有可导入的文件" in done.stderr
    done = run("qa", "search", "光伏", data=data)
    assert done.returncode == 1 and "文库中还没有文件" in done.stderr


def test_no_library_chatter_in_english_reaches_stderr(library):
    done = run("qa", "ask", "青禾市要推进什么建设？", data=library)  # 什么建设 has jieba tag its noun
    assert "Building prefix dict" not in done.stderr and "pkg_resources" not in done.stderr, done.stderr


def test_a_library_whose_every_document_was_removed_says_so_when_searched(tmp_path):
    from config import load_config
    from ingest.lock import write_lock
    from ingest.pipeline import ingest_paths, remove_documents
    from ingest.store import Store
    from qa.engine import Engine

    folder, data = tmp_path / "docs", tmp_path / "data"
    folder.mkdir()
    (folder / "plan.txt").write_text(PLAN, encoding="utf-8")
    config = load_config(data, model="")
    with write_lock(data):
        store = Store(config.store_path)
        ingest_paths([folder], store, show_progress=False)
        remove_documents(store, "plan.txt")
        store.close()
    engine = Engine.open(config, progress=False)
    result = engine.search(QUESTION)
    assert not result.hits and result.notices == ["文库中还没有文件，请先导入文件。"]
