"""The question as a frame with a gap: the words around 哪个/什么 in the question, found around a name in the
sentence, put the name in the gap. 江西以哪座城市为核心打造铜产业集群 meets 以鹰潭为核心的世界级铜产业集群 → 鹰潭;
纳入哪个平台 meets 纳入福建省公共信用信息平台 → 福建省公共信用信息平台."""
from __future__ import annotations

import re
from functools import lru_cache

from qa.targets import compact

_GAP = re.compile(r"(?:哪|什么)一?[个座家只部所种类项位台条批]?")
_NAME = r"(?:[^\W_，。；：“”《》（）()]|、)"  # a name may list (新余、宜春) and hold digits (110千伏)
# 依托的是哪个中心: the words before the copula frame the gap (依托张江…中心).
_COPULA_WORDS = "的是|就是|是|为"
COPULA_END = re.compile(rf"(?:{_COPULA_WORDS})$")
_WHO = re.compile(r"谁")
_COUNTED_ONE = re.compile(r"一[张个份项种部本套件条]$")
_ONE_NAME = r"[^\W_，。；：“”《》（）()、和及与]"
_NAME_ASKED = re.compile(r"叫什么|什么名字|什么名称")
MAX_ANCHOR = 4
MAX_NAME = 16


def gap_spans(sentence: str, question: str, nouns: list[str] = (), strict: bool = False) -> list[tuple[int, int]]:
    """(start, end) in sentence of each name that fills the question's gap: after the longest end of the
    words before the gap that the sentence holds, and before the longest start of the words after it (after
    the asked noun, when the question names one). Without words after the gap, the name runs to the next
    punctuation and must end in the asked noun. strict: the noun is what is done, not part of the name
    (开展什么建设 → 国家级海洋牧场示范区, before 建设), and the words before the gap count from two characters.
    [] when the question has no gap or the frame is not found."""
    gap = _GAP.search(question)
    if gap is None or _NAME_ASKED.match(question, max(gap.start() - 1, 0)):  # 这个平台叫什么: no frame, the noun says it
        return []
    flat = compact(sentence)
    text = flat.text
    # 发给我什么: the person the thing goes to is no part of the frame
    asked_after = _TO_WHOM.sub("", question[:gap.start()])
    before = _COUNTED_ONE.sub("", COPULA_END.sub("", asked_after))  # 附送一张什么表: 附送 frames it
    after = question[gap.end():]
    # The asked noun as the question has it: the longest reading that ends its clause (哪个信用平台？), else
    # the first that the question continues after (哪座城市为核心 → 城市).
    readings = [n for n in nouns if n and after.startswith(n)]
    ending = [n for n in readings if re.match(r"[，,。？?！!；;]|$", after[len(n):])]
    noun = max(ending, key=len) if ending else next(iter(readings), "")
    after = re.split(r"[，,。？?！!；;]", after[len(noun):], maxsplit=1)[0]
    right = _longest(after, text, from_start=True)
    left = _longest(before, text, from_start=False, shortest=1 if len(right) >= 2 and not strict else 2)
    if not left:
        return []
    verb_object = (not strict or noun in _ANY_THING) and gap.group() == "什么" and asked_after.endswith(left) \
        and len(left) >= 2
    patterns = []
    if right:
        patterns = [rf"{re.escape(left)}(?P<name>{_NAME}{{1,{MAX_NAME}}}?){re.escape(right)}"]
    elif noun and strict and is_an_act(noun):  # 开展什么建设: the name is before 建设
        patterns = [rf"{re.escape(left)}(?P<name>{_NAME}{{2,{MAX_NAME}}}?){re.escape(noun)}(?=[，。；等]|$)"]
    elif noun:  # the name ends in the asked noun, or in its longest ending the sentence has (信用平台 → 平台)
        # (a noun of one character, 什么表, ends one name: 尺度和内河航道图 are two)
        name = _NAME if len(noun) > 1 else _ONE_NAME
        patterns = [rf"{re.escape(left)}(?:{_COPULA_WORDS})?(?P<name>{name}{{0,{MAX_NAME}}}?{re.escape(noun[start:])})"
                    rf"(?=[，。；等]|$)" for start in range(max(len(noun) - 1, 1))]
        # …or stands before the noun's first word (建立什么备查资料 in 建立职工名册备查)
        patterns += [rf"{re.escape(left)}(?P<name>{_NAME}{{2,{MAX_NAME}}}?){re.escape(noun[:end])}(?=[，。；]|$)"
                     for end in range(len(noun) - 1, 1, -1)]
    elif not verb_object:
        return []
    # 还要建立什么？: the object of the verb right before 什么, up to the end of its clause (开具由财政部门统一监
    # （印）制的捐赠票据: the noun after the last 的), also when the question's noun names no kind (提供什么材料 →
    # 专利权评价报告)
    patterns += [rf"{re.escape(left)}(?:[^，。；：、]{{0,24}}的)?(?P<name>[^\W_，。；：、“”《》（）()的]{{2,{MAX_NAME}}})(?=[，。；]|$)"] \
        if verb_object and not right and (not noun or noun in _ANY_THING) else []
    for pattern in patterns:
        found = [flat.original_span(*m.span("name")) for m in re.finditer(pattern, text)]
        if found:
            return found
    return []


# Nouns for any thing handed over, any place or any body: they name no kind the text's name would end in
# (安葬在什么地方 → 军人公墓, 成立什么组织 → …协会).
_ANY_THING = {"材料", "资料", "东西", "地方", "地点", "场所", "组织"}
# 发给我, 告诉我们: the person a thing goes to
PERSONS = "我们|我|你们|你|他们|他|她们|她"
_TO_WHOM = re.compile(rf"(?<=[给向])(?:{PERSONS})$")


@lru_cache(maxsize=4096)
def is_an_act(noun: str) -> bool:
    """建设, 改造: a noun for something done (jieba tags it as a verb or verbal noun), not a kind of thing."""
    import jieba.posseg

    tags = jieba.posseg.lcut(noun)
    return len(tags) == 1 and tags[0].flag.startswith("v")


# 市金融工作部门应当会同… answers 由哪个部门会同…: a modal verb between the body and its verb says nothing.
_MODAL = re.compile(r"^(?:应当|应该|必须|须|应|要|可以|可|将)")


_BODY_KIND = re.compile(r"^(?:部门|单位|机构|机关|组织)")


def framed(sentence: str, question: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans (of an organisation, found by qa.spans) right after the end of the words before the
    question's gap: 办公室放在哪个单位 and 办公室设在市发改委 → 市发改委, after 在."""
    gap = _WHO.search(question) or _GAP.search(question)
    if gap is None or not spans:
        return []
    before = question[:gap.start()]
    after = re.split(r"[，,。？?！!；;]", question[gap.end():], maxsplit=1)[0]
    after = _BODY_KIND.sub("", after)  # 由哪个部门会同…建立: the verb follows the kind of body asked for
    if before.endswith("由"):  # 由谁提出 and 由市人民政府向市人大常委会提出: the body addressed does not act
        spans = [s for s in spans if not compact(sentence[:s[0]]).text.endswith("向")] or spans
    for size in range(min(MAX_ANCHOR, len(after)), 1, -1):  # 报谁批准 and 报市人民政府批准: the verb after the gap
        piece = after[:size]
        found = [s for s in spans if re.fullmatch(r"[\u4e00-\u9fff]+", piece)
                 and _MODAL.sub("", compact(sentence[s[1]:]).text, count=1).startswith(piece)]
        if found:
            return found
    for size in range(min(MAX_ANCHOR, len(before)), 0, -1):
        piece = before[len(before) - size:]
        if not re.fullmatch(r"[\u4e00-\u9fff]+", piece):
            continue
        found = [s for s in spans if compact(sentence[:s[0]]).text.endswith(piece)]
        if found:
            return found
    # 报给哪个单位 and 报送市住房城乡建设局: a verb of two characters sharing its first (报给, 报送).
    verb = before[-2:]
    if len(verb) == 2 and re.fullmatch(r"[\u4e00-\u9fff]{2}", verb):
        return [s for s in spans if re.search(rf"{verb[0]}[\u4e00-\u9fff]$", compact(sentence[:s[0]]).text)]
    return []


def _longest(words: str, text: str, from_start: bool, shortest: int = 2) -> str:
    """The longest start (or end) of words, of MAX_ANCHOR characters at most and shortest at least, that
    text holds; '' when none."""
    for size in range(min(MAX_ANCHOR, len(words)), shortest - 1, -1):
        piece = words[:size] if from_start else words[len(words) - size:]
        if re.fullmatch(r"[\u4e00-\u9fff]+", piece) and piece in text:
            return piece
    return ""
