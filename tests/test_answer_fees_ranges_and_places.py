"""The value's own words and no more: a fee asked as 那笔费用 is the fee named, a name ends before where the
thing sits (名录中) and starts after the verb a modal opens (应当补充…基金), a period a question hedges (一般)
is the period, a span of years asked from one year to another is both ends, a fine asked as its 额度 is the
fine, the body that acts is neither the one it consults (商有关部门) nor what it does (负责组织有关部门), and a
short name (个体户) is said by the full one; what is asked ends before a clause of time (什么文本时不得收取费用).
A law the library does not hold is said to be missing when its
name ends in 建设法 or differs from a held one in the head of its subject. Each on a document built here."""
from __future__ import annotations

import pytest

from qa.answer import answer_question
from tests.conftest import engine_over, filler_plans, marked

WATERS_RULES = """黄石市河湖岸线保护条例

第一章 总则
第一条 为了保护河湖岸线，制定本条例。
第二条 本条例的实施期为2024年至2028年。
第二章 保护与利用
第三条 除因防洪或者其他水利工程占用岸线外，经批准占用保护岸线的单位应当按原状修复岸线；无法修复的，应当缴纳岸线修复费。
第四条 岸线保护规划的规划期限一般为十五年。
第五条 机关单位采购水泵、阀门等设备，应当优先采购列入节水产品政府采购清单中的产品。
第三章 法律责任
第六条 违反本条例规定，擅自在保护岸线内采砂的，由水行政主管部门责令停止违法行为；拒不停止的，处五万元以上二十万元以下的罚款。
第七条 岸线修复补助的额度由市财政部门确定。
第八条 岸线修复资金的结余，应当补充岸线保护专项基金。
第九条 重点岸线名录由市水行政主管部门按照省水行政主管部门的规定，根据岸线的生态功能，商有关部门确定，并向社会公布。
第十条 一般岸线险情发生后，险情发生地的县人民政府负责组织有关部门启动岸线应急预案。
第十一条 在岸线经营的个体工商户，由市市场监督管理部门管理。
第十二条 水行政主管部门提供岸线使用申请书格式文本，不得收费。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory, {"waters.txt": WATERS_RULES, **filler_plans()})


@pytest.mark.parametrize("question, value", [
    ("占用保护岸线又无法修复的，要缴纳的那笔费用叫什么？", "岸线修复费"),
    ("机关单位买水泵阀门，要优先买列入哪个清单的产品？", "节水产品政府采购清单"),
    ("岸线修复资金有结余的，应当补充到哪个基金里？", "岸线保护专项基金"),
    ("水行政主管部门提供什么文本时不得收取费用？", "岸线使用申请书格式文本"),
    ("岸线保护规划一般按多少年的期限来编？", "十五年"),
    ("黄石市河湖岸线保护条例的实施期是从哪年到哪年？", "2024年至2028年"),
    ("在保护岸线里私自采砂，责令停止后还不停的，罚款额度是多少？", "五万元以上二十万元以下"),
    ("重点岸线名录是由哪一级的哪个部门确定并公布的？", "市水行政主管部门"),
    ("一般岸线险情发生后，由哪一级政府负责组织启动岸线应急预案？", "险情发生地的县人民政府"),
    ("个体户归哪个部门管理？", "市市场监督管理部门"),
    ("黄石市河岸线保护条例规定，擅自采砂拒不停止的，罚款是多少？", "五万元以上二十万元以下"),  # its head shortened
])
def test_the_value_asked_is_marked(engine, question, value):
    assert marked(engine, question) == value


@pytest.mark.parametrize("question, name", [
    ("无障碍环境建设法是从什么时候开始施行的？", "无障碍环境建设法"),
    ("黄石市湖泊岸线保护条例规定，擅自采砂的罚款是多少？", "黄石市湖泊岸线保护条例"),
])
def test_a_law_the_library_does_not_hold_is_said_to_be_missing(engine, question, name):
    answer = answer_question(engine, question)
    assert not answer.found
    assert f"文库中没有《{name}》" in answer.answer
