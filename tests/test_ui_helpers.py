"""Starting the real app (python -m ui) on a free loopback port for the UI tests; no tests here."""
from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parents[1]
STARTUP_S = 90


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def copy_data(source: Path, target: Path) -> Path:
    shutil.copytree(source, target)
    return target


@contextmanager
def running_app(data_dir: Path, *extra: str, env: dict[str, str] | None = None) -> Iterator[str]:
    """python -m ui serving data_dir (offline encoder); yields its URL, stops it afterwards."""
    port = free_port()
    command = [sys.executable, "-m", "ui", "--data", str(data_dir), "--port", str(port), "--model", "", *extra]
    log_path = data_dir.parent / f"server-{port}.log"
    # The server appends (its writes never land where a read left the shared offset); the log is read apart.
    log = log_path.open("ab")
    process = subprocess.Popen(command, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
                               env={**os.environ, **(env or {})})
    try:
        yield wait_for_url(process, log_path, port)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


def wait_for_url(process: subprocess.Popen, log_path: Path, port: int) -> str:
    deadline = time.monotonic() + STARTUP_S
    while time.monotonic() < deadline:
        # a read may end inside a character the server is still writing
        text = log_path.read_text(encoding="utf-8", errors="replace")
        found = re.search(r"Running on local URL:\s+(\S+)", text)
        if found:
            return found.group(1).rstrip("/")
        if process.poll() is not None:
            raise RuntimeError(f"python -m ui exited with {process.returncode}:\n{text[-3000:]}")
        time.sleep(0.2)
    raise TimeoutError(f"python -m ui did not start on port {port} within {STARTUP_S} s")


def server_log(data_dir: Path) -> str:
    return "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in data_dir.parent.glob("server-*.log"))
