"""python -m bench --add-one: how long one document takes to become searchable in an N-clause library, and to
be gone again (ingest_paths, then Engine.refresh()), step by step, on the bench's synthetic corpus."""
from __future__ import annotations

import random
import statistics
import time
from pathlib import Path

import qa.engine
from bench.synth import generate_document, load_pool, write_corpus

ITEMS = 19  # numbered items; with the preamble paragraph, a 20-clause document


def add_one(clauses: int, seed: int, work: Path, rounds: int, progress: bool) -> dict:
    """Median seconds over rounds of adding one 20-clause document and removing it again. The library is
    built once in work/n<N>-seed<seed>/data-add-one and kept for the next run."""
    from config import load_config
    from ingest.pipeline import ingest_paths
    from ingest.store import Store
    from qa.engine import Engine

    pool = load_pool(sorted((Path(__file__).resolve().parents[1] / "corpus").glob("*.txt")))
    folder = work / f"n{clauses}-seed{seed}"
    write_corpus(folder / "corpus", clauses, seed, pool, progress)
    config = load_config(folder / "data-add-one")
    if not config.store_path.exists():
        ingest_paths([folder / "corpus"], Store(config.store_path), show_progress=progress)
    engine = Engine.open(config, progress=progress)
    extra = folder / "extra" / "bench_extra.txt"
    extra.parent.mkdir(exist_ok=True)
    extra.write_text(generate_document(random.Random(f"extra-{seed}"), pool, 10**6, ITEMS), encoding="utf-8")
    added, removed = [], []
    for _ in range(rounds):
        added.append(_timed(engine, lambda: ingest_paths([extra], engine.store, show_progress=False)))
        doc_id = engine.store.document_by_source(extra.name).doc_id
        added[-1]["found"] = _found(engine, doc_id)
        removed.append(_timed(engine, lambda: engine.store.remove_document(doc_id)))
    return {"clauses_requested": clauses, "clauses": len(engine.store.clause_keys()[0]), "rounds": rounds, **_median("add", added),
            **_median("remove", removed)}


def _timed(engine, change) -> dict:
    """Seconds of the change (an ingest or a removal) and of the refresh after it, split by step."""
    loads = []
    original = qa.engine.load_snapshot

    def timed_load(folder):
        started = time.perf_counter()
        try:
            return original(folder)
        finally:
            loads.append(time.perf_counter() - started)

    started = time.perf_counter()
    change()
    changed = time.perf_counter()
    qa.engine.load_snapshot = timed_load
    try:
        engine.refresh()
    finally:
        qa.engine.load_snapshot = original
    done = time.perf_counter()
    build = engine.last_build
    return {"change_s": changed - started, "refresh_s": done - changed, "load_snapshots_s": sum(loads),
            **{f"build_{step}_s": seconds for step, seconds in build.seconds.items()},
            "lexical_grown": build.lexical_grown, "dense_grown": build.dense_grown}


def _found(engine, doc_id: str) -> bool:
    """Whether each new clause's own words find it first."""
    return all(engine.lexical_ranking(c.text, limit=1)[0][0] == c.id for c in engine.store.clauses([doc_id]))


def _median(prefix: str, rounds: list[dict]) -> dict:
    figures = {}
    for key, value in rounds[0].items():
        values = [r[key] for r in rounds]
        figures[f"{prefix}_{key}"] = (round(statistics.median(values), 3) if isinstance(value, float)
                                      else all(values))
    return figures


def add_one_table(results: list[dict]) -> str:
    """One row per figure, one column per library size."""
    lines = ["| | " + " | ".join(f"{r['clauses']:,} clauses" for r in results) + " |", "|---|" + "---:|" * len(results)]
    for key in results[0]:
        if key not in ("clauses_requested", "clauses"):
            lines.append(f"| {key} | " + " | ".join(str(r.get(key, "")) for r in results) + " |")
    return "\n".join(lines)
