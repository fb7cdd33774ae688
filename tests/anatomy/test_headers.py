"""Headers read from real OCR layouts (State e-mails and memos, NARA JFK forms and CIA cables)."""

import declass


def parse(text: str) -> declass.Record:
    return declass.parse_bytes(text.encode(), "x.txt")


def test_email_top_message_and_thread() -> None:
    rec = parse(
        "From:                              Sullivan, Jacob J <SullivanJJ@state.gov>\n"
        "Sent:                              Sunday, December 6,2009 11:00 AM\n"
        "To:                                H\n"
        "Subject:                           Re: Jake-\n\n\n"
        "We could reach out in the next couple of hours.\n\n"
        "    Original Message\nFrom: H <HDR22@clintonemail.com>\nTo: Sullivan, Jacob i\nSent: Sun Dec 06 10:33:09 2009\nSubject: Re: Jake--\n"
    )
    h = rec.header
    assert (h.kind, h.date, h.to, h.subject) == ("email", "2009-12-06T11:00", ["H"], "Re: Jake-")
    assert h.from_ is not None and h.from_.startswith("Sullivan, Jacob J")


def test_reply_addressee_inferred_from_quoted_message() -> None:
    rec = parse(
        "From: Sullivan, Jacob J <SullivanJJ@state.gov>\nSent: Sunday, December 6, 2009 11:00 AM\nTo:\nSubject: Re: Karzai call\n\n"
        "Tomorrow works.\n\nOriginal Message\nFrom: H <HDR22@clintonemail.com>\nSent: Sun Dec 06 10:33:09 2009\nTo: Sullivan, Jacob J\n"
        "Subject: Karzai call\n"
    )
    assert rec.header.to == ["H"] and rec.header.inferred == ["to"]


def test_subject_without_colon_and_header_lines_kept_apart() -> None:
    rec = parse(
        "From:                        H <hrod17@clintonemail.com>\nSent:                        Saturday, March 26,2011 6:30 PM\n"
        "To:                          'reinesp@state.gov'\nSubject                      Are we ok on the shows?\n"
    )
    assert rec.header.subject == "Are we ok on the shows?" and rec.header.to == ["reinesp@state.gov"]


def test_memo_for_from_re() -> None:
    rec = parse("January 31, 2011\n\n For: Hillary\n From: Sid\n Re: Intel on Egypt\n\n I have had conversations today.\n")
    h = rec.header
    assert (h.kind, h.from_, h.to, h.subject, h.date) == ("memo", "Sid", ["Hillary"], "Intel on Egypt", "2011-01-31")


def test_cable_is_not_an_email() -> None:
    rec = parse("FROM LONDON gp : ocr 24 2131z 61\nTO DIRECTOR\nCITE LOND 4455\nSUBJECT: STATEMENTS OF MANOLO RAY\n")
    assert rec.header.kind != "email"


def test_cia_cable_originator_lines() -> None:
    assert parse("SECRET 202814Z APR 68 CITE BOGOTA 0783\nIMMEDIATE DIRECTOR\n").header.from_ == "BOGOTA"
    assert parse("SECRET\nSTAFF 0420522 DIRECTOR 627924 :\nTO: IMMEDIATE MEXICO CITY.\n").header.from_ == "DIRECTOR"


def test_jfk_form_with_labels_and_values_in_separate_runs() -> None:
    rec = parse(
        "JFK ASSASSINATION SYSTEM\nIDENTIFICATION FORM\nAGENCY INFORMATION\nAGENCY\nRECORD NUMBER\nRECORD SERIES\nAGENCY FILE NUMBER\n"
        "CIA\n104-10012-10134\nJFK\n201-289248\nDOCUMENT INFORMATION\nORIGINATOR : CIA\nFROM\nROCCA, RAYMOND G., C/CI/R&A\nTO\nDCI (HELMS)\n"
        "TITLE\nAUSTRALIAN\nPRESS REQUEST RE ANONYMOUS TELEPHONE CALLS TO US/EMB IN\nCANBERRA ON PLANNED ASSASSINATION OF JFK\n"
        "DATE\nPAGES\nSUBJECTS\n04/02/68\n1\nFOREIGN PRESS\nCLASSIFICATION : SECRET\nCURRENT STATUS :\nRELEASED WITH DELETIONS\n"
        "DATE OF LAST REVIEW\n08/13/93\nNW 65924 Docld:32108138 Page 1\n"
    )
    h = rec.header
    assert h.kind == "form" and h.date == "1968-04-02"
    assert h.from_ == "ROCCA, RAYMOND G., C/CI/R&A" and h.to == ["DCI (HELMS)"]
    assert h.subject == "AUSTRALIAN PRESS REQUEST RE ANONYMOUS TELEPHONE CALLS TO US/EMB IN CANBERRA ON PLANNED ASSASSINATION OF JFK"
    assert rec.release.record_number == "104-10012-10134"
    assert rec.release.status == "released_in_part" and rec.classification.level == "SECRET"


def test_form_print_date_is_not_the_document_date() -> None:
    rec = parse(
        "JFK Assassination System\nIdentification Form\nDate:\n4/3/2015\nAgency Information\nAGENCY: | FBI\n"
        ": RECORD NUMBER: — 124-10302-10233\nDocument Information\nORIGINATOR: — FBI\nFROM: ERRION, THOMAS H.\nTO: DIRECTOR, FBI\n"
        "TITLE :\nDATE: 04/06/1959\nPAGES : 17\n"
    )
    assert rec.header.date == "1959-04-06" and rec.header.from_ == "ERRION, THOMAS H."
    assert rec.release.record_number == "124-10302-10233"


def test_dateline_when_there_is_no_header() -> None:
    rec = parse("SECRET\n\nDD/P 8-1350\n\n2 APR 1968\n\nMEMORANDUM FOR: Director of Central Intelligence\n")
    assert rec.header.date == "1968-04-02"


def test_letters_and_articles_name_their_sender_and_addressee() -> None:
    """Real layouts from the State release (C05770608, C05769270, C05771634)."""
    letter = parse(
        "UNCLASSIFIED U.S. Department of State Case No. F-2014-20439 Doc No. C05770608 Date: 08/31/2015\n\n"
        "                                                                           RELEASE IN PART\n"
        "                                                                           B5\n\n\n"
        "Dear Mr. Ambassador:\n\n\n\n                                          Sincerely yours,\n\n\n\n"
        "                                          Hillary Rodham Clinton\n\n\n\nHis Excellency\n      Han Duk-soo\n"
    )
    # "Mr. Ambassador" names no one; the address block under the signature does
    assert letter.header.from_ == "Hillary Rodham Clinton" and letter.header.to == ["Han Duk-soo"]
    dear = parse("RELEASE IN FULL\n\n                June 30, 2010\n\n  Dear Mr. John Olver:\n\n   We thought you would be interested to know.\n")
    assert dear.header.to == ["John Olver"] and dear.header.from_ is None
    article = parse("RELEASE IN FULL\n\n    More on Patterns in Intractable Conflicts\n     By Louise Diamond, Ph.D.\n\n     In deep-rooted, intractable conflicts.\n")
    assert article.header.from_ == "Louise Diamond"
    email = parse("From: Mills, Cheryl D <MillsCD@state.gov>\nSent: Friday, December 4, 2009 1:03 PM\nTo: H\nSubject: Note\n\nThanks.\nSincerely,\nJohn Smith\n")
    assert email.header.from_ is not None and email.header.from_.startswith("Mills")  # a header wins over a signature


# ----- CIA cable originators and NARA forms as OCR leaves them (excerpts of NARA JFK releases)


def test_cable_sender_behind_a_damaged_from_label() -> None:
    # 104-10229-10099: "FROM:" scanned as "ftom,"
    text = (
        "“\"fo4-10229-10099|\n\ntee\n\neG\nfea\nHERWOOD Army 459\nDal 25 Soptamber 1962\n\n10. SMMAVE\n"
        "ftom, DIRECTOR\n\n. cont, TFW 10 @\nnro: OOP, FI, FI/INT 2, S/e 2\n\n10 WAVE INFO creo 38442\n"
    )
    assert parse(text).header.from_ == "DIRECTOR"
    for label in ("Feom:", "frou,", "i: Feom:", "; Fkom,", "rrom:", "F20M:", "*90m."):
        assert parse(f"SECRET\n{label} DIRECTOR\nINFO: DDP\n").header.from_ == "DIRECTOR", label


def test_a_sentence_with_from_is_not_a_sender_line() -> None:
    # a cable's prose in capitals, and a memo's in mixed case, name stations after "from"
    assert parse("SECRET\nLUIS GARCIA CERDEIRA ARRIVED PARI FROM LOND AROUT 14 DEC.\n").header.from_ != "LONDON (LOND)"
    rec = parse("MEMORANDUM\nbased on a report from Santiago de Cuba (HKSA-171, 25 April 1958).\n")
    assert rec.header.from_ != "SANTIAGO"
    assert parse("SECRET\nMAND INFO DIR GORG FRAY MADR BRUS HAGU\n").header.from_ != "MADRID (MADR)"


def test_damaged_originator_value_repaired_with_a_warning() -> None:
    rec = parse("SECRET\nFROM: DIPECTOR Re cory a\nTO: MEXICO CITY\nCITE DIR 12345\n")
    assert rec.header.from_ == "DIRECTOR"
    assert any("DIPECTOR" in w for w in rec.warnings)


def test_cable_from_line_holding_its_dissemination_gives_way_to_the_cite_line() -> None:
    # 104-10326-10038: a 1997 cable whose FROM line lists its distribution
    text = (
        "SECRET\nPAGE 001 '\nTOT: 051815Z MAR 97 DIRECTOR 255911\nSECRET\nSTAFF 0518152 DIRECTOR 255911\n"
        "TO: PRIORITY INFO PRIORITY\n\nFROM: LIMITED DISSEM CHIEF/OCC INFO EUR/IBII, PCS/CL, DO/IRO\nEUR/LGL\n\n"
        "SLUGS: WNINTEL\nSUBJECT: REQUEST FOR STATION ASSISTANCE\nREF: NONE.\n"
    )
    assert parse(text).header.from_ == "DIRECTOR"


def test_cite_line_station_one_letter_off_is_the_station() -> None:
    assert parse("SECRET 202814Z APR 68 CITE MEXT 0783\nIMMEDIATE DIRECTOR\n").header.from_ == "MEXICO CITY (MEXI)"
    assert parse("SECRET\nCITE DIR 44488\n").header.from_ == "DIRECTOR (DIR)"


def test_jfk_form_with_the_release_stamp_printed_inside_it() -> None:
    # 2021 DOCID-32312807: the stamp sits between the agency and the document blocks
    text = (
        "JFK Assassination System\n\nIdentification Form\n\nAgency Information\n\nDate:\n\n4/9/2015\n\nAGENCY: FBI\n\n"
        "RECORD NUMBER :\n\n124-10325-10056\n\nRECORD SERIES: HQ\n\nAGENCY FILE NUMBER :\n\n105-99938-21\n\n"
        "Heleased under the John F. Kennedy\n\nAssassination Records Collection Act of\n\n1992 (44 USC 2107 Note). Case#:NW\n\n"
        "Chl ate: 11-03-2021\n\nDocument Information\n\nORIGINATOR: FBI\n\nFROM: HQ\n\nTO: AFOSI\n\nTITLE :\n\n"
        "DATE: 10/27/1970\n\n'PAGES:\n\n3\n\nSUBJECTS :\n\nCUBAN COUNTERINTELLIGENCE PROGRAM\n\n"
        "DOCUMENT TYPE: PAPER, TEXTUAL DOCUMENT\n\nCLASSIFICATION: Secret\n\nCURRENT STATUS : Redact\n\n"
        "DATE OF LAST REVIEW: 10/08/1998\n\nNW 66000 Docld:32312807 Page 1\n"
    )
    h = parse(text).header
    assert (h.kind, h.from_, h.to, h.date) == ("form", "HQ", ["AFOSI"], "1970-10-27")


def test_jfk_form_values_after_their_caption_and_lost_labels() -> None:
    # 2022 DOCID-32292132: labels first, then the values under "Document Information"; the
    # "ORIGINATOR : _" line printed out of place must not take a value
    text = (
        "AGENCY :\nRECORD NUMBER :\nRECORD SERIES :\nAGENCY FILE NUMBER :\nSe\nFROM:\nTO:\nTITLE:\nDATE :\nPAGES:\n"
        "SUBJECTS :\nDOCUMENT TYPE :\nCLASSIFICATION :\nCURRENT STATUS :\nDATE OF LAST REVIEW :\nOPENING CRITERIA :\n"
        "COMMENTS :\nv9\nORIGINATOR : _\nJFK Assassination System\nDate: 5/19/201\nIdentification Form\n"
        "\"Agency Information\nFBI\n124-10208-10408\nHQ\n92-6054-685\nDocument Information\nFBI\nTALBURTT, ORVILLE R.\n"
        "DIRECTOR, FBI\n07/22/1964\n22\nLCN, TROPIANO, RALPH, CRIMINAL ACT\nPAPER, TEXTUAL DOCUMENT\nUnclassified\n"
    )
    h = parse(text).header
    assert (h.from_, h.to, h.date) == ("TALBURTT, ORVILLE R.", ["DIRECTOR, FBI"], "1964-07-22")
    # 2022 DOCID-32288921: the FROM and TO labels lost by OCR, their values after ORIGINATOR
    text = (
        "JFK Assassination System\nIdentification Form\nDate:\n6/15/201\nAgency Information\nAGENCY: FBI\n"
        "RECORD NUMBER: — 124-10200-10197\nRECORD SERIES: HQ :\nDocument Information\nORIGINATOR: — FBI\n"
        "AMBLER, JOHN A\nDIRECTOR, FBI\nTITLE\nDATE: — 02/09/1967\nPAGES: 71\nSUBJECTS :\nLST, TRA, ARRESTED\n"
        "DOCUMENT TYPE: PAPER, TEXTUAL DOCUMENT\nCOMMENTS :\n"
    )
    h = parse(text).header
    assert (h.from_, h.to) == ("AMBLER, JOHN A", ["DIRECTOR, FBI"])


def test_nsa_form_without_a_sender_slot_names_the_agency_inferred() -> None:
    # 144-10001-10117: NSA's form prints no ORIGINATOR/FROM/TO; the message below it has its own lines
    text = (
        "JFK ASSASSINATION SYSTEM\nIDENTIFICATION FORM\n\nAGENCY INFORMATION\n\nAGENCY : NSA\n"
        "RECORD NUMBER : 144-10001-10117\nRECORDS SERIES\n\nAGENCY FILE NUMBER :\n\n[R]\n\nTITLE:\n"
        "3/0{__T12-64: EFFORTS STILL BEING MADE TO GET AMERICAN OUT OF CUBA [RI\n\n«SUBJECTS: crete eee\n"
        "DIPLOMATIC ACTIVITY 44 USC 2107(5)(g)(2(D)(i) | [RI\nDOCUMENT TYPE : REPORT\nCLASSIFICATION :\n"
        "RESTRICTIONS : 1B\nCURRENT STATUS : X\nDATE OF LAST REVIEW : 08/11/93\nCOMMENTS :\n\nsed on 08-12-2022 un\n\n"
        "WS 24670 3/o/L_]T12-64\n. . Dist: HCF\n\nEFFORTS STILL BEING MADE TO GET AMERICAN OUT OF CUBA :\n"
    )
    h = parse(text).header
    assert (h.kind, h.from_, h.inferred) == ("form", "NSA", ["from"])


def test_dispatch_address_block_without_labels() -> None:
    # 104-10055-10072: a CIA dispatch whose TO / INFO / FROM labels OCR lost
    text = (
        "Tod“10088-10072, [2022 RELEASE UNDER THE PRESIDENT JOHN F. KENNEDY ASSASSINATION RECORDS ACT OF 1992 | _\n\n"
        "Chief, KURIOT Atm: Photographic Branch\n\nwr\nChief, WH Division\n\nChief of Station, Mexico City\n\n"
        "“Action: None. For your information.\n\n1. ° resented below is a reporting of the operational and support activities\n"
        "of Gregory D, PARMUTH for the above mentioned period.\n"
    )
    h = parse(text).header
    assert (h.from_, h.to) == ("Chief of Station, Mexico City", ["Chief, KURIOT Atm: Photographic Branch"])
    assert set(h.inferred) == {"from", "to"}


def test_label_alone_passes_over_a_speck_line_and_a_column_caption() -> None:
    # 2021 DOCID-32378050 (a dispatch) and 104-10105-10137 (a routing and record sheet)
    rec = parse("DISPATCH NO. HH-4-3583\n\nTO\n\nChief, WHD\n\nFROM\n\nSTil\n\nChief of Station, Habana\n\nDATE 2 Lay 2957\n\nSUBJECT: Operational\n")
    assert rec.header.from_ == "Chief of Station, Habana"
    rec = parse(
        "ROUTING AND RECORD SHEET\n‘SUBJECT:\na Review for Approval - Manuscript Submitted by\nMr. David A. Phillips\n"
        "FROM: EXTENSION\nJ. F. Meehan\nC/EAB, 4E33 Hq. 7770\n5 Jan 1976\nTO: (Officer designation, room number, and\n"
    )
    assert rec.header.from_ == "J. F. Meehan"


def test_memo_signer_when_no_from_line() -> None:
    # 104-10423-10258: the signer's name above the title; a person written about is not the signer
    text = (
        "MEMORANDUM FOR: Chief, Information and Privacy Staff\n\nSUBJECT: Request for records\n\n"
        "1. The records requested in reference have been searched and are attached.\n\n"
        "Charlotte Z. BUSTOS-VIDELA\n\nE. Mendoza\nChief, Services. Staff\n\nAttachment\n"
    )
    assert parse(text).header.from_ == "E. Mendoza, Chief, Services. Staff"
    text = "MEMO FOR THE RECORD\n\n1. At 0900 this morning I talked with Frank Friberg.\n\n2. Friberg agreed.\n\nLee H. Wigren\n\nDocument Number\n"
    assert parse(text).header.from_ == "Lee H. Wigren"


def test_fbi_field_office_gets_its_file_code() -> None:
    # 2022 DOCID-32340390: the memo under the form, from the Miami office
    rec = parse("UNITED STATES GOVERNMENT Memorandum\nTO: DIRECTOR, FBI (105-132509)\nFROM: SAC, MIAMI (105-8988) (P)\nSUBJECT: LUIS POSADA\n")
    assert rec.header.from_ == "SAC, MIAMI (MM) (105-8988) (P)"
    assert parse("TO: DIRECTOR, FBI\nFROM: SAC, MIAMI (MM)\nSUBJECT: X\n").header.from_ == "SAC, MIAMI (MM)"


def test_nsa_form_sender_printed_on_its_line_or_left_by_ocr() -> None:
    base = (
        "JFK ASSASSINATION SYSTEM\nIDENTIFICATION FORM\nAGENCY INFORMATION\nAGENCY : NSA\nRECORD NUMBER : 144-10001-10090\n"
        "RECORDS SERIES :\nAGENCY FILE NUMBER :\nDOCUMENT INFORMATION\nORIGINATOR : {o}\nFROM : {f}\nTITLE :\n"
        "3/0 T1659-63: MEXICO'S APPEAL RECEIVED TOO LATE; PRISONER EXECUTE [RI]\nDOCUMENT TYPE : REPORT\nCOMMENTS :\n"
    )
    assert parse(base.format(o="NSA", f="YEATES")).header.from_ == "YEATES"
    h = parse(base.format(o="Ne", f="Ne")).header  # what OCR left of a withheld value
    assert (h.from_, h.inferred) == ("NSA", ["from"])


def test_cite_line_variants_as_ocr_prints_them() -> None:
    # 104-10015-10374, 104-10171-10211, 104-10097-10307: a backslash, a damaged code, an underscore
    assert parse("PRIORITY DIR. INFO PRIORITY GNVA CITE\\BERN 25987 sae\n").header.from_ == "BERN"
    assert parse(": DIR MASH CITE MEXE bI82-\n").header.from_ == "MEXICO CITY (MEXI)"
    assert parse("~ MAND INFO DIR GORG FRAY MADR BRUS HAGU CITE MEXI_ 69197 f -\n").header.from_ == "MEXICO CITY (MEXI)"


def test_headquarters_behind_a_label_damaged_further() -> None:
    # 104-10173-10020 "Frets DIRECTOR", 104-10101-10187 "feat: DIRECTOR"; a damaged TO is not FROM
    assert parse("SECRET\nFrets DIRECTOR\nCONF: WH 4\n").header.from_ == "DIRECTOR"
    assert parse("SECRET\nfeat: DIRECTOR SNK\n").header.from_ == "DIRECTOR"
    assert parse("72 4\n\nTor DIRECTOR\n\nROME MEXICO CITY action IW\n").header.from_ != "DIRECTOR"
    assert parse("SECRET\nREF DIRECTOR 92664\n").header.from_ != "DIRECTOR"


def test_note_for_the_secretary_names_its_addressee() -> None:
    # State C05769375: a note to the Secretary, its sender on a FROM line with an office symbol
    text = (
        " SENSITIVE BUT UNCLASSIFIED                                      January 22, 2010\n NOTE FOR THE SECRETARY\n"
        " FROM:          G/TIP — Luis CdeBaca\n SUBJECT: Child Trafficking in Haiti\n"
        "    G/TIP is gravely concerned about the potential for human trafficking (TIP) in\n"
    )
    h = parse(text).header
    assert (h.kind, h.to, h.from_, h.subject) == ("memo", ["THE SECRETARY"], "G/TIP — Luis CdeBaca", "Child Trafficking in Haiti")


def test_ocr_damage_at_a_memorandums_sender() -> None:
    # CIA memoranda (104-10095-10189, 104-10214-10015; public domain): OCR's "3" for the colon after
    # FROM; a column of labels whose colon OCR lost ("SUBJECT,") is no sender: the signer is
    memo = parse(
        "MEMORANDUA FOR: Deputy Director for Administration\n\nFROM 3: Robert W. Gambino\n. Birector of Security\n\n"
        "SUBJECT 3 Morrow, Robert Dietz\n\n1. Tnais. memorandum is for your information only.\n"
    )
    assert memo.header.from_ == "Robert W. Gambino"
    # 104-10111-10199: a lone letter OCR left before the label, "2" for the colon
    specked = parse(
        "‘i 17 OCT 1962\nMEMORANDUM FOR: Chief, CI/oa\nj FROM 2 Deputy Director of Security (Investigations\n"
        "! and Operational Support)\nSUBJECT : #83 492\n\n1. Reference is made to your memorandum dated 21 September 1962.\n"
    )
    assert specked.header.from_ is not None and specked.header.from_.startswith("Deputy Director of Security")
    columns = parse(
        "26 June 1978\n\nMEMORANDUM TO:\n\nFROM\n\n:\n\nSUBJECT,\n\nJames W. Lucas\n\nDeputy\n\nExecutive Secretary\n\n"
        "Scott D. Breckinridge\n\nPrincipal Coordinator\n\n#SCA Requirements\n\n1. Attached are the hand-written requirements ot\n\n"
        "Mr. Charles Berk of HSCA.\n\nS. D. Breckinridge\n\n• te\n\nAttachment\n\nDistribution:\n\nOrig\n"
    )
    assert columns.header.from_ is not None and "Breckinridge" in columns.header.from_


def test_a_cia_forms_sender_one_letter_from_a_station() -> None:
    # NARA identification form of 104-10075-10095 (public domain): "UMWAVE" is JMWAVE
    rec = parse(
        "JEK ASSASSINATION SYSTEM\n\nIDENTIFICATION FORM\n\nAGENCY INFORMATION\n\nAGENCY : CIA\n\nRECORD NUMBER: 104-10075-10095\n\n"
        "RECORD\n\nSERIES: JFK\n\nAGENCY FILE NUMBER\n\n80T01357A\n\nDOCUMENT INFORMATION\n\nAGENCY ORIGINATOR : CIA\n\n"
        "FROM : UMWAVE\n\nTO : DIRECTOR\n\nTITLE : UMWAVE CABLE RE ENROLLING IN UNIVERSITY OF MEXICO.\n\nDATE : 11/27/1963\n"
    )
    assert rec.header.from_ == "JMWAVE"
    assert any("UMWAVE" in w for w in rec.warnings)
