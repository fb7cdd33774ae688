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
