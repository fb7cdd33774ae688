"""Exemption codes as printed (release-anatomy.md §8.1-8.3, the seed) -> canonical codes."""

import pytest

from declass.anatomy.exemptions import code_run, legal_codes, meaning, normalise

CASES = [
    ("1.4(B) 1.4(C) 1.4(D) B1", ["1.4(b)", "1.4(c)", "1.4(d)", "(b)(1)"]),
    ("(1.4(B) 1.4(C) 1.4(D) B1\t", ["1.4(b)", "1.4(c)", "1.4(d)", "(b)(1)"]),
    ("1.4 1.4 B1", ["(b)(1)"]),  # letters lost: (b)(1) of unknown category
    ("1.4(B),B1,1.4(D),1.4(C) 25X1", ["1.4(b)", "1.4(c)", "1.4(d)", "25X1", "(b)(1)"]),
    ("1.4 (b)", ["1.4(b)"]),
    ("1.4b", ["1.4(b)"]),
    ("1,4 (C) AND (D)", ["1.4(c)", "1.4(d)"]),
    ("1.4 (B,D)", ["1.4(b)", "1.4(d)"]),
    ("1.4 (b/d)", ["1.4(b)", "1.4(d)"]),
    ("1.4(B), (D)", ["1.4(b)", "1.4(d)"]),
    ("1.4 b and d", ["1.4(b)", "1.4(d)"]),
    ("1.5 (D)", ["1.5(d)"]),
    ("1.4(8)", ["1.4(b)"]),
    ("l.4(D)", ["1.4(d)"]),
    ("B5,B6", ["(b)(5)", "(b)(6)"]),
    ("Bl", ["(b)(1)"]),
    ("bl", ["(b)(1)"]),
    ("BG", ["(b)(6)"]),
    ("BS", ["(b)(5)"]),
    ("B6)", ["(b)(6)"]),
    ("B6|", ["(b)(6)"]),
    ("(b)(6)", ["(b)(6)"]),
    ("(b) (6)", ["(b)(6)"]),
    ("l(b)(6)", ["(b)(6)"]),
    ("b 6", ["(b)(6)"]),
    ("b7C", ["(b)(7)(C)"]),
    ("B7(C)", ["(b)(7)(C)"]),
    ("(b)(7)(C)", ["(b)(7)(C)"]),
    ("b7c", ["(b)(7)(C)"]),
    ("2 5X1", ["25X1"]),
    ("25Xl", ["25X1"]),
    ("25XI", ["25X1"]),
    ("25X1A", ["25X1"]),
    ("3.3(b)(1)", ["25X1"]),
    ("3.3 (b) (6)", ["25X6"]),
    ("50X1-HUM", ["50X1-HUM"]),
    ("50X1 - HUM", ["50X1-HUM"]),
    ("25X1-human", ["50X1-HUM"]),
    ("j2", ["(j)(2)"]),
    ("K5", ["(k)(5)"]),
    ("(k)(2)", ["(k)(2)"]),
    ("B3 CIA", ["(b)(3)"]),
    ("B1,B5,1.4(D),B3 CIA", ["1.4(d)", "(b)(1)", "(b)(3)", "(b)(5)"]),
    ("B1,1.4(D),B5, B6", ["1.4(d)", "(b)(1)", "(b)(5)", "(b)(6)"]),
]


@pytest.mark.parametrize(("raw", "want"), CASES)
def test_normalise(raw: str, want: list[str]) -> None:
    assert normalise(raw) == want


@pytest.mark.parametrize(("raw"), ["B0", "(b)(10)", "25X0", "1.4(i)", "b0"])
def test_never_corrected_to_an_illegal_code(raw: str) -> None:
    assert all(c in legal_codes() for c in normalise(raw))
    assert "(b)(10)" not in normalise(raw) and "25X0" not in normalise(raw)


@pytest.mark.parametrize(
    "raw",
    [
        "1.4(B) 1.4(C) 1.4(D) B1",
        "B6",
        "B5,B6",
        "PERS/ORG,B6",
        "B3 DIA/NRO/NGA",
        "B6 •",
        "B3 NATSECACT1947",
        "B3 CIA Act",
        "B1,B5,1.4(D),B3 CIA",
        "(1.4(B) 1.4(C) 1.4(D) B1",
        "25X1",
        "(b)(6)",
    ],
)
def test_code_runs(raw: str) -> None:
    assert code_run(raw) is not None


@pytest.mark.parametrize(
    "raw",
    ["the B1 bomber", "From: Kumar, Prem G.", "Section 1.4 of the plan", "1.4", "b", "Vitamin B6 levels", "I saw 25 people"],
)
def test_prose_is_not_a_code_run(raw: str) -> None:
    assert code_run(raw) is None


def test_meanings_come_from_data() -> None:
    assert meaning("(b)(6)") is not None and "privacy" in (meaning("(b)(6)") or "")
    assert meaning("25X1") is not None


def test_office_symbols_are_not_codes() -> None:
    assert code_run("AC/CA/B3") is None and normalise("AC/CA/B3") == []


def test_ocr_corrected_codes_need_a_release_to_be_believed() -> None:
    import declass

    cable = "SECRET 202814Z APR 68 CITE BOGOTA 0783\nAIRPORT TEAM REPORTED ARRIVAL\n                                   BS\nOF THE SUBJECT\n"
    rec = declass.parse_bytes(cable.encode(), "cable.txt")
    assert rec.redactions == [] and "BS" in rec.text
    released = "RELEASE IN PART B5\n" + cable
    rec2 = declass.parse_bytes(released.encode(), "release.txt")
    assert len(rec2.redactions) == 1 and rec2.redactions[0].exemptions == ["(b)(5)"]
