"""One search hit and one search result, used by the CLI, the answerer and the app."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field

from index.tokenize import QueryTerms, normalize
from ingest.records import Clause, citation


@dataclass
class Hit:
    rank: int
    id: str
    doc_id: str
    document: str
    source: str
    clause: str
    heading: str
    text: str
    score: float
    matched_terms: list[str] = field(default_factory=list)
    status: str = ""  # its document's validity today (ingest.fields STATUSES); "" where unknown
    relevance: str = ""  # 高/中/低 or 相同/相近/相关, set by qa.relevance for display
    reason: str = ""  # the matched words and the document scope, set by qa.relevance

    @classmethod
    def from_clause(cls, clause: Clause, rank: int, score: float, matched_terms: list[str] | None = None) -> Hit:
        return cls(rank, clause.id, clause.doc_id, clause.document, clause.source, clause.clause,
                   clause.heading, clause.text, round(float(score), 6), matched_terms or [])

    @property
    def citation(self) -> str:
        return citation(self.document, self.clause)

    def to_json(self) -> dict:
        row = asdict(self)
        row.pop("matched_terms")
        for extra in ("relevance", "reason"):
            if not row[extra]:
                row.pop(extra)
        return row


@dataclass
class SearchResult:
    query: str
    mode: str  # e.g. "semantic:BAAI/bge-small-zh-v1.5" or "offline:tfidf-svd-256"
    hits: list[Hit]
    notices: list[str] = field(default_factory=list)  # truncation, rebuilds, skipped reranker …

    def to_json(self) -> dict:
        row = {"query": self.query, "mode": self.mode, "hits": [h.to_json() for h in self.hits]}
        if self.notices:  # a question cut to its first characters, a rebuild, a filter that left nothing
            row["notices"] = list(self.notices)
        return row


def matched_terms(text: str, terms: QueryTerms) -> list[str]:
    """Question words found in the clause, longest first, for highlighting; bigrams where a word is absent."""
    plain = normalize(text)
    # A single character (年, 能) matches almost everywhere; marking it would only add noise.
    found = [w for w in terms.words if len(w) > 1 and w in plain]
    for word in terms.words:
        if word not in plain:
            found += [word[i:i + 2] for i in range(len(word) - 1) if word[i:i + 2] in plain]
    return sorted(set(found), key=lambda w: (-len(w), w))
