"""Whose figure a question asks (森林覆盖率 is not a 屋顶光伏覆盖率, 有偿分配比例 not an 抵销比例), the measure
of a count of times, points or a fee, a case called illegal, the name inside 包括…在内的 and before a verb's
kind (资源利用中心), 哪几天, 规定本法, a case's approval under a law, a body asked as 哪个机关, the fine on a body
beside the one on its people, the item of a list labelled with the name asked, a compilation named by its
《title》, a city asked for and said by its short name, a time counted back from an event, and how short a term
is. On documents built here."""
from __future__ import annotations

import pytest

from qa.answer import answer_question
from tests.conftest import engine_over, filler_plans, marked

LAW = """# 中华人民共和国旧船管理法

## 第一章 总则

第一条 为了规范旧船管理，制定本法。
第二条 旧船使用电子定位装置的期限不得超过三个月；期限届满后，经评估仍有必要继续使用的，经过批准，期限可以延长，每次不得超过三个月。
第三条 旧船管理机构按照代扣税款的百分之二收取手续费。
第四条 同一旧船设立两个以上抵押权的，按照登记的先后顺序清偿。
第五条 旧船渔民擅自改装旧船的，由旧船管理机构处五百元以下罚款。
第六条 旧船经营者可以使用核证减排量抵销旧船配额的清缴，抵销比例不得超过应清缴旧船配额的5%。
第七条 每年6月8日为旧船保护日。
第八条 按照本法规定，每条旧船载客不得超过12人。
第九条 旧船不得用于捕捞作业。
第十条 在旧船禁区内建造非旧船设施的，须经省级以上旧船管理机构批准。
第十一条 国家旧船总局主管全国的旧船登记工作，县级以上单位的管理机关主管本单位的旧船登记工作。
第十二条 旧船金融机构对公告的违规人员的资金未立即冻结的，由公安机关处二万元以上五万元以下罚款，并对直接负责的主管人员和其他直接责任人员处一万元以下罚款。
第十三条 旧船船员处分的期间为：
（一）警告，六个月；
（二）记过，十二个月；
（三）记大过，十八个月。
第十四条 应当给予旧船船员多个相同处分的，可以在一个处分期以上、多个处分期之和以下确定处分期，但是最长不得超过四十八个月。
第十五条 旧船登记的结果由国家旧船总局编入《中华人民共和国旧船名录集》。
第十六条 请求旧船司法协助的，没有条约规定的，应当至迟在开庭前三个月提出。
第十七条 有下列情形之一的，可以拒绝移交旧船船员：
（一）旧船船员被判处无期徒刑；
（二）在请求移交时，旧船船员剩余刑期不足一年。
第十八条 本法自2030年1月1日起施行。
"""

PLAN = """湖滨省旧船回收实施方案

一、主要目标
到2025年，新建公共机构建筑屋顶光伏覆盖率力争达到50%。
二、重点任务
（一）回收基地
按照“以废定产”的原则，布局实施宝山旧船资源利用中心等项目，协同处置废油等危险废物。
（二）基金
充分发挥包括国家旧船发展基金在内的现有政府投资基金的引导作用。
（三）平台
加强与工信部门合作，助力搭建湖滨市旧船普惠平台，探索实现居民减碳行为可量化、可兑换。
（四）试验区
支持威海创建国家旧船改革创新试验区，支持济南市开展旧船回收试点。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory, {"law.md": LAW, "plan.txt": PLAN, **filler_plans()})


@pytest.mark.parametrize("question, value", [
    ("湖滨省到2025年屋顶光伏覆盖率要达到多少？", "力争达到50%"),
    ("旧船管理机构收手续费，按多少收？", "百分之二"),
    ("旧船渔民擅自改装旧船，最高罚多少？", "五百元以下"),
    ("湖滨省按照以废定产原则布局、用来协同处置废油的项目叫什么？", "宝山旧船资源利用中心"),
    ("湖滨省方案点名要发挥引导作用的那只国家级基金叫什么？", "国家旧船发展基金"),
    ("湖滨省要求配合工信部门搭一个什么平台，让居民的减碳行为能量化？", "湖滨市旧船普惠平台"),
    ("每年的旧船保护日是哪几天？", "每年6月8日"),
    # the second question asks the number, whatever the first asks
    ("旧船管理法对每条旧船最多能载多少人有没有规定？上限是多少人？", "不得超过12人"),
    ("旧船管理法规定本法自什么时候起施行？", "2030年1月1日"),
    # a case's approval, though the question names the law it goes by
    ("我们县想在旧船禁区里建一处非旧船设施，按旧船管理法，除非经过哪一级机构批准，否则不允许？", "省级以上旧船管理机构"),
    # the body in charge of the whole country, not the 管理机关 of a unit for its 机关
    ("全国的旧船登记工作归哪个机关主管？", "国家旧船总局"),
    # the fine on the body, unless the people in charge are asked
    ("金融机构对公告的违规人员的资金没有马上冻结，一般情况下对机构本身罚多少？", "二万元以上五万元以下"),
    ("金融机构对公告的违规人员的资金没有马上冻结，对直接负责的主管人员罚多少？", "一万元以下"),
    # the item a list labels with the name asked
    ("旧船船员被记大过，处分期一般是多长时间？", "十八个月"),
    # a compilation is a written work: its 《title》 names it
    ("旧船登记的结果要编进哪部汇编？", "中华人民共和国旧船名录集"),
    # a city said by its short name
    ("湖滨省支持哪个城市创建国家旧船改革创新试验区？", "威海"),
    # a time counted back from an event, with its bound
    ("请求旧船司法协助，没有条约规定的，最晚要在什么时候提出？", "至迟在开庭前三个月"),
    # how short a term is asks its length
    ("旧船船员剩余刑期短到什么程度时可以拒绝移交？", "不足一年"),
])
def test_the_value_asked_is_marked(engine, question, value):
    assert marked(engine, question) == value


@pytest.mark.parametrize("question", [
    # the plan gives a rooftop solar coverage, not a forest coverage
    "湖滨省到2025年全省森林覆盖率要达到多少？",
    # the law sets the share that may offset, not a share sold
    "旧船配额有偿分配比例定的是多少？",
    # how often, not how long each time
    "旧船电子定位装置每年要检查几次？",
    # a registration fee is money: two mortgages are no fee
    "办理旧船抵押权登记要交多少登记费？",
    # points, not a share
    "旧船船员考试合格可以加几分？",
    # the fine is for refitting a boat, not for illegal fishing
    "旧船渔民非法捕捞，最高能罚款多少？",
])
def test_no_value_for_another_thing_or_measure(engine, question):
    assert marked(engine, question) is None


def test_a_missing_fee_says_not_found_in_chinese(engine):
    answer = answer_question(engine, "办理旧船抵押权登记要交多少登记费？")
    assert not answer.found and "没有找到" in answer.answer
