"""Which documents a question names ("台山…", "江海区…", "国务院…"), derived from the titles and
issuers of the documents in the store, so that a new document is recognised without a list."""
from __future__ import annotations

import json
import os
import re
from pathlib import Path

from index.tokenize import Analyzer, normalize
from ingest.records import Document

NAME_TAGS = {"ns", "nt"}  # jieba part-of-speech tags: place names, organisations
ADMIN_SUFFIX = re.compile(r"(特别行政区|自治区|自治州|新区|街道|省|市|区|县|镇|乡)$")
MIN_KEY_CHARS = 2


CACHE_VERSION = 1


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
            if key in text and not any(key in longer for longer in found):
                docs |= self.keys[key]
                found.append(key)
        return docs, found


def _document_keys(documents: list[Document], analyzer: Analyzer, cache: Path | None) -> list[list[str]]:
    """The name keys of each document, read from the cache file where its title and issuer are
    unchanged under the same dictionary; part-of-speech tagging (slow to start) only for the rest."""
    settings = analyzer.settings()
    saved = _read_cache(cache, settings)
    heads = [f"{document.title} {document.issuer}" for document in documents]
    missing = [head for head in heads if head not in saved]
    if missing:
        tagger = analyzer.tagger()
        saved.update({head: sorted(_keys(head, tagger)) for head in missing})
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
        temporary.unlink(missing_ok=True)


def _keys(text: str, tagger) -> set[str]:
    keys = set()
    for pair in tagger.lcut(normalize(text)):
        word, flag = pair.word, pair.flag
        if flag in NAME_TAGS or (ADMIN_SUFFIX.search(word) and len(word) > MIN_KEY_CHARS):
            keys.add(word)
            stem = ADMIN_SUFFIX.sub("", word)
            if len(stem) >= MIN_KEY_CHARS and stem != word:
                keys.add(stem)
    return {k for k in keys if len(k) >= MIN_KEY_CHARS}
