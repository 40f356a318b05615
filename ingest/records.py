"""The two records every part of the product shares: a document and one of its clauses."""
from __future__ import annotations

from dataclasses import asdict, dataclass


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

    def summary(self) -> dict:
        """The public JSON form (without the full text)."""
        row = asdict(self)
        row.pop("text")
        row.pop("sha256")
        return row


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


def clause_id(doc_id: str, seq: int) -> str:
    return f"{doc_id}:{seq:04d}"


def doc_id_of(clause_id: str) -> str:
    """The document part of a clause id (doc ids hold no colon)."""
    return clause_id.rsplit(":", 1)[0]


def citation(document: str, clause: str) -> str:
    """The one citation format: 《title》 clause path."""
    return f"《{document}》 {clause}".rstrip()
