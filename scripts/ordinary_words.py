"""Developer script: write ``src/declass/extract/data/ordinary_words.txt``, the words the released
records mostly print in lower case. ``read/data/words.txt`` (words in >= 1 % of documents) holds
the names a corpus repeats too ("clinton", "mills", "oswald"); recognisers that drop what the model
calls a name when it is an ordinary word need the words that are ordinary in use, not in frequency.

A word is ordinary when it occurs in at least 0.5 % of the documents (in mixed-case text: a text set
in capitals says nothing about case) and at least half of its occurrences are in lower case.
Needs the development corpora (../shared, not shipped):

    .venv/bin/python scripts/ordinary_words.py
"""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpora"
OUT = ROOT / "src" / "declass" / "extract" / "data" / "ordinary_words.txt"
TOKEN = re.compile(r"(?<![\w@./-])[A-Za-z]{3,}(?![\w@]|\.\w)")
MIN_DOCS = 0.005
MIN_LOWER = 0.5


def main() -> None:
    docs = 0
    df: Counter[str] = Counter()
    lower: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for corpus in sorted(SHARED.glob("*.jsonl.gz")):
        with gzip.open(corpus, "rt", encoding="utf-8") as f:
            for line in f:
                text = json.loads(line)["text"]
                letters = [c for c in text if c.isalpha()]
                if not letters or sum(c.isupper() for c in letters) > 0.5 * len(letters):
                    continue  # a text in capitals
                docs += 1
                seen = set()
                for m in TOKEN.finditer(text):
                    w = m.group()
                    f_ = w.lower()
                    total[f_] += 1
                    if w.islower():
                        lower[f_] += 1
                    seen.add(f_)
                df.update(seen)
    keep = sorted(w for w, n in df.items() if n >= MIN_DOCS * docs and lower[w] >= MIN_LOWER * total[w])
    head = [
        f"# Words the released records mostly print in lower case: in >= {MIN_DOCS:.1%} of {docs:,} mixed-case",
        f"# documents of the development corpora, >= {MIN_LOWER:.0%} of their occurrences in lower case.",
        "# Written by scripts/ordinary_words.py. A name the model finds made only of these words is no name.",
    ]
    rows = [" ".join(keep[i : i + 12]) for i in range(0, len(keep), 12)]
    OUT.write_text("\n".join(head + rows) + "\n", encoding="utf-8")
    print(f"{len(keep)} words from {docs:,} documents -> {OUT}")


if __name__ == "__main__":
    main()
