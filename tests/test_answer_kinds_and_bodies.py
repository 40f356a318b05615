"""The kind of answer a question asks, read where its words are spread out, and the bodies marked for it: a
kind closing a description (什么样的…管理制度, 什么…系统) asks a name; 哪个法院 and 到哪里去申报 ask a body, and so
does 由谁决定 after 要不要; 谁 is answered with the office a body's head holds (委员会主任); the bare kind asked
(人民法院) does not answer 哪个法院; the place that fixes a body (收购地, 所在地) opens its name; a name neither
starts inside 或者 nor runs through 申请; a closing 等 after the second item ends a list; 哪一年 asks the year of a
full date; a date is the one followed by the words the question puts after asking it (…前报送市商务主管部门);
不足 bounds a figure; a clause after a list's last join far longer than its items is not an item; who approves
an act is asked of the text even when a topic word of the title is said; 负责管理的人 is a person described, not
the body asked; each body joined in a list keeps its office.
Each on a law built here."""
from __future__ import annotations

import pytest

from qa.answer import answer_question
from tests.conftest import engine_over, marked

REGULATION = """# 中华人民共和国旧货流通法

## 第一章 总则

第一条　为了规范旧货流通，制定本法。

第二条　本市实行旧货经营者信用分级管理制度。

第三条　市商务主管部门建立全市旧货交易统一监管系统。

第四条　旧货行业自律公约于一九九八年五月十二日订立。

## 第二章 经营

第五条　旧货经营者收购金银饰品的，应当向收购地的主管税务机关申报缴纳税款。

第六条　因旧货买卖合同纠纷提起的诉讼，由经营场所所在地人民法院管辖。

第七条　旧货经营者的年度报告经股东会审议或者市商务局核准后公布。

第八条　旧货经营者被吊销许可证的，债权人可以向中级人民法院申请中止以该旧货经营者为被告的诉讼程序。

第九条　典当、拍卖、寄售等业务经营者、服务提供者，应当查验客户身份。

第十条　旧货纠纷调解员是否回避，由旧货行业协会决定。

第十一条　旧货交易仲裁员是否回避，由旧货纠纷仲裁委员会主任决定。

第十二条　旧货经营者不服行政处罚的，可以向人民法院提起诉讼。

第十三条　旧货经营者应当于每年1月31日前向行业协会报送上一年度经营报告，经行业协会出具意见后，于3月31日前报送市商务主管部门。

第十四条　旧货经营者剩余经营期限不足一年的，不得转让经营许可。

第十五条　旧货经营者可以收购旧家具、旧家电、旧衣物、旧书刊以及该经营者或者该经营者委托的其他经营者依法取得的其他旧物品。

第十六条　动用中央储备的旧货流通物资，由国务院商务主管部门批准。

第十七条　旧货行业协会负责管理的人员违反本法的，给予警告、通报批评、罚款处分。

第十八条　国务院公安部门和省级人民政府公安机关，是旧货流通的治安管理机关。

第十九条　旧货行业协会是本市旧货经营者的自律组织，由市商务局集中统一领导。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory, {"used_goods.md": REGULATION})


@pytest.mark.parametrize("question, expected", [
    ("本市对旧货经营者实行什么样的管理制度？", "旧货经营者信用分级管理制度"),
    ("市商务主管部门要建立一个什么样的统一系统？", "全市旧货交易统一监管系统"),
])
def test_a_kind_closing_a_description_asks_a_name(engine, question, expected):
    answer = answer_question(engine, question)
    assert answer.answer_type == "entity"
    assert marked(engine, question) == expected


def test_where_a_tax_is_declared_is_a_body_opened_by_the_place_that_fixes_it(engine):
    question = "收购金银饰品的税款应该到哪里去申报缴纳？"
    assert answer_question(engine, question).answer_type == "org"
    assert marked(engine, question) == "收购地的主管税务机关"


def test_which_court_is_a_body_with_its_place(engine):
    question = "旧货买卖合同打官司应该到哪个法院起诉？"
    assert answer_question(engine, question).answer_type == "org"
    assert marked(engine, question) == "经营场所所在地人民法院"


def test_who_decides_after_a_yes_or_no_asks_the_body(engine):
    question = "旧货纠纷调解员要不要回避由谁决定？"
    assert answer_question(engine, question).answer_type == "org"
    assert marked(engine, question) == "旧货行业协会"


def test_a_body_does_not_start_inside_or(engine):
    assert marked(engine, "旧货经营者的年度报告由哪个部门核准？") == "市商务局"


def test_a_body_does_not_run_through_a_verb_of_procedure(engine):
    assert marked(engine, "旧货经营者被吊销许可证，债权人可以向哪一级法院申请中止诉讼？") == "中级人民法院"


def test_a_closing_deng_after_the_second_item_ends_the_list(engine):
    assert marked(engine, "哪些行业的经营者应当查验客户身份？") == "典当、拍卖、寄售"


def test_which_year_asks_the_year_of_a_full_date(engine):
    assert marked(engine, "旧货行业自律公约是哪一年订立的？") == "一九九八年"


def test_who_is_answered_with_the_office_the_bodys_head_holds(engine):
    assert marked(engine, "旧货交易仲裁员要不要回避，由谁决定？") == "旧货纠纷仲裁委员会主任"
    assert marked(engine, "旧货交易仲裁员回避由哪个机构决定？") == "旧货纠纷仲裁委员会"


def test_the_bare_kind_asked_does_not_answer_which_one(engine):
    assert marked(engine, "旧货经营者不服行政处罚，应该向哪个法院起诉？") != "人民法院"


def test_a_date_followed_by_the_words_the_question_puts_after_it_answers(engine):
    assert marked(engine, "旧货经营者的年度经营报告最晚什么时候报送市商务主管部门？") == "3月31日前"


def test_a_bound_below_keeps_its_qualifier(engine):
    assert marked(engine, "旧货经营者剩余经营期限不到多久时不得转让经营许可？") == "不足一年"


def test_a_clause_after_the_last_join_far_longer_than_the_items_is_not_an_item(engine):
    assert marked(engine, "旧货经营者可以收购哪些东西？") == "旧家具、旧家电、旧衣物、旧书刊"


def test_who_approves_an_act_named_by_a_topic_word_of_the_title_is_asked_of_the_text(engine):
    assert marked(engine, "动用中央储备的旧货流通物资，需要谁批准？") == "国务院商务主管部门"


def test_the_person_a_question_describes_by_what_they_manage_is_not_the_body_asked(engine):
    answer = answer_question(engine, "行业协会里负责管理的人违法了，能给他哪些处分？")
    assert answer.answer_type == "list"
    assert answer.quotes[0].highlight == "警告、通报批评、罚款"


def test_each_body_joined_in_a_list_keeps_its_office(engine):
    assert marked(engine, "旧货流通的治安管理机关是哪个部门？") == "国务院公安部门和省级人民政府公安机关"
