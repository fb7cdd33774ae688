"""Drafted / Cleared / Approved chains (State memos and cables): office symbol, name, phone."""

from __future__ import annotations

import re

from declass.anatomy import offices
from declass.record import Person, Record

_LABEL = re.compile(r"^[^\S\n]*(?P<label>Drafted|Cleared|Approved)(?:[^\S\n]+by)?[^\S\n]*:?[^\S\n]*(?P<rest>[^\n]*)$", re.I | re.M)
_OFFICE = r"(?P<office>[A-Z]{1,5}(?:/[A-Z0-9-]{1,8}){0,3})"
_PHONE = r"(?P<phone>(?:x\s?)?\d-\d{4}|\(\d{3}\)\s?\d{3}-\d{4}|\d{3}-\d{3}-\d{4})"
_NAME = r"(?P<name>[A-Z][A-Za-z.'’-]*(?:[^\S\n]+[A-Z][A-Za-z.'’-]*){0,3}|[A-Z][a-z]?[A-Z][a-z]+)"
_ENTRY = re.compile(
    r"^[^\S\n]*"
    + _OFFICE
    + r"(?:[^\S\n]*[:\-–][^\S\n]*|[^\S\n]+)"
    + _NAME
    + r"(?:[^\S\n]*,?[^\S\n]*"
    + _PHONE
    + r")?[^\S\n]*(?:\((?P<status>ok|info|subs|draft|in draft)\))?[^\S\n]*$"
)


def _person(line: str) -> Person | None:
    m = _ENTRY.match(line)
    if not m:
        return None
    office = m.group("office")
    if office not in offices.table() and office.split("/")[0] not in offices.table():
        return None
    phone = m.group("phone")
    if phone:
        phone = phone.lstrip("x ").strip()
    return Person(name=m.group("name").strip(), office=office, office_name=offices.expand(office), phone=phone)


def read(rec: Record) -> None:
    text = rec.text
    labels = list(_LABEL.finditer(text))
    if not labels:
        return
    for i, m in enumerate(labels):
        role = m.group("label").lower()
        end = labels[i + 1].start() if i + 1 < len(labels) else min(len(text), m.end() + 2000)
        block = [m.group("rest"), *text[m.end() : end].split("\n")]
        people: list[Person] = []
        blanks = 0
        for ln in block:
            if not ln.strip():
                blanks += 1
                if blanks > 2 and people:
                    break
                continue
            blanks = 0
            p = _person(ln)
            if p is None:
                if people or ln is not block[0]:
                    break
                continue
            people.append(p)
        getattr(rec.authorship, role).extend(people)
