"""Answer types: what a question asks for, the span that answers in a sentence, 分别 pairing, the facts of
a document, and what the library does not hold — each on text built here."""
from __future__ import annotations

import re

import pytest

from ingest.records import Document
from qa.answer import answer_question
from qa.answer_types import DATE, DOC_NUMBER, ENTITY, LEVEL, LIST, ORG, QUANTITY, asked_type
from qa.doc_answer import asked_fact, read_fact
from qa.engine import Engine
from qa.spans import respective_span, value_spans
from tests.conftest import engine_over


@pytest.mark.parametrize("question, kind", [
    ("光伏装机容量目标是多少？", QUANTITY), ("公示期要多久？", QUANTITY), ("本条例什么时候施行？", DATE),
    ("哪个部门牵头？", ORG), ("这个方案的文号是什么？", DOC_NUMBER), ("能耗要达到什么水平？", LEVEL),
    ("重点发展哪些产业？", LIST), ("要打造什么示范区？", ENTITY), ("放在哪几个城市？", LIST),
    ("新型储能装机 国家层面2025年目标", QUANTITY), ("什么是碳普惠？", None),
    ("输变电工程叫什么？", ENTITY), ("在哪座水电站投产？", ENTITY), ("哪部条例同时废止？", ENTITY),
    ("哪个部门负责？", ORG), ("增加的面积会不会占用容积率指标？", None),
    ("新建农房要执行哪个设计标准？", ENTITY), ("超高层建筑要达到哪个等级的标准？", ENTITY)])
def test_the_kind_of_value_is_read_from_the_question(question, kind):
    assert asked_type(question) == kind


def spans(text: str, kind: str, **options) -> list[str]:
    return [text[a:b] for a, b in value_spans(text, kind, **options)]


@pytest.mark.parametrize("text, expected", [
    ("到2025年，非化石能源消费比重力争达到32%左右。", ["力争达到32%左右"]),
    ("光伏 发电装机容量达到80 万千瓦以上。", ["80 万千瓦以上"]),
    ("处50万元以上500万元以下的罚款。", ["50万元以上500万元以下"]),
    ("处一万元以上十万元以下的罚款。", ["一万元以上十万元以下"]),
    ("公示期不少于7个工作日。", ["不少于7个工作日"]),
    ("新建数据中心PUE不高于1.3。", ["不高于1.3"]),
    ("使用其他土地的，最高不得超过一百四十平方米。", ["最高不得超过一百四十平方米"]),
    ("年综合能耗超过1万吨标准煤的数据中心应当公开。", []),
    ("原辅料台账保存期限不得少于三年。", ["不得少于三年"]),
    ("年度用能超过标准约束值百分之五十以上的，应当进行节能改造。", ["百分之五十以上"]),
    ("应当自公告之日起六十日内足额支付。", ["六十日内"]),
    ("严禁新建1000万吨/年以下常减压装置。", ["1000万吨/年以下"]),
    ("新建各类充电桩20万个。", ["20万个"]),
])
def test_a_quantity_keeps_its_unit_and_qualifiers(text, expected):
    assert spans(text, QUANTITY) == expected


def test_dates_organisations_numbers_levels_and_lists_are_marked_verbatim():
    assert spans("本法自2025年1月1日起施行，2025年底前完成。", DATE) == ["2025年1月1日", "2025年底前"]
    assert spans("重点排放单位应当于每年3月31日前报送排放报告。", DATE) == ["每年3月31日前"]
    assert spans("推动百威（武汉）啤酒有限公司打造碳中和工厂。", ORG) == ["百威（武汉）啤酒有限公司"]
    note = "推进充电设施建设。（牵头单位：市发展改革局、市交通运输局）"
    assert spans(note, ORG, responsible=True) == ["市发展改革局、市交通运输局"]
    assert spans("关于印发的通知 国发〔2021〕23号", DOC_NUMBER) == ["国发〔2021〕23号"]
    assert spans("碳排放控制达到全市平均水平。", LEVEL) == ["全市平均水平"]
    assert spans("加强红树林保护，打造镇海湾万亩红树林示范区。", ENTITY) == ["镇海湾万亩红树林示范区"]
    assert spans("重点发展新能源电池材料、高端装备制造、电子信息等产业。", LIST) == ["新能源电池材料、高端装备制造、电子信息"]


@pytest.mark.parametrize("sentence, question, value", [
    ("营运车辆、船舶单位换算周转量碳排放强度比2020年分别下降10%、5%。", "船舶碳排放强度下降多少？", "5%"),
    ("2025年和2030年，全国短流程炼钢占比分别提升至15%、20%以上。", "2030年短流程炼钢占比多少？", "20%以上"),
    ("建成阿坝州、甘孜州、凉山州光伏发电项目各约220万千瓦、440万千瓦、220万千瓦。", "甘孜州光伏规模多大？", "440万千瓦"),
])
def test_respectively_pairs_each_item_with_its_value(sentence, question, value):
    start, end = respective_span(sentence, question)
    assert sentence[start:end] == value


def test_a_question_naming_no_single_item_gets_no_pairing():
    assert respective_span("营运车辆、船舶碳排放强度分别下降10%、5%。", "碳排放强度下降多少？") is None


LAW = ("中华人民共和国示例法\n2020年1月1日第十三届全国人民代表大会常务委员会第一次会议通过 "
       "2023年6月1日第十四届全国人民代表大会常务委员会第三次会议修正\n第一条 为了示例，制定本法。\n"
       "第二条 本法自2024年1月1日起施行。")


@pytest.mark.parametrize("question, value", [
    ("示例法什么时候施行？", "2024年1月1日"), ("示例法是哪天通过的？", "2020年1月1日"),
    ("示例法最近一次修正是什么时候？", "2023年6月1日"),
    ("示例法是哪个机关审议通过的？", "第十三届全国人民代表大会常务委员会")])
def test_facts_of_a_document_are_read_where_its_text_states_them(question, value):
    document = Document("d", "中华人民共和国示例法", "law.md", text=LAW, issuer="全国人民代表大会常务委员会")
    fact = read_fact(document, asked_fact(question, asked_type(question)))
    assert fact.value == value and LAW[fact.position:].startswith(value)


PLAN = """台山市示例实施方案
台府〔2024〕9号
一、主要目标
到2025年，全市光伏装机容量达到30万千瓦以上，森林覆盖率达到62%。
二、重点任务
1．推进分布式光伏建设。公共建筑屋顶光伏覆盖率力争达到50%。（牵头单位：市发展改革局）
台山市人民政府
2024年8月5日
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory) -> Engine:
    return engine_over(tmp_path_factory, {"plan.txt": PLAN})


def test_in_a_list_of_values_the_one_next_to_the_asked_words_is_marked(engine):
    from qa.value_choice import best_span
    from qa.evidence import evidence_of

    sentence = "到2025年，各区分别建成1个试点园区、5家试点学校以及10家试点企业。"
    question = "每个区要建成几家试点企业？"
    start, end = best_span(sentence, QUANTITY, evidence_of(question), question)
    assert sentence[start:end] == "10家"


@pytest.mark.parametrize("sentence, question, value", [
    ("城镇新建居住建筑能效水平提升30%城镇新建公共建筑能效水平提升20%", "城镇新建公共建筑能效水平要提升多少？", "20%"),
    ("新增和更新巡游出租汽车新能源和清洁能源占比80％。", "新增巡游出租汽车中新能源要占多少？", "80％"),
    ("县城新建住宅以6层为主，最高不超过18层。", "县城新建住宅最高不超过多少层？", "18层")])
def test_a_value_is_read_with_its_printed_unit_and_its_own_words_in_a_flattened_table(sentence, question, value):
    from qa.value_choice import best_span
    from qa.evidence import evidence_of

    start, end = best_span(sentence, QUANTITY, evidence_of(question), question)
    assert sentence[start:end].endswith(value)


def test_an_answer_marks_the_asked_value_and_says_its_type(engine):
    answer = answer_question(engine, "台山2025年森林覆盖率要达到多少？")
    assert answer.found and answer.answer_type == QUANTITY and answer.quotes[0].highlight == "62%"
    lead = answer_question(engine, "屋顶光伏由哪个部门牵头？")
    assert lead.found and lead.quotes[0].highlight == "市发展改革局"


def test_a_document_fact_comes_from_the_record_cited_where_it_is_printed(engine):
    answer = answer_question(engine, "台山市示例实施方案的文号是什么？")
    assert answer.found and answer.quotes[0].highlight == "台府〔2024〕9号"
    assert "台府〔2024〕9号" in answer.quotes[0].text and answer.quotes[0].citation.startswith("《台山市示例实施方案》")


WEB_PAGE = ("索引号：11440781/2023-00012\t分类：通知\n发布机构：青石市人民政府办公室\t成文日期：2023-03-02\n"
            "文号：青府办〔2023〕4号\t发布日期：2023-03-09\n青石市节水行动方案\n一、主要目标\n"
            "到2025年，全市万元地区生产总值用水量比2020年下降16%。\n二、重点任务\n1．推广节水器具。公共机构全面使用节水器具。\n"
            "青石市人民政府办公室\n2023年3月2日\n")
SIGNED = ("湖滨省节能技术推广办法\n一、总则\n为推广先进节能技术，制定本办法。\n二、附则\n本办法自印发之日起施行。\n"
          "湖滨省发展和改革委员会\n2022年6月8日\n")


def test_a_web_page_s_labelled_facts_and_the_signature_are_clauses_a_question_finds(tmp_path_factory):
    engine = engine_over(tmp_path_factory, {"water.txt": WEB_PAGE, "saving.txt": SIGNED})
    plan = next(d for d in engine.store.documents() if d.title == "青石市节水行动方案")
    head = engine.store.clauses([plan.doc_id])[0]
    assert head.clause == "前言" and "发布机构：青石市人民政府办公室" in head.text and "索引号" not in head.text
    hit = engine.search("青石市节水行动方案的发布机构和成文日期是什么？").hits[0]
    assert "青石市人民政府办公室" in hit.text and re.search("2023-03-02|2023年3月2日", hit.text)
    hit = engine.search("湖滨省节能技术推广办法是哪天印发的？").hits[0]
    assert (hit.clause, hit.text) == ("落款", "湖滨省发展和改革委员会\n2022年6月8日")
    answer = answer_question(engine, "湖滨省节能技术推广办法的文号是什么？")
    assert not answer.found and answer.answer == "《湖滨省节能技术推广办法》的正文和文件信息中没有写明文号。"
    answer = answer_question(engine, "青石市节水行动方案的发布日期是什么？")
    assert answer.found and answer.quotes[0].highlight == "2023-03-09" and answer.quotes[0].citation.endswith("前言")


@pytest.mark.parametrize("question, says", [
    ("恩平市2025年光伏装机目标是多少？", "文库中没有恩平市的文件"),
    ("台山2040年森林覆盖率目标是多少？", "没有提到2040年"),
    ("《可再生能源法》对光伏有什么规定？", "文库中没有《可再生能源法》"),
])
def test_what_the_library_does_not_hold_is_said_plainly(engine, question, says):
    answer = answer_question(engine, question)
    assert not answer.found and says in answer.answer and answer.quotes == []


def test_a_question_about_a_year_is_answered_from_a_clause_that_names_it(tmp_path_factory):
    plan = ("某市森林建设方案\n一、重点任务\n1．提升森林质量。实施森林抚育，森林覆盖率稳步提高，到2030年森林覆盖率达到65%。\n"
            "二、主要目标\n到2025年，全市森林覆盖率达到60%，森林蓄积量持续增长。\n")
    engine = engine_over(tmp_path_factory, {"forest.txt": plan})
    answer = answer_question(engine, "2025年森林覆盖率目标是多少？")
    assert answer.found and answer.quotes[0].highlight == "60%"
    assert not answer_question(engine, "2035年森林覆盖率目标是多少？").found


def test_an_organisation_keeps_the_office_named_after_it():
    text = "中长期发展目标由国务院能源主管部门会同国务院有关部门制定；市生态环境部门负责披露。"
    found = spans(text, ORG)
    assert found[0] == "国务院能源主管部门" and found[-1] == "市生态环境部门"


@pytest.mark.parametrize("text, nouns, expected", [
    ("大力推进110千伏金瓯输变电工程等电网工程建设。", ["输变电工程"], "110千伏金瓯输变电工程"),
    ("推动国能台山电厂2号发电机组超超临界改造。", ["机组", "机组搞"], "国能台山电厂2号发电机组"),
    ("本条例自2022年5月1日起施行，《福建省环境保护条例》同时废止。", ["原有", "原有条例"], "福建省环境保护条例"),
    ("推动“江海智造”品牌走出去。", ["制造业品牌"], "江海智造"),
])
def test_a_name_is_the_one_ending_in_the_noun_the_question_asks_about(text, nouns, expected):
    assert spans(text, ENTITY, names=nouns)[0] == expected


def test_a_value_in_another_measure_than_asked_is_no_answer(engine):
    answer = answer_question(engine, "台山公共建筑屋顶要建多少个光伏？")
    assert not answer.found
    assert answer_question(engine, "台山2025年光伏装机容量要达到多少万千瓦？").quotes[0].highlight == "30万千瓦以上"


def test_a_named_document_of_another_place_is_not_the_one_held(engine):
    answer = answer_question(engine, "《广州市示例实施方案》的文号是什么？")
    assert not answer.found and "《广州市示例实施方案》" in answer.answer


def test_a_value_that_describes_something_answers_a_question_asking_for_it():
    text = "年度温室气体排放量达到2.6万吨二氧化碳当量的单位应当列入名录。"
    assert spans(text, QUANTITY) == []
    assert spans(text, QUANTITY, attributes=True) == ["2.6万吨二氧化碳当量"]


@pytest.mark.parametrize("question", ["《台山市示例建筑节能实施方案》的文号是什么？", "《示例实施方案》的文号是什么？"])
def test_a_named_document_about_something_else_or_of_no_place_is_not_held(engine, question):
    assert not answer_question(engine, question).found


@pytest.mark.parametrize("text, kind, options, expected", [
    ("实施中遇到的问题及时向市发展和改革局反映。", ORG, {}, ["市发展和改革局"]),
    ("由省住房和城乡建设厅和省生态环境厅负责。", ORG, {}, ["省住房和城乡建设厅和省生态环境厅"]),
    ("本条例自2022年7月1日起施行，《某市建筑节能条例》同时废止。", ENTITY, {"names": ["法规"]}, ["某市建筑节能条例"]),
    ("研究设立国家低碳转型基金，支持传统产业转型。", ENTITY, {"names": ["基金"]}, ["国家低碳转型基金"]),
    ("到2025年，除钢铁、电力、石化行业以外，其他行业用煤单位全部清零。", LIST, {}, ["钢铁、电力、石化行业"]),
])
def test_names_joined_by_he_laws_funds_and_exceptions_are_marked_whole(text, kind, options, expected):
    assert spans(text, kind, **options) == expected


@pytest.mark.parametrize("question, kind", [
    ("生态廊道最窄要留多宽？", QUANTITY), ("研究设立什么基金？", ENTITY), ("同时废止了哪部法规？", ENTITY)])
def test_widths_funds_and_laws_are_asked_values(question, kind):
    assert asked_type(question) == kind


def test_a_value_set_for_another_year_or_from_another_baseline_is_no_answer(tmp_path_factory):
    plan = ("某区能源发展方案\n一、主要目标\n1．优化能源结构。到2025年，天然气发电装机规模达到15万千瓦以上。"
            "到2030年，光伏发电装机容量达到80万千瓦以上，湿地保护率达到60%，单位地区生产总值二氧化碳排放比2005年下降65%以上，"
            "万元产值能耗比2020年下降13.5%。\n" + "".join(f"{n}．{topic}。推进{topic}工作，完善{topic}机制。\n" for n, topic in
            enumerate(["绿色交通", "建筑节能", "循环经济", "农业减排", "森林碳汇", "低碳社区"], start=2)))
    engine = engine_over(tmp_path_factory, {"energy.txt": plan})
    assert answer_question(engine, "到2030年光伏发电装机容量要达到多少？").quotes[0].highlight == "80万千瓦以上"
    assert not answer_question(engine, "到2025年光伏发电装机容量要达到多少？").found
    assert answer_question(engine, "到2030年二氧化碳排放比2005年下降多少？").quotes[0].highlight == "65%以上"
    assert answer_question(engine, "到2030年湿地保护率要达到多少？").quotes[0].highlight == "60%"


def test_a_city_named_before_its_district_does_not_hide_the_district_plan(tmp_path_factory):
    plan = "江门市江海区绿色发展方案\n一、主要目标\n1．发展光伏。到2030年，光伏发电装机容量达到80万千瓦以上。\n"
    engine = engine_over(tmp_path_factory, {"jianghai.txt": plan})
    answer = answer_question(engine, "江门市江海区到2030年光伏发电装机容量要达到多少？")
    assert answer.found and answer.quotes[0].highlight == "80万千瓦以上"
    assert not answer_question(engine, "江门市到2030年光伏发电装机容量要达到多少？").found


def test_a_published_date_is_the_page_s_own_not_the_signing_date():
    document = Document(doc_id="d", title="某市方案", source="s", doc_number="", issuer="某市人民政府",
                        date_written="2024-08-05", date_published="2024-08-12", sha256="", text="某市方案\n正文。\n某市人民政府\n2024年8月5日", clauses=1)
    assert read_fact(document, asked_fact("某市方案是哪天发布的？", DATE)).value == "2024-08-12"
    assert read_fact(document, asked_fact("某市方案是哪天印发的？", DATE)).value == "2024年8月5日"
    assert read_fact(document, asked_fact("某市方案是哪天对外发布的？", DATE)).value == "2024-08-12"
    assert read_fact(document, asked_fact("某市方案是什么时候正式印发的？", DATE)).value == "2024年8月5日"


def test_a_fall_is_answered_by_a_fall_and_a_cited_article_by_that_article(tmp_path_factory):
    plan = ("某市低碳方案\n一、主要目标\n1．总体目标。到2030年，非化石能源消费比重力争达到25%，单位生产总值能耗比2020年下降14%，"
            "铁钢比降到0.75以下。\n" + "".join(f"{n}．{topic}。推进{topic}工作，完善{topic}机制。\n" for n, topic in
            enumerate(["绿色交通", "建筑节能", "循环经济", "农业减排", "森林碳汇", "低碳社区"], start=2)))
    law = ("某省节能条例\n第一条 为了节约能源，制定本条例。\n第二条 违反规定超标用能的，处五万元以上五十万元以下的罚款。\n"
           "第三条 拒不改正的，处应缴费用一倍以上三倍以下的罚款。\n第四条 本条例自2024年1月1日起施行。\n")
    engine = engine_over(tmp_path_factory, {"plan.txt": plan, "law.txt": law})
    assert answer_question(engine, "到2030年单位生产总值能耗比2020年下降多少？").quotes[0].highlight == "14%"
    assert answer_question(engine, "到2030年铁钢比要降到多少？").quotes[0].highlight == "0.75以下"
    assert answer_question(engine, "某省节能条例第二条规定的罚款幅度是多少？").quotes[0].highlight == "五万元以上五十万元以下"


def test_a_name_starts_after_the_verb_that_sets_it_up_and_a_plant_is_an_organisation():
    assert spans("市、区县人民政府应当设立绿色产业发展引导基金。", ENTITY, names=["基金"]) == ["绿色产业发展引导基金"]
    assert spans("推动国能台山电厂2号发电机组实施改造。", ORG) == ["国能台山电厂"]


@pytest.mark.parametrize("sentence, question, kind, value", [
    ("建设以鹰潭为核心的世界级铜产业集群和以赣州为核心的世界级特色钨、稀土产业集群。",
     "以哪座城市为核心打造世界级铜产业集群？", ENTITY, "鹰潭"),
    ("将企业的环境违法信息纳入福建省公共信用信息平台，记入社会诚信档案。", "环境违法信息纳入哪个平台？", ENTITY,
     "福建省公共信用信息平台"),
    ("由市发改委、市生态环境局牵头组建工作专班，办公室设在市发改委，统筹推进落实。", "工作专班的办公室放在哪个单位？", ORG,
     "市发改委"),
    ("及时通过企业码综合服务平台公布“碳效码”等评价结果。", "公布的工业碳排放评价结果叫什么？", ENTITY, "碳效码")])
def test_the_words_around_the_asked_name_find_it_in_the_sentence(sentence, question, kind, value):
    import jieba

    from qa.value_choice import best_span
    from qa.answer_types import asked_nouns
    from qa.evidence import evidence_of

    evidence = evidence_of(question)
    evidence.names = asked_nouns(question, jieba.lcut)
    start, end = best_span(sentence, kind, evidence, question)
    assert sentence[start:end] == value


@pytest.mark.parametrize("sentence, question", [
    ("排放单位连续二年温室气体排放未达到2.6万吨二氧化碳当量的；", "一年排到多少温室气体就要出名录？"),
    ("根据《高耗能行业节能降碳改造升级实施指南（2022年版）》，2022年3月前制定技术改造总体实施方案。",
     "技术改造总体实施方案在什么时候前定出来？")])
def test_a_span_of_time_or_a_title_s_year_is_not_the_asked_value(sentence, question):
    from qa.value_choice import best_span
    from qa.evidence import evidence_of

    kind = asked_type(question)
    start, end = best_span(sentence, kind, evidence_of(question), question)
    assert sentence[start:end] in ("2.6万吨二氧化碳当量", "2022年3月前")


def test_a_year_in_a_named_title_is_not_the_year_asked():
    from qa.evidence import evidence_of

    assert evidence_of("《2030年前碳达峰行动方案》对2035年有什么目标？").years == ["2035"]


@pytest.mark.parametrize("question, fact", [
    ("这份方案从哪天起执行？", "in_force"), ("那份通知的落款日期是哪天？", "written"),
    ("什么时间点要见到成效？", None)])
def test_document_dates_asked_in_other_words(question, fact):
    assert asked_type(question) == DATE and asked_fact(question, DATE) == fact


@pytest.mark.parametrize("question", ["在台山，根据示例法哪个部门负责？", "台山的示例条例第三条讲什么？"])
def test_a_document_named_after_a_preposition_or_beside_its_place_is_held(question):
    from qa.scope import _document_names, _held

    names = _document_names(question)
    assert names and all(_held(n, ["中华人民共和国示例法", "台山市示例条例"], {"440781"}) for n in names)
    assert not _held("示例条例", ["台山市示例条例"], set())


def test_each_year_of_a_span_is_paired_with_its_value():
    from qa.spans import years_named

    sentence = "2022至2025年我市城镇新建民用建筑中绿色建筑占比分别达到80%、90%、95%、100%；"
    start, end = respective_span(sentence, "2024年城镇新建民用建筑里绿色建筑应该占到多少？")
    assert sentence[start:end] == "95%"
    assert {"2022", "2023", "2024", "2025"} <= years_named(sentence) and "2026" not in years_named(sentence)


def test_a_level_is_answered_by_the_figure_it_is_set_to_and_a_named_centre_after_its_copula():
    sentence = "到2025年，铁钢比降到0.75以下，PUE值（电能利用效率）小于等于1.25。"
    assert spans(sentence, LEVEL) == ["0.75以下", "小于等于1.25"]
    question = "主要依托的是哪个科学中心？"
    assert asked_type(question) == ENTITY
    from qa.slots import gap_spans

    sentence = "依托张江综合性国家科学中心等科研院所资源，培育一批重点实验室。"
    assert [sentence[a:b] for a, b in gap_spans(sentence, question, ["科学中心"])] == ["张江综合性国家科学中心"]


def test_a_name_said_to_be_the_asked_thing_is_the_answer_and_a_framed_name_answers_a_what_question():
    sentence = "第七条 广州碳排放权交易中心是碳普惠核证减排量交易平台，负责交易系统的运行和维护。"
    assert spans(sentence, ENTITY, names=["平台"]) == ["广州碳排放权交易中心"]
    from qa.value_choice import best_span
    from qa.evidence import evidence_of

    question = "渔业减排增汇行动要在沿海地区继续开展什么建设？"
    evidence = evidence_of(question)
    evidence.names = ["建设"]
    sentence = "在沿海地区继续开展国家级海洋牧场示范区建设，实现渔业生物固碳。"
    start, end = best_span(sentence, asked_type(question), evidence, question)
    assert asked_type(question) is None and sentence[start:end] == "国家级海洋牧场示范区"
    generic = evidence_of("对新建建筑有什么要求？")
    generic.names = ["要求"]
    assert best_span("新建建筑有较高要求。", None, generic, "对新建建筑有什么要求？") is None


def test_the_first_leading_clause_about_the_subject_answers_not_merely_the_first_with_a_date():
    from qa.answer import _on_subject_quote
    from qa.evidence import Word, evidence_of
    from qa.hits import Hit

    question = "各区的实施方案最晚什么时候要报到市住建局？"
    evidence = evidence_of(question)
    evidence.words = [Word(("各区",), (), 0.01), Word(("报",), (), 0.05), Word(("住房城乡建设局",), ("建设",), 0.02)]
    planning = Hit(1, "a:1", "a", "示例方案", "a.txt", "二、1", "", "2022年，完成我市专项规划编制。", 3.0)
    reporting = Hit(2, "a:2", "a", "示例方案", "a.txt", "三、", "",
                    "各区制定本区实施方案，于2022年6月底前报市住房城乡建设局。", 2.0)
    quote = _on_subject_quote([planning, reporting], [planning, reporting], evidence, DATE, question)
    assert quote.id == "a:2" and quote.highlight == "2022年6月底前"


def test_a_part_of_something_is_asked_as_a_share_and_the_sentence_before_scopes_a_figure():
    from qa.answer_types import asked_measure

    measure = asked_measure("预制部分最多不能超过单体地上建筑面积的多少？")
    assert measure.search("百分之三") and not measure.search("500平方米")
    from qa.answer import _on_subject_quote
    from qa.found import on_subject
    from qa.evidence import Word, evidence_of
    from qa.hits import Hit

    question = "到2030年光伏装机规模要做到多少？"
    evidence = evidence_of(question)
    evidence.words = [Word(("光伏",), (), 0.02), Word(("装机",), (), 0.02)]
    hit = Hit(1, "s:1", "s", "示例方案", "s.txt", "二、1", "", "1．发展可再生能源。到2025年，光伏装机容量力争达到400万千瓦；"
              "到2030年，力争达到700万千瓦。", 3.0)
    quote = _on_subject_quote([hit], [hit], evidence, QUANTITY, question)
    assert quote.highlight == "力争达到700万千瓦" and on_subject(quote, [hit], evidence, QUANTITY)


@pytest.mark.parametrize("sentence, question, kind, names, value", [
    ("将环境违法信息纳入福建省公共信用信息平台，记入社会诚信档案。", "环境违法信息要纳入哪个信用平台？", ENTITY, ["信用", "信用平台"],
     "福建省公共信用信息平台"),
    ("举办上海国际碳中和技术、产品与成果博览会，加强国内外技术交流。", "上海打算举办什么博览会来加强技术交流？", None, ["博览会"],
     "上海国际碳中和技术、产品与成果博览会"),
    ("经市碳达峰碳中和工作领导小组办公室审核后，由各区印发实施。", "各区方案由哪个机构审核后印发？", ORG, [],
     "市碳达峰碳中和工作领导小组办公室"),
    ("县城内部道路红线宽度不超过40米，广场集中硬地面积不超过2公顷。", "县城内部道路红线宽度有什么限制？", QUANTITY, [],
     "不超过40米")])
def test_names_in_lists_and_with_the_head_of_the_asked_noun(sentence, question, kind, names, value):
    from qa.value_choice import best_span
    from qa.evidence import evidence_of

    assert asked_type(question) == kind
    evidence = evidence_of(question)
    evidence.names = names
    start, end = best_span(sentence, kind, evidence, question)
    assert sentence[start:end] == value


def test_a_name_in_brackets_after_the_asked_noun_is_its_name():
    assert spans("重点对贝类（台山蚝）碳汇计算方法研究。", ENTITY, names=["贝类"]) == ["台山蚝"]


def test_a_list_of_places_ends_with_the_last_place_and_a_report_goes_to_the_body_after_the_verb():
    sentence = "完善回收网络，深化新余、贵溪、丰城国家级“城市矿产”示范基地建设，推动再生资源利用。"
    assert spans(sentence, LIST) == ["新余、贵溪、丰城"]
    from qa.slots import framed

    sentence = "各区县（市）住房城乡建设部门应将创建情况于每年10月底前报送市住房城乡建设局。"
    orgs = value_spans(sentence, ORG)
    assert [sentence[a:b] for a, b in framed(sentence, "住建部门每年把创建情况报给哪个单位？", orgs)] == ["市住房城乡建设局"]


def test_what_the_question_rules_out_is_no_evidence(tmp_path_factory):
    law = ("示例土地管理条例\n第一条 为了规范宅基地管理，制定本条例。\n"
           "第五十五条 农村村民一户只能拥有一处宅基地，宅基地的面积标准，使用耕地的，最高不得超过一百二十五平方米；"
           "使用其他土地的，最高不得超过一百四十平方米；山区有条件利用荒地、荒坡的，最高不得超过一百六十平方米。\n")
    engine = engine_over(tmp_path_factory, {"land.txt": law})
    answer = answer_question(engine, "宅基地既不是耕地也不是山区荒地荒坡，而是其他土地的，面积最多多少平方米？")
    assert answer.found and answer.quotes[0].highlight.endswith("一百四十平方米")


@pytest.mark.parametrize("sentence, question, value", [
    ("到2025年，光伏装机容量力争达到400万千瓦；", "光伏装机容量力争达到多少？", "400万千瓦"),
    ("山区有条件利用荒地、荒坡的，最高不得超过一百六十平方米。", "山区宅基地面积最多多少？", "最高不得超过一百六十平方米"),
    ("山区有条件利用荒地、荒坡的，最高不得超过一百六十平方米。", "山区宅基地面积最高不得超过多少？", "一百六十平方米"),
    ("到2030年，光伏装机容量力争达到700万千瓦。", "光伏装机规模打算做到多少？", "力争达到700万千瓦")])
def test_a_qualifier_the_question_says_in_its_words_is_not_repeated_a_bound_asked_otherwise_stays(sentence, question, value):
    from qa.value_choice import best_span
    from qa.answer_types import asked_measure
    from qa.evidence import evidence_of

    evidence = evidence_of(question)
    evidence.measure = asked_measure(question)
    start, end = best_span(sentence, QUANTITY, evidence, question)
    assert sentence[start:end] == value
