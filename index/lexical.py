"""BM25 with every (term, clause) score computed at index time, as bm25s does: a query only
adds a few precomputed columns and takes the top k with argpartition."""
from __future__ import annotations

import json
from collections import deque
from dataclasses import dataclass
from functools import partial
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator

import numpy as np
from scipy import sparse
from scipy.linalg.blas import saxpy
from tqdm import tqdm

if TYPE_CHECKING:
    from index.tokenize import Analyzer

K1 = 1.2
B = 0.75
PARALLEL_MIN_CLAUSES = 2000  # below this, starting worker processes costs more than jieba saves
TOKENIZE_CHUNK = 500  # clauses per task: small enough for a smooth progress bar
JOIN_RELEASE = 100  # chunks' arrays copied into the whole between two returns of their memory to the system


def bm25_idf(df: np.ndarray, n_docs: int) -> np.ndarray:
    """Lucene's non-negative idf: log(1 + (N - df + 0.5) / (df + 0.5))."""
    return np.log1p((n_docs - df + 0.5) / (df + 0.5))


def bm25_tf(tf: np.ndarray, doc_len: np.ndarray, avgdl: float, k1: float = K1, b: float = B) -> np.ndarray:
    """Robertson & Zaragoza (2009), eq. 3.15: saturated, length-normalised term frequency."""
    return tf * (k1 + 1) / (tf + k1 * (1 - b + b * doc_len / max(avgdl, 1e-9)))


def count_matrix(terms: list[list[str]], vocab: dict[str, int]) -> sparse.csr_matrix:
    """Clause x term counts; unseen terms are appended to vocab (ids never change once given)."""
    flat = list(chain.from_iterable(terms))
    for term in dict.fromkeys(flat):  # distinct terms in order of first appearance
        vocab.setdefault(term, len(vocab))
    indices = np.fromiter(map(vocab.__getitem__, flat), dtype=np.int32, count=len(flat))
    indptr = np.zeros(len(terms) + 1, dtype=np.int64)
    np.cumsum([len(passage) for passage in terms], out=indptr[1:])
    data = np.ones(len(indices), dtype=np.float32)
    matrix = sparse.csr_matrix((data, indices, indptr), shape=(len(terms), len(vocab)))
    matrix.sum_duplicates()
    return matrix


ChunkCounts = tuple[list[str], np.ndarray, np.ndarray, np.ndarray]  # chunk's own terms, CSR arrays


def chunk_counts(analyzer: Analyzer, texts: list[str]) -> ChunkCounts:
    """Counts of a chunk of texts over its own vocabulary (terms in order of first appearance)."""
    local: dict[str, int] = {}
    matrix = count_matrix([analyzer.terms(text) for text in texts], local)
    return list(local), matrix.indptr, matrix.indices, matrix.data


def merge_chunks(chunks: Iterable[ChunkCounts], vocab: dict[str, int]) -> sparse.csr_matrix:
    """Chunks stacked in order with their terms renumbered into vocab: the same ids and matrix that
    count_matrix over all the texts in one go would give. Each chunk is merged as it arrives."""
    merged = CountsMerger(vocab)
    for chunk in chunks:
        merged.add(chunk)
    return merged.matrix()


class CountsMerger:
    """merge_chunks one chunk at a time (several fields' chunks come from one tokenizer task)."""

    def __init__(self, vocab: dict[str, int]):
        self.vocab = vocab
        self._parts: dict[str, list[np.ndarray]] = {"indptr": [np.zeros(1, dtype=np.int64)], "indices": [], "data": []}
        self._offset = self.rows = 0

    def add(self, chunk: ChunkCounts) -> None:
        terms, chunk_indptr, chunk_indices, chunk_data = chunk
        ids = np.array([self.vocab.setdefault(term, len(self.vocab)) for term in terms], dtype=np.int32)
        rows = len(chunk_indptr) - 1
        matrix = sparse.csr_matrix((chunk_data, ids[chunk_indices], chunk_indptr), shape=(rows, len(self.vocab)))
        matrix.sort_indices()
        self._parts["indices"].append(matrix.indices)
        self._parts["data"].append(matrix.data)
        self._parts["indptr"].append(np.asarray(chunk_indptr[1:], dtype=np.int64) + self._offset)
        self._offset += len(matrix.indices)
        self.rows += rows

    def matrix(self) -> sparse.csr_matrix:
        """The stacked matrix; each array is joined apart and its parts freed as they are copied, so the
        chunks and the whole are never all in memory at once."""
        empty = {"indptr": np.zeros(1, np.int64), "indices": np.zeros(0, np.int32), "data": np.zeros(0, np.float32)}
        arrays = {name: _joined(parts) if parts else empty[name] for name, parts in self._parts.items()}
        return sparse.csr_matrix((arrays["data"], arrays["indices"], arrays["indptr"]),
                                 shape=(self.rows, len(self.vocab)))


def _joined(parts: list[np.ndarray]) -> np.ndarray:
    """np.concatenate that empties the list as it copies, handing the copied parts' memory back every
    JOIN_RELEASE parts (np.empty takes no pages until they are written): the parts and the whole are never
    both resident."""
    from index.memory import release_free_memory

    out = np.empty(sum(len(part) for part in parts), dtype=parts[0].dtype)
    start = 0
    for i, part in enumerate(parts):
        out[start:start + len(part)] = part
        start += len(part)
        parts[i] = None
        if i % JOIN_RELEASE == JOIN_RELEASE - 1:
            release_free_memory(collect=False)
    parts.clear()
    return out


def tokenized_counts(analyzer: Analyzer, texts: list[str], vocab: dict[str, int], progress: bool = False,
                     workers: int | None = None) -> sparse.csr_matrix:
    """Clause x term counts of texts, jieba run in worker processes when there are enough of them
    (jieba holds the GIL, so only processes add cores); vocab grows as in count_matrix."""
    batches = ([(text,) for text in texts[i:i + TOKENIZE_CHUNK]] for i in range(0, len(texts), TOKENIZE_CHUNK))
    return tokenized_fields(analyzer, batches, [vocab], len(texts), progress, workers)[0]


def tokenized_fields(analyzer: Analyzer, batches: Iterable[list[tuple[str, ...]]], vocabs: list[dict[str, int]],
                     total: int, progress: bool = False, workers: int | None = None) -> list[sparse.csr_matrix]:
    """Counts of several fields at once (one text per field in each row tuple), one matrix per field, each
    vocab growing as in count_matrix. batches is read lazily, as the workers need it, so a caller can stream
    rows from the store instead of holding every text; the workers start before the first batch is read."""
    global _worker_analyzer
    from workers import cores, process_context

    merged = [CountsMerger(vocab) for vocab in vocabs]
    workers = min(workers or cores(), max(1, -(-total // TOKENIZE_CHUNK)))
    chunks = (batch[i:i + TOKENIZE_CHUNK] for batch in batches for i in range(0, len(batch), TOKENIZE_CHUNK))
    with tqdm(total=total, desc="分词", unit="条", disable=not progress or total < 200) as bar:
        if workers < 2 or total < PARALLEL_MIN_CLAUSES:
            results: Iterable[list[ChunkCounts]] = map(partial(fields_counts, analyzer), chunks)
        else:
            analyzer.cut("")  # load the dictionary once, here, rather than in every worker
            _worker_analyzer = analyzer  # inherited as it is by forked workers
            context = process_context(["index.lexical", "index.tokenize"])
            pool = context.Pool(workers, _start_worker, (analyzer.paths,))
            results = _bounded_map(pool, _worker_fields, chunks, 4 * workers)
        try:
            for result in results:
                for merger, counts in zip(merged, result):
                    merger.add(counts)
                bar.update(len(result[0][1]) - 1)
        finally:
            if workers >= 2 and total >= PARALLEL_MIN_CLAUSES:
                pool.terminate()
    return [merger.matrix() for merger in merged]


def _bounded_map(pool, function: Callable, items: Iterable, window: int) -> Iterator:
    """pool.imap with at most window tasks in flight: items are read on this thread only as results come back
    (imap's feeder thread would read them all ahead, and the store's rows with them)."""
    pending: deque = deque()
    for item in items:
        pending.append(pool.apply_async(function, (item,)))
        if len(pending) >= window:
            yield pending.popleft().get()
    while pending:
        yield pending.popleft().get()


def fields_counts(analyzer: Analyzer, rows: list[tuple[str, ...]]) -> list[ChunkCounts]:
    """chunk_counts of each field of a chunk of rows."""
    return [chunk_counts(analyzer, list(texts)) for texts in zip(*rows)]


_worker_analyzer: Analyzer | None = None


def _start_worker(paths: dict[str, Path]) -> None:
    """A forked worker keeps the parent's Analyzer; a spawned one builds its own from the same files."""
    global _worker_analyzer
    from index.tokenize import Analyzer
    from workers import die_with_parent

    die_with_parent()

    if _worker_analyzer is None or _worker_analyzer.paths != paths:
        _worker_analyzer = Analyzer(**paths)


def _worker_fields(rows: list[tuple[str, ...]]) -> list[ChunkCounts]:
    return fields_counts(_worker_analyzer, rows)


ARRAYS = ("counts_indptr", "counts_indices", "counts_data", "score_indptr", "score_rows", "score_data", "hot_terms",
          "hot_scores")  # a segment's .npy files
HOT_SHARE = 0.25  # a term in at least this share of clauses is also kept as a dense row of scores


def hot_columns(indptr: np.ndarray, rows: np.ndarray, data: np.ndarray, n_rows: int) -> tuple[np.ndarray, np.ndarray]:
    """The terms found in at least HOT_SHARE of the clauses, and their scores as dense rows (hot x clause).
    A query adds such a term with one vectorised multiply-add instead of a scatter over its long posting
    list; common characters and bigrams hold most of a question's postings (75 % at 100k clauses) and,
    dense, take at most twice the bytes of their postings."""
    df = np.diff(np.asarray(indptr))
    hot = np.flatnonzero(df >= max(1, HOT_SHARE * n_rows)).astype(np.int32)
    dense = np.zeros((len(hot), n_rows), dtype=np.float32)
    for i, column in enumerate(hot.tolist()):
        start, end = indptr[column], indptr[column + 1]
        dense[i, rows[start:end]] = data[start:end]
    return hot, dense


SCORE_BLOCK = 1 << 22  # postings scored at once: bounds the temporaries of the BM25 formula
COUNT_BLOCK = 1 << 22  # column indices counted at once: np.bincount first copies what it counts to int64
READ_ROWS = 1 << 14  # rows of written counts read back at once to be made term-major


def column_counts(indices: np.ndarray, n_columns: int) -> np.ndarray:
    """How often each column occurs in indices (of a count matrix: the clauses holding each term), counted a
    block at a time: np.bincount over the whole array would copy it to int64, 8 bytes per posting."""
    counts = np.zeros(n_columns, dtype=np.int64)
    for start in range(0, len(indices), COUNT_BLOCK):
        counts += np.bincount(indices[start:start + COUNT_BLOCK], minlength=n_columns)[:n_columns]
    return counts


def row_lengths(counts: sparse.csr_matrix) -> np.ndarray:
    """Each clause's length: the sum of its term counts."""
    return np.asarray(counts.sum(axis=1)).ravel()


def written_term_major(folder: Path, df: np.ndarray) -> sparse.csc_matrix:
    """The counts write_counts put in folder, term-major (32-bit row indices), read back a block of rows at a
    time: a build lets its counts go once written, so they and this copy are never both in memory.
    df: each term's posting count; the same matrix as scipy's tocsc of the counts."""
    indptr = np.load(folder / "counts_indptr.npy", allow_pickle=False)
    n_rows, n_columns = len(indptr) - 1, len(df)
    starts = np.zeros(n_columns + 1, dtype=np.int64)
    np.cumsum(df, out=starts[1:])
    rows, data = np.empty(starts[-1], dtype=np.int32), np.empty(starts[-1], dtype=np.float32)
    filled = starts[:-1].copy()  # where each term's next posting goes
    for first in range(0, n_rows, READ_ROWS):
        last = min(first + READ_ROWS, n_rows)
        lo, hi = int(indptr[first]), int(indptr[last])
        block = sparse.csr_matrix((_read_slice(folder / "counts_data.npy", lo, hi),
                                   _read_slice(folder / "counts_indices.npy", lo, hi), indptr[first:last + 1] - lo),
                                  shape=(last - first, n_columns)).tocsc()
        lengths = np.diff(block.indptr)
        to = np.repeat(filled - block.indptr[:-1], lengths) + np.arange(block.nnz)
        rows[to], data[to] = block.indices + first, block.data
        filled += lengths
    return sparse.csc_matrix((data, rows, starts), shape=(n_rows, n_columns))


def _read_slice(path: Path, start: int, end: int) -> np.ndarray:
    """A copy of a slice of a .npy file; the memory map, and the pages it read, go when this returns."""
    return np.array(np.load(path, mmap_mode="r", allow_pickle=False)[start:end])


def _scored(csc: sparse.csc_matrix, doc_len: np.ndarray, idf: np.ndarray, avgdl: float) -> np.ndarray:
    """BM25 of every posting of a term-major count matrix, written over its counts block by block of terms:
    element by element the same arithmetic as over the whole array, without its full-size temporaries."""
    indptr, out = csc.indptr, csc.data
    starts = np.searchsorted(indptr, np.arange(0, indptr[-1], SCORE_BLOCK), side="right") - 1
    bounds = [*dict.fromkeys(int(c) for c in starts), csc.shape[1]]
    for first, last in zip(bounds, bounds[1:]):
        lo, hi = indptr[first], indptr[last]
        columns = np.repeat(np.arange(first, last), np.diff(indptr[first:last + 1]))
        tf = bm25_tf(csc.data[lo:hi], doc_len[csc.indices[lo:hi]], avgdl)
        out[lo:hi] = (tf * idf[columns]).astype(np.float32)
    return out


@dataclass(frozen=True)
class Bm25Stats:
    """The collection statistics a segment's scores are computed with: clauses, their mean length, and the
    document frequency of each of the segment's terms (its columns)."""
    n_docs: int
    avgdl: float
    df: np.ndarray


def own_stats(doc_len: np.ndarray, df: np.ndarray) -> Bm25Stats:
    """The statistics of a segment scored with its own collection: its clauses' lengths and its terms' df."""
    return Bm25Stats(len(doc_len), float(doc_len.mean()) if len(doc_len) else 1.0, df.astype(np.float32))


@dataclass
class LexicalIndex:
    """One segment: every (term, clause) BM25 score of its rows, term-major."""
    vocab: dict[str, int]
    counts: sparse.csr_matrix  # clause x term, kept so an update need not run jieba again
    score_indptr: np.ndarray  # term-major (CSC) BM25 scores
    score_rows: np.ndarray
    score_data: np.ndarray
    hot_terms: np.ndarray | None = None  # hot_columns(): computed from the scores when not given
    hot_scores: np.ndarray | None = None
    avgdl: float | None = None  # the mean clause length the scores were computed with

    def __post_init__(self) -> None:
        if self.hot_terms is None or self.hot_scores is None:
            self.hot_terms, self.hot_scores = hot_columns(self.score_indptr, self.score_rows, self.score_data,
                                                          self.size)
        self._hot_row = {int(column): i for i, column in enumerate(self.hot_terms)}
        # plain views of the memory maps: slicing a np.memmap costs more than adding a short posting list
        self._postings = (np.asarray(self.score_indptr), np.asarray(self.score_rows), np.asarray(self.score_data))
        self._hot_scores = np.asarray(self.hot_scores)
        if self.avgdl is None:
            self.avgdl = float(self.counts.data.sum() / self.size) if self.size else 1.0

    @property
    def size(self) -> int:
        return self.counts.shape[0]

    def idf(self, terms: list[str]) -> dict[str, float]:
        """BM25 idf of the terms the index knows (document frequency read off the posting lengths)."""
        known = [t for t in terms if t in self.vocab]
        return dict(zip(known, bm25_idf(self.doc_freq(known), self.size).tolist()))

    def doc_freq(self, terms: list[str]) -> np.ndarray:
        """Clauses holding each term (0 for a term the segment does not know), from the posting lengths."""
        ids = np.array([self.vocab.get(t, -1) for t in terms], dtype=np.int64)
        known = ids >= 0
        df = np.zeros(len(terms), dtype=np.float64)
        df[known] = np.asarray(self.score_indptr[ids[known] + 1]) - np.asarray(self.score_indptr[ids[known]])
        return df

    @classmethod
    def from_counts(cls, counts: sparse.csr_matrix, vocab: dict[str, int], stats: Bm25Stats | None = None
                    ) -> LexicalIndex:
        """Scores of the counted clauses; with stats, computed with those statistics rather than the segment's
        own (a delta segment scored as if it were part of the main one)."""
        counts = sparse.csr_matrix(counts, dtype=np.float32)
        csc, avgdl = term_major_scores(counts, vocab, stats)
        return cls(vocab, counts, csc.indptr.astype(np.int64), csc.indices.astype(np.int32, copy=False), csc.data,
                   avgdl=avgdl)

    def scores(self, weights: dict[str, float]) -> np.ndarray:
        """BM25 of every clause for weighted query terms: hot terms added as dense rows, the others' postings
        added in one np.add.at (float32 throughout, as bm25s; a float64 sum differs within float32 rounding).
        BLAS's saxpy adds a hot row in place: numpy's row * weight would first write the product elsewhere."""
        total = np.zeros(self.size, dtype=np.float32)
        indptr, rows, data = self._postings
        row_parts, value_parts = [], []
        for term, weight in weights.items():
            column = self.vocab.get(term)
            if column is None:
                continue
            hot = self._hot_row.get(column)
            if hot is not None:
                total = saxpy(self._hot_scores[hot], total, a=weight)
            else:
                start, end = indptr[column], indptr[column + 1]
                row_parts.append(rows[start:end])
                value_parts.append(data[start:end] * np.float32(weight))
        if row_parts:
            np.add.at(total, np.concatenate(row_parts), np.concatenate(value_parts))
        return total

    def row_terms(self, row: int) -> list[tuple[int, float]]:
        start, end = self.counts.indptr[row], self.counts.indptr[row + 1]
        return list(zip(self.counts.indices[start:end].tolist(), self.counts.data[start:end].tolist()))

    def save(self, folder: Path) -> None:
        write_counts(folder, self.counts, self.vocab)
        _write_arrays(folder, {name: array for name, array in self._arrays().items() if not name.startswith("counts_")})
        _write_params(folder, self.size, self.avgdl)

    def _arrays(self) -> dict[str, np.ndarray]:
        return {"counts_indptr": self.counts.indptr, "counts_indices": self.counts.indices,
                "counts_data": self.counts.data, "score_indptr": self.score_indptr,
                "score_rows": self.score_rows, "score_data": self.score_data,
                "hot_terms": self.hot_terms, "hot_scores": self.hot_scores}

    @classmethod
    def load(cls, folder: Path) -> LexicalIndex:
        terms = json.loads((folder / "vocab.json").read_text(encoding="utf-8"))
        arrays = {name: np.load(folder / f"{name}.npy", mmap_mode="r", allow_pickle=False) for name in ARRAYS
                  if (folder / f"{name}.npy").exists()}
        n_rows = len(arrays["counts_indptr"]) - 1
        counts = sparse.csr_matrix((arrays["counts_data"], arrays["counts_indices"], arrays["counts_indptr"]),
                                   shape=(n_rows, len(terms)))
        if len(arrays["score_indptr"]) != len(terms) + 1 or arrays["score_rows"].shape != arrays["score_data"].shape:
            raise ValueError(f"{folder} 中的关键词索引形状不一致")
        hot_terms, hot_scores = arrays.get("hot_terms"), arrays.get("hot_scores")  # absent before format 3.1
        if hot_terms is not None and (hot_scores is None or hot_scores.shape != (len(hot_terms), n_rows)):
            raise ValueError(f"{folder} 中的关键词索引常用词列不一致")
        avgdl = json.loads((folder / "params.json").read_text(encoding="utf-8")).get("avgdl")
        if avgdl is not None and type(avgdl) is not float:
            raise ValueError(f"{folder / 'params.json'}：平均长度 avgdl 为 {avgdl!r}")
        return cls({t: i for i, t in enumerate(terms)}, counts, arrays["score_indptr"],
                   arrays["score_rows"], arrays["score_data"], hot_terms, hot_scores, avgdl)

    @staticmethod
    def file_names() -> tuple[str, ...]:
        """The files save() writes."""
        return ("vocab.json", "params.json", *(f"{name}.npy" for name in ARRAYS))


def term_major_scores(counts: sparse.csr_matrix, vocab: dict[str, int], stats: Bm25Stats | None = None
                      ) -> tuple[sparse.csc_matrix, float]:
    """Every posting's BM25, term-major, and the mean length it was computed with (LexicalIndex.from_counts).
    counts (float32) is widened to the vocabulary in place."""
    counts.resize((counts.shape[0], len(vocab)))
    doc_len = row_lengths(counts)
    csc = sparse.csc_matrix(counts)
    stats = stats if stats is not None else own_stats(doc_len, np.diff(csc.indptr))
    csc.data = _scored(csc, doc_len, bm25_idf(stats.df, stats.n_docs), stats.avgdl)
    return csc, stats.avgdl


def write_counts(folder: Path, counts: sparse.csr_matrix, vocab: dict[str, int]) -> None:
    """The vocabulary and the count matrix of a segment: LexicalIndex.save's first half."""
    folder.mkdir(parents=True, exist_ok=True)
    terms = sorted(vocab, key=vocab.__getitem__)
    (folder / "vocab.json").write_text(json.dumps(terms, ensure_ascii=False), encoding="utf-8")
    _write_arrays(folder, {"counts_indptr": counts.indptr, "counts_indices": counts.indices,
                           "counts_data": counts.data})


def score_written_counts(folder: Path, doc_len: np.ndarray, df: np.ndarray) -> None:
    """BM25 of the counts write_counts put in folder, written beside them as write_scores does; doc_len (the
    clauses' lengths) and df (the terms' posting counts) were taken from the counts before they were let go."""
    csc = written_term_major(folder, df)
    stats = own_stats(doc_len, df)
    csc.data = _scored(csc, doc_len, bm25_idf(stats.df, stats.n_docs), stats.avgdl)
    write_scores(folder, csc, stats.avgdl)


def write_scores(folder: Path, csc: sparse.csc_matrix, avgdl: float) -> None:
    """The scores of term_major_scores, their hot rows and the parameters: LexicalIndex.save's second half
    (a build writes the counts first and lets them go, so the counts, the scores and the hot rows are never
    all in memory). The same files as save()."""
    indptr, rows = csc.indptr.astype(np.int64), csc.indices.astype(np.int32, copy=False)
    hot_terms, hot_scores = hot_columns(indptr, rows, csc.data, csc.shape[0])
    _write_arrays(folder, {"score_indptr": indptr, "score_rows": rows, "score_data": csc.data,
                           "hot_terms": hot_terms, "hot_scores": hot_scores})
    _write_params(folder, csc.shape[0], avgdl)


def _write_arrays(folder: Path, arrays: dict[str, np.ndarray]) -> None:
    for name, array in arrays.items():
        np.save(folder / f"{name}.npy", np.ascontiguousarray(array), allow_pickle=False)


def _write_params(folder: Path, clauses: int, avgdl: float) -> None:
    params = {"k1": K1, "b": B, "clauses": clauses, "avgdl": avgdl}
    (folder / "params.json").write_text(json.dumps(params), encoding="utf-8")


def top_k(scores: np.ndarray, k: int, allowed: np.ndarray | None = None) -> list[tuple[int, float]]:
    """The k best positive scores, best first; allowed is a boolean row mask."""
    if allowed is not None:
        scores = np.where(allowed, scores, 0.0)
    k = min(k, int(np.count_nonzero(scores > 0)))
    if k <= 0:
        return []
    best = np.argpartition(-scores, k - 1)[:k]
    best = best[np.argsort(-scores[best], kind="stable")]
    return [(int(i), float(scores[i])) for i in best]
