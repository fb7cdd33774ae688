"""Drafted / Cleared / Approved chains in the forms release-anatomy.md §5.6 lists."""

import pytest

import declass


def chain(text: str) -> dict[str, list[tuple[str, str | None, str | None]]]:
    rec = declass.parse_bytes(text.encode(), "memo.txt")
    return {role: [(p.name, p.office, p.phone) for p in getattr(rec.authorship, role)] for role in ("drafted", "cleared", "approved")}


CASES = [
    (
        "Drafted:\n\nINR/TNC Levi Chavous 7-9473\n\nCleared:\n\nINR/TNC Jennifer McElveen\n\nWHA/MEX John McNamara\n\nApproved:\n\nINR/FO Philip Goldberg\n",
        {
            "drafted": [("Levi Chavous", "INR/TNC", "7-9473")],
            "cleared": [("Jennifer McElveen", "INR/TNC", None), ("John McNamara", "WHA/MEX", None)],
            "approved": [("Philip Goldberg", "INR/FO", None)],
        },
    ),
    (
        "Drafted by: INR/TNC - L. Chavous, x7-9473\nCleared: WHA/MEX - J. McNamara (ok)\nApproved: INR/FO - P. Goldberg\n",
        {"drafted": [("L. Chavous", "INR/TNC", "7-9473")], "cleared": [("J. McNamara", "WHA/MEX", None)], "approved": [("P. Goldberg", "INR/FO", None)]},
    ),
    (
        "Drafted: INR/TNC Levi Chavous (202) 647-9473\nCleared: INL/LP Amy LeMar (info)\n   S/P Anne Slaughter\nApproved: INR Philip Goldberg\n",
        {
            "drafted": [("Levi Chavous", "INR/TNC", "(202) 647-9473")],
            "cleared": [("Amy LeMar", "INL/LP", None), ("Anne Slaughter", "S/P", None)],
            "approved": [("Philip Goldberg", "INR", None)],
        },
    ),
]


@pytest.mark.parametrize(("text", "want"), CASES)
def test_chains(text: str, want: dict) -> None:  # type: ignore[type-arg]
    assert chain(text) == want


def test_unknown_office_symbols_are_not_people() -> None:
    got = chain("Drafted:\n\nXYZ/QQ Somebody Else\n\nThe meeting was approved: yes\n")
    assert got == {"drafted": [], "cleared": [], "approved": []}


def test_office_names_come_from_the_table() -> None:
    rec = declass.parse_bytes(b"Drafted: WHA/MEX John McNamara\n", "m.txt")
    assert rec.authorship.drafted[0].office_name == "Office of Mexican Affairs, Bureau of Western Hemisphere Affairs"
