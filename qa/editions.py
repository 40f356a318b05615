"""Two editions of one title, article by article: which articles stayed, changed, came or went.

Articles are paired by their text, not their number, so an article renumbered by an inserted one still
pairs with its old self (difflib over the article texts, then the changed runs paired by similarity)."""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from ingest.records import Clause, Document
from ingest.structure import SIGNATURE
from ingest.validity import edition_date, same_title
from qa.similar import bigram_dice

SAME, CHANGED, ADDED, REMOVED = "相同", "修改", "新增", "删除"
SAME_ARTICLE = 0.4  # bigram Dice at or above which a changed article is the same article reworded
_NUMBER = re.compile(r"^\s*(第[一二三四五六七八九十百千零〇\d]+条|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d+[.．、])\s*")


@dataclass
class ArticleChange:
    change: str  # SAME, CHANGED, ADDED or REMOVED
    old: Clause | None
    new: Clause | None

    def to_json(self) -> dict:
        return {"change": self.change, "old_clause": self.old.clause if self.old else "",
                "new_clause": self.new.clause if self.new else "", "old_text": self.old.text if self.old else "",
                "new_text": self.new.text if self.new else ""}


def editions(documents: list[Document], document: Document) -> list[Document]:
    """The documents with the title of document (itself included), oldest first."""
    same = [d for d in documents if same_title(d.title) == same_title(document.title)]
    return sorted(same, key=lambda d: (edition_date(d), d.source))


def edition_pair(documents: list[Document], named: Document, old: Document | None = None
                 ) -> tuple[Document, Document] | None:
    """(older, newest) edition of named's title: old if given, else named itself when it is not the newest,
    else the edition before the newest; None when the library holds one edition only."""
    versions = editions(documents, named)
    before = versions[-2] if len(versions) > 1 else None
    older = old or (named if named.doc_id != versions[-1].doc_id else before)
    if older is None or older.doc_id == versions[-1].doc_id:
        return None
    return older, versions[-1]


def compare_editions(old: list[Clause], new: list[Clause]) -> list[ArticleChange]:
    """The articles of two editions paired, in the order of the newer one (removed ones where they stood);
    the signature, whose date differs in every edition, is not an article."""
    old, new = [c for c in old if c.clause != SIGNATURE], [c for c in new if c.clause != SIGNATURE]
    matcher = difflib.SequenceMatcher(None, [_body(c) for c in old], [_body(c) for c in new], autojunk=False)
    changes: list[ArticleChange] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            changes += [ArticleChange(SAME, a, b) for a, b in zip(old[i1:i2], new[j1:j2])]
        else:
            changes += _pair_changed(old[i1:i2], new[j1:j2])
    return changes


def _pair_changed(old: list[Clause], new: list[Clause]) -> list[ArticleChange]:
    """A run of differing articles: each old one paired, in order, with the next new one it resembles."""
    changes: list[ArticleChange] = []
    start = 0
    for article in old:
        match = next((j for j in range(start, len(new))
                      if bigram_dice(_body(article), _body(new[j])) >= SAME_ARTICLE), None)
        if match is None:
            changes.append(ArticleChange(REMOVED, article, None))
            continue
        changes += [ArticleChange(ADDED, None, added) for added in new[start:match]]
        changes.append(ArticleChange(CHANGED, article, new[match]))
        start = match + 1
    return changes + [ArticleChange(ADDED, None, added) for added in new[start:]]


def _body(clause: Clause) -> str:
    """An article's words without its number, so a renumbered article reads the same."""
    return " ".join(_NUMBER.sub("", clause.text, count=1).split())


def marked(old: str, new: str) -> tuple[str, str]:
    """The two texts with what differs between them wrapped in 【】 on each side."""
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    left, right = [], []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            left.append(old[i1:i2])
            right.append(new[j1:j2])
            continue
        left.append(f"【{old[i1:i2]}】" if i2 > i1 else "")
        right.append(f"【{new[j1:j2]}】" if j2 > j1 else "")
    return "".join(left), "".join(right)
