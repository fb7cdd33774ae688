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
    assert letter.header.from_ == "Hillary Rodham Clinton" and letter.header.to == []  # "Mr. Ambassador" names no one
    dear = parse("RELEASE IN FULL\n\n                June 30, 2010\n\n  Dear Mr. John Olver:\n\n   We thought you would be interested to know.\n")
    assert dear.header.to == ["John Olver"] and dear.header.from_ is None
    article = parse("RELEASE IN FULL\n\n    More on Patterns in Intractable Conflicts\n     By Louise Diamond, Ph.D.\n\n     In deep-rooted, intractable conflicts.\n")
    assert article.header.from_ == "Louise Diamond"
    email = parse("From: Mills, Cheryl D <MillsCD@state.gov>\nSent: Friday, December 4, 2009 1:03 PM\nTo: H\nSubject: Note\n\nThanks.\nSincerely,\nJohn Smith\n")
    assert email.header.from_ is not None and email.header.from_.startswith("Mills")  # a header wins over a signature
