"""The word lists of ``data/rules.yaml`` (what is never a name, head nouns, salutations...): one
accessor, so each recogniser reads a list by its key instead of loading it itself."""

from __future__ import annotations

from functools import cache
from typing import Any

from declass.datafiles import load_yaml


def data() -> Any:
    return load_yaml("declass.extract", "data/rules.yaml")


@cache
def words(key: str) -> frozenset[str]:
    """The list under ``key``, in lower case (an absent key is an empty list)."""
    return frozenset(str(w).lower() for w in data().get(key) or [])
