"""Decisions, amendments and the laws they change, as the National People's Congress publishes them: a
decision numbered 一、二、 is cited by 第五项 or 第五条 as its readers count; an amendment's articles may
start at 第十二条; 修正案（一） is not 修正案（二）, and its bracket is no item number; a law named by a
question is held by the decision that amends it. And the values such texts state: a yearly month
(每年八月), a deadline's bound (不迟于当年第三季度末), how often (每半年), a term of prison for the step of
the ladder asked (数额巨大), a treaty with its protocols, a body's 主席团. Each on documents built here."""
from __future__ import annotations

import pytest

from qa.answer import answer_question
from qa.query import names_another_edition, question_refs, spells_out_title
from tests.conftest import engine_over, marked

AMENDING = """# 全国人民代表大会常务委员会关于修改《中华人民共和国旧物回收法》的决定

第十四届全国人民代表大会常务委员会第九次会议决定对《中华人民共和国旧物回收法》作如下修改：

一、将第三条修改为："旧物回收工作坚持节约优先，统筹回收和利用。"

二、将第十条改为第十一条，删去第二款。

三、增加一条，作为第二十条："回收站应当设立回收公开栏。"

四、将第二十一条改为第二十五条，第二款增加一项，作为第四项："（四）回收站确定的其他事项"。第四款修改为："回收站应当在公开栏公布回收价格。公布的期限不得少于十五日。"

五、将第三十条修改为："回收站违反本法规定，拒不改正的，处一万元以下的罚款。"

本决定自2026年1月1日起施行。
"""

AMENDMENT_ONE = """# 中华人民共和国旧物回收法修正案（一）

一、将旧物回收法第五条修改为："回收站应当每半年向回收管理局报告回收情况。"

二、本修正案自2015年11月1日起施行。
"""

AMENDMENT_TWO = """# 中华人民共和国旧物回收法修正案（二）

一、将旧物回收法第八条修改为："公司擅自转移回收资金，数额较大的，对其直接负责的主管人员处五年以下有期徒刑或者拘役；数额巨大的，对其直接负责的主管人员处五年以上有期徒刑。"

二、本修正案自2021年3月1日起施行。
"""

CHARTER_AMENDMENT = """# 章程修正案（2018年）

第十二条　章程第三条增加一款："回收协会的组成人员，由全国人民代表大会常务委员会批准。"

第十三条　章程第七条修改为："回收协会每届任期五年，连续任职不得超过两届。"
"""

SUPERVISION = """# 全国人民代表大会常务委员会关于加强旧物回收监督的决定

一、国务院在每年八月向全国人民代表大会常务委员会报告当年旧物回收计划执行情况。

二、旧物回收年度计划调整方案的提出一般不迟于当年第三季度末。

三、全国人民代表大会财政经济委员会向全国人民代表大会主席团提出旧物回收计划草案的审查结果报告。

四、国务院有关部门应当通过国家电子政务网等平台，定期提供旧物回收数据信息。

五、国务院有关部门应当按季度通报旧物回收数据。

六、回收站应当公示回收价格。

七、回收站的标志使用未尽事宜，依照日内瓦公约及其附加议定书的有关规定执行。
"""

ZONES = """# 旧物经济特区条例

第一条　特区企业所得税税率为百分之十五。投资额达五百万美元以上的企业，给予特别优惠待遇。

第二条　客商申请投资办厂，向旧物经济特区管理委员会提出。香港特别行政区入境事务处负责受理回收站登记。

第三条　对于被判处拘役的回收人员，对其中不满十八周岁的人、怀孕的妇女和已满七十五周岁的人，应当宣告缓刑。

第四条　回收站的衔级分为三等七衔。回收协会会长连续任职不得超过两届。

第五条　设区的市制定的回收规定，报本省、自治区人民代表大会常务委员会批准后施行。

第六条　有十分之一以上的回收员或者三分之一以上的回收员代表提议，应当召集回收员会议。

第七条　"伪造、变造、买卖回收证、回收卡、回收牌等依法可以用于证明身份的证件的，处三年以下有期徒刑。"

第八条　任何回收员因"旧物换新计划"而获得的境外补贴，不予承认。
"""

CHAPTERED = """# 旧物分拣条例

## 第一章 总则

第一条　为了规范旧物分拣，制定本条例。

第二条　本条例适用于本市行政区域内的旧物分拣活动。

## 第二章 分拣站

第三条　分拣站应当配备称重设备。

第四条　分拣站应当公示分拣价格。
"""

INTERPRETATION = """# 全国人民代表大会常务委员会关于《中华人民共和国旧物回收法》第十三条的解释

一、关于第十三条所称旧物的范围。

二、关于第十三条所称回收站的含义。

三、关于回收站能否收购旧电池的问题。回收站不得收购旧电池。

四、关于回收站能否收购旧轮胎的问题。回收站可以收购旧轮胎。
"""

OTHER_INTERPRETATION = """# 全国人民代表大会常务委员会关于《中华人民共和国旧物回收法》第一百零四条的解释

一、关于第一百零四条所称旧物的含义。
"""

MEMORIAL = """# 全国人民代表大会常务委员会关于设立旧物回收纪念日的决定

旧物回收是节约资源的重要方式。

第十四届全国人民代表大会常务委员会第十八次会议决定：将10月25日设立为旧物回收纪念日。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory, {
        "amending.md": AMENDING, "amendment_one.md": AMENDMENT_ONE, "amendment_two.md": AMENDMENT_TWO,
        "charter.md": CHARTER_AMENDMENT, "supervision.md": SUPERVISION, "memorial.md": MEMORIAL, "zones.md": ZONES,
        "chaptered.md": CHAPTERED, "interpretation.md": INTERPRETATION, "other.md": OTHER_INTERPRETATION})


def test_an_edition_in_brackets_names_that_edition_and_is_no_item_number():
    assert names_another_edition("旧物回收法修正案（三）从哪天施行？", "中华人民共和国旧物回收法修正案（二）")
    assert not names_another_edition("旧物回收法修正案（二）从哪天施行？", "中华人民共和国旧物回收法修正案（二）")
    assert not spells_out_title("按照旧物回收法修正案（一），…", "中华人民共和国旧物回收法修正案（二）")
    assert question_refs("按照旧物回收法修正案（一），回收站多久报告一次？") == []
    assert question_refs("监督决定的第五项讲了什么？") == [("1.", 5)]


def test_an_edition_the_library_lacks_is_not_in_the_library(engine):
    answer = answer_question(engine, "《中华人民共和国旧物回收法修正案（三）》是从哪天起施行的？")
    assert not answer.found and "文库中没有" in answer.answer
    answer = answer_question(engine, "旧物回收法修正案（一）是从哪天起施行的？")
    assert answer.found and answer.quotes[0].highlight == "2015年11月1日"


@pytest.mark.parametrize("question, clause", [
    ("加强旧物回收监督的决定第五项讲了什么？", "五、"),
    ("旧物回收法修正案（二）第一条是怎么规定的？", "一、"),
    ("章程修正案（2018年）第十三条规定了什么？", "第十三条"),
    ("旧物分拣条例第二章的第一条规定了什么？", "第二章 第三条"),
    ("全国人大常委会关于《中华人民共和国旧物回收法》第十三条的解释，第三部分讲了什么？", "三、"),
    ("全国人民代表大会常务委员会关于《中华人民共和国旧物回收法》第十三条的解释第四条规定了什么？", "四、"),
])
def test_a_decision_or_amendment_is_cited_as_its_readers_count(engine, question, clause):
    first = engine.search(question, top_k=3).hits[0]
    assert first.clause == clause


def test_a_law_named_by_the_question_is_held_by_the_decision_that_amends_it(engine):
    answer = answer_question(engine, "这次修改旧物回收法的决定从哪天开始施行？")
    assert answer.found and answer.quotes[0].highlight == "2026年1月1日"
    answer = answer_question(engine, "按照修改后的旧物回收法，回收公开栏里公布的价格至少要公布多长时间？")
    assert answer.found and answer.quotes[0].highlight == "不得少于十五日"


def test_a_body_an_article_approves_by_is_not_the_documents_approver(engine):
    assert marked(engine, "回收协会的组成人员由哪个机关批准？") == "全国人民代表大会常务委员会"


@pytest.mark.parametrize("question, expected", [
    ("国务院每年几月向全国人大常委会报告旧物回收计划执行情况？", "每年八月"),
    ("旧物回收年度计划的调整方案最晚什么时候提出？", "不迟于当年第三季度末"),
    ("按照旧物回收法修正案（一），回收站多久向回收管理局报告一次回收情况？", "每半年"),
    ("旧物回收纪念日定在每年的哪一天？", "10月25日"),
])
def test_yearly_months_bounded_deadlines_and_how_often(engine, question, expected):
    assert marked(engine, question) == expected


def test_a_prison_term_is_the_one_of_the_step_asked(engine):
    answer = answer_question(engine, "公司擅自转移回收资金，数额巨大的，直接负责的主管人员会被判多重的刑？")
    assert answer.answer_type == "quantity"
    assert answer.quotes[0].highlight == "五年以上有期徒刑"


@pytest.mark.parametrize("question, expected", [
    ("旧物回收计划草案的审查结果报告，是向谁提出的？", "全国人民代表大会主席团"),
    ("国务院有关部门通过什么平台提供旧物回收数据？", "国家电子政务网"),
    ("回收站的标志使用没有规定到的事项按照什么文件执行？", "日内瓦公约及其附加议定书"),
])
def test_bodies_names_and_items_as_the_text_writes_them(engine, question, expected):
    assert marked(engine, question) == expected


@pytest.mark.parametrize("question, expected", [
    ("投资额达到多少的企业可以享受特别优惠待遇？", "五百万美元以上"),
    ("回收站的衔级一共分几等几衔？", "三等七衔"),
    ("回收协会会长最多可以连续担任几届？", "不得超过两届"),
    ("哪个机关负责受理回收站登记？", "香港特别行政区入境事务处"),
    ("设区的市制定的回收规定，要报哪里批准后才能施行？", "本省、自治区人民代表大会常务委员会"),
    ("被判处拘役的回收人员中，哪几类人应当宣告缓刑？", "不满十八周岁的人、怀孕的妇女和已满七十五周岁的人"),
    ("要有多少比例的回收员提议，才应当召集回收员会议？", "十分之一以上"),
    ("伪造、买卖哪些可以证明身份的证件会被判刑？", "回收证、回收卡、回收牌"),
    ("回收员通过什么计划获得的境外补贴不予承认？", "旧物换新计划"),
])
def test_sums_in_dollars_ranks_terms_offices_and_who_among_them(engine, question, expected):
    # …; of two shares, the one of the noun asked (回收员, not 回收员代表); items after the verbs listed with the
    # one asked; a plan's name in quotes
    assert marked(engine, question) == expected


def test_a_zone_names_its_place_and_a_cut_off_year_no_document(engine):
    answer = answer_question(engine, "海南经济特区的企业所得税税率是多少？")
    assert not answer.found and "海南" in answer.answer
    answer = answer_question(engine, "2018年章程修正案规定，回收协会每届任期几年？")
    assert "文库中没有" not in answer.answer
