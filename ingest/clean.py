"""Clean raw text: drop web and page boilerplate and markdown, rejoin lines broken by wraps and page breaks.

The result has one paragraph per line ("\n" between paragraphs); clause spans point into it.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ingest.normalise import fold_compat
from ingest.structure import is_heading_line, starts_with_marker

_BOILERPLATE_PATTERNS = (
    r"^(索引号|分类|主题分类|主题词|体裁分类|名称|来源|信息来源|访问量|浏览次数|点击数|编辑|责任编辑)\s*[:：]",
    r"(【打印】|【字体|【关闭】|【收藏】|打印本页|关闭窗口|分享到|分享至|浏览次数|字号\s*[:：]|\[大\]\s*\[中\]\s*\[小\])",
    r"^(字体|字号)\s*[:：]?\s*[\[【]?\s*大\s*[\]】]?\s*[\[【]?\s*中",
    r"^[-—–－_\s]*\d{1,4}[-—–－_\s]*$",  # page numbers: - 1 -, —1—, 12
    r"^第\s*\d+\s*页(\s*[/，,]?\s*共\s*\d+\s*页)?$",
    r"^[-—–_*=]{3,}$",  # horizontal rules
    r"^(公开方式|抄送|附件下载|扫一扫|相关链接|上一篇|下一篇)\s*[:：]?",
    r"^<!--.*-->$",
    r"^\S+\.(rar|zip|docx?|pdf|xlsx?|wps)$",
)
# A line is boilerplate when any pattern matches: the anchored ones joined under one ^ (so only the line's
# start is tried), the others as one pattern; two searches instead of eleven.
_BOILERPLATE = [re.compile("^(?:" + "|".join(p[1:] for p in _BOILERPLATE_PATTERNS if p.startswith("^")) + ")"),
                re.compile("|".join(p for p in _BOILERPLATE_PATTERNS if not p.startswith("^")))]
# A web page's labelled facts of the document (发布机构：…) stay, one line each: questions about the
# document itself are answered and cited there.
_DOC_FIELD = re.compile(r"^(发布机构|发文机关|成文日期|发布日期|文号|发文字号)\s*[:：]")
_BARE_NUMBER = re.compile(r"^\d{1,4}$")
_UNIT_START = re.compile(r"^(?:[%％‰万亿千百]|年|月|日|天|个|家|座|项|倍|吨|米|平方|公里|公顷|亩|元|人|户|辆|台|套|次|层|级|星|"
                         r"小时|分钟|周|千瓦|兆瓦|度|余|多)")
_MD_PREFIX = re.compile(r"^(#{1,6}\s*|>\s*)+")
_MD_LIST = re.compile(r"^[*+]\s+")
_MD_EMPHASIS = re.compile(r"\*\*|__|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])")
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
# A Markdown image, ![图](a.png){width="3in"}, or what a converter left of one (!24309{width="5.1in"\nheight="7.5in"})
_MD_IMAGE = re.compile(r"!(?:\[[^\]\n]{0,200}\]\([^)\n]{0,500}\)(?:\{[^{}]{0,300}\})?|[^\s{}!\[]{0,40}\{(?:width|height)=[^{}]{0,300}\})")
_SPACES = re.compile(r"[ \t\u00a0\u3000\u2002-\u200a\u202f\u205f\u3164\uffa0]+")  # with Hangul fillers: PDF padding
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_CJK = r"\u4e00-\u9fff\u3400-\u4dbf"
_SPACE_BEFORE_NUMBER = re.compile(rf"(?<=[{_CJK}，。、；：（《“])\s+(?=[0-9])")
_SPACE_AFTER_NUMBER = re.compile(rf"(?<=[0-9%‰])\s+(?=[{_CJK}）》”，。、；%])")
_SPACE_IN_PUNCT = re.compile(r"\s+(?=[，。、；：！？）》”])|(?<=[，。、；：！？（《“])\s+")

# A paragraph ends with one of these (closing quotes or brackets may follow).
_TERMINAL = re.compile(r"[。！？；：!?;:][”’」』）)》\]】]*$")
_SENTENCE_PUNCT = re.compile(r"[，。；、！？,;]")
_CLAUSE_PUNCT = re.compile(r"[，。；！？,;]")  # as above without 、, which titles hold (碳达峰、碳中和工作方案)
_BOX_HEADING = re.compile(r"^(?:专栏|表|图)\s*\d{1,2}(?:\s*[：:、.．]|\s+[\u4e00-\u9fff“])")
_CONTINUATION_START = re.compile(r"^[，。、；：！？）》”’」』,.;:)%‰]")
_SHORT_LINE = 20
# A line that stops on a joining word (…企业事业单位和 / 其他生产经营者…) has the rest of its sentence to come.
_JOINING_END = re.compile(r"[\u4e00-\u9fff](?:和|及|与|或者|或|以及|的|、)$")
TITLE_KINDS = "方案|办法|条例|规定|意见|通知|规划|细则|决定|计划|纲要|措施|指南|要点|制度|公告|通告|决议|批复|规则|标准|行动"
_TITLE_LIKE = re.compile(rf"({TITLE_KINDS})([（(][^）)]{{1,20}}[）)])?$")
_ASCII_PARENS = re.compile(r"^\(\s*([一二三四五六七八九十百\d]{1,4})\s*\)\s*")
_FRONT_MATTER = re.compile(r"\A\ufeff?\s*---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_YAML_FIELD = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*?)\s*$")
_YAML_OTHER = re.compile(r"^(\s|-\s|#|$)")  # nested values, list items, comments, blank lines


def clean_text(raw: str) -> str:
    """Clean text, one paragraph per line."""
    lines = cleaned_lines(normalise_text(split_front_matter(raw)[1]))
    return "\n".join(_join_paragraphs(lines, wrap_width(lines)))


def cleaned_lines(text: str) -> list[str]:
    """Each line of normalised text tidied, "" for a blank or boilerplate line."""
    raw = text.split("\n")
    lines = [_clean_line(line) for line in raw]
    for index in _figures_on_their_own_line(raw, lines):
        lines[index] = raw[index].strip()
    return [line or "" for line in lines]


def _figures_on_their_own_line(raw: list[str], lines: list[str | None]) -> list[int]:
    """Bare numbers dropped as page numbers that are part of a sentence: a PDF dump sets a figure in
    another font on a line of its own (对于 / 30 / 万元以下). Such a line sits inside an unfinished
    sentence and the next line starts with the figure's unit."""
    kept = []
    for index, line in enumerate(raw):
        if lines[index] is not None or not _BARE_NUMBER.match(line.strip()):
            continue
        before = next((lines[i] for i in range(index - 1, -1, -1) if lines[i]), "")
        after = next((tidy_line(raw[i]) for i in range(index + 1, len(raw)) if raw[i].strip()), "")
        if before and not _TERMINAL.search(before) and _UNIT_START.match(after):
            kept.append(index)
    return kept


def normalise_text(raw: str) -> str:
    """Raw text with "\n" line ends, NFC and compatibility characters folded, no invisible or control characters."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n").replace("\v", "\n")
    text = _MD_IMAGE.sub("", _HTML_COMMENT.sub("\n", text))
    text = _INVISIBLE.sub("", fold_compat(unicodedata.normalize("NFC", text)))
    return _CONTROL.sub("", text)


def split_front_matter(raw: str) -> tuple[dict[str, str], str]:
    """The fields of YAML front matter (--- … --- at the top of a Markdown file) and the text after it;
    no fields and all of raw when there is none."""
    text = raw.replace("\r\n", "\n")
    match = _FRONT_MATTER.match(text[:20_000])
    if not match:
        return {}, raw
    block = match.group(1).split("\n")
    fields = [_YAML_FIELD.match(line) for line in block]
    if not any(fields) or not all(field or _YAML_OTHER.match(line) for field, line in zip(fields, block)):
        return {}, raw  # horizontal rules around ordinary text, not front matter
    values = {field.group(1).lower(): field.group(2).strip("'\"") for field in fields if field}
    return values, text[match.end():]


def _clean_line(line: str) -> str | None:
    """The line without markdown and surplus spaces; "" for a blank line, None for boilerplate."""
    spaced = _SPACES.sub(" ", line).strip()
    if any(pattern.search(spaced) for pattern in _BOILERPLATE):
        return None
    line = tidy_line(line)
    if line and any(pattern.search(line) for pattern in _BOILERPLATE):
        return None
    return line


@lru_cache(maxsize=1 << 14)  # a document's lines are tidied again for its metadata (plain_lines)
def tidy_line(line: str) -> str:
    """One line without markdown decoration, with single spaces and none between Chinese and numbers."""
    line = _SPACES.sub(" ", line).strip()
    line = _MD_LIST.sub("", _MD_PREFIX.sub("", line))
    line = _MD_EMPHASIS.sub("", line).strip()
    line = _SPACE_BEFORE_NUMBER.sub("", line)
    line = _SPACE_IN_PUNCT.sub("", _SPACE_AFTER_NUMBER.sub("", line))
    return _ASCII_PARENS.sub(r"（\1）", line)


def plain_lines(raw: str) -> list[str]:
    """The tidied non-blank lines of raw text, boilerplate kept (metadata is read from it); tabs split fields."""
    lines = (tidy_line(part) for line in normalise_text(raw).split("\n") for part in line.split("\t"))
    return [line for line in lines if line]


def wrap_width(lines: list[str]) -> int:
    """The width text was hard-wrapped at (PDF dumps wrap nearly every line), or 0 when it was not."""
    lengths = sorted(len(line) for line in lines if len(line) >= 8)
    if len(lengths) < 12:
        return 0
    width = lengths[int(len(lengths) * 0.8)]
    near = sum(1 for length in lengths if width - 3 <= length <= width)
    return width if width <= 120 and near >= len(lengths) * 0.3 else 0


def _join_paragraphs(lines: list[str], width: int = 0) -> list[str]:
    """Rejoin lines that continue the one before; a blank line alone does not end a paragraph."""
    paragraphs: list[list[str]] = []
    after_blank = False
    for line in lines:
        if not line:
            after_blank = True
            continue
        full = width > 0 and len(paragraphs[-1][-1]) >= width - 2 if paragraphs else False
        title = after_blank and not full and _is_title_line(line)
        after_blank = False
        field = bool(_DOC_FIELD.match(line)) or bool(paragraphs and _DOC_FIELD.match(paragraphs[-1][0]))
        if paragraphs and not title and not field and (continues(_summary(paragraphs[-1]), line)
                                         or full and _wrapped(paragraphs[-1][-1], line)):
            paragraphs[-1].append(_separator(paragraphs[-1][-1], line) + line)
        else:
            paragraphs.append([line])
    return ["".join(parts) for parts in paragraphs]


def _is_title_line(line: str) -> bool:
    """A short line ending in a document kind without clause punctuation: 长沙市绿色建筑创建行动实施方案."""
    return len(line) <= 40 and bool(_TITLE_LIKE.search(line)) and not _CLAUSE_PUNCT.search(line)


def _wrapped(previous: str, line: str) -> bool:
    """A full-width line that does not end a sentence goes on, even when it looks like a heading."""
    return not _TERMINAL.search(previous) and not starts_with_marker(line) and not line.startswith("——")


def _summary(parts: list[str]) -> str:
    """Enough of a paragraph for continues(): all of it while short, else its last lines."""
    if len(parts) == 1:
        return parts[0]
    tail = "".join(parts[-3:])
    return tail if len(tail) >= _SHORT_LINE else "".join(parts[-40:])  # bounded: a paragraph may have 10⁵ parts


def _separator(previous: str, line: str) -> str:
    """A space between two Latin words, nothing between Chinese characters."""
    latin_end = previous[-1:].isascii() and previous[-1:].isalnum()
    return " " if latin_end and line[:1].isascii() and line[:1].isalpha() else ""


def continues(previous: str, line: str) -> bool:
    """Whether line carries on the paragraph previous (a hard wrap or a page break), rather than starting one."""
    if _CONTINUATION_START.match(line):
        return True
    if _JOINING_END.search(previous) and not starts_with_marker(line):
        return True
    if starts_with_marker(line) or line.startswith(("——", "—— ")) or is_heading_line(previous):
        return False
    if _BOX_HEADING.match(previous) and len(previous) <= 40:  # 专栏 5：…重点工程 heads the box's lines
        return False
    if _TERMINAL.search(previous) or _TITLE_LIKE.search(previous) and not _CLAUSE_PUNCT.search(previous):
        return False
    return bool(_SENTENCE_PUNCT.search(previous)) or len(previous) >= _SHORT_LINE
