"""The thing a question's verb takes, asked with 什么 and a word for any place, body or thing (安葬在什么地方,
成立什么组织, 发给我什么), is the object the sentence gives that verb. On a law written in the test."""
from __future__ import annotations

import pytest

from qa.answer import answer_question
from tests.conftest import engine_over, marked

SERVICE_RULES = """# 青禾省军人与口岸服务条例

第一条　为了做好军人优待和口岸服务工作，制定本条例。

第二条　军人去世后，符合规定条件的可以安葬在军人公墓。

第三条　对可能患有监测传染病的人员，海关应当发给就诊方便卡，并及时通知所在地疾病预防控制部门。

第四条　在外商投资企业集中的地区，可以依法成立外商投资企业协会，其合法权益受法律保护。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory, {"rules.md": SERVICE_RULES})


@pytest.mark.parametrize("question, thing", [
    ("军人去世后，符合规定条件的可以安葬在什么地方？", "军人公墓"),
    ("海关认为我可能患有监测传染病，会发给我什么？", "就诊方便卡"),
    ("外商投资企业集中的地区，可以依法成立什么组织？", "外商投资企业协会"),
])
def test_the_object_of_the_asked_verb_is_marked(engine, question, thing):
    assert marked(engine, question) == thing


def test_a_rule_asked_about_is_answered_by_the_sentence_unmarked(engine):
    answer = answer_question(engine, "成立外商投资企业协会有什么要求？")
    assert answer.found and answer.quotes[0].highlight == ""
