"""Whether a quoted sentence answers what the question asks: about its subject (the question's specific
words, with the clause's heading and lead), of the thing a 多少 question measures, for the violation a
penalty question describes, and of the year it names."""
from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING

from index.tokenize import normalize
from qa.evidence import DATE_FRAMES, KIND_OF_FIGURE, KINDS_ONLY, UNKNOWN, Evidence, Word, names_no_subject
from qa.hits import Hit
from qa.spans import SETTING_VERB, scoping_sentences, sentence_lines, sentences, years_named

if TYPE_CHECKING:
    from qa.answer import Quote


def names_year(sentence: str, evidence: Evidence) -> bool:
    named = years_named(sentence)
    return any(year in named for year in evidence.years)


def missing_year(quote: Quote | None, hits: list[Hit], evidence: Evidence) -> str:
    """When the question names a year that the answering clause does not mention: say so."""
    if not evidence.years or quote is None:
        return ""
    # 《…推广目录（2021年度）》: the year of a yearly edition is the document's, said by none of its clauses.
    asked = [year for year in evidence.years if not re.search(rf"{year}\s*年度", normalize(quote.document))]
    clause = next((hit.text for hit in hits if hit.id == quote.id), quote.text)
    if not asked or any(year in years_named(clause) for year in asked):
        return ""
    years = "、".join(f"{year}年" for year in asked)
    return f"文库中最相关的条款（{quote.citation}）没有提到{years}的内容。"


# 截至2020年底，…达到77%: what a plan reports as reached is no target it sets.
_STATUS = re.compile(r"^\s*(?:截至|截止到?)")
_TARGET_ASKED = re.compile(r"目标")


def reports_status(quote: Quote, question: str) -> bool:
    """The question asks a target and the sentence reports where things stood (截至…年底)."""
    return _TARGET_ASKED.search(question) is not None and _STATUS.match(quote.text) is not None


_PLAN_PERIOD = re.compile(r"十[一二三四五六七八九]五")
_PERIOD_END = {"十一五": "2010", "十二五": "2015", "十三五": "2020", "十四五": "2025", "十五五": "2030", "十六五": "2035"}


def missing_period(quote: Quote | None, hits: list[Hit], question: str) -> str:
    """When the question names a five-year plan's period (“十五五”) and the answering sentence (with its lead)
    speaks of another (“十四五”期间…) without the one asked or the year it ends, or names none in a document whose
    title names another: say so."""
    if quote is None:
        return ""
    title = normalize(quote.document)
    # 《“十四五”建筑节能与绿色建筑发展规划》提到…: a period inside the title the question names is no period asked.
    asked_text = re.sub(r"《[^》]*》", "", normalize(question)).replace(title, "")
    asked = list(dict.fromkeys(_PLAN_PERIOD.findall(asked_text)))
    if not asked:
        return ""
    scope = _scoping_text(quote, hits)
    # 《山东省“十四五”…规划》: the title's period is the sentence's unless the sentence names its own (“十三五”期间…).
    said = set(_PLAN_PERIOD.findall(scope)) or set(_PLAN_PERIOD.findall(title))
    if not said - set(asked) or any(p in said or _PERIOD_END.get(p, "-") in years_named(scope) for p in asked):
        return ""
    return f"文库中最相关的条款（{quote.citation}）没有提到“{'”“'.join(asked)}”时期的内容。"


# 全民国防教育日是每年的哪一天: a day or festival asked by its name is answered where that name is said.
_NAMED_DAY = re.compile(r"([\u4e00-\u9fff]{3,30}?[日节])(?:是|为|定在|在)(?:每年)?的?(?:哪|什么|几)")
_NOT_A_DAY_NAME = re.compile(r"施行|生效|实施|发布|印发|截止|开始|结束|申报|缴纳|之日")


def names_the_asked_day(quote: Quote, hits: list[Hit], question: str) -> bool:
    named = _NAMED_DAY.search(normalize(question))
    if named is None:
        return True
    name = re.split(r"规定|里|中|的|法|条例", named.group(1))[-1]
    return len(name) < 3 or bool(_NOT_A_DAY_NAME.search(name)) or name in re.sub(r"\s+", "", _scoping_text(quote, hits))


# 有效期是几年, 保存期限多长: a period asked by its name is answered where the text speaks of that period.
_NAMED_PERIOD = re.compile(r"(?:((?:(?!的)[\u4e00-\u9fff]){2})期限?|期限)(?:是|为|有)?(?:最长|最短|一般|至少|最少){0,2}(?:是|为)?"
                           r"(?:多长|多久|几|多少)")


def names_the_asked_period(quote: Quote, hits: list[Hit], question: str) -> bool:
    """The period the question names (有效期, 临时使用土地的期限) is spoken of by the sentence or what scopes it, by
    its verb (有效, 保存, 公示) or by a period's length (保护期限 by 专利权的期限为十五年, 公示期不少于…):
    被吊销之日起三年内不得申请 says nothing of a licence's 有效期, nor 期满一年内恢复 of how long land may be used."""
    named = _NAMED_PERIOD.search(normalize(question))
    text = re.sub(r"\s+", "", _scoping_text(quote, hits))
    stem = named.group(1) if named else None
    return named is None or _PERIOD_STATED.search(text) is not None or (stem is not None and stem in text)


# 期限为五年, 公示期不少于7个工作日: a period's length stated (期满一年内 counts from its end).
_PERIOD_STATED = re.compile(r"期限|期(?:为|是|不少于|不得少于|不超过|不得超过|最长|最短|一般)")


def on_subject(quote: Quote, hits: list[Hit], evidence: Evidence, kind: str | None) -> bool:
    """The quote is about what the question asks: the sentence holding the value (with the clause's lead
    sentence; for other kinds the clause) holds more of the question's specific words than the question
    names things no clause holds (火星基地: 基地 found, 火星 unknown → no), a thing only in the asker's case
    counting half (买车要交的车辆购置税，税率是多少: 税率 found, 买车 unknown → yes)."""
    clause = next((hit for hit in hits if hit.id == quote.id), None)
    text = _scoping_text(quote, hits) if kind and quote.highlight else \
        f"{clause.heading} {clause.text}" if clause else quote.text
    if all(word.forms and set(word.forms) <= DATE_FRAMES for word in evidence.words):  # 纪念日定在每年的哪一天: nothing else to check
        return True
    words = [word for word in evidence.words if not names_no_subject(word)]
    return not words or evidence.words_found(text, words) > max(evidence.unknown(words), 0.5)


def holds_rarest_word_below_first(quote: Quote, hits: list[Hit], evidence: Evidence) -> bool:
    """A quote from a clause the search ranked below its first hit answers only where the sentence, with what
    scopes it, holds the question's rarest known word: the first hit passed over, a lower clause that shares
    only commoner words is most often another subject's value (another party's fine, another period's time)."""
    if not hits or quote.id == hits[0].id:
        return True
    return evidence.rarest_word_found(_scoping_text(quote, hits))


def _scoping_text(quote: Quote, hits: list[Hit]) -> str:
    """The quoted sentence with what scopes it, as in _best_quote: the clause's heading, its lead sentence
    and the sentence before."""
    clause = next((hit for hit in hits if hit.id == quote.id), None)
    if clause is None:
        return quote.text
    found = sentences(clause.text)
    position = found.index(quote.text) if quote.text in found else 0
    scoping = scoping_sentences(found, sentence_lines(clause.text), position) if found else []
    return " ".join([clause.heading, *scoping, quote.text])


# …不申请绿色建筑标识的，最高罚多少: a penalty question names the violation before 的，
_VIOLATION = re.compile(r"([^，,。？?]+)的[，,][^，,。？?]*罚"
                        # …没有按要求安装太阳能热水系统，…罚款多少: a failure or a breach said without 的
                        r"|([^，,。？?]*(?:没有|没|未|不按|违反|擅自|拒不|逾期|非法|违法|违规)[^，,。？?]+)[，,][^，,。？?]*罚")


def violation_words(question: str, words: list[Word]) -> list[Word]:
    """The question's specific words that describe the violation a penalty is asked for."""
    violation = _VIOLATION.search(question)
    described = violation and (violation.group(1) or violation.group(2))
    return [w for w in words if described and any(form in described for form in w.forms)]


_OWN_CASE = re.compile(r"(?:^|[，,；;])[^，,；;。]{4,}的[，,]")
_POINTS_BACK = re.compile(r"下列|前款|上述|前述|本条(?!例)")  # 本条例 is the whole act, not this article


def of_violation(quote: Quote, hits: list[Hit], evidence: Evidence) -> bool:
    """A penalty answers for the violation the question describes when its text holds more than half of
    that description's specific words (by rarity): a fine for another violation of the same law does not."""
    if not evidence.violation:
        return True
    # A sentence that states its own violation (…焚烧沥青…的，…处…罚款) fines that one: read it with what
    # scopes it. One that points to a list (有下列行为之一的, 有前款所列违法行为的) fines the clause's items: read the clause.
    clause = next((hit for hit in hits if hit.id == quote.id), None)
    own_case = _OWN_CASE.search(quote.text) and not _POINTS_BACK.search(quote.text)
    text = _scoping_text(quote, hits) if own_case or clause is None else f"{clause.heading} {clause.text}"
    weight = {w: _rarity(w) for w in evidence.violation if w.share != UNKNOWN}
    said = sum(weight[w] for w in weight if evidence.spelled_out(w, text))
    return said > sum(weight.values()) / 2


def _rarity(word: Word) -> float:
    """-log of the share of clauses holding the word: 核电 outweighs 装机."""
    return -math.log(max(word.share, 1e-6))


def _pairs_said(name: str, plain: str) -> bool:
    pairs = [name[i:i + 2] for i in range(len(name) - 1)]
    return 3 * sum(pair in plain for pair in pairs) >= 2 * len(pairs)


def _names_a_thing(word) -> bool:
    """新型储能 or 漏损 names what is measured; 规模, 装机 or 装机容量 alone only the kind of figure."""
    return not all(KINDS_ONLY.fullmatch(form) for form in word.forms)


def of_subject(quote: Quote, hits: list[Hit], evidence: Evidence) -> bool:
    """A figure answers when most words of what the question measures are beside it (with the clause's
    heading and lead): 核电装机 is not answered by the 600万千瓦 of a clause that never says 核电."""
    if evidence.counted:  # 多少个城市和园区: what is counted follows the question word; value_choice.best_span checks it
        return True
    nouns = evidence.subject_nouns
    stems = {w: [noun for noun in nouns if any(noun in form for form in w.forms)] for w in evidence.words
             if w.share != UNKNOWN}
    words = [w for w in stems if stems[w] or any(form in noun for form in w.forms for noun in nouns)]
    if not words:
        return True
    # Each word weighs by its rarity (-log of the share of clauses holding it): 核电 outweighs 装机.
    weight = {w: _rarity(w) for w in words}
    text = _scoping_text(quote, hits)
    plain = normalize(re.sub(r"\s+", "", text))
    # 装机容量 is said when its noun 装机 is (…装机规模达到…)
    # A name of four characters or more is said by two thirds of its character pairs: 生物质能 by 生物质发电,
    # 光伏建筑一体化 by 光电建筑一体化, 公共场所 by 公共服务场所.
    base = set(evidence.base_nouns)
    said = [w for w in words if evidence.spelled_out(w, text) or any(s in plain for s in stems[w] if s not in base)
            or any(len(form) >= 4 and _pairs_said(form, plain) for form in w.forms)]
    # The kind of figure alone (比例, 规模, 时间) counts where the text says it: elsewhere the value's unit
    # says it, and a clause may call it 占比 or 率.
    counted = [w for w in words if w in said or _names_a_thing(w)]
    if not counted:  # 合伙人人数有什么要求: only the kind of figure is asked, and the value's unit says it
        return True
    # When the question names what is measured (新型储能装机), the kind of figure said beside another thing's
    # value (水风光装机) is not enough: one of the named thing's words is said too.
    # The base of a share (占新建建筑面积的比例) is shared by other shares: it does not name the thing.
    # A span of time for an act (多少天内要给出登记结果) is for the act: its things are no figure's subject.
    named = [] if evidence.timed_act else \
        [w for w in counted if _names_a_thing(w) and not (stems[w] and set(stems[w]) <= base)]
    # What a span of time is asked for is an act, said in the law's own words: one of its words said is enough.
    enough = bool(said) or any(verb in plain for verb in evidence.act_verbs) if evidence.timed_act \
        else sum(weight[w] for w in said) > sum(weight[w] for w in counted) / 2
    return enough and not _figure_of_another_thing(quote, evidence, plain) and \
        (not named or (any(w in said for w in named) and not _measures_another_thing(quote, evidence)
                       and not _said_after_without_a_value(quote, hits, evidence, [w for w in named if stems[w]])))


_FILLER = re.compile(r"下列|前款|上述|前述|本条|规定|其|该|此|的|和|或者?|及|与|等|多少|多大|什么|哪")


def _figure_of_another_thing(quote: Quote, evidence: Evidence, scope: str) -> bool:
    """The question names whose figure it asks right before the kind of figure (森林覆盖率, 有偿分配比例), the
    quote with what scopes it never says that name, and the sentence gives that kind of figure for things named
    otherwise (屋顶光伏覆盖率, 抵销比例)."""
    text, asked = re.sub(r"\s+", "", quote.text), re.sub(r"\s+", "", evidence.said)
    kinds = {form for word in evidence.words for form in word.forms
             if (KIND_OF_FIGURE.fullmatch(form) or re.fullmatch(r"[\u4e00-\u9fff]{1,3}率", form)) and form in text
             and re.search(rf"{re.escape(form)}[^，,。？?]*(?:多少|多大|多高|多长|多久|几)", asked)}
    for kind in kinds:
        owner = _owner(_FILLER.sub("", _chunk_before(asked, asked.index(kind))), evidence.tag)
        if not owner or owner in scope or KIND_OF_FIGURE.fullmatch(owner):
            continue
        # 发电装机 may say 电力装机: a name sharing a character with the owner asked may be its paraphrase
        others = [_FILLER.sub("", _chunk_before(text, found.start())) for found in re.finditer(re.escape(kind), text)]
        if all(other and not set(other) & set(owner) for other in others):
            return True
    return False


def _owner(chunk: str, tag) -> str:
    """The noun that ends the words before the kind of figure (森林 in 全省森林, 分配 in 有偿分配); '' when
    they end otherwise (加起来), or in a scope (全省, 本市)."""
    last = tag(chunk)[-1:] if re.search(r"[\u4e00-\u9fff]$", chunk) else []
    noun = last and len(last[0].word) >= 2 and re.match(r"n|vn|j", last[0].flag) and not re.match(r"[全本]", last[0].word)
    return last[0].word if noun else ""


_SCOPES = {"国": re.compile(r"全国|我国"), "省": re.compile(r"全省|本省|我省"), "市": re.compile(r"全市|本市|我市")}


def of_another_scope(quote: Quote, question: str) -> bool:
    """The question asks for one scope's figure (全省) and the words before the value set it for another
    (国家明确…全国风电和太阳能发电总装机容量达到12亿千瓦以上, a provincial plan citing the national target)."""
    start = quote.text.find(quote.highlight) if quote.highlight else -1
    if start < 0:
        return False
    before = _chunk_before(quote.text, start)
    asked = {scope for scope, words in _SCOPES.items() if words.search(question)}
    stated = {scope for scope, words in _SCOPES.items() if words.search(before)}
    return bool(asked) and bool(stated) and not asked & stated


def _said_after_without_a_value(quote: Quote, hits: list[Hit], evidence: Evidence, named: list[Word]) -> bool:
    """The figure is set for a thing its own chunk names, and a noun of what the question measures (named) is
    said only after it, in a chunk setting that noun a target without a value: in 单位生产总值能源消耗比2020年下降14%，
    …，单位生产总值二氧化碳排放确保完成国家下达指标, 14% is not the 二氧化碳排放 figure. A sentence names each thing
    before its own target; a chunk framing the figure (自核准注册之日起计算) sets none."""
    start = quote.text.find(quote.highlight) if quote.highlight else -1
    if start < 0:
        return False
    end = start + len(quote.highlight)
    own = _YEARS_AND_BASE.sub("", _chunk_before(quote.text, start))
    setting = SETTING_VERB.search(own).group()
    # 到2025年，达到30%: the thing is said in a chunk before; 自公告之日起六十日内支付…: a time limit's act follows it
    if not setting or not re.search(r"[\u4e00-\u9fff]{2}", own[:len(own) - len(setting)]):
        return False
    pieces = _CHUNK.split(quote.text[end:])
    scope = _scoping_text(quote, hits).replace(quote.text, quote.text[:end] + pieces[0])
    return any(not evidence.spelled_out(word, scope)
               and any(evidence.spelled_out(word, piece) and _OWN_TARGET.search(piece) and not _A_VALUE.search(piece)
                       for piece in pieces[1:])
               for word in named)


_CHUNK = re.compile(r"[，,；;：:。]")


def _chunk_before(text: str, start: int) -> str:
    """The words from the punctuation before position start up to it, without spaces."""
    return re.sub(r"\s+", "", _CHUNK.split(text[:start])[-1])


_OWN_TARGET = re.compile(r"完成|减少|下降|降低|提高|提升|增长|达到|控制|实现|保持|削减")
_A_VALUE = re.compile(r"\d|[一二三四五六七八九十两][成倍]|[百千万]分之[一二三四五六七八九十]")
_YEARS_AND_BASE = re.compile(r"(?:到|至|比)?\d{4}年(?:底|末)?前?")


_THING_MEASURED = re.compile(r"([\u4e00-\u9fff]{2,})(?:比重|比例|占比|强度|规模|总量|面积|装机容量|装机|覆盖率|利用率|[\u4e00-\u9fff]率)$")


def _measures_another_thing(quote: Quote, evidence: Evidence) -> bool:
    """The words right before the value name a thing measured (非化石能源消费比重达到32%) and none of the
    question's words, as the question spells them or as a synonym opening the thing (天然气发电 for 燃气发电):
    the figure is that thing's, though the question's subject is said earlier in the sentence
    (能耗、二氧化碳排放强度下降率完成下达的目标，非化石能源消费比重达到32%: 能源消费, a synonym of 能耗, inside
    非化石能源消费 does not say it). A word the question says only before what it measures is the asker's case,
    not the thing (新车 in 我买了辆新车要交车辆购置税，税率是多少)."""
    subject = [word for word in evidence.words
               if any(form in evidence.subject for form in word.forms) or not any(form in evidence.said for form in word.forms)]
    start = quote.text.find(quote.highlight) if quote.highlight else -1
    if start < 0:
        return False
    chunk = _chunk_before(quote.text, start)
    chunk = chunk[:len(chunk) - len(SETTING_VERB.search(chunk).group())]
    thing = _THING_MEASURED.search(chunk)
    if thing is None:
        return False
    measured, measure = _SCOPE_OPENING.sub("", thing.group(1)), chunk[thing.end(1):]
    # The question's words for the measure (装机容量) and for setting it (达到) say nothing of whose it is
    # (抽水蓄能电站装机容量达到).
    # Nor does a kind of figure (税率幅度 for 契税税率为百分之三至百分之五).
    # Nor the base of a share (城镇新建建筑 in 星级绿色建筑占城镇新建建筑的比例), which other shares share.
    typed = [form for word in subject for form in word.forms
             if form in evidence.said and form not in measure and not SETTING_VERB.fullmatch(form)
             and not KIND_OF_FIGURE.fullmatch(form) and not any(form in base for base in evidence.base_nouns)]
    # 占比 for 比例 is the kind of figure again, not a synonym of the thing
    synonyms = [form for word in subject for form in word.forms
                if form not in evidence.said and not KIND_OF_FIGURE.fullmatch(form)]
    return bool(typed) and \
        not any(form in chunk or (len(form) >= 4 and _pairs_said(form, chunk)) for form in typed) and \
        not any(measured.startswith(form) or (form in chunk and form not in measured) for form in synonyms)


# 全市, 本省: where a figure applies opens the thing measured without narrowing it.
_SCOPE_OPENING = re.compile(r"^(?:全|本)[市省区县国]")


# What asks for a body (哪个部门, 谁, 哪里) and the words after it that say nothing of the act (由, 负责, 应当…).
_BODY_ASKED = re.compile(r"谁|哪(?:一?级|一?个|家|些|里|儿)?[\u4e00-\u9fff]{0,6}?(?:部门|机关|机构|单位|组织|政府|委员会)|哪(?:里|儿)")
_NO_ACT = {"负责", "应当", "需要", "可以", "必须", "才能", "方可", "能够", "放在", "设在", "来", "去"}
_NEAR_BODY = 8  # characters after the body where its act is said


def does_the_asked_act(quote: Quote, act: list[str]) -> bool:
    """A body answers 由哪个部门核发 when the text says it does that act: one of the verbs after the
    question's asking words is in the sentence, or shares a character with the words right after the body
    (搭建 for 部门应当建立). 县级以上人民政府负责残疾人工作的机构 does not answer who issues the 残疾人证.
    act: Evidence.act, the verbs after the question's asking words."""
    if not act or not quote.highlight:
        return True
    text, after = _text_and_after_body(quote)
    # 监管 is said by 监督管理: the verb's characters in order, a word apart at most
    return any(re.search(".{0,2}".join(map(re.escape, verb)), text) or any(char in after for char in verb)
               for verb in act)


def acts_right_after(quote: Quote, act: list[str]) -> bool:
    """The body is followed at once by the first act the question asks (请径向区发展和改革局反映 for 向哪个部门反映;
    批准 of 由谁批准后实施)."""
    return bool(act) and bool(quote.highlight) and act[0] in _text_and_after_body(quote)[1]


def asked_act(question: str, tag) -> list[str]:
    """The verbs after the question's asking words (核发 in 由哪个部门核发), but those that say nothing of the act."""
    asking = list(_BODY_ASKED.finditer(question))
    if not asking or tag is None:
        return []
    after_asking = re.split(r"[，,；;？?。]", question[asking[-1].end():])[0]
    # 通过哪个部门的考核: a verbal noun (考核) names the act as well
    verbs = [pair.word for pair in tag(after_asking) if pair.flag in ("v", "vn") and len(pair.word) >= 2
             and pair.word not in _NO_ACT]
    return [verb[1:] if verb[0] in "来去" else verb for verb in verbs]  # 谁来定: the act is 定


def _text_and_after_body(quote: Quote) -> tuple[str, str]:
    text = normalize(re.sub(r"\s+", "", quote.text))
    body = normalize(re.sub(r"\s+", "", quote.highlight))
    at = text.find(body)
    return text, text[at + len(body):at + len(body) + _NEAR_BODY] if at >= 0 else ""


# The steps of a penalty ladder: 数额较大的…；数额巨大的…; 情节严重的…
_DEGREE = re.compile(r"(数额|情节|后果|损失)(?:特别)?(?:较大|巨大|较轻|较重|轻微|严重|恶劣)")


def of_another_degree(sentence: str, question: str, others: list[str]) -> bool:
    """The sentence is the step of a ladder the question does not ask (数额较大的…处五年以下 for a question
    saying 数额巨大), while another sentence of the clause states the step it asks."""
    asked = {m.group() for m in _DEGREE.finditer(normalize(question))}
    if not asked:
        return False
    stated = {m.group() for m in _DEGREE.finditer(sentence)}
    heads = {degree[:2] for degree in asked}
    return bool(stated) and not stated & asked and any(degree[:2] in heads for degree in stated) \
        and any(asked & {m.group() for m in _DEGREE.finditer(other)} for other in others)
