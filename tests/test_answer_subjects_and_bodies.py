"""What a question measures when the clause words it otherwise (装机容量 and 装机规模, 公示时间 and 公示期,
a time limit for what follows the asking words), which body a question with 谁 asks for (the one before
the verb it names), and when a question about approval is about a plan a clause speaks of rather than the
document itself."""
from __future__ import annotations

from ingest.clean import continues
from qa.answer import answer_question
from tests.conftest import engine_over, marked

PLAN = """海川市碳达峰实施方案
一、主要目标
1．能源结构。到2025年，天然气发电装机规模达到15万千瓦以上，可再生能源发电装机规模达到800万千瓦以上，力争达到900万千瓦左右。
2．工作机制。各区碳达峰实施方案经市碳达峰碳中和工作领导小组综合平衡、审核通过后，由各区自行印发实施。
3．改造时限。对能效低于基准水平的项目，明确改造升级时限，一般不超过3年。
4．生态修复。实施国家黑土地保护工程，推广秸秆科学还田。保持河口低盐区面积不低于500平方千米。
"""
RULES = """海川市土地管理条例
第一条 为了加强土地管理，制定本条例。
第二条 市国土空间总体规划由市人民政府组织编制，经市人民代表大会常务委员会审议后，报省人民政府批准。
第三条 区人民政府应当自征收土地公告之日起六十日内足额支付征收土地补偿费用。
第四条 项目业主在申报前应当向利益相关方进行公示，公示期不少于7个工作日。
第五条 市交通主管部门应当会同有关部门编制公共交通应急预案，报市人民政府批准后实施。
"""


def _engine(tmp_path_factory):
    return engine_over(tmp_path_factory, {"plan.txt": PLAN, "rules.txt": RULES})


def test_subjects_worded_otherwise_and_bodies_before_the_verb(tmp_path_factory):
    engine = _engine(tmp_path_factory)

    # 装机容量 is the clause's 装机规模; the figure is 天然气's, which the question calls 燃气
    assert marked(engine, "海川市到2025年燃气发电的装机容量要达到多少？") == "15万千瓦以上"
    # 力争 said by the question: the stretch target, without the words that say it
    assert marked(engine, "海川市可再生能源发电装机的力争目标是多少？") == "900万千瓦左右"
    # 公示时间 is the clause's 公示期
    assert marked(engine, "海川市土地管理条例规定，项目业主申报前公示时间至少多长？") == "不少于7个工作日"
    # what is timed follows the asking words
    assert marked(engine, "海川市征收土地公告发布后，区政府要在多长时间内把补偿费用足额付清？") == "六十日内"
    # the body before the verb the question names, not the one that reviews first
    assert marked(engine, "海川市国土空间总体规划经市人大常委会审议后，最终报谁批准？") == "省人民政府"
    # a 领导小组 is a body, without the words the sentence puts before 经
    assert marked(engine, "海川市各区的碳达峰实施方案印发前要经哪个机构审核？") == "市碳达峰碳中和工作领导小组"
    # the qualifier the question says goes, the bound it does not say stays
    assert marked(engine, "海川市方案要求的改造升级时限一般是多长？") == "不超过3年"
    assert marked(engine, "海川市方案要求河口低盐区面积至少多大？") == "不低于500平方千米"
    # a plan the clause names is approved by the body before 批准, not the 条例's approver
    assert marked(engine, "按照《海川市土地管理条例》，公共交通应急预案需要报谁批准？") == "市人民政府"
    # a description ending the question names its kind last: the whole name, not the part it frames
    assert marked(engine, "海川市方案在生态修复中要实施哪一项国家级土地保护工程？") == "国家黑土地保护工程"
    # a price is asked: a span of time is no answer
    assert not answer_question(engine, "海川市土地管理条例规定的项目公示最低价格是多少？").found


def test_a_box_heading_stays_apart_from_the_first_line_of_its_box():
    assert not continues("专栏 5：二氧化碳捕集利用与封存（CCUS）重点工程", "胜利发电厂 100 万吨/年捕集与利用工程。")
    assert not continues("专栏 1 水电建设重点项目", "金沙江上游叶巴滩水电站")
    assert continues("到2025年，可再生能源发电装机规模达到", "8000万千瓦以上。")


def test_a_place_named_by_two_regions_is_the_one_inside_the_named_document(tmp_path_factory):
    """宝山区 is a district of 上海 and one of 双鸭山: beside the title of the 上海 plan, it is the 上海 one."""
    plan = "上海市垃圾治理方案\n一、目标\n1．推进老港、宝山等湿垃圾设施建设，湿垃圾利用能力力争达到1.1万吨/日。\n"
    engine = engine_over(tmp_path_factory, {"shanghai.txt": plan})
    answer = answer_question(engine, "上海市垃圾治理方案中，推进老港、宝山等设施建设后，湿垃圾利用能力力争达到多少？")
    assert answer.found and answer.quotes[0].highlight == "1.1万吨/日"
    assert not answer_question(engine, "双鸭山市宝山区湿垃圾利用能力要达到多少？").found
