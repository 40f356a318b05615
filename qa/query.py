"""What a question names besides its subject: places, a level of government, documents, and clause
positions (第十五条, 第三章, 二、（四）12). Names choose documents; they are not evidence inside a clause,
so they are blanked out of the text that is scored."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from index.tokenize import normalize, read_list
from ingest.structure import chinese_number
from qa.places import Place, gazetteer, word_bounds

_CN = "零〇一二三四五六七八九十百千两"
# Words by which a question asks about the national level (国务院 and ministries are also issuers, found
# among document names). 国家 counts only where it stands for the state's own plan, not in 国家标准; 全国
# not where it ranks something (全国首个碳中和工厂, 走在全国前列).
_NATIONAL = re.compile(r"全国(?!首[个家批座次]|第一|领先|前列|一流|率先)|国务院|党中央|中央层面|国家层面|国家部委|部委|国家(?=的|对|有|要求|规定|提出|方案|政策|层面|出台|怎么|如何|在|法律)")


def _national_bodies() -> re.Pattern:
    """The State Council's ministries and bureaus (qa/data/national_bodies.txt), longest first; not 生态环境部门
    (any level's department) nor 市发改委 (a local body, named with its place)."""
    lines = read_list(Path(__file__).parent / "data" / "national_bodies.txt")
    names = sorted({name for line in lines for name in line.split()}, key=len, reverse=True)
    return re.compile(rf"(?<![省市县区州盟旗])(?:{'|'.join(map(re.escape, names))})(?!门)")


_NATIONAL_BODY = _national_bodies()
# Words by which a question asks about a level below the state (省级, 市一级, 区县): each level's documents.
_LEVEL_WORDS = [
    ("省", re.compile(r"省级|省一级|省层面|省里")),
    ("市", re.compile(r"地市级|地市一级|地市|(?<![城都县])市级|市一级|市层面|市里|地级市")),
    ("区县", re.compile(r"区级|区一级|县级|县一级|区县|县区|区里|县里")),
]
_BODY = re.compile(r"部门|政府|机关|机构|单位")
_TITLE = re.compile(r"《([^》]{2,60})》")
Ref = tuple[str, int]  # (kind, number): ("条", 15), ("一、", 2), ("（一）", 4), ("1.", 12), ("（1）", 3)

# 刑法修正案（八）, 若干问题的解释（二）: the bracket numbers a document of a series, not an item.
_NOT_AN_EDITION = "(?<!修正案)(?<!解释)(?<!规定)"
_REF_IN_QUESTION = re.compile(
    rf"第\s*(?P<big>[{_CN}\d]+)\s*(?P<kind>编|章|节|条|部分)"
    rf"|第\s*[（(]\s*(?P<paren_cn_item>[{_CN}]+)\s*[）)]\s*(?:项|条|点)"
    rf"|第\s*(?P<item>\d{{1,3}}|[{_CN}]{{1,4}})\s*(?:项|点|小项)"
    rf"|(?P<section>[{_CN}]+)、(?=\s*(?:[（(]|第|\d))"
    rf"|{_NOT_AN_EDITION}[（(]\s*(?P<paren_cn>[{_CN}]+)\s*[）)]"
    rf"|[（(]\s*(?P<paren_num>\d{{1,3}})\s*[）)]"
    rf"|(?<=[）)])\s*(?P<after_paren>\d{{1,3}})(?![\d年月日%.．])"
    rf"|(?P<annex>附[件表录]\s*[{_CN}\d]{{1,3}})")
_REF_IN_PATH = re.compile(
    rf"(?P<annex>附[件表录][{_CN}\d]{{0,3}})"
    rf"|第(?P<big>[{_CN}\d]+)(?P<kind>编|章|节|条)"
    rf"|(?P<section>[{_CN}]+)、"
    rf"|[（(](?P<paren_cn>[{_CN}]+)[）)]"
    rf"|[（(](?P<paren_num>\d{{1,3}})[）)]"
    rf"|(?P<item>\d{{1,3}})")


@dataclass
class Reading:
    """A question read for its scope: what to score, which documents it points at, which clause."""
    text: str  # the question with place, level and document names blanked out
    places: list[Place] = field(default_factory=list)
    national: bool = False
    titles: list[str] = field(default_factory=list)  # 《…》 names as written
    refs: list[Ref] = field(default_factory=list)
    names: list[str] = field(default_factory=list)  # every span blanked, in order
    levels: list[str] = field(default_factory=list)  # 省, 市, 区县: levels below the state the question names


def read_question(text: str, document_names: list[str] = ()) -> Reading:
    """Places (from the gazetteer), the national level, 《titles》, document names (issuers and other
    names the library's documents carry) and clause positions of a question."""
    spans, places = _name_spans(text, document_names)
    # a body that issued a document of the library names that document (its name span), not the level
    bodies = [m.span() for m in _NATIONAL_BODY.finditer(text) if m.group(0) not in document_names]
    national = bool(_NATIONAL.search(text) or bodies)
    spans += [m.span() for m in _NATIONAL.finditer(text)] + bodies
    # 省级财政部门, 市级层面城市人民政府: a question about a body's duties uses the level to name the body,
    # which documents of every level speak of; then the level picks no documents.
    said = [] if _BODY.search(text) else _levels_said(text)
    levels = list(dict.fromkeys(level for level, _ in said))
    spans += [span for _, span in said]
    titles = [m.group(1).strip() for m in _TITLE.finditer(text)]
    refs = question_refs(text)
    spans += [m.span() for m in _REF_IN_QUESTION.finditer(text)]
    kept, names = _blank(text, spans)
    return Reading(kept, places, national, titles, refs, names, levels)


def names_blanked(text: str, document_names: list[str], title_pairs: set[str], shortest: int = 4) -> str:
    """text with the places, the document names and the stretch spelling out a title blanked (blank_mention);
    levels and clause positions stay: inside a document they still say which clause is meant."""
    return blank_mention(_blank(text, _name_spans(text, document_names)[0])[0], title_pairs, shortest=shortest)


def _name_spans(text: str, document_names: list[str]) -> tuple[list[tuple[int, int]], list[Place]]:
    """Where the text names places (the gazetteer's, on word bounds) and documents, and the places named."""
    spans: list[tuple[int, int]] = []
    places: list[Place] = []
    for start, end, found in gazetteer().find_words(text):
        places.extend(p for p in found if p not in places)
        spans.append((start, end))
    for name in sorted(document_names, key=len, reverse=True):
        spans += [m.span() for m in re.finditer(re.escape(name), text)]
    return spans, places


def _levels_said(text: str) -> list[tuple[str, tuple[int, int]]]:
    """Each level word and where it stands, when it starts a word of the question: 区里 in 我们区里 names
    a level, in 一个片区里 it is the end of 片区, and 某个省里 names any province."""
    matches = [(level, m.span()) for level, words in _LEVEL_WORDS for m in words.finditer(text)
               if not _LEVEL_OF_A_BODY.match(text, m.end())]
    if not matches:
        return []
    starts = word_bounds(text)
    return [(level, span) for level, span in matches
            if span[0] in starts and not _ANY_ONE.search(text[:span[0]])]


# 县一级人大, 县里选举委员会: the level of a representative, electoral or judicial body, not of documents
_LEVEL_OF_A_BODY = re.compile(r"的?[\u4e00-\u9fff]{0,4}?(?:人大|人民代表大会|代表大会|选举委员会|人民法院|法院|人民检察院|检察院)")
# 某个省里, 每个县里: any one of a level's places, not the level's documents
_ANY_ONE = re.compile(r"(?:某一?个?|一个|哪一?个|各个?|每一?个?|其他|别的)$")


def _blank(text: str, spans: list[tuple[int, int]]) -> tuple[str, list[str]]:
    chars, names = list(text), []
    for start, end in sorted(set(spans)):
        names.append(text[start:end])
        for i in range(start, end):
            chars[i] = " "
    return "".join(chars), names


# Each named group of the patterns above, and the kind of position it holds.
_GROUP_KIND = {"paren_cn_item": "（一）", "item": "1.", "after_paren": "1.", "section": "一、", "paren_cn": "（一）",
               "paren_num": "（1）", "annex": "附件"}


# 国安法第十四条的解释: the articles an interpretation or decision is of name that document; they cite no clause.
INTERPRETED_ARTICLES = r"(?:第[（(]?[零〇一二三四五六七八九十百千\d]+[）)]?[条款项]|附件[一二三四五六七八九十\d]+|[、和及])+"
INTERPRETATION = r"的(?:解释|决定)"
_INTERPRETED = re.compile(rf"{INTERPRETED_ARTICLES}(?={INTERPRETATION})")


def question_refs(text: str) -> list[Ref]:
    """Clause positions a question cites, outermost first: 二、（四）第12项 → [一、2, （一）4, 1.12]."""
    text = _INTERPRETED.sub(lambda match: " " * len(match.group()), text)
    refs = _refs(_REF_IN_QUESTION, text)
    # 第二部分第（七）项下面的第19条: an article never stands inside a 一、 or （一）, so there 条 counts items.
    refs = [("1.", number) if kind == "条" and any(k in ("一、", "（一）") for k, _ in refs[:n]) else (kind, number)
            for n, (kind, number) in enumerate(refs)]
    # 第四十七条第（二）项: an article is a clause whole; the items in its text are on no citation path.
    article = next((number for number, (kind, _) in enumerate(refs) if kind == "条"), None)
    return refs[:article + 1] if article is not None else refs


def refs_outside(text: str, blanked: str) -> list[Ref]:
    """question_refs of text, but for the positions inside its stretches blanked (a title's 第十三条)."""
    kept = list(text)
    for match in _REF_IN_QUESTION.finditer(text):
        if not blanked[match.start():match.end()].strip():
            kept[match.start():match.end()] = " " * (match.end() - match.start())
    return question_refs("".join(kept))


def path_refs(path: str) -> list[Ref]:
    """The positions a clause's citation path holds: 第三章 第十五条 → [章3, 条15]; 二、（四）12 → [一、2, （一）4, 1.12]."""
    return _refs(_REF_IN_PATH, path)


def _refs(pattern: re.Pattern[str], text: str) -> list[Ref]:
    refs: list[Ref] = []
    for match in pattern.finditer(text):
        groups = {name: value for name, value in match.groupdict().items() if value}
        if "big" in groups:
            refs.append(("一、" if groups["kind"] == "部分" else groups["kind"], chinese_number(groups["big"])))
            continue
        name, value = next(iter(groups.items()))
        if name == "annex":  # 附件三, 附表一, or an annex of no number (附件 → 0)
            value = value[2:].strip() or "零"
        refs.append((_GROUP_KIND[name], chinese_number(value)))
    return refs


def cites(path: str, refs: list[Ref]) -> bool:
    """The clause at path is (or lies inside) the position refs cite: every cited part is on the path, in order."""
    held, position = path_refs(path), 0
    for ref in refs:
        try:
            position = held.index(ref, position) + 1
        except ValueError:
            return False
    return bool(refs)


def cited_positions(positions: list[tuple[str, str]], refs: list[Ref]) -> set[tuple[str, str]]:
    """Of (document, path) pairs, those at the position refs cite, in a document's own text where it has the
    position, unless the question names an annex: 第三条 is the law's own, not its 附件一's; a plan printed as
    the 附件 of a notice keeps its 二、（四）12."""
    cited = {(document, path) for document, path in positions if refs and cites(path, refs)}
    if any(kind == "附件" for kind, _ in refs):
        return cited
    own = {document for document, path in cited if not path.startswith("附")}
    return {(document, path) for document, path in cited if document not in own or not path.startswith("附")}


def path_fragment(refs: list[Ref]) -> str:
    """A piece of text every citing path contains, for a LIKE look-up in the store."""
    kind, number = refs[-1]
    if kind in {"编", "章", "节", "条"}:
        return f"第{_chinese(number)}{kind}"
    return {"一、": f"{_chinese(number)}、", "（一）": f"（{_chinese(number)}）", "（1）": f"（{number}）",
            "附件": "附"}.get(kind, str(number))  # 附件, 附表 and 附录 alike


def _chinese(number: int) -> str:
    """1 → 一, 12 → 十二, 20 → 二十, 105 → 一百零五, 1010 → 一千零一十 (the way documents number their parts)."""
    digits = "零一二三四五六七八九"
    if number >= 1000:
        rest = number % 1000
        below = "" if rest == 0 else _chinese(rest) if rest >= 100 else \
            "零" + (digits[rest] if rest < 10 else ("一" + _chinese(rest) if rest < 20 else _chinese(rest)))
        return _chinese(number // 1000) + "千" + below
    if number < 10:
        return digits[number]
    if number < 20:
        return "十" + (digits[number % 10] if number % 10 else "")
    if number < 100:
        return digits[number // 10] + "十" + (digits[number % 10] if number % 10 else "")
    rest = number % 100
    tail = "" if rest == 0 else ("零" + digits[rest] if rest < 10 else ("一" + _chinese(rest) if rest < 20 else _chinese(rest)))
    return digits[number // 100] + "百" + tail


_TITLE_NOISE = re.compile(r"中华人民共和国|[（(][^）)]*[）)]|[“”\"《》〈〉]|关于印发|的通知$")
_UNITS = re.compile(r"[\u4e00-\u9fff0-9]")


# A question names a document when it spells out most of its title's character pairs.
NAME_MATCH = 0.6
HAN = re.compile(r"[\u3400-\u9fff]")


def blank_title(text: str, pairs: set[str]) -> str:
    """text with every run of two or more characters whose adjacent pairs are all title pairs blanked:
    the title named in a question chooses the document, its words are no evidence inside it."""
    chars = list(text)
    for start, end in _title_runs(text, pairs):
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def blank_mention(text: str, pairs: set[str], gap: int = 2, shortest: int = 4) -> str:
    """text with the one stretch that names the title blanked: runs of title pairs joined across gaps of up
    to gap characters (the quotes and the 省 or 发展 a loose mention leaves out), the stretch holding most of
    them, when that is at least shortest characters. The title's words said again elsewhere (大气污染物 after
    大气污染防治法) stay: there they say what is asked."""
    stretches: list[list[int]] = []  # [start, end, characters in runs]
    runs = [(start, end) for start, end in _title_runs(text, pairs) if len(HAN.findall(text[start:end])) >= 2]
    for start, end in runs:  # 203 of 对2035年 is no part of the 2030年前… title said before it
        if stretches and start - stretches[-1][1] <= gap:
            stretches[-1][1:] = [end, stretches[-1][2] + end - start]
        else:
            stretches.append([start, end, end - start])
    best = max(stretches, key=lambda stretch: stretch[2], default=None)
    if best is None or best[2] < shortest:
        return text
    return text[:best[0]] + " " * (best[1] - best[0]) + text[best[1]:]


def _title_runs(text: str, pairs: set[str]) -> list[tuple[int, int]]:
    """(start, end) of each run of two or more characters whose adjacent pairs are all title pairs."""
    runs, start = [], 0
    while start < len(text) - 1:
        end = start
        while end + 1 < len(text) and text[end:end + 2] in pairs:
            end += 1
        if end > start:
            runs.append((start, end + 1))
        start = max(end, start + 1)
    return runs


def bare_title(title: str) -> str:
    """A title's own words: without 中华人民共和国, brackets, quotes, punctuation and 实施/行动/工作."""
    return _FILLER.sub("", "".join(_UNITS.findall(_TITLE_NOISE.sub("", normalize(title)))))


def spells_out_title(question: str, title: str) -> bool:
    """The question holds the whole title, but for 中华人民共和国, brackets, quotes and the words a short form
    leaves out (农业农村减排固碳实施方案), and does not name another edition of it."""
    bare = bare_title(title)
    # a law's name is three characters long at the least (能源法, 煤炭法): one of them is a title
    long_enough = len(bare) >= 4 or (len(bare) == 3 and bare.endswith("法"))
    return long_enough and bare in _FILLER.sub("", "".join(_UNITS.findall(normalize(question)))) \
        and not names_another_edition(question, title)


# Words a title's short form leaves out: 城乡建设领域碳达峰方案 is the 城乡建设领域碳达峰实施方案.
_FILLER = re.compile(r"实施|行动|工作")


_BRACKETED = re.compile(r"[（(]([^）)]{1,16})[）)]")


def names_another_edition(question: str, title: str) -> bool:
    """The question writes the title's words with other words in its brackets: 刑法修正案（十二） is not
    刑法修正案（十一）, nor 实施方案（2016-2020年） the 实施方案（2021-2025年）. Brackets left out name no edition."""
    question = normalize(question)
    written_editions = list(_BRACKETED.finditer(question))
    if not written_editions:
        return False
    title = normalize(title)
    for edition in _BRACKETED.finditer(title):
        stem = "".join(_UNITS.findall(_TITLE_NOISE.sub("", title[:edition.start()])))[-3:]
        own = "".join(_UNITS.findall(edition.group(1)))
        if len(stem) < 3:
            continue
        for written in written_editions:
            if "".join(_UNITS.findall(question[:written.start()]))[-3:] == stem \
                    and "".join(_UNITS.findall(written.group(1))) != own:
                return True
    return False


def title_bigrams(title: str) -> set[str]:
    """The character pairs that make a title recognisable, without 中华人民共和国, brackets and quotes."""
    units = _UNITS.findall(_TITLE_NOISE.sub("", title))
    return {a + b for a, b in zip(units, units[1:])}


TIE_BREAK = 1e-4  # per character pair of its own title the question holds, between documents named in full
# The name of the document a decision amends or approves, or a notice issues, inside its own title.
_AMENDMENT = re.compile(r"^(.{2,40}?)修正案(?:\s*[（(][^）)]*[）)])?$")
_NAME_INSIDE = re.compile(r"《([^》]{4,60})》|关于批准(?!《)([^《》]{4,40}?)的(?:决议|决定)")


def title_names(title: str) -> list[str]:
    """The title, and the names of the documents it carries: 关于修改《中华人民共和国网络安全法》的决定 →
    + 中华人民共和国网络安全法; 关于批准广东省经济特区条例的决议 → + 广东省经济特区条例; 宪法修正案（2004年）
    → + 宪法, the law it amends, and 2004年宪法修正案; and what follows its issuer's 关于 (加强经济工作监督的决定)."""
    amended = _AMENDMENT.match(normalize(title))
    subject = _issuerless(title)
    year = _YEAR_EDITION.match(normalize(title))
    return [title] + [inner.group(1) or inner.group(2) for inner in _NAME_INSIDE.finditer(normalize(title))] \
        + ([amended.group(1)] if amended else []) + ([subject] if subject else []) \
        + ([year.group(2) + year.group(1)] if year else [])


# 宪法修正案（1988年） is called 1988年宪法修正案 as well.
_YEAR_EDITION = re.compile(r"^(?:中华人民共和国)?(.{2,40}?)\s*[（(](\d{4}年)[）)]$")


def _issuerless(title: str) -> str:
    """…常务委员会关于加强经济工作监督的决定 → 加强经济工作监督的决定: the title without its issuer."""
    subject = re.search(r"关于(?!印发)(.{4,})$", normalize(title))
    return subject.group(1) if subject else ""


class TitleIndex:
    """Which documents' titles a question spells out, in full or in part (深圳绿色建筑条例 for
    深圳经济特区绿色建筑条例): the share of each title's character pairs that the question holds. A title
    that carries another document's name (关于修改《中华人民共和国网络安全法》的决定) is named by it too."""

    def __init__(self, titles: list[str]):
        self.documents = len(titles)
        self.owner, self.names, self.own = [], [], []  # one entry per name a document goes by; own: its title
        self.issuerless = []  # the name is the title without its issuer
        for number, title in enumerate(titles):
            for position, name in enumerate(title_names(title)):
                self.owner.append(number)
                self.names.append(name)
                self.own.append(position == 0)
                self.issuerless.append(position > 0 and name == _issuerless(title))
        self.sizes = [len(title_bigrams(name)) for name in self.names]
        self.bare = ["".join(_UNITS.findall(_TITLE_NOISE.sub("", normalize(name)))) for name in self.names]
        self.postings: dict[str, list[int]] = {}
        for entry, name in enumerate(self.names):
            for pair in title_bigrams(name):
                self.postings.setdefault(pair, []).append(entry)

    def recall(self, question: str) -> dict[int, float]:
        """Document number -> share of its title's pairs found in the question (documents with none left out)."""
        text = normalize(question)
        counts: dict[int, int] = {}
        for pair in title_bigrams(text):
            for entry in self.postings.get(pair, ()):
                counts[entry] = counts.get(entry, 0) + 1
        bracketed = _BRACKETED.search(text) is not None
        shares = {entry: count / self.sizes[entry] for entry, count in counts.items()
                  if not (bracketed and names_another_edition(text, self.names[entry]))}
        # A name a title carries names the document only when spelled out in full (网络安全法, not 网络安全); the
        # title without its issuer, only when the question names no issuer of its own before it (上海市人大常委会
        # 关于加强经济工作监督的决定 is not the national one).
        shares = {entry: share for entry, share in shares.items() if self.own[entry] or (
            share >= 1.0 and not (self.issuerless[entry] and "关于" + self.names[entry] in text))}
        bare_text = "".join(_UNITS.findall(_TITLE_NOISE.sub("", text)))
        best: dict[int, float] = {}
        for entry, share in shares.items():
            if not self._inside_longer(entry, shares, bare_text):
                best[self.owner[entry]] = max(share, best.get(self.owner[entry], 0.0))
        # Of documents named in full, the one whose own title holds more of the question comes first (修改旧物回收法
        # 的决定 is the decision, not the 旧物回收法修正案 that 旧物回收法 also names).
        own = {self.owner[entry]: counts[entry] for entry in shares if self.own[entry]}
        return {number: share + TIE_BREAK * own.get(number, 0) if share >= 1.0 else share
                for number, share in best.items()}

    def _inside_longer(self, entry: int, shares: dict[int, float], text: str) -> bool:
        """The question (text: its characters without title noise) spells this title only inside a longer one it
        spells (能源法 in 节约能源法)."""
        if shares[entry] < 1.0 or len(self.bare[entry]) < 2:
            return False
        bare = self.bare[entry]
        inside = [other for other, share in shares.items() if share >= 1.0 and self.bare[other] != bare
                  and bare in self.bare[other] and self.bare[other] in text]
        return bool(inside) and text.count(bare) <= sum(text.count(self.bare[other]) for other in inside)

    def per_document(self, question: str) -> np.ndarray:
        """recall as an array by document number, with a last entry (0) for rows without a document."""
        shares = np.zeros(self.documents + 1, dtype=np.float32)
        for number, share in self.recall(question).items():
            shares[number] = share
        return shares
