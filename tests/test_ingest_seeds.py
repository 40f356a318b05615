"""The two seed plans: every numbered measure is its own record under the right section, text is clean."""
from __future__ import annotations

import re

import pytest

from ingest.pipeline import ingest_paths
from ingest.records import Clause
from ingest.store import Store
from tests.conftest import CORPUS

JIANGHAI = "jianghai_tandafeng_shishi_fangan.txt"
TAISHAN = "taishan_tandafeng_shishi_fangan.txt"
ITEM_START = re.compile(r"(?:^|\n)(\d{1,2})\s*[.．、](?!\d)")
BOILERPLATE = ["索引号", "分类：", "【打印】", "字体", "分享到", "浏览次数", "#", "**", "- 1 -", "—1—", "\f", "公开方式", "---"]


@pytest.fixture(scope="module")
def seed_store(tmp_path_factory) -> Store:
    store = Store(tmp_path_factory.mktemp("seeds") / "store.sqlite3")
    report = ingest_paths([CORPUS], store, show_progress=False)
    assert not report.failures and len(report.added) == 2
    return store


def clauses_of(store: Store, source: str) -> list[Clause]:
    return [c for c in store.clauses() if c.source == source]


def measures(clauses: list[Clause]) -> dict[int, Clause]:
    found: dict[int, Clause] = {}
    for clause in clauses:
        match = re.search(r"(\d+)$", clause.clause)
        if match:
            assert int(match.group(1)) not in found, f"measure {match.group(1)} appears twice"
            found[int(match.group(1))] = clause
    return found


@pytest.mark.parametrize("source, count, samples", [
    (JIANGHAI, 26, {1: "二、（一）1", 4: "二、（二）4", 11: "二、（四）11", 13: "二、（五）13", 26: "二、（九）26"}),
    (TAISHAN, 30, {1: "二、（一）1", 8: "二、（三）8", 12: "二、（四）12", 25: "二、（九）25", 30: "二、（十）30"}),
])
def test_every_numbered_measure_is_one_record_under_its_section(seed_store, source, count, samples):
    found = measures(clauses_of(seed_store, source))
    assert sorted(found) == list(range(1, count + 1))
    for number, path in samples.items():
        assert found[number].clause == path
        assert found[number].text.startswith(f"{number}.") or found[number].text.startswith(f"{number}. ")
    assert found[11].heading.startswith("二、重点任务 > （四）城乡建设碳达峰行动")


@pytest.mark.parametrize("source", [JIANGHAI, TAISHAN])
def test_general_requirements_safeguards_and_organisation_items_are_records(seed_store, source):
    paths = {c.clause for c in clauses_of(seed_store, source)}
    assert {"一、（一）", "一、（二）", "三、（一）", "三、（二）", "三、（三）", "四、（一）", "四、（二）", "四、（三）"} <= paths


@pytest.mark.parametrize("source", [JIANGHAI, TAISHAN])
def test_no_record_holds_the_start_of_two_numbered_items(seed_store, source):
    for clause in clauses_of(seed_store, source):
        assert len(ITEM_START.findall(clause.text)) <= 1, clause.text[:200]
        assert len(re.findall(r"(?:^|\n)[（(][一二三四五六七八九十]+[）)]", clause.text)) <= 1, clause.text[:200]


@pytest.mark.parametrize("source", [JIANGHAI, TAISHAN])
def test_no_boilerplate_or_markdown_survives(seed_store, source):
    for clause in clauses_of(seed_store, source):
        for junk in BOILERPLATE:
            assert junk not in clause.text, (junk, clause.clause, clause.text[:100])


def test_page_break_splits_are_rejoined_and_real_paragraph_breaks_kept(seed_store):
    jianghai = {c.clause: c for c in clauses_of(seed_store, JIANGHAI)}
    assert "单位地区生产总值能耗、二氧化碳排放强度" in jianghai["一、（二）"].text
    assert "减少废弃物产生和污染排放。" in jianghai["二、（二）4"].text
    assert "融入城乡规划" in jianghai["二、（四）10"].text
    # 主要目标 has two real paragraphs (十四五, 十五五) and its own heading line
    assert jianghai["一、（二）"].text.startswith("（二）主要目标\n“十四五”期间")
    assert "\n“十五五”期间" in jianghai["一、（二）"].text
    taishan = {c.clause: c for c in clauses_of(seed_store, TAISHAN)}
    assert "深入挖掘存量项目节能降碳潜力" in taishan["二、（三）10"].text


def test_spans_point_into_the_cleaned_document(seed_store):
    for document in seed_store.documents():
        for clause in clauses_of(seed_store, document.source):
            assert document.text[clause.start:clause.end] == clause.text


def test_titles_numbers_and_dates_of_both_seeds(seed_store):
    docs = {d.source: d for d in seed_store.documents()}
    jianghai, taishan = docs[JIANGHAI], docs[TAISHAN]
    assert (jianghai.title, jianghai.doc_number, jianghai.date_written) == ("江门市江海区碳达峰实施方案", "江海府〔2024〕5号", "2024-09-28")
    assert jianghai.issuer == "江门市江海区人民政府"
    assert (taishan.title, taishan.doc_number) == ("台山市碳达峰实施方案", "台府〔2024〕9号")
    assert (taishan.date_written, taishan.date_published) == ("2024-08-05", "2024-08-12")
    assert all(c.document == "台山市碳达峰实施方案" for c in clauses_of(seed_store, TAISHAN))


def test_ids_are_stable_across_stores(seed_store, tmp_path):
    again = Store(tmp_path / "store.sqlite3")
    ingest_paths([CORPUS], again, show_progress=False)
    assert [c.id for c in again.clauses()] == [c.id for c in seed_store.clauses()]
    assert len({c.id for c in again.clauses()}) == len(again.clauses())


def test_the_imprint_line_who_printed_and_when_stays_in_the_signature(seed_store):
    jianghai = {c.clause: c for c in clauses_of(seed_store, JIANGHAI)}
    assert jianghai["落款"].text == "江门市江海区人民政府办公室\n2024年9月28日印发"
    assert "印发" not in jianghai["四、（三）"].text
