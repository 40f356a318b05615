"""Fuzzing the parser: whatever comes in ends as valid clause records or a named IngestError, never a crash.

The default run tries a few hundred inputs; `pytest -m slow` runs the ≥10 000-input version.
"""
from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ingest.pipeline import ingest_file, parse_document
from ingest.readers import IngestError, decode_bytes
from ingest.store import Store

FRAGMENTS = [
    "一、", "二、总体要求", "（一）", "(三) ", "（十二）指导思想。", "1.", "2．", "3、", "10. ", "（1）", "①", "第一章 总 则",
    "第三节", "第五条 ", "第十二条规定", "第二十条 本办法", "——", "#", "## ", "**", "*", "- 1 -", "—2—", "\f", "\n", "\n\n",
    "\r\n", "\t", " ", "　", "。", "，", "；", "：", "、", "“", "”", "《", "》", "（", "）", "2030 年", "国发〔2021〕23 号",
    "索引号：", "【打印】", "分享到：", "浏览次数： 9", "2024年9月28日", "江门市人民政府", "关于印发《示例方案》的通知",
    "碳达峰实施方案", "推进节能降碳", "能", "耗", "<!-- x -->", "\u200b", "\ufeff", "\x00", "\x1b", "𠀀", "🙂",
]
line = st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12))
documents = st.lists(line, max_size=60).map("".join)
SUFFIXES = [".txt", ".md", ".html", ".docx", ".pdf"]


def check_document(raw: str, max_chars: int) -> None:
    try:
        document, clauses = parse_document(raw, "fuzz.txt", max_chars)
    except IngestError:
        return
    assert document.text.strip()
    assert len({c.id for c in clauses}) == len(clauses)
    assert [c.seq for c in clauses] == list(range(len(clauses)))
    for clause in clauses:
        assert document.text[clause.start:clause.end] == clause.text
        assert clause.text.strip() and len(clause.text) <= max_chars
        assert clause.clause and clause.document == document.title


def check_file(data: bytes, suffix: str, folder: Path, store: Store) -> None:
    path = folder / f"input{suffix}"
    path.write_bytes(data)
    report = ingest_file(path, store)
    assert bool(report.failures) != bool(report.added + report.replaced + report.unchanged + report.duplicates)
    for _, reason in report.failures:
        assert reason.strip()


def check_bytes(data: bytes) -> None:
    try:
        assert isinstance(decode_bytes(data), str)
    except IngestError as error:
        assert str(error)


@settings(max_examples=300, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents, st.integers(min_value=8, max_value=400))
def test_parser_never_crashes(raw, max_chars):
    check_document(raw, max_chars)


@settings(max_examples=200, deadline=None, database=None)
@given(st.one_of(st.binary(max_size=400), documents.map(lambda t: t.encode("gb18030", "ignore"))))
def test_decoder_never_crashes(data):
    check_bytes(data)


@settings(max_examples=60, deadline=None, database=None)
@given(st.binary(max_size=600), st.sampled_from(SUFFIXES))
def test_any_file_ends_as_records_or_a_named_failure(data, suffix):
    with tempfile.TemporaryDirectory() as folder:
        store = Store(Path(folder) / "store.sqlite3")
        check_file(data, suffix, Path(folder), store)
        store.close()


@pytest.mark.slow
def test_parser_fuzz_ten_thousand_inputs():
    @settings(max_examples=10_000, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(documents, st.integers(min_value=8, max_value=1200))
    def parse(raw, max_chars):
        check_document(raw, max_chars)

    @settings(max_examples=10_000, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(st.binary(max_size=2000))
    def decode(data):
        check_bytes(data)

    parse()
    decode()


@pytest.mark.slow
def test_file_fuzz_two_thousand_inputs(tmp_path):
    store = Store(tmp_path / "store.sqlite3")

    @settings(max_examples=2_000, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(st.binary(max_size=3000), st.sampled_from(SUFFIXES))
    def ingest(data, suffix):
        check_file(data, suffix, tmp_path, store)

    ingest()
