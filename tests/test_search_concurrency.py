"""Many searches while a document is added: no errors, every answer from the old or the new snapshot."""
from __future__ import annotations

import threading
import time

import numpy as np
import pytest

from config import load_config
from qa.engine import Engine
from tests.test_index_build import add_document

QUESTIONS = ["海上风电运维母港在哪里？", "蓝碳交易有没有试点？", "新能源汽车推广", "老旧燃气管道怎么处理？"]


def answer(engine: Engine, question: str) -> tuple[tuple[str, float], ...]:
    return tuple((hit.id, hit.score) for hit in engine.search(question, top_k=10).hits)


@pytest.mark.slow
def test_fifty_threads_search_while_a_document_is_added(seed_data, tmp_path):
    engine = Engine.open(load_config(seed_data, model=""), progress=False)
    before = {q: answer(engine, q) for q in QUESTIONS}
    errors, answers, latencies, stop = [], [], [], threading.Event()

    def client(number: int) -> None:
        while not stop.is_set():
            started = time.perf_counter()
            try:
                question = QUESTIONS[number % len(QUESTIONS)]
                answers.append((question, answer(engine, question)))
            except Exception as error:  # any error at all fails the test
                errors.append(repr(error))
            latencies.append(time.perf_counter() - started)

    threads = [threading.Thread(target=client, args=(n,)) for n in range(50)]
    for thread in threads:
        thread.start()
    add_document(seed_data, tmp_path)
    engine.refresh()
    time.sleep(1.0)
    stop.set()
    for thread in threads:
        thread.join()
    after = {q: answer(engine, q) for q in QUESTIONS}
    assert not errors, errors[:3]
    assert before[QUESTIONS[0]] != after[QUESTIONS[0]]  # the new document changes this answer
    assert all(ids in (before[q], after[q]) for q, ids in answers)  # no answer mixes the two snapshots
    assert any(ids == after[q] != before[q] for q, ids in answers)
    print(f"{len(answers)} searches, 0 errors, p50 {np.percentile(latencies, 50) * 1000:.1f} ms, "
          f"p95 {np.percentile(latencies, 95) * 1000:.1f} ms")
