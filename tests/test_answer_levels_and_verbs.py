"""Forms a law prints its own way: 海里 is a measure; 多少名 counts people; 什么年龄段 asks an age, and the value
describing the noun the question says (…的男性回收员) answers it; an order (…动员令) is a document; 报哪里批准
asks a body; levels written as a list (乡、民族乡、镇的…) open a body's name; 为 after 应当 is "for", not "is";
the kind asked after 的 (…的方针) is no part of the name; a list follows the verb the question puts before 哪些; a
title after 是 names the thing before it (…站歌是《回收之歌》); a paper is named after the verb that signs it.
Each on a law built here."""
from __future__ import annotations

import pytest

from qa.answer import answer_question
from tests.conftest import engine_over, marked

LAW = """# 中华人民共和国回收动员法

## 第一章 总则

第一条　为了规范回收动员，制定本法。

第二条　回收工作坚持平战结合、军地协同、寓军于民的方针。

第三条　回收专属区从回收基线量起延至二百海里。

第四条　回收站设站长一人；每个回收站设技术员二至四人。

第五条　十八周岁至六十周岁的男性回收员和十八周岁至五十五周岁的女性回收员，应当参加回收培训。

## 第二章 动员

第六条　国家决定回收动员后，由国家主席发布回收动员令。

第七条　划定回收禁区应当兼顾居民生活，由有关军事机关提出方案，报国务院和中央军事委员会批准。

第八条　回收站站长被逮捕的，执行机关应当立即报告乡、民族乡、镇的人民代表大会。

第九条　为了便于回收员执行职务，回收管理局应当为回收员制发回收证。

第十条　回收管理局在行使检查、登记、处置和管理回收物资的职权时，为确保法律得到遵守，可以采取查封、扣押、没收和进行处罚等必要的措施。

第十一条　中华人民共和国回收站站歌是《回收之歌》。

第十二条　回收员自愿退出的，应当在站长在场的情况下签署退出承诺书。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory, {"mobilisation.md": LAW})


@pytest.mark.parametrize("question, expected", [
    ("回收专属区从回收基线量起最远延伸到多少海里？", "二百海里"),
    ("每个回收站可以设多少名技术员？", "二至四人"),
    ("男性回收员在什么年龄段要参加回收培训？", "十八周岁至六十周岁"),
])
def test_measures_counts_and_ages_a_law_prints(engine, question, expected):
    assert answer_question(engine, question).answer_type == "quantity"
    assert marked(engine, question) == expected


def test_an_order_is_a_document(engine):
    assert marked(engine, "国家决定回收动员以后，国家主席发布的文件叫什么？") == "回收动员令"


@pytest.mark.parametrize("question, expected", [
    ("划定回收禁区的方案最后要报哪里批准？", "国务院和中央军事委员会"),
    ("回收站站长被逮捕，执行机关要立即报告谁？", "乡、民族乡、镇的人民代表大会"),
])
def test_bodies_asked_where_and_named_after_a_list_of_levels(engine, question, expected):
    assert answer_question(engine, question).answer_type == "org"
    assert marked(engine, question) == expected


def test_for_after_a_modal_verb_names_no_subject(engine):
    assert marked(engine, "回收管理局给回收员发什么证件？") == "回收证"


def test_the_kind_asked_is_no_part_of_the_name(engine):
    assert marked(engine, "回收工作要坚持什么方针？") == "平战结合、军地协同、寓军于民"


def test_a_list_follows_the_verb_the_question_puts_before_which(engine):
    question = "回收管理局在处置和管理回收物资时，为确保法律得到遵守，可以采取哪些措施？"
    assert marked(engine, question) == "查封、扣押、没收和进行处罚"


@pytest.mark.parametrize("question, expected", [
    ("回收站的站歌叫什么？", "回收之歌"),
    ("回收员自愿退出的，要在站长在场时签什么文书？", "退出承诺书"),
])
def test_a_name_given_by_a_title_or_after_the_verb_that_signs_it(engine, question, expected):
    assert marked(engine, question) == expected
