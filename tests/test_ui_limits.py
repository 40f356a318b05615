"""The app's limits as plain functions over a real engine and store: document filters read no texts,
the same file imported by two users at once, the disk floor, spreadsheet-safe exports, login back-off."""
from __future__ import annotations

import csv
import shutil
import socket
import threading
from pathlib import Path

import pytest
from openpyxl import load_workbook

from config import load_config
from qa.cli import targets as targets_cli
from qa.engine import Engine
from ui import actions
from ui.actions import AppContext, AppMessage
from ui.compare_view import export
from ui.guard import accepted_hosts, host_name
from ui.inputs import BadInput, clean_text, text_list
from ui.limits import LoginThrottle, UploadQuota

NEW_DOC = "关于推进屋顶分布式光伏建设的通知\n一、总体要求\n到2027年，新建公共建筑屋顶光伏覆盖率达到50%。\n二、保障措施\n加强组织领导。\n"


@pytest.fixture
def ctx(seed_data) -> AppContext:
    config = load_config(seed_data, model="")
    return AppContext(Engine.open(config, progress=False), config)


def statements_during(ctx: AppContext, work) -> list[str]:
    """The SQL the store's connection ran while work() ran."""
    seen: list[str] = []
    ctx.store.db.set_trace_callback(seen.append)
    try:
        work()
    finally:
        ctx.store.db.set_trace_callback(None)
    return seen


def test_document_filters_are_resolved_without_reading_document_texts(ctx):
    wanted: list[tuple[str, ...]] = []
    seen = statements_during(ctx, lambda: wanted.append(actions.wanted_documents(ctx, ["台山", "jianghai"] * 20)))
    assert len(wanted[0]) == 2
    assert not [s for s in seen if '"text"' in s or " text" in s.lower()], seen
    result = actions.search(ctx, "光伏", ["台山"], top_k=3)
    assert {hit.document for hit in result.hits} == {"台山市碳达峰实施方案"}


def test_more_document_filters_than_the_limit_are_refused(ctx):
    ctx.config.max_filter_documents = 3
    with pytest.raises(BadInput, match="限定文件最多 3 项（收到 4 项）.*POLICY_QA_MAX_FILTER_DOCUMENTS"):
        actions.wanted_documents(ctx, ["甲", "乙", "丙", "丁"])


def gradio_upload(data_dir: Path, name: str, text: str) -> Path:
    """Where Gradio puts an upload: the same folder (its content hash) for the same file from anyone."""
    folder = data_dir.resolve() / "uploads" / "incoming" / "same-content-hash"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return folder / name


def test_two_users_importing_the_same_file_at_once_both_succeed(ctx):
    path = gradio_upload(ctx.config.data_dir, "屋顶光伏通知.txt", NEW_DOC)
    lines: list[list[str]] = []
    users = [threading.Thread(target=lambda: lines.append(actions.import_files(ctx, [str(path)], lambda *_: None)))
             for _ in range(2)]
    for user in users:
        user.start()
    for user in users:
        user.join()
    shown = [line for result in lines for line in result]
    assert len(shown) == 2 and all(line.startswith("✔") for line in shown), shown
    assert any("已导入" in line and "同一文件" in line for line in shown), shown
    assert not any("FileNotFoundError" in line for line in shown)


def test_an_import_that_would_fill_the_disk_is_refused(ctx):
    ctx.config.min_free_disk_mb = shutil.disk_usage(ctx.config.data_dir).free // 2 ** 20 + 1
    path = gradio_upload(ctx.config.data_dir, "通知.txt", NEW_DOC)
    [line] = actions.import_files(ctx, [str(path)], lambda *_: None)
    assert line.startswith("✘ 磁盘空间不足") and "POLICY_QA_MIN_FREE_DISK_MB" in line
    assert not ctx.store.document_by_source("通知.txt")


FORMULAS = {"指标": "=HYPERLINK(\"http://x.example\",\"点击\")", "《甲》": "+1+2", "《乙》": "-3+4",
            "《丙》": "@SUM(A1)", "《丁》": "\t=1", "《戊》": "\r=1", "《己》": "下降18%"}


def test_exports_show_formula_like_cells_as_text():
    records = [FORMULAS, {**FORMULAS, "指标": -18, "《己》": 2.5}]
    with open(export(records, "csv"), encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[1] == ["'" + v if v[0] in "=+-@\t\r" else v for v in FORMULAS.values()]
    assert rows[2][0] == "-18" and rows[2][-1] == "2.5"  # numbers stay numbers
    sheet = load_workbook(export(records, "xlsx")).active
    cells = list(sheet.iter_rows(min_row=2, values_only=True))
    assert all(not str(v).startswith(("=", "+", "-", "@", "\t", "\r")) for v in cells[0])
    assert cells[1][0] == -18 and cells[1][-1] == 2.5
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)


def test_exported_document_titles_are_escaped_too():
    path = export([{"指标": "x", "=cmd|' /C calc'!A0": "1"}], "csv")
    with open(path, encoding="utf-8-sig", newline="") as handle:
        assert next(csv.reader(handle))[1] == "'=cmd|' /C calc'!A0"


def test_the_targets_cli_csv_is_escaped(capsys, seed_data):
    assert targets_cli._csv([{"indicator": "=1+1", "value": -5.0}], ["indicator", "value"]) == \
        "\ufeff指标,数值\n'=1+1,-5.0"
    assert targets_cli.main(["--csv", "--data", str(seed_data)]) == 0


def test_login_back_off_doubles_after_the_free_failures():
    now = [0.0]
    throttle = LoginThrottle(free_failures=3, backoff_s=2.0, clock=lambda: now[0])
    for _ in range(2):
        throttle.attempt("10.0.0.9")
    assert throttle.wait_s("10.0.0.9") == 0
    throttle.attempt("10.0.0.9")
    assert throttle.wait_s("10.0.0.9") == 2.0 and throttle.wait_s("10.0.0.10") == 0
    now[0] = 2.0
    throttle.attempt("10.0.0.9")
    assert throttle.wait_s("10.0.0.9") == 4.0
    throttle.succeeded("10.0.0.9")
    assert throttle.wait_s("10.0.0.9") == 0


def test_upload_quota_frees_up_after_the_hour():
    now = [0.0]
    quota = UploadQuota(limit_mb=1, clock=lambda: now[0])
    assert quota.take("a", 700_000) and not quota.take("a", 700_000) and quota.take("b", 700_000)
    now[0] = 3600.0
    assert quota.take("a", 700_000)


@pytest.mark.parametrize("raw, clean", [
    ("\ud800", ""), ("光\udc00伏", "光伏"), ("a\x00b\x1bc\x7fd", "a b c d"), (" 问题\n", "问题"),
    (None, ""), (123, "123"), ("😀 emoji", "😀 emoji"),
])
def test_clean_text(raw, clean):
    assert clean_text(raw) == clean


def test_text_lists_take_one_text_or_a_list_and_nothing_else():
    assert text_list("台山", 5, "限定文件", "X") == ["台山"]
    assert text_list(["台山", "\ud800", "台山", ""], 5, "限定文件", "X") == ["台山"]
    with pytest.raises(BadInput, match="应为文本列表"):
        text_list({"a": 1}, 5, "限定文件", "X")


@pytest.mark.parametrize("name", ["allowed_hosts", "login_free_failures", "login_backoff_s", "upload_quota_mb",
                                  "min_free_disk_mb", "max_filter_documents"])
def test_each_web_limit_is_in_the_readme_security_section(name):
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Security and limits", 1)[1].split("\n## ", 1)[0]
    assert f"POLICY_QA_{name.upper()}" in section


def test_bound_to_all_interfaces_the_machine_answers_to_its_own_names_only():
    hosts = accepted_hosts("0.0.0.0", frozenset({"policy.office.lan"}))
    assert {"localhost", "127.0.0.1", "::1", "policy.office.lan", socket.gethostname().lower()} <= hosts
    assert "0.0.0.0" not in hosts and "rebind.attacker.example" not in hosts
    assert accepted_hosts("127.0.0.1", frozenset()) == {"localhost", "127.0.0.1", "::1"}
    assert [host_name(h) for h in ("[::1]:7860", "LocalHost.:80", "")] == ["::1", "localhost", ""]
