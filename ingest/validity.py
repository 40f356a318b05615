"""Whether a document is in force: its 施行日期 and the documents it repeals, read from its text, and
each document's status in the library (现行有效 / 已修订 / 已废止 / 尚未施行)."""
from __future__ import annotations

import re
from datetime import date

from ingest.fields import AMENDED, IN_FORCE, NOT_YET, REPEALED
from ingest.metadata import iso_date

_DATE = r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
_IN_FORCE_FROM = re.compile(rf"自\s*({_DATE}|印发之日|发布之日|公布之日|颁布之日)\s*起\s*(?:施行|实施|执行|生效)")
# the titles (each with its bracketed 文号, if any) standing right before or after 废止: …施行，《X》（国发〔2010〕1号）
# 同时废止; 同时废止《X》和《Y》; not a title further back in the sentence (根据《…决定》修正的《X》同时废止)
_RUN = r"(?:《[^《》]{2,80}》\s*(?:[（(][^（）()]{0,40}[）)])?\s*[、和及与]?\s*){1,20}"
_REPEALS = re.compile(rf"({_RUN})(?:同时|即行|予以|一并)?废止|废止\s*({_RUN})")
_TITLE = re.compile(r"《([^《》]{2,80})》")
_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,12}\s*[〔\[［【(（]\s*\d{4}\s*[〕\]］】)）]\s*第?\s*\d{1,4}\s*号")
_OFFICIAL = re.compile(r"^中华人民共和国")


def effective_date(text: str, published: str = "") -> str:
    """The date the text says it takes effect (the last 自…起施行 in it); the publication date where it
    takes effect on publication; "" when it says neither."""
    found = list(_IN_FORCE_FROM.finditer(text or ""))
    if not found:
        return ""
    when = found[-1].group(1)
    return iso_date(when) if when[0].isdigit() else published


def repealed_names(text: str) -> list[str]:
    """The titles and 文号 of the documents the text repeals (《X》同时废止, 同时废止《X》（国发〔2010〕1号）)."""
    names: list[str] = []
    for match in _REPEALS.finditer(re.sub(r"\s*\n\s*", "", text or "")):  # a PDF's line breaks inside a title
        run = match.group(1) or match.group(2)
        names += _TITLE.findall(run) + [re.sub(r"\s+", "", number) for number in _NUMBER.findall(run)]
    return list(dict.fromkeys(names))


def same_title(title: str) -> str:
    """A title as compared across editions and repeal notices: no 中华人民共和国, no spaces, no 《》."""
    return _OFFICIAL.sub("", re.sub(r"[\s《》]", "", title or ""))


def library_statuses(documents: list, today: str | None = None) -> dict[str, str]:
    """doc_id -> status from the texts alone: repealed by another document, replaced by a later edition of
    the same title, not yet in force, else in force. documents need doc_id, title, doc_number, repeals
    (names, one a line) and the three dates."""
    today = today or date.today().isoformat()
    repealed = _repealed_ids(documents)
    amended = _older_editions(documents)
    statuses = {}
    for document in documents:
        if document.doc_id in repealed:
            statuses[document.doc_id] = REPEALED
        elif document.doc_id in amended:
            statuses[document.doc_id] = AMENDED
        else:
            statuses[document.doc_id] = NOT_YET if document.date_effective > today else IN_FORCE
    return statuses


def _repealed_ids(documents: list) -> set[str]:
    """The documents another one names as repealed, by title or 文号."""
    named: dict[str, set[str]] = {}  # a title or 文号 -> the documents it names
    for document in documents:
        for name in {same_title(document.title), document.doc_number} - {""}:
            named.setdefault(name, set()).add(document.doc_id)
    found = set()
    for repealing in documents:
        for name in filter(None, (repealing.repeals or "").split("\n")):
            found |= named.get(same_title(name), set()) - {repealing.doc_id}
    return found


def _older_editions(documents: list) -> set[str]:
    """Documents with the same title as another that is dated later (施行, else 发布, else 成文日期)."""
    by_title: dict[str, list] = {}
    for document in documents:
        by_title.setdefault(same_title(document.title), []).append(document)
    older = set()
    for editions in by_title.values():
        latest = max(edition_date(d) for d in editions)
        older |= {d.doc_id for d in editions if edition_date(d) and edition_date(d) < latest}
    return older


def edition_date(document) -> str:
    return document.date_effective or document.date_published or document.date_written


def status_today(status: str, date_effective: str, edited: bool, today: str | None = None) -> str:
    """A stored 尚未施行 that was read from the text becomes 现行有效 once its date has come."""
    today = today or date.today().isoformat()
    if status == NOT_YET and not edited and date_effective and date_effective <= today:
        return IN_FORCE
    return status or IN_FORCE
