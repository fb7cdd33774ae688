"""Decide what a file is from its bytes (the extension is only a hint)."""

from __future__ import annotations

import re

# magic numbers of formats that are certainly not text
_MAGIC: list[tuple[bytes, str]] = [
    (b"%PDF-", "application/pdf"),
    (b"PK\x03\x04", "application/zip"),
    (b"\x1f\x8b", "application/gzip"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"II*\x00", "image/tiff"),
    (b"MM\x00*", "image/tiff"),
    (b"GIF8", "image/gif"),
    (b"\x7fELF", "application/x-executable"),
    (b"BZh", "application/x-bzip2"),
    (b"\xfd7zXZ\x00", "application/x-xz"),
    (b"7z\xbc\xaf\x27\x1c", "application/x-7z-compressed"),
    (b"\xd0\xcf\x11\xe0", "application/x-ole-storage"),
]


_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))


def media_type(data: bytes, path: str = "") -> str:
    if not data or not data.strip():
        return "application/x-empty"
    for magic, mt in _MAGIC:
        if data.startswith(magic):
            return mt
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "text/plain"  # UTF-16 with a byte-order mark
    head = data[:8192]
    if b"\x00" in head:
        return "application/octet-stream"
    # share of control bytes other than tab, newline, carriage return, form feed, escape
    ctrl = len(head) - len(head.translate(None, _CONTROL))
    if ctrl > len(head) * 0.02:
        return "application/octet-stream"
    if re.match(rb"\s*(?:<!DOCTYPE\s+html|<html[\s>]|<head[\s>]|<body[\s>])", head, re.I):
        return "text/html"
    if path.lower().endswith(".md"):
        return "text/markdown"
    return "text/plain"
