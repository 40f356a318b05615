"""Document metadata read from the text: title, 文号, 发布机构, 成文日期, 发布日期."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.clean import TITLE_KINDS, cleaned_lines, normalise_text, plain_lines, split_front_matter, tidy_line
from ingest.structure import find_marker

_LABELLED = re.compile(r"^(发布机构|发文机关|成文日期|发布日期|文号|发文字号)\s*[:：]\s*(.+)$")
_NUMBER = r"\d{1,4}"
_DOC_NUMBER = re.compile(rf"([\u4e00-\u9fff]{{1,12}})\s*[〔\[［【(（]\s*(\d{{4}})\s*[〕\]］】)）]\s*第?\s*({_NUMBER})\s*号")
_NUMBER_LINE = re.compile(rf"^[（(]?\s*{_DOC_NUMBER.pattern}\s*[）)]?$")
_ORDER = re.compile(rf"^(?:中华人民共和国)?([\u4e00-\u9fff]{{2,20}}令)\s*[（(]?\s*第\s*({_NUMBER})\s*号\s*[）)]?$")
_ORDER_ALONE = re.compile(rf"^[（(]?\s*第\s*({_NUMBER})\s*号\s*[）)]?$")
_DATE = re.compile(r"(\d{4})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})\s*日?")
_DATE_LINE = re.compile(rf"^{_DATE.pattern}$")
_MONTH_LINE = re.compile(r"^(\d{4})年(\d{1,2})月$")
_ISSUED = re.compile(rf"^(?:\S{{0,30}}?){_DATE.pattern}\s*印发$")
# 2024年11月8日 第十四届全国人民代表大会常务委员会第十二次会议通过; in brackets under a law's title
_ADOPTED = re.compile(rf"^[（(]?{_DATE.pattern}\s*(\S*?)第[一二三四五六七八九十百]+届(\S+?)第[一二三四五六七八九十百]+次会议")
_ORG_ENDS = "人民政府|政府|委员会|人大常委会|部|厅|局|院|办公室|办公厅|委|中心|署|银行|支行|公司|管委会"
_ORG = re.compile(rf"({_ORG_ENDS})$")
_BODY_WORDS = r"[^，。；：《》“”]{2,40}?"  # the words of a body's name before its ending, at the start of a line
_NOTICE_ISSUER = re.compile(rf"^({_BODY_WORDS}(?:{_ORG_ENDS}|等\s*\d+\s*个?部门))关于印发")
_TITLE_ISSUER = re.compile(rf"^({_BODY_WORDS}(?:{_ORG_ENDS}))关于.+的(?:决定|解释|决议|规定|意见|通知|批复)$")
_TITLE_KIND = rf"({TITLE_KINDS})"
_TITLE = re.compile(rf"^[^，。；：,;:]{{3,60}}{_TITLE_KIND}([（(][^）)]{{1,20}}[）)])?$")
_WRAPPED_TITLE = re.compile(r"印发\s*《?(.+?)》?\s*的通知")
_MD_TITLE = re.compile(r"^#[ \t]+(.+?)[ \t#]*$")
_BLOCK_END = re.compile(r"[。！？；：!?;:][”’）)》]*$")
_NOTE = re.compile(r"^[（(][^（()）]*[）)]$")  # a bracketed line: （本文有删减） （国发〔2021〕23号）
_NOT_IN_TITLE = re.compile(r"[，。；：！？,;:]")
_CJK_CHAR = re.compile(r"[\u4e00-\u9fff]")
_HEAD_LINES = 80  # a title stands near the top; a flattened table may have no numbered heading at all
_HEAD_CHARS = 40_000  # enough for _HEAD_LINES of any sane document
_TITLE_PARTS = 3  # a PDF breaks a title over at most this many lines
_FIRST_HEADING_RANK = 4  # 第一编 … 第一条, 一、


@dataclass
class Metadata:
    title: str
    doc_number: str = ""
    issuer: str = ""
    date_written: str = ""
    date_published: str = ""


def extract_metadata(raw: str, head: list[str], fallback_title: str) -> Metadata:
    """Metadata from raw text; head is the cleaned paragraphs before the first numbered heading."""
    front, body = split_front_matter(raw)
    lines = plain_lines(body)
    fields = labelled_fields(lines)
    adopted = find_adoption(head + lines[:40])
    title = tidy_line(normalise_text(front.get("title", ""))) or find_title(body) or fallback_title
    return Metadata(
        title=title,
        doc_number=_normalise_number(fields.get("文号") or fields.get("发文字号") or find_doc_number(lines[:80])),
        issuer=fields.get("发布机构") or fields.get("发文机关") or _adopting_body(adopted) or find_issuer(lines)
        or notice_issuer(head[:3]) or title_issuer(title),
        date_written=_date_written(fields, adopted, lines),
        date_published=iso_date(fields.get("发布日期") or _issued_date(lines)),
    )


def _date_written(fields: dict[str, str], adopted: re.Match[str] | None, lines: list[str]) -> str:
    """成文日期: labelled on a web page, a law's adoption, a signature date, or the month on a plan's cover."""
    written = fields.get("成文日期") or (adopted.group(0) if adopted else "") or _date_line(lines)
    return iso_date(written) or cover_month(lines[:10])


def labelled_fields(lines: list[str]) -> dict[str, str]:
    """The 'label： value' fields of a government web page header (first occurrence wins)."""
    found: dict[str, str] = {}
    for line in lines[:60]:
        match = _LABELLED.match(line)
        if match and match.group(2).strip():
            found.setdefault(match.group(1), match.group(2).strip())
    return found


def iso_date(text: str) -> str:
    """2024年9月28日 or 2024-9-28 → 2024-09-28; "" when text holds no date."""
    match = _DATE.search(text or "")
    if not match:
        return ""
    year, month, day = (int(part) for part in match.groups())
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return ""
    return f"{year:04d}-{month:02d}-{day:02d}"


def find_doc_number(lines: list[str]) -> str:
    """A 文号 standing on its own line (台府〔2024〕9号, （国发〔2021〕23 号）) or an order (生态环境部令第19号)."""
    for index, line in enumerate(lines):
        match = _NUMBER_LINE.match(line)
        if match:
            return _DOC_NUMBER.search(line).group(0)
        match = _ORDER.match(line)
        if match:
            return f"{match.group(1)}第{match.group(2)}号"
        following = lines[index + 1] if index + 1 < len(lines) else ""
        order = _ORDER_ALONE.match(following)
        if line.endswith("令") and order and 2 <= len(line) <= 24:
            return f"{line.removeprefix('中华人民共和国')}第{order.group(1)}号"
    return ""


def _normalise_number(text: str) -> str:
    """Spaces out, the year in 〔〕: 国发〔2021〕23 号 → 国发〔2021〕23号."""
    text = re.sub(r"\s+", "", text or "")
    match = _DOC_NUMBER.fullmatch(text)
    if match:
        return f"{match.group(1)}〔{match.group(2)}〕{match.group(3)}号"
    return text


def _date_line(lines: list[str]) -> str:
    """The first line that is only a date (a signature date)."""
    return next((line for line in lines if _DATE_LINE.match(line)), "")


def cover_month(lines: list[str]) -> str:
    """The year and month alone on a plan's cover: 2022年3月 → 2022-03."""
    for line in lines:
        match = _MONTH_LINE.match(line)
        if match and 1 <= int(match.group(2)) <= 12:
            return f"{int(match.group(1)):04d}-{int(match.group(2)):02d}"
    return ""


def find_adoption(lines: list[str]) -> re.Match[str] | None:
    """A law's adoption line: its date and the people's congress that adopted it."""
    return next((match for line in lines if (match := _ADOPTED.match(line))), None)


def _adopting_body(adopted: re.Match[str] | None) -> str:
    return adopted.group(4) + adopted.group(5) if adopted else ""


def notice_issuer(lines: list[str]) -> str:
    """The issuers naming themselves in a notice title: 长沙市住房和城乡建设局等12部门关于印发… ."""
    return next((match.group(1) for line in lines if (match := _NOTICE_ISSUER.match(line))), "")


def title_issuer(title: str) -> str:
    """The body a decision's or interpretation's title opens with: 全国人民代表大会常务委员会关于…的解释."""
    match = _TITLE_ISSUER.match(title)
    return match.group(1) if match else ""


def _issued_date(lines: list[str]) -> str:
    for line in lines:
        if _ISSUED.match(line):
            return line
    return ""


def find_issuer(lines: list[str]) -> str:
    """The signature above the first date line, a 文件 header or a 令 heading."""
    for index, line in enumerate(lines):
        if _DATE_LINE.match(line) and index > 0 and is_org(lines[index - 1]):
            return _signature(lines[:index])
    for line in lines[:20]:
        if line.endswith("文件") and 4 <= len(line) <= 30:
            return line.removesuffix("文件")
        if line.endswith("令") and 4 <= len(line) <= 24:
            return line.removeprefix("中华人民共和国").removesuffix("令")
    return ""


def is_org(line: str) -> bool:
    """A short line naming an office: …人民政府, …委员会, …局."""
    return len(line) <= 30 and bool(_ORG.search(line)) and not re.search(r"[，。；：]", line)


def _signature(lines: list[str]) -> str:
    """The issuers signing above a date: one, or the first of several followed by 等."""
    block: list[str] = []
    for line in reversed(lines):
        if re.search(r"\.(rar|zip|docx?|pdf|xlsx?|wps)$", line):
            continue  # an attachment link inside the signature block of a web page
        if not is_org(line) and not (block and len(line) <= 12 and not re.search(r"[，。；：]", line)):
            break
        block.insert(0, line)
    orgs = [line for line in block if is_org(line)]
    return orgs[0] + (" 等" if len(orgs) > 1 else "")


def find_title(raw: str) -> str:
    """The title in the head of raw text (before its first numbered heading): a Markdown # heading, else a
    title line (joined when the PDF broke it), the plan's own rather than the 关于印发…的通知 around it, else
    the first line that reads like a title; "" when there is none."""
    source, lines = title_lines(raw)
    title = choose_title(markdown_titles(source)) or choose_title(title_candidates(lines)) or title_like_line(lines)
    return title.replace("(", "（").replace(")", "）")  # a Chinese title's brackets are full-width: 办法（试行）


def title_lines(raw: str) -> tuple[list[str], list[str]]:
    """The head's lines as written (Markdown kept) and tidied ("" for blank or boilerplate lines)."""
    source = normalise_text(raw[:_HEAD_CHARS]).split("\n")[:_HEAD_LINES]
    lines = cleaned_lines("\n".join(source))
    end = next((index for index, line in enumerate(lines) if _opens_body(line)), len(lines))
    return source[:end], lines[:end]


def _opens_body(line: str) -> bool:
    """一、 第一章 第一条 …: the first numbered heading, where the head ends."""
    marker = find_marker(line)
    return marker is not None and marker.number == 1 and marker.rank <= _FIRST_HEADING_RANK


def markdown_titles(source: list[str]) -> list[str]:
    """The level-1 headings (# 标题) of Markdown text, without letterheads (…文件) and numbered headings."""
    titles = [tidy_line(match.group(1)) for line in source if (match := _MD_TITLE.match(line))]
    return [title for title in titles if title and not title.endswith("文件") and find_marker(title) is None]


def title_candidates(lines: list[str]) -> list[str]:
    """Lines that read like a title where a block starts; a title broken over lines counts once, joined."""
    found: list[str] = []
    for index, line in enumerate(lines):
        if line and _starts_block(lines[index - 1] if index else ""):
            title = _longest_title(lines[index:index + _TITLE_PARTS])
            if title:
                found.append(title)
    return found


def _starts_block(previous: str) -> bool:
    """Whether the line after previous may open a title: after a blank line, a sentence, a date, a 文号 or an issuer."""
    return not previous or bool(_BLOCK_END.search(previous) or _DATE_LINE.match(previous) or _NOTE.match(previous)
                                or _NUMBER_LINE.match(previous)) or is_org(previous)


def _longest_title(lines: list[str]) -> str:
    """The longest run of lines from the first that joins into a title; "" when none does."""
    title = ""
    for count, line in enumerate(lines, 1):
        if not line or _DATE.search(line) or _DOC_NUMBER.search(line) or count == 1 and _NOTE.match(line):
            break
        joined = "".join(lines[:count])
        if _TITLE.match(joined) and _balanced(joined):
            title = joined
    return title


def _balanced(text: str) -> bool:
    return text.count("《") == text.count("》") and text.count("（") + text.count("(") == text.count("）") + text.count(")")


def choose_title(candidates: list[str]) -> str:
    """The document's own title rather than a 关于印发《X》的通知 around it: X when the text holds X as a
    title too, else the first own title, else the X a notice names, else the first candidate."""
    own = [c for c in candidates if "印发" not in c and not c.startswith("关于") and not c.endswith("通知")]
    named = [match.group(1) for c in candidates if (match := _WRAPPED_TITLE.search(c))]
    in_both = [title for title in own if title in named]
    return next(iter(in_both or own or named or candidates), "")


def title_like_line(lines: list[str]) -> str:
    """The first line that could be a title though it names no document kind (a catalogue, a table)."""
    return next((line for line in lines if _could_be_title(line)), "")


def _could_be_title(line: str) -> bool:
    if len(_CJK_CHAR.findall(line)) < 4 or len(line) > 60 or _NOT_IN_TITLE.search(line):
        return False
    return not (_DATE.search(line) or _DOC_NUMBER.search(line) or line.endswith("文件") or find_marker(line))
