"""Giving freed memory back to the system during a large build."""
from __future__ import annotations

import ctypes
import gc
from functools import lru_cache


@lru_cache(maxsize=1)
def _libc() -> ctypes.CDLL | None:
    """The C library the process runs on. Not ctypes.util.find_library("c"): it runs `ldconfig -p` in a
    child process, which the kernel accounts with this process's resident size at that moment (the largest
    child's ru_maxrss: gigabytes counted twice when the first trim comes in the middle of a large build)."""
    try:
        libc = ctypes.CDLL(None)
    except (OSError, TypeError):  # Windows has no process-wide symbol table to open
        return None
    return libc if hasattr(libc, "malloc_trim") else None


def release_free_memory(collect: bool = True) -> None:
    """Collect garbage, then ask glibc to return its free heap pages (malloc_trim): the many small arrays a
    tokenizer merge frees would otherwise stay resident beside the large ones that replace them. A no-op
    where the C library has no malloc_trim (musl, macOS). collect=False skips the garbage collection."""
    if collect:
        gc.collect()
    libc = _libc()
    if libc is not None:
        libc.malloc_trim(0)
