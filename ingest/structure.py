"""The heading hierarchy of a Chinese official document, and its leaf clauses with their citation paths.

Numbering kinds, outermost first: 第X编 第X章 第X节 第X条 / 一、 / （一） / 1. / （1） / ①. A kind's depth is
its place in that order, so no per-document configuration is needed; a number must continue the
previous one of its kind (or restart at 1), which keeps a wrapped line starting with "2．" from
becoming a heading. Inside an article (第X条) the lower kinds are list items of the article.
An annex (附件一, 附表二, 附件：…) after the numbered body is a part of its own, above every kind, and its
numbering starts again.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

_CN = "零〇一二三四五六七八九十百千两"
_ARTICLE_RANK = 3
_ANNEX_RANK = -1
_MARKERS: list[tuple[int, re.Pattern[str]]] = [
    (0, re.compile(rf"^第([{_CN}\d]+)编(?=\s|$)")),
    (1, re.compile(rf"^第([{_CN}\d]+)章(?=\s|$|[^，。、；的中])")),
    (2, re.compile(rf"^第([{_CN}\d]+)节(?=\s|$|[^，。、；的中])")),
    (_ARTICLE_RANK, re.compile(rf"^第([{_CN}\d]+)条(?=\s|$|[：:])")),
    (4, re.compile(rf"^([{_CN}]+)\s*[、．](?!\s*[、，。])")),
    (5, re.compile(rf"^[（(]\s*([{_CN}]+)\s*[）)]")),
    (6, re.compile(r"^(\d{1,3})\s*[.．、](?![\d.．])")),
    (7, re.compile(r"^[（(]\s*(\d{1,3})\s*[）)]")),
    (8, re.compile(r"^([①-⑳])")),
]
_ARTICLE_SET_APART = re.compile(rf"^第[{_CN}\d]+条[\s\u3000]+\S")
_ARTICLE_LOOSE = re.compile(rf"^第([{_CN}\d]+)条(?=[\u4e00-\u9fff])(?!规定|的|所|至|和|或|中|之|第)")
# 附件 / 附件一 / 附表 2 / 附录 / 附件：标题 / 附：标题 alone on a line (not 附件三所列全国性法律…, which names one)
_ANNEX = re.compile(rf"^附\s*(?:(?P<kind>[件表录])\s*(?P<number>[{_CN}\d]{{0,3}})\s*(?:$|[:：]\s*|\s+)|[:：]\s*)"
                    rf"(?P<title>[^。；;]{{0,60}})$")
# 中华人民共和国香港特别行政区基本法附件一香港特别行政区行政长官的产生办法（…通过）…: an annex (as revised)
# under its law's name, its text run on after it
_NAMED_ANNEX = re.compile(rf"^《?[^，。；:：《》]{{2,40}}?(?:法|条例|规定|办法)》?附(?P<kind>[件表录])(?P<number>[{_CN}\d]{{1,3}})"
                          rf"(?!所|中|的|之|规定)(?P<title>[^。；;，（(]{{2,60}})(?=$|[（(])")
_TITLE_END = re.compile(r"[。：:；;！？]")
_INNER_PUNCT = re.compile(r"[，；：,;:]|。(?!$)")
_SIGNATURE = re.compile(r"^[^，。；：]{2,30}(人民政府|政府|委员会|部|厅|局|院|办公室|办公厅|委|中心|署|支行|分局|公司)$"
                        r"|^[^，。；：]{0,40}?\d{4}年\d{1,2}月\d{1,2}日(?:印发)?$|^[（(]此件.{2,10}[）)]$")
SIGNATURE = "落款"  # the clause path of a closing signature block
_SENTENCE_END = re.compile(r"(?<=[。！？；!?;])|(?<=\n)")


@dataclass(frozen=True)
class Marker:
    rank: int
    number: int
    label: str  # normalised: 一、 （一） 1 （1） 第三章 第十五条


@dataclass
class Section:
    """A run of paragraphs under one numbered heading (or before the first one)."""
    labels: list[str]
    headings: list[str]
    start: int
    end: int
    rank: int = -1
    has_body: bool = False


@dataclass(frozen=True)
class Piece:
    """One clause record to be: its citation path, the headings above it, and its span."""
    clause: str
    heading: str
    start: int
    end: int


@dataclass
class _State:
    last: dict[int, int] = field(default_factory=dict)
    stack: list[tuple[int, str, str]] = field(default_factory=list)  # (rank, label, heading title)


def chinese_number(text: str) -> int:
    """一 → 1, 十二 → 12, 二十 → 20, 一百零五 → 105; digits pass through."""
    if len(text) == 1 and "①" <= text <= "⑳":
        return ord(text) - ord("①") + 1
    if text.isdecimal():
        return int(text)
    digits = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2}
    total, current = 0, 0
    for char in text:
        if char in digits:
            current = digits[char]
        else:
            unit = {"十": 10, "百": 100, "千": 1000}[char]
            total += (current or 1) * unit
            current = 0
    return total + current


@lru_cache(maxsize=1 << 14)  # asked of each line up to four times while a document is cut into sections
def find_marker(line: str) -> Marker | None:
    """The numbering that opens line, if any (whether it continues the sequence is checked later)."""
    for rank, pattern in _MARKERS:
        match = pattern.match(line)
        if match:
            return Marker(rank, chinese_number(match.group(1)), _label(rank, match))
    match = _ARTICLE_LOOSE.match(line)
    if match:
        return Marker(_ARTICLE_RANK, chinese_number(match.group(1)), _label(_ARTICLE_RANK, match))
    return None


def _label(rank: int, match: re.Match[str]) -> str:
    number = match.group(1)
    if rank <= _ARTICLE_RANK:
        return match.group(0).strip()
    return {4: f"{number}、", 5: f"（{number}）", 6: number, 7: f"（{number}）", 8: number}[rank]


def starts_with_marker(line: str) -> bool:
    marker = find_marker(line)
    return marker is not None and (marker.rank != _ARTICLE_RANK or _MARKERS[_ARTICLE_RANK][1].match(line) is not None)


def is_heading_line(line: str) -> bool:
    """A numbered heading alone on its line, e.g. 一、总体要求 or （一）能源绿色低碳转型行动。 (not 第X条, which holds text)."""
    marker = find_marker(line)
    if marker is None or marker.rank == _ARTICLE_RANK:
        return False
    return len(line) <= 40 and not _INNER_PUNCT.search(line[len(marker.label):])


def heading_title(line: str) -> str:
    """The heading part of a numbered paragraph: up to its first full stop, at most 40 characters."""
    match = _TITLE_END.search(line)
    title = line[: match.start()] if match else line
    return title[:40].rstrip()


def join_path(labels: list[str]) -> str:
    """二、 + （四） + 11 → 二、（四）11;  第三章 + 第十五条 → 第三章 第十五条;  附件一 + 一、 → 附件一 一、."""
    path = ""
    for label in labels:
        if path and (label.startswith("第") or path.split(" ")[-1].startswith(("第", "附"))):
            path += " "
        path += label
    return path


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Spans of the non-empty lines of cleaned text."""
    spans, start = [], 0
    for line in text.split("\n"):
        end = start + len(line)
        if line.strip():
            spans.append((start, end))
        start = end + 1
    return spans


def sections(text: str) -> list[Section]:
    """The document cut at every accepted heading; the first section holds the text before any."""
    state = _State()
    spans = paragraphs(text)
    found: list[Section] = []
    previous = ""
    numbered_body = False  # an annex comes after numbered text, not in a notice's head or a table of contents
    for start, end in spans:
        line = text[start:end]
        numbered_body = numbered_body or bool(found and found[-1].labels and found[-1].has_body)
        annex = _annex(line) if numbered_body else None
        if annex is not None:
            found.append(_open_annex(annex, state, start, end))
            previous = line
            continue
        if _untitled_annex(state) and find_marker(line) is None and _is_title_line(line):
            state.stack[-1] = (_ANNEX_RANK, state.stack[-1][1], line.strip())
        marker = None if _CONTENTS_ENTRY.search(line) else \
            _accepted(find_marker(line), state, is_heading_line(line), _runs_on(previous),
                      _ARTICLE_SET_APART.match(line) is not None)
        previous = line
        if marker is None:
            _extend(found, state, start, end)
        else:
            found.append(_open(marker, line, state, start, end))
    return found


def _is_title_line(line: str) -> bool:
    return len(line.strip()) <= 40 and not _INNER_PUNCT.search(line.strip())


def _annex(line: str) -> re.Match[str] | None:
    line = line.strip()
    return _ANNEX.match(line) or _NAMED_ANNEX.match(line)


def _open_annex(annex: re.Match[str], state: _State, start: int, end: int) -> Section:
    """An annex (附件, 附表, 附录; 附： is an 附件): a part of its own whose numbering starts again; its title, if
    on the line, is its text."""
    label = "附" + (annex.group("kind") or "件") + (annex.group("number") or "")
    title = annex.group("title").strip()
    state.last.clear()
    state.stack[:] = [(_ANNEX_RANK, label, title)]
    return Section([label], [], start, end, _ANNEX_RANK, has_body=bool(title))


def _untitled_annex(state: _State) -> bool:
    return len(state.stack) == 1 and state.stack[0][0] == _ANNEX_RANK and not state.stack[0][2]


# A table of contents line: a heading, dot leaders, a page number (（三）有序建设抽水蓄能电站........13).
_CONTENTS_ENTRY = re.compile(r"(?:\.{4,}|…{2,}|·{4,}|-{4,})\s*\d{1,4}\s*$")
# A wrapped line of body text: a comma, then no sentence end up to its last character (…比例应达到60%，获得绿色建筑).
_MID_SENTENCE = re.compile(r"[，,][^。！？；;：:]*[\u4e00-\u9fff\d%]\s*$")


def _runs_on(previous: str) -> bool:
    """The previous line breaks off inside a sentence, so this line continues it."""
    return not is_heading_line(previous) and _MID_SENTENCE.search(previous) is not None


def _accepted(marker: Marker | None, state: _State, heading_line: bool, runs_on: bool = False,
              set_apart: bool = False) -> Marker | None:
    """marker if it continues its sequence (a heading alone on its line may skip numbers) and is not
    a list item inside an article. A line continuing a broken-off sentence (…获得绿色建筑 / 一、二星级评价…)
    restarts no numbering: its 一、 is a word of the sentence. The first article set apart from its text
    (第三十二条　…) may start anywhere: an amendment numbers its articles on from the one before."""
    if marker is None:
        return None
    if set_apart and marker.rank == _ARTICLE_RANK and _ARTICLE_RANK not in state.last:
        return marker
    in_article = any(rank == _ARTICLE_RANK for rank, _, _ in state.stack)
    if in_article and marker.rank > _ARTICLE_RANK:
        return None
    last = state.last.get(marker.rank, 0)
    restarts = marker.number == 1 and not (runs_on and not heading_line)
    if restarts or last < marker.number <= last + 2 or (heading_line and marker.number > last):
        return marker
    return None


def _open(marker: Marker, line: str, state: _State, start: int, end: int) -> Section:
    state.last[marker.rank] = marker.number
    while state.stack and state.stack[-1][0] >= marker.rank:
        state.stack.pop()
    headings = [title or label for _, label, title in state.stack]
    state.stack.append((marker.rank, marker.label, heading_title(line)))
    labels = [label for _, label, _ in state.stack]
    return Section(labels, headings, start, end, marker.rank, has_body=not is_heading_line(line))


def _extend(found: list[Section], state: _State, start: int, end: int) -> None:
    if not found:
        found.append(Section([], [], start, end))
    found[-1].end = end
    found[-1].has_body = True


def pieces(text: str, max_chars: int, found: list[Section] | None = None) -> list[Piece]:
    """Every leaf clause of cleaned text, long ones split into parts at sentence ends (found: its
    sections, when the caller already has them; they are trimmed in place)."""
    found = sections(text) if found is None else found
    if not any(section.labels for section in found):
        return _paragraph_pieces(text, max_chars)
    signature = _trim_tail(text, found)
    result: list[Piece] = []
    for index, section in enumerate(found):
        following = found[index + 1] if index + 1 < len(found) else None
        # The text before the first heading (notice, 文号, adoption lines of a law) is a clause too, unless it
        # is the title alone: it is where a question about the document itself finds its answer.
        if _is_record(section, following) and (section.labels or _beyond_title(text[section.start:section.end])):
            clause = join_path(section.labels) or "前言"
            heading = " > ".join(section.headings)
            result += [Piece(clause, heading, s, e) for s, e in split_span(text, section.start, section.end, max_chars)]
    if signature is not None:  # who signed and when: what a question about the document itself is answered by
        result.append(Piece(SIGNATURE, "", *signature))
    return result


def _beyond_title(head: str) -> bool:
    return len([line for line in head.split("\n") if line.strip()]) > 1 or bool(_INNER_PUNCT.search(head))


def _is_record(section: Section, following: Section | None) -> bool:
    """A leaf, or a heading with text of its own before its first child; not a bare chapter title."""
    if section.has_body:
        return True
    has_children = following is not None and following.labels[: len(section.labels)] == section.labels \
        and len(following.labels) > len(section.labels)
    return not has_children and section.rank > 2


def _trim_tail(text: str, found: list[Section]) -> tuple[int, int] | None:
    """Leave a closing signature block (issuer, date: short lines without punctuation) out of the last
    clause; its span, if there is one."""
    last = found[-1]
    spans = [span for span in paragraphs(text) if last.start <= span[0] < last.end]
    if not spans:
        return None
    kept = len(spans)
    while kept > 1 and _SIGNATURE.search(text[slice(*spans[kept - 1])]):
        kept -= 1
    last.end = spans[kept - 1][1]
    return (spans[kept][0], spans[-1][1]) if kept < len(spans) else None


def _paragraph_pieces(text: str, max_chars: int) -> list[Piece]:
    """A document without numbering: each paragraph is a clause 第N段 (short ones join the next)."""
    spans = paragraphs(text)
    groups: list[tuple[int, int]] = []
    pending: int | None = None
    for index, (start, end) in enumerate(spans):
        start = start if pending is None else pending
        pending = start if end - start < 20 and index + 1 < len(spans) else None
        if pending is None:
            groups.append((start, end))
    result: list[Piece] = []
    for number, (start, end) in enumerate(groups, 1):
        result += [Piece(f"第{number}段", "", s, e) for s, e in split_span(text, start, end, max_chars)]
    return result


def split_span(text: str, start: int, end: int, max_chars: int) -> list[tuple[int, int]]:
    """[start, end) cut into parts of at most max_chars, at sentence ends where possible."""
    parts: list[tuple[int, int]] = []
    cuts = [start + m.start() for m in _SENTENCE_END.finditer(text[start:end])] + [end]
    part_start = previous = start
    for cut in cuts:
        if cut - part_start > max_chars and previous > part_start:
            parts.append((part_start, previous))
            part_start = previous
        while cut - part_start > max_chars:
            parts.append((part_start, part_start + max_chars))
            part_start += max_chars
        previous = cut
    if end > part_start:
        parts.append((part_start, end))
    return [(s, e) for s, e in (_strip(text, s, e) for s, e in parts) if e > s]


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
