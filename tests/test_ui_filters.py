"""The app's filters and 文库 edit form (issue 15), through ui.actions and ui.api over a real engine."""
from __future__ import annotations

import pytest

from tests.conftest import engine_over
from tests.test_doc_filters import FILES, LAW_TITLE, NEW, OLD, PLAN_TITLE
from ui import actions, api
from ui.actions import AppContext, AppMessage

QUESTION = "屋顶光伏补贴"


@pytest.fixture(scope="module")
def ctx(tmp_path_factory) -> AppContext:
    engine = engine_over(tmp_path_factory, FILES)
    yield AppContext(engine, engine.config)
    engine.close()


def documents(ctx: AppContext, **filters) -> set[str]:
    result = actions.search(ctx, QUESTION, top_k=20, filters=actions.filter_from(**filters))
    return {hit.document for hit in result.hits}


def test_the_filter_fields_narrow_the_search(ctx):
    assert documents(ctx, level="省") == {PLAN_TITLE}
    assert documents(ctx, region="台山", doc_type="办法") == {NEW}
    assert documents(ctx, doc_type=actions.ANY, level=actions.ANY, since="2024-01-01") == {LAW_TITLE}
    assert OLD not in documents(ctx) and OLD in documents(ctx, include_repealed=True)


def test_a_bad_filter_value_is_a_chinese_message(ctx):
    with pytest.raises(AppMessage, match="层级“镇”不在可选值中"):
        actions.filter_from(level="镇")
    with pytest.raises(AppMessage, match="截止日期“下周”不是日期"):
        actions.filter_from(until="下周")


def test_hit_cards_and_answer_notices_mark_documents_not_in_force(ctx):
    _, hits = api.answer_and_hits(ctx, "光伏促进法什么时候施行？", None, "", actions.filter_from(doc_type="法律"))
    assert "（尚未施行）" in hits and f"《{LAW_TITLE}》尚未施行" in hits


def test_the_library_table_and_edit_form_use_the_same_names(ctx):
    assert actions.LIBRARY_HEADERS[:10] == ["标题", "文号", "发布机构", "层级", "地区", "类型", "状态", "成文日期",
                                            "发布日期", "施行日期"]
    old = next(d for d in ctx.store.documents() if d.title == OLD)
    assert dict(zip(actions.LIBRARY_HEADERS, next(r for r in actions.library_rows(ctx) if r[0] == OLD)))["状态"] == "已废止"
    fields = dict(zip(("doc_number", "issuer", "level", "region", "doc_type", "status"), actions.document_fields(ctx, old.doc_id)))
    assert fields["status"] == "已废止" and fields["doc_type"] == "办法"
    with pytest.raises(AppMessage, match="状态“作废”不在可选值中"):
        actions.edit_document(ctx, old.doc_id, {"status": "作废"})
    line = actions.edit_document(ctx, old.doc_id, {**fields, "status": "现行有效"})
    assert line == f"已保存《{OLD}》的状态。"
    assert OLD in documents(ctx), "in force now: searched by default, without re-indexing"
    assert actions.edit_document(ctx, old.doc_id, {"status": "现行有效"}) == "没有改动。"


def test_the_app_builds_with_the_filters_and_the_edit_form(ctx):
    from ui.app import build_app

    app = build_app(ctx.engine, ctx.config)
    ids = {block.elem_id for block in app.blocks.values() if getattr(block, "elem_id", None)}
    assert {"filter-level", "filter-since", "filter-repealed", "edit-doc", "edit-status", "edit-save"} <= ids


def test_the_search_and_ask_endpoints_take_the_filters(ctx):
    result = api.search_json(ctx, QUESTION, None, 20, {"level": "省", "type": "规划"})
    assert {hit["document"] for hit in result["hits"]} == {PLAN_TITLE}
    assert {hit["status"] for hit in result["hits"]} == {"现行有效"}
    reply = api.ask_json(ctx, "光伏促进法什么时候施行？", None, {"type": "法律"})
    assert f"注意：《{LAW_TITLE}》尚未施行，以上内容仅供参考，请以现行文件为准。" in reply["notices"]
    with pytest.raises(AppMessage, match="filters 不认识 kind"):
        api.search_json(ctx, QUESTION, None, 5, {"kind": "方案"})
    with pytest.raises(AppMessage, match="层级“镇”不在可选值中"):
        api.search_json(ctx, QUESTION, None, 5, {"level": "镇"})


def test_the_compare_tab_lines_up_two_editions(ctx):
    from ui.compare_view import editions_html

    plans = [d for d in ctx.store.documents() if d.title == PLAN_TITLE]
    older = min(plans, key=lambda d: d.date_written)
    html = editions_html(ctx, older.doc_id)
    assert "2021-04-01 版 → 2023-04-01 版：修改 1 条，新增 0 条，删除 0 条，相同 1 条" in html
    assert "<del>2000</del>" in html and "<ins>3000</ins>" in html
    with pytest.raises(AppMessage, match=f"《{LAW_TITLE}》在文库中只有这一个版本"):
        editions_html(ctx, next(d.doc_id for d in ctx.store.documents() if d.title == LAW_TITLE))
