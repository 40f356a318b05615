"""Chinese sentences for the ways the disk can refuse a write: full, read-only, no permission."""
from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

FULL = {errno.ENOSPC, errno.EDQUOT}
READ_ONLY = {errno.EROFS, errno.EACCES, errno.EPERM}


def is_disk_full(error: BaseException) -> bool:
    return isinstance(error, OSError) and error.errno in FULL


def is_read_only(error: BaseException) -> bool:
    return isinstance(error, OSError) and error.errno in READ_ONLY


def writable(folder: Path) -> bool:
    """Whether this process may create files in folder (a read-only mount refuses even root)."""
    return os.access(folder, os.W_OK | os.X_OK)


def free_mb(folder: Path) -> float:
    try:
        return shutil.disk_usage(folder).free / 1024 / 1024
    except OSError:
        return 0.0


def folder_mb(folder: Path | None) -> float:
    """Size of the files under folder, in MB (0 when there is none)."""
    if folder is None or not folder.is_dir():
        return 0.0
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1024 / 1024


def disk_full_message(what: str, folder: Path, need_mb: float) -> str:
    return (f"磁盘空间不足：{what}时 {folder} 所在的磁盘已满（剩余约 {free_mb(folder):.0f} MB）。"
            f"写了一半的内容已撤销，已有的索引和文档不受影响。请在该磁盘上腾出至少 {max(need_mb, 1):.0f} MB"
            f"（例如删除不再需要的文件或旧的备份）后重试。")


def read_only_message(what: str, folder: Path) -> str:
    return (f"数据文件夹 {folder} 不可写（只读挂载或没有写权限），无法{what}；已有的索引仍可检索。"
            f"要导入或删除文档、重建索引，请让运行本程序的用户对该文件夹有写权限后重试。")


def write_failure_message(error: OSError, what: str, folder: Path, need_mb: float) -> str:
    """The sentence for an OSError met while writing under folder. numpy reports a short write without
    an errno ("N requested and M written"): then the free space tells."""
    if is_disk_full(error) or (error.errno is None and free_mb(folder) < max(need_mb, 1)):
        return disk_full_message(what, folder, need_mb)
    if is_read_only(error):
        return read_only_message(what, folder)
    return f"{what}失败：{error.strerror or error}（{folder}）；已有的索引和文档不受影响，请检查该磁盘后重试。"
