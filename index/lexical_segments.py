"""One field's BM25 index as it grows between merges: the main segment (index.lexical.LexicalIndex), whose files
a new snapshot hard-links from the one it was read from; a delta segment of the clauses added or re-imported
since; and each row's slot (< n_main: a row of the main segment, else one of the delta). A removed or changed
clause leaves its main slot dead: no row names it, so its scores are never read. Once the delta and the dead
slots pass MERGE_SHARE of the rows, the builder scores every row afresh (a merge), exactly as a fresh build.

The delta is scored with the main segment's statistics: its number of clauses N and mean length (dead rows
included, as the main scores were computed with them); a term's document frequency is the main segment's plus
the delta rows holding it, so a word new to the library counts as rare rather than absent. Between merges the
scores differ from a fresh build's only by N, the mean length and the dead rows' share of df."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from scipy import sparse

from index.dense import link_files
from index.file_cache import read_once
from index.lexical import Bm25Stats, LexicalIndex, bm25_idf

if TYPE_CHECKING:
    from index.builder import Reused

MERGE_SHARE = 0.05  # delta rows plus dead main slots beyond this share of the rows: the field is rescored whole
DELTA = "delta"  # the delta segment's subfolder
SLOTS = "slots.npy"


@dataclass
class LexicalField:
    main: LexicalIndex
    delta: LexicalIndex | None = None  # None: no clause added since the main segment was scored
    slots: np.ndarray | None = None  # row -> slot; None: row i is slot i of the main segment
    source: Path | None = None  # the folder the main segment was read from

    def __post_init__(self) -> None:
        n_slots = self.main.size + (self.delta.size if self.delta is not None else 0)
        if self.slots is not None:
            self.slots = np.asarray(self.slots, dtype=np.int64)
            if self.slots.ndim != 1 or (len(self.slots) and (self.slots.min() < 0 or self.slots.max() >= n_slots)):
                raise ValueError(f"关键词索引的行位置超出了各段共 {n_slots} 行")
        elif self.delta is not None:
            raise ValueError("关键词索引的增量段缺少行位置")

    @property
    def size(self) -> int:
        return self.main.size if self.slots is None else len(self.slots)

    @property
    def delta_rows(self) -> int:
        return self.delta.size if self.delta is not None else 0

    @property
    def dead(self) -> int:
        """Main slots no row names any more (removed or changed clauses)."""
        return self.main.size + self.delta_rows - self.size

    def scores(self, weights: dict[str, float]) -> np.ndarray:
        """BM25 of every row: each segment's scores (index.lexical.LexicalIndex.scores), read at the rows' slots."""
        scores = self.main.scores(weights)
        if self.slots is None:
            return scores
        if self.delta is not None:
            scores = np.concatenate([scores, self.delta.scores(weights)])
        return scores[self.slots]

    def idf(self, terms: list[str]) -> dict[str, float]:
        """BM25 idf of the known terms, with the statistics the delta was scored with (the main one's alone
        when there is no delta)."""
        known = [t for t in terms if t in self.main.vocab or (self.delta is not None and t in self.delta.vocab)]
        df = self.main.doc_freq(known) + (self.delta.doc_freq(known) if self.delta is not None else 0)
        return dict(zip(known, bm25_idf(df, self.main.size).tolist()))

    @cached_property
    def vocab(self) -> dict[str, int]:
        """Column of every term: the main segment's, then the delta's new terms in the delta's order."""
        if self.delta is None:
            return self.main.vocab
        vocab = dict(self.main.vocab)
        for term in self.delta.vocab:
            vocab.setdefault(term, len(vocab))
        return vocab

    def counts_at(self, rows: np.ndarray) -> sparse.csr_matrix:
        """Term counts of these rows (a merge stacks them with the new rows'), columns as in vocab."""
        rows = np.asarray(rows, dtype=np.int64)
        return self._by_slot("counts")[rows if self.slots is None else self.slots[rows]]

    @property
    def counts(self) -> sparse.csr_matrix:
        return self.main.counts if self.slots is None else self.counts_at(np.arange(self.size))

    def row_scores(self) -> sparse.csr_matrix:
        """Every row's BM25 weights, row by row, columns as in vocab (what Milvus stores per clause)."""
        scores = self._by_slot("scores")
        return scores if self.slots is None else scores[self.slots]

    def _by_slot(self, what: str) -> sparse.csr_matrix:
        """The segments' counts or scores stacked in slot order, the delta's columns renumbered into vocab."""
        parts = [_matrix(self.main, what)]
        if self.delta is not None:
            columns = np.array([self.vocab[term] for term in _terms(self.delta.vocab)], dtype=np.int32)
            delta = _matrix(self.delta, what)
            parts.append(sparse.csr_matrix((delta.data, columns[delta.indices], delta.indptr),
                                           shape=(delta.shape[0], len(self.vocab))))
        parts[0] = sparse.csr_matrix((parts[0].data, parts[0].indices, parts[0].indptr),
                                     shape=(parts[0].shape[0], len(self.vocab)))
        return parts[0] if len(parts) == 1 else sparse.vstack(parts, format="csr")

    def save(self, folder: Path) -> None:
        """The main segment hard-linked from its source folder when it has one (else written), the delta and
        the slots written."""
        folder.mkdir(parents=True, exist_ok=True)
        if not (self.source and link_files(self.source, folder, LexicalIndex.file_names())):
            self.main.save(folder)
        if self.delta is not None:
            self.delta.save(folder / DELTA)
        if self.slots is not None:
            np.save(folder / SLOTS, self.slots, allow_pickle=False)

    def linked(self) -> tuple[str, ...]:
        """The files save() takes from the source folder unchanged, relative to the field's folder."""
        return LexicalIndex.file_names() if self.source else ()

    @classmethod
    def load(cls, folder: Path) -> LexicalField:
        main = read_once([folder / name for name in LexicalIndex.file_names() if (folder / name).exists()],
                         lambda: LexicalIndex.load(folder))
        delta = LexicalIndex.load(folder / DELTA) if (folder / DELTA).is_dir() else None
        slots = np.load(folder / SLOTS, allow_pickle=False) if (folder / SLOTS).exists() else None
        return cls(main, delta, slots, folder)


def grown_field(previous: LexicalField, reuse: Reused, new_rows: list[int], fresh: sparse.csr_matrix,
                vocab: dict[str, int]) -> LexicalField | None:
    """previous grown in place: kept rows (index.builder.Reused) keep their main slots; the
    previous delta's kept rows and the new rows (their counts fresh, columns in vocab: the previous delta's
    terms, then new ones) form the new delta, scored afresh. None when a merge is due instead."""
    n, n_main = len(reuse) + len(new_rows), previous.main.size
    kept, old_rows = reuse.kept, reuse.old
    old_slots = old_rows if previous.slots is None else previous.slots[old_rows]
    in_main = old_slots < n_main
    kept_delta = old_slots[~in_main] - n_main
    delta_rows = len(kept_delta) + len(new_rows)
    if previous.source is None or (n_main - int(in_main.sum())) + delta_rows > MERGE_SHARE * max(n, 1):
        return None
    slots = np.empty(n, dtype=np.int64)
    slots[kept[in_main]] = old_slots[in_main]
    slots[kept[~in_main]] = n_main + np.arange(len(kept_delta))
    slots[new_rows] = n_main + len(kept_delta) + np.arange(len(new_rows))
    if delta_rows == 0:
        return LexicalField(previous.main, None, slots, previous.source)
    counts = sparse.vstack([_widened(previous.delta.counts[kept_delta] if len(kept_delta) else None, len(vocab)),
                            _widened(fresh, len(vocab))], format="csr")
    return LexicalField(previous.main, delta_segment(previous.main, counts, vocab), slots, previous.source)


def delta_segment(main: LexicalIndex, counts: sparse.csr_matrix, vocab: dict[str, int]) -> LexicalIndex:
    """The delta's rows scored with the main segment's N and mean length, and df = main's + the delta's own."""
    df = main.doc_freq(_terms(vocab)) + np.bincount(counts.indices, minlength=len(vocab))
    return LexicalIndex.from_counts(counts, vocab, Bm25Stats(main.size, main.avgdl, df))


def _widened(counts: sparse.csr_matrix | None, width: int) -> sparse.csr_matrix:
    """counts with width columns (columns only ever grow); an empty matrix for None."""
    if counts is None:
        return sparse.csr_matrix((0, width), dtype=np.float32)
    return sparse.csr_matrix((counts.data, counts.indices, counts.indptr), shape=(counts.shape[0], width))


def _terms(vocab: dict[str, int]) -> list[str]:
    return sorted(vocab, key=vocab.__getitem__)


def _matrix(segment: LexicalIndex, what: str) -> sparse.csr_matrix:
    if what == "counts":
        return segment.counts
    csc = sparse.csc_matrix((segment.score_data, segment.score_rows, segment.score_indptr),
                            shape=(segment.size, len(segment.vocab)))
    return csc.tocsr()
