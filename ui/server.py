"""Launching the app with a tight web surface: loopback unless told, optional login, only the
upload folder served, bounded queue and upload size, and ui.guard in front of every route.

Gradio reads GRADIO_TEMP_DIR when it is imported, so call prepare_environment before importing
gradio (ui.__main__ does)."""
from __future__ import annotations

import ipaddress
import os
from pathlib import Path
from typing import Any

from config import Config
from ui.uploads import remove_stale_uploads, upload_folders
from ui.zh import gradio_i18n

LOOPBACK = "127.0.0.1"
QUEUE_SIZE = 64  # events waiting beyond this get "queue full" instead of piling up
READ_CONCURRENCY = 4  # searches served at once; uploads and removals run one at a time


def prepare_environment(config: Config) -> Path:
    """Point Gradio's upload and cache folders into the data folder's upload area, with what an earlier
    run left there removed; no telemetry."""
    incoming, _ = upload_folders(config.data_dir)
    incoming.mkdir(parents=True, exist_ok=True)
    remove_stale_uploads(incoming)
    os.environ["GRADIO_TEMP_DIR"] = str(incoming)
    os.environ["GRADIO_EXAMPLES_CACHE"] = str(incoming / "examples")
    os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"
    os.environ.pop("GRADIO_ALLOWED_PATHS", None)
    return incoming


def parse_auth(value: str | None) -> tuple[str, str] | None:
    """USER:PASS to a login pair; ValueError for anything else."""
    if not value:
        return None
    user, sep, password = value.partition(":")
    if not sep or not user or not password:
        raise ValueError("--auth (或 POLICY_QA_AUTH) 的格式应为 USER:PASS，用户名和密码都不能为空")
    return user, password


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def blocked_paths(config: Config) -> list[str]:
    """Everything in the data folder except Gradio's incoming folder, refused even if asked for."""
    data = Path(config.data_dir).resolve()
    _, stored = upload_folders(data)
    return [str(data / "store.sqlite3"), str(data / "index"), str(stored), str(Path.cwd().resolve() / ".gradio")]


def launch_options(config: Config, host: str, port: int, auth: tuple[str, str] | None) -> dict[str, Any]:
    from starlette.middleware import Middleware

    from ui.guard import Guard, policy_for

    # app_kwargs reach Gradio's FastAPI app, so the guard sits in front of every route Gradio adds
    guard = Middleware(Guard, policy=policy_for(config, host))
    return dict(app_kwargs={"middleware": [guard]},
        server_name=host, server_port=port, auth=auth, auth_message="政策文件智能问答：请登录",
        allowed_paths=[], blocked_paths=blocked_paths(config), max_file_size=f"{config.max_upload_mb}mb",
        share=False, show_error=False, strict_cors=True, enable_monitoring=False, mcp_server=False,
        ssr_mode=False, pwa=False, run_history=False, footer_links=["api"], inbrowser=False,
    )


def serve(app: Any, config: Config, host: str = LOOPBACK, port: int = 7860,
          auth: tuple[str, str] | None = None, block: bool = True) -> Any:
    """Queue and launch the app; returns Gradio's (app, local_url, share_url) when not blocking."""
    import gradio as gr

    app.queue(max_size=QUEUE_SIZE, default_concurrency_limit=READ_CONCURRENCY)
    theme = gr.themes.Default(font=["Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", "system-ui", "sans-serif"],
                              font_mono=["Noto Sans Mono CJK SC", "ui-monospace", "monospace"])
    return app.launch(**launch_options(config, host, port, auth), prevent_thread_lock=not block, quiet=False,
                      theme=theme, css_paths=[Path(__file__).parent / "static" / "app.css"], i18n=gradio_i18n())
