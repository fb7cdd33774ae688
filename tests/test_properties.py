"""No input crashes the reader, and every offset a record gives points into its own text."""

from hypothesis import given, settings
from hypothesis import strategies as st

import declass
from declass.extract.textutil import Spans
from declass.read import ReadError

MARKING_BITS = st.sampled_from(
    [
        "SECRET//NOFORN",
        "RELEASE IN PART B6",
        "1.4(B) B1",
        "\t",
        "\n",
        "\f",
        "Drafted:",
        "INR/TNC Levi Chavous 7-9473",
        "UNCLASSIFIED U.S. Department of State Case No. F-2010-06516 Doc No. C05285746 Date: 03/08/2013",
        "(S//NF)",
        "From: X",
        "Sent: Friday, December 4, 2009 1:03 PM",
        "## Page 2",
        "NW 1 Docld:12345678 Page 1",
        "[REDACTED]",
        "  ",
    ]
)
TEXTS = st.lists(st.one_of(MARKING_BITS, st.text(max_size=40)), max_size=40).map("".join)


def _check(rec: declass.Record) -> None:
    n = len(rec.text)
    for r in rec.redactions:
        assert 0 <= r.start <= r.end <= n and rec.text[r.start : r.end] == "[REDACTED]"
    for p in rec.pages:
        assert 0 <= p.start <= p.end <= n
    for s in rec.release.stamps:
        assert rec.raw_text[s.start : s.end] == s.text
    for x in rec.noise:
        assert rec.raw_text[x.start : x.end] == x.text
    rec.to_json()


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_any_text(s: str) -> None:
    try:
        rec = declass.parse_bytes(s.encode("utf-8", "surrogatepass"), "x.txt")
    except ReadError as e:
        assert "unsupported content" in str(e)  # control characters make it binary
        return
    _check(rec)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2000))
def test_any_bytes(b: bytes) -> None:
    try:
        rec = declass.parse_bytes(b, "x.bin")
    except ReadError:
        return
    _check(rec)


@given(st.lists(st.tuples(st.integers(0, 200), st.integers(1, 40)), max_size=30), st.integers(0, 220), st.integers(1, 40))
def test_taken_spans_overlap_as_a_scan_of_them_says(spans: list[tuple[int, int]], a: int, n: int) -> None:
    taken = [(s, s + k) for s, k in spans]
    assert Spans(taken).overlaps(a, a + n) == any(x < a + n and a < y for x, y in taken)
