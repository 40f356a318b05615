"""Index snapshots on disk: data/index/CURRENT names the live snap-<n>/ folder. A snapshot is
written in a temporary folder, renamed into place, and only then named in CURRENT."""
from __future__ import annotations

import json
import os
import shutil
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import numpy as np

from index.dense import DenseIndex
from index.encoders import EncoderError, OfflineEncoder
from index.integrity import (MANIFEST_CRC, IntegrityError, check_schema, file_entries, manifest_crc_text,
                             verify_files, verify_manifest_bytes)
from index.lexical import top_k
from index.lexical_segments import LexicalField
from ingest.oserrors import folder_mb, write_failure_message

FORMAT_VERSION = 4  # 2: a context field (title and headings) beside the body; 3: a CRC-32 of every file;
# 4: a lexical field may hold a delta segment and row slots (index.lexical_segments), params.json its avgdl
KEEP_SNAPSHOTS = 2  # the previous one stays for readers in other processes that still map it


class IndexCorrupt(Exception):
    """A snapshot's files are missing, truncated, damaged, of another format version or of the wrong types."""


class IndexWriteError(Exception):
    """A snapshot could not be written (disk full, read-only folder); nothing half-written is left behind."""


@dataclass
class Snapshot:
    """A complete index on disk, loaded; the local index.backend.SearchBackend."""
    folder: Path
    manifest: dict
    lexical: LexicalField  # the clause body
    context: LexicalField  # the document title and the headings above the clause
    dense: DenseIndex
    offline: OfflineEncoder | None  # the fitted offline encoder, when that is the encoder

    @property
    def clause_ids(self) -> list[str]:
        return self.manifest["clause_ids"]

    @property
    def clause_hashes(self) -> list[str]:
        return self.manifest["clause_hashes"]

    def lexical_top(self, weights: dict[str, float], limit: int, allowed: np.ndarray | None) -> list[tuple[int, float]]:
        return top_k(self.lexical.scores(weights), limit, allowed)

    def dense_top(self, vector: np.ndarray, limit: int, allowed: np.ndarray | None) -> list[tuple[int, float]]:
        return self.dense.search(vector, limit, allowed)

    def lexical_scores(self, weights: dict[str, float], field: str = "body") -> np.ndarray:
        return (self.lexical if field == "body" else self.context).scores(weights)

    def dense_scores(self, vector: np.ndarray, rows: np.ndarray) -> np.ndarray:
        return self.dense.row_vectors(rows) @ vector.ravel()

    def idf(self, terms: list[str]) -> dict[str, float]:
        return self.lexical.idf(terms)


def current_folder(index_dir: Path) -> Path | None:
    """The snapshot CURRENT names, or None when there is none yet."""
    try:
        name = (index_dir / "CURRENT").read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return None
    return index_dir / name if name.startswith("snap-") else None


def read_manifest(folder: Path) -> dict:
    """The manifest, checked against its CRC-32 and its schema; IndexCorrupt when either fails."""
    try:
        data = (folder / "manifest.json").read_bytes()
        verify_manifest_bytes(folder, data)
        manifest = json.loads(data.decode("utf-8"))
    except (OSError, ValueError) as error:  # IntegrityError and UnicodeDecodeError are ValueErrors
        raise IndexCorrupt(f"无法读取 {folder / 'manifest.json'}（{error}）") from error
    if not isinstance(manifest, dict) or manifest.get("format_version") != FORMAT_VERSION:
        version = manifest.get("format_version") if isinstance(manifest, dict) else None
        raise IndexCorrupt(f"{folder.name} 是第 {version!r} 版索引格式，本程序读取第 {FORMAT_VERSION} 版")
    try:
        check_schema(manifest)
    except IntegrityError as error:
        raise IndexCorrupt(f"{folder.name}: {error}") from error
    return manifest


def load_snapshot(folder: Path) -> Snapshot:
    """Every file checked against the size and CRC-32 the manifest recorded, then loaded (memory-mapped)."""
    manifest = read_manifest(folder)
    try:
        verify_files(folder, manifest["files"])
        lexical = LexicalField.load(folder / "lexical")
        context = LexicalField.load(folder / "context")
        dense = DenseIndex.load(folder)
        offline = OfflineEncoder.load(folder / "encoder") if manifest["encoder"]["name"].startswith("offline:") else None
    except (OSError, ValueError, RuntimeError, EncoderError, KeyError) as error:
        raise IndexCorrupt(f"无法读取 {folder.name}（{error}）") from error
    n = len(manifest["clause_ids"])
    if lexical.size != n or context.size != n or dense.size != n:
        raise IndexCorrupt(f"{folder.name}：{n} 个条款编号，但关键词索引 {lexical.size} 行、标题索引 {context.size} 行、"
                           f"语义向量 {dense.size} 行")
    return Snapshot(folder, manifest, lexical, context, dense, offline)


def write_snapshot(index_dir: Path, manifest: dict, lexical: LexicalField, context: LexicalField,
                   dense: DenseIndex, encoder: object, linked: dict[str, dict] | None = None,
                   linked_from: Path | None = None) -> Path:
    """Write a complete snapshot and make it current; returns its folder. IndexWriteError (in Chinese)
    when the disk refuses, with the temporary folder removed and CURRENT untouched. linked: the manifest
    entries (size, CRC-32) of files hard-linked from the previous snapshot (linked_from), not read again."""
    number = _next_number(index_dir)
    temp, final = index_dir / f"tmp-snap-{number}-{os.getpid()}", index_dir / f"snap-{number}"
    try:
        index_dir.mkdir(parents=True, exist_ok=True)
        _write_files(temp, manifest, lexical, context, dense, encoder, linked or {}, linked_from)
        os.replace(temp, final)
        _write_durably(index_dir / "CURRENT.tmp", final.name)
        os.replace(index_dir / "CURRENT.tmp", index_dir / "CURRENT")
    except OSError as error:
        need = folder_mb(current_folder(index_dir)) or folder_mb(temp)
        _discard(index_dir, temp, final)
        raise IndexWriteError(write_failure_message(error, "写入索引", index_dir, need)) from error
    prune(index_dir)
    return final


def _write_files(temp: Path, manifest: dict, lexical: LexicalField, context: LexicalField, dense: DenseIndex,
                 encoder: object, linked: dict[str, dict], linked_from: Path | None) -> None:
    shutil.rmtree(temp, ignore_errors=True)
    temp.mkdir(parents=True)
    lexical.save(temp / "lexical")
    context.save(temp / "context")
    dense.save(temp)
    encoder.save(temp / "encoder")
    linked = {name: entry for name, entry in linked.items() if _is_link(temp / name, linked_from, name)}
    _sync_all(temp, skip=set(linked))
    manifest = {**manifest, "format_version": FORMAT_VERSION, "created": time.strftime("%Y-%m-%dT%H:%M:%S"),
                "files": file_entries(temp, linked)}
    data = json.dumps(manifest, ensure_ascii=False).encode("utf-8")  # one line: the C encoder, 10× faster at 1M ids
    _write_durably(temp / "manifest.json", data)
    _write_durably(temp / MANIFEST_CRC, manifest_crc_text(data).encode("ascii"))


@contextmanager
def staging(index_dir: Path) -> Iterator[Path]:
    """An empty folder where a build writes parts of its snapshot early (to free their memory), for
    write_snapshot to hard-link; named like a half-written snapshot, so prune() removes what a killed build
    leaves, and removed on leaving. A write refused there is an IndexWriteError, as in write_snapshot."""
    folder = index_dir / f"tmp-snap-parts-{os.getpid()}"
    try:
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        yield folder
    except OSError as error:
        need = folder_mb(current_folder(index_dir)) or folder_mb(folder)
        raise IndexWriteError(write_failure_message(error, "写入索引", index_dir, need)) from error
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _discard(index_dir: Path, temp: Path, final: Path) -> None:
    """Remove what a failed write left: the temporary folder, and the renamed one if CURRENT never named it."""
    shutil.rmtree(temp, ignore_errors=True)
    if current_folder(index_dir) != final:
        shutil.rmtree(final, ignore_errors=True)
    try:
        (index_dir / "CURRENT.tmp").unlink(missing_ok=True)
    except OSError:
        pass


def _next_number(index_dir: Path) -> int:
    numbers = [int(p.name.split("-")[-1]) for p in index_dir.glob("snap-*") if p.name.split("-")[-1].isdigit()]
    numbers += [int(p.name.split("-")[2]) for p in index_dir.glob("tmp-snap-*") if p.name.split("-")[2].isdigit()]
    return max(numbers, default=0) + 1


def _is_link(path: Path, source: Path | None, name: str) -> bool:
    """Whether path is the source snapshot's file of that name (a hard link: the same bytes on disk)."""
    try:
        return source is not None and os.path.samefile(path, source / name)
    except OSError:
        return False


def _sync_all(folder: Path, skip: set[str] = frozenset()) -> None:
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.relative_to(folder).as_posix() not in skip:
            with open(path, "rb") as handle:
                os.fsync(handle.fileno())


def _write_durably(path: Path, data: bytes | str) -> None:
    with open(path, "wb") as handle:
        handle.write(data.encode("utf-8") if isinstance(data, str) else data)
        handle.flush()
        os.fsync(handle.fileno())


def prune(index_dir: Path) -> None:
    """Remove half-written folders of killed builds and all but the newest snapshots."""
    current = current_folder(index_dir)
    for temp in index_dir.glob("tmp-snap-*"):
        shutil.rmtree(temp, ignore_errors=True)
    snaps = sorted((p for p in index_dir.glob("snap-*") if p.name.split("-")[-1].isdigit()),
                   key=lambda p: int(p.name.split("-")[-1]))
    for old in snaps[:-KEEP_SNAPSHOTS]:
        if old != current:
            shutil.rmtree(old, ignore_errors=True)


def last_built(index_dir: Path) -> str | None:
    """When the newest snapshot that still has a manifest was built (a store backup from then is good)."""
    for folder in sorted(index_dir.glob("snap-*"), key=lambda p: p.stat().st_mtime, reverse=True):
        try:
            created = json.loads((folder / "manifest.json").read_text(encoding="utf-8")).get("created")
        except (OSError, ValueError, AttributeError):
            continue
        if isinstance(created, str):
            return created
    return None
