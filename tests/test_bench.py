"""The benchmark: a reproducible synthetic corpus, correct baselines, and a smoke run of the CLI.

These tests check what the bench reports, never how fast anything is; speed goals live in the
benchmark itself (python -m bench, docs/BENCHMARKS.md).
"""
from __future__ import annotations

import json
import random
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from bench.__main__ import build_parser, main, parse_sizes
from bench.baselines import NumpyBaseline, overlap_at_k, top_k
from bench.measure import Latencies
from bench.report import markdown_table, target_lines
from bench.synth import load_pool, make_queries, write_corpus

ROOT = Path(__file__).resolve().parents[1]
REQUIRED_KEYS = {"clauses", "build_s", "lexical_ready_s", "lexical_ready_mb_per_s", "index_mb", "peak_rss_mb",
                 "lexical_p50_ms", "lexical_p95_ms",
                 "dense_p95_ms", "hybrid_p50_ms", "hybrid_p95_ms", "encoder_query_p95_ms", "speedup_vs_rank_bm25", "speedup_vs_numpy",
                 "lexical_index_p50_ms", "bm25s_p50_ms", "bm25s_retrieve_p50_ms", "speedup_vs_bm25s",
                 "hybrid_numpy_p95_ms", "hybrid_recall_at_10", "milvus_dense_p50_ms", "milvus_lexical_p50_ms"}


@pytest.fixture(scope="module")
def pool():
    return load_pool(sorted((ROOT / "corpus").glob("*.txt")))


def test_corpus_is_reproducible_from_its_seed(pool, tmp_path):
    first = write_corpus(tmp_path / "a", 120, seed=3, pool=pool, progress=False)
    again = write_corpus(tmp_path / "b", 120, seed=3, pool=pool, progress=False)
    other = write_corpus(tmp_path / "c", 120, seed=4, pool=pool, progress=False)
    assert first.digest == again.digest
    assert first.digest != other.digest
    assert first.items == 120


def test_corpus_reuses_a_matching_folder_and_rewrites_another(pool, tmp_path):
    write_corpus(tmp_path, 60, seed=1, pool=pool, progress=False)
    marker = tmp_path / "bench_000000.txt"
    marker.write_text("changed", encoding="utf-8")
    write_corpus(tmp_path, 60, seed=1, pool=pool, progress=False)
    assert marker.read_text(encoding="utf-8") == "changed"  # same size and seed: reused
    write_corpus(tmp_path, 70, seed=1, pool=pool, progress=False)
    assert marker.read_text(encoding="utf-8") != "changed"


def test_documents_are_numbered_like_policy_documents_with_places_varied(pool, tmp_path):
    write_corpus(tmp_path, 100, seed=5, pool=pool, progress=False)
    text = (tmp_path / "bench_000000.txt").read_text(encoding="utf-8")
    items = [int(n) for n in re.findall(r"^(\d+)\. ", text, flags=re.M)]
    assert items == list(range(1, len(items) + 1))
    assert re.search(r"^一、", text, flags=re.M) and re.search(r"^（一）", text, flags=re.M)
    assert "台山" not in text and "江海" not in text


def test_queries_are_deterministic_and_varied(pool):
    queries = make_queries(pool, 50, seed=9)
    assert queries == make_queries(pool, 50, seed=9)
    assert len(set(queries)) > 40 and all(q.strip() for q in queries)


def test_top_k_matches_a_full_sort():
    scores = np.random.default_rng(0).random(1000).astype(np.float32)
    assert list(top_k(scores, 10)) == list(np.argsort(-scores)[:10])
    assert list(top_k(scores[:3], 10)) == list(np.argsort(-scores[:3]))


def test_numpy_baseline_finds_the_nearest_vector():
    vectors = np.random.default_rng(1).normal(size=(200, 16)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    assert NumpyBaseline(vectors).rank(vectors[42], k=1)[0] == 42


def test_overlap_counts_shared_ids():
    assert overlap_at_k([[1, 2, 3, 4]], [[4, 3, 9, 8]], k=4) == 0.5


def test_percentiles_are_ordered():
    summary = Latencies([float(x) for x in random.Random(2).sample(range(1, 1000), 200)]).summary("q")
    assert summary["q_p50_ms"] <= summary["q_p95_ms"] <= summary["q_p99_ms"]


@pytest.mark.parametrize("given, sizes", [(["1000"], [1000]), (["1000,10k", "1m"], [1000, 10_000, 1_000_000])])
def test_sizes_accept_lists_and_suffixes(given, sizes):
    assert parse_sizes(given) == sizes


@pytest.mark.parametrize("bad", [["0"], ["ten"], ["10x"]])
def test_bad_sizes_are_refused_with_the_value(bad):
    with pytest.raises(Exception, match=bad[0]):
        parse_sizes(bad)


@pytest.mark.parametrize("argv, message", [(["--clauses", "0"], "'0'"), (["--queries", "1"], "--queries 1")])
def test_bad_options_exit_2_with_a_message(argv, message, capsys):
    assert main(argv) == 2
    assert message in capsys.readouterr().err


def test_help_documents_every_option():
    parser = build_parser()
    help_text = parser.format_help()
    for action in parser._actions:
        for flag in action.option_strings:
            assert flag in help_text
        assert action.help, action.option_strings


def test_targets_report_met_and_missed():
    row = {"clauses_requested": 100_000, "hybrid_p95_ms": 25.0, "mb_per_s": 2.0}
    lines = target_lines([row])
    assert any("hybrid p95 ≤ 20 ms" in line and "MISSED" in line for line in lines)
    assert any("1 MB text/s" in line and "met" in line for line in lines)
    assert "100,000 clauses" in markdown_table([row])


def test_smoke_run_reports_every_figure(tmp_path):
    """The whole bench at 300 clauses, as CI runs it: one JSON object with sane figures."""
    command = [sys.executable, "-m", "bench", "--clauses", "300", "--queries", "20", "--json", "--quiet",
               "--cold-runs", "1", "--no-ui", "--baseline-seconds", "5", "--data", str(tmp_path / "work"),
               "--out", str(tmp_path / "out")]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    row = json.loads(done.stdout)
    assert REQUIRED_KEYS <= row.keys()
    _check_sane(row)
    saved = json.loads((tmp_path / "out" / "results.json").read_text(encoding="utf-8"))
    assert saved["runs"][0]["clauses"] == row["clauses"]


def _check_sane(row: dict) -> None:
    assert 200 <= row["clauses"] <= 400 and row["ingest_failures"] == 0
    assert row["build_s"] > 0 and row["index_mb"] > 0 and row["peak_rss_mb"] > 50
    assert row["lexical_ready_s"] > 0 and row["lexical_ready_mb_per_s"] > 0
    assert row["lexical_ready_pending"] == row["clauses"]  # searchable before any neural vector was computed
    for mode in ("lexical", "dense", "hybrid", "rank_bm25", "numpy", "faiss", "lexical_index", "bm25s",
                 "bm25s_retrieve", "hybrid_numpy", "milvus_dense", "milvus_lexical"):
        assert 0 < row[f"{mode}_p50_ms"] <= row[f"{mode}_p95_ms"] <= row[f"{mode}_p99_ms"]
    assert row["speedup_vs_rank_bm25"] > 0 and row["speedup_vs_numpy"] > 0
    assert row["dense_recall_at_10"] == 1.0  # exact search at this size
    assert row["lexical_overlap_at_10"] >= 0.5  # same tokens, same k1 and b: mostly the same top 10
    assert row["bm25s_overlap_at_10"] >= 0.9  # same tokens, same formula: the same top 10 but for ties
    assert row["hybrid_recall_at_10"] == 1.0 and row["milvus_dense_recall_at_10"] == 1.0  # exact at this size
    assert row["milvus_lexical_overlap_at_10"] >= 0.9  # the same BM25 weights, served by Milvus
    assert row["cold_ready_s"] > 0 and row["cold_open_s"] > 0
    assert row["cold_rebuilt"] is False  # a fresh process reuses the index it finds
