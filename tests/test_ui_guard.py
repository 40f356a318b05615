"""The real app (python -m ui) on loopback, attacked with forged Host and Origin headers, odd strings,
oversized filters, password guessing and too many uploads (ui/guard.py, ui/limits.py, ui/inputs.py)."""
from __future__ import annotations

import json
import time
import uuid
from pathlib import Path

import httpx
import pytest
from gradio_client import Client

from tests.test_ui_helpers import copy_data, running_app

QUESTION = "江海区到2030年光伏发电装机容量达到多少？"
FOREIGN = "http://rebind.attacker.example"


@pytest.fixture(scope="module")
def app(built_seed_data, tmp_path_factory) -> tuple[str, Path]:
    """(URL, data folder) of an app without login, one extra allowed host and a 1 MB hourly upload quota."""
    data = copy_data(built_seed_data, tmp_path_factory.mktemp("guard") / "data")
    env = {"POLICY_QA_ALLOWED_HOSTS": "Policy.Office.lan, other.lan", "POLICY_QA_UPLOAD_QUOTA_MB": "1"}
    with running_app(data, env=env) as url:
        yield url, data


@pytest.fixture(scope="module")
def login_app(built_seed_data, tmp_path_factory) -> str:
    """An app with --auth, a back-off after 3 failed logins, and a disk floor no disk can keep."""
    data = copy_data(built_seed_data, tmp_path_factory.mktemp("guard-auth") / "data")
    env = {"POLICY_QA_AUTH": "staff:s3cret-pass", "POLICY_QA_LOGIN_FREE_FAILURES": "3",
           "POLICY_QA_LOGIN_BACKOFF_S": "1", "POLICY_QA_MIN_FREE_DISK_MB": str(10 ** 9)}
    with running_app(data, env=env) as url:
        yield url


@pytest.fixture
def http() -> httpx.Client:
    with httpx.Client(timeout=30, trust_env=False) as client:
        yield client


def port_of(url: str) -> str:
    return url.rsplit(":", 1)[1]


def incoming_files(data: Path) -> set[Path]:
    return {p for p in (data / "uploads" / "incoming").rglob("*") if p.is_file()}


def upload(http: httpx.Client, url: str, name: str, body: bytes, **headers: str) -> httpx.Response:
    return http.post(f"{url}/gradio_api/upload", files={"files": (name, body)}, headers=headers)


def ask_through_page(http: httpx.Client, url: str, question: str) -> list[dict]:
    """The 问答 button's event as the page sends it (queue/join, then the event stream); its messages."""
    config = http.get(f"{url}/config").json()
    run = next(d for d in config["dependencies"] if d.get("api_name") == "run")
    defaults = {c["id"]: c.get("props", {}).get("value") for c in config["components"]}
    # The question, no document chosen, every action area; the other inputs (the filters) as the page shows them.
    data = [question, [], "全部"] + [defaults.get(i) for i in run["inputs"][3:]]
    session = uuid.uuid4().hex
    body = {"data": data, "fn_index": run["id"], "session_hash": session, "event_data": None}
    http.post(f"{url}/gradio_api/queue/join", content=json.dumps(body),
              headers={"content-type": "application/json", "origin": url}).raise_for_status()
    messages = []
    with http.stream("GET", f"{url}/gradio_api/queue/data", params={"session_hash": session}) as stream:
        for line in stream.iter_lines():
            if line.startswith("data:"):
                messages.append(json.loads(line[5:]))
                if messages[-1]["msg"] in {"process_completed", "unexpected_error"}:
                    break
    return messages


# --- 1. Host allow-list -------------------------------------------------------------------------

@pytest.mark.parametrize("host", ["rebind.attacker.example", "127.0.0.1.attacker.example", "192.168.1.20", ""])
def test_a_foreign_host_header_gets_421(app, http, host):
    url, _ = app
    response = http.get(f"{url}/", headers={"host": f"{host}:{port_of(url)}" if host else ""})
    assert response.status_code == 421
    assert "POLICY_QA_ALLOWED_HOSTS" in response.text
    assert http.get(f"{url}/config", headers={"host": host or "x"}).status_code == 421


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "[::1]", "policy.office.lan", "OTHER.LAN."])
def test_loopback_names_and_allowed_hosts_are_served(app, http, host):
    url, _ = app
    assert http.get(f"{url}/", headers={"host": f"{host}:{port_of(url)}"}).status_code == 200


# --- 2. Origin check ----------------------------------------------------------------------------

@pytest.mark.parametrize("origin", [FOREIGN, "null", "http://localhost:1", "file://"])
def test_a_cross_site_upload_gets_403_and_stores_nothing(app, http, origin):
    url, data = app
    before = incoming_files(data)
    response = upload(http, url, "cross-site.txt", "跨站上传".encode(), origin=origin)
    assert response.status_code == 403 and "跨站" in response.text
    assert incoming_files(data) == before


def test_a_cross_site_event_gets_403_and_runs_nothing(app, http):
    url, _ = app
    body = {"data": [QUESTION, [], "全部"], "fn_index": 1, "session_hash": "attacker1"}
    response = http.post(f"{url}/gradio_api/queue/join", json=body, headers={"origin": FOREIGN})
    assert response.status_code == 403
    for path in ("/gradio_api/call/search", "/gradio_api/call/ask"):
        assert http.post(f"{url}{path}", json={"data": [QUESTION]}, headers={"origin": FOREIGN}).status_code == 403


def test_the_page_itself_and_scripts_still_work(app, http):
    url, data = app
    assert upload(http, url, "same-origin.txt", "同源上传".encode(), origin=url).status_code == 200
    assert upload(http, url, "no-origin.txt", "脚本上传".encode()).status_code == 200
    proxied = upload(http, url, "proxied.txt", "经代理上传".encode(), origin="https://policy.office.lan")
    assert proxied.status_code == 200
    assert Client(url, verbose=False).predict(QUESTION, api_name="/ask")["found"] is True


def test_no_other_site_may_frame_the_page(app, http):
    url, _ = app
    page = http.get(url + "/")
    assert page.headers["x-frame-options"] == "DENY"
    assert "frame-ancestors 'self'" in page.headers["content-security-policy"]


def test_an_unfiltered_search_says_it_searched_every_document_and_a_switch_takes_only_true_or_false(app, http):
    url, _ = app
    event, data = call_api(http, url, "search", ["光伏", None, 3])
    assert event == "complete" and all("范围：全部文件" in hit["reason"] for hit in data[0]["hits"])
    event, data = call_api(http, url, "search_filtered", ["光伏", None, 3, {"include_repealed": "no"}])
    assert event == "error" and "include_repealed 应为true 或 false" in data["error"]


# --- 3. Login throttling ------------------------------------------------------------------------

def test_password_guessing_is_slowed_down_per_client(login_app, http):
    def login(password: str) -> httpx.Response:
        return http.post(f"{login_app}/login", data={"username": "staff", "password": password})

    assert [login(f"guess{n}").status_code for n in range(3)] == [400, 400, 400]
    refused = login("s3cret-pass")  # even the right password waits out the back-off
    assert refused.status_code == 429 and int(refused.headers["retry-after"]) >= 1
    assert "登录失败次数过多" in refused.json()["detail"]
    time.sleep(float(refused.headers["retry-after"]))
    assert login("s3cret-pass").status_code == 200
    assert login("guess-again").status_code == 400  # a success starts the count afresh


# --- 4. Bounded document filters ----------------------------------------------------------------

def test_a_huge_document_filter_is_refused_at_once(app):
    url, _ = app
    client = Client(url, verbose=False)
    started = time.monotonic()
    with pytest.raises(Exception) as raised:
        client.predict("光伏", [f"文件{n}" for n in range(5000)], 5, api_name="/search")
    assert time.monotonic() - started < 10
    assert "限定文件最多 50 项" in str(raised.value) and "POLICY_QA_MAX_FILTER_DOCUMENTS" in str(raised.value)
    hits = client.predict("光伏", ["台山"] * 60, 3, api_name="/search")["hits"]  # repeats count once
    assert hits and all(hit["document"] == "台山市碳达峰实施方案" for hit in hits)


# --- 5. Any string the browser can send ---------------------------------------------------------

@pytest.mark.parametrize("question, expected", [
    ("\ud800光伏发电装机容量", "光伏"),
    ("江海区\udfff到2030年光伏\x00发电\x1b装机容量？", "80万千瓦"),
    ("\ud800", "请输入问题"),
    ("\x00\x07\u200b", "没有可检索的文字"),
])
def test_odd_strings_in_a_question_do_not_break_the_stream(app, http, question, expected):
    url, _ = app
    messages = ask_through_page(http, url, question)
    assert messages[-1]["msg"] == "process_completed", messages[-1]
    assert expected in "".join(messages[-1]["output"]["data"])


def call_api(http: httpx.Client, url: str, name: str, data: list) -> tuple[str, object]:
    """A named endpoint called as a script would, the JSON escaped as browsers send it: (event, data)."""
    posted = http.post(f"{url}/gradio_api/call/{name}", content=json.dumps({"data": data}),
                       headers={"content-type": "application/json"})
    event_id = posted.json()["event_id"]
    lines = http.get(f"{url}/gradio_api/call/{name}/{event_id}").text.splitlines()
    event = next(line for line in lines if line.startswith("event:")).split(":", 1)[1].strip()
    return event, json.loads(next(line for line in lines if line.startswith("data:"))[5:])


def test_odd_values_through_the_api_get_an_answer_or_a_chinese_message(app, http):
    url, _ = app
    event, data = call_api(http, url, "search", ["光伏", None, "many"])
    assert event == "error" and "top_k应为 1 到 50 之间的整数" in data["error"]
    event, data = call_api(http, url, "search", ["光伏\ud800", "台山\ud800", 2])  # one name, not a list
    assert event == "complete" and data[0]["hits"] and data[0]["query"] == "光伏"
    assert all(hit["document"] == "台山市碳达峰实施方案" for hit in data[0]["hits"])


# --- Upload quota and disk floor ----------------------------------------------------------------

def test_uploads_beyond_the_hourly_quota_are_refused(app, http):
    url, data = app
    assert upload(http, url, "first.txt", "甲".encode() * 200_000).status_code == 200  # 0.6 MB
    before = incoming_files(data)
    refused = upload(http, url, "second.txt", "乙".encode() * 200_000)
    assert refused.status_code == 429
    assert "每小时最多上传 1 MB" in refused.text and "POLICY_QA_UPLOAD_QUOTA_MB" in refused.text
    assert incoming_files(data) == before


def test_uploads_are_refused_when_the_disk_would_fill(login_app, http):
    assert http.post(f"{login_app}/login", data={"username": "staff", "password": "s3cret-pass"}).is_success
    refused = upload(http, login_app, "small.txt", "小文件".encode())
    assert refused.status_code == 507
    assert "磁盘空间不足" in refused.text and "POLICY_QA_MIN_FREE_DISK_MB" in refused.text
