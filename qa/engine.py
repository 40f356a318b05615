"""The search engine: opens the store, keeps the index up to date, and runs a question through the steps
that rank clauses: the question read (qa.question), candidates gathered (qa.candidates), each feature
computed by its own module, their weighted sum (qa.ranking), and the hits (qa.hits).

Searches read one immutable Library (qa.library); refresh() builds the next one and swaps a single
reference, so every answer comes wholly from the old or wholly from the new snapshot."""
from __future__ import annotations

import sys
import threading
from contextlib import contextmanager
from typing import Iterator

import numpy as np

from config import Config
from index.backend import (BackendUnavailable, DocumentFields, SearchBackend, UnknownBackend, check_backend,
                           library_changed_elsewhere, open_backend, share_library, shares_library)
from index.builder import BuildStats, build, clause_hash, encoder_key, passage_text, stale_reasons
from index.encoders import SemanticEncoder, UnknownEncoder, UseEncoder, check_fallback, load_semantic
from index.snapshot import IndexCorrupt, IndexWriteError, Snapshot, current_folder, last_built, load_snapshot
from index.threads import pin_threads
from index.tokenize import Analyzer, QueryTerms, analyzer_for
from ingest.records import Clause
from ingest.store import Store
from qa.candidates import defining_first, gathered, position_in_order
from qa.docnames import DocumentNames
from qa.features import Signals, feature_matrix
from qa.filters import DocFilter, KeptDocuments, allowed_rows, current_status, describe
from qa.hits import Hit, SearchResult, matched_terms
from qa.library import Library, clauses_at, first_readable
from qa.question import QueryError, question_text, read_for_ranking
from qa.ranking import FEATURES, Candidates, load_weights
from qa.rerank import Reranker

__all__ = ["Engine", "IndexUnavailable", "QueryError"]  # QueryError lives in qa.question; callers catch it here

NAMES_CACHE = "names.json"  # in the index folder: the name keys of each document (qa.docnames)
LOCK_WAIT_S = 30.0


class IndexUnavailable(Exception):
    """The index can neither be loaded nor rebuilt right now."""


class Engine:
    def __init__(self, config: Config, store: Store, analyzer: Analyzer, semantic: SemanticEncoder | None,
                 reason: str):
        self.config, self.store, self.analyzer = config, store, analyzer
        self.semantic, self.offline_reason = semantic, reason
        self._state: Library | None = None
        self._snapshot: Snapshot | None = None  # the snapshot _state was made from
        self._refresh_lock = threading.Lock()
        self.last_build: BuildStats | None = None
        self._reranker = Reranker(config.reranker)
        self._weights: np.ndarray | None = None
        self.tuning = False  # qa.tune sets it: every feature is computed, whatever its weight
        self._known: dict[str, np.ndarray] = {}  # neural vectors computed for pending clauses, by clause hash
        self._filler: threading.Thread | None = None
        self._kept_documents = KeptDocuments()

    @classmethod
    def open(cls, config: Config, progress: bool = True, defer_vectors: bool = False) -> Engine:
        """Open the store, rebuild what is stale (saying so on stderr), load the index. defer_vectors: a
        server that should answer at once leaves new clauses' neural vectors for fill_vectors()."""
        pin_threads(1)
        try:
            check_backend(config.backend)  # before a long build, not after
            check_fallback(config.fallback_encoder)
        except (UnknownBackend, UnknownEncoder) as error:
            raise IndexUnavailable(str(error)) from error
        semantic, reason = load_semantic(config.model, config.query_instruction, config.allow_download,
                                         config.fallback_encoder)
        engine = cls(config, Store(config.store_path), analyzer_for(config), semantic, reason)
        engine._state = engine._load(force=False, progress=progress, defer=defer_vectors)
        print(engine.mode_line(), file=sys.stderr)
        return engine

    @property
    def mode(self) -> str:
        return self._state.encoder.name if self._state else "closed"

    def mode_line(self) -> str:
        if self.semantic is not None:
            return f"检索模式：{self.mode}"
        return (f"检索模式：{self.mode}（未加载语义模型：{self.offline_reason}）。如需语义检索，请用 --model 模型文件夹"
                " 或环境变量 POLICY_QA_MODEL=模型文件夹 指定一个 sentence-transformers 模型")

    def refresh(self, force: bool = False, defer_vectors: bool = False) -> None:
        """After an ingest: update the index incrementally and swap it in atomically. defer_vectors: new
        clauses are searchable by their words at once, their neural vectors come with fill_vectors()."""
        with self._refresh_lock:
            self._state = self._load(force=force, progress=False, defer=defer_vectors)

    @property
    def pending_vectors(self) -> int:
        """Clauses searchable by their words only, their neural vectors not computed yet."""
        return len(self._state.snapshot.manifest.get("pending", [])) if self._state else 0

    def fill_vectors(self, progress: bool = False) -> None:
        """Compute the pending clauses' vectors without holding the data folder's lock, then swap in an
        index that has them (the final build only copies vectors). Loops until nothing is pending."""
        while self.pending_vectors and self.semantic is not None:
            pending = self._state.snapshot.manifest["pending"]
            clauses = [c for c in self.store.clauses_by_id(pending).values() if clause_hash(c) not in self._known]
            vectors = self.semantic.encode_passages([passage_text(c) for c in clauses], [], progress)
            self._known.update((clause_hash(c), v) for c, v in zip(clauses, vectors))
            self.refresh()
            self._known.clear()

    def fill_vectors_in_background(self, progress: bool = False) -> threading.Thread | None:
        """fill_vectors() in a daemon thread, when vectors are pending and no filler runs yet."""
        if not self.pending_vectors or (self._filler is not None and self._filler.is_alive()):
            return None
        self._filler = threading.Thread(target=self.fill_vectors, args=(progress,), name="fill-vectors", daemon=True)
        self._filler.start()
        return self._filler

    def close(self) -> None:
        self.store.close()

    # --- keeping the index current -------------------------------------------------------

    def _load(self, force: bool, progress: bool, defer: bool = False) -> Library:
        self._share_library()
        snapshot, reasons = self._current(defer)
        if reasons or force:
            snapshot = self._rebuild(snapshot, reasons or ["要求重建"], force, progress, defer)
        return self._state_for(snapshot)

    def _share_library(self) -> None:
        """With Milvus: documents added or removed through other data folders on the same URI come here, and
        this folder's go there (index/milvus_library.py). Said on stderr; skipped while another process writes."""
        if not shares_library(self.config):
            return
        try:
            with _write_lock(self.config.data_dir):
                done = share_library(self.config, self.store)
        except _LockBusy as error:
            print(f"文库：{str(error).rstrip('。')}；这次未与 Milvus 中的文库同步。", file=sys.stderr)
            return
        except (UnknownBackend, BackendUnavailable) as error:
            raise IndexUnavailable(str(error)) from error
        if done:
            print(f"文库：与 Milvus 同步，{done}。", file=sys.stderr)

    def library_changed_elsewhere(self) -> bool:
        """With Milvus: another data folder on the same URI changed the shared library (ui/live.py asks)."""
        return library_changed_elsewhere(self.config, self.store)

    def _current(self, defer: bool = False) -> tuple[Snapshot | None, list[str]]:
        """The live snapshot (None if absent or unreadable) and why it is stale (pending vectors too,
        unless they may wait)."""
        folder = current_folder(self.config.index_dir)
        if folder is None:
            return None, ["还没有索引"]
        try:  # the live one is reused as it is: a snapshot folder is never changed once named in CURRENT
            snapshot = self._snapshot if self._snapshot and self._snapshot.folder == folder else load_snapshot(folder)
        except IndexCorrupt as error:
            return None, [f"索引已损坏：{error}"]
        key = encoder_key(self.semantic, self.config.offline_dim)
        reasons = stale_reasons(snapshot.manifest, self.store.corpus_hash(), self.analyzer.settings(), key)
        if snapshot.manifest.get("pending") and not defer:
            reasons.append(f"{len(snapshot.manifest['pending'])} 条条款等待计算语义向量")
        return snapshot, reasons

    def _rebuild(self, snapshot: Snapshot | None, reasons: list[str], force: bool, progress: bool,
                 defer: bool = False) -> Snapshot:
        """A snapshot current with the store, or the previous one when it cannot be written now (another
        writer, a full disk, a read-only folder): said on stderr at start-up, raised to a running engine's
        caller, whose live index keeps serving."""
        try:
            with _write_lock(self.config.data_dir):
                snapshot, reasons = self._current(defer)  # another process may have built it meanwhile
                if reasons or force:
                    snapshot = self._build(snapshot, reasons, progress, force, defer)
        except (_LockBusy, IndexWriteError) as error:
            reason = str(error).rstrip("。")
            if snapshot is None or (isinstance(error, IndexWriteError) and self._state is not None):
                raise IndexUnavailable(reason + ("。" if snapshot else "；还没有可用的索引，请稍后再试。")) from error
            print(f"索引：{reason}；暂时继续使用已有的索引检索。", file=sys.stderr)
        except IndexCorrupt as error:
            raise IndexUnavailable(f"刚写好的索引无法读取（{error}）；请检查 {self.config.index_dir} "
                                   "所在磁盘的空间和权限") from error
        return snapshot

    def _build(self, snapshot: Snapshot | None, reasons: list[str], progress: bool, force: bool,
               defer: bool) -> Snapshot:
        """Build and load a new snapshot (the store checked first when nothing can be reused from an old one)."""
        print(f"索引：正在更新（{'；'.join(reasons or ['要求重建'])}）", file=sys.stderr)
        if snapshot is None:
            self._check_store()
        self.last_build = build(self.config.index_dir, self.store, self.store.corpus_hash(),
                                self.analyzer, self.semantic, snapshot, self.config.offline_dim,
                                self.config.exact_search_limit, force_refit=force, progress=progress,
                                known_vectors=self._known, defer_vectors=defer)
        return load_snapshot(self.last_build.folder)

    def _check_store(self) -> None:
        """Refuse to rebuild every clause from a store SQLite finds damaged; say which backup to restore."""
        problems = self.store.check()
        if problems:
            built = last_built(self.config.index_dir)
            when = f"{built} 或更早" if built else "最近一次正常运行时"
            raise IndexUnavailable(
                f"文档库 {self.store.path} 已损坏（SQLite quick_check：{'；'.join(problems[:3])}），不能据此重建索引。"
                f"请停止服务，用{when}的备份替换 {self.store.path.name}，或把它移走后重新导入原始文件。")

    def _state_for(self, snapshot: Snapshot) -> Library:
        self._snapshot = snapshot
        documents = self.store.facts()  # without their text, which the library does not read
        encoder = snapshot.offline if snapshot.offline is not None else self.semantic
        names = DocumentNames(documents, self.analyzer, self.config.index_dir / NAMES_CACHE)
        return Library.of(snapshot, encoder, documents, names, lambda fields: self._backend(snapshot, fields))

    def _backend(self, snapshot: Snapshot, fields: dict[str, DocumentFields]) -> SearchBackend:
        """The snapshot served by the configured backend; IndexUnavailable (in Chinese) when it cannot be."""
        try:
            return open_backend(self.config, snapshot, fields)
        except (UnknownBackend, BackendUnavailable) as error:
            raise IndexUnavailable(str(error)) from error

    # --- searching ---------------------------------------------------------------------

    def search(self, question: str, top_k: int = 10, doc_filters: tuple[str, ...] | list[str] = (),
               exclude_doc_ids: tuple[str, ...] | list[str] = (), filters: DocFilter | None = None) -> SearchResult:
        """The clauses that best answer the question, best first, from the documents the filters keep
        (by default every document but the repealed ones)."""
        state = self._state
        text, notices = question_text(question, self.config.max_query_chars)
        filters, facts = filters or DocFilter(), self.store.facts_by_id()
        kept = self._kept_documents.with_repealed_named(self._kept_documents(facts, filters), text)
        if kept is not None and not kept:
            notices.append(f"文库中没有符合筛选条件（{describe(filters)}）的文件；请放宽筛选条件。")
        allowed = allowed_rows(self.store, state, doc_filters, exclude_doc_ids, kept)
        candidates, terms, known = self.candidates(state, text, allowed)
        ranked = [(row, score) for row, score in candidates.ranked(self.weights) if state.doc_of_row[row] >= 0]
        ranked, notice = self._reranker.reranked(text, ranked, lambda rows: clauses_at(self.store, state, rows, known))
        notices += [n for n in (notice,) if n]
        if not state.doc_ids:
            notices.append("文库中还没有文件，请先导入文件。")
        elif not ranked and (kept is None or kept):
            notices.append("没有条款与问题共有词语，请换个说法或使用中文关键词。")
        shown = first_readable(self.store, state, ranked, max(top_k, 0), known)
        hits = [Hit.from_clause(known[row], rank, score, matched_terms(known[row].text, terms))
                for rank, (row, score) in enumerate(shown, start=1)]
        for hit in hits:
            hit.status = current_status(facts[hit.doc_id]) if hit.doc_id in facts else ""
        return SearchResult(text, self.mode, hits, notices)

    def library(self) -> Library:
        """The documents of the live index: ids, titles, regions, levels and name keys (qa.scope reads them)."""
        return self._state

    @property
    def weights(self) -> np.ndarray:
        if self._weights is None:
            self._weights = load_weights(self.encoder_kind)
        return self._weights

    @property
    def encoder_kind(self) -> str:
        """The key of this encoder's tuned weights (qa/data/ranking.json): neural, use or lsa."""
        if self.semantic is None:
            return "lsa"
        return "use" if self.semantic.name == UseEncoder.NAME else "neural"

    def candidates(self, state: Library, text: str, allowed: np.ndarray | None = None
                   ) -> tuple[Candidates, QueryTerms, dict[int, Clause]]:
        """The clauses worth ranking and their features (qa.ranking); their clauses, read for the
        sentence feature, come back too."""
        signals = Signals.of(read_for_ranking(text, state, self.analyzer), state, self.store)
        rows, known = gathered(self.store, state, signals, allowed)
        # The context feature costs a second pass over the postings: only while it weighs, or for tuning.
        with_context = self.weights[FEATURES.index("context")] != 0 or self.tuning
        features = feature_matrix(state, signals, rows, [known[row] for row in rows.tolist()], with_context,
                                  self.analyzer.abbreviations)
        leading = position_in_order(signals, state, known) or defining_first(signals, state, known)
        return Candidates(rows, features, leading), signals.question.terms, known

    def lexical_ranking(self, text: str, doc_ids: list[str] | None = None, limit: int = 50) -> list[tuple[str, float]]:
        """Clause ids by BM25 against text (question words ignored, synonyms expanded)."""
        state = self._state
        weights = self.analyzer.query(text).weights
        return state.clause_ids_of(state.snapshot.lexical_top(weights, limit, state.rows_of(doc_ids)))

    def dense_ranking(self, text: str, doc_ids: list[str] | None = None, limit: int = 50) -> list[tuple[str, float]]:
        """Clause ids by cosine similarity, text encoded as a passage."""
        state = self._state
        vector = state.encoder.encode_passages([text], [self.analyzer.terms(text)])
        return state.clause_ids_of(state.snapshot.dense_top(vector, limit, state.rows_of(doc_ids)))


class _LockBusy(Exception):
    """Another process holds the write lock, or the data folder is read-only."""


@contextmanager
def _write_lock(data_dir) -> Iterator[None]:
    """The data folder's write lock, its timeout turned into _LockBusy."""
    from ingest.lock import DataFolderReadOnly, WriteLockTimeout, write_lock

    try:
        with write_lock(data_dir, wait_s=LOCK_WAIT_S):
            yield
    except (WriteLockTimeout, DataFolderReadOnly) as error:
        raise _LockBusy(str(error)) from error
