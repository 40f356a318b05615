"""What a figure is asked of: a span of time asked for an act (多少天内要给出登记结果) is answered where the law
says that act, whatever nouns the question puts after it; what a plan intends (到2030年计划达到多少) is no subject,
the thing named before the year is. On a law and a plan written in the test."""
from __future__ import annotations

import pytest

from tests.conftest import engine_over, marked

FIRM_RULES = """# 青禾省个体企业条例

第一条　为了规范个体企业经营，制定本条例。

第二条　登记机关应当在收到设立申请文件之日起十五日内，对符合本条例规定条件的，予以登记，发给营业执照。

第三条　个体企业变更住所的，应当办理变更手续。

第四条　年度检验结果应当向社会公开。
"""

FOREST_PLAN = """青禾省林业发展规划

一、发展目标
到2030年，全省活立木蓄积量达到9亿立方米，森林覆盖率保持在63%以上。

二、重点任务
加强湿地保护修复，建设湿地公园。制定年度造林计划。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory, {"rules.md": FIRM_RULES, "plan.txt": FOREST_PLAN})


def test_a_span_of_time_for_an_act_is_answered_where_the_act_is_said(engine):
    assert marked(engine, "登记机关收到设立申请材料后，最多多少天内要给出登记结果？") == "十五日内"


def test_what_a_plan_intends_is_no_subject_of_its_figure(engine):
    assert marked(engine, "全省活立木蓄积量到2030年计划达到多少？") == "9亿立方米"

