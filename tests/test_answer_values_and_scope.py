"""Which value a sentence gives for the asked thing (a count before what it counts, items listed before the
comma of 分别, a bound kept with its value, the sentence holding more of the question), whose body or
platform a name is, and what the question asks the library for (a year outside a title, the document
it names, a generic kind of document)."""
from __future__ import annotations

import pytest

from qa.answer import answer_question
from qa.answer_types import DATE, ENTITY, ORG, QUANTITY
from qa.doc_answer import asked_fact
from qa.scope import _document_names
from qa.spans import respective_span, value_spans
from tests.conftest import engine_over

PLAN = """海川市2030年前碳达峰行动方案
一、主要目标
1．森林碳汇。到2030年，全市森林覆盖率达到25%左右，森林蓄积量达到190万立方米。
2．试点示范。到2025年，各区分别建成1个近零碳试点园区、3个近零碳试点机关以及10家近零碳试点企业。
3．工业降碳。大力支持电炉短流程工艺发展。2025年和2030年，全市短流程炼钢占比分别提升至15%、20%以上。2025年再生铝产量达到15万吨，2030年电解铝使用可再生能源比例提高至30%以上。
4．信息公示。项目业主在申报前应当向利益相关方公示，公示期不少于7个工作日。
5．煤电改造。推动海川电厂2号发电机组超超临界改造。
6．小额贷款。对30万元以下的小额绿色贷款，力争2天内办结。
"""
RULES = "某省碳排放管理暂行条例\n第一条 为了规范碳排放管理，制定本条例。\n第二条 本条例自2024年5月1日起施行。\n"
MEASURES = "某省碳排放管理办法\n某环令第3号\n第一条 为了规范碳排放权交易，制定本办法。\n第二条 本办法自公布之日起施行。\n"


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory, {"plan.txt": PLAN, "rules.txt": RULES, "measures.txt": MEASURES})


def test_a_year_inside_the_named_title_is_not_the_year_asked(engine):
    assert not answer_question(engine, "海川市2030年前碳达峰行动方案对2035年森林蓄积量提出了什么目标？").found
    answer = answer_question(engine, "海川市2030年前碳达峰行动方案提出到2030年森林蓄积量达到多少？")
    assert answer.found and answer.quotes[0].highlight == "190万立方米"


def test_in_a_list_of_counts_each_count_goes_with_the_words_after_it(engine):
    answer = answer_question(engine, "海川市到2025年各区分别建成多少家近零碳试点企业？")
    assert answer.found and answer.quotes[0].highlight == "10家"


def test_the_sentence_holding_more_of_the_question_answers_though_a_rival_says_one_of_its_words(engine):
    """产量 is said only by the next sentence, whose 30%以上 is another figure."""
    answer = answer_question(engine, "海川市2030年短流程炼钢在全市钢铁产量中的占比目标是多少？")
    assert answer.found and answer.quotes[0].highlight == "20%以上"


def test_a_bound_stays_with_its_value_when_the_question_asks_it_in_other_words(engine):
    assert answer_question(engine, "海川市项目申报前公示期至少几个工作日？").quotes[0].highlight == "不少于7个工作日"


def test_items_listed_before_the_comma_pair_with_the_values_after_fen_bie():
    sentence = "主要集中在金沙江、雅砻江、大渡河流域，其技术可开发量分别为4044万千瓦、3924万千瓦、3791万千瓦。"
    start, end = respective_span(sentence, "雅砻江流域的技术可开发量有多少？")
    assert sentence[start:end] == "3924万千瓦"


def test_a_name_starts_after_the_owner_the_question_says(engine):
    assert answer_question(engine, "海川市要对海川电厂哪台机组实施超超临界改造？").quotes[0].highlight == "2号发电机组"


def test_how_much_time_asks_for_a_span_of_time(engine):
    assert answer_question(engine, "海川市30万元以下的小额绿色贷款要求多少时间内办结？").quotes[0].highlight == "力争2天内"


@pytest.mark.parametrize("sentence, kind, value", [
    ("需停车三分钟以上的情况下熄灭发动机。", QUANTITY, "三分钟以上"),
    ("处合同价款百分之二以上百分之四以下的罚款。", QUANTITY, "百分之二以上百分之四以下"),
    ("区县住房城乡建设部门每年10月底前报送创建情况。", DATE, "每年10月底前")])
def test_minutes_percentage_ranges_and_a_yearly_month_end_are_values(sentence, kind, value):
    assert [sentence[a:b] for a, b in value_spans(sentence, kind)] == [value]


def test_a_line_s_voltage_opens_its_name():
    sentence = "大力推进110千伏金瓯输变电工程等电网工程的建设实施。"
    start, end = value_spans(sentence, ENTITY)[0]
    assert sentence[start:end] == "110千伏金瓯输变电工程"


def test_an_office_named_after_its_body_and_a_platform_used_through_are_one_name():
    sentence = "财政部各地监管局要对相关资金开展评估评价。"
    assert [sentence[a:b] for a, b in value_spans(sentence, ORG)] == ["财政部各地监管局"]
    sentence = "经济和信息化部门应当及时通过企业码综合服务平台公布评价结果。"
    assert [sentence[a:b] for a, b in value_spans(sentence, ENTITY, names=["平台"])] == ["企业码综合服务平台"]


def test_a_fact_of_the_named_document_is_not_read_from_another_one(engine):
    answer = answer_question(engine, "某省碳排放管理暂行条例是第几号令？")
    assert not answer.found and "某省碳排放管理暂行条例" in answer.answer
    assert answer_question(engine, "某省碳排放管理办法是第几号令？").quotes[0].highlight == "某环令第3号"


def test_a_generic_kind_of_document_names_no_document_and_starting_in_force_asks_the_date():
    assert _document_names("福建这部生态环保方面的地方条例是哪一届人大常委会通过的？") == []
    assert _document_names("广东省绿色建筑条例第十条规定了什么？") == ["广东省绿色建筑条例"]
    assert asked_fact("能源法从什么时候起正式实施？", "date") == "in_force"
