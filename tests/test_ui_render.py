"""The app's HTML and upload checks, without a server: escaping, highlighting, names, refusals."""
from __future__ import annotations

import pytest

from ingest.records import Clause, Document
from qa.hits import Hit
from ui import render
from ui.server import is_loopback, parse_auth
from ui.uploads import UploadRejected, check_upload, clean_source_name

SCRIPT = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def make_document() -> tuple[Document, list[Clause]]:
    text = f"一、总体要求\n（一）目标\n到2030年，光伏装机达到80万千瓦以上。{SCRIPT}\n二、保障措施\n加强组织领导。"
    spans = [("一、（一）", "一、总体要求 > （一）目标", text.index("到2030"), text.index("\n二、")),
             ("二、", "二、保障措施", text.index("加强"), len(text))]
    clauses = [Clause(f"d:{n}", "d", "测试方案", "t.txt", path, heading, text[s:e], s, e, n)
               for n, (path, heading, s, e) in enumerate(spans)]
    return Document("d", "测试<b>方案</b>", "t.txt", "测府〔2024〕1号", "测试市人民政府", "", "2024-01-02", "", text, 2), clauses


def test_document_view_escapes_text_and_marks_the_current_clause():
    document, clauses = make_document()
    page = render.document_html(document, clauses, current="d:0", terms=["光伏"])
    assert "<script" not in page and "<img" not in page and "&lt;script&gt;" in page
    assert "测试&lt;b&gt;方案&lt;/b&gt;" in page and "测府〔2024〕1号" in page and "2024-01-02" in page
    assert '<span class="clause current" data-anchor="c0" data-clause="d:0">' in page
    assert '<mark class="term">光伏</mark>' in page
    assert '<a href="#" class="lvl-0" data-target="c0">一、总体要求</a>' in page
    assert '<a href="#" class="lvl-1" data-target="c0">（一）目标</a>' in page


def test_hit_cards_escape_and_highlight_matched_words():
    hit = Hit(1, 'x"1', "d", "方案<i>", "t.txt", "一、（一）", "一", f"光伏发电{SCRIPT}", 0.5, ["光伏", "<script>"],
              relevance="中", reason="匹配词语：光伏；范围：全部文件<b>")
    html = render.hits_html([hit])
    assert "<script" not in html and 'data-clause="x&quot;1"' in html
    assert '<mark class="term">光伏</mark>' in html and "《方案&lt;i&gt;》 一、（一）" in html
    assert "相关度 中" in html and 'class="relevance rel-mid"' in html and "0.500" not in html
    assert "匹配词语：光伏；范围：全部文件&lt;b&gt;" in html


def test_similar_measures_below_the_same_threshold_get_no_same_heading():
    document, clauses = make_document()
    near = Hit(1, "e:1", "e", "另一方案", "e.txt", "二、", "二", "加强组织领导。", 1.0, relevance="相近")
    html = render.compare_html(clauses[1], [near])
    assert "没有找到相同的措施" in html and "相似度 相近" in html
    same = Hit(1, "e:1", "e", "另一方案", "e.txt", "二、", "二", "加强组织领导。", 1.3, relevance="相同")
    assert "没有找到相同的措施" not in render.compare_html(clauses[1], [same])


def test_overlapping_terms_mark_the_longest_once():
    assert render.highlight("燃气管道改造", ["燃气", "燃气管道", "道改"]) == '<mark class="term">燃气管道</mark>改造'


def test_differences_are_marked_on_both_sides():
    left, right = render.diff_html("到2030年，光伏装机达到80万千瓦以上。", "到2030年，全市光伏装机达到120万千瓦。")
    assert "<del>80万千瓦以上。</del>" in left and "<ins>120万千瓦。</ins>" in right and "<ins>全市</ins>" in right


@pytest.mark.parametrize("given, cleaned", [
    ("../../etc/passwd.txt", "passwd.txt"),
    ("C:\\Users\\a\\通知.DOCX", "通知.docx"),
    ("..\\..\\.bashrc.md", "bashrc.md"),
    ("a\x00b\x1f.txt", "a_b_.txt"),
    ("...", "未命名"),
])
def test_upload_names_are_reduced_to_a_safe_file_name(given, cleaned):
    assert clean_source_name(given) == cleaned


@pytest.mark.parametrize("name, content, message", [
    ("空.txt", b"", "空文件"),
    ("图.txt", bytes(range(256)), "二进制"),
    ("伪.docx", b"not a zip", "不是有效的 DOCX"),
    ("伪.pdf", b"<html>", "不是有效的 PDF"),
    ("程序.exe", b"MZ", "类型不支持"),
])
def test_bad_uploads_are_refused_with_a_reason(tmp_path, name, content, message):
    path = tmp_path / "upload"
    path.write_bytes(content)
    with pytest.raises(UploadRejected, match=message):
        check_upload(path, name, max_mb=1)


def test_oversized_upload_is_refused(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes("政策".encode() * 400_000)
    with pytest.raises(UploadRejected, match="超过上限 1 MB"):
        check_upload(path, "big.txt", max_mb=1)


def test_auth_and_loopback_parsing():
    assert parse_auth("staff:p:w") == ("staff", "p:w") and parse_auth(None) is None
    with pytest.raises(ValueError):
        parse_auth("staff")
    assert is_loopback("127.0.0.1") and is_loopback("localhost") and is_loopback("::1")
    assert not is_loopback("0.0.0.0")
