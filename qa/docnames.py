"""Which documents a question names ("台山…", "江海区…", "国务院…"), derived from the titles and
issuers of the documents in the store, so that a new document is recognised without a list."""
from __future__ import annotations

import json
import os
import re
from pathlib import Path

from index.tokenize import Analyzer, normalize
from ingest.records import Document

ADMIN_BODY = re.compile(r"(国务院|部|委|局|厅|署|办公室|办公厅|人民政府|委员会|分局)$")
ISSUER_MARK = "\u0000"  # between title and issuer in the cached key text
MIN_KEY_CHARS = 2
CACHE_VERSION = 2


class DocumentNames:
    """Name keys (e.g. 台山市, 台山) mapped to the few documents they pick out."""

    def __init__(self, documents: list[Document], analyzer: Analyzer, cache: Path | None = None):
        owners: dict[str, set[str]] = {}
        for document, keys in zip(documents, _document_keys(documents, analyzer, cache)):
            for key in keys:
                owners.setdefault(key, set()).add(document.doc_id)
        limit = max(1, len(documents) // 4)  # a name shared by many documents picks out none
        self.keys = {k: docs for k, docs in owners.items() if len(docs) <= limit and len(docs) < len(documents)}
        self._ordered = sorted(self.keys, key=len, reverse=True)

    def mentioned(self, question: str) -> tuple[set[str], list[str]]:
        """Documents the question names, and the names found (longest match wins)."""
        text, docs, found = normalize(question), set(), []
        for key in self._ordered:
            if key in text and not any(key in longer for longer in found) and not _inside_a_word(key, text):
                docs |= self.keys[key]
                found.append(key)
        return docs, found


def _inside_a_word(key: str, text: str) -> bool:
    """A body's name that every time ends inside a longer word: 生态环境部 in 生态环境部门 is no ministry."""
    from qa.places import word_bounds

    if not ADMIN_BODY.search(key):
        return False
    ends = word_bounds(text)
    return all(m.end() not in ends for m in re.finditer(re.escape(key), text))


def _document_keys(documents: list[Document], analyzer: Analyzer, cache: Path | None) -> list[list[str]]:
    """The name keys of each document, read from the cache file where its title and issuer are
    unchanged under the same dictionary; part-of-speech tagging (slow to start) only for the rest."""
    settings = analyzer.settings()
    saved = _read_cache(cache, settings)
    heads = [f"{document.title}{ISSUER_MARK}{document.issuer}" for document in documents]
    missing = [head for head in heads if head not in saved]
    if missing:
        saved.update({head: sorted(_keys(head)) for head in missing})
        _write_cache(cache, settings, {head: saved[head] for head in heads})
    return [saved[head] for head in heads]


def _read_cache(path: Path | None, settings: dict) -> dict[str, list[str]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8")) if path is not None else {}
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("version") != CACHE_VERSION or data.get("analyzer") != settings:
        return {}
    return data.get("keys", {}) if isinstance(data.get("keys"), dict) else {}


def _write_cache(path: Path | None, settings: dict, keys: dict[str, list[str]]) -> None:
    """Written whole and renamed into place; a folder that cannot be written only costs the next start time."""
    if path is None:
        return
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        temporary.write_text(json.dumps({"version": CACHE_VERSION, "analyzer": settings, "keys": keys},
                                        ensure_ascii=False), encoding="utf-8")
        os.replace(temporary, path)
    except OSError:
        try:
            temporary.unlink(missing_ok=True)
        except OSError:  # a read-only folder refuses the unlink too
            pass


def _keys(text: str) -> set[str]:
    """The names a title and issuer give a document: the places the gazetteer finds in them (台山市, 台山),
    and national issuing bodies (国务院, 生态环境部). Ordinary words of a title (城市, 公共交通) name no
    document."""
    from qa.places import gazetteer

    title, _, issuer = normalize(text).partition(ISSUER_MARK)
    keys = set()
    for start, end, places in gazetteer().find(f"{title} {issuer}"):
        keys.add(f"{title} {issuer}"[start:end])
        keys.update(name for p in places for name in (p.name, gazetteer().short_name(p)))
    for body in re.split(r"[、，,\s]|等", issuer):  # a national body: a local one is named by its place
        if ADMIN_BODY.search(body) and len(body) >= 3 and not gazetteer().find(body):
            keys.add(body)
    return {k for k in keys if len(k) >= MIN_KEY_CHARS}
