"""How much of a question a sentence holds: the question's content bigrams weighted by rarity, and its
specific words (with their synonyms), used to pick the sentence that answers and to test its subject."""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Callable

from index.tokenize import NGRAM_PREFIX, normalize
from qa.similar import bigrams
from qa.targets import YEAR_RE

# Words that ask rather than tell, or name the source asked about (按照…法): they are no evidence that a
# sentence answers.
QUESTION_WORDS = sorted("""什么样 什么 怎么样 怎么 怎样 如何 哪些 哪个 哪里 哪儿 哪家 哪几 哪一年 哪年 多少 多大 多高 几 吗 呢
是否 有没有 能不能 要不要 会不会 可不可以 是不是 有何 有哪些 为何 为什么 目标 要求 情况 方面 请问 的 了 吧
什么时候 时候 何时 哪天 多久 多长 具体指 指的是 具体 按照 依照 根据 依据""".split(),
                        key=len, reverse=True)
# 每年的哪一天: words that frame the date asked, not what it is of.
DATE_FRAMES = {"每年", "每月", "每周", "当年"}
SPECIFIC_SHARE = 0.2  # a word in more than this share of the clauses is no evidence of a topic (建设, 能源)
UNKNOWN = -1.0  # Word.share of a word no clause of the library holds


@dataclass
class Evidence:
    """The question's content bigrams with their weights (inverse document frequency)."""
    weights: dict[str, float]
    years: list[str]
    # For a bigram of a question word that has synonyms: the bigram sets of those synonyms.
    alternatives: dict[str, list[set[str]]] = field(default_factory=dict)
    # The question's specific words, each as its spellings (the word and its synonyms) and the parts of the
    # longer ones (电动车 → 电动); empty when no analyzer was given, which leaves only the coverage test.
    words: list[Word] = field(default_factory=list)
    names: list[str] = field(default_factory=list)  # the noun whose name is asked (qa.answer_types.asked_nouns)
    counted: list[str] = field(default_factory=list)  # what a 多少个 question counts (qa.answer_types.counted_words)
    measure: re.Pattern | None = None  # what a value in the asked measure carries (qa.answer_types.asked_measure)
    attributes: bool = False  # the question asks for a value describing something (排放量达到多少的单位)
    baselines: list[str] = field(default_factory=list)  # years a change is measured from (比2020年下降多少)
    direction: str = ""  # "down" for 下降多少, "up" for 提高多少 (qa.question_evidence)
    subject_nouns: list[str] = field(default_factory=list)  # nouns of what a 多少 question measures (qa.question_evidence)
    act_verbs: list[str] = field(default_factory=list)  # verbs of the act a span of time is asked for (timed_act)
    subject: str = ""  # the words of what a 多少 question measures, without the asker's case before them
    act: list[str] = field(default_factory=list)  # the verbs a 由哪个部门核发 question asks the body's act by (qa.found)
    base_nouns: list[str] = field(default_factory=list)  # of those, the base of a share (占新建建筑面积的比例)
    timed_act: bool = False  # the subject is what a span of time is asked for (多长时间内申报出生登记)
    said: str = ""  # the question without the names that chose its document, compacted: the values it says
    asking: str = ""  # the part of the question that asks (qa.answer_types.asking_part), normalized
    violation: list[Word] = field(default_factory=list)  # the words of the violation a penalty is asked for
    tag: Callable[[str], list] | None = None  # part-of-speech tagging with the library's dictionary

    def coverage(self, text: str) -> float:
        """The weighted share of the question's evidence found in text; a synonym counts as the word."""
        present = set(bigrams(_flat(text)))
        total = sum(self.weights.values())
        found = sum(w for b, w in self.weights.items()
                    if b in present or any(m <= present for m in self.alternatives.get(b, ())))
        return found / total if total else 0.0


    @staticmethod
    def words_found(text: str, words: list[Word]) -> float:
        """How many of words the text holds: 1 for a spelling, 1/2 for a part only."""
        plain = normalize(_flat(text))
        return sum(_word_found(w, plain) for w in words)

    def rarest_word_found(self, text: str) -> bool:
        """Whether the text holds the question's most specific word (among those the library knows, and not a
        word the value says: 幅度, 至少); with no such word, nothing tells against the text."""
        plain = normalize(_flat(text))
        known = [w for w in self.words if w.share != UNKNOWN and not names_no_subject(w)]
        if not known:
            return True
        rarest = min(w.share for w in known)
        return any(_word_found(w, plain) for w in known if w.share == rarest)

    def absent_from(self, text: str, clause: str) -> bool:
        """Some specific word of the question is spelled out in the clause (or the part of it given) but
        not in this text."""
        plain, whole = normalize(_flat(text)), normalize(_flat(clause))
        return any(_word_found(w, whole) == 1.0 and _word_found(w, plain) == 0.0 for w in self.words if w.forms)

    def spelled_out(self, word: Word, text: str) -> bool:
        """The text holds one of the word's spellings (not only a part of it)."""
        return _word_found(word, normalize(_flat(text))) == 1.0

    def unknown(self, words: list[Word]) -> float:
        """How many of words name things that no clause holds, nor by a synonym (火星, 足球): one
        where the question asks (火星基地的建设目标是多少), half in the case its asker tells before that (买车要交的
        车辆购置税，税率是多少): there people speak their own words, which the law puts in its own."""
        return sum(1.0 if not self.asking or w.asked_as in self.asking else 0.5 for w in words if w.share == UNKNOWN)


def _word_found(word: Word, plain: str) -> float:
    # A short form is said by its characters in order: 家暴 by 家庭暴力 (the first of each of two words), 居委会 by
    # 居民委员会 (at most two apart).
    gap = "[\u4e00-\u9fff]" if len(word.short) == 2 else "[\u4e00-\u9fff]{0,2}"
    if word.short and re.search(gap.join(map(re.escape, word.short)), plain):
        return 1.0
    return 1.0 if any(f in plain for f in word.forms) else 0.5 if any(p in plain for p in word.parts) else 0.0


@dataclass(frozen=True)
class Word:
    forms: tuple[str, ...]  # the word and its synonyms, normalized, each rare enough to be evidence
    parts: tuple[str, ...] = ()  # specific bigrams of the forms of three characters or more
    share: float = 0.0  # the share of clauses holding its commonest spelling (else its rarest part): lower is rarer
    short: str = ""  # an unknown word of two characters, perhaps a short form (家暴 for 家庭暴力)
    asked_as: str = ""  # the word as the question says it


def evidence_of(question: str, document_frequency: dict[str, int] | None = None, documents: int = 1,
                synonyms: list[list[str]] = ()) -> Evidence:
    """Content bigrams of the question (question words removed), weighted by rarity in the corpus."""
    text = _flat(question)
    for word in QUESTION_WORDS:
        text = text.replace(word, " ")
    text = YEAR_RE.sub(" ", text)
    df = document_frequency or {}
    weights = {g: math.log(1 + documents / (1 + df.get(g, 0))) + 0.1 for g in set(bigrams(text))}
    # A year in a 《title》 names the document (《2030年前碳达峰行动方案》), it is not the year asked about.
    asked_years = YEAR_RE.findall(re.sub(r"《[^》]*》", " ", _flat(question)))
    return Evidence(weights, asked_years, _alternatives(text, synonyms))


def question_words(question: str, analyzer, clause_frequency, titles: list[str] = ()) -> list[Word]:
    """The question's content words with their synonyms (from the analyzer), kept where specific to few clauses.

    clause_frequency(term) is the share of clauses holding term. Words of document titles (江海区, 台山) pick a
    plan rather than a topic, and numbers are years: neither is evidence that a sentence answers."""
    asked_for = _asked_for(question, analyzer)
    tagged = analyzer.tagger().lcut(normalize(question))
    nouns = {pair.word for pair in tagged if pair.flag.startswith("n")}
    runs = analyzer.runs(question)
    joined = {w for run in runs for w in _with_one_character_noun(run, nouns, clause_frequency)}
    asked = [w for run in runs for w in _joined_run(run, joined)
             if len(w) >= 2 and w not in QUESTION_WORDS and not w.isdigit() and w not in asked_for
             and not _COUNT_WORD.fullmatch(w)]
    named = [normalize(t) for t in titles]
    words = []
    for word in dict.fromkeys(asked):
        if any(word in title for title in named):
            continue
        spellings = [word] if word in joined else \
            [t for t in analyzer.query(word).weights if not t.startswith(NGRAM_PREFIX)] or [word]
        forms = tuple(f for f in spellings if 0 < clause_frequency(f) <= SPECIFIC_SHARE)
        parts = tuple(dict.fromkeys(p for f in spellings if len(f) >= 3 for p in (f[i:i + 2] for i in range(len(f) - 1))
                                    if 0 < clause_frequency(p) <= SPECIFIC_SHARE))
        if forms or parts:
            # A word with synonyms is as common as its commonest spelling (比例 / 占比 / 比重 together).
            share = max(clause_frequency(f) for f in forms) if forms else min(clause_frequency(p) for p in parts)
            # 居委会, which no clause spells, may be short for what clauses spell out (居民委员会)
            short = word if not forms and len(word) == 3 and clause_frequency(word) == 0 else ""
            words.append(Word(forms, parts, share, short, word))
        elif word in nouns and not any(clause_frequency(f) > 0 for f in spellings) and not KIND_OF_FIGURE.fullmatch(word) \
                and not _INSIDE.fullmatch(word) and not _MODAL_OPENING.match(word):
            # a thing no clause names, nor by a synonym (火星, 足球)
            words.append(Word((), (), UNKNOWN, word if len(word) == 2 else "", word))
    return words


# 能划 in 最远能划到多远: a modal verb the tagger read into a noun
_MODAL_OPENING = re.compile(r"[能会要可应该须]")
# 出入境法里, 县里, 家里: where, not a thing (the segmenter joins a one-character noun and 里)
_INSIDE = re.compile(r"[\u4e00-\u9fff][里内]")


def _with_one_character_noun(run: list[str], nouns: set[str], clause_frequency) -> list[str]:
    """再生 + 铜 → 再生铜: a one-character noun after a word makes a word with it, where clauses say that word;
    otherwise 再生铜 would count as 再生 and be answered by 再生铝."""
    return [first + noun for first, noun in zip(run, run[1:])
            if len(noun) == 1 and noun in nouns and len(first) >= 2 and clause_frequency(first + noun) > 0]


def _joined_run(run: list[str], joined: set[str]) -> list[str]:
    """The run's words with each joined pair as one word (再生, 铜 → 再生铜)."""
    words = []
    for word in run:
        if words and words[-1] + word in joined:
            words[-1] += word
        else:
            words.append(word)
    return words


# The kinds of figure that name no thing (比例, 人数, 年龄; 排放强度 and 漏损率 do): the value's unit says them,
# no clause need name them.
KIND_OF_FIGURE = re.compile(r"(?:比例|比重|占比|规模|容量|装机|数量|用量|总量|面积|目标|指标|范围|区间|幅度|时间|期限|时限|时长|"
                            r"人数|次数|层数|户数|个数|名额|金额|数额|年龄|年纪|岁数|年限)$")
# 至少, 最高, 一般: how the value asked is bounded, which the value says itself (不得少于, 以下)
_BOUND = re.compile(r"至少|最多|最少|最高|最低|最长|最短|最大|最小|最晚|最迟|一般|通常|大约|左右|以上|以下|以内")
KINDS_ONLY = re.compile(rf"(?:{KIND_OF_FIGURE.pattern.removesuffix('$')})+")  # 装机容量 is two kinds of figure


def names_no_subject(word: Word) -> bool:
    """A kind of figure (年龄, 比例, 装机容量) or a bound (至少, 最高): the value says it, whatever the subject; said
    beside another subject's value, it is no evidence of this one's."""
    return bool(word.forms) and all(KINDS_ONLY.fullmatch(form) or _BOUND.fullmatch(form) for form in word.forms)


# 成立一个有限合伙企业: a count the asker says (一个, 两家) is how they speak, not what the text is about.
_COUNT_WORD = re.compile(r"分?[一二两三四五六七八九十几半]+[个项家条名位次件种类只份批等级衔届]?")

_INTERROGATIVES = {"哪个", "哪些", "什么", "哪家", "哪几", "哪几家", "哪两家", "几", "哪一", "哪"}


def _asked_for(question: str, analyzer) -> set[str]:
    """The words that name what is asked for (哪个部门 → 部门, 什么机关 → 机关): the type of the answer, not
    its subject."""
    words = [w for w in analyzer.cut(normalize(question)) if w.strip()]
    return {after for before, after in zip(words, words[1:]) if before in _INTERROGATIVES}


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
