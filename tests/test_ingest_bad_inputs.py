"""Bad files: each gets one clear reason naming the file, and the rest of the batch is still ingested."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pypdf
import pytest

from ingest.pipeline import ingest_file, ingest_paths, safe_source_name
from ingest.store import Store
from tests.test_ingest_formats import PLAN_LINES, plan_text, tiny_pdf, write_docx


@pytest.fixture
def store(tmp_path) -> Store:
    return Store(tmp_path / "data" / "store.sqlite3")


def failure_of(path: Path, store: Store) -> str:
    report = ingest_file(path, store)
    assert len(report.failures) == 1 and not report.added, report
    file, reason = report.failures[0]
    assert file == str(path)
    return reason


def zip_bomb(path: Path) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            block = b"\0" * (1024 * 1024)
            for _ in range(300):
                member.write(block)
    return path


def encrypted_pdf() -> bytes:
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(tiny_pdf([PLAN_LINES]))))
    writer.encrypt("secret", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.mark.parametrize("name, content, expected", [
    ("empty.txt", b"", "空的"),
    ("blank.md", b"\n\n   \n", "没有文字"),
    ("photo.txt", bytes(range(256)) * 40, "二进制"),
    ("garbage.txt", bytes((i * 97 + 13) % 128 + 128 for i in range(5000)), "既不是 UTF-8，也不是 GB18030"),
    ("truncated.pdf", tiny_pdf([PLAN_LINES])[:150], "PDF"),
    ("not_a_pdf.pdf", b"%PDF-1.4 this is not really a pdf", "PDF"),
    ("locked.pdf", encrypted_pdf(), "打开密码"),
    ("fake.docx", "一、总体要求".encode(), "不是 zip 压缩包"),
    ("table.xlsx", b"PK\x03\x04whatever", "不支持的文件类型 .xlsx"),
    ("noext", b"hello", "不支持的文件类型"),
    ("only_chrome.html", b"<html><script>var a = 1;</script><style>p{}</style></html>", "没有剩下文字"),
])
def test_bad_file_gets_a_clear_reason(tmp_path, store, name, content, expected):
    path = tmp_path / name
    path.write_bytes(content)
    assert expected in failure_of(path, store)
    assert store.documents() == []


def test_zip_bomb_docx_is_refused_without_unpacking(tmp_path, store):
    reason = failure_of(zip_bomb(tmp_path / "bomb.docx"), store)
    assert "zip bomb" in reason


def test_docx_zip_without_a_document_is_refused(tmp_path, store):
    path = tmp_path / "other.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "hi")
    assert "没有 word/document.xml" in failure_of(path, store)


def test_fifty_megabyte_text_is_refused_quickly(tmp_path, store):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    reason = failure_of(path, store)
    assert "50.0 MB" in reason and "上限" in reason


def test_mixed_encodings_are_decoded_line_by_line(tmp_path, store):
    path = tmp_path / "mixed.txt"
    lines = plan_text().split("\n")
    half = len(lines) // 2
    path.write_bytes("\n".join(lines[:half]).encode("utf-8") + b"\n" + "\n".join(lines[half:]).encode("gbk"))
    report = ingest_file(path, store)
    assert not report.failures
    texts = "".join(c.text for c in store.clauses())
    assert "新建建筑全面执行绿色建筑标准" in texts and "各部门要加强协调" in texts


def test_document_without_numbering_is_ingested_as_paragraphs(tmp_path, store):
    paragraphs = ["节能降碳是推动高质量发展的重要举措，各单位要高度重视，认真组织实施相关工作。",
                  "要加快推进产业结构调整，严格控制高耗能项目，推动重点行业开展节能改造工作。",
                  "要大力发展可再生能源，推进光伏和风电项目建设，提高清洁能源消费比重和水平。"]
    path = tmp_path / "plain.txt"
    path.write_text("通知\n\n" + "\n\n".join(paragraphs), encoding="utf-8")
    assert not ingest_file(path, store).failures
    clauses = store.clauses()
    assert [c.clause for c in clauses] == ["第1段", "第2段", "第3段"]
    assert clauses[0].text.startswith("通知\n节能降碳") and clauses[2].text == paragraphs[2]


def test_batch_goes_on_past_bad_files(tmp_path, store):
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "good.txt").write_text(plan_text(), encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "broken.pdf").write_bytes(b"%PDF-1.7\n%broken")
    write_docx(folder / "good.docx", PLAN_LINES[2:])
    report = ingest_paths([folder, tmp_path / "missing.txt"], store, show_progress=False)
    assert len(report.added) == 2 and report.clauses == 12
    assert sorted(Path(f).name for f, _ in report.failures) == ["broken.pdf", "empty.txt", "missing.txt"]


def test_duplicate_uploads(tmp_path, store):
    original = tmp_path / "plan.txt"
    original.write_text(plan_text(), encoding="utf-8")
    copy = tmp_path / "plan (1).txt"
    copy.write_text(plan_text(), encoding="utf-8")
    first = ingest_paths([original, original], store, show_progress=False)
    assert len(first.added) == 1
    assert ingest_file(original, store).unchanged == first.added
    second = ingest_file(copy, store)
    assert second.duplicates == [(str(copy), "plan.txt")] and not second.added
    assert len(store.documents()) == 1


def test_same_name_in_two_folders_of_one_batch_is_reported(tmp_path, store):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "plan.txt").write_text(plan_text() + folder, encoding="utf-8")
    report = ingest_paths([tmp_path / "a", tmp_path / "b"], store, show_progress=False)
    assert len(report.added) == 1 and "同名" in report.failures[0][1]


@pytest.mark.parametrize("given, expected", [
    ("../../etc/passwd.txt", "passwd.txt"),
    ("C:\\Users\\me\\方案.docx", "方案.docx"),
    ("..", "upload"),
    ("a/b/../..", "upload"),
    ("\x00evil\n.txt", "evil.txt"),
])
def test_source_names_lose_folders_and_dots(given, expected):
    assert safe_source_name(given) == expected


def test_upload_under_a_temp_name_is_cited_by_its_sanitised_original_name(tmp_path, store):
    upload = tmp_path / "tmp8f3a2c.txt"
    upload.write_text(plan_text(), encoding="utf-8")
    report = ingest_file(upload, store, source_name="../../secret/江门方案.txt")
    assert not report.failures
    assert {c.source for c in store.clauses()} == {"江门方案.txt"}


def test_a_japanese_file_is_refused_not_stored_as_nonsense(tmp_path, store):
    path = tmp_path / "日文.txt"
    path.write_bytes("第一条　この規則は、省エネルギーについて定める。\n第二条　事業者は、エネルギーの使用の合理化に努める。\n"
                     .encode("shift_jis"))
    assert "既不是 UTF-8" in failure_of(path, store)
