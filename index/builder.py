"""Bring the index up to date with the store: reuse the tokens and vectors of unchanged clauses
from the previous snapshot, tokenize and embed only what is new, write a new snapshot."""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, Protocol

import numpy as np
from scipy import sparse
from tqdm import tqdm

from index.dense import DenseIndex, build_faiss, grown, kind_of
from index.encoders import Encoder, OfflineEncoder
from index.lexical import (LexicalIndex, column_counts, row_lengths, score_written_counts, tokenized_counts,
                           tokenized_fields, write_counts)
from index.memory import release_free_memory
from index.lexical_segments import LexicalField, grown_field
from index.snapshot import Snapshot, staging, write_snapshot
from index.tokenize import Analyzer
from ingest.records import Clause, clause_hash

REFIT_FRACTION = 0.2  # refit the offline encoder once this share of clauses is new since its fit
OFFLINE_BATCH = 8192  # rows of the count matrix projected at once by the offline encoder
READ_BATCH = 5000  # clauses read from the store at once while tokenizing: no build holds every clause's text


class ClauseSource(Protocol):
    """Where the builder reads clauses: ingest.store.Store."""
    def clause_keys(self) -> tuple[list[str], list[str]]: ...
    def clause_batches(self, size: int) -> Iterator[list[Clause]]: ...
    def clauses_by_id(self, ids: list[str]) -> dict[str, Clause]: ...


@dataclass
class BuildStats:
    """What a build did; tests use it to prove that unchanged clauses were not re-embedded."""
    clauses: int = 0
    tokenized: int = 0
    embedded: int = 0
    refitted: bool = False
    dense_grown: bool = False  # the previous dense index grown in place rather than rebuilt
    lexical_grown: bool = False  # the previous BM25 fields grown by a delta segment rather than rescored whole
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


@dataclass(frozen=True)
class Reused:
    """The rows a build takes from the previous snapshot: kept[i] (a new row, ascending) was row old[i]."""
    kept: np.ndarray
    old: np.ndarray

    def __len__(self) -> int:
        return len(self.kept)

    def new_rows(self, n_rows: int) -> list[int]:
        """The rows of n_rows that are not kept, in order."""
        taken = np.zeros(n_rows, dtype=bool)
        taken[self.kept] = True
        return np.flatnonzero(~taken).tolist()

    def where(self, keep: np.ndarray) -> Reused:
        return Reused(self.kept[keep], self.old[keep])


NOTHING_REUSED = Reused(np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64))


def _reusable(previous: Snapshot | None, ids: list[str], hashes: list[str], tokenizer: dict | None) -> Reused:
    """The clauses whose text is unchanged under the same tokenizer (any, when tokenizer is None: a neural
    model's vectors read the text, not its tokens), with their previous rows."""
    if previous is None or tokenizer is not None and previous.manifest.get("tokenizer") != tokenizer:
        return NOTHING_REUSED
    old_ids, old_hashes = previous.clause_ids, previous.manifest["clause_hashes"]
    # An update changes a few documents: the rows before and after them keep their order and are matched
    # by position, which at a million rows costs a tenth of hashing every key.
    head = min(_same_length(ids, old_ids), _same_length(hashes, old_hashes))
    tail = min(_same_length(ids[head:][::-1], old_ids[head:][::-1]),
               _same_length(hashes[head:][::-1], old_hashes[head:][::-1]))
    new_end, old_end = len(ids) - tail, len(old_ids) - tail
    old = {key: row for row, key in enumerate(zip(old_ids[head:old_end], old_hashes[head:old_end]), start=head)}
    middle = [(row, old[key]) for row, key in enumerate(zip(ids[head:new_end], hashes[head:new_end]), start=head)
              if key in old]
    middle_kept = np.array([row for row, _ in middle], dtype=np.int64)
    middle_old = np.array([row for _, row in middle], dtype=np.int64)
    return Reused(np.concatenate([np.arange(head), middle_kept, np.arange(new_end, len(ids))]),
                  np.concatenate([np.arange(head), middle_old, np.arange(old_end, len(old_ids))]))


def _same_length(first: list, second: list) -> int:
    """How many leading items the two lists have in common (compared a block at a time, in C)."""
    shorter, block, start = min(len(first), len(second)), 4096, 0
    while start < shorter and first[start:start + block] == second[start:start + block]:
        start += block
    return next((n for n in range(start, min(start + block, shorter)) if first[n] != second[n]), shorter)


def _stacked(fresh: sparse.csr_matrix, vocab: dict[str, int], reuse: Reused, new_rows: list[int],
             previous: LexicalField | None, n_rows: int) -> sparse.csr_matrix:
    """Row x term counts of one field: the kept rows' counts copied from the previous snapshot, the new rows'
    (fresh, in new_rows order) put in their places; vocabulary ids only grow."""
    if not len(reuse):
        return fresh
    kept = reuse.kept
    old = previous.counts_at(reuse.old)
    old = sparse.csr_matrix((old.data, old.indices, old.indptr), shape=(len(kept), len(vocab)))
    fresh = sparse.csr_matrix((fresh.data, fresh.indices, fresh.indptr), shape=(len(new_rows), len(vocab)))
    position = np.empty(n_rows, dtype=np.int64)  # where each row sits in [old rows, fresh rows]
    position[kept] = np.arange(len(kept))
    position[new_rows] = len(kept) + np.arange(len(new_rows))
    stacked = sparse.vstack([old, fresh], format="csr")
    return stacked if np.array_equal(position, np.arange(n_rows)) else stacked[position]


def _field_texts(source: ClauseSource, ids: list[str], new_rows: list[int]) -> Iterator[list[tuple[str, str]]]:
    """(body, context) of the new rows in order, a batch at a time: streamed from the store when every row is
    new, else read by id."""
    if len(new_rows) == len(ids):
        done = 0
        for batch in source.clause_batches(READ_BATCH):
            if [c.id for c in batch] != ids[done:done + len(batch)]:
                raise RuntimeError("建索引期间文库中的条款被改动了")  # the write lock forbids it
            done += len(batch)
            yield [(index_text(c), context_text(c)) for c in batch]
        if done != len(ids):
            raise RuntimeError("建索引期间文库中的条款被改动了")
        return
    for start in range(0, len(new_rows), READ_BATCH):
        wanted = [ids[row] for row in new_rows[start:start + READ_BATCH]]
        found = source.clauses_by_id(wanted)
        yield [(index_text(found[i]), context_text(found[i])) for i in wanted]


@dataclass
class _Read:
    """The rows whose text this build read, and their body counts (what the offline encoder projects)."""
    clauses: dict[int, Clause]
    counts: sparse.csr_matrix  # rows: counted_rows
    counted_rows: list[int]
    names: list[str]  # term of each column of counts


def _grown_fields(previous: Snapshot | None, reuse: Reused, ids: list[str], source: ClauseSource,
                  analyzer: Analyzer, stats: BuildStats) -> tuple[LexicalField, LexicalField, _Read] | None:
    """The previous BM25 fields grown by a delta segment (index.lexical_segments): only the new rows are read
    from the store and tokenized. None when there is nothing to grow or a merge is due."""
    if previous is None or not len(reuse):
        return None
    new_rows = reuse.new_rows(len(ids))
    found = source.clauses_by_id([ids[row] for row in new_rows])
    clauses = {row: found[ids[row]] for row in new_rows}
    fields = []
    for field_of, old in ((index_text, previous.lexical), (context_text, previous.context)):
        vocab = dict(old.delta.vocab) if old.delta is not None else {}
        fresh = tokenized_counts(analyzer, [field_of(clauses[row]) for row in new_rows], vocab)
        fields.append((grown_field(old, reuse, new_rows, fresh, vocab), fresh, vocab))
    if any(field is None for field, _, _ in fields):
        return None
    stats.tokenized, stats.lexical_grown = len(new_rows), True
    (body, fresh, vocab), (context, _, _) = fields
    return body, context, _Read(clauses, fresh, new_rows, _names(vocab))


def _encoder(semantic: Encoder | None, previous: Snapshot | None, refit: bool, read: _Read,
             offline_dim: int) -> Encoder:
    """The semantic encoder, the previous offline encoder, or a new fit (read holds every row then)."""
    if semantic is not None:
        return semantic
    if not refit:
        return previous.offline
    return OfflineEncoder.fit_counts(read.counts, read.names, offline_dim)


def _refit_due(semantic: Encoder | None, previous: Snapshot | None, n_rows: int, reused: int, offline_dim: int,
               force_refit: bool) -> bool:
    """Whether the offline encoder must be fitted anew: none yet, another dimension, or too much new since."""
    if semantic is not None:
        return False
    old = previous.offline if previous is not None else None
    same_dim = previous is not None and previous.manifest["encoder"].get("key") == encoder_key(None, offline_dim)
    return old is None or not same_dim or force_refit or drift(previous, n_rows, reused) > REFIT_FRACTION * n_rows


def _names(vocab: dict[str, int]) -> list[str]:
    """Term of each count-matrix column."""
    return sorted(vocab, key=vocab.__getitem__)


def drift(previous: Snapshot | None, total: int, reused: int) -> int:
    """Clauses embedded with the offline encoder since it was fitted, this build's included."""
    before = previous.manifest["encoder"].get("new_since_fit", 0) if previous is not None else 0
    return before + total - reused


def _reused_vectors(encoder: Encoder, ids: list[str], reuse: Reused, previous: Snapshot | None) -> Reused:
    """The kept rows whose vector the previous snapshot holds, from the same encoder."""
    if previous is None or previous.manifest["encoder"].get("fingerprint") != encoder.fingerprint:
        return NOTHING_REUSED
    return _with_vectors(ids, reuse, previous)


def _with_vectors(ids: list[str], reuse: Reused, previous: Snapshot) -> Reused:
    """The kept rows that were not pending in the previous snapshot (their vectors there are real)."""
    was_pending = set(previous.manifest.get("pending", []))
    if not was_pending:
        return reuse
    return reuse.where(np.array([ids[row] not in was_pending for row in reuse.kept.tolist()], dtype=bool))


def _carried_vectors(encoder: Encoder, ids: list[str], hashes: list[str], same_text: Reused,
                     previous: Snapshot | None, read: _Read, source: ClauseSource, progress: bool) -> dict[str, np.ndarray]:
    """By clause hash, the kept rows' vectors made from the previous snapshot's when the encoder extends the
    previous one (a pair whose first half it is: index.encoders.PairedEncoder); empty otherwise."""
    fingerprint = previous.manifest["encoder"].get("fingerprint") if previous is not None else None
    extends = getattr(encoder, "extends", None)
    if fingerprint is None or fingerprint == encoder.fingerprint or extends is None or not extends(fingerprint):
        return {}
    kept = _with_vectors(ids, same_text, previous)
    rows = kept.kept.tolist()
    texts = [passage_text(c) for c in _clauses_at(read, source, ids, rows)]
    vectors = encoder.extended(previous.dense.row_vectors(kept.old), texts, progress)
    return {hashes[row]: vector for row, vector in zip(rows, vectors)}


def _new_vectors(encoder: Encoder, todo: list[int], read: _Read, source: ClauseSource, ids: list[str],
                 progress: bool, stats: BuildStats, hashes: list[str], known: dict[str, np.ndarray],
                 defer: bool) -> tuple[np.ndarray, list[str]]:
    """Vectors of the todo rows, in their order: taken from known (keyed like hashes[row]) or encoded in
    batches; with defer, a neural encoder's rows stay zero and their clause ids are returned as pending."""
    vectors = np.zeros((len(todo), encoder.dim), dtype=np.float32)
    if not isinstance(encoder, OfflineEncoder):  # a neural model reads the text, batches it and shows progress
        missing = []
        for i, row in enumerate(todo):
            if hashes[row] in known:
                vectors[i] = known[hashes[row]]
            else:
                missing.append(i)
        if defer:
            return vectors, [ids[todo[i]] for i in missing]
        if missing:
            clauses = _clauses_at(read, source, ids, [todo[i] for i in missing])
            vectors[missing] = encoder.encode_passages([passage_text(c) for c in clauses], [], progress)
        stats.embedded = len(missing)
        return vectors, []
    columns = encoder.columns_for(read.names)
    position = {row: i for i, row in enumerate(read.counted_rows)}
    counted = np.array([position[row] for row in todo], dtype=np.int64)  # the offline encoder's rows are all read
    for start in tqdm(range(0, len(todo), OFFLINE_BATCH), desc="向量", unit="批",
                      disable=not progress or len(todo) < OFFLINE_BATCH):
        vectors[start:start + OFFLINE_BATCH] = encoder.encode_counts(read.counts[counted[start:start + OFFLINE_BATCH]],
                                                                     columns)
    stats.embedded = len(todo)
    return vectors, []


def _clauses_at(read: _Read, source: ClauseSource, ids: list[str], rows: list[int]) -> list[Clause]:
    """The clauses of these rows: read already, else from the store (kept rows whose vectors were pending)."""
    found = source.clauses_by_id([ids[row] for row in rows if row not in read.clauses])
    return [read.clauses[row] if row in read.clauses else found[ids[row]] for row in rows]


def _dense(previous: Snapshot | None, reused: Reused, todo: list[int], fresh: np.ndarray,
           exact_limit: int, stats: BuildStats, pending: bool, rebuild: bool = False) -> DenseIndex:
    """The previous dense index grown in place when it can be (index.dense.grown), else one built anew (always
    when a rebuild is asked for, which drops the masked rows): exact while vectors are pending, since the build
    that brings them cannot reuse a graph over their zeros."""
    if previous is not None and len(reused) and not rebuild:
        dense = grown(previous.dense, reused, todo, fresh, exact_limit)
        if dense is not None:
            stats.dense_grown = True
            return dense
    if pending:
        exact_limit = len(reused) + len(todo)
    if not len(reused):  # todo is every row in order: fresh is the matrix itself, no second copy of it
        return DenseIndex(build_faiss(fresh, exact_limit), fresh)
    vectors = np.zeros((len(reused) + len(todo), fresh.shape[1]), dtype=np.float32)
    vectors[reused.kept] = previous.dense.row_vectors(reused.old)
    vectors[todo] = fresh
    return DenseIndex(build_faiss(vectors, exact_limit), vectors)


def _rescored(source: ClauseSource, ids: list[str], reuse: Reused, previous: Snapshot | None,
              analyzer: Analyzer, progress: bool, stats: BuildStats) -> tuple[_Counted, _Read]:
    """Every row counted (kept rows' counts copied; new rows read from the store a batch at a time and
    tokenized, both fields in one pass). No clause is kept: a neural encoder reads its rows again by id."""
    new_rows = reuse.new_rows(len(ids))
    fields = (previous.lexical, previous.context) if previous is not None and len(reuse) else (None, None)
    vocabs = [dict(field.vocab) if field is not None else {} for field in fields]
    fresh = tokenized_fields(analyzer, _field_texts(source, ids, new_rows), vocabs, len(new_rows), progress)
    stats.tokenized = len(new_rows)
    counts = [_stacked(f, vocab, reuse, new_rows, field, len(ids)) for f, vocab, field in zip(fresh, vocabs, fields)]
    del fresh
    release_free_memory()
    return _Counted(*counts, *vocabs), _Read({}, counts[0], list(range(len(ids))), _names(vocabs[0]))


@dataclass
class _Counted:
    """Both fields' counts, to be scored whole."""
    body: sparse.csr_matrix | None  # None once written
    context: sparse.csr_matrix | None
    body_vocab: dict[str, int]
    context_vocab: dict[str, int]


def _scored_field(counted: _Counted, name: str, folder: Path) -> LexicalField:
    """A field scored whole and written to folder at once, then read back memory-mapped (the snapshot
    hard-links the files; their CRC-32 is computed there as for any written file). The counts are written
    first and dropped from counted, their only holder, before their term-major copy is read back from the
    files and scored: the counts and the scores are never both in memory."""
    vocab = getattr(counted, f"{name}_vocab")
    counts = getattr(counted, name)
    doc_len, df = row_lengths(counts), column_counts(counts.indices, len(vocab))
    write_counts(folder, counts, vocab)
    setattr(counted, name, None)
    del counts
    release_free_memory()
    score_written_counts(folder, doc_len, df)
    release_free_memory()
    return LexicalField(LexicalIndex.load(folder), source=folder)


def build(index_dir: Path, source: ClauseSource, corpus_hash: str, analyzer: Analyzer, semantic: Encoder | None,
          previous: Snapshot | None, offline_dim: int, exact_limit: int, force_refit: bool = False,
          progress: bool = True, known_vectors: dict[str, np.ndarray] | None = None,
          defer_vectors: bool = False) -> BuildStats:
    """Write a snapshot for the source's clauses, reusing what the previous one already holds: kept rows are
    neither read nor tokenized; the BM25 fields grow by a delta segment until a merge is due. known_vectors:
    neural vectors already computed, by clause hash. defer_vectors: leave a neural encoder's new clauses
    without vectors (searchable by their words at once), listed as pending in the manifest."""
    stats, started = BuildStats(), time.perf_counter()
    tokenizer = analyzer.settings()
    ids, hashes = source.clause_keys()
    stats.clauses = len(ids)
    reuse = _reusable(previous, ids, hashes, tokenizer)
    started = stats.timed("keys", started)
    refit = _refit_due(semantic, previous, len(ids), len(reuse), offline_dim, force_refit)
    grown_fields = None if refit else _grown_fields(previous, reuse, ids, source, analyzer, stats)
    with staging(index_dir) as staged:
        if grown_fields is None:
            counted, read = _rescored(source, ids, reuse, previous, analyzer, progress, stats)
        else:
            counted, read, (lexical, context) = None, grown_fields[2], grown_fields[:2]
        started = stats.timed("tokenize", started)
        encoder = _encoder(semantic, previous, refit, read, offline_dim)
        stats.refitted = refit
        started = stats.timed("fit", started)
        if counted is not None:  # scored before the vectors: the scores and the HNSW graph are never both in memory
            read.counts = None  # counted holds the only references, which _scored_field lets go
            context = _scored_field(counted, "context", staged / "context")
            lexical = _scored_field(counted, "body", staged / "lexical")
            read.counts = LexicalIndex.load(staged / "lexical").counts  # its own map: unmapped with read
        started = stats.timed("bm25", started)
        same_text = reuse if isinstance(encoder, OfflineEncoder) or previous is None \
            or previous.manifest.get("tokenizer") == tokenizer else _reusable(previous, ids, hashes, None)
        carried = _carried_vectors(encoder, ids, hashes, same_text, previous, read, source, progress)
        reused = _reused_vectors(encoder, ids, same_text, previous)
        todo = reused.new_rows(len(ids))
        fresh, pending = _new_vectors(encoder, todo, read, source, ids, progress, stats, hashes,
                                      {**carried, **(known_vectors or {})}, defer_vectors)
        del carried
        del read
        release_free_memory()
        started = stats.timed("embed", started)
        dense = _dense(previous, reused, todo, fresh, exact_limit, stats, bool(pending), force_refit)
        del fresh
        started = stats.timed("dense", started)
        stats.folder = _written(index_dir, previous, encoder, semantic, offline_dim, refit, reuse, tokenizer,
                                corpus_hash, ids, hashes, pending, lexical, context, dense)
    stats.timed("write", started)
    return stats


def _written(index_dir: Path, previous: Snapshot | None, encoder: Encoder, semantic: Encoder | None,
             offline_dim: int, refit: bool, reuse: Reused, tokenizer: dict, corpus_hash: str,
             ids: list[str], hashes: list[str], pending: list[str], lexical: LexicalField, context: LexicalField,
             dense: DenseIndex) -> Path:
    """The manifest and the snapshot written; its folder."""
    new_since_fit = 0 if refit or semantic is not None else drift(previous, len(ids), len(reuse))
    manifest = {"encoder": {"name": encoder.name, "dim": encoder.dim, "fingerprint": encoder.fingerprint,
                            "key": encoder_key(semantic, offline_dim), "new_since_fit": new_since_fit},
                "tokenizer": tokenizer, "corpus_hash": corpus_hash, "dense": kind_of(dense.index),
                "clause_ids": ids, "clause_hashes": hashes, "pending": pending}
    linked = _linked_entries(previous, dense, lexical, context)
    return write_snapshot(index_dir, manifest, lexical, context, dense, encoder, linked,
                          previous.folder if previous is not None else None)


def _linked_entries(previous: Snapshot | None, dense: DenseIndex, lexical: LexicalField,
                    context: LexicalField) -> dict[str, dict]:
    """The previous manifest's entries (size, CRC-32) of the files the new snapshot hard-links from it."""
    if previous is None:
        return {}
    names = [*(dense.linked() if dense.source == previous.folder else ()),
             *(f"{part}/{n}" for part, field in (("lexical", lexical), ("context", context))
               if field.source == previous.folder / part for n in field.linked())]
    return {name: previous.manifest["files"][name] for name in names if name in previous.manifest["files"]}
