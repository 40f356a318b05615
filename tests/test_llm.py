"""Generative mode against a real local HTTP server that speaks /v1/chat/completions."""
from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from qa.cli import ask as ask_cli


class ChatServer(ThreadingHTTPServer):
    """Answers every chat completion with self.reply (or self.status), and keeps the requests it got."""
    reply = "答案 [1]。"
    status = 200

    def __init__(self):
        super().__init__(("127.0.0.1", 0), _ChatHandler)
        self.requests: list[dict] = []

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/v1"


class _ChatHandler(BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        self.server.requests.append({"path": self.path, "auth": self.headers.get("Authorization"), "body": body})
        payload = {"choices": [{"index": 0, "message": {"role": "assistant", "content": self.server.reply}}]}
        data = json.dumps(payload, ensure_ascii=False).encode() if self.server.status == 200 else b"{}"
        self.send_response(self.server.status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def chat_server(monkeypatch):
    server = ChatServer()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    monkeypatch.setenv("POLICY_QA_LLM_BASE_URL", server.base_url)
    monkeypatch.setenv("POLICY_QA_LLM_MODEL", "qwen-test")
    monkeypatch.setenv("POLICY_QA_LLM_API_KEY", "secret-key")
    yield server
    server.shutdown()
    server.server_close()


def _ask(data_dir, capsys, *extra: str) -> dict:
    assert ask_cli.main(["江海区光伏发电装机容量目标是多少？", "--json", "--data", str(data_dir), *extra]) == 0
    return json.loads(capsys.readouterr().out)


def test_generated_answer_keeps_real_citations_and_drops_invented_ones(built_seed_data, chat_server, capsys):
    chat_server.reply = "到2030年光伏装机达到80万千瓦以上 [1]，另见 [42]。"
    reply = _ask(built_seed_data, capsys)
    generated = reply["generated"]
    assert generated["text"] == "到2030年光伏装机达到80万千瓦以上 [1]，另见 。"
    assert generated["dropped_citations"] == ["[42]"]
    assert generated["citations"] == [{"n": 1, "id": reply["hits"][0]["id"],
                                       "citation": f"《{reply['hits'][0]['document']}》 {reply['hits'][0]['clause']}"}]
    assert reply["found"] and reply["quotes"][0]["highlight"].replace(" ", "") == "80万千瓦以上"
    request = chat_server.requests[0]
    assert request["path"] == "/v1/chat/completions" and request["auth"] == "Bearer secret-key"
    assert request["body"]["model"] == "qwen-test"
    prompt = request["body"]["messages"][-1]["content"]
    assert "江海区光伏发电装机容量目标是多少" in prompt and "[1] 《" in prompt


def test_a_reply_without_any_valid_citation_is_flagged(built_seed_data, chat_server, capsys):
    chat_server.reply = "光伏装机要达到100万千瓦 [9]。"
    assert ask_cli.main(["江海区光伏发电装机容量目标是多少？", "--data", str(built_seed_data)]) == 0
    out = capsys.readouterr().out
    assert "未引用任何检索到的条款" in out and "[9]" in out and "【" in out


def test_a_failing_endpoint_leaves_the_extractive_answer(built_seed_data, chat_server, capsys):
    chat_server.status = 500
    reply = _ask(built_seed_data, capsys)
    assert "HTTP 500" in reply["generated"]["error"]
    assert reply["found"] and reply["quotes"]


def test_generation_is_off_without_an_endpoint_or_with_no_generate(built_seed_data, chat_server, capsys):
    assert "generated" not in _ask(built_seed_data, capsys, "--no-generate")
    assert chat_server.requests == []
