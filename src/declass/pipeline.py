"""The stage order: read -> anatomy -> (extract, later) -> record. One path for every caller."""

from __future__ import annotations

import os

from declass.anatomy.assemble import analyse
from declass.read import Reading, read_bytes, read_path
from declass.record import Record


def parse_reading(reading: Reading) -> Record:
    return analyse(reading)


def parse(path: str | os.PathLike[str]) -> Record:
    """Read one file and return its record. Raises :class:`declass.read.ReadError`."""
    return parse_reading(read_path(path))


def parse_bytes(data: bytes, path: str = "<bytes>") -> Record:
    return parse_reading(read_bytes(data, path))
