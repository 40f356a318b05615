"""A document the library only speaks of (the old rule a law repealed) is asked about through the clause that
speaks of it, not refused as missing nor answered with the law's own dates; a law named after the verb that
applies it (传唤违反治安条例的人) or beside a court's short name (最高法) is read as the law it is."""
from __future__ import annotations

import pytest

from qa.answer import answer_question
from tests.conftest import engine_over, marked

ORDER_RULES = """# 青禾省治安条例

第一条　为了维护社会治安秩序，制定本条例。

第二条　公安机关传唤违反本条例的人接受调查，应当使用传唤证。

第三条　最高人民法院可以设巡回法庭，审理最高人民法院依法确定的案件。巡回法庭的判决和裁定即最高人民法院的判决和裁定。

第四条　省公安机关制定重点治安单位名录并适时调整。

第五条　本条例自2001年3月1日起施行。1988年5月4日省人民政府公布的《青禾省治安管理暂行办法》同时废止。
"""


PROVINCE_PLAN = """四川省“十四五”可再生能源发展规划

一、发展目标
到2025年，全省可再生能源年发电量达到4500亿千瓦时以上。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory, {"rules.md": ORDER_RULES, "plan.txt": PROVINCE_PLAN})


def test_a_fact_of_the_repealed_rule_is_read_from_the_clause_that_repeals_it(engine):
    assert marked(engine, "青禾省治安条例施行时废止的那部《青禾省治安管理暂行办法》是哪天公布的？") == "1988年5月4日"


def test_the_law_s_own_day_is_still_its_own(engine):
    assert marked(engine, "青禾省治安条例是哪天施行的？") == "2001年3月1日"


@pytest.mark.parametrize("question, missing", [
    # asked about by itself, the repealed rule is not held
    ("《青禾省治安管理暂行办法》第三条规定了什么？", "文库中没有《青禾省治安管理暂行办法》"),
    # a national title in brackets is not a province's plan of that name
    ("国家《“十四五”可再生能源发展规划》提出2025年可再生能源年发电量要达到多少？", "文库中没有"),
    # a list the law has drawn up (名录, 清单) is a document of its own, not the law
    ("《青禾省重点治安单位名录（2021年版）》从哪天开始施行？", "文库中没有《青禾省重点治安单位名录（2021年版）》"),
])
def test_a_document_the_library_does_not_hold_is_still_missing(engine, question, missing):
    answer = answer_question(engine, question)
    assert not answer.found and missing in answer.answer


def test_a_law_named_after_the_verb_that_applies_it_is_the_law(engine):
    assert marked(engine, "公安机关要传唤违反青禾省治安条例的人接受调查，需要使用什么证件？") == "传唤证"


def test_a_court_s_short_name_names_no_law(engine):
    assert marked(engine, "最高法可以设什么机构来审理它依法确定的案件，其判决就等同于最高法的判决？") == "巡回法庭"
