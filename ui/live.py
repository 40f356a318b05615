"""Keeping a running app's library current when another process changes it (python -m ingest, another app).

A daemon thread compares the store's corpus hash, a cheap read of the documents table, with the one the
live index was built from; on a difference it refreshes the engine as an upload does."""
from __future__ import annotations

import logging
import threading

log = logging.getLogger("ui")
CHECK_S = 2.0
MAX_WAIT_S = 60.0  # a refresh that keeps failing (read-only folder, long writer) is retried this seldom


def is_stale(engine) -> bool:
    """The store holds other documents than the live index was built from, or (with Milvus) another data
    folder on the same URI changed the library."""
    return (engine.store.corpus_hash() != engine.library().snapshot.manifest.get("corpus_hash")
            or engine.library_changed_elsewhere())


def catch_up(engine) -> bool:
    """Refresh a stale engine (searchable by words at once, vectors in the background); whether it is
    current afterwards."""
    if not is_stale(engine):
        return True
    print("文库已在别处更新：正在重新载入索引…", flush=True)
    try:
        engine.refresh(defer_vectors=True)
    except Exception as error:  # the live index keeps serving; the next check tries again
        log.warning("reloading the library failed: %s", error)
        return False
    engine.fill_vectors_in_background()
    return not is_stale(engine)


def watch(engine, stop: threading.Event, every_s: float = CHECK_S) -> None:
    """Check every every_s seconds until stop is set; after a failed refresh wait twice as long."""
    wait = every_s
    while not stop.wait(wait):
        try:
            current = catch_up(engine)
        except Exception as error:  # a check must never end the watcher
            log.warning("checking the library failed: %s", error)
            current = False
        wait = every_s if current else min(wait * 2, MAX_WAIT_S)


def start_watching(engine, every_s: float = CHECK_S) -> threading.Event:
    """The watcher in a daemon thread; set the returned event to stop it."""
    stop = threading.Event()
    threading.Thread(target=watch, args=(engine, stop, every_s), name="library-watch", daemon=True).start()
    return stop
