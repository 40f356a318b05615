"""How long a thing lasts is not a time before an event (会议举行七日以前), terms of office (几届), a loan's
额度, distances at sea (海里), a count asked by its kind (层数), names after 授予 and 投保, a form by its
《title》, and the sender of a document named with its 文号 in brackets. On documents built here."""
from __future__ import annotations

import pytest

from tests.conftest import engine_over, filler_plans, marked

LAW = """# 中华人民共和国旧船协会法

## 第一章 总则

第一条 为了规范旧船协会，制定本法。
第二条 旧船协会理事会举行会议，应当在会议举行七日以前，将开会日期通知理事。
第三条 旧船协会会长任职期间缺位时，由理事会在副会长中推选一人代理会长职务。
第四条 旧船船员服役未满四年的，不得申请退役。
第五条 从普通高等学校毕业生中招录旧船船员，取得本科学历的，授予四级旧船衔。
第六条 旧船专属区为领海以外的区域，从测算领海宽度的基线量起延至二百海里。
第七条 国家鼓励退役旧船船员创业，金融机构应当提供担保贷款支持。
第八条 旧船碰撞案件的原告在起诉时、被告在答辩时，应当如实填写《旧船事故调查表》。
"""

PLAN = """湖滨省旧船回收实施方案

湖旧发〔2030〕1号

各市旧船管理局：
现将方案印发给你们，请认真贯彻落实。

一、重点任务
（一）保险
支持建设单位投保旧船性能责任保险，保障旧船满足绿色运行要求。
（二）建设
新建旧船库房以 6 层为主，最高不超过 18 层。

湖滨省旧船管理厅
2030年1月1日
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory, {"law.md": LAW, "plan.txt": PLAN, **filler_plans()})


@pytest.mark.parametrize("question, value", [
    # how long before the meeting: the time counted back answers
    ("旧船协会理事会开会前多少天要通知理事？", "七日以前"),
    ("本科毕业招录的旧船船员，第一次授的是什么衔？", "四级旧船衔"),
    ("湖滨省鼓励建设单位买哪种保险，来保证旧船满足绿色运行要求？", "旧船性能责任保险"),
    ("旧船专属区从基线量起，最远能划到多远？", "二百海里"),
    # a form is a written paper: its 《title》 names it
    ("打旧船碰撞官司，原告起诉时要如实填写哪份表格？", "旧船事故调查表"),
    ("新建旧船库房的层数上限是多少？", "最高不超过18层"),
    # the 文号 in brackets names the document: its sender signs it, not the bodies it is sent to
    ("湖滨省那份旧船回收实施方案（湖旧发〔2030〕1号），是哪个部门发的？", "湖滨省旧船管理厅"),
])
def test_the_value_asked_is_marked(engine, question, value):
    assert marked(engine, question) == value


@pytest.mark.parametrize("question", [
    # the notice is due seven days before: that is not how long a meeting lasts
    "旧船协会理事会每次开会一般开几天？",
    # one person acting for the chair is no number of terms
    "旧船协会会长连续任职最多能干几届？",
    # a loan's 额度 is money: four years of service is none
    "旧船船员退役后创业，能申请多少额度的担保贷款？",
])
def test_no_value_of_another_measure(engine, question):
    assert marked(engine, question) is None
