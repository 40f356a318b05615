"""Thread pinning: one BLAS/OpenMP thread per query keeps latency steady on small shared machines
(FAISS with OpenBLAS threading is unstable on 2 cores), and several threads only for bulk work."""
from __future__ import annotations

import os

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
