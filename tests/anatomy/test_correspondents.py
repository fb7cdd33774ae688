"""Top-header correspondents repaired from the spellings the same thread prints (OCR strings from
State's Clinton e-mail releases), and authors of documents with no header (speeches, statements)."""

import pytest

import declass


def parse(text: str) -> declass.Record:
    return declass.parse_bytes(text.encode(), "x.txt")


def thread(top_from: str, top_to: str, quoted: str) -> str:
    return (
        f"From:                               {top_from}\n"
        "Sent:                               Saturday, August 15, 2009 4:02 PM\n"
        f"To:                                 {top_to}\n"
        "Subject:                            Re: schedule\n\n"
        "Will do.\n\n"
        f"{quoted}\n"
        "Sent: Sat Aug 15 15:40:11 2009\nSubject: schedule\n\nCan we talk tomorrow?\n"
    )


@pytest.mark.parametrize(
    ("top_from", "top_to", "quoted", "want_from", "want_to"),
    [
        # an address with OCR spaces and a top-level domain that does not exist
        ("H <hrod17@clintonemail.com>", "'a bed in h@state.gov'", "From: Abedin, Huma [mailto:AbedinH@state.gov]\nTo: H",
         "H <hrod17@clintonemail.com>", ["AbedinH@state.gov"]),
        ("H <hrod17@clintonemail.com>", "'millscd@state.goy'", "From: Mills, Cheryl D <millscd@state.gov>\nTo: H",
         "H <hrod17@clintonemail.com>", ["millscd@state.gov"]),
        # a word of the name split by OCR
        ("Abed in, Huma <AbedinH@state.gov>", "H", "From: H <hrod17@clintonemail.com>\nTo: Abedin, Huma",
         "Abedin, Huma <AbedinH@state.gov>", ["H"]),
        # a mailbox name cut at the right margin
        ("H <hrod17@clintonemail.com>", "'preine", "From: preines\nTo: H", "H <hrod17@clintonemail.com>", ["preines"]),
        # ... or damaged at its last letter: the spelling must then be printed twice
        ("jake.sullivar", "H", "From: H <hrod17@clintonemail.com>\nTo: jake.sullivan\nCc: jake.sullivan", "jake.sullivan", ["H"]),
    ],
)
def test_damaged_correspondent_takes_the_threads_spelling(top_from: str, top_to: str, quoted: str, want_from: str, want_to: list[str]) -> None:
    rec = parse(thread(top_from, top_to, quoted))
    assert (rec.header.from_, rec.header.to) == (want_from, want_to)
    assert any("as the document prints it elsewhere" in w for w in rec.warnings)


@pytest.mark.parametrize(
    ("top_to", "quoted", "want"),
    [
        # well formed: left as printed even though the thread spells a near neighbour
        ("'sullivanjj@state.gov'", "From: Sullivan, Jacob J [mailto:Sullivann@state.gov]\nTo: H", ["sullivanjj@state.gov"]),
        # a trailing dot is no damage to the address, and the neighbour is damaged itself
        ("'marshallcp@state.gov.", "From: Marshall, Capricia P [mailto:MarshalICP@state.gov]\nTo: H", ["marshallcp@state.gov"]),
        # a name is never replaced by a mailbox name with the same letters
        ("Lauren Jiloty", "From: H <hrod17@clintonemail.com>\nTo: Laurenjiloty", ["Lauren Jiloty"]),
        # a mailbox name printed in full is never shortened to a cut spelling
        ("preines", "From: preine\nTo: H", ["preines"]),
        # a changed last letter with the other spelling printed once: which one is damaged is unknown
        ("jake.sullivar", "From: H <hrod17@clintonemail.com>\nTo: jake.sullivan", ["jake.sullivar"]),
        # nothing to learn from: no other spelling printed
        ("'sbwhoeor", "From: H <hrod17@clintonemail.com>\nTo: Mills, Cheryl D", ["sbwhoeor"]),
    ],
)
def test_correspondent_left_as_printed(top_to: str, quoted: str, want: list[str]) -> None:
    rec = parse(thread("H <hrod17@clintonemail.com>", top_to, quoted))
    assert rec.header.to == want
    assert not any("as the document prints it elsewhere" in w for w in rec.warnings)


def test_sentence_starting_with_from_is_not_the_quoted_sender() -> None:
    rec = parse(
        "From:                               sbwhoeop\nSent:                               Saturday, March 6, 2010 10:47 AM\nTo:\n"
        "Subject:                            Re: H: Very, very latest on NI. Important info. Sid\n\nLatest BBC report:\n"
        '"From here we will wait for the actual bill to be printed, and then we will be part of the team," he said.\n'
    )
    assert rec.header.from_ == "sbwhoeop" and rec.header.to == []


def test_label_behind_an_ocr_speck() -> None:
    rec = parse(
        "UNCLASSIFIED U.S. Department of State Case No. F-2014-20439 Doc No. C05761147 Date: 08/31/2015\n\n"
        "• From:                         H <hrod17@clintonemail.com >\nSent:                           Monday, May 10, 2010 9:36 PM\n"
        "To:                             'millscd@state.gov'\nSubject:                        Posner\n\nWhat is Mike Posner's address and numbers?\n"
    )
    assert rec.header.kind == "email" and rec.header.from_ is not None and rec.header.from_.startswith("H <hrod17")


@pytest.mark.parametrize(
    ("head", "want"),
    [
        ("FOR IMMEDIATE RELEASE\nFebruary 2, 2010\n\n             STATEMENT FROM CECILE RICHARDS ON INTERNATIONAL\n"
         "            FAMILY PLANNING IN THE OBAMA ADMINISTRATION BUDGET\n", "CECILE RICHARDS"),
        ("Remarks by Ambassador Susan E. Rice, U.S. Permanent Representative, at the Security Council\n", "Susan E. Rice"),
        ("                           SPEECH COVER PAGE\n\nINFORMATION FREEDOM SPEECH\nLead Writer: Tomicah Tillemann\nPhone: 7-9842\n",
         "Tomicah Tillemann"),
        ("  Office of Origin: S/SRGIA\n\n   Announcement Number:\n", "S/SRGIA"),
        ("                              THE SECRETARY OF STATE\n                                   WASHINGTON\n\nDear Colleague,\n",
         "The Secretary Of State"),
    ],
)
def test_author_of_a_document_without_header(head: str, want: str) -> None:
    rec = parse(head + "\nThe text of the statement follows here, long enough to be a paragraph of its own.\n")
    assert rec.header.from_ == want
