"""State Department office symbols, expanded from ``data/offices.tsv`` (never guessed)."""

from __future__ import annotations

from functools import lru_cache

from declass.anatomy.data import load_tsv


@lru_cache(maxsize=1)
def table() -> dict[str, str]:
    return {row[0]: row[1] for row in load_tsv("offices.tsv")}


def expand(symbol: str) -> str | None:
    """``WHA/MEX`` -> ``Office of Mexican Affairs, Bureau of Western Hemisphere Affairs``.

    The full name runs from the office to its bureau; a level missing from the table is left
    out, and a symbol whose bureau is unknown gives ``None``."""
    t = table()
    parts = symbol.split("/")
    names = []
    for i in range(len(parts), 0, -1):
        name = t.get("/".join(parts[:i]))
        if name and name not in names:
            names.append(name)
    if not names or "/".join(parts[:1]) not in t:
        return None
    return ", ".join(names)
