"""A penalty for the case the question states (no gain to reckon a multiple on), a project named at the head
of the 专栏 line that describes it, the items a term is defined by (…等关键岗位人员（以下统称…）) for what the
term covers. Each on documents built here."""
from __future__ import annotations

import pytest

from tests.conftest import engine_over, marked

MARKET_RULES = """# 排污权交易管理条例

第一条　为了规范排污权交易，制定本条例。

第二条　操纵排污权交易市场的，由生态环境主管部门责令改正，没收违法所得，并处违法所得一倍以上十倍以下的罚款；没有违法所得或者违法所得不足三十万元的，处三十万元以上三百万元以下的罚款。

第三条　交易机构工作人员泄露交易信息的，依法给予处分。

第四条　交易机构直接涉及交易安全的结算员、风控员、系统管理员等关键岗位人员（以下统称关键岗位人员），应当具备相应的专业能力。

第五条　关键岗位人员上岗前，交易机构应当对其进行岗位职责、岗位技能和岗位纪律培训；关键岗位人员调整岗位的，应当重新培训，具体办法由交易机构制定。

第六条　本条例所称交易品种，是指用能权、碳汇权、用水权和林草权。交易品种中的用能权包括电力、天然气、煤炭、成品油等能源的消费权。
"""

PLAN = """青禾省“十四五”新能源发展规划

一、发展目标
到2025年，全省新能源装机达到3000万千瓦。

二、重点任务
（一）建设新能源基地
推进沙漠、戈壁、荒漠地区大型风电光伏基地建设，推动新能源与生态治理融合发展。
专栏1 新能源重点工程
白鹭滩光伏治沙工程。项目所在地为红柳县，利用流动沙丘建设光伏电站，板下种植固沙植物，年发电量20亿千瓦时。
青石湾共享储能电站项目。项目所在地为石门市高新区，建设规模为20万千瓦/40万千瓦时，服务周边新能源场站调峰。
（二）推进节能改造
实施重点用能单位节能改造，推广高效电机和变压器。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory, {"rules.md": MARKET_RULES, "plan.txt": PLAN})


def test_a_multiple_of_a_gain_does_not_answer_when_the_question_says_there_is_none(engine):
    assert marked(engine, "有人操纵排污权交易市场，但查不出违法所得，罚款幅度是多少？") == "三十万元以上三百万元以下"
    assert marked(engine, "操纵排污权交易市场、又没有违法所得的，罚多少？") == "三十万元以上三百万元以下"


def test_the_multiple_still_answers_when_the_question_says_nothing_of_the_gain(engine):
    assert "一倍以上十倍以下" in marked(engine, "操纵排污权交易市场的，按违法所得罚多少？")


def test_the_project_a_line_describes_is_named_by_the_line_s_head(engine):
    assert marked(engine, "青禾省规划里位于红柳县、在流动沙丘上建光伏电站的是哪个工程？") == "白鹭滩光伏治沙工程"
    assert marked(engine, "青禾省规划的重点工程专栏里，在石门市高新区给新能源场站调峰的那个项目叫什么？") == \
        "青石湾共享储能电站项目"


def test_a_value_in_the_description_still_answers_a_question_about_it(engine):
    assert marked(engine, "白鹭滩光伏治沙工程每年能发多少电？") == "20亿千瓦时"


def test_the_items_a_term_is_defined_by_answer_what_it_covers(engine):
    assert marked(engine, "排污权交易管理条例里说的“关键岗位人员”具体指哪些岗位？") == "结算员、风控员、系统管理员"


def test_the_items_a_term_is_defined_as_answer_what_it_covers(engine):
    assert marked(engine, "排污权交易管理条例所说的交易品种具体包括哪些？") == "用能权、碳汇权、用水权和林草权"
