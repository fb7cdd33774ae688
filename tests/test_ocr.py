"""Scanned documents: image-only PDFs and page images made by the tests from real releases,
read back with Tesseract. Needs Debian tesseract-ocr + tesseract-ocr-eng (installed by .ci/run)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PIL import Image
from rapidfuzz.distance import Levenshtein

import declass
import scanmake
from declass import settings
from declass.read import ReadError, ocr, quality
from pdfmake import text_pdf

FIXTURES = Path(__file__).parent / "fixtures"
SEED = (FIXTURES / "state-inr-mexico-2010.txt").read_text()

if ocr.tesseract_version() is None:
    if os.environ.get("CI") == "true":
        raise RuntimeError("CI must have Tesseract: .ci/run installs tesseract-ocr tesseract-ocr-eng")
    pytest.skip("Tesseract is not installed (apt-get install tesseract-ocr tesseract-ocr-eng)", allow_module_level=True)


def accuracy(truth: str, read: str) -> float:
    """Character accuracy on whitespace-normalised text: 1 - edit distance / length."""
    a, b = " ".join(truth.split()), " ".join(read.split())
    return 1 - Levenshtein.distance(a, b) / len(a)


@pytest.fixture(scope="module")
def scanned_seed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    p = tmp_path_factory.mktemp("scan") / "seed-scanned.pdf"
    p.write_bytes(scanmake.image_pdf(scanmake.pages_of(SEED)))
    return p


@pytest.fixture(scope="module")
def scanned_seed_record(scanned_seed: Path) -> declass.Record:
    return declass.parse(scanned_seed)


def test_scanned_seed_reads_back_accurately(scanned_seed_record: declass.Record) -> None:
    rec = scanned_seed_record
    assert rec.source.ocr and rec.source.extractor.startswith("tesseract")
    assert accuracy(SEED, rec.raw_text) >= 0.98
    assert [p.method for p in rec.pages] == ["ocr", "ocr", "ocr"]
    assert all(p.ocr_confidence is not None and p.ocr_confidence > 0.8 for p in rec.pages)


def test_scanned_seed_has_the_anatomy_of_the_text_seed(scanned_seed_record: declass.Record, seed: declass.Record) -> None:
    rec = scanned_seed_record
    r, s = rec.release, seed.release
    assert (r.status, r.case_number, r.doc_number, r.release_date, r.marking) == (s.status, s.case_number, s.doc_number, s.release_date, s.marking)
    assert r.exemptions == s.exemptions
    assert r.review_authority == s.review_authority
    assert rec.classification.banner == "SECRET//NOFORN//ORCON"
    assert [(p.name, p.office) for p in rec.authorship.drafted] == [("Levi Chavous", "INR/TNC")]
    assert [p.office for p in rec.authorship.cleared] == [p.office for p in seed.authorship.cleared]
    assert [(x.kind, x.exemptions) for x in rec.redactions] == [(x.kind, x.exemptions) for x in seed.redactions]
    assert "1.4(B)" not in rec.text and "SECRET//NOFORN" not in rec.text


def test_degraded_scan_still_reads(tmp_path: Path) -> None:
    """Skewed, blurred and speckled pages: lower accuracy, the same release stamp."""
    p = tmp_path / "seed-degraded.pdf"
    p.write_bytes(scanmake.image_pdf(scanmake.pages_of(SEED, degraded=True)))
    rec = declass.parse(p)
    assert accuracy(SEED, rec.raw_text) >= 0.95
    assert (rec.release.case_number, rec.release.doc_number, rec.release.status) == ("F-2010-06516", "C05285746", "released_in_part")
    assert len(rec.redactions) == 3


def test_multipage_tiff_and_png_are_read_page_by_page(tmp_path: Path) -> None:
    pages = scanmake.pages_of(SEED)
    tif = tmp_path / "seed.tif"
    tif.write_bytes(scanmake.tiff(pages))
    rec = declass.parse(tif)
    assert rec.source.media_type == "image/tiff" and rec.source.ocr
    assert len(rec.pages) == 3 and rec.release.doc_number == "C05285746"
    png = tmp_path / "page3.jpg"  # the name lies: the content decides
    png.write_bytes(scanmake.png(pages[2]))
    rec = declass.parse(png)
    assert rec.source.media_type == "image/png"
    assert [p.name for p in rec.authorship.approved] == ["Philip Goldberg"]


def test_garbage_text_layer_is_replaced_by_ocr() -> None:
    """A scan whose invisible text layer is letter soup (a broken font map) is OCR'd; a scan with
    a good layer keeps it."""
    lines = ["RELEASED IN FULL", "", "The Ambassador met the Foreign Minister on Tuesday to discuss the", "border security agreement and the visit of the delegation next month."]
    page = scanmake.jpeg(scanmake.render(lines))
    soup = ["Xq zvbk rtpw Qmnz lkjh tyrw pqzx vbnm wrtk zzpq xkcd mnbv lpoi qwrt jkhg fdsa pzxv"] * 3
    assert quality.is_garbage(quality.assess("\n".join(soup)))
    rec = declass.parse_bytes(text_pdf([soup, lines], images=[page, page], invisible=True), "sandwich.pdf")
    assert [p.method for p in rec.pages] == ["ocr", "pdf-text"]
    assert rec.source.extractor.startswith("pdf-text") and "tesseract" in rec.source.extractor
    assert "Foreign Minister" in rec.text[rec.pages[0].start : rec.pages[0].end]
    assert "Xq zvbk" not in rec.text
    assert rec.release.status == "released_in_full"


def test_force_and_skip(scanned_seed: Path) -> None:
    with settings.override(ocr="skip"):
        rec = declass.parse(scanned_seed)
    assert not rec.source.ocr and rec.text == "" and any("ocr=skip" in w for w in rec.warnings)
    good = text_pdf([["RELEASED IN FULL", "", "The Ambassador met the Foreign Minister on Tuesday."]])
    with settings.override(ocr="force"):
        rec = declass.parse_bytes(good, "forced.pdf")
    assert rec.source.ocr and rec.pages[0].method == "ocr" and "Foreign Minister" in rec.text
    rec = declass.parse_bytes(good, "kept.pdf")
    assert not rec.source.ocr and rec.pages[0].method == "pdf-text"


def test_unknown_ocr_language_is_a_clear_error(tmp_path: Path) -> None:
    png = tmp_path / "p.png"
    png.write_bytes(scanmake.png(scanmake.render(["RELEASED IN FULL"])))
    with settings.override(ocr_lang="xyz"), pytest.raises(ReadError, match="no language data for xyz"):
        declass.parse(png)


def test_enormous_image_is_refused_before_decoding(tmp_path: Path) -> None:
    big = tmp_path / "big.png"
    Image.new("1", (30000, 30000), 1).save(big)  # 900 million pixels, a few kB on disk
    with pytest.raises(ReadError, match="over the limit"):
        declass.parse(big)


def test_truncated_image_is_a_clear_error(tmp_path: Path) -> None:
    data = scanmake.png(scanmake.render(["RELEASED IN FULL"]))
    bad = tmp_path / "cut.png"
    bad.write_bytes(data[: len(data) // 3])
    with pytest.raises(ReadError, match="image"):
        declass.parse(bad)


def test_blank_scanned_page_is_reported(tmp_path: Path) -> None:
    p = tmp_path / "blank.pdf"
    p.write_bytes(scanmake.image_pdf([scanmake.render(["RELEASED IN FULL", "", "A short note on the visit of the delegation next week."]), Image.new("L", scanmake.PAGE, 255)]))
    rec = declass.parse(p)
    assert any("blank" in w and "page 2" in w for w in rec.warnings)
