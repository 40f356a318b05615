"""The question as the engine takes it: cleaned and bounded, read for what it names (qa.query) and the
titles it spells out, and the words a clause is scored on."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import numpy as np

from index.tokenize import Analyzer, QueryTerms, normalize
from ingest.normalise import fold_compat
from ingest.readers import escaped_bytes_read
from qa.query import (NAME_MATCH, Reading, blank_title, names_blanked, read_question, refs_outside,
                      title_bigrams)

if TYPE_CHECKING:
    from qa.library import Library

_SEARCHABLE = re.compile(r"[\w%]", re.UNICODE)
# Spoken question words, in the written forms the rules and the documents use (啥时候 → 什么时候).
_SPOKEN = {"多会儿": "什么时候", "啥": "什么", "咋": "怎么", "哪儿": "哪里"}
_SPOKEN_WORD = re.compile("|".join(_SPOKEN))
# Words that ask what a passage says without saying what about (讲了什么, 主要规定了哪些内容): with a cited
# position and nothing else, the question asks for that position as it reads, from its start.
_ABOUT_ANYTHING = frozenset("讲 说 写 讲述 规定 内容 主要 包括 包含 涉及 关于 哪些方面 方面 条文 要求 明确 提出 介绍".split())


class QueryError(ValueError):
    """The question cannot be searched: empty, nothing searchable in it, or an unknown --doc filter."""


_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


def readable(question: str) -> str:
    """The question without control characters (a terminal's escape codes) or bytes that are no text; typed on a
    GBK terminal, read as GBK."""
    return _CONTROL.sub(" ", escaped_bytes_read(question).replace("\ufffd", ""))


def question_text(question: str, limit: int) -> tuple[str, list[str]]:
    """The question stripped and cut to limit characters, with a notice when cut; QueryError when nothing
    searchable is left."""
    text = _SPOKEN_WORD.sub(lambda m: _SPOKEN[m.group()], " ".join(fold_compat(readable(question or "")).split()))
    if not text:
        raise QueryError("问题为空。请输入问题，例如：光伏发电有哪些支持措施？")
    if not _SEARCHABLE.search(normalize(text)):
        raise QueryError(f"问题“{text[:40]}”中没有可检索的文字（汉字、字母或数字），请换个问法。")
    notices = []
    if len(text) > limit:
        notices.append(f"问题有 {len(text)} 个字符，只检索了前 {limit} 个。")
        text = text[:limit]
    return text, notices


@dataclass(frozen=True)
class Question:
    """A question read for ranking."""
    text: str
    reading: Reading
    title_recall: np.ndarray  # per document number (last entry: no document): share of its title spelled out
    names_title: bool  # it spells out most of some document's title (with or without 《》)
    terms: QueryTerms  # the words a clause is scored on
    reads_position: bool = False  # it cites a position and asks only what it says (第三章讲什么)


def without_document_names(text: str, library: Library) -> str:
    """The question with the names that choose its document blanked: places, issuing bodies, and the stretch
    that spells out a title (qa.query.blank_mention). Inside the document they chose, they are no evidence
    of which sentence answers."""
    text = normalize(text)
    recall = library.title_index.per_document(text)[:-1]
    named = np.flatnonzero(recall >= NAME_MATCH)
    pairs = set().union(*(title_bigrams(library.titles[n]) for n in named))
    # a short name spelled out in full (能源法) is blanked as a longer loose mention is
    return names_blanked(text, list(library.names.keys), pairs, shortest=3 if (recall >= 1.0).any() else 4)


def read_for_ranking(text: str, library: Library, analyzer: Analyzer) -> Question:
    """Names of places and documents choose documents (scope) and are left out of the words a clause is
    scored on, as are the words of a title the question spells out."""
    reading = read_question(normalize(text), list(library.names.keys))
    title_recall = library.title_index.per_document(normalize(text))
    named = np.flatnonzero(title_recall[:-1] >= NAME_MATCH)
    pairs = set().union(*(title_bigrams(library.titles[n]) for n in named))
    if len(named) and reading.refs:  # …关于《基本法》第十三条和第十九条的解释，第三部分: the title's 第十三条 cites nothing
        fullest = np.flatnonzero(title_recall[:-1] >= title_recall[:-1].max())  # not another title's 第一百零四条
        fullest_pairs = set().union(*(title_bigrams(library.titles[n]) for n in fullest))
        reading = replace(reading, refs=refs_outside(normalize(text), blank_title(normalize(text), fullest_pairs)))
    terms = analyzer.query(blank_title(reading.text, pairs))
    reads_position = bool(reading.refs) and all(word in _ABOUT_ANYTHING for word in terms.words)
    if not terms.weights:  # the question is only a name (台山市碳达峰实施方案): its words are the subject
        terms = analyzer.query(text)
    return Question(text, reading, title_recall, bool(len(named)), terms, reads_position)
