"""Which body a rule names when what it did singles it out (作出原生效判决的人民法院), not the one the question
names as where the act goes (去法院起诉: not 人民法院) or as the one granting the power (授权谁), and the measure
a question asks by what it measures (注册资本 in 元; 股东人数 by a count of people, even when it asks for the rule
on it). On a law written in the test."""
from __future__ import annotations

import pytest

from tests.conftest import engine_over, marked

COMPANY_RULES = """# 青禾省企业与赔偿条例

第一条　为了规范企业设立和赔偿工作，制定本条例。

第二条　有限责任会计师事务所应当具备下列条件：（一）不少于三十万元的注册资本；（二）有一定数量的专职从业人员，其中至少有五名注册会计师；（三）有固定的办公场所。

第三条　有限责任公司由一个以上五十个以下股东出资设立。

第四条　规模较小的有限责任公司，可以不设董事会，设一名董事。

第五条　再审改判无罪，原判刑罚已经执行的，作出原生效判决的人民法院为赔偿义务机关。

第六条　审计机关之间对审计管辖范围有争议的，由其共同的上级审计机关确定。

第七条　从事机动车保险业务的保险机构为车船税的扣缴义务人。

第九条　国务院可以根据建设的需要，授权青禾省人民政府审批由国务院审批的土地征收事项。

第八条　英雄烈士没有近亲属或者近亲属不提起诉讼的，检察机关依法对侵害英雄烈士名誉的行为向人民法院提起诉讼。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory, {"rules.md": COMPANY_RULES})


@pytest.mark.parametrize("question, body", [
    ("案件再审改判无罪、原判刑罚已经执行的，由哪个机关作为赔偿义务机关？", "作出原生效判决的人民法院"),
    ("两个审计机关对审计管辖范围有争议，由谁来确定？", "共同的上级审计机关"),
    ("车船税的扣缴义务人是谁？", "从事机动车保险业务的保险机构"),
    # the court the question names as where the suit goes (去法院) is not who brings it
    ("英雄烈士没有近亲属的，有人诋毁他的名誉，由谁去法院起诉？", "检察机关"),
    # nor the body that hands it the power (国务院可以授权谁), said right before it
    ("国务院可以授权谁审批土地征收事项？", "青禾省人民政府"),
])
def test_a_body_is_marked_with_what_singles_it_out(engine, question, body):
    assert marked(engine, question) == body


def test_a_sum_of_capital_is_answered_in_money_not_in_people(engine):
    assert marked(engine, "有限责任会计师事务所的注册资本至少要多少？") == "不少于三十万元"


def test_the_rule_on_a_count_of_people_is_answered_by_that_count(engine):
    assert marked(engine, "设立有限责任公司，股东人数有什么限制？") == "一个以上五十个以下"


def test_a_count_of_named_people_is_still_answered_in_people(engine):
    assert marked(engine, "有限责任会计师事务所至少要有几名注册会计师？") == "五名"
