"""What was read from snapshot files, kept while those files stay the same (device, inode, size, mtime): a
grown snapshot hard-links its unchanged files from the previous one, so a refresh need not parse them again.
Snapshot files are never written in place; one damaged in place gets a new mtime and is read (and checked) anew."""
from __future__ import annotations

from collections import OrderedDict
from pathlib import Path
from typing import Callable, TypeVar

KEEP = 4  # the live and the previous snapshot's FAISS index and two BM25 main segments each, at most
T = TypeVar("T")
_kept: OrderedDict[tuple, object] = OrderedDict()


def read_once(paths: list[Path], read: Callable[[], T]) -> T:
    """read(), or what it returned before for these very files."""
    key = tuple((p.name, s.st_dev, s.st_ino, s.st_size, s.st_mtime_ns) for p, s in ((p, p.stat()) for p in paths))
    if key in _kept:
        _kept.move_to_end(key)
        return _kept[key]
    value = _kept[key] = read()
    while len(_kept) > KEEP:
        _kept.popitem(last=False)
    return value
