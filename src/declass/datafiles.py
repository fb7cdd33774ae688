"""Knowledge kept as data files inside the package (codes, patterns, names, gazetteers), read
once per process."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml


@cache
def load_yaml(package: str, name: str) -> Any:
    with resources.files(package).joinpath(name).open("r", encoding="utf-8") as f:
        return yaml.safe_load(f)


@cache
def read_text(package: str, name: str) -> str:
    return resources.files(package).joinpath(name).read_text(encoding="utf-8")


@cache
def read_words(package: str, name: str) -> frozenset[str]:
    """The words of a word-list file: several a line, separated by spaces, lines starting with "#"
    are comments."""
    return frozenset(w for line in read_text(package, name).splitlines() if not line.startswith("#") for w in line.split())
