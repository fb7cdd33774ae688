"""What every reader returns, and the dispatcher over readers."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from dataclasses import dataclass, field

from declass import settings
from declass.read import containers, html, image, pdf, sniff, text
from declass.read.page import PageInfo

IMAGE_TYPES = frozenset({"image/png", "image/jpeg", "image/tiff", "image/gif"})


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
    parent: str | None = None  # sha256 of the archive or e-mail this document came out of
    page_info: list[PageInfo] = field(default_factory=list)  # per physical page ("\f"-separated), when the reader knows


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
    if media_type == "text/html":
        markup, encoding, warnings = text.decode(data)
        return Reading(path, digest, len(data), media_type, html.to_text(markup), "html", encoding, False, warnings)
    if media_type == "application/pdf":
        try:
            got = pdf.read(data)
        except pdf.PdfError as e:
            raise ReadError(str(e)) from e
        return Reading(path, digest, len(data), media_type, "\f".join(got.pages), got.extractor, None, got.ocr, got.warnings, page_info=got.info)
    if media_type in IMAGE_TYPES:
        try:
            img = image.read(data)
        except image.ImageError as e:
            raise ReadError(str(e)) from e
        return Reading(path, digest, len(data), media_type, "\f".join(img.pages), img.extractor, None, True, img.warnings, page_info=img.info)
    if media_type == "application/x-empty":
        return Reading(path, digest, 0, "text/plain", "", "text", None, False, ["empty file: no text to read"])
    raise ReadError(f"unsupported content ({media_type}): declass reads text, HTML, PDF, page images, e-mail and archives")


def read_path(path: str | os.PathLike[str]) -> Reading:
    """Read one file as one document (see :func:`read_all` for archives and e-mail). A PDF is
    read from disk as PDFium needs it, not loaded whole."""
    p = os.fspath(path)
    if is_pdf(p):
        size = os.path.getsize(p)
        limit = settings.get().max_bytes
        if size > limit:
            raise ReadError(f"file is {size:,} bytes, over the limit of {limit:,} (setting max_bytes)")
        digest = hashlib.sha256()
        with open(p, "rb") as f:
            while chunk := f.read(1 << 20):
                digest.update(chunk)
        try:
            got = pdf.read(p)
        except pdf.PdfError as e:
            raise ReadError(str(e)) from e
        return Reading(p, digest.hexdigest(), size, "application/pdf", "\f".join(got.pages), got.extractor, None, got.ocr, got.warnings, page_info=got.info)
    return read_bytes(read_file_bytes(p), p)


def is_pdf(path: str) -> bool:
    try:
        with open(path, "rb") as f:
            return f.read(5) == b"%PDF-"
    except OSError:
        return False


def read_file_bytes(path: str | os.PathLike[str]) -> bytes:
    """The bytes of a file, within the size limit. Raises :class:`ReadError`."""
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
            return f.read()
    except OSError as e:
        raise ReadError(f"cannot read: {e.strerror or e}") from e


def read_all(data: bytes, path: str) -> Iterator[Reading | tuple[str, str]]:
    """Every document in a file: itself, or the members of an archive and the message and
    attachments of an e-mail, recursively. Yields a :class:`Reading`, or ``(path, reason)``
    for a document that could not be read."""
    for item in containers.expand(data, path):
        if item.error is not None or item.data is None:
            yield item.path, item.error or "unreadable"
            continue
        try:
            if item.email_text is not None:
                r = Reading(item.path, hashlib.sha256(item.data).hexdigest(), len(item.data), "message/rfc822", item.email_text, "email")
            else:
                r = read_bytes(item.data, item.path)
        except ReadError as e:
            yield item.path, str(e)
            continue
        r.parent = item.parent
        yield r
