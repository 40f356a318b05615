"""A name or a list marked without the question's own words at its edges, a body marked where the sentence
states it in the relation the question asks about, a value in the bracket after the item asked, and a share answered for the thing it measures, not
for its base or for the thing named right before it: on clauses built here."""
from __future__ import annotations

from qa.answer import answer_question
from tests.conftest import engine_over, marked

PLAN = """海川市碳达峰实施方案
一、产业
1．严控高耗能。大气污染防治重点区域严禁新增钢铁、焦化、电解铝（不含再生铝）等产能。
2．风电。重点建设青山风电基地，推进海上风电示范。
二、建筑
4．创建目标。到2023年，全市光伏发电占全社会用电量比例达到35%；到2025年，该比例达到45%。生物质发电规模稳步扩大。
3．星级标准。新建的超高层建筑、市级公共建筑、大型商场执行绿色建筑三星级标准。
三、其他领域
9．总体目标。到2025年，单位地区生产总值能耗、二氧化碳排放强度下降率完成上级下达的目标，非化石能源消费比重达到32%左右。
5．交通。推广新能源公交车，完善充电桩布局。
6．农业。推进秸秆综合利用，发展生态循环农业。
7．能源。有序发展天然气调峰电站，提升电网调节能力。
8．金融。设立绿色低碳发展基金，支持节能改造项目。
四、组织实施
各区要科学制定本地区碳达峰行动方案，经市碳达峰碳中和工作领导小组综合平衡、审核通过后，由各区自行印发实施。（市碳达峰碳中和工作领导小组办公室牵头，各区人民政府按职责分工负责）
"""


def test_the_question_s_own_words_are_not_part_of_the_name_or_list(tmp_path_factory):
    engine = engine_over(tmp_path_factory, {"plan.txt": PLAN})

    # the verb phrase the question says before the items (严禁新增) is not the first item's, nor the note
    # closing the last item (不含再生铝) an item
    assert marked(engine, "海川市大气污染防治重点区域严禁新增哪些行业的产能？") == "钢铁、焦化、电解铝"
    # nor before a name (重点建设)
    assert marked(engine, "海川市方案里重点建设的风电基地是哪个？") == "青山风电基地"
    # the requirement the question says after the items (执行…标准) is not the last item's, nor the modifier
    # all the items share (新建的) the first item's
    assert marked(engine, "海川市哪几类新建建筑要执行绿色建筑三星级标准？") == "超高层建筑、市级公共建筑、大型商场"


def test_the_body_stated_in_the_relation_asked_answers(tmp_path_factory):
    engine = engine_over(tmp_path_factory, {"plan.txt": PLAN})

    # 哪个机构牵头: the office the note says 牵头, not the group the sentence before names for its review
    assert marked(engine, "海川市方案里，各区自行制定碳达峰方案这块是哪个机构牵头？") == "市碳达峰碳中和工作领导小组办公室"


def test_a_share_is_answered_for_what_it_measures_not_for_its_base(tmp_path_factory):
    engine = engine_over(tmp_path_factory, {"plan.txt": PLAN})

    assert marked(engine, "海川市到2025年光伏发电占全社会用电量的比例要达到多少？") == "45%"
    # the plan gives 生物质发电 no share: the base the question names (全社会用电量) does not make 45% its answer
    assert not answer_question(engine, "海川市到2025年生物质发电占全社会用电量的比例要达到多少？").found


def test_a_figure_is_the_thing_s_named_right_before_it(tmp_path_factory):
    engine = engine_over(tmp_path_factory, {"plan.txt": PLAN})

    assert marked(engine, "海川市到2025年非化石能源消费比重要达到多少？") == "32%左右"
    # the energy intensity is said earlier in the sentence, but its target is given without a figure
    assert not answer_question(engine, "海川市到2025年单位地区生产总值能耗下降率是多少？").found


PROJECTS = """海川市可再生能源发展规划
四、重点任务
（四）推进光伏开发
积极开展整县屋顶分布式光伏试点，新建规模20万千瓦，重点推进北岭园区、南湖园区、东湖园区等项目。
（五）开发地热能
因地制宜开展地热能发电、生物天然气发电试点项目建设。探索建立高温地热发电示范项目，新建规模2万千瓦。
专栏2 新能源重点项目
光伏发电。开展整县分布式光伏试点，新增建设规模20万千瓦，试点地区为北岭园区（8万千瓦）、南湖园区（5万千瓦）和东湖园区（7万千瓦）。
地热能发电。推进南岭地热田项目（2万千瓦）建设。
"""


def test_an_item_s_own_bracketed_value_answers_for_it(tmp_path_factory):
    engine = engine_over(tmp_path_factory, {"plan.txt": PROJECTS})

    # the clause naming the county among the group states only the group's total
    assert marked(engine, "海川市规划里南湖园区分布式光伏试点的规模是多少？") == "5万千瓦"
    # a size in brackets after a name is a note on it, not the name asked for; the name the question's verb
    # pair (推进建设) frames answers before one another verb (探索建立) introduces
    assert marked(engine, "海川市规划里要推进建设的地热发电项目叫什么？") == "南岭地热田项目"
