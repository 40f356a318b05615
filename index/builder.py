"""Bring the index up to date with the store: reuse the tokens and vectors of unchanged clauses
from the previous snapshot, tokenize and embed only what is new, write a new snapshot."""
from __future__ import annotations

import hashlib
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from scipy import sparse
from tqdm import tqdm

from index.dense import DenseIndex, build_faiss, kind_of
from index.encoders import Encoder, OfflineEncoder
from index.lexical import LexicalIndex, tokenized_counts
from index.snapshot import Snapshot, write_snapshot
from index.tokenize import Analyzer
from ingest.records import Clause

REFIT_FRACTION = 0.2  # refit the offline encoder once this share of clauses is new since its fit
OFFLINE_BATCH = 8192  # rows of the count matrix projected at once by the offline encoder


@dataclass
class BuildStats:
    """What a build did; tests use it to prove that unchanged clauses were not re-embedded."""
    clauses: int = 0
    tokenized: int = 0
    embedded: int = 0
    refitted: bool = False
    folder: Path | None = None
    reasons: list[str] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)  # wall time of each step, for the bench

    def timed(self, step: str, started: float) -> float:
        now = time.perf_counter()
        self.seconds[step] = round(now - started, 3)
        return now


def index_text(clause: Clause) -> str:
    """The body field: the clause's own text."""
    return clause.text


def context_text(clause: Clause) -> str:
    """The context field: the document's title and the headings above the clause, so that a heading's
    words count for every clause under it without being repeated in each body (BM25F's fields)."""
    return f"{clause.document} {clause.heading}"


def passage_text(clause: Clause) -> str:
    """What a neural encoder reads: where the clause stands, then the clause."""
    return f"{context_text(clause)}\n{clause.text}"


def clause_hash(clause: Clause) -> str:
    return hashlib.sha1(passage_text(clause).encode("utf-8")).hexdigest()[:12]


def encoder_key(semantic: Encoder | None, offline_dim: int) -> str:
    """What the manifest must name for its vectors to be usable with the current settings."""
    return semantic.name if semantic is not None else f"offline:tfidf-svd:{offline_dim}"


def stale_reasons(manifest: dict, corpus_hash: str, tokenizer: dict, key: str) -> list[str]:
    """Why a snapshot no longer matches the store and settings; empty when it is current."""
    reasons = []
    if manifest.get("corpus_hash") != corpus_hash:
        reasons.append("文库有变化")
    if manifest.get("tokenizer") != tokenizer:
        reasons.append("分词设置、用户词典或同义词有变化")
    if manifest.get("encoder", {}).get("key") != key:
        reasons.append(f"语义编码器有变化（索引用的是 {manifest.get('encoder', {}).get('key')!r}，现在是 {key!r}）")
    return reasons


def _reusable(previous: Snapshot | None, ids: list[str], hashes: list[str], tokenizer: dict) -> dict[int, int]:
    """New row -> previous row, for clauses whose text is unchanged under the same tokenizer."""
    if previous is None or previous.manifest.get("tokenizer") != tokenizer:
        return {}
    old = {(i, h): row for row, (i, h) in enumerate(zip(previous.clause_ids, previous.manifest["clause_hashes"]))}
    return {row: old[key] for row, key in enumerate(zip(ids, hashes)) if key in old}


def _counts(texts: list[str], reuse: dict[int, int], previous: LexicalIndex | None, analyzer: Analyzer,
            progress: bool, stats: BuildStats) -> tuple[sparse.csr_matrix, dict[str, int]]:
    """Row x term counts of one field: old rows copied, new rows tokenized once (vocabulary ids only grow)."""
    vocab = dict(previous.vocab) if reuse else {}
    new_rows = [row for row in range(len(texts)) if row not in reuse]
    fresh = tokenized_counts(analyzer, [texts[row] for row in new_rows], vocab, progress)
    stats.tokenized = len(new_rows)
    if not reuse:
        return fresh, vocab
    parts, fresh_at = [], {row: i for i, row in enumerate(new_rows)}
    old = previous.counts
    for row in range(len(texts)):
        parts.append((old, reuse[row]) if row in reuse else (fresh, fresh_at[row]))
    return _stack_rows(parts, len(vocab)), vocab


def _stack_rows(parts: list[tuple[sparse.csr_matrix, int]], width: int) -> sparse.csr_matrix:
    indptr, indices, data = [0], [], []
    for matrix, row in parts:
        start, end = matrix.indptr[row], matrix.indptr[row + 1]
        indices.append(np.asarray(matrix.indices[start:end]))
        data.append(np.asarray(matrix.data[start:end]))
        indptr.append(indptr[-1] + end - start)
    indices_all = np.concatenate(indices) if indices else np.zeros(0, np.int32)
    data_all = np.concatenate(data) if data else np.zeros(0, np.float32)
    return sparse.csr_matrix((data_all, indices_all, indptr), shape=(len(parts), width))


def _encoder(semantic: Encoder | None, previous: Snapshot | None, reuse: dict[int, int], counts: sparse.csr_matrix,
             vocab: dict[str, int], offline_dim: int, force_refit: bool) -> tuple[Encoder, bool]:
    """The semantic encoder, the previous offline encoder, or a new fit when too much changed."""
    if semantic is not None:
        return semantic, False
    old = previous.offline if previous is not None else None
    same_dim = previous is not None and previous.manifest["encoder"].get("key") == encoder_key(None, offline_dim)
    if old is not None and same_dim and not force_refit and drift(previous, counts.shape[0], len(reuse)) \
            <= REFIT_FRACTION * counts.shape[0]:
        return old, False
    return OfflineEncoder.fit_counts(counts, _names(vocab), offline_dim), True


def _names(vocab: dict[str, int]) -> list[str]:
    """Term of each count-matrix column."""
    return sorted(vocab, key=vocab.__getitem__)


def drift(previous: Snapshot | None, total: int, reused: int) -> int:
    """Clauses embedded with the offline encoder since it was fitted, this build's included."""
    before = previous.manifest["encoder"].get("new_since_fit", 0) if previous is not None else 0
    return before + total - reused


def _vectors(encoder: Encoder, clauses: list[Clause], reuse: dict[int, int], previous: Snapshot | None,
             counts: sparse.csr_matrix, vocab: dict[str, int], progress: bool, stats: BuildStats,
             hashes: list[str], known: dict[str, np.ndarray], defer: bool) -> tuple[np.ndarray, list[str]]:
    """Vectors of unchanged clauses copied from the previous snapshot (or taken from known, keyed like
    hashes[row]), the rest encoded in batches; with defer, a neural encoder's new rows stay zero and their
    clause ids are returned as pending."""
    same = previous is not None and previous.manifest["encoder"].get("fingerprint") == encoder.fingerprint
    was_pending = set(previous.manifest.get("pending", [])) if same else set()
    reuse = {row: old for row, old in reuse.items() if clauses[row].id not in was_pending} if same else {}
    vectors = np.zeros((len(clauses), encoder.dim), dtype=np.float32)
    if reuse:
        new_rows, old_rows = zip(*reuse.items())
        vectors[list(new_rows)] = previous.dense.vectors[list(old_rows)]
    todo = [row for row in range(len(clauses)) if row not in reuse]
    if not isinstance(encoder, OfflineEncoder):  # a neural model reads the text, batches it and shows progress
        for row in [r for r in todo if hashes[r] in known]:
            vectors[row] = known[hashes[row]]
        todo = [row for row in todo if hashes[row] not in known]
        if defer:
            return vectors, [clauses[row].id for row in todo]
        if todo:
            vectors[todo] = encoder.encode_passages([passage_text(clauses[r]) for r in todo], [], progress)
        stats.embedded = len(todo)
        return vectors, []
    columns = encoder.columns_for(_names(vocab))
    for start in tqdm(range(0, len(todo), OFFLINE_BATCH), desc="向量", unit="批",
                      disable=not progress or len(todo) < OFFLINE_BATCH):
        rows = todo[start:start + OFFLINE_BATCH]
        vectors[rows] = encoder.encode_counts(counts[rows], columns)
    stats.embedded = len(todo)
    return vectors, []


def build(index_dir: Path, clauses: list[Clause], corpus_hash: str, analyzer: Analyzer, semantic: Encoder | None,
          previous: Snapshot | None, offline_dim: int, exact_limit: int, force_refit: bool = False,
          progress: bool = True, known_vectors: dict[str, np.ndarray] | None = None,
          defer_vectors: bool = False) -> BuildStats:
    """Write a snapshot for these clauses, reusing what the previous one already holds. known_vectors:
    neural vectors already computed, by clause hash. defer_vectors: leave a neural encoder's new clauses
    without vectors (searchable by their words at once), listed as pending in the manifest."""
    stats, started = BuildStats(clauses=len(clauses)), time.perf_counter()
    tokenizer = analyzer.settings()
    ids, hashes = [c.id for c in clauses], [clause_hash(c) for c in clauses]
    reuse = _reusable(previous, ids, hashes, tokenizer)
    counts, vocab = _counts([index_text(c) for c in clauses], reuse, previous and previous.lexical, analyzer,
                            progress, stats)
    context_counts, context_vocab = _counts([context_text(c) for c in clauses], reuse, previous and previous.context,
                                            analyzer, False, BuildStats())
    started = stats.timed("tokenize", started)
    with ThreadPoolExecutor(1) as background:  # numpy and scipy release the GIL: BM25 runs beside the encoder
        bm25 = background.submit(LexicalIndex.from_counts, counts, vocab)
        encoder, stats.refitted = _encoder(semantic, previous, reuse, counts, vocab, offline_dim, force_refit)
        started = stats.timed("fit", started)
        vectors, pending = _vectors(encoder, clauses, reuse, previous, counts, vocab, progress, stats, hashes,
                                    known_vectors or {}, defer_vectors)
        started = stats.timed("embed", started)
        dense = DenseIndex(build_faiss(vectors, exact_limit), vectors)
        started = stats.timed("dense", started)
        lexical = bm25.result()
        context = LexicalIndex.from_counts(context_counts, context_vocab)
    started = stats.timed("bm25", started)
    new_since_fit = 0 if stats.refitted or semantic is not None else drift(previous, len(clauses), len(reuse))
    manifest = {"encoder": {"name": encoder.name, "dim": encoder.dim, "fingerprint": encoder.fingerprint,
                            "key": encoder_key(semantic, offline_dim), "new_since_fit": new_since_fit},
                "tokenizer": tokenizer, "corpus_hash": corpus_hash, "dense": kind_of(dense.index),
                "clause_ids": ids, "clause_hashes": hashes, "pending": pending}
    stats.folder = write_snapshot(index_dir, manifest, lexical, context, dense, encoder)
    stats.timed("write", started)
    return stats
