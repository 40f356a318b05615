"""The value's own words and the body that acts: a hedge the question says goes with the 为 after it (一般为十五年
→ 十五年), a body is neither the one it consults (商有关部门) nor what it does (负责组织有关部门), and a short name
(个体户) is said by the full one (个体工商户). A law whose name ends in 建设法 and that the library does not hold is
said to be missing. Each on a document built here."""
from __future__ import annotations

import pytest

from qa.answer import answer_question
from tests.conftest import engine_over, filler_plans, marked

WATERS_RULES = """黄石市河湖岸线保护条例

第一章 总则
第一条 为了保护河湖岸线，制定本条例。
第二章 保护与利用
第二条 岸线保护规划的规划期限一般为十五年。
第三条 重点岸线名录由市水行政主管部门按照省水行政主管部门的规定，根据岸线的生态功能，商有关部门确定，并向社会公布。
第四条 一般岸线险情发生后，险情发生地的县人民政府负责组织有关部门启动岸线应急预案。
第五条 在岸线经营的个体工商户，由市市场监督管理部门管理。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory, {"waters.txt": WATERS_RULES, **filler_plans()})


@pytest.mark.parametrize("question, value", [
    ("岸线保护规划一般按多少年的期限来编？", "十五年"),
    ("重点岸线名录是由哪一级的哪个部门确定并公布的？", "市水行政主管部门"),
    ("一般岸线险情发生后，由哪一级政府负责组织启动岸线应急预案？", "险情发生地的县人民政府"),
    ("个体户归哪个部门管理？", "市市场监督管理部门"),
])
def test_the_value_asked_is_marked(engine, question, value):
    assert marked(engine, question) == value


def test_a_law_named_by_its_construction_subject_that_is_not_held_is_missing(engine):
    answer = answer_question(engine, "无障碍环境建设法是从什么时候开始施行的？")
    assert not answer.found
    assert "文库中没有《无障碍环境建设法》" in answer.answer
