"""What a question asks, read once for every sentence that may answer it: its evidence words, the years,
baselines and direction of change it asks about, and the thing a 多少 question measures."""
from __future__ import annotations

import re

from index.tokenize import normalize
from qa.answer_types import LIST, TIME_ASKING, asked_measure, asked_nouns, asked_type, asking_part, counted_words
from qa.evidence import KIND_OF_FIGURE, Evidence, clause_share, corpus_bigram_frequency, evidence_of, question_words, synonym_groups
from qa.found import asked_act, violation_words
from qa.query import HAN
from qa.question import without_document_names
from qa.targets import YEAR_RE, compact


# the year a change is measured from (比2020年下降14%, 跟2005年比)
BASELINE = re.compile(r"(?:比|较|相比|(?:跟|和|与|同)(?=\d{4}年(?:的?水平)?相?比))(\d{4})年")


CHANGE = {"down": re.compile(r"下降|降低|减少|削减|降[到至]|压减|减排"),
           "up": re.compile(r"提高|提升|增长|增加|上升|扩大")}


def _direction(question: str) -> str:
    """Whether a 多少 question asks for a fall (下降多少) or a rise (提高多少); "" when neither."""
    for name, verbs in CHANGE.items():
        if re.search(rf"(?:{verbs.pattern})了?(?:多少|几)", question):
            return name
    return ""


# 既不是耕地也不是山区荒地，而是其他土地: what the question rules out is no evidence for a sentence.
_RULED_OUT = re.compile(r"(?:既|并)?不是[^，,。？?；;而也]{1,16}(?:也不是[^，,。？?；;而]{1,16})?"
                        r"|(?:不算|不包括|不含)[^，,。？?；;）)]{1,16}")  # （不算山区利用荒地荒坡的情况）


def _spelled_in_full(text: str, abbreviations: list[tuple[str, list[str]]]) -> str:
    """The text with each shortened name written out (最高法 → 最高人民法院), so a body the question says
    shortened is said."""
    for short, parts in sorted(abbreviations, key=lambda pair: -len(pair[0])):
        if len(parts) == 1:
            text = text.replace(short, parts[0])
    return text


# 分为哪两类 is answered by 包括…和…: the verb that opens a list asks for it, as 哪些 does.
_LIST_VERBS = {"包括", "包含", "分为", "分成", "划分为", "划分"}


def question_evidence(engine, question: str) -> Evidence:
    frequency, documents = corpus_bigram_frequency(engine.store)
    unnamed = without_document_names(question, engine.library())
    asserted = _RULED_OUT.sub(" ", unnamed)
    evidence = evidence_of(asserted, frequency, documents, synonym_groups(engine.config.synonyms))
    titles = engine.library().titles
    listing = asked_type(question) == LIST
    share = clause_share(engine.store)
    evidence.words = [word for word in question_words(asserted, engine.analyzer, share, titles)
                      if not (listing and word.forms and set(word.forms) <= _LIST_VERBS)]
    # 1993年宪法修正案 names 宪法修正案（1993年）: a title's other names hold no year asked either
    evidence.years = _years_asked(question, evidence.years, engine.library().title_index.names)
    evidence.names = asked_nouns(question, engine.analyzer.cut)
    evidence.counted = counted_words(question, engine.analyzer.cut)
    evidence.measure = asked_measure(question)
    evidence.attributes = re.search(r"(?:多少|几|多大|多高|多长|多宽|什么区间)[^，,。？?]{0,12}的", question) is not None
    evidence.baselines = BASELINE.findall(compact(question).text)
    evidence.direction = _direction(question)
    evidence.asking = normalize(asking_part(asserted))
    evidence.said = _spelled_in_full(compact(unnamed).text, engine.analyzer.abbreviations)
    evidence.violation = violation_words(evidence.said, evidence.words)
    evidence.tag = engine.analyzer.tagger().lcut
    subject = normalize(_subject_phrase(question, evidence.tag))
    evidence.subject = subject
    evidence.timed_act = _DONE_AFTER.search(BASELINE.sub("", compact(question).text)) is not None
    evidence.act = asked_act(question, evidence.tag)

    def said(word: str) -> bool:
        return share(word) > 0

    tagged = evidence.tag(subject)
    evidence.subject_nouns = _subject_nouns(tagged, said)
    if evidence.timed_act:  # 多少天内要给出登记结果: the act's own verbs (登记) say it too
        evidence.act_verbs = [pair.word for pair in tagged if pair.flag.startswith("v") and len(pair.word) >= 2]
    evidence.base_nouns = _subject_nouns(evidence.tag(_share_base(subject)), said)
    return evidence


def _subject_nouns(tagged: list, said) -> list[str]:
    """The nouns of what is measured (x: the domain dictionary's words), and the verbs right before the kind of
    figure, which make one thing with it (出行比例, 排放强度, 有偿分配的比例); not the scope words (全区, 辖区).
    said(word): whether clauses of the library say the word."""
    nouns, modifies = [], [False] * (len(tagged) + 1)
    # 有偿分配的比例: the verbs before 的 and the kind of figure (or before a 的 that ends the subject, once the
    # kind of figure is cut off), and the verbs right before those
    for at in range(len(tagged) - 1, -1, -1):
        after = [pair.word for pair in tagged[at + 1:at + 3]]
        modifies[at] = tagged[at].flag.startswith("v") and bool(after) and (
            _MEASURE_NOUN.fullmatch(after[0]) is not None or modifies[at + 1]
            or (after[0] == "的" and (len(after) == 1 or _MEASURE_NOUN.fullmatch(after[1]) is not None)))
    for at, pair in enumerate(tagged):
        is_noun = _is_noun(pair) or pair.flag == "x"
        is_modifier = modifies[at]
        word = KIND_OF_FIGURE.sub("", pair.word) if len(pair.word) > 3 else pair.word  # 装机容量 → 装机
        if (is_noun or is_modifier) and len(word) >= 2 and not _SCOPE_WORD.fullmatch(word) and word not in _PART_WORDS:
            nouns.append(word)
        if pair.flag.startswith("n") and len(word) == 1 and at and len(tagged[at - 1].word) >= 2 \
                and said(tagged[at - 1].word + word):
            nouns.append(tagged[at - 1].word + word)  # 再生铜: a one-character noun is one thing with the word before
    return nouns


# 比例, 强度: the kind of figure; a verb right before one names what it measures (出行比例, 排放强度).
_MEASURE_NOUN = re.compile(r"比例|比重|占比|规模|容量|数量|总量|强度|目标|指标|范围|区间|幅度|[\u4e00-\u9fff]?率|时间|期限|时限|时长")
# 新增部分的利用率, 这方面的比例: words for a part or an aspect of what is measured, not a thing
_PART_WORDS = {"部分", "方面", "内容", "情况", "事项", "环节"}
# 全区, 辖区, 本市, 国家: where a figure applies, said by the document's own scope, not what it measures.
_SCOPE_WORD = re.compile(r"国家|我国|(?:全|本|该)?(?:辖区|全?[区市省国县镇州])|(?:全|本)[\u4e00-\u9fff]{1,2}(?:区|市|省|县)")

def _years_asked(question: str, years: list[str], titles: list[str]) -> list[str]:
    """The years asked about, without a year said only inside a document title the question spells out
    (国务院2030年前碳达峰行动方案对2035年…: 2035 is asked, 2030 names the plan)."""
    flat = compact(normalize(question)).text
    if not YEAR_RE.search(flat):
        return []
    spelled = [compact(normalize(title)).text for title in titles]
    outside = {m.group("year") for m in YEAR_RE.finditer(flat)
               if not any(flat[m.start():m.start() + 8] in title or flat[max(m.start() - 3, 0):m.end()] in title
                          for title in spelled)
               and not _dates_a_title(flat[m.end():], spelled)}
    return [year for year in years if year in outside]


_ISSUED = re.compile(r"(?:印发|发布|出台|颁布|制定|修订|施行)?(?:的|[那这][部份个])")


def _dates_a_title(after_year: str, titles: list[str]) -> bool:
    """生态环境部2020年的碳排放权交易管理办法: the year says when the document was issued, not what is asked."""
    issued = _ISSUED.match(after_year)
    rest = after_year[issued.end():] if issued else ""
    return bool(rest) and any(len(title) >= 4 and rest.startswith(title[:4]) for title in titles)


# What a 多少 question measures ends right before the words that ask, after its time words and its last
# comma: 四川省“十四五”期间【核电装机】目标是多少, …第五十八条规定，排污单位的【监测数据】至少要保存多久.
_BEFORE_SUBJECT = re.compile(r".*(?:\d{4}年(?:底|末)?(?:前)?|期间|时期|[）)，,])")
_ASKING = re.compile(r"(?:至少|最多|最少|最高|最低)?(?:要|将|应|需|需要|必须)?(?:达到|提高到|提升到|下降|降低|降到|占到|控制在|保存|是|为|有)?"
                     r"(?:目标|比例|比重)?(?:是|为)?(?:多少|几|百分之多少|多久|多长时间|大约多大|多大|多高|多长|多宽|多远)"
                     r".*$")


# 建成多大规模的新型储能装机: the measured thing may follow the asking words.
_THING_AFTER = re.compile(r"(?:多少|多大规模|多大|几)[个座家项]?的(?P<thing>[\u4e00-\u9fff]{2,12})[？?]?$")


# 公告发布后多长时间内把补偿费用付清: what a span of time is asked for follows the asking words.
_DONE_AFTER = re.compile(rf"(?:{TIME_ASKING})(?:以内|之内|内)?(?P<thing>[\u4e00-\u9fff]{{3,30}})[？?]?$")


# 按欠税的多少比例加收滞纳金: what the share is reckoned on comes before it; what is measured follows (a
# verb alone, 按保费收入的多少比例缴纳, names no thing).
_RATE_OF = re.compile(r"按照?[^，,。？?按]{1,16}?的?(?:多少|百分之多少|几成)的?(?:比例|比率)?(?!比例|比率)(?P<thing>[\u4e00-\u9fff]{3,12})[？?]?$")


def _subject_phrase(question: str, tag) -> str:
    """What a 多少 question measures. tag: part-of-speech tagging (Evidence.tag)."""
    flat = BASELINE.sub("", compact(question).text)  # 能耗比2020年下降多少: the baseline is no time word
    rate = _RATE_OF.search(flat)
    if rate:
        return rate.group("thing")
    timed = _DONE_AFTER.search(flat)
    if timed:  # …县政府须在多长期限内把征地补偿款付足: the deadline is for what follows, not for who acts
        return timed.group("thing")
    after = _THING_AFTER.search(flat)
    flat = _ASKING.sub("", flat, count=1)
    subject = _BEFORE_SUBJECT.sub("", flat, count=1)
    # 到2030年计划达到多少: what the plan intends (计划, 力争) is no subject either
    if len(HAN.findall(_INTENT.sub("", subject))) < 2 and YEAR_RE.search(flat):  # 抽水蓄能装机容量到2025年要达到多少: the
        subject = _TIME_AND_AFTER.split(flat, maxsplit=1)[0]  # subject stands before the year
    # 驰名商标被认定以后，这个认定的有效期: an act taken up by 这个 is the one said before, with its words
    taken_up = _REFERS_BACK.match(subject)
    taken_up_words = tag(subject[taken_up.end():]) if taken_up else []
    if taken_up_words and taken_up_words[0].flag.startswith("v"):
        subject = re.split(r"[，,；;]", flat[:flat.rfind(subject)].rstrip("，,"))[-1] + subject
    return subject + (f" {after.group('thing')}" if after else "")


def _is_noun(pair) -> bool:
    """A noun, or a set phrase (驰名商标), but not a rate's unit (每平方米) nor a way of acting (按规定)."""
    return (pair.flag.startswith("n") or (pair.flag == "l" and not pair.word.startswith("每"))) \
        and not _BY_RULE.fullmatch(pair.word)


_BY_RULE = re.compile(r"(?:按|依|按照|依照|根据)(?:规定|法律|法|规)")


_REFERS_BACK = re.compile(r"这一?[个项种次]?|该|此")


# 计划达到, 力争达到: what a plan intends, said before the figure's verb
_INTENT = re.compile(r"^(?:计划|预计|力争|争取|拟|将|要|需要|应当|必须)+")


_TIME_AND_AFTER = re.compile(r"[，,]|(?:到|至|在|于)?\d{4}年")


# 装配式建筑占新建建筑面积的比例: what a share measures comes before 占; what follows is its base, shared by
# other shares (星级绿色建筑占新建建筑的比例).
_SHARE_BASE = re.compile(r"占(?!比)(?P<base>[^，,占]*?)(?:的?(?:比例|比重)|$)")


def _share_base(subject: str) -> str:
    found = _SHARE_BASE.search(subject) or _BASE_BEFORE.search(subject)
    return found.group("base") if found else ""


# 城镇新建建筑中星级绿色建筑占比: the base said first, before 中
_BASE_BEFORE = re.compile(r"(?P<base>[\u4e00-\u9fff]{2,12}?)中(?=[\u4e00-\u9fff]{2,}?(?:占比|比例|比重))")
