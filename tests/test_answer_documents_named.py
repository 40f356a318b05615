"""A question that names a document is answered from it or not at all; what it rules on is asked of its
text, who signed it of its record; a box's label is no part of the name it prints; the words for a
measure (装机容量) do not say whose figure it is."""
from __future__ import annotations

import pytest

from qa.answer import answer_question
from tests.conftest import engine_over, marked

FARMING = """海川市农业减排固碳实施方案
一、重点任务
1．畜禽减排。推进畜禽粪污资源化利用，建设粪污处理设施。
2．农机节能。淘汰高耗能农业机械，推广节能农机。
"""
PLAN = """海川市碳达峰实施方案
一、主要目标
1．农业。到2025年，畜禽粪污综合利用率达到80%以上。
2．储能。到2025年，新型储能装机容量达到300万千瓦以上。到2030年，抽水蓄能电站装机容量达到120万千瓦左右。
二、重点工程
3．建筑节能。推进既有建筑节能改造。
专栏3 城镇老旧小区节能改造重点工程
三、组织实施
4．分级落实。各区碳达峰方案经市碳达峰碳中和工作领导小组综合平衡、审核通过后，由各区自行印发实施。

海川市发展和改革局
2022年5月6日
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory, {"farming.txt": FARMING, "plan.txt": PLAN})


def test_a_document_named_by_its_whole_title_answers_or_nothing_does(engine):
    # the 80% is the other plan's: the farming plan gives no rate
    assert marked(engine, "海川市农业减排固碳实施方案提出到2025年畜禽粪污综合利用率要达到多少？") is None
    assert marked(engine, "海川市碳达峰实施方案提出到2025年畜禽粪污综合利用率要达到多少？") == "80%以上"


def test_the_words_for_a_measure_do_not_say_whose_figure_it_is(engine):
    assert marked(engine, "海川市碳达峰实施方案里，到2025年新型储能装机容量要达到多少？") == "300万千瓦以上"
    # 120万千瓦 is the 装机容量 of 抽水蓄能电站, not of 新型储能
    assert marked(engine, "海川市碳达峰实施方案里，到2030年新型储能装机容量要达到多少？") is None


WIND = """珊瑚湾新区海上风电推进办法
第一条 为推进珊瑚湾新区海上风电建设，制定本办法。
第二条 到2028年，珊瑚湾新区海上风电装机容量达到120万千瓦以上。
第三条 新区管委会负责海上风电项目的统筹协调。
第四条 本办法自发布之日起施行。
"""


def test_a_figure_for_what_the_title_names_is_its_own(tmp_path_factory):
    engine = engine_over(tmp_path_factory, {"wind.txt": WIND, "farming.txt": FARMING})
    # the question's 达到 sets the figure; it does not make 海上风电 another thing than the one asked
    assert marked(engine, "珊瑚湾新区海上风电装机容量要达到多少？") == "120万千瓦以上"


def test_what_a_document_rules_on_is_asked_of_its_text_and_who_signed_it_of_its_record(engine):
    assert marked(engine, "按《海川市碳达峰实施方案》，各区的碳达峰方案要经哪个机构综合平衡、审核通过？") == \
        "市碳达峰碳中和工作领导小组"
    assert marked(engine, "海川市碳达峰实施方案的落款发文单位是哪个？") == "海川市发展和改革局"


def test_a_box_s_label_is_not_part_of_the_name_it_prints(engine):
    assert marked(engine, "海川市碳达峰实施方案的专栏3列的是哪项重点工程？") == "城镇老旧小区节能改造重点工程"


AIR_LAW = """中华人民共和国大气污染防治法

第一章 总则
第一条 为了保护和改善环境，防治大气污染，制定本法。
第七章 法律责任
第九十九条 违反本法规定，未依法取得排污许可证排放大气污染物的，由县级以上人民政府生态环境主管部门责令改正或者限制生产、停产整治，并处十万元以上一百万元以下的罚款。
"""


def test_a_law_whose_name_differs_in_what_it_opens_with_is_another_law(tmp_path_factory):
    """水污染防治法 shares 污染防治法 with the law held, not its subject: the library lacks it."""
    engine = engine_over(tmp_path_factory, {"air.txt": AIR_LAW})
    answer = answer_question(engine, "水污染防治法规定，未取得排污许可证排放水污染物的，罚款幅度是多少？")
    assert not answer.found and "文库中没有《水污染防治法》" in answer.answer
    assert marked(engine, "大气污染防治法规定，未取得排污许可证排放大气污染物的，罚款幅度是多少？") == "十万元以上一百万元以下"


STORAGE = """恩平市新型储能发展实施方案
一、发展目标
1．装机规模。到2025年，新型储能装机容量达到30万千瓦以上。
2．项目计划。按年度计划推进储能项目建设。
"""


def test_a_place_planning_something_names_no_document(tmp_path_factory):
    """恩平市计划对… is the city planning, not a 《恩平市计划》 the library would lack."""
    engine = engine_over(tmp_path_factory, {"storage.txt": STORAGE})
    assert marked(engine, "恩平市计划对新型储能装机容量提出的2025年目标是多少？") == "30万千瓦以上"


TRADING_RULES = """碳排放权交易管理办法（试行）
第一条 为规范全国碳排放权交易，制定本办法。
第四十三条 本办法自2021年2月1日起施行。
"""


def test_a_name_closed_by_trial_is_a_document_without_its_brackets(tmp_path_factory):
    """温室气体自愿减排交易管理办法（试行） names a document the library lacks; its held neighbour answers for itself."""
    engine = engine_over(tmp_path_factory, {"trading.txt": TRADING_RULES})
    answer = answer_question(engine, "2023年出台的温室气体自愿减排交易管理办法（试行）自哪一天起施行？")
    assert not answer.found and "文库中没有《温室气体自愿减排交易管理办法（试行）》" in answer.answer
    assert marked(engine, "碳排放权交易管理办法（试行）自哪一天起施行？") == "2021年2月1日"
