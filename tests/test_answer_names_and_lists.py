"""Names a question asks for by their kind (哪种贝类, 哪个…平台来…, 电网工程叫什么), bodies whose name holds 和,
short lists closed by 等, the items a question already names, and figures of a thing the clause does not
name: each on clauses built here."""
from __future__ import annotations

from qa.answer import answer_question
from tests.conftest import engine_over, marked

PLAN = """海川市碳达峰实施方案
一、能源
1．电网建设。大力推进220千伏青石输变电工程等电网工程的建设实施。
2．可再生能源。到2025年，全市风光装机达到300万千瓦，装机占比达到60%。推动新型储能示范应用。具有调节能力的抽水蓄能电站装机占水电装机的比例达到35.5%。
二、蓝碳与金融
3．海洋碳汇。加强海洋碳汇基础理论研究，重点对贝类（海川蚝）碳汇计算方法研究。
4．金融服务。加快推进企业融资对接服务平台（川融通）升级改造，上线绿色金融服务板块。
5．光伏建筑。大力发展光伏瓦、光伏幕墙等建材型光伏技术在城镇建筑中的应用。
6．标杆银行。打造青石农商行、海川农商行2家绿色银行“标杆行”。
7．评价管理。经济和信息化部门应当加强工业碳排放评价管理，及时公布“碳效码”等评价结果。
8．固废利用。到2025年，形成全市300吨/日的医废处置能力。到2025年，一般工业固体废物综合利用率达到95%以上。
"""


def test_names_lists_and_figures_of_other_things(tmp_path_factory):
    engine = engine_over(tmp_path_factory, {"plan.txt": PLAN})

    # the named example, not the kind it stands for
    assert marked(engine, "海川市方案点名大力推进的220千伏电网工程叫什么？") == "220千伏青石输变电工程"
    # 哪种贝类: the name in brackets after the kind
    assert marked(engine, "海川市重点研究哪种贝类的碳汇计算方法？") == "海川蚝"
    # a description followed by what it is for: its kind is its first word naming a kind of thing (服务平台)
    assert marked(engine, "海川市准备升级改造哪个企业融资对接服务平台来上线绿色金融服务板块？") == "川融通"
    # two items closed by 等 and the kind the question names
    assert marked(engine, "海川市大力发展的建材型光伏技术有哪些？") == "光伏瓦、光伏幕墙"
    # the item the question already names is not the answer
    assert marked(engine, "海川市除青石农商行外，另一家绿色银行标杆行是哪家？") == "海川农商行"
    # 经济和信息化部门 is one body
    assert marked(engine, "海川市由哪个部门公布“碳效码”评价结果？") == "经济和信息化部门"
    # the kind of figure said nearest the asking words decides the unit: a share, not a capacity
    assert marked(engine, "海川市抽水蓄能电站装机占水电装机的比例目标是多少？") == "35.5%"
    # a value before 的…处置能力 is the capacity itself, not a description of something else
    assert marked(engine, "海川市到2025年医废处置能力达到多少？") == "300吨/日"
    # the 风光 capacity does not answer for 新型储能, for which no clause gives a figure
    assert not answer_question(engine, "海川市到2025年新型储能装机规模要达到多少？").found


RULES = """海川市碳排放配额管理办法
第一条 为了规范碳排放配额管理，制定本办法。
第二条 市生态环境局确定配额后，应当书面通知重点排放单位。重点排放单位对分配的配额有异议的，可以自接到通知之日起七个工作日内申请复核。
第三条 市金融工作部门应当会同人民银行海川分行建立绿色融资主体评价体系。
第四条 违反本办法规定，使用不符合标准的船舶用燃油的，由海事管理机构、渔业主管部门按照职责处一万元以上十万元以下的罚款。
第五条 总建筑面积10万平方米（含）及以上的新建住宅小区按照不低于一星级绿色建筑标准建设。
第六条 支持青石、海港2区开展重点领域降碳示范。鼓励青石电厂、海港钢铁等重点用能单位和行业龙头企业制定碳达峰行动方案。
第七条 本办法自2022年5月1日起施行，《海川市碳排放管理暂行规定》同时废止。
第八条 项目业主申报核证减排量前应当公示，公示期不少于7个工作日。
"""


def test_bodies_lists_bounds_and_places_read_from_the_words(tmp_path_factory):
    engine = engine_over(tmp_path_factory, {"rules.txt": RULES})

    # a time limit in Chinese numerals and working days
    assert marked(engine, "海川市碳排放配额管理办法规定，对配额有异议的，接到通知后多长时间内可以申请复核？") == "七个工作日内"
    # the body before 应当会同, read after the kind of body the question asks for
    assert marked(engine, "海川市由哪个部门会同人民银行海川分行建立绿色融资主体评价体系？") == "市金融工作部门"
    # bodies named 机构 are bodies, listed together
    assert marked(engine, "海川市使用不符合标准的船舶用燃油，由哪些部门按职责处罚？") == "海事管理机构、渔业主管部门"
    # a size asked as what describes something keeps its （含）及以上
    assert marked(engine, "海川市总建筑面积多大的新建住宅小区须按不低于一星级绿色建筑标准建设？") == "10万平方米（含）及以上"
    # two items closed by their count, asked with 哪两个
    assert marked(engine, "海川市支持哪两个区开展重点领域降碳示范？") == "青石、海港"
    # 和龙 in 单位和龙头企业 is no city the library lacks
    assert marked(engine, "海川市鼓励哪些重点用能单位和龙头企业制定碳达峰行动方案？") == "青石电厂、海港钢铁"
    # a bounded span of time answers a question asking how long
    assert marked(engine, "海川市碳排放配额管理办法规定，项目业主申报前的公示时间至少多长？") == "不少于7个工作日"
    # a fine is asked: a bounded span of time is no answer
    assert not answer_question(engine, "海川市碳排放配额管理办法对项目业主申报核证减排量时虚报的罚款是多少？").found
    # 哪部…规定 asks for a document's title
    assert marked(engine, "海川市碳排放配额管理办法施行后，哪部原有规定同时废止？") == "海川市碳排放管理暂行规定"


def test_a_ministry_is_not_named_by_the_departments_of_its_field():
    from index.tokenize import DATA, Analyzer
    from ingest.records import Document
    from qa.docnames import DocumentNames

    documents = [Document("a", "碳排放权交易管理办法（试行）", "a.txt", issuer="生态环境部"),
                 Document("b", "碳排放权交易管理暂行条例", "b.txt", issuer="国务院"),
                 Document("c", "城乡建设领域碳达峰实施方案", "c.txt", issuer="住房和城乡建设部"),
                 Document("d", "海川市碳达峰实施方案", "d.txt", issuer="海川市人民政府")]
    names = DocumentNames(documents, Analyzer(DATA / "user_dict.txt", DATA / "synonyms.txt"))
    assert names.mentioned("生态环境部印发的办法对配额清缴有什么规定？")[0] == {"a"}
    assert names.mentioned("生态环境部门现场检查时检查人员最少几人？")[0] == set()


def test_a_body_the_document_names_is_not_the_documents_issuer():
    from qa.answer_types import ORG
    from qa.doc_answer import asked_fact

    assert asked_fact("能源法规定能源预测预警信息由哪个部门发布？", ORG) is None
    assert asked_fact("浙江省土地管理条例规定，临时用地由谁批准？", ORG) is None
    assert asked_fact("能源法是由哪个机关发布的？", ORG) == "issuer"


LAND = """海川市国土空间规划条例
第九条 国土空间规划包括总体规划、详细规划和相关专项规划。
"""


def test_a_list_of_three_joined_by_he_is_a_list(tmp_path_factory):
    engine = engine_over(tmp_path_factory, {"land.txt": LAND})

    assert marked(engine, "海川市国土空间规划条例里，国土空间规划包括哪几类规划？") == "总体规划、详细规划和相关专项规划"
