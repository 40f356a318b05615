"""When the question's own noun for the thing asked is not the text's (一个什么角色, 一本什么本子, 法官等级叫什么, 哪首
歌), the answer is what the text says in the question's gap: the object of the verb the question puts before it,
or what the text says its subject is; a place the question's words frame is answered by its short name; a
deadline set by an event (在申请领取…许可证前编制) where no day is named. On a law and a plan written in the test."""
from __future__ import annotations

import pytest

from tests.conftest import engine_over, filler_plans, marked

LAW = """# 青禾省公益林管护条例

第一条　为了保护公益林，制定本条例。

第二条　公益林托管应当设置托管监察人。

第三条　林区和设有林业站的乡镇，应当每户发给一本护林登记册。

第四条　省林业总站站长为首席护林官。

第五条　本省林区歌是《青山长青》。

第六条　省人民政府建立省级森林火灾专业扑救队伍。

第七条　县级以上人民政府应当统筹林区建设用地，优先支持通过闲置林场整治改造建设林下经济产业园，促进林农增收。

第八条　本省公益林管护，实行保护优先、科学管护、合理利用、全民参与的方针。

第九条　采伐公益林的单位，应当在申请领取林木采伐许可证前编制森林资源调查报告。

第十条　设有公益林的地方，县级以上地方人民政府应当建立公益林防火联防协调机制，相互配合，协调解决防火工作中的问题。
"""

PLAN = """# 青禾省林业产业发展规划

一、产业布局

（一）打造产业集群。推进林业集约发展和生产智能化、低碳化，建设以赣州为核心的林产化工产业集群和以吉安为核心的竹产业集群，打造以抚州、上饶为核心的木材加工高地。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory, {"law.md": LAW, "plan.md": PLAN, **filler_plans()})


@pytest.mark.parametrize("question, thing", [
    ("做公益林托管，必须设置一个什么角色？", "托管监察人"),
    ("林区的乡镇给每户发的是一本什么本子？", "护林登记册"),
    ("省林业总站站长的护林等级叫什么？", "首席护林官"),
    ("青禾省的林区歌是哪首歌？", "青山长青"),
    ("省人民政府建立的省级森林火灾扑救力量叫什么？", "省级森林火灾专业扑救队伍"),
])
def test_the_thing_said_in_the_questions_gap_answers(engine, question, thing):
    assert marked(engine, question) == thing


def test_a_mechanism_is_a_kind_of_named_thing_also_asked_with_a_bare_count(engine):
    assert marked(engine, "县政府按规定要建立个什么机制来协调公益林防火？") == "公益林防火联防协调机制"


def test_of_two_objects_of_the_verb_the_one_ending_as_the_asked_noun_answers(engine):
    assert marked(engine, "县级以上政府优先通过闲置林场整治改造来建设的是哪类园区？") == "林下经济产业园"


def test_the_asked_noun_closing_the_object_is_no_part_of_it(engine):
    assert marked(engine, "青禾省公益林管护实行什么方针？") == "保护优先、科学管护、合理利用、全民参与"


def test_a_deadline_set_by_an_event_is_marked_where_no_day_is_named(engine):
    assert marked(engine, "采伐公益林的单位，森林资源调查报告最晚要在什么时候编制好？") == "申请领取林木采伐许可证前"


def test_a_place_framed_by_the_questions_words_answers_by_its_short_name(engine):
    assert marked(engine, "青禾省打造林产化工产业集群，是以哪个城市为核心？") == "赣州"
