"""Which value of a sentence answers: the span of the asked kind whose words around it hold most of the
question, for the year, baseline, bound and direction asked, without what the question already says."""
from __future__ import annotations

import itertools
import re

from ingest.structure import chinese_number
from qa.answer_types import (ARTICLE_ASKED, DATE, ENTITY, ENTITY_NOUNS, LIST, OBJECT_ASKED, OBJECT_VERBS, ORG,
                             PENALTY_KIND_ASKED, PERIOD_RULE_ASKED, PLACE_ASKED, PRISON_TERM_ASKED, QUANTITY,
                             RESPONSIBLE_ASKED, TIME_SPAN_ASKED)
from qa.complements import complement_span
from qa.evidence import QUESTION_WORDS, Evidence
from qa.places import COUNTY, PREFECTURE, PROVINCIAL, gazetteer, names_a_division, word_bounds
from qa.question_evidence import BASELINE, CHANGE
from qa.reckoned import DEADLINE_ASKED, event_deadline, frequency_spans, share_of_a_base
from qa.slots import framed, gap_spans
from qa.spans import (ACTING_VERBS, BOUND_BEFORE_VERB, SETTING_VERB, included_example, is_closing_deng, is_organisation,
                      stated_lead, stated_qualifiers, value_spans, without_rate_base)
from qa.targets import CLOSED_NOTE, YEAR_RE, compact

_CHUNK_MARKS = ("，", ",", "：", ":", "；", ";", "。", "、", "以及")  # what ends the words around a value
_PLAIN_MARKS = ("，", ",", "：", ":", "；", ";", "。")


def best_span(sentence: str, kind: str | None, evidence: Evidence, question: str) -> tuple[int, int] | None:
    """The value span whose comma chunk covers most of the question (after the year asked, if any);
    values the question itself says (its year) are not answers."""
    flat_question = compact(question).text
    if kind is None:  # 继续开展什么建设: a name the question's own words frame in the sentence answers
        noun = next(iter(evidence.names), "")
        if not noun or noun in QUESTION_WORDS:  # 有什么要求 asks for the rule: the sentence answers
            return None
        return _without_closing_etc(sentence, _framed_name(sentence, question, evidence, strict=True))
    if kind == ENTITY and re.search(ARTICLE_ASKED, flat_question):
        return _article_cited(sentence, flat_question)
    responsible = re.search(RESPONSIBLE_ASKED, question) is not None
    penalty = re.search(r"罚|处多少|处以", question) is not None
    term_asked = re.search(PRISON_TERM_ASKED, flat_question) is not None  # 判多重的刑: a span of years answers
    # 多少座加氢站: a count in a sentence that does not speak of 加氢站 counts something else; 我们几个人合伙开的
    # 公司 in a question that asks a name counts nothing asked
    if kind == QUANTITY and evidence.counted and not any(word in compact(sentence).text for word in evidence.counted):
        return None
    values = value_spans(sentence, kind, responsible, evidence.names, evidence.attributes)
    if kind == QUANTITY and not evidence.attributes:  # 气步枪口径多少: 口径不超过4.5毫米的气步枪 describes the gun asked
        values += [span for span in value_spans(sentence, kind, responsible, evidence.names, True)
                   if span not in values and _modifies_a_said_noun(sentence, span, flat_question)]
    if kind == ENTITY:
        values = [_without_said_owner(sentence, span, flat_question) for span in values]
        values = [_example_of_the_kind_said(sentence, span, flat_question) for span in values]
        values = [_short_name_alone(sentence, span, flat_question) for span in values]
    if kind in (ENTITY, ORG, LIST):
        values = [kept for span in values if (kept := _without_said_items(sentence, span, flat_question, kind))]
    # a share of a base answers in the base's measure only where no value is in the measure itself
    in_measure = {s for s in values if kind == QUANTITY and _in_measure(sentence[s[0]:s[1]], evidence.measure)}
    spans = [s for s in values
             if _SAID_AGE_LEAD.sub("", compact(sentence[s[0]:s[1]]).text) not in (evidence.said or flat_question)
             and not (kind == ORG
                      and _said_by_the_question(compact(sentence[s[0]:s[1]]).text, evidence.said, flat_question))
             and (kind != QUANTITY or s in in_measure
                  or (not in_measure and share_of_a_base(sentence, s, evidence.measure)))
             and (kind != DATE or _in_asked_calendar(sentence[s[0]:s[1]], flat_question))
             and not ((penalty or _REQUIREMENT_ASKED.search(flat_question)) and _CONDITION_END.match(sentence, s[1]))
             and (penalty or kind != QUANTITY or not _FINE.match(sentence, s[1]))
             and not (penalty and _ON_PERSONS.search(_chunk_of(sentence, s[0], 0)) and not _PERSONS_ASKED.search(flat_question))
             and not _multiple_of_what_is_not_there(sentence, s, flat_question)
             and (kind != QUANTITY or "级" in flat_question or not _GRADE_NAME.match(sentence, s[1] - 1))
             and (kind != QUANTITY or _fits_the_asked_change(sentence[:s[0]], evidence, sentence[s[0]:s[1]]))
             and (kind != QUANTITY or _counts_the_asked(sentence, s, evidence))
             and (kind != QUANTITY or not _DURATION.fullmatch(_without_lead(compact(sentence[s[0]:s[1]]).text))
                  or _TIME_ASKED.search(flat_question) is not None or term_asked)
             and not (kind == QUANTITY and counted_back(sentence[s[0]:s[1]], flat_question, sentence[:s[0]]))
             and not (term_asked and not _TERM_UNIT.search(sentence[s[0]:s[1]]))]
    listed_kind = _LISTED_KIND.search(flat_question) if kind == LIST else None
    if listed_kind and listed_kind.group("kind") not in sentence:  # 哪几个园区: a list of things said to be 园区
        return None
    if kind == ENTITY and re.search(PLACE_ASKED, flat_question):  # 哪个县 is answered by a place, or not at all
        spans = [s for s in spans if names_a_division(sentence[s[0]:s[1]])] or \
            _places_by_short_name(sentence, flat_question, evidence) or _framed_place(sentence, question, evidence)
        if not spans:
            return None
    named = _framed_name(sentence, question, evidence) if kind == ENTITY else None
    if named:  # 实施国家黑土地保护工程 framed by 实施…土地保护: the whole name the framed part opens, unless
        # what it adds is the first word of the noun the question asks (建立什么备查资料 → 职工名册, not 职工名册备查)
        return _without_closing_etc(sentence, _without_kind_named(sentence, _without_aspect(sentence, next(
            (span for span in spans if span[0] <= named[0] and named[1] < span[1]
             and not _opens_the_asked_noun(sentence[named[1]:span[1]], evidence.names)), named)), evidence.names))
    if kind == ENTITY and not spans:  # 国家要建立一个什么: what the sentence says after that verb, or in the gap
        return _object_of_the_asked_verb(sentence, flat_question) or complement_span(sentence, question)
    # an office the text says does the act answers where no body's name is followed by it
    office = _office_doing_the_act(sentence, evidence.act, flat_question) if kind == ORG else None
    if office and not any(_does_the_act(sentence, span, evidence.act) for span in spans):
        return office
    if kind == QUANTITY:  # 多久做一次检测: how often, as the text says it
        spans = frequency_spans(sentence, flat_question) or spans
    if kind == DATE and not spans and DEADLINE_ASKED.search(flat_question):
        return event_deadline(sentence, flat_question, evidence.tag)
    if not spans:
        return None
    if kind == DATE and _END_ASKED.search(flat_question):  # 会计年度截止到哪一天: the day after 至, or before 止
        spans = [s for s in spans if sentence[s[1]:s[1] + 1] == "止" or sentence[max(s[0] - 1, 0):s[0]] == "至"] or spans
    if kind == ORG:
        spans = [s for s in spans if not _GENERIC_BODY.fullmatch(compact(sentence[s[0]:s[1]]).text)]
        # 主管部门承担协调委员会日常工作，牵头制定…: the body a verb takes as its object does not act
        spans = [s for s in spans
                 if not ((verb := _OBJECT_OF.search(sentence, 0, s[0])) and verb.group() not in flat_question)] or spans
        spans = _of_the_asked_kind(sentence, spans, flat_question)
        spans = _doing_the_asked_act(sentence, spans, evidence.act)
        spans = _lead_of_joint_work(sentence, spans, flat_question)
        spans = framed(sentence, question, spans) or spans
        if not spans:
            return None
    asking = re.split(r"[，,；;]", flat_question)[-1]  # 不超过30万元的贷款，力争多少时间内: the bound asked is 力争
    bound = next((words for words in _BOUNDS if words.search(asking)), None)
    best = max(spans, key=lambda span: (bound is not None and bound.search(sentence[span[0]:span[1]]) is not None,
                                        kind in (DATE, QUANTITY)
                                        and followed_as_asked(sentence, span, flat_question, _ASKING_A_VALUE, reach=3),
                                        kind == QUANTITY and _modifies_a_said_noun(sentence, span, flat_question),
                                        kind in (LIST, ENTITY) and _takes_the_asked_verb(sentence, span, flat_question),
                                        _names_its_parallel_item(sentence, span, spans, flat_question),
                                        _chunk_coverage(sentence, span, evidence, values, kind == LIST,
                                                        _generic_kind_asked(flat_question) if kind == ORG else ""),
                                        -span[0]))
    if kind == QUANTITY:
        best = _without_what_is_asked(sentence, best, flat_question)
        term = _PRISON_TERM.match(sentence, best[1]) if re.search(PENALTY_KIND_ASKED, flat_question) else None
        if term:  # 判多重的刑: the term with its kind (五年以上有期徒刑), not the years alone
            return (best[0], term.end())
        said = re.match(r"[年已]?满", sentence[best[0]:best[1]])
        age = re.search(r"岁", sentence[best[0]:best[1]]) is not None
        if said and not age and re.search(r"(?<![不未])满(?:多少|几)", flat_question):
            # 住满多少天 asks the days: 一百八十三天; an age keeps its bound (年满多少岁 → 年满二十八周岁)
            best = (best[0] + said.end(), best[1])
        return _with_its_base(sentence, best, evidence.said or flat_question, evidence.tag)
    best = _without_said_edges(sentence, best, flat_question, kind, evidence.tag)
    best = _without_said_modifier(sentence, best, flat_question) if kind in (LIST, ENTITY) else best
    week = re.search(r"(?<=日)[^\W\d_]{0,10}?所在的?(?:周|星期)$", sentence[best[0]:best[1]]) if kind == DATE else None
    if week and not re.search(r"周|星期", flat_question):  # 全民健身日是哪一天: the day, not the week it opens
        best = (best[0], best[0] + week.start())
    if kind == DATE and sentence.startswith("每年", best[0]) and re.search(r"每年的?哪(?!一?周)(?![^，,？?]*前)", flat_question):
        return (best[0] + 2, best[1])  # 植树节是每年的哪一天 asks the day (三月十二日); 每年什么时候前 keeps 每年
    if kind == DATE:
        best = (best[0], best[0] + len(asked_year(sentence[best[0]:best[1]], flat_question)))
        bounded = _DATE_BOUND.search(sentence[:best[0]])
        best = (bounded.start(), best[1]) if bounded else best  # 不迟于当年第三季度末: the bound is the deadline's
    holder = _OFFICE_HOLDER.match(sentence, best[1]) if kind == ORG and "谁" in flat_question else None
    if holder:  # 由谁决定 is answered by the office the body's head holds: 仲裁委员会主任, 国务院总理
        best = (best[0], holder.end())
    if kind not in (LIST, ENTITY):
        return best
    kept_whole = kind == ENTITY and _BRACKETED_SHORT_NAME.fullmatch(sentence, best[0], best[1])
    start, end = _without_label(sentence, best if kept_whole else _without_closing_note(sentence, best))
    if kind == LIST:
        end = _before_kind_closing_the_last(sentence, start, end, flat_question)
        end = _before_said_term(sentence, start, end, flat_question, evidence.tag)
        end = _before_asked_kind(sentence, start, end, flat_question)
        end = _before_said_predicate(sentence, start, end, flat_question, evidence.tag)
        start = _after_asked_verb(sentence, start, end, flat_question)
        start = _first_item_like_others(sentence, start, end, evidence.tag)
        start = _after_verb_opening_the_items(sentence, start, end, evidence.tag)
        # 对其实施的道德品质、…, 境内的哪些资金 for 境内的出资、…: no item starts with 的
        start += sentence[start] == "的" and end - start > 3
        start += 2 * (sentence.startswith("其中", start) and end - start > 4)  # 对其中不满十八周岁的人、…
        start += sentence[start] in "\"“"  # the quote opening an amended text
    if kind == ENTITY:
        start, end = _without_kind_named(sentence, _without_aspect(sentence, (start, _to_word_end(sentence, end))),
                                         evidence.names)
        start, end = _without_closing_etc(sentence, (start, end))  # 通过国家电子政务网等平台: the one named
        start += 2 * (sentence.startswith(("有关", "相关"), start) and end - start > 3)  # 适用有关隐私权的规定
        start = _after_modal_and_verb(sentence, start, end)
    return (start, end - 1) if sentence[end - 1] == "的" and end - 1 - start >= 2 else (start, end)  # …大型游乐设施的设计文件


_MODAL = re.compile(r"应当|必须|应该")


def _after_modal_and_verb(sentence: str, start: int, end: int) -> int:
    """应当写出没收违法所得意见书, 应当补充预算稳定调节基金: the thing named starts after what must be done with it."""
    modal = _MODAL.match(sentence, start)
    bounds = word_bounds(sentence) if modal else set()
    if not modal or modal.end() not in bounds:
        return start
    verb_end = min((bound for bound in bounds if modal.end() < bound < end), default=end)
    return verb_end if end - verb_end >= 2 else start


def _without_closing_etc(sentence: str, span: tuple[int, int] | None) -> tuple[int, int] | None:
    """实施可再生能源绿色电力证书等制度: the one named, without the 等 that opens the rest of its kind."""
    if span is None or sentence[span[1] - 1] != "等" or span[1] - span[0] <= 3:
        return span
    return (span[0], span[1] - 1)


def _object_of_the_asked_verb(sentence: str, flat_question: str) -> tuple[int, int] | None:
    """The object the sentence gives the verb a question ends with (建立一个什么 → 建立国家野生动物遗传资源基因库,
    up to the comma)."""
    asked = OBJECT_ASKED.search(flat_question)
    asked = asked if asked and re.fullmatch(r"(?:来[^，,]*)?[？?]?", flat_question[asked.end("what"):]) else None
    found = re.search(rf"{asked.group('verb')}(?P<object>[^，。；：、,;:（(]{{2,30}})", sentence) if asked else None
    return found.span("object") if found else None


_LISTED_KIND = re.compile(rf"(?:哪些|哪几[个家类种项座]?|哪[两二三四五六七八九十][个家类种项座片大]?)[\u4e00-\u9fff]{{0,6}}?(?P<kind>{ENTITY_NOUNS})")


def _before_said_predicate(sentence: str, start: int, end: int, flat_question: str, tag) -> int:
    """哪些人遭受家庭暴力时… for 未成年人、…、重病患者遭受家庭暴力的: the items end where the verb the question
    says after them begins."""
    last = sentence.rfind("、", start, end) + 1
    if tag is None or last <= 0:
        return end
    at = last
    for pair in tag(sentence[last:end]):
        if at > last and pair.flag.startswith("v") and len(pair.word) >= 2 and \
                end - at >= 4 and compact(sentence[at:end].rstrip("的")).text in flat_question:
            return at
        at += len(pair.word)
    return end


def _without_aspect(sentence: str, span: tuple[int, int]) -> tuple[int, int]:
    """享受企业所得税方面的优惠: the thing named is 企业所得税; 方面 (等方面) only says it is a field."""
    aspect = re.search(r"等?方面$", sentence[span[0]:span[1]])
    return (span[0], span[0] + aspect.start()) if aspect and aspect.start() >= 2 else span


def _to_word_end(sentence: str, end: int) -> int:
    """A name ends where a word does: 发给什么证 asks the 医师执业证书 the text names, not 医师执业证."""
    bounds = word_bounds(sentence)
    if end in bounds:
        return end
    after = min((bound for bound in bounds if bound > end), default=end)
    # jieba's 系统对 (登记系统对…进行登记) does not make 对 part of the name
    return after if after - end <= 2 and re.fullmatch(r"(?![对和与及或在向由从把将被等])[\u4e00-\u9fff]+", sentence[end:after]) else end


# 处上一年年收入百分之八十的罚款, 总额为国家上年度职工年平均工资的二十倍, 收取不超过拍卖成交价百分之五的佣金: a
# multiple or a share is of what stands before it, after the verb that sets it.
_OF_A_BASE = re.compile(r"倍|[百千万]分之|%|％")
_BASE = re.compile(r"(?:处|为|支付|收取)(?P<base>[\u4e00-\u9fff]{2,16}?)$")


def _with_its_base(sentence: str, span: tuple[int, int], said: str, tag) -> tuple[int, int]:
    """A multiple or a share with the base it is reckoned on, which is part of the value unless the question
    (said: without the document names) says it (按违法所得的几倍 → 一倍以上五倍以下; 罚多少 → 上一年年收入百分之八十)."""
    value = sentence[span[0]:span[1]]
    base = _BASE.search(sentence[:span[0]])
    if tag is None or base is None or not _OF_A_BASE.search(value) or stated_lead(value):
        return span
    if re.search(r"的(?:几|多少)倍", said):  # 按骗取金额的几倍: the question names the base in its own words
        return span
    # 国家机关 in the question does not say the base 国家上年度职工年平均工资: most of its words must be said
    words = [pair.word for pair in tag(base.group("base").rstrip("的")) if len(pair.word) >= 2]
    if words and 2 * sum(word in said for word in words) >= len(words):
        return span
    return (base.start("base"), span[1])


def _opens_the_asked_noun(words: str, nouns: list[str]) -> bool:
    return any(len(noun) > len(words) and noun.startswith(words) for noun in nouns)


_YEAR_OF_A_DAY = re.compile(r"[\d〇零一二三四五六七八九]{4}\s*年(?=\s*[\d一二三四五六七八九十]{1,3}\s*月)")
_YEAR_ASKED = re.compile(r"哪一?年(?!.*(?:哪一?[天日月]|几月|几日|几号|哪一?个月|日期))")
_OFFICE_HOLDER = re.compile(r"(?:主要)?(?:负责人|主任委员|主任|主席|委员长|行政长官|[省市县区乡镇]长|会长|理事长|秘书长|总理|首长|行长|署长|局长|厅长|部长|"
                            r"院长|检察长)")


def asked_year(date: str, question: str) -> str:
    """哪一年通过的 asks the year of 1950年6月28日; any other date question, the whole date."""
    year = _YEAR_OF_A_DAY.match(date)
    return date[:year.end()] if year and _YEAR_ASKED.search(question) else date


_END_ASKED = re.compile(r"截止|截至|止于|到哪一?天|结束")
# 有关机构, 相关部门: which body is not said, so it answers no 哪个部门.
_GENERIC_BODY = re.compile(r"(?:有关|相关|其他|其他有关|各)(?:部门|机构|机关|单位|组织)")


_ASKED_BODY = re.compile(r"(?:哪一?级|哪个|哪些|哪家|什么)(?P<body>[\u4e00-\u9fff]{0,4}?(?:政府|机关|法院|检察院|部门|机构|组织|单位))")
_GENERIC_BODY_WORDS = {"机关", "部门", "机构", "组织", "单位"}


def _of_the_asked_kind(sentence: str, spans: list[tuple[int, int]], flat_question: str) -> list[tuple[int, int]]:
    """哪一级检察机关 is answered by a 检察院, not by the 人民法院 the same sentence names; 哪一级政府 by a 政府,
    and not by the bare kind asked (人民政府)."""
    asked = _ASKED_BODY.search(flat_question)
    if asked is None:
        return spans
    body = asked.group("body")
    pieces = {body[i:i + 2] for i in range(len(body) - 1)} - _GENERIC_BODY_WORDS
    fitting = [s for s in spans if any(piece in compact(sentence[s[0]:s[1]]).text for piece in pieces)]
    # 哪个法院 is not answered by 人民法院 alone: the asker knows it is a court
    bare = {body, f"人民{body}"}
    return [s for s in fitting or spans if compact(sentence[s[0]:s[1]]).text not in bare]


def _doing_the_asked_act(sentence: str, spans: list[tuple[int, int]], act: list[str]) -> list[tuple[int, int]]:
    """找哪个部门审批, for …的民办学校，由…人力资源社会保障行政部门按照国家规定的权限审批: the bodies whose own
    clause goes on to the act asked (Evidence.act), when some do."""
    return [span for span in spans if _does_the_act(sentence, span, act)] or spans


def _does_the_act(sentence: str, span: tuple[int, int], act: list[str]) -> bool:
    """The body's own clause, after its name, says one of the asked verbs."""
    return any(verb in re.split(r"[，。；]", sentence[span[1]:])[0] for verb in act)


def _office_doing_the_act(sentence: str, act: list[str], flat_question: str) -> tuple[int, int] | None:
    """批准书由谁签署 for 批准书由中华人民共和国主席签署: the office (主席, 总理, 省长 …) the text says does the asked
    act, right before the verb; not one the question names itself."""
    verbs = [re.escape(verb) for verb in act if len(verb) >= 2]
    if not verbs:
        return None
    doers = re.finditer(rf"由(?P<doer>[^\W\d_由的、或]{{0,18}}?{_OFFICE_HOLDER.pattern})(?:{'|'.join(verbs)})", sentence)
    return next((found.span("doer") for found in doers if compact(found.group("doer")).text not in flat_question), None)


def _lead_of_joint_work(sentence: str, spans: list[tuple[int, int]], flat_question: str) -> list[tuple[int, int]]:
    """由国务院发展计划部门会同国务院有关部门制订: the body that leads does it, with its partner when the question
    asks only who does it; the lead alone when it asks who leads or is in charge (牵头, 负责, 会同有关部门); the
    partner only when asked."""
    if re.search(r"会同(?:哪|什么|谁)", flat_question):
        return spans
    joined = []
    for span in spans:
        lead = next((other for other in spans if re.fullmatch(r"\s*会同\s*", sentence[other[1]:span[0]])), None)
        if lead is None:
            joined.append(span)
            continue
        if joined and joined[-1] == lead:
            joined.pop()
        joined.append(lead if re.search(r"会同|牵头|负责|主持", flat_question) else (lead[0], span[1]))
    return joined


_YEAR_OR_MONTH_ASKED = re.compile(r"哪一?年|几月|哪一?个月|年份|哪个年度")


def _in_asked_calendar(value: str, flat_question: str) -> bool:
    """哪一年 or 几月 is answered by a date that names its year or month, and 每年的哪一天 by a day of the
    calendar, not by a day an event sets (办理登记之日)."""
    if _YEAR_OR_MONTH_ASKED.search(flat_question) and not re.search(r"[年月]", value):
        return False
    return "每年" not in flat_question or not value.endswith("之日")


def _after_asked_verb(sentence: str, start: int, end: int, flat_question: str) -> int:
    """免费乘坐哪些交通工具 for 盲人持有效证件免费乘坐市内公共汽车、电车…: the items begin after the verb the question
    puts right before 哪些 (or 哪几), when the first item holds it."""
    first_item_end = sentence.find("、", start, end)
    if first_item_end < 0:
        return start
    bounds = word_bounds(sentence)
    # 设了哪几种税率 for 进口关税设置最惠国税率、…: a verb of one character opens the word it starts, or
    # ends one of two (交哪些文件 for 登记机关提交设立申请书、…)
    # …or before 的 and the kind the items are (加快打造的示范工程有哪些)
    for verb in (re.search(r"([\u4e00-\u9fff]{2})(?:了|的)?哪(?:些|几)", flat_question),
                 re.search(r"([\u4e00-\u9fff]{2})的[\u4e00-\u9fff]{2,12}?(?:有|是|包括)哪(?:些|几)", flat_question),
                 re.search(r"([\u4e00-\u9fff])了哪(?:些|几)", flat_question),
                 re.search(r"([^\W\d_有是在为的了和与及或])哪(?:些|几)", flat_question)):
        at = sentence.rfind(verb.group(1), start, first_item_end) if verb else -1
        if at < 0 and verb and len(verb.group(1)) == 2:  # 伪造、变造、买卖居民身份证、…: verbs listed before the asked one
            at = sentence.find(verb.group(1), start, end)
            at = at if at > 0 and re.fullmatch(r"[\"“]?(?:[\u4e00-\u9fff]{1,3}、)+", sentence[start:at]) else -1
        if at < 0:
            continue
        if len(verb.group(1)) == 1:
            word_start = max(bound for bound in bounds if bound <= at)
            word_end = min(bound for bound in bounds if bound > at)
            if not (at == word_start or (word_end - word_start == 2 and at == word_end - 1)):
                continue
            after = word_end
        else:
            after = at + 2
        item_end = sentence.find("、", at, end)
        if (item_end if item_end >= 0 else end) - after >= 2:
            return after
    return start


def _first_item_like_others(sentence: str, start: int, end: int, tag) -> int:
    """科学技术人员应当大力弘扬爱国、创新、求实…: a first item far longer than every other one holds the words
    that open the list; it keeps its last words, as long as the longest other item (a word at least)."""
    items = sentence[start:end].split("、")
    if tag is None or len(items) < 3:
        return start
    longest = max(len(item) for item in items[1:])
    if len(items[0]) <= 2 * longest + 2:  # not far longer: a modifier of its own (绿色低碳产品、…) stays
        return start
    pairs = tag(items[0])
    kept, first = 0, len(pairs)
    for at in range(len(pairs) - 1, -1, -1):
        if kept and kept + len(pairs[at].word) > longest:
            break
        kept, first = kept + len(pairs[at].word), at
    if any(pair.flag == "c" for pair in pairs[max(first - 1, 0):]):
        # 中国海警局及其海区分局和直属局、省级海警局…: a cut beside or after a conjunction would leave the words it
        # joins behind; the item then opens after the last verb before it, or with the list
        verbs = [at for at, pair in enumerate(pairs[:first]) if pair.flag.startswith("v")]
        kept = sum(len(pair.word) for pair in pairs[verbs[-1] + 1:]) if verbs else len(items[0])
    return start + len(items[0]) - kept


def _after_verb_opening_the_items(sentence: str, start: int, end: int, tag) -> int:
    """国家建立电器电子、铅蓄电池、车用动力电池, 含有汞、镉、砷: when no other item holds a verb, a verb of two
    characters or more in the first item (and what comes before it) opens the list and is no part of the item; one
    character may be a name's (国能台山电厂)."""
    items = sentence[start:end].split("、")
    if tag is None or len(items) < 2 or any(pair.flag == "v" for item in items[1:] for pair in tag(item)):
        return start
    pairs = tag(items[0])
    verbs = [at for at, pair in enumerate(pairs) if pair.flag == "v" and len(pair.word) >= 2]
    if not verbs:
        return start
    kept = sum(len(pair.word) for pair in pairs[verbs[-1] + 1:])
    return start + len(items[0]) - kept if kept >= min(len(item) for item in items[1:]) else start


def _before_asked_kind(sentence: str, start: int, end: int, flat_question: str) -> int:
    """风能、海洋能、太阳能等可再生能源和雨水集蓄… for 哪些可再生能源 (实用、…、节约的要求和国家规定的标准 for 哪些要求):
    the items end at the 等 or 的 that names the kind asked, when two or more come before it."""
    for closing in re.finditer(r"(?:等|的)(?P<kind>[\u4e00-\u9fff]{2,6})", sentence[start:end]):
        said = any(closing.group("kind")[:n] in flat_question for n in range(len(closing.group("kind")), 1, -1))
        before = sentence[start:start + closing.start()]
        if closing.group().startswith("等") and not is_closing_deng(sentence, start + closing.start()):
            continue
        if said and "、" in before and not re.search(r"其他[^、]*$", before):  # …和其他从事…的组织 is an item
            return start + closing.start()
    return end


def _before_kind_closing_the_last(sentence: str, start: int, end: int, flat_question: str) -> int:
    """遵循自愿、平等、公平、诚实信用原则 for 哪些原则: the kind the question asks, closing the last item only, is
    not part of it."""
    asked = re.search(r"哪(?:些|几)[种类个项条]?(?P<kind>[\u4e00-\u9fff]{2,4}?)(?:[？?，,]|$)", flat_question)
    items = sentence[start:end].split("、")
    if asked and len(items) >= 2 and items[-1].endswith(asked.group("kind")) and \
            len(items[-1]) - len(asked.group("kind")) >= 2 and not items[0].endswith(asked.group("kind")):
        return end - len(asked.group("kind"))
    return end


_CLOSING_DENG = re.compile(r"等(?![级同于待额量候次])")  # not 等级标准, 等同于


def said_term_after(sentence: str, at: int, flat_question: str, tag) -> str:
    """The term a list closes with (…信号工、通信工等重点岗位人员, 沂蒙、文登等抽水蓄能电站建设) when the question
    says it: whole words ending in a noun, what the items are of."""
    if tag is None or not _CLOSING_DENG.match(sentence, at):
        return ""
    term, found = "", ""
    for pair in tag(compact(sentence[at + 1:at + 16]).text):
        term += pair.word
        if term not in flat_question or not re.fullmatch(r"[\u4e00-\u9fff]+", term):
            break
        found = term if len(term) >= 3 and pair.flag.startswith("n") else found
    return found


# 本法所称粮食，是指小麦、…; 邮资凭证包括邮票、…: the term a list defines, said before it
_DEFINED_TERM = re.compile(r"(?:^|[，,。；;：:])\s*[“\"]?(?P<term>[^，,。；;：:“”\"]{2,30}?)[”\"]?[，,]?\s*"
                           r"(?:是指|主要包括|具体包括|包括|指)[：:]?\s*$")


def said_term_before(sentence: str, start: int, flat_question: str) -> str:
    """The term the list at start defines (本法所称粮食，是指小麦、稻谷…) when the question says it."""
    defined = _DEFINED_TERM.search(sentence[:start])
    term = defined.group("term").split("所称")[-1].split()[-1:] if defined else []  # 第七十三条 本法所称粮食
    return term[0] if term and 2 <= len(term[0]) <= 14 and term[0] in flat_question else ""


def _before_said_term(sentence: str, start: int, end: int, flat_question: str, tag) -> int:
    """驾驶员、乘务员、…通信工 for 重点岗位人员具体指哪些: the items end at the 等 that closes them with the term asked."""
    return next((at for at in range(start + 2, end) if said_term_after(sentence, at, flat_question, tag)), end)


_SAID_AGE_LEAD = re.compile(r"^[年已]?满")  # 刚满十六周岁 says the 年满十六周岁 of the text: no answer

# 专栏5 既有建筑节能改造重点工程: the number of the box or table that prints a name is not part of it.
_LABEL = re.compile(r"(?:专栏|附表|附件|表|图)\s*[0-9一二三四五六七八九十]+[\s：:、.．]*")


def _without_label(sentence: str, span: tuple[int, int]) -> tuple[int, int]:
    label = _LABEL.match(sentence, span[0], span[1])
    return (label.end(), span[1]) if label and span[1] - label.end() >= 2 else span


_CLOSING_NOTE = re.compile(r"\s*[（(][^（）()]*[）)]\s*$")


def _without_closing_note(sentence: str, span: tuple[int, int]) -> tuple[int, int]:
    """A list or name without the bracket note closing it (…水泥、平板玻璃（不含光伏玻璃）; 榆林地热田项目（3万千瓦）):
    the note qualifies the last item, it is not one. A title's own bracket (《…标准（试行）》) is part of it."""
    note = _CLOSING_NOTE.search(sentence, span[0], span[1])
    titled = sentence[span[0] - 1:span[0]] == "《" and sentence[span[1]:span[1] + 1] == "》"
    return (span[0], note.start()) if note and note.start() - span[0] >= 2 and not titled else span


_JOINING = ("、", "和", "及", "与", "或", "或者", "以及")


def _without_said_edges(sentence: str, span: tuple[int, int], flat_question: str, kind: str,
                        tag) -> tuple[int, int]:
    """A name or list without the question's own words at its edges: the words before it up to a verb the
    question says (区域严禁新增钢铁 → 钢铁, 重点建设凉山州风电基地 → 凉山州风电基地), and for a list the words
    after it from a verb on (…公共建筑执行绿色建筑三星级标准 → …公共建筑). Cut at the words' own boundaries, so
    a said word inside a name (公共建筑) stays. A date keeps its 每年 (每年3月31日前 is the date asked)."""
    if tag is None or kind not in (LIST, ENTITY, ORG):
        return span
    value = sentence[span[0]:span[1]]
    words = tag(value)
    starts = [0, *itertools.accumulate(len(pair.word) for pair in words)]

    def said(first: int, last: int) -> bool:  # words[first:last] are said in the question, in one stretch
        return compact(value[starts[first]:starts[last]]).text in flat_question

    # A place the question says stays (海川市碳排放管理暂行规定): it is part of the name.
    # One word alone goes when the question puts it right before what it asks, or before a second verb of making
    # (建立什么制度 → 林长制; 国家推进建设什么平台 for 国家推进…平台建设), not when it
    # opens the name (测绘成果汇交制度 for a question that says 测绘 elsewhere).
    # Several words go only when the question puts them before what it asks or its noun, too (核事故应急准备金制度
    # stays whole for a question about 核事故应急准备与响应工作所需经费).
    lead = max((n for n in range(1, len(words)) if said(0, n) and words[n - 1].flag.startswith("v")
                and re.search(rf"{re.escape(value[starts[n - 1]:starts[n]] if n == 1 else value[:starts[n]])}"
                              r"(?:[了的是]{0,2}|的[^，,。？?]{0,8}?|建设|建立|打造|开展|实施)(?:什么|哪)", flat_question)
                and not any(pair.flag == "ns" for pair in words[:n])), default=0)
    # (…和其他从事农业生产经营的组织, …的总要求: a noun after 的 is no verb, whatever the tagger says)
    # (…再就业培训及其他职业性培训, …资产处置所得、…、清算所得: words another item ends with are the last item's own)
    others = re.split(r"[、和及]", value)[:-1]
    tail = min((n for n in range(lead + 1, len(words)) if kind == LIST and said(n, len(words))
                and words[n].flag.startswith("v") and "的" not in (pair.word for pair in words[max(0, n - 2):n])
                and words[n - 1].word not in _JOINING  # 引导、监督和管理 for 哪几方面的管理: the last item
                and not any(item.endswith(value[starts[n]:]) for item in others)),
               default=len(words))
    start, end = starts[lead], starts[tail]
    # …生活富裕的总要求 for 总要求有哪几条: what the items are, said after the last one's 的, is no item; a
    # catch-all last item keeps its noun (…和其他从事农业生产经营的组织)
    last = re.split(r"[、和及]", value[start:end])[-1]
    if kind == LIST and "的" in last and not last.startswith("其他") and \
            compact(last.rsplit("的", 1)[1]).text in flat_question and len(last.rsplit("的", 1)[1]) >= 2:
        end -= len(last.rsplit("的", 1)[1]) + 1
    # …法治化、规范化水平 for 哪几个方面的水平: a word the question says, written once after items of one shape
    # (not 自动灭火系统、…、安全疏散设施), is what each item is of
    items = re.split(r"[、和及]", value[start:end])
    closing = words[tail - 1].word if tail > lead else ""
    if kind == LIST and len(items) > 2 and len(closing) >= 2 and closing in flat_question and \
            items[-1].endswith(closing) and {len(item) for item in items[:-1]} == {len(items[-1]) - len(closing)}:
        end -= len(closing)
    while lead and start < end and value[start] in "的 ":
        start += 1
    return (span[0] + start, span[0] + end) if len(compact(value[start:end]).text) >= 2 else span


def _without_kind_named(sentence: str, span: tuple[int, int], names: list[str]) -> tuple[int, int]:
    """坚持什么方针 → 平战结合、军地协同、寓军于民, not …寓军于民的方针: the kind asked after 的 is no part of the name."""
    start, end = span
    return (start, end - next((len(noun) + 1 for noun in names if sentence[start:end].endswith(f"的{noun}")
                               and end - start > len(noun) + 3), 0))


def _takes_the_asked_verb(sentence: str, span: tuple[int, int], flat_question: str) -> bool:
    """The list or name follows the verb the question puts before 哪些 (可以采取哪些措施 → 采取登临、检查…), or
    is followed by it (废止了哪部法规 → 《福建省环境保护条例》同时废止)."""
    verb = re.search(r"([\u4e00-\u9fff]{2})了?(?:哪些|哪几|哪一?[部个项份种]|什么)", flat_question)
    if verb is None:
        return False
    after = re.sub(r"^[》”]*(?:同时|一并|也|均)?", "", compact(sentence[span[1]:]).text)
    return compact(sentence[:span[0]]).text.rstrip("《“").endswith(verb.group(1)) or after.startswith(verb.group(1))


def _modifies_a_said_noun(sentence: str, span: tuple[int, int], flat_question: str) -> bool:
    """The value describes a noun the question says (十八周岁至六十周岁的男性公民 for 男性公民在什么年龄段); when
    the question puts its noun after the value asked (多少比例的村民提议), that noun and no longer one
    (十分之一以上的村民, not 三分之一以上的村民代表)."""
    noun = re.match(r"的([\u4e00-\u9fff]+?)(?:或者|或|和|及|与|[、，,；;。]|$)", sentence[span[1]:])
    if noun is None or len(noun.group(1)) < 2:
        return False
    asked = re.search(r"(?:多少|几)[^，,。？?的]{0,6}的([\u4e00-\u9fff]+)", flat_question)
    if asked:
        return asked.group(1).startswith(noun.group(1)) or noun.group(1).startswith(asked.group(1))
    return noun.group(1)[:2] in flat_question


# a name's own short name in brackets, not a note on it (（不含光伏玻璃）, （试行）, （3万千瓦）)
_BRACKETED_SHORT_NAME = re.compile(r"(?P<full>[^（(]{2,})[（(](?P<short>(?!不?含|包括|试行|暂行|以下)[\u4e00-\u9fff]{2,8})[）)]")


def _short_name_alone(sentence: str, span: tuple[int, int], flat_question: str) -> tuple[int, int]:
    """企业融资对接服务平台（汉融通）: the short name alone when the question already says the full one or asks what
    the thing is called (叫什么, 简称); else the full name with it."""
    named = _BRACKETED_SHORT_NAME.fullmatch(sentence, span[0], span[1])
    if named and (compact(named.group("full")).text in flat_question or re.search(r"叫什么|简称|名字|名称", flat_question)):
        return named.span("short")
    return span


def _without_said_owner(sentence: str, span: tuple[int, int], flat_question: str) -> tuple[int, int]:
    """A name without the body owning it that the question already says (国能台山电厂哪台机组 → 2号发电机组):
    the longest opening found in the question that names an organisation, when a name of two or more is
    left. A place the question says (深圳经济特区…条例) stays: it is part of the name."""
    name = sentence[span[0]:span[1]]
    said = next((n for n in range(len(name) - 2, 2, -1)
                 if name[:n] in flat_question and is_organisation(name[:n])), 0)
    return (span[0] + said, span[1]) if said else span


def _without_said_items(sentence: str, span: tuple[int, int], flat_question: str,
                        kind: str | None = None) -> tuple[int, int] | None:
    """A list without the items the question already names (除三明农商行外，另一家是… → 沙县农商行), when
    the items left stand together."""
    # a name joins two of one kind by 和 (航道维护尺度和内河航道图): each is an item; 共和国 is no join
    items = [m.span() for m in re.finditer(r"(?:[^、和]|(?<=共)和(?=国))+" if kind == ENTITY else r"[^、]+",
                                           sentence[span[0]:span[1]])]
    # 所称天然气包括天然气、煤层气和煤制气: the term a list defines may be one of its items
    defined = re.search(r"([\u4e00-\u9fff]{2,10})[，,]?(?:包括|是指|分为)$", compact(sentence[:span[0]]).text)
    left = [n for n, (start, end) in enumerate(items)
            if not _says_as_words(flat_question, compact(sentence[span[0] + start:span[0] + end]).text,
                                  compact(sentence[:span[0]]).text)
            or (defined and defined.group(1).endswith(compact(sentence[span[0] + start:span[0] + end]).text))]
    if len(items) < 2 or not left or len(left) == len(items) or left != list(range(left[0], left[-1] + 1)):
        return span
    # 新生儿疾病筛查包括哪些病种, for 开展新生儿疾病筛查、婴儿多发病和常见病防治等服务: a list holding the thing
    # whose parts are asked lists its neighbours, not its parts
    whole = _WHOLE_ASKED.search(flat_question)
    said = [compact(sentence[span[0] + start:span[0] + end]).text for n, (start, end) in enumerate(items) if n not in left]
    if whole and any(whole.group(1).endswith(item) for item in said if len(item) >= 2):
        return None
    return (span[0] + items[left[0]][0], span[0] + items[left[-1]][1])


def _says_as_words(question: str, item: str, lead: str = "") -> bool:
    """The question says the item as words of its own: 省 inside 省会城市, 发明 inside 发明创造 do not, nor
    秘密 inside the 国家秘密 the sentence's lead divides into 绝密、机密、秘密."""
    bounds = word_bounds(question)
    return any(at in bounds and at + len(item) in bounds and not _part_of_the_lead(question, at, len(item), lead)
               for at in (m.start() for m in re.finditer(re.escape(item), question)))


def _part_of_the_lead(question: str, at: int, length: int, lead: str) -> bool:
    """The words at question[at:at + length] and the character beside them are said in the lead too."""
    return bool(lead) and ((at > 0 and question[at - 1:at + length] in lead) or
                           (at + length < len(question) and question[at:at + length + 1] in lead))


_WHOLE_ASKED = re.compile(r"([\u4e00-\u9fff]{2,})(?:包括|包含|分为|分成|有)(?:哪|什么)")


def _without_what_is_asked(sentence: str, span: tuple[int, int], flat_question: str) -> tuple[int, int]:
    """The value without the words before it when the question already says its qualifier: 力争达到多少 and
    力争目标是多少 → 400万千瓦; a qualifier the question does not say in those words stays (力争达到700万千瓦;
    至少几个工作日 → 不少于7个工作日: the bound is part of the value)."""
    lead = stated_lead(sentence[span[0]:span[1]])
    if not lead or BOUND_BEFORE_VERB.match(lead):  # 至少要保存多久 → 至少保存二年: the bound is the act's
        return span
    asked = _AIM.sub("力争", flat_question)
    # The hedges the question says go from the front (一般是多长 and 一般不超过3年 → 不超过3年); with the last
    # of them goes the verb that sets the value (力争达到多少 → 400万千瓦). A bound stays, said or not
    # (最高允许多少层 → 最高不超过18层): it is part of the value, unless the question says all of it.
    start, words = span[0], stated_qualifiers(lead)
    # 最高不得超过多少, or 最大不能超过多少 → 一百二十五平方米
    said_whole = _same_bound(_AIM.sub("力争", compact("".join(words)).text)) in _same_bound(asked)
    for word in words:
        plain = _AIM.sub("力争", compact(word).text)
        if not said_whole and (not _HEDGE.fullmatch(plain) or plain not in asked):
            return (start, span[1])
        start += len(word)
    end_of_lead = span[0] + len(lead)
    return (end_of_lead, span[1]) if end_of_lead < span[1] else (start, span[1])


def _example_of_the_kind_said(sentence: str, span: tuple[int, int], flat_question: str) -> tuple[int, int]:
    """包括国家绿色发展基金在内的现有政府投资基金, asked 已设立的政府投资基金点名了哪一只: the kind the question says is
    answered by the one the text names in it."""
    kind = compact(sentence[span[0]:span[1]]).text
    said = any(kind[at:] in flat_question for at in range(len(kind) - 3))
    return included_example(sentence, span) if said else span


def _said_by_the_question(body: str, said: str, flat_question: str) -> bool:
    """A body the question names itself is not the one it asks (国务院可以授权谁审批: not 国务院), even where its
    name also picks the document, nor said as people say it (由谁去法院起诉: not 人民法院)."""
    plain = body.replace("人民", "")
    return body in flat_question or (plain != body and len(plain) >= 2 and plain in (said or flat_question))


def _without_lead(value: str) -> str:
    """不少于7个工作日 → 7个工作日: a bounded span of time is a span of time."""
    return value[len(stated_lead(value)):]


_AIM = re.compile(r"力争|争取")  # the same stretch target, said either way
_BOUND_SPELLINGS = ((re.compile(r"最大|最多"), "最高"), (re.compile(r"最小|最少"), "最低"),
                    (re.compile(r"不能|不可|不准|不许|不应"), "不得"))


def _same_bound(text: str) -> str:
    """One spelling for each bound (最大不能超过 and 最高不得超过 say the same)."""
    for spellings, word in _BOUND_SPELLINGS:
        text = spellings.sub(word, text)
    return text
_HEDGE = re.compile(r"力争|确保|一般|原则上|约|累计|连续|年均|平均")


# A span of time (连续二年, 30日内) answers a question asking how long, not one asking how much of something.
_SPAN_OF_TIME = r"[\d一二三四五六七八九十两]+个?(?:工作日|日|天|小时|分钟|个月|月|年)"
_DURATION = re.compile(rf"(?:提前|连续)?{_SPAN_OF_TIME}(?:以上|至|到)?(?:{_SPAN_OF_TIME})?(?:内|以内|以上|以下)?")
# 需要多长的会计工作经历: a span of years of work
_TIME_ASKED = re.compile(rf"{TIME_SPAN_ASKED}|期限|时限|有效期|刑期|{PERIOD_RULE_ASKED}"
                         r"|多长的?[\u4e00-\u9fff]{0,6}(?:经历|经验|工龄|年限)")


# 最高…多少层 asks for the ceiling, 最少…多少 for the floor, 力争 the stretch target: the value stated so answers.
_PRISON_TERM = re.compile(r"\s*(?:有期徒刑|拘役|管制)")
_DATE_BOUND = re.compile(r"(?:不迟于|不晚于)\s*$")
_BOUNDS = (re.compile(r"最高|最多|最长|最迟|至迟|最晚|不迟于|不晚于|不超过|不高于|不大于|上限"), re.compile(r"最低|最少|最短|至少|不低于|不少于|下限"),
           re.compile(r"力争|争取"))


# A year after 比/较 is the baseline a change is measured from (比2020年下降14%), not the target's year.
_TARGET_YEAR = re.compile(r"(?<![比较与])(\d{4})年(?!(?:的?基础上|水平|相比))")


_YEAR_SPAN = re.compile(r"(\d{4})年?(?:至|到|-|—|～|~)(\d{4})年")


def for_the_asked_year(before: str, evidence: Evidence) -> bool:
    """No year is set before the value, or the last one is a year the question asks about, or ends a span of
    years that holds it (2022至2025年…分别达到80%、90%、95%、100% for 2024)."""
    flat = CLOSED_NOTE.sub("", compact(before).text)  # （其中，2021年达到60%） is a note on the figure before
    years = _TARGET_YEAR.findall(flat)
    if not (evidence.years and years and years[-1] not in evidence.years):
        return True
    return any(int(first) <= int(year) <= int(last) for first, last in _YEAR_SPAN.findall(flat)
               for year in evidence.years)


def _fits_the_asked_change(before: str, evidence: Evidence, value: str = "") -> bool:
    """The value is for the year, from the baseline and in the direction the question asks about: not when
    the sentence sets it for another year (到2030年，…达到80万千瓦 answers 2030, not 2025), from another
    baseline (比2005年) or as a level where a fall is asked."""
    flat = compact(before).text
    if not for_the_asked_year(before, evidence):
        return False
    # 比2020年下降多少 asks for the change from 2020: a change from 2005 answers another question.
    chunk = flat[flat.rfind("，") + 1:]
    base = BASELINE.findall(chunk)
    if evidence.baselines and base and base[-1] not in evidence.baselines:
        return False
    # 下降多少 is answered by a fall: not by the 25% a share is raised to in the same sentence.
    return not evidence.direction or CHANGE[evidence.direction].search(chunk[-12:] + value) is not None


# 违法所得不足50万元的，处…罚款: a value closing a condition is its threshold, not the penalty.
_CONDITION_END = re.compile(r"\s*的[，,；;]")
# A requirement asked (人数有什么要求, 至少多少) is not answered by the case a provision opens with (成员超过一百五十人的，…).
_REQUIREMENT_ASKED = re.compile(r"要求|至少|最少|最低|不少于|不低于")
# 并对直接负责的主管人员和其他直接责任人员处…罚款: the fine on the people in charge, beside the one on the body
_ON_PERSONS = re.compile(r"直接负责的主管人员|直接责任人员")
_PERSONS_ASKED = re.compile(r"主管人员|责任人员|负责人|个人|责任人")
# 查不出违法所得, 没有违法所得的: a thing the question says there is none of
_NONE_SAID = re.compile(r"(?:没有|没(?!收)|无(?![法论])|查不[出到清]|找不到|不存在)(?P<thing>[\u4e00-\u9fff]{2,6}?)(?=[的，,。、或及和？?]|$)")


def _multiple_of_what_is_not_there(sentence: str, span: tuple[int, int], flat_question: str) -> bool:
    """违法所得1倍以上10倍以下 is reckoned on a gain, and answers nothing for a case the question says has none
    (操纵市场但查不出违法所得: 没有违法所得的，处50万元以上500万元以下)."""
    if "倍" not in sentence[span[0]:span[1]]:
        return False
    before = sentence[max(0, span[0] - 8):span[1]]
    return any(match.group("thing") in before for match in _NONE_SAID.finditer(flat_question))


# The amount of a fine answers a question about the fine, not one about a threshold or a fee of the same size.
_FINE = re.compile(r"\s*的?(?:罚款|罚金)")
# 一级消防长, 二级关务督察: a grade and the noun after it name a rank, a quantity only when a grade is asked.
_GRADE_NAME = re.compile(r"(?<!星)级(?![以及、和与或])[\u4e00-\u9fff]")
# A ratio stated without a unit (PUE不高于1.3, 铁钢比降到0.75以下) answers a question about a 率 or 比.
_RATIO = re.compile(r"\D{0,6}\d+\.\d+(?:以下|以上|以内|左右)?")


_ASKED_LEVEL = re.compile(r"哪一?个?(城市|地市|市|县|区|省)")
_LEVELS = {"城市": PREFECTURE, "地市": PREFECTURE, "市": PREFECTURE, "县": COUNTY, "区": COUNTY, "省": PROVINCIAL}


def _framed_place(sentence: str, question: str, evidence: Evidence) -> list[tuple[int, int]]:
    """The place the question's words frame (以哪个城市为核心 and 以鹰潭为核心), said by any name."""
    named = _framed_name(sentence, question, evidence)
    return [named] if named and any((start, end) == named for start, end, _ in gazetteer().find_words(sentence)) else []


def _places_by_short_name(sentence: str, flat_question: str, evidence: Evidence) -> list[tuple[int, int]]:
    """支持威海创建…: places of the level asked, said alone by a short name in words that say most of the
    question (one of a list of places answers 哪些, not 哪个)."""
    level = _ASKED_LEVEL.search(flat_question)
    return [(start, end) for start, end, places in gazetteer().find_words(sentence)
            if level and any(place.level == _LEVELS[level.group(1)] for place in places)
            and sentence[start:end] not in flat_question
            and "、" not in (chunk := _chunk_of(sentence, start, end - start, (), _PLAIN_MARKS))
            and evidence.coverage(chunk) >= 0.5]


_LENGTH_ASKED = re.compile(TIME_SPAN_ASKED)


def counted_back(value: str, flat_question: str, before: str = "") -> bool:
    """会议举行七日以前 or 届满前一年 is a time before an event, not how long a thing lasts (每次开会开几天, 出让最高
    年限是多少年), unless the question asks how long before (提前几天, 开会前多少天). before: the sentence up to the value."""
    said_back = re.search(r"(?:以前|之前|前)$", value) is not None or re.search(r"(?:届满|期满|终了)前$", before) is not None
    return re.search(r"\d+|[一二三四五六七八九十]", value) is not None and said_back \
        and _LENGTH_ASKED.search(flat_question) is not None and "前" not in flat_question


def _in_measure(value: str, measure: re.Pattern | None) -> bool:
    value = without_rate_base(value)
    if measure is None or measure.search(value):
        return True
    return measure.search("%") is not None and _RATIO.fullmatch(compact(value).text) is not None


def _counts_the_asked(sentence: str, span: tuple[int, int], evidence: Evidence) -> bool:
    """A count answers 多少座加氢站 when 加氢站 is said beside it: 充电桩20万个 in a sentence listing 加氢站
    among the facilities counts something else."""
    if not evidence.counted:
        return True
    # what is counted may follow after modifiers listed with 、 (30个特色鲜明、差异化发展的碳达峰试点城市)
    left = max((sentence.rfind(mark, 0, span[0]) + 1 for mark in "，,；;。：:"), default=0)
    right = min((i for i in (sentence.find(mark, span[1]) for mark in "，,；;。") if i >= 0), default=len(sentence))
    return any(word in compact(sentence[left:right]).text for word in evidence.counted)


def _names_its_parallel_item(sentence: str, span: tuple[int, int], spans: list[tuple[int, int]],
                             flat_question: str) -> bool:
    """Of chunks said alike (耕地的承包期为三十年，草地的承包期为…，林地的承包期为三十年至七十年), the one whose own
    item, before the words they share, is the one the question names (林地), when another's is not."""
    def prefix(value: tuple[int, int]) -> str:
        left = max((found + len(mark) for mark in _CHUNK_MARKS if (found := sentence.rfind(mark, 0, value[0])) >= 0),
                   default=0)
        return compact(sentence[left:value[0]]).text

    prefixes = [prefix(other) for other in spans]
    if len(spans) < 2 or span not in spans:
        return False
    shared = 0
    while shared < min(map(len, prefixes)) and len({p[len(p) - shared - 1] for p in prefixes}) == 1:
        shared += 1
    # what the chunks share must be more than the verb setting their values (比例达到70%，占比达到20%)
    if shared - len(SETTING_VERB.search(prefixes[0][len(prefixes[0]) - shared:]).group()) < 2:
        return False
    def says_its_item(p: str) -> bool:  # a word of two or more ending in the chunk's own part, or just past it
        end = len(p) - shared
        return any(p[start:stop] in flat_question for start in range(max(end - 2, 0), end)
                   for stop in range(max(end, start + 2), min(end + 2, len(p)) + 1))
    return says_its_item(prefixes[spans.index(span)]) and not all(map(says_its_item, prefixes))


def _chunk_coverage(sentence: str, span: tuple[int, int], evidence: Evidence,
                    values: list[tuple[int, int]] = (), listing: bool = False, kind_asked: str = "") -> float:
    """How much of the question the words around the value hold; for a list, its words run past a 、 (推进攀枝花、
    江油、绵竹等加快完成外业、尽快转入预可研: what is said of the items is joined by 、 as they are). The generic
    kind asked says nothing where the value itself is of it (哪个机关 is not answered better by 政治机关)."""
    years_before = YEAR_RE.findall(compact(sentence[:span[0]]).text)
    year_fit = 0.5 if any(year in evidence.years for year in years_before) else 0.0
    marks = tuple(mark for mark in _CHUNK_MARKS if mark != "、") if listing else _CHUNK_MARKS
    chunk = _chunk_of(sentence, span[0], span[1] - span[0], values, marks)
    value = sentence[span[0]:span[1]]
    if kind_asked and kind_asked in value:
        chunk = chunk.replace(value, value.replace(kind_asked, " "), 1)
    return evidence.coverage(chunk) + year_fit


def _generic_kind_asked(flat_question: str) -> str:
    """机关 in 哪个机关主管: the kind of body asked, when it is one every body is."""
    asked = _ASKED_BODY.search(flat_question)
    return asked.group("body") if asked and asked.group("body") in _GENERIC_BODY_WORDS else ""


# A count (10家, 八名以上) is followed by what it counts: in a list of counts each one's words come after it.
_COUNT_END = re.compile(r"[个座家项条辆台套处所批只艘根名户](?:以上|以下|左右)?$")


def _chunk_of(sentence: str, start: int, length: int, values: list[tuple[int, int]] = (),
              marks: tuple[str, ...] = _CHUNK_MARKS) -> str:
    """The words around a value: from the punctuation (or the value) before it to the punctuation after
    it, or to its own end when another value follows first. In a table flattened into one line (居住建筑能效提升30%公共建筑能效提升20%) the words
    between two values are the second one's."""
    before = [(sentence.rfind(mark, 0, start), mark) for mark in marks]
    after = [sentence.find(mark, start + length) for mark in marks]
    if _COUNT_END.search(sentence[start:start + length]) and re.match(r"[\u4e00-\u9fff]", sentence[start + length:]):
        # 5家近零碳试点学校、10家近零碳试点企业
        ends = [i for i in after if i >= 0] + [other for other, _ in values if other > start]
        return sentence[start:min(ends, default=len(sentence))]
    left = max([i + len(mark) for i, mark in before if i >= 0] + [end for _, end in values if end <= start],
               default=0)
    right = min((i for i in after if i >= 0), default=len(sentence))
    if any(start + length <= other < right for other, _ in values):
        right = start + length
    # 警告，六个月；记大过，十八个月: a value standing alone after a comma is the label's before it
    value = sentence[start:start + length]
    if left > 0 and sentence[left - 1] in "，," and "、" not in value and not sentence[left:right].replace(value, "").strip():
        left = max(sentence.rfind(mark, 0, left - 1) for mark in "；;：:。") + 1
    return _case_before(sentence, left) + sentence[left:right]


def _case_before(sentence: str, left: int) -> str:
    """The case the words at left are said for (拒不改正的，对个人处…，对单位处…: 拒不改正 for both; 对于30万元以下
    小额绿色信贷，…力争2天内), within the same provision (no ；or 。 between)."""
    cases = list(_CASE.finditer(sentence, 0, left))
    if not cases or any(mark in sentence[cases[-1].end():left] for mark in ("；", ";", "。")):
        return ""
    return cases[-1].group("case")


_CASE = re.compile(r"(?:^|(?<=[，,；;。：:]))(?P<case>对于[^，,；;。：:]{2,40}|[^，,；;。：:]{2,40}的)[，,]")


def _article_cited(sentence: str, flat_question: str) -> tuple[int, int] | None:
    """The article a sentence cites, with the law it names (刑法第二百二十五条, not 本法): the one added
    (作为第二百五十三条之一) when the question asks where a thing was added."""
    cited = [m for m in _ARTICLE.finditer(sentence) if sentence[:m.start()].strip()]  # not the clause's own number
    if re.search(r"加|增", flat_question):
        cited = [m for m in cited if m.group("added")] or cited
    return cited[0].span("article") if cited else None


_ARTICLE = re.compile(r"(?P<article>(?:(?:(?<=依照)|(?<=按照)|(?<=根据)|(?<=适用)|(?<=在))(?!本法|该法)[^\W\d_第]{1,10}?法(?=第))?"
                      r"第[一二三四五六七八九十百千零〇\d]+条(?P<added>之[一二三四五六七八九十]+)?)")
_OBJECT_OF = re.compile(rf"(?:{'|'.join(ACTING_VERBS)})$")
_TERM_UNIT = re.compile(r"年|月|徒刑|拘役|管制|死刑")  # 判多久 is answered by years or months, not 三分钟


def _framed_name(sentence: str, question: str, evidence: Evidence, strict: bool = False) -> tuple[int, int] | None:
    """Of the names the question's words frame in the sentence (qa.slots), the one whose words up to the next
    name cover most of the question; none that the question itself says."""
    flat_question = compact(question).text
    gaps = [_from_word_start(sentence, g, evidence.tag) for g in gap_spans(sentence, question, evidence.names, strict)]
    gaps = [included_example(sentence, g) for g in gaps if g is not None]
    gaps = [g for g in gaps if compact(sentence[g[0]:g[1]]).text not in flat_question]
    return max(gaps, key=lambda g: evidence.coverage(_words_after(sentence, g, gaps))) if gaps else None


def _without_said_modifier(sentence: str, span: tuple[int, int], flat_question: str) -> tuple[int, int]:
    """Without a modifier the question says, closed by 的, at the start (哪些开放、共享的科普资源载体 and
    共享的国家科普资源库和… → 国家科普资源库和…)."""
    modifier = re.match(r"[^，。；、的]{1,12}的", sentence[span[0]:span[1]])
    if modifier is None or compact(modifier.group()).text not in flat_question or span[1] - span[0] - modifier.end() < 2:
        return span
    return (span[0] + modifier.end(), span[1])


def _from_word_start(sentence: str, gap: tuple[int, int], tag) -> tuple[int, int] | None:
    """A name framed by a word the question shortens (建一个什么平台 in 建立全国…平台) starts after the sentence's
    whole word, not inside it; None when the rest of that word is all the frame holds (建一个什么全省统一的平台
    frames only 立 in 建立全省统一的…平台)."""
    if tag is None or gap[0] == 0:
        return gap
    first = tag(sentence[gap[0] - 1:gap[1]])[0].word
    start = gap[0] - 1 + len(first)
    if not re.fullmatch(OBJECT_VERBS, first):
        return gap
    if start >= gap[1]:
        return None
    return (start, gap[1]) if gap[1] - start >= 2 else gap


def _words_after(sentence: str, span: tuple[int, int], others: list[tuple[int, int]]) -> str:
    """From a name to the next name or the end of its clause: 以鹰潭为核心的世界级铜产业集群."""
    ends = [start for start, _ in others if start > span[0]] + [i for i in (sentence.find(m, span[1]) for m in "，。；")
                                                                 if i >= 0]
    return sentence[span[0]:min(ends, default=len(sentence))]


def followed_as_asked(sentence: str, span: tuple[int, int], question: str, asking: re.Pattern | None = None,
                      reach: int = 4) -> bool:
    """The words after the value (past a closing 等 or a count: 日照、滨州2市开展…) are those the question puts
    right after what it asks, past the asked noun: 哪个机构牵头 and …办公室牵头. With `asking`, a date or figure
    asked so, the words come right after it: 什么时候报送登记管理机关 and 于3月31日前报送登记管理机关, not
    1月31日前向业务主管单位报送."""
    asked = (asking or _INTERROGATIVE).search(compact(question).text)
    after = compact(sentence[span[1]:span[1] + 12]).text
    after = after if asking else _AFTER_VALUE.sub("", after)
    if asked is None or not re.match(r"[\u4e00-\u9fff]{2}", after):
        return False
    following = asked.string[asked.end():]
    return any(following[i:i + 2] == after[:2] for i in range(reach))


# How a date or figure is asked (什么时候, 多少天): the words after it are the act it is asked for.
_ASKING_A_VALUE = re.compile(r"什么时[候间]|何时|哪一?天|多久|多长时间|多少[天日年月个万亿元吨]?|几[个天日年月]?")


def framed_as_asked(sentence: str, span: tuple[int, int], question: str) -> bool:
    """The question says a verb pair (推进建设的地热发电项目) that the sentence splits around the name, past a
    bracket note: 推进甘孜州榆林地热田项目（3万千瓦）建设."""
    before = compact(sentence[:span[0]]).text[-2:]
    after = _BRACKET_OPENING.sub("", compact(sentence[span[1]:]).text)[:2]
    return bool(re.fullmatch(r"[\u4e00-\u9fff]{4}", before + after)) and before + after in compact(question).text


_ASKED_COUNT = re.compile(r"哪([两二三四五六七八九十])")


def counted_as_asked(value: str, question: str) -> bool:
    """A list has as many items as the question asks for (港口规划分为哪两类 → 港口布局规划和港口总体规划)."""
    asked = _ASKED_COUNT.search(question)
    return asked is not None and len(re.split(r"、|以及|和|及|与", value)) == chinese_number(asked.group(1))


_BRACKET_OPENING = re.compile(r"^[（(][^（()）]*[）)]")
_INTERROGATIVE = re.compile(r"哪|谁|什么")
_AFTER_VALUE = re.compile(r"^(?:等)?(?:[\d一二两三四五六七八九十]+[个家座项市省县区类种])?")
