"""What a question names besides its subject: places and levels choose documents, clause positions are
looked up, and names are not evidence inside a clause."""
from __future__ import annotations

import pytest

from index.tokenize import normalize
from qa.doc_scope import document_scope
from qa.engine import Engine
from qa.places import COUNTY, PREFECTURE, PROVINCIAL, gazetteer
from qa.query import cites, path_fragment, path_refs, question_refs, read_question
from tests.conftest import engine_over

MEASURE = ("一、重点任务\n（一）交通\n1．加快充电设施建设。推进公共停车场充电桩建设，鼓励开展光储充一体化项目建设。\n"
           "2．推广节能灯具。公共机构全面使用高效照明产品。\n（二）建筑\n3．发展装配式建筑。新建公共建筑全面执行绿色建筑标准。\n")
LAW = "\n".join(f"第{n}条 {text}" for n, text in (
    ("一", "为了规范碳排放权交易，制定本条例。"), ("二", "重点排放单位应当按时清缴配额。"),
    ("三", "国家鼓励企业开展温室气体自愿减排项目。"), ("四", "违反本条例规定的，处五万元以上五十万元以下的罚款。")))

ENERGY_LAW = "\n".join(f"第{n}条 {text}" for n, text in (
    ("一", "为了推动全社会节约能源，制定本法。"), ("二", "本法所称能源，是指煤炭、石油、天然气、生物质能和电力。"),
    ("三", "节约资源是我国的基本国策。"), ("四", "用能单位应当加强节能管理，降低单位产值能耗。")))


def _document(title: str, body: str, issuer: str) -> str:
    return f"{title}\n\n{body}\n{issuer}\n2022年5月1日\n"


@pytest.fixture(scope="module")
def engine(tmp_path_factory) -> Engine:
    cover = "江海区各镇街、各部门：现将江海区方案印发给你们，江海区各单位请认真贯彻执行。江海区人民政府办公室。\n"
    return engine_over(tmp_path_factory, {
        "national.txt": _document("国务院关于充电设施建设的实施方案", MEASURE, "国务院"),
        "district.txt": _document("江门市江海区充电设施建设实施方案", cover + MEASURE, "江门市江海区人民政府"),
        "province.txt": _document("江西省充电设施建设实施方案", MEASURE, "江西省人民政府"),
        "law.txt": _document("碳排放权交易管理条例", LAW, ""),
        "energy_law.txt": _document("中华人民共和国节约能源法", ENERGY_LAW, "")})


@pytest.mark.parametrize("question, document", [
    ("国务院对充电桩建设有什么要求？", "国务院"), ("全国层面对充电桩建设有什么要求？", "国务院"),
    ("江海区对充电桩建设有什么要求？", "江海区"), ("江西充电桩建设有什么要求？", "江西省"),
    ("省级方案对充电桩建设有什么要求？", "江西省"), ("省一级对充电桩建设有什么要求？", "江西省"),
    ("区一级对充电桩建设有什么要求？", "江海区")])
def test_a_named_place_or_level_puts_its_document_first(engine, question, document):
    assert document in engine.search(question).hits[0].document


def test_a_named_place_is_not_evidence_inside_a_clause(engine):
    """The cover letter repeats 江海区 four times; the clause that answers is the charging item."""
    hit = engine.search("江海区充电桩建设有什么要求？").hits[0]
    assert "充电桩" in hit.text and hit.clause == "一、（一）1"


def test_without_a_place_the_library_s_own_plan_comes_first_then_the_same_measure_elsewhere(engine):
    """The district plan is the library's most local one (qa.home); its cover, which prints the title,
    does not come before the other plans' measure."""
    hits = engine.search("充电桩建设有什么要求？", top_k=3).hits
    assert "江海区" in hits[0].document
    assert {hit.clause for hit in hits} == {"一、（一）1"}
    assert len({hit.document for hit in hits}) == 3


@pytest.mark.parametrize("question, clause", [
    ("碳排放权交易管理条例第三条规定了什么？", "第三条"), ("第四条讲什么", "第四条"),
    ("江西方案一、（二）第3项", "一、（二）3"), ("江西方案第一部分第（二）项下面的第3条是什么", "一、（二）3")])
def test_a_cited_clause_is_looked_up(engine, question, clause):
    assert engine.search(question).hits[0].clause == clause


@pytest.mark.parametrize("question", ["节约能源法第四条规定了什么？", "《节约能源法》第四条规定了什么？"])
def test_a_cited_article_of_a_named_law_is_that_law_s_article(engine, question):
    """Both laws have a 第四条; the other one's says 规定, the words the question has left."""
    hit = engine.search(question).hits[0]
    assert (hit.document, hit.clause) == ("中华人民共和国节约能源法", "第四条")


def test_clause_references_are_read_from_questions_and_paths():
    assert question_refs("二、（八）第21项是什么") == [("一、", 2), ("（一）", 8), ("1.", 21)]
    assert question_refs("能源法第二十八条规定了什么？") == [("条", 28)]
    assert question_refs("第三部分第（二）项") == [("一、", 3), ("（一）", 2)]
    assert question_refs("（六）的第16条讲的是什么") == [("（一）", 6), ("1.", 16)]  # no article inside a （一）
    assert question_refs("2030年光伏装机目标") == []
    assert path_refs("第四章 第二节 第四十条") == [("章", 4), ("节", 2), ("条", 40)]
    # a code's articles run past a thousand (生态环境法典第一千一百三十四条)
    assert path_fragment([("条", 1134)]) == "第一千一百三十四条" and path_fragment([("条", 1010)]) == "第一千零一十条"
    assert cites("二、（四）12", [("一、", 2), ("1.", 12)]) and not cites("二、（四）11", [("1.", 12)])


def test_places_levels_and_documents_are_read_from_a_question():
    reading = read_question("恩平市2025年光伏装机目标是多少？")
    assert [p.name for p in reading.places] == ["恩平市"] and "恩平" not in reading.text
    assert read_question("国家层面对新建建筑有什么要求").national
    assert not read_question("国家标准怎么执行").national and not read_question("新建建筑").places
    assert read_question("《能源法》第二条").titles == ["能源法"]


@pytest.mark.parametrize("title, name, level", [
    ("江门市江海区碳达峰实施方案", "江海区", COUNTY), ("台山市碳达峰实施方案", "台山市", COUNTY),
    ("江西省碳达峰实施方案", "江西省", PROVINCIAL), ("上海市碳达峰实施方案", "上海市", PROVINCIAL),
    ("深圳经济特区绿色建筑条例", "深圳市", PREFECTURE), ("绿色金融支持三明碳达峰、碳中和工作方案", "三明市", PREFECTURE)])
def test_a_documents_region_is_read_from_its_title(title, name, level):
    region = gazetteer().region_of(title)
    assert region.name == name and region.level == level


def test_a_level_named_in_words_is_read_and_matched_to_regions():
    from qa.doc_scope import is_of_level

    assert read_question("省级碳达峰方案对垃圾利用率有什么目标？").levels == ["省"]
    assert read_question("市级方案里充电桩目标是多少").levels == ["市"] and read_question("城市级别").levels == []
    assert read_question("区一级有什么要求").levels == ["区县"] and not read_question("充电桩建设").levels
    assert read_question("省级财政部门要承担什么职责？").levels == []
    assert read_question("我们区里有什么要求").levels == ["区县"]
    assert read_question("一个片区里最多能拆多少老房子？").levels == [] and read_question("城市里的公交").levels == []
    assert read_question("如果只是某个省里的部分地区要戒严，戒严令由谁来发布？").levels == []
    assert read_question("每个县里最多建几座垃圾焚烧厂？").levels == []
    places = gazetteer().names
    assert is_of_level(places["上海市"][0], "省") and is_of_level(places["上海市"][0], "市")
    assert is_of_level(places["江门市"][0], "市") and not is_of_level(places["江门市"][0], "省")
    assert is_of_level(places["江海区"][0], "区县") and not is_of_level(places["江西省"][0], "区县")


def test_a_bay_or_island_named_after_a_place_is_not_that_place():
    assert read_question("镇海湾的海上风电项目规模多大？").places == []
    assert [p.name for p in read_question("深圳市深圳湾片区").places] == ["深圳市"]
    assert [p.name for p in read_question("镇海区有哪些项目").places] == ["镇海区"]
    assert read_question("在沿海海域划定船舶大气污染物排放控制区").places == []


def test_a_national_title_has_no_region():
    assert gazetteer().region_of("中华人民共和国能源法") is None
    assert gazetteer().region_of("城乡建设领域碳达峰实施方案") is None


def test_a_sentence_using_an_abbreviation_holds_the_evidence_of_its_parts():
    from qa.fusion import best_sentence_share

    evidence = {"光伏": 1.0, "储能": 1.0, "充电": 1.0}
    text = "推进公共停车场建设。鼓励开展光储充一体化项目建设。"
    assert best_sentence_share(text, evidence) == 0.0
    assert best_sentence_share(text, evidence, [("光储充", ["光伏", "储能", "充电"])]) == 1.0


def test_a_cited_chapter_asked_what_it_says_reads_from_its_first_article(tmp_path_factory):
    """The chapter's later article says 规定 and 内容 often; the question asks what the chapter says, so the
    chapter comes as the law reads it. A chapter asked about a subject still ranks by that subject."""
    law = ("某省节水条例\n第一章 总则\n第一条 为了节约用水，制定本条例。\n第二条 本省行政区域内的用水活动适用本条例。\n"
           "第二章 用水管理\n第三条 用水单位应当安装计量设施，按月记录用水量。\n"
           "第四条 取水许可的规定内容由省人民政府规定，规定内容包括取水量和取水期限。\n"
           "第五条 公共供水企业应当定期检测管网漏损。\n第三章 法律责任\n第六条 违反本条例的，责令改正。\n")
    engine = engine_over(tmp_path_factory, {"law.txt": law})
    hits = engine.search("某省节水条例第二章规定了哪些内容？", top_k=3).hits
    assert [hit.clause for hit in hits] == ["第二章 第三条", "第二章 第四条", "第二章 第五条"]
    assert engine.search("某省节水条例第二章对管网漏损有什么要求？").hits[0].clause == "第二章 第五条"


def test_a_place_inside_a_spelled_out_title_names_no_other_document_of_that_place(tmp_path_factory):
    """Both documents are 香港's and both have a 第二条; the question spells out one title, whose place is
    part of it, so the other document is only near the place named."""
    basic = "# 中华人民共和国香港特别行政区基本法\n\n第一条　香港特别行政区是中华人民共和国不可分离的部分。\n\n" \
            "第二条　全国人民代表大会授权香港特别行政区依照本法的规定实行高度自治。\n"
    other = "# 中华人民共和国香港特别行政区维护国家安全法\n\n第一条　为了维护国家安全，制定本法。\n\n" \
            "第二条　香港特别行政区基本法第一条和第十二条规定是香港特别行政区基本法的根本性条款，香港特别行政区基本法" \
            "的规定应当遵守。\n"
    engine = engine_over(tmp_path_factory, {"basic.md": basic, "security.md": other})
    question = "香港特别行政区基本法第二条是怎么规定的？"
    hit = engine.search(question).hits[0]
    assert (hit.document, hit.clause) == ("中华人民共和国香港特别行政区基本法", "第二条")
    library = engine.library()
    text = normalize(question)
    reading = read_question(text, list(library.names.keys))
    scope = dict(zip(library.titles, document_scope(library, text, reading, library.title_index.per_document(text))))
    assert scope["中华人民共和国香港特别行政区基本法"] == 1.0
    assert scope["中华人民共和国香港特别行政区维护国家安全法"] == 0.5  # near the place, not named


def test_a_ministry_named_in_a_question_asks_about_national_documents(tmp_path_factory):
    """The ministry's plan printed without its issuer: 住建部 still says which level is asked, and the
    district plan, the library's own, no longer comes first with the same measure."""
    measure = "一、重点任务\n（一）建筑\n1．发展绿色建筑。到2025年，城镇新建建筑全面执行绿色建筑标准，星级绿色建筑占比达到{}。\n"
    engine = engine_over(tmp_path_factory, {
        "ministry.txt": _document("城乡建设领域绿色建筑实施方案", measure.format("30%"), ""),
        "district.txt": _document("江门市江海区绿色建筑实施方案", measure.format("40%"), "江门市江海区人民政府")})
    assert "江海区" in engine.search("星级绿色建筑占比要达到多少？").hits[0].document
    for question in ("住建部的方案要求星级绿色建筑占比达到多少？", "住房和城乡建设部对星级绿色建筑占比有什么要求？"):
        assert engine.search(question).hits[0].document == "城乡建设领域绿色建筑实施方案"


def test_a_department_of_any_level_or_a_local_body_is_not_the_national_level():
    assert read_question("住建部的方案").national and read_question("国家发改委印发的通知").national
    assert not read_question("省级生态环境部门核查排放报告").national
    assert not read_question("财政部门负责什么").national and not read_question("市发改委牵头").national
    assert not read_question("生态环境部的办法", ["生态环境部"]).national  # it issued a document: that one
