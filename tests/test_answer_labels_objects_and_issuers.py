"""A list item's number is no part of a name, a body a verb takes as its object does not act, a prison term is
years or months, 立法 names no document, 国家 scopes a figure without naming what it measures, the body a
decision's title opens with issued it, an article asked for is its number, and a sum of money is named by its
金. On documents built here."""
from __future__ import annotations

import pytest

from tests.conftest import engine_over, filler_plans, marked

LAW = """# 中华人民共和国旧船防疫法

## 第一章 总则

第一条 为了防控旧船传染病，制定本法。
第二条 本法规定的传染病分为下列三类：
（一）一类疫病，是指霍乱、鼠疫等对船员构成特别严重危害的；
第三条 国务院旧船主管部门承担国家旧船传染病应急协调委员会日常工作，牵头制定国家旧船传染病应急预案。
第四条 船员需停靠三分钟以上的，应当熄灭主机。
第五条 故意传播旧船传染病，情节严重的，处三年以上七年以下有期徒刑。
第六条 私自改装旧船，情节严重的，依照刑法第二百二十五条的规定定罪处罚。
第七条 旧船公司应当按照规定交纳旧船安全保证金，用于赔偿船员权益损害。
第八条 本法自2030年1月1日起施行。
"""

AMENDMENT = """# 中华人民共和国旧船法修正案

一、在旧船法第二十条后增加一条，作为第二十条之一：“禁止私自拆解远洋旧船。”
二、本修正案自公布之日起施行。
"""

DECISION = """湖滨省人民代表大会常务委员会关于《中华人民共和国刑法》旧船挪用罪适用的解释

湖滨省人民代表大会常务委员会讨论了旧船公款的管理问题，解释如下：
船长挪用旧船公款归个人使用的，适用刑法第三百八十四条挪用公款罪的规定。
"""

PLAN = """“十四五”旧船节能规划

三、重点任务
（三）改造
“十四五”期间，累计完成既有旧船节能改造2.5亿吨以上。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory, {"law.md": LAW, "decision.txt": DECISION, "plan.txt": PLAN,
                                          "amendment.md": AMENDMENT, **filler_plans()})


@pytest.mark.parametrize("question, value", [
    ("鼠疫在旧船防疫法里被划为哪类疫病？", "一类疫病"),
    # the committee is what the department works for; the department leads
    ("国家旧船传染病应急预案是由哪个部门牵头制定的？", "国务院旧船主管部门"),
    ("故意传播旧船传染病情节严重的，最多判多久？", "三年以上七年以下"),
    ("旧船防疫方面的地方立法是从哪天开始施行的？", "2030年1月1日"),
    ("国家“十四五”旧船节能规划要求既有旧船节能改造累计完成多少？", "2.5亿吨以上"),
    ("旧船挪用罪适用的这个解释是哪个机关作出的？", "湖滨省人民代表大会常务委员会"),
    # an article asked for is answered by its number, with the law it names
    ("私自改装旧船情节严重的，按刑法哪一条定罪？", "刑法第二百二十五条"),
    ("禁止私自拆解远洋旧船这一条，旧船法修正案把它加在旧船法第几条？", "第二十条之一"),
    # money is named by a word ending in 金, after the verb of paying it
    ("旧船公司必须交纳、用来赔偿船员权益损害的那笔钱叫什么？", "旧船安全保证金"),
])
def test_the_value_asked_is_marked(engine, question, value):
    assert marked(engine, question) == value


@pytest.mark.parametrize("question", [
    # a stop of three minutes is no prison term
    "船员在旧船上闹事，最高判多久？",
])
def test_no_value_of_another_kind(engine, question):
    assert marked(engine, question) is None
