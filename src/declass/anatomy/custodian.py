"""The custodian of an e-mail release: whose mailbox it is.

A FOIA release of one official's e-mail prints that person in nearly every message; where the
top message's ``To:`` line is blank (the custodian's own address withheld or dropped at export), a
reader infers it was addressed to the custodian. This needs the whole release, so it runs over a
batch of records after they are read, and marks what it fills in ``header.inferred``."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from declass.record import Record

MIN_EMAILS = 10  # fewer e-mails than this in a release: no inference
MIN_SHARE = 0.3  # the custodian appears in at least this share of the release's e-mails
MIN_LEAD = 1.5  # ... and this many times as often as the next person


def person_key(s: str | None) -> str:
    """``H <hrod17@clintonemail.com>`` -> ``h``: a name without its address, for counting."""
    return re.sub(r"\s*[<\[(].*$", "", s or "").strip().strip("'\"").lower()


@dataclass
class Custodians:
    """Counts participants per release (case number) as records stream past."""

    emails: Counter[str] = field(default_factory=Counter)
    people: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    names: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))

    def add(self, rec: Record) -> None:
        h = rec.header
        if h.kind != "email":
            return
        case = rec.release.case_number or ""
        self.emails[case] += 1
        seen = set()
        for p in [h.from_, *[t for t in h.to if "to" not in h.inferred]]:
            k = person_key(p)
            if k and k not in seen:
                seen.add(k)
                self.people[case][k] += 1
                self.names[k][re.sub(r"\s*[<\[(].*$", "", p or "").strip()] += 1

    def custodian(self, case: str) -> tuple[str, str] | None:
        """(display name, reason) of the release's custodian, if one stands out."""
        n = self.emails[case]
        ranked = self.people[case].most_common(2)
        if n < MIN_EMAILS or not ranked:
            return None
        top, count = ranked[0]
        runner = ranked[1][1] if len(ranked) > 1 else 0
        if count < MIN_SHARE * n or count < MIN_LEAD * runner:
            return None
        name = self.names[top].most_common(1)[0][0]
        return name, f"custodian of release {case or '(no case number)'}: {name} is in {count} of its {n} e-mails"

    @staticmethod
    def needs(rec: Record) -> bool:
        """Could this record gain an addressee from the custodian?"""
        return rec.header.kind == "email" and not rec.header.to

    def apply(self, rec: Record) -> bool:
        if not self.needs(rec):
            return False
        found = self.custodian(rec.release.case_number or "")
        if found is None or person_key(found[0]) == person_key(rec.header.from_):
            return False
        rec.header.to = [found[0]]
        rec.header.inferred.append("to")
        rec.warnings.append(f"header.to inferred: {found[1]}")
        return True
