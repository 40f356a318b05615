"""Read-only access to what the index holds, so that the baselines see the same tokens and vectors.

Everything comes from the live snapshot on disk (index.snapshot) and the shared analyzer
(index.tokenize); only a semantic encoder is taken from the open engine, since it is not on disk.
"""
from __future__ import annotations

from typing import Callable

import numpy as np

def live_snapshot(config: object) -> object:
    """The snapshot CURRENT names, loaded (memory-mapped) as the engine loads it."""
    from index.snapshot import current_folder, load_snapshot

    folder = current_folder(config.index_dir)
    if folder is None:
        raise RuntimeError(f"no index in {config.index_dir}; Engine.open should have built one")
    return load_snapshot(folder)


def analyzer(config: object) -> object:
    from index.tokenize import analyzer_for

    return analyzer_for(config)


def lexical_corpus(snapshot: object) -> tuple[list[str], list[list[str]]]:
    """Clause ids and each clause's stored index terms (from the count matrix, repeated by count)."""
    lexical = snapshot.lexical
    terms = np.empty(len(lexical.vocab), dtype=object)
    for term, column in lexical.vocab.items():
        terms[column] = term
    counts, documents = lexical.counts, []
    for row in range(lexical.size):
        start, end = counts.indptr[row], counts.indptr[row + 1]
        repeats = np.asarray(counts.data[start:end], dtype=np.int64)
        documents.append(list(np.repeat(terms[counts.indices[start:end]], repeats)))
    return list(snapshot.clause_ids), documents


def lexical_token_ids(snapshot: object) -> tuple[list[list[int]], dict[str, int]]:
    """Each clause's stored index terms as vocabulary ids (repeated by count), and the vocabulary."""
    counts = snapshot.lexical.counts
    repeats = np.asarray(counts.data, dtype=np.int64)
    flat = np.repeat(np.asarray(counts.indices), repeats)
    ends = _row_ends(np.asarray(counts.indptr), repeats)
    return [part.tolist() for part in np.split(flat, ends[:-1])], dict(snapshot.lexical.vocab)


def _row_ends(indptr: np.ndarray, repeats: np.ndarray) -> np.ndarray:
    """Where each row's repeated terms end in the flat array."""
    totals = np.concatenate([[0], np.cumsum(repeats)])
    return totals[indptr[1:]]


def query_encoder(engine: object, snapshot: object, analysis: object) -> Callable[[str], np.ndarray] | None:
    """text -> query vector, as the engine encodes a question (None if no encoder is reachable)."""
    encoder = snapshot.offline or getattr(engine, "semantic", None)
    if encoder is None or not hasattr(encoder, "encode_query"):
        return None
    return lambda text: np.asarray(encoder.encode_query(text, analysis.query(text).weights), dtype=np.float32)


def query_vectors(encode: Callable[[str], np.ndarray] | None, queries: list[str], vectors: np.ndarray) -> np.ndarray:
    """The questions encoded; without an encoder, stored clause vectors stand in (timing is the same)."""
    if encode is None:
        rows = np.linspace(0, len(vectors) - 1, num=len(queries)).astype(int)
        return np.ascontiguousarray(vectors[rows], dtype=np.float32)
    encoded = np.stack([encode(q).reshape(-1) for q in queries]).astype(np.float32)
    return np.ascontiguousarray(encoded)
