"""When the first clause found holds no answer, a lower one answers only where it holds the question's rarest
word: the figure of a cold region is no answer for a hot one, a lower clause on the very thing asked is.
Each on documents built here."""
from __future__ import annotations

import pytest

from qa.answer import answer_question
from tests.conftest import engine_over, filler_plans, marked

RESERVES_PLAN = """黄石市能源安全保障方案

一、重点任务
（一）健全能源储备体系
健全石油储备制度，推动石油储备设施建设，石油储备天数逐步达到国际通行水平。
（二）提升天然气保障能力
到2025年，天然气储备能力达到20天，应急调峰能力进一步提升。
（三）完善煤炭储备
建立煤炭储备制度，推进煤炭储备基地建设，煤炭储备天数逐步达到国家要求。
（四）提升应急保障
完善能源应急预案，加强应急演练和应急队伍建设，提升能源应急保障水平。到2025年，全市煤炭储备能力不少于15天用量。
（五）推进建筑节能
推动夏热冬暖地区建筑节能标准提升，开展夏热冬暖地区新建居住建筑节能示范。
（六）提高节能标准
“十三五”期间，严寒寒冷地区城镇新建居住建筑节能达到75%。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory, {"reserves.txt": RESERVES_PLAN, **filler_plans()})


def test_a_lower_clause_on_another_thing_does_not_answer(engine):
    answer = answer_question(engine, "夏热冬暖地区新建居住建筑的节能率要达到多少？")
    assert "夏热冬暖地区新建居住建筑节能示范" in answer.hits[0].text
    assert not answer.found


def test_a_lower_clause_holding_the_rarest_word_answers(engine):
    answer = answer_question(engine, "煤炭储备要达到多少天？")
    assert "建立煤炭储备制度" in answer.hits[0].text
    assert marked(engine, "煤炭储备要达到多少天？") == "不少于15天"
