"""Names asked with 哪项, an example named by 包括…在内的 (also when the question says the kind first), 按规定
naming nothing a figure measures, a repealed law the question names, and an edition the library does not hold. On
documents built here."""
from __future__ import annotations

import pytest

from qa.answer import answer_question
from tests.conftest import engine_over, filler_plans, marked

LAW = """# 旧船协会章程

## 第一章 总则

第一条 为了规范旧船协会，制定本章程。
第二条 旧船船员由三级晋升二级、二级晋升一级各为四年。
第三条 旧船船员按规定参加年度培训。
"""

CODE = """# 中华人民共和国旧船管理法典

第一条 为了规范旧船管理，制定本法典。
第二条 在禁止的区域内拆解旧船的，处五百元以上五千元以下的罚款。
第三条 本法典自2020年1月1日起施行。《中华人民共和国旧船拆解法》同时废止。
"""

REPEALED = """# 中华人民共和国旧船拆解法

第一条 为了规范旧船拆解，制定本法。
第二条 在禁止的区域内拆解旧船的，处五百元以上二万元以下的罚款。
"""

AMENDMENT = """# 中华人民共和国旧船法修正案（十一）

一、将旧船法第三条修改为：“旧船应当登记。”
二、本修正案自2021年3月1日起施行。
"""

PLAN = """湖滨省旧船回收实施方案

一、重点任务
（一）科技
实施百城千船旧船科技帮扶行动，提升旧船回收效率。
（二）防灾
将旧船回收站点纳入城市防灾减灾规划。
（三）资金
充分发挥包括湖滨省旧船发展基金在内的现有政府投资基金的引导作用。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory, {"law.md": LAW, "code.md": CODE, "repealed.md": REPEALED,
                                          "amendment.md": AMENDMENT, "plan.txt": PLAN,
                                          **filler_plans()})


@pytest.mark.parametrize("question, value", [
    # 项 counts programmes and plans: the name ending in the kind asked
    ("湖滨省要组织开展哪项帮扶行动？", "百城千船旧船科技帮扶行动"),
    ("旧船回收站点要被纳入城市的哪项规划？", "城市防灾减灾规划"),
    ("要发挥哪只现有政府投资基金的带动作用？", "湖滨省旧船发展基金"),
    # the kind said before the asking words (已设立的政府投资基金…点名了哪一只) is answered by the one named in it
    ("要发挥作用的已设立政府投资基金中，具体点名了哪一只？", "湖滨省旧船发展基金"),
    # 按规定 names nothing the years measure
    ("旧船船员二级晋升一级，按规定要满几年？", "四年"),
    # a repealed law the question names is searched, though a code replaced it
    ("按旧船拆解法，在禁止的区域拆解旧船罚款多少？", "五百元以上二万元以下"),
])
def test_the_value_asked_is_marked(engine, question, value):
    assert marked(engine, question) == value


def test_an_edition_the_library_lacks_is_not_answered_by_another(engine):
    answer = answer_question(engine, "旧船法修正案（十二）从什么时候开始施行？")
    assert not answer.found
    assert "文库中没有《旧船法修正案（十二）》" in answer.answer
