"""Answers whose edges a reader checks: an amount keeps the 以上 after its currency; 几条 and 几次 ask for a
count, and a count of times is not answered by a span of years; a list's items begin after the verb the
question says as part of a longer word (交 → 提交), end before 统称 and before the kind the question asks
when only the last item carries it (诚实信用原则); the office a government charges with a field is one body,
an owner's 所在地 opens the body's name and a bare 所在地 does not; a name holding 中华人民共和国 is whole.
Each on a law built here."""
from __future__ import annotations

import pytest

from qa.answer import answer_question
from tests.conftest import engine_over, marked

LAW = """# 海川市典当行业管理条例

## 第一章 总则

第一条　为了规范典当行业，制定本条例。

第二条　订立典当合同，应当遵循自愿、平等、公平、诚实信用原则。

第三条　金银饰品、珠宝玉器、名人字画、古旧家具统称典当藏品。

## 第二章 设立

第四条　企业取得典当经营许可，必须经所在地的省、自治区、直辖市人民政府负责管理典当业的部门审核批准。

第五条　申请设立典当行，应当向登记机关提交设立申请书、股东身份证明、经营场所使用证明等文件。

第六条　典当行经营文物典当的，应当有五百万元人民币以上的注册资本。

第七条　典当从业人员资格证由从业人员户籍所在地的县级人民政府商务主管部门核发。

第八条　典当从业人员每年参加培训，被吊销资格证未满三年的，不得重新申请。

第九条　在境外遗失典当凭证的，可以向中华人民共和国驻外使馆或者外交部委托的其他驻外机构申请中华人民共和国典当旅行证。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory, {"pawn.md": LAW})


def test_an_amount_keeps_the_bound_after_its_currency(engine):
    assert marked(engine, "典当行经营文物典当，注册资本要达到多少？") == "五百万元人民币以上"


def test_a_count_of_times_is_not_answered_by_a_span_of_years(engine):
    answer = answer_question(engine, "典当从业人员每年要参加几次培训？")
    assert answer.answer_type == "quantity"
    assert not answer.found


def test_a_count_in_a_classifier_asks_for_a_quantity(engine):
    answer = answer_question(engine, "典当行最多可以设几条业务线？")
    assert answer.answer_type == "quantity"
    assert not answer.found


def test_the_items_begin_after_the_verb_the_question_says_inside_a_longer_word(engine):
    assert marked(engine, "申请设立典当行需要向登记机关交哪些文件？") == "设立申请书、股东身份证明、经营场所使用证明"


def test_the_items_end_before_the_word_that_names_them_together(engine):
    assert marked(engine, "典当藏品具体包括哪些？") == "金银饰品、珠宝玉器、名人字画、古旧家具"


def test_the_kind_asked_closing_only_the_last_item_is_not_part_of_it(engine):
    assert marked(engine, "订立典当合同要遵循哪些原则？") == "自愿、平等、公平、诚实信用"


def test_the_office_a_government_charges_with_a_field_is_one_body(engine):
    assert marked(engine, "典当经营许可由哪个部门审核批准？") == "省、自治区、直辖市人民政府负责管理典当业的部门"


def test_an_owners_locality_opens_the_body(engine):
    assert marked(engine, "典当从业人员资格证由哪个部门核发？") == "从业人员户籍所在地的县级人民政府商务主管部门"


def test_a_name_holding_the_countrys_name_is_whole(engine):
    assert marked(engine, "在境外遗失典当凭证，应该向使领馆申请什么证件？") == "中华人民共和国典当旅行证"
