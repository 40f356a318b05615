"""HTML for the app's views. Every piece of document text passes through html.escape here:
ingested HTML may carry scripts, and nothing from a document may execute in the page."""
from __future__ import annotations

import difflib
from html import escape

from ingest.fields import IN_FORCE, LABELS
from ingest.records import Clause, Document, citation
from qa.hits import Hit


def highlight(text: str, terms: list[str] | tuple[str, ...], mark_class: str = "term") -> str:
    """Escaped text with every occurrence of the terms wrapped in <mark>, longest terms first."""
    spans = term_spans(text, terms)
    pieces, at = [], 0
    for start, end in spans:
        pieces.append(escape(text[at:start]))
        pieces.append(f'<mark class="{mark_class}">{escape(text[start:end])}</mark>')
        at = end
    pieces.append(escape(text[at:]))
    return "".join(pieces)


def term_spans(text: str, terms: list[str] | tuple[str, ...]) -> list[tuple[int, int]]:
    """Non-overlapping (start, end) spans of the terms in text, in text order."""
    taken = [False] * len(text)
    spans = []
    for term in sorted({t for t in terms if t and t.strip()}, key=len, reverse=True):
        at = text.find(term)
        while at >= 0:
            end = at + len(term)
            if not any(taken[at:end]):
                taken[at:end] = [True] * len(term)
                spans.append((at, end))
            at = text.find(term, end)
    return sorted(spans)


def citation_html(document: str, clause: str) -> str:
    return f'<span class="cite">《{escape(document)}》 {escape(clause)}</span>'


def validity_html(status: str) -> str:
    """A mark beside the citation of a document not in force; nothing for one in force."""
    if not status or status == IN_FORCE:
        return ""
    return f'<span class="doc-status">（{escape(status)}）</span>'


RELEVANCE_CLASS = {"高": "high", "中": "mid", "低": "low", "相同": "high", "相近": "mid", "相关": "low"}


def relevance_html(label: str, prefix: str, tooltip: str = "") -> str:
    """A badge with a three-step bar: 相关度 高/中/低 (or 相同/相近/相关); nothing without a label."""
    if not label:
        return ""
    steps = "".join('<i></i>' for _ in range(3))
    title = f' title="{escape(tooltip, quote=True)}"' if tooltip else ""
    return (f'<span class="relevance rel-{RELEVANCE_CLASS.get(label, "low")}"{title}>'
            f'<span class="rel-bar" aria-hidden="true">{steps}</span>{escape(prefix)}{escape(label)}</span>')


def hit_card(hit: Hit) -> str:
    heading = f'<div class="hit-heading">{escape(hit.heading)}</div>' if hit.heading else ""
    reason = f'<div class="hit-reason">{escape(hit.reason)}</div>' if hit.reason else ""
    return (
        f'<article class="hit" data-clause="{escape(hit.id, quote=True)}" '
        f'data-terms="{escape("|".join(hit.matched_terms), quote=True)}" tabindex="0" role="button" '
        f'title="点击在“阅读”中打开全文">'
        f'<header><span class="rank">{hit.rank}</span>{citation_html(hit.document, hit.clause)}{validity_html(hit.status)}'
        f'{relevance_html(hit.relevance, "相关度 ", RELEVANCE_TIP)}</header>{heading}{reason}'
        f'<div class="hit-text">{highlight(hit.text, hit.matched_terms)}</div></article>'
    )


RELEVANCE_TIP = "相关度按样题实测分档：“高”的结果多数正是所问条款，“中”有时是，“低”很少是"


def hits_html(hits: list[Hit], notices: list[str] | tuple[str, ...] = (), query: str = "") -> str:
    """The ranked clauses; each card carries its clause id for the click that opens it."""
    notes = "".join(f'<p class="notice">{escape(n)}</p>' for n in notices)
    if not hits:
        return notes + f'<p class="empty">“{escape(query)}”：没有找到相关条款。可以换个说法，或取消文件筛选后再试。</p>'
    count = (f'<p class="hits-count">“{escape(query)}”：找到 {len(hits)} 条相关条款（点击条款可阅读全文）</p>'
             if query else f'<p class="hits-count">找到 {len(hits)} 条相关条款（点击条款可阅读全文）</p>')
    return notes + count + "".join(hit_card(hit) for hit in hits)


def message_html(text: str, kind: str = "info") -> str:
    return f'<div class="msg msg-{kind}">{escape(text)}</div>'


def quote_html(text: str, value: str, cite: str, clause_id: str) -> str:
    """One quoted sentence with the value that answers marked; a click opens its clause."""
    return (f'<div class="quote" data-clause="{escape(clause_id, quote=True)}" data-terms="{escape(value, quote=True)}" '
            f'title="点击在“阅读”中打开全文"><div class="answer-text">'
            f'{highlight(text, [value] if value else [], mark_class="value")}</div>'
            f'<div class="answer-cite">出处：<span class="cite">{escape(cite)}</span></div></div>')


def answer_html(answer) -> str:
    """The extractive answer (qa.answer.Answer) on top: the values with citations, then the quotes."""
    if answer is None:
        return ""
    if not answer.found:
        return f'<div class="answer answer-none">{escape(answer.answer)}</div>'
    quotes = "".join(quote_html(q.text, q.highlight, q.citation, q.id) for q in answer.quotes)
    return (f'<div class="answer"><div class="answer-label">答案</div>'
            f'<div class="answer-summary">{escape(answer.answer)}</div>{quotes}</div>')


def document_meta_html(document: Document) -> str:
    names = ("doc_number", "issuer", "level", "region", "doc_type", "status", "date_written", "date_published",
             "date_effective")
    items = [(LABELS[name], getattr(document, name)) for name in names]
    items += [("文件", document.source), ("条款数", str(document.clauses))]
    cells = "".join(f"<div><dt>{name}</dt><dd>{escape(value) or '—'}</dd></div>" for name, value in items)
    return f'<header class="doc-meta"><h2>{escape(document.title)}</h2><dl>{cells}</dl></header>'


def outline_entries(clauses: list[Clause]) -> list[tuple[int, str, int]]:
    """(depth, heading, clause seq) for each heading the first time it appears, in reading order."""
    entries, previous = [], []
    for clause in clauses:
        chain = [part for part in clause.heading.split(" > ") if part] if clause.heading else []
        for depth, name in enumerate(chain):
            if chain[: depth + 1] != previous[: depth + 1]:
                entries.append((depth, name, clause.seq))
        previous = chain
    return entries


def outline_html(clauses: list[Clause]) -> str:
    links = "".join(
        f'<a href="#" class="lvl-{min(depth, 3)}" data-target="c{seq}">{escape(name)}</a>'
        for depth, name, seq in outline_entries(clauses))
    return f'<nav class="outline"><div class="outline-title">目录</div>{links or "<p>（无标题层级）</p>"}</nav>'


def document_text_html(document: Document, clauses: list[Clause], current: str = "",
                       terms: list[str] | tuple[str, ...] = ()) -> str:
    """The full text, each clause a span that the outline can jump to; the current clause marked."""
    text, pieces, at = document.text, [], 0
    for clause in sorted(clauses, key=lambda c: (c.start, c.seq)):
        start, end = max(clause.start, at), max(clause.end, at)
        pieces.append(escape(text[at:start]))
        is_current = clause.id == current
        body = highlight(text[start:end], terms if is_current else ())
        css = "clause current" if is_current else "clause"
        pieces.append(f'<span class="{css}" data-anchor="c{clause.seq}" '
                      f'data-clause="{escape(clause.id, quote=True)}">{body}</span>')
        at = end
    pieces.append(escape(text[at:]))
    return f'<div class="doc-text">{"".join(pieces)}</div>'


def document_html(document: Document, clauses: list[Clause], current: str = "",
                  terms: list[str] | tuple[str, ...] = ()) -> str:
    return (f'<div class="doc">{document_meta_html(document)}<div class="doc-body">'
            f'{outline_html(clauses)}{document_text_html(document, clauses, current, terms)}</div></div>')


MIN_SHARED = 4  # shorter common runs are chance (的, 推进 …): they count as different


def shared_blocks(base: str, other: str) -> list[tuple[int, int, int]]:
    """(start in base, start in other, length) of the common runs worth calling the same wording."""
    matcher = difflib.SequenceMatcher(None, base, other, autojunk=False)
    blocks = [_whole_numbers(base, other, *block) for block in matcher.get_matching_blocks()]
    return [(a, b, size) for a, b, size in blocks if size >= MIN_SHARED]


def _whole_numbers(base: str, other: str, a: int, b: int, size: int) -> tuple[int, int, int]:
    """A common run never starts inside a number: 80 against 120 differs as a whole."""
    while size and base[a].isdigit() and ((a and base[a - 1].isdigit()) or (b and other[b - 1].isdigit())):
        a, b, size = a + 1, b + 1, size - 1
    return a, b, size


def diff_html(base: str, other: str) -> tuple[str, str]:
    """Both texts escaped; on each side what the other does not share is marked (del left, ins right)."""
    blocks = shared_blocks(base, other)
    return (_marked(base, [(a, size) for a, _, size in blocks], "del"),
            _marked(other, [(b, size) for _, b, size in blocks], "ins"))


def _marked(text: str, shared: list[tuple[int, int]], tag: str) -> str:
    pieces, at = [], 0
    for start, size in shared:
        if start > at:
            pieces.append(f"<{tag}>{escape(text[at:start])}</{tag}>")
        pieces.append(escape(text[start:start + size]))
        at = start + size
    if at < len(text):
        pieces.append(f"<{tag}>{escape(text[at:])}</{tag}>")
    return "".join(pieces)


def compare_html(base: Clause, others: list[Hit]) -> str:
    """The selected clause next to each similar measure in another document, differences marked."""
    if not others:
        return message_html("其他文件中没有找到相似的措施。")
    rows_note = "" if any(hit.relevance == "相同" for hit in others) else \
        message_html("其他文件中没有找到相同的措施；以下是最接近的条款，仅供参考。", "warn")

    rows = []
    for hit in others:
        left, right = diff_html(base.text, hit.text)
        rows.append(
            f'<div class="cmp-row"><div class="cmp-cell"><div class="cmp-cite">{citation_html(base.document, base.clause)}'
            f'</div><div class="cmp-text">{left}</div></div><div class="cmp-cell"><div class="cmp-cite">'
            f'{citation_html(hit.document, hit.clause)}{relevance_html(hit.relevance or "低于实测阈值", "相似度 ")}</div>'
            f'<div class="cmp-text">{right}</div></div></div>')

    legend = ('<p class="cmp-legend">未标色的是两边相同的措辞；<del>红底</del>为仅本条有的内容，'
              '<ins>绿底</ins>为仅对方有的内容。</p>')
    return rows_note + legend + "".join(rows)


def editions_html(old: Document, new: Document, changes: list) -> str:
    """Two editions article by article (qa.editions.ArticleChange): unchanged ones folded into a count."""
    counts = {kind: sum(c.change == kind for c in changes) for kind in ("修改", "新增", "删除", "相同")}
    head = (f'<p class="cmp-legend">《{escape(new.title)}》 {escape(_edition(old))} → {escape(_edition(new))}：'
            + "，".join(f"{kind} {count} 条" for kind, count in counts.items())
            + '；<del>红底</del>为旧版本删去的内容，<ins>绿底</ins>为新版本加入的内容。</p>')
    rows = [_edition_row(change) for change in changes if change.change != "相同"]
    return head + ("".join(rows) or message_html("两个版本的条款文字相同。"))


def _edition(document: Document) -> str:
    when = document.date_effective or document.date_published or document.date_written
    return f"{when or '日期不详'} 版"


def _edition_row(change) -> str:
    old_text, new_text = diff_html(change.old.text if change.old else "", change.new.text if change.new else "")
    cells = [(change.old, old_text), (change.new, new_text)]
    html = "".join(f'<div class="cmp-cell"><div class="cmp-cite">{escape(change.change)} '
                   f'{escape(clause.clause) if clause else "—"}</div><div class="cmp-text">{text}</div></div>'
                   for clause, text in cells)
    return f'<div class="cmp-row">{html}</div>'


def model_name(mode: str) -> str:
    """The semantic model in plain words, from the engine's mode (semantic:NAME or offline:…)."""
    kind, _, name = mode.partition(":")
    return name if kind == "semantic" else "未加载（按关键词检索）"


def status_html(documents: int, clauses: int, mode: str) -> str:
    """The one line a user needs: how much is loaded and whether the semantic model is on."""
    return (f'<div class="status">文库 {documents} 份文件 · {clauses} 条条款 · '
            f'语义模型：{escape(model_name(mode))}</div>')


def details_html(mode: str, data_dir: str) -> str:
    """For whoever runs the app: the engine's mode, the data folder, and how to load a model."""
    rows = [("检索模式", f"<code>{escape(mode)}</code>"), ("数据文件夹", f"<code>{escape(data_dir)}</code>")]
    if not mode.startswith("semantic:"):
        rows.append(("启用语义模型", "把模型文件夹（如 bge-small-zh-v1.5）放到本机，以 "
                     "<code>python -m ui --model /path/to/bge-small-zh-v1.5</code> 启动，或设置环境变量 "
                     "<code>POLICY_QA_MODEL=/path/to/bge-small-zh-v1.5</code>。"))
    cells = "".join(f"<div><dt>{name}</dt><dd>{value}</dd></div>" for name, value in rows)
    return f'<dl class="details">{cells}</dl>'


def citation_text(document: str, clause: str) -> str:
    return citation(document, clause)
