"""Developer script: write ``src/declass/extract/data/given_names_world.txt`` and
``surnames_world.txt``, the given names and the surnames of the Latin-script locales of Faker's
person providers (Faker is MIT-licensed; its lists come from public census and registry sources),
folded to ASCII, lower case, three letters or more.

Faker is not a dependency of declass: run this in a scratch environment with Faker installed,

    python -m venv /tmp/fv && /tmp/fv/bin/pip install faker
    /tmp/fv/bin/python scripts/given_names_from_faker.py

and commit the file it writes. Words and places are filtered where the list is read
(``declass.extract.housestyle``), not here, so the filters stay true as the
word list and the gazetteer change.
"""

from __future__ import annotations

import importlib
import pkgutil
import unicodedata
from pathlib import Path

import faker  # type: ignore[import-not-found]
import faker.providers.person as person  # type: ignore[import-not-found]

DATA = Path(__file__).resolve().parent.parent / "src" / "declass" / "extract" / "data"
KINDS = {
    "given_names_world.txt": ("Given names", ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary")),
    "surnames_world.txt": ("Surnames", ("last_names", "last_names_male", "last_names_female")),
}


def _fold(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c)).lower()


def _names(provider: type, fields: tuple[str, ...]) -> set[str]:
    out: set[str] = set()
    for field in fields:
        for klass in provider.__mro__:
            if field in klass.__dict__:
                v = klass.__dict__[field]
                if isinstance(v, dict):
                    out |= set(v)
                elif isinstance(v, (list, tuple, set, frozenset)):
                    out |= set(v)
                break
    return out


def _write(out: Path, what: str, fields: tuple[str, ...]) -> None:
    names: set[str] = set()
    locales = []
    for mod in pkgutil.iter_modules(person.__path__):
        provider = importlib.import_module(f"faker.providers.person.{mod.name}").Provider
        got = {f for f in map(_fold, _names(provider, fields)) if len(f) >= 3 and f.isascii() and f.replace("-", "").replace("'", "").isalpha()}
        if got:
            locales.append(mod.name)
            names |= got
    head = [
        f"# {what} of Faker {faker.VERSION} person providers (MIT licence), Latin-script locales:",
        "# " + " ".join(locales),
        "# folded to ASCII, lower case. Written by scripts/given_names_from_faker.py; read by",
        "# declass.extract.housestyle, which leaves out common words and places where it needs to.",
    ]
    ordered = sorted(names)
    lines = [" ".join(ordered[i : i + 12]) for i in range(0, len(ordered), 12)]
    out.write_text("\n".join(head + lines) + "\n", encoding="utf-8")
    print(f"{len(names)} names from {len(locales)} locales -> {out}")


def main() -> None:
    for name, (what, fields) in KINDS.items():
        _write(DATA / name, what, fields)


if __name__ == "__main__":
    main()
