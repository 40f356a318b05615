"""A count said in a case description (我们几个人…) that asks no count, people counted (几个人一起), a number said (好几个) that asks none, money asked as 多少奖励资金, a week of a
month (哪一周, …所在周), a body one level up (上一级海关), a thing of the asked kind (公园建设计划 is a 计划, not a 公园), a
document's sender asked with its 文号 in brackets, a size that describes the thing asked (口径…的气步枪), a name
asked after 哪个 and a short description (哪个现有平台), a city's urban area (…市区) read as the city, a
document called by some of its title's words (黄石降碳工作方案), a short name in brackets given with the full
one unless the question says that one (企业融资对接服务平台（黄融通）), and a city inside the province whose plan is asked
(威海 in a 山东 plan). On documents built here."""
from __future__ import annotations

import pytest

from qa.answer import answer_question
from tests.conftest import engine_over, filler_plans, marked

COMPANY_LAW = """# 中华人民共和国旧物公司法

## 第一章 总则

第一条 为了规范旧物公司的组织和行为，制定本法。
第二条 公司出现解散事由，应当在十日内将解散事由通过国家旧物信用信息公示系统予以公示。
第三条 纳税人对海关确定的商品归类有异议的，应当依法先向上一级海关申请行政复议；对行政复议决定不服的，可以依法向人民法院提起行政诉讼。
第四条 单位和个人为开展游艺活动，可以配置口径不超过4.5毫米的气步枪。
第五条 每年9月的第三周为旧物回收宣传周。
第六条 每年5月15日国际家庭日所在周为全国旧物教育宣传周。
第七条 每年8月8日全民健身日所在周为旧物体育宣传周。
第八条 旧物执法人员实施监督检查，应当遵守执法规范，不得少于二人，并出示执法证件。
第九条 应当给予撤职以下多个相同处分的，可以在一个处分期以上、多个处分期之和以下确定处分期，但是最长不得超过四十八个月。
"""

CITY_PLAN = """黄石市推动降碳及发展低碳产业工作方案

一、重点任务
（一）碳汇能力提升
1.实施千座公园计划。按照公园城市理念，到2025年，新增公园600座左右，公园绿地面积增加2500万平方米。
2.完善绿色建筑标识管理。完善绿色建筑一星级标识的相关管理制度。
（二）绿色金融
3.加快推进企业融资对接服务平台（黄融通）升级改造，上线绿色金融服务板块。
"""

GUIDANCE = """省住房城乡建设厅关于推进旧物回收绿色转型的指导意见
海建办〔2021〕66号

各设区市住房城乡建设局：
为推进旧物回收绿色转型，现提出如下意见。
一、总体要求
（一）主要目标。到2025年，旧物回收利用率达到35%以上。
海川省住房和城乡建设厅
2021年4月15日
"""


PROVINCE_PLAN = """山东省旧物回收发展规划

一、重点任务
（一）旧物交易市场
积极支持济南市旧物交易服务中心建设，统筹推进市级旧物交易服务中心建设。积极支持威海市探索建设旧物海洋交易平台。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory, {"company.md": COMPANY_LAW, "plan.txt": CITY_PLAN, "guidance.txt": GUIDANCE,
                                          "province.txt": PROVINCE_PLAN, **filler_plans()})


@pytest.mark.parametrize("question, value", [
    # 几个人 describes who asks: the question asks a name, not a count of people
    ("我们几个人合伙开的有限公司经营不下去了，解散的原因要在10天内通过哪个系统对外公示？", "国家旧物信用信息公示系统"),
    ("推广宣传周定在一年里的哪一周？", "每年9月的第三周"),
    ("全国旧物教育宣传周是每年的哪一周？", "每年5月15日国际家庭日所在周"),
    # the day asked, not the week it opens
    ("全民健身日是每年的哪一天？", "8月8日"),
    # 几个人一起: people are counted, 一起 is how they go, not a thing the sentence must name
    ("旧物执法人员下去检查，最少要几个人一起？", "不得少于二人"),
    # 好几个 says a number, it asks none: no 处分 need stand beside the span
    ("一个人同时要给好几个相同的处分，合在一起的处分期最长能定多久？", "不得超过四十八个月"),
    ("对海关认定的商品归类有不同意见，应当先向哪里申请行政复议？", "上一级海关"),
    # a 计划 is asked: the 公园 the next sentence names is not one
    ("黄石为增加碳汇推出的公园建设计划叫什么名字？", "千座公园计划"),
    # the 文号 in brackets names the document, it is no thing issued
    ("那份《关于推进旧物回收绿色转型的指导意见》（海建办〔2021〕66号）是哪个部门印发的？", "海川省住房和城乡建设厅"),
    # the size describes the gun the question names
    ("开展游艺活动用的气步枪，口径最大能到多少？", "不超过4.5毫米"),
    # 黄石降碳工作方案 keeps words of the title whole and in order: the document is in the library
    # the full name with its short one; the short one alone when the question says the full one
    ("黄石降碳工作方案里，绿色金融线上综合服务平台是拿哪个现有平台升级改造的？", "企业融资对接服务平台（黄融通）"),
    ("黄石要升级改造哪个企业融资对接服务平台来上线绿色金融服务板块？", "黄融通"),
    # a city inside the province whose plan is asked: the sentence naming it answers
    ("山东的旧物回收发展规划里，威海市被支持去探索建设什么？", "旧物海洋交易平台"),
])
def test_the_value_asked_is_marked(engine, question, value):
    assert marked(engine, question) == value


def test_money_asked_is_not_answered_by_a_star_rating(engine):
    assert marked(engine, "黄石对取得二星级绿色建筑标识的项目给多少奖励资金？") is None


def test_a_city_named_by_its_urban_area_is_a_city_the_library_lacks(engine):
    answer = answer_question(engine, "杭州市区春节期间哪些时段允许燃放烟花爆竹？")
    assert not answer.found and "文库中没有杭州市的文件" in answer.answer
