"""A multiple or share with the base it is reckoned on, a value without the 满 the question says, list items
without a leading 的 and a list beside a lone value, a document asked as 哪个文件, an age asked as 几岁, the thing
paid, a name after the verb that issues it, and a number asked though the question speaks of a 施行 year. Each on
a law built here."""
from __future__ import annotations

import pytest

from qa.answer import answer_question
from tests.conftest import engine_over, marked

LAW = """# 中华人民共和国海川赔偿法

第一条　为了保障公民取得赔偿的权利，制定本法。

第二条　造成死亡的，应当支付死亡赔偿金、丧葬费，总额为国家上年度职工年平均工资的二十倍。

第三条　骗取赔偿金的，由赔偿义务机关责令退回，处骗取金额二倍以上五倍以下的罚款。

第四条　拒不退回的，按骗取金额的二倍以上五倍以下处以罚款。

第五条　在本市无住所的个人，一个纳税年度内在本市居住累计满一百八十三天的，为居民个人。

第六条　本法所称家庭指导，是指父母对其实施的道德品质、身体素质、生活技能、文化修养等方面的培育。

第七条　专项扣除，包括子女教育、继续教育、大病医疗等支出，具体范围、标准和实施步骤由市人民政府确定。

第八条　造成严重后果的，应当支付相应的精神损害抚慰金。

第九条　市人民政府应当组织有关部门制定、修订并及时颁布海川家庭指导大纲。

第十条　条件不具备的地区的儿童，可以推迟到七周岁入学。

第十一条　本法自2022年7月1日起施行。1988年8月6日市人民政府发布的《海川赔偿暂行办法》同时废止。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory, {"law.md": LAW})


def test_a_multiple_keeps_its_base_unless_the_question_says_it(engine):
    assert marked(engine, "造成死亡的，死亡赔偿金和丧葬费的总额是多少？") == "国家上年度职工年平均工资的二十倍"
    assert marked(engine, "冒领赔偿金、责令退回的，会被罚多少？") == "骗取金额二倍以上五倍以下"
    assert marked(engine, "骗取赔偿金的，按骗取金额的几倍罚款？") == "二倍以上五倍以下"


def test_the_reaching_the_question_says_is_not_marked(engine):
    assert marked(engine, "在本市无住所的个人，一个纳税年度内住满多少天就算居民个人？") == "一百八十三天"


def test_list_items_do_not_start_with_de_and_a_list_is_not_a_lone_value(engine):
    assert marked(engine, "家庭指导是指父母对孩子哪些方面的培育？") == "道德品质、身体素质、生活技能、文化修养"
    assert marked(engine, "专项扣除包括哪些支出？") == "子女教育、继续教育、大病医疗"


def test_the_thing_paid_and_a_name_after_the_verb_that_issues_it(engine):
    assert marked(engine, "造成严重后果的，还应当支付什么？") == "精神损害抚慰金"
    assert marked(engine, "市人民政府组织制定并颁布的指导家长的文件叫什么？") == "海川家庭指导大纲"


def test_a_document_asked_as_which_file_and_an_age_asked_as_how_old(engine):
    answer = answer_question(engine, "本法施行后，原来市人民政府发布的哪个文件同时废止？")
    assert answer.answer_type == "entity" and answer.quotes[0].highlight == "海川赔偿暂行办法"
    assert answer_question(engine, "条件不具备的地区，儿童可以推迟到几岁入学？").answer_type == "quantity"


def test_a_number_asked_though_the_question_speaks_of_the_year_of_a_law(engine):
    answer = answer_question(engine, "本法施行的2022年，全市赔偿金支出是多少亿元？")
    assert answer.answer_type == "quantity"
    assert not answer.found
