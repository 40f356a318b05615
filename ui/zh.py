"""Gradio's own words in Chinese where its zh-CN catalogue (Gradio 6.31) has none.

They reach the page through gr.I18n, under Gradio's own keys, for browsers set to Chinese."""
from __future__ import annotations

from typing import Any

GRADIO_ZH = {"dataframe": {"filter": "筛选", "clear_filter": "清除筛选"}}


def gradio_i18n() -> Any:
    import gradio as gr

    return gr.I18n(**{"zh-CN": GRADIO_ZH, "zh": GRADIO_ZH})
