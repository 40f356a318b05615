"""Readers: one file in, its raw text out (.txt .md .html .htm .docx .pdf .ofd .doc .wps), or a named error.
Each format with more than a few lines of reading has its own module (docx_numbering, ocr, ofd, legacy_word)."""
from __future__ import annotations

import io
import logging
import re
import zipfile
import zlib
from pathlib import Path
from typing import TYPE_CHECKING, Callable

import charset_normalizer

if TYPE_CHECKING:
    from ingest.limits import Limits

# Policy documents are a few MB at most; anything bigger is almost surely not one.
MAX_FILE_MB = 32
# Bounds for .docx archives, so a zip bomb is refused before anything is decompressed.
MAX_UNZIPPED_MB = 200
MAX_ZIP_RATIO = 200

CHINESE_ENCODINGS = {"utf_8", "utf_8_sig", "gb18030", "gbk", "gb2312", "hz", "big5", "big5hkscs", "utf_16", "utf_32"}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_READABLE = re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf\u3000-\u303f\uff00-\uffef\u2000-\u206f\x20-\x7e\s·×—…“”‘’《》]")


class IngestError(Exception):
    """A document could not be ingested; the message says why and what to do."""


class UnsupportedTypeError(IngestError):
    """The file type has no reader."""


class EmptyFileError(IngestError):
    """The file holds no bytes, or no text once cleaned."""


class BinaryFileError(IngestError):
    """The bytes are not text in any encoding we accept."""


class CorruptFileError(IngestError):
    """A .docx or .pdf that its library cannot open."""


class TooLargeError(IngestError):
    """The file is over the size limit."""


def supported_suffixes() -> list[str]:
    return sorted(_READERS)


def read_text(path: Path, suffix: str | None = None, max_mb: float = MAX_FILE_MB, limits: Limits | None = None) -> str:
    """The raw text of a file, chosen by its suffix (or the one given), within the work caps of limits."""
    from ingest.limits import Limits, check_text

    check_file(path, suffix, max_mb)
    limits = limits or Limits()
    return check_text(_READERS[(suffix or path.suffix).lower()](path, limits), limits)


def check_file(path: Path, suffix: str | None = None, max_mb: float = MAX_FILE_MB) -> None:
    """Refuse, before reading it, a file of unknown type, empty or too large."""
    suffix = (suffix or path.suffix).lower()
    if suffix not in _READERS:
        raise UnsupportedTypeError(
            f"不支持的文件类型 {suffix or '（无扩展名）'}；支持：{'、'.join(supported_suffixes())}")
    size = path.stat().st_size
    if size == 0:
        raise EmptyFileError("文件是空的（0 字节）。")
    if size > max_mb * 1024 * 1024:
        raise TooLargeError(
            f"文件有 {size / 1024 / 1024:.1f} MB，超过 {max_mb:g} MB 的上限，请拆分成较小的文件。")


def decode_bytes(data: bytes) -> str:
    """Text from UTF-8 (with or without BOM), GB18030/GBK or Big5 bytes; garbage is refused, never decoded."""
    if not data.strip():
        raise EmptyFileError("文件里没有文字。")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise BinaryFileError("这是二进制文件，不是文本（含有 NUL 字节）。")
    try:
        return _checked(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    return _checked(_decode_detected(data))


def escaped_bytes_read(text: str) -> str:
    """Text Python received as bytes it could not decode as UTF-8 (lone surrogates: a question typed on a GBK
    terminal, a GBK name unpacked from a Windows zip), read as GB18030 when the surrogates outnumber the other
    characters beyond ASCII (a few GBK pairs happen to be UTF-8); otherwise they are stray bytes, dropped."""
    surrogates = _SURROGATE.findall(text)
    if not surrogates:
        return text
    rest = _SURROGATE.sub("", text)
    escaped = all("\udc80" <= ch <= "\udcff" for ch in surrogates)
    if escaped and len(surrogates) >= sum(not ch.isascii() for ch in rest):
        return text.encode("utf-8", "surrogateescape").decode("gb18030", "ignore")
    return rest


_SURROGATE = re.compile("[\ud800-\udfff]")


def _decode_detected(data: bytes) -> str:
    best = charset_normalizer.from_bytes(data).best()
    if best is not None and best.encoding in CHINESE_ENCODINGS:
        return str(best)
    mixed = _decode_lines(data)
    if mixed is not None:
        return mixed
    found = best.encoding if best is not None else "无"
    raise BinaryFileError(
        f"无法读取文字：既不是 UTF-8，也不是 GB18030/GBK（检测结果：{found}），请另存为 UTF-8 后重试。")


def _decode_lines(data: bytes) -> str | None:
    """Files pasted together from UTF-8 and GBK parts: decode each line on its own. Without a line of UTF-8
    beyond ASCII the file is no such paste: GB18030 decodes almost any bytes (Shift-JIS into nonsense)."""
    lines, pasted = [], False
    for raw in data.split(b"\n"):
        for encoding in ("utf-8", "gb18030"):
            try:
                lines.append(raw.decode(encoding))
                pasted = pasted or (encoding == "utf-8" and not raw.isascii())
                break
            except UnicodeDecodeError:
                continue
        else:
            return None
    return "\n".join(lines) if pasted else None


def _checked(text: str) -> str:
    """Refuse text that decoded but is mostly control characters or symbols from no script we expect."""
    sample = text[:200_000]
    if not sample.strip():
        raise EmptyFileError("文件里没有文字。")
    controls = len(_CONTROL.findall(sample))
    readable = len(_READABLE.findall(sample))
    if controls > len(sample) * 0.01 or readable < len(sample) * 0.85:
        raise BinaryFileError("文件不像文本（控制字符或意外字符过多），可能是二进制文件。")
    return text


def _read_plain(path: Path, limits: Limits) -> str:
    return decode_bytes(path.read_bytes())


def _read_html(path: Path, limits: Limits) -> str:
    from bs4 import BeautifulSoup

    text = decode_bytes(path.read_bytes())
    soup = BeautifulSoup(text, "lxml")
    title = _page_title(soup.title.get_text(" ", strip=True) if soup.title else "")
    for tag in soup(["script", "style", "noscript", "iframe", "template", "svg", "head", "nav", "form", "button"]):
        tag.decompose()
    for tag in soup(_INLINE_TAGS):  # 第一条 <a>节约</a>用电。 is one sentence: only blocks end a line
        tag.unwrap()
    soup.smooth()
    body = soup.get_text("\n")
    # a page whose body never prints its title (the <title> alone names it) gets it as its first line
    named = len(title) >= 4 and "".join(title.split()) not in "".join(body[:5000].split())
    return f"{title}\n{body}" if named else body


# a damaged PDF is refused with our own message; pypdf's English warnings about it are not for the user
logging.getLogger("pypdf").setLevel(logging.ERROR)
_INLINE_TAGS = ["a", "span", "b", "strong", "em", "i", "u", "font", "sub", "sup", "small", "big", "code", "abbr",
                "mark", "s", "strike", "q", "cite", "label", "ins", "del"]


def _page_title(title: str) -> str:
    """The document's name in a page's <title>, without the site's after it (…实施方案_台山市人民政府门户网站)."""
    return re.split(r"\s*[_|｜]\s*|\s+[-—–]+\s+", title.strip(), maxsplit=1)[0].strip()


def read_docx(path: Path, limits: Limits) -> str:
    """The paragraphs (with Word's automatic numbering rendered) and table rows of a .docx, one a line."""
    import docx
    from docx.table import Table

    from ingest.docx_numbering import numbering_of

    _check_zip(path)
    _check_document_xml(path, limits)
    try:
        document = docx.Document(str(path))
        numbering = numbering_of(document)
        blocks = []
        for block in document.iter_inner_content():
            if isinstance(block, Table):
                blocks.extend(_table_lines(block))
            else:
                blocks.append(numbering.label(block._p) + block.text)
    except Exception as error:  # python-docx raises many kinds (KeyError, lxml errors, …) on a broken file
        raise CorruptFileError(f"这个 .docx 文件无法打开，可能已损坏（{type(error).__name__}）。") from error
    return "\n".join(blocks)


def _table_lines(table) -> list[str]:
    lines = []
    for row in table.rows:
        cells = [cell.text.strip() for cell in row.cells]
        lines.append(" ".join(dict.fromkeys(c for c in cells if c)))
    return lines


def _check_zip(path: Path) -> None:
    if "word/document.xml" not in check_archive(path, "Word 文档（.docx）"):
        raise CorruptFileError("这个 .docx 压缩包里没有 word/document.xml，不是 Word 文档。")


def check_archive(path: Path, kind: str) -> set[str]:
    """The member names of a zip-based document (.docx, .ofd), refused before anything is decompressed if it
    is no zip, is damaged, or would unpack past the caps (a zip bomb)."""
    if not zipfile.is_zipfile(path):
        raise CorruptFileError(f"这个{kind}文件已损坏或并非该格式（不是 zip 压缩包），无法读取。")
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError) as error:
        raise CorruptFileError(f"这个{kind}压缩包已损坏（{error}），无法读取。") from error
    total = sum(m.file_size for m in members)
    worst = max((m.file_size / max(m.compress_size, 1) for m in members), default=0)
    if total > MAX_UNZIPPED_MB * 1024 * 1024 or (worst > MAX_ZIP_RATIO and total > 10 * 1024 * 1024):
        raise CorruptFileError(
            f"这个{kind}压缩包解压后将有 {total / 1024 / 1024:.0f} MB（上限 {MAX_UNZIPPED_MB} MB、压缩比 "
            f"{MAX_ZIP_RATIO} 倍），疑似压缩炸弹（zip bomb），已拒绝。")
    return {m.filename for m in members}


def _check_document_xml(path: Path, limits: Limits) -> None:
    """Refuse a .docx whose body XML unpacks past the cap or holds more paragraphs than allowed, reading
    it as a stream before any parser builds a tree of it. zipfile stops at the size the archive declares
    (and fails its CRC beyond it), so the declared size is a true bound."""
    from ingest.limits import check_paragraphs, refuse

    with zipfile.ZipFile(path) as archive:
        size = archive.getinfo("word/document.xml").file_size
        if size > limits.max_docx_xml_mb * 1024 * 1024:
            raise refuse("Word 文档解压后的正文 XML", size / 2**20, "max_docx_xml_mb", limits.max_docx_xml_mb, " MB")
        try:
            _count_paragraphs(archive, limits, check_paragraphs)
        except (zipfile.BadZipFile, zlib.error, EOFError, RuntimeError, NotImplementedError) as error:
            raise CorruptFileError(f"这个 .docx 压缩包已损坏（{type(error).__name__}），无法读取。") from error


def _count_paragraphs(archive: zipfile.ZipFile, limits: Limits, check: Callable[[int, Limits], None]) -> None:
    paragraphs, tail = 0, b""
    with archive.open("word/document.xml") as stream:
        while chunk := stream.read(1 << 20):
            window = tail + chunk
            paragraphs += window.count(b"<w:p>") + window.count(b"<w:p ")
            tail = window[-4:]  # a tag split across two chunks; too short to hold a whole one
            check(paragraphs, limits)


def _read_pdf(path: Path, limits: Limits) -> str:
    import pypdf

    data = path.read_bytes()
    try:
        reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
        _unlock(reader)
        pages = _pdf_pages(reader, limits)
    except IngestError:
        raise
    except pypdf.errors.DependencyError as error:
        raise CorruptFileError(f"这个 PDF 已加密，解密需要 cryptography 包（pip install cryptography）：{error}") from error
    except Exception as error:  # pypdf raises many kinds on damaged files
        raise CorruptFileError(f"这个 PDF 无法读取，可能不完整或不是 PDF 文件（{type(error).__name__}）。") from error
    _recognise_scans(data, pages, limits)
    text = "\f".join(pages)
    if not text.strip():
        raise EmptyFileError("这个 PDF 没有可提取的文字：既没有文字层，扫描页的文字识别（OCR）也没有识别出文字。")
    return text


def _pdf_pages(reader, limits: Limits) -> list[str]:
    """Each page's text layer, stopping as soon as the text cap is passed."""
    pages, total = [], 0
    for page in reader.pages:
        pages.append(page.extract_text() or "")
        total = _check_total(total + len(pages[-1]), limits)
    return pages


def _recognise_scans(data: bytes, pages: list[str], limits: Limits) -> None:
    """Fill in, by OCR, the pages that have no text layer but an image (a scan), page by page."""
    from ingest.ocr import image_pages, recognise_pages

    blank = [i for i, text in enumerate(pages) if not text.strip()]
    scans = image_pages(data, blank) if blank else []
    total = sum(map(len, pages))
    for index, text in recognise_pages(data, scans, limits) if scans else ():
        total = _check_total(total - len(pages[index]) + len(text), limits)
        pages[index] = text


def _check_total(total: int, limits: Limits) -> int:
    from ingest.limits import refuse

    if total > limits.max_text_chars:
        raise refuse("提取出的正文字数", total, "max_text_chars", limits.max_text_chars, " 字")
    return total


def _unlock(reader) -> None:
    """Open a PDF encrypted with an empty user password (only copying or printing restricted); refuse one
    that needs a password to be read."""
    if reader.is_encrypted and not reader.decrypt(""):
        raise CorruptFileError("这个 PDF 设置了打开密码，无法读取；请另存一份不加密的副本后再导入。")


def _read_ofd(path: Path, limits: Limits) -> str:
    from ingest.ofd import read_ofd

    return read_ofd(path, limits)


def _read_legacy_word(path: Path, limits: Limits) -> str:
    from ingest.legacy_word import read_legacy_word

    return read_legacy_word(path, limits)


_READERS: dict[str, Callable[[Path, "Limits"], str]] = {
    ".txt": _read_plain,
    ".md": _read_plain,
    ".markdown": _read_plain,
    ".html": _read_html,
    ".htm": _read_html,
    ".docx": read_docx,
    ".pdf": _read_pdf,
    ".ofd": _read_ofd,
    ".doc": _read_legacy_word,
    ".wps": _read_legacy_word,
}
