"""Which documents a question names ("台山…", "江海区…", "国务院…"), derived from the titles and
issuers of the documents in the store, so that a new document is recognised without a list."""
from __future__ import annotations

import re

import jieba.posseg

from index.tokenize import Analyzer, normalize
from ingest.records import Document

NAME_TAGS = {"ns", "nt"}  # jieba part-of-speech tags: place names, organisations
ADMIN_SUFFIX = re.compile(r"(特别行政区|自治区|自治州|新区|街道|省|市|区|县|镇|乡)$")
MIN_KEY_CHARS = 2


class DocumentNames:
    """Name keys (e.g. 台山市, 台山) mapped to the few documents they pick out."""

    def __init__(self, documents: list[Document], analyzer: Analyzer):
        owners: dict[str, set[str]] = {}
        tagger = jieba.posseg.POSTokenizer(analyzer._jieba)
        for document in documents:
            for key in _keys(f"{document.title} {document.issuer}", tagger):
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


def _keys(text: str, tagger: jieba.posseg.POSTokenizer) -> set[str]:
    keys = set()
    for pair in tagger.lcut(normalize(text)):
        word, flag = pair.word, pair.flag
        if flag in NAME_TAGS or (ADMIN_SUFFIX.search(word) and len(word) > MIN_KEY_CHARS):
            keys.add(word)
            stem = ADMIN_SUFFIX.sub("", word)
            if len(stem) >= MIN_KEY_CHARS and stem != word:
                keys.add(stem)
    return {k for k in keys if len(k) >= MIN_KEY_CHARS}
