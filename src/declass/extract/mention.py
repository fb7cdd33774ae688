"""A mention: a span of the clean text that names something, and what it names."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    text: str
    type: str  # person | organization | place
    key: str  # what it names: the same key across documents means the same entity
    name: str  # the canonical name of what it names
    source: str  # which recognizer: pack:<name>, acronym, gazetteer, model:<name>
    priority: int  # overlapping mentions: the higher wins
    attributes: dict[str, Any] = field(default_factory=dict)
    title: str | None = None  # "President" before "Calderon"

    def overlaps(self, other: Mention) -> bool:
        return self.start < other.end and other.start < self.end
