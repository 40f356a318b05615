"""What a question asks, read from its frame, and the clause structure the answers rest on: the type when a
document's issuer is named in passing, the thing measured after the asking words, names a question asks for
without a frame, values listed before 分别, articles cited with an item, broken lines and contents pages."""
from __future__ import annotations

import jieba
import pytest

from ingest.structure import sections
from qa.answer import answer_question
from qa.answer_types import ENTITY, QUANTITY, asked_nouns, asked_type
from qa.query import question_refs
from qa.spans import respective_span, value_spans
from tests.conftest import engine_over

PLAN = """海川市碳达峰实施方案
一、主要目标
合理规划调峰气电布局。到2025年，全市天然气发电装机规模达到15万千瓦以上。积极推广屋顶分布式光伏，倡导绿色出行。
二、重点任务
1．发展绿色金融。加快推进企业融资对接服务平台（海融通）升级改造，上线绿色金融服务板块。
2．推广绿色建筑。到2025年，城镇新建建筑全面执行绿色建筑标准，星级绿色建筑占比达到30%以上。
3．完善评估。2023年、2025年年底，分别对规划执行情况进行中期评估和总结评估。
4．推进交通减排。加快淘汰老旧车辆，推广新能源公交车。
5．加强森林保护。到2025年，森林覆盖率达到62%。
6．发展循环经济。推动工业固体废物综合利用。
7．强化组织保障。各部门按职责分工落实各项任务。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory, {"plan.txt": PLAN})


@pytest.mark.parametrize("question, kind", [
    ("国务院印发的2030年前碳达峰行动方案提出，新型储能装机规模要达到多少？", QUANTITY),
    ("这个方案是谁印发的？", "org"),
    ("上海主要依托的是哪个科学中心？", ENTITY),
])
def test_an_issuer_named_in_passing_does_not_make_the_question_ask_for_one(question, kind):
    assert asked_type(question) == kind


@pytest.mark.parametrize("question, nouns", [
    ("上海培育重点实验室，主要依托的是哪个科学中心？", ["科学", "科学中心"]),
    ("升级一个帮企业对接融资的服务平台，这个平台叫什么？", ["平台"]),
])
def test_the_asked_noun_is_read_without_its_demonstrative_and_only_a_final_shi_na_ge_frames_it(question, nouns):
    assert asked_nouns(question, jieba.lcut) == nouns


def test_a_name_in_brackets_answers_a_what_is_it_called_question(engine):
    answer = answer_question(engine, "海川市升级一个帮企业对接融资的服务平台，这个平台叫什么？")
    assert answer.found and answer.quotes[0].highlight == "海融通"


def test_a_quoted_name_answers_when_the_text_calls_the_thing_otherwise():
    sentence = "打造“绿盈驿站”，在两个县开展试点。"
    assert [sentence[a:b] for a, b in value_spans(sentence, ENTITY, names=["金融服务站点"])] == ["绿盈驿站"]


def test_values_listed_before_fen_bie_pair_with_the_items_after_it():
    sentence = "2023年、2025年年底，分别对规划执行情况进行中期评估和总结评估。"
    for question, value in [("什么时候开展总结性评估？", "2025年年底"), ("什么时候进行中期评估？", "2023年")]:
        start, end = respective_span(sentence, question)
        assert sentence[start:end] == value


def test_scope_words_and_the_thing_after_the_asking_words_decide_what_a_figure_measures(engine):
    answer = answer_question(engine, "海川市到2025年全市调峰用的燃气发电装机要达到多大规模？")
    assert answer.found and answer.quotes[0].highlight == "15万千瓦以上"
    assert not answer_question(engine, "海川市到2025年建成多大规模的公共建筑屋顶光伏？").found


def test_a_share_is_a_proportion_in_other_words(engine):
    answer = answer_question(engine, "海川市对2025年星级绿色建筑在城镇新建建筑中的比例提出了什么要求？")
    assert answer.found and answer.quotes[0].highlight == "30%以上"
    assert not answer_question(engine, "海川市到2025年城市绿色出行比例要达到多少？").found


def test_a_plan_named_with_its_place_that_the_library_lacks_is_said_to_be_missing(engine):
    answer = answer_question(engine, "广东省碳达峰实施方案提出到2025年非化石能源消费比重要达到多少？")
    assert not answer.found
    held = answer_question(engine, "海川市碳达峰方案对2025年星级绿色建筑占比有什么要求？")
    assert held.found and held.quotes[0].highlight == "30%以上"


def test_an_article_cited_with_an_item_is_the_article():
    assert question_refs("条例第四十七条第（二）项的内容是什么？") == [("条", 47)]
    assert question_refs("方案二、（四）12讲了什么？") == [("一、", 2), ("（一）", 4), ("1.", 12)]


def test_a_line_continuing_a_broken_sentence_and_a_contents_page_open_no_heading():
    text = ("示例方案\n目 录\n一、总体要求..............2\n二、重点任务..............3\n一、总体要求\n"
            "到2022年，绿色建材产品的比例应达到60%，获得绿色建筑\n"
            "一、二星级评价标识的项目中绿色建材比例应分别达到70%、80%；建筑垃圾利用率达到35%。\n二、重点任务\n推进节能改造。\n")
    found = sections(text)
    assert [s.labels for s in found] == [[], ["一、"], ["二、"]]
    assert "一、二星级" in text[found[1].start:found[1].end]



def test_which_one_asks_a_name_and_the_longer_asked_noun_ending_in_a_kind_of_thing_wins():
    assert asked_type("方案点名推进的输变电工程是哪一项？") == ENTITY
    sentence = "将企业的环境违法信息纳入福建省公共信用信息平台，记入社会诚信档案。"
    assert [sentence[a:b] for a, b in value_spans(sentence, ENTITY, names=["信用", "信用平台"])] == \
        ["福建省公共信用信息平台"]
