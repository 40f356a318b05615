"""Annexes (附件一, 附表一, 附：…) after a document's numbered body are parts of their own: cited as 附件一 一、,
their numbering starting again; a cited position is looked up in a document's own text before its annexes."""
from __future__ import annotations

import pytest

from ingest.clean import clean_text
from ingest.pipeline import parse_document
from qa.query import cited_positions, cites, path_fragment, path_refs, question_refs
from tests.conftest import engine_over

LAW = ("中华人民共和国某某特别行政区基本法\n"
       "第一条 某某特别行政区是中华人民共和国不可分离的部分。\n"
       "第二条 行政长官的产生办法由附件一规定。\n"
       "第三条 本法自公布之日起施行。\n"
       "附件一\n某某特别行政区行政长官的产生办法\n"
       "一、行政长官由选举委员会选出，由中央人民政府任命。\n"
       "二、选举委员会委员共四百人，每届任期五年。\n"
       "三、本办法自2021年3月31日起施行。\n"
       "附件二\n某某特别行政区立法会的产生办法\n"
       "一、立法会议员每届三十三人。\n")


def clauses_of(text: str) -> dict[str, str]:
    return {clause.clause: clause.text for clause in parse_document(text, "law.txt")[1]}


def paths_of(text: str) -> list[str]:
    return [clause.clause for clause in parse_document(text, "law.txt")[1]]


def test_an_annex_after_the_articles_is_a_part_of_its_own_and_leaves_the_last_article_alone():
    _, clauses = parse_document(LAW, "law.txt")
    by_path = {clause.clause: clause for clause in clauses}
    assert by_path["第三条"].text == "第三条 本法自公布之日起施行。"
    assert "2021年3月31日" in by_path["附件一 三、"].text
    assert by_path["附件一 二、"].heading == "某某特别行政区行政长官的产生办法"
    assert by_path["附件二 一、"].text == "一、立法会议员每届三十三人。"
    assert "某某特别行政区行政长官的产生办法" in by_path["附件一"].text


def test_an_annex_revised_under_its_law_s_name_is_that_annex():
    revised = LAW + ("中华人民共和国某某特别行政区基本法附件一某某特别行政区行政长官的产生办法修正案（2010年8月28日批准）\n"
                     "一、二〇一二年的选举委员会共一千二百人。\n")
    assert paths_of(revised)[-2:] == ["附件一", "附件一 一、"]


def test_an_annex_line_before_the_numbered_body_or_in_a_table_of_contents_is_no_annex():
    top = "附件1\n\n某省碳普惠交易管理办法\n第一章 总则\n第一条 为了推动碳普惠，制定本办法。\n第二条 本办法适用于全省。\n"
    assert paths_of(top) == ["前言", "第一章 第一条", "第一章 第二条"]
    contents = ("某市绿色建筑实施方案\n目录\n一、总体要求\n二、重点任务\n附件\n"
                "一、总体要求\n到2025年，城镇新建建筑全面执行绿色建筑标准。\n二、重点任务\n推广装配式建筑。\n")
    assert not any(path.startswith("附件") for path in paths_of(contents))


def test_an_annex_without_a_number_cites_as_附件_and_a_plain_mention_of_an_annex_is_text():
    plan = ("某市节能方案\n一、主要目标\n到2025年，单位产值能耗下降百分之十三点五。\n"
            "二、保障措施\n各区按附件三所列任务分工落实。\n附件：重点任务分工表\n1. 推进工业节能。\n")
    assert "附件三所列" in clauses_of(plan)["二、"]
    assert paths_of(plan)[-2:] == ["附件", "附件 1"]


@pytest.mark.parametrize("line, part", [("附表一：", "附表一"), ("附：", "附件"), ("附录 2", "附录2")])
def test_an_attached_table_or_appendix_is_an_annex_too(line, part):
    law = ("某某税法\n第一条 在本国境内开采应税资源的单位和个人，应当缴纳资源税。\n第二条 本法自2020年9月1日起施行。\n"
           f"{line}\n资源税税目税率表\n1. 原油，税率百分之六。\n2. 天然气，税率百分之六。\n")
    clauses = clauses_of(law)
    assert clauses["第二条"] == "第二条 本法自2020年9月1日起施行。"
    assert clauses[f"{part} 2"] == "2. 天然气，税率百分之六。"


def test_a_markdown_image_leaves_no_markup_in_the_text():
    text = clean_text('第十六条 本法自2017年10月1日起施行。\n附件：国歌（五线谱版）!24309{width="5.1in"\nheight="7.5in"}\n'
                      '图如下![示意图](img/a.png){width="3in"}。')
    assert "width" not in text and "!" not in text and "附件：国歌（五线谱版）" in text


def test_a_document_s_own_text_is_cited_before_its_annexes_unless_the_question_names_one():
    assert question_refs("基本法附件一第三项规定了什么") == [("附件", 1), ("1.", 3)]
    assert question_refs("附件一的解释") == []  # an interpretation of an annex names a document, not a clause
    assert path_refs("附件一 三、") == [("附件", 1), ("一、", 3)] and path_refs("附件 1") == [("附件", 0), ("1.", 1)]
    assert cites("附件一 三、", [("附件", 1)]) and not cites("附件二 三、", [("附件", 1)])
    positions = [("law", "第三条"), ("law", "附件二 第三条"), ("plan", "附件 第三条"), ("plan", "第四条")]
    assert cited_positions(positions, [("条", 3)]) == {("law", "第三条"), ("plan", "附件 第三条")}
    assert cited_positions(positions, [("附件", 2), ("条", 3)]) == {("law", "附件二 第三条")}


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory, {"law.txt": LAW})


def test_a_question_about_an_annex_finds_the_annex_s_clause(engine):
    hit = engine.search("附件一规定的办法从哪天起施行？").hits[0]
    assert hit.clause == "附件一 三、"
    assert engine.search("基本法第三条规定了什么？").hits[0].clause == "第三条"


def test_a_plan_printed_as_a_notice_s_annex_is_looked_up_by_its_own_numbers(tmp_path_factory):
    notice = ("某市人民政府关于印发某市节能方案的通知\n各区人民政府：\n一、高度重视。请各区认真组织实施。\n"
              "二、加强督办。市发展改革委负责跟踪落实。\n附件\n某市节能方案\n一、总体要求\n"
              "到2025年，单位地区生产总值能耗下降百分之十四。\n二、重点任务\n（一）工业节能\n1. 推进园区循环化改造。\n"
              "2. 开展重点用能单位节能诊断，每年诊断不少于五十家。\n")
    engine = engine_over(tmp_path_factory, {"notice.txt": notice})
    assert engine.search("某市节能方案二、（一）第2项是什么").hits[0].clause == "附件 二、（一）2"



def test_a_question_naming_an_attached_table_looks_up_the_table_s_clauses():
    """The store is asked for the paths holding path_fragment (a LIKE look-up) before cites() picks among them."""
    refs = question_refs("某某税法附表一规定了什么？")
    assert path_fragment(refs) in "附表一 二、" and cites("附表一 二、", refs)
