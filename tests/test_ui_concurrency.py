"""50 HTTP clients search the real app (python -m ui) while a document is uploaded through its page:
no errors, every answer from the old or the new index, latency reported."""
from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import numpy as np
import pytest

from tests.test_index_build import NEW_DOC
from tests.test_search_concurrency import QUESTIONS
from tests.test_ui_browser import CHROMIUM, CHROMIUM_ARGS, WAIT_MS, upload
from tests.test_ui_helpers import copy_data, running_app

CLIENTS = 50
RUN_S = 25  # the longest the clients search; they stop sooner once the upload is done and seen
AFTER_UPLOAD_S = 3  # searching goes on this long after the upload's status line appears
MAX_REQUESTS = 400  # per client, whatever the clock says
REQUEST_TIMEOUT_S = 30
NEW_TITLE = "关于加快海上风电发展的通知"

Answer = tuple[tuple[str, float], ...]


def search(http: httpx.Client, url: str, question: str) -> Answer:
    """The ranked (clause id, score) pairs for a question, as /search returns them."""
    return tuple((hit["id"], round(hit["score"], 6)) for hit in search_hits(http, url, question))


def search_hits(http: httpx.Client, url: str, question: str, top_k: int = 10) -> list[dict]:
    """One call of the /search endpoint through Gradio's queue: POST the call, read its event stream."""
    posted = http.post(f"{url}/gradio_api/call/search", json={"data": [question, None, top_k]})
    posted.raise_for_status()
    event_id = posted.json()["event_id"]
    with http.stream("GET", f"{url}/gradio_api/call/search/{event_id}") as stream:
        stream.raise_for_status()
        event = None
        for line in stream.iter_lines():
            if line.startswith("event:"):
                event = line.split(":", 1)[1].strip()
            elif line.startswith("data:") and event in {"complete", "error"}:
                data = json.loads(line.split(":", 1)[1])
                if event == "error":
                    raise RuntimeError(f"search failed: {data}")
                return data[0]["hits"]
    raise RuntimeError(f"the event stream ended without a result (last event {event!r})")


def http_client() -> httpx.Client:
    # trust_env=False: no proxy from the environment stands between the test and 127.0.0.1
    return httpx.Client(timeout=REQUEST_TIMEOUT_S, trust_env=False)


def answers_now(url: str) -> dict[str, Answer]:
    with http_client() as http:
        return {q: search(http, url, q) for q in QUESTIONS}


@dataclass
class Load:
    """What the clients saw: (question, answer) pairs, errors and latencies, shared across threads."""
    url: str
    stop: threading.Event = field(default_factory=threading.Event)
    lock: threading.Lock = field(default_factory=threading.Lock)
    answers: list[tuple[str, Answer, float]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    latencies: list[float] = field(default_factory=list)

    def client(self, number: int, deadline: float) -> None:
        with http_client() as http:
            for count in range(MAX_REQUESTS):
                if self.stop.is_set() or time.monotonic() > deadline:
                    return
                self.one_request(http, QUESTIONS[(number + count) % len(QUESTIONS)])

    def one_request(self, http: httpx.Client, question: str) -> None:
        started = time.perf_counter()
        try:
            answer, error = search(http, self.url, question), None
        except Exception as raised:  # any error at all fails the test
            answer, error = None, repr(raised)
        elapsed = time.perf_counter() - started
        with self.lock:
            self.latencies.append(elapsed)
            if error:
                self.errors.append(error)
            else:
                self.answers.append((question, answer, time.monotonic()))

    def summary(self) -> str:
        ms = np.array(self.latencies) * 1000
        return (f"{len(self.answers)} searches served over HTTP to {CLIENTS} clients, {len(self.errors)} errors, "
                f"p50 {np.percentile(ms, 50):.0f} ms, p95 {np.percentile(ms, 95):.0f} ms, max {ms.max():.0f} ms")


@pytest.fixture
def app_url(built_seed_data, tmp_path) -> str:
    data = copy_data(built_seed_data, tmp_path / "data")
    with running_app(data) as url:
        assert url.startswith("http://127.0.0.1:"), url
        yield url


@pytest.fixture
def page(app_url, tmp_path):
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.skip("chromium is not installed (make install-dev)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch_persistent_context(
            str(tmp_path / "chromium-profile"), executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True,
            viewport={"width": 1400, "height": 1000}, locale="zh-CN")
        page = browser.new_page()
        page.set_default_timeout(WAIT_MS)
        page.goto(app_url)
        page.wait_for_selector("#question textarea")
        yield page
        browser.close()


def searched_during_upload(url: str, page, new_file: Path) -> tuple[Load, str, tuple[float, float]]:
    """50 clients search while the page uploads new_file; (what they saw, the status line, upload start/end)."""
    load, deadline = Load(url), time.monotonic() + RUN_S
    threads = [threading.Thread(target=load.client, args=(n, deadline)) for n in range(CLIENTS)]
    for thread in threads:
        thread.start()
    time.sleep(2.0)  # every client is searching before the upload starts
    started = time.monotonic()
    status = upload(page, [new_file])
    finished = time.monotonic()
    time.sleep(AFTER_UPLOAD_S)
    load.stop.set()
    for thread in threads:
        thread.join(REQUEST_TIMEOUT_S + 5)
    assert not any(t.is_alive() for t in threads)
    return load, status, (started, finished)


@pytest.mark.slow
def test_fifty_http_clients_search_while_a_document_is_uploaded(app_url, page, tmp_path):
    idle = time.perf_counter()
    before = answers_now(app_url)
    idle_ms = (time.perf_counter() - idle) * 1000 / len(QUESTIONS)
    new_file = tmp_path / "haishang_fengdian.txt"
    new_file.write_text(NEW_DOC, encoding="utf-8")
    load, status, (started, finished) = searched_during_upload(app_url, page, new_file)
    after = answers_now(app_url)
    torn = [(q, a) for q, a, _ in load.answers if a not in (before[q], after[q])]
    during = sum(started <= at <= finished for _, _, at in load.answers)
    print(f"\n{load.summary()} (one client alone: {idle_ms:.0f} ms); upload took {finished - started:.1f} s "
          f"with {during} searches answered meanwhile; {len(torn)} torn answers")

    assert "✔" in status and "✘" not in status, status
    assert not load.errors, load.errors[:3]
    assert not torn, torn[:3]
    assert before[QUESTIONS[0]] != after[QUESTIONS[0]]  # the new document changes this answer
    assert any(a == before[q] != after[q] for q, a, _ in load.answers)  # clients saw the old index
    assert any(a == after[q] != before[q] for q, a, _ in load.answers)  # and then the new one
    assert during > 0  # searches went on while the document was being added
    with http_client() as http:  # each of the new document's clauses is found by its own words
        for question in ("海上风电运维母港建设目标", "风机叶片海缆配套产业集群"):
            assert search_hits(http, app_url, question, 1)[0]["document"] == NEW_TITLE
