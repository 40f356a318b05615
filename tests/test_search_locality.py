"""The locality prior: when documents carry the same measure, the more local plan is shown first."""
from __future__ import annotations

from pathlib import Path

import pytest

from config import load_config
from index.tokenize import Analyzer, DATA
from ingest.lock import write_lock
from ingest.pipeline import ingest_paths
from ingest.records import Document
from ingest.store import Store
from qa.engine import Engine
from qa.locality import COUNTY, NATIONAL, PREFECTURE, PROVINCIAL, document_level

MEASURE = "一、重点任务\n（一）交通\n1．加快充电设施建设。推进公共停车场充电桩建设，鼓励开展光储充一体化项目建设。\n" \
          "2．推广节能灯具。公共机构全面使用高效照明产品。\n"


def _write(folder: Path, name: str, title: str, issuer: str) -> None:
    (folder / name).write_text(f"{title}\n\n{MEASURE}\n{issuer}\n2022年5月1日\n", encoding="utf-8")


@pytest.fixture(scope="module")
def engine(tmp_path_factory) -> Engine:
    folder, data = tmp_path_factory.mktemp("docs"), tmp_path_factory.mktemp("data")
    _write(folder, "national.txt", "国务院关于充电设施建设的实施方案", "国务院")
    _write(folder, "district.txt", "江门市江海区充电设施建设实施方案", "江门市江海区人民政府")
    with write_lock(data):
        ingest_paths([folder], Store(load_config(data).store_path), show_progress=False)
    return Engine.open(load_config(data, model=""), progress=False)


@pytest.mark.parametrize("title, issuer, level", [
    ("2030年前碳达峰行动方案", "国务院", NATIONAL), ("碳排放权交易管理办法（试行）", "生态环境部", NATIONAL),
    ("江西省碳达峰实施方案", "", PROVINCIAL), ("上海市碳达峰实施方案", "", PROVINCIAL),
    ("广东省碳普惠交易管理办法", "广东省生态环境厅", PROVINCIAL), ("台山市碳达峰实施方案", "台山市人民政府", PREFECTURE),
    ("深圳经济特区绿色建筑条例", "深圳市人民代表大会常务委员会", PREFECTURE),
    ("江门市江海区碳达峰实施方案", "", COUNTY), ("某某方案", "江门市台山市人民政府", COUNTY),
    ("广州市城市更新办法", "", PREFECTURE)])
def test_administrative_level_is_read_from_title_and_issuer(title, issuer, level):
    assert document_level(Document("d", title, "f.txt", issuer=issuer)) == level


def test_the_district_plan_comes_before_the_national_one_with_the_same_measure(engine):
    hits = engine.search("充电桩建设有什么要求？").hits
    assert "江海区" in hits[0].document and "国务院" in hits[1].document


def test_a_question_naming_the_national_document_puts_it_first(engine):
    assert "国务院" in engine.search("国务院对充电桩建设有什么要求？").hits[0].document


def test_weight_zero_turns_the_prior_off(engine):
    engine.config.locality_weight = 0.0
    try:
        scores = [hit.score for hit in engine.search("充电桩建设有什么要求？").hits[:2]]
    finally:
        engine.config.locality_weight = load_config().locality_weight
    assert scores[0] == pytest.approx(scores[1])


def test_an_abbreviation_inside_a_longer_word_is_indexed_and_searched():
    analyzer = Analyzer(DATA / "user_dict.txt", DATA / "synonyms.txt")
    assert "光储充" in analyzer.terms("鼓励开展光储充一体化项目建设")
    assert analyzer.query("充电站能不能配光伏和储能？").weights.get("光储充") == 1.0


def test_a_city_that_takes_its_targets_from_another_city_is_county_level():
    county_city = Document("d", "台山市碳达峰实施方案", "t.txt", issuer="台山市人民政府",
                           text="到2025年，单位地区生产总值能耗完成江门市下达的目标。")
    prefecture = Document("p", "佛山市绿色建筑实施方案", "f.txt", issuer="佛山市住房和城乡建设局",
                          text="到2025年，能耗强度下降率完成省下达的目标，完成市下达的任务。")
    assert document_level(county_city) == COUNTY
    assert document_level(prefecture) == PREFECTURE


def test_a_sentence_using_an_abbreviation_holds_the_evidence_of_its_parts():
    from qa.fusion import best_sentence_share

    evidence = {"光伏": 1.0, "储能": 1.0, "充电": 1.0}
    text = "推进公共停车场建设。鼓励开展光储充一体化项目建设。"
    assert best_sentence_share(text, evidence) == 0.0
    assert best_sentence_share(text, evidence, [("光储充", ["光伏", "储能", "充电"])]) == 1.0
