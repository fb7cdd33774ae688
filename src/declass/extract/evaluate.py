"""Person / organisation / place recognition measured against hand labels, by name match.

A labels file is JSON Lines, one document a line: ``{"id", "filename", "text", "entities": [{"type",
"name", "variants"}]}``; ``variants`` are the other spellings the document prints (OCR damage
included). A labelled entity is found when an entity of its type in the record has a name, an
alias or a mention equal to the label's name or one of its variants (case, accents and
punctuation folded). An entity of the record is right when one of its strings equals a string of
a labelled entity of its type. Precision counts the record's entities, recall the labels.

    declass entities score labels.jsonl [--show]
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from declass.extract.textutil import fold

TYPES = ("person", "organization", "place")


@dataclass
class Score:
    found: int = 0  # labels found
    labels: int = 0
    right: int = 0  # entities of the record that match a label
    entities: int = 0

    @property
    def precision(self) -> float:
        return self.right / self.entities if self.entities else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.labels if self.labels else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    scores: dict[str, Score] = field(default_factory=lambda: {t: Score() for t in TYPES})
    missed: list[tuple[str, str, str]] = field(default_factory=list)  # (document, type, label)
    extra: list[tuple[str, str, str]] = field(default_factory=list)  # (document, type, entity)


def _strings(entity: dict[str, Any]) -> set[str]:
    names = [entity.get("name") or "", *(entity.get("aliases") or [])]
    names += [m.get("text") or "" for m in entity.get("mentions") or []]
    return {fold(n) for n in names if n}


def labelled(path: Path) -> Iterator[dict[str, Any]]:
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            yield json.loads(line)


def compare(doc_id: str, labels: list[dict[str, Any]], entities: list[dict[str, Any]], report: Report) -> None:
    """Add one document's comparison to ``report``."""
    for t in TYPES:
        gold = [e for e in labels if e["type"] == t]
        gold_names = [{fold(n) for n in [e["name"], *e.get("variants", [])]} for e in gold]
        every = set().union(*gold_names) if gold_names else set()
        mine = [e for e in entities if e.get("type") == t]
        s = report.scores[t]
        for e, names in zip(gold, gold_names):
            s.labels += 1
            if any(_strings(m) & names for m in mine):
                s.found += 1
            else:
                report.missed.append((doc_id, t, e["name"]))
        for m in mine:
            s.entities += 1
            if _strings(m) & every:
                s.right += 1
            else:
                report.extra.append((doc_id, t, m["name"]))


def score(path: Path) -> Report:
    """Parse each labelled document's text as declass would read the file and compare."""
    from declass.pipeline import parse_bytes

    report = Report()
    for doc in labelled(path):
        rec = parse_bytes(doc["text"].encode("utf-8"), doc["filename"])
        compare(doc["id"], doc["entities"], rec.entities, report)
    return report
