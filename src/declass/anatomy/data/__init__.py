"""Knowledge as data: codes, markings, stamp patterns and office symbols, loaded once."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

from declass import datafiles


def load_yaml(name: str) -> Any:
    return datafiles.load_yaml(__name__, name)


@cache
def load_tsv(name: str) -> list[list[str]]:
    rows: list[list[str]] = []
    with resources.files(__name__).joinpath(name).open("r", encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line and not line.startswith("#"):
                rows.append(line.split("\t"))
    return rows
