"""Per-client limits of the web app: login back-off, hourly upload quota, and the disk-space floor.

Clients are told apart by their address; behind a reverse proxy they all share the proxy's."""
from __future__ import annotations

import shutil
import time
from collections import deque
from pathlib import Path
from typing import Callable

MB = 1024 * 1024
MAX_WAIT_S = 900.0  # the back-off stops doubling at 15 minutes
MAX_CLIENTS = 10_000  # addresses remembered; beyond this the oldest are forgotten


class LoginThrottle:
    """Failed logins per client; after `free_failures` of them each further attempt waits twice as long."""

    def __init__(self, free_failures: int, backoff_s: float, clock: Callable[[], float] = time.monotonic):
        self.free_failures, self.backoff_s, self.clock = max(free_failures, 1), backoff_s, clock
        self._failures: dict[str, int] = {}
        self._until: dict[str, float] = {}

    def wait_s(self, client: str) -> float:
        """Seconds this client must still wait before it may try again (0 when it may)."""
        return max(0.0, self._until.get(client, 0.0) - self.clock())

    def attempt(self, client: str) -> None:
        """Counts an attempt as failed until it succeeds, so parallel guesses are counted at once."""
        failures = self._failures.pop(client, 0) + 1
        self._failures[client] = failures
        if failures >= self.free_failures:
            wait = min(self.backoff_s * 2 ** (failures - self.free_failures), MAX_WAIT_S)
            self._until[client] = self.clock() + wait
        _forget_oldest(self._failures, self._until)

    def succeeded(self, client: str) -> None:
        self._failures.pop(client, None)
        self._until.pop(client, None)


class UploadQuota:
    """Bytes accepted from each client over the last `window_s` seconds."""

    def __init__(self, limit_mb: int, window_s: float = 3600.0, clock: Callable[[], float] = time.monotonic):
        self.limit_mb, self.window_s, self.clock = limit_mb, window_s, clock
        self._taken: dict[str, deque[tuple[float, int]]] = {}

    def used(self, client: str) -> int:
        taken = self._taken.get(client, deque())
        while taken and taken[0][0] <= self.clock() - self.window_s:
            taken.popleft()
        return sum(size for _, size in taken)

    def take(self, client: str, size: int) -> bool:
        """Records size bytes for the client and returns True, or False when that would pass the quota."""
        if self.used(client) + size > self.limit_mb * MB:
            return False
        self._taken.setdefault(client, deque()).append((self.clock(), size))
        _forget_oldest(self._taken)
        return True

    def refusal(self) -> str:
        return (f"上传量已达上限：每个地址每小时最多上传 {self.limit_mb} MB；请稍后再试，"
                f"或请管理员调高 POLICY_QA_UPLOAD_QUOTA_MB。")


def disk_floor_refusal(data_dir: Path, incoming_bytes: int, floor_mb: int) -> str | None:
    """Why storing incoming_bytes more under data_dir would leave less free space than the floor, or None."""
    free = shutil.disk_usage(_existing(Path(data_dir))).free
    if free - incoming_bytes >= floor_mb * MB:
        return None
    return (f"磁盘空间不足：数据文件夹所在磁盘剩余 {free / MB:.0f} MB，上传后将低于保留下限 {floor_mb} MB"
            f"（POLICY_QA_MIN_FREE_DISK_MB）；请清理磁盘后再上传。")


def _existing(path: Path) -> Path:
    while not path.exists() and path != path.parent:
        path = path.parent
    return path


def _forget_oldest(*tables: dict) -> None:
    """Keeps memory bounded when many addresses come by; dicts keep insertion order, oldest first."""
    for table in tables:
        while len(table) > MAX_CLIENTS:
            table.pop(next(iter(table)))
