"""Thread pinning: one BLAS/OpenMP thread per query keeps latency steady on small shared machines
(FAISS with OpenBLAS threading is unstable on 2 cores), and several threads only for bulk work."""
from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

from workers import cores

_limits: object | None = None


def pin_threads(threads: int = 1) -> None:
    """Limit FAISS OpenMP and numpy/scipy BLAS pools to `threads` for this process."""
    global _limits
    os.environ.setdefault("OMP_NUM_THREADS", str(threads))
    import faiss

    faiss.omp_set_num_threads(threads)
    try:
        from threadpoolctl import threadpool_limits

        _limits = threadpool_limits(limits=threads)
    except ImportError:  # threadpoolctl comes with scikit-learn; without it BLAS keeps its default
        _limits = None


@contextmanager
def bulk_threads(threads: int | None = None) -> Iterator[None]:
    """Every core for FAISS OpenMP and BLAS inside the block (an index build), then back to what
    the process had before (one thread, once the engine has pinned itself)."""
    import faiss

    threads = threads or cores()
    before = faiss.omp_get_max_threads()
    faiss.omp_set_num_threads(threads)
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:
        threadpool_limits = None
    try:
        if threadpool_limits is None:
            yield
        else:
            with threadpool_limits(limits=threads):
                yield
    finally:
        faiss.omp_set_num_threads(before)
