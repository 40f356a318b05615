"""One writer per data folder: an fcntl lock on DATA/.write.lock."""
from __future__ import annotations

import fcntl
import os
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from ingest.oserrors import is_read_only, read_only_message


class WriteLockTimeout(Exception):
    """Another process held the data folder's write lock for longer than we were willing to wait."""


class DataFolderReadOnly(Exception):
    """The data folder cannot be written, so there is nothing a writer could do in it."""


class DataFolderUnusable(DataFolderReadOnly):
    """The data folder's path names a file, or a folder that cannot be made there."""


# Lock files this process holds open. A forked child (a worker process) would share the lock with us
# and keep it after we die; it closes its copies at once (closing never unlocks: LOCK_UN would).
_held: set[int] = set()


def _close_in_child() -> None:
    for handle in list(_held):
        try:
            os.close(handle)
        except OSError:
            pass
    _held.clear()


os.register_at_fork(after_in_child=_close_in_child)


@contextmanager
def write_lock(data_dir: str | Path, wait_s: float = 30.0) -> Iterator[Path]:
    """Hold the data folder's write lock for the duration of the block; the OS frees it if the process dies."""
    path = Path(data_dir) / ".write.lock"
    handle = _open(path)
    _held.add(handle)
    try:
        _acquire(handle, path, wait_s)
        try:
            os.ftruncate(handle, 0)
            os.write(handle, f"{os.getpid()}\n".encode())
            yield path
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
    finally:
        _held.discard(handle)
        os.close(handle)


def _open(path: Path) -> int:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        return os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as error:
        if is_read_only(error):
            raise DataFolderReadOnly(read_only_message("写入", path.parent)) from error
        if isinstance(error, (FileExistsError, NotADirectoryError)):
            raise DataFolderUnusable(f"数据文件夹 {path.parent} 是一个文件或在文件之下，不能用作数据文件夹；"
                                     "请用 --data 指定一个文件夹。") from error
        if isinstance(error, FileNotFoundError):
            raise DataFolderUnusable(f"无法在 {path.parent} 新建数据文件夹（上级文件夹不存在或不可用）；"
                                     "请用 --data 指定一个可以新建文件夹的位置。") from error
        raise


def _acquire(handle: int, path: Path, wait_s: float) -> None:
    deadline = time.monotonic() + wait_s
    while True:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() >= deadline:
                raise WriteLockTimeout(
                    f"另一个进程正在写入数据文件夹 {path.parent}（锁文件 {path} 已被占用超过 {wait_s:g} 秒），"
                    f"请等它完成后重试。") from None
            time.sleep(0.05)
