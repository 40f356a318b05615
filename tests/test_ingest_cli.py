"""python -m ingest: ingest, list, docs, remove; re-ingest semantics; the write lock; documented options."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from ingest.__main__ import main
from ingest.lock import WriteLockTimeout, write_lock
from tests.conftest import CORPUS, ROOT
from tests.test_ingest_formats import plan_text


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def data(tmp_path, capsys) -> Path:
    data_dir = tmp_path / "data"
    code, out, _ = run(capsys, str(CORPUS), "--data", str(data_dir), "--quiet")
    assert code == 0
    assert out.startswith("2 份文件（新增 2，替换 0，未变 0），写入 76 条条款，失败 0 份")
    return data_dir


def test_docs_json_lines(data, capsys):
    code, out, _ = run(capsys, "docs", "--json", "--data", str(data))
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and len(rows) == 2
    assert set(rows[0]) == {"doc_id", "title", "source", "doc_number", "issuer", "date_written", "date_published", "clauses"}
    assert {r["doc_number"] for r in rows} == {"江海府〔2024〕5号", "台府〔2024〕9号"}
    assert "台府〔2024〕9号" in out, "Chinese is written as is (ensure_ascii=False)"


def test_list_json_with_doc_filter(data, capsys):
    code, out, _ = run(capsys, "list", "--json", "--doc", "台山", "--data", str(data))
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and len(rows) == 39
    assert {r["document"] for r in rows} == {"台山市碳达峰实施方案"}
    assert set(rows[0]) == {"id", "doc_id", "document", "source", "clause", "heading", "text", "start", "end", "seq"}


def test_readable_tables_without_json(data, capsys):
    _, docs, _ = run(capsys, "docs", "--data", str(data))
    assert docs.splitlines()[0].split() == ["doc_id", "标题", "文号", "成文日期", "发布日期", "条款数"]
    assert "江门市江海区碳达峰实施方案" in docs
    taishan = next(line for line in docs.splitlines() if "台山" in line)
    assert "2024-08-05" in taishan and "2024-08-12" in taishan, "成文日期 and 发布日期, as 阅读 shows them"
    _, clauses, _ = run(capsys, "list", "--doc", "江海", "--data", str(data))
    assert "二、（四）11" in clauses and not clauses.lstrip().startswith("{")


def test_reingest_unchanged_does_nothing_and_changed_replaces(data, tmp_path, capsys):
    code, out, _ = run(capsys, str(CORPUS), "--data", str(data), "--quiet")
    assert code == 0 and "（新增 0，替换 0，未变 2），写入 0 条条款" in out
    edited = tmp_path / "jianghai_tandafeng_shishi_fangan.txt"
    edited.write_text(plan_text(), encoding="utf-8")
    code, out, _ = run(capsys, str(edited), "--data", str(data), "--quiet")
    assert code == 0 and "（新增 0，替换 1，未变 0），写入 6 条条款" in out
    _, listed, _ = run(capsys, "list", "--json", "--doc", "jianghai", "--data", str(data))
    assert len(listed.splitlines()) == 6


def test_remove_a_document(data, capsys):
    code, out, _ = run(capsys, "remove", "taishan_tandafeng_shishi_fangan.txt", "--data", str(data))
    assert code == 0 and out.startswith("已删除 taishan")
    _, docs, _ = run(capsys, "docs", "--json", "--data", str(data))
    assert len(docs.splitlines()) == 1
    code, _, err = run(capsys, "remove", "no-such-doc", "--data", str(data))
    assert code == 1 and "没有文件与“no-such-doc”相符" in err


def test_failures_exit_1_with_one_line_per_file(tmp_path, capsys):
    (tmp_path / "good.txt").write_text(plan_text(), encoding="utf-8")
    (tmp_path / "bad.pdf").write_bytes(b"%PDF-1.4 broken")
    code, out, err = run(capsys, str(tmp_path), "--data", str(tmp_path / "data"), "--quiet")
    assert code == 1 and "1 份文件（新增 1" in out and "失败 1 份" in out
    assert err.count("\n") == 1 and err.startswith(f"未能导入 {tmp_path / 'bad.pdf'}：")


def test_a_second_writer_gets_a_clear_message(tmp_path, capsys):
    data_dir = tmp_path / "data"
    with write_lock(data_dir):
        with pytest.raises(WriteLockTimeout, match="另一个进程正在写入数据文件夹"):
            with write_lock(data_dir, wait_s=0.1):
                pass
        code, _, err = run(capsys, str(CORPUS), "--data", str(data_dir), "--wait", "0.1", "--quiet")
    assert code == 1 and f"另一个进程正在写入数据文件夹 {data_dir}" in err
    with write_lock(data_dir, wait_s=0.1):
        pass  # released again


def test_list_on_a_missing_store_says_what_to_do(tmp_path, capsys):
    code, _, err = run(capsys, "list", "--json", "--data", str(tmp_path / "nothing"))
    assert code == 1 and "请先导入文件：python -m ingest" in err
    assert not (tmp_path / "nothing").exists()


def test_every_option_is_documented_in_help():
    helps = {}
    for command in ([], ["list"], ["docs"], ["remove"]):
        result = subprocess.run([sys.executable, "-m", "ingest", *command, "--help"], cwd=ROOT,
                                capture_output=True, text=True, timeout=60)
        assert result.returncode == 0
        helps[" ".join(command)] = result.stdout
    assert all(option in helps[""] for option in ("PATH", "--data", "--quiet", "--wait", ".docx", ".pdf"))
    assert all(option in helps["list"] for option in ("--json", "--doc", "--data"))
    assert all(option in helps["docs"] for option in ("--json", "--data"))
    assert all(option in helps["remove"] for option in ("DOC", "--data"))
