"""The Gradio face of the product: 问答, 阅读, 对比, 文库. Layout and wiring only; the work is in
ui.actions (over the qa library) and the HTML in ui.render."""
from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import gradio as gr

from config import Config
from ingest.fields import DATES, EDITABLE, LABELS, LEVELS, STATUSES, TYPES
from ui import actions, api, compare_view, render
from ui.actions import AppContext
from ui.errors import guarded
from ui.uploads import ALLOWED_SUFFIXES

STATIC = Path(__file__).parent / "static"
READ_GROUP, WRITE_GROUP = "read", "write"
EXAMPLES = [
    "江海区到2030年光伏发电装机容量达到多少？",
    "老旧燃气管道怎么处理？",
    "政府机关买空调锅炉这类用能设备有什么能效要求？",
    "金瓯输变电工程是什么电压等级？",
]

HITS_JS = """
const open = (card) => trigger('click', {clause: card.dataset.clause, terms: card.dataset.terms || ''});
element.addEventListener('click', (e) => { const c = e.target.closest('[data-clause]'); if (c) open(c); });
element.addEventListener('keydown', (e) => {
  const c = e.target.closest('[data-clause]'); if (c && e.key === 'Enter') open(c); });
"""

DOC_JS = """
// Only the text box scrolls: scrollIntoView would scroll the window too and push the tab bar off screen.
const box = () => element.querySelector('.doc-text');
const scrollBoxTo = (rect, offset, smooth) => { const b = box(); if (!b) return;
  const top = b.scrollTop + rect.top - b.getBoundingClientRect().top - offset;
  b.scrollTo({top: Math.max(top, 0), behavior: smooth ? 'smooth' : 'auto'}); };
const showTabs = () => { const bar = document.querySelector('#tabs [role=tablist]');
  if (bar && bar.getBoundingClientRect().top < 0) bar.scrollIntoView({block: 'start'}); };
const jump = () => { const m = element.querySelector('.clause.current'); if (!m || !box()) return;
  showTabs(); scrollBoxTo(m.getBoundingClientRect(), Math.min(box().clientHeight / 5, 120), false); };
// The tab may still be hidden when the value arrives, and on its first showing this code runs
// after the value is already there: so jump now and again shortly after either.
const soon = () => [80, 300, 800].forEach((ms) => setTimeout(jump, ms));
soon();
watch('value', soon);
// A heading's line is often text between clauses: find its last occurrence up to the clause it opens
// (or at that clause's start), so the jump shows the heading, not only the text under it.
const headingRect = (target, name) => { let found = null;
  const walker = document.createTreeWalker(box(), NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const inside = target.contains(n);
    if (!inside && !(n.compareDocumentPosition(target) & Node.DOCUMENT_POSITION_FOLLOWING)) break;
    const at = n.data.lastIndexOf(name);
    if (at >= 0) found = [n, at];
    if (inside) break;
  }
  if (!found) return target.getBoundingClientRect();
  const range = document.createRange(); range.setStart(found[0], found[1]); range.setEnd(found[0], found[1] + name.length);
  return range.getBoundingClientRect(); };
element.addEventListener('click', (e) => {
  const a = e.target.closest('a[data-target]'); if (!a) return;
  e.preventDefault();
  const t = element.querySelector('[data-anchor="' + a.dataset.target + '"]');
  if (t) scrollBoxTo(headingRect(t, a.textContent.trim()), 8, true);
});
"""


def build_app(engine: Any, config: Config) -> gr.Blocks:
    """The whole app, not launched: ui.server.serve launches it, tests and the bench may too."""
    ctx = AppContext(engine, config)
    with gr.Blocks(title="政策文件智能问答", delete_cache=(3600, 3600)) as app:
        gr.HTML('<div class="app-title"><h1>政策文件智能问答</h1></div>')
        status = gr.HTML(elem_id="status")
        with gr.Accordion("详情", open=False, elem_id="details"):
            gr.HTML(render.details_html(engine.mode, str(config.data_dir)))
        selected = gr.State("")
        with gr.Tabs(elem_id="tabs") as tabs:
            ask = _ask_tab()
            read = _read_tab()
            cmp = compare_view.compare_tab()
            lib = _library_tab(config)
        view = SimpleNamespace(tabs=tabs, selected=selected, ask=ask, read=read, cmp=cmp, lib=lib, status=status)
        _wire_ask(ctx, view)
        _wire_read(ctx, view)
        compare_view.wire(ctx, view, READ_GROUP)
        _wire_library(ctx, view)
        api.register(ctx, READ_GROUP)
        app.load(lambda: _pickers(ctx), outputs=_picker_outputs(view), api_visibility="private")
    return app


def _ask_tab() -> SimpleNamespace:
    with gr.Tab("问答", id="ask"):
        with gr.Row(equal_height=True):
            question = gr.Textbox(label="问题", placeholder="用一句话提问，例如：屋顶光伏覆盖率目标是多少？",
                                  scale=5, max_length=2000, elem_id="question", submit_btn=False)
            button = gr.Button("提问", variant="primary", scale=1, elem_id="ask-button")
        gr.Examples(EXAMPLES, inputs=question, label="示例问题")
        with gr.Row():
            docs = gr.Dropdown(label="限定文件（可多选）", multiselect=True, choices=[], scale=3, elem_id="doc-filter")
            area = gr.Dropdown(label="行动领域", choices=["全部", *actions.ACTION_AREAS], value="全部", scale=1)
        filters = _filter_fields()
        answer = gr.HTML(elem_id="answer", js_on_load=HITS_JS)
        hits = gr.HTML(elem_id="hits", js_on_load=HITS_JS)
    return SimpleNamespace(question=question, button=button, docs=docs, area=area, filters=filters, answer=answer,
                           hits=hits)


def _filter_fields() -> list:
    """按文件信息筛选, in the order actions.filter_from takes them."""
    any_ = actions.ANY
    with gr.Accordion("按文件信息筛选", open=False, elem_id="filters"):
        with gr.Row():
            issuer = gr.Textbox(label=LABELS["issuer"], placeholder="包含的文字", elem_id="filter-issuer")
            level = gr.Dropdown(label=LABELS["level"], choices=[any_, *LEVELS], value=any_, elem_id="filter-level")
            region = gr.Textbox(label=LABELS["region"], placeholder="如 广东、江门", elem_id="filter-region")
            doc_type = gr.Dropdown(label=LABELS["doc_type"], choices=[any_, *TYPES], value=any_, elem_id="filter-type")
        with gr.Row():
            since = gr.Textbox(label="起始日期", placeholder="如 2022-01-01", elem_id="filter-since")
            until = gr.Textbox(label="截止日期", placeholder="如 2024-12-31", elem_id="filter-until")
            repealed = gr.Checkbox(label="包含已废止的文件", value=False, elem_id="filter-repealed")
            editions = gr.Checkbox(label="包含旧版本（已修订）", value=False, elem_id="filter-editions")
    return [issuer, level, region, doc_type, since, until, repealed, editions]


def _read_tab() -> SimpleNamespace:
    with gr.Tab("阅读", id="read"):
        with gr.Row():
            doc = gr.Dropdown(label="选择文件", choices=[], scale=4, elem_id="read-doc")
            to_compare = gr.Button("对比当前条款的相似措施", scale=1, elem_id="to-compare")
        page = gr.HTML('<p class="empty">在“问答”中点击一条结果，或在上方选择文件。</p>',
                       elem_id="document", js_on_load=DOC_JS)
    return SimpleNamespace(doc=doc, page=page, to_compare=to_compare)


def _library_tab(config: Config) -> SimpleNamespace:
    with gr.Tab("文库", id="library"):
        table = gr.Dataframe(headers=actions.LIBRARY_HEADERS, interactive=False, elem_id="library-table", wrap=True,
                             buttons=[])
        files = gr.File(label=f"上传文件（{'、'.join(ALLOWED_SUFFIXES)}，每个不超过 {config.max_upload_mb} MB）",
                        file_count="multiple", file_types=list(ALLOWED_SUFFIXES), type="filepath",
                        elem_id="upload")
        upload = gr.Button("导入并建立索引", variant="primary", elem_id="upload-button")
        status = gr.HTML(elem_id="upload-status")
        with gr.Row():
            remove_choice = gr.Dropdown(label="删除文件", choices=[], scale=4, elem_id="remove-doc")
            remove = gr.Button("删除", variant="stop", scale=1, elem_id="remove-button")
        with gr.Row(visible=False, elem_id="remove-confirm") as confirm_row:
            question = gr.HTML(elem_id="remove-question")
            confirm = gr.Button("确认删除", variant="stop", scale=0, elem_id="remove-confirm-button")
            cancel = gr.Button("取消", scale=0, elem_id="remove-cancel-button")
        edit = _edit_fields()
    return SimpleNamespace(table=table, files=files, upload=upload, status=status, remove_choice=remove_choice,
                           remove=remove, confirm_row=confirm_row, question=question, confirm=confirm, cancel=cancel,
                           edit=edit)


def _edit_fields() -> SimpleNamespace:
    """修改文件信息: a document, its editable fields (ingest.fields.EDITABLE, in order) and 保存."""
    choices = {"level": LEVELS, "doc_type": TYPES, "status": STATUSES}
    with gr.Accordion("修改文件信息", open=False, elem_id="edit"):
        doc = gr.Dropdown(label="选择文件", choices=[], elem_id="edit-doc")
        with gr.Row():
            fields = [gr.Dropdown(label=LABELS[name], choices=["", *choices[name]], value="", allow_custom_value=True,
                                  elem_id=f"edit-{name}") if name in choices else
                      gr.Textbox(label=LABELS[name], elem_id=f"edit-{name}", max_length=200,
                                 placeholder="如 2024-01-31" if name in DATES else "")
                      for name in EDITABLE]
        save = gr.Button("保存", variant="primary", elem_id="edit-save")
        message = gr.HTML(elem_id="edit-status")
    return SimpleNamespace(doc=doc, fields=fields, save=save, message=message)


def _pickers(ctx: AppContext) -> tuple:
    """Fresh document lists for every picker, and the status line, after a page load or a library change."""
    choices = actions.document_choices(ctx)
    return (gr.Dropdown(choices=choices), gr.Dropdown(choices=choices), gr.Dropdown(choices=choices, value=None),
            actions.library_rows(ctx), actions.library_status(ctx), gr.Dropdown(choices=choices),
            gr.Dropdown(choices=choices))


def _picker_outputs(view: SimpleNamespace) -> list:
    """The components _pickers fills, in its order."""
    return [view.ask.docs, view.read.doc, view.lib.remove_choice, view.lib.table, view.status, view.lib.edit.doc,
            view.cmp.edition_doc]


def _wire_ask(ctx: AppContext, view: SimpleNamespace) -> None:
    ask = view.ask

    def run(question: str, doc_ids: list[str], area: str, *filter_values) -> tuple[str, str]:
        try:
            filters = actions.filter_from(*filter_values)
            return api.answer_and_hits(ctx, question, doc_ids, "" if area == "全部" else area, filters)
        except Exception as error:
            return render.message_html(actions.explain(error), "error"), ""

    for trigger in (ask.button.click, ask.question.submit):
        trigger(run, [ask.question, ask.docs, ask.area, *ask.filters], [ask.answer, ask.hits], api_visibility="private",
                concurrency_id=READ_GROUP, show_progress="minimal")


def _wire_read(ctx: AppContext, view: SimpleNamespace) -> None:
    read = view.read

    def from_hit(evt: gr.EventData) -> tuple:
        data = evt._data or {}
        if not data.get("clause"):  # a click beside the cards (the answer's label, its margin): nothing to open
            return (gr.skip(),) * 4
        terms = [t for t in str(data.get("terms", "")).split("|") if t]
        page, clause = guarded(actions.open_clause, ctx, str(data.get("clause", "")), terms)
        return page, clause.id, gr.Tabs(selected="read"), gr.Dropdown(value=clause.doc_id)

    def from_picker(doc_id: str, selected: str) -> str:
        if not doc_id:
            return gr.skip()
        document, clauses = guarded(actions.document_and_clauses, ctx, doc_id)
        return render.document_html(document, clauses, selected)

    outputs = [read.page, view.selected, view.tabs, read.doc]
    for source in (view.ask.hits, view.ask.answer, view.cmp.table):
        source.click(from_hit, None, outputs, api_visibility="private", concurrency_id=READ_GROUP)
    read.doc.input(from_picker, [read.doc, view.selected], read.page, api_visibility="private",
                   concurrency_id=READ_GROUP)


def _wire_library(ctx: AppContext, view: SimpleNamespace) -> None:
    lib, pickers = view.lib, _picker_outputs(view)

    def upload(paths: list[str] | None, progress: gr.Progress = gr.Progress()) -> tuple:
        if not paths:
            return (render.message_html("请先选择要上传的文件。", "error"), None, *_pickers(ctx))
        try:
            lines = actions.import_files(ctx, paths, lambda share, text: progress(share, desc=text))
        except Exception as error:
            lines = [f"✘ {actions.explain(error)}"]
        kind = "error" if any(line.startswith("✘") for line in lines) else "ok"
        return (render.message_html("\n".join(lines), kind), None, *_pickers(ctx))

    options = dict(api_visibility="private", concurrency_limit=1, concurrency_id=WRITE_GROUP)
    lib.upload.click(upload, lib.files, [lib.status, lib.files, *pickers], **options)
    _wire_removal(ctx, lib, pickers, options)
    _wire_edit(ctx, lib, options)


def _wire_edit(ctx: AppContext, lib: SimpleNamespace, options: dict) -> None:
    """Choosing a document fills the form; 保存 writes the fields changed and refreshes the table."""
    edit = lib.edit

    def fill(doc_id: str) -> tuple:
        if not doc_id:
            return (gr.skip(),) * (len(edit.fields) + 1)
        try:
            return (*actions.document_fields(ctx, doc_id), "")
        except Exception as error:
            return (*(gr.skip(),) * len(edit.fields), render.message_html(actions.explain(error), "error"))

    def save(doc_id: str, *values) -> tuple:
        try:
            line, kind = actions.edit_document(ctx, doc_id, dict(zip(EDITABLE, values))), "ok"
        except Exception as error:
            line, kind = actions.explain(error), "error"
        return render.message_html(line, kind), actions.library_rows(ctx)

    edit.doc.input(fill, edit.doc, [*edit.fields, edit.message], api_visibility="private", concurrency_id=READ_GROUP)
    edit.save.click(save, [edit.doc, *edit.fields], [edit.message, lib.table], **options)


def _wire_removal(ctx: AppContext, lib: SimpleNamespace, pickers: list, options: dict) -> None:
    """删除 asks first (a row with the question, 确认删除 and 取消); only 确认删除 removes."""

    def removal_prompt(doc_id: str) -> tuple:
        try:
            text = actions.removal_question(ctx, doc_id)
        except Exception as error:
            return render.message_html(actions.explain(error), "error"), gr.Row(visible=False), ""
        return "", gr.Row(visible=True), render.message_html(text, "warn")

    def remove(doc_id: str) -> tuple:
        try:
            line, kind = actions.remove_document(ctx, doc_id), "ok"
        except Exception as error:
            line, kind = actions.explain(error), "error"
        return (render.message_html(line, kind), gr.Row(visible=False), *_pickers(ctx))

    asking = dict(api_visibility="private", concurrency_id=READ_GROUP)  # no wait behind an import
    lib.remove.click(removal_prompt, lib.remove_choice, [lib.status, lib.confirm_row, lib.question], **asking)
    # the question names one document: choosing another withdraws it, so 确认删除 never acts on an unseen choice
    for withdraw in (lib.cancel.click, lib.remove_choice.change):
        withdraw(lambda: gr.Row(visible=False), None, lib.confirm_row, **asking)
    lib.confirm.click(remove, lib.remove_choice, [lib.status, lib.confirm_row, *pickers], **options)
