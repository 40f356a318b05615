"""The words that open a body's name or a list in the text are not part of the answer: a request's verb before the
body it goes to (可以申请省级人民政府…, 送交…不动产登记机构), a verb before the first item when no other item
holds one (国家建立电器电子、…, 含有汞、镉…), while a first item joined inside by 及其 or 和 stays whole; a question
asking the year, month and day gets the whole date; an office the text says does the asked act (由省长签署) answers
who does it when no body's name is followed by that act. On laws written in the test."""
from __future__ import annotations

import pytest

from tests.conftest import engine_over, filler_plans, marked

SOIL = """# 青禾省土壤污染防治条例

第一条　为了防治土壤污染，制定本条例。

第二条　对达到风险管控、修复目标的地块，土地使用权人可以申请省级人民政府生态环境主管部门移出风险管控和修复名录。

第三条　重点监管单位的用地转让的，土壤污染状况调查报告应当作为不动产登记资料送交地方人民政府不动产登记机构。

第四条　省人民政府建立电器电子、铅蓄电池、车用动力电池等产品的回收体系。

第五条　禁止向水体排放含有汞、镉、砷、铅、氰化物的可溶性剧毒废渣。

第六条　本条例自2003年10月1日起施行。

第七条　土壤污染防治协作协议的文本由省长签署，省外事办公室主任副署。

第八条　土壤污染防治规划包括土壤风险管控设施建设规划、土壤修复专业队伍建设规划、土壤监测网络规划、土壤科研规划等。

第九条　土壤监测机构包括省林业局及其区域分局和直属局、市级林业局、县级林业局、林业工作站。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory, {"soil.md": SOIL, **filler_plans()})


@pytest.mark.parametrize("question, body", [
    ("地块修复达标以后，想移出风险管控和修复名录，该向哪个部门申请？", "省级人民政府生态环境主管部门"),
    ("重点监管单位用地转让，土壤污染状况调查报告要交给哪个机构？", "地方人民政府不动产登记机构"),
])
def test_the_body_a_request_goes_to_is_marked_without_the_verb(engine, question, body):
    assert marked(engine, question) == body


@pytest.mark.parametrize("question, items", [
    ("青禾省对哪些产品建立回收体系？", "电器电子、铅蓄电池、车用动力电池"),
    ("含有哪些物质的可溶性剧毒废渣禁止向水体排放？", "汞、镉、砷、铅、氰化物"),
])
def test_a_verb_before_the_first_item_is_no_part_of_the_list(engine, question, items):
    assert marked(engine, question) == items


def test_a_question_asking_year_month_and_day_gets_the_whole_date(engine):
    assert marked(engine, "土壤污染防治条例哪年哪月哪日开始施行？") == "2003年10月1日"



def test_an_office_said_to_do_the_act_answers_who_does_it(engine):
    assert marked(engine, "土壤污染防治协作协议的文本由谁签署？") == "省长"


def test_the_lead_of_a_list_ends_at_its_opening_verb_not_at_a_verb_inside_the_first_item(engine):
    assert marked(engine, "土壤污染防治规划具体包括哪几类规划？") == \
        "土壤风险管控设施建设规划、土壤修复专业队伍建设规划、土壤监测网络规划、土壤科研规划"


def test_a_first_item_joined_by_a_conjunction_is_marked_whole(engine):
    assert marked(engine, "按照土壤污染防治条例，土壤监测机构包括哪些？") == \
        "省林业局及其区域分局和直属局、市级林业局、县级林业局、林业工作站"
