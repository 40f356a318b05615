"""Extractive answers: the value a question asks for, marked in a sentence quoted verbatim and cited; or a
plain "not in the library" when the library does not hold what the question is about."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from index.tokenize import normalize
from ingest.clean import TITLE_KINDS
from ingest.fields import AMENDED, NOT_YET, REPEALED
from qa.answer_types import (ENTITY, LIST, ORG, QUANTITY, TIME_ASKING, TIME_SPAN_ASKED, asked_measure, asked_nouns,
                             asked_type, counted_words)
from qa.doc_answer import FACT_NAMES, asked_fact, fact_clause, sentence_at
from qa.evidence import QUESTION_WORDS, Evidence, clause_share, corpus_bigram_frequency, evidence_of, question_words, synonym_groups
from qa.hits import Hit, SearchResult
from qa.llm import LLMError, LLMSettings, generate_answer
from qa.query import NAME_MATCH, cites, question_refs
from qa.question import without_document_names
from qa.scope import Scope, scope_of
from qa.slots import framed, gap_spans
from qa.found import (KIND_OF_FIGURE, missing_year, names_year, of_subject, of_violation, on_subject,
                      violation_words)
from qa.spans import is_organisation, respective_span, sentences, stated_lead, stated_qualifiers, value_spans
from qa.targets import YEAR_RE, compact

SENTENCE = "sentence"  # answer_type of a question that a whole sentence answers (什么是, 怎么, 规定了什么)
_CHUNK_MARKS = ("，", ",", "：", ":", "；", ";", "。", "、", "以及")  # what ends the words around a value
ANSWER_DEPTH = 3  # the answer comes from the best-ranked of the first hits that holds the asked kind of value
MAX_QUOTES = 3
NOT_FOUND = "没有找到能直接回答这个问题的条款。以下是最接近的条款，请核对原文："
# what an answer says of a document it quotes that is not in force, by status (ingest.fields)
_NOT_IN_FORCE = {REPEALED: "已废止", AMENDED: "已修订，文库中有更新的版本", NOT_YET: "尚未施行"}


@dataclass
class Quote:
    text: str  # one sentence, verbatim from the clause
    highlight: str  # the value that answers (80万千瓦以上, 2030年 …), verbatim; empty when none
    citation: str
    id: str  # clause id
    score: float = 0.0
    document: str = ""
    clause: str = ""

    def to_json(self) -> dict:
        return {"text": self.text, "highlight": self.highlight, "citation": self.citation, "id": self.id}


@dataclass
class Answer:
    question: str
    answer: str
    found: bool
    quotes: list[Quote]
    hits: list[Hit]
    notices: list[str] = field(default_factory=list)
    generated: dict | None = None  # the generative answer, when an LLM endpoint is configured
    answer_type: str = SENTENCE  # quantity, date, org, doc_number, list or sentence (qa.answer_types)

    @property
    def best(self) -> Quote | None:
        return self.quotes[0] if self.found and self.quotes else None

    # The best quote's parts, for a panel that shows one answer (ui.render.AnswerView).
    text = property(lambda self: self.best.text if self.best else "")
    value = property(lambda self: self.best.highlight if self.best else "")
    document = property(lambda self: self.best.document if self.best else "")
    clause = property(lambda self: self.best.clause if self.best else "")
    clause_id = property(lambda self: self.best.id if self.best else "")

    def to_json(self) -> dict:
        row = {"question": self.question, "answer": self.answer, "found": self.found, "answer_type": self.answer_type,
               "quotes": [q.to_json() for q in self.quotes], "hits": [h.to_json() for h in self.hits]}
        if self.generated is not None:
            row["generated"] = self.generated
        return row


def answer_question(engine, question: str, doc_filters: tuple[str, ...] = (), top_k: int = 10,
                    result: SearchResult | None = None, filters=None) -> Answer:
    """Searches (unless given the result; filters: a qa.filters.DocFilter), then answers from the hits.
    Raises qa.engine.QueryError for an empty question."""
    result = result or engine.search(question, top_k=top_k, doc_filters=doc_filters, filters=filters)
    kind = asked_type(result.query)
    scope = scope_of(engine.library(), result.query, result.hits)
    answer = (_out_of_scope(result, kind, scope) or _document_answer(engine, result, kind)
              or _clause_answer(engine, result, kind, scope))
    answer.notices = list(result.notices) + validity_notices(answer)
    return answer


def validity_notices(answer: Answer) -> list[str]:
    """A notice for each document an answer quotes (or, without quotes, first lists) that is not in force."""
    statuses = {hit.document: hit.status for hit in answer.hits}
    quoted = [quote.document for quote in answer.quotes] or [hit.document for hit in answer.hits[:1]]
    notices = []
    for title in dict.fromkeys(quoted):
        status = statuses.get(title, "")
        if status in _NOT_IN_FORCE:
            notices.append(f"注意：《{title}》{_NOT_IN_FORCE[status]}，以上内容仅供参考，请以现行文件为准。")
    return notices


def _out_of_scope(result: SearchResult, kind: str | None, scope: Scope) -> Answer | None:
    if not scope.message:
        return None
    return Answer(result.query, scope.message, False, [], result.hits, answer_type=kind or SENTENCE)


def _document_answer(engine, result: SearchResult, kind: str | None) -> Answer | None:
    """文号, issuer and dates of the document the question is about (the first hit's), from its text or record."""
    fact_name = asked_fact(result.query, kind)
    if fact_name is None or not result.hits:
        return None
    named = _named_document(engine, result.query, result.hits)
    document = engine.store.document(named or result.hits[0].doc_id)
    if document is not None and not _about_the_document(result.query, document.title):
        return None
    found = fact_clause(engine.store, document.doc_id, fact_name) if document is not None else None
    if found is None and named and document is not None:  # another document's 文号 is no answer about this one
        return Answer(result.query, f"《{document.title}》的正文和文件信息中没有写明{FACT_NAMES[fact_name]}。", False, [],
                      result.hits, answer_type=kind or SENTENCE)
    if found is None:
        return None
    fact, clause = found
    if clause is None:
        citation = f"《{document.title}》 文件信息"
        quote = Quote(fact.value, fact.value, citation, "", 1.0, document.title, "文件信息")
    else:
        quote = Quote(sentence_at(clause, fact.position), fact.value, clause.citation, clause.id, 1.0,
                      clause.document, clause.clause)
    return Answer(result.query, f"{fact.value}（{quote.citation}）", True, [quote], result.hits, answer_type=fact.kind)


# Kinds of document a question may name; 规定, 通知 and 决定 are verbs as often, 法 is part of many words.
_KIND_WORD = re.compile(r"条例|办法|细则|方案|规划|意见|计划|目录|纲要|指南|标准|预案|名录|清单")
_TITLE_KIND = re.compile(rf"({TITLE_KINDS}|目录|法)(?:[（(][^）)]*[）)])?$")


def _about_the_document(question: str, title: str) -> bool:
    """Whether who approved, issued or adopted is asked of the document, not of a plan its clause speaks of:
    经省人大常委会审议后报哪个机关批准 asks it of 国土空间总体规划, not of the 条例 that says so."""
    asked = re.sub(r"《[^》]*》", "", question).replace(title, "")  # the document's own name says its kind
    kinds = set(_KIND_WORD.findall(asked))
    own = _TITLE_KIND.search(title.strip())
    return not kinds or (own is not None and own.group(1) in kinds)


def _named_document(engine, question: str, hits: list[Hit]) -> str | None:
    """The document whose title the question spells out (most of it), if one: its facts are asked about,
    whichever document's clause the search put first. Of titles spelled out as fully (台山市 and 江海区
    碳达峰实施方案), the one the search ranks first; a title spelled out less (碳排放权交易管理办法 beside a
    question naming the 暂行条例) is another document."""
    library = engine.library()
    named = {library.doc_ids[n]: share for n, share in library.title_index.recall(normalize(question)).items()
             if share >= NAME_MATCH}
    if not named:
        return None
    fullest = {doc_id for doc_id, share in named.items() if share >= max(named.values()) - 1e-6}
    return next((hit.doc_id for hit in hits if hit.doc_id in fullest), min(fullest))


def _clause_answer(engine, result: SearchResult, kind: str | None, scope: Scope) -> Answer:
    hits = result.hits
    evidence = question_evidence(engine, result.query)
    # 第九十九条规定的罚款是多少: the answer is the cited clause's, when the search found it.
    refs = question_refs(normalize(result.query))
    cited = [hit for hit in hits if refs and cites(hit.clause, refs)]
    leading = cited[:1] or hits[:ANSWER_DEPTH]
    # A question about a year is answered by a clause that speaks of that year and of the subject, when
    # one of them does; otherwise the best clause says what it lacks.
    of_year = _on_subject_quote([h for h in leading if names_year(h.text, evidence)], hits, evidence, kind,
                                result.query)
    quote = of_year if of_year and on_subject(of_year, hits, evidence, kind) else \
        _on_subject_quote(leading, hits, evidence, kind, result.query)
    missing = missing_year(quote, hits, evidence)
    if quote is None or missing or not on_subject(quote, hits, evidence, kind) or (kind and not quote.highlight) \
            or (kind == QUANTITY and not of_subject(quote, hits, evidence)) or not of_violation(quote, hits, evidence):
        return Answer(result.query, missing or _not_found_text(hits), False, [], hits, answer_type=kind or SENTENCE)
    others = [q for q in (_best_quote([hit], evidence, kind, result.query) for hit in hits[1:ANSWER_DEPTH + 2])
              if q is not None and q.highlight and q.document != quote.document]
    quotes = _pick_quotes([quote] + sorted(others, key=lambda q: -q.score), quote)
    note = _whose(scope, quote, engine.library())
    answer = note + "；".join(f"{q.highlight or q.text}（{q.citation}）" for q in quotes)
    return Answer(result.query, answer, True, quotes, hits, answer_type=kind or (ENTITY if quote.highlight else SENTENCE))


_CHANGE = {"down": re.compile(r"下降|降低|减少|削减|降[到至]|压减|减排"),
           "up": re.compile(r"提高|提升|增长|增加|上升|扩大")}


def _direction(question: str) -> str:
    """Whether a 多少 question asks for a fall (下降多少) or a rise (提高多少); "" when neither."""
    for name, verbs in _CHANGE.items():
        if re.search(rf"(?:{verbs.pattern})了?(?:多少|几)", question):
            return name
    return ""


# 既不是耕地也不是山区荒地，而是其他土地: what the question rules out is no evidence for a sentence.
_RULED_OUT = re.compile(r"(?:既|并)?不是[^，,。？?；;而也]{1,16}(?:也不是[^，,。？?；;而]{1,16})?")


def question_evidence(engine, question: str) -> Evidence:
    frequency, documents = corpus_bigram_frequency(engine.store)
    unnamed = without_document_names(question, engine.library())
    asserted = _RULED_OUT.sub(" ", unnamed)
    evidence = evidence_of(asserted, frequency, documents, synonym_groups(engine.config.synonyms))
    titles = engine.library().titles
    evidence.words = question_words(asserted, engine.analyzer, clause_share(engine.store), titles)
    evidence.years = _years_asked(question, evidence.years, titles)
    evidence.names = asked_nouns(question, engine.analyzer.cut)
    evidence.counted = counted_words(question, engine.analyzer.cut)
    evidence.measure = asked_measure(question)
    evidence.attributes = re.search(r"(?:多少|几|多大|多高|多长|多宽|什么区间)[^，,。？?]{0,12}的", question) is not None
    evidence.baselines = _BASELINE.findall(compact(question).text)
    evidence.direction = _direction(question)
    evidence.said = compact(unnamed).text
    evidence.violation = violation_words(evidence.said, evidence.words)
    subject = normalize(_subject_phrase(question))
    evidence.subject_nouns = _subject_nouns(engine.analyzer.tagger().lcut(subject))
    return evidence


def _subject_nouns(tagged: list) -> list[str]:
    """The nouns of what is measured (x: the domain dictionary's words), and a verb right before the kind of
    figure, which makes one thing with it (出行比例, 排放强度); not the scope words (全区, 辖区)."""
    nouns = []
    for pair, following in zip(tagged, tagged[1:] + [None]):
        is_noun = pair.flag.startswith("n") or pair.flag == "x"
        is_modifier = pair.flag.startswith("v") and following is not None and \
            _MEASURE_NOUN.fullmatch(following.word) is not None
        word = KIND_OF_FIGURE.sub("", pair.word) if len(pair.word) > 3 else pair.word  # 装机容量 → 装机
        if (is_noun or is_modifier) and len(word) >= 2 and not _SCOPE_WORD.fullmatch(word):
            nouns.append(word)
    return nouns


# 比例, 强度: the kind of figure; a verb right before one names what it measures (出行比例, 排放强度).
_MEASURE_NOUN = re.compile(r"比例|比重|占比|规模|容量|数量|总量|强度|目标|指标|范围|区间|幅度|[\u4e00-\u9fff]?率|时间|期限|时限|时长")
# 全区, 辖区, 本市: where a figure applies, said by the document's own scope, not what it measures.
_SCOPE_WORD = re.compile(r"(?:全|本|该)?(?:辖区|全?[区市省国县镇州])|(?:全|本)[\u4e00-\u9fff]{1,2}(?:区|市|省|县)")


def _on_subject_quote(leading: list[Hit], hits: list[Hit], evidence: Evidence, kind: str | None,
                      question: str) -> Quote | None:
    """The quote of the best-ranked leading hit that is about the question's subject; else the first quote."""
    first = None
    for hit in leading:
        quote = _best_quote([hit], evidence, kind, question)
        if quote is not None and on_subject(quote, hits, evidence, kind):
            return quote
        first = first or quote
    return first


def _best_quote(hits: list[Hit], evidence: Evidence, kind: str | None, question: str) -> Quote | None:
    """From the best-ranked hit that holds the asked kind of value (any hit for a sentence question): the
    sentence covering most of the question, with the value marked."""
    for hit in hits:
        candidates = []
        found = sentences(hit.text)
        # Sentences with a value of their own: a word of the question found there and not beside a value
        # means that value is about something else (天然气 15万千瓦 where 光伏 has its own figure), unless
        # the sentence beside the value holds more of the question.
        valued = [s for s in found if kind == QUANTITY and value_spans(s, kind)]
        for position, sentence in enumerate(found):
            paired = respective_span(sentence, question)
            if paired and evidence.measure is not None and not evidence.measure.search(sentence[paired[0]:paired[1]]):
                paired = None
            span = paired or _best_span(sentence, kind, evidence, question)
            if kind and span is None:
                continue
            highlight = sentence[span[0]:span[1]] if span else ""
            # The clause's first sentence (its heading or lead) and the sentence before scope this one.
            context = f"{found[0]} {found[position - 1]} {sentence}" if position else sentence
            # A rival answers instead when it holds a word this one lacks and as much of the question.
            own = evidence.coverage(sentence)
            if any(evidence.absent_from(f"{hit.heading} {context}", rival) and evidence.coverage(rival) >= own
                   for rival in valued if rival != sentence):
                continue
            # A sentence that pairs the very item the question names with its value (分别) answers it.
            # Its own words count again: of two sentences under the same lead, the one naming the subject answers.
            score = (evidence.coverage(context) + 0.5 * evidence.coverage(sentence)
                     + (0.5 if names_year(sentence, evidence) else 0.0) + (1.0 if paired else 0.0))
            candidates.append(Quote(sentence, highlight, hit.citation, hit.id, round(score, 4), hit.document,
                                    hit.clause))
        if candidates:
            return max(candidates, key=lambda q: q.score)
    return None


def _best_span(sentence: str, kind: str | None, evidence: Evidence, question: str) -> tuple[int, int] | None:
    """The value span whose comma chunk covers most of the question (after the year asked, if any);
    values the question itself says (its year) are not answers."""
    flat_question = compact(question).text
    if kind is None:  # 继续开展什么建设: a name the question's own words frame in the sentence answers
        noun = next(iter(evidence.names), "")
        if not noun or noun in QUESTION_WORDS:  # 有什么要求 asks for the rule: the sentence answers
            return None
        return _framed_name(sentence, question, evidence, strict=True)
    responsible = bool(re.search(r"牵头|负责|责任", question))
    penalty = "罚" in question
    if evidence.counted and not any(word in compact(sentence).text for word in evidence.counted):
        return None  # 多少座加氢站: a count in a sentence that does not speak of 加氢站 counts something else
    values = value_spans(sentence, kind, responsible, evidence.names, evidence.attributes)
    if kind == ENTITY:
        values = [_without_said_owner(sentence, span, flat_question) for span in values]
    if kind in (ENTITY, ORG, LIST):
        values = [_without_said_items(sentence, span, flat_question) for span in values]
    spans = [s for s in values
             if compact(sentence[s[0]:s[1]]).text not in (evidence.said or flat_question)
             and (kind != QUANTITY or _in_measure(sentence[s[0]:s[1]], evidence.measure))
             and not (penalty and _CONDITION_END.match(sentence, s[1]))
             and (kind != QUANTITY or _fits_the_asked_change(sentence[:s[0]], evidence, sentence[s[0]:s[1]]))
             and (kind != QUANTITY or _counts_the_asked(sentence, s, evidence))
             and (kind != QUANTITY or not _DURATION.fullmatch(_without_lead(compact(sentence[s[0]:s[1]]).text))
                  or _TIME_ASKED.search(flat_question) is not None)]
    named = _framed_name(sentence, question, evidence) if kind == ENTITY else None
    if named:  # 实施国家黑土地保护工程 framed by 实施…土地保护: the whole name the framed part opens
        return next((span for span in spans if span[0] <= named[0] and named[1] < span[1]), named)
    if not spans:
        return None
    if kind == ORG:
        spans = framed(sentence, question, spans) or spans
    asking = re.split(r"[，,；;]", flat_question)[-1]  # 不超过30万元的贷款，力争多少时间内: the bound asked is 力争
    bound = next((words for words in _BOUNDS if words.search(asking)), None)
    best = max(spans, key=lambda span: (bound is not None and bound.search(sentence[span[0]:span[1]]) is not None,
                                        _chunk_coverage(sentence, span, evidence, values), -span[0]))
    return _without_what_is_asked(sentence, best, flat_question) if kind == QUANTITY else best


def _without_said_owner(sentence: str, span: tuple[int, int], flat_question: str) -> tuple[int, int]:
    """A name without the body owning it that the question already says (国能台山电厂哪台机组 → 2号发电机组):
    the longest opening found in the question that names an organisation, when a name of two or more is
    left. A place the question says (深圳经济特区…条例) stays: it is part of the name."""
    name = sentence[span[0]:span[1]]
    said = next((n for n in range(len(name) - 2, 2, -1)
                 if name[:n] in flat_question and is_organisation(name[:n])), 0)
    return (span[0] + said, span[1]) if said else span


def _without_said_items(sentence: str, span: tuple[int, int], flat_question: str) -> tuple[int, int]:
    """A list without the items the question already names (除三明农商行外，另一家是… → 沙县农商行), when
    the items left stand together."""
    items = [m.span() for m in re.finditer(r"[^、]+", sentence[span[0]:span[1]])]
    left = [n for n, (start, end) in enumerate(items)
            if compact(sentence[span[0] + start:span[0] + end]).text not in flat_question]
    if len(items) < 2 or not left or len(left) == len(items) or left != list(range(left[0], left[-1] + 1)):
        return span
    return (span[0] + items[left[0]][0], span[0] + items[left[-1]][1])


def _without_what_is_asked(sentence: str, span: tuple[int, int], flat_question: str) -> tuple[int, int]:
    """The value without the words before it when the question already says its qualifier: 力争达到多少 and
    力争目标是多少 → 400万千瓦; a qualifier the question does not say in those words stays (力争达到700万千瓦;
    至少几个工作日 → 不少于7个工作日: the bound is part of the value)."""
    lead = stated_lead(sentence[span[0]:span[1]])
    if not lead:
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
_HEDGE = re.compile(r"力争|确保|一般|原则上|约|累计|年均|平均")


# A span of time (连续二年, 30日内) answers a question asking how long, not one asking how much of something.
_DURATION = re.compile(r"(?:提前|连续)?[\d一二三四五六七八九十两]+个?(?:工作日|日|天|小时|分钟|个月|月|年)(?:内|以内|以上)?")
_TIME_ASKED = re.compile(rf"{TIME_SPAN_ASKED}|期限|时限")


# 最高…多少层 asks for the ceiling, 最少…多少 for the floor, 力争 the stretch target: the value stated so answers.
_BOUNDS = (re.compile(r"最高|最多|最长|不超过|不高于|不大于|上限"), re.compile(r"最低|最少|最短|至少|不低于|不少于|下限"),
           re.compile(r"力争|争取"))


# A year after 比/较 is the baseline a change is measured from (比2020年下降14%), not the target's year.
_TARGET_YEAR = re.compile(r"(?<![比较与])(\d{4})年(?!(?:的?基础上|水平|相比))")


_BASELINE = re.compile(r"(?:比|较|相比)(\d{4})年")


def _fits_the_asked_change(before: str, evidence: Evidence, value: str = "") -> bool:
    """The value is for the year, from the baseline and in the direction the question asks about: not when
    the sentence sets it for another year (到2030年，…达到80万千瓦 answers 2030, not 2025), from another
    baseline (比2005年) or as a level where a fall is asked."""
    flat = compact(before).text
    years = _TARGET_YEAR.findall(flat)
    if evidence.years and years and years[-1] not in evidence.years:
        return False
    # 比2020年下降多少 asks for the change from 2020: a change from 2005 answers another question.
    chunk = flat[flat.rfind("，") + 1:]
    base = _BASELINE.findall(chunk)
    if evidence.baselines and base and base[-1] not in evidence.baselines:
        return False
    # 下降多少 is answered by a fall: not by the 25% a share is raised to in the same sentence.
    return not evidence.direction or _CHANGE[evidence.direction].search(chunk[-12:] + value) is not None


# 违法所得不足50万元的，处…罚款: a value closing a condition is its threshold, not the penalty.
_CONDITION_END = re.compile(r"\s*的[，,；;]")
# A ratio stated without a unit (PUE不高于1.3, 铁钢比降到0.75以下) answers a question about a 率 or 比.
_RATIO = re.compile(r"\D{0,6}\d+\.\d+(?:以下|以上|以内|左右)?")


def _in_measure(value: str, measure: re.Pattern | None) -> bool:
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


def _chunk_coverage(sentence: str, span: tuple[int, int], evidence: Evidence,
                    values: list[tuple[int, int]] = ()) -> float:
    years_before = YEAR_RE.findall(compact(sentence[:span[0]]).text)
    year_fit = 0.5 if any(year in evidence.years for year in years_before) else 0.0
    return evidence.coverage(_chunk_of(sentence, span[0], span[1] - span[0], values)) + year_fit


# A count (10家) is followed by what it counts: in a list of counts each one's words come after it.
_COUNTS_WHAT_FOLLOWS = re.compile(r"[个座家项条辆台套处所批只艘根名户][\u4e00-\u9fff]")


def _chunk_of(sentence: str, start: int, length: int, values: list[tuple[int, int]] = ()) -> str:
    """The words around a value: from the punctuation (or the value) before it to the punctuation after
    it, or to its own end when another value follows first. In a table flattened into one line (居住建筑能效提升30%公共建筑能效提升20%) the words
    between two values are the second one's."""
    before = [(sentence.rfind(mark, 0, start), mark) for mark in _CHUNK_MARKS]
    after = [sentence.find(mark, start + length) for mark in _CHUNK_MARKS]
    if _COUNTS_WHAT_FOLLOWS.match(sentence, start + length - 1):  # 5家近零碳试点学校、10家近零碳试点企业
        ends = [i for i in after if i >= 0] + [other for other, _ in values if other > start]
        return sentence[start:min(ends, default=len(sentence))]
    left = max([i + len(mark) for i, mark in before if i >= 0] + [end for _, end in values if end <= start],
               default=0)
    right = min((i for i in after if i >= 0), default=len(sentence))
    if any(start + length <= other < right for other, _ in values):
        right = start + length
    return sentence[left:right]


def _framed_name(sentence: str, question: str, evidence: Evidence, strict: bool = False) -> tuple[int, int] | None:
    """Of the names the question's words frame in the sentence (qa.slots), the one whose words up to the next
    name cover most of the question; none that the question itself says."""
    flat_question = compact(question).text
    gaps = [g for g in gap_spans(sentence, question, evidence.names, strict)
            if compact(sentence[g[0]:g[1]]).text not in flat_question]
    return max(gaps, key=lambda g: evidence.coverage(_words_after(sentence, g, gaps))) if gaps else None


def _words_after(sentence: str, span: tuple[int, int], others: list[tuple[int, int]]) -> str:
    """From a name to the next name or the end of its clause: 以鹰潭为核心的世界级铜产业集群."""
    ends = [start for start, _ in others if start > span[0]] + [i for i in (sentence.find(m, span[1]) for m in "，。；")
                                                                 if i >= 0]
    return sentence[span[0]:min(ends, default=len(sentence))]


def _years_asked(question: str, years: list[str], titles: list[str]) -> list[str]:
    """The years asked about, without a year said only inside a document title the question spells out
    (国务院2030年前碳达峰行动方案对2035年…: 2035 is asked, 2030 names the plan)."""
    flat, spelled = compact(normalize(question)).text, [compact(normalize(title)).text for title in titles]
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


def _subject_phrase(question: str) -> str:
    flat = _BASELINE.sub("", compact(question).text)  # 能耗比2020年下降多少: the baseline is no time word
    timed = _DONE_AFTER.search(flat)
    if timed:  # …县政府须在多长期限内把征地补偿款付足: the deadline is for what follows, not for who acts
        return timed.group("thing")
    after = _THING_AFTER.search(flat)
    flat = _ASKING.sub("", flat, count=1)
    return _BEFORE_SUBJECT.sub("", flat, count=1) + (f" {after.group('thing')}" if after else "")


def _whose(scope: Scope, quote: Quote, library) -> str:
    """When the question names a place and the quote is another place's: say whose rule it is."""
    places = scope.reading.places
    if not places:
        return ""
    region = next((r for r, t in zip(library.regions, library.titles) if t == quote.document), None)
    if region is not None and any(region == p for p in places):
        return ""
    return f"文库中没有{places[0].name}本级的规定，以下为《{quote.document}》的内容："


def add_generated(answer: Answer, settings: LLMSettings, clauses: int = 5) -> Answer:
    """Adds the endpoint's answer over the best clauses; a failure becomes a notice, never an error."""
    if not settings.enabled or not answer.hits:
        return answer
    try:
        answer.generated = generate_answer(settings, answer.question, answer.hits[:clauses])
    except LLMError as error:
        answer.generated = {"model": settings.model, "error": str(error)}
        answer.notices.append(f"生成式回答暂不可用：{error}")
    return answer


def _pick_quotes(candidates: list[Quote], best: Quote) -> list[Quote]:
    """The best sentence, and close runners-up from other clauses (the same measure in the other plan)."""
    picked = [best]
    for quote in candidates[1:]:
        if len(picked) == MAX_QUOTES or quote.score < 0.85 * best.score:
            break
        if all(quote.id != p.id for p in picked):
            picked.append(quote)
    return picked


def _not_found_text(hits: list[Hit]) -> str:
    nearest = "；".join(h.citation for h in hits[:3])
    return f"{NOT_FOUND}{nearest}" if nearest else "没有找到相关条款。"
