"""Extractive answers: the sentences of the best clauses that answer a question, quoted, marked and cited."""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from index.tokenize import NGRAM_PREFIX, normalize
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
MIN_COVERAGE = 0.4  # below this share of the question's evidence no sentence is taken as an answer
# A paraphrase shares few bigrams but several words (or their synonyms) with its clause: 做饭烧热水要不要改成用电
# meets 生活热水、炊事等用能领域的电能替代 on 热水 and 用电/电能; 火星基地怎么建设 meets an unrelated clause on 基地
# alone. Calibrated on the dev questions and off-topic ones (see README): two specific words, or one and a
# half when the first clause leads the second clearly, with at least PARAPHRASE_COVERAGE of the bigram evidence.
PARAPHRASE_WORDS = 2.0
PARAPHRASE_WORDS_LEADING = 1.5
PARAPHRASE_COVERAGE = 0.2
CLEAR_LEAD = 0.25  # (first hit's score - second's) / first's: the search itself is confident
SPECIFIC_SHARE = 0.2  # a word in more than this share of the clauses is no evidence of a topic (建设, 能源)
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
    # The question's specific words, each as its spellings (the word and its synonyms) and the parts of the
    # longer ones (电动车 → 电动); empty when no analyzer was given, which leaves only the coverage test.
    words: list[Word] = field(default_factory=list)

    def coverage(self, text: str) -> float:
        """The weighted share of the question's evidence found in text; a synonym counts as the word."""
        present = set(bigrams(_flat(text)))
        total = sum(self.weights.values())
        found = sum(w for b, w in self.weights.items()
                    if b in present or any(m <= present for m in self.alternatives.get(b, ())))
        return found / total if total else 0.0


    def words_found(self, text: str) -> float:
        """How many of the question's specific words the text holds: 1 for a spelling, 1/2 for a part only."""
        plain = normalize(_flat(text))
        return sum(_word_found(w, plain) for w in self.words)

    def rarest_word_found(self, text: str) -> bool:
        """Whether the text holds the question's most specific word: a paraphrase keeps the topic's word."""
        plain = normalize(_flat(text))
        rarest = min((w.share for w in self.words), default=0.0)
        return any(_word_found(w, plain) for w in self.words if w.share == rarest)


def _word_found(word: Word, plain: str) -> float:
    return 1.0 if any(f in plain for f in word.forms) else 0.5 if any(p in plain for p in word.parts) else 0.0


@dataclass(frozen=True)
class Word:
    forms: tuple[str, ...]  # the word and its synonyms, normalized, each rare enough to be evidence
    parts: tuple[str, ...] = ()  # specific bigrams of the forms of three characters or more
    share: float = 0.0  # the smallest share of clauses holding one of the spellings or parts: lower is rarer


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


def question_words(question: str, analyzer, clause_frequency, titles: list[str] = ()) -> list[Word]:
    """The question's content words with their synonyms (from the analyzer), kept where specific to few clauses.

    clause_frequency(term) is the share of clauses holding term. Words of document titles (江海区, 台山) pick a
    plan rather than a topic, and numbers are years: neither is evidence that a sentence answers."""
    asked = [w for run in analyzer.runs(question) for w in run
             if len(w) >= 2 and w not in QUESTION_WORDS and not w.isdigit()]
    named = [normalize(t) for t in titles]
    words = []
    for word in dict.fromkeys(asked):
        if any(word in title for title in named):
            continue
        spellings = [t for t in analyzer.query(word).weights if not t.startswith(NGRAM_PREFIX)] or [word]
        forms = tuple(f for f in spellings if 0 < clause_frequency(f) <= SPECIFIC_SHARE)
        parts = tuple(dict.fromkeys(p for f in spellings if len(f) >= 3 for p in (f[i:i + 2] for i in range(len(f) - 1))
                                    if 0 < clause_frequency(p) <= SPECIFIC_SHARE))
        if forms or parts:  # a word no clause holds (做饭, 火星) can be found by no sentence
            words.append(Word(forms, parts, min(clause_frequency(t) for t in forms + parts)))
    return words


def _alternatives(text: str, synonyms: list[list[str]]) -> dict[str, list[set[str]]]:
    alternatives: dict[str, list[set[str]]] = {}
    for group in synonyms:
        for word in (w for w in group if len(w) >= 2 and w in text):
            others = [set(bigrams(m)) for m in group if m != word and bigrams(m)]
            for gram in bigrams(word):
                alternatives.setdefault(gram, []).extend(others)
    return alternatives


def synonym_groups(path: Path) -> list[list[str]]:
    """Groups of the shipped synonym file: 'a / b / c' (same meaning) or 'a = b c' (a stands for b and c).
    Read once per version of the file, not on every question."""
    try:
        stamp = Path(path).stat().st_mtime_ns
    except OSError:
        return []
    return _parsed_groups(Path(path), stamp)


@lru_cache(maxsize=4)
def _parsed_groups(path: Path, stamp: int) -> list[list[str]]:
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
    evidence = evidence_of(result.query, frequency, documents, synonym_groups(engine.config.synonyms))
    titles = [d.title for d in engine.store.documents()]
    evidence.words = question_words(result.query, engine.analyzer, clause_share(engine.store), titles)
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


_CLAUSE_TEXT_CACHE: dict[tuple[str, str], list[str]] = {}


def clause_share(store):
    """A function: the share of the store's clauses whose (normalized) text holds a term; cached per corpus."""
    key = (str(store.path), store.corpus_hash())
    if key not in _CLAUSE_TEXT_CACHE:
        _CLAUSE_TEXT_CACHE[key] = [normalize(_flat(c.text)) for c in store.clauses()]
    texts, shares = _CLAUSE_TEXT_CACHE[key], {}

    def share(term: str) -> float:
        if term not in shares:
            shares[term] = sum(term in t for t in texts) / max(len(texts), 1)
        return shares[term]
    return share


def answer_from_hits(question: str, hits: list[Hit], evidence: Evidence) -> Answer:
    """Quotes the best sentences of the hits; found=False when none covers enough of the question."""
    candidates = sorted(_quotes(hits, evidence, question), key=lambda q: -q.score)
    best = candidates[0] if candidates else None
    named = _named_documents(question, hits)
    if named:  # the question names its plan: runners-up from other plans would only confuse
        candidates = [q for q in candidates if any(q.citation.startswith(f"《{title}》") for title in named)]
    if best is None or not answers(best, hits, evidence):
        return Answer(question, _not_found_text(hits), False, [], hits)
    quotes = _pick_quotes(candidates or [best], best)
    answer = "；".join(f"{q.highlight}（{q.citation}）" if q.highlight else f"{q.text}（{q.citation}）" for q in quotes)
    return Answer(question, answer, True, quotes, hits)


def answers(quote: Quote, hits: list[Hit], evidence: Evidence) -> bool:
    """Whether the best sentence answers: it covers the question's wording, or it shares enough of the
    question's specific words (synonyms counted) to be a paraphrase, and holds a value when one is asked."""
    coverage = evidence.coverage(quote.text)
    if coverage >= MIN_COVERAGE:
        return not evidence.words or evidence.words_found(quote.text) > 0
    if coverage < PARAPHRASE_COVERAGE or not evidence.words:
        return False
    if evidence.kind in {"amount", "when"} and not quote.highlight or not evidence.rarest_word_found(quote.text):
        return False
    found = evidence.words_found(quote.text)
    return found >= PARAPHRASE_WORDS or (found >= PARAPHRASE_WORDS_LEADING and _leads_clearly(quote, hits))


def _leads_clearly(quote: Quote, hits: list[Hit]) -> bool:
    """The quote is from the first hit, and the search put it well ahead of the second."""
    if not hits or hits[0].id != quote.id or hits[0].score <= 0:
        return False
    second = hits[1].score if len(hits) > 1 else 0.0
    return (hits[0].score - second) / hits[0].score >= CLEAR_LEAD


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
