"""Word's automatic numbering (word/numbering.xml) rendered into paragraph text, so that a paragraph
numbered by Word reads "一、总体要求" as it shows on screen, not "总体要求".

docx2python renders numbering too, but only decimal, letters and roman numerals, as "1)" whatever the
level text says; Chinese documents need chineseCounting and the level text ("%1、", "（%2）").
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Callable

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
LEVELS = 9
_DIGITS = "零一二三四五六七八九"
_PUNCT_END = tuple("、．.）)：:，")


@dataclass(frozen=True)
class Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1
    suffix: str = "tab"
    legal: bool = False  # w:isLgl: every number of the level text in Arabic digits


@dataclass(frozen=True)
class NumDef:
    """One w:num: the list it counts in, and the levels or start values it overrides."""
    abstract: str
    levels: dict[int, Level] = field(default_factory=dict)
    starts: dict[int, int] = field(default_factory=dict)


@dataclass
class Numbering:
    """The numbering definitions of one document and its counters, advanced as paragraphs are read in order."""
    abstracts: dict[str, dict[int, Level]] = field(default_factory=dict)
    nums: dict[str, NumDef] = field(default_factory=dict)
    styles: dict[str, tuple[str | None, int | None, str | None]] = field(default_factory=dict)  # numId, ilvl, basedOn
    style_levels: dict[tuple[str, str], int] = field(default_factory=dict)  # (abstract, style) -> ilvl
    counters: dict[str, list[int | None]] = field(default_factory=dict)
    started: set[str] = field(default_factory=set)

    def label(self, paragraph) -> str:
        """The number Word shows before this paragraph ("一、", "（二）", "3."), or "" if it has none."""
        found = self._num_and_level(paragraph)
        if found is None:
            return ""
        num_id, ilvl = found
        num = self.nums[num_id]
        levels = self.abstracts.get(num.abstract, {}) | num.levels
        levels |= {i: replace(levels.get(i, Level()), start=start) for i, start in num.starts.items()}
        counts = self._advance(num.abstract, num_id, ilvl, levels, set(num.starts))
        level = levels.get(ilvl)
        if level is None or level.fmt in ("bullet", "none"):  # a bullet's glyph is no clause number
            return ""
        rendered = _render(level, levels, counts)
        return rendered + _suffix(rendered, level.suffix)

    def _num_and_level(self, paragraph) -> tuple[str, int] | None:
        num_pr = paragraph.find(f"{W}pPr/{W}numPr")
        num_id, ilvl = _num_pr(num_pr) if num_pr is not None else (None, None)
        style = paragraph.find(f"{W}pPr/{W}pStyle")
        style_id = style.get(f"{W}val") if style is not None else None
        if num_id is None and style_id:
            num_id, style_ilvl = self._style_numbering(style_id)
            ilvl = ilvl if ilvl is not None else style_ilvl
        if num_id is None or num_id not in self.nums:  # numId 0 is "no numbering", and is never defined
            return None
        if ilvl is None:
            ilvl = self.style_levels.get((self.nums[num_id].abstract, style_id or ""), 0)
        return num_id, min(max(ilvl, 0), LEVELS - 1)

    def _style_numbering(self, style_id: str) -> tuple[str | None, int | None]:
        """numId and ilvl a paragraph style gives, each inherited on its own through basedOn (a few steps
        at most, so a cycle ends)."""
        num_id, ilvl = None, None
        for _ in range(10):
            if style_id not in self.styles:
                break
            own_num, own_ilvl, style_id = self.styles[style_id]
            num_id = num_id if num_id is not None else own_num
            ilvl = ilvl if ilvl is not None else own_ilvl
            if num_id is not None and ilvl is not None or style_id is None:
                break
        return num_id, ilvl

    def _advance(self, abstract: str, num_id: str, ilvl: int, levels: dict[int, Level],
                 restarts: set[int]) -> list[int | None]:
        counts = self.counters.setdefault(abstract, [None] * LEVELS)
        if num_id not in self.started:  # a num with a start override begins its list afresh
            self.started.add(num_id)
            for level in restarts:
                counts[level] = None
        current = counts[ilvl]
        counts[ilvl] = levels.get(ilvl, Level()).start if current is None else current + 1
        for deeper in range(ilvl + 1, LEVELS):
            counts[deeper] = None
        return counts


def read_numbering(numbering_root, styles_root) -> Numbering:
    """The definitions from the roots of numbering.xml and styles.xml (either may be None)."""
    numbering = Numbering()
    if styles_root is not None:
        numbering.styles = _styles(styles_root)
    if numbering_root is None:
        return numbering
    for abstract in numbering_root.iter(f"{W}abstractNum"):
        abstract_id = abstract.get(f"{W}abstractNumId", "")
        numbering.abstracts[abstract_id] = {ilvl: level for ilvl, level in map(_level, abstract.iter(f"{W}lvl"))}
        for lvl in abstract.iter(f"{W}lvl"):
            style = _val(lvl, "pStyle")
            if style:
                numbering.style_levels[(abstract_id, style)] = _int(lvl.get(f"{W}ilvl"), 0)
    for num in numbering_root.iter(f"{W}num"):
        numbering.nums[num.get(f"{W}numId", "")] = _num(num)
    _follow_style_links(numbering_root, numbering)
    return numbering


def _follow_style_links(numbering_root, numbering: Numbering) -> None:
    """An abstractNum that only says numStyleLink takes its levels from the list the style names."""
    for abstract in numbering_root.iter(f"{W}abstractNum"):
        link = _val(abstract, "numStyleLink")
        num_id, _ = numbering._style_numbering(link) if link else (None, None)
        if num_id in numbering.nums:
            target = numbering.nums[num_id].abstract
            numbering.abstracts[abstract.get(f"{W}abstractNumId", "")] = numbering.abstracts.get(target, {})


def _styles(styles_root) -> dict[str, tuple[str | None, int | None, str | None]]:
    styles = {}
    for style in styles_root.iter(f"{W}style"):
        num_pr = style.find(f"{W}pPr/{W}numPr")
        num_id, ilvl = _num_pr(num_pr) if num_pr is not None else (None, None)
        styles[style.get(f"{W}styleId", "")] = (num_id, ilvl, _val(style, "basedOn"))
    return styles


def _num(num) -> NumDef:
    definition = NumDef(_val(num, "abstractNumId") or "")
    for override in num.iter(f"{W}lvlOverride"):
        ilvl = _int(override.get(f"{W}ilvl"), 0)
        lvl = override.find(f"{W}lvl")
        if lvl is not None:
            definition.levels[ilvl] = _level(lvl)[1]
        start = _val(override, "startOverride")
        if start is not None:
            definition.starts[ilvl] = _int(start, 1)
    return definition


def _level(lvl) -> tuple[int, Level]:
    legal = lvl.find(f"{W}isLgl")
    return _int(lvl.get(f"{W}ilvl"), 0), Level(
        fmt=_val(lvl, "numFmt") or "decimal", text=_val(lvl, "lvlText") or "", start=_int(_val(lvl, "start"), 1),
        suffix=_val(lvl, "suff") or "tab", legal=legal is not None and legal.get(f"{W}val", "1") not in ("0", "false"))


def _num_pr(num_pr) -> tuple[str | None, int | None]:
    num_id, ilvl = _val(num_pr, "numId"), _val(num_pr, "ilvl")
    return num_id, (_int(ilvl, 0) if ilvl is not None else None)


def _val(element, child: str) -> str | None:
    found = element.find(f"{W}{child}")
    return found.get(f"{W}val") if found is not None else None


def _int(text: str | None, default: int) -> int:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default


def _render(level: Level, levels: dict[int, Level], counts: list[int | None]) -> str:
    """The level text with each %N replaced by level N's counter in level N's format."""
    out, text, i = [], level.text, 0
    while i < len(text):
        if text[i] == "%" and i + 1 < len(text) and text[i + 1] in "123456789":
            n = int(text[i + 1]) - 1
            source = levels.get(n, Level())
            value = counts[n] if counts[n] is not None else source.start
            out.append(format_number(value, "decimal" if level.legal else source.fmt))
            i += 2
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def _suffix(rendered: str, suffix: str) -> str:
    """What stands between the number and the text: nothing after 、 ） . (as typed documents have it)."""
    if suffix == "nothing" or not rendered or rendered.endswith(_PUNCT_END):
        return ""
    return " "


def format_number(n: int, fmt: str) -> str:
    """n in one of Word's number formats (ST_NumberFormat); an unknown format falls back to digits."""
    if fmt in ("chineseCounting", "chineseCountingThousand", "taiwaneseCounting", "taiwaneseCountingThousand",
               "ideographDigital", "japaneseCounting"):
        return chinese_counting(n)
    special = _SPECIAL.get(fmt)
    if special is not None:
        return special(n)
    return str(n)


def chinese_counting(n: int) -> str:
    """1 → 一, 10 → 十, 21 → 二十一, 105 → 一百零五 (the way 一、 and （一） are typed)."""
    if n <= 0:
        return str(n)
    if n >= 10000:
        return str(n)
    parts, zero = [], False
    for unit, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = n // unit % 10
        if digit == 0:
            zero = bool(parts)
            continue
        if zero:
            parts.append("零")
            zero = False
        parts.append(("" if digit == 1 and unit == 10 and not parts else _DIGITS[digit]) + name)
    return "".join(parts)


def _sequence(symbols: str) -> Callable[[int], str]:
    return lambda n: symbols[n - 1] if 1 <= n <= len(symbols) else str(n)


def _letters(base: str) -> Callable[[int], str]:
    """a … z, aa … zz, as Word counts; digits past 780 (a crafted start value must not build a huge string)."""
    return lambda n: chr(ord(base) + (n - 1) % 26) * ((n - 1) // 26 + 1) if 1 <= n <= 780 else str(n)


def _roman(n: int) -> str:
    if not 0 < n < 4000:
        return str(n)
    out = ""
    for value, symbol in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                          (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        count, n = divmod(n, value)
        out += symbol * count
    return out


_SPECIAL = {
    "decimalEnclosedCircle": _sequence("①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"),
    "decimalEnclosedCircleChinese": _sequence("①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"),
    "decimalEnclosedParen": _sequence("⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇"),
    "decimalEnclosedFullstop": _sequence("⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛"),
    "ideographEnclosedCircle": _sequence("㈠㈡㈢㈣㈤㈥㈦㈧㈨㈩"),
    "ideographTraditional": _sequence("甲乙丙丁戊己庚辛壬癸"),
    "ideographZodiac": _sequence("子丑寅卯辰巳午未申酉戌亥"),
    "chineseLegalSimplified": lambda n: chinese_counting(n).translate(str.maketrans("一二三四五六七八九十百千", "壹贰叁肆伍陆柒捌玖拾佰仟")),
    "decimalFullWidth": lambda n: str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９")),
    "decimalZero": lambda n: f"{n:02d}",
    "lowerLetter": _letters("a"),
    "upperLetter": _letters("A"),
    "lowerRoman": lambda n: _roman(n).lower(),
    "upperRoman": _roman,
}


def numbering_of(document) -> Numbering:
    """The numbering of a python-docx Document (none if it has no numbering part)."""
    from docx.opc.constants import RELATIONSHIP_TYPE

    try:
        root = document.part.part_related_by(RELATIONSHIP_TYPE.NUMBERING).element
    except KeyError:
        root = None
    return read_numbering(root, document.styles.element)
