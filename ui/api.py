"""The named API endpoints (search, ask) for gradio_client and scripts, and the ask panel's content."""
from __future__ import annotations

import gradio as gr

from ui import actions, render
from ui.actions import AppContext
from ui.errors import guarded
from ui.inputs import whole_number


def answer_for(ctx: AppContext, result):
    """The extractive answer (qa.answer.Answer) quoted from these hits, decided as `python -m qa ask` does."""
    from qa.answer import answer_question

    return answer_question(ctx.engine, result.query, result=result)


def answer_and_hits(ctx: AppContext, question: str, doc_ids: list[str] | None, area: str,
                    filters=None) -> tuple[str, str]:
    """(answer panel, ranked clauses) as HTML for the 问答 tab; the notices say when the answer quotes a
    document not in force."""
    result = actions.search(ctx, question, doc_ids, area, filters=filters)
    answer = answer_for(ctx, result) if result.hits else None
    notices = answer.notices if answer is not None else result.notices
    return render.answer_html(answer), render.hits_html(result.hits, notices, result.query)


def _hit_json(hit) -> dict:
    return {**hit.to_json(), "citation": hit.citation, "matched_terms": list(hit.matched_terms)}


def filters_of(filters: dict | None):
    """The filters a script sends ({"level": "省", "since": "2022-01-01", "include_repealed": true} …) as a
    qa.filters.DocFilter; AppMessage for an unknown key or a value the filters refuse."""
    filters = filters or {}
    if not isinstance(filters, dict):
        raise actions.AppMessage("filters 应为对象，如 {\"level\": \"省\"}。")
    unknown = sorted(set(filters) - set(FILTER_KEYS))
    if unknown:
        raise actions.AppMessage(f"filters 不认识 {'、'.join(map(str, unknown))}；可用：{'、'.join(FILTER_KEYS)}。")
    for key, value in filters.items():  # "no" is a true string: a switch takes true or false, a field text
        switch = key in ("include_repealed", "all_editions")
        if value is not None and not isinstance(value, bool if switch else str):
            raise actions.AppMessage(f"filters 的 {key} 应为{'true 或 false' if switch else '文本'}，收到 {value!r}。")
    named = {("doc_type" if key == "type" else key): value for key, value in filters.items()}
    return actions.filter_from(**named)


FILTER_KEYS = ("issuer", "level", "region", "type", "since", "until", "include_repealed", "all_editions")


def search_json(ctx: AppContext, question: str, documents: list[str] | None, top_k: int,
                filters: dict | None = None) -> dict:
    result = actions.search(ctx, question, documents, "", whole_number(top_k, 1, 50, "top_k"), filters_of(filters))
    return {"query": result.query, "mode": result.mode, "notices": list(result.notices),
            "hits": [_hit_json(hit) for hit in result.hits]}


def ask_json(ctx: AppContext, question: str, documents: list[str] | None, filters: dict | None = None) -> dict:
    result = actions.search(ctx, question, documents, "", filters=filters_of(filters))
    answer = answer_for(ctx, result)
    return {"query": result.query, "mode": result.mode, "found": answer.found, "answer": answer.answer,
            "quotes": [q.to_json() for q in answer.quotes], "citations": [_hit_json(hit) for hit in result.hits[:5]],
            "notices": list(answer.notices)}


def register(ctx: AppContext, group: str) -> None:
    """Adds the endpoints /search, /ask, /search_filtered and /ask_filtered (inside a gr.Blocks context)."""

    # /search and /ask keep the arguments they always had: a caller posting them by hand must send every
    # argument an endpoint declares, so the filters have endpoints of their own.
    def search(question: str, documents: list[str] | None = None, top_k: int = 10) -> dict:
        """Ranked clauses for a question. documents: titles, ids or file names to search within."""
        return guarded(search_json, ctx, question, documents, top_k, None)

    def ask(question: str, documents: list[str] | None = None) -> dict:
        """A direct answer quoted from a clause, with its citation and the supporting clauses."""
        return guarded(ask_json, ctx, question, documents, None)

    def search_filtered(question: str, documents: list[str] | None = None, top_k: int = 10,
                        filters: dict | None = None) -> dict:
        """/search within the documents the filters keep: issuer, level, region, type, since, until,
        include_repealed, all_editions."""
        return guarded(search_json, ctx, question, documents, top_k, filters)

    def ask_filtered(question: str, documents: list[str] | None = None, filters: dict | None = None) -> dict:
        """/ask within the documents the filters keep."""
        return guarded(ask_json, ctx, question, documents, filters)

    for function in (search, ask, search_filtered, ask_filtered):
        gr.api(function, api_name=function.__name__, concurrency_id=group)
