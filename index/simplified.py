"""Traditional to simplified Chinese with zhconv's zh-cn table, without walking text the table cannot change."""
from __future__ import annotations

import re
import warnings
from collections import defaultdict

with warnings.catch_warnings():  # setuptools < 81 (pinned for milvus-lite) warns on zhconv's pkg_resources import
    warnings.filterwarnings("ignore", message="pkg_resources is deprecated")
    import zhconv
    from zhconv.zhconv import getdict

LOCALE = "zh-cn"


def _changing_keys() -> tuple[frozenset[str], re.Pattern, dict[str, list[str]]]:
    """The table's keys that convert to something else: the one-character ones, and the longer ones without
    such a character by their first two characters (with a pattern finding where such a pair may start)."""
    table = getdict(LOCALE)
    changing = [key for key, value in table.items() if key != value]
    singles = {key for key in changing if len(key) == 1}
    by_pair: dict[str, list[str]] = defaultdict(list)
    for key in changing:
        if len(key) > 1 and not singles.intersection(key):
            by_pair[key[:2]].append(key)
    firsts, seconds = ("".join(sorted({pair[i] for pair in by_pair})) for i in (0, 1))
    return frozenset(singles), re.compile(f"[{re.escape(firsts)}](?=[{re.escape(seconds)}])"), dict(by_pair)


_SINGLES, _PAIR_START, _BY_PAIR = _changing_keys()
_PAIRS = frozenset(_BY_PAIR)


def holds_changing_key(text: str) -> bool:
    """Whether a key the table converts occurs in text. zhconv's output joins, left to right, the longest key
    at each position converted, or the character itself: when no converting key occurs, that is the text."""
    if not _SINGLES.isdisjoint(text):
        return True
    pairs = _PAIRS.intersection({text[m.start():m.start() + 2] for m in _PAIR_START.finditer(text)})
    return any(key in text for pair in pairs for key in _BY_PAIR[pair])


def to_simplified(text: str) -> str:
    """zhconv.convert(text, "zh-cn"), the same string, at the cost of a scan where nothing converts."""
    return zhconv.convert(text, LOCALE) if holds_changing_key(text) else text
