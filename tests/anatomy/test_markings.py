"""Banners and portion marks (release-anatomy.md §3, §8.6)."""

import pytest

from declass.anatomy.markings import parse, parse_portion

BANNERS = [
    ("SECRET//NOFORN//ORCON", "SECRET", "SECRET//NOFORN//ORCON", {"dissemination": ["NOFORN", "ORCON"]}),
    ("SECRET/NOFORN", "SECRET", "SECRET//NOFORN", {"dissemination": ["NOFORN"]}),
    ("SECRET NOFORN", "SECRET", "SECRET//NOFORN", {}),
    ("SECRET - NOFORN", "SECRET", "SECRET//NOFORN", {}),
    ("SECRET//NOFORN, ORCON", "SECRET", "SECRET//NOFORN//ORCON", {}),
    ("S E C R E T", "SECRET", "SECRET", {}),
    ("C O N F I D E N T I A L", "CONFIDENTIAL", "CONFIDENTIAL", {}),
    ("TOP SECRET//SI/TK//NOFORN", "TOP SECRET", "TOP SECRET//SI/TK//NOFORN", {"sci": ["SI", "TK"]}),
    ("TOP SECRET//COMINT//NOFORN", "TOP SECRET", "TOP SECRET//SI//NOFORN", {"sci": ["SI"]}),
    ("SECRET//REL TO USA, GBR", "SECRET", "SECRET//REL TO USA, GBR", {"rel_to": ["USA", "GBR"]}),
    ("SECRET//REL TO USA, AUS and GBR", "SECRET", "SECRET//REL TO USA, AUS, GBR", {"rel_to": ["USA", "AUS", "GBR"]}),
    ("UNCLASSIFIED//FOR OFFICIAL USE ONLY", "UNCLASSIFIED", "UNCLASSIFIED//FOUO", {}),
    ("SECRET//NOFORN//EXDIS", "SECRET", "SECRET//NOFORN//EXDIS", {"non_ic": ["EXDIS"]}),
    ("UNCLASSIFIED//SBU", "UNCLASSIFIED", "UNCLASSIFIED//SBU", {"non_ic": ["SBU"]}),
    ("SECRET//RD-CNWDI", "SECRET", "SECRET//RD-CNWDI", {"aea": ["RD-CNWDI"]}),
    ("SECRET//FGI GBR//NOFORN", "SECRET", "SECRET//FGI GBR//NOFORN", {"fgi": ["GBR"]}),
    ("SECRET//SAR-BP//NOFORN", "SECRET", "SECRET//SAR-BP//NOFORN", {"sap": ["BP"]}),
    ("SECRET SECURITY INFORMATION", "SECRET", "SECRET", {}),
    ("  SECRET  ", "SECRET", "SECRET", {}),
]


@pytest.mark.parametrize(("raw", "level", "canonical", "cats"), BANNERS)
def test_banners(raw: str, level: str, canonical: str, cats: dict[str, list[str]]) -> None:
    mk = parse(raw)
    assert mk is not None
    assert (mk.level, mk.canonical) == (level, canonical)
    for k, v in cats.items():
        assert getattr(mk, k) == v


@pytest.mark.parametrize("raw", ["SECRET is out", "Secretary Clinton", "CONFIDENTIAL SOURCE SAID", "9S9RS'f//N8P8RU", "", "TS", "S"])
def test_not_banners(raw: str) -> None:
    assert parse(raw) is None


@pytest.mark.parametrize(
    ("raw", "level"),
    [
        ("(S//NF)", "SECRET"),
        ("(S/NF)", "SECRET"),
        ("(C)", "CONFIDENTIAL"),
        ("(U)", "UNCLASSIFIED"),
        ("(TS//SI//NF)", "TOP SECRET"),
        ("(SBU)", "UNCLASSIFIED"),
        ("(U//FOUO)", "UNCLASSIFIED"),
        ("(C/NF)", "CONFIDENTIAL"),
    ],
)
def test_portions(raw: str, level: str) -> None:
    mk = parse_portion(raw)
    assert mk is not None and mk.level == level


@pytest.mark.parametrize("raw", ["(Asha)", "(a)", "(1)", "(see below)"])
def test_not_portions(raw: str) -> None:
    assert parse_portion(raw) is None
