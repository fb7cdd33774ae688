"""The custodian of an e-mail release fills a blank top-message addressee, with its reason."""

import json
import subprocess
import sys
from pathlib import Path

import declass
from declass.anatomy.custodian import Custodians

HEADER = "UNCLASSIFIED U.S. Department of State Case No. F-2014-20439 Doc No. C0{n:07d} Date: 08/31/2015\n\n   RELEASE IN FULL\n\n"


def email(n: int, sender: str, to: str) -> str:
    return HEADER.format(n=n) + (
        f"From:                 {sender}\nSent:                 Friday, December 4, 2009 1:03 PM\nTo:                   {to}\n"
        f"Subject:              Note {n}\n\nText of note {n}.\n"
    )


def release() -> list[str]:
    docs = [email(i, "Abedin, Huma <AbedinH@state.gov>", "H") for i in range(8)]
    docs += [email(8 + i, "H <hrod17@clintonemail.com>", "Mills, Cheryl D") for i in range(4)]
    docs += [email(20, "sbwhoeop", ""), email(21, "H <hrod17@clintonemail.com>", "")]
    return docs


def test_custodian_fills_blank_addressee() -> None:
    recs = [declass.parse_bytes(t.encode(), f"d{i}.txt") for i, t in enumerate(release())]
    c = Custodians()
    for r in recs:
        c.add(r)
    name, reason = c.custodian("F-2014-20439") or ("", "")
    assert name == "H" and "13 of its 14" in reason
    blank_from_sid, blank_from_h = recs[-2], recs[-1]
    assert c.apply(blank_from_sid) and blank_from_sid.header.to == ["H"] and "to" in blank_from_sid.header.inferred
    assert not c.apply(blank_from_h)  # the custodian's own message: its addressee stays unknown
    assert blank_from_h.header.to == []


def test_no_custodian_in_a_small_or_mixed_batch() -> None:
    c = Custodians()
    for i, t in enumerate(release()[:5]):
        c.add(declass.parse_bytes(t.encode(), f"d{i}.txt"))
    assert c.custodian("F-2014-20439") is None


def test_cli_batch_infers_and_single_file_does_not(tmp_path: Path) -> None:
    for i, t in enumerate(release()):
        (tmp_path / f"d{i:02d}.txt").write_text(t)
    p = subprocess.run([sys.executable, "-m", "declass.cli", "parse", "--jsonl", str(tmp_path)], capture_output=True, text=True, check=True)
    recs = {Path(r["source"]["path"]).name: r for r in map(json.loads, p.stdout.splitlines())}
    assert len(recs) == 14
    assert recs["d12.txt"]["header"]["to"] == ["H"] and recs["d12.txt"]["header"]["inferred"] == ["to"]
    assert any("custodian" in w for w in recs["d12.txt"]["warnings"])
    assert recs["d13.txt"]["header"]["to"] == []
    p1 = subprocess.run([sys.executable, "-m", "declass.cli", "parse", "--json", str(tmp_path / "d12.txt")], capture_output=True, text=True, check=True)
    assert json.loads(p1.stdout)["header"]["to"] == []
