"""Giving freed memory back to the system during a large build."""
from __future__ import annotations

import ctypes
import ctypes.util
import gc
from functools import lru_cache


@lru_cache(maxsize=1)
def _libc() -> ctypes.CDLL | None:
    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name) if name else None
    except OSError:
        return None
    return libc if libc is not None and hasattr(libc, "malloc_trim") else None


def release_free_memory(collect: bool = True) -> None:
    """Collect garbage, then ask glibc to return its free heap pages (malloc_trim): the many small arrays a
    tokenizer merge frees would otherwise stay resident beside the large ones that replace them. A no-op
    where the C library has no malloc_trim (musl, macOS). collect=False skips the garbage collection."""
    if collect:
        gc.collect()
    libc = _libc()
    if libc is not None:
        libc.malloc_trim(0)
