"""The candidates' features (qa.ranking FEATURES): what the question says about every row and document,
and one column per feature for the gathered candidates. Each signal is computed by its own module and
only assembled here."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ingest.records import Clause
from ingest.store import Store
from qa.answer_types import asked_type, holds
from qa.clause_refs import cited_rows, fact_rows, named_documents
from qa.definitions import defined_term
from qa.doc_answer import asked_fact
from qa.doc_scope import document_scope
from qa.fusion import idf_weighted_terms, sentence_shares
from qa.home import home_preference
from qa.library import Library
from qa.question import Question
from qa.ranking import FEATURES, scaled


@dataclass(frozen=True)
class Signals:
    """What a question says about the whole library, before candidates are gathered."""
    question: Question
    body: np.ndarray  # BM25 of each row's clause text
    vector: np.ndarray | None  # the question's dense vector; None when it has no words to score
    doc_scope: np.ndarray  # per document number (last entry: no document), qa.doc_scope
    refs: np.ndarray  # rows at the position the question cites or printing the fact it asks, qa.clause_refs
    asked: str | None  # the kind of value the question asks for (qa.answer_types)
    defined: str | None  # the term whose meaning the question asks (qa.definitions)

    @classmethod
    def of(cls, question: Question, library: Library, store: Store) -> Signals:
        weights = question.terms.weights
        vector = library.encoder.encode_query(question.text, weights) if weights else None
        doc_scope = document_scope(library, question.text, question.reading, question.title_recall)
        named = named_documents(doc_scope, question.title_recall)
        asked = asked_type(question.text)
        refs = np.union1d(cited_rows(store, library, question.reading.refs, named),
                          fact_rows(store, library, asked_fact(question.text, asked), named))
        return cls(question, library.snapshot.lexical_scores(weights), vector, doc_scope, refs, asked,
                   defined_term(question.text))


def feature_matrix(library: Library, signals: Signals, rows: np.ndarray, clauses: list[Clause],
                   with_context: bool, abbreviations: list[tuple[str, list[str]]]) -> np.ndarray:
    """rows x FEATURES for the candidates at rows (their clauses in the same order). with_context: the
    context feature costs a second pass over the postings; without it the column is zero."""
    question, documents = signals.question, library.doc_of_row[rows]
    sentence = sentence_shares(clauses, idf_weighted_terms(library.snapshot, question.terms), abbreviations)
    vector = signals.vector
    dense = library.snapshot.dense_scores(vector, rows) if vector is not None else np.zeros(len(rows))
    dense_scaled = scaled(np.asarray(dense, dtype=np.float32))
    unmatched, home = meaning_columns(dense_scaled, sentence, home_of_rows(library, signals, rows))
    asked = signals.asked
    columns = {
        "body": scaled(signals.body[rows]), "context": _context(library, question, rows, with_context),
        "dense": dense_scaled, "sentence": sentence,
        "scope": signals.doc_scope[documents], "title": question.title_recall[documents],
        "ref": np.isin(rows, signals.refs).astype(np.float32), "typed": [holds(c.text, asked) for c in clauses],
        "home": home, "unmatched": unmatched}
    return np.column_stack([columns[name] for name in FEATURES]).astype(np.float32).reshape(len(rows), len(FEATURES))


def home_of_rows(library: Library, signals: Signals, rows: np.ndarray) -> np.ndarray:
    """Per row: 1 for a clause of the library's own jurisdiction when the question names no place, level or
    document (qa.home), else 0."""
    question = signals.question
    home = home_preference(library.home, question.reading, signals.doc_scope, question.names_title)
    return home[library.doc_of_row[rows]]


def meaning_columns(dense: np.ndarray, sentence: np.ndarray, at_home: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The unmatched and home columns, which read the (scaled) dense one: a home clause earns its preference by
    its sentence share, or by its meaning where no candidate holds the question's words."""
    unmatched = _unmatched(dense, sentence)
    return unmatched, at_home * (sentence + unmatched)


def _unmatched(dense: np.ndarray, sentence: np.ndarray) -> np.ndarray:
    """The dense column weighted by how much of the question no candidate's best sentence holds, squared."""
    held = float(np.max(sentence)) if len(sentence) else 1.0
    return dense * (1.0 - min(held, 1.0)) ** 2


def _context(library: Library, question: Question, rows: np.ndarray, wanted: bool) -> np.ndarray:
    """BM25 of the context field (document title and headings above the clause), or zeros when not wanted."""
    if not wanted:
        return np.zeros(len(rows), dtype=np.float32)
    return scaled(library.snapshot.lexical_scores(question.terms.weights, "context")[rows])
