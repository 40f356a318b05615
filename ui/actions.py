"""What the app's buttons do, as plain functions over the library; app.py only wires them to Gradio.

Errors leave here as AppMessage (a readable Chinese sentence); nothing else reaches the page."""
from __future__ import annotations

import logging
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from config import Config
from ingest.fields import EDITABLE, LABELS, FieldError
from ingest.records import Clause, Document
from qa.relevance import annotate
from ui import render
from ui.inputs import BadInput, clean_text, text_list
from ui.limits import disk_floor_refusal
from ui.uploads import (StoredUpload, UploadRejected, clean_source_name, keep_as, store_upload, stored_copies,
                        upload_folders)

log = logging.getLogger("ui")

# Action areas of the carbon-peaking plans, matched against a clause's headings.
ACTION_AREAS: dict[str, tuple[str, ...]] = {
    "能源": ("能源", "电力", "煤", "光伏", "风电", "氢"),
    "工业": ("工业", "产业", "制造"),
    "城乡建设": ("城乡建设", "建筑", "住宅"),
    "交通运输": ("交通", "运输", "车"),
    "循环经济": ("循环", "资源", "废"),
    "科技创新": ("科技", "创新", "技术"),
    "碳汇": ("碳汇", "生态", "林"),
    "全民行动": ("全民", "绿色生活", "宣传"),
    "保障措施": ("保障", "组织", "政策", "考核"),
}


class AppMessage(Exception):
    """A failure explained in words the user can act on."""


@dataclass
class AppContext:
    engine: object  # qa.engine.Engine
    config: Config
    # One writer at a time inside this process; ingest.lock.write_lock guards across processes.
    write_guard: threading.Lock = field(default_factory=threading.Lock)

    @property
    def store(self):
        return self.engine.store


# Errors from ingest/, index/ and qa/ whose message is already written for the user.
_SAID_IN_CHINESE = {"QueryError", "StoreError", "StoreReadOnly", "DataFolderReadOnly", "TooLargeError",
                    "IndexWriteError"}


def explain(error: Exception) -> str:
    """The Chinese sentence shown for an error; unexpected ones are logged with their trace."""
    if isinstance(error, (AppMessage, UploadRejected, BadInput)):
        return str(error)
    if type(error).__name__ in _SAID_IN_CHINESE:
        return str(error)
    if type(error).__name__ == "WriteLockTimeout":
        return "另一个导入或索引任务正在进行，请稍后再试。"
    if type(error).__name__ == "IndexUnavailable":
        return f"索引暂时不可用，请稍后再试（{error}）。"
    log.exception("request failed", exc_info=error)
    return f"处理请求时出错（{type(error).__name__}），请稍后重试；若反复出现，请联系管理员查看服务日志。"


def document_choices(ctx: AppContext) -> list[tuple[str, str]]:
    """(label, doc id) for every loaded document, for the filters and pickers: its title, with the file
    name only where two documents share a title."""
    documents = ctx.store.documents()
    shared = {d.title for d in documents if sum(o.title == d.title for o in documents) > 1}
    return [(f"{d.title}（{d.source}）" if d.title in shared else d.title, d.doc_id) for d in documents]


def library_status(ctx: AppContext) -> str:
    """The status line: documents, clauses and the semantic model."""
    documents = ctx.store.documents()
    return render.status_html(len(documents), sum(d.clauses for d in documents), ctx.engine.mode)


def area_filter(hits: list, area: str) -> list:
    keywords = ACTION_AREAS.get(area, ())
    if not keywords:
        return hits
    kept = [h for h in hits if any(k in f"{h.heading} {h.clause}" for k in keywords)]
    for rank, hit in enumerate(kept, 1):
        hit.rank = rank
    return kept


def document_names(ctx: AppContext) -> dict[str, tuple[str, str]]:
    """doc id -> (title, file name) of the searchable documents, from memory and the store's
    fingerprints: a filter must not read every document's text."""
    library = ctx.engine.library()
    sources = {doc_id: source for source, (doc_id, _) in ctx.store.fingerprints().items()}
    return {doc_id: (title, sources.get(doc_id, "")) for doc_id, title in zip(library.doc_ids, library.titles)}


def wanted_documents(ctx: AppContext, choices: object) -> tuple[str, ...]:
    """The ids of the chosen documents (ids, titles or file names; any of them, not all at once)."""
    texts = text_list(choices, ctx.config.max_filter_documents, "限定文件", "POLICY_QA_MAX_FILTER_DOCUMENTS")
    names, wanted = (document_names(ctx) if texts else {}), set()
    for text in texts:
        found = {text} if text in names else \
            {doc_id for doc_id, (title, source) in names.items() if text in f"{title}\n{doc_id}\n{source}"}
        if not found:
            raise AppMessage(f"文库中没有与“{text}”对应的文件；请在“文库”中查看已导入的文件。")
        wanted |= found
    return tuple(sorted(wanted))


def search(ctx: AppContext, question: object, doc_ids: object = None, area: str = "", top_k: int = 10,
           filters=None):
    """The engine's SearchResult, within the chosen documents, action area and filters (qa.filters.DocFilter)."""
    question = clean_text(question)
    if not question:
        raise AppMessage("请输入问题，例如：“新建公共建筑屋顶光伏覆盖率要达到多少？”")
    wanted = wanted_documents(ctx, doc_ids)
    # The engine's doc_filters must all match at once; a multi-select means any of them.
    excluded = tuple(d for d in ctx.engine.library().doc_ids if d not in wanted) if wanted else ()
    result = ctx.engine.search(question, top_k=top_k * 4 if area else top_k, exclude_doc_ids=excluded,
                               filters=filters)
    annotate(ctx.engine, result.hits, question, filtered=bool(wanted) or bool(filters and filters.narrows))
    result.hits = area_filter(result.hits, area)[:top_k]
    return result


def document_and_clauses(ctx: AppContext, doc_id: str) -> tuple[Document, list[Clause]]:
    from qa.filters import current_status

    document = ctx.store.document(clean_text(doc_id))
    if document is None:
        raise AppMessage("该文件已不在文库中（可能已被删除），请刷新页面。")
    document.status = current_status(document)
    return document, ctx.store.clauses([document.doc_id])


def open_clause(ctx: AppContext, clause_id: str, terms: list[str]) -> tuple[str, Clause]:
    """The whole document as HTML with the clause marked, and the clause itself."""
    clause = ctx.store.clause(clean_text(clause_id))
    if clause is None:
        raise AppMessage("该条款已不在文库中（文件可能已被删除或重新导入），请重新检索。")
    document, clauses = document_and_clauses(ctx, clause.doc_id)
    return render.document_html(document, clauses, clause.id, [t for t in map(clean_text, terms) if t]), clause


ANY = "全部"  # the choice of a filter's drop-down that filters nothing
# The 文库 table: the fields under the names `python -m ingest show` uses (ingest.fields.LABELS)
LIBRARY_FIELDS = ("title", "doc_number", "issuer", "level", "region", "doc_type", "status", "date_written",
                  "date_published", "date_effective")
LIBRARY_HEADERS = [LABELS[name] for name in LIBRARY_FIELDS] + ["条款数", "文件"]


def library_rows(ctx: AppContext) -> list[list]:
    from qa.filters import current_status

    rows = []
    for document in ctx.store.facts():
        document.status = current_status(document)
        rows.append([getattr(document, name) for name in LIBRARY_FIELDS] + [document.clauses, document.source])
    return rows


def filter_from(issuer: object = "", level: object = ANY, region: object = "", doc_type: object = ANY,
                since: object = "", until: object = "", include_repealed: bool = False, all_editions: bool = False):
    """The qa.filters.DocFilter the 问答 tab's filter fields ask for; AppMessage for a value it refuses."""
    from qa.filters import DocFilter

    chosen = [clean_text(value) for value in (issuer, level, region, doc_type, since, until)]
    issuer, level, region, doc_type, since, until = (value if value != ANY else "" for value in chosen)
    try:
        return DocFilter.checked(bool(include_repealed), bool(all_editions), issuer=issuer, level=level,
                                 region=region, doc_type=doc_type, since=since, until=until)
    except FieldError as error:
        raise AppMessage(str(error)) from error


def document_fields(ctx: AppContext, doc_id: str) -> list[str]:
    """The editable fields of a document (ingest.fields.EDITABLE, in order), for the 文库 edit form."""
    document = ctx.store.document(clean_text(doc_id))
    if document is None:
        raise AppMessage("请先在列表中选择要修改的文件。")
    return [getattr(document, name) for name in EDITABLE]


def edit_document(ctx: AppContext, doc_id: str, values: dict[str, object]) -> str:
    """Save the fields the form holds (those changed only); search filters read them at once."""
    from ingest.pipeline import edit_document as edit
    from ingest.store import Store

    current = dict(zip(EDITABLE, document_fields(ctx, doc_id)))
    changed = {name: clean_text(value) for name, value in values.items()
               if name in current and clean_text(value) != current[name]}
    if not changed:
        return "没有改动。"
    with ctx.write_guard:
        store = Store(ctx.config.store_path)
        try:
            with writing(ctx):
                document = edit(store, clean_text(doc_id), changed)
        except FieldError as error:
            raise AppMessage(str(error)) from error
        finally:
            store.close()
    return f"已保存《{document.title}》的{'、'.join(LABELS[name] for name in changed)}。"


def writing(ctx: AppContext):
    """The data folder's write lock across processes (engine.refresh takes it by itself)."""
    return writing_to(ctx.config.data_dir)


@contextmanager
def writing_to(data_dir: Path) -> Iterator[None]:
    from ingest.lock import write_lock

    with write_lock(data_dir):
        yield


def ingest_one(ctx: AppContext, upload: StoredUpload) -> tuple[str, str | None]:
    """Ingest one stored upload; (the status line, the id of the document added or replaced, if any)."""
    from ingest.pipeline import ingest_file
    from ingest.store import Store

    store = Store(ctx.config.store_path)
    try:
        with writing(ctx):
            report = ingest_file(upload.path, store, source_name=upload.source_name, config=ctx.config)
        return _report_line(store, report, upload.source_name)
    finally:
        store.close()


def _report_line(store, report, name: str) -> tuple[str, str | None]:
    if report.failures:
        raise AppMessage(f"“{name}”无法导入：{report.failures[0][1]}")
    if report.duplicates:
        raise AppMessage(f"“{name}”与文库中的“{report.duplicates[0][1]}”内容相同，未重复导入。")
    if report.unchanged:
        return f"✔ “{name}”与已导入的版本相同，无需更新。", None
    doc_id = (report.added or report.replaced)[0]
    document = store.document(doc_id)
    verb = "已更新" if report.replaced else "已导入"
    return f"✔ “{name}”{verb}：《{document.title}》，{document.clauses} 条，现在即可检索。", doc_id


def import_files(ctx: AppContext, paths: list[str], report: Callable[[float, str], None]) -> list[str]:
    """Check, store and ingest each file, then update the index once; one status line per file."""
    _, stored_dir = upload_folders(ctx.config.data_dir)
    lines, changed = [], False
    with ctx.write_guard:  # one import or removal at a time; searches go on meanwhile
        for number, path in enumerate(paths):
            name = Path(path).name
            report(number / (len(paths) + 1), f"正在导入 {name}")
            line, ok = _import_one(ctx, Path(path), name, stored_dir)
            lines.append(line)
            changed = changed or ok
        if changed:
            report(len(paths) / (len(paths) + 1), "正在更新索引")
            ctx.engine.refresh(defer_vectors=True)  # searchable by its words now, vectors follow
    ctx.engine.fill_vectors_in_background()
    return lines


def _import_one(ctx: AppContext, path: Path, name: str, stored_dir: Path) -> tuple[str, bool]:
    upload = None
    try:
        _check_room(ctx, path)
        upload = store_upload(path, name, stored_dir, ctx.config.max_upload_mb)
        line, doc_id = ingest_one(ctx, upload)
        if doc_id is None:
            upload.path.unlink(missing_ok=True)
        else:
            keep_as(upload.path, doc_id)
        return line, doc_id is not None
    except Exception as error:  # one bad file must not stop the others
        if isinstance(error, FileNotFoundError) and not path.exists():
            return _gone_line(ctx, name), False
        if upload is not None:
            upload.path.unlink(missing_ok=True)
        return f"✘ {explain(_as_upload_error(error, name))}", False
    finally:
        _discard_incoming(ctx, path)


def _gone_line(ctx: AppContext, name: str) -> str:
    """Gradio keeps identical uploads at one path, so a user importing the same file just after another
    finds it already handled and removed."""
    document = ctx.store.document_by_source(clean_source_name(name))
    if document is not None:
        return f"✔ “{name}”已导入（有人同时上传了同一文件）：《{document.title}》，{document.clauses} 条。"
    return f"✘ “{name}”的上传已被同时上传同一文件的另一请求处理，但未能导入；请重新上传。"


def _check_room(ctx: AppContext, path: Path) -> None:
    """The stored copy and its index must not eat the disk's last free space."""
    refusal = disk_floor_refusal(ctx.config.data_dir, path.stat().st_size, ctx.config.min_free_disk_mb)
    if refusal is not None:
        raise AppMessage(refusal)


def _discard_incoming(ctx: AppContext, path: Path) -> None:
    """Gradio serves its upload folder; a handled upload must not stay fetchable from there."""
    incoming, _ = upload_folders(ctx.config.data_dir)
    if path.resolve().is_relative_to(incoming.resolve()):
        path.unlink(missing_ok=True)


_INGEST_ERRORS = {
    "EmptyFileError": "是空文件或没有可读的文字",
    "BinaryFileError": "是二进制文件，不是可读的文本",
    "CorruptFileError": "已损坏或无法解析",
    "UnsupportedTypeError": "的格式不支持",
    "TooLargeError": "太大",
}


def _as_upload_error(error: Exception, name: str) -> Exception:
    """Ingestion's named errors in Chinese, the library's own words kept as the detail."""
    if isinstance(error, (AppMessage, UploadRejected)):
        return error
    what = _INGEST_ERRORS.get(type(error).__name__)
    if what is not None:
        return AppMessage(f"“{name}”{what}，未导入（{error}）。")
    if type(error).__module__.startswith("ingest"):
        return AppMessage(f"“{name}”无法导入：{error}")
    return error


def removal_question(ctx: AppContext, doc_id: str) -> str:
    """What 删除 asks before anything is removed."""
    document = chosen_document(ctx, doc_id)
    return (f"确定从文库中删除《{document.title}》（{document.source}，{document.clauses} 条）吗？"
            "删除后不能检索，需重新上传才能恢复。")


def chosen_document(ctx: AppContext, doc_id: str) -> Document:
    document = ctx.store.document(clean_text(doc_id))
    if document is None:
        raise AppMessage("请先在列表中选择要删除的文件。")
    return document


def remove_document(ctx: AppContext, doc_id: str) -> str:
    """Remove the document, its clauses and its stored upload; the index follows at once."""
    from ingest.details import refresh_statuses
    from ingest.store import Store

    document = chosen_document(ctx, doc_id)
    doc_id = document.doc_id
    with ctx.write_guard:
        store = Store(ctx.config.store_path)
        try:
            with writing(ctx):
                store.remove_document(doc_id)
                refresh_statuses(store)  # what it repealed or replaced is in force again
        finally:
            store.close()
        ctx.engine.refresh(defer_vectors=True)
        for path in stored_copies(ctx.config.data_dir, doc_id):
            path.unlink(missing_ok=True)
    ctx.engine.fill_vectors_in_background()
    return f"已删除《{document.title}》（{document.source}）。"
