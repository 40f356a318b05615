"""The real app (python -m ui) on a loopback port, used through gradio_client and plain HTTP."""
from __future__ import annotations

import urllib.error
import urllib.request
from pathlib import Path

import psutil
import pytest
from gradio_client import Client

from tests.test_ui_helpers import copy_data, running_app, server_log

QUESTION = "江海区到2030年光伏发电装机容量达到多少？"


@pytest.fixture(scope="module")
def app_data(tmp_path_factory) -> Path:
    """An empty data folder: the server's first start ingests corpus/ and builds the index."""
    folder = tmp_path_factory.mktemp("ui-server") / "data"
    folder.mkdir()
    return folder


@pytest.fixture(scope="module")
def app_url(app_data) -> str:
    with running_app(app_data) as url:
        yield url


@pytest.fixture(scope="module")
def client(app_url) -> Client:
    return Client(app_url, verbose=False)


def status_of(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_first_start_ingested_the_shipped_corpus(client, app_data):
    assert (app_data / "store.sqlite3").exists() and (app_data / "index" / "CURRENT").exists()
    log = server_log(app_data)
    assert "正在导入" in log and "检索模式：offline:" in log


def test_ask_endpoint_answers_with_the_value_and_its_citation(client):
    result = client.predict(QUESTION, api_name="/ask")
    assert result["found"] is True
    assert "80万千瓦以上" in result["answer"]
    quote = result["quotes"][0]
    assert quote["highlight"] == "80万千瓦以上"
    assert quote["citation"] == "《江门市江海区碳达峰实施方案》 二、（一）1"
    assert result["citations"][0]["citation"].startswith("《")


def test_search_endpoint_ranks_clauses_and_filters_documents(client):
    result = client.predict("老旧燃气管道怎么处理？", api_name="/search")
    top = result["hits"][0]
    assert top["citation"] == "《江门市江海区碳达峰实施方案》 二、（一）3"
    assert "老旧燃气管道" in top["text"] and top["score"] > 0
    assert result["mode"].startswith("offline:")
    only = client.predict("光伏", ["台山"], 3, api_name="/search")
    assert len(only["hits"]) == 3
    assert all(hit["document"] == "台山市碳达峰实施方案" for hit in only["hits"])


@pytest.mark.parametrize("question, message", [
    ("   ", "请输入问题"),
    ("？？！！", "没有可检索的文字"),
])
def test_bad_questions_get_a_chinese_message_not_a_trace(client, question, message):
    with pytest.raises(Exception) as raised:
        client.predict(question, api_name="/ask")
    assert message in str(raised.value)
    assert "Traceback" not in str(raised.value)


def test_unknown_document_filter_is_explained(client):
    with pytest.raises(Exception) as raised:
        client.predict("光伏", ["不存在的文件"], 5, api_name="/search")
    assert "文库中没有与“不存在的文件”对应的文件" in str(raised.value)


def test_only_named_endpoints_are_public(client):
    endpoints = client.view_api(print_info=False, return_format="dict")["named_endpoints"]
    assert set(endpoints) == {"/search", "/ask", "/search_filtered", "/ask_filtered"}


def test_server_listens_on_loopback_only(app_url):
    port = int(app_url.rsplit(":", 1)[1])
    addresses = {c.laddr.ip for c in psutil.net_connections("inet") if c.laddr.port == port and c.status == "LISTEN"}
    assert addresses == {"127.0.0.1"}


def test_files_outside_the_upload_folder_are_not_served(app_url, app_data):
    for path in (app_data / "store.sqlite3", Path("/etc/passwd"), Path(__file__)):
        assert status_of(f"{app_url}/gradio_api/file={path.resolve()}") == 403
    assert status_of(f"{app_url}/gradio_api/file=../../../../etc/passwd") in {403, 404}


def test_login_is_required_when_auth_is_given(app_data, tmp_path):
    data = copy_data(app_data, tmp_path / "data")
    with running_app(data, env={"POLICY_QA_AUTH": "staff:s3cret-pass"}) as url:
        with pytest.raises(Exception):
            Client(url, verbose=False).predict(QUESTION, api_name="/ask")
        answer = Client(url, auth=("staff", "s3cret-pass"), verbose=False).predict(QUESTION, api_name="/ask")
        assert answer["found"] is True
