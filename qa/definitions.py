"""Questions that ask what a term means (森林法所称的林地是什么意思？什么是节约能源？) and the clauses that
define it (（三）林地，是指…; 本法所称节约能源（以下简称节能），是指…): such a clause prints the fact asked."""
from __future__ import annotations

import re

_ASKS_MEANING = re.compile(r"(?P<term>[\u4e00-\u9fff]{2,16})[”\"]?[，,]?(?:是什么意思|是指什么|指的是什么|指什么|的含义|的定义|"
                           r"是什么含义|怎么定义|如何定义|怎么界定|如何界定|(?:具体)?(?:是)?指哪|(?:具体)?包括哪)")
_ASKS_WHAT_IS = re.compile(r"什么(?:是|叫)[“\"]?(?P<term>[\u4e00-\u9fff]{2,12})")
# What stands before the term in the question: the document and the words pointing into it.
_POINTER = re.compile(r"^.*(?:所称的|所称|所说的|说的|讲的|规定的|中的|里的|里|中)")


def defined_term(question: str) -> str | None:
    """The term whose meaning the question asks, or None."""
    asked = _ASKS_MEANING.search(question) or _ASKS_WHAT_IS.search(question)
    if asked is None:
        return None
    term = re.sub(r"[是的]$", "", _POINTER.sub("", asked.group("term")).lstrip("“\""))  # 环境是 + 指什么
    return term if len(term) >= 2 else None


def defines(text: str, term: str | None) -> bool:
    """The text defines term: 林地，是指…; 所称节约能源（以下简称节能），是指…; “重要湿地”，包括…"""
    if not term:
        return False
    return re.search(rf"(?:所称|^|[）)\s，。；：])[“\"]?{re.escape(term)}[”\"]?(?:[（(][^（()）]{{0,20}}[）)])?[，,]?"
                     rf"(?:是指|系指|指|包括|即)", text, re.MULTILINE) is not None
