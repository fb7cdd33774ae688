"""The stage order: read -> anatomy -> extract -> record. One path for every caller."""

from __future__ import annotations

import os
from collections.abc import Iterator

from declass import extract
from declass.anatomy.assemble import analyse
from declass.read import Reading, read_all, read_bytes, read_file_bytes, read_path
from declass.read.base import is_pdf
from declass.record import Record


def parse_reading(reading: Reading) -> Record:
    return extract.run(analyse(reading))


def parse(path: str | os.PathLike[str]) -> Record:
    """Read one file and return its record. Raises :class:`declass.read.ReadError`."""
    return parse_reading(read_path(path))


def parse_bytes(data: bytes, path: str = "<bytes>") -> Record:
    return parse_reading(read_bytes(data, path))


def parse_all(path: str | os.PathLike[str]) -> Iterator[Record | tuple[str, str]]:
    """Every document in a file (archive members and e-mail attachments included), each as a
    record, or ``(path, reason)`` for one that could not be read. Raises
    :class:`declass.read.ReadError` when the file itself cannot be opened."""
    p = os.fspath(path)
    if is_pdf(p):  # not a container: read from disk page by page
        yield parse_reading(read_path(p))
        return
    for r in read_all(read_file_bytes(p), p):
        yield r if isinstance(r, tuple) else parse_reading(r)
