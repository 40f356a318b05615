"""Measuring instruments: wall-clock latencies, percentiles, peak memory, folder sizes, cold starts."""
from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Sequence

import numpy as np
import psutil
from tqdm import tqdm

ROOT = Path(__file__).resolve().parents[1]


@dataclass
class Latencies:
    """Per-call wall-clock times in milliseconds."""

    ms: list[float] = field(default_factory=list)

    def percentile(self, q: float) -> float:
        return round(float(np.percentile(self.ms, q)), 3) if self.ms else float("nan")

    def summary(self, prefix: str) -> dict[str, float]:
        """{prefix_p50_ms, prefix_p95_ms, prefix_p99_ms, prefix_mean_ms}."""
        row = {f"{prefix}_p{q}_ms": self.percentile(q) for q in (50, 95, 99)}
        row[f"{prefix}_mean_ms"] = round(float(np.mean(self.ms)), 3) if self.ms else float("nan")
        return row


def time_calls(call: Callable, queries: Sequence, label: str, warmup: int = 3, progress: bool = True) -> Latencies:
    """Time call(query) once per query (a question or a query vector) after a few untimed warm-up calls."""
    for query in queries[:warmup]:
        call(query)
    result = Latencies()
    for query in tqdm(queries, desc=label, unit="q", disable=not progress, leave=False):
        start = time.perf_counter()
        call(query)
        result.ms.append((time.perf_counter() - start) * 1000)
    return result


class PeakMemory:
    """Peak resident memory of this process plus its children, sampled in a background thread.

    The sampler sees children that are alive (ingest workers); ru_maxrss adds the exact peak of this
    process and of the largest child that has already exited, so short-lived peaks are not missed.
    """

    def __init__(self, interval: float = 0.05):
        self.interval = interval
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        process = psutil.Process()
        while not self._stop.is_set():
            self.peak = max(self.peak, _tree_rss(process))
            self._stop.wait(self.interval)

    def peak_mb(self) -> float:
        own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
        child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
        return round(max(self.peak, own + child) / 2**20, 1)


def _tree_rss(process: psutil.Process) -> int:
    total = process.memory_info().rss
    for child in process.children(recursive=True):
        try:
            total += child.memory_info().rss
        except psutil.Error:
            pass
    return total


def current_rss_mb() -> float:
    return round(psutil.Process().memory_info().rss / 2**20, 1)


def cpu_seconds() -> float:
    """User + system CPU time of this process and of its finished children (the worker pools): on a shared
    machine the work done, which wall time is not."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def folder_mb(path: Path) -> float:
    """Size on disk of the files under path, in MiB."""
    files = [p for p in Path(path).rglob("*") if p.is_file()] if Path(path).exists() else []
    return round(sum(p.stat().st_size for p in files) / 2**20, 2)


_COLD_START = r"""
import json, sys, time
start = time.perf_counter()
from config import load_config
from qa.engine import Engine
imported = time.perf_counter()
engine = Engine.open(load_config(sys.argv[1], model=sys.argv[2]))
opened = time.perf_counter()
engine.search(sys.argv[3], top_k=10)
answered = time.perf_counter()
print(json.dumps({"import_s": imported - start, "open_s": opened - imported,
                  "first_query_s": answered - opened, "ready_s": answered - start}))
"""


def cold_start(data_dir: Path, model: str, query: str, runs: int = 3) -> dict:
    """A fresh interpreter opens the existing index and answers one query; median over runs."""
    rows = [_cold_run(_COLD_START, [str(data_dir), model, query]) for _ in range(runs)]
    keys = ("import_s", "open_s", "first_query_s", "ready_s", "process_s")
    figures: dict = {f"cold_{k}": round(float(np.median([r[k] for r in rows])), 3) for k in keys}
    figures["cold_rebuilt"] = any(r["rebuilt"] for r in rows)  # must stay false: the index exists
    return figures


def _cold_run(script: str, args: list[str]) -> dict[str, float]:
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", script, *args], cwd=ROOT, capture_output=True,
                          text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"cold start failed (exit {done.returncode}): {done.stderr.strip()[-2000:]}")
    row = json.loads(done.stdout.strip().splitlines()[-1])
    row["process_s"] = elapsed
    row["rebuilt"] = "index: updating" in done.stderr
    return row


_UI_START = r"""
import json, sys, time
start = time.perf_counter()
from config import load_config
from qa.engine import Engine
from ui.app import build_app
imported = time.perf_counter()
config = load_config(sys.argv[1], model=sys.argv[2])
build_app(Engine.open(config), config)
built = time.perf_counter()
print(json.dumps({"import_s": imported - start, "ready_s": built - start}))
"""


def has_ui_builder() -> bool:
    """Whether ui/app.py offers build_app(engine, config), which builds the app without launching it."""
    path = ROOT / "ui" / "app.py"
    return path.exists() and "def build_app(engine" in path.read_text(encoding="utf-8")


def ui_cold_start(data_dir: Path, model: str, runs: int = 1) -> dict[str, float]:
    """A fresh interpreter opens the index and builds the web app (not launched); median over runs."""
    rows = [_cold_run(_UI_START, [str(data_dir), model]) for _ in range(runs)]
    return {"ui_import_s": round(float(np.median([r["import_s"] for r in rows])), 3),
            "ui_ready_s": round(float(np.median([r["ready_s"] for r in rows])), 3),
            "ui_process_s": round(float(np.median([r["process_s"] for r in rows])), 3)}


def ratio(slow: float, fast: float) -> float:
    """slow / fast, rounded; NaN when either is missing."""
    if not (fast and slow) or np.isnan(fast) or np.isnan(slow):
        return float("nan")
    return round(slow / fast, 1)
