"""A file's own properties (a .docx's core properties: title, author, category), used where the text
says nothing: the title when none is found, the issuer, the document type."""
from __future__ import annotations

import zipfile
from pathlib import Path
from xml.etree import ElementTree

from ingest.fields import TYPES
from ingest.metadata import is_org

_CORE = "docProps/core.xml"
_MAX_CORE_BYTES = 1 << 20
_NAMES = {"title": "title", "creator": "creator", "category": "category", "subject": "subject"}


def file_properties(path: Path, suffix: str) -> dict[str, str]:
    """title, issuer and doc_type from the file's properties, those it has; {} for other formats."""
    if suffix.lower() != ".docx":
        return {}
    core = _core_properties(path)
    found = {"title": core.get("title", "")}
    if is_org(core.get("creator", "")):  # an author is often a person or "Administrator"
        found["issuer"] = core["creator"]
    kind = next((v for v in (core.get("category", ""), core.get("subject", "")) if v in TYPES), "")
    found["doc_type"] = kind
    return {name: value for name, value in found.items() if value}


def _core_properties(path: Path) -> dict[str, str]:
    """The Dublin Core fields of docProps/core.xml by local name; {} when it is absent or unreadable."""
    try:
        with zipfile.ZipFile(path) as archive:
            if archive.getinfo(_CORE).file_size > _MAX_CORE_BYTES:
                return {}
            root = ElementTree.fromstring(archive.read(_CORE))
    except (KeyError, OSError, zipfile.BadZipFile, ElementTree.ParseError):
        return {}
    values = {element.tag.rsplit("}", 1)[-1]: (element.text or "").strip() for element in root}
    return {name: values[tag] for tag, name in _NAMES.items() if values.get(tag)}
