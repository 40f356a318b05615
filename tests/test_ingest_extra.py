"""The eight real documents in ../shared/corpus-extra: PDF text dumps, a web page, laws with 第X章/第X条, Markdown."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from ingest.pipeline import ingest_paths
from ingest.store import Store
from tests.conftest import EXTRA

pytestmark = pytest.mark.skipif(not EXTRA.is_dir(), reason="../shared/corpus-extra is not present")

EXPECTED = {
    "01_guowuyuan_2030_tandafeng_xingdong_fangan.txt":
        ("2030年前碳达峰行动方案", "国发〔2021〕23号", ["一、（一）", "三、（一）1", "三、（十）4", "六、（三）"]),
    "02_jiangxi_tandafeng_shishi_fangan.txt":
        ("江西省碳达峰实施方案", "", ["三、（一）1", "三、（十）4", "四、（五）"]),
    "03_shanghai_tandafeng_shishi_fangan.txt":
        ("上海市碳达峰实施方案", "", ["二、（一）1", "二、（十）3", "五、（三）"]),
    "04_chengxiang_jianshe_lingyu_tandafeng_shishi_fangan.txt":
        ("城乡建设领域碳达峰实施方案", "", ["一、（一）", "二、（四）", "五、（二十二）"]),
    "05_foshan_lvse_jianzhu_chuangjian_xingdong_shishi_fangan.txt":
        ("佛山市绿色建筑创建行动实施方案（2022-2025）", "佛建〔2022〕16号", ["二、（一）1", "二、（四）15", "三、（三）"]),
    "06_tanpaifangquan_jiaoyi_guanli_banfa_shixing.txt":
        ("碳排放权交易管理办法（试行）", "生态环境部令第19号", ["第一章 第一条", "第三章 第十五条", "第八章 第四十三条"]),
    "07_guangdong_tanpuhui_jiaoyi_guanli_banfa.txt":
        ("广东省碳普惠交易管理办法", "", ["第一章 第一条", "第二章 第八条", "第五章 第二十四条"]),
    "08_shenzhen_jingji_tequ_lvse_jianzhu_tiaoli.txt":
        ("深圳经济特区绿色建筑条例", "", ["第一章 第一条", "第四章 第三十一条", "第七章 第六十二条"]),
}
ARTICLE_COUNTS = {"06": 43, "07": 24, "08": 62}


@pytest.fixture(scope="module")
def extra_store(tmp_path_factory) -> Store:
    store = Store(tmp_path_factory.mktemp("extra") / "store.sqlite3")
    report = ingest_paths(sorted(EXTRA.glob("0*.txt")), store, show_progress=False)
    assert not report.failures, report.failures
    assert len(report.added) == 8
    return store


def by_source(store: Store, source: str) -> dict[str, str]:
    return {c.clause: c.text for c in store.clauses() if c.source == source}


@pytest.mark.parametrize("source", sorted(EXPECTED))
def test_titles_numbers_and_clause_paths(extra_store, source):
    title, number, paths = EXPECTED[source]
    document = extra_store.document_by_source(source)
    assert (document.title, document.doc_number) == (title, number)
    clauses = by_source(extra_store, source)
    assert set(paths) <= set(clauses), sorted(clauses)


@pytest.mark.parametrize("prefix, count", sorted(ARTICLE_COUNTS.items()))
def test_every_article_of_the_laws_is_a_record(extra_store, prefix, count):
    source = next(s for s in EXPECTED if s.startswith(prefix))
    articles = [path for path in by_source(extra_store, source) if "条" in path]
    assert len(articles) == count
    assert all(re.fullmatch(r"第\S+章 第\S+条", path) for path in articles)


def test_pdf_dumps_lose_page_furniture_and_hard_wraps(extra_store):
    for clause in extra_store.clauses():
        assert "\f" not in clause.text
        assert not re.search(r"(?m)^\s*[-—]\s*\d+\s*[-—]\s*$", clause.text), clause.text
    guangdong = by_source(extra_store, "07_guangdong_tanpuhui_jiaoyi_guanli_banfa.txt")
    # "…管理相 / — 1 — / 关工作…": the page number in mid-sentence is gone and the word is whole again
    assert "配合做好碳普惠管理相关工作" in guangdong["第一章 第五条"]
    national = by_source(extra_store, "01_guowuyuan_2030_tandafeng_xingdong_fangan.txt")
    assert "\n" not in national["三、（一）1"], "a hard-wrapped measure is one paragraph"


def test_a_figure_set_on_a_line_of_its_own_stays_in_its_sentence(extra_store):
    """The PDF dump prints 80 / % on lines of their own, like page numbers; they are part of the target."""
    foshan = by_source(extra_store, "05_foshan_lvse_jianzhu_chuangjian_xingdong_shishi_fangan.txt")
    assert "绿色建筑占比分别达到80%、90%、95%、100%" in foshan["一、"]


def test_responsibility_notes_stay_with_their_measure(extra_store):
    shanghai = by_source(extra_store, "03_shanghai_tandafeng_shishi_fangan.txt")
    first = shanghai["二、（一）1"]
    assert first.endswith("市绿化市容局）") and "（责任单位：市发展改革委" in first
    assert "2.严格控制煤炭消费" not in first


def test_numbering_running_across_sections(extra_store):
    paths = list(by_source(extra_store, "04_chengxiang_jianshe_lingyu_tandafeng_shishi_fangan.txt"))
    numbered = [p for p in paths if "（" in p]
    assert len(numbered) == 22
    assert numbered[3] == "二、（四）" and numbered[10] == "三、（十一）" and numbered[-1] == "五、（二十二）"


def test_list_items_inside_an_article_stay_in_it(extra_store):
    law = by_source(extra_store, "06_tanpaifangquan_jiaoyi_guanli_banfa_shixing.txt")
    assert "（一）属于全国碳排放权交易市场覆盖行业；\n（二）" in law["第二章 第八条"]


def test_dates_and_issuers_where_the_text_has_them(extra_store):
    national = extra_store.document_by_source("01_guowuyuan_2030_tandafeng_xingdong_fangan.txt")
    assert (national.issuer, national.date_written) == ("国务院", "2021-10-24")
    law = extra_store.document_by_source("06_tanpaifangquan_jiaoyi_guanli_banfa_shixing.txt")
    assert (law.issuer, law.date_written) == ("生态环境部", "2020-12-31")
    foshan = extra_store.document_by_source("05_foshan_lvse_jianzhu_chuangjian_xingdong_shishi_fangan.txt")
    assert (foshan.issuer, foshan.date_written) == ("佛山市住房和城乡建设局 等", "2022-03-04")
    shenzhen = extra_store.document_by_source("08_shenzhen_jingji_tequ_lvse_jianzhu_tiaoli.txt")
    assert (shenzhen.issuer, shenzhen.date_written) == ("深圳市人民代表大会常务委员会", "2022-03-28")


def test_ingesting_in_worker_processes_writes_the_same_records_and_failures(tmp_path):
    from tests.conftest import CORPUS

    folder = tmp_path / "docs"
    folder.mkdir()
    for path in [*sorted(EXTRA.glob("0*.txt")), *sorted(CORPUS.glob("*.txt"))]:
        shutil.copy(path, folder / path.name)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "gbk.txt").write_bytes("关于节能的通知\n一、总体要求\n（一）到2025年能耗下降14%。\n".encode("gbk"))
    results = []
    for minimum in (10**9, 0):  # one process, then worker processes
        store = Store(tmp_path / f"store-{minimum}.sqlite3")
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr("ingest.pipeline.PARALLEL_MIN_FILES", minimum)
            report = ingest_paths([folder], store, show_progress=False)
        results.append((report.added, report.failures, [c.to_json() for c in store.clauses()]))
        store.close()
    assert results[0] == results[1]
    added, failures, clauses = results[1]
    assert len(added) == 11 and [Path(name).name for name, _ in failures] == ["empty.txt"]
    assert any("能耗下降14%" in clause["text"] for clause in clauses)
