"""FAISS over normalised vectors: exact inner product while small, HNSW above a measured size; grown in place
when documents are added or removed (a delta beside the main index, dead rows masked), rebuilt only now and then."""
from __future__ import annotations

import errno
import os
import shutil
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

import faiss
import numpy as np

from index.file_cache import read_once
from index.threads import bulk_threads

if TYPE_CHECKING:
    from index.builder import Reused

HNSW_NEIGHBOURS = 32
HNSW_EF_CONSTRUCTION = 80
HNSW_EF_SEARCH = 256  # recall@10 vs exact at 100k: 96 → 0.93, 256 → 0.96 (0.39 ms p50)
MERGE_ROWS = 20_000  # delta rows searched by numpy (≈ 0.7 ms at 256 dimensions) before they join the main index
DEAD_SHARE = 0.2  # removed or replaced rows' slots beyond this share of the rows: the index is rebuilt


def build_faiss(vectors: np.ndarray, exact_limit: int) -> faiss.Index:
    """IndexFlatIP up to exact_limit rows, IndexHNSWFlat (inner product) above."""
    dim = vectors.shape[1]
    if len(vectors) <= exact_limit:
        index = faiss.IndexFlatIP(dim)
    else:
        index = faiss.IndexHNSWFlat(dim, HNSW_NEIGHBOURS, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = HNSW_EF_CONSTRUCTION
    if len(vectors):
        with bulk_threads():  # HNSW insertion is parallel; queries stay on the pinned single thread
            index.add(np.ascontiguousarray(vectors, dtype=np.float32))
    return index


def kind_of(index: faiss.Index) -> str:
    return "hnsw" if isinstance(index, faiss.IndexHNSW) else "flat"


@dataclass
class DenseIndex:
    """Rows' vectors in slots: the main FAISS index's (slots 0..n_main-1, vectors.npy in slot order) and a
    delta of vectors added since it was built (searched exactly with numpy). A row whose clause was removed
    or changed leaves its slot dead: masked in searches, dropped when the index is rebuilt (see grown)."""
    index: faiss.Index
    main: np.ndarray  # the main index's vectors, slot order, memory-mapped
    delta: np.ndarray | None = None  # (m, dim) vectors in slots n_main.. ; None: none
    slots: np.ndarray | None = None  # row -> slot; None: row i is slot i
    source: Path | None = None  # the snapshot folder the main index and its vectors were read from

    def __post_init__(self) -> None:
        dim = self.main.shape[1] if self.main.ndim == 2 else 0
        self.delta = np.zeros((0, dim), dtype=np.float32) if self.delta is None else self.delta
        self.slots = np.arange(len(self.main), dtype=np.int64) if self.slots is None else np.asarray(self.slots)
        n_main, n_slots = len(self.main), len(self.main) + len(self.delta)
        if len(self.slots) and (self.slots.min() < 0 or self.slots.max() >= n_slots):
            raise ValueError(f"语义向量的行位置超出了 {n_slots} 个向量")
        self._row_of_slot = np.full(n_slots, -1, dtype=np.int64)
        self._row_of_slot[self.slots] = np.arange(len(self.slots))
        self._identity = len(self.slots) == n_main == n_slots and bool(np.all(self._row_of_slot >= 0)) \
            and bool(np.array_equal(self.slots, np.arange(n_main)))
        live_main = self._row_of_slot[:n_main] >= 0
        self._live_main = int(live_main.sum())
        self._main_bits = None if self._live_main == n_main else np.packbits(live_main, bitorder="little")

    @property
    def size(self) -> int:
        return int(len(self.slots))

    @property
    def dead(self) -> int:
        """Slots no row uses any more (removed or changed clauses)."""
        return len(self.main) + len(self.delta) - self.size

    def row_vectors(self, rows: np.ndarray) -> np.ndarray:
        """The vectors of these rows, float32."""
        rows = np.asarray(rows, dtype=np.int64)
        if self._identity:
            return np.asarray(self.main[rows], dtype=np.float32)
        slots, n_main = self.slots[rows], len(self.main)
        out = np.empty((len(rows), self.main.shape[1]), dtype=np.float32)
        in_main = slots < n_main
        out[in_main] = self.main[slots[in_main]]
        out[~in_main] = self.delta[slots[~in_main] - n_main]
        return out

    @cached_property
    def vectors(self) -> np.ndarray:
        """Every row's vector in row order (the memory map itself while rows are slots)."""
        return self.main if self._identity else self.row_vectors(np.arange(self.size))

    def search(self, query: np.ndarray, k: int, allowed: np.ndarray | None = None) -> list[tuple[int, float]]:
        """The k nearest rows by inner product; with a row mask, exact over the allowed rows."""
        if self.size == 0 or k <= 0 or not np.any(query):
            return []
        if allowed is not None:
            rows = np.flatnonzero(allowed)
            scores = self.row_vectors(rows) @ query[0]
            order = np.argsort(-scores, kind="stable")[:k]
            return [(int(rows[i]), float(scores[i])) for i in order]
        query = np.ascontiguousarray(query, dtype=np.float32)
        if self._identity:
            scores, rows = self.index.search(query, min(k, self.size))
            return [(int(r), float(s)) for r, s in zip(rows[0], scores[0]) if r >= 0]
        hits = self._main_hits(query, k) + self._delta_hits(query, k)
        return sorted(hits, key=lambda hit: -hit[1])[:k]

    def _main_hits(self, query: np.ndarray, k: int) -> list[tuple[int, float]]:
        """The main index's best live slots; dead ones are masked by an IDSelector bitmap."""
        k = min(k, self._live_main)
        if k <= 0:
            return []
        if self._main_bits is None:
            scores, slots = self.index.search(query, k)
        else:
            selector = faiss.IDSelectorBitmap(len(self.main), faiss.swig_ptr(self._main_bits))
            params = (faiss.SearchParametersHNSW(sel=selector, efSearch=HNSW_EF_SEARCH)
                      if isinstance(self.index, faiss.IndexHNSW) else faiss.SearchParameters(sel=selector))
            scores, slots = self.index.search(query, k, params=params)
        return [(int(self._row_of_slot[s]), float(d)) for s, d in zip(slots[0], scores[0]) if s >= 0]

    def _delta_hits(self, query: np.ndarray, k: int) -> list[tuple[int, float]]:
        rows = self._row_of_slot[len(self.main):]
        live = np.flatnonzero(rows >= 0)
        if len(live) == 0:
            return []
        scores = self.delta[live] @ query[0]
        best = np.argsort(-scores, kind="stable")[:k]
        return [(int(rows[live[i]]), float(scores[i])) for i in best]

    def save(self, folder: Path) -> None:
        """vectors.npy and dense.faiss hard-linked from the source snapshot when they are its own (snapshot
        files are never written in place), else written; the delta and the row slots written."""
        if not (self.source and link_files(self.source, folder, ("vectors.npy", "dense.faiss"))):
            np.save(folder / "vectors.npy", np.ascontiguousarray(self.main, dtype=np.float32), allow_pickle=False)
            try:
                faiss.write_index(self.index, str(folder / "dense.faiss"))
            except RuntimeError as error:  # FAISS reports a failed write as RuntimeError, without the OS reason
                raise OSError(_write_errno(folder), f"cannot write {folder / 'dense.faiss'}: {error}") from error
        if not self._identity:
            np.save(folder / "delta_vectors.npy", np.ascontiguousarray(self.delta, dtype=np.float32), allow_pickle=False)
            np.save(folder / "slots.npy", self.slots.astype(np.int64), allow_pickle=False)

    def linked(self) -> tuple[str, ...]:
        """The files save() takes from the source snapshot unchanged."""
        return ("vectors.npy", "dense.faiss") if self.source else ()

    @classmethod
    def load(cls, folder: Path) -> DenseIndex:
        vectors = np.load(folder / "vectors.npy", mmap_mode="r", allow_pickle=False)
        index = read_once([folder / "dense.faiss"], lambda: read_faiss(folder / "dense.faiss"))
        if index.ntotal != vectors.shape[0] or (len(vectors) and index.d != vectors.shape[1]):
            raise ValueError(f"{folder / 'dense.faiss'} 有 {index.ntotal} 个向量，vectors.npy 有 {vectors.shape[0]} 个")
        if isinstance(index, faiss.IndexHNSW):
            index.hnsw.efSearch = HNSW_EF_SEARCH
        delta = slots = None
        if (folder / "slots.npy").exists():
            delta = np.load(folder / "delta_vectors.npy", allow_pickle=False)
            slots = np.load(folder / "slots.npy", allow_pickle=False)
            if delta.ndim != 2 or (len(delta) and delta.shape[1] != vectors.shape[1]):
                raise ValueError(f"{folder / 'delta_vectors.npy'} 的形状为 {delta.shape}")
        return cls(index, vectors, delta, slots, folder)


def grown(previous: DenseIndex, reused: Reused, todo: list[int], fresh: np.ndarray,
          exact_limit: int) -> DenseIndex | None:
    """previous grown in place: reused rows (index.builder.Reused) keep their slots, the todo rows' fresh
    vectors go into the delta. The delta joins the main index once it passes MERGE_ROWS (FAISS appends to
    an HNSW graph as it does to a flat index). None when a rebuild is due instead: more than DEAD_SHARE of
    the slots dead, or the library grown past exact_limit on a flat index."""
    n = len(reused) + len(todo)
    slots = np.empty(n, dtype=np.int64)
    slots[reused.kept] = previous.slots[reused.old]
    first = len(previous.main) + len(previous.delta)
    slots[todo] = first + np.arange(len(todo))
    delta = np.concatenate([previous.delta, np.asarray(fresh, dtype=np.float32).reshape(len(todo), previous.main.shape[1])])
    flat_too_big = kind_of(previous.index) == "flat" and n > exact_limit
    if flat_too_big or first + len(todo) - n > DEAD_SHARE * max(n, 1) or previous.source is None:
        return None
    if len(delta) <= MERGE_ROWS:
        return DenseIndex(previous.index, previous.main, delta, slots, previous.source)
    index = faiss.read_index(str(previous.source / "dense.faiss"))  # writable, unlike the mapped one
    with bulk_threads():
        index.add(delta)  # FAISS numbers them on from ntotal: the slots they already have
    return DenseIndex(index, np.concatenate([np.asarray(previous.main), delta]), None, slots)


def link_files(source: Path, folder: Path, names: tuple[str, ...]) -> bool:
    """Hard links to the source snapshot's files; False (nothing left behind) where links are refused."""
    try:
        for name in names:
            os.link(source / name, folder / name)
    except OSError:
        for name in names:
            (folder / name).unlink(missing_ok=True)
        return False
    return True


def _write_errno(folder: Path) -> int:
    """ENOSPC when the disk is (nearly) full, else EIO."""
    try:
        full = shutil.disk_usage(folder).free < 1024 * 1024
    except OSError:
        full = False
    return errno.ENOSPC if full else errno.EIO


def read_faiss(path: Path) -> faiss.Index:
    """Memory-map where the index type allows it, else read it whole."""
    try:
        return faiss.read_index(str(path), faiss.IO_FLAG_MMAP | faiss.IO_FLAG_READ_ONLY)
    except RuntimeError:
        return faiss.read_index(str(path))
