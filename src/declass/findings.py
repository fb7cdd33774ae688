"""Findings: what a recognizer saw, where, and why.

Every recognizer returns :class:`Finding` objects. Offsets are character offsets into the
document's ``raw_text``; assembly maps the ones that survive into the clean ``text``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class Finding:
    """One recognised fact with its evidence."""

    kind: str  # e.g. "banner", "stamp", "exemptions", "header.from"
    value: Any  # the normalised value
    start: int  # offset into raw_text
    end: int
    raw: str  # the string as printed
    rule: str  # the pattern or rule that produced it
    page: int = 1
    confidence: float = 1.0
    furniture: bool = False  # remove the span from the clean text
    extra: dict[str, Any] = field(default_factory=dict)
