"""A law's counted amendment (第二次修订), a thing built asked as 建立一个什么, a name whose first word looks like
a verb (建设用地…平台), and figures in the measure asked: a star rating (几星级) is no share, a count of head
(多少头) no distance. Each on documents built here."""
from __future__ import annotations

import pytest

from qa.answer import answer_question
from tests.conftest import engine_over, filler_plans, marked

AIR_LAW = """# 中华人民共和国黄石大气保护法

1987年9月5日 第六届全国人民代表大会常务委员会第二十二次会议通过
2000年4月29日 第九届全国人民代表大会常务委员会第十五次会议第一次修订
2015年8月29日 第十二届全国人民代表大会常务委员会第十六次会议第二次修订
2018年10月26日 第十三届全国人民代表大会常务委员会第六次会议第二次修正

## 第一章 总则

第一条 为保护和改善环境，防治大气污染，制定本法。
第二条 国务院野生动物保护主管部门应当建立国家野生动物遗传资源基因库，对珍贵、濒危野生动物遗传资源实行重点保护。
第三条 省自然资源主管部门应当建立全省统一的建设用地使用权交易管理平台，实现交易信息发布、数据汇集等功能。
第四条 畜禽批发市场选址，应当距离种畜禽场和大型畜禽养殖场三公里以外。
"""

CITY_PLAN = """黄石市绿色建筑行动方案

一、主要目标
到2025年，全市新建居住建筑执行超低能耗建筑标准的比例达到50%。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory, {"air.md": AIR_LAW, "plan.txt": CITY_PLAN, **filler_plans()})


@pytest.mark.parametrize("question, value", [
    ("黄石大气保护法的第二次修订是在哪一天通过的？", "2015年8月29日"),
    ("黄石大气保护法最近一次修正是哪天？", "2018年10月26日"),
    ("为了重点保护珍贵、濒危野生动物遗传资源，国家要建立一个什么？", "国家野生动物遗传资源基因库"),
    ("交易信息发布、数据汇集都放到一个全省统一平台上，这个平台叫什么？", "建设用地使用权交易管理平台"),
])
def test_the_fact_asked_is_marked(engine, question, value):
    assert marked(engine, question) == value


@pytest.mark.parametrize("question", [
    "黄石市新建居住建筑要求执行绿色建筑几星级以上标准？",  # the plan gives a share, no star rating
    "畜禽养殖场的规模标准是多少，生猪年出栏多少头以上才算规模养殖场？",  # the law gives a distance, no head count
])
def test_a_figure_in_another_measure_is_no_answer(engine, question):
    assert not answer_question(engine, question).found
