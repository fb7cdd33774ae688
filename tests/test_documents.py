"""Real development documents (public domain) against the agencies' own catalogue fields."""

import json
from pathlib import Path

import pytest

import declass
from declass import evidence

FIX = Path(__file__).parent / "fixtures"
DOCS = sorted(p for p in FIX.iterdir() if p.suffix in (".txt", ".md") and (FIX / (p.name + ".truth.json")).exists())


@pytest.mark.parametrize("path", DOCS, ids=[p.name for p in DOCS])
def test_catalogue_fields(path: Path) -> None:
    truth = json.loads((FIX / (path.name + ".truth.json")).read_text())
    rec = declass.parse(path)
    r, h = rec.release, rec.header
    if "release.doc_number" in truth:
        assert (r.doc_number, r.case_number, r.release_date) == (truth["release.doc_number"], truth["release.case_number"], truth["release.release_date"])
        assert h.kind == "email"
        assert h.date and h.date[:10] == truth["header.date"]
        assert truth["header.from"].split(",")[0].lower() in (h.from_ or "").lower()
    else:
        assert r.record_number == truth["release.record_number"]
        if "RELEASE" in path.read_text().upper():
            assert r.release_date and r.release_date[:4] == truth["release.release_date"][:4]


def test_state_email_margin_codes_become_redactions() -> None:
    rec = declass.parse(FIX / "C05765931.txt")
    assert rec.release.status == "released_in_part"
    assert {"1.4(b)", "1.4(d)", "(b)(1)", "(b)(5)"} <= set(rec.release.exemptions)
    assert rec.redactions and all(rec.text[x.start : x.end] == "[REDACTED]" for x in rec.redactions)
    assert "RELEASE IN" not in rec.text and "Doc No." not in rec.text


def test_benghazi_production_stamp_is_furniture() -> None:
    rec = declass.parse(FIX / "C05739560.txt")
    assert "BENGHAZI" not in rec.text and "NO FOIA WAIVER" not in rec.text
    assert rec.release.status == "released_in_full"
    assert any(s.kind == "production-stamp" for s in rec.release.stamps)


def test_jfk_identification_form() -> None:
    rec = declass.parse(FIX / "2021-docid-32106088.md")
    h = rec.header
    assert h.kind == "form"
    assert h.date == "1964-03-19"
    assert h.from_ and "SR/CI/R" in h.from_
    assert h.subject == "REPORT OF TELEPHONE CONVERSATION."
    assert rec.release.agency == "NARA" and rec.release.case_number == "NW 65924"
    assert rec.classification.level == "SECRET"
    assert len(rec.pages) >= 2
    assert "Docld" not in rec.text and "## Page" not in rec.text


def test_words_broken_at_a_line_end_are_joined() -> None:
    # NARA 104-10310-10118, 157-10008-10234 (public domain): OCR keeps the typist's hyphen at a
    # line's end, often with a blank line after it; the clean text joins the word ("Intelligence",
    # "Department"), keeps the hyphen of a compound ("well-known") and nothing else moves
    text = (
        "MEMORANDUM FOR THE RECORD\n\nThis meeting was with the Chief\n\nCounsel of Senate Select Committee on Intel-\n\nligence"
        " about the Justice Depart-\n\nment Documents. The facts are well-\n\nknown.\n"
    )
    rec = declass.parse_bytes(text.encode(), "hyphen.txt")
    assert "Senate Select Committee on Intelligence" in rec.text and "Justice Department Documents" in rec.text
    assert "well-known" in rec.text
    assert any(e["name"] == "Senate Select Committee on Intelligence" for e in rec.entities)
    assert evidence.errors(rec.to_dict()) == []
