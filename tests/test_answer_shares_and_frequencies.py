"""An amount of money the text gives as a share or a multiple of a base (收取不超过成交价百分之五的佣金) answers a
question asking the money, with its base; a share of a time (时长总和的三分之二) answers one asking the time; how often
is answered by the period, with the count when a bound holds it (每年至少进行两次; 每三个月举行一次 → 每三个月); a
deadline reckoned from an event the question says is the time alone (试鸣的五日以前 → 五日以前); 多长的工作经历 asks a
span of years. On a law written in the test."""
from __future__ import annotations

import pytest

from tests.conftest import engine_over, filler_plans, marked

LAW = """# 青禾省集市管理条例

第一条　为了规范集市交易，制定本条例。

第二条　委托人与集市服务机构对服务费比例未作约定的，集市服务机构可以向委托人收取不超过交易成交价百分之三的服务费。

第三条　集市服务机构拒绝履行服务合同，造成商户滞留等严重后果的，商户可以要求其支付摊位费用一倍以上二倍以下的违约金。

第四条　集市开放的时长不得低于年度营业时长总和的四分之三。

第五条　集市服务机构应当对消防设施每年至少进行两次全面检测。

第六条　集市服务机构负责人应当具备从事市场管理工作五年以上经历。

第七条　集市管理委员会会议一般每三个月举行一次。

第八条　集市闭市整顿的，集市服务机构应当在闭市的十日以前发布公告。

第九条　集市服务机构退出经营的，应当在取得营业收入的次年五月三十一日前办理清算。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory, {"market.md": LAW, **filler_plans()})


@pytest.mark.parametrize("question, amount", [
    ("服务费比例没有约定，集市服务机构最多能向委托人收多少服务费？", "不超过交易成交价百分之三"),
    ("集市服务机构拒绝履行服务合同，商户滞留的，可以要求多少违约金？", "摊位费用一倍以上二倍以下"),
])
def test_money_given_as_a_share_of_a_base_is_marked_with_its_base(engine, question, amount):
    assert marked(engine, question) == amount


def test_a_share_of_a_time_answers_the_time_asked(engine):
    assert marked(engine, "集市开放的时长占年度营业总时长至少要达到多少？") == "四分之三"


def test_how_often_is_answered_as_the_text_says_it(engine):
    assert marked(engine, "集市服务机构应当多久对消防设施做一次全面检测？") == "每年至少进行两次"


def test_a_count_no_bound_holds_is_no_part_of_how_often(engine):
    assert marked(engine, "集市管理委员会会议一般多长时间举行一次？") == "每三个月"


@pytest.mark.parametrize("question, deadline", [
    ("集市要停业整顿，公告最晚要在什么时候发布？", "闭市的十日以前"),
    ("集市服务机构闭市整顿，最迟要在闭市前什么时候发布公告？", "十日以前"),
])
def test_a_time_reckoned_from_an_event_the_question_says_is_marked_alone(engine, question, deadline):
    assert marked(engine, question) == deadline


def test_how_long_a_career_is_asked_gets_the_years(engine):
    assert marked(engine, "集市服务机构负责人需要有多长的市场管理工作经历？") == "五年以上"
