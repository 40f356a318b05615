"""One writer per data folder: an fcntl lock on DATA/.write.lock."""
from __future__ import annotations

import fcntl
import os
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator


class WriteLockTimeout(Exception):
    """Another process held the data folder's write lock for longer than we were willing to wait."""


@contextmanager
def write_lock(data_dir: str | Path, wait_s: float = 30.0) -> Iterator[Path]:
    """Hold the data folder's write lock for the duration of the block; the OS frees it if the process dies."""
    path = Path(data_dir) / ".write.lock"
    path.parent.mkdir(parents=True, exist_ok=True)
    handle = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        _acquire(handle, path, wait_s)
        try:
            os.ftruncate(handle, 0)
            os.write(handle, f"{os.getpid()}\n".encode())
            yield path
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
    finally:
        os.close(handle)


def _acquire(handle: int, path: Path, wait_s: float) -> None:
    deadline = time.monotonic() + wait_s
    while True:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() >= deadline:
                raise WriteLockTimeout(
                    f"another process is writing to the data folder {path.parent} (lock {path} held "
                    f"for more than {wait_s:g} s); wait for it to finish and try again") from None
            time.sleep(0.05)
