"""Optional generative answers from an OpenAI-compatible endpoint (vLLM, Ollama …), citations checked."""
from __future__ import annotations

import json
import re
import urllib.error
import urllib.request
from dataclasses import dataclass

from qa.hits import Hit

SYSTEM_PROMPT = (
    "你是政策文件问答助手。只根据给出的条款回答问题，用简体中文，简明扼要。"
    "每一句结论后用方括号标注所依据条款的编号，例如 [1] 或 [2][3]。"
    "条款中没有答案时，直接说明“所给条款未作规定”，不要编造。")
_CITATION_RE = re.compile(r"\[(\d+)\]")
MAX_CLAUSE_CHARS = 1200


class LLMError(Exception):
    """The generative endpoint could not be reached or gave no usable reply."""


@dataclass
class LLMSettings:
    base_url: str  # e.g. http://127.0.0.1:8000/v1
    model: str
    api_key: str = ""
    timeout: float = 60.0

    @property
    def enabled(self) -> bool:
        return bool(self.base_url and self.model)

    @property
    def endpoint(self) -> str:
        """The chat completions URL, whether or not the base URL already ends in /v1."""
        base = self.base_url.rstrip("/")
        return f"{base}/chat/completions" if base.endswith("/v1") else f"{base}/v1/chat/completions"


def settings_from_config(config) -> LLMSettings:
    return LLMSettings(config.llm_base_url, config.llm_model, config.llm_api_key)


def build_messages(question: str, hits: list[Hit]) -> list[dict[str, str]]:
    """The system rules, then the numbered clauses with their citations, then the question."""
    clauses = "\n\n".join(f"[{n}] {hit.citation}\n{hit.text[:MAX_CLAUSE_CHARS]}" for n, hit in enumerate(hits, start=1))
    user = f"条款：\n{clauses}\n\n问题：{question}\n请回答并标注条款编号。"
    return [{"role": "system", "content": SYSTEM_PROMPT}, {"role": "user", "content": user}]


def chat(settings: LLMSettings, messages: list[dict[str, str]]) -> str:
    """One chat completion; the reply text. Raises LLMError with the reason."""
    body = json.dumps({"model": settings.model, "messages": messages, "temperature": 0}, ensure_ascii=False)
    headers = {"Content-Type": "application/json"}
    if settings.api_key:
        headers["Authorization"] = f"Bearer {settings.api_key}"
    request = urllib.request.Request(settings.endpoint, data=body.encode("utf-8"), headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=settings.timeout) as response:
            reply = json.loads(response.read().decode("utf-8"))
    except urllib.error.HTTPError as error:
        raise LLMError(f"{settings.endpoint} answered HTTP {error.code}; check llm_model ({settings.model!r}) and the server log") from error
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        raise LLMError(f"cannot reach {settings.endpoint} ({error}); is the server running?") from error
    except json.JSONDecodeError as error:
        raise LLMError(f"{settings.endpoint} did not answer JSON") from error
    return _reply_text(reply, settings.endpoint)


def _reply_text(reply: dict, endpoint: str) -> str:
    try:
        text = reply["choices"][0]["message"]["content"]
    except (KeyError, IndexError, TypeError) as error:
        raise LLMError(f"{endpoint} answered without choices[0].message.content") from error
    if not isinstance(text, str) or not text.strip():
        raise LLMError(f"{endpoint} answered an empty message")
    return text.strip()


def checked_citations(text: str, hits: list[Hit]) -> tuple[str, list[dict], list[str]]:
    """The reply without citations that point to no retrieved clause, the kept citations, the dropped marks."""
    kept: dict[int, dict] = {}
    dropped: list[str] = []

    def check(match: re.Match) -> str:
        number = int(match.group(1))
        if 1 <= number <= len(hits):
            hit = hits[number - 1]
            kept.setdefault(number, {"n": number, "id": hit.id, "citation": hit.citation})
            return match.group(0)
        dropped.append(match.group(0))
        return ""

    cleaned = _CITATION_RE.sub(check, text)
    return cleaned, [kept[n] for n in sorted(kept)], dropped


def generate_answer(settings: LLMSettings, question: str, hits: list[Hit]) -> dict:
    """{"model", "text", "cited", "citations", "dropped_citations"}; raises LLMError.

    cited is False when the reply names no retrieved clause: the reader must then not trust it."""
    text = chat(settings, build_messages(question, hits))
    cleaned, citations, dropped = checked_citations(text, hits)
    return {"model": settings.model, "text": cleaned, "cited": bool(citations), "citations": citations,
            "dropped_citations": dropped}
