"""Laws written out in Chinese numerals (一万吨标准煤以上, 五倍以上十倍以下, 每年三月十二日), articles whose
款 each state their own case, bodies named by where they sit or acting for one another, systems and
certificates asked by their kind, lists opened by an item number or by 是指, documents named inside
longer titles, and the clause that defines a term: each on a law built here."""
from __future__ import annotations

import pytest

from qa.answer import answer_question
from tests.conftest import engine_over, marked

LAW = """# 海川市湿地保护条例

## 第一章 总则

第一条　为了加强湿地保护，制定本条例。

第二条　本条例所称湿地，是指常年或者季节性积水地带、水域，包括低潮时水深不超过六米的海域。

第三条　本条例所称重点用能单位，是指年综合能源消费总量一万吨标准煤以上的用能单位。

第四条　国家实行湿地面积总量管控和分级管理制度。地方人民政府可以根据需要，建立河湖长制。

第五条　每年三月十二日为湿地宣传日。

第六条　本条例所称流动污染源，包括下列设施：
（二）机动车、非道路移动机械、船舶和航空器等流动污染源。

第七条　市人民政府实行峰谷分时电价、季节性电价、可中断负荷电价制度。

## 第二章 管理

第八条　修建码头前，建设单位应当向工程所在地县级以上人民政府水行政主管部门申请许可。

第九条　湿地保护费由税务机关征收管理。

第十条　采伐许可证由县级以上人民政府林业主管部门核发。
农村居民采伐自留山上的林木，由县级人民政府林业主管部门或者其委托的乡镇人民政府核发采伐许可证。

第十一条　湿地保护规划由市自然资源主管部门会同市有关部门编制。

第十二条　湿地保护规划在报送审批前，应当经村民会议或者村民代表会议讨论同意。

第十三条　经营单位经审查批准后，由市人民政府发给《湿地利用许可证》。

## 第三章 法律责任

第十四条　违反本条例规定开采泥炭的，责令停止违法行为，并按照采挖泥炭体积，处每立方米二千元以上一万元以下罚款。
违反本条例规定，从湿地向外排水的，处一万元以上十万元以下罚款。

第十五条　盗伐湿地林木的，处盗伐林木价值五倍以上十倍以下的罚款。

第十六条　本条例自2008年1月1日起施行。《海川市湿地管理办法》同时废止。
"""
ENERGY = """# 能源管理条例

第一条　本条例经海川市人民代表大会常务委员会2020年5月6日通过。

第二条　能源企业应当保障供应。
"""
WATER = """# 海川市水资源条例

## 第一章 总则

第一条　本条例所称水资源，包括地表水和地下水。本条例所称燃气，包括天然气、煤层气和煤制气。

第二条　全市土地按照用途分为农用地、建设用地和未利用地。

第三条　市人民政府加大对青湖、白湖、月湖、镜湖等重点湖泊生态修复的支持力度。

第四条　供水企业的安全生产管理实行厂长、经理负责制。

## 第二章 管理

第五条　拒不缴纳水资源费的，自滞纳之日起按日加收滞纳部分千分之二的滞纳金。

第六条　家庭承包的林地的承包期为三十年至七十年。

第七条　禁止在湖岸线三公里范围内新建化工园区。

第八条　施工单位应当在开工七日前书面通知供水企业。

第九条　从事水资源出口经营，应当经市对外经济贸易主管部门许可。

第十条　采取停止供水措施的，除有紧急情形外，应当提前二十四小时通知用水单位。

第十一条　供水工程招标的，自招标文件开始发出之日起至投标截止之日止，不得少于二十日。

第十二条　供水企业的主要负责人未履行安全管理职责的，处二万元以上五万元以下的罚款。

第十三条　使用水域从事养殖的，由县级人民政府核发养殖证。

第十四条　全市河道按其在河网中的地位分为干流、支流和沟渠。

第十五条　水资源管理应当遵循节约优先原则、保护优先原则和统筹兼顾原则。

第十六条　本条例所称用水组织，包括灌区、用水户协会和其他从事供水管理的组织。

第十七条　节约用水应当按照总量控制、定额管理、计量收费的总要求，建设节水型社会。
"""
MARKET = """# 海川市畜禽市场条例

第一条　本条例所称主要畜种是指猪、牛、羊、鸡、鸭。

第二条　畜禽批发市场应当距离种畜禽场三公里以外。

第三条　畜种名录每五年组织一次评估。

第四条　出口畜禽的，须经检疫，并取得市动物检疫管理机构核发的证明。

第五条　锅炉、气瓶、客运索道的设计文件，应当经检验机构鉴定。

第六条　省、自治区、直辖市制定畜禽屠宰管理办法。国家实行畜禽定点屠宰制度。

第七条　调查结束后，检疫机构应当及时制作检疫认定书。

第八条　畜禽市场规划包括市场布局规划和市场建设规划。

第九条　进口畜禽的批准文件有效期为六个月。

第十条　测绘完成后，国家实行测绘成果汇交制度。

第十一条　本条例自2023年3月1日起施行。

第十二条　市场的重要仓库由中国人民武装警察部队负责守卫。

第十三条　市场分为批发市场、零售市场、专业市场和市场专用线。

第十四条　四个风险级别分别用红色、橙色、黄色和蓝色标示。

第十五条　评审委员会由农业、食品、营养、医学的专家组成。

第十六条　经营活禽、活畜、冷鲜肉的，应当取得许可。

第十七条　临时进场的，参照本条例有关规定办理临时入场证。

第十八条　经营市场的企业，注册资本不低于人民币一百万元。

第十九条　市场通道的标准宽度为1435毫米。

第二十条　市场档案自形成之日起满二十五年向社会开放。
"""
SAVING = """# 节约能源管理条例

第一条　为了推动全社会节约能源，制定本条例。

第二条　用能单位应当加强节能管理。
"""

RIVER = """# 海川市航道条例

第一条　为了规范航道管理，保障通航安全，制定本条例。

第二条　开办船厂的，经审查合格，发给船厂防污染条件合格证。

第三条　负责航道管理的部门应当确定并公布航道维护尺度和内河航道图。

第四条　市航道机构负责建立各种航道基准标志，作为全市航道测量的最高依据。

第五条　航道的标准宽度为九十米。新建航道必须采用标准宽度。
支线航道的宽度为四十米或者六十米。

第六条　船舶企业未履行安全职责，拒不改正的，对个人处一万元以上五万元以下的罚款，对单位处十万元以上五十万元以下的罚款。

第七条　船舶检验机构注册资本：在本市范围内经营的，不低于人民币五十万元，在全省范围内经营的，不低于人民币一百万元。

第八条　主要负责人发生重大事故的，处上一年年收入百分之八十的罚款。

第九条　市人民政府因地制宜地采取疏浚河道、加固堤岸和清理沉船等措施，改善通航条件。

第十条　以及用于客运、货运、渔业方面的列入检验目录的船舶，实行强制检验。

第十一条　自然资源主管部门凭航道占用完税凭证发放岸线使用批准书。
"""

ISLAND = """# 海川市海岛保护条例

第一条　海岛的名称，由市地名管理机构和市海洋主管部门确定和发布。

第二条　海岛保护规划的具体范围和标准，由市发展改革部门会同市有关部门制订。

第三条　海岛保护争议由设区的市级以上地方人民政府海洋行政部门组织鉴定。

第四条　海岛的开发、建设应当优先采用风能、潮汐能、太阳能等可再生能源和雨水集蓄、海水淡化等技术。

第五条　市人民政府应当提高海岛保护的科学化、民主化、法治化、规范化水平。

第六条　市人民政府将海岛开发活动分为高风险、中风险、低风险三类。

第七条　海岛资产转让的，应当通过协议定价、挂牌交易、拍卖等方式确定价格。

第八条　擅自在海岛采挖砂石的，处一万元以上十万元以下的罚款。

第九条　海岛监测员资格证书有效期为六个月至十二个月。

第十条　海岛监测站聘用人员，须经省、自治区、直辖市人民政府有关部门认定。

第十一条　严重浪费海岛资源的，县级以上地方人民政府自然资源、商务等部门可以约谈其负责人。

第十二条　设立海岛保护协会，会员应当为五名以上。

第十三条　组织海岛演练的，应当在演练的五日以前发布公告。

第十四条　保护海岛文化遗产，应当注重其真实性、整体性和传承性。

第十五条　海岛公共设施的建设，应当符合实用、安全、美观、节约的要求和国家规定的标准。

第十六条　海岛保护名录应当予以公示，公示期不得少于二十日。

第十七条　不满十周岁的未成年人不得担任海岛讲解员。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory, {"wetland.md": LAW, "energy.md": ENERGY, "saving.md": SAVING,
                                          "water.md": WATER, "market.md": MARKET, "river.md": RIVER,
                                          "island.md": ISLAND})


def test_amounts_in_chinese_numerals_are_values(engine):
    assert marked(engine, "重点用能单位的年综合能源消费总量要达到多少？") == "一万吨标准煤以上"
    assert marked(engine, "湿地包括低潮时水深多少的海域？") == "不超过六米"
    assert marked(engine, "盗伐湿地林木的，罚款是盗伐林木价值的多少倍？") == "五倍以上十倍以下"
    assert marked(engine, "湿地宣传日是哪一天？") == "每年三月十二日"


def test_shares_ranges_distances_and_deadlines_in_chinese_numerals(engine):
    assert marked(engine, "拒不缴纳水资源费的，每天按滞纳部分的多少加收滞纳金？") == "千分之二"
    assert marked(engine, "家庭承包的林地，承包期是多长？") == "三十年至七十年"
    assert marked(engine, "湖岸线多大范围内禁止新建化工园区？") == "三公里范围内"
    assert marked(engine, "施工单位最晚要在开工前多久通知供水企业？") == "七日前"


def test_a_span_of_time_asked_before_a_deadline_it_runs_to(engine):
    assert marked(engine, "采取停止供水措施的，要提前多久通知用水单位？") == "提前二十四小时"
    # 投标截止 names the deadline the span runs to; 多少时间 asks the span
    assert marked(engine, "供水工程招标，从招标文件发出到投标截止，最短要留多少时间？") == "不得少于二十日"
    # 主要负责人 names who is fined, not a body asked for
    assert marked(engine, "供水企业的主要负责人未履行安全管理职责的，罚多少？") == "二万元以上五万元以下"


def test_a_rate_keeps_its_base_and_each_paragraph_states_its_own_case(engine):
    assert marked(engine, "开采泥炭的，按采挖的泥炭体积怎么计算罚款？") == "每立方米二千元以上一万元以下"


def test_a_body_named_by_where_it_sits_or_acting_for_another(engine):
    assert marked(engine, "修建码头前，建设单位应当向哪个部门申请许可？") == "工程所在地县级以上人民政府水行政主管部门"
    assert marked(engine, "湿地保护费由哪个机关征收管理？") == "税务机关"
    assert marked(engine, "农村居民采伐自留山上的林木，采伐许可证由谁核发？") == \
        "县级人民政府林业主管部门或者其委托的乡镇人民政府"
    # the body joining the work (会同) is not the one in charge
    assert marked(engine, "湿地保护规划由哪个部门负责编制？") == "市自然资源主管部门"
    assert marked(engine, "湿地保护规划报送审批前要经哪个会议讨论同意？") == "村民会议或者村民代表会议"


def test_a_body_dealing_with_abroad_keeps_its_name(engine):
    assert marked(engine, "从事水资源出口经营要经哪个部门许可？") == "市对外经济贸易主管部门"


def test_systems_and_certificates_asked_by_their_kind(engine):
    assert marked(engine, "为稳定湿地面积，国家实行什么制度？") == "湿地面积总量管控和分级管理制度"
    assert marked(engine, "地方人民政府可以建立什么制度？") == "河湖长制"
    assert marked(engine, "经营单位经审查批准后，市人民政府发给什么证件？") == "湿地利用许可证"
    assert marked(engine, "供水企业的安全生产管理实行什么负责制？") == "厂长、经理负责制"
    assert marked(engine, "使用水域从事养殖的，要由县级人民政府发给什么证？") == "养殖证"


def test_lists_without_item_numbers_defining_verbs_or_a_shared_head(engine):
    assert marked(engine, "海川市湿地保护条例所称的流动污染源有哪些？") == "机动车、非道路移动机械、船舶和航空器"
    assert marked(engine, "市人民政府实行哪几种电价制度？") == "峰谷分时电价、季节性电价、可中断负荷电价"
    assert marked(engine, "海川市水资源条例所称的水资源包括哪些？") == "地表水和地下水"
    assert marked(engine, "全市土地按照用途分成哪几类？") == "农用地、建设用地和未利用地"
    assert marked(engine, "市人民政府对哪些湖泊加大生态修复支持力度？") == "青湖、白湖、月湖、镜湖"
    assert marked(engine, "全市河道按其在河网中的地位分成哪几类？") == "干流、支流和沟渠"
    assert marked(engine, "水资源管理要遵循哪些原则？") == "节约优先原则、保护优先原则和统筹兼顾原则"
    # what the items are (总要求) is no item; a catch-all item keeps its noun
    assert marked(engine, "节约用水的总要求有哪几条？") == "总量控制、定额管理、计量收费"
    assert marked(engine, "海川市水资源条例所称的用水组织包括哪些？") == "灌区、用水户协会和其他从事供水管理的组织"
    # the term a list defines is one of its items
    assert marked(engine, "海川市水资源条例所说的燃气包括哪些？") == "天然气、煤层气和煤制气"


def test_a_title_inside_a_longer_one_it_is_part_of_is_not_named(engine):
    # 能源管理条例 is spelled only inside 节约能源管理条例, which records no adoption
    answer = answer_question(engine, "节约能源管理条例是哪一天通过的？")
    assert not answer.found or "节约能源" in answer.quotes[0].document


def test_a_one_character_subject_names_its_own_law_and_a_repealed_one_is_read_in_the_law_that_repeals_it(engine):
    answer = answer_question(engine, "《水法》规定取水许可由哪个部门审批？")
    assert not answer.found and "《水法》" in answer.answer
    # 草地保护条例 is not the 湿地保护条例, though two of its subject's three pairs are there
    answer = answer_question(engine, "草地保护条例自哪一天起施行？")
    assert not answer.found and "《草地保护条例》" in answer.answer
    assert marked(engine, "《海川市湿地保护条例》施行后，《海川市湿地管理办法》从哪一天起废止？") == "2008年1月1日"


def test_the_clause_that_defines_a_term_is_found_first(engine):
    hits = engine.search("海川市湿地保护条例所称的湿地是什么意思？", top_k=3).hits
    assert hits[0].clause.endswith("第二条")
    # 湿地 is in most clauses; the one saying what it is comes first
    hits = engine.search("湿地是指什么？", top_k=3).hits
    assert hits[0].clause.endswith("第二条")


def test_a_law_named_by_one_word_is_looked_for(engine):
    answer = answer_question(engine, "水法规定，直接从江河取水的单位需要申领什么证？")
    assert not answer.found and "《水法》" in answer.answer


def test_laws_fourth_forms(engine):
    assert marked(engine, "畜禽批发市场离种畜禽场要多远？") == "三公里以外"
    assert marked(engine, "畜种名录多长时间评估一次？") == "每五年"
    assert marked(engine, "进口畜禽的批准文件有效期是多长？") == "六个月"
    # 并取得 opens no body's name
    assert marked(engine, "出口畜禽的证明由哪个机构核发？") == "市动物检疫管理机构"
    # the 的 before what the items own is no part of the list
    assert marked(engine, "哪些设备的设计文件要经检验机构鉴定？") == "锅炉、气瓶、客运索道"
    # 制 of 制定 ends no system's name
    assert marked(engine, "国家对畜禽屠宰实行什么制度？") == "畜禽定点屠宰制度"
    assert marked(engine, "调查结束后，检疫机构制作什么文书？") == "检疫认定书"
    # a list of as many items as the question asks, after 包括 where the question says 分为
    assert marked(engine, "畜禽市场规划分为哪两类？") == "市场布局规划和市场建设规划"
    # a defined list asked by 具体指哪几种
    assert marked(engine, "海川市畜禽市场条例所说的“主要畜种”具体指哪几种？") == "猪、牛、羊、鸡、鸭"
    # 测绘 opens the name; the question says it elsewhere
    assert marked(engine, "测绘完成后，国家实行的是什么制度？") == "测绘成果汇交制度"
    # 现行 is no part of a law's name
    assert marked(engine, "现行海川市畜禽市场条例自什么时候起施行？") == "2023年3月1日"
    assert marked(engine, "市场的重要仓库由哪支力量负责守卫？") == "中国人民武装警察部队"
    # 和 joins the last two items: 专用线 is the last item's own word, not a head the others share
    assert marked(engine, "市场分为哪几类？") == "批发市场、零售市场、专业市场和市场专用线"
    assert marked(engine, "四个风险级别分别用哪几种颜色标示？") == "红色、橙色、黄色和蓝色"
    assert marked(engine, "评审委员会由哪些方面的专家组成？") == "农业、食品、营养、医学"
    assert marked(engine, "经营哪些商品要取得许可？") == "活禽、活畜、冷鲜肉"
    assert marked(engine, "临时进场的要办理什么证？") == "临时入场证"
    assert marked(engine, "经营市场的企业注册资本最低是多少？") == "不低于人民币一百万元"
    assert marked(engine, "市场通道的标准宽度是多少？") == "1435毫米"
    # 满多少年 asks the years: the 满 it says is not marked (three golds of four mark it so)
    assert marked(engine, "市场档案自形成之日起满多少年向社会开放？") == "二十五年"


def test_laws_sixth_forms(engine):
    # 条件 is a word inside a name, though an article's 条 ends one
    assert marked(engine, "开办船厂审查合格后领取的是什么证？") == "船厂防污染条件合格证"
    # what ends in 什么 and a thing's kind asks its name, though the question starts from a body in charge
    assert marked(engine, "负责航道管理的部门除了航道维护尺度，还要公布什么图？") == "内河航道图"
    assert marked(engine, "作为全市航道测量最高依据的是什么标志？") == "航道基准标志"
    assert marked(engine, "自然资源主管部门凭完税凭证发放什么文件？") == "岸线使用批准书"
    # a short provision on the line before (新建航道必须采用标准宽度。) does not scope the next 款
    assert marked(engine, "新建航道必须采用的标准宽度是多少？") == "九十米"
    # a case closed by 的 is said for every value after it, and each value's own case tells them apart
    assert marked(engine, "船舶企业拒不改正的，对单位罚款多少？") == "十万元以上五十万元以下"
    assert marked(engine, "在全省范围内经营的船舶检验机构，注册资本要多少？") == "不低于人民币一百万元"
    # 上一年 is the year before, not a span of one year; a fine may be a share of what it is reckoned on, which
    # is part of the value when the question does not say it
    assert marked(engine, "主要负责人发生重大事故的，罚多少？") == "上一年年收入百分之八十"
    # 采取 and 用于 open a list, 方面 closes it
    assert marked(engine, "市人民政府采取哪些措施改善通航条件？") == "疏浚河道、加固堤岸和清理沉船"
    assert marked(engine, "用于哪些方面的船舶要强制检验？") == "客运、货运、渔业"


def test_a_question_in_another_measure_or_share_is_not_answered_by_an_amount_of_money(engine):
    assert not answer_question(engine, "船舶企业拒不改正的，对单位罚款是营业额的万分之几？").found
    assert not answer_question(engine, "船舶检验机构注册资本是多少立方米？").found



def test_laws_seventh_forms(engine):
    # 哪些机构 asks for bodies; 会同 starts no body's name; 设区的市 is part of one
    assert marked(engine, "海岛的名称由哪些机构确定和发布？") == "市地名管理机构和市海洋主管部门"
    assert marked(engine, "海岛保护规划的具体范围由哪个部门牵头制订？") == "市发展改革部门"
    assert marked(engine, "海岛保护争议由哪一级海洋行政部门组织鉴定？") == "设区的市级以上地方人民政府海洋行政部门"
    # the items follow the verb that opens them, in whichever item it stands, and end at the 等 naming the kind asked
    assert marked(engine, "海岛开发建设应当优先采用哪些可再生能源？") == "风能、潮汐能、太阳能"
    assert marked(engine, "海岛开发活动分为哪几类？") == "高风险、中风险、低风险"
    assert marked(engine, "海岛资产转让可以通过哪些方式确定价格？") == "协议定价、挂牌交易、拍卖"
    # a word the question says, written once after the last item, is what each item is of
    assert marked(engine, "市人民政府要提高海岛保护哪几个方面的水平？") == "科学化、民主化、法治化、规范化"


def test_a_fine_or_a_span_in_another_unit_does_not_answer_a_threshold_or_a_span_in_years(engine):
    assert not answer_question(engine, "在海岛采挖砂石达到多少万元的要报批？").found
    assert marked(engine, "擅自在海岛采挖砂石的，罚多少？") == "一万元以上十万元以下"
    assert not answer_question(engine, "海岛监测员资格证书有效期是几年？").found
    assert marked(engine, "海岛监测员资格证书有效期是多长时间？") == "六个月至十二个月"


def test_laws_eighth_forms(engine):
    # 省、自治区、直辖市 is one part of a body's name; offices listed after a body belong to it
    assert marked(engine, "海岛监测站聘用人员须经哪个部门认定？") == "省、自治区、直辖市人民政府有关部门"
    assert marked(engine, "严重浪费海岛资源的，哪些部门可以约谈负责人？") == "县级以上地方人民政府自然资源、商务等部门"
    # 名 counts people; 以前 closes a lead time
    assert marked(engine, "设立海岛保护协会，会员人数有什么要求？") == "五名以上"
    assert marked(engine, "组织海岛演练的，最晚要提前多久发布公告？") == "五日以前"
    # 其 opens the items it owns; the items end at the 的 that names the kind asked
    assert marked(engine, "保护海岛文化遗产应当注重其哪些特性？") == "真实性、整体性和传承性"
    assert marked(engine, "海岛公共设施的建设应当符合哪些要求？") == "实用、安全、美观、节约"
    # what a period (公示期) must meet is its length
    assert marked(engine, "海岛保护名录的公示期有什么要求？") == "不得少于二十日"


def test_laws_ninth_forms(engine):
    # 不满 bounds an age from above
    assert marked(engine, "多大年龄以下的未成年人不能担任海岛讲解员？") == "不满十周岁"
    # 每年的哪一天 asks the day; 哪一天 alone is answered with the 每年 the law says
    assert marked(engine, "湿地宣传日是每年的哪一天？") == "三月十二日"
    assert marked(engine, "湿地宣传日是哪一天？") == "每年三月十二日"

WEATHER = """# 海川市气象条例

第一条　为了防御灾害，合理开发气候资源，制定本条例。

第二条　气象台站应当按时发布气象预报和灾害性天气警报。

第三条　在本市行政区域内从事气象探测、预报和服务活动，适用本条例。

第四条　气象设施的建设应当符合气象技术标准。

第五条　本条例自2020年1月1日起施行。
"""


def test_a_laws_purpose_and_scope_are_matched_by_the_formulas_that_state_them(tmp_path_factory):
    weather = engine_over(tmp_path_factory, {"weather.md": WEATHER})
    purpose = weather.search("海川市气象条例的立法目的是什么？", top_k=1).hits[0]
    scope = weather.search("海川市气象条例适用于哪些活动？", top_k=1).hits[0]
    assert purpose.clause == "第一条" and "制定本条例" in purpose.matched_terms
    assert scope.clause == "第三条" and "适用本条例" in scope.matched_terms
    start = weather.search("海川市气象条例什么时候生效？", top_k=1).hits[0]
    assert start.clause == "第五条" and "施行" in start.matched_terms


WORKERS = """# 海川市职工服务条例

第一条　为了保障职工权益，制定本条例。

第二条　用人单位应当建立职工花名册备查。

第三条　服务平台应当核验入驻机构的资质信息，建立资质档案，并定期更新。

第四条　市人民政府建立健全职工互助救济金制度，保障困难职工的基本生活。

第五条　救济金的发放标准，由省、自治区、直辖市人民政府确定。

第六条　设立职工服务中心，由服务中心所在地县级人民政府报请市人民政府批准。

第七条　从事职业介绍活动，应当经所在地县级人民政府人力资源社会保障部门批准。

第八条　救济金领取期限自办理困难登记之日起计算。

第九条　用人单位自用工之日起即与职工建立劳动关系。

第十条　持证单位需要延续职业介绍许可的，应当在许可有效期届满三十日前提出申请。

第十一条　每年农历九月初九为本市敬老日。

第十二条　人力资源社会保障部门应当自受理职业介绍许可申请之日起二十个工作日内决定是否批准。

第十三条　用人单位未按时足额缴纳互助金的，自欠缴之日起，按日加收万分之五的滞纳金。

第十四条　资料的收集和保管，由人力资源社会保障部门负责。

第十五条　本条例自2024年1月1日起施行。
"""


def test_laws_tenth_forms(tmp_path_factory):
    workers = engine_over(tmp_path_factory, {"workers.md": WORKERS})
    # what a body must set up, asked with 什么 and nothing or its kind after it, is named; 健全 is a verb
    assert marked(workers, "服务平台核验入驻机构的资质信息后，还要建立什么？") == "资质档案"
    assert marked(workers, "用人单位要为职工建立什么备查资料？") == "职工花名册"
    assert marked(workers, "为保障困难职工的基本生活，市人民政府建立了什么制度？") == "职工互助救济金制度"
    # 省、自治区、直辖市 opens a body's name; a bare 所在地 is "the local" one, an owned one stays; 报请 is one verb
    assert marked(workers, "救济金的发放标准由谁确定？") == "省、自治区、直辖市人民政府"
    assert marked(workers, "从事职业介绍活动要经哪个部门批准？") == "县级人民政府人力资源社会保障部门"
    assert marked(workers, "设立职工服务中心由谁报请市人民政府批准？") == "服务中心所在地县级人民政府"
    # a day an event sets, a deadline counted back from a term's end, a lunar date
    assert marked(workers, "救济金领取期限从哪一天开始计算？") == "办理困难登记之日"
    assert marked(workers, "用人单位与职工的劳动关系从什么时候建立？") == "用工之日"
    assert marked(workers, "延续职业介绍许可最迟应在什么时候提出申请？") == "有效期届满三十日前"
    assert marked(workers, "敬老日是每年的哪一天？") == "农历九月初九"
    # 决定是否批准 is what is decided, not a yes-or-no question; 万分之五 is a share
    assert marked(workers, "受理职业介绍许可申请后，多长时间内要决定是否批准？") == "二十个工作日内"
    assert marked(workers, "欠缴互助金每日加收的滞纳金比例是多少？") == "万分之五"
    # when a measure starts is not when the regulation does
    assert marked(workers, "职工互助金全市统筹从哪一年起正式实施？") is None
    assert marked(workers, "海川市职工服务条例从什么时候开始施行？") == "2024年1月1日"


SAFETY = """# 海川市交通安全条例

第一条　每年6月为本市交通安全宣传月。

第二条　因交通事故要求赔偿的诉讼时效期间为二年。

第三条　学校应当保障学生每天参加不少于一小时的安全教育活动。

第四条　驾驶培训机构应当有八名以上教练员和两名以上安全员。

第五条　电动自行车在非机动车道内行驶时，最高时速不得超过十五公里。

第六条　违反本条例规定，在桥梁上停放车辆的，处五百元以下的罚款；在隧道内倒车的，处一千元以下的罚款。在匝道上逆行的，由公安机关交通管理部门依法处理。

第七条　车队成员超过五十人的，可以设立车队代表会议。

第八条　交通安全宣传材料由市公安机关交通管理部门会同市教育部门编制。
"""


def test_laws_eleventh_forms(tmp_path_factory):
    safety = engine_over(tmp_path_factory, {"safety.md": SAFETY})
    # a month asked is a month of the year, without its 每年
    assert marked(safety, "交通安全宣传月是每年的哪个月？") == "6月"
    # a time limit asked as 多长 or 时间…多少 is a span of time
    assert marked(safety, "交通事故赔偿的诉讼时效是多长？") == "二年"
    assert marked(safety, "学生每天参加安全教育活动的时间是多少？") == "不少于一小时"
    # a head count answers for what it counts (教练员), not for the next count in the sentence
    assert marked(safety, "驾驶培训机构的教练员人数至少要有多少？") == "八名以上"
    # a speed limit is a figure; 道里 inside 非机动车道里 is no place
    assert marked(safety, "电动自行车在非机动车道里骑行，最高时速有什么限制？") == "不得超过十五公里"
    # a sentence fining two violations fines each in its own case
    assert marked(safety, "在隧道内倒车的，罚款金额是多少？") == "一千元以下"
    assert marked(safety, "在匝道上逆行的，罚款金额是多少？") is None
    # a requirement is not answered by the case a provision opens with
    assert marked(safety, "车队在成员人数上有什么要求？") is None
    # work done jointly (由X会同Y编制) is the lead's, with its partner unless the question asks who leads
    assert marked(safety, "交通安全宣传材料由谁编制？") == "市公安机关交通管理部门会同市教育部门"
    assert marked(safety, "交通安全宣传材料由哪个部门牵头编制？") == "市公安机关交通管理部门"


BUDGET = """# 海川市预算管理条例

第一条　预备费按照本级预算支出额的百分之一至百分之三设置。

第二条　市人民政府应当在每年六月至九月期间向市人民代表大会常务委员会报告预算执行情况。

第三条　预算年度自公历1月1日起，至12月31日止。

第四条　每年5月的第三个星期日为本市预算公开日。

第五条　听证代表名单应当在听证日的十日前公布。

第六条　海川市残疾人联合会代表残疾人的共同利益。

第七条　经营者在相关市场的份额达到二分之一的，推定其具有市场支配地位。

第八条　预算绩效评价由有关机构实施。

第九条　盲人持有效证件免费乘坐市内公共汽车、电车、地铁、渡船。

第十条　损害社会公共利益的，市人民检察院可以依法向人民法院提起公益诉讼。

第十一条　市人民政府制定海川市预算改革纲要，区人民政府根据海川市预算改革纲要，制定本区的预算改革方案。
"""


def test_laws_twelfth_forms(tmp_path_factory):
    budget = engine_over(tmp_path_factory, {"budget.md": BUDGET})
    # a range of shares or of months is one value
    assert marked(budget, "预备费按预算支出额的多大比例设置？") == "百分之一至百分之三"
    assert marked(budget, "市人民政府在每年的什么时间段报告预算执行情况？") == "每年六月至九月"  # a yearly span keeps 每年, as 每年八月 does
    # the end of a period asked is the day after 至
    assert marked(budget, "预算年度截止到哪一天？") == "12月31日"
    # a weekday of a month; a deadline counted back from a named day
    assert marked(budget, "预算公开日是哪一天？") == "每年5月的第三个星期日"
    assert marked(budget, "听证代表名单最迟什么时候公布？") == "听证日的十日前"
    # 联合会 names a body, asked as 哪个组织
    assert marked(budget, "代表残疾人共同利益的是哪个组织？") == "海川市残疾人联合会"
    # any fraction is a share
    assert marked(budget, "经营者的市场份额达到多少可以推定具有支配地位？") == "二分之一"
    # 有关机构 does not say which body
    assert marked(budget, "预算绩效评价由哪个机构实施？") is None
    # the items begin after the verb the question puts before 哪些
    assert marked(budget, "盲人凭有效证件可以免费乘坐哪些交通工具？") == "市内公共汽车、电车、地铁、渡船"
    # the kind of body asked (检察机关) picks the body of that kind in the sentence
    assert marked(budget, "损害社会公共利益的，由哪一级检察机关提起公益诉讼？") == "市人民检察院"
    # a document is asked as 什么文件; 根据 comes before its name
    assert marked(budget, "区人民政府制定预算改革方案，要依据市人民政府制定的什么文件？") == "海川市预算改革纲要"


CHARITY = """# 海川市慈善促进条例

第一条　每年9月5日为"海川慈善日"。

第二条　慈善组织可以采取基金会、社会团体、社会服务机构等组织形式。

第三条　慈善组织接受捐赠，应当向捐赠人开具由财政部门统一监（印）制的捐赠票据。

第四条　网络游戏服务提供者不得在每日二十二时至次日八时向未成年人提供网络游戏服务。

第五条　学校组织学生军训，应当依照学生军事训练大纲，加强军事技能训练。
"""


def test_laws_thirteenth_forms(tmp_path_factory):
    charity = engine_over(tmp_path_factory, {"charity.md": CHARITY})
    # 按照…条例 frames the question and a quoted name stays evidence
    assert marked(charity, "按照海川市慈善促进条例，“海川慈善日”定在哪一天？") == "每年9月5日"
    # 哪些组织形式 asks for forms, not for bodies
    assert marked(charity, "慈善组织可以采用哪些组织形式？") == "基金会、社会团体、社会服务机构"
    # the thing handed over is the noun after the last 的 of the verb's object
    assert marked(charity, "慈善组织收到捐赠后应当给捐赠人开具什么？") == "捐赠票据"
    # a span of hours is a time
    assert marked(charity, "网络游戏服务提供者在哪个时间段不得向未成年人提供服务？") == "每日二十二时至次日八时"
    # a 大纲 is a document
    assert marked(charity, "学校组织学生军训应当依照什么文件？") == "学生军事训练大纲"
