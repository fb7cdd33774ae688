"""The word lists of ``data/rules.yaml`` (what is never a name, head nouns, salutations...): one
accessor, so each recogniser reads a list by its key instead of loading it itself."""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from functools import cache
from typing import Any

from declass.datafiles import load_yaml, read_words


def data() -> Any:
    return load_yaml("declass.extract", "data/rules.yaml")


@cache
def words(key: str) -> frozenset[str]:
    """The list under ``key``, in lower case (an absent key is an empty list)."""
    return frozenset(str(w).lower() for w in data().get(key) or [])


@cache
def day_words() -> frozenset[str]:
    """Names of days, in full and abbreviated, and the days said relative to today (``relative_days``)."""
    return frozenset({n.lower() for n in [*calendar.day_name, *calendar.day_abbr] if n}) | words("relative_days")


@cache
def month_words() -> frozenset[str]:
    """Names of months, in full and abbreviated."""
    return frozenset(n.lower() for n in [*calendar.month_name, *calendar.month_abbr] if n)


@cache
def ordinary_words() -> frozenset[str]:
    """Words the records mostly print in lower case (``data/ordinary_words.txt``)."""
    return read_words("declass.extract", "data/ordinary_words.txt")


def alternation(items: Iterable[str], spaces: bool = False) -> str:
    """A regex alternation of ``items``, longest first (so "Best regards" beats "Best"); with
    ``spaces`` a space in an item matches any run of whitespace."""
    alts = (re.escape(str(x)).replace(r"\ ", r"\s+") if spaces else re.escape(str(x)) for x in set(items))
    return "|".join(sorted(alts, key=len, reverse=True))
