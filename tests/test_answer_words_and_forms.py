"""Answers read by words, not characters: an item the question says only inside a longer word stays; a list
ends where the verb the question says after it begins; a period asked after 多长 is a span of time; the thing
handed over is the verb's object whatever noun the question calls it; a short form is said by the words it
shortens; a body followed by the asked act answers before one doing another, and the body whose clause goes on
to the act asked answers; an office named after the body above it (国务院证券监督管理机构, 县级以上人民政府公安机关)
is one body; the items begin after a verb of one character the question puts before 哪几 (设了哪几种 → 设置); …方面
names a field, not the thing, and 方面 before a noun is inside an item; a range keeps the 以内 after it and an
amount the 人民币. Each on a law built here."""
from __future__ import annotations

import pytest

from qa.answer import answer_question
from tests.conftest import engine_over, marked

LAW = """# 海川市品牌保护条例

## 第一章 总则

第一条　为了保护品牌，制定本条例。

第二条　本条例所称的发明创造是指发明、实用新型和外观设计。

第三条　在省会城市设立的品牌协会，应当经省、自治区、直辖市人民政府市场监督管理部门登记。

第四条　未成年人、老年人、残疾人、重病患者遭受家庭暴力的，应当给予特殊保护。

第五条　注册品牌有效期满，需要继续使用的，应当在期满前十二个月内办理续展手续；在此期间未能办理的，可以给予六个月的宽展期。

第六条　就集体品牌提出开放使用声明的，应当提供品牌评价报告。

第七条　家庭暴力情节较轻的，由公安机关对加害人出具告诫书。

## 第二章 监督

第八条　品牌保护年度报告由市市场监督管理部门起草。

第九条　前条所称报告经审议后，由品牌保护委员会向社会公布。

第十条　公开发行品牌债券，应当经国务院证券监督管理机构注册。

第十一条　进口品牌商品设置最惠国税率、协定税率、特惠税率、普通税率。

第十二条　对冒用品牌情节严重的，由县级以上人民政府公安机关作出禁止经营的决定。

第十三条　企业捐赠品牌用于公益事业的，享受企业所得税方面的优惠。

第十四条　受过冒用品牌处罚的人员，自处罚完毕之日起六个月至三年以内不得申请注册品牌。

第十五条　设立全国性品牌银行的注册资本最低限额为十亿元人民币。

第十六条　品牌评审委员会由行政部门代表、工会代表和企业方面代表组成。

第十七条　举办以技能培训为主的品牌学校，由县级以上人民政府人力资源社会保障行政部门按照国家规定的权限审批。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory, {"brands.md": LAW})


def test_items_said_inside_longer_words_of_the_question_stay(engine):
    assert marked(engine, "品牌保护条例里说的发明创造包括哪几种？") == "发明、实用新型和外观设计"
    assert marked(engine, "在省会城市设立的品牌协会要到哪个部门登记？") == "省、自治区、直辖市人民政府市场监督管理部门"


def test_an_office_named_after_the_body_above_it_is_one_body(engine):
    assert marked(engine, "公开发行品牌债券需要经哪个机构注册？") == "国务院证券监督管理机构"
    assert marked(engine, "冒用品牌情节严重的，禁止经营的决定由哪个机关作出？") == "县级以上人民政府公安机关"


def test_the_items_begin_after_the_verb_the_question_puts_before_na_ji(engine):
    assert marked(engine, "进口品牌商品一共设了哪几种税率？") == "最惠国税率、协定税率、特惠税率、普通税率"


def test_a_field_named_with_fang_mian_is_the_thing_itself(engine):
    assert marked(engine, "企业捐赠品牌用于公益事业，能享受哪种税的优惠？") == "企业所得税"


def test_a_range_keeps_the_bound_after_it_and_an_amount_its_currency(engine):
    assert marked(engine, "受过冒用品牌处罚的人，处罚完毕后多长时间内不得申请注册品牌？") == "六个月至三年以内"
    assert marked(engine, "设立全国性品牌银行，注册资本最低要多少？") == "十亿元人民币"


def test_fang_mian_followed_by_a_noun_is_inside_an_item(engine):
    assert marked(engine, "品牌评审委员会由哪几方面的代表组成？") == "行政部门代表、工会代表和企业方面代表"


def test_the_body_whose_clause_goes_on_to_the_act_asked_answers(engine):
    assert marked(engine, "我想办一所以技能培训为主的品牌培训学校，应该找哪个部门审批？") == "县级以上人民政府人力资源社会保障行政部门"


def test_a_list_ends_where_the_verb_the_question_says_after_it_begins(engine):
    assert marked(engine, "哪些人遭受家庭暴力时应当得到特殊保护？") == "未成年人、老年人、残疾人、重病患者"


def test_a_period_asked_by_its_name_is_a_span_of_time(engine):
    assert marked(engine, "注册品牌到期前没来得及续展，还有多长的宽展期？") == "六个月"


def test_the_thing_handed_over_is_the_verbs_object_whatever_the_question_calls_it(engine):
    assert marked(engine, "对集体品牌提出开放使用声明，需要同时提供什么材料？") == "品牌评价报告"


def test_a_short_form_is_said_by_the_words_it_shortens(engine):
    answer = answer_question(engine, "家暴情节比较轻的，公安机关可以给施暴的人开什么文书？")
    assert answer.found and answer.quotes[0].highlight == "告诫书"


def test_a_body_doing_the_asked_act_answers_before_one_doing_another(engine):
    assert marked(engine, "品牌保护年度报告由哪个机构公布？") == "品牌保护委员会"
