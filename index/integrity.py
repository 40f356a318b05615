"""Is a snapshot intact: a CRC-32 of every file (as Lucene's segment footers carry one), a CRC-32 of the
manifest itself in a file beside it, and the type of every manifest field."""
from __future__ import annotations

import zlib
from pathlib import Path, PurePosixPath

CHUNK = 1 << 20  # files are checked in pieces: a 6 GB index never sits in memory at once
MANIFEST_CRC = "manifest.crc32"


class IntegrityError(ValueError):
    """A file's bytes or the manifest's fields are not what the build wrote."""


def crc32_of(path: Path) -> int:
    """CRC-32 of a file's bytes, read in chunks (zlib runs at about 2 GB/s; sha256 at half that)."""
    crc = 0
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK):
            crc = zlib.crc32(chunk, crc)
    return crc


def file_entries(folder: Path, known: dict[str, dict[str, int]] | None = None) -> dict[str, dict[str, int]]:
    """Relative path -> size and CRC-32 of every file under folder; known: entries of files already
    checksummed (hard links to an earlier snapshot's files), taken as they are."""
    known = known or {}
    entries = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            name = path.relative_to(folder).as_posix()
            entries[name] = known.get(name) or {"size": path.stat().st_size, "crc32": crc32_of(path)}
    return entries


_verified: set[tuple[int, int, int, int, int]] = set()  # (device, inode, size, mtime, CRC-32) checked here


def _identity(path: Path, crc: int) -> tuple[int, int, int, int, int]:
    status = path.stat()
    return status.st_dev, status.st_ino, status.st_size, status.st_mtime_ns, crc


def verify_files(folder: Path, entries: dict[str, dict[str, int]]) -> None:
    """Every listed file present with its size and CRC-32 (sizes first: a truncated file costs no read)."""
    if not entries:
        raise IntegrityError(f"{folder.name}/manifest.json 没有列出任何文件")
    for name, entry in entries.items():
        path = folder / name
        if not path.is_file() or path.stat().st_size != entry["size"]:
            raise IntegrityError(f"{path} 缺失或不完整")
    for name, entry in entries.items():
        # a file this process already checked (the same inode: a snapshot's files are never written in place,
        # a new snapshot hard-links the unchanged ones) is not read again: refreshes stay quick at 1M clauses
        identity = _identity(folder / name, entry["crc32"])
        if identity in _verified:
            continue
        if crc32_of(folder / name) != entry["crc32"]:
            raise IntegrityError(f"{folder / name} 与校验和不符（磁盘上的文件已损坏）")
        _verified.add(identity)


def verify_manifest_bytes(folder: Path, data: bytes) -> None:
    """The manifest's bytes against the CRC-32 written beside it."""
    try:
        recorded = int((folder / MANIFEST_CRC).read_text(encoding="ascii").strip(), 16)
    except (OSError, ValueError) as error:
        raise IntegrityError(f"{folder / MANIFEST_CRC} 缺失或无法读取（{error}）") from error
    if zlib.crc32(data) != recorded:
        raise IntegrityError(f"{folder / 'manifest.json'} 与校验和不符（磁盘上的文件已损坏）")


def manifest_crc_text(data: bytes) -> str:
    return f"{zlib.crc32(data):08x}\n"


_FIELDS: dict[str, type] = {"format_version": int, "created": str, "corpus_hash": str, "dense": str,
                            "tokenizer": dict, "encoder": dict, "clause_ids": list, "clause_hashes": list,
                            "pending": list, "files": dict}
_ENCODER: dict[str, type] = {"name": str, "dim": int, "fingerprint": str, "key": str, "new_since_fit": int}


def check_schema(manifest: object) -> None:
    """Each field of the manifest of the type the reader expects; IntegrityError naming the first that is not."""
    _check_fields("manifest", manifest, _FIELDS)
    _check_fields("encoder", manifest["encoder"], _ENCODER)
    for name in ("clause_ids", "clause_hashes", "pending"):
        if not all(type(item) is str for item in manifest[name]):
            raise IntegrityError(f"清单字段 {name!r} 应为字符串列表")
    if len(manifest["clause_hashes"]) != len(manifest["clause_ids"]):
        raise IntegrityError("清单中条款哈希与条款编号的数目不同")
    if manifest["dense"] not in ("flat", "hnsw"):
        raise IntegrityError(f"清单字段 'dense' 为 {manifest['dense']!r}，应为 'flat' 或 'hnsw'")
    for name, entry in manifest["files"].items():
        _check_file_entry(name, entry)


def _check_fields(what: str, value: object, fields: dict[str, type]) -> None:
    if type(value) is not dict:
        raise IntegrityError(f"{what} 应为 JSON 对象，而不是 {type(value).__name__}")
    for name, kind in fields.items():
        if type(value.get(name)) is not kind:  # `type is`, not isinstance: true is not a number here
            raise IntegrityError(f"{what} field {name!r} must be {kind.__name__}, "
                                 f"not {type(value.get(name)).__name__}")


def _check_file_entry(name: str, entry: object) -> None:
    relative = PurePosixPath(name)
    if relative.is_absolute() or ".." in relative.parts or not relative.parts:
        raise IntegrityError(f"清单列出了索引文件夹以外的文件：{name!r}")
    _check_fields(f"files[{name!r}]", entry, {"size": int, "crc32": int})
