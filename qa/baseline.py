"""The naive baseline the evaluation reports beside the product (never used to answer): paragraphs
ranked by BM25 over character bigrams, k1 1.5, b 0.75, with no clause structure, no words, no vectors.

Paragraphs are the lines of each stored document's cleaned text (one paragraph per line)."""
from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
from scipy import sparse

K1, B = 1.5, 0.75
_HAN_OR_WORD = re.compile(r"[\u4e00-\u9fff]|[a-z0-9]+")


@dataclass
class Paragraph:
    document: str  # the title
    text: str


def bigrams(text: str) -> list[str]:
    """Overlapping pairs of Han characters or ASCII words; a lone unit counts as itself."""
    units = _HAN_OR_WORD.findall(text.lower())
    return [a + b for a, b in zip(units, units[1:])] or units


class BigramBM25:
    def __init__(self, paragraphs: list[Paragraph]):
        self.paragraphs = paragraphs
        self.vocab: dict[str, int] = {}
        rows, cols = [], []
        for row, paragraph in enumerate(paragraphs):
            for gram in bigrams(paragraph.text):
                rows.append(row)
                cols.append(self.vocab.setdefault(gram, len(self.vocab)))
        tf = sparse.csr_matrix((np.ones(len(rows), np.float32), (rows, cols)),
                               shape=(len(paragraphs), len(self.vocab)))
        tf.sum_duplicates()
        length = np.asarray(tf.sum(axis=1)).ravel()
        df = np.bincount(tf.indices, minlength=len(self.vocab))
        idf = np.log1p((len(paragraphs) - df + 0.5) / (df + 0.5))
        row_of = np.repeat(np.arange(tf.shape[0]), np.diff(tf.indptr))
        norm = K1 * (1 - B + B * length[row_of] / max(length.mean(), 1e-9))
        tf.data = (tf.data * (K1 + 1) / (tf.data + norm) * idf[tf.indices]).astype(np.float32)
        self.scores_matrix = tf.tocsc()

    def search(self, question: str, k: int) -> list[Paragraph]:
        columns = [self.vocab[g] for g in set(bigrams(question)) if g in self.vocab]
        if not columns:
            return []
        scores = np.asarray(self.scores_matrix[:, columns].sum(axis=1)).ravel()
        best = np.argsort(-scores, kind="stable")[:k]
        return [self.paragraphs[i] for i in best if scores[i] > 0]


def from_store(store) -> BigramBM25:
    paragraphs = [Paragraph(document.title, line) for document in store.documents()
                  for line in document.text.split("\n") if line.strip()]
    return BigramBM25(paragraphs)
