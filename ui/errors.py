"""Turning any failure into a Chinese message in Gradio's error toast, never a stack trace."""
from __future__ import annotations

from html import escape
from typing import Any, Callable

import gradio as gr

from ui.actions import explain


def guarded(fn: Callable[..., Any], *args: Any) -> Any:
    """fn(*args); a failure becomes gr.Error with the explained message (escaped: the toast renders HTML)."""
    try:
        return fn(*args)
    except Exception as error:
        raise gr.Error(escape(explain(error)), title="出错了", print_exception=False) from None
