"""Extractive answers: the sentences of the best clauses that answer a question, quoted, marked and cited."""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path

from config import Config

from qa.hits import Hit, SearchResult
from qa.llm import LLMError, LLMSettings, generate_answer
from qa.similar import bigrams
from qa.targets import VALUE_RE, YEAR_RE, compact

# Words that ask rather than tell: they are no evidence that a sentence answers.
QUESTION_WORDS = sorted("""什么样 什么 怎么样 怎么 怎样 如何 哪些 哪个 哪里 哪儿 哪家 哪几 哪一年 哪年 多少 多大 多高 几 吗 呢
是否 有没有 能不能 要不要 会不会 可不可以 是不是 有何 有哪些 为何 为什么 目标 要求 情况 方面 请问 的 了 吧""".split(),
                        key=len, reverse=True)
AMOUNT_CUES = ("多少", "几", "比重", "比例", "占比", "目标", "多大", "多高", "规模", "容量", "百分", "率", "等级", "电压",
               "提高", "降低", "下降", "提升", "面积", "数量", "指标", "量")
WHEN_CUES = ("何时", "什么时候", "哪一年", "哪年", "多久", "期限", "时间", "几年")
LEVEL_CUES = ("水平", "位置", "程度", "地步", "标准")
LIST_CUES = ("哪些", "哪几", "有什么", "包括")
_SENTENCE_RE = re.compile(r"[^。；;！？!?]+[。；;！？!?]?")
_COMPLEMENT_RE = re.compile(r"(?:达到|保持在|处于|位于|实现|做到|控制在|进入|位居|走在)(?P<object>[^，,。；;、]{2,30})")
_LIST_RE = re.compile(r"[\u4e00-\u9fffA-Za-z0-9“”（）()]+(?:、[\u4e00-\u9fffA-Za-z0-9“”（）()]+)+")
_LIST_LEAD = re.compile(r"^.*(?:发展|推动|推进|加快|建设|支持|开展|围绕|聚焦|包括|做优做强|做强|培育|挖掘|采用|应用|将|对|在|由)")
DEFAULT_SYNONYMS = Config().synonyms
MIN_COVERAGE = 0.4  # below this share of the question's evidence no sentence is taken as an answer
MAX_QUOTES = 3
NOT_FOUND = "没有找到能直接回答这个问题的条款。以下是最接近的条款，请核对原文："


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
        row = {"question": self.question, "answer": self.answer, "found": self.found,
               "quotes": [q.to_json() for q in self.quotes], "hits": [h.to_json() for h in self.hits]}
        if self.generated is not None:
            row["generated"] = self.generated
        return row


@dataclass
class Evidence:
    """The question's content bigrams with their weights (inverse document frequency)."""
    weights: dict[str, float]
    years: list[str]
    kind: str  # amount, when, level, list or other
    # For a bigram of a question word that has synonyms: the bigram sets of those synonyms.
    alternatives: dict[str, list[set[str]]] = field(default_factory=dict)

    def coverage(self, text: str) -> float:
        """The weighted share of the question's evidence found in text; a synonym counts as the word."""
        present = set(bigrams(_flat(text)))
        total = sum(self.weights.values())
        found = sum(w for b, w in self.weights.items()
                    if b in present or any(m <= present for m in self.alternatives.get(b, ())))
        return found / total if total else 0.0


def question_kind(question: str) -> str:
    """What the question asks for: an amount, a time, a level, a list, or other."""
    if any(cue in question for cue in WHEN_CUES):
        return "when"
    if any(cue in question for cue in LEVEL_CUES) and re.search(r"什么|哪|怎样", question):
        return "level"
    if any(cue in question for cue in AMOUNT_CUES):
        return "amount"
    if any(cue in question for cue in LIST_CUES):
        return "list"
    return "other"


def evidence_of(question: str, document_frequency: dict[str, int] | None = None, documents: int = 1,
                synonyms: list[list[str]] = ()) -> Evidence:
    """Content bigrams of the question (question words removed), weighted by rarity in the corpus."""
    text = _flat(question)
    for word in QUESTION_WORDS:
        text = text.replace(word, " ")
    text = YEAR_RE.sub(" ", text)
    df = document_frequency or {}
    weights = {g: math.log(1 + documents / (1 + df.get(g, 0))) + 0.1 for g in set(bigrams(text))}
    return Evidence(weights, YEAR_RE.findall(_flat(question)), question_kind(question), _alternatives(text, synonyms))


def _alternatives(text: str, synonyms: list[list[str]]) -> dict[str, list[set[str]]]:
    alternatives: dict[str, list[set[str]]] = {}
    for group in synonyms:
        for word in (w for w in group if len(w) >= 2 and w in text):
            others = [set(bigrams(m)) for m in group if m != word and bigrams(m)]
            for gram in bigrams(word):
                alternatives.setdefault(gram, []).extend(others)
    return alternatives


def synonym_groups(path: Path) -> list[list[str]]:
    """Groups of the shipped synonym file: 'a / b / c' (same meaning) or 'a = b c' (a stands for b and c)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return []
    groups = []
    for line in (line.split("#")[0].strip() for line in lines):
        if "=" in line:
            head, _, body = line.partition("=")
            groups.append([head.strip(), body.strip()])
        elif line:
            groups.append([w for w in re.split(r"\s*/\s*|\s+", line) if w])
    return [g for g in groups if len(g) > 1]


def _flat(text: str) -> str:
    return re.sub(r"[\s*#]", "", text)


def answer_question(engine, question: str, doc_filters: tuple[str, ...] = (), top_k: int = 10,
                    result: SearchResult | None = None) -> Answer:
    """Searches (unless given the result), then quotes the sentences that answer.

    Raises qa.engine.QueryError for an empty question."""
    result = result or engine.search(question, top_k=top_k, doc_filters=doc_filters)
    frequency, documents = corpus_bigram_frequency(engine.store)
    synonyms = synonym_groups(Path(getattr(getattr(engine, "config", None), "synonyms", DEFAULT_SYNONYMS)))
    evidence = evidence_of(result.query, frequency, documents, synonyms)
    answer = answer_from_hits(result.query, result.hits, evidence)
    answer.notices = list(result.notices)
    return answer


def add_generated(answer: Answer, settings: LLMSettings, clauses: int = 5) -> Answer:
    """Adds the endpoint's answer over the best clauses; a failure becomes a notice, never an error."""
    if not settings.enabled or not answer.hits:
        return answer
    try:
        answer.generated = generate_answer(settings, answer.question, answer.hits[:clauses])
    except LLMError as error:
        answer.generated = {"model": settings.model, "error": str(error)}
        answer.notices.append(f"generative answer unavailable: {error}")
    return answer


_FREQUENCY_CACHE: dict[tuple[str, str], tuple[dict[str, int], int]] = {}


def corpus_bigram_frequency(store) -> tuple[dict[str, int], int]:
    """In how many clauses each character bigram occurs, and the number of clauses; cached per corpus."""
    key = (str(store.path), store.corpus_hash())
    if key not in _FREQUENCY_CACHE:
        frequency: dict[str, int] = {}
        clauses = store.clauses()
        for clause in clauses:
            for gram in set(bigrams(_flat(clause.text))):
                frequency[gram] = frequency.get(gram, 0) + 1
        _FREQUENCY_CACHE[key] = (frequency, len(clauses))
    return _FREQUENCY_CACHE[key]


def answer_from_hits(question: str, hits: list[Hit], evidence: Evidence) -> Answer:
    """Quotes the best sentences of the hits; found=False when none covers enough of the question."""
    candidates = sorted(_quotes(hits, evidence, question), key=lambda q: -q.score)
    best = candidates[0] if candidates else None
    named = _named_documents(question, hits)
    if named:  # the question names its plan: runners-up from other plans would only confuse
        candidates = [q for q in candidates if any(q.citation.startswith(f"《{title}》") for title in named)]
    if best is None or evidence.coverage(best.text) < MIN_COVERAGE:
        return Answer(question, _not_found_text(hits), False, [], hits)
    quotes = _pick_quotes(candidates or [best], best)
    answer = "；".join(f"{q.highlight}（{q.citation}）" if q.highlight else f"{q.text}（{q.citation}）" for q in quotes)
    return Answer(question, answer, True, quotes, hits)


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


def _quotes(hits: list[Hit], evidence: Evidence, question: str = "") -> list[Quote]:
    quotes = []
    named = _named_documents(question, hits)
    for hit in hits[:5]:
        prior = 1.0 / (1.0 + 0.08 * (hit.rank - 1)) + (0.2 if hit.document in named else 0.0)
        for sentence in sentences(hit.text):
            score = (evidence.coverage(sentence) + _kind_fit(sentence, evidence)) * prior
            quotes.append(Quote(sentence, highlight(sentence, evidence), hit.citation, hit.id, round(score, 4),
                                hit.document, hit.clause))
    return quotes


def _named_documents(question: str, hits: list[Hit]) -> set[str]:
    """Titles among the hits that the question names by a part no other title shares (江海, 台山 …)."""
    titles = {hit.document for hit in hits}
    asked = set(bigrams(_flat(question)))
    named = set()
    for title in titles:
        others = set().union(*(set(bigrams(t)) for t in titles if t != title))
        if (set(bigrams(title)) - others) & asked:
            named.add(title)
    return named if len(named) < len(titles) else set()


def sentences(text: str) -> list[str]:
    """The sentences of a clause, verbatim (line breaks inside a sentence kept as they are)."""
    return [m.group().strip() for m in _SENTENCE_RE.finditer(text) if len(_flat(m.group())) >= 4]


def _kind_fit(sentence: str, evidence: Evidence) -> float:
    """Rewards a sentence that holds the kind of value asked for, in the year asked for."""
    flat = _flat(sentence)
    fit = 0.0
    if evidence.kind == "amount" and VALUE_RE.search(flat):
        fit += 0.15
    if evidence.kind in {"when", "level"} and (YEAR_RE.search(flat) or _COMPLEMENT_RE.search(flat)):
        fit += 0.1
    if evidence.years:
        fit += 0.15 if any(y in flat for y in evidence.years) else (-0.15 if YEAR_RE.search(flat) else 0.0)
    return fit


def highlight(sentence: str, evidence: Evidence) -> str:
    """The part of the sentence that answers: a value, a year, a level or a list, verbatim."""
    flat = compact(sentence)
    spans = _answer_spans(flat.text, evidence)
    if not spans:
        return ""
    start, end = max(spans, key=lambda span: _span_score(flat.text, span, evidence))
    first, last = flat.original_span(start, end)
    return sentence[first:last]


def _answer_spans(flat: str, evidence: Evidence) -> list[tuple[int, int]]:
    if evidence.kind == "when":
        return [m.span() for m in YEAR_RE.finditer(flat)]
    values = [_value_span(flat, m) for m in VALUE_RE.finditer(flat) if flat[m.end():m.end() + 1] != "的"]
    complements = [m.span("object") for m in _COMPLEMENT_RE.finditer(flat)]
    lists = [_list_span(flat, m) for m in _LIST_RE.finditer(flat)]
    by_kind = {"amount": values or complements, "level": complements or values, "list": lists or values}
    return by_kind.get(evidence.kind, values)


def _value_span(flat: str, match: re.Match) -> tuple[int, int]:
    """The value with a leading bound (不低于 70%) when the text gives one."""
    lead = re.search(r"(?:不低于|不少于|不超过|不高于|超过|低于|高于|突破)$", flat[:match.start()])
    return (lead.start() if lead else match.start()), match.end()


def _list_span(flat: str, match: re.Match) -> tuple[int, int]:
    """An enumeration without the verb before its first item or 等 after its last."""
    head = _LIST_LEAD.match(match.group())
    start = match.start() + (head.end() if head else 0)
    tail = re.search(r"等[^、]*$", match.group())
    end = match.start() + tail.start() if tail else match.end()
    return (start, end) if end > start else match.span()


def _span_score(flat: str, span: tuple[int, int], evidence: Evidence) -> float:
    """How well the words around a span (its comma chunk) match the question, and its year."""
    left = max(flat.rfind(mark, 0, span[0]) for mark in "，,：:；;")
    right = min((i for i in (flat.find(mark, span[1]) for mark in "，,。；;") if i >= 0), default=len(flat))
    chunk = flat[left + 1:right]
    score = evidence.coverage(chunk)
    years_before = YEAR_RE.findall(flat[:span[0]])
    if evidence.years and years_before:
        score += 0.3 if years_before[-1] in evidence.years else -0.3
    return score - 0.001 * span[0] / max(len(flat), 1)
