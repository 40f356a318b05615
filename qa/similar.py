"""The same measure in other documents: clauses that carry what a given clause carries."""
from __future__ import annotations

import math
import re
from collections import Counter
from typing import Iterable

from ingest.records import Clause
from qa.hits import Hit

# Action areas of Chinese climate and energy plans, recognised from a clause's headings (then its title).
AREAS: dict[str, tuple[str, ...]] = {
    "能源": ("能源", "电力", "煤", "天然气", "油气", "光伏", "风电", "新能源"),
    "节能": ("节能", "能效", "降碳增效", "用能"),
    "工业": ("工业", "产业", "制造", "两高", "钢铁", "化工"),
    "建筑": ("建筑", "城乡建设", "城镇", "住房"),
    "交通": ("交通", "运输", "车辆", "港口", "铁路"),
    "农业": ("农业", "农村", "乡村"),
    "循环": ("循环", "废弃物", "固废", "垃圾", "资源利用"),
    "科技": ("科技", "创新", "技术", "人才", "研发"),
    "碳汇": ("碳汇", "生态", "森林", "湿地", "海洋"),
    "全民": ("全民", "生活方式", "宣传", "培训", "社会责任", "绿色生活"),
    "经贸": ("经贸", "贸易", "一带一路", "国际合作", "开放"),
    "试点": ("试点", "示范"),
    "政策": ("政策", "财税", "价格", "金融", "市场", "统计", "核算", "标准", "法规"),
    "组织": ("组织", "领导", "统筹", "协调", "考核", "监督", "责任", "实施"),
}
_NUMBERING = re.compile(r"^\s*(?:第[一二三四五六七八九十百零\d]+[章节条款]|[（(]?[一二三四五六七八九十\d]+[）)、.．]?)\s*")
_SENTENCE_END = re.compile(r"[。；;！？!?]")
RRF_K = 60


class UnknownClause(KeyError):
    """No clause has this id."""


def similar_measures(engine, clause_id: str, top_k: int = 5, doc_filters: Iterable[str] = ()) -> list[Hit]:
    """Clauses of other documents (or of doc_filters) that carry the same measure as clause_id, best first."""
    source = engine.store.clause(clause_id)
    if source is None:
        raise UnknownClause(clause_id)
    doc_ids = _candidate_doc_ids(engine.store, source, tuple(doc_filters))
    if not doc_ids:
        return []
    query = measure_query(source)
    fused = _fuse(engine.lexical_ranking(query, doc_ids=doc_ids, limit=50),
                  engine.dense_ranking(query, doc_ids=doc_ids, limit=50))
    fused.pop(source.id, None)
    scored = [(clause, _measure_score(source, clause, score)) for clause, score in _clauses(engine.store, fused)]
    scored.sort(key=lambda pair: -pair[1])
    return [Hit.from_clause(clause, rank, score) for rank, (clause, score) in enumerate(scored[:top_k], start=1)]


def _candidate_doc_ids(store, source: Clause, doc_filters: tuple[str, ...]) -> list[str]:
    if doc_filters:
        return list(dict.fromkeys(d.doc_id for text in doc_filters for d in store.find_documents(text)))
    return [d.doc_id for d in store.documents() if d.doc_id != source.doc_id]


def _clauses(store, fused: dict[str, float]) -> list[tuple[Clause, float]]:
    pairs = [(store.clause(clause_id), score) for clause_id, score in fused.items()]
    return [(clause, score) for clause, score in pairs if clause is not None]


def measure_query(clause: Clause) -> str:
    """The clause text without its numbering, led by its action area so that the area counts as evidence."""
    area = action_area(clause)
    text = _NUMBERING.sub("", clause.text)
    return f"{area} {text}" if area else text


def action_area(clause: Clause) -> str:
    """The action area (能源, 工业, 建筑, 交通 …) named by the nearest heading, else by the clause's title."""
    for heading in reversed(clause.heading.split(" > ")):
        area = _area_of(heading)
        if area:
            return area
    return _area_of(clause_title(clause))


def _area_of(text: str) -> str:
    counts = {area: sum(text.count(word) for word in words) for area, words in AREAS.items()}
    best = max(counts, key=lambda area: counts[area])
    return best if counts[best] else ""


def clause_title(clause: Clause) -> str:
    """The clause's own lead sentence (e.g. 优化交通用能结构), which names its measure."""
    text = _NUMBERING.sub("", clause.text.replace("*", ""))
    first = _SENTENCE_END.split(text, maxsplit=1)[0]
    return first if len(first) <= 40 else ""


def _fuse(*rankings: list[tuple[str, float]]) -> dict[str, float]:
    """Reciprocal rank fusion (Cormack et al. 2009): robust to the different score scales."""
    fused: dict[str, float] = {}
    for ranking in rankings:
        for rank, (clause_id, _) in enumerate(ranking):
            fused[clause_id] = fused.get(clause_id, 0.0) + 1.0 / (RRF_K + rank + 1)
    return fused


def _measure_score(source: Clause, candidate: Clause, fused: float) -> float:
    """Retrieval rank evidence, plus the same action area, a similar title and shared measures."""
    retrieval = fused * RRF_K / 2  # 1.0 for a clause first in both rankings
    area = 0.15 if action_area(source) and action_area(source) == action_area(candidate) else 0.0
    title = 0.3 * bigram_dice(clause_title(source), clause_title(candidate))
    measures = 0.5 * sentence_overlap(source.text, candidate.text)
    return retrieval + area + title + measures


def bigrams(text: str) -> Counter[str]:
    """Character bigrams of the CJK, letter and digit runs of text."""
    runs = re.findall(r"[\u4e00-\u9fff]+|[A-Za-z0-9]+", text)
    return Counter(run[i:i + 2] for run in runs for i in range(max(len(run) - 1, 1)))


def bigram_dice(a: str, b: str) -> float:
    """Dice coefficient of the character bigram multisets of a and b."""
    ca, cb = bigrams(a), bigrams(b)
    total = sum(ca.values()) + sum(cb.values())
    return 2 * sum((ca & cb).values()) / total if total else 0.0


def sentence_overlap(a: str, b: str, threshold: float = 0.35) -> float:
    """Share of a's measure sentences that have a close counterpart (bigram Dice ≥ threshold) in b."""
    left, right = measure_sentences(a), measure_sentences(b)
    if not left or not right:
        return 0.0
    matched = sum(1 for s in left if max(bigram_dice(s, t) for t in right) >= threshold)
    return matched / math.sqrt(len(left) * len(right)) if matched else 0.0


def measure_sentences(text: str) -> list[str]:
    """The sentences of text long enough to state a measure."""
    parts = _SENTENCE_END.split(_NUMBERING.sub("", text.replace("*", "")))
    return [p.strip() for p in parts if len(p.strip()) >= 6]
