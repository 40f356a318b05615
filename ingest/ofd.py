"""OFD (GB/T 33190, the national layout document format): the text of its pages, read from the XML inside the zip.

OFD.xml names the document (DocBody/DocRoot), its Document.xml lists the pages in order (Pages/Page
BaseLoc), and each page's Content.xml holds TextObject elements (Boundary "x y w h" in mm, Size) whose
TextCode children carry the text and its position (X, Y of the baseline, relative to the boundary).
Templates (repeated page frames), annotations and signatures (the seal) are not read.
easyofd reads OFD too, but pulls in PyMuPDF (AGPL) and reportlab to render pages; only the text is needed here.
"""
from __future__ import annotations

import posixpath
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

from ingest.layout import Box, reading_lines
from ingest.readers import CorruptFileError, EmptyFileError, check_archive

if TYPE_CHECKING:
    from ingest.limits import Limits

_KIND = " OFD "


def read_ofd(path: Path, limits: Limits) -> str:
    """The text of every page, pages separated by form feeds, stopping as soon as the text cap is passed."""
    from ingest.limits import refuse

    names = check_archive(path, _KIND)
    pages, total = [], 0
    with zipfile.ZipFile(path) as archive:
        for location in _page_locations(archive, names, limits):
            pages.append("\n".join(reading_lines(list(_text_boxes(_parse(archive, location, limits))))))
            total += len(pages[-1])
            if total > limits.max_text_chars:
                raise refuse("提取出的正文字数", total, "max_text_chars", limits.max_text_chars, " 字")
    if not "".join(pages).strip():
        raise EmptyFileError("这个 OFD 文件没有可提取的文字（页面可能是扫描图片），请先转换为带文字的版本。")
    return "\f".join(pages)


def _page_locations(archive: zipfile.ZipFile, names: set[str], limits: Limits) -> list[str]:
    """The archive paths of the pages' Content.xml, in reading order."""
    if "OFD.xml" not in names:
        raise CorruptFileError("这个 OFD 文件缺少 OFD.xml，不是有效的 OFD 文档。")
    root = _child_text(_parse(archive, "OFD.xml", limits), "DocRoot")
    if not root:
        raise CorruptFileError("这个 OFD 文件的 OFD.xml 没有指明文档（DocRoot），无法读取。")
    document_path = _resolve("", root)
    document = _parse(archive, document_path, limits)
    folder = posixpath.dirname(document_path)
    pages = [page.get("BaseLoc", "") for page in _descendants(document, "Page") if page.get("BaseLoc")]
    return [location for location in (_resolve(folder, page) for page in pages) if location in names]


def _text_boxes(page) -> Iterator[Box]:
    """One box per TextCode, placed on the page by its text object's boundary."""
    for text_object in _descendants(page, "TextObject"):
        left, top = _numbers(text_object.get("Boundary", ""), 2)
        size = _float(text_object.get("Size"), 3.5)
        x = y = 0.0
        for code in _descendants(text_object, "TextCode"):
            text = code.text or ""
            x, y = _float(code.get("X"), x), _float(code.get("Y"), y)
            yield Box(left + x, top + y - size, left + x + len(text) * size, top + y, text)
            x += len(text) * size  # a code without X continues after the one before it


def _parse(archive: zipfile.ZipFile, name: str, limits: Limits):
    """An XML member as a tree, refused past the XML size cap; entities and DTDs are never loaded."""
    from lxml import etree

    from ingest.limits import refuse

    try:
        info = archive.getinfo(name)
        if info.file_size > limits.max_docx_xml_mb * 1024 * 1024:
            raise refuse(f"OFD 中 {name} 解压后的大小", info.file_size / 2**20, "max_docx_xml_mb",
                         limits.max_docx_xml_mb, " MB")
        parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
        return etree.fromstring(archive.read(name), parser)
    except KeyError as error:
        raise CorruptFileError(f"这个 OFD 文件缺少 {name}，无法读取。") from error
    except (etree.XMLSyntaxError, zipfile.BadZipFile, ValueError) as error:
        raise CorruptFileError(f"这个 OFD 文件的 {name} 已损坏（{error}），无法读取。") from error


def _descendants(element, local_name: str) -> Iterator:
    """Elements of that name in any namespace (OFD files are written with and without a prefix)."""
    return (e for e in element.iter() if isinstance(e.tag, str) and e.tag.rsplit("}", 1)[-1] == local_name)


def _child_text(element, local_name: str) -> str:
    found = next(_descendants(element, local_name), None)
    return (found.text or "").strip() if found is not None else ""


def _resolve(folder: str, location: str) -> str:
    """An archive path from a location that is relative to folder, or absolute from the archive root."""
    joined = location.lstrip("/") if location.startswith("/") else posixpath.join(folder, location)
    return posixpath.normpath(joined).lstrip("/")


def _numbers(text: str, count: int) -> list[float]:
    values = [_float(part, 0.0) for part in text.split()[:count]]
    return values + [0.0] * (count - len(values))


def _float(text: str | None, default: float) -> float:
    try:
        return float(text) if text is not None else default
    except ValueError:
        return default
