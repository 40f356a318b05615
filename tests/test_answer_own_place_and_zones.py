"""The asker's own place (我们市, 我们区) in a library with a home: another place's plan does not answer for it,
a national law still does; a level said as the actor (县里想…) when no document of that level answers; the zone a
plan designates (划成什么, 划进什么区), a count's rule
(数量有什么要求) and a body described by what it manages (国务院管理矿山企业的主管部门). On documents built here."""
from __future__ import annotations

import pytest

from qa.answer import answer_question
from tests.conftest import engine_over, filler_plans, marked

# The home: a county-level city and a district of one prefecture (江门市), their regions read from the titles.
TAISHAN = """台山市旧物回收实施方案

一、主要目标
（一）回收站点。到2025年，全市建成旧物回收站点120个。
二、重点任务
（二）园区建设。建设台山旧物回收产业园。
（三）市场建设。推进旧物批发市场建设，优化旧物批发市场选址。
（四）仓储设施。完善旧物仓储场布局，新建一批旧物仓储场。
（五）新建项目。新建一批旧物回收项目，合理选址。
"""

JIANGHAI = """江门市江海区旧物回收实施方案

一、重点任务
（一）推进电网建设。大力推进110千伏金瓯旧物输变电工程等电网工程的建设实施。
"""

SHANGHAI = """上海市旧物回收实施方案

一、重点任务
（一）公园建设。实施千座旧物公园计划，到2025年新增旧物公园600座左右。
（二）数据中心。新建旧物数据中心电能利用效率不高于1.3。
"""

NATIONAL_PLAN = """旧物回收行动方案

一、主要目标
（一）回收利用。到2025年，全国旧物回收利用率达到60%左右。
"""

LAW = """# 中华人民共和国旧物管理法

## 第一章 总则

第一条 为了规范旧物管理，制定本法。
第二条 因实施城市规划需要迁移国家旧物观测站的，应当报国务院旧物主管机构批准。
第三条 新建旧物批发市场，选址应当距离旧物仓储场三公里以外。
第四条 旧物管理规程，由国务院管理旧物企业的主管部门制定。
第五条 每个旧物仓库必须有两个以上能行人的安全出口。
第六条 县级人民政府应当将整治增加的旧物场地，划为旧物储备区，作为今后补划的后备资源。
第七条 在规划期内不具备治理条件的连片旧物堆场，应当规划为旧物封禁保护区，实行封禁保护。
"""


# Two counties' plans in different provinces (so no home), speaking of the question's words without a distance.
ANJI = """安吉县旧物回收实施方案

一、重点任务
（一）新建旧物批发市场。新建旧物批发市场要科学选址，远离旧物仓储场。
（二）旧物仓储场整治。整治旧物仓储场，新建旧物批发市场要统筹选址。
（三）批发市场管理。加强旧物批发市场管理，规范旧物仓储场选址。
"""

NINGXIANG = """宁乡市旧物回收实施方案

一、重点任务
（一）回收网络。完善旧物回收网络。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory, {"taishan.txt": TAISHAN, "jianghai.txt": JIANGHAI, "shanghai.txt": SHANGHAI,
                                          "law.md": LAW, "national.txt": NATIONAL_PLAN, **filler_plans()})


def test_another_places_plan_is_no_answer_for_the_askers_own_city(engine):
    answer = answer_question(engine, "我们市到2025年计划新增多少座旧物公园？")
    assert not answer.found and "本地" in answer.answer
    # the national plan's target is the nation's, not the city's
    assert not answer_question(engine, "我们市到2025年旧物回收利用率要达到多少？").found


def test_the_askers_own_plan_and_a_national_law_still_answer(engine):
    assert marked(engine, "我们区的方案里，点名要大力推进的是哪个输变电工程？") == "110千伏金瓯旧物输变电工程"
    assert marked(engine, "我们市因为实施城市规划要迁移国家旧物观测站，要报哪里批准？") == "国务院旧物主管机构"


def test_a_level_said_as_who_acts_falls_back_to_every_document(tmp_path_factory):
    # 县里 reads first as the counties' documents; none gives the distance, the law does
    engine = engine_over(tmp_path_factory, {"anji.txt": ANJI, "ningxiang.txt": NINGXIANG, "law.md": LAW,
                                            **filler_plans()})
    question = "县里想新建一个旧物批发市场，选址离旧物仓储场至少要多远？"
    assert marked(engine, question) == "三公里以外"
    assert answer_question(engine, question).question == question  # the asker's words, not the reworded ones


@pytest.mark.parametrize("question, value", [
    ("旧物管理法规定，连片旧物堆场不具备治理条件的，规划要把它划成什么？", "旧物封禁保护区"),
    ("整治增加的旧物场地，要划进什么区作为后备资源？", "旧物储备区"),
    ("每个旧物仓库的安全出口数量有什么要求？", "两个以上"),
    ("旧物管理规程由谁负责制定？", "国务院管理旧物企业的主管部门"),
])
def test_the_value_asked_is_marked(engine, question, value):
    assert marked(engine, question) == value
