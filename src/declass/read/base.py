"""What every reader returns, and the dispatcher over readers."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field

from declass import settings
from declass.read import pdf, sniff, text


class ReadError(Exception):
    """A file that cannot be read, with the reason a user can act on."""


@dataclass(slots=True)
class Reading:
    path: str
    sha256: str
    size: int
    media_type: str
    raw_text: str
    extractor: str
    encoding: str | None = None
    ocr: bool = False
    warnings: list[str] = field(default_factory=list)


def read_bytes(data: bytes, path: str = "<bytes>") -> Reading:
    """Read one document held in memory. Raises :class:`ReadError` with a clear reason."""
    digest = hashlib.sha256(data).hexdigest()
    limit = settings.get().max_bytes
    if len(data) > limit:
        raise ReadError(f"file is {len(data):,} bytes, over the limit of {limit:,} (setting max_bytes)")
    media_type = sniff.media_type(data, path)
    if media_type == "text/plain" or media_type == "text/markdown":
        raw, encoding, warnings = text.decode(data)
        return Reading(path, digest, len(data), media_type, raw, "text", encoding, False, warnings)
    if media_type == "application/pdf":
        try:
            pages, extractor, warnings = pdf.read(data)
        except pdf.PdfError as e:
            raise ReadError(str(e)) from e
        return Reading(path, digest, len(data), media_type, "\f".join(pages), extractor, None, False, warnings)
    if media_type == "application/x-empty":
        return Reading(path, digest, 0, "text/plain", "", "text", None, False, ["empty file: no text to read"])
    raise ReadError(f"unsupported content ({media_type}): declass reads text and PDF text layers in this version")


def read_path(path: str | os.PathLike[str]) -> Reading:
    p = os.fspath(path)
    try:
        size = os.path.getsize(p)
    except OSError as e:
        raise ReadError(f"cannot open: {e.strerror or e}") from e
    limit = settings.get().max_bytes
    if size > limit:
        raise ReadError(f"file is {size:,} bytes, over the limit of {limit:,} (setting max_bytes)")
    try:
        with open(p, "rb") as f:
            data = f.read()
    except OSError as e:
        raise ReadError(f"cannot read: {e.strerror or e}") from e
    return read_bytes(data, p)
