"""Checking and storing uploaded files before they reach ingestion.

An upload is checked under a generated name in the data folder's upload area, and kept under its
document's id once ingested; the name the user gave it only travels on, cleaned, as the source name."""
from __future__ import annotations

import os
import re
import shutil
import time
import unicodedata
import uuid
from dataclasses import dataclass
from pathlib import Path

ALLOWED_SUFFIXES = (".txt", ".md", ".html", ".htm", ".docx", ".doc", ".wps", ".pdf", ".ofd")
# Formats whose first bytes are fixed: anything else under that suffix is refused early.
_MAGIC = {".docx": b"PK\x03\x04", ".ofd": b"PK\x03\x04", ".pdf": b"%PDF"}
_UNSAFE = re.compile(r"[\x00-\x1f\x7f/\\:*?\"<>|]+")


class UploadRejected(Exception):
    """An uploaded file is refused before ingestion; the message is for the user."""


@dataclass
class StoredUpload:
    path: Path  # under the generated name
    source_name: str  # the cleaned original name


def upload_folders(data_dir: Path) -> tuple[Path, Path]:
    """(incoming, stored): Gradio receives files in the first, the app keeps them in the second."""
    root = Path(data_dir).resolve() / "uploads"
    return root / "incoming", root / "stored"


STALE_UPLOAD_S = 3600  # an upload still in Gradio's folder after this is left over from a crash or a stop


def remove_stale_uploads(incoming: Path, older_than_s: float = STALE_UPLOAD_S) -> int:
    """Delete files left in Gradio's upload folder by an earlier run; recent ones may be another running
    app's uploads in flight and stay. Returns how many were removed."""
    limit, removed = time.time() - older_than_s, 0
    for path in sorted(incoming.rglob("*"), reverse=True):  # files before the folders holding them
        try:
            if path.is_file() and path.stat().st_mtime < limit:
                path.unlink()
                removed += 1
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()
        except OSError:  # gone meanwhile, or not ours to remove
            continue
    return removed


def clean_source_name(name: str) -> str:
    """The last path component, without control characters, separators or leading dots."""
    base = re.split(r"[/\\]", unicodedata.normalize("NFC", name))[-1]
    base = _UNSAFE.sub("_", base).strip(" .")
    stem, suffix = _split_suffix(base)
    stem = stem[:120] or "未命名"
    return stem + suffix


def _split_suffix(name: str) -> tuple[str, str]:
    path = Path(name)
    suffix = path.suffix.lower() if path.suffix.lower() in ALLOWED_SUFFIXES else ""
    return (name[: -len(suffix)] if suffix else name), suffix


def check_upload(path: Path, original_name: str, max_mb: int) -> str:
    """The cleaned source name, or UploadRejected saying what is wrong and what is accepted."""
    name = clean_source_name(original_name)
    suffix = Path(name).suffix.lower()
    if suffix not in ALLOWED_SUFFIXES:
        raise UploadRejected(f"“{name}”的类型不支持；可上传 {'、'.join(ALLOWED_SUFFIXES)} 文件。")
    size = path.stat().st_size
    if size == 0:
        raise UploadRejected(f"“{name}”是空文件（0 字节），未导入。")
    if size > max_mb * 1024 * 1024:
        raise UploadRejected(f"“{name}”有 {size / 1048576:.1f} MB，超过上限 {max_mb} MB。")
    _check_content(path, name, suffix)
    return name


def _check_content(path: Path, name: str, suffix: str) -> None:
    with path.open("rb") as handle:
        head = handle.read(8192)
    magic = _MAGIC.get(suffix)
    if magic is not None and not head.startswith(magic):
        raise UploadRejected(f"“{name}”不是有效的 {suffix[1:].upper()} 文件（内容与扩展名不符）。")
    if magic is None and b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise UploadRejected(f"“{name}”看起来是二进制文件，不是文本，未导入。")


def keep_as(path: Path, doc_id: str) -> Path:
    """An ingested upload renamed after its document, so that removing the document can remove it too
    and a newer version of the same file replaces it."""
    for old in path.parent.glob(f"{doc_id}.*"):
        old.unlink(missing_ok=True)
    target = path.with_name(doc_id + path.suffix)
    os.replace(path, target)
    return target


def stored_copies(data_dir: Path, doc_id: str) -> list[Path]:
    """The kept upload of a document; none for documents ingested from the command line."""
    _, stored = upload_folders(data_dir)
    return sorted(stored.glob(f"{doc_id}.*"))


def store_upload(path: Path, original_name: str, stored_dir: Path, max_mb: int) -> StoredUpload:
    """Check the file and copy it under a generated name; the caller ingests it from there."""
    source_name = check_upload(path, original_name, max_mb)
    stored_dir.mkdir(parents=True, exist_ok=True)
    target = stored_dir / f"{uuid.uuid4().hex}{Path(source_name).suffix}"
    shutil.copyfile(path, target)
    return StoredUpload(target, source_name)
