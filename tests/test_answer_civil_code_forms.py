"""How a civil code and the amendments of a criminal law word what is asked (laws 32): 都有谁 asks people,
listed; 去哪里办 asks a body; a body is named without the 依法取得 before it and an item without the 进行 or
有关 that opens it; 怎么判 asks a term of prison; 经过谁批准 asks a body the text names, not the document's
approver; a law is held by its amendment (宪法修正案 for 宪法). Each on documents built here."""
from __future__ import annotations

import pytest

from qa.answer import answer_question
from tests.conftest import engine_over, marked

CODE = """# 中华人民共和国旧物法典

## 第一编 总则

第一条　为了规范旧物的流转，制定本法典。

第二条　旧物登记，由旧物所在地的登记机构办理。

第三条　旧物继承开始后，由第一顺序继承人继承。第一顺序继承人是：配偶、子女、父母。

第四条　个人信息中的私密信息，适用有关隐私权的规定。

第五条　从事旧物散装运输，应当依法取得县级以上地方人民政府旧物管理部门核发的准运证。
"""

AMENDMENT = """# 中华人民共和国旧物刑法修正案（三）

一、在旧物刑法第十条后增加一条："组织未成年人进行盗窃、诈骗、抢夺、敲诈勒索等违反治安管理活动的，处三年以下有期徒刑。"

二、将旧物刑法第二十条修改为："未经国家有关主管部门批准，非法经营旧物证券业务的，处五年以下有期徒刑；数额特别巨大的，处三年以上七年以下有期徒刑，并处罚金。"

三、本修正案自公布之日起施行。
"""

CHARTER_AMENDMENT = """# 中华人民共和国旧物保护法修正案（2004年）

第二十条　旧物保护法第十三条增加一款："旧物协会的会歌是《旧物之歌》。"
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory, {"code.md": CODE, "amendment.md": AMENDMENT,
                                          "charter.md": CHARTER_AMENDMENT})


@pytest.mark.parametrize("question, kind, expected", [
    ("旧物继承开始后，第一顺序继承人都有谁？", "list", "配偶、子女、父母"),
    ("要办旧物登记，该去哪里办？", "org", "旧物所在地的登记机构"),
    ("旧物散装运输的准运证，是哪个部门核发的？", "org", "县级以上地方人民政府旧物管理部门"),
    ("组织未成年人干哪些违反治安管理的事，会被追究刑责？", "list", "盗窃、诈骗、抢夺、敲诈勒索"),
    ("个人信息里的私密信息，适用哪种权利的规定？", "entity", "隐私权"),
    ("非法经营旧物证券业务数额特别巨大的，怎么判？", "quantity", "三年以上七年以下有期徒刑"),
])
def test_what_a_code_and_its_amendments_are_asked_for(engine, question, kind, expected):
    answer = answer_question(engine, question)
    assert answer.answer_type == kind
    assert marked(engine, question) == expected


def test_an_approval_the_text_rules_on_is_not_the_documents_approver(engine):
    assert marked(engine, "旧物刑法修正案（三）规定，经营旧物证券业务没有经过谁批准就算非法经营？") == "国家有关主管部门"


def test_a_law_is_held_by_its_amendment(engine):
    answer = answer_question(engine, "旧物保护法里规定的会歌是哪一首？")
    assert "文库中没有" not in answer.answer
