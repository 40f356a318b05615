"""BM25 scores of the lexical index against the formula computed plainly, term by term and clause by clause,
for terms kept as dense rows (in most clauses) and as postings alike; and saved, loaded, and loaded from a
snapshot written before the dense rows existed."""
from __future__ import annotations

import math

import numpy as np

from index.lexical import LexicalIndex, count_matrix

PASSAGES = [["碳", "达峰", "光伏"], ["碳", "光伏", "光伏", "储能"], ["碳", "交通"], ["碳", "达峰", "建筑", "建筑"],
            ["碳", "储能", "氢能"], ["碳", "达峰", "光伏", "交通", "农业"]]


def plain_bm25(passages: list[list[str]], weights: dict[str, float], k1: float = 1.2, b: float = 0.75) -> np.ndarray:
    n, avgdl = len(passages), sum(map(len, passages)) / len(passages)
    scores = []
    for passage in passages:
        total = 0.0
        for term, weight in weights.items():
            tf, df = passage.count(term), sum(term in p for p in passages)
            if tf:
                idf = math.log(1 + (n - df + 0.5) / (df + 0.5))
                total += weight * idf * tf * (k1 + 1) / (tf + k1 * (1 - b + b * len(passage) / avgdl))
        scores.append(total)
    return np.array(scores)


def built() -> LexicalIndex:
    vocab: dict[str, int] = {}
    return LexicalIndex.from_counts(count_matrix(PASSAGES, vocab), vocab)


def test_common_terms_are_dense_rows_and_rare_ones_postings():
    index = built()
    hot = {term for term, column in index.vocab.items() if column in set(index.hot_terms.tolist())}
    assert {"碳", "达峰", "光伏"} <= hot and "氢能" not in hot and "农业" not in hot


def test_scores_equal_the_formula_for_dense_and_sparse_terms():
    index = built()
    for weights in ({"碳": 1.0}, {"氢能": 0.5}, {"光伏": 1.0, "储能": 0.5, "农业": 0.3, "未知": 1.0},
                    {"达峰": 0.6, "交通": 1.0, "建筑": 0.5, "碳": 0.3}, {}):
        assert np.allclose(index.scores(weights), plain_bm25(PASSAGES, weights), rtol=1e-5, atol=1e-6), weights


def test_scores_survive_saving_and_a_snapshot_without_dense_rows(tmp_path):
    index = built()
    index.save(tmp_path / "lexical")
    weights = {"光伏": 1.0, "储能": 0.5, "碳": 0.3}
    assert np.array_equal(LexicalIndex.load(tmp_path / "lexical").scores(weights), index.scores(weights))
    for name in ("hot_terms.npy", "hot_scores.npy"):  # written by an older version
        (tmp_path / "lexical" / name).unlink()
    assert np.array_equal(LexicalIndex.load(tmp_path / "lexical").scores(weights), index.scores(weights))


def test_a_build_writing_counts_then_scores_gives_the_files_save_writes(tmp_path, monkeypatch):
    from index.lexical import term_major_scores, write_counts, write_scores

    monkeypatch.setattr("index.lexical.SCORE_BLOCK", 3)  # scored a few postings at a time, as at 1M clauses
    vocab: dict[str, int] = {}
    counts = count_matrix(PASSAGES, vocab)
    built().save(tmp_path / "saved")
    csc, avgdl = term_major_scores(counts, vocab)
    write_counts(tmp_path / "halves", counts, vocab)
    write_scores(tmp_path / "halves", csc, avgdl)
    for name in LexicalIndex.file_names():
        assert (tmp_path / "halves" / name).read_bytes() == (tmp_path / "saved" / name).read_bytes(), name
