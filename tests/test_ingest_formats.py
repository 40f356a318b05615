"""Every reader turns the same small plan into the same clauses: .txt (UTF-8, BOM, GBK), .md, .html, .docx, .pdf."""
from __future__ import annotations

import io
from pathlib import Path

import pytest

from ingest.pipeline import ingest_file, ingest_paths
from ingest.store import Store

TITLE = "示例市节能降碳工作方案"
PLAN_LINES = [
    f"关于印发《{TITLE}》的通知",
    "示府〔2024〕7号",
    f"{TITLE}",
    "为推进节能降碳，制定本方案。",
    "一、总体要求",
    "（一）指导思想",
    "坚持绿色低碳发展，推进能源结构调整。",
    "二、重点任务",
    "1.推进工业节能。推动重点企业开展节能改造，提高能源利用效率。",
    "2.发展清洁能源。有序发展光伏发电和风电，提高非化石能源比重。",
    "3.推广绿色建筑。新建建筑全面执行绿色建筑标准。",
    "三、保障措施",
    "（一）加强组织领导",
    "各部门要加强协调，确保任务落实。",
]
EXPECTED_CLAUSES = ["一、（一）", "二、1", "二、2", "二、3", "三、（一）"]


def plan_text() -> str:
    return "\n\n".join(PLAN_LINES) + "\n"


def write_docx(path: Path, lines: list[str]) -> Path:
    import docx

    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    document.save(str(path))
    return path


def tiny_pdf(pages: list[list[str]]) -> bytes:
    """A minimal valid PDF whose text pypdf extracts: a Type0 font with a ToUnicode map (no embedded glyphs)."""
    chars = sorted({c for page in pages for line in page for c in line})
    cmap = _to_unicode_cmap(chars)
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        None,  # the page tree, filled in below
        "<< /Type /Font /Subtype /Type0 /BaseFont /Song /Encoding /Identity-H "
        "/DescendantFonts [4 0 R] /ToUnicode 5 0 R >>",
        "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Song "
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 >>",
        _stream(cmap),
    ]
    kids = []
    for page in pages:
        content = "BT /F1 12 Tf 14 TL 50 780 Td " + " ".join(f"<{_hex(line)}> Tj T*" for line in page) + " ET"
        objects.append(_stream(content))
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                       f"/Resources << /Font << /F1 3 0 R >> >> /Contents {len(objects)} 0 R >>")
        kids.append(f"{len(objects)} 0 R")
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(kids)} >>"
    return _assemble(objects)


def _hex(line: str) -> str:
    return "".join(f"{ord(c):04X}" for c in line)


def _to_unicode_cmap(chars: list[str]) -> str:
    blocks = []
    for i in range(0, len(chars), 100):
        chunk = chars[i:i + 100]
        entries = "\n".join(f"<{ord(c):04X}> <{ord(c):04X}>" for c in chunk)
        blocks.append(f"{len(chunk)} beginbfchar\n{entries}\nendbfchar")
    return ("/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
            "/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
            "1 begincodespacerange <0000> <FFFF> endcodespacerange\n" + "\n".join(blocks) +
            "\nendcmap CMapName currentdict /CMap defineresource pop end end")


def _stream(content: str) -> str:
    data = content.encode("latin-1")
    return f"<< /Length {len(data)} >>\nstream\n{content}\nendstream"


def _assemble(objects: list[str]) -> bytes:
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1"))
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


def _ingest(path: Path, tmp_path: Path):
    store = Store(tmp_path / "data" / "store.sqlite3")
    report = ingest_file(path, store)
    assert not report.failures, report.failures
    return store, report


@pytest.mark.parametrize("name, encode", [
    ("plan.txt", lambda text: text.encode("utf-8")),
    ("plan_bom.txt", lambda text: b"\xef\xbb\xbf" + text.encode("utf-8")),
    ("plan_gbk.txt", lambda text: text.encode("gbk")),
    ("plan_gb18030.txt", lambda text: text.encode("gb18030")),
    ("plan.md", lambda text: text.replace("一、总体要求", "## 一、总体要求").replace("（一）指导思想", "### **（一）指导思想**")
     .encode("utf-8")),
])
def test_text_encodings_and_markdown_give_the_same_clauses(tmp_path, name, encode):
    path = tmp_path / name
    path.write_bytes(encode(plan_text()))
    store, _ = _ingest(path, tmp_path)
    clauses = store.clauses()
    assert [c.clause for c in clauses if c.clause != "前言"] == EXPECTED_CLAUSES
    assert clauses[0].document == TITLE
    assert store.documents()[0].doc_number == "示府〔2024〕7号"
    assert not any("#" in c.text or "**" in c.text for c in clauses)
    assert "坚持绿色低碳发展" in store.clauses()[1].text


def test_html_drops_scripts_styles_and_navigation(tmp_path):
    body = "".join(f"<p>{line}</p>" for line in PLAN_LINES)
    html = (f"<html><head><title>x</title><style>p {{color: red}}</style></head><body>"
            f"<nav>首页 | 政务公开</nav><script>alert('偷取数据')</script>{body}"
            f"<script type='text/javascript'>document.write('广告')</script></body></html>")
    path = tmp_path / "plan.html"
    path.write_text(html, encoding="gbk", errors="strict")
    store, _ = _ingest(path, tmp_path)
    texts = "\n".join(c.text for c in store.clauses())
    assert [c.clause for c in store.clauses() if c.clause != "前言"] == EXPECTED_CLAUSES
    assert "alert" not in texts and "偷取数据" not in texts and "广告" not in texts and "color" not in texts


def test_a_page_whose_body_never_prints_its_title_is_named_by_its_title_tag(tmp_path):
    body = "".join(f"<p>{line}</p>" for line in PLAN_LINES if TITLE not in line)
    path = tmp_path / "page.html"
    path.write_text(f"<html><head><title>{TITLE}_示例市人民政府门户网站</title></head><body>{body}</body></html>",
                    encoding="utf-8")
    store, _ = _ingest(path, tmp_path)
    assert store.documents()[0].title == TITLE
    assert [c.clause for c in store.clauses() if c.clause != "前言"] == EXPECTED_CLAUSES


def test_a_link_or_bold_word_inside_a_sentence_does_not_break_its_line(tmp_path):
    path = tmp_path / "page.html"
    lines = [f"<p>{line}</p>" for line in PLAN_LINES]
    lines[-1] = "<p>第九条 本方案由<a href='#'>示例市发展和改革局</a>负责<b>解释</b>。</p>"
    path.write_text(f"<html><body>{''.join(lines)}</body></html>", encoding="utf-8")
    store, _ = _ingest(path, tmp_path)
    assert any("本方案由示例市发展和改革局负责解释。" in c.text for c in store.clauses())


def test_docx_paragraphs_and_tables(tmp_path):
    import docx

    path = write_docx(tmp_path / "plan.docx", PLAN_LINES)
    document = docx.Document(str(path))
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "指标"
    table.rows[0].cells[1].text = "到2025年下降14%"
    document.save(str(path))
    store, _ = _ingest(path, tmp_path)
    clauses = store.clauses()
    assert [c.clause for c in clauses if c.clause != "前言"] == EXPECTED_CLAUSES
    assert "到2025年下降14%" in clauses[-1].text


def test_pdf_with_hard_wraps_and_page_break_mid_sentence(tmp_path):
    pages = [
        [TITLE, "一、总体要求", "（一）指导思想", "坚持绿色低碳发展，推进能源结构调整，加快", "- 1 -"],
        ["形成绿色生产生活方式。", "二、重点任务", "1.推进工业节能。推动重点企业开展节能改", "造，提高能源利用效率。",
         "2.发展清洁能源。有序发展光伏发电和风电。"],
    ]
    path = tmp_path / "plan.pdf"
    path.write_bytes(tiny_pdf(pages))
    store, _ = _ingest(path, tmp_path)
    clauses = {c.clause: c for c in store.clauses()}
    assert list(clauses) == ["一、（一）", "二、1", "二、2"]
    assert "加快形成绿色生产生活方式。" in clauses["一、（一）"].text
    assert "节能改造，提高" in clauses["二、1"].text
    assert store.documents()[0].title == TITLE


def test_same_document_in_every_format_gives_same_clause_texts(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.txt").write_bytes(plan_text().encode("gbk"))
    write_docx(folder / "b.docx", PLAN_LINES)
    (folder / "c.html").write_text("".join(f"<div>{line}</div>" for line in PLAN_LINES), encoding="utf-8")
    (folder / "d.pdf").write_bytes(tiny_pdf([PLAN_LINES]))
    store = Store(tmp_path / "store.sqlite3")
    report = ingest_paths([folder], store, show_progress=False)
    assert not report.failures and len(report.added) == 4
    by_source: dict[str, list[str]] = {}
    for clause in store.clauses():
        by_source.setdefault(clause.source, []).append(clause.text)
    assert len({tuple(texts) for texts in by_source.values()}) == 1, by_source
