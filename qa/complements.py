"""The thing a sentence says where the question leaves its gap, when the question's own noun for it is not
the text's: 必须设置一个什么角色 meets 公益信托应当设置信托监察人 → 信托监察人; 每户发的是一本什么本子 meets
每户发给一本户口簿 → 户口簿; 最高人民法院院长的法官等级叫什么 meets 最高人民法院院长为首席大法官 → 首席大法官;
国歌是哪首歌 meets 国歌是《义勇军进行曲》 → 义勇军进行曲."""
from __future__ import annotations

import re

from qa.answer_types import ENTITY_NOUNS, KIND_ENDINGS
from qa.places import in_dictionary
from qa.slots import COPULA_END
from qa.targets import compact

_COUNT = r"一?[个本张份项种部套件条首位台座家所支]"  # 建立一个什么, 建立个什么
_GAP = re.compile(rf"(?:{_COUNT})?(?:哪一?[个座家只部所种类项位台条批首本张支]?|什么)")
_CALLED = re.compile(r"(?:的)?(?:正式|法定)?(?:名称|名字)?(?:叫什么|叫做什么|称为什么|称作什么|是什么名字|是什么名称|"
                     r"什么名字|什么名称)")
_DEMONSTRATIVE = re.compile(r"^(?:这个|那个|这|那|该|此)")
_COPULA = re.compile(r"称为|称作|叫做|是|为|称|叫")
# after the verb: a particle or a count before the object (发给一本户口簿, 设置了…)
_LEAD = re.compile(rf"(?:给|了|出)?(?:{_COUNT})?")
_OBJECT = re.compile(r"《(?P<title>[^》]{2,30})》|(?P<plain>[^\s，。；：:,;（()）“”《》]{2,40})")
MIN_SUBJECT = 3  # characters of the question's subject said right before the sentence's copula


def complement_span(sentence: str, question: str) -> tuple[int, int] | None:
    """(start, end) in sentence of what it says in the question's gap: the object of the verb the question
    puts before its gap, or what the sentence says its subject is (X为Y, X是《Y》); None when the sentence
    holds neither frame or what fills it is said by the question itself."""
    flat_question = compact(question).text.rstrip("？?。！!")
    frame = _frame(flat_question)
    if frame is None:
        return None
    words, mode, noun = frame
    flat = compact(sentence)
    text = flat.text
    if mode == _VERB:
        span = _after_verb(text, words, noun)
    elif mode == _COPULA_ONLY:
        span = _after_copula(text, words)
    else:  # 叫什么: a copula after the owner (院长为…), else what the owner's verb makes (国务院建立…)
        span = _after_copula(text, words) or _after_verb(text, words, noun, shortest=3)
    if span is None or text[span[0]:span[1]] in flat_question or not _of_the_kind(text, span, noun):
        return None
    return flat.original_span(*span)


def _ends_as(name: str, noun: str) -> bool:
    """The name ends in the asked noun's first or last character (哪类园区 → 小微企业园)."""
    return bool(noun) and name[-1] in (noun[0], noun[-1])


def _of_the_kind(text: str, span: tuple[int, int], noun: str) -> bool:
    """A kind of named thing asked (哪个项目, 什么制度, 什么文书) is answered by a name of that kind: one ending in
    the kind's ending or, shortened, in its first or last character (建设的是哪类园区 → 小微企业园); a title, or
    a name with the noun after it (…安全第一的方针), stands."""
    kind = next((key for key in KIND_ENDINGS if noun.endswith(key)), None)
    if kind is None and not re.fullmatch(ENTITY_NOUNS, noun):
        return True
    if text[span[1]:span[1] + 1] == "》" or text.startswith(f"的{noun}", span[1]):
        return True
    name = text[span[0]:span[1]]
    endings = KIND_ENDINGS[kind] if kind else (re.escape(noun),)
    return _ends_as(name, noun) or any(re.search(f"(?:{ending})$", name) for ending in endings)


_VERB, _COPULA_ONLY, _CALLED_MODE = "verb", "copula", "called"


def _frame(flat_question: str) -> tuple[str, str, str] | None:
    """The words before the gap in the gap's clause, how the text may go on from them to the answer, and the
    noun the question asks for after its gap."""
    called = _CALLED.search(flat_question)
    gap = called or _GAP.search(flat_question)
    if gap is None or called is None and re.search(r"[，,]", flat_question[gap.end():]):
        return None
    clauses = re.split(r"[，,：:]", flat_question[:gap.start()])
    words = _DEMONSTRATIVE.sub("", clauses[-1])
    if called:
        if len(words) < 2 and len(clauses) > 1:  # …的证件，这个证叫什么: the clause before says what it is
            words = clauses[-2]
        # 院长的法官等级叫什么: the owner before 的 is the sentence's subject
        owner, _, noun = words.rpartition("的") if "的" in words else (words, "", "")
        return owner, _CALLED_MODE, noun
    noun = flat_question[gap.end():]
    ending = COPULA_END.search(words)
    if ending and ending.group() == "的是":  # 每户发的是一本什么: 发 frames it
        return words[:ending.start()], _VERB, noun
    if ending:  # 国歌是哪首歌: what the sentence says the subject is
        return words[:ending.start()], _COPULA_ONLY, noun
    return words, _VERB, noun


def _after_verb(text: str, words: str, noun: str, shortest: int = 2) -> tuple[int, int] | None:
    """What follows the longest end of the words (shortest to 4 characters) that the text holds: where the text says
    it more than once, the object ending as the question's noun begins or ends (建设的是哪类园区 and 建设小微
    企业园, not 建设用地)."""
    for size in range(min(4, len(words)), shortest - 1, -1):
        piece = words[len(words) - size:]
        if not re.fullmatch(r"[\u4e00-\u9fff]+", piece):
            continue
        found = [span for match in re.finditer(re.escape(piece), text)
                 if (span := _object_at(text, _LEAD.match(text, match.end()).end(), noun))]
        if found:
            return next((span for span in found if _ends_as(text[span[0]:span[1]], noun)), found[0])
    return None


def _after_copula(text: str, words: str) -> tuple[int, int] | None:
    """What follows a copula whose subject (back to the clause's start) ends in MIN_SUBJECT or more of the
    words: 最高人民法院院长为首席大法官 for 最高人民法院院长."""
    for copula in _COPULA.finditer(text):
        if len(copula.group()) == 1 and in_dictionary(text[copula.start() - 1:copula.end()]):
            continue  # 作为, 行为, 认为: not a copula
        subject = re.split(r"[，。；：、\s]", text[:copula.start()])[-1]
        # 我国的国歌 and 中华人民共和国国歌是…: the words' last two characters, or any three of them
        if subject.endswith(words[-2:]) or any(subject.endswith(words[start:end]) for start in range(len(words))
                                               for end in range(start + MIN_SUBJECT, len(words) + 1)):
            span = _object_at(text, copula.end())
            if span:
                return span
    return None


def _object_at(text: str, at: int, noun: str = "") -> tuple[int, int] | None:
    """The title or the words up to the clause's end at this place; without a closing 的 and the asked noun
    (实行预防为主、…、安全第一的方针 for 实行什么方针)."""
    found = _OBJECT.match(text, at)
    if found is None:
        return None
    if found.group("title"):
        return found.span("title")
    start, end = found.span("plain")
    if noun and text.endswith(f"的{noun}", start, end) and end - len(noun) - 1 - start >= 2:
        end -= len(noun) + 1
    return start, end
