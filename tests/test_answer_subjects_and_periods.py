"""A figure answers only for what the question measures, wherever the question says it: before the year
(回收站装机容量到2030年要达到多少), across a clause of time (…的比例，到2025年要提高到多少), and named by more
than the kind of figure (地热 in 地热发电装机容量), not by another share of the same base; where things stood
(截至2020年底) is no target; a five-year plan's period asked is not another's. And names
and deadlines plans write: a month-end deadline with no year, a body after 配合,
部署 that is no 部. Each on documents built here."""
from __future__ import annotations

import pytest

from qa.answer import answer_question
from tests.conftest import engine_over, filler_plans, marked

ENERGY_PLAN = """黄石市能源转型实施方案

一、重点任务
（一）推动能源结构转型
到2030年，光伏发电装机容量达到80万千瓦以上。
2025年再生铝产量达到150万吨，2030年电解铝使用可再生能源比例提高至30%以上。
（四）发展多式联运
“十四五”期间，集装箱铁水联运量年均增长15%。
（二）加强组织领导
各回收企业要制定具体落实举措，相关方案于3月底前报送至市回收局。
资源循环领导小组对回收相关工作进行整体部署和系统推进。
配合省住房和城乡建设厅做好绿色建筑三星级标识推荐工作，做好一星级标识认定和授予工作。
（五）推广地热和港口减排
推广地热能供暖，推进港口集装箱运输绿色转型，水水中转设施加快建设。
"""


BUILDING_PLAN = """黄石市绿色建筑发展方案

一、发展目标
（一）发展绿色建筑
截至2020年底，全市城镇新建绿色建筑占当年新建建筑面积比例达到77%。
到2025年，城镇新建建筑全面建成绿色建筑，星级绿色建筑占比达到30%以上。到2030年，装配式建筑占当年新建城镇建筑的推广比例力争达到40%。
（二）推进节能改造
到2025年，完成既有居住建筑节能改造面积超过1亿平方米。
"""

@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory, {"energy.txt": ENERGY_PLAN, "building.txt": BUILDING_PLAN, **filler_plans()})


@pytest.mark.parametrize("question", [
    "地热发电装机容量到2030年要达到多少万千瓦？",
    "电解铝使用可再生能源的比例，到2025年要提高到多少？",
    "港口集装箱水水中转比例到2030年要提高到多少？",
    # another share of the same base, in the sentence after the one that names the thing asked
    "到2030年，星级绿色建筑占城镇新建建筑的比例要达到多少？",
    # where things stood is no target
    "“十三五”时期给城镇新建建筑中绿色建筑占比定的目标是多少？",
    # a count of households is not an area
    "到2025年要完成多少万户居住建筑节能改造？",
])
def test_a_figure_of_another_thing_does_not_answer(engine, question):
    assert not answer_question(engine, question).found


def test_the_share_asked_is_marked_beside_the_one_that_is_not(engine):
    assert marked(engine, "到2025年，星级绿色建筑占比要达到多少？") == "30%以上"


def test_a_period_asked_is_not_another_period(engine):
    answer = answer_question(engine, "“十五五”期间集装箱铁水联运量年均增长多少？")
    assert not answer.found and "十五五" in answer.answer
    assert marked(engine, "“十四五”期间集装箱铁水联运量年均增长多少？") == "15%"


@pytest.mark.parametrize("question, expected", [
    ("回收企业的落实方案要在什么时候之前报送？", "3月底前"),
    ("统一部署和推进回收相关工作的是哪个机构？", "资源循环领导小组"),
    ("绿色建筑三星级标识的推荐工作是和哪个部门一起做的？", "省住房和城乡建设厅"),
])
def test_deadlines_bodies_and_products_as_plans_write_them(engine, question, expected):
    assert marked(engine, question) == expected


CLIMATE_PLAN = """黄石市“十四五”应对气候变化规划

一、发展基础
“十三五”期间，全市单位地区生产总值二氧化碳排放比2015年下降22%，超额完成省下达的目标任务。
二、主要目标
到2025年，单位地区生产总值二氧化碳排放降低完成省下达的目标。
"""


def test_a_sentence_s_own_period_outweighs_its_title_s(tmp_path_factory):
    """A “十四五” plan reporting “十三五”'s result does not answer for “十四五”; the period in a title the question
    names is no period it asks."""
    engine = engine_over(tmp_path_factory, {"climate.txt": CLIMATE_PLAN, **filler_plans()})
    answer = answer_question(engine, "黄石市“十四五”期间单位地区生产总值二氧化碳排放要下降多少？")
    assert not answer.found and "十四五" in answer.answer
    assert marked(engine, "黄石市“十四五”应对气候变化规划提到，2020年单位地区生产总值二氧化碳排放比2015年下降了多少？") == "22%"
