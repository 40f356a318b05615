"""Whether the library holds what a question is about: the places, years and documents it names.

A question about 恩平市 when the library has no 恩平 document is answered "not in the library", with the
documents nearest to it, instead of with another city's figure."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from index.tokenize import normalize
from qa.library import doc_number_key
from qa.places import Place, gazetteer, word_bounds
from qa.spans import DOC_NUMBER_PRINTED
from qa.query import (INTERPRETATION, INTERPRETED_ARTICLES, NAME_MATCH, Reading, names_another_edition, read_question,
                      title_bigrams)

# A document name in a question: words ending in the kind of document (…法, …条例, …方案).
# Without 《》 only laws and regulations count (…法, …条例, and the rules that implement them: …法实施细则):
# "住建部的方案" names no document.
# 办法, 方法, 做法 … end in 法 without naming a law; 最高法 is a court. No law's name holds 在 (私营经济在我国宪法中: 我国宪法).
# A body's 关于…的决定 (深圳市关于促进民营经济发展的条例) is a name too.
_DOCUMENT_NAME = re.compile(r"《([^》]{2,60})》|((?<![那这哪该此])(?:(?![的那这个么在])[\u4e00-\u9fff“”]){2,30}?(?:(?<![办方做想说看用合违依立执守司语书算手疗写玩效变高])(?<!(?<!建)设)法|条例|修正案(?:[（(][^）)]{1,10}[）)])?)(?:实施(?:细则|条例|办法))?"
                            r"|[^，。？?《》\s]{0,20}?关于[^，。？?《》\s]{2,30}?的(?:决定|决议|条例|规定|办法|解释))"
                            r"(?=第|规定|中|里|的|对|有|是|自|(?<=[）)])从|现行|要求|提出|明确|关于|怎么|如何|什么|哪|施行|实施|生效|颁布|公布|出台|废止"
                            r"|\s|$|[？?，,。])")
# A law named by one word (水法规定…, 按照刑法…), where a question or clause starts; not 无法, 执法, 依法 …
_SHORT_LAW = re.compile(r"(?:^|(?<=根据)|(?<=按照)|(?<=依照)|(?<=依据)|(?<=[，。？?；：]))"
                        r"((?![无非执守立司语书算手疗写玩效变不办方做想说看用合违依设])[\u4e00-\u9fff]法)"
                        r"(?=规定|第|里|中|对|是|自|[，,])")
# A name that opens with its place names a plan or rule without 《》 too: 广东省碳达峰实施方案 (not 住建部的方案).
_PLACE_LED_NAME = re.compile(r"(?:(?![的那这个么在各]|关于|印发|落实|贯彻|执行|按照|根据|制定|编制|出台|发布)[\u4e00-\u9fff“”]){2,30}?(?:实施方案|工作方案|行动方案|方案|规划|意见|办法|细则|纲要|计划)"
                             r"(?=第|中|里|的|对|有|是|要求|提出|明确|怎么|如何|什么|哪|\s|$|[？?，,。])")
# 温室气体自愿减排交易管理办法（试行）: any kind of document closed by （试行） or （暂行） is a name without 《》.
_TRIAL_NAME = re.compile(r"(?![部份项本])(?:(?![的那这个么在])[\u4e00-\u9fff“”]){2,30}?(?:办法|规定|细则|方案|规划|意见|标准|指南|目录|纲要|计划|措施)"
                         r"[（(](?:试行|暂行)[）)]")
_APPLYING = "根据|按照|依照|依据|遵照|对照|参照|执行|遵守|违反|落实|贯彻"  # verbs that apply, keep or break a law
# 根据能源法, 按照《…》: the words that introduce a document are not part of its name, nor the 年 left of a
# year that opens it (2018年宪法修正案).
_INTRODUCES = re.compile(rf"^年?(?:[这此本该]?次)?(?:{_APPLYING}|修改|修订|修正|按|依|据)?(?:现行的?|新修订的|修订后的)?")
# 传唤违反反间谍法的人: a name without 《》 starts after the verb that applies the law, wherever it stands.
_APPLIES = re.compile(rf"(?:{_APPLYING})(?=[\u4e00-\u9fff“”]{{2}})")
# 香港基本法第二十二条、第二十四条的解释: the articles after a law's name, and the interpretation of them, are
# the document named.
_ARTICLES_INTERPRETED = re.compile(INTERPRETED_ARTICLES + INTERPRETATION)
# 地方条例, 相关法规, 配套办法: a kind of document, named by no title; 本条例, 该法: the one being read.
# 规定本法: a verb before it reads no name into it.
_GENERIC_NAME = re.compile(r"^(?:规定|适用|违反|依照|按照|根据|依据)?(?:地方性?|相关|有关|配套|现行|上位|其他|专门|本|该|此|这部)"
                           r"(?:法律|法规|法|条例|办法|规定|细则|方案|规划|意见|政策)$")
# 国务院暂行条例, 住建部的方案: who issued it and its kind describe a document, they are no title.
_ISSUER_AND_KIND = re.compile(r"^(?:国务院|国家|中央|全国人大(?:常委会)?|[\u4e00-\u9fff]{1,4}[部委局厅])的?(?:暂行|试行)?"
                              r"(?:法律|法规|条例|办法|规定|细则|方案|规划|意见)$")
# 哪部老条例, 什么办法: the document asked for, not one named.
_ASKED_DOCUMENT = re.compile(r"哪|什么")
_ASKED_BEFORE = re.compile(r"(?:哪|什么)一?[部个项份本种]?$")
_KINDS = ("法", "条例", "办法", "规定", "细则", "方案", "规划", "意见", "决定", "决议", "修正案", "解释", "标准", "指南", "目录",
          "名录", "清单", "纲要", "计划", "措施")


@dataclass
class Scope:
    reading: Reading
    missing_places: list[Place] = field(default_factory=list)
    missing_documents: list[str] = field(default_factory=list)
    nearest: list[str] = field(default_factory=list)  # titles to offer when something is missing
    spoken_of: list[str] = field(default_factory=list)  # names the library lacks that a held document speaks of
    missing_numbers: list[str] = field(default_factory=list)  # 文号 of no document held, nor cited by a hit

    @property
    def message(self) -> str:
        """The Chinese sentence that says what the library lacks; empty when nothing is missing."""
        missing = [f"{p.name}的文件" for p in self.missing_places] + [f"《{_as_printed(d)}》" for d in self.missing_documents] \
            + [f"文号为{n}的文件" for n in self.missing_numbers]
        if not missing:
            return ""
        nearest = "、".join(f"《{t}》" for t in self.nearest[:3])
        return f"文库中没有{'、'.join(missing)}。" + (f"文库中最接近的文件：{nearest}。" if nearest else "")


def _as_printed(name: str) -> str:
    """A name read from the normalised question, with the full-width brackets titles are printed with: （试行）."""
    return name.replace("(", "（").replace(")", "）")


def scope_of(library, question: str, hits: list = ()) -> Scope:
    """What of the question the library (qa.engine's state: titles, regions, names) holds; hits (the
    question's search hits) show where a larger region's document speaks of a named place."""
    text = normalize(question)
    reading = read_question(text, list(library.names.keys))
    scope = Scope(reading)
    # A place inside the region of a document the question names by its title (上海市碳达峰实施方案 …宝山) is
    # a place that document speaks of.
    named_regions = [r for r, t in zip(library.regions, library.titles) if r is not None and normalize(t) in text]
    held = [p for p in reading.places
            if _covered(p, library, hits) or any(p.within(region) for region in named_regions)]
    # 江门市江海区: the city only says where the district is; the district's plan is the one asked about.
    # 宝山区 names a district of 上海 and one of 双鸭山: the one held is the one meant.
    held_names = {p.name for p in held}
    scope.missing_places = [p for p in reading.places if p not in held and p.name not in held_names
                            and not any(q != p and q.within(p) for q in held)]
    if scope.missing_places and len(scope.missing_places) == len(reading.places):
        scope.nearest = _nearest_titles(scope.missing_places[0], library)
    named_places = {place.code for place in reading.places}
    names = _document_names(text)
    # A decision that amends a law, a notice that issues a plan, holds that law or plan (TitleIndex.names).
    bracketed = re.findall(r"《([^》]*)》", text)
    missing = [name for name in names if not any(_held(tail, library.title_index.names, named_places,
                                                       loose=not any(name in inner for inner in bracketed))
                                                 or _held_in_region(tail, library) for tail in _tails(name))]
    missing = [name for name in missing if not _spoken_of_by_its_place(name, hits) and not _place_and_kind(name)]
    # 《城乡规划法》施行后，原来的《城市规划法》…: a document the held one speaks of is asked about through it.
    scope.missing_documents = [name for name in missing if len(missing) == len(names)
                               or not any(_bare(name) in normalize(hit.text) for hit in hits)]
    scope.spoken_of = [name for name in missing if name not in scope.missing_documents]
    # 国发〔2021〕23号 names one document: not held unless a document has it or a found clause cites it
    cited = {doc_number_key(m.group()) for hit in hits for m in DOC_NUMBER_PRINTED.finditer(_squeezed(hit.text))}
    known = library.doc_numbers | cited
    scope.missing_numbers = [m.group() for m in DOC_NUMBER_PRINTED.finditer(_squeezed(text))
                             if not any(doc_number_key(m.group()).endswith(key) for key in known)]
    scope.nearest = scope.nearest or list(dict.fromkeys(hit.document for hit in hits[:3]))
    return scope


def _squeezed(text: str) -> str:
    """Normalised, without the spaces pdftotext leaves inside a 文号 (苏建办［2021］66 号)."""
    return "".join(normalize(text).split())


def _covered(place: Place, library, hits: list) -> bool:
    """Some document is of this place or names it in its title; or of a city it lies in (台山's targets are in
    a 江门 plan); or of a province it lies in whose text the hits show speaking of it (甘孜州 in the 四川 plan).
    A 广东省 plan is no answer for 恩平, nor a 长沙 plan for 湖南省."""
    names = _names_of(place)
    # 《海南自由贸易港法》, a national law, is about 海南: a title naming the place covers it, unless the
    # document is of a place inside it (江门市江海区…方案 is no answer for 江门市)
    if any(any(name and name in normalize(title) for name in names) and (region is None or not region.within(place))
           for region, title in zip(library.regions, library.titles)):
        return True
    for region, title in zip(library.regions, library.titles):
        if region is None or not place.within(region):
            continue
        if region == place or len(region.code) > 2:
            return True
        if any(hit.document == title and any(name in hit.text for name in names) for hit in hits):
            return True
    return False


def _names_of(place: Place) -> set[str]:
    """The names a place goes by: 江门市 and 江门."""
    return {place.name, gazetteer().short_name(place)}


def _nearest_titles(place: Place, library) -> list[str]:
    """Titles of the documents whose region shares the longest code prefix with the place."""
    def shared(region: Place | None) -> int:
        if region is None:
            return 0
        return next((size for size in (6, 4, 2) if region.code[:size] == place.code[:size]), 0)
    scored = sorted(((shared(r), t) for r, t in zip(library.regions, library.titles)), key=lambda item: -item[0])
    return [title for score, title in scored if score > 0]


def _document_names(text: str) -> list[str]:
    found = []
    short = [match.group(1) for match in _SHORT_LAW.finditer(text)]
    for match in _DOCUMENT_NAME.finditer(text):
        name = match.group(1) or _INTRODUCES.sub("", _after_last(_APPLIES, match.group(2)))
        interpreted = _ARTICLES_INTERPRETED.match(text, match.end())
        name += interpreted.group() if interpreted else ""
        name = name.strip("“”")
        if _bare(name).endswith(_KINDS) and not _GENERIC_NAME.match(name) and not _ISSUER_AND_KIND.match(name) \
                and name not in found \
                and not _ASKED_DOCUMENT.search(name) and not _ASKED_BEFORE.search(text[:match.start()]):
            found.append(name)
    found += [name for name in short if not any(name in other for other in found)]
    for match in _TRIAL_NAME.finditer(re.sub(r"《[^》]*》", "》", text)):
        name = _INTRODUCES.sub("", match.group())
        if not any(name in other or other in name for other in found) and not _ASKED_DOCUMENT.search(name):
            found.append(name)
    for start, _, _ in gazetteer().find_words(text):
        match = _PLACE_LED_NAME.match(text, start)
        if match and not any(match.group() in name or name in match.group() for name in found):
            found.append(match.group())
    return found


def _after_last(pattern: re.Pattern, text: str) -> str:
    """text after the last match of pattern, or all of it."""
    ends = [match.end() for match in pattern.finditer(text)]
    return text[ends[-1]:] if ends else text


def law_cited_by_article(text: str) -> str | None:
    """The law whose article the question cites (香港基本法 in 香港基本法第二十四条第二款的立法原意); None when
    the article follows no name."""
    return next((_INTRODUCES.sub("", match.group(2) or "") or match.group(1) for match in _DOCUMENT_NAME.finditer(text)
                 if text.startswith("第", match.end())), None)


def is_titled(name: str, title: str) -> bool:
    """The title is the document this name names (not one that only carries it: 关于…香港基本法…的解释); a name
    without a place may leave out the title's (生态环境保护条例 for 福建省生态环境保护条例)."""
    title_places = {place.code for _, _, places in gazetteer().find(normalize(title)) for place in places}
    return _held(name, [title], title_places)


def _spoken_of_by_its_place(name: str, hits: list) -> bool:
    """澳门立法会产生办法 is a thing a document of 澳门 speaks of (…关于立法会产生办法的规定), not a missing document: a
    name opening with a place whose rest, 的 aside, a hit of that place's document says outside a 《》 title."""
    places = gazetteer().find(normalize(name))
    if not places or places[0][0] != 0:
        return False
    rest = normalize(name)[places[0][1]:].replace("的", "")
    names = {name for place in places[0][2] for name in _names_of(place) if name}
    return len(rest) >= 4 and any(
        any(n in normalize(hit.document) for n in names)
        and rest in re.sub(r"《[^》]*》", "", normalize(hit.text)).replace("的", "") for hit in hits[:5])


# 台山市政府, 江门市人民政府办公室: who stands behind a plan, not what it is about.
_BODY_WORDS = re.compile(r"(?:人民)?政府(?:办公室|办公厅)?|党委|的")
_KINDS_LONGEST_FIRST = sorted(_KINDS, key=len, reverse=True)  # 办法 before 法


def _place_and_kind(name: str) -> bool:
    """A name of a place and a kind of document only: 台山方案 (a short name of the plan the place holds, or
    no name at all: 台山市计划对…, the city planning something). Whether the place is held decides the answer,
    not this name."""
    rest = normalize(name)
    places = gazetteer().find(rest)
    if not places or places[0][0] != 0:
        return False
    for start, end, _ in reversed(places):
        rest = rest[:start] + rest[end:]
    kind = next((k for k in _KINDS_LONGEST_FIRST if rest.endswith(k)), "")
    return len(_BODY_WORDS.sub("", rest[:len(rest) - len(kind)])) < 2


def _tails(name: str) -> list[str]:
    """The name, and what follows a body's 对 in it: 全国人大常委会对香港基本法 names 香港基本法."""
    return [name] + [name[at + 1:] for at in range(2, len(name) - 3) if name[at] == "对"]


def _held(name: str, titles: list[str], named_places: set[str] = frozenset(), loose: bool = False) -> bool:
    """Some title is this document: most of the name's character pairs are in it, and it is of the same kind.
    A name without a place is of the places the question names beside it (深圳的绿色建筑条例); said without
    《》 and beside no place (绿色建筑条例施行后…), it may be any place's (loose)."""
    kind = next((k for k in _KINDS if _bare(name).endswith(k)), "")
    if not title_bigrams(name):
        return True
    return any(_bare(title).endswith(kind) and _same_places(name, title, named_places, loose)
               and _same_subject(name, title, kind) and not names_another_edition(name, title) for title in titles)


def _held_in_region(name: str, library) -> bool:
    """A document of the place the name opens with is of the name's kind and subject: 江海区碳达峰实施方案 is
    《江门市江海区碳达峰实施方案》, a 江苏省 意见 on 绿色城乡建设 is the 省住房城乡建设厅's."""
    places = gazetteer().find(normalize(name))
    if not places or places[0][0] != 0:
        return False
    kind = next((k for k in _KINDS if _bare(name).endswith(k)), "")
    return any(region is not None and region in places[0][2] and _bare(title).endswith(kind)
               and _same_subject(name, title, kind) for region, title in zip(library.regions, library.titles))


def _bare(title: str) -> str:
    """A title without its closing parenthesis ((试行), (2022-2025))."""
    return re.sub(r"[（(][^）)]*[）)]$", "", normalize(title))


def _same_places(name: str, title: str, named_places: set[str] = frozenset(), loose: bool = False) -> bool:
    """The same places, both ways: 广东省绿色建筑条例 is not 深圳经济特区绿色建筑条例, and a national
    《“十四五”可再生能源发展规划》 is not 四川省's; a loose name without places and beside none is any place's."""
    def codes(text: str) -> set[str]:
        return {place.code for _, _, places in gazetteer().find(normalize(text)) for place in places}
    held = codes(title)
    return codes(name) == held or (not codes(name) and (held == set(named_places) or (loose and not named_places)))


_NATIONAL_PREFIX = re.compile(r"^(?:中华人民共和国|国家|我国|中国)")


def _same_subject(name: str, title: str, kind: str) -> bool:
    """Most of what the name is about (without places and its kind) is what the title is about:
    深圳经济特区建筑节能条例 is not 深圳经济特区绿色建筑条例; a subject of one character is the title's whole
    subject: 水法 is not 能源法."""
    subject, title_subject = _subject_text(name, kind), _subject_text(title, kind)
    wanted = title_bigrams(subject)
    if not wanted:
        return subject in ("", title_subject)
    # A short subject is said whole: 湿地保护法 is not 耕地保护和质量提升法, though two of its three pairs are there.
    needed = len(wanted) if len(wanted) <= 3 else NAME_MATCH * len(wanted)
    return (len(wanted & title_bigrams(title_subject)) >= needed and not _other_modifier(subject, title_subject)) or \
        _shortened(subject, title_subject) or _words_kept(subject, title_subject)


def _other_modifier(subject: str, title_subject: str) -> bool:
    """水污染防治 is not 大气污染防治: what both say (污染防治) follows, in each, words the other does not use."""
    common = SequenceMatcher(None, subject, title_subject, autojunk=False).find_longest_match()
    if common.size < 2:
        return False
    before, title_before = subject[:common.a], title_subject[:common.b]
    return all(_MODIFIER.fullmatch(words) for words in (before, title_before)) and not set(before) & set(title_before)


# the words a subject opens with before what it shares with another (水, 大气, 城乡建设): not a preposition (对…法),
# nor a body with the 《title》 it speaks of (…常务委员会关于《…》)
_MODIFIER = re.compile(r"(?!对|关于|按照?|依照|根据)[\u4e00-\u9fff]{1,4}")


def _words_kept(short: str, full: str) -> bool:
    """降碳工作 for 推动降碳及发展低碳产业工作: a name shortened by leaving words out keeps two words or more of
    the full name whole and in order."""
    bounds = sorted(word_bounds(short))
    words = [short[start:end] for start, end in zip(bounds, bounds[1:]) if end - start >= 2]
    if len(words) < 2 or "".join(words) != short:
        return False
    position = 0
    for word in words:
        position = full.find(word, position)
        if position < 0:
            return False
        position += len(word)
    return True


def _shortened(short: str, full: str) -> bool:
    """地方组织(法) for 地方各级人民代表大会和地方各级人民政府组织(法), 全国人大组织 for 全国人民代表大会组织: a
    name shortened as people do keeps the full name's first two and last two characters, and the rest in order;
    a short one of two or three characters keeps one of each word (绿建 for 绿色建筑)."""
    if 2 <= len(short) <= 3 < len(full):  # 绿建 for (经济特区)绿色建筑: its words' first characters, the last in its last word
        rest = iter(full)
        return all(char in rest for char in short) and short[-1] in full[-2:]
    if len(short) < 4 or len(full) <= len(short) or short[:2] != full[:2] or short[-2:] != full[-2:]:
        return False
    rest = iter(full[2:-2])
    return all(char in rest for char in short[2:-2])


def _subject_text(text: str, kind: str) -> str:
    """The title without its kind, a national prefix (国家能源法 is 《中华人民共和国能源法》) and places."""
    bare = _bare(text)[:len(_bare(text)) - len(kind)] if kind else _bare(text)
    bare = _NATIONAL_PREFIX.sub("", bare)
    for start, end, _ in reversed(gazetteer().find(bare)):
        bare = bare[:start] + bare[end:]
    return bare
