"""Files an earlier run left in Gradio's upload folder are removed when the app starts; uploads that may
belong to another running app stay."""
from __future__ import annotations

import os
import time

from config import load_config
from ui.server import prepare_environment
from ui.uploads import upload_folders


def test_starting_the_app_removes_uploads_an_earlier_run_left(tmp_path, monkeypatch):
    for name in ("GRADIO_TEMP_DIR", "GRADIO_EXAMPLES_CACHE", "GRADIO_ANALYTICS_ENABLED"):
        monkeypatch.setenv(name, os.environ.get(name, ""))
    incoming, _ = upload_folders(tmp_path)
    (incoming / "abc123").mkdir(parents=True)
    left = incoming / "abc123" / "plan.pdf"
    left.write_bytes(b"%PDF-1.4 left over")
    hours_ago = time.time() - 3 * 3600
    os.utime(left, (hours_ago, hours_ago))
    in_flight = incoming / "def456.txt"
    in_flight.write_text("另一个进程正在上传", encoding="utf-8")

    prepare_environment(load_config(tmp_path))

    assert not left.exists() and not (incoming / "abc123").exists()
    assert in_flight.read_text(encoding="utf-8") == "另一个进程正在上传"
