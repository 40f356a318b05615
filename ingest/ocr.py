"""Text of scanned PDF pages: each page without a text layer is rendered (pypdfium2) and read by RapidOCR,
whose detection and recognition models ship inside the rapidocr wheel (PP-OCRv6 small, Apache-2.0)."""
from __future__ import annotations

import sys
from functools import lru_cache
from typing import TYPE_CHECKING, Iterator

from ingest.layout import Box, reading_lines
from ingest.readers import CorruptFileError, IngestError

if TYPE_CHECKING:
    from ingest.limits import Limits

DPI = 200  # what office scanners give; more only slows recognition, whose detector scales the page down anyway
MAX_SIDE_PX = 4000  # A4 at 200 dpi is 2339 px high
MIN_SCORE = 0.6  # recognitions below this are mostly speckle and seal fragments


class OcrUnavailableError(IngestError):
    """The OCR packages are not installed."""


def image_pages(data: bytes, candidates: list[int]) -> list[int]:
    """Of the candidate pages (no text layer), those that hold an image: blank pages are not worth reading."""
    import pypdfium2.raw as pdfium_c

    document = _open(data)
    try:
        images = (document[i].get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE]) for i in candidates)
        return [i for i, found in zip(candidates, images) if next(found, None) is not None]
    finally:
        document.close()


def recognise_pages(data: bytes, pages: list[int], limits: Limits) -> Iterator[tuple[int, str]]:
    """(page index, text) for each page, read in layout order; refused before any work past the page cap."""
    from tqdm import tqdm

    from ingest.limits import check_ocr_pages

    check_ocr_pages(len(pages), limits)
    engine = _engine()
    document = _open(data)
    try:
        for index in tqdm(pages, desc="文字识别", unit="页", file=sys.stderr, disable=None, leave=False):
            yield index, _read_page(engine, document, index)
    finally:
        document.close()


def _read_page(engine, document, index: int) -> str:
    try:
        return page_text(engine, _render(document[index]))
    except Exception as error:  # PDFium, OpenCV and onnxruntime each raise their own kinds on a page they cannot take
        raise CorruptFileError(f"第 {index + 1} 页的文字识别（OCR）失败（{type(error).__name__}: {error}），"
                               "这一页可能已损坏。") from error


def page_text(engine, image) -> str:
    """The recognised lines of one page image, top to bottom and left to right."""
    result = engine(image)
    if result.boxes is None:
        return ""
    boxes = [_box(points, text) for points, text, score in zip(result.boxes, result.txts, result.scores)
             if score >= MIN_SCORE]
    return "\n".join(reading_lines(boxes))


def _box(points, text: str) -> Box:
    xs, ys = [float(p[0]) for p in points], [float(p[1]) for p in points]
    return Box(min(xs), min(ys), max(xs), max(ys), text)


def _render(page):
    """The page as an RGB image, with red ink (seals, the red 发文机关 header) turned white so only the
    black text is read."""
    from PIL import Image

    scale = min(DPI / 72, MAX_SIDE_PX / max(max(page.get_size()), 1))  # a poster-sized page must not take GBs
    pixels = page.render(scale=scale).to_numpy()[:, :, 2::-1].astype("int16")  # BGR → RGB
    # Red over green and blue, so the pink anti-aliased edges of red strokes go too; grey and black stay.
    redness = pixels[:, :, 0] - pixels[:, :, 1:].max(axis=2)
    pixels[redness > 25] = 255
    # The faint halo a seal leaves (JPEG ringing, paper tone) is still read by the detector: whiten it.
    pixels[pixels.min(axis=2) > 200] = 255
    return Image.fromarray(pixels.astype("uint8"), "RGB")


@lru_cache(maxsize=1)
def _engine():
    """One engine per process: loading the models takes seconds."""
    try:
        from rapidocr import RapidOCR
    except ImportError as error:
        raise OcrUnavailableError(
            f"这个 PDF 是扫描件，需要文字识别（OCR），但没有安装 rapidocr 和 onnxruntime（{error}）；"
            "请运行 pip install -r requirements.txt 后再导入。") from error
    return RapidOCR(params={"Global.log_level": "error"})


def _open(data: bytes):
    try:
        import pypdfium2
    except ImportError as error:
        raise OcrUnavailableError(
            f"这个 PDF 是扫描件，需要文字识别（OCR），但没有安装 pypdfium2（{error}）；"
            "请运行 pip install -r requirements.txt 后再导入。") from error
    try:
        return pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as error:
        raise CorruptFileError(f"这个 PDF 的扫描页无法渲染（{error}），无法进行文字识别。") from error
