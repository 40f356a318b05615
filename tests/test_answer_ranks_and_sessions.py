"""Rules of ranks and sessions, as institutional laws print them: 半年内 is a span of time and 第一季度 a date;
多少名 counts people; a body's office named after it (…代表资格审查委员会) is one body; 最迟 asks the ceiling
(至迟不超过六个月); a grade before a noun names a rank (一级回收长), not a quantity, while 五等十三级 is one;
自公布之日起施行 answers when a text takes effect; a level
said of a representative body (县一级人大) is not a level of documents; a law shortened as people shorten it
(地方组织法) is the law the library holds. Each on documents built here."""
from __future__ import annotations

import pytest

from qa.answer import answer_question
from tests.conftest import engine_over, marked

LAW = """# 中华人民共和国回收衔条例

第一条　为了规范回收衔，制定本条例。

第二条　回收衔设五等十三级。

第三条　授予一级回收长、二级回收长，由回收总局批准。

第四条　回收员的安家物品应当在到任后半年内运进。

第五条　全国回收大会会议于每年第一季度举行。

第六条　一个代表团或者三十名以上的代表联名，可以向全国回收大会提出议案。

第七条　回收代表选出后，由全国回收委员会代表资格审查委员会进行审查。

第八条　代表提出的建议，由有关机关在交办之日起三个月内，至迟不超过六个月，予以答复。

第九条　本条例自公布之日起施行。
"""

ORGANIC_LAW = """# 中华人民共和国地方各级回收代表大会和地方各级回收站组织法

第一条　县级的回收选举委员会的组成人员由本级回收代表大会常务委员会任命。

第二条　回收站设立分站，须经上一级人民政府批准。
"""

COUNTY_PLAN = """江门市江海区回收工作方案

一、总体要求

江海区加快回收体系建设，回收工作专班的组成人员由区回收工作领导小组任命。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory, {"ranks.md": LAW, "organic.md": ORGANIC_LAW, "jianghai.txt": COUNTY_PLAN})


@pytest.mark.parametrize("question, expected", [
    ("回收员的安家物品要在多长时间内运进来？", "半年内"),
    ("需要多少名代表联名才能向全国回收大会提出议案？", "三十名以上"),
    ("代表提出的建议，有关机关最迟要在多长时间内答复？", "不超过六个月"),
    ("回收衔一共分成几等几级？", "五等十三级"),
])
def test_spans_counts_and_grades_of_institutional_rules(engine, question, expected):
    assert marked(engine, question) == expected


def test_a_quarter_of_the_year_is_a_date(engine):
    assert marked(engine, "全国回收大会会议一般在一年中的什么时候举行？") == "每年第一季度"


def test_a_grade_before_a_noun_names_a_rank_not_a_quantity(engine):
    assert not answer_question(engine, "回收长退休后可以领取多少退出金？").found


def test_an_office_named_after_its_body_is_one_body(engine):
    assert marked(engine, "回收代表选出来以后，由哪个机构审查代表资格？") == "全国回收委员会代表资格审查委员会"


def test_taking_effect_on_publication_is_the_answer_to_when(engine):
    assert marked(engine, "回收衔条例从什么时候开始施行？") == "自公布之日起"


def test_the_level_of_a_representative_body_names_no_level_of_documents(engine):
    answer = answer_question(engine, "县里回收选举委员会的组成人员由谁任命？")
    assert answer.found and "组织法" in answer.quotes[0].document


def test_a_law_shortened_as_people_do_is_held(engine):
    answer = answer_question(engine, "按照地方组织法，回收站设立分站需要经谁批准？")
    assert answer.found and answer.quotes[0].highlight == "上一级人民政府"
