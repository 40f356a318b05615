"""Worker processes for CPU-bound Python (parsing, jieba): how many, and how to start them."""
from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys

PR_SET_PDEATHSIG = 1  # linux/prctl.h


def cores() -> int:
    """CPUs this process may run on (the affinity mask, not the machine's count)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def process_context(preload: list[str]) -> multiprocessing.context.BaseContext:
    """fork where it is safe: it starts at once and does not re-run the parent's __main__. Not once
    torch is loaded (its thread pools and locks do not survive a fork): then a fork server that has
    imported only the preload modules, which needs the usual `if __name__ == "__main__"` guard in scripts."""
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and "torch" not in sys.modules:
        return multiprocessing.get_context("fork")
    if "forkserver" not in methods:
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(preload)
    return context


def die_with_parent() -> None:
    """In a worker process: be killed the moment the process that started it dies (Linux), so no orphan
    keeps parsing after the app is killed; a no-op elsewhere. Pool initializers call it first."""
    parent = os.getppid()
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):  # no prctl: not Linux
        return
    if os.getppid() != parent:  # the parent died before the signal was armed
        os._exit(1)
