"""Record numbers: NARA JFK RIF numbers (``104-10003-10001``: agency-series-item)."""

from __future__ import annotations

import os
import re

_RIF = re.compile(r"(?<![\d-])([1-9]\d{2})\s?[-~—–]{1,2}\s?(\d(?:\s?\d){4})\s?[-~—–]{1,2}\s?(\d(?:\s?\d){4})(?![\d-])")
_RIF_NAME = re.compile(r"(?<!\d)([1-9]\d{2})-(\d{5})-(\d{5})(?!\d)")
_LABEL = re.compile(r"RECORD\s*(?:NUMBER|NO\.?|#)\s*[:.;]?", re.I)


def record_number(raw: str, path: str) -> str | None:
    """A RIF number: the one after a RECORD NUMBER label, else the first in the text, else the
    one in the file name (NARA names its files by record number)."""
    head = raw[:6000]
    m = _LABEL.search(head)
    if m:
        n = _RIF.search(head, m.end(), m.end() + 400)
        if n:
            return _join(n)
    n = _RIF.search(head)
    if n and n.group(1)[0] in "1":
        return _join(n)
    n = _RIF_NAME.search(os.path.basename(path))
    if n:
        return _join(n)
    return None


def _join(m: re.Match[str]) -> str:
    return "-".join(g.replace(" ", "") for g in m.groups())
