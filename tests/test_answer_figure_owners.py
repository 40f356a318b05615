"""A figure belongs to the thing its own chunk names: not to a thing the sentence says after it without a
figure of its own (…能源消耗下降14%，…，二氧化碳排放确保完成省下达指标; 新增…达到60%，存量…有序减少). On a plan
built here."""
from __future__ import annotations

import pytest

from qa.answer import answer_question
from tests.conftest import engine_over, filler_plans, marked

CITY_PLAN = """黄石市碳达峰实施方案

一、主要目标
到2025年，单位地区生产总值能源消耗比2020年下降14%，非化石能源占能源消费总量比重力争达到20%，单位地区生产总值二氧化碳排放确保完成省下达指标。

二、重点任务
（一）推进垃圾分类处置。持续完善城乡居民生活垃圾、餐厨废弃物、建筑垃圾等分流处置体系，到2025年，回收利用率达到35%以上。
（二）发展装配式建筑。大力发展装配式建筑，到2025年，占新建建筑面积比例达到30%。
（三）推进固废综合利用。推动煤矸石、粉煤灰、尾矿等工业固废替代建材生产原料，到2025年，新增大宗固废综合利用率达到60%，存量大宗固废有序减少。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory, {"plan.txt": CITY_PLAN, **filler_plans()})


@pytest.mark.parametrize("question, value", [
    ("黄石市到2025年单位地区生产总值能源消耗要比2020年下降多少？", "14%"),
    ("黄石市生活垃圾回收利用率到2025年要达到多少？", "35%以上"),
    ("黄石市装配式建筑占新建建筑面积的比例到2025年要达到多少？", "30%"),  # the thing is said in the chunk before
    ("黄石市新增大宗固废综合利用率到2025年要达到多少？", "60%"),
])
def test_the_figure_of_the_thing_asked_is_marked(engine, question, value):
    assert marked(engine, question) == value


@pytest.mark.parametrize("question", [
    "黄石市碳达峰方案里，2025年单位地区生产总值二氧化碳排放要比2020年下降百分之几？",
    "黄石市到2025年存量大宗固废的综合利用率要达到多少？",
])
def test_another_things_figure_is_no_answer(engine, question):
    assert not answer_question(engine, question).found
