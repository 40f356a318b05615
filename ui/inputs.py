"""Whatever a browser or script sends, made into text the rest of the app can search, store and echo.

A lone surrogate ("\\ud800" in the request's JSON) is a valid Python string but cannot be encoded as
UTF-8: echoed into a response it breaks Gradio's event stream. Control characters have no place in a
question or a name either."""
from __future__ import annotations

import re

_SURROGATES = re.compile("[\ud800-\udfff]")
_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f]")


class BadInput(ValueError):
    """A request parameter of the wrong kind; the message is for the user."""


def clean_text(value: object) -> str:
    """value as text without surrogates or control characters (those become spaces), stripped."""
    text = "" if value is None else value if isinstance(value, str) else str(value)
    return _CONTROLS.sub(" ", _SURROGATES.sub("", text)).strip()


def text_list(value: object, limit: int, what: str, setting: str) -> list[str]:
    """A list parameter as at most `limit` distinct non-empty texts; one text counts as a list of one."""
    if value is None:
        return []
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, (list, tuple)):
        raise BadInput(f"{what}应为文本列表。")
    texts = list(dict.fromkeys(t for t in map(clean_text, items) if t))
    if len(texts) > limit:
        raise BadInput(f"{what}最多 {limit} 项（收到 {len(texts)} 项）；请减少，或请管理员调高 {setting}。")
    return texts


def whole_number(value: object, low: int, high: int, what: str) -> int:
    """value as an int clipped to [low, high]; BadInput when it is not a number."""
    try:
        number = int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError, OverflowError):
        raise BadInput(f"{what}应为 {low} 到 {high} 之间的整数。") from None
    return max(low, min(number, high))
