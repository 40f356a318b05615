"""The spans of a sentence that can answer a question of each type (qa.answer_types), verbatim:
a quantity with its qualifiers, a date or deadline, an organisation, a 文号, a list."""
from __future__ import annotations

import os
import re

from qa.answer_types import (DATE, DOC_NUMBER, DOCUMENT_KINDS, ENTITY, ENTITY_NOUNS, HANDING_VERBS, KIND_ENDINGS, LEVEL,
                             LIST, NAMED_KINDS, ORG, QUANTITY, SHORT_NAME_WORDS)
from qa.places import gazetteer, word_bounds
from qa.targets import UNITS, VALUE_RE, compact

_LEAD = ("力争|争取|确保|累计|连续|年均|平均|一般|原则上|最高|最低|最多|至少|不足|[不未](?:得|应|宜)?(?:少于|低于|高于|超过|大于|小于)|"
         "超过|低于|高于|突破|约")
# A range whose unit is said once, after its upper end (5千至1万吨标煤, 2.6万至5万吨).
_RANGE_FROM = r"\d+(?:\.\d+)?[千万亿]?\s*(?:至|到|~|～)\s*"
# A rate's base opens its amount: 每立方米五百元以上五千元以下.
_PER_UNIT = r"(?:每(?:立方米|平方米|吨|千瓦时|亩|公顷|千克|公斤|辆|台|人|户|次|件))?"
_QUANTITY = re.compile(rf"{_PER_UNIT}(?:(?:{_LEAD}){{1,2}}(?:达到|达|提高到|提升到|下降|降低|控制在|保持在|为)?)?(?:{_RANGE_FROM})?"
                       rf"{VALUE_RE.pattern}(?:(?:至|到|-|—|~|～|(?<=以上)){VALUE_RE.pattern.replace('?P<', '?P<r_')})?")
# The words that set a value, between what is measured and the value (…比重达到32%, 力争提高到…, 为).
SETTING_VERB = re.compile(r"(?:力争|确保|分别|累计|年均)?(?:达到|(?:提高|提升|增长|降低|下降|降)[到至]|控制在|保持在|下降|降低|提高|增长|为|是|达)?$")
_RATE_BASE = re.compile(rf"^\s*{_PER_UNIT}")
# 至少保存二年, 至少提前三十日: a bound said before the verb it bounds is the value's all the same.
_BOUND_AND_VERB = rf"(?:至少|最少|最长|最短|最多)(?!{_LEAD}|为|达)(?:(?![一二三四五六七八九十百千万两零〇])[\u4e00-\u9fff]){{2}}"
BOUND_BEFORE_VERB = re.compile(_BOUND_AND_VERB)
_STATED_LEAD = re.compile(rf"^(?:{_BOUND_AND_VERB}|(?:{_LEAD}){{1,2}}(?:达到|达|提高到|提升到|下降|降低|控制在|保持在|为)?)")


def stated_lead(value: str) -> str:
    """The qualifier and verb a quantity span opens with (力争达到, 最高不得超过); '' when none."""
    lead = _STATED_LEAD.match(value)
    return lead.group() if lead else ""


def without_rate_base(value: str) -> str:
    """每次不得超过三个月 → 不得超过三个月: the base a rate is per says nothing of the value's own measure."""
    return _RATE_BASE.sub("", value)


_ONE_LEAD = re.compile(rf"\s*(?:{_LEAD})")


def stated_qualifiers(lead: str) -> list[str]:
    """The qualifier words a stated lead opens with, in order (一般不超过 → 一般, 不超过), spaces kept."""
    words, position = [], 0
    while (found := _ONE_LEAD.match(lead, position)) is not None and found.end() > position:
        words.append(found.group())
        position = found.end()
    return words


_CN = "一二三四五六七八九十百千万两零〇"
# Spans of time first, so 十五个工作日 is not read as 十五个; then the units of figures, longest first.
_CN_UNIT = "个工作日|工作日|个月|小时|分钟|星级|" + "|".join(map(re.escape, UNITS)) + "|日|天|年"
# Not a clause's or an item's number (第五十七条), a date's day (八月一日), nor the 一 of 上一年 (the year before) or 下一级.
_CN_NUMBER = rf"(?<![第月{_CN}])(?!(?<=[上下])一(?:年|季|次|级|步))[一二三四五六七八九十两][{_CN}]*"
_PERCENT = rf"(?:[百千万]|[二三四五六七八九十])分之{_CN_NUMBER}(?:点[{_CN}]+)?"  # 百分之五十, 千分之二, 万分之五, 二分之一
# A bound in a unit or a share: 五万元, 百分之五十 (百分之五十以上二倍以下).
_CN_BOUND = rf"(?:{_CN_NUMBER}(?:{_CN_UNIT})|{_PERCENT})"
# 三十年至七十年, 六个月至三年以内, 五万元以下, 三公里范围内, 七日前, 每五年
_CN_AMOUNT = re.compile(rf"{_PER_UNIT}(?:提前|[年已]满|(?:连续)?[不未]?满|(?:{_LEAD}){{1,2}}为?|{_BOUND_AND_VERB})?(?:人民币)?(?:{_CN_BOUND}以上{_CN_BOUND}以下"
                        rf"|{_CN_NUMBER}(?:{_CN_UNIT})?(?:至|到){_CN_NUMBER}(?:{_CN_UNIT})(?:以内|以下|内)?"
                        rf"|(?:每(?=[一二三四五六七八九十两]))?{_CN_NUMBER}(?:{_CN_UNIT})(?:以上|以下|以内|以外|范围内|内|以前|前)?(?:的?单数)?"
                        rf"|{_PERCENT}(?:至|到){_PERCENT}"
                        rf"|{_PERCENT}(?:以上|以下|以内)?"
                        rf"|{_CN_NUMBER}等{_CN_NUMBER}[级衔]"  # 五等十三级, 三等七衔: ranks in classes and grades
                        r"|过半数|半数以上"  # a share said in words, as laws set quorums and majorities
                        r"|每?半(?:年|个月)(?:以内|内)?)")
_DURATION = re.compile(rf"(?:提前|(?:{_LEAD}){{1,2}}|{_BOUND_AND_VERB})?(?<![\d月])\d{{1,3}}(?:个)?(?:工作日|日|天|小时|分钟|个月|年)(?:内|以内|以上)?")
# A number with a bound and no unit: PUE 不高于1.3.
_BOUNDED = re.compile(r"(?:[不未](?:得|应|宜)?(?:少于|低于|高于|超过|大于|小于)|低于|高于|小于|大于|超过)(?:或?等于)?\d+(?:\.\d+)?(?![\d.%％‰万亿千百吨米瓦元个家座项倍年日天层]|"
                      + "|".join(map(re.escape, UNITS)) + ")")
# A ratio with no unit after the verb that sets it: 铁钢比降到0.75以下.
_SET_RATIO = re.compile(r"(?:降到|降至|降低到|控制在|提高到|提升到|保持在)(?P<value>\d+\.\d+(?:以下|以上|以内|左右)?)(?![\d%％‰万亿千百吨米瓦元个家座项倍年日天层])")
# A ratio of two numbers: 替代比达1:1, 配比1∶3.
_RATIO = re.compile(r"(?<![\d.:：∶])\d+(?:\.\d+)?\s*[:：∶]\s*\d+(?:\.\d+)?(?![\d.:：∶])")
_SOLAR_TERMS = "立春|雨水|惊蛰|春分|清明|谷雨|立夏|小满|芒种|夏至|小暑|大暑|立秋|处暑|白露|秋分|寒露|霜降|立冬|小雪|大雪|冬至|小寒|大寒"
_DATE = re.compile(r"(?:每年)?(?:\d{1,2}|[一二三四五六七八九十]{1,2})月(?:\d{1,2}|[一二三四五六七八九十]{1,3})日[^\W\d_]{0,10}?所在(?:的)?(?:周|星期)"  # 每年5月15日国际家庭日所在周
                   r"|\d{4}年\d{1,2}月\d{1,2}日|[〇零一二三四五六七八九]{4}年(?:[一二三四五六七八九十]{1,2}月(?:[一二三四五六七八九十]{1,3}日)?)?|\d{4}年(?:\d{1,2}月)?(?:年?底|年?末)?(?:前|以前|之前)?|\d{4}-\d{1,2}-\d{1,2}"
                   r"|(?:每年|当年)?第[一二三四1-4]季度(?:末|底)?(?:前|以前|之前)?"  # 每年第一季度, 当年第三季度末
                   r"|(?:每年|(?<![\d年]))\d{1,2}月\d{1,2}日(?:前|以前|之前)?|(?:每年|(?<![\d年]))\d{1,2}月(?:底|末)(?:前|以前|之前)?"
                   r"|(?:每年|(?<![\d年〇零一二三四五六七八九十]))[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日(?:前|以前|之前)?"  # a yearly deadline: 每年3月31日前, 每年10月底前
                   r"|农历(?:正|[一二三四五六七八九十]{1,2})月(?:初[一二三四五六七八九十]|[一二三四五六七八九十]{1,3}日?)"  # 农历九月初九
                   rf"|(?:每年)?(?:农历)?(?:{_SOLAR_TERMS})日"  # 每年农历秋分日
                   # a weekday or week of a month (每年5月的第三个星期日, 5月的第二周), a month of the year (每年9月)
                   # or a span of months (六月至九月)
                   r"|(?:每年)?(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:份)?的?第[一二三四五]个?(?:星期|周|礼拜)[一二三四五六日天]?"
                   r"|每年(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:(?:至|到)(?:\d{1,2}|[一二三四五六七八九十]{1,3})月)?(?![\d一二三四五六七八九十初底末])"
                   # a day set by an event, as laws count from it (自办理失业登记之日起计算 → 办理失业登记之日)
                   r"|(?<=[自从])[^，。；：自从的]{2,14}?之日(?=起)"
                   # a deadline counted back from a term's end (有效期届满三十日前, 合同期满前三十日)
                   rf"|[^\W\d_于在至迟前后的]{{0,2}}期(?:限)?(?:届满|满)前?[{_CN}\d]+个?(?:日|天|月|年)(?:前|以前|之前)?"
                   rf"|届满前[{_CN}\d]+个?(?:日|天|月|年)"  # 使用年限届满，…应当至迟于届满前一年申请续期
                   rf"|(?:每日|每天)?[{_CN}\d]{{1,3}}时(?:[{_CN}\d]{{1,2}}分)?至(?:次日)?[{_CN}\d]{{1,3}}时(?:[{_CN}\d]{{1,2}}分)?"  # 每日二十二时至次日八时
                   rf"|[^\W\d_于在至迟前后的，。；]{{1,4}}日的[{_CN}\d]+个?(?:日|天)(?:前|以前|之前)"  # 选举日的二十日前
                   rf"|[^\W\d_于在至迟前后的，。；之每当次]{{2,4}}日[{_CN}\d]+个?(?:日|天)(?:前|以前|之前)"  # 拍卖日七日前
                   # a time counted back from an event, with its bound (至迟在开庭前三个月)
                   rf"|(?:(?:至迟|最迟)[于在]|(?<=[于在]))(?!届满|期满)[^\W\d_于在至迟前后的，。；之每当次]{{2,3}}前[{_CN}\d]{{1,3}}个?(?:日|天|月|年)(?![内以])")
# A 文号's prefix (国发, 渝发改工业) holds no function word, which keeps 关于印发的通知 out of it.
DOC_NUMBER_PRINTED = re.compile(r"[^\W\d_的知于在和及与对按将是为]{1,7}[〔\[［【(（]\d{4}[〕\]］】)）]\d+号"
                         r"|[^\W\d_的知于在和及与对按将是为]{2,12}令(?:第\d+号|[（(]第\d+号[）)])")
_ORG_SUFFIX = (r"(?:人民代表大会常务委员会|常务委员会|人民政府|(?:(?<=特别行政区)|(?<=地方)|(?<=各级))政府|立法会|委员会|办公室|办公厅|管理局|监管分局|分局|有限公司|公司|集团|"
               r"主管部门|部门|部队|法庭|审判庭|部(?![署分位件])|厅|局|委|(?<![部签])署|院|中心|电厂|工厂|厂|领导小组|工作组|银行|农商行|支行|分行|机构|机关|会议|"
               r"联合会|协会|学会|商会|基金会|工会|理事会|监事会|董事会|股东大会|股东会|代表大会|主席团|代表团|秘书处|事务处|办事处|管理处|总会|学校|幼儿园|医院)")
# No office of a body opens with what the body does (人民政府负责组织有关部门…, 由…会同…).
_NO_OFFICE_OPENING = "(?!负责|组织|牵头|应当|会同|要|按|指导|推动|加强|统筹|协调|做好|开展|加快|研究|制定|落实|联合|设)"
# No body's name opens with the rule it follows (按照省…部门的规定).
_RULE_VERBS = ("按照", "依照", "参照", "根据", "依据")
# 国务院能源主管部门, 市生态环境部门: a body named after the office above it is one organisation.
_ORG_OFFICE = re.compile(r"(?!(?<=会)同)" + _NO_OFFICE_OPENING + "(?!" + "|".join(_RULE_VERBS) + r")(?:[^\W\d_第条的和及与或在对由将为是向、，。；：]{1,8}(?:、|或者))*"
                         r"[^\W\d_第条的和及与或在对由将为是向、，。；：]{0,8}?(?:主管部门|部门)")
# An organisation's name holds no clause marker, function word or verb of procedure (第六条 广东省… starts at
# 广东省; 向人民法院申请中止以该金融机构… names two bodies).
_PROCEDURE_VERBS = ("申请", "提起", "提出", "请求", "中止", "终止")
_PROCEDURE_VERB = "|".join(_PROCEDURE_VERBS)
# …nor opens with a verb of taking part in work (承担国家核事故应急协调委员会日常工作 names no body)
ACTING_VERBS = ("承担", "参与", "配合", "协助", "督促")
# …nor starts at the second character of one, or of 或者 (或者国务院 names 国务院)
# …nor with the verb that hands the body a power (授权海南省人民政府审批 names 海南省人民政府)
_GRANTING_VERBS = ("授权", "委托")
_NOT_INSIDE_A_VERB = "(?!" + "|".join(f"(?<={word[0]}){word[1]}" for word in
                                      (*_PROCEDURE_VERBS, *ACTING_VERBS, *_GRANTING_VERBS, *_RULE_VERBS, "或者")) + ")"
_NOT_A_VERB = "(?!" + "|".join((*ACTING_VERBS, *_GRANTING_VERBS)) + ")"
_NAME_CHAR = rf"(?!{_PROCEDURE_VERB})(?:对外|共和国|(?:不)?设区的(?=市)|省、自治区、直辖市|[^\W\d_第条的和及与或在对由将为是向、，。；：]|[（(][\u4e00-\u9fff]{{1,6}}[）)])"  # 国务院对外经济贸易主管部门
# 财政部各地监管局, 国家发展改革委能源局, 县级人民政府林业主管部门: an office of a body, named after it, is
# one organisation, as is the office a body charges with a field (人民政府负责管理拍卖业的部门).
_ORG_UNIT = (r"(?:(?:负责|管理|主管)[^\W\d_第条的和及与或在对由将为是向、，。；：]{1,12}?的(?:主管部门|部门|机构)|"
             rf"{_NO_OFFICE_OPENING}"
             rf"(?:(?!{_PROCEDURE_VERB})(?:对外|[^\W\d_第条的和及与或在对由将为是向、，。；：])){{0,10}}?(?:监管局|分局|局(?!务)|司|办公室|主管部门|部门|机构|机关|理事会|监事会|董事会|委员会|主席团|秘书处))?")
# The place of a person or thing that fixes the body (不动产所在地, 债务人住所地, 烟叶收购地).
_OWNER_PLACE = r"(?:所在|住所|居住|收购|发生|注册|登记|户籍)地(?:区)?"
# Where the body sits opens its name (工程所在地县级以上人民政府建设行政主管部门); one body or another may act
# (县级人民政府林业主管部门或者其委托的乡镇人民政府).
# A body that joins another's work (会同国务院有关部门) is not the one asked for.
# 乡、民族乡、镇的人民代表大会, 省、自治区、直辖市人民政府: levels written as a list open one body's name.
_LEVEL = "(?:民族乡|乡|镇|自治县|县|自治旗|旗|不设区的市|设区的市|市辖区|自治州|自治区|直辖市|省|市|区)"
# 县（市、区）: a level with the levels ranked as it in brackets
_LEVEL_NOTED = f"{_LEVEL}(?:[（(](?:{_LEVEL}、)*{_LEVEL}[）)])?"
_LEVELS = f"(?:{_LEVEL_NOTED}、)*{_LEVEL_NOTED}的?"  # 省人民政府 too: one level opens a name
# …商有关部门确定: the bodies consulted (商) open no name, 商务部 does
_CONSULTING = "(?!商(?=有关|相关|同级|本级|其他|各))(?!" + "|".join(_RULE_VERBS) + ")"
# A name does not open with the verb that sets the body up (中级以上人民法院设赔偿委员会), 设计院 aside.
_ORG = re.compile(rf"(?!会同)(?!(?<=会)同)(?!设(?![计区])){_CONSULTING}{_NOT_INSIDE_A_VERB}{_NOT_A_VERB}(?:{_NAME_CHAR}{{0,10}}?{_OWNER_PLACE}的?)?(?:本?{_LEVELS}{_NAME_CHAR}{{0,16}}?|{_NAME_CHAR}{{2,16}}?)"
                  rf"{_ORG_SUFFIX}{_ORG_UNIT}"
                  rf"(?:(?:、|和|及|或者其?委托的|或者|或){_NAME_CHAR}{{2,16}}?{_ORG_SUFFIX}{_ORG_UNIT})*")
# Department names joined by 和 (发展和改革局, 住房和城乡建设厅, 工业和信息化部): the 和 is part of one
# name, not a list of two bodies. Read with a stand-in character that the name pattern accepts.
_JOINED_NAME = re.compile(r"(?:发展|住房|工业|经济|人力资源|文化|自然资源|科学技术|商务|卫生|粮食)和"
                          r"(?=改革|城乡建设|信息化|社会保障|旅游|规划|计划生育|健康|外事|(?:物资)?储备)|(?<=碳达峰碳中)和")  # 碳达峰碳中和工作领导小组
_NAME_JOIN_STAND_IN = "咊"
# Bodies named by one word, with nothing before them (由海关代征).
_BARE_BODY = re.compile(r"(?<=[由经向被和及、，；])(?:上一?级)?海关(?![\u4e00-\u9fff]{0,4}(?:署|局))")
def is_organisation(text: str) -> bool:
    """The text is one organisation's name (国能台山电厂, 市生态环境局)."""
    return _ORG.fullmatch(text) is not None


_NOTE_LABEL = r"(?:牵头单位|责任单位|牵头部门|责任部门)[：:]"
_RESPONSIBLE = re.compile(rf"{_NOTE_LABEL}(?P<orgs>[^）)。；]+)")
_LEVEL = re.compile(r"(?:达到|保持在|处于|位于|位居|走在|进入)(?P<level>[^，,。；;、]{2,30})")
# A named thing may hold digits (国能台山电厂2号发电机组, 110千伏金瓯输变电工程), the word 条件
# (动物防疫条件合格证), though not an article's 条, 行为 (严重失信行为数据库) and 或者 (限制或者禁止个人信息提供清单).
_ENTITY_CHAR = r"(?:[^\W_第条的和及与或在对由将为是、，。；：]|条(?=[件例])|对(?=[接外])|(?<=[行作])为|或(?=者)|(?<=或)者|(?<=共)和(?=国)|及(?=其)|[（(][\u4e00-\u9fff]{1,6}[）)])"
# A line's voltage or a unit's number opens its name (110千伏金瓯输变电工程, 2号机组改造项目).
_ENTITY = re.compile(rf"(?:(?<!\d)\d{{1,4}}(?:千伏|号))?{_NAME_CHAR}{{2,16}}?(?:{ENTITY_NOUNS})")
# A question about which law, regulation, document or other written work (哪部汇编) is answered by a 《title》.
_DOCUMENT_KIND = re.compile(rf"{DOCUMENT_KINDS}|汇编|[文全选]集|手册|公报|年鉴|刊物|表格")
_TITLED = re.compile(r"《(?P<title>[^《》]{2,60})》")
# Three items or more, or two closed by 等 (光伏瓦、光伏幕墙等建材型光伏技术) or by their count (日照、滨州2市).
_LIST = re.compile(r"[^，。；：、]{1,24}(?:、[^，。；：、]{1,24}){2,}|[^，。；：、]{1,24}、[^，。；：、等]{1,24}等[^，。；：、]{1,24}"
                   r"|[^，。；：、]{1,24}、[^，。；：、]{1,24}?(?:和|及|以及|与|或者?)[^，。；：、]{1,24}"  # A、B和C
                   r"|[^，。；：、]{1,24}、[^，。；：、\d两二三四五六七八九十]{1,24}?(?=\s*(?:\d+|[两二三四五六七八九十]+)\s*[个家市座项省县区类种])"
                   r"|(?:包括|分为|分成)[^，。；：、]{1,20}?(?:和|及|以及|与)[^，。；：、]{1,20}"  # 包括地表水和地下水
                   # two items of one kind: 全民所有制和劳动群众集体所有制
                   r"|(?:(?!包括|分为|分成)[^，。；：、]){1,20}?([\u4e00-\u9fff]{2,4})(?:和|及|以及|与)[^，。；：、]{1,20}?\1(?=[，。；：]|$)")
_LIST_LEAD = re.compile(r"^.*(?:包括|主要有|分为|分成|即|设置|给予|处以|进行|重点|推进|推动|推广|发展|支持|鼓励|加快|建设|开展|实施|实行|围绕|聚焦|采用|"
                        r"应用|深化|完善|健全|遵循|按照|坚持|是指|分别用|使用|采取|用于|通过|经营|从事|由|在|对|将|把)")


_BODY_NOTE = re.compile(rf"[（(](?:{_NOTE_LABEL})?(?P<orgs>[^（）()]+)[）)]")


def is_body_note(sentence: str) -> bool:
    """The sentence is only a bracket naming the bodies that carry out its clause (（市发展改革委、市经济信息委）,
    （责任单位：省能源局）), as plans close a measure."""
    note = _BODY_NOTE.fullmatch(compact(sentence).text)
    return note is not None and all(_ORG.fullmatch(name) for name in re.split(r"[、，,]", _JOINED_NAME.sub(
        lambda m: m.group().replace("和", _NAME_JOIN_STAND_IN), note.group("orgs"))) if name)


def value_spans(sentence: str, kind: str | None, responsible: bool = False,
                names: list[str] = (), attributes: bool = False) -> list[tuple[int, int]]:
    """(start, end) in sentence of every span of this kind; whitespace inside the sentence is allowed
    (pdftotext breaks lines inside numbers: 2030 年). responsible: for an organisation, prefer the units
    a （牵头单位：…） note names. names: for an entity, the noun the question asks the name of.
    attributes: the question asks for a value that describes something (排放量达到多少的单位)."""
    if kind is None:
        return []
    flat = compact(sentence)
    spans = _flat_spans(flat.text, kind, responsible, attributes)
    # 根据《…法》第四十七条的规定: a law cited as the ground of a rule is not the paper the rule names
    titled = [m.span("title") for m in _TITLED.finditer(flat.text)
              if not (_GROUND_BEFORE.search(flat.text, 0, m.start()) and _GROUND_AFTER.match(flat.text, m.end()))]
    if kind == ENTITY and names and titled and any(_DOCUMENT_KIND.search(noun) for noun in names):
        spans = titled  # 哪部法规: the one a 《title》 names (发放什么文件, where none is: the paper issued)
    elif kind == ENTITY and names and names[0] in SHORT_NAME_WORDS:  # 简称叫什么: the short name given
        spans = [m.span("name") if m.group("name") else m.span("bare") for m in _SHORT_NAME.finditer(flat.text)]
    elif kind == ENTITY and names:
        named = [_subject_of(flat.text, span) for span in _outermost(_named_spans(flat.text, names))]
        named = [included_example(flat.text, span) for span in named]
        if named and all(flat.text[start:end] in names for start, end in named):
            # …于一体的绿色金融服务场景 for 服务场景叫什么名字: the kind asked is no name; a quoted one is
            named = _named_spans(flat.text, [])
        # 什么制度 is not answered by a 项目 the sentence names, nor 哪个基地 by a 试点
        # (公园建设计划 is a 计划: not answered by the 公园 a sentence names)
        spans = named or ([] if any(noun.endswith(tuple(KIND_ENDINGS)) or re.fullmatch(ENTITY_NOUNS, noun)
                                    for noun in names) else spans)
    if kind in (ENTITY, ORG):  # （一）一类疫病: the number of a list item is no part of the name
        spans = [(label.end(), end) if (label := _ITEM_LABEL.match(flat.text, start)) and end - label.end() >= 2
                 else (start, end) for start, end in spans]
    if kind in (QUANTITY, DATE):  # 《…实施指南（2022年版）》: a value inside a title names the document
        titles = [m.span() for m in _TITLED.finditer(flat.text)] + [m.span() for m in _EDITION.finditer(flat.text)]
        spans = [s for s in spans if not any(a <= s[0] and s[1] <= b for a, b in titles)]
    return [flat.original_span(start, end) for start, end in spans]


ITEM_NUMBER = r"[（(][一二三四五六七八九十\d]{1,3}[）)]"  # （一）, (3): the number of a list item
_ITEM_LABEL = re.compile(ITEM_NUMBER)


# 包括国家绿色发展基金在内的现有政府投资基金: the one named stands for the kind
_INCLUDED = re.compile(r"包括(?P<name>[^，。；、“”]{2,20}?)在内的")


def included_example(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """The example named in a 包括…在内的 before the span, or that the span is."""
    included = _INCLUDED.fullmatch(text, span[0], span[1]) or _INCLUDED.search(text[:span[0]])
    return included.span("name") if included and included.end() in (span[0], span[1]) else span


# 企业融资对接服务平台（汉融通）, （以下简称“碳普惠”）: not a note of who acts nor an edition (（试行）)
_SHORT_NAME = re.compile(r"简称[“\"]?(?P<name>[^”\"（）()，。；]{2,12}?)(?=[”\"）)，。；]|$)"
                         r"|(?<=[\u4e00-\u9fff])[（(](?!试行|暂行|修订|征求意见稿)(?P<bare>[^（()）\d，。；、：:]{2,8})[）)]")
_GROUND_BEFORE = re.compile(r"(?:根据|依照|按照|依据)$")
_GROUND_AFTER = re.compile(rf"(?:第[{_CN}\d]+条(?:第[{_CN}\d]+款)?)?的?(?:规定|有关规定)")
_CURRENCY_AFTER = re.compile(r"(?:人民币(?:以上|以下|以内)?)?")
_EDITION = re.compile(r"[（(]\d{4}年版[）)]")


# …应当为本级代表制发代表证: 为 after a modal verb is "for", not "is"
_SUBJECT = re.compile(rf"(?:^|[\s，。；：]|第[{_CN}\d]+条)(?P<subject>{_ENTITY_CHAR}{{2,20}}?)(?<!应当)(?<!可以)(?<!必须)(?:是|为)$")


def _subject_of(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """In "广州碳排放权交易中心是碳普惠核证减排量交易平台" the name before 是 is the one the platform is called; in
    "中华人民共和国国歌是《义勇军进行曲》" the title after it is the anthem's."""
    titled = _TITLE_AFTER_IS.match(text, span[1])
    if titled:
        return titled.span("title")
    subject = _SUBJECT.search(text[:span[0]])
    return subject.span("subject") if subject else span


_TITLE_AFTER_IS = re.compile(r"(?:是|为)[《“](?P<title>[^》”]{2,30})[》”]")


def _named_spans(text: str, nouns: list[str]) -> list[tuple[int, int]]:
    """Names ending in the asked noun, or in its longest ending the text has (原有条例 → 条例); a name in
    quotes before it stands alone (“江海智造”品牌 → 江海智造), and so does one in brackets after it
    (贝类（台山蚝）, but not a size: 项目（3万千瓦）); without the noun, a name in quotes."""
    # 哪个信用平台 → 信用平台 before 信用: a reading ending in a kind of named thing first; 哪所大学合作 → 大学 first.
    # 帮扶行动 before 帮扶: the fuller reading the text says whole.
    for noun in sorted(nouns, key=lambda noun: (re.search(rf"(?:{ENTITY_NOUNS}|{NAMED_KINDS})$", noun) is None,
                                                not (len(noun) >= 4 and noun in text))):
        # 服务体制 is a 体制: its kind's endings (总分馆制) after its own
        kind_endings = next((KIND_ENDINGS[k] for k in KIND_ENDINGS if noun != k and noun.endswith(k)), ())
        endings = KIND_ENDINGS.get(noun) or [*(re.escape(noun[start:]) for start in range(max(len(noun) - 1, 1))),
                                             *kind_endings]
        for ending in endings:
            quoted = [m.span("name") for m in re.finditer(rf"“(?P<name>[^“”]{{2,20}})”(?:等[\u4e00-\u9fff]{{0,4}}?)?{ending}",
                                                          text)]
            quoted += [_with_its_full_name(text, m) for m in re.finditer(
                rf"(?P<head>{_ENTITY_CHAR}{{2,20}}?)?(?P<kind>{ending})[（(](?P<name>[^（()）\d]{{2,12}})[）)]", text)]
            if quoted:  # the name the text gives the thing outright
                return quoted
            found = [(m.span(), len(m.group("kind")))
                     for m in re.finditer(rf"{_JOINED_NAME_HEAD}{_ENTITY_CHAR}{{2,20}}?(?P<kind>{ending})", text)]
            if len(ending) == 1 and noun not in KIND_ENDINGS:  # 哪条船: the 船 ends a word (not 船舶)
                found = [(span, kind) for span, kind in found if span[1] in word_bounds(text)]
            spans = [_before_examples_close(text, _after_last_verb(text, span, kind), kind) for span, kind in found]
            if spans:
                return spans
    # 示范型金融服务站点叫什么 where the text says 打造“绿盈驿站”: a quoted name is what the thing is called; not
    # when the thing asked is a kind of named thing the text never says (线上平台叫什么, no 平台 in the text).
    kinds = [found.group() for noun in nouns if (found := re.search(rf"(?:{ENTITY_NOUNS})$", noun))]
    if kinds and not any(kind in text for kind in kinds):
        return []
    return [m.span("name") for m in re.finditer(r"“(?P<name>[^“”，。；]{2,20})”", text)]


def _with_its_full_name(text: str, match: re.Match) -> tuple[int, int]:
    """企业融资对接服务平台（汉融通）: a short name in brackets after a full one is given with it (best_span keeps the
    short one alone when the question says the full one or asks what it is called); after the bare kind
    (贝类（台山蚝）) it stands alone."""
    if match.group("head"):
        kind = len(match.group("kind"))
        start, _ = _after_last_verb(text, (match.start(), match.end("kind")), kind)
        if match.end("kind") - start >= kind + 2:
            return (start, match.end())
    return match.span("name")


# 多党合作和政治协商制度: two names that share the kind are one
_JOINED_NAME_HEAD = rf"(?:{_ENTITY_CHAR}{{2,8}}和(?={_ENTITY_CHAR}))?"


def _before_examples_close(text: str, span: tuple[int, int], noun: int) -> tuple[int, int]:
    """The named example without the kind it stands for (金瓯输变电工程等电网工程 → 金瓯输变电工程)."""
    close = span[1] - noun - 1
    return (span[0], close) if text[close] == "等" and close - span[0] >= 2 else span


def _flat_spans(text: str, kind: str, responsible: bool = False, attributes: bool = False) -> list[tuple[int, int]]:
    if kind == QUANTITY:
        spans = [m.span() for m in _QUANTITY.finditer(text) if attributes or not _ATTRIBUTE.match(text, m.end())]
        spans += [m.span() for pattern in (_CN_AMOUNT, _DURATION, _BOUNDED, _RATIO) for m in pattern.finditer(text)]
        spans += [m.span("value") for m in _SET_RATIO.finditer(text)]
        # 十亿元人民币, 一千万元人民币以上: the currency named after the amount is part of it, with its bound
        return [(start, _CURRENCY_AFTER.match(text, end).end()) for start, end in _outermost(spans)]
    if kind == DATE:
        return _outermost([m.span() for m in _DATE.finditer(text)])
    if kind == DOC_NUMBER:
        return [m.span() for m in DOC_NUMBER_PRINTED.finditer(text)]
    if kind in (ORG, ENTITY):  # （八）推动数据中心…: the number that opens a clause opens no name
        text = _CLAUSE_NUMBER.sub(lambda m: "，" * len(m.group()), text)
    if kind == ORG:
        text = _JOINED_NAME.sub(lambda m: m.group().replace("和", _NAME_JOIN_STAND_IN), text)
        noted = [m.span("orgs") for m in _RESPONSIBLE.finditer(text)] if responsible else []
        inside_notes = [range(*m.span()) for m in _RESPONSIBLE.finditer(text)]
        named = _outermost([m.span() for m in _BARE_BODY.finditer(text)] + [_with_case_said(text, _after_founding(text, _past_bare_locality(text, _after_sending(text, _without_verb(text, _with_office(text, m.span()))))))
                            for m in _ORG.finditer(text) if not any(m.start() in r for r in inside_notes)])
        # 生态环境部部务会议: the body's own meeting, the body named right before it
        return noted or [span for span in named if not _OWN_MEETING.fullmatch(text, *span)]
    if kind == LIST:  # 三、海事法院管辖…: the number that opens a clause is no item
        text = _SECTION_NUMBER.sub(lambda m: "，" * len(m.group()), text)
        return [_list_span(text, m) for m in _LIST.finditer(text)]
    if kind == LEVEL:  # 降到什么水平 is answered by the figure it is set to (降到0.75以下, 小于等于1.25) as well
        figures = [m.span("value") for m in _SET_RATIO.finditer(text)] + [m.span() for m in _BOUNDED.finditer(text)]
        return _outermost([m.span("level") for m in _LEVEL.finditer(text)] + figures)
    if kind == ENTITY:
        return [_after_last_verb(text, m.span(), 2) for m in _ENTITY.finditer(text)]
    return []


_OWN_MEETING = re.compile(r"[部局厅委署]务会议")


# A value followed by 的 describes something (超过1万吨标准煤的数据中心), unless it is the amount of a penalty.
# 未达到2.6万吨的； ends a condition: the 的 there closes the clause, it does not describe a noun; and
# 392吨/日的医废处置能力 and 15％的税率 state the capacity and the rate themselves.
_ATTRIBUTE = re.compile(r"的(?!罚款|罚金|[，。；：,;:]|$|[\u4e00-\u9fff]{0,8}(?:能力|产能|规模|容量)(?:[，。；：,;:]|$)|(?:税率|费率|利率|比例)(?![\u4e00-\u9fff]{0,2}的))")
# 建设 before 用地, 项目, 工程, 单位 names the kind of land or project (建设用地使用权交易管理平台), it does no act
_LEADING_VERB = re.compile(r"并?(?:应当|必须)?(?:大力|加快|积极|全面|深入|持续|稳步|有序|研究|充分|进一步|着力|依法|定期|统筹)*"
                           r"(?:审理|谋划|调整|修订|加强|争创|构建|打造|建成|建设(?!用地|项目|工程|单位)|创建|推动|推进|支持|鼓励|引导|组织|依托|会同|配合|协助|指导|要求|督促|协调|设立|深化|"
                           r"发挥|包括|利用|落实|培育|发展|实施|开展|推广|取得|通过|经过?(?=[市省县区国各])"
                           r"|以(?=[^，。；]{2,30}?为))+")  # 以广东省绿色建筑信息平台为依托: the 以…为… frame


_HANDING = re.compile(HANDING_VERBS)
_INNER_VERB = re.compile(r"(?<=[\u4e00-\u9fff])到(?=[\u4e00-\u9fff])|上报|报送|申请|设立|建立健全|建立|健全|完善|设置|根据|依据|依照|按照|组建|打造|建成|创建|争创|构建|搭建|包括|授予|投保|购买|交纳|缴纳|统筹建设|统筹推进|制定|编制|征收|开展|实施|实行|执行|纳入|列入|记入|计入|载入|归集到?|录入|接入|通过|依托|利用|借助|"
                         rf"划定为|规划为|划为|划入|划进|制作|作出|办理|安装|颁布|发布|公布|印发|签署|签订|提交|{HANDING_VERBS}")


def _after_last_verb(text: str, span: tuple[int, int], noun: int) -> tuple[int, int]:
    """A name without the words before the last verb inside the match (区县人民政府应当设立绿色产业发展引导基金
    → 绿色产业发展引导基金), when a name of at least two characters before the noun is left."""
    # 再生资源利用中心等项目: a verb followed only by a kind of thing (中心) is inside the name
    verbs = [verb for verb in _INNER_VERB.finditer(text, span[0], span[1] - noun) if span[1] - noun - verb.end() >= 2
             and not re.fullmatch(rf"(?:{ENTITY_NOUNS})等?", text[verb.end():span[1] - noun])]
    start = verbs[-1].end() if verbs else span[0]
    # what is issued or received is named whole after the verb (发放建设用地批准书: 建设 is not a verb there)
    handed = start > span[0] and _HANDING.fullmatch(text, verbs[-1].start(), verbs[-1].end())
    start, end = (start, span[1]) if handed else _without_verb(text, (start, span[1]))
    determiner = _DETERMINER.match(text, start, end)  # 各种计量基准器具: which ones, not part of the name
    return (determiner.end(), end) if determiner and end - noun - determiner.end() >= 2 else (start, end)


_DETERMINER = re.compile(r"各种|各类|各项|一切|所有|有关|相关")


# 经 (by way of) before the body that reviews: 行动方案经领导小组综合平衡 → 领导小组; not 经济.
_SENDING = re.compile(r"报请|提请|报送|上报|报告|提交|抄送|呈报|送交|移送|申请|报|经(?![济营贸信])")


def _after_sending(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """The body a report or a request goes to, without the words before the verb (…月底前报送市住房城乡建设局 →
    市住房城乡建设局; 土地使用权人可以申请省级人民政府生态环境主管部门移出… → 省级人民政府生态环境主管部门)."""
    verbs = list(_SENDING.finditer(text, span[0], span[1]))
    start = verbs[-1].end() if verbs and span[1] - verbs[-1].end() >= 3 else span[0]
    return (start, span[1])


_BARE_LOCALITY = re.compile(r"所在地的?")


def _past_bare_locality(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """所在地 with no owner before it is "the local": 经所在地省级部门 names the 省级部门 (机场所在地… keeps its owner)."""
    bare = _BARE_LOCALITY.match(text, span[0])
    return (bare.end(), span[1]) if bare and span[1] - bare.end() >= 3 else span


_FOUNDING = re.compile(r"设立|设置|组建|成立")


def _after_founding(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """The body set up, without who sets it up (协调机制设立办公室 → 办公室)."""
    verbs = list(_FOUNDING.finditer(text, span[0], span[1]))
    return (verbs[-1].end(), span[1]) if verbs and span[1] - verbs[-1].end() >= 2 else span


# 作出原生效判决的人民法院, 从事…保险业务的保险机构, 其共同的上级审计机关: which one of its kind the body is,
# said before it, is part of the answer (人民法院 alone names every court).
_CASE_SAID = re.compile(r"(?:(?:作出|从事|受理|承办)[^，。；：、“”的]{1,20}|共同)的$")


def _with_case_said(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """A body with what singles it out said right before it."""
    said = _CASE_SAID.search(text, max(0, span[0] - 24), span[0])
    return (said.start(), span[1]) if said else span


def _with_office(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """An organisation with the office named after it (国务院 + 能源主管部门)."""
    office = _ORG_OFFICE.match(text, span[1])
    return (span[0], office.end()) if office else span


def _without_verb(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """An organisation without the verb the sentence puts before it (推动百威… → 百威…)."""
    verb = _LEADING_VERB.match(text, span[0])
    return (verb.end(), span[1]) if verb and span[1] - verb.end() >= 4 else span


def _outermost(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans not inside a longer one, in text order."""
    kept = []
    for span in sorted(set(spans), key=lambda s: (s[0], -s[1])):
        if not kept or span[0] >= kept[-1][1]:
            kept.append(span)
    return kept


_SECTION = rf"[{_CN}]{{1,4}}、"
_SECTION_NUMBER = re.compile(rf"^{_SECTION}")
_CLAUSE_NUMBER = re.compile(rf"^\s*(?:{_SECTION}|[（(][{_CN}\d]{{1,3}}[）)]|\d{{1,2}}[.．、](?!\d))")
_ITEM_OPENING = re.compile(r"(?:第[一二三四五六七八九十百零〇\d]+条\s*|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.．])?"
                           r"(?:是指|系指|指|即)?")


def _shared_head(items: list[str]) -> str:
    """The noun after the last item that all items share (峰谷分时电价、季节性电价、可中断负荷电价制度: 制度):
    what the others end with is said in the last one, followed by at most four characters more."""
    if len(items) < 3:
        return ""
    ending = os.path.commonprefix([item[::-1] for item in items[:-1]])[::-1]
    at = items[-1].rfind(ending) if len(ending) >= 2 else -1
    head = items[-1][at + len(ending):] if at > 0 else ""
    return head if 1 <= len(head) <= 4 and re.fullmatch(r"[\u4e00-\u9fff]+", head) else ""


def is_closing_deng(text: str, at: int) -> bool:
    """The 等 at text[at] closes a list (光伏幕墙等建材) rather than being part of a word (初等教育, 平等)."""
    bounds = word_bounds(text)
    return at in bounds and at + 1 in bounds


# (…和金山三大海域风电开发: the count of the items closes them wherever the sentence goes on)
_LIST_CLOSING = re.compile(r"统称|合称|总称|以下简称|简称|(?<=[\u4e00-\u9fff])[两二三四五六七八九十]+(?:个|类|种|项)[\u4e00-\u9fff]{0,4}$"
                           r"|(?<=[\u4e00-\u9fff])[两二三四五六七八九十]+大(?=[\u4e00-\u9fff])")


def _list_span(text: str, match: re.Match) -> tuple[int, int]:
    """An enumeration without the verb or the shared modifier before its first item (looked for in that item
    only) and 等 after its last."""
    first_item, *others = match.group().split("、")
    # 包括市场布局规划和市场建设规划: after an opening 包括 every word is the items' (建设 too)
    # (国防交通规划包括国防交通工程设施建设规划、…: the lead ends at 包括, not at the 建设 inside the first item)
    lead = re.match(r"^.*?(?:包括|分为|分成)", first_item) or _LIST_LEAD.match(first_item)
    # 对本行政区域的江、河、湖泊: a modifier closed by 的 in the first item alone is shared by all the items
    # (按其在公路路网中的地位分为国道、…: the verb after it still goes)
    if "的" in first_item and not any("的" in item for item in others):
        modifier = re.match(r"^.*的", first_item)
        lead = lead if lead and lead.end() > modifier.end() else modifier
    start = match.start() + (lead.end() if lead and lead.end() < len(first_item) else 0)
    # 将生物技术研究、开发活动分为高风险、中风险、低风险三类; 开发、建设应当优先采用风能、海洋能…: the items
    # come after the verb that opens them, in whichever item it stands
    opened = [m.end() for m in re.finditer(r"分为|分成|划分为|包括|采用|采取|是指", match.group())]
    after = match.group()[opened[-1]:] if opened else ""
    if after.count("、") + bool(re.search("[和及]", after)) >= 2:  # two items or more follow it
        start = max(start, match.start() + opened[-1])
    if re.match(r"除了?", match.group()[start - match.start():]):  # 除钢铁、电力行业外: the items, not the exception's frame
        start += len(re.match(r"除了?", match.group()[start - match.start():]).group())
    # （二）机动车、…; 是指风能、太阳能…: an item's number and the verb that defines open the list, not its first item
    start += len(_ITEM_OPENING.match(text, start).group())
    # 应当注重其真实性、整体性和传承性: the items follow the 其 (whose) in the first one; 及其 joins items
    owner = [m.end() for m in re.finditer(r"(?<!及)其(?![他中余它次])", text[start:match.start() + len(first_item)])]
    start += owner[-1] if owner and match.start() + len(first_item) - (start + owner[-1]) >= 2 else 0
    # 贸易结算、…、环境监测方面的; 高风险、中风险、低风险三类
    tail = re.search(rf"(?:以|之)?外$|方面(?:的[^、]*)?$|[{_CN}\d]+[类种项个级]$", match.group())
    end = match.start() + tail.start() if tail else match.end()
    last_item = match.start() + match.group().rfind("、") + 1
    # …、长途客运、机动车租赁等业务经营者、服务提供者: a closing 等 after the second item ends the list
    second_item = match.start() + len(first_item) + 1
    end = next((at for at in range(second_item, end) if text[at] == "等" and is_closing_deng(text, at)), end)
    # …、复烤烟叶统称烟草制品; …和不称职四个等次: the word that names the items together, or their count, closes them
    closing = _LIST_CLOSING.search(text, last_item, end)
    end = closing.start() if closing and last_item > start else end
    end -= len(_shared_head(re.split(r"、|和|及", text[start:end])))
    end = _before_an_overlong_last_item(text, start, end)
    # 新余、贵溪、丰城国家级示范基地建设: when the items are places, the last one ends with its place name.
    items = text[start:end].split("、")
    if len(items) > 1 and all(gazetteer().names.get(item) for item in items[:-1]):
        last = next((e for s, e, _ in gazetteer().find(items[-1]) if s == 0), None)
        # …凉山州和攀枝花市“三州一市”: a place joined to it by 和 or 及 is the last item's too
        joined = re.match(r"(?:和|及|以及)", items[-1][last:]) if last is not None else None
        following = [e for s, e, _ in gazetteer().find(items[-1]) if joined and s == last + joined.end()]
        last = following[0] if following else last
        if last is not None:
            end = end - len(items[-1]) + last
    start, end = (start, end) if end > start else match.span()
    quoted = re.match(r"“[^“”]+”", text[start:end + 1])  # “渗、滞、蓄、净、用、排”方式: the items inside the quotes
    return (start + 1, start + quoted.end() - 1) if quoted and "、" in quoted.group() else (start, end)


_LAST_JOIN = re.compile(r"以及|及|和|与|或者")


def _before_an_overlong_last_item(text: str, start: int, end: int) -> int:
    """…外汇储备、黄金储备以及该中央银行…的其他财产: what follows the last join, far longer than every item
    before it, is a clause of its own, not an item."""
    items = text[start:end].split("、")
    joins = list(_LAST_JOIN.finditer(items[-1]))
    if len(items) < 3 or not joins:
        return end
    after_join = end - len(items[-1]) + joins[0].end()
    last = re.match(r"[^，。；：,;:等的]*", text[after_join:]).group()  # to its own end, past the match's reach
    longest = max(len(item) for item in items[1:-1])  # the first may still hold the words that open the list
    # (阿坝州、甘孜州、凉山州和攀枝花市“三州一市”: a place after the join of places is the last item)
    places = all(gazetteer().names.get(item) for item in items[1:-1]) and \
        any(found == 0 for found, _, _ in gazetteer().find(last))
    if len(last) >= 10 and len(last) > 2 * longest and not places:
        return end - len(items[-1]) + joins[0].start()
    return end


_RESPECTIVELY = re.compile(r"(?P<subjects>[^，,：:。；;]+?)(?:分别|各约|各为|各达)(?P<values>[^，,。；;]+)")
_YEAR_RANGE = re.compile(r"(\d{4})年?(?:至|到|-|—|－|~|～)(\d{4})年")


# 一九八五年, 二〇四七年: the years laws write in Chinese digits.
_HAN_YEAR = re.compile(r"([一二三四五六七八九〇零○]{4})年")
_HAN_DIGITS = str.maketrans("一二三四五六七八九〇零○", "123456789000")


def years_named(text: str) -> set[str]:
    """The years a text names, each year of a span counted (2022至2025年 names 2023 and 2024); a year inside
    a 《title》 names the document (…和2035年远景目标纲要), not a year the text speaks of."""
    flat = _HAN_YEAR.sub(lambda year: year.group(1).translate(_HAN_DIGITS) + "年", _TITLED.sub("《》", compact(text).text))
    named = set(re.findall(r"(\d{4})年", flat))
    for start, end in _YEAR_RANGE.findall(flat):
        if 0 < int(end) - int(start) <= 20:
            named.update(str(year) for year in range(int(start), int(end) + 1))
    return named


_YEARS_BEFORE = re.compile(r"(?:\d{4}年(?:和|、|及|与))+\d{4}年[，,]?$")


def respective_span(sentence: str, question: str) -> tuple[int, int] | None:
    """In "A、B分别下降10%、5%" the value paired with the item the question names (B → 5%); None when the
    sentence pairs nothing or the question names no single item."""
    flat = compact(sentence)
    asked = _pairs(question)
    for match in _RESPECTIVELY.finditer(flat.text):
        subjects = [s for s in re.split(r"、|和|及|与|以及", match.group("subjects")) if s]
        years = _YEARS_BEFORE.search(flat.text[:match.start("subjects")])
        span_of_years = _YEAR_RANGE.search(match.group("subjects"))
        if len(subjects) == 1 and years:  # 2025年和2030年，…占比分别提升至15%、20%: the years are the items
            subjects = re.findall(r"\d{4}年", years.group())
        elif len(subjects) == 1 and span_of_years:  # 2022至2025年…分别达到80%、90%、95%、100%: one item a year
            subjects = [f"{year}年" for year in range(int(span_of_years[1]), int(span_of_years[2]) + 1)]
        elif len(subjects) == 1:  # 集中在金沙江、雅砻江、大渡河流域，其可开发量分别为…: the items are listed before
            subjects = _items_before(flat.text[:match.start("subjects")]) or subjects
        values = [(match.start("values") + s, match.start("values") + e)
                  for s, e in _flat_spans(match.group("values"), QUANTITY)]
        if len(subjects) < 2 or len(subjects) != len(values):
            continue
        # An item is named when the question holds the start of its name (船舶…, 甘孜州…, 2030年): the
        # last item also carries the head noun the items share, which names none of them.
        # The first item also carries the lead the items share (全省公共机构人均综合能耗、…、人均用水量): it is named
        # when the question spells out most of it.
        named = [i for i, subject in enumerate(subjects) if _name_start(subject) & asked
                 or (i == 0 and len(_pairs(subject) & asked) > len(_pairs(subject)) / 2)]
        overlap = {i: len(_pairs(subjects[i]) & asked) for i in named}
        best = [i for i in named if overlap[i] == max(overlap.values())]
        if len(best) == 1:  # 营运船舶… names 营运车辆 too, by its start, but 船舶… more
            return flat.original_span(*values[best[0]])
    return _values_first_span(flat, asked)


# 金堂县（18.2 万千瓦）、旺苍县（4.3 万千瓦）: each item carries its own value in the bracket after it.
_BRACKETED = re.compile(r"(?P<item>[^，,。；;、（(）)]+)[（(](?P<value>[^（(）)]+)[）)]")


def bracketed_span(sentence: str, question: str) -> tuple[int, int] | None:
    """The value in the bracket right after the item the question names (旺苍县 → 4.3万千瓦): the item
    whose longest ending found in the question is longest and unshared; three characters at least, or the
    whole item (茂县), since a two-character ending (项目, 西区) is the kind of thing, not its name."""
    flat, question = compact(sentence), compact(question).text
    named = []
    for match in _BRACKETED.finditer(flat.text):
        value = match.group("value")
        spans = _flat_spans(value, QUANTITY)
        if len(spans) != 1 or spans[0] != (0, len(value)):
            continue
        item = match.group("item")
        ending = next((n for n in range(len(item), 1, -1) if item[-n:] in question), 0)
        if ending >= 3 or ending == len(item):
            named.append((ending, match.start("value"), match.end("value")))
    named.sort(reverse=True)
    if not named or (len(named) > 1 and named[1][0] == named[0][0]):
        return None
    return flat.original_span(named[0][1], named[0][2])


def _items_before(text: str) -> list[str]:
    """The items listed in the clause just before a comma (…集中在金沙江、雅砻江、大渡河流域，), the first
    without the words that lead into the list (as long as the second); [] when that clause lists nothing."""
    if not text.endswith(("，", ",")):
        return []
    clause = re.split(r"[，,。；;：:]", text[:-1])[-1]
    items = [item for item in clause.split("、") if item]
    if len(items) < 2:
        return []
    items[0] = items[0][-len(items[1]):]
    return items


# 2023年、2025年年底，分别对规划执行情况进行中期评估和总结评估: the values come first, the items after 分别.
_VALUES_FIRST = re.compile(r"(?P<values>[^，,：:。；;]+)[，,]分别(?P<subjects>[^，,。；;]+)")


def _values_first_span(flat, asked: set[str]) -> tuple[int, int] | None:
    for match in _VALUES_FIRST.finditer(flat.text):
        values = next((found for found in (_flat_spans(match.group("values"), kind) for kind in (DATE, QUANTITY))
                       if len(found) >= 2), [])
        subjects = [s for s in re.split(r"、|和|及|与|以及", match.group("subjects")) if s]
        if len(subjects) < 2 or len(subjects) != len(values):
            continue
        # The frame the items share opens the first one (进行中期评估): its own name is as long as the last's.
        subjects[0] = subjects[0][-len(subjects[-1]):]
        # The first item also carries the lead the items share (全省公共机构人均综合能耗、…、人均用水量): it is named
        # when the question spells out most of it.
        named = [i for i, subject in enumerate(subjects) if _name_start(subject) & asked
                 or (i == 0 and len(_pairs(subject) & asked) > len(_pairs(subject)) / 2)]
        if len(named) == 1:
            start = match.start("values")
            return flat.original_span(start + values[named[0]][0], start + values[named[0]][1])
    return None


def _name_start(item: str) -> set[str]:
    """The first unit pair of an item (or its year)."""
    units = re.findall(r"\d{4}年|[\u4e00-\u9fff]", item)
    if units and len(units[0]) > 1:
        return {units[0]}
    return {units[0] + units[1]} if len(units) >= 2 else set()


def _pairs(text: str) -> set[str]:
    """Character pairs, a year counting as one unit (2030年 meets 2030年)."""
    units = re.findall(r"\d{4}年|[\u4e00-\u9fff]", text)
    return {a + b for a, b in zip(units, units[1:])} | {u for u in units if len(u) > 1}


_SENTENCE_RE = re.compile(r"[^。；;！？!?\n]+[。；;！？!?]?")


def sentences(text: str) -> list[str]:
    """The sentences of a clause, verbatim (line breaks inside a sentence kept as they are)."""
    return [m.group().strip() for m in _SENTENCE_RE.finditer(text) if len(compact(m.group()).text) >= 4]


def sentence_lines(text: str) -> list[int]:
    """The line each of sentences(text) stands on."""
    return [text.count("\n", 0, m.start()) for m in _SENTENCE_RE.finditer(text) if len(compact(m.group()).text) >= 4]


# A heading line (（一）指导思想), a short lead (1．可再生能源。; not a law's first 款, nor a short provision:
# 新建国家铁路必须采用标准轨距。, nor an item closed by ；: （一）工会会员缴纳的会费；) or one that opens a list (…：).
_LEAD_SENTENCE = re.compile(r"^(?!第[一二三四五六七八九十百零〇\d]+条)(?!.*(?:应当|必须|不得|禁止|可以)).{0,20}(?<![；;])$|[：:]$|[^。；;！？!?]$")


def scoping_sentences(found: list[str], lines: list[int], position: int) -> list[str]:
    """The sentences that scope found[position]: the clause's first one and the one before, when they are on
    its line or lead it (a heading, a short lead, a line ending in ：). A provision on a line of its own (a
    law's 款: 违反本法规定开采泥炭的，…) does not scope the next line's (…向外排水的，…). An item of a list on
    its line is scoped by the lead that opens the list too (受处分的期间为：警告，六个月；…记大过，十八个月)."""
    if not position:
        return []
    lead = list_lead(found, lines, position)
    scoping = (0, position - 1) if lead is None else (0, lead, position - 1)
    return [found[i] for i in dict.fromkeys(scoping)
            if lines[i] == lines[position] or _LEAD_SENTENCE.search(compact(found[i]).text)]


# 高89－樊142地区 CO2驱油与封存工程。项目所在地为高青县，…: an item of a 专栏 that opens with its bare name
_ITEM_NAME = re.compile(rf"^(?:{ITEM_NUMBER}|\d{{1,2}}[.．、])?\s*"
                        rf"(?P<name>[^，,；;：:。、（()）“”]{{4,40}}?(?:{ENTITY_NOUNS}))\s*。$")


def named_item(found: list[str], lines: list[int], position: int, tag=None) -> tuple[int, int] | None:
    """The span of the name in found[position] when the sentence is nothing but the name of a thing (a project, a
    base) that opens a line the sentences after it describe; not a measure's title (实施清洁能源发展示范工程。)."""
    line = lines[position]
    if (position and lines[position - 1] == line) or line == lines[0] or line not in lines[position + 1:]:
        return None
    item = _ITEM_NAME.match(found[position])
    if item is None:
        return None
    first = tag(item.group("name"))[:1] if tag is not None else []
    return None if first and first[0].flag == "v" else item.span("name")


def list_lead(found: list[str], lines: list[int], position: int) -> int | None:
    """The nearest sentence before found[position] on its line that opens a list (holds ：), if one."""
    return next((i for i in range(position - 1, -1, -1)
                 if lines[i] == lines[position] and re.search(r"[：:]", found[i])), None)
