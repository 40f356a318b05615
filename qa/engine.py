"""The search engine: opens the store, keeps the index up to date, answers questions with hits.

Searches read one immutable _State; refresh() builds the next one and swaps a single reference,
so every answer comes wholly from the old or wholly from the new snapshot."""
from __future__ import annotations

import re
import sys
import threading
import unicodedata
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Iterator

import numpy as np

from config import Config
from index.backend import (BackendUnavailable, DocumentFields, SearchBackend, UnknownBackend, check_backend,
                           library_changed_elsewhere, open_backend, share_library, shares_library)
from index.builder import BuildStats, build, clause_hash, encoder_key, passage_text, stale_reasons
from index.encoders import Encoder, SemanticEncoder, UseEncoder, load_semantic
from index.lexical import top_k
from index.snapshot import IndexCorrupt, IndexWriteError, Snapshot, current_folder, last_built, load_snapshot
from index.threads import pin_threads
from index.tokenize import NGRAM_PREFIX, Analyzer, QueryTerms, analyzer_for, normalize
from ingest.normalise import fold_compat
from ingest.records import Clause, doc_id_of
from ingest.store import Store
from qa.docnames import DocumentNames
from qa.answer_types import asked_type, holds
from qa.doc_answer import asked_fact, fact_clause
from qa.filters import DocFilter, current_status, describe
from qa.fusion import best_sentence_share
from qa.hits import Hit, SearchResult
from qa.home import home_documents
from qa.places import NATIONAL, Place, gazetteer
from qa.query import NAME_MATCH, Reading, TitleIndex, blank_title, cites, path_fragment, read_question, title_bigrams
from qa.ranking import FEATURES, Candidates, load_weights, scaled

POOL = 50  # candidates taken from each ranking before the features are computed
# A question about a document's own facts names one document; past a few, its name picks a kind of
# document (国务院's plans), and reading every one's text would cost more than the lookup is worth.
FACT_DOCUMENTS = 3
NAMES_CACHE = "names.json"  # in the index folder: the name keys of each document (qa.docnames)
LOCK_WAIT_S = 30.0
_SEARCHABLE = re.compile(r"[\w%]", re.UNICODE)


class QueryError(ValueError):
    """The question cannot be searched: empty, nothing searchable in it, or an unknown --doc filter."""


class IndexUnavailable(Exception):
    """The index can neither be loaded nor rebuilt right now."""


@dataclass(frozen=True)
class _State:
    """One snapshot and what the engine derives from it; clause texts stay in the store, read by row."""
    snapshot: SearchBackend  # the loaded index.snapshot.Snapshot, or it served by Milvus (config.backend)
    encoder: Encoder
    doc_of_row: np.ndarray  # document number per row, -1 where the store no longer has the document
    doc_ids: list[str]
    names: DocumentNames
    titles: list[str]
    regions: list[Place | None]  # the place each document belongs to (qa.places), None for national ones
    levels: list[int]  # qa.places NATIONAL … COUNTY
    home: np.ndarray  # per document number (last entry: no document): 1.0 for the library's own jurisdiction (qa.home)
    title_index: TitleIndex
    docs_by_region: dict[str, list[int]]  # region code ("" for national) -> document numbers
    _row_of_id: dict[str, int] = field(default_factory=dict)

    def row_of_id(self) -> dict[str, int]:
        """Row of each clause id, made on first use (only clause references need it)."""
        if not self._row_of_id:
            self._row_of_id.update((clause_id, row) for row, clause_id in enumerate(self.snapshot.clause_ids))
        return self._row_of_id


class Engine:
    def __init__(self, config: Config, store: Store, analyzer: Analyzer, semantic: SemanticEncoder | None,
                 reason: str):
        self.config, self.store, self.analyzer = config, store, analyzer
        self.semantic, self.offline_reason = semantic, reason
        self._state: _State | None = None
        self._refresh_lock = threading.Lock()
        self.last_build: BuildStats | None = None
        self._reranker, self._reranker_notice = _load_reranker(config.reranker)
        self._weights: np.ndarray | None = None
        self.tuning = False  # qa.tune sets it: every feature is computed, whatever its weight
        self._known: dict[str, np.ndarray] = {}  # neural vectors computed for pending clauses, by clause hash
        self._filler: threading.Thread | None = None

    @classmethod
    def open(cls, config: Config, progress: bool = True, defer_vectors: bool = False) -> Engine:
        """Open the store, rebuild what is stale (saying so on stderr), load the index. defer_vectors: a
        server that should answer at once leaves new clauses' neural vectors for fill_vectors()."""
        pin_threads(1)
        try:
            check_backend(config.backend)  # before a long build, not after
        except UnknownBackend as error:
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

    def _load(self, force: bool, progress: bool, defer: bool = False) -> _State:
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
        try:
            snapshot = load_snapshot(folder)
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
        self.last_build = build(self.config.index_dir, self.store.clauses(), self.store.corpus_hash(),
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

    def _state_for(self, snapshot: Snapshot) -> _State:
        documents = self.store.documents()
        doc_ids = [d.doc_id for d in documents]
        number = {d: n for n, d in enumerate(doc_ids)}
        doc_of_row = np.array([number.get(doc_id_of(i), -1) for i in snapshot.clause_ids], dtype=np.int32)
        encoder = snapshot.offline if snapshot.offline is not None else self.semantic
        names = DocumentNames(documents, self.analyzer, self.config.index_dir / NAMES_CACHE)
        regions = [document_region(d) for d in documents]
        levels = [NATIONAL if region is None else region.level for region in regions]
        titles = [d.title for d in documents]
        by_region: dict[str, list[int]] = {}
        for number, region in enumerate(regions):
            by_region.setdefault(region.code if region else "", []).append(number)
        home = np.array(home_documents(regions) + [False], dtype=np.float32)
        fields = {d.doc_id: DocumentFields(level, region.code if region else "", d.date_published or d.date_written)
                  for d, region, level in zip(documents, regions, levels)}
        return _State(self._backend(snapshot, fields), encoder, doc_of_row, doc_ids, names, titles, regions, levels,
                      home, TitleIndex(titles), by_region)

    def _backend(self, snapshot: Snapshot, fields: dict[str, DocumentFields]) -> SearchBackend:
        """The snapshot served by the configured backend; IndexUnavailable (in Chinese) when it cannot be."""
        try:
            return open_backend(self.config, snapshot, fields)
        except (UnknownBackend, BackendUnavailable) as error:
            raise IndexUnavailable(str(error)) from error

    def _clauses(self, state: _State, rows, known: dict[int, Clause] | None = None) -> dict[int, Clause]:
        """The clauses at these snapshot rows, read from the store as they were indexed: the current
        version, else the one a replacement just retired (so a search during a replacement sees the old
        document until the index catches up). A row whose document is gone is left out."""
        known = {} if known is None else known
        wanted = [row for row in rows if row not in known and state.doc_of_row[row] >= 0]
        ids, hashes = state.snapshot.clause_ids, state.snapshot.clause_hashes
        found = self.store.clause_versions([ids[row] for row in wanted])
        for row in wanted:
            clause = next((c for c in found.get(ids[row], ()) if clause_hash(c) == hashes[row]), None)
            if clause is not None:
                known[row] = clause
        return known

    # --- searching ---------------------------------------------------------------------

    def search(self, question: str, top_k: int = 10, doc_filters: tuple[str, ...] | list[str] = (),
               exclude_doc_ids: tuple[str, ...] | list[str] = (), filters: DocFilter | None = None) -> SearchResult:
        """The clauses that best answer the question, best first, from the documents the filters keep
        (by default every document but the repealed ones)."""
        state = self._state
        text, notices = self._prepare(question)
        filters, facts = filters or DocFilter(), {d.doc_id: d for d in self.store.facts()}
        kept = self._kept(facts, filters)
        if kept is not None and not kept:
            notices.append(f"文库中没有符合筛选条件（{describe(filters)}）的文件；请放宽筛选条件。")
        allowed = self._allowed(state, doc_filters, exclude_doc_ids, kept)
        candidates, terms, known = self.candidates(state, text, allowed)
        ranked = [(row, score) for row, score in candidates.ranked(self.weights) if state.doc_of_row[row] >= 0]
        ranked, notice = self._rerank(text, ranked, state, known)
        notices += [n for n in (notice,) if n]
        if not ranked and (kept is None or kept):
            notices.append("没有条款与问题共有词语，请换个说法或使用中文关键词。")
        shown = self._first_readable(state, ranked, max(top_k, 0), known)
        hits = [self._hit(known[row], rank, score, terms) for rank, (row, score) in enumerate(shown, start=1)]
        for hit in hits:
            hit.status = current_status(facts[hit.doc_id]) if hit.doc_id in facts else ""
        return SearchResult(text, self.mode, hits, notices)

    @staticmethod
    def _kept(facts: dict, filters: DocFilter) -> set[str] | None:
        """The ids of the documents the filters keep; None when they keep every one."""
        today = _today()
        kept = {doc_id for doc_id, document in facts.items() if filters.keeps(document, today)}
        return None if len(kept) == len(facts) else kept

    def library(self) -> _State:
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

    def candidates(self, state: _State, text: str, allowed: np.ndarray | None = None
                   ) -> tuple[Candidates, QueryTerms, dict[int, Clause]]:
        """The clauses worth ranking and their features (qa.ranking); their clauses, read for the
        sentence feature, come back too. Names of places and documents choose documents (scope) and
        are left out of the words a clause is scored on."""
        reading = read_question(normalize(text), list(state.names.keys))
        title_recall = self._title_recall(state, text)
        named_titles = [state.titles[n] for n in np.flatnonzero(title_recall[:-1] >= NAME_MATCH)]
        terms = self.analyzer.query(blank_title(reading.text, set().union(*map(title_bigrams, named_titles))))
        if not terms.weights:  # the question is only a name (台山市碳达峰实施方案): its words are the subject
            terms = self.analyzer.query(text)
        body = state.snapshot.lexical_scores(terms.weights)
        vector = state.encoder.encode_query(text, terms.weights) if terms.weights else None
        doc_scope = self._doc_scope(state, text, reading)
        asked = asked_type(text)
        named_documents = _cited_documents(doc_scope, title_recall)
        refs = np.union1d(self._cited_rows(state, reading.refs, named_documents),
                          self._fact_rows(state, asked_fact(text, asked), named_documents))
        rows = self._pool(state, body, vector, doc_scope, refs, allowed)
        known = self._clauses(state, rows.tolist())
        rows = np.array([row for row in rows.tolist() if row in known], dtype=np.int64)
        evidence = self._evidence(state, terms)
        # The document's title printed on its cover is the title feature's evidence, not a sentence's.
        sentence = np.array([best_sentence_share(unicodedata.normalize("NFKC", known[row].text.replace(known[row].document, "")).lower(),
                                                 evidence, self.analyzer.abbreviations) for row in rows.tolist()], dtype=np.float32)
        dense = state.snapshot.dense_scores(vector, rows) if vector is not None else np.zeros(len(rows))
        features = np.column_stack([
            scaled(body[rows]), self._context(state, terms, rows),
            scaled(np.asarray(dense, dtype=np.float32)), sentence,
            doc_scope[state.doc_of_row[rows]], title_recall[state.doc_of_row[rows]],
            np.isin(rows, refs).astype(np.float32),
            [holds(known[row].text, asked) for row in rows.tolist()],
            self._home(state, reading, doc_scope, bool(named_titles))[state.doc_of_row[rows]] * sentence
        ]).astype(np.float32)
        return Candidates(rows, features.reshape(len(rows), len(FEATURES))), terms, known

    def _context(self, state: _State, terms: QueryTerms, rows: np.ndarray) -> np.ndarray:
        """The context field's feature; left at zero while its tuned weight is zero (it costs a second
        pass over the postings), unless features are being collected for tuning."""
        if self.weights[FEATURES.index("context")] == 0 and not self.tuning:
            return np.zeros(len(rows), dtype=np.float32)
        return scaled(state.snapshot.lexical_scores(terms.weights, "context")[rows])

    def _pool(self, state: _State, body: np.ndarray, vector: np.ndarray | None, doc_scope: np.ndarray,
              refs: np.ndarray, allowed: np.ndarray | None) -> np.ndarray:
        """Rows from each ranking: the best by BM25, by the dense vector, the best inside the documents
        the question names, and the clauses at the position it cites."""
        live = state.doc_of_row >= 0 if allowed is None else (allowed & (state.doc_of_row >= 0))
        rows = [row for row, _ in top_k(body, POOL, live)]
        if vector is not None:  # the ANN index with the user's filter only; rows of removed documents dropped after
            rows += [row for row, _ in state.snapshot.dense_top(vector, POOL, allowed) if live[row]]
        in_scope = doc_scope[state.doc_of_row] > 0 if doc_scope.any() else None
        if in_scope is not None:
            rows += [row for row, _ in top_k(body + 1e-6 * in_scope, POOL, live & in_scope)]
        rows += [row for row in refs.tolist() if live[row]]
        return np.array(sorted(set(rows)), dtype=np.int64)

    def _evidence(self, state: _State, terms: QueryTerms) -> dict[str, float]:
        """Each question term's weight times its idf, keyed by its surface form."""
        idf = state.snapshot.idf(list(terms.weights))
        evidence: dict[str, float] = {}
        for term, weight in terms.weights.items():
            surface = term.lstrip(NGRAM_PREFIX)
            evidence[surface] = evidence.get(surface, 0.0) + weight * idf.get(term, 0.0)
        return evidence

    def _doc_scope(self, state: _State, text: str, reading: Reading) -> np.ndarray:
        """Per document number (and a last entry for rows without a document): 1 for a document the
        question names (title, issuer, place, or the national level), 0.5 for one inside or above a named
        place, 0 otherwise."""
        scope = np.zeros(len(state.doc_ids) + 1, dtype=np.float32)
        named, _ = state.names.mentioned(text)
        if not (named or reading.titles or reading.places or reading.national):
            return scope
        for number, doc_id in enumerate(state.doc_ids):
            if doc_id in named:
                scope[number] = 1.0
        for title in reading.titles:
            for number, held in enumerate(state.titles):
                if _same_title(title, held):
                    scope[number] = 1.0
        for code, numbers in state.docs_by_region.items():
            region = state.regions[numbers[0]]
            if region is None:
                if reading.national and not reading.places:
                    scope[numbers] = np.maximum(scope[numbers], 1.0)
            elif any(region == place for place in reading.places):
                scope[numbers] = 1.0
            elif any(region.within(p) or p.within(region) for p in reading.places):
                scope[numbers] = np.maximum(scope[numbers], 0.5)
        return scope

    def _home(self, state: _State, reading: Reading, doc_scope: np.ndarray, names_title: bool) -> np.ndarray:
        """Per document number (last entry: no document): 1 for a home document (qa.home) when the
        question names no place, level or document (by its title, with or without 《》); zeros otherwise."""
        if doc_scope.any() or reading.places or reading.national or names_title:
            return np.zeros(len(state.doc_ids) + 1, dtype=np.float32)
        return state.home

    def _title_recall(self, state: _State, question: str) -> np.ndarray:
        """Per document number (last entry: no document), how much of its title the question spells out."""
        recall = np.zeros(len(state.doc_ids) + 1, dtype=np.float32)
        for number, share in state.title_index.recall(normalize(question)).items():
            recall[number] = share
        return recall

    def _cited_rows(self, state: _State, refs: list, documents: np.ndarray | None) -> np.ndarray:
        """Rows of the clauses at the position the question cites: in the given document numbers when
        any of them has that position, else in any document."""
        if not refs:
            return np.zeros(0, dtype=np.int64)
        row_of = state.row_of_id()
        found = self.store.clause_paths_like(path_fragment(refs))
        rows = np.array(sorted(row_of[i] for i, path in found if i in row_of and cites(path, refs)), dtype=np.int64)
        if documents is not None:
            inside = rows[np.isin(state.doc_of_row[rows], documents)]
            return inside if len(inside) else rows
        return rows

    def _fact_rows(self, state: _State, fact: str | None, documents: np.ndarray | None) -> np.ndarray:
        """Rows of the clauses that print the asked fact (文号, 发布机构, a date) of the documents the
        question names: a question about a document itself cites the place its answer is printed."""
        if fact is None or documents is None or len(documents) > FACT_DOCUMENTS:
            return np.zeros(0, dtype=np.int64)
        row_of = state.row_of_id()
        found = (fact_clause(self.store, state.doc_ids[number], fact) for number in documents.tolist())
        return np.array(sorted(row_of[c.id] for _, c in filter(None, found) if c is not None and c.id in row_of),
                        dtype=np.int64)

    def _first_readable(self, state: _State, ranked: list[tuple[int, float]], count: int,
                        known: dict[int, Clause]) -> list[tuple[int, float]]:
        """The first count ranked rows whose clause the store still holds as indexed."""
        shown: list[tuple[int, float]] = []
        for start in range(0, len(ranked), max(count, 1) + 10):
            if len(shown) >= count:
                break
            batch = ranked[start:start + count + 10]
            self._clauses(state, [row for row, _ in batch], known)
            shown += [(row, score) for row, score in batch if row in known][:count - len(shown)]
        return shown

    def _prepare(self, question: str) -> tuple[str, list[str]]:
        """The question stripped and bounded; QueryError when nothing searchable is left."""
        text = " ".join(fold_compat(question or "").split())
        if not text:
            raise QueryError("问题为空。请输入问题，例如：光伏发电有哪些支持措施？")
        if not _SEARCHABLE.search(normalize(text)):
            raise QueryError(f"问题“{text[:40]}”中没有可检索的文字（汉字、字母或数字），请换个问法。")
        notices = []
        limit = self.config.max_query_chars
        if len(text) > limit:
            notices.append(f"问题有 {len(text)} 个字符，只检索了前 {limit} 个。")
            text = text[:limit]
        return text, notices

    def _allowed(self, state: _State, doc_filters, exclude_doc_ids, kept: set[str] | None = None) -> np.ndarray | None:
        """A row mask for --doc filters, excluded documents and the documents the field filters keep; None
        when every row is allowed."""
        if not doc_filters and not exclude_doc_ids and kept is None:
            return None
        wanted = set(state.doc_ids) if kept is None else set(state.doc_ids) & kept
        for text in doc_filters:
            found = {d.doc_id for d in self.store.find_documents(text)}
            if not found:
                titles = "; ".join(d.title for d in self.store.documents()[:10])
                raise QueryError(f"没有文件与“{text}”相符（按标题、编号或文件名匹配）；文库中的文件：{titles}")
            wanted &= found
        wanted -= set(exclude_doc_ids)
        return self._doc_mask(state, wanted)

    def _hit(self, clause: Clause, rank: int, score: float, terms: QueryTerms) -> Hit:
        return Hit.from_clause(clause, rank, score, matched_terms(clause.text, terms))

    def _rerank(self, text: str, ranked: list[tuple[int, float]], state: _State,
                known: dict[int, Clause]) -> tuple[list[tuple[int, float]], str]:
        if self._reranker is None:
            return ranked, self._reranker_notice
        self._clauses(state, [row for row, _ in ranked[:30]], known)
        head = [(row, score) for row, score in ranked[:30] if row in known]
        scores = self._reranker.predict([(text, known[row].text) for row, _ in head])
        order = sorted(zip(head, scores), key=lambda pair: -float(pair[1]))
        return [(row, float(score)) for (row, _), score in order] + ranked[30:], ""

    def lexical_ranking(self, text: str, doc_ids: list[str] | None = None, limit: int = 50) -> list[tuple[str, float]]:
        """Clause ids by BM25 against text (question words ignored, synonyms expanded)."""
        state = self._state
        weights = self.analyzer.query(text).weights
        return self._ids(state, state.snapshot.lexical_top(weights, limit, self._doc_mask(state, doc_ids)))

    def dense_ranking(self, text: str, doc_ids: list[str] | None = None, limit: int = 50) -> list[tuple[str, float]]:
        """Clause ids by cosine similarity, text encoded as a passage."""
        state = self._state
        vector = state.encoder.encode_passages([text], [self.analyzer.terms(text)])
        return self._ids(state, state.snapshot.dense_top(vector, limit, self._doc_mask(state, doc_ids)))

    def _doc_mask(self, state: _State, doc_ids) -> np.ndarray | None:
        """Rows of the given documents; None (every row) when no documents are given."""
        if doc_ids is None:
            return None
        wanted = set(doc_ids)
        numbers = [n for n, d in enumerate(state.doc_ids) if d in wanted]
        return np.isin(state.doc_of_row, numbers)

    def _ids(self, state: _State, ranking: list[tuple[int, float]]) -> list[tuple[str, float]]:
        ids = state.snapshot.clause_ids
        return [(ids[row], score) for row, score in ranking if state.doc_of_row[row] >= 0]


def _today() -> str:
    from datetime import date

    return date.today().isoformat()


def document_region(document) -> Place | None:
    """The place a document belongs to, from its title, else its issuer; None for a national document."""
    return gazetteer().region_of(normalize(document.title)) or gazetteer().region_of(normalize(document.issuer))


def _cited_documents(doc_scope: np.ndarray, title_recall: np.ndarray) -> np.ndarray | None:
    """The document numbers a cited position (第十八条) belongs to: those the question names outright
    (place, level, 《title》, issuer), else those whose title it spells out best (大气污染防治法第十八条);
    None when it names none."""
    if (doc_scope[:-1] >= 1).any():
        return np.flatnonzero(doc_scope[:-1] >= 1)
    best = title_recall[:-1].max(initial=0.0)
    return np.flatnonzero(title_recall[:-1] >= best) if best >= NAME_MATCH else None


def _same_title(named: str, title: str) -> bool:
    """A 《name》 in a question names a document when one title holds the other (能源法 in 中华人民共和国能源法)."""
    named, title = normalize(named), normalize(title)
    return len(named) >= 2 and (named in title or title in named)


def matched_terms(text: str, terms: QueryTerms) -> list[str]:
    """Question words found in the clause, longest first, for highlighting; bigrams where a word is absent."""
    plain = normalize(text)
    # A single character (年, 能) matches almost everywhere; marking it would only add noise.
    found = [w for w in terms.words if len(w) > 1 and w in plain]
    for word in terms.words:
        if word not in plain:
            found += [word[i:i + 2] for i in range(len(word) - 1) if word[i:i + 2] in plain]
    return sorted(set(found), key=lambda w: (-len(w), w))


def _load_reranker(name: str) -> tuple[object | None, str]:
    if not name:
        return None, ""
    try:
        from sentence_transformers import CrossEncoder

        return CrossEncoder(name, device="cpu", local_files_only=True), ""
    except Exception as error:  # any failure to load means: search without reranking
        return None, f"重排序模型 {name!r} 未能加载（{type(error).__name__}），结果未经重排序。"


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
