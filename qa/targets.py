"""Quantitative targets in clause text (indicator, value, unit, qualifier, years) and a comparison table."""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Iterable

from ingest.records import Clause

# Longest units first so that 万千瓦 wins over 千瓦 and 万吨标准煤 over 万吨.
UNITS = sorted("""% ％ ‰ 个百分点 百分点 万千瓦时 亿千瓦时 千瓦时 度 万千瓦 亿千瓦 千瓦 兆瓦 吉瓦 千伏 伏
万立方米 亿立方米 立方米 万吨标准煤 亿吨标准煤 吨标准煤 万吨标煤 亿吨标煤 吨标煤 蒸吨 万吨二氧化碳当量 吨二氧化碳当量 万吨二氧化碳 亿吨二氧化碳 万吨 亿吨 吨 千克 公斤 克
万亩 亩 万平方米 亿平方米 平方米 平方公里 平方千米 公顷 万公顷 公里 千米 海里 米 毫米 厘米 万辆 辆 万台 台 万套 套 万个 个 万家 家 万座 座 项 处 条 层
亿元 万元 元 亿美元 万美元 美元 港元 港币 欧元 倍 届 万人 人 名 户 万户 周岁 岁 级""".split(), key=len, reverse=True)
_NUMBER = r"\d+(?:\.\d+)?"
_UNIT = "|".join(map(re.escape, UNITS))
_POST = r"以上|以下|以内|以外|左右|上下|及以上|及以下|[（(]含[）)](?:及?以上|及?以下)?"  # 10万平方米（含）及以上
_PER = r"/(?:年|日|天|小时)"  # a rate: 1000万吨/年
VALUE_RE = re.compile(rf"(?P<number>{_NUMBER})(?P<unit>{_UNIT})(?:{_PER})?(?P<post>{_POST})?")
_BARE_VALUE = rf"{_NUMBER}(?:{_UNIT})(?:{_POST})?"
# A note in brackets: （其中，2021年达到60%）, （苏建办〔2021〕66号）
CLOSED_NOTE = re.compile(r"[（(][^（）()]*[）)]")
YEAR_RE = re.compile(r"(?P<year>(?:19|20)\d\d)年(?:底|末|前|内)?")
PLAN_PERIODS = {"十四五": "2025", "十五五": "2030", "十六五": "2035"}
# Verbs that put a value on an indicator, longest first; those that already qualify are kept as qualifier.
VERBS = sorted("""达到 达 提高到 提高至 提升到 提升至 提高 提升 下降到 下降至 下降 降低到 降低至 降低 减少 削减
增长 增加到 增加至 增加 扩大到 扩大至 控制在 保持在 稳定在 不低于 不少于 不超过 不高于 超过 低于 高于 突破
为 占""".split(), key=len, reverse=True)
QUALIFYING_VERBS = {"不低于", "不少于", "不超过", "不高于", "超过", "低于", "高于", "突破"}
# Lead words that change what a value promises (力争40% is an aim, 确保40% a floor): kept with the value.
AIMING = ("力争", "争取", "确保", "年均", "累计")
LEAD_QUALIFIERS = ("力争", "争取", "确保", "基本", "稳定", "累计", "年均", "平均", "原则上", "进一步", "分别",
                   "逐步", "要", "应当", "应", "将", "均")
_CHUNK_BREAK = re.compile(r"[，,：:（(）)]|(?<=[%％‰米吨瓦辆座个元])(?:、|和|及)")
_SENTENCE_RE = re.compile(r"[^。；;！？!?\n]+[。；;！？!?]?")
_LEADING_NOISE = re.compile(r"^(?:到|至|在|于)?(?:(?:19|20)\d\d年(?:底|末|前|起)?|“?十[四五六]五”?(?:期间|时期|末)?)?"
                            r"(?:其中|同时|并且|并|且|确保|力争|争取|全面|基本)*")
_SCOPE_PREFIX = re.compile(r"^(?:全国|全省|全市|全区|全县|全镇|我国|我省|我市|我区|本市|本区|城市|城镇|城区|当年|全社会)+")


@dataclass
class Target:
    indicator: str  # e.g. 光伏发电装机容量
    value: str  # the number as written, e.g. 80 or 1.2
    unit: str  # e.g. 万千瓦, %
    qualifier: str  # e.g. 以上, 左右, 力争 不低于 (several joined by a space)
    verb: str  # e.g. 达到, 提高到, 降低
    target_year: str  # e.g. 2030; empty when the text gives none
    base_year: str  # e.g. 2020 in 比2020年降低20%; empty when none
    text: str  # the phrase the target was read from, whitespace removed
    clause_id: str
    doc_id: str
    document: str
    clause: str
    citation: str
    start: int = 0  # span of the value in the compact clause text
    end: int = 0

    @property
    def amount(self) -> str:
        """Value and unit with the qualifiers that bound it, e.g. 80万千瓦以上."""
        lead = " ".join(q for q in self.qualifier.split() if q in QUALIFYING_VERBS)
        tail = "".join(q for q in self.qualifier.split() if q in {"以上", "以下", "以内", "左右", "上下", "及以上"})
        return f"{lead}{self.value}{self.unit}{tail}"

    @property
    def stated(self) -> str:
        """The amount as the plan states it, its aim kept in front: 力争40%, 确保80万千瓦以上."""
        return "".join(q for q in self.qualifier.split() if q in AIMING) + self.amount

    def to_json(self) -> dict:
        row = asdict(self)
        row.pop("start")
        row.pop("end")
        row["amount"] = self.amount
        return row


TARGET_COLUMNS = ["indicator", "amount", "value", "unit", "qualifier", "verb", "target_year", "base_year",
                  "document", "citation", "clause_id", "text"]


@dataclass
class CompactText:
    """Text without whitespace or Markdown emphasis, with a map back to the original positions."""
    text: str
    positions: list[int]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        return self.positions[start], self.positions[end - 1] + 1


def compact(text: str) -> CompactText:
    """Removes whitespace and '*' (pdftotext and Markdown put them inside numbers: '2030 年', '**1.**')."""
    kept = [(i, ch) for i, ch in enumerate(text) if not ch.isspace() and ch != "*"]
    return CompactText("".join(ch for _, ch in kept), [i for i, _ in kept])


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the sentences of text, each with its closing punctuation."""
    return [(m.start(), m.end()) for m in _SENTENCE_RE.finditer(text) if m.group().strip()]


def extract_targets(clause: Clause) -> list[Target]:
    """Every quantitative target stated in the clause, in text order."""
    flat = compact(clause.text).text
    found: list[Target] = []
    for start, end in sentence_spans(flat):
        found += _sentence_targets(flat, start, end, clause)
    return found


def _sentence_targets(flat: str, start: int, end: int, clause: Clause) -> list[Target]:
    sentence = flat[start:end]
    context_year = _deadline_before(flat, start)
    targets, taken = _respective_targets(sentence, start, clause), set()
    for target in targets:
        taken.update(range(target.start - start, target.end - start))
    for match in VALUE_RE.finditer(sentence):
        if match.start() in taken or _is_attribute(sentence, match):
            continue
        parsed = _parse_left(sentence, match)
        if parsed is not None:
            targets.append(_make_target(sentence, match, parsed, start, clause))
    for target in targets:
        target.target_year = target.target_year or context_year
    return sorted(targets, key=lambda t: t.start)


def _deadline_before(flat: str, position: int) -> str:
    """The year of the last 到2030年 before this sentence in the clause: it still governs the sentences after it."""
    deadlines = list(re.finditer(r"(?:到|至)((?:19|20)\d\d)年", flat[:position]))
    return deadlines[-1].group(1) if deadlines else ""


_RESPECTIVE_RE = re.compile(rf"(?P<subjects>[^，,：:。；]+?)分别(?P<verb>{'|'.join(VERBS)})"
                            rf"(?P<values>{_BARE_VALUE}(?:(?:和|、|及|与){_BARE_VALUE})+)")


def _respective_targets(sentence: str, offset: int, clause: Clause) -> list[Target]:
    """'森林覆盖率和森林蓄积量分别达45%和680万立方米' pairs the indicators with the values in order."""
    targets = []
    for found in _RESPECTIVE_RE.finditer(sentence):
        subjects = [s for s in re.split(r"和|、|及|与", _clean_subject(found.group("subjects"))) if s]
        values = list(VALUE_RE.finditer(sentence, found.start("values"), found.end("values")))
        if len(subjects) != len(values):
            continue
        for subject, value in zip(subjects, values):
            parsed = _Left(subject=subject, verb=found.group("verb"))
            targets.append(_make_target(sentence, value, parsed, offset, clause))
    return targets


def _is_attribute(sentence: str, match: re.Match) -> bool:
    """A value followed by 的 describes something (年综合能耗超过1万吨标准煤的数据中心), it is no target."""
    after = sentence[match.end():match.end() + 1]
    before = sentence[max(0, match.start() - 1):match.start()]
    return after == "的" or before.isdigit() or before == "."


@dataclass
class _Left:
    subject: str
    verb: str
    qualifiers: list[str] = field(default_factory=list)
    base_year: str = ""


def _parse_left(sentence: str, match: re.Match) -> _Left | None:
    """Reads the indicator, the verb and the lead qualifiers to the left of a value."""
    chunk_start = _chunk_start(sentence, match.start())
    left = sentence[chunk_start:match.start()]
    verb_at, verb = _last_verb(left)
    if verb is None:
        return None
    between = left[verb_at + len(verb):]
    if between and not between.endswith("的"):
        return None
    head = left[:verb_at]
    parsed = _Left(subject="", verb=verb)
    head = _strip_lead(head, parsed)
    parsed.subject = _clean_subject(head) + (f"占{between[:-1]}比重" if between else "")
    return parsed if parsed.subject else None


def _chunk_start(sentence: str, position: int) -> int:
    breaks = [m.end() for m in _CHUNK_BREAK.finditer(sentence, 0, position)]
    return breaks[-1] if breaks else 0


def _last_verb(left: str) -> tuple[int, str | None]:
    """The verb that ends last; of two ending together the longer (不低于 over 低于)."""
    best_at, best = -1, None
    for verb in VERBS:
        at = left.rfind(verb)
        if at >= 0 and (best is None or (at + len(verb), len(verb)) > (best_at + len(best), len(best))):
            best_at, best = at, verb
    # 占 inside an indicator (占规模以上工业增加值比重) is no verb unless a value follows directly.
    if best == "占" and best_at + 1 < len(left) and not left.endswith("的"):
        return _last_verb(left[:best_at])
    return (best_at, best) if best is not None else (-1, None)


def _strip_lead(head: str, parsed: _Left) -> str:
    """Moves 比2020年 / 力争 at the end of the subject into the parse."""
    changed = True
    while changed:
        changed = False
        base = re.search(r"(?:(?:比|较|相比|与)((?:19|20)\d\d)年(?:底|末)?(?:相比)?|在((?:19|20)\d\d)年(?:的)?基础上)$", head)
        if base:
            parsed.base_year, head, changed = base.group(1) or base.group(2), head[:base.start()], True
        for word in LEAD_QUALIFIERS:
            if head.endswith(word):
                head, changed = head[:-len(word)], True
                if word in AIMING:
                    parsed.qualifiers.insert(0, word)
    return head


def _clean_subject(head: str) -> str:
    head = _LEADING_NOISE.sub("", head)
    return head.strip("“”\"'、的")


def _make_target(sentence: str, match: re.Match, parsed: _Left, offset: int, clause: Clause) -> Target:
    qualifiers = list(parsed.qualifiers)
    if parsed.verb in QUALIFYING_VERBS:
        qualifiers.append(parsed.verb)
    if match.group("post"):
        qualifiers.append(match.group("post"))
    chunk_start = _chunk_start(sentence, match.start())
    return Target(
        indicator=parsed.subject, value=match.group("number"), unit=match.group("unit"),
        qualifier=" ".join(qualifiers), verb=parsed.verb,
        target_year=_target_year(sentence, match.start(), parsed.base_year), base_year=parsed.base_year,
        text=sentence[chunk_start:match.end()], clause_id=clause.id, doc_id=clause.doc_id,
        document=clause.document, clause=clause.clause, citation=clause.citation,
        start=offset + match.start(), end=offset + match.end())


def _target_year(sentence: str, position: int, base_year: str) -> str:
    """The latest year named before the value that is not its base year (到2030年, 2025年底)."""
    years = [m for m in YEAR_RE.finditer(sentence, 0, position)
             if not re.search(r"(?:比|较|相比|与)$", sentence[:m.start()])]
    if years:
        return years[-1].group("year")
    periods = [(sentence.rfind(name, 0, position), year) for name, year in PLAN_PERIODS.items()]
    periods = [p for p in periods if p[0] >= 0]
    return max(periods)[1] if periods else ""


def targets_of(clauses: Iterable[Clause]) -> list[Target]:
    """The targets of many clauses, in clause order."""
    return [target for clause in clauses for target in extract_targets(clause)]


# ---------------------------------------------------------------- comparison table


def indicator_key(indicator: str) -> str:
    """The indicator without its scope (全市, 城市 …), so that the same indicator lines up across documents."""
    key = re.sub(r"[（(][^）)]*[）)]", "", indicator)
    key = _SCOPE_PREFIX.sub("", key)
    return key or indicator


def _unit_kind(unit: str) -> str:
    return "share" if unit in {"%", "％", "‰", "个百分点", "百分点"} else unit.lstrip("万亿")


@dataclass
class ComparisonRow:
    indicator: str
    unit_kind: str
    cells: dict[str, list[Target]]  # document title → its targets for this indicator

    @property
    def documents(self) -> int:
        return len(self.cells)

    def cell_text(self, document: str) -> str:
        """e.g. 32%左右 (2025)；35%左右 (2030)"""
        parts = []
        for target in self.cells.get(document, []):
            when = cell_when(target)
            parts.append(cell_value(target) + (f" ({when})" if when else ""))
        return "；".join(parts)


_CHANGE_VERBS = {"下降", "降低", "减少", "提升", "提高", "增长"}


def cell_value(target: Target) -> str:
    """A target's value in a table cell: the verb where it says which way (下降18%), the aim kept (力争40%)."""
    verb = target.verb if target.base_year or target.verb in _CHANGE_VERBS else ""
    return f"{verb}{target.stated}"


def cell_when(target: Target) -> str:
    """The year a target is due, and its base year: 2030, 2025，比2020年."""
    return f"{target.target_year}" + (f"，比{target.base_year}年" if target.base_year else "")


@dataclass
class ComparisonTable:
    documents: list[str]
    rows: list[ComparisonRow]

    def to_records(self) -> list[dict[str, str]]:
        """One flat dict per row: 指标, then one column per document (for CSV, Excel, a data frame)."""
        return [{"指标": row.indicator, **{doc: row.cell_text(doc) for doc in self.documents}} for row in self.rows]

    def source_records(self) -> list[dict[str, str]]:
        """One dict per value in the table with its citation and wording: the table's 出处 sheet."""
        return [{"指标": row.indicator, "文件": document, "目标值": cell_value(target),
                 "目标年份": cell_when(target), "出处": target.citation, "原文": target.text}
                for row in self.rows for document in self.documents for target in row.cells.get(document, [])]

    def to_json(self) -> dict:
        return {"documents": self.documents,
                "rows": [{"indicator": row.indicator,
                          "cells": {doc: [t.to_json() for t in ts] for doc, ts in row.cells.items()}}
                         for row in self.rows]}


def comparison_table(targets: list[Target], min_documents: int = 2) -> ComparisonTable:
    """Lines up the same indicator across documents; rows found in more documents come first."""
    groups: list[tuple[str, str, list[Target]]] = []
    for target in targets:
        key, kind = indicator_key(target.indicator), _unit_kind(target.unit)
        group = next((g for g in groups if g[1] == kind and _same_indicator(g[0], key)), None)
        if group is None:
            groups.append((key, kind, [target]))
        else:
            group[2].append(target)
    rows = [_row(key, kind, members) for key, kind, members in groups]
    rows = [row for row in rows if row.documents >= min_documents]
    rows.sort(key=lambda row: -row.documents)
    # only documents with a cell in some row: a column that would stay empty is left out
    shown = {document for row in rows for document in row.cells}
    documents = [d for d in dict.fromkeys(t.document for t in targets) if d in shown]
    return ComparisonTable(documents, rows)


def _same_indicator(a: str, b: str) -> bool:
    """Equal, or one ends with the other (城区常住人口100万以上的城市绿色出行比例 / 绿色出行比例)."""
    shorter, longer = sorted((a, b), key=len)
    return a == b or (len(shorter) >= 4 and longer.endswith(shorter))


def _row(key: str, kind: str, members: list[Target]) -> ComparisonRow:
    cells: dict[str, list[Target]] = {}
    for target in members:
        cells.setdefault(target.document, []).append(target)
    shortest = min((t.indicator for t in members), key=len)
    return ComparisonRow(shortest if len(shortest) <= len(key) + 4 else key, kind, cells)
