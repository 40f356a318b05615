"""Word 97-2003 .doc and WPS Office .wps (the same binary container) through the tools Debian packages.

Measured on the seed plan saved as .doc by LibreOffice (tests/data/, README 'Ingesting documents'): LibreOffice, converting to
.docx for our .docx reader, keeps every character, Word's automatic 一、（一）1. numbering and table rows;
antiword keeps every character but no automatic numbering, and refuses small files ("text stream too
small"); catdoc reads small files but garbled 45 % of the seed's characters. So: LibreOffice when installed,
else antiword, else catdoc.
"""
from __future__ import annotations

import logging
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from ingest.readers import CorruptFileError, IngestError

if TYPE_CHECKING:
    from ingest.limits import Limits

log = logging.getLogger(__name__)
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
TIMEOUT_S = 120
TOOL_MEMORY = 1 << 30  # antiword and catdoc parse untrusted binary files: bound what a crafted one can take


class ToolMissingError(IngestError):
    """No program that reads .doc / .wps is installed."""


def read_legacy_word(path: Path, limits: Limits) -> str:
    """The text of a .doc or .wps file, by the best reader installed."""
    from ingest.readers import read_docx

    head = path.read_bytes()[:8]
    if head.startswith(b"PK"):  # a .docx saved under the old name
        return read_docx(path, limits)
    if head != OLE_MAGIC:
        raise CorruptFileError(f"{path.suffix} 文件不是 Word 97-2003 / WPS 格式（文件头不对），可能已损坏或改了扩展名。")
    readers = [(name, reader) for name, reader in _READERS if shutil.which(name)]
    if not readers:
        raise ToolMissingError(
            "读取 .doc / .wps 文件需要 LibreOffice、antiword 或 catdoc，本机一个也没有安装；请运行 "
            "apt-get install antiword catdoc（要保留 Word 自动编号，再装 libreoffice-writer-nogui）后重新导入。")
    for name, reader in readers:
        text = reader(path, limits)
        if text.strip():
            return text
    raise CorruptFileError(f"{'、'.join(name for name, _ in readers)} 都没能从这个 {path.suffix} 文件读出文字；它可能已损坏或加密。")


def _libreoffice(path: Path, limits: Limits) -> str:
    """Converted to .docx in a private folder (its own profile, so conversions can run side by side)."""
    from ingest.readers import read_docx

    with tempfile.TemporaryDirectory(prefix="policy-qa-doc-") as folder:
        source = Path(folder) / f"in{path.suffix.lower()}"
        shutil.copyfile(path, source)
        _run(["soffice", f"-env:UserInstallation=file://{folder}/profile", "--headless", "--norestore",
              "--convert-to", "docx:MS Word 2007 XML", "--outdir", folder, str(source)], limit_memory=False)
        converted = Path(folder) / "in.docx"
        return read_docx(converted, limits) if converted.exists() else ""


def _antiword(path: Path, limits: Limits) -> str:
    lines = _run(["antiword", "-w", "0", "-m", "UTF-8.txt", str(path)]).split("\n")
    return "\n".join(_table_row(line) for line in lines)


def _catdoc(path: Path, limits: Limits) -> str:
    return _run(["catdoc", "-w", "-d", "utf-8", str(path)])


def _table_row(line: str) -> str:
    """antiword draws a table row as |cell   |cell   |: keep the cells, one space apart."""
    if len(line) > 1 and line.startswith("|") and line.endswith("|"):
        return " ".join(cell.strip() for cell in line[1:-1].split("|") if cell.strip())
    return line


def _run(command: list[str], limit_memory: bool = True) -> str:
    """The tool's standard output, or "" when it fails twice (the next tool is tried).

    The memory bound is set by prlimit rather than a preexec_fn, which is unsafe in a process running threads;
    one retry covers a tool that fails once under load, as antiword did once in CI."""
    tool = command[0]
    if limit_memory and shutil.which("prlimit"):
        command = ["prlimit", f"--as={TOOL_MEMORY}", "--", *command]
    for _ in range(2):
        try:
            done = subprocess.run(command, capture_output=True, timeout=TIMEOUT_S, stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired as error:
            raise CorruptFileError(f"{tool} 读取这个文件超过 {TIMEOUT_S} 秒仍未完成，已放弃；文件可能已损坏。") from error
        if done.returncode == 0:
            return done.stdout.decode("utf-8", "replace").replace("\ufeff", "")
        log.info("%s 读取失败（退出码 %s）：%s", tool, done.returncode, done.stderr.decode("utf-8", "replace")[:300])
    return ""


_READERS = [("soffice", _libreoffice), ("antiword", _antiword), ("catdoc", _catdoc)]
