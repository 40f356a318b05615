"""A question that speaks of a date but asks who (由哪个机关公布施行, 汛期哪天开始，由谁来规定) is answered with the
body, not the date; 哪个政府部门 asks a body as 哪个部门 does. On a regulation written in the test."""
from __future__ import annotations

import pytest

from qa.answer_types import DATE, ORG, asked_type
from tests.conftest import engine_over, filler_plans, marked

REGULATION = """# 青禾省护林防火规定

第一条　为了预防和扑救森林火灾，制定本规定。

第二条　每年森林防火期的起止日期，由青禾省森林防火指挥部规定。

第三条　护林员对处理决定不服的，可以向县级人民政府林业主管部门投诉。

第四条　本规定经省人民政府批准后由青禾省林业局公布施行。本规定自2020年5月1日起施行。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory, {"regulation.md": REGULATION, **filler_plans()})


@pytest.mark.parametrize("question, kind", [
    ("本规定由哪个机关公布施行？", ORG), ("森林防火期哪天开始、哪天结束，由谁来规定？", ORG),
    ("护林员可以去哪个政府部门投诉？", ORG), ("本规定什么时候施行？", DATE), ("本规定何时施行，由谁公布？", ORG),
    ("本规定由谁公布，何时施行？", DATE)])
def test_the_part_that_asks_decides_between_a_body_and_a_date(question, kind):
    assert asked_type(question) == kind


@pytest.mark.parametrize("question, body", [
    ("青禾省护林防火规定由哪个机关公布施行？", "青禾省林业局"),
    ("森林防火期每年从哪天开始、到哪天结束，由谁来规定？", "青禾省森林防火指挥部"),
    ("护林员对处理决定不服，可以去哪个政府部门投诉？", "县级人民政府林业主管部门")])
def test_the_body_asked_is_marked_not_a_date(engine, question, body):
    assert marked(engine, question) == body


def test_a_question_asking_when_still_gets_the_date(engine):
    assert marked(engine, "青禾省护林防火规定什么时候施行？") == "2020年5月1日"
