"""The running app (python -m ui) finds a document ingested by python -m ingest in another process,
without a restart: /search within 60 s, and /ask answers from it."""
from __future__ import annotations

import subprocess
import sys
import time

from gradio_client import Client

from tests.conftest import ROOT
from tests.test_ui_helpers import copy_data, running_app

PLAN = """珊瑚湾新区海上风电推进办法

第一条 为推进珊瑚湾新区海上风电建设，制定本办法。

第二条 到2028年，珊瑚湾新区海上风电装机容量达到120万千瓦以上。

第三条 本办法自发布之日起施行。
"""
QUESTION = "珊瑚湾新区海上风电装机容量要达到多少？"


def found_within(client: Client, seconds: float) -> dict | None:
    """The first /search answer whose top hit is the new document, polling until seconds have passed."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        result = client.predict(QUESTION, None, 3, api_name="/search")
        if result["hits"] and result["hits"][0]["document"] == "珊瑚湾新区海上风电推进办法":
            return result
        time.sleep(1)
    return None


def test_a_document_ingested_from_the_command_line_is_found_by_the_running_app(built_seed_data, tmp_path):
    data = copy_data(built_seed_data, tmp_path / "data")
    plan = tmp_path / "珊瑚湾风电办法.txt"
    plan.write_text(PLAN, encoding="utf-8")
    with running_app(data) as url:
        client = Client(url, verbose=False)
        assert found_within(client, 0) is None
        done = subprocess.run([sys.executable, "-m", "ingest", str(plan), "--data", str(data), "--quiet"],
                              cwd=ROOT, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        started = time.monotonic()
        assert found_within(client, 60) is not None, "the app did not pick up the new document within 60 s"
        assert time.monotonic() - started < 60
        answer = client.predict(QUESTION, api_name="/ask")
        assert answer["found"] and "120万千瓦以上" in answer["answer"]
        assert answer["quotes"][0]["citation"].startswith("《珊瑚湾新区海上风电推进办法》")

