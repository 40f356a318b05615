"""Values a law states in words of its own and the sentences that hold them: a quorum (过半数) and an odd count
(三人以上单数) are quantities; a list divided out of a whole the question names keeps every item (秘密 of
国家秘密); 什么机构 asks a body, named without the verb that sets it up; 什么人员 asks a post (…监督员); the day
of a date (8月1日) is no span of days; a day asked by its name is answered only where that name is said; a body
people shorten (中央军委) is found by its full name, and is said by the question that shortens it. Each on a
law built here."""
from __future__ import annotations

import pytest

from qa.answer import answer_question
from tests.conftest import engine_over, marked

LAW = """# 中华人民共和国旧物回收法

## 第一章 总则

第一条　为了规范旧物回收，制定本法。

第二条　回收秘密的密级分为绝密、机密、秘密三级。

第三条　每年8月1日为旧物回收宣传日。

第四条　市回收管理局设回收纠纷调解委员会，依法调解旧物回收纠纷。

第五条　回收管理机关根据工作需要，可以从各方面代表中聘请特约回收监督员。

## 第二章 回收委员会

第六条　回收委员会召开会议，应当有其组成人员的过半数出席。

第七条　回收评议庭由评议员组成，成员为三人以上单数。

第八条　对可能判处十年有期徒刑以上刑罚的回收人员，封存其旧物的时间不得超过三个月。

## 第三章 领导

第九条　中央军事委员会实行回收工作主席负责制。

第十条　回收管理局实行回收站分级管理制度。

第十一条　最高人民法院、最高人民检察院作出的回收解释，应当自公布之日起三十日内报全国人民代表大会常务委员会备案。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory, {"recycling.md": LAW})


@pytest.mark.parametrize("question, expected", [
    ("回收委员会开会，至少要有多少组成人员出席？", "过半数"),
    ("回收评议庭的成员人数有什么要求？", "三人以上单数"),
])
def test_a_quorum_and_an_odd_count_are_quantities(engine, question, expected):
    answer = answer_question(engine, question)
    assert answer.found and answer.answer_type == "quantity"
    assert marked(engine, question) == expected


def test_a_list_divided_out_of_the_whole_the_question_names_keeps_every_item(engine):
    assert marked(engine, "回收秘密分成了哪几个密级？") == "绝密、机密、秘密"


def test_what_body_is_asked_without_the_verb_that_sets_it_up(engine):
    question = "依法调解旧物回收纠纷的是什么机构？"
    assert answer_question(engine, question).answer_type == "org"
    assert marked(engine, question) == "回收纠纷调解委员会"


def test_what_kind_of_staff_is_asked_by_its_post(engine):
    assert marked(engine, "回收管理机关可以从各方面代表中聘请什么人员？") == "特约回收监督员"


def test_the_day_of_a_date_is_no_span_of_days(engine):
    answer = answer_question(engine, "旧物回收宣传日放假多少天？")
    assert not answer.found


def test_a_day_asked_by_its_name_is_answered_where_that_name_is_said(engine):
    assert marked(engine, "旧物回收宣传日是每年的哪一天？") == "8月1日"
    assert not answer_question(engine, "旧物回收安全日是每年的哪一天？").found


def test_a_shortened_body_is_found_by_its_full_name(engine):
    question = "中央军委实行的是什么制度？"
    assert "中央军事委员会" in engine.search(question, top_k=1).hits[0].text
    assert marked(engine, question) == "回收工作主席负责制"


def test_a_body_the_question_shortens_is_said_not_asked(engine):
    assert marked(engine, "最高法、最高检作出的回收解释要报到哪里备案？") == "全国人民代表大会常务委员会"
