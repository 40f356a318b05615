"""Values a question asks for by a unit, a range or a count, a year said inside the title the question names,
several bodies asked with 哪几家, and questions the text does not answer although a value of the kind stands
nearby: each on clauses built here."""
from __future__ import annotations

from qa.answer import answer_question
from tests.conftest import engine_over, marked

PLAN = """海川市2035年前碳达峰行动方案
一、交通运输
1．运输结构。到2030年，营运交通工具单位换算周转量碳排放强度比2020年下降9.5%左右。陆路交通运输石油消费力争2035年前达到峰值。
2．基础设施。加快推进充电桩、加注站、加氢站等配套基础设施建设，“十四五”期间新建各类充电桩20万个。
二、工业与建筑
3．锅炉改造。淘汰全部35蒸吨/小时及以下燃煤锅炉。
4．碳市场。推动将全市能耗范围在5千至1万吨标煤的企业、建筑、交通等非工业行业纳入碳排放权交易范围。
5．企业责任。鼓励青石电厂、海港钢铁、宏达新材、富川铜业等重点用能单位和行业龙头企业制定碳达峰行动方案。
6．光伏建筑。到2025年，全市新增太阳能光电建筑一体化应用装机容量达500兆瓦。
7．技术推广。推广光伏建筑一体化技术。
"""

RULES = """海川市公共交通管理条例
第一条 为了规范公共交通管理，制定本条例。
第二条 运营企业应当于每年3月31日前向市交通运输主管部门报送上一年度的运营报告。
第三条 运营企业不按规定为老年人提供免费乘车服务的，由主管部门责令改正；拒不改正的，处10万元以上50万元以下的罚款。
"""


def test_units_ranges_lists_and_a_year_said_in_the_title(tmp_path_factory):
    engine = engine_over(tmp_path_factory, {"plan.txt": PLAN})

    # 2035年前 is said by the title the question names, not by the question: it is still the answer
    assert marked(engine, "《海川市2035年前碳达峰行动方案》要求陆路交通的石油消费什么时候前达到峰值？") == "2035年前"
    # 蒸吨/小时 is a unit, 及以下 its bound
    assert marked(engine, "海川市要淘汰多大容量及以下的燃煤锅炉？") == "35蒸吨/小时及以下"
    # a range says its unit once, after its upper end; 什么区间的 asks for the value that describes
    assert marked(engine, "海川市把年能耗在什么区间的企业纳入碳交易？") == "5千至1万吨标煤"
    # 哪几家 asks for every body named, not the first
    assert marked(engine, "海川市鼓励哪几家重点用能企业制定碳达峰行动方案？") == "青石电厂、海港钢铁、宏达新材、富川铜业"
    # a long name is said by its head (光电建筑一体化 for 光伏建筑一体化)
    assert marked(engine, "海川市到2025年新增光伏建筑一体化装机要达到多少？") == "500兆瓦"
    # the sentence lists 加氢站, but its count is of 充电桩
    assert not answer_question(engine, "海川市“十四五”期间要建成多少座加氢站？").found


def test_dates_ages_and_decree_numbers_asked_by_their_words(tmp_path_factory):
    engine = engine_over(tmp_path_factory, {"rules.txt": RULES})

    # 几号前 asks for a date
    assert marked(engine, "海川市公共交通管理条例要求运营企业每年几号前报送运营报告？") == "每年3月31日前"
    # 多少周岁 asks for an age: a fine in 元 does not answer it
    assert not answer_question(engine, "海川市公共交通管理条例规定多少周岁以上的老年人享受免费乘车服务？").found
    # 令号 asks for the decree's number, which the text does not give
    decree = answer_question(engine, "海川市公共交通管理条例的令号是多少？")
    assert decree.answer_type == "doc_number" and not decree.found
