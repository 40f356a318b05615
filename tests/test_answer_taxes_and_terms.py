"""Tax laws' own forms: a bound written 未超过, a rate printed 15％的税率, a body named by one word (海关),
terms listed as label and value (记大过，十八个月), things of one character (什么表, 什么税); a national law
named after a place answers for that place; the asker's case before the figure asked names nothing measured.
Each on laws built here."""
from __future__ import annotations

import pytest

from qa.answer import answer_question
from tests.conftest import engine_over, marked

TAX = """# 中华人民共和国货物税法

## 第一章 总则

第一条　为了规范货物税征收，制定本法。

第二条　本法所称小户纳税人，是指年应税销售额未超过五百万元的纳税人。

第三条　货物税税率为百分之三至百分之五。

第四条　国家需要重点扶持的企业，减按15％的税率征收货物税。

第五条　销售图书、报纸、杂志的，税率为百分之九。

## 第二章 征收管理

第六条　货物税由税务机关征收，进口货物的货物税由海关代征。

第七条　纳税人报送年度纳税申报表时，应当就其关联业务往来，附送年度关联业务往来报告表。

第八条　纳税人拒不缴纳税款的，税务机关可以向当地人民法院申请支付令。

第九条　受处分的期间为：警告，六个月；记过，十二个月；记大过，十八个月。
"""
COOPERATIVE = """# 中华人民共和国农村合作社法

第一条　为了规范农村合作社，制定本法。

第二条　农村合作社成员大会表决通过章程后，应当向县级以上地方人民政府农业农村主管部门申请登记。
"""
PORT = """# 中华人民共和国海南自由港法

第一条　为了建设海南自由港，制定本法。

第二条　全岛封关运作时，将增值税、消费税、车辆购置税等税费进行简并，在货物和服务零售环节征收销售税。

第三条　海警机构负责查处海上走私违法行为。

第四条　自由港税收优惠的调整幅度，由国务院规定。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory, {"tax.md": TAX, "port.md": PORT, "cooperative.md": COOPERATIVE})


def test_a_bound_written_with_a_negation_keeps_it(engine):
    assert marked(engine, "年应税销售额在多少以内的纳税人属于小户纳税人？") == "未超过五百万元"


def test_a_rate_printed_before_the_word_rate(engine):
    assert marked(engine, "国家需要重点扶持的企业，货物税减按多少税率征收？") == "15％"


def _tax_law(tax: str, first: str, second: str) -> str:
    """A tax law of two articles and twelve more on the tax's other matters, so that its words are rare enough."""
    topics = ["申报", "征收", "减免", "退还", "稽查", "登记", "宣传", "统计", "培训", "档案", "信息", "监督"]
    other = "".join(f"第{n + 3}条　{tax}的{topic}，由税务机关负责。\n\n" for n, topic in enumerate(topics))
    return f"# 中华人民共和国{tax}法\n\n第一条　{first}\n\n第二条　{second}\n\n" + other


def test_a_rate_asked_by_its_range(tmp_path_factory):
    deed = _tax_law("房屋税", "房屋税税率为百分之三至百分之五。", "具体适用税率，由省人民政府在前款规定的幅度内提出。")
    engine = engine_over(tmp_path_factory, {"deed.md": deed})
    # 幅度 names no thing: the rate of 房屋税 is the range asked, not another thing's figure
    assert marked(engine, "房屋税的税率幅度是多少？") == "百分之三至百分之五"


def test_which_things_a_stated_rate_applies_to_are_a_list(engine):
    answer = answer_question(engine, "销售哪些出版物适用百分之九的税率？")
    assert answer.answer_type == "list"
    assert answer.quotes[0].highlight == "图书、报纸、杂志"


def test_a_body_named_by_one_word(engine):
    assert marked(engine, "进口货物的货物税由哪个部门代征？") == "海关"


def test_a_thing_of_one_character_and_a_thing_applied_for(engine):
    assert marked(engine, "报送年度纳税申报表时，还要附送一张什么表？") == "年度关联业务往来报告表"
    assert marked(engine, "纳税人拒不缴纳税款的，税务机关可以向当地人民法院申请什么？") == "支付令"


def test_a_term_listed_after_its_label(engine):
    assert marked(engine, "受记大过处分的，处分期间是多长？") == "十八个月"


def test_a_document_adopted_before_the_asking_words_is_not_what_is_asked(engine):
    question = "农村合作社表决通过章程后，应当向哪个部门申请登记？"
    assert marked(engine, question) == "县级以上地方人民政府农业农村主管部门"


def test_a_national_law_named_after_a_place_answers_for_it(engine):
    answer = answer_question(engine, "在海南，海上走私违法行为由哪个机构负责查处？")
    assert answer.found and answer.quotes[0].highlight == "海警机构"
    assert marked(engine, "海南全岛封关以后，在货物和服务零售环节征收的是什么税？") == "销售税"
    assert marked(engine, "全岛封关运作时将哪些税费进行简并？") == "增值税、消费税、车辆购置税"


def test_the_askers_case_before_the_figure_asked_does_not_name_what_is_measured(tmp_path_factory):
    ships = _tax_law("船舶税", "船舶税的税率为百分之六。", "纳税人购置新船的，应当自购置之日起六十日内申报。")
    engine = engine_over(tmp_path_factory, {"ships.md": ships})
    # 新船 is the asker's case: the rate asked is the tax's, though the article on it never says 新船
    assert marked(engine, "我刚买了一艘新船，要交船舶税，税率是多少？") == "百分之六"
