"""The declass record, format ``declass/1`` (see docs/record-format.md)."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any

FORMAT = "declass/1"


@dataclass(slots=True)
class Person:
    name: str
    office: str | None = None
    office_name: str | None = None
    phone: str | None = None


@dataclass(slots=True)
class Source:
    path: str
    media_type: str = "text/plain"
    bytes: int = 0
    pages: int = 0
    ocr: bool = False
    extractor: str = "text"
    encoding: str | None = None
    parent: str | None = None  # id of the archive or e-mail this document came out of


@dataclass(slots=True)
class Stamp:
    kind: str
    text: str
    page: int
    start: int
    end: int
    agency: str | None = None


@dataclass(slots=True)
class Release:
    agency: str | None = None
    status: str | None = None
    marking: str | None = None
    case_number: str | None = None
    doc_number: str | None = None
    record_number: str | None = None
    release_date: str | None = None
    review_authority: dict[str, str | None] | None = None
    exemptions: list[str] = field(default_factory=list)
    stamps: list[Stamp] = field(default_factory=list)


@dataclass(slots=True)
class Portion:
    mark: str
    level: str
    start: int
    end: int


@dataclass(slots=True)
class Classification:
    level: str | None = None
    banner: str | None = None
    sci: list[str] = field(default_factory=list)
    sap: list[str] = field(default_factory=list)
    aea: list[str] = field(default_factory=list)
    fgi: list[str] = field(default_factory=list)
    dissemination: list[str] = field(default_factory=list)
    rel_to: list[str] = field(default_factory=list)
    non_ic: list[str] = field(default_factory=list)
    classified_by: str | None = None
    reasons: list[str] = field(default_factory=list)
    derived_from: str | None = None
    declassify_on: str | None = None
    portions: list[Portion] = field(default_factory=list)
    # a classification added at review time (State's "Classified by DAS, A/GIS ..." block)
    review: dict[str, Any] | None = None


@dataclass(slots=True)
class Header:
    kind: str | None = None
    from_: str | None = None
    to: list[str] = field(default_factory=list)
    cc: list[str] = field(default_factory=list)
    date: str | None = None
    subject: str | None = None
    tags: list[str] = field(default_factory=list)
    refs: list[str] = field(default_factory=list)
    inferred: list[str] = field(default_factory=list)  # fields read from context, not printed


@dataclass(slots=True)
class Authorship:
    drafted: list[Person] = field(default_factory=list)
    cleared: list[Person] = field(default_factory=list)
    approved: list[Person] = field(default_factory=list)


@dataclass(slots=True)
class DocDate:
    value: str | None = None
    earliest: str | None = None
    latest: str | None = None
    basis: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Redaction:
    page: int
    start: int
    end: int
    kind: str  # inline | passage | page
    exemptions: list[str]
    raw: str
    confidence: float = 1.0


@dataclass(slots=True)
class Page:
    number: int
    start: int
    end: int
    method: str | None = None  # how the page was read: "text", "html", "email", "pdf-text", "ocr"
    quality: float | None = None  # 0..1, share of common words (see declass.read.quality); None: too little text
    ocr_confidence: float | None = None  # 0..1, Tesseract's mean word confidence (OCR'd pages)


@dataclass(slots=True)
class Noise:
    text: str
    page: int
    start: int
    end: int


@dataclass(slots=True)
class Record:
    id: str
    source: Source
    raw_text: str = ""
    text: str = ""
    pages: list[Page] = field(default_factory=list)
    release: Release = field(default_factory=Release)
    classification: Classification = field(default_factory=Classification)
    header: Header = field(default_factory=Header)
    authorship: Authorship = field(default_factory=Authorship)
    date: DocDate = field(default_factory=DocDate)
    redactions: list[Redaction] = field(default_factory=list)
    entities: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    quantities: list[dict[str, Any]] = field(default_factory=list)
    dates: list[dict[str, Any]] = field(default_factory=list)  # every date expression, resolved (declass addition)
    relations: list[dict[str, Any]] = field(default_factory=list)  # between entities, with evidence (declass addition)
    noise: list[Noise] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["header"]["from"] = d["header"].pop("from_")
        return {"format": FORMAT, **d}

    def to_json(self, indent: int | None = None) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Record:
        """Rebuild a record from its JSON form (the inverse of :meth:`to_dict`)."""
        rel = dict(d.get("release") or {})
        rel["stamps"] = [Stamp(**s) for s in rel.get("stamps") or []]
        cls_ = dict(d.get("classification") or {})
        cls_["portions"] = [Portion(**p) for p in cls_.get("portions") or []]
        hdr = dict(d.get("header") or {})
        hdr["from_"] = hdr.pop("from", None)
        auth = d.get("authorship") or {}
        return cls(
            id=d["id"],
            source=Source(**d["source"]),
            raw_text=d.get("raw_text", ""),
            text=d.get("text", ""),
            pages=[Page(**p) for p in d.get("pages") or []],
            release=Release(**rel),
            classification=Classification(**cls_),
            header=Header(**hdr),
            authorship=Authorship(**{k: [Person(**p) for p in auth.get(k) or []] for k in ("drafted", "cleared", "approved")}),
            date=DocDate(**(d.get("date") or {})),
            redactions=[Redaction(**r) for r in d.get("redactions") or []],
            entities=list(d.get("entities") or []),
            events=list(d.get("events") or []),
            quantities=list(d.get("quantities") or []),
            dates=list(d.get("dates") or []),
            relations=list(d.get("relations") or []),
            noise=[Noise(**n) for n in d.get("noise") or []],
            warnings=list(d.get("warnings") or []),
        )
