"""Answers read by words, not characters: an item the question says only inside a longer word stays; a list
ends where the verb the question says after it begins; a period asked by its name is a span of time; the
thing handed over is the verb's object whatever noun the question calls it; a short form is said by the words
it shortens; a body followed by the asked act answers before one doing another; an office named after the
body above it (国务院证券监督管理机构) is one body. Each on a law built here."""
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
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory, {"brands.md": LAW})


def test_items_said_inside_longer_words_of_the_question_stay(engine):
    assert marked(engine, "品牌保护条例里说的发明创造包括哪几种？") == "发明、实用新型和外观设计"
    assert marked(engine, "在省会城市设立的品牌协会要到哪个部门登记？") == "省、自治区、直辖市人民政府市场监督管理部门"


def test_an_office_named_after_the_body_above_it_is_one_body(engine):
    assert marked(engine, "公开发行品牌债券需要经哪个机构注册？") == "国务院证券监督管理机构"


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
