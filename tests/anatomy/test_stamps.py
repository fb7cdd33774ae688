"""Release stamps, with the OCR variants of release-anatomy.md §4 and §8 (verbatim strings)."""

import pytest

from declass.anatomy.stamps import scan


def values(raw: str, kind: str) -> list[dict]:  # type: ignore[type-arg]
    return [f.value for f in scan(raw)[0] if f.extra["kind"] == kind]


HEADERS = [
    ("UNCLASSIFIED U.S. Department of State Case No. F-2010-06516 Doc No. C05285746 Date: 03/08/2013", "F-2010-06516", "C05285746", "2013-03-08"),
    ("C 0 6 6 8 5 7 9 0 'IED U.S. Department of State Case No. F-2017-13804 Doc No. C06685790 Date: 05/04/2021", "F-2017-13804", "C06685790", "2021-05-04"),
    ("UNCLASSIFIED U.S. Department of State Case No. 22014-20439 Doc No. C05763231 Date: 07/31/2015", "F-2014-20439", "C05763231", "2015-07-31"),
    ("(06134372 UNCLASSIFIED U.S. Department of State Case No. F-2016-07895 Doc No. 006134372 Date: 06/02/2017", "F-2016-07895", "C06134372", "2017-06-02"),
    ("____UNCLASSIFIED U.S. Department of State Case No. F-2014-20439 Doc No. C05760075 Date: 06/30/2015", "F-2014-20439", "C05760075", "2015-06-30"),
    ("UNC ASSIFIED U S Department of State Case No F-2016-07743 Doc No C17980027 Date 07 31 2017", "F-2016-07743", "C17980027", "2017-07-31"),
    ("UNCLASSIFIED U.S. Department of State Case No. F-2014-20439 Doc No. CO6131108 Date: 05/13/2015", "F-2014-20439", "C06131108", "2015-05-13"),
    (
        "UNCLASSIFIED                              STATE DEPT. - PRODUCED TO HOUSE SELECT BENGHAZI COMM.\n"
        "U.S. Department of State       SUBJECT TO AGREEMENT ON SENSITIVE INFORMATION & REDACTIONS. NO FOIA WAIVER.\n"
        "Case No. F-2015-04841\nDoc No. C05739545\nDate: 05/13/2015",
        "F-2015-04841",
        "C05739545",
        "2015-05-13",
    ),
]


@pytest.mark.parametrize(("raw", "case", "doc", "date"), HEADERS)
def test_state_release_header(raw: str, case: str, doc: str, date: str) -> None:
    v = values(raw, "release-header")
    assert v, raw
    assert (v[0]["case"], v[0]["doc"], v[0]["date"]) == (case, doc, date)


STATUS = [
    ("RELEASED IN PART STATE OF CARTE 1.4(B),B1,1.4(D),1.4(C) 25X1", "released_in_part", ["1.4(b)", "1.4(c)", "1.4(d)", "25X1", "(b)(1)"]),
    ("                      RELEASE IN FULL", "released_in_full", []),
    ("RELEASE IN FULL]", "released_in_full", []),
    ("RELEASE IN PART\nB6", "released_in_part", ["(b)(6)"]),
    ("RELEASE IN PART\nB1,1.4(B),1.4(D)", "released_in_part", ["1.4(b)", "1.4(d)", "(b)(1)"]),
    ("Date: 05/13/2015 RELEASE IN |\nFULL", "released_in_full", []),
    ("RELEASE IN PAR", "released_in_part", []),
    ("pecease IN FULL", "released_in_full", []),
    ("         RELEASE IN PART B5,B6", "released_in_part", ["(b)(5)", "(b)(6)"]),
    ("                                    ..J PART B6", "released_in_part", ["(b)(6)"]),
    ("                  [KtLtAbt IN FART B6", "released_in_part", ["(b)(6)"]),
    (
        "Classified by DAS, A/GIS, DoS on 02/13/2016 — Class: CONFIDENTIAL                                      PART B1,1.4(D)",
        "released_in_part",
        ["1.4(d)", "(b)(1)"],
    ),
]


def test_state_release_header_whose_case_number_ocr_ate() -> None:
    # State C05762338, its second page: ". F" of the case number lost; still the release header
    # (page furniture, never an organisation), its case number read from the first page
    raw = "UNCLASSIFIED U.S. Department of State Case No14-2014-20439 Doc No. C05762338 Date: 10/30/2015"
    v = values(raw, "release-header")
    assert v and (v[0].get("case"), v[0]["doc"], v[0]["date"]) == (None, "C05762338", "2015-10-30")


@pytest.mark.parametrize(("raw", "status", "codes"), STATUS)
def test_state_status(raw: str, status: str, codes: list[str]) -> None:
    v = values(raw, "release-status")
    assert v and v[0]["status"] == status
    assert v[0]["codes"] == codes


def test_status_junk_is_noise() -> None:
    _stamps, noise = scan("RELEASED IN PART STATE OF CARTE 1.4(B),B1,1.4(D),1.4(C) 25X1")
    assert [n.raw for n in noise] == ["STATE OF CARTE"]


def test_prose_is_not_a_status() -> None:
    assert values("The report was released in full last year.", "release-status") == []
    assert values("The PART B6 of the plan", "release-status") == []


CIA = [
    ("Approved For Release 2006/11/01 : CIA-RDP79S01057AO00100060017-5", "2006-11-01", "CIA-RDP79S01057A000100060017-5"),
    ("Approved For Release 2003/09/10: SIA-RDP96-00788R001700210016-5", "2003-09-10", "CIA-RDP96-00788R001700210016-5"),
    ("Approved For Release 2003/12/03 : CIA-RDP84-00499R001 0001 00001 -4", "2003-12-03", "CIA-RDP84-00499R001000100001-4"),
]


@pytest.mark.parametrize(("raw", "date", "rdp"), CIA)
def test_cia_release_line(raw: str, date: str, rdp: str) -> None:
    v = values(raw, "release-line")
    assert v and v[0]["date"] == date and v[0]["rdp"] == rdp


def test_cia_sanitized_and_page_denied() -> None:
    raw = "Sanitized Copy Approved for Release 2010/06/15 : CIA-RDP80-00679A000100010010-5\nNext 1 Page(s) In Document Exempt"
    assert values(raw, "release-line")[0]["sanitized"]
    assert values(raw, "page-denied")[0]["count"] == "1"


@pytest.mark.parametrize(
    ("raw", "docid", "page"),
    [("NW 64937 Docid:32106269 Page 1", "32106269", "1"), ("137 Docld:32106269 Page 3", "32106269", "3"), ("NW 65924 Docld:32106088 Page 1", "32106088", "1")],
)
def test_jfk_footer(raw: str, docid: str, page: str) -> None:
    v = values(raw, "page-footer")
    assert v and v[0]["docid"] == docid and v[0]["page"] == page


def test_jfk_release_stamps() -> None:
    raw = "Released under the John F. Kennedy\n\nAssassination Records Collection Act of\n\n1992 (44 USC 2107 Note). Case#:NVy\n\n65924 Date: 10-21-2021"
    v = values(raw, "release-stamp")
    assert v[0]["nw"] == "65924" and v[0]["date"] == "2021-10-21"
    v2 = values("2022 RELEASE UNDER THE PRESIDENT JOHN F. KENNEDY ASSASSINATION RECORDS ACT OF 1992", "release-stamp")
    assert v2[0]["year"] == "2022"


@pytest.mark.parametrize(
    ("raw", "date"),
    [
        # OCR's variants of NARA's stamp in the JFK files (104-10131-10092, 124-10203-10264 and others; public domain)
        ("Heleased under the John F. Kennedy\n\nAssassination Records Collection act of\n\n1992(44 USC 2107 Notel. Case#:NW\n\n55924 Date: 10-26-2021", "2021-10-26"),
        ("Released under the John F. Kenhedy\n\nAssassination Records Collection Act of\n\nSTANDARD FORM NO. 64\n\n1992 (44 USC 2107 Note). Case#:NW\n\n65994 Date: 11-01-2021", "2021-11-01"),
        ("Released under the John F. Kennedy Rosassination Flecords Collecton Act ol 992 (44 USC: 2107 Note]. Case#:NW 65994 Date: 11-01-2021", "2021-11-01"),
        ("Heleased under the John F. Kennedy Ascascination Records Collection Act of 1992144 U5C 2102\n\nMotel. Case#:NW 99226 Date: 11-01-2021", "2021-11-01"),
    ],
)
def test_jfk_release_stamp_as_ocr_prints_it(raw: str, date: str) -> None:
    v = values(raw, "release-stamp")
    assert v and v[0].get("date") == date, v


def test_review_authority_and_upgrade_block() -> None:
    v = values("REVIEW AUTHORITY: Adolph Eisner, Senior Reviewer", "review-authority")
    assert v[0]["reviewer"] == "Adolph Eisner" and v[0]["title"] == "Senior Reviewer"
    raw = "Classified by DAS, A/GIS, DoS on 07/30/2015 ~ Class: CONFIDENTIAL ~ Reason: 1.4(D) ~ Declassify on: 08/14/2024"
    u = values(raw, "review-classification")[0]
    assert u["level"] == "CONFIDENTIAL" and u["date"] == "2015-07-30" and u["declassify"] == "08/14/2024"


def test_nara_and_fbi_stamps() -> None:
    v = values("DECLASSIFIED Authority NND 969000 By SC NARA Date 6/12/97", "declassification")
    assert v[0]["case"] == "NND 969000" and v[0]["date"] == "1997-06-12"
    box = "XXXXXXXXXXXXXXXXXXXXXXXX\nX Deleted Page(s) X\nX No Duplication Fee X\nX For this Page X\nXXXXXXXXXXXXXXXXXXXXXXXX"
    assert values(box, "page-denied")


def test_status_code_list_wrapped_under_the_stamp() -> None:
    raw = (
        "  Classified by DAS, A/GIS, DoS on 10/30/2015 — Class:                                RELEASE IN PART B1,1.4(D),B3 CIA\n"
        "  CONFIDENTIAL — Reason: 1.4(D) — Declassify on:                                      PERS/ORG,B6\n"
    )
    found, _noise = scan(raw)
    status = [f for f in found if f.extra["kind"] == "release-status"]
    assert [f.raw.strip() for f in status] == ["RELEASE IN PART B1,1.4(D),B3 CIA", "PERS/ORG,B6"]
    assert status[0].value["codes"] == ["1.4(d)", "(b)(1)", "(b)(3)", "(b)(6)"]


def test_codes_glued_to_a_line_end_in_a_release() -> None:
    import declass

    text = (
        "RELEASE IN PART B1,1.4(D)\n\nLast week I traveled to Israel in an Iran-related seminar with the IDF general who 1.4(D)\n"
        "is likely to become the next chief of military intelligence.\n"
    )
    rec = declass.parse_bytes(text.encode(), "x.txt")
    assert "1.4(D)" not in rec.text and len(rec.redactions) == 1 and rec.redactions[0].kind == "inline"


def test_cia_return_stamp_is_furniture() -> None:
    # NARA JFK records: the stamp on CIA copies lent to the review, in OCR's spellings; it is no
    # mention of the CIA
    import declass

    for raw in (
        "F. KENNEDY ASSASSINATION RECORDS ACT OF 1992].\n\nRETURN TO CIA\n\nBackground Use Only\n\nDo Not Reproduce\n\nThe report went to Havana.\n",
        "RETURN TO CIA END OF MESSAGE Background use Ony Do Not Roproduce\n\nThe report went to Havana.\n",
    ):
        assert any(f.extra["kind"] == "stamp" for f in scan(raw)[0])
        rec = declass.parse_bytes(raw.encode(), "cable.md")
        assert "CIA" not in rec.text and "Background" not in rec.text, rec.text
        assert not any(e["name"] == "Central Intelligence Agency" for e in rec.entities)


def test_ops_center_distribution_list_is_furniture() -> None:
    # State C05770368 (public domain): the offices an alert went to, office symbols all ("INS" no
    # mention of the immigration service)
    import declass

    raw = (
        "(U) At approximately 0300 EDT on 10/23/2009 an IED was detonated in Peshawar, Pakistan.\n\n"
        "Automatic electronic distribution to: S, D(S), D(L), P, E, C, M, DG, T, R, PA, G, AF, EAP, EUR, NEA, SCA, WHA, 10,\n"
        "S/CRS, S/CT, H, DS, CA, PMAT, INR, INS, 11P, CMS, S/ES, S/ES-0, NSOC, and WHSR.\n"
    )
    assert any(f.extra["kind"] == "distribution" for f in scan(raw)[0])
    rec = declass.parse_bytes(raw.encode(), "alert.txt")
    assert "WHSR" not in rec.text and "Peshawar" in rec.text
    assert not any(e["type"] == "organization" for e in rec.entities), rec.entities


def test_a_printed_forms_imprint_is_furniture() -> None:
    # FBI reports (124-90079-10017 and others; public domain): the Government Printing Office's
    # imprint at the foot of the form, in OCR's spellings; the office named in a sentence stays
    import declass

    raw = (
        "FBI - This report is loaned to you by the FBI, and neither it nor its contents are to be distributed outside the agency.\n\n"
        "I U.S. GOVERNMENT PRINTING OFFICE: 1955 0-344750\n\nHow Ford.\n\n10/26/70\n\nU, 5, GOVERNMENT PRINTING OFFICE: 1988 0 = 476731\n"
    )
    assert sum(f.extra["kind"] == "form-imprint" for f in scan(raw)[0]) == 2
    rec = declass.parse_bytes(raw.encode(), "report.md")
    assert "PRINTING" not in rec.text and "loaned to you" in rec.text
    assert not any("Printing Office" in e["name"] for e in rec.entities)
    prose = declass.parse_bytes(b"The Government Printing Office published the Warren Commission's report in 1964.\n", "p.txt")
    assert "Government Printing Office" in prose.text


def test_the_2025_release_stamp_under_executive_order_14176_is_furniture() -> None:
    # at the foot of each page of the 2025 JFK releases (144-10001-10344 and 47 other development records), OCR's "JEK", "REK"
    full = "Released pursuant to Executive Order 14176, DECLASS. OF RECORDS CONC. THE ASSASSINATIONS OF PRES. JEK, SEN.\n\nREK, AND THE REV. DR. MLK, JR."
    v = values(full, "release-stamp")
    assert v and v[0]["order"] == "14176", v
    found, _ = scan(full)
    stamp = next(f for f in found if f.extra["kind"] == "release-stamp")
    assert stamp.furniture and stamp.end == len(full)
    assert values("Released pursuant to Executive Order 14176, DECLASS. OF RECORDS CONC. THE ASSASSINATIONS OF PRES. JFK, SEN.", "release-stamp")


def test_the_jfk_release_stamp_as_ocr_damaged_it_is_furniture() -> None:
    # the first line of NARA 104-10290-10105, 104-10183-10261, 104-10250-10029, 104-10186-10241,
    # 104-10290-10164, 104-10227-10027 (public domain): words lost, garbled or cut away
    damaged = [
        ("LEASE UNDER THE PRESIDENT JOHN F. KENNEDY ASSASSINATIOI : Tea \u201c", "LEASE UNDER THE PRESIDENT JOHN F. KENNEDY ASSASSINATIOI"),
        (
            "{NUR ART ANITA RAN LA TREN RT TET RTI a NO IRE \u2014_ RELEASE oe THE Enea JOHN F. KENNEDY fates eet LOL eo ACT OF 1992 I> panies hp yin",
            "ACT OF 1992",
        ),
        ("ee ons # 2022 gi eh UNDER THE PRESIDEN. JOHN F. KENNEDY boa oe ACT OF 1992] 2 DAT i", "ACT OF 1992]"),
        ("[2 \u2014_ RELEASE UNDER THE PRESIDENT JOHN F. KENNEDY beste RECORDS ACT OF 1992 | CENTRAL INTELLIGENCE AGENCY", "ACT OF 1992 |"),
        ("(ATION 'RECORDS \u2018ACT OF 1992 ie", "ACT OF 1992"),
        ("ACT OF 1992", "ACT OF 1992"),
    ]
    for line, ends in damaged:
        text = line + "\n\nSECRET\n\nPURPOSE INVESTIGATION KENNEDY AND KING ASSASSINATIONS.\n"
        found, _ = scan(text)
        stamps = [f for f in found if f.extra["kind"] == "release-stamp"]
        assert len(stamps) == 1 and stamps[0].furniture and stamps[0].start == 0, (line, stamps)
        assert stamps[0].raw.rstrip().endswith(ends.rstrip()), (line, stamps[0].raw)
    # a stamp another pattern reads whole is read once; the body's words are no stamp
    whole = "104-10187-10026 2022 RELEASE UNDER THE PRESIDENT JOHN F. KENNEDY ASSASSINATION RECORDS ACT OF 1992\n"
    assert len(values(whole, "release-stamp")) == 1
    for prose in ("PURPOSE INVESTIGATION KENNEDY AND KING ASSASSINATIONS", "INTERNAL SECURITY ACT OF 1950", "the assassination of President Kennedy and the watergate affair"):
        assert values(prose, "release-stamp") == [], prose


def test_the_pieces_of_the_2025_stamp_ocr_cut_apart_are_furniture() -> None:
    # NARA 144-10001-10098, 144-10001-10127, 144-10001-10350 (public domain): the stamp's lines apart
    text = (
        "TOP SECRET DINAR\n\nReleased pursuant to Executive Order 14176, DECLASS.\n\nRFK, AND THE REV. DR. MLK, JR.\n\n"
        "OF RECORDS CONC. THE ASSASSINATIONS OF PRES.\n\nREK, AND THE REV. DR. MIK, JR.\n\nTHE ASSASSINATIONS OF PRES.\n\n"
        "TOP SECRET DINAR eleased pursuant to Executive Order 14176, DECLASS. OF RECORDS CONC. THE ASSASSINATIONS OF PRES. JFK, SEN.\n"
    )
    found, _ = scan(text)
    pieces = [f.raw.strip() for f in found if f.extra["kind"] == "release-stamp"]
    assert "RFK, AND THE REV. DR. MLK, JR." in pieces and "REK, AND THE REV. DR. MIK, JR." in pieces, pieces
    assert "OF RECORDS CONC. THE ASSASSINATIONS OF PRES." in pieces and "THE ASSASSINATIONS OF PRES." in pieces, pieces
    assert not any("DINAR" in p for p in pieces), pieces
    # the people it names are no mention of them
    import declass

    rec = declass.parse_bytes(text.encode(), "page.md")
    assert not [e["name"] for e in rec.entities if e["type"] == "person"], rec.entities
    # prose about the murdered leader is no stamp
    assert values("THE ASSASSINATION OF THE REVEREND MARTIN LUTHER KING IN MEMPHIS", "release-stamp") == []
