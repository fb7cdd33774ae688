"""Bad input: a clear error or a warning per file; a batch goes on; exit status counts failures."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import declass
from declass.read import ReadError

FIX = Path(__file__).parent / "fixtures"
CLI = [sys.executable, "-m", "declass.cli"]


def test_binary_is_refused_clearly() -> None:
    with pytest.raises(ReadError, match=r"unsupported|binary|octet"):
        declass.parse_bytes(b"\x00\x01\x02binary\x00" * 100, "x.bin")


def test_corrupt_pdf_is_a_clear_error() -> None:
    with pytest.raises(ReadError, match="not a readable PDF"):
        declass.parse_bytes(b"%PDF-1.4\n%garbage", "x.pdf")


def test_truncated_pdf_is_a_clear_error() -> None:
    from pdfmake import text_pdf

    data = text_pdf([["RELEASE IN FULL", "some text on the page"]])
    with pytest.raises(ReadError, match="PDF"):
        declass.parse_bytes(data[: len(data) // 3], "cut.pdf")


def test_empty_file_gives_a_record_with_a_warning() -> None:
    rec = declass.parse_bytes(b"", "empty.txt")
    assert rec.text == "" and rec.pages == [] and any("empty" in w for w in rec.warnings)


def test_whitespace_only() -> None:
    rec = declass.parse_bytes(b"  \n\n\t \n", "blank.txt")
    assert rec.text == "" and rec.warnings


def test_wrong_encoding_is_decoded_with_a_warning() -> None:
    data = "RELEASE IN FULL\nFrom: Jos\u00e9 Mart\u00ednez\nSubject: caf\u00e9\n".encode("cp1252")
    rec = declass.parse_bytes(data, "latin.txt")
    assert any("UTF-8" in w for w in rec.warnings)
    assert "Mart\u00ednez" in rec.text
    assert rec.release.status == "released_in_full"


def test_truncated_utf8() -> None:
    data = (FIX / "state-inr-mexico-2010.txt").read_bytes()
    cut = data[: len(data) // 2] + "\u00e9".encode()[:1]
    rec = declass.parse_bytes(cut, "cut.txt")
    assert rec.release.status == "released_in_part"
    assert rec.warnings


def test_huge_file_refused_by_setting(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * 5000)
    env = {**os.environ, "DECLASS_MAX_BYTES": "1000"}
    p = subprocess.run([*CLI, "parse", "--jsonl", str(big)], capture_output=True, text=True, env=env)
    assert p.returncode == 1
    assert "over the limit" in p.stderr


def test_batch_goes_on_and_exit_status_counts_failures(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes((FIX / "state-inr-mexico-2010.txt").read_bytes())
    (tmp_path / "b.bin").write_bytes(b"\x00\xff" * 500)
    (tmp_path / "c.pdf").write_bytes(b"%PDF-1.7 truncated")
    (tmp_path / "d.txt").write_bytes((FIX / "C05765915.txt").read_bytes())
    out = tmp_path / "out.jsonl"
    p = subprocess.run([*CLI, "parse", "--jsonl", "--out", str(out), str(tmp_path)], capture_output=True, text=True)
    assert p.returncode == 2, p.stderr
    assert "b.bin" in p.stderr and "c.pdf" in p.stderr
    recs = [json.loads(line) for line in out.read_text().splitlines()]
    assert sorted(Path(r["source"]["path"]).name for r in recs) == ["a.txt", "d.txt"]
    assert not (tmp_path / "out.jsonl.part").exists()


def test_html_page_is_read_as_its_visible_text() -> None:
    page = (
        b"<!DOCTYPE html><html><head><title>x</title><script>alert(1)</script></head><body>"
        b"<p>RELEASE IN FULL</p><div>From: Mills, Cheryl D</div><div>Sent: Friday, December 4, 2009 1:03 PM</div>"
        b"<div>To: H</div><div>Subject: Note &amp; plan</div><p>Body text.</p></body></html>"
    )
    rec = declass.parse_bytes(page, "page.html")
    assert rec.source.media_type == "text/html" and "alert" not in rec.text
    assert rec.header.subject == "Note & plan" and rec.release.status == "released_in_full"


def test_encrypted_pdf_is_a_clear_error() -> None:
    from pdfmake import text_pdf

    with pytest.raises(ReadError, match="encrypted PDF: a password is needed"):
        declass.parse_bytes(text_pdf([["RELEASE IN FULL", "some text on the page"]], encrypted=True), "locked.pdf")


def test_every_bad_file_in_a_batch_is_named_and_the_rest_is_read(tmp_path: Path) -> None:
    """Corrupt, truncated and encrypted PDFs, a zip bomb, an enormous image, a truncated image and
    an unknown format, among good files of every kind: each bad one gets its reason, every good
    one its record."""
    import io
    import zipfile

    from PIL import Image

    import scanmake
    from pdfmake import text_pdf

    good_pdf = text_pdf([["RELEASE IN FULL", "UNCLASSIFIED U.S. Department of State Case No. F-2014-20439 Doc No. C05765917 Date: 08/31/2015", "A page."]])
    d = tmp_path / "in"
    d.mkdir()
    (d / "good.txt").write_bytes((FIX / "C05765915.txt").read_bytes())
    (d / "good.pdf").write_bytes(good_pdf)
    (d / "scan.png").write_bytes(scanmake.png(scanmake.render(["RELEASED IN FULL", "", "A memorandum on the visit of the delegation."])))
    (d / "corrupt.pdf").write_bytes(b"%PDF-1.4\n%garbage")
    (d / "truncated.pdf").write_bytes(good_pdf[: len(good_pdf) // 3])
    (d / "locked.pdf").write_bytes(text_pdf([["secret text"]], encrypted=True))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("ok.txt", "RELEASE IN FULL\nA small document.\n")
        z.writestr("bomb.txt", b"0" * 50_000_000)  # 50 MB of zeros, a few kB compressed
    (d / "bomb.zip").write_bytes(buf.getvalue())
    Image.new("1", (30000, 30000), 1).save(d / "huge.png")
    png = scanmake.png(scanmake.render(["RELEASED IN FULL"]))
    (d / "cut.png").write_bytes(png[: len(png) // 3])
    (d / "archive.7z").write_bytes(b"7z\xbc\xaf\x27\x1c" + b"\x00" * 200)
    env = {**os.environ, "DECLASS_ARCHIVE_MAX_BYTES": "10000000", "COLUMNS": "400"}
    out = tmp_path / "out.jsonl"
    p = subprocess.run([*CLI, "parse", "--jsonl", "--no-raw-text", "--out", str(out), str(d)], capture_output=True, text=True, env=env)
    errors = {line.split(": ", 1)[0].split()[-1]: line for line in p.stderr.replace("\n", " ").split("error ")[1:]}
    named = {Path(k).name: v for k, v in errors.items()}
    assert "corrupt.pdf" in named and "not a readable PDF" in named["corrupt.pdf"]
    assert "truncated.pdf" in named
    assert "locked.pdf" in named and "password" in named["locked.pdf"]
    assert any(k.endswith("bomb.txt") for k in named) and "archive_max_bytes" in p.stderr
    assert "huge.png" in named and "over the limit" in named["huge.png"]
    assert "cut.png" in named and "image" in named["cut.png"]
    assert "archive.7z" in named and "unsupported" in named["archive.7z"]
    assert p.returncode == 7, p.stderr
    got = sorted(Path(json.loads(line)["source"]["path"]).name for line in out.read_text().splitlines())
    assert got == ["bomb.zip!ok.txt", "good.pdf", "good.txt", "scan.png"]
