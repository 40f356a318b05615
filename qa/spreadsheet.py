"""Cells that spreadsheet programs show as text, never run: the OWASP rule against CSV injection."""
from __future__ import annotations

# A text cell starting with one of these is read by Excel or LibreOffice as a formula (=HYPERLINK(…), +, -, @)
# or becomes one once the leading tab or carriage return is trimmed.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> object:
    """Text starting like a formula gets a leading apostrophe; numbers stay numbers, negative ones too."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value
