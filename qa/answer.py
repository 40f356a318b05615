"""Extractive answers: the value a question asks for, marked in a sentence quoted verbatim and cited; or a
plain "not in the library" when the library does not hold what the question is about."""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from index.tokenize import normalize
from ingest.clean import TITLE_KINDS
from ingest.fields import AMENDED, NOT_YET, REPEALED
from qa.answer_types import DATE, ENTITY, ENTITY_NOUNS, LIST, ORG, QUANTITY, RESPONSIBLE_ASKED, asked_type
from qa.doc_answer import FACT_NAMES, asked_fact, fact_clause, sentence_at
from qa.evidence import Evidence
from qa.found import (acts_right_after, does_the_asked_act, missing_period, missing_year, names_the_asked_day,
                      holds_rarest_word_below_first, names_the_asked_period, names_year, of_another_degree,
                      of_another_scope, of_subject, of_violation, on_subject, reports_status)
from qa.hits import Hit, SearchResult
from qa.home import asks_own_place
from qa.llm import LLMError, LLMSettings, generate_answer
from qa.places import gazetteer, holds_a_place
from qa.query import NAME_MATCH, bare_title, cited_positions, question_refs, read_question, spells_out_title
from qa.question_evidence import question_evidence
from qa.scope import Scope, is_titled, law_cited_by_article, scope_of
from qa.spans import (ITEM_NUMBER, bracketed_span, is_body_note, list_lead, named_item, respective_span,
                      scoping_sentences, sentence_lines, sentences, value_spans)
from qa.targets import CLOSED_NOTE, compact
from qa.value_choice import (asked_year, best_span, counted_as_asked, counted_back, followed_as_asked,
                              for_the_asked_year, framed_as_asked, said_term_after, said_term_before)

SENTENCE = "sentence"  # answer_type of a question that a whole sentence answers (什么是, 怎么, 规定了什么)
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
    paired: bool = False  # the value is in the bracket after the item the question names: 旺苍县（4.3万千瓦）

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
        if self.notices:
            row["notices"] = list(self.notices)
        return row


def answer_question(engine, question: str, doc_filters: tuple[str, ...] = (), top_k: int = 10,
                    result: SearchResult | None = None, filters=None) -> Answer:
    """Searches (unless given the result; filters: a qa.filters.DocFilter), then answers from the hits.
    Raises qa.engine.QueryError for an empty question."""
    result = result or engine.search(question, top_k=top_k, doc_filters=doc_filters, filters=filters)
    kind = asked_type(result.query)
    scope = scope_of(engine.library(), result.query, result.hits)
    # A fact of a document the library only speaks of (废止的那部暂行海关法是哪天公布的) is in the clause that does.
    answer = (_out_of_scope(result, kind, scope)
              or (None if scope.spoken_of else _document_answer(engine, result, kind))
              or _clause_answer(engine, result, kind, scope))
    spoken = _SPOKEN_LEVEL.sub(r"\1", result.query)
    if not answer.found and not scope.message and spoken != result.query and scope.reading.levels \
            and not read_question(spoken).levels:
        # 县里想新建一个批发市场: the level may be who acts rather than whose documents are asked
        again = answer_question(engine, spoken, doc_filters, top_k, filters=filters)
        answer = replace(again, question=result.query) if again.found else answer
    if not answer.found and kind == QUANTITY and _LIMIT_ASKED.search(result.query) and not scope.message:
        # 报住建部的时限是什么: a time limit is a span of days or a deadline (2022年9月底前)
        deadline = _clause_answer(engine, result, DATE, scope)
        answer = deadline if deadline.found else answer
    answer.notices = list(result.notices) + validity_notices(answer)
    return answer


_SPOKEN_LEVEL = re.compile(r"([省市县区])里")


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
    if document is not None and (not _about_the_document(result.query, document.title)
                                 or (fact_name == "issuer" and _issues_another_thing(result.query))):
        return None
    found = fact_clause(engine.store, document.doc_id, fact_name, result.query) if document is not None else None
    if found is None and named and document is not None and _spells_its_name(result.query, document.title):
        # another document's 文号 is no answer about this one
        return Answer(result.query, f"《{document.title}》的正文和文件信息中没有写明{FACT_NAMES[fact_name]}。", False, [],
                      result.hits, answer_type=kind or SENTENCE)
    if found is None:
        return None
    fact, clause = found
    value = asked_year(fact.value, result.query) if fact.kind == DATE else fact.value
    lead = _LEAD_ISSUER.match(value) if fact_name == "issuer" and "牵头" in result.query else None
    value = lead.group(1) if lead else value  # 由哪个部门牵头印发: the first of …局等12部门
    if clause is None:
        citation = f"《{document.title}》 文件信息"
        quote = Quote(fact.value, value, citation, "", 1.0, document.title, "文件信息")
    else:
        quote = Quote(sentence_at(clause, fact.position), value, clause.citation, clause.id, 1.0,
                      clause.document, clause.clause)
    return Answer(result.query, f"{value}（{quote.citation}）", True, [quote], result.hits, answer_type=fact.kind)


_LIMIT_ASKED = re.compile(r"^(?!.*(?:多长|多久|几|多少)).*(?:时限|期限)")  # 多长期限, 期限是多少天 ask a span only
_LEAD_ISSUER = re.compile(r"(.+?)等\s*[\d一二三四五六七八九十]+\s*个?(?:部门|单位|部委)$")


# Kinds of document a question may name; 规定, 通知 and 决定 are verbs as often, 法 is part of many words.
# 违反本法第四十条规定…的，禁止多长期限: the article cited is the one broken; the clause that says what
# breaking it brings answers.
_BROKEN_ARTICLE = re.compile(r"违反[^，,。？?]{0,20}?(第[一二三四五六七八九十百零〇\d]+条)")
_KIND_WORD = re.compile(r"条例|办法|细则|方案|规划|意见|计划|目录|纲要|指南|标准|预案|名录|清单|公约|条约|协定|议定书|"
                        r"(?<![的以])解释(?!如下)")  # 这个解释是谁作出的; not 依法解释, 解释如下
_TITLE_KIND = re.compile(rf"({TITLE_KINDS}|目录|法|解释)(?:[（(][^）)]*[）)])?$")


# The words around the asking words that name no thing issued (按规定由, 是, 落款发文单位, 那份).
_NOT_A_THING = re.compile(r"按规定|根据规定|依照规定|按照规定|规定|应当|应该|需要|须|要|是|由|被|经|向|给|落款|发文|发布|印发|"
                          r"制定|出台|颁布|单位|机构|机关|部门|[那这该本此]份|文件")


def _about_the_document(question: str, title: str) -> bool:
    """Whether who approved, issued or adopted is asked of the document, not of a plan its clause speaks of:
    经省人大常委会审议后报哪个机关批准 asks it of 国土空间总体规划, not of the 条例 that says so."""
    asked = re.sub(r"《[^》]*》", "", question).replace(title, "")  # the document's own name says its kind
    kinds = set(_KIND_WORD.findall(asked))
    own = _TITLE_KIND.search(title.strip())
    return not kinds or (own is not None and own.group(1) in kinds)


def _issues_another_thing(question: str) -> bool:
    """能源预测预警信息由哪个部门发布: a thing named before the asking words, and no document, is what is issued;
    a 文号 in brackets after a title (《…意见》（苏建办〔2021〕66号）) names none."""
    asked = CLOSED_NOTE.sub("", re.sub(r"《[^》]*》", "", question))
    asking = re.search(r"谁|哪|什么", asked)
    named = _NOT_A_THING.sub("", re.split(r"[，,]", asked[:asking.start()])[-1]) if asking else ""
    return not _KIND_WORD.search(asked) and len(re.findall(r"[\u4e00-\u9fff]", named)) >= 4


def _spells_its_name(question: str, title: str) -> bool:
    """The question calls the document by its name (国防交通法, 《…》), not only by a topic word of it (动用国防交通
    物资需要谁批准 asks about the materials)."""
    return "《" in question or re.sub(r"^中华人民共和国", "", title.strip()) in question


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
    broken = _BROKEN_ARTICLE.search(normalize(result.query))
    at_refs = cited_positions([(hit.doc_id, hit.clause) for hit in hits], refs)
    cited = [hit for hit in hits if re.search(rf"违反[^，。；]{{0,20}}?{broken.group(1)}", hit.text)] if broken else \
        [hit for hit in hits if (hit.doc_id, hit.clause) in at_refs]
    # 香港基本法第二十四条, when the library holds an interpretation of it: the article of no document it holds
    cited_law = law_cited_by_article(normalize(result.query)) if refs else None
    cited = [hit for hit in cited if cited_law is None or is_titled(cited_law, hit.document)]
    # A question that spells out a whole title asks that document: another's figure is no answer to it.
    library = engine.library()
    spelled = {doc_id: title for doc_id, title in zip(library.doc_ids, library.titles)
               if spells_out_title(result.query, title)}
    # 可再生能源法 spells out 能源法 too: the longer title is the one named
    titled = {doc_id for doc_id, title in spelled.items()
              if not any(title != other and bare_title(title) in bare_title(other) for other in spelled.values())}
    foreign = _foreign_to_the_asker(library, result.query, scope)
    leading = cited[:1] or [hit for hit in hits if (not titled or hit.doc_id in titled)
                            and hit.doc_id not in foreign][:ANSWER_DEPTH]
    # A question about a year is answered by a clause that speaks of that year and of the subject, when
    # one of them does; otherwise the best clause says what it lacks.
    places = _places_inside(scope, library, leading)
    of_year = _on_subject_quote([h for h in leading if names_year(h.text, evidence)], hits, evidence, kind,
                                result.query, places)
    quote = of_year if of_year and on_subject(of_year, hits, evidence, kind) else \
        _on_subject_quote(leading, hits, evidence, kind, result.query, places)
    missing = missing_year(quote, hits, evidence) or missing_period(quote, hits, result.query)
    if quote is None or missing or not on_subject(quote, hits, evidence, kind) or (kind and not quote.highlight) \
            or (kind == QUANTITY and (not of_subject(quote, hits, evidence) or reports_status(quote, result.query)
                                      or of_another_scope(quote, result.query))) \
            or not of_violation(quote, hits, evidence) or not holds_rarest_word_below_first(quote, hits, evidence) \
            or (kind == ORG and not does_the_asked_act(quote, evidence.act)) \
            or (kind == DATE and not names_the_asked_day(quote, hits, result.query)) \
            or (kind == QUANTITY and not names_the_asked_period(quote, hits, result.query)):
        at_home = _NOT_AT_HOME if hits and hits[0].doc_id in foreign else ""
        text = missing or at_home + _not_found_text(hits)
        return Answer(result.query, text, False, [], hits, answer_type=kind or SENTENCE)
    others = [q for q in (_best_quote([hit], evidence, kind, result.query) for hit in hits[1:ANSWER_DEPTH + 2]
                          if hit.doc_id not in foreign)
              if q is not None and q.highlight and q.document != quote.document]
    quotes = _pick_quotes([quote] + sorted(others, key=lambda q: -q.score), quote)
    note = _whose(scope, quote, engine.library())
    answer = note + "；".join(f"{q.highlight or q.text}（{q.citation}）" for q in quotes)
    return Answer(result.query, answer, True, quotes, hits, answer_type=kind or (ENTITY if quote.highlight else SENTENCE))




def _on_subject_quote(leading: list[Hit], hits: list[Hit], evidence: Evidence, kind: str | None,
                      question: str, places: dict[str, tuple[str, ...]] = {}) -> Quote | None:
    """The quote of the best-ranked leading hit that is about the question's subject, a value in the bracket
    after the very item the question names (旺苍县（4.3万千瓦）) before one said of the whole group; one that
    names the place the question asks about inside its document's region (威海 in the 山东 plan) before one that
    does not; when the first body does another act, one of the same document followed by the act asked; else
    the first quote. places: document title -> names of the question's places inside that document's region."""
    quotes = [_best_quote([hit], evidence, kind, question, places.get(hit.document, ())) for hit in leading]
    on = [quote for quote in quotes if quote is not None and on_subject(quote, hits, evidence, kind)]
    placed = [quote for quote in on if any(name in quote.text for name in places.get(quote.document, ()))]
    on = placed + [quote for quote in on if quote not in placed]
    if kind == ORG and on and not does_the_asked_act(on[0], evidence.act):
        # the first body does another act: one in the same document followed by the act asked answers instead
        on = [quote for quote in on if quote.document == on[0].document
              and acts_right_after(quote, evidence.act)] or on
    return next((quote for quote in on if quote.paired), None) or next(iter(on), None) or \
        next((quote for quote in quotes if quote is not None), None)


def _places_inside(scope: Scope, library, hits: list[Hit]) -> dict[str, tuple[str, ...]]:
    """For each hit's document of a region, the names of the places the question names that lie inside that
    region and are not the region itself (威海市, 威海 for a 山东 plan)."""
    inside = {}
    for title in dict.fromkeys(hit.document for hit in hits) if scope.reading.places else ():
        region = _region_of(library, title)
        names = tuple(name for place in scope.reading.places if region is not None and place != region
                      and place.within(region) for name in {place.name, gazetteer().short_name(place)})
        if names:
            inside[title] = names
    return inside


def _region_of(library, title: str):
    """The region of the library's document of this title (None for a national one)."""
    return next((region for region, other in zip(library.regions, library.titles) if other == title), None)


# （三）记大过，十八个月: an item of a list that labels its value
_LABEL = re.compile(rf"^\s*(?:{ITEM_NUMBER}|\d{{1,2}}[.．、])?\s*(?P<label>[\u4e00-\u9fff]{{2,10}})[，,：:]\s*$")


def _labelled_as_asked(sentence: str, span: tuple[int, int], flat_question: str) -> bool:
    """The value is an item's, labelled by a name the question says (记大过 for 被记大过，处分期多长)."""
    label = _LABEL.match(sentence[:span[0]])
    return label is not None and label.group("label") in flat_question


def _best_quote(hits: list[Hit], evidence: Evidence, kind: str | None, question: str,
                places: tuple[str, ...] = ()) -> Quote | None:
    """From the best-ranked hit that holds the asked kind of value (any hit for a sentence question): the
    sentence covering most of the question, with the value marked; places: names of the places asked about
    inside the hit's region, which a sentence naming them is about (积极支持威海市探索建设蓝碳交易平台)."""
    flat_question = compact(question).text
    for hit in hits:
        candidates = []
        found = sentences(hit.text)
        lines = sentence_lines(hit.text)
        # Sentences with a value of their own: a word of the question found there and not beside a value
        # means that value is about something else (天然气 15万千瓦 where 光伏 has its own figure), unless
        # the sentence beside the value holds more of the question.
        # Only a value in the asked measure makes a rival (一项 is no rival to 十五日 for 多长时间).
        valued = [s for s in found if kind == QUANTITY and not of_another_degree(s, question, found) and any(
            (evidence.measure is None or evidence.measure.search(s[start:end]))
            and not counted_back(s[start:end], flat_question) for start, end in value_spans(s, kind))]
        wording = _wording_asked(found, question)
        # An item of a list (受处分的期间为：警告，六个月；…记大过，十八个月) is read with the lead that opens it.
        listed = {sentence: _with_list_lead(found, lines, position) for position, sentence in enumerate(found)}
        items = {}  # the line's first sentence -> the name of the item it opens, read once per line
        for position, sentence in enumerate(found):
            if position not in wording or of_another_degree(sentence, question, found):
                continue
            bracketed = bracketed_span(sentence, question) if kind == QUANTITY else None
            paired = respective_span(sentence, question) if kind in (QUANTITY, DATE, None) else None
            paired = paired or bracketed
            if paired and evidence.measure is not None and not evidence.measure.search(sentence[paired[0]:paired[1]]):
                paired = bracketed = None
            if paired and not for_the_asked_year(sentence[:paired[0]], evidence):  # 到2025年…分别 for 2030
                paired = bracketed = None
            context = " ".join(scoping_sentences(found, lines, position) + [sentence])
            own = evidence.coverage(sentence)
            opening = lines.index(lines[position])  # the line's first sentence
            if opening < position and opening not in items:
                items[opening] = _named_item_asked(found, lines, opening, evidence, kind, flat_question)
            item = items.get(opening) if opening < position else None
            if item:  # 高89－樊142地区 CO2驱油与封存工程。项目所在地为高青县…: what the line says, it says of that name
                line = hit.text.splitlines()[lines[position]].strip()
                candidates.append(Quote(line, found[opening][item[0]:item[1]], hit.citation, hit.id,
                                        round(evidence.coverage(context) + 0.5 * own + 1.0, 4), hit.document,
                                        hit.clause))
            span = paired or best_span(sentence, kind, evidence, question)
            if kind and span is None:
                continue
            highlight = sentence[span[0]:span[1]] if span else ""
            # A rival answers instead when it holds a word this one lacks and as much of the question.
            if any(evidence.absent_from(f"{hit.heading} {context}", rival) and evidence.coverage(listed[rival]) >= own
                   for rival in valued if rival != sentence):
                continue
            # 驾驶员、…、通信工等重点岗位人员 or 本法所称粮食，是指小麦、… for 重点岗位人员指哪些, 粮食包括哪些: the
            # items of the very term the question names
            enumerated = kind == LIST and span is not None and bool(
                said_term_after(sentence, span[1], flat_question, evidence.tag)
                or said_term_before(sentence, span[0], flat_question))
            # A sentence that pairs the very item the question names with its value (分别) answers it.
            # Its own words count again: of two sentences under the same lead, the one naming the subject answers.
            # A name followed by the words the question puts after what it asks (哪个机构牵头 and …办公室牵头;
            # 支持哪两个市开展…示范 and 支持日照、滨州2市开展…) is stated in the relation asked.
            as_asked = kind in (ORG, LIST, ENTITY) and span and (
                followed_as_asked(sentence, span, question) or framed_as_asked(sentence, span, question)
                or (kind == LIST and counted_as_asked(highlight, question))
                or enumerated)
            # A closing note of the bodies that carry a measure out (（市发展改革委、市经济信息委）) is said of the
            # whole clause: for who is responsible, its words are the clause's.
            noted = kind == ORG and re.search(RESPONSIBLE_ASKED, question) and is_body_note(sentence)
            # 甘孜州榆林地热田项目 rather than 高温地热发电示范项目: a name holding a place the question does not
            # say is a thing's own name, where the other is a kind of thing
            proper = kind == ENTITY and span and holds_a_place(highlight, question)
            score = (evidence.coverage(context) + 0.5 * evidence.coverage(hit.text if noted else sentence)
                     + (0.5 if names_year(sentence, evidence) else 0.0) + (1.0 if paired else 0.0)
                     + (0.5 if as_asked else 0.0) + (0.5 if proper else 0.0)
                     + (1.0 if any(name in sentence for name in places) else 0.0))
            labelled = kind == QUANTITY and span is not None and _labelled_as_asked(sentence, span, flat_question)
            candidates.append(Quote(sentence, highlight, hit.citation, hit.id, round(score, 4), hit.document,
                                    hit.clause,
                                    paired=(bool(bracketed) and span == bracketed) or labelled or enumerated))
        if candidates:
            return max(candidates, key=lambda q: q.score)
    return None


def _named_item_asked(found: list[str], lines: list[int], position: int, evidence: Evidence, kind: str | None,
                      flat_question: str) -> tuple[int, int] | None:
    """The name opening an item a question asks the name of (…驱油封存的是哪个工程), when it does not say it."""
    asked = re.search(rf"(?:{ENTITY_NOUNS})$", evidence.names[0]) if kind == ENTITY and evidence.names else None
    item = named_item(found, lines, position, evidence.tag) if asked else None
    if item is None or compact(found[position][item[0]:item[1]]).text in flat_question:
        return None
    kinds = {asked.group(), re.search(rf"(?:{ENTITY_NOUNS})$", found[position][:item[1]]).group()}
    return item if len(kinds) == 1 or kinds <= _WORKS else None


_WORKS = {"工程", "项目", "示范工程", "示范项目"}  # what a plan calls a project, either word asking for the other


def _with_list_lead(found: list[str], lines: list[int], position: int) -> str:
    lead = list_lead(found, lines, position)
    return found[position] if lead is None else f"{found[lead]} {found[position]}"


_NEW_WORDING = re.compile(r"(?:修改|修订|改)为[：:]")
_OLD_WORDING_ASKED = re.compile(r"原来|原先|原文|原规定|修改前|修订前|修正前|过去")


def _wording_asked(found: list[str], question: str) -> range:
    """The sentences of the wording asked: an amendment quotes the old wording (…每届任期三年。"修改为："…五年。)
    before the new, which is in force; the old answers a question about what the text said before."""
    new = next((position for position, sentence in enumerate(found) if _NEW_WORDING.search(sentence)), 0)
    if _OLD_WORDING_ASKED.search(question):
        return range(new or len(found))
    return range(new, len(found))


def _whose(scope: Scope, quote: Quote, library) -> str:
    """When the question names a place and the quote is another place's: say whose rule it is."""
    places = scope.reading.places
    if not places:
        return ""
    region = _region_of(library, quote.document)
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


_NOT_AT_HOME = "文库中本地的文件没有这方面的规定，其他地方的文件不作为本地的答案。"


def _foreign_to_the_asker(library, question: str, scope: Scope) -> frozenset[str]:
    """The documents that do not speak for the asker's own place when the question says it (我们市到2025年…多少:
    another place's plan is no answer); none otherwise."""
    return library.foreign if asks_own_place(question, scope.reading) else frozenset()


def _not_found_text(hits: list[Hit]) -> str:
    nearest = "；".join(h.citation for h in hits[:3])
    return f"{NOT_FOUND}{nearest}" if nearest else "没有找到相关条款。"
