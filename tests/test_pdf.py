"""PDF text layers: pages read through PDFium become the record's pages."""

from pathlib import Path

import declass
from declass import settings
from pdfmake import text_pdf

SEED = Path(__file__).parent / "fixtures" / "state-inr-mexico-2010.txt"


def seed_pages() -> list[list[str]]:
    """The seed laid out on PDF pages at its banner-pair page joins."""
    text = SEED.read_text()
    pages: list[list[str]] = [[]]
    lines = [ln.replace("\t", "    ") for ln in text.splitlines() if ln.strip()]
    for i, ln in enumerate(lines):
        pages[-1].append(ln)
        rest = [x for x in lines[i + 1 : i + 3] if not x.startswith("UNCLASSIFIED U.S.")]
        if ln == "SECRET//NOFORN//ORCON" and rest[:1] == ["SECRET//NOFORN//ORCON"] and len(pages[-1]) > 1:
            pages.append([])
    return pages


def test_text_layer_pdf_reads_like_the_text() -> None:
    pages = seed_pages()
    rec = declass.parse_bytes(text_pdf(pages), "seed.pdf")
    assert rec.source.media_type == "application/pdf" and rec.source.extractor.startswith("pdf-text")
    assert len(rec.pages) == len(pages) == 3
    r = rec.release
    assert (r.status, r.case_number, r.doc_number, r.release_date) == ("released_in_part", "F-2010-06516", "C05285746", "2013-03-08")
    assert rec.classification.banner == "SECRET//NOFORN//ORCON"
    assert [p.name for p in rec.authorship.cleared][:2] == ["Jennifer McElveen", "Jessica Marsh"]
    assert len(rec.redactions) == 3


def test_page_without_text_layer_is_reported_when_ocr_is_off() -> None:
    with settings.override(ocr="skip"):
        rec = declass.parse_bytes(text_pdf([["RELEASE IN FULL", "From: Mills, Cheryl D", "Subject: Note", "A body line of text."], []]), "scan.pdf")
    assert any("no text layer" in w and "page 2" in w and "ocr=skip" in w for w in rec.warnings)
    assert rec.release.status == "released_in_full"
    assert not rec.source.ocr and rec.pages[0].method == "pdf-text"
