"""Document metadata read from the text: title, 文号, 发布机构, 成文日期, 发布日期."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.clean import TITLE_KINDS, plain_lines

_LABELLED = re.compile(r"^(发布机构|发文机关|成文日期|发布日期|文号|发文字号)\s*[:：]\s*(.+)$")
_NUMBER = r"\d{1,4}"
_DOC_NUMBER = re.compile(rf"([\u4e00-\u9fff]{{1,12}})\s*[〔\[［【(（]\s*(\d{{4}})\s*[〕\]］】)）]\s*第?\s*({_NUMBER})\s*号")
_NUMBER_LINE = re.compile(rf"^[（(]?\s*{_DOC_NUMBER.pattern}\s*[）)]?$")
_ORDER = re.compile(rf"^(?:中华人民共和国)?([\u4e00-\u9fff]{{2,20}}令)\s*[（(]?\s*第\s*({_NUMBER})\s*号\s*[）)]?$")
_ORDER_ALONE = re.compile(rf"^[（(]?\s*第\s*({_NUMBER})\s*号\s*[）)]?$")
_DATE = re.compile(r"(\d{4})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})\s*日?")
_DATE_LINE = re.compile(rf"^{_DATE.pattern}$")
_ISSUED = re.compile(rf"^(?:\S{{0,30}}?){_DATE.pattern}\s*印发$")
_ADOPTED = re.compile(rf"^{_DATE.pattern}\s*(\S+?)第[一二三四五六七八九十百]+届(\S+?)第[一二三四五六七八九十百]+次会议")
_ORG = re.compile(r"(人民政府|政府|委员会|人大常委会|部|厅|局|院|办公室|办公厅|委|中心|署|银行|支行|公司|管委会)$")
_TITLE_KIND = rf"({TITLE_KINDS})"
_TITLE = re.compile(rf"^[^，。；：,;:]{{3,60}}{_TITLE_KIND}([（(][^）)]{{1,20}}[）)])?$")
_WRAPPED_TITLE = re.compile(r"印发.*?《(.+?)》")


@dataclass
class Metadata:
    title: str
    doc_number: str = ""
    issuer: str = ""
    date_written: str = ""
    date_published: str = ""


def extract_metadata(raw: str, head: list[str], fallback_title: str) -> Metadata:
    """Metadata from raw text; head is the cleaned paragraphs before the first numbered heading."""
    lines = plain_lines(raw)
    fields = labelled_fields(lines)
    written = fields.get("成文日期") or _date_line(lines)
    return Metadata(
        title=find_title(head) or fallback_title,
        doc_number=_normalise_number(fields.get("文号") or fields.get("发文字号") or find_doc_number(lines[:80])),
        issuer=fields.get("发布机构") or fields.get("发文机关") or find_issuer(lines),
        date_written=iso_date(written),
        date_published=iso_date(fields.get("发布日期") or _issued_date(lines)),
    )


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
    """The first line that is only a date (a signature date), or a law's adoption date."""
    for line in lines:
        if _DATE_LINE.match(line) or _ADOPTED.match(line):
            return line
    return ""


def _issued_date(lines: list[str]) -> str:
    for line in lines:
        if _ISSUED.match(line):
            return line
    return ""


def find_issuer(lines: list[str]) -> str:
    """The signature above the first date line, a 文件 header, a 令 heading, or a people's congress."""
    for index, line in enumerate(lines):
        adopted = _ADOPTED.match(line)
        if adopted:
            return adopted.group(4) + adopted.group(5)
        if _DATE_LINE.match(line) and index > 0 and _is_org(lines[index - 1]):
            return _signature(lines[:index])
    for line in lines[:20]:
        if line.endswith("文件") and 4 <= len(line) <= 30:
            return line.removesuffix("文件")
        if line.endswith("令") and 4 <= len(line) <= 24:
            return line.removeprefix("中华人民共和国").removesuffix("令")
    return ""


def _is_org(line: str) -> bool:
    return len(line) <= 30 and bool(_ORG.search(line)) and not re.search(r"[，。；：]", line)


def _signature(lines: list[str]) -> str:
    """The issuers signing above a date: one, or the first of several followed by 等."""
    block: list[str] = []
    for line in reversed(lines):
        if re.search(r"\.(rar|zip|docx?|pdf|xlsx?|wps)$", line):
            continue  # an attachment link inside the signature block of a web page
        if not _is_org(line) and not (block and len(line) <= 12 and not re.search(r"[，。；：]", line)):
            break
        block.insert(0, line)
    orgs = [line for line in block if _is_org(line)]
    return orgs[0] + (" 等" if len(orgs) > 1 else "")


def find_title(head: list[str]) -> str:
    """The document's own title among the lines before its first heading, not the 关于印发…的通知 around it."""
    candidates = _title_candidates(head[:40])
    own = [c for c in candidates if "印发" not in c and not c.startswith("关于") and not c.endswith("通知")]
    if own:
        return own[-1]
    for candidate in candidates:
        wrapped = _WRAPPED_TITLE.search(candidate)
        if wrapped:
            return wrapped.group(1)
    return candidates[0] if candidates else ""


def _title_candidates(lines: list[str]) -> list[str]:
    """Lines that read like a title; a title broken over two lines counts once, joined."""
    found: list[str] = []
    for index, line in enumerate(lines):
        joined = line + lines[index + 1] if index + 1 < len(lines) else ""
        if _TITLE.match(line):
            found.append(line)
        elif joined and _TITLE.match(joined) and len(line) <= 40:
            found.append(joined)
    return [re.sub(r"\s+", "", c) if re.search(r"[\u4e00-\u9fff]\s+\d|\d\s+[\u4e00-\u9fff]", c) else c for c in found]
