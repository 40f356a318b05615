"""Which documents a search may draw on, by their fields: issuer, level, region, type, date range and
validity. The documents kept, and those --doc names, become a row mask before ranking (allowed_rows)."""
from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date
from typing import TYPE_CHECKING

import numpy as np

from index.tokenize import normalize
from ingest.fields import AMENDED, LABELS, REPEALED, checked_date, checked_value
from ingest.validity import status_today
from qa.query import spells_out_title
from qa.question import QueryError

if TYPE_CHECKING:
    from ingest.store import Store
    from qa.library import Library


@dataclass(frozen=True)
class DocFilter:
    """Empty fields filter nothing; 已废止 documents are left out unless include_repealed, and the older
    editions (已修订) of a title unless all_editions: the newest edition is the default."""
    issuer: str = ""
    level: str = ""
    region: str = ""
    doc_type: str = ""
    since: str = ""  # ISO dates, both ends included, compared with the document's date (document_date)
    until: str = ""
    include_repealed: bool = False
    all_editions: bool = False

    @classmethod
    def checked(cls, include_repealed: bool = False, all_editions: bool = False, **given: str | None) -> DocFilter:
        """A filter from what a user typed; ingest.fields.FieldError names a value it does not accept."""
        values = {name: (value or "").strip() for name, value in given.items()}
        for name in ("level", "doc_type"):
            values[name] = checked_value(name, values.get(name, ""))
        for name, label in (("since", "起始日期"), ("until", "截止日期")):
            values[name] = checked_date(values[name], label) if values.get(name) else ""
        return cls(include_repealed=include_repealed, all_editions=all_editions, **values)

    @property
    def narrows(self) -> bool:
        """Whether it asks for anything beyond leaving out repealed documents."""
        return any(getattr(self, f.name) for f in fields(self) if f.name not in ("include_repealed", "all_editions"))

    def keeps(self, document, today: str) -> bool:
        """Whether the document (an ingest.records.Document, its text not needed) passes every field."""
        status = current_status(document, today)
        if (status == REPEALED and not self.include_repealed) or (status == AMENDED and not self.all_editions):
            return False
        if self.issuer and normalize(self.issuer) not in normalize(document.issuer):
            return False
        if self.region and normalize(self.region) not in normalize(document.region):
            return False
        if (self.level and document.level != self.level) or (self.doc_type and document.doc_type != self.doc_type):
            return False
        return self._in_range(document_date(document))

    def _in_range(self, when: str) -> bool:
        if not (self.since or self.until):
            return True
        # a month (2022-03) is within a range that holds any of its days
        return bool(when) and (not self.since or when >= self.since[:len(when)]) and \
            (not self.until or when <= self.until)


def document_date(document) -> str:
    """The date a date range is compared with: 发布日期, else 成文日期, else 施行日期."""
    return next((getattr(document, name) for name in ("date_published", "date_written", "date_effective")
                 if getattr(document, name)), "")


def current_status(document, today: str | None = None) -> str:
    """The document's status today (a 尚未施行 read from its text ends on its 施行日期)."""
    return status_today(document.status, document.date_effective, "status" in document.edited_fields(),
                        today or date.today().isoformat())


def describe(doc_filter: DocFilter) -> str:
    """The filter in words, for the notice when no document passes it."""
    names = ("issuer", "level", "region", "doc_type")
    parts = [f"{LABELS[name]}“{getattr(doc_filter, name)}”" for name in names if getattr(doc_filter, name)]
    if doc_filter.since or doc_filter.until:
        parts.append(f"日期 {doc_filter.since or '…'} 至 {doc_filter.until or '…'}")
    return "、".join(parts) or "现行文件"


def kept_documents(facts: dict, filters: DocFilter) -> set[str] | None:
    """The ids of the documents (facts: by doc id) the filters keep; None when they keep every one."""
    today = date.today().isoformat()
    kept = {doc_id for doc_id, document in facts.items() if filters.keeps(document, today)}
    return None if len(kept) == len(facts) else kept


class KeptDocuments:
    """kept_documents, remembered for the last facts dict, filters and day it was asked about: a search
    asks it every time, and with tens of thousands of documents it costs more than the ranking. With it, the
    repealed documents left out (id → title), which a question may still name (with_repealed_named)."""

    def __init__(self):
        self._last: tuple = (None, None, "", None, {})

    def __call__(self, facts: dict, filters: DocFilter) -> set[str] | None:
        today = date.today().isoformat()
        last_facts, last_filters, last_day, kept, _ = self._last
        if last_facts is not facts or last_filters != filters or last_day != today:
            kept = kept_documents(facts, filters)
            repealed = {} if kept is None or filters.narrows else {
                doc_id: document.title for doc_id, document in facts.items()
                if doc_id not in kept and current_status(document, today) == REPEALED}
            self._last = (facts, filters, today, kept, repealed)
        return kept

    def with_repealed_named(self, kept: set[str] | None, question: str) -> set[str] | None:
        """The kept documents and the repealed ones left out whose whole title the question spells (按大气污染防治法,
        after a code replaced it): a user who names a repealed law asks about that law; the hit shows it 已废止."""
        repealed = self._last[4]
        named = {doc_id for doc_id, title in repealed.items() if spells_out_title(question, title)}
        return kept | named if named else kept


def allowed_rows(store: Store, library: Library, doc_filters, exclude_doc_ids,
                 kept: set[str] | None = None) -> np.ndarray | None:
    """A row mask for --doc filters, excluded documents and the documents the field filters keep; None
    when every row is allowed. QueryError for a --doc filter no document matches."""
    if not doc_filters and not exclude_doc_ids and kept is None:
        return None
    wanted = set(library.doc_ids) if kept is None else set(library.doc_ids) & kept
    for text in doc_filters:
        found = {d.doc_id for d in store.find_documents(text)}
        if not found:
            titles = "; ".join(d.title for d in store.documents()[:10])
            raise QueryError(f"没有文件与“{text}”相符（按标题、编号或文件名匹配）；文库中的文件：{titles}")
        wanted &= found
    wanted -= set(exclude_doc_ids)
    return library.rows_of(wanted)
