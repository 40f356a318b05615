"""The filter and validity fields of a document read at ingest (type, level, region, 施行日期, what it
repeals), and the library's statuses brought up to date after documents come or go."""
from __future__ import annotations

from ingest.fields import document_type
from ingest.records import Document
from ingest.region import level_and_region
from ingest.validity import effective_date, library_statuses, repealed_names


def add_details(document: Document, properties: dict[str, str] | None = None) -> Document:
    """Fill the fields read from the title, issuer and text; the file's own properties (a .docx's
    category) where the text says nothing. The status is the library's, set by refresh_statuses."""
    properties = properties or {}
    document.doc_type = document_type(document.title) or properties.get("doc_type", "")
    document.level, document.region = level_and_region(document.title, document.issuer)
    document.date_effective = effective_date(document.text, document.date_published or document.date_written)
    document.repeals = "\n".join(repealed_names(document.text))
    return document


def refresh_statuses(store) -> None:
    """Each document's status from the texts of the whole library, except where a user set it."""
    documents = store.facts()
    statuses = library_statuses(documents)
    store.set_statuses({d.doc_id: statuses[d.doc_id] for d in documents if statuses[d.doc_id] != d.status})
