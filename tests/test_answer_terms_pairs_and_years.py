"""What a 几折 or a 多少个等级 question asks, a fund asked with 哪支, a deadline counted back from a named day
(拍卖日七日前), a thing set up to do what follows 来 (设立了什么来统筹), a name before 等 and its kind, the first
item of a 分别 list that carries the lead the items share, a paired value of another year (but each year of a
span its own), a port named after its city, and the asked kind among two asking words. On documents built
here."""
from __future__ import annotations

import pytest

from qa.answer import answer_question
from tests.conftest import engine_over, filler_plans, marked

LAW = """# 中华人民共和国旧物拍卖法

## 第一章 总则

第一条 为了规范旧物拍卖，制定本法。
第二条 拍卖人应当于拍卖日七日前发布旧物拍卖公告。
第三条 国家设立旧物拍卖工作协调机制，负责统筹协调相关工作。
第四条 旧物鉴定师的等级分为十三级。
第五条 国家通过实施旧物绿色回收证书等制度建立旧物回收促进机制。
第六条 旧物市场应当按照国家有关规定安装计算机售票系统。
第七条 旧物市场可以对学生采取票价优惠措施。
"""

PLAN = """山东省旧物回收工作方案

一、主要成效
（一）公共机构节约能源资源
全省公共机构人均综合能耗、单位建筑面积能耗、人均用水量同比分别下降12.6%、10.2%、15.7%。
二、重点任务
（二）公共交通
到2025年，公交车、出租汽车新能源汽车分别达到72%、35%。到2030年，城市绿色出行比例不低于70%。
（三）绿色建筑
全面落实绿色建筑标准，2022至2025年全省城镇新建建筑中绿色建筑占比分别达到80%、90%、95%、100%。
（四）产业基金
市、区县人民政府应当设立旧物产业发展引导基金，促进社会资本投入旧物产业。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory, {"law.md": LAW, "plan.txt": PLAN, **filler_plans()})


@pytest.mark.parametrize("question, value", [
    ("旧物拍卖公告最迟要在什么时候发布？", "拍卖日七日前"),
    ("国家专门设立了什么来统筹协调旧物拍卖的相关工作？", "旧物拍卖工作协调机制"),
    ("旧物鉴定师一共分成多少个等级？", "十三级"),
    # the one the law names, not the 等 that opens the rest of its kind
    ("国家靠实施哪项证书制度来建立旧物回收促进机制？", "旧物绿色回收证书"),
    # the first item carries the lead the three share
    ("山东公共机构人均综合能耗下降了多少？", "12.6%"),
    ("山东公共机构人均用水量下降了多少？", "15.7%"),
    # each year of the span has its own figure
    ("山东2024年城镇新建建筑中绿色建筑占比要达到多少？", "95%"),
    ("山东的市县政府要设立哪支基金来带动社会资本？", "旧物产业发展引导基金"),
    # of two asking words, the one before a kind of named thing (系统), not 什么要求
    ("旧物市场卖票有什么硬性要求，规定要装什么系统？", "计算机售票系统"),
])
def test_the_value_asked_is_marked(engine, question, value):
    assert marked(engine, question) == value


@pytest.mark.parametrize("question", [
    # a discount is asked: the law gives none
    "旧物市场给学生的优惠票，最低要打几折？",
    # the 2025 figures do not answer for 2030
    "山东到2030年公交车新能源汽车要达到多少？",
])
def test_no_value_of_another_measure_or_year(engine, question):
    assert marked(engine, question) is None


def test_a_port_named_after_a_city_is_that_city(engine):
    answer = answer_question(engine, "珠海港集装箱码头的岸电使用率到2025年要达到多少？")
    assert not answer.found and "文库中没有珠海市的文件" in answer.answer


CATALOGUE = """海川市交通节能低碳技术推广目录（2021年度）

一、公路运输
1．氢燃料电池公交车应用技术。典型项目共投用氢燃料电池公交车23台，与传统燃油车按1:1替代。
"""


def test_the_year_of_a_yearly_edition_is_the_document_s(tmp_path_factory):
    """2021年度 names the catalogue's edition, which no clause repeats; another edition is not held."""
    engine = engine_over(tmp_path_factory, {"catalogue.txt": CATALOGUE, **filler_plans()})
    assert marked(engine, "海川市交通2021年度节能低碳技术推广目录里，氢燃料电池公交车典型项目投用了多少台？") == "23台"
    assert not answer_question(engine, "海川市交通2022年度节能低碳技术推广目录里，氢燃料电池公交车典型项目投用了多少台？").found


LEASES = """# 海川特别区土地契约法

第一条 从一九八五年五月二十七日至一九九七年六月三十日期间批出的土地契约，承租人需每年缴纳相当于当日该土地应课差饷租值百分之三的租金。
"""


def test_a_year_written_in_chinese_digits_is_the_year_asked(tmp_path_factory):
    engine = engine_over(tmp_path_factory, {"leases.md": LEASES, **filler_plans()})
    assert marked(engine, "1985年到1997年间批出的土地契约，承租人每年要交相当于应课差饷租值多少的租金？") == "百分之三"
