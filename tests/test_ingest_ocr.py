"""Scanned PDF pages are read by OCR (pypdfium2 + RapidOCR), in layout order, and go through the same clause
structure as typed text. The scans are drawn here with Pillow in a CJK font installed on the machine."""
from __future__ import annotations

import io
import random
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from ingest.layout import Box, reading_lines
from ingest.limits import Limits
from ingest.pipeline import ingest_file
from ingest.readers import TooLargeError, read_text
from ingest.store import Store
from tests.test_ingest_formats import tiny_pdf

A4_200_DPI = (1654, 2339)
TITLE = "示例市森林资源保护方案"
SCANNED = ["（一）主要目标", "1. 到2030年，森林覆盖率达到45%。", "2. 到2035年，湿地保护率达到60%。",
           "（二）基本原则", "坚持保护优先，自然恢复为主。"]


def cjk_font() -> str:
    """A font file with Chinese glyphs (make install-dev installs fonts-noto-cjk), or the test is skipped."""
    listed = subprocess.run(["fc-list", ":lang=zh", "file"], capture_output=True, text=True).stdout if shutil.which(
        "fc-list") else ""
    files = sorted(line.split(":")[0] for line in listed.splitlines() if line.strip())
    if not files:
        pytest.skip("没有安装中文字体（fc-list :lang=zh 为空），无法绘制扫描页；make install-dev 会安装 fonts-noto-cjk")
    return next((f for f in files if "Regular" in f), files[0])


def scanned_page(lines: list[str], seal: str = "", skew: float = 0.0, speckle: int = 0):
    """One A4 page as a 200 dpi scanner gives it: black text, an optional red seal over the signature,
    a page number, a slight rotation and dust."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(cjk_font(), 44)
    page = Image.new("RGB", A4_200_DPI, "white")
    draw = ImageDraw.Draw(page)
    for row, line in enumerate(lines):
        draw.text((200, 250 + row * 95), line, font=font, fill="black")
    if seal:
        draw.ellipse((1000, 1150, 1400, 1550), outline=(220, 30, 30), width=12)
        draw.text((1050, 1320), seal, font=ImageFont.truetype(cjk_font(), 40), fill=(220, 30, 30))
    draw.text((780, 2200), "- 2 -", font=font, fill="black")
    rng = random.Random(7)
    for _ in range(speckle):
        x, y = rng.randrange(A4_200_DPI[0]), rng.randrange(A4_200_DPI[1])
        draw.point([(x, y), (x + 1, y)], fill="black")
    return page.rotate(skew, fillcolor="white", resample=Image.BICUBIC) if skew else page


def image_pdf(pages) -> bytes:
    out = io.BytesIO()
    pages[0].save(out, "PDF", resolution=200, save_all=True, append_images=pages[1:])
    return out.getvalue()


def mixed_pdf(text_pages: list[list[str]], scans) -> bytes:
    """A PDF whose first pages have a text layer and whose last pages are images only."""
    import pypdfium2

    document = pypdfium2.PdfDocument(tiny_pdf(text_pages))
    document.import_pages(pypdfium2.PdfDocument(image_pdf(scans)))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_a_pdf_with_a_typed_page_and_a_scanned_page_is_read_page_by_page(tmp_path):
    path = tmp_path / "plan.pdf"
    path.write_bytes(mixed_pdf([[TITLE, "为保护森林资源，制定本方案。", "一、总体要求"]],
                               [scanned_page(SCANNED, seal="示例市林业局")]))
    started = time.monotonic()
    store = Store(tmp_path / "data" / "store.sqlite3")
    report = ingest_file(path, store)
    seconds = time.monotonic() - started
    assert not report.failures, report.failures
    clauses = {c.clause: c.text for c in store.clauses()}
    assert list(clauses) == ["前言", "一、（一）1", "一、（一）2", "一、（二）"]
    assert clauses["一、（一）1"].replace(" ", "") == "1.到2030年，森林覆盖率达到45%。"  # a space OCR may not see
    assert clauses["一、（二）"] == "（二）基本原则\n坚持保护优先，自然恢复为主。"
    assert store.documents()[0].title == TITLE
    assert "林业局" not in store.documents()[0].text  # the red seal is left out
    print(f"OCR of one page, model loading included: {seconds:.1f} s")


def test_the_ocr_page_cap_refuses_before_reading_and_names_its_setting(tmp_path):
    path = tmp_path / "scan.pdf"
    path.write_bytes(image_pdf([scanned_page(["一、总体要求"])] * 3))
    started = time.monotonic()
    with pytest.raises(TooLargeError) as refused:
        read_text(path, limits=Limits(max_ocr_pages=2))
    assert time.monotonic() - started < 3
    assert "扫描页数为 3 页，超过上限 2 页" in str(refused.value)
    assert "max_ocr_pages" in str(refused.value) and "POLICY_QA_MAX_OCR_PAGES" in str(refused.value)


def test_a_pdf_of_blank_pages_says_there_is_no_text(tmp_path):
    path = tmp_path / "blank.pdf"
    path.write_bytes(tiny_pdf([[], []]))
    report = ingest_file(path, Store(tmp_path / "data" / "store.sqlite3"))
    assert "没有可提取的文字" in report.failures[0][1]


def test_reading_order_sorts_boxes_into_lines_despite_skew():
    """Boxes given out of order, a line tilted by a few pixels, a table row with wide gaps."""
    boxes = [
        Box(600, 412, 900, 456, "森林覆盖率达到45%。"), Box(200, 300, 520, 344, "（一）主要目标"),
        Box(200, 404, 590, 448, "1. 到2030年，"), Box(200, 200, 480, 244, "一、总体要求"),
        Box(700, 500, 800, 540, "45%"), Box(200, 500, 360, 540, "森林覆盖率"),
    ]
    assert reading_lines(boxes) == ["一、总体要求", "（一）主要目标", "1. 到2030年，森林覆盖率达到45%。", "森林覆盖率 45%"]


@pytest.mark.slow
def test_a_skewed_speckled_two_page_scan_keeps_its_clause_paths(tmp_path):
    """The scanner case of issue 15: 200 dpi, tilted by half a degree, dust on the glass, a seal."""
    first = [TITLE, "为保护森林资源，制定本方案。", "一、总体要求"] + SCANNED
    second = ["二、重点任务", "1. 实施国土绿化行动，每年完成造林1万亩。", "2. 加强森林防火，建设防火隔离带50公里。",
              "示例市林业局", "2024年3月1日"]
    from config import load_config
    from qa.engine import Engine

    path = tmp_path / "scan.pdf"
    path.write_bytes(image_pdf([scanned_page(first, skew=0.5, speckle=400),
                                scanned_page(second, seal="示例市林业局", skew=-0.4, speckle=400)]))
    store = Store(tmp_path / "data" / "store.sqlite3")
    assert not ingest_file(path, store).failures
    clauses = {c.clause: c.text for c in store.clauses()}
    assert list(clauses) == ["前言", "一、（一）1", "一、（一）2", "一、（二）", "二、1", "二、2", "落款"]
    assert "森林覆盖率达到45%" in clauses["一、（一）1"] and "50公里" in clauses["二、2"]
    assert store.documents()[0].title == TITLE
    store.close()
    engine = Engine.open(load_config(tmp_path / "data", model=""), progress=False)
    assert engine.search("到2030年森林覆盖率要达到多少？", top_k=1).hits[0].clause == "一、（一）1"
