"""The 对比 tab: the selected clause against similar measures elsewhere, and the targets table."""
from __future__ import annotations

import csv
import tempfile
from pathlib import Path
from types import SimpleNamespace

import gradio as gr

from qa.spreadsheet import safe_cell
from ui import render, targets_view
from ui.actions import AppContext, AppMessage
from ui.errors import guarded


def compare_tab() -> SimpleNamespace:
    with gr.Tab("对比", id="compare"):
        gr.Markdown("### 相似措施对照")
        current = gr.HTML('<p class="empty">先在“问答”或“阅读”中选中一条条款，再点“查找相似措施”。</p>',
                          elem_id="compare-current")
        find = gr.Button("查找其他文件中的相似措施", variant="primary", elem_id="compare-button")
        pairs = gr.HTML(elem_id="compare-pairs")
        gr.Markdown("### 量化目标对照表（点击表头排序）")
        with gr.Row():
            shared_only = gr.Checkbox(value=True, label="只看多份文件共有的指标")
            build = gr.Button("生成对照表", elem_id="targets-button")
            to_csv = gr.Button("导出 CSV")
            to_xlsx = gr.Button("导出 Excel")
        table = gr.HTML('<p class="empty">点“生成对照表”列出各文件的量化目标。</p>', elem_id="targets-table",
                        js_on_load=targets_view.SORT_JS)
        download = gr.File(label="导出文件", interactive=False, elem_id="targets-file")
        gr.Markdown("### 新旧版本逐条对照")
        with gr.Row():
            edition_doc = gr.Dropdown(label="选择文件（与同名文件的另一版本对照）", choices=[], scale=4,
                                      elem_id="edition-doc")
            editions = gr.Button("逐条对照", scale=1, elem_id="editions-button")
        edition_pairs = gr.HTML(elem_id="edition-pairs")
    return SimpleNamespace(current=current, find=find, pairs=pairs, shared_only=shared_only, build=build,
                           to_csv=to_csv, to_xlsx=to_xlsx, table=table, download=download, edition_doc=edition_doc,
                           editions=editions, edition_pairs=edition_pairs)


def current_html(ctx: AppContext, clause_id: str) -> str:
    clause = ctx.store.clause(clause_id) if clause_id else None
    if clause is None:
        return '<p class="empty">尚未选中条款：先在“问答”中点击一条结果。</p>'
    return (f'<div class="cmp-current">当前条款：{render.citation_html(clause.document, clause.clause)}'
            f'<div class="cmp-text">{render.escape(clause.text)}</div></div>')


def similar_html(ctx: AppContext, clause_id: str) -> str:
    from qa.relevance import label_similar
    from qa.similar import similar_measures

    clause = ctx.store.clause(clause_id) if clause_id else None
    if clause is None:
        raise AppMessage("请先在“问答”中点击一条结果，选中要对比的条款。")
    others = label_similar(ctx.engine, similar_measures(ctx.engine, clause.id, top_k=5))
    return render.compare_html(clause, others)


def editions_html(ctx: AppContext, doc_id: str) -> str:
    """The chosen edition against the newest (the newest against the one before it), article by article."""
    from qa.editions import compare_editions, edition_pair

    named = ctx.store.document(doc_id) if doc_id else None
    if named is None:
        raise AppMessage("请先选择要对照的文件。")
    pair = edition_pair(ctx.store.facts(), named)
    if pair is None:
        raise AppMessage(f"《{named.title}》在文库中只有这一个版本，没有可对照的版本。")
    old, new = pair
    return render.editions_html(old, new, compare_editions(ctx.store.clauses([old.doc_id]),
                                                           ctx.store.clauses([new.doc_id])))


def target_table(ctx: AppContext, shared_only: bool):
    """The comparison table (qa.targets) of the whole library."""
    from qa.targets import comparison_table, targets_of

    return comparison_table(targets_of(ctx.store.clauses()), min_documents=2 if shared_only else 1)


def target_records(ctx: AppContext, shared_only: bool) -> list[dict[str, str]]:
    return target_table(ctx, shared_only).to_records()


def export(records: list[dict[str, str]], kind: str, sources: list[dict[str, str]] | None = None) -> str:
    """The table written to a fresh file, CSV (UTF-8 with BOM, so Excel reads the Chinese) or xlsx (with
    the citation of every value on a second sheet, 出处); titles and clause text come from uploaded files,
    so no cell may start like a formula."""
    if not records:
        raise AppMessage("对照表为空：没有可导出的内容。")
    folder = Path(tempfile.mkdtemp(prefix="targets-"))
    if kind == "csv":
        path = folder / "量化目标对照表.csv"
        with path.open("w", encoding="utf-8-sig", newline="") as handle:
            headers, rows = _safe(records)
            writer = csv.DictWriter(handle, fieldnames=headers)
            writer.writeheader()
            writer.writerows(rows)
        return str(path)
    return str(_write_xlsx({"量化目标": records, "出处": sources or []}, folder / "量化目标对照表.xlsx"))


def export_table(ctx: AppContext, shared_only: bool, kind: str) -> str:
    table = target_table(ctx, shared_only)
    return export(table.to_records(), kind, table.source_records())


def _safe(records: list[dict[str, str]]) -> tuple[list[str], list[dict]]:
    """Headers and rows with every cell that starts like a formula defused (qa.spreadsheet)."""
    headers = [safe_cell(h) for h in records[0]] if records else []
    return headers, [{safe_cell(k): safe_cell(v) for k, v in row.items()} for row in records]


def _write_xlsx(sheets: dict[str, list[dict[str, str]]], path: Path) -> Path:
    """A workbook ready to hand in, one sheet per non-empty table."""
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for title, records in sheets.items():
        if records:
            _fill_sheet(book.create_sheet(title), *_safe(records))
    book.save(path)
    return path


def _fill_sheet(sheet, headers: list[str], records: list[dict]) -> None:
    """Bold header kept in view (frozen with the first column), columns as wide as their text up to a cap,
    long cells wrapped."""
    from openpyxl.styles import Alignment, Font

    sheet.append(headers)
    for row in records:
        sheet.append([row.get(h, "") for h in headers])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "B2"
    for index, header in enumerate(headers, start=1):
        sheet.column_dimensions[sheet.cell(1, index).column_letter].width = column_width(
            [str(header), *(str(row.get(header, "")) for row in records)])


def column_width(texts: list[str], cap: int = 40) -> int:
    """Excel width (about one Latin character) for the longest text; a Chinese character takes two."""
    longest = max((sum(2 if ord(ch) > 0x2E80 else 1 for ch in text) for text in texts), default=8)
    return max(8, min(cap, longest + 2))


def wire(ctx: AppContext, view: SimpleNamespace, group: str) -> None:
    cmp = view.cmp
    options = dict(api_visibility="private", concurrency_id=group)
    view.selected.change(lambda cid: current_html(ctx, cid), view.selected, cmp.current, **options)
    cmp.find.click(lambda cid: guarded(similar_html, ctx, cid), view.selected, cmp.pairs, **options)
    view.read.to_compare.click(lambda cid: (guarded(similar_html, ctx, cid), gr.Tabs(selected="compare")),
                               view.selected, [cmp.pairs, view.tabs], **options)
    cmp.editions.click(lambda doc_id: guarded(editions_html, ctx, doc_id), cmp.edition_doc, cmp.edition_pairs,
                       **options)
    cmp.build.click(lambda shared: targets_view.targets_html(guarded(target_table, ctx, shared)), cmp.shared_only,
                    cmp.table, **options)
    for button, kind in ((cmp.to_csv, "csv"), (cmp.to_xlsx, "xlsx")):
        button.click(lambda shared, kind=kind: guarded(export_table, ctx, shared, kind),
                     cmp.shared_only, cmp.download, **options)
