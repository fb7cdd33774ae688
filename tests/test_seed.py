"""The seed read as the analyst's gold reading reads it (release anatomy part of the gold file)."""

import re

from declass.record import Record


def test_release(seed: Record, seed_gold: dict) -> None:  # type: ignore[type-arg]
    g = seed_gold["release"]
    r = seed.release
    assert r.agency == g["agency"]
    assert (r.status, r.case_number, r.doc_number, r.release_date, r.marking) == (
        g["status"],
        g["case_number"],
        g["doc_number"],
        g["release_date"],
        g["marking"],
    )
    assert r.review_authority == {"name": "Adolph Eisner", "title": "Senior Reviewer"}
    assert set(r.exemptions) == set(g["exemptions"])


def test_classification_and_pages(seed: Record, seed_gold: dict) -> None:  # type: ignore[type-arg]
    c = seed.classification
    assert (c.level, c.banner) == ("SECRET", "SECRET//NOFORN//ORCON")
    assert set(c.dissemination) == {"NOFORN", "ORCON"}
    assert len(seed.pages) == seed_gold["pages"] == seed.source.pages
    # pages tile the text
    assert seed.pages[0].start == 0 and seed.pages[-1].end == len(seed.text)


def test_authorship(seed: Record, seed_gold: dict) -> None:  # type: ignore[type-arg]
    for role in ("drafted", "cleared", "approved"):
        got = [(p.name, p.office) for p in getattr(seed.authorship, role)]
        assert got == [(p["name"], p["office"]) for p in seed_gold["authorship"][role]]
    assert seed.authorship.drafted[0].phone == "7-9473"
    people = seed.authorship.drafted + seed.authorship.cleared + seed.authorship.approved
    for sym, name in seed_gold["office_names"].items():
        assert any((p.office or "").startswith(sym) and name in (p.office_name or "") for p in people), sym


def test_redactions_in_place(seed: Record, seed_gold: dict) -> None:  # type: ignore[type-arg]
    assert len(seed.redactions) == len(seed_gold["redactions"])
    for gr, r in zip(seed_gold["redactions"], seed.redactions):
        pos = seed.text.find(gr["after"])
        assert pos >= 0
        assert 0 <= r.start - (pos + len(gr["after"])) <= 3
        assert r.kind == gr["kind"]
        assert set(r.exemptions) >= set(gr["exemptions"])
        assert seed.text[r.start : r.end] == "[REDACTED]"


def test_furniture_and_noise_removed_but_kept_as_evidence(seed: Record, seed_gold: dict) -> None:  # type: ignore[type-arg]
    for junk in seed_gold["furniture_removed"] + seed_gold["noise_removed"]:
        assert junk not in seed.text
    assert not re.search(r"\b1\.4\b|\bB1\b", seed.text), "margin codes left in text"
    kinds = {s.kind for s in seed.release.stamps}
    assert {"banner", "release-status", "release-header", "review-authority"} <= kinds
    for s in seed.release.stamps:
        assert seed.raw_text[s.start : s.end] == s.text
    assert {n.text for n in seed.noise} == set(seed_gold["noise_removed"])
    for n in seed.noise:
        assert seed.raw_text[n.start : n.end] == n.text


def test_paragraphs(seed: Record, seed_gold: dict) -> None:  # type: ignore[type-arg]
    for start in seed_gold["body_paragraphs_start"]:
        assert re.search(r"(^|\n\n)" + re.escape(start), seed.text), start


def test_date_window(seed: Record, seed_gold: dict) -> None:  # type: ignore[type-arg]
    gd = seed_gold["document_date"]
    assert seed.date.earliest is not None and seed.date.latest is not None
    assert seed.date.earliest[:7] >= gd["earliest"] and seed.date.latest[:7] <= gd["latest"]
    assert any("F-2010-06516" in b for b in seed.date.basis)
