"""The kind of value a question asks for, read from its question words, and whether a text holds one.

多少/比例/目标 → a quantity; 何时/哪一年/施行 → a date; 谁/哪个部门/牵头 → an organisation; 文号 → a
document number; 什么水平 → a level (全市平均水平); 什么示范区 → a named thing; 哪些 → a list. A clause that holds the asked kind of value is more likely to answer."""
from __future__ import annotations

import re

from qa.slots import PERSONS, is_an_act

QUANTITY, DATE, ORG, DOC_NUMBER, LIST, LEVEL, ENTITY = "quantity", "date", "org", "doc_number", "list", "level", "entity"
# Nouns a named thing is called by: 什么示范区 asks for the name of a 示范区.
ENTITY_NOUNS = "示范区|示范园|示范工程|示范项目|工程|项目|基地|平台|园区|中心|工厂|品牌|产业链|集群|基金|试点|公园|保护区"
# Kinds of thing a law names, with the endings their names take as patterns (林长制, not 直辖市制定;
# 《电力业务许可证》; 火灾事故认定书).
_SYSTEM_ENDING = "(?<![编控限抑管体机法规建研创定强压牵复克节])制(?![定订作造止约裁衡宜])"  # 林长制, 总分馆制
KIND_ENDINGS = {"制度": ("制度", _SYSTEM_ENDING), "体制": ("体制", _SYSTEM_ENDING),
                "文书": ("文书", "书"), "文件": ("书", "证", "令", "文件", "纲要", "大纲", "规划", "方案", "办法", "条例", "意见", "细则"), "凭证": ("凭证", "证", "书"), "图": ("图",),
                "证件": ("许可证", "证件", "证书", "证", "执照"), "证书": ("证书", "证"), "许可证": ("许可证",),
                "证": ("证",), "称号": ("称号",), "目录": ("目录",), "名单": ("名单", "清单"),
                "钱": ("基金", "资金", "经费", "金"), "计划": ("计划",), "系统": ("系统",), "体系": ("体系",), "机制": ("机制",), "报告": ("报告",), "负责制": ("负责制",), "责任制": ("责任制",), "人员": ("员",)}
NAMED_KINDS = "|".join(KIND_ENDINGS)

# 公示期有什么要求: what a period must meet is its length.
PERIOD_RULE_ASKED = r"[\u4e00-\u9fff]期有什么(?:最低|最高)?(?:限制|要求|规定)"
_ABSTRACT = ("要求|规定|措施|条件|情形|情况|责任|义务|权利|原则|方式|方法|手续|程序|处罚|处理|后果|影响|问题|区别|关系|"
             "好处|标准|限制|范围|目标|政策|支持|优惠|目的|用途|职责|任务|工作|活动|行为|内容|作用|意义|时候|时间|样|"
             "程度|水平|地方|领域|方面|途径|渠道|形式|原因|理由|依据|重点|奖励|补贴|保障|变化|意见|建议")
# How heavy a sentence is (判多重的刑, 最多判几年): a term, answered as 三年以上七年以下有期徒刑.
PRISON_TERM_ASKED = r"判(?:处)?(?:多重|几年|多少年|多久|什么刑)|(?:怎么|如何)判|多重的刑|刑期(?:是)?(?:多长|多久|几年)"
# …and whether it asks the kind of penalty with the years: how heavy, or the kind said after its number
# (判多少年有期徒刑); 判几年 asks the years alone (三年以上十年以下).
PENALTY_KIND_ASKED = r"判(?:处)?(?:多重|什么刑)|(?:怎么|如何)判|多重的?刑?|(?:几|多少)年(?:有期徒刑|拘役|管制)"
# 设在哪个城市, 选址在哪个县: a place's name, unless its body is asked (哪个市的部门)
PLACE_ASKED = r"哪一?个(?:城市|地市|县|市|省|区|州)(?!级)(?![\u4e00-\u9fff]{0,6}(?:部门|政府|机关|机构|人民))"
RESPONSIBLE_ASKED = r"牵头|负责|责任"  # who carries a measure out: a （责任单位：…） note names them
# 按刑法哪一条定罪, 加在刑法第几条: an article of a law, answered by its number (第二百五十三条之一)
ARTICLE_ASKED = r"(?:法|条例|规定)[里中的]{0,2}(?:第几条|哪一?条)(?![线路船河街])"
# who or which body is asked (the last check before lists and figures)
_BODY_ASKED = re.compile(r"谁|哪一?级[\u4e00-\u9fff]{0,8}?(?:部门|政府|机关|机构)|由哪一?级|哪一?级(?:来|负责)?(?:审核|审批|批准|核准|决定|备案|登记)|哪个部门|(?:哪些|哪几个?|哪几家)(?:部门|部委|机构|机关|单位|组织(?!形式|结构|方式|架构))|哪一?个?(?:组织(?!形式|结构|方式|架构)|团体)|哪个机关|哪个单位|哪个机构|哪个会议|什么会议|哪家|什么(?!样)[\u4e00-\u9fff]{0,4}?(?:部门|机关|机构)|(?:部门|机关|单位|机构)是(?:哪|谁)|牵头|发布机构|(?:印发|批准|通过)的[？?]?$|审议通过|制定机关|"
                         # 到哪里去办理: where a matter is done is a body
                         r"[到去]哪(?:里|儿)去?(?:办|申请|申报|缴纳|办理|登记|备案|报告|投诉|举报|起诉)|哪(?![些几])一?[个级家]?[\u4e00-\u9fff]{0,4}?(?:法院|检察院|部门|机关|机构)|"
                         # 由谁负责, but not the body a question starts from (负责航道管理的部门…公布什么图),
                         # nor the person it describes (负责管理的人违法了，能给他哪些处分)
                         r"负责(?!人)(?![\u4e00-\u9fff]{1,12}的(?:部门|机关|单位|机构|人))")
# 施行, 生效, 截止 speak of a date without asking one: 由哪个机关公布施行 asks the body
_WHEN = r"何时|什么时候|什么时间(?!内)|时间节点|哪[一几]?天|哪一?周|哪年|哪一年|几月|几点|哪一?个月|几号前|日期|哪个时间"
_ASKS = [  # checked in order: the first that matches is the question's type
    (ENTITY, re.compile(ARTICLE_ASKED)),
    # asks a name, whatever else it says (国家实行什么制度 asks the system's name, not the 湿地面积 it is about)
    (ENTITY, re.compile(rf"叫什么|什么名字|名称是什么|哪一?[台只座部所首本篇套](?!门)|(?:什么|哪种|哪一?[个份条笔])(?:{NAMED_KINDS})|"
                # 哪个标准, 哪个设计标准, 哪个等级的标准: a standard asked by its kind is named (农村居住建筑节能设计标准)
                rf"哪一?[个项份]标准|哪一?[个项份部种][\u4e00-\u9fff]{{1,6}}?标准(?=[？?，,来]|$)|"
                # 实行什么样的使用制度, 建立什么信息管理制度: the kind closes a description of it
                rf"什么(?:样的?)?[\u4e00-\u9fff]{{1,6}}?(?:{NAMED_KINDS})(?=[？?，,]|$)|"
                # 写进了哪项要长期存在和发展的制度: the same after 哪项, with a longer description
                rf"哪一?[项种个][\u4e00-\u9fff]{{1,10}}?的(?:{NAMED_KINDS})(?=[？?，,]|$)|"
                # 哪项制度, 哪项帮扶行动, 是哪一项: 项 counts programmes, systems, standards and plans, which have names
                rf"哪一?项[\u4e00-\u9fff]{{0,10}}[？?]?$|"
                # 执行哪一级的绿色建筑标准: the grade names the standard
                rf"哪一?[级档]的?[\u4e00-\u9fff]{{0,8}}?标准|"
                # 要把它划成什么, 划进什么区: the zone a plan designates
                rf"划(?:成|为|进|入|到)了?(?:一个)?什么(?!样)|{PLACE_ASKED}")),
    # yes or no: the rule answers; 决定是否同意 inside a question is what is decided, not what is asked
    # (要不要回避由谁决定 asks the body, 要不要修改，向哪个机关报告 the body)
    (None, re.compile(r"(?:会不会|是不是|能不能|可不可以|要不要|有没有|(?<![定断查估出])是否|算不算)(?!.*(?:由谁|谁来|向谁|哪个|哪家|哪一?级|哪里|多少|几[个天年月]))")),
    (DOC_NUMBER, re.compile(r"文号|发文字号|字号|文件编号|令第几号|第几号令|令号")),
    (QUANTITY, re.compile(PRISON_TERM_ASKED)),  # 要判多重的刑: a term of years
    # a span of time (最短要留多少时间), even when the question names a deadline it runs to (投标截止)
    (QUANTITY, re.compile(r"(?<!哪)几折|多少折|多久|多长(?:时间|期限|时限)|什么(?:时间|期限|时限)内|多少时间|(?:多少|(?<!哪)几)个?(?:天|工作日|小时|分钟)|(?:多少|(?<!哪)几)个月")),
    # 施行的2022年…收入是多少亿元: a number asked at the end, whatever date the question speaks of
    (QUANTITY, re.compile(r"^(?!.*(?:日期|时间|何时|哪天|哪年)).*多少[\u4e00-\u9fff%]{0,3}[？?]?$")),
    # 向哪里提出申请, 要报哪里批准后才能施行: where a thing is handed in or sent is a body, not when it takes effect
    (ORG, re.compile(r"(?:向|报|报送|报请)(?:哪(?:里|儿)|谁)")),
    (LIST, re.compile(r"(?:都有|包括)谁")),  # 第一顺序继承人都有谁: people, listed
    # 是哪个部门审议通过并公布施行的: the body asked, though the question ends on coming into force
    (ORG, re.compile(r"(?:谁|哪一?[个级家](?:部门|机关|单位|机构))(?![^，,。？?]*(?:什么时候|何时|哪天|哪一天|哪年|日期|时间))"
                     r"[^，,。？?]*(?:施行|生效)的[？?]?$")),
    (DATE, re.compile(rf"{_WHEN}|施行|生效|截止")),
    (ORG, _BODY_ASKED),
    (LIST, re.compile(r"哪几")),  # 几家用能大户是哪几家: the count is said, the names are asked
    # 主要健康指标包括哪些, 哪些货物适用百分之九的税率: the items are asked, though the question speaks of a figure,
    # unless it asks for a number too (哪些项目…要达到多少)
    (LIST, re.compile(r"^(?!.*(?:多少|几|多[大高长久宽窄深远厚]|[百千万]分之几)).*哪些")),
    # 规模59万千瓦的是哪一个: the figure is given, the name is asked
    (ENTITY, re.compile(r"是哪一?个[？?]?$")),
    (QUANTITY, re.compile(r"多少|比例|比重|占比|(?<!哪)几[个项家座万亿%成倍天日年星级人名次档度岁条辆台套处所批只艘根户届等层栋幢间位]|(?<!哪)几分(?![之钟])|几周岁|什么年龄|多大|多高|多长|多久|多宽|多窄|多深|多远|多厚|期限|时限|多少倍|"
                          r"罚款|(?:怎么|如何|怎样)处?罚|(?:降|下降|降低|提高|提升|控制)[到至在]什么水平|目标值|指标|[百千万]分之(?:多少|几)|降幅|增幅|涨幅|降低幅度|下降幅度|不能超过|不得超过|不超过|什么目标|目标是什么|目标为|目标[吗？?]*$|"
                          r"面积|规模|容量|上限|下限|门槛|人数|次数|什么区间|"
                          # 剩余刑期短到什么程度: how short is a figure
                          r"[短长高低大小少多快慢]到什么(?:程度|地步)|"
                          # a measured thing's rule (红线宽度有什么限制) is its figure
                          r"(?:数量|个数|宽度|净宽|高度|净高|长度|深度|层数|限值|PUE值?|时速|车速|速度|年龄|年纪|岁数)(?:上)?有什么(?:最低|最高)?(?:限制|要求|规定|条件)|"
                          rf"{PERIOD_RULE_ASKED}|"
                          r"[\u4e00-\u9fff]率(?!先)")),  # a rate (覆盖率, 利用率) is a number
    (LEVEL, re.compile(r"什么水平|什么位置|什么程度|什么地步|哪个水平|什么档次")),
    (ENTITY, re.compile(rf"(?:什么|哪个|哪一个|哪一?[项支只])(?:{ENTITY_NOUNS}|[\u4e00-\u9fff]{{1,3}}?(?:{ENTITY_NOUNS})(?=[\u4e00-\u9fff]{{2}})|[\u4e00-\u9fff]{{1,8}}?(?:{ENTITY_NOUNS})(?:(?![\u4e00-\u9fff])|(?=[来去要需将应被由在是可已还会]|用[来于]|[上里中内](?![\u4e00-\u9fff]))))|哪一?[种类](?=[\u4e00-\u9fff])|叫什么|什么名字|名称是什么|(?:简称|缩写|简写)(?:是|为)?什么|是哪一?个[？?]?$|"
                # 是哪份目录, 记到哪个库里, 开通的是哪条线: a thing of a kind the question ends on
                rf"哪一?[个份条笔张](?!{_ABSTRACT}|条款|法律|法规|规定|条例)[\u4e00-\u9fff]{{1,3}}?[里上中内]?[？?]?$")),
    (LIST, re.compile(r"哪些|哪几|哪[两二三四五六七八九十]|包括什么|包括哪")),
]
# What else ends in 什么 and a thing's kind (公布什么图, 发放什么文件) asks that thing's name; a rule's kind
# (什么要求, 什么措施) or an act (开展什么建设) is answered by the sentence.
_THING_ASKED = re.compile(rf"什么(?P<noun>(?!{_ABSTRACT}|[为是的在有])[\u4e00-\u9fff]{{1,3}})[？?]?$")
HANDING_VERBS = "核发|发给|颁发|发放|制发|出具|开具|申领|领取|取得"  # a paper is issued or received
# A thing made, issued, kept or handed over, asked with 什么 and nothing after it (还要建立什么？): its name.
OBJECT_VERBS = f"建立|设立|设置|编制|制定|持有|提交|提供|报送|签订|订立|公布|配备|保存|建设|申请|支付|{HANDING_VERBS}"
# 设立了什么来统筹协调: what follows 来 says what the thing is for
OBJECT_ASKED = re.compile(rf"(?P<verb>{OBJECT_VERBS})了?(?:{PERSONS})?(?:一?[个项套种])?(?P<what>什么)"
                           rf"(?:(?!{_ABSTRACT})[\u4e00-\u9fff]{{0,4}}(?=[，,？?]|$)|(?=来))")
_HOLDS = {
    DOC_NUMBER: re.compile(r"[\u4e00-\u9fff]{1,10}\s*[〔\[［【(（]\s*\d{4}\s*[〕\]］】)）]\s*\d+\s*号"),
    DATE: re.compile(r"\d{4}\s*年\s*(\d{1,2}\s*月)?|起施行|之日起|\d{4}-\d{1,2}"),
    ORG: re.compile(r"[\u4e00-\u9fff]{2,}(人民政府|委员会|常务委员会|办公室|办公厅|部|厅|局|委|署|中心|分局|厂)"),
    # …or in Chinese numerals, as laws print them (五倍以上十倍以下, 一百二十五平方米, 千分之二), not 第五十七条
    QUANTITY: re.compile(r"\d+(\.\d+)?\s*(%|‰|万|亿|千|吨|个|家|座|项|倍|米|平方|千瓦|兆瓦|公里|元|年|天|日|小时)"
                         r"|(?<![第一二三四五六七八九十百千万两零〇])[一二三四五六七八九十两][一二三四五六七八九十百千万两零〇]*"
                         r"(?:倍|万元|元|个?工作日|日|天|个月|年|小时|米|公里|公顷|亩|平方米|吨)|[百千万]分之[一二三四五六七八九十]"),
    LIST: re.compile(r"[^、，。；]{1,20}、[^、，。；]{1,20}、"),
    LEVEL: re.compile(r"(?:达到|保持在|处于|位于|位居|走在|进入)[^，,。；;、]{2,30}"),
    ENTITY: re.compile(rf"[^\W\d_]{{2,}}(?:{ENTITY_NOUNS})"),
}


_ASKING_WORD = re.compile(r"哪|谁|什么|多少|几|何|多[大高长久宽窄深远厚]|啥")
_DATE_ASKED = next(pattern for kind, pattern in _ASKS if kind == DATE)
_WHEN_ASKED = re.compile(_WHEN)
_FIGURE_ASKED = re.compile(r"多少|多大|比例|比重|占比|[百千万]分之")


def asking_part(question: str) -> str:
    """The last part of the question (between its commas and stops) holding an asking word; what comes before
    is the case its asker tells."""
    parts = re.split(r"[，,；;。？?！!]", question)
    return next((part for part in reversed(parts) if _ASKING_WORD.search(part)), question)


def asked_type(question: str) -> str | None:
    """The kind of value the question asks for, or None (什么是…, 怎么…: a sentence answers)."""
    kind = next((kind for kind, pattern in _ASKS if pattern.search(question)), None)
    # 超过…动工日期满一年…，按出让金的多大比例征收: a date the question speaks of before the part that asks a
    # figure is not what it asks
    asking = asking_part(question)
    if kind == DATE and not _DATE_ASKED.search(asking) and _FIGURE_ASKED.search(asking):
        kind = QUANTITY
    # 会议哪天召开，是由谁定的; 经批准后由哪个机关公布施行: the part that asks, asks a body and no date
    if kind == DATE and not _WHEN_ASKED.search(asking) and _BODY_ASKED.search(asking):
        kind = ORG
    if kind is None and OBJECT_ASKED.search(question):
        return ENTITY
    thing = _THING_ASKED.search(question) if kind is None else None
    # one character after 什么 is a kind of thing (什么表, 什么税), whatever the tagger reads alone
    return ENTITY if thing and (len(thing.group("noun")) == 1 or not is_an_act(thing.group("noun"))) else kind


def holds(text: str, kind: str | None) -> bool:
    """The text holds a value of this kind."""
    return kind is not None and _HOLDS[kind].search(text) is not None


# The measure a 多少/几 question asks in (多少个, 多少万千瓦, 百分之多少) and what a value in that measure
# carries. 个 is the general classifier, so it stands for every count word.
_COUNT = "个座家项条辆台套处所批只艘根人名户层栋幢间头"
# Words asking for a span of time (多久, 多长时间, 几个工作日): qa.answer reads what follows them as what is timed.
TIME_ASKING = r"多久|多长(?:时间|期限|时限)|什么(?:时间|期限|时限)内|多少时间|(?:多少|(?<!哪)几)个?(?:天|日|工作日|月|年|小时|分钟)"
# …or a span of time asked by its name first (公示时间至少多长), or a period after 多长 (多长的宽展期).
TIME_SPAN_ASKED = rf"{TIME_ASKING}|(?:时间|期限|时限|时长|时效)[^，,。？?]{{0,8}}(?:多长|多久|多少)|期(?:间|限)?(?:是|为|有)?(?:多长|多久)|多长的?[\u4e00-\u9fff]{{0,4}}期(?![望待])"
# From what is measured to the asking words, past one clause of time (电解铝使用可再生能源的比例，到2025年要提高到多少)
_THEN_ASKED = r"[^，,。？?]{0,10}(?:[，,][^，,。？?]{0,12})?"
_MEASURES = [
    (re.compile(PRISON_TERM_ASKED), re.compile(r"年|月")),
    # a span asked in years, months or days is answered in them (几年 is not answered by 六个月至十二个月)
    (re.compile(r"(?:多少|(?<!哪)几)个?年"), re.compile(r"年")),
    (re.compile(r"(?:多少|(?<!哪)几)个月"), re.compile(r"月")),
    (re.compile(r"(?:多少|(?<!哪)几)个?(?:天|日|工作日)"), re.compile(r"天|日")),
    (re.compile(TIME_SPAN_ASKED), re.compile(r"天|日|月|年|小时|分钟")),
    (re.compile(r"(?:时限|期限)(?:是|为)什么"), re.compile(r"天|日|月|年|小时|分钟|前")),  # 时限是什么: a span or a deadline
    (re.compile(r"(?:多少|(?<!哪)几)个?(?:学时|课时|学分)"), re.compile(r"学时|课时|学分")),
    (re.compile(r"(?:多少|(?<!哪)几)次"), re.compile(r"次")),  # how often: a count of times, not of things
    (re.compile(r"(?:多少|(?<!哪)几)分(?![之钟])"), re.compile(r"分(?![之钟])")),  # 加几分: points, not a share
    (re.compile(r"(?<!哪)几折|多少折"), re.compile(r"折")),  # a discount: no figure in another measure answers
    (re.compile(r"(?:多少|(?<!哪)几)个?(?:等级|级别)"), re.compile(r"级")),  # 分成多少个等级: 十三级
    (re.compile(r"(?:多少|(?<!哪)几)届"), re.compile(r"届")),  # 连任几届: terms, not people
    (re.compile(r"(?:多少|(?<!哪)几)(?:名|位|个?人)"), re.compile(r"人|名|位")),  # 多少名代表, 几人: people, as 人 or 名
    # a count named by its kind (层数上限是多少, 按多少名额): in what it counts
    # …or by the rule on it (股东人数有什么限制): people are counted in 人, 名, 位 or 个 (一个以上五十个以下股东)
    (re.compile(r"(?:人数|名额)[^，,。？?]{0,6}(?:多少|几|什么[^，,。？?]{0,2}(?:限制|要求|规定|条件))|多少名额"), re.compile(r"人|名|位|个")),
    (re.compile(r"层数[^，,。？?]{0,6}(?:多少|几)"), re.compile(r"层")),
    (re.compile(r"户数[^，,。？?]{0,6}(?:多少|几)"), re.compile(r"户")),
    (re.compile(rf"(?:多少|(?<!哪)几)(?:十|百|千|万|亿)?[{_COUNT}]"), re.compile(rf"[{_COUNT}]")),  # 多少万户
    (re.compile(r"(?:多少|几)(?:万|亿)?(?:千瓦|兆瓦|吉瓦|瓦)"), re.compile(r"瓦")),
    (re.compile(r"(?:多少|几)(?:万|亿)?(?:亩|公顷|平方米|平方公里)"), re.compile(r"亩|公顷|平方")),
    (re.compile(r"(?:多少|几)(?:万|亿)?立方米?"), re.compile(r"立方")),
    (re.compile(r"(?:多少|几)(?:万|亿)?吨"), re.compile(r"吨")),
    (re.compile(r"(?:多少|几)(?:毫克|微克|千克|公斤|克)"), re.compile(r"克|公斤")),
    (re.compile(r"(?:多少|几)周?岁|年龄|年纪|岁数"), re.compile(r"岁")),
    (re.compile(r"(?:多少|(?<!哪)几)倍"), re.compile(r"倍")),
    (re.compile(r"几星级?|什么星级"), re.compile(r"星")),  # 绿色建筑几星级: a star rating, not a share
    # a sum named by its kind of money (多少退出金, 多少补偿金) is in 元 as well
    (re.compile(r"(?:多少|几)(?:万|亿)?元|多少钱|(?<!的)多少[^\W\d_的]{0,4}(?:金(?![属])|补贴|补助|经费|额度)|价[^，,。？?]{0,6}(?:多少|多高)"), re.compile(r"元")),
    # a fee (多少登记费) is money, or a share of what it is reckoned on (手续费百分之二)
    (re.compile(r"(?<!的)多少[^\W\d_的]{0,4}(?<!消)费(?!用量)"), re.compile(r"元|%|％|[百千万]分之")),
    # a fine is set in money, or as a multiple or a share of what it is reckoned on (年收入百分之八十)
    (re.compile(r"(?:罚款|罚金|罚)[^，,。？?]{0,6}(?:多少|多高)|(?:怎么|如何|怎样)处?罚"), re.compile(r"元|倍|%|％|[百千万]分之")),
    # a sum of money named by its kind (奖励金额是多少) is in 元; a fine reckoned on an amount
    # (按中标项目金额处多少罚款) is the fine's
    (re.compile(r"(?:金额|奖金|奖励|补助|补贴|工资|薪酬|费用|资本|资金)(?![^，,。？?]*罚)[^，,。？?]{0,6}(?:多少|多高)"), re.compile(r"元")),
    (re.compile(r"(?:多少|几)(?:公里|千米|米|海里)|多宽|多窄|多深|多远|多厚"), re.compile(r"公里|千米|(?<!平方)米|海里")),
    (re.compile(r"(?:时速|车速|速度)[^，,。？?]{0,8}(?:多少|多快|什么(?:最低|最高)?(?:限制|要求|规定))"), re.compile(r"公里|千米|米")),
    (re.compile(r"[百千万]分之(?:多少|几)|多少%|百分比"), re.compile(r"%|％|‰|[百千万]分之|成")),
    # 不超过建筑面积的多少 asks for a part of the area: a share, not an area.
    (re.compile(r"的(?:多少|几成)[？?]?$"), re.compile(r"%|％|‰|百分之|分之|成|倍")),
    # 居民代表至少占多少: a part of a whole (占地 is land)
    (re.compile(r"占(?![地用])到?(?:多少|几成)"), re.compile(r"%|％|‰|分之|成")),
    # What is measured says the unit: an installed capacity in 瓦, a share in %, an area in 平方米/亩/公顷.
    (re.compile(rf"装机(?:容量|规模)?{_THEN_ASKED}(?:多少|几)"), re.compile(r"瓦")),
    (re.compile(rf"(?:比重|占比|比例|份额){_THEN_ASKED}(?:多少|几成)|(?:什么|多少|多大的?)(?:比重|占比|比例)"),
     re.compile(r"%|％|‰|分之|成|\d\s*[:：∶]\s*\d")),  # a share, or a ratio (替代比达1:1)
    (re.compile(r"(?<=[\u4e00-\u9fff])(?<![同环相对])比值?(?:是|为|达到?)?(?:多少|几比几)"), re.compile(r"%|％|分之|\d\s*[:：∶]\s*\d")),
    (re.compile(rf"面积{_THEN_ASKED}(?:多少|几)"), re.compile(r"平方|亩|公顷")),
    # A rate (保护率, 覆盖率) is a share: 60%, not the 8000万千瓦 the same sentence gives for something else.
    (re.compile(rf"[\u4e00-\u9fff]率(?!先){_THEN_ASKED}(?:多少|多高|几成)"), re.compile(r"%|％|‰|[百千万]分之|成")),
]


# 超过多少人就必须…: what follows 就, 才, 时 … is what happens then, not what is counted; 多少人有没有规定
# asks whether a rule says it; 好几个, 十几个 say a number, they ask none
_COUNTED = re.compile(rf"(?:多少|(?<![哪好十])几)[{_COUNT}](?![就才便即时后内前的以左上下])(?!有没有|是不是|能不能|要不要)(?P<noun>[\u4e00-\u9fff]{{2,8}})")

# 几个人, 几个月: a count of people or months, named by the unit itself
_COUNTED_UNITS = {"人", "月", "年", "天", "日", "次", "名", "位", "户"}


def counted_words(question: str, cut) -> list[str]:
    """The words of what a 多少个/几座 question counts (多少座加氢站 → 加氢站); [] when it counts nothing named."""
    counted = _COUNTED.search(question)
    if not counted:
        return []
    words = cut(counted.group("noun"))
    # 几个人一起, 几个月内开工: people or months are counted; the unit says them, and what follows is no thing counted
    if words[0] in _COUNTED_UNITS:
        return []
    return [word for word in words if len(word) >= 2]


def asked_measure(question: str) -> re.Pattern | None:
    """What a value must carry to be in the measure the question asks for; None when it names none."""
    # 装机占水电装机的比例是多少 asks for a share: the kind of figure said nearest the asking words decides.
    found = [(match.start(), -order, carries) for order, (asks, carries) in enumerate(_MEASURES)
             for match in [asks.search(question)] if match]
    return max(found, key=lambda item: item[:2])[2] if found else None


# Kinds of document: 哪部原有特区法规 asks for a title.
DOCUMENT_KINDS = "法律|法规|规章|文件|条例|办法|规定|方案|规划|意见|通知|标准|政策"
_NAMED_AFTER = re.compile(r"(?:哪|什么)一?[个台只座部所种类项份套条笔张]?(?P<noun>[\u4e00-\u9fff]{1,12})")
# …公布的碳排放评价结果，叫什么: the thing may stand before a comma when nothing follows 叫什么 (…的举措，叫什么计划
# asks the 计划), and a 这个 or 它 may take it up
_NAMED_BEFORE = re.compile(r"(?P<noun>[\u4e00-\u9fff]{2,8})(?:[，,](?:这一?个|它)?(?=叫什么[？?]?$))?(?:叫什么|是什么名字|的名称是什么|名称是什么|(?:是哪一个|是哪个|是哪一项|是哪项)(?=[？?]?$))")
SHORT_NAME_WORDS = ("简称", "缩写", "简写")
_SHORT_NAME_ASKED = re.compile(rf"({'|'.join(SHORT_NAME_WORDS)})(?:是|为|叫)?什么")
_DEMONSTRATIVE = re.compile(r"^(?:这一?个|那一?个|这|该|此|其)")


def asked_nouns(question: str, cut) -> list[str]:
    """The noun a question asks the name of (输变电工程叫什么 → 输变电工程; 哪台机组搞… → 机组, then 机组搞:
    the first word after 哪/什么, then the first two); [] when it names none.
    cut: a word segmenter (jieba's)."""
    short = _SHORT_NAME_ASKED.search(question)
    if short:  # 简称是什么 asks for the short name itself
        return [short.group(1)]
    before = _NAMED_BEFORE.search(question)
    noun = _DEMONSTRATIVE.sub("", before.group("noun").rsplit("的", 1)[-1]) if before else ""
    if len(noun) >= 2:  # 这个平台叫什么 → 平台
        return [noun]
    # 有什么硬性要求，规定要装什么系统: of several asking words, the one before a kind of named thing
    asked = [cut(re.sub(r"(?<=[\u4e00-\u9fff])[里上中内]$", "", m.group("noun"))) for m in _NAMED_AFTER.finditer(question)]
    # 记到哪个库里: 里 says where, the thing is the 库
    asked = [words for words in asked if words and words[0] not in ("来", "用来")]  # 设立了什么来统筹: what it is for
    words = next((words for words in asked if any(re.fullmatch(rf"[\u4e00-\u9fff]*(?:{ENTITY_NOUNS}|{NAMED_KINDS})", word)
                                                  for word in words[:2])), asked[0] if asked else [])
    if words and len(words[0]) > 1 and words[0][-1] in "来去":  # 设置什么人来监督: 人, then what it is for
        words = [words[0][:-1], words[0][-1], *words[1:]]
    # 哪一项国家级土地保护工程, 哪个企业融资对接服务平台来上线…: a description of three words or more names its
    # kind by its first word that is a kind of named thing or document (工程, 服务平台, 法规)
    kind = next((i for i, word in enumerate(words)
                 if i >= 2 and re.search(rf"(?:{ENTITY_NOUNS}|{DOCUMENT_KINDS}|{NAMED_KINDS})$", word)), None)
    if kind is not None:
        return [words[kind], "".join(words[kind - 1:kind + 1])]
    return [words[0], "".join(words[:2])] if len(words) > 1 else words
