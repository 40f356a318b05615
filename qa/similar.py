"""The same measure in other documents: the clauses of the target documents closest to a given clause by its
words (BM25) and by its meaning (the dense encoder), weighted by `python -m qa.tune_similar`."""
from __future__ import annotations

import json
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Iterable

import numpy as np

from index.lexical import top_k
from ingest.records import Clause
from qa.hits import Hit

MEASURE_FEATURES = ("lexical", "dense")
# lexical: BM25 of the candidate for the source clause's words, as a share of the source's own BM25 for them
# (1.0: the candidate holds every word as the source does); dense: the cosine of the two clauses' vectors.
# Both are absolute, so the score says how alike two clauses are, not only which is the most alike.
WEIGHTS_FILE = Path(__file__).parent / "data" / "similar.json"
CANDIDATES = 50  # from each of the lexical and the dense ranking
_NUMBERING = re.compile(r"^\s*(?:第[一二三四五六七八九十百零\d]+[章节条款]|[（(]?[一二三四五六七八九十\d]+[）)、.．]?)\s*")
_SENTENCE_END = re.compile(r"[。；;！？!?]")


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
    clauses, features = measure_candidates(engine, source, doc_ids)
    scores = features @ measure_weights(engine.encoder_kind)
    order = np.lexsort((np.arange(len(clauses)), -scores))[:top_k]
    return [Hit.from_clause(clauses[i], rank, float(scores[i])) for rank, i in enumerate(order.tolist(), start=1)]


def measure_candidates(engine, source: Clause, doc_ids: list[str]) -> tuple[list[Clause], np.ndarray]:
    """The clauses of doc_ids nearest to source by words or by meaning, and their features (rows x
    MEASURE_FEATURES)."""
    library, text = engine.library(), measure_text(source.text)
    backend, allowed = library.snapshot, library.rows_of(doc_ids)
    weights = engine.analyzer.query(text).weights
    vector = library.encoder.encode_passages([text], [engine.analyzer.terms(text)])
    lexical = backend.lexical_scores(weights) if weights else np.zeros(len(backend.clause_ids), dtype=np.float32)
    ranked = top_k(lexical, CANDIDATES, allowed) if weights else []
    ranked += backend.dense_top(vector, CANDIDATES, allowed)
    own_row = library.row_of_id().get(source.id, -1)
    rows = [row for row in dict.fromkeys(row for row, _ in ranked) if row != own_row and library.doc_of_row[row] >= 0]
    ids = backend.clause_ids
    by_id = engine.store.clauses_by_id([ids[row] for row in rows])
    found = [(row, by_id[ids[row]]) for row in rows if ids[row] in by_id]
    if not found:
        return [], np.zeros((0, len(MEASURE_FEATURES)), dtype=np.float32)
    rows = np.array([row for row, _ in found])
    own = float(lexical[own_row]) if own_row >= 0 else 0.0
    own = own if own > 0 else float(lexical[rows].max(initial=0.0))
    columns = {"lexical": lexical[rows] / own if own > 0 else np.zeros(len(rows)),
               "dense": np.asarray(backend.dense_scores(vector, rows), dtype=np.float32)}
    features = np.column_stack([columns[name] for name in MEASURE_FEATURES]).astype(np.float32)
    return [clause for _, clause in found], features


@lru_cache(maxsize=None)
def measure_weights(encoder_kind: str, path: Path = WEIGHTS_FILE) -> np.ndarray:
    """The tuned weights for this kind of dense encoder (neural, use or lsa), in MEASURE_FEATURES order; read
    once per process (python -m qa.tune_similar --write runs in its own)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    chosen = data["weights"].get(encoder_kind) or data["weights"]["neural"]
    return np.array([float(chosen[name]) for name in MEASURE_FEATURES], dtype=np.float32)


def _candidate_doc_ids(store, source: Clause, doc_filters: tuple[str, ...]) -> list[str]:
    if doc_filters:
        return list(dict.fromkeys(d.doc_id for text in doc_filters for d in store.find_documents(text)))
    return [d.doc_id for d in store.documents() if d.doc_id != source.doc_id]


def measure_text(text: str) -> str:
    """A clause's text without its numbering."""
    return _NUMBERING.sub("", text)


def bigrams(text: str) -> Counter[str]:
    """Character bigrams of the CJK, letter and digit runs of text."""
    runs = re.findall(r"[\u4e00-\u9fff]+|[A-Za-z0-9]+", text)
    return Counter(run[i:i + 2] for run in runs for i in range(max(len(run) - 1, 1)))


def bigram_dice(a: str, b: str) -> float:
    """Dice coefficient of the character bigram multisets of a and b."""
    ca, cb = bigrams(a), bigrams(b)
    total = sum(ca.values()) + sum(cb.values())
    return 2 * sum((ca & cb).values()) / total if total else 0.0


def measure_sentences(text: str) -> list[str]:
    """The sentences of text long enough to state a measure."""
    parts = _SENTENCE_END.split(_NUMBERING.sub("", text.replace("*", "")))
    return [p.strip() for p in parts if len(p.strip()) >= 6]
