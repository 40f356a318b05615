"""Exact and approximate FAISS search agree; the index type follows the corpus size."""
from __future__ import annotations

import numpy as np

from config import load_config
from index.dense import HNSW_EF_SEARCH, DenseIndex, build_faiss, kind_of
from index.snapshot import current_folder, load_snapshot
from qa.engine import Engine


def clustered_vectors(n: int, dim: int, seed: int = 3) -> np.ndarray:
    """Unit vectors around 50 topics, like clause embeddings (not uniform noise, which no ANN likes)."""
    rng = np.random.default_rng(seed)
    centres = rng.normal(size=(50, dim))
    vectors = centres[rng.integers(0, 50, n)] + 0.6 * rng.normal(size=(n, dim))
    return (vectors / np.linalg.norm(vectors, axis=1, keepdims=True)).astype(np.float32)


def test_hnsw_recall_against_exact_search():
    vectors, queries = clustered_vectors(6000, 64), clustered_vectors(200, 64, seed=4)
    exact = DenseIndex(build_faiss(vectors, exact_limit=10**9), vectors)
    approx = DenseIndex(build_faiss(vectors, exact_limit=1000), vectors)
    assert (kind_of(exact.index), kind_of(approx.index)) == ("flat", "hnsw")
    approx.index.hnsw.efSearch = HNSW_EF_SEARCH
    found = [len({r for r, _ in exact.search(q[None], 10)} & {r for r, _ in approx.search(q[None], 10)})
             for q in queries]
    recall = sum(found) / (10 * len(queries))
    print(f"HNSW recall@10 vs exact: {recall:.3f}")
    assert recall >= 0.95


def test_a_small_exact_limit_gives_an_hnsw_snapshot_with_the_same_top_hit(seed_data):
    flat = Engine.open(load_config(seed_data, model=""), progress=False)
    question = "生物炭用什么工艺制备？"
    expected = flat.search(question, top_k=1).hits[0].id
    flat.refresh(force=True)  # force keeps settings; now switch the limit
    hnsw = Engine.open(load_config(seed_data, model="", exact_search_limit=10), progress=False)
    hnsw.refresh(force=True)
    snapshot = load_snapshot(current_folder(seed_data / "index"))
    assert snapshot.manifest["dense"] == "hnsw"
    assert hnsw.search(question, top_k=1).hits[0].id == expected
