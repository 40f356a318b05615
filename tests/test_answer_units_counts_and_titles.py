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
    assert marked(engine, "海川市鼓励制定碳达峰行动方案的几家重点用能企业是哪几家？") == "青石电厂、海港钢铁、宏达新材、富川铜业"
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


LAW = """海川市生态环境保护条例
第一条 为了保护和改善生态环境，制定本条例。
第二条 近岸海域环境功能区由沿海县人民政府生态环境主管部门划定，经同级人民政府审查同意后，报市人民政府批准。
第三条 新建数据中心能源利用效率（PUE）不高于1.3。
第四条 农村村民建住宅使用耕地的，宅基地面积最高不得超过一百二十五平方米。
第五条 违反本条例规定，未实行拆除和清运一体化管理的，按拆除部分建筑面积每平方米处二千元罚款。
第六条 操纵碳排放权交易市场的，没收违法所得；没有违法所得或者违法所得不足50万元的，处50万元以上500万元以下的罚款。
第七条 重点支持公共服务场所、老旧小区的充电桩建设，每年建设200个充电桩。
第八条 公共场所应当设置分类垃圾桶。建设单位应当在施工现场公示拆除方案。
第九条 本条例自2023年1月1日起施行。
"""


def test_penalties_bounds_ratios_and_who_approves_what_the_law_names(tmp_path_factory):
    engine = engine_over(tmp_path_factory, {"law.txt": LAW})

    # …规定，X最后报谁批准 asks for the body the text names, not the approver of the 条例 itself
    assert marked(engine, "海川市生态环境保护条例规定，近岸海域环境功能区最后报谁批准？") == "市人民政府"
    # a ratio stated without a unit answers a question about a 率
    assert marked(engine, "海川市新建数据中心的能源利用效率PUE卡在多少？") == "不高于1.3"
    # 最大不能超过 says the same bound as 最高不得超过: the bound is the question's, the area is the answer
    assert marked(engine, "海川市农村村民占用耕地建房，宅基地面积最大不能超过多少？") == "一百二十五平方米"
    # 罚多少 asks for 元, not for the area the fine is counted by
    assert marked(engine, "海川市没有实行拆除清运一体化管理的，按拆除面积每平方米罚多少？") == "二千元"
    # 不足50万元的 is the condition's threshold, the penalty comes after 处
    assert marked(engine, "海川市对操纵碳市场又没有违法所得的，罚多少？") == "50万元以上500万元以下"
    # a fine for another violation of the same law does not answer for this one
    assert not answer_question(engine, "海川市建设单位未按规定公示拆除方案的，罚多少？").found
    # 公共服务场所 says 公共场所
    assert marked(engine, "海川市公共场所和老旧小区的充电桩每年要建多少个？") == "200个"
