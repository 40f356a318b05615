"""Answers whose edges a reader checks: an amount keeps the 以上 after its currency; 几条 and 几次 ask for a count, and a
count of times is not answered by a span of years; a list's items begin after the verb the question says as part
of a longer word (交 → 提交), end before 统称, before their own count (三个等次) and before the kind the question asks
when only the last item carries it (诚实信用原则); the office a government charges with a field is one body, an
owner's 所在地 opens the body's name and a bare 所在地 does not, a 理事会 closes it; a name holding 中华人民共和国 is whole; a
count the asker says (开一家) is no evidence, and the kind of figure asked (人数, 年龄) is said by the value's unit;
dates in Chinese numerals, levels (五级), 什么人来监督 (the person, not what for); an age asked by its name is answered
in 岁 with its 年满 / 已满, and the age the question says is no answer; a fine is for the act its sentence states
when the sentence points to the whole act (违反本条例); a sum of money is answered in 元, 几点 asks a time, a year
inside a 《title》 is not the year asked, and the act a span of time is asked for is said by one of its words (申报
for 去派出所申报). Each on a law built here."""
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

## 第三章 管理

第十条　典当行由二个以上五十个以下股东设立。

第十一条　典当行业协会名誉会长由典当行业协会理事会聘请。

第十二条　本条例所称典当公约，是指一九九八年五月十二日订立的典当行业自律公约。

第十三条　典当从业人员等级分为五级。

第十四条　典当行应当设置典当监察人。

第十五条　典当行年度考核结果分为优秀、合格和不合格三个等次。

第十六条　担任典当行负责人，应当年满二十五周岁。

第十七条　举报典当违法行为的，给予举报人奖励，每年奖励不超过十名举报人。

第十八条　依据《海川市国民经济和社会发展第十四个五年规划和2035年远景目标纲要》，结合本市典当、拍卖、租赁行业发展目标，制定本条例。

第十九条　违反本条例规定，在营业场所内吸烟的，处二百元以下的罚款。在库房内喧哗的，由公安机关依法处理。

第二十条　典当从业人员应当自年满十八周岁之日起三个月内办理从业登记。

第二十一条　对已满十六周岁准备就业的典当学徒，应当进行职业培训。

第二十二条　典当物品灭失后一个月以内，由典当行向公安机关申报灭失登记。

第二十三条　典当行发现可疑物品的，应当立即报告所在地派出所。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory, {"pawn.md": LAW})


# A count of times is not answered by a span of years; 几条 asks a count; a sum of money is answered only in 元;
# 几点 asks a time: each asked in the type it is, and none of the law's values is one.
@pytest.mark.parametrize("question, kind", [("典当从业人员每年要参加几次培训？", "quantity"),
                                            ("典当行最多可以设几条业务线？", "quantity"),
                                            ("举报典当违法行为，奖励金额是多少？", "quantity"),
                                            ("典当行每天几点开门营业？", "date")])
def test_a_value_of_another_measure_does_not_answer(engine, question, kind):
    answer = answer_question(engine, question)
    assert answer.answer_type == kind
    assert not answer.found


def test_an_amount_keeps_the_bound_after_its_currency(engine):
    assert marked(engine, "典当行经营文物典当，注册资本要达到多少？") == "五百万元人民币以上"


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


def test_a_count_the_asker_says_is_no_evidence_and_a_kind_of_figure_is_said_by_the_unit(engine):
    assert marked(engine, "开一家典当行，股东人数有什么要求？") == "二个以上五十个以下"


def test_a_board_closes_a_bodys_name(engine):
    assert marked(engine, "典当行业协会名誉会长由谁来聘请？") == "典当行业协会理事会"


def test_a_date_in_chinese_numerals_is_a_date(engine):
    assert marked(engine, "典当公约是哪一天订立的？") == "一九九八年五月十二日"


def test_levels_are_counted(engine):
    assert marked(engine, "典当从业人员等级一共分几级？") == "五级"


def test_who_is_set_up_to_do_something_is_named_without_what_for(engine):
    assert marked(engine, "典当行必须设置什么人来监督？") == "典当监察人"


def test_the_count_of_the_items_closes_them(engine):
    assert marked(engine, "典当行年度考核结果分哪几个等次？") == "优秀、合格和不合格"


def test_an_age_is_said_by_its_unit(engine):
    assert marked(engine, "担任典当行负责人，年龄有什么要求？") == "年满二十五周岁"


def test_a_year_inside_a_title_is_not_the_year_asked(engine):
    assert not answer_question(engine, "到2035年，典当行业要实现哪些目标？").found


def test_a_fine_for_another_act_of_the_same_article_does_not_answer(engine):
    # 违反本条例规定 points to the whole act, not back to this article's list: the 罚款 is for 吸烟 only
    assert marked(engine, "在库房内喧哗的，罚款金额是多少？") is None


def test_an_age_asked_by_its_name_is_answered_in_years_of_age(engine):
    assert marked(engine, "担任典当行负责人，在年龄上有什么条件？") == "年满二十五周岁"


def test_an_age_keeps_the_bound_before_it(engine):
    assert marked(engine, "典当学徒要进行职业培训，这是指多大年纪的学徒？") == "已满十六周岁"


def test_the_age_the_question_says_is_not_the_answer(engine):
    assert marked(engine, "典当从业人员刚满十八周岁，应该在多长时间内办理从业登记？") == "三个月内"


def test_the_act_a_span_of_time_is_asked_for_is_said_by_one_of_its_words(engine):
    # 派出所 is the asker's word for the 公安机关: 申报 and 灭失 say the act
    assert marked(engine, "典当物品灭失了，多长时间内要去派出所申报灭失登记？") == "一个月以内"
