"""Amendment texts and interpretations as the National People's Congress words them: an amendment quotes
the old wording before the new, and the new one is in force; 2001年章程修正案 is 章程修正案（2001年）;
第十三条的解释 names an interpretation, not an article to look up. And values such texts state: a term
asked in years without its kind, a fine from a share to a multiple, 连续 kept, two items of one kind, the
item said alike in parallel chunks, a body that is a 特别行政区政府, places listed up to one joined by 和. Each
on documents built here."""
from __future__ import annotations

import pytest

from qa.answer import answer_question
from qa.query import question_refs
from tests.conftest import engine_over, marked

OLD_AND_NEW = """# 章程修正案（2001年）

第十一条　章程第九条："协会理事会每届任期三年。"修改为："协会理事会每届任期五年。分会理事会每届任期三年。"

第十二条　章程第十二条："协会对回收站实行引导。"修改为："协会对回收站实行引导、监督和管理。"
"""

LATER_AMENDMENT = """# 章程修正案（2009年）

第一条　章程第五条修改为："回收站的基础是回收员集体所有制，即全民所有制和劳动群众集体所有制。"

第二条　章程序言末尾增加："协会领导的多党合作和政治协商制度将长期存在和发展。"
"""

INTERPRETATION = """# 全国人民代表大会常务委员会关于《中华人民共和国旧物回收法》第十三条的解释

一、旧物回收法第十三条所称回收委员会，是指旧物回收委员会。旧物回收委员会承担维护回收秩序的法定职责。

二、回收站在认定旧物是否属于危险品时，应当向回收委员会提出并取得其发出的证明书。根据《中华人民共和国旧物回收法》第四十七条的规定，证明书对回收站有约束力。

三、本解释的立法原意，已体现在2001年8月10日回收筹备委员会通过的意见中。
"""

OTHER_LAW = """# 中华人民共和国旧物运输法

第十三条　运输旧物应当办理运输证。
"""

PENALTIES = """# 旧物刑事规定

第一条　偷运旧物，尚未造成严重后果的，处三年以上十年以下有期徒刑。

第二条　生产不合格回收设备的，并处销售金额百分之五十以上二倍以下罚金。

第三条　在回收站通常居住连续七年以上的回收员，可以申请成为永久会员。

第四条　举办大型回收活动违反安全管理规定的，在刑法第一百三十五条后增加一条。

第五条　家庭承包的耕地的承包期为三十年，草地的承包期为三十年至五十年，林地的承包期为三十年至七十年。
"""

ZHUHAI = """# 珠海市旧物回收管理规定

第一条　回收站理事的产生办法由市人民政府规定。修改回收站理事产生办法的方案，应由珠海市人民政府向市人民代表大会常务委员会提出。

第二条　回收站的设立，由回收站向其所在地区的有关机关申请办理批准手续。

第三条　回收站依照章程规定，通过回收员代表大会和其他形式，实行民主管理。

第四条　回收站是否需要调整，由回收站负责人向澳门特别行政区政府提出报告。
"""


SOLAR = """# 四川省旧物回收规划

一、旧物回收站主要集中在川西高原的阿坝州、甘孜州、凉山州和攀枝花市“三州一市”，可利用闲置土地建设。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory, {
        "old_and_new.md": OLD_AND_NEW, "later.md": LATER_AMENDMENT, "interpretation.md": INTERPRETATION,
        "transport.md": OTHER_LAW, "penalties.md": PENALTIES, "zhuhai.md": ZHUHAI,
        "solar.md": SOLAR})


def test_the_new_wording_answers_and_the_old_only_when_asked(engine):
    assert marked(engine, "按照2001年章程修正案，协会理事会每届任期多长？") == "五年"
    assert marked(engine, "章程修正案（2001年）修改前，协会理事会每届任期多长？") == "三年"


def test_a_year_before_an_edition_names_that_edition(engine):
    answer = answer_question(engine, "2001年章程修正案规定，协会对回收站实行哪几方面的管理？")
    assert answer.quotes[0].document == "章程修正案（2001年）"
    assert answer.quotes[0].highlight == "引导、监督和管理"


def test_the_articles_an_interpretation_is_of_name_it_and_cite_nothing(engine):
    assert question_refs("按照对旧物回收法第十三条的解释，谁承担维护回收秩序的法定职责？") == []
    assert question_refs("人大常委会关于旧物法第二十二条第四款和第二十四条第二款第（三）项的解释，第一条讲了什么？") == [("条", 1)]
    assert marked(engine, "按照对旧物回收法第十三条的解释，由哪个机构承担维护回收秩序的法定职责？") == "旧物回收委员会"
    # the article of a law held only through its interpretation is not another law's article of that number
    assert marked(engine, "旧物回收法第十三条的立法原意，体现在筹备委员会哪一天通过的意见里？") == "2001年8月10日"


def test_a_law_cited_as_the_ground_of_a_rule_is_not_the_paper_it_names(engine):
    assert marked(engine, "认定旧物是不是危险品，回收站要取得回收委员会发出的什么文件？") == "证明书"


@pytest.mark.parametrize("question, expected", [
    ("偷运旧物还没造成严重后果的，要判几年？", "三年以上十年以下"),
    ("偷运旧物还没造成严重后果的，要判多重的刑？", "三年以上十年以下有期徒刑"),
    ("生产不合格回收设备的，罚金是销售金额的多少？", "百分之五十以上二倍以下"),
    ("回收员在回收站通常居住多久可以申请成为永久会员？", "连续七年以上"),
    ("家庭承包的林地，承包期是多长？", "三十年至七十年"),
])
def test_terms_fines_and_spans_as_asked(engine, question, expected):
    assert marked(engine, question) == expected


@pytest.mark.parametrize("question", [
    "偷运旧物的“情节严重”是指货值达到多少？",
    "举办大型回收活动发生重大伤亡事故，是指死亡几人以上？",
])
def test_a_value_in_another_measure_is_no_answer(engine, question):
    assert not answer_question(engine, question).found


@pytest.mark.parametrize("question, expected", [
    ("回收站的基础包括哪两种所有制？", "全民所有制和劳动群众集体所有制"),
    ("2009年章程修正案在序言里写进了哪项要长期存在和发展的制度？", "多党合作和政治协商制度"),
    ("旧物回收站主要集中的“三州一市”具体指哪些地方？", "阿坝州、甘孜州、凉山州和攀枝花市"),
])
def test_two_names_of_one_kind_joined_by_he(engine, question, expected):
    assert marked(engine, question) == expected


@pytest.mark.parametrize("question, expected", [
    ("修改珠海回收站理事产生办法的方案，应该由谁提出？", "珠海市人民政府"),
    ("设立回收站要向哪里申请办理批准手续？", "其所在地区的有关机关"),
    ("回收站搞民主管理，主要通过什么机构来实行？", "回收员代表大会"),
    ("回收站要不要调整，负责人应当向哪个机关提出报告？", "澳门特别行政区政府"),
])
def test_bodies_as_the_text_names_them(engine, question, expected):
    assert marked(engine, question) == expected


def test_a_bodys_decision_on_a_subject_the_library_lacks_is_not_in_the_library(engine):
    answer = answer_question(engine, "珠海市关于促进旧物产业发展的条例规定了哪些扶持措施？")
    assert not answer.found and "文库中没有" in answer.answer
