"""The two records every part of the product shares: a document and one of its clauses."""
from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass


DETAILS = ("doc_type", "level", "region", "date_effective", "status")


@dataclass
class Document:
    doc_id: str
    title: str
    source: str
    doc_number: str = ""
    issuer: str = ""
    date_written: str = ""
    date_published: str = ""
    sha256: str = ""
    text: str = ""  # the cleaned full text; clause spans point into it
    clauses: int = 0
    # filters and validity (ingest.fields); edited names the fields a user set, which a re-import keeps
    doc_type: str = ""
    level: str = ""
    region: str = ""
    date_effective: str = ""
    status: str = ""
    repeals: str = ""  # titles and 文号 of the documents its text repeals, one a line
    edited: str = ""  # field names, comma-separated

    def summary(self) -> dict:
        """The public JSON form of `python -m ingest docs` (without the full text), as it always was."""
        row = asdict(self)
        for name in ("text", "sha256", *DETAILS, "repeals", "edited"):
            row.pop(name)
        return row

    def details(self) -> dict:
        """Every field a user may read: the summary, the filter fields, and which fields a user set."""
        row = self.summary() | {name: getattr(self, name) for name in DETAILS}
        row["edited"] = self.edited_fields()
        return row

    def edited_fields(self) -> list[str]:
        return [name for name in self.edited.split(",") if name]


@dataclass
class Clause:
    id: str
    doc_id: str
    document: str  # the document's title
    source: str  # the file name it came from
    clause: str  # citation path, e.g. 二、（四）11 or 第三章 第十五条
    heading: str  # the headings above the clause, joined with " > "
    text: str  # clean clause text, its own heading included
    start: int  # character span in the cleaned document text
    end: int
    seq: int = 0  # position of the clause in its document

    @property
    def citation(self) -> str:
        return citation(self.document, self.clause)

    def to_json(self) -> dict:
        return asdict(self)


def clause_hash(clause: Clause) -> str:
    """SHA-1 (12 hex digits) of what the index reads of a clause, its title and headings and its text
    (index.builder.passage_text): the store keeps it, so the index tells changed clauses from kept ones
    without reading their text."""
    text = f"{clause.document} {clause.heading}\n{clause.text}"
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def clause_id(doc_id: str, seq: int) -> str:
    return f"{doc_id}:{seq:04d}"


def doc_id_of(clause_id: str) -> str:
    """The document part of a clause id (doc ids hold no colon)."""
    return clause_id.rsplit(":", 1)[0]


def citation(document: str, clause: str) -> str:
    """The one citation format: 《title》 clause path."""
    return f"《{document}》 {clause}".rstrip()
