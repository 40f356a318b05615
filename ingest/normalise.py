"""Compatibility characters folded to the ordinary ones, for documents and queries alike."""
from __future__ import annotations

import re
import unicodedata

# PDF printers emit Kangxi and CJK radicals (⼀ ⽅) for ideographs, compatibility ideographs, and full-width
# digits and letters. Only these blocks are folded: plain NFKC would also turn the full-width Chinese
# punctuation （）：，；！？ and circled numbers ① into ASCII, which changes what readers see.
_FOLDED_BLOCKS = (
    (0x2E80, 0x2EFF),  # CJK Radicals Supplement
    (0x2F00, 0x2FDF),  # Kangxi Radicals
    (0xF900, 0xFAFF),  # CJK Compatibility Ideographs
    (0x2F800, 0x2FA1F),  # CJK Compatibility Ideographs Supplement
    (0xFF10, 0xFF19),  # full-width digits
    (0xFF21, 0xFF3A),  # full-width capital letters
    (0xFF41, 0xFF5A),  # full-width small letters
)


def _fold_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for first, last in _FOLDED_BLOCKS:
        for code in range(first, last + 1):
            folded = unicodedata.normalize("NFKC", chr(code))
            if folded != chr(code):
                table[code] = folded
    return table


_FOLD = _fold_table()
_FOLDABLE = re.compile("[" + "".join(f"{chr(first)}-{chr(last)}" for first, last in _FOLDED_BLOCKS) + "]")


def fold_compat(text: str) -> str:
    """text with radicals, compatibility ideographs and full-width digits and letters folded (NFKC per
    character): ⼀、 → 一、, 实施⽅案 → 实施方案, ２０３０ → 2030; （）：，；！？ and ① stay as they are."""
    return text.translate(_FOLD) if _FOLDABLE.search(text) else text  # translate looks up every character
