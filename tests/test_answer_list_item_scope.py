"""An item of a list is not read with the item before it: a short item ending in ； is no lead (（一）护林员缴纳的会费；
does not make （二）'s 百分之二 a member's fee). On a law written in the test, beside plans on other subjects."""
from __future__ import annotations

import pytest

from tests.conftest import engine_over, filler_plans, marked

LAW = """# 青禾省护林协会条例

第一条　为了规范护林协会的工作，制定本条例。

第二条　护林协会经费的来源：
（一）护林员缴纳的会费；
（二）设有林场的单位按每月全部职工工资总额的百分之二向护林协会拨缴的经费；
（三）护林协会所属的企业、事业单位上缴的收入；
（四）人民政府的补助；
（五）其他收入。

第三条　护林员每年参加护林培训不少于二十学时。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory, {"law.md": LAW, **filler_plans()})


def test_an_items_value_is_not_said_of_the_item_before_it(engine):
    assert marked(engine, "护林员每月要交多少会费？") is None


def test_the_item_holding_the_value_still_answers(engine):
    assert marked(engine, "设有林场的单位每月按职工工资总额的多少向护林协会拨缴经费？") == "百分之二"
