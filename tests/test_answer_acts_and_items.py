"""A body answers only for the act the question names; a list is the items of the thing asked, each item
whole; an article a question says was broken points to the clause that punishes breaking it; a law's
implementing rules are another document. Each on a law built here."""
from __future__ import annotations

import pytest

from qa.answer import answer_question
from tests.conftest import engine_over, marked

LAW = """# 海川市职业培训条例

## 第一章 总则

第一条　为了发展职业培训，制定本条例。

第二条　职业培训包括就业前培训、在职培训、再就业培训及其他职业性培训。

第三条　每年5月的第二周为职业培训活动周。

第四条　培训人员应当大力弘扬爱国、创新、求实、奉献、协同的职业精神。

第五条　本条例所称主要培训指标，是指结业率、就业率、持证率、满意度等。

第六条　外来投资者在本市的出资、利润、资本收益、资产处置所得、清算所得等，可以依法自由汇出。

第七条　申请培训补助，向就读学校提出，由学校按照有关规定发放。

第八条　县级以上人民政府负责残疾人工作的机构，负责组织、协调、指导、督促有关部门做好残疾人培训工作。

第九条　培训机构应当逐步开展岗位技能鉴定、创业指导和就业跟踪等服务。

## 第二章 法律责任

第十条　培训机构不得向境外组织提供学员个人信息。

第十一条　违反本条例第十条规定，向境外组织提供学员个人信息的，由市人力资源社会保障部门责令改正，处五万元以下罚款。
市人力资源社会保障部门可以禁止违法机构自处罚决定生效之日起一年以上五年以下的期限内从事职业培训。

第十二条　本条例自2024年1月1日起施行。
"""

SCHOOLS = """# 海川市学校教育条例

第一条　为了规范学校教育，制定本条例。

第二条　本市实行学前教育、初等教育、中等教育、高等教育的学校教育制度。

第三条　学生修完全部课程、考核合格的，由学校发给毕业证书。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory, {"training.md": LAW, "schools.md": SCHOOLS})


def test_a_list_keeps_the_words_its_items_share_and_starts_at_its_first_item(engine):
    assert marked(engine, "职业培训包括哪几类？") == "就业前培训、在职培训、再就业培训及其他职业性培训"
    assert marked(engine, "外来投资者在本市的哪些资金和所得可以自由汇出？") == "出资、利润、资本收益、资产处置所得、清算所得"
    assert marked(engine, "培训人员应当弘扬的职业精神包括哪些内容？") == "爱国、创新、求实、奉献、协同"

    # 初等 and 高等 are words: their 等 closes no list
    assert marked(engine, "本市的学校教育制度包括哪几个阶段？") == "学前教育、初等教育、中等教育、高等教育"


def test_the_items_of_a_kind_of_figure_are_a_list(engine):
    answer = answer_question(engine, "主要培训指标包括哪些？")
    assert answer.answer_type == "list"
    assert answer.quotes[0].highlight == "结业率、就业率、持证率、满意度"


def test_a_name_ends_where_a_word_does(engine):
    assert marked(engine, "学生修完课程、考核合格的，学校发给什么证？") == "毕业证书"


def test_a_week_of_a_month_is_a_date(engine):
    assert marked(engine, "职业培训活动周定在每年什么时候？") == "每年5月的第二周"


def test_where_a_request_is_handed_in_is_a_body(engine):
    answer = answer_question(engine, "想申请培训补助，应当向哪里提出申请？")
    assert answer.answer_type == "org"
    assert answer.quotes[0].highlight == "就读学校"


def test_an_article_said_to_be_broken_points_to_the_clause_that_punishes_breaking_it(engine):
    question = "违反本条例第十条规定的，市人力资源社会保障部门可以禁止违法机构从事职业培训的期限是多长？"
    assert marked(engine, question) == "一年以上五年以下"


def test_a_body_doing_another_act_does_not_answer(engine):
    # 第八条 names a body for 残疾人培训 that organises and coordinates: nothing says who issues a certificate
    answer = answer_question(engine, "残疾人培训合格证由哪个机构负责核发？")
    assert not answer.found
    # …while the act it does is answered by it: the office the government charges with the field, named whole
    assert marked(engine, "残疾人培训工作由哪个机构负责组织协调？") == "县级以上人民政府负责残疾人工作的机构"


def test_a_list_holding_the_thing_whose_parts_are_asked_does_not_answer(engine):
    answer = answer_question(engine, "岗位技能鉴定包括哪些具体项目？")
    assert not answer.found


def test_a_laws_implementing_rules_are_another_document(engine):
    answer = answer_question(engine, "海川市职业培训条例实施细则是从哪一年开始施行的？")
    assert not answer.found
    assert "文库中没有《海川市职业培训条例实施细则》" in answer.answer
    assert marked(engine, "海川市职业培训条例是从什么时候开始施行的？") == "2024年1月1日"
