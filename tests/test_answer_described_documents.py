"""A document described rather than named (那部国务院暂行条例), a rule the question reads in a law it names
(…，按旧物运输安全法要报哪个部门批准), a name framed by the question's verbs (推进建设什么平台; 建 for 建立),
a body of a kind the question qualifies (什么专家机构), and a period asked by its name (有效期). On documents built
here."""
from __future__ import annotations

import pytest

from qa.answer import answer_question
from tests.conftest import engine_over, filler_plans, marked

TRANSPORT_LAW = """# 中华人民共和国旧物运输安全法

## 第一章 总则

第一条 为了保障旧物运输安全，制定本法。
第二条 通过道路运输旧物的，应当报启运地县级以上人民政府公安机关批准；其中，运输高危旧物的，应当报国务院公安部门批准。
第三条 国家推进旧物信息共享服务平台建设，推动旧物数据跨区域、跨部门共享利用。
第四条 违反本法规定被吊销快运业务经营许可证的，自快运业务经营许可证被吊销之日起三年内，不得申请经营快运业务。
第五条 旧物运输许可证到期需要延续的，应当在有效期届满前向原发证机关提出申请。
第六条 临时使用旧物堆场的，使用者应当自堆场使用期满一年内按照复垦方案恢复场地原用途。
第七条 本法自2026年5月1日起施行。
"""

TRADE_REGULATION = """旧物交易管理暂行条例

第一条 为了规范全国旧物交易市场，制定本条例。
第二条 国务院商务主管部门负责旧物交易市场的监督管理。
第三条 国务院商务主管部门建立全国旧物交易市场管理平台，加强对旧物交易的全过程监督管理。
第四条 本条例自2024年5月1日起施行。
"""

CITY_PLAN = """海川市旧物回收实施方案

一、保障措施
（一）加强技术支撑。组建旧物回收专家指导委员会，加强技术指导、技术培训和技术服务。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory, {"transport.md": TRANSPORT_LAW, "trade.txt": TRADE_REGULATION,
                                          "plan.txt": CITY_PLAN, **filler_plans()})


@pytest.mark.parametrize("question, value", [
    ("全国旧物交易市场那部国务院暂行条例是从哪天开始执行的？", "2024年5月1日"),
    ("用道路运输高危旧物，按旧物运输安全法要报哪个部门批准？", "国务院公安部门"),
    ("为了让各地旧物数据能互相调用，旧物运输安全法要求国家推进建设什么平台？", "旧物信息共享服务平台"),
    ("海川市旧物回收方案里，准备组建什么专家机构来做技术指导和培训？", "旧物回收专家指导委员会"),
    # the question shortens 建立 to 建: the name starts after the sentence's whole word
    ("旧物交易管理暂行条例要求国务院商务主管部门建一个什么平台，对旧物交易做全过程监管？", "全国旧物交易市场管理平台"),
    ("被吊销快运业务经营许可证后，多少年内不能再申请？", "三年内"),
])
def test_the_fact_asked_is_marked(engine, question, value):
    assert marked(engine, question) == value


@pytest.mark.parametrize("question", [
    "快运业务经营许可证的有效期是几年，到期怎么延续？",  # 三年内 is how long a revoked holder waits
    "临时使用旧物堆场的期限一般最长是几年？",  # 期满一年内 is when the site is restored
])
def test_a_period_asked_by_name_is_not_answered_by_another_span(engine, question):
    assert not answer_question(engine, question).found
