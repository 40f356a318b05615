"""How far to trust a hit, in words: 高/中/低 for a search hit, 相同/相近/相关 for a similar measure, and why.

The bands are not typed in: `python -m qa.calibrate` measures, on the dev questions and the crossref pairs,
the share of hits at each score that are gold, and writes the scores where that share reaches each level
to qa/data/relevance.json (per encoder, as the ranking weights are). A score means nothing to a user; the
band says how often a hit like it was the clause asked for."""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from index.tokenize import normalize
from qa.doc_scope import document_scope
from qa.query import read_question
from qa.question import question_text

BANDS_FILE = Path(__file__).parent / "data" / "relevance.json"
SEARCH_LEVELS = ("高", "中")  # best first; a score below every threshold is 低
SIMILAR_LEVELS = ("相同", "相近", "相关")  # below every threshold: no label at all
LOWEST = "低"
RANK_STRATA = ((1, 1), (2, 3), (4, 10))  # search hits are calibrated per rank group; later ranks use the last
ALL = "全部"  # similar measures: one group


@lru_cache(maxsize=None)
def _bands() -> dict:
    try:
        return json.loads(BANDS_FILE.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def rank_stratum(rank: int) -> str:
    """The rank group a search hit is calibrated in: "1", "2-3", "4-10"."""
    low, high = next(((lo, hi) for lo, hi in RANK_STRATA if rank <= hi), RANK_STRATA[-1])
    return str(low) if low == high else f"{low}-{high}"


def thresholds(section: str, kind: str, stratum: str) -> dict[str, float]:
    """The measured lowest score of each level (search or similar) for this encoder kind and stratum; a
    level that never reached its precision on the dev set is left out, so it is never shown."""
    table = _bands().get(section, {}).get(kind, {}).get("thresholds", {}).get(stratum, {})
    return {level: float(score) for level, score in table.items() if score is not None}


def level_of(score: float, bands: dict[str, float], levels: tuple[str, ...], below: str = "") -> str:
    """The first (best) level whose threshold the score reaches; `below` when it reaches none."""
    return next((level for level in levels if level in bands and score >= bands[level]), below)


def search_level(score: float, rank: int, kind: str) -> str:
    return level_of(score, thresholds("search", kind, rank_stratum(rank)), SEARCH_LEVELS, LOWEST)


def similar_level(score: float, kind: str) -> str:
    return level_of(score, thresholds("similar", kind, ALL), SIMILAR_LEVELS)


@dataclass
class Scope:
    """Which documents the search looked in, and which of them the question itself names."""
    named: dict[str, float]  # doc id -> 1.0 named by the question, 0.5 within or around a named place
    filtered: bool = False  # the user limited the search to chosen documents

    def note(self, doc_id: str) -> str:
        weight = self.named.get(doc_id, 0.0)
        if weight >= 1.0:
            return "问题指明的文件"
        if weight > 0:
            return "问题所指地区的上级或下级文件"
        if self.named:
            return "问题未指明的其他文件"
        return "所选文件" if self.filtered else "全部文件"


def question_scope(engine, question: str, filtered: bool = False) -> Scope:
    """The documents the question names (its place, level, 《title》 or issuer), as the engine reads them."""
    state = engine.library()
    text, _ = question_text(question, engine.config.max_query_chars)
    reading = read_question(normalize(text), list(state.names.keys))
    weights = document_scope(state, text, reading, state.title_index.per_document(normalize(text)))
    named = {doc_id: float(w) for doc_id, w in zip(state.doc_ids, weights.tolist()) if w > 0}
    return Scope(named, filtered)


def reason(matched_terms: list[str], scope_note: str) -> str:
    """Why a hit came up, in one line: the question's words it holds and the document scope."""
    words = "、".join(matched_terms[:6]) if matched_terms else "无相同词语（按语义相近）"
    return f"匹配词语：{words}；范围：{scope_note}"


def annotate(engine, hits: list, question: str, filtered: bool = False) -> list:
    """The hits with .relevance (高/中/低) and .reason set for this engine's encoder."""
    scope = question_scope(engine, question, filtered)
    for hit in hits:
        hit.relevance = search_level(hit.score, hit.rank, engine.encoder_kind)
        hit.reason = reason(hit.matched_terms, scope.note(hit.doc_id))
    return hits


def label_similar(engine, hits: list) -> list:
    """The similar measures with .relevance set to 相同/相近/相关, or empty below the measured thresholds."""
    for hit in hits:
        hit.relevance = similar_level(hit.score, engine.encoder_kind)
    return hits
