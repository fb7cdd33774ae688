"""What a document says: entities, places, dates, events, relations and quantities, each with
evidence, checked on the seed against the analyst's reading and on other real releases."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import declass
from declass import evidence, settings
from declass.extract import dates, events, packs, places
from declass.extract.textutil import fold, fold_same_length
from declass.extract.titles import title_before
from declass.record import Record

FIX = Path(__file__).parent / "fixtures"
SAMPLES = Path(__file__).parent.parent / "samples"
CLI = [sys.executable, "-m", "declass.cli"]


def entity(rec: Record, name: str) -> dict[str, Any]:
    got = [e for e in rec.entities if fold(e["name"]) == fold(name)]
    assert got, f"no entity {name!r} in {[e['name'] for e in rec.entities]}"
    return got[0]


def test_seed_entities_match_the_analysts_reading(seed: Record, seed_gold: dict[str, Any]) -> None:
    names = {fold(n) for e in seed.entities for n in [e["name"], *e["aliases"], *(m["text"] for m in e["mentions"])]}
    for g in seed_gold["entities"]:
        assert any(fold(w) in names for w in [g["name"], *g.get("mentions", [])]), g["name"]
        if g["type"] == "organization" and g.get("mentions"):
            got = {fold(m["text"]) for m in entity(seed, g["name"])["mentions"]}
            assert {fold(m) for m in g["mentions"]} <= got, (g["name"], got)


def test_seed_aliases_acronyms_titles_and_variants(seed: Record) -> None:
    afo = entity(seed, "Arellano Felix Organization")
    assert afo["type"] == "organization" and afo["attributes"]["kind"] == "criminal_group"
    assert {"Tijuana cartel", "AFO"} <= {m["text"] for m in afo["mentions"]}
    calderon = entity(seed, "Felipe Calderon")
    assert calderon["attributes"]["title"] == "President" and len(calderon["mentions"]) == 6
    assert "President of Mexico" in calderon["attributes"]["role"]
    # a misspelling in the text, the canonical spelling in the record
    coronel = entity(seed, "Ignacio Coronel Villarreal")
    assert [m["text"] for m in coronel["mentions"]] == ["Ignacio Coronel Villareal"]
    assert entity(seed, "Vicente Carrillo Fuentes Organization")["aliases"].count("Juarez Cartel") == 1


def test_markings_codes_and_office_symbols_are_never_entities(seed: Record) -> None:
    for e in seed.entities:
        for m in e["mentions"]:
            assert not any(x in m["text"] for x in ("SECRET", "NOFORN", "1.4", "B1", "INR/", "WHA/", "REDACTED")), m


def test_seed_places_are_geocoded_with_their_state(seed: Record, seed_gold: dict[str, Any]) -> None:
    for g in (e for e in seed_gold["entities"] if e["type"] == "place"):
        p = entity(seed, g["name"])
        at = p["attributes"]
        assert p["type"] == "place" and at["country"] == g["country"] and at["lat"] is not None and at["lon"] is not None, g["name"]
        if g.get("kind"):
            assert at["kind"] == g["kind"], (g["name"], at)
        if g.get("in"):
            assert at["in"] == g["in"], (g["name"], at)
    juarez = entity(seed, "Ciudad Juarez")["attributes"]
    assert abs(juarez["lat"] - 31.7) < 0.2 and abs(juarez["lon"] + 106.5) < 0.2


def test_place_names_are_accent_insensitive_and_read_in_context() -> None:
    a = places.find("Violence rose in Nuevo León and in Ciudad Juárez.")
    b = places.find("Violence rose in Nuevo Leon and in Ciudad Juarez.")
    assert [m.key for m in a] == [m.key for m in b] and len(a) == 2
    mx = places.find("In Mexico, the cartel moved from Jalisco to Guadalajara.")
    es = places.find("In Spain, the train from Madrid stopped at Guadalajara.")
    assert mx[-1].attributes["country"] == "MX" and es[-1].attributes["country"] == "ES"
    assert places.find("The city of Chihuahua")[0].attributes["kind"] == "city"
    assert places.find("In Chihuahua, violence rose.")[0].attributes["kind"] == "state"
    assert places.find("Most of the staff stayed; Juan Garcia left.") == []


def test_surnames_of_people_in_fbi_and_cia_style_are_not_places() -> None:
    # NARA JFK records print surnames in capitals beside given names and initials
    names = [m.text for m in places.find("It was financed by MIKE GENOVESE and ARTHUR D. NELSON in the Monroeville, Pa., vicinity.")]
    assert "NELSON" not in names
    assert places.find("Several years ago and whose brother-in-law, NORMAN FARBER, is a member of the club.") == []
    assert [m.text for m in places.find("J. Harris, retired, 1858 E. Glencove St, Mesa, Arizona 82505")][:1] == ["Mesa"]
    assert places.find("The cable reached Washington D.C. on Monday.")[0].text.startswith("Washington")


def test_dates_resolve_against_the_document_date(seed: Record) -> None:
    got = {d["text"]: (d["value"], d["precision"]) for d in seed.dates}
    assert got["March 13"] == ("2010-03-13", "day")
    assert got["June 1994"] == ("1994-06", "month")
    assert got["August"] == ("2010-08", "month")
    # a month later than the document's own date belongs to the year before
    later = {d.text: d.value for d in dates.find("In November the talks failed; on March 2 they resumed.", "2011-04-10")}
    assert later == {"November": "2010-11", "March 2": "2011-03-02"}
    assert dates.find("He may come in May.", "2001-06")[0].value == "2001-05"
    assert [d.text for d in dates.find("They may leave.", "2001-06")] == []


def test_seed_events_with_actors_places_dates_and_plover(seed: Record, seed_gold: dict[str, Any]) -> None:
    for g in seed_gold["events"]:
        match = [
            e
            for e in seed.events
            if e["type"] == g["type"]
            and (g["date"] is None or (e["date"] or "").startswith(g["date"]))
            and (not g.get("place") or fold(g["place"]) in fold(e["place"] or ""))
            and (not g.get("actors") or g["actors"][0] in e["actors"])
        ]
        assert match, g
        assert match[0]["plover"] in ("ASSAULT", "COERCE")
    bomb = next(e for e in seed.events if e["date"] == "2010-07-15")
    assert bomb["actors"] == ["Vicente Carrillo Fuentes Organization"] and "actor_from" in bomb  # "the same group"
    removal = next(e for e in seed.events if e["type"] == "leadership_removal")
    assert "Teodoro Garcia Simental" in removal["targets"]


def test_seed_relations(seed: Record, seed_gold: dict[str, Any]) -> None:
    got = {(r["type"], r["a"], r["b"]) for r in seed.relations}
    for g in seed_gold["relations"]:
        assert (g["type"], g["a"], g["b"]) in got or (g["type"], g["b"], g["a"]) in got, g
    assert ("membership", "Teodoro Garcia Simental", "Arellano Felix Organization") in got


def test_seed_quantities(seed: Record) -> None:
    q = {x["text"]: x for x in seed.quantities}
    assert q["over 45,000"]["value"] == 45000 and q["over 45,000"]["unit"] == "personnel"
    assert q["70%"]["value"] == pytest.approx(0.7) and q["70%"]["unit"] == "share"
    assert not any(x["value"] in (1994, 2010, 13, 15) for x in seed.quantities)  # years and days are dates


def test_every_finding_points_at_text_that_contains_it() -> None:
    """Over the bundled samples and fixtures here; over the whole development corpora in
    test_corpus_parity (they are not shipped)."""
    files = sorted(p for p in [*SAMPLES.rglob("*"), *FIX.iterdir()] if p.suffix in (".txt", ".md"))
    assert len(files) > 30
    n = 0
    for f in files:
        rec = declass.parse(f)
        assert evidence.errors(rec.to_dict()) == [], f
        assert all(e["trigger"] for e in rec.events), f
        n += len(rec.entities) + len(rec.events) + len(rec.quantities)
    assert n > 500


def test_a_users_own_pack(tmp_path: Path) -> None:
    pack = tmp_path / "oil.yaml"
    pack.write_text(
        "pack: oil\nentities:\n"
        "  - {id: pemex, type: organization, kind: company, name: Petroleos Mexicanos, aliases: [PEMEX, Pemex], attributes: {sector: oil}}\n"
        "  - {id: deschamps, type: person, name: Carlos Romero Deschamps, aliases: [Romero Deschamps], attributes: {member_of: pemex}}\n"
    )
    text = "RELEASE IN FULL\n\nRomero Deschamps met PEMEX managers in Villahermosa on May 3, 2009.\n"
    os.environ["DECLASS_PACKS"] = str(tmp_path)
    settings.from_environment.cache_clear()
    try:
        rec = declass.parse_bytes(text.encode(), "oil.txt")
    finally:
        del os.environ["DECLASS_PACKS"]
        settings.from_environment.cache_clear()
    pemex = entity(rec, "Petroleos Mexicanos")
    assert pemex["id"] == "pack:oil:pemex" and pemex["attributes"]["sector"] == "oil"
    assert entity(rec, "Carlos Romero Deschamps")["mentions"][0]["text"] == "Romero Deschamps"
    assert entity(rec, "Villahermosa")["attributes"]["in"] == "Tabasco"
    meeting = [e for e in rec.events if e["type"] == "meeting"]
    assert meeting and meeting[0]["date"] == "2009-05-03" and meeting[0]["place"] == "Villahermosa"


def test_a_broken_pack_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text("entities:\n  - {name: Nobody}\n")
    env = {**os.environ, "DECLASS_PACKS": str(tmp_path)}
    p = subprocess.run([*CLI, "parse", "--json", str(FIX / "C05739560.txt")], capture_output=True, text=True, env=env)
    assert p.returncode != 0 and "bad.yaml" in p.stderr and "needs a name and a type" in p.stderr


def test_without_the_model_packs_and_gazetteers_still_work() -> None:
    with settings.override(spacy_model="none"):
        rec = declass.parse(FIX / "state-inr-mexico-2010.txt")
    assert entity(rec, "Los Zetas") and entity(rec, "Ciudad Victoria")
    assert not any(s.startswith("model:") for e in rec.entities for s in e["attributes"]["sources"])
    with settings.override(spacy_model="no_such_model_xyz"):
        rec = declass.parse(FIX / "state-inr-mexico-2010.txt")
    assert any("no_such_model_xyz" in w for w in rec.warnings) and entity(rec, "Los Zetas")


def test_entity_ids_are_stable_across_documents() -> None:
    a = declass.parse(FIX / "state-inr-mexico-2010.txt")
    b = declass.parse_bytes(b"RELEASE IN FULL\n\nThe Gulf cartel and Los Zetas fought in Reynosa, Tamaulipas.\n", "other.txt")
    ids_a = {e["name"]: e["id"] for e in a.entities}
    ids_b = {e["name"]: e["id"] for e in b.entities}
    for name in ("Los Zetas", "Gulf Cartel", "Tamaulipas"):
        assert ids_a[name] == ids_b[name]


def test_cli_lists_entities_events_and_figures() -> None:
    p = subprocess.run([*CLI, "parse", str(FIX / "state-inr-mexico-2010.txt")], capture_output=True, text=True, env={**os.environ, "COLUMNS": "200"})
    assert p.returncode == 0, p.stderr
    for s in ("Los Zetas", "Ciudad Victoria", "bombing", "2010-07-15", "over 45,000"):
        assert s in p.stdout, s


def test_json_record_carries_extraction_fields() -> None:
    p = subprocess.run([*CLI, "parse", "--json", str(FIX / "C05765915.txt")], capture_output=True, text=True)
    rec = json.loads(p.stdout)
    for k in ("entities", "events", "quantities", "dates", "relations"):
        assert isinstance(rec[k], list)


def _people(rec: Record) -> set[str]:
    return {e["name"] for e in rec.entities if e["type"] == "person"}


def _orgs(rec: Record) -> set[str]:
    return {e["name"] for e in rec.entities if e["type"] == "organization"}


def _places(rec: Record) -> set[str]:
    return {e["name"] for e in rec.entities if e["type"] == "place"}


def test_people_of_address_lines_in_either_house_style() -> None:
    # from State release C05781562 and NARA record 104-10331-10165 (public domain)
    mail = (
        "From: Zeya, Uzra S\nSent: Thursday, July 28, 2011 08:42 PM\n"
        "To: Carson, Johnnie; Yamamoto, Donald Y; Shannon, Thomas A; Mills, Cheryl .D\n"
        "Cc: Neville, Colleen C; Huma Abedin <abedinh@state.gov>\nSubject: Upcoming Travel\n\n"
        "Hi, Tamera, Kris and KPK--\n\nJill Biden is planning to visit Ethiopia. Best, Uzra\n"
    )
    rec = declass.parse_bytes(mail.encode(), "mail.txt")
    people = _people(rec)
    # Johnnie Carson and Thomas Shannon are people of the public-figures pack, under its names
    assert {"Uzra S Zeya", "Johnnie Carson", "Donald Y Yamamoto", "Thomas Shannon", "Cheryl D Mills", "Colleen C Neville", "Huma Abedin"} <= people
    assert "Kris Tamera" not in people and "Uzra Best" not in people  # not "Last, First" after a comma
    assert not any(e["type"] == "place" and e["name"] == "Shannon" for e in rec.entities)
    memo = (
        "MEMORANDUM FOR: Edmund Cohen @ DA\nLee S. Strickland @ DA\nWilliam H. McNair @ DO\n"
        "FROM: J. Barry Harrelson\nJFK Project Officer\nSUBJECT: Resignation of ARRB ExDir\n\n"
        "Effective this Friday, Jeremy Gunn has resigned from his position.\n"
    )
    rec = declass.parse_bytes(memo.encode(), "memo.txt")
    people = _people(rec)
    assert {"Edmund Cohen", "Lee S. Strickland", "William H. McNair", "J. Barry Harrelson"} <= people
    assert not any("@" in p for p in people)
    assert "John F. Kennedy" not in people  # "JFK Project Officer" names a post, not the President
    assert evidence.errors(rec.to_dict()) == []
    # the routing block of an FBI memorandum in the JFK files (124-90137-10468)
    slip = "Mr. Tolson ___\nMr. Belmont ___\nMr. DeLoach\n\nCIA advised Liaison Agent Papich it would not contact him."
    people = _people(declass.parse_bytes(slip.encode(), "slip.md"))
    assert {"Clyde Tolson", "Alan H. Belmont", "Cartha DeLoach", "Sam Papich"} <= people


def test_people_the_header_names_as_sender_and_addressee() -> None:
    # NARA identification forms of FBI records (124-10208-10408, 124-10209-10300; public domain):
    # the values in a column of their own, or beside their labels, surname first in capitals
    column = (
        "AGENCY :\nRECORD NUMBER :\n\nRECORD SERIES :\nAGENCY FILE NUMBER :\n\nSe\n\nFROM:\nTO:\n\nTITLE:\n\nDATE :\n"
        "PAGES:\n\nSUBJECTS :\n\nDOCUMENT TYPE :\nCLASSIFICATION :\n\n4 RESTRICTIONS :\nCURRENT STATUS :\n"
        "DATE OF LAST REVIEW :\n\nOPENING CRITERIA :\n\nCOMMENTS :\n\nv9\nNW 68262 Docld:32292132 Page 1\n\n"
        "ORIGINATOR : _\n\nJFK Assassination System\n\nDate: 5/19/201\n\nIdentification Form\n\n"
        '"Agency Information\nFBI\n124-10208-10408\nHQ\n92-6054-685\n\nDocument Information\n\nFBI\n\n'
        "TALBURTT, ORVILLE R.\nDIRECTOR, FBI\n\n07/22/1964\n22\n\nLCN, TROPIANO, RALPH, CRIMINAL ACT, CONSPR, BRIBE,\n\n"
        "POLICE OFFFICER, ARREST\n\nPAPER, TEXTUAL DOCUMENT\nUnclassified\n\n4\n\nRedact\n\n06/25/1998\n\nINDEFINITE\n\n"
        "FEDERAL BUREAU OF INVESTIGATION\n\nREPORT MADE BY SA ORVILLE R, TALBURTT\n"
    )
    rec = declass.parse_bytes(column.encode(), "2022-docid-32292132.md")
    assert rec.header.from_ == "TALBURTT, ORVILLE R."
    assert "Orville R. Talburtt" in _people(rec)
    assert not any(e["type"] == "organization" and e["name"] == "TALBURTT" for e in rec.entities)
    beside = (
        "ORIGINATOR: FBI\nFROM: KENNEDY, REGIS L.\nJO: DIRECTOR, FBI\nTITLE:\nDATE: 04/01/1963\nPAGES: 96\n"
        "SUBJECTS :\nCIP, GAMBLING, HORSE RACES\n\nFROM: PETERSON. LEONARD C.\nTO: SULLIVAN. W. C.\n"
        "TO : BELIN, DAVID W. EXEC. DIRECTOR\nFROM : KNOCHE, E. H., ASST. TO OCI\n"
        "TO: DIRECTOR, FBI\nFROM: SAC, NY\nTO : MEXICO, D. F.\nTO: CUBA, FIDEL\n"
    )
    people = _people(declass.parse_bytes(beside.encode(), "form.md"))
    assert {"Regis L. Kennedy", "Leonard C. Peterson", "W. C. Sullivan", "David Belin", "E. H. Knoche"} <= people  # Belin: the pack's name
    assert not any(w in p for p in people for w in ("Director", "Sac", "Mexico", "Cuba", "Fbi"))
    # a given name that is also a place ("WINSTON", "BRENT"), an initial before the name a man went
    # by ("J. LEE"): 124-10003-10387, 178-10004-10148, 104-10010-10403
    forms = (
        "ORIGINATOR: FBI\nFROM: SCOTT, WINSTON M.\nTO: ANDERSON, CLARK D.\nTITLE:\nDATE: 01/20/1964\n\n"
        "ORIGINATOR: WH\n\nFROM: RATLIFF, ROB ROY\n\nTO: SCOWCROFT, BRENT\n\nTITLE:\n\n"
        "ORIGINATOR : CIA\n\nFROM :\n\nHELMS, RICHARD, DD/P, CIA\n\nTO\n\n: RANKIN, J. LEE, GEN COUNSEL, WC\n\n"
        "TO: ROME, MADRID\nTO: BERLIN, FRANKFURT\nFROM: SAC, DALLAS\n"
    )
    people = _people(declass.parse_bytes(forms.encode(), "forms.md"))
    assert {"Winston Scott", "Clark D. Anderson", "Brent Scowcroft", "Richard Helms", "J. Lee Rankin"} <= people  # Scott: the pack's name
    assert not any(w in p for p in people for w in ("Rome", "Madrid", "Berlin", "Frankfurt", "Dallas"))
    # OCR's digit for the colon after a label in capitals (104-10113-10141); a figure in a sentence is none
    memo = "19 April 1948\n\nTO 2 R. H. Cunningham\nChief of Investigations\n\nSUBJECT: 5025, CONEIN, Lucien E.\n\nHE WENT TO 3 MEETINGS.\n"
    assert "R. H. Cunningham" in _people(declass.parse_bytes(memo.encode(), "memo.md"))
    # CIA memoranda (104-10124-10171 and others): a middle initial, OCR's comma for its stop, initials
    memo = (
        "27 MAR 1978\n\nMEMORANDUM FOR: Assistant for Public Affairs to the\nDirector of Central Intelligence\n\n"
        "FROM: Robert W. Gambino\nDirector of Security\n\nSUBJECT: Gordon Barton McLendon (U)\n\n"
        "1. Office of Security records reflect that Subject was born 8 June 1921.\n"
    )
    assert "Robert W. Gambino" in _people(declass.parse_bytes(memo.encode(), "memo.md"))
    note = "NOTE FOR: Thomas J. Rallwe @ DCI\n\nFROM: John F, Pereira\nDATE: 01/24/97 10:42:39 AM\nSUBJECT: Seventh Floor View\n"
    assert "John F. Pereira" in _people(declass.parse_bytes(note.encode(), "note.md"))
    signed = "MEMORANDUM FOR THE RECORD\n\nFROM: S.D. BRECKINRIDGE\nSUBJECT: HSCA and 1977 Task Force Report\n\nTO: A. Division\n"
    people = _people(declass.parse_bytes(signed.encode(), "signed.md"))
    assert "S.D. Breckinridge" in people and not any("Division" in p for p in people)
    # a cable's addressee in capitals is a station, not a person
    cable = "DIRECTOR\n\nTO: SCUAT MEXI\n\nINFO: DIR\n\nCABLE ANY INFO AVAILABLE REGARDING SUBJECT.\n"
    assert not _people(declass.parse_bytes(cable.encode(), "cable.md"))


def test_the_signer_of_a_memorandum_is_a_person() -> None:
    # CIA memoranda (104-10112-10321, 104-10169-10125, 104-10227-10000, 104-10180-10060; public
    # domain): the name alone on its line, OCR's comma for an initial's stop, the post or the
    # distribution list below it
    memo = (
        "The FBI conducted a National Agency name check at CIA on Werbell\nIl in Sept. 1962.\n\n"
        "John F, Meehan\nActing Chief, EAB\n"
    )
    assert "John F. Meehan" in _people(declass.parse_bytes(memo.encode(), "memo.md"))
    caps = (
        "vader tho provisions of Section 1, Public Law 110, as amended.\n\nJOHN M, MAURY\nChief, SR Division\n\n\n\n"
        "SECET\noe\n\nOrig: DD/P/&R Division/JMM-5R/CLimr\n"
    )
    assert "John M. Maury" in _people(declass.parse_bytes(caps.encode(), "memo.md"))
    counsel = (
        "case, the Agency will inform the Service in advance of each proposed\n\ndeparture,\ncc: DD/P\nCISR\n\n"
        "LAWRENCE R. HOUSTON\nGeneral Counsel\n"
    )
    people = _people(declass.parse_bytes(counsel.encode(), "memo.md"))
    assert "Lawrence R. Houston" in people
    listed = (
        "It is also requested that your office\ncontinue to keep us apprised of the current developments\nin this case.\n\n"
        "Andrew D. Rohlfing\n\n#IL/C/CA/BA\n\nDistribution:\n\nOrig. & 1 - Addressee\n"
    )
    assert "Andrew D. Rohlfing" in _people(declass.parse_bytes(listed.encode(), "memo.md"))
    # a heading above a post, or words on a line, are no signer
    heading = "Foreign Service\nChief, Political Section\n\nRace White\nSex Male\n\nThomas R. Jr\nChief, WH\n"
    assert not _people(declass.parse_bytes(heading.encode(), "memo.md")) & {"Foreign Service", "Race White", "Thomas R. Jr"}
    # 104-10121-10206, 104-10121-10181, 104-10095-10202: an Irish surname, a given name OCR damaged
    # under "FOR THE DIRECTOR OF SECURITY:", a semicolon for an initial's stop
    for signed, name in (
        ("We appreciate your cooperation in this matter,\n\nWalter L, O'Brien\nDeputy Chief, FR Division\n", "Walter L. O'Brien"),
        ("extension 6851.\n\nFOR THE DIRECTOR OF SECURITY:\n\nVUCTOR R. WHITE\n\nSECRET\n", "Vuctor R. White"),
        ("S on 10 May 1973.\n\nJanes E; Flannery -\nActing Chief ~\nWestern Hemisphere Div\n", "Janes E. Flannery"),
    ):
        assert name in _people(declass.parse_bytes(signed.encode(), "memo.md"))
    attached = "~tor/Willard C. CURTIS\n\nAttachments:\nA. Photos\nB. Nemo\n\nDistribution:\nv2- CWH, w/att.\n"
    assert "B. Nemo" not in _people(declass.parse_bytes(attached.encode(), "memo.md"))


def test_ocr_marks_inside_a_name_on_an_address_line() -> None:
    # CIA notes of the 1990s (104-10331-10165, 104-10331-10135; public domain): a stop or comma after
    # the given name, a bracket before the address, "ce:" for "cc:"
    note = (
        "NOTE FOR: Becky Rant @ DA\nFrieda Omasta @ DA\n\nFROM: J. Barry. Harrelson\n\nDATE: 02/06/97 07:56:08 AM\n\n"
        "SUBJECT: ARRB request\n\ncontinue to focus on the document review.\n\nce: James R. Oliver @ DA\n"
        "Eileen, M. Wukitch}@ DO\nGloria M. Boyd @ DO\nMartin. J. Boland @ DA (bec: Gary M. Breneman-Y-)\n"
    )
    rec = declass.parse_bytes(note.encode(), "note.md")
    assert {"Becky Rant", "J. Barry Harrelson", "James R. Oliver", "Eileen M. Wukitch", "Martin J. Boland"} <= _people(rec)
    # 104-10331-10374, 104-10059-10110: a quote before the initial, an office symbol after the name
    quoted = "From the Desk of Robert J. Eatinger\n\nNOTE FOR: Paula ‘A. Sweeney,@ DCI\nWilliam T. Parsons.@ DCI\n\nSUBJECT: x\n"
    assert {"Paula A. Sweeney", "William T. Parsons"} <= _people(declass.parse_bytes(quoted.encode(), "note.md"))
    office = "1978\n‘ MEMORANDUM FOR: Donald P, Gregg\ni PCS/LOC\n\nSUBJECT: Request\n\n1. The text of the memo is here.\n"
    assert "Donald P. Gregg" in _people(declass.parse_bytes(office.encode(), "memo.md"))
    assert evidence.errors(rec.to_dict()) == []
    # State's directory: the surname first, then an initial and the given name (C05778092)
    mail = "From: Eikenberry, Karl W\nTo: Wayne, E Anthony; Keith, James R; Hayden, Caitlin M\nSubject: Parliament Update II\n"
    assert {"E Anthony Wayne", "James R Keith"} <= _people(declass.parse_bytes(mail.encode(), "mail.md"))


def test_the_fbis_titles_before_names_in_capitals() -> None:
    # FBI reports (124-10201-10080, 124-90038-10082, 124-10347-10005, 124-90038-10021; public
    # domain): a special agent, an informant's standing, initials run on to the surname
    report = (
        "SA G.H.PARFET\n\nSA VINCENT INSERRA\n\nSA R.A.COOK\n\nSA LESTER ESAREY\n\n"
        "was residing in Dallas and was well acquainted with PCI TRAVIS\n\nEUGENE PHIFER.\n\n"
        "On 12/15/59, PCI PHIFER furnished information.\n\nPCI TOBIAS BLEDSOE\nMM 958-c\n\n"
        "Bank and Trust Company, Dallas, contacted by SA THOMAS D.\n\nMANNING, PRESENTLY ASSIGNED\n"
    )
    people = _people(declass.parse_bytes(report.encode(), "report.md"))
    assert {"Vincent Inserra", "Lester Esarey", "R.A. Cook", "Tobias Bledsoe"} <= people
    assert "Thomas" not in people  # the surname went to the next line: a given name alone is no one
    # an agent's surname is any agent's, not a public figure's of that name
    ross = "It is the recollection of both myself and SA R. H. Ross, IS-3 Section, who assisted me.\n"
    assert "Dennis Ross" not in _people(declass.parse_bytes(ross.encode(), "memo.md"))


def test_a_name_whose_initials_stop_ocr_read_as_a_comma() -> None:
    # CIA memoranda and FBI reports (104-10095-10189, 104-10193-10079, 104-10222-10002,
    # 124-90103-10061; public domain): in running text, in capitals, after a title
    text = (
        "2. Mr. Angus M, Thuermer, Assistant to the DCI, has advised.\n"
        "Miss Ann L, Goodpasture is hereby awarded the Career Intelligence Medal.\n"
        "1. It is recommended that Mr. David L, Christ, Chief of the Applied Physics Division.\n"
        "The interview was conducted by JAMES B, FANNING and EDWARD M, BURKE of the Chicago Office.\n"
        "The U. S, Customs Service was advised.\n"
    )
    people = _people(declass.parse_bytes(text.encode(), "memo.md"))
    assert {"Angus M. Thuermer", "Ann L. Goodpasture", "David L. Christ", "James B. Fanning", "Edward M. Burke"} <= people
    assert not any("Customs" in p for p in people)
    # State's directory prints the surname first, slots separated by commas (C05786481)
    mail = "To: Sullivan, Jacob J, Derse, Anne E; Morningstar, Richard L\nSubject: Caspian\n"
    assert "Jacob J. Derse" not in _people(declass.parse_bytes(mail.encode(), "mail.md"))


def test_a_heading_in_capitals_is_no_person_and_a_word_before_a_city_no_part_of_it() -> None:
    # CIA and FBI records (104-10227-10000, 124-90116-10205, 104-10186-10229; public domain): the
    # model reads two capitalised words of the records as a name
    text = (
        "Chief, Operational Support\n\nSUBJECT: Interim Reply\n\n1. The Draft Status of the case is open.\n\n"
        "Keep Tampa advised of developments. Arrived Rome on 3 June. Ted Kennedy and Art Keller were named.\n"
    )
    rec = declass.parse_bytes(text.encode(), "memo.md")
    people = _people(rec)
    assert not {"Operational Support", "Interim Reply", "Draft Status", "Keep Tampa", "Arrived Rome"} & people
    assert {"Ted Kennedy", "Art Keller"} <= people  # a given name the lists miss, a surname a town shares
    assert {"Tampa", "Rome"} <= {e["name"] for e in rec.entities if e["type"] == "place"}


def test_officials_of_a_routing_block() -> None:
    # an FBI teletype's routing block (124-10213-10113; public domain): the Director's executives a
    # line each; the OCR split "Mal one" and "DeL,oach"
    slip = (
        "4-41 (Rev. 6-2-61)\n\nDECODED COPY\n\nRadio\n\n• Teletype\n\nTolson\n\nBelmont\n\nMohr --\n\nCallahan\n\n"
        "Conrad\n\nDeL,oach\n\nEvans\n\nMal one\n\nRosen .\n\nSullivan\n\nTavel -\n\nTrotter\n\nTele. Room\n\n"
        "Ingram\n\nGandy .\n\nDEFERRED\n\n1-22-62\n\nIO DIRECTOR\n\nFROM SAC TAMPA\n\n221830\n\n"
        "SANTO TRAFFICANTE, JR., AKA. AR. DAILY TELETYPE.\n"
    )
    rec = declass.parse_bytes(slip.encode(), "2021-docid-32294337.md")
    people = _people(rec)
    assert {"Clyde Tolson", "Alan H. Belmont", "John P. Mohr", "Courtney A. Evans", "William C. Sullivan", "Tavel", "Trotter", "Ingram", "Helen Gandy"} <= people
    assert evidence.errors(rec.to_dict()) == []
    # the same surnames in running text, or two or three of them, make no routing block
    prose = "Evans\n\nreported to Sullivan that Rosen had the file.\n\nMiller\n\nJones said nothing.\n"
    assert not {"Courtney A. Evans", "Edward S. Miller", "Milton A. Jones"} & _people(declass.parse_bytes(prose.encode(), "prose.md"))


def test_bureau_jargon_is_no_organisation_and_bare_acronyms_of_the_era_are() -> None:
    # the FBI's and CIA's own words (124-90137-10468 and CIA personnel files; public domain)
    text = (
        "CIA of opinion PSI is in position to assist in this matter. Promptly contact PSI and discreetly "
        "ascertain he is willing. FBIHQ advised the USIB on 3 May. The Subject completed his PRQ before EOD."
    )
    orgs = _orgs(declass.parse_bytes(text.encode(), "airtel.md"))
    assert {"Federal Bureau of Investigation", "United States Intelligence Board", "Central Intelligence Agency"} <= orgs
    assert not {"PSI", "PRQ", "EOD"} & orgs


def test_a_gap_left_by_a_withheld_address_separates_two_people() -> None:
    # State C05769037 (public domain): the Cc line lost an address between the two names
    mail = (
        "From: H <HDR22@clintonemail.com>\nTo: Tauscher, Ellen 0\n"
        "Cc: Huma Abedin                                Valmoro, Lona J\nSent: Thu Mar 25 22:59:25 2010\nSubject: Tomorrow\n\nThx.\n"
    )
    rec = declass.parse_bytes(mail.encode(), "C05769037.txt")
    assert {"Huma Abedin", "Lona J Valmoro"} <= _people(rec)
    assert not any("Valmoro" in p and "Huma" in p for p in _people(rec))
    assert not any(e["type"] == "organization" and "Lona" in e["name"] for e in rec.entities)


def test_a_country_that_defines_its_abbreviation_is_a_place() -> None:
    # an Army agent report in the JFK files (194-10006-10316; public domain)
    text = (
        "C Team, 66th USA Artillery Detachment, Datteln, Federal Republic of\nGermany (FRG), APO New York 09078, "
        "was interviewed.\nThe Dortmund Police, Dortmund, FRG, were interested in him."
    )
    rec = declass.parse_bytes(text.encode(), "agent.md")
    germany = entity(rec, "Germany")
    assert germany["type"] == "place" and {"FRG", "Federal Republic of Germany"} <= {" ".join(m["text"].split()) for m in germany["mentions"]}
    assert "Federal Republic of Germany" not in _orgs(rec)
    assert evidence.errors(rec.to_dict()) == []


def test_a_units_number_is_part_of_its_name() -> None:
    # an Army agent report (194-10006-10316) and an FBI report (124-10287-10439; public domain)
    text = (
        "Stephen R. Wilson, Clerk, C Team, 66th USA Artillery Detachment, Datteln, was interviewed.\n"
        "TYPED NAME AND ORGANIZATION OF SPECIAL AGENT\nHeinz Ickert, 66th MI Group\n"
        "MM T-2 is LUIS POSADA, 2635 Southwest 28th Court, Miami, Florida, identity concealed by request.\n"
    )
    orgs = _orgs(declass.parse_bytes(text.encode(), "report.md"))
    assert {"66th USA Artillery Detachment", "66th MI Group"} <= orgs, orgs
    assert not any("Court" in o for o in orgs)  # a street of an address


def test_arabic_names_run_on_through_their_particles() -> None:
    # a CIA information report (104-10166-10146) and State e-mails (C05785791, C05793763; public domain)
    text = (
        "The director-general of the firm has ministerial status; the organizer was Muhammad al-Masri.\n"
        "Salih al-Mutlaq was barred. He met Khalid bin Sultan in Riyadh. Osama bin Laden's men fled.\n"
        "David as Foreign Secretary said so. Please call Ali al-Sistani.\n"
    )
    rec = declass.parse_bytes(text.encode(), "report.txt")
    people = _people(rec)
    assert {"Muhammad al-Masri", "Salih al-Mutlaq", "Khalid bin Sultan", "Osama bin Laden", "Ali al-Sistani"} <= people, people
    assert not any(p.endswith("'s") or " as " in p for p in people)
    assert "Mutlaq" not in _orgs(rec)


def test_institutions_named_in_full_are_organisations() -> None:
    text = (
        "Kathleen S. Ruckman\nBranch Chief, Incoming Abductions\nOffice of Children's Issues\n\n"
        "The President appoints the U.S. Commissioners to the International Joint Commission. "
        "He is taking a position with US Institute for Peace. The Board announced the change. "
        "Furnish Bureau with results. Police of the city stood by."
    )
    rec = declass.parse_bytes(text.encode(), "orgs.txt")
    orgs = {n for e in rec.entities if e["type"] == "organization" for n in [e["name"], *e["aliases"]]}
    assert {"Office of Children's Issues", "International Joint Commission", "US Institute for Peace"} <= orgs
    assert not {"Board", "Furnish Bureau", "Bureau", "Police"} & orgs
    # NARA JFK records: a post's name ends with its sentence; place words open a department's name
    text = "He visited the Cuban Embassy in Rio de Janeiro. An officer met him.\nNew York City Police Department officers came."
    orgs = _orgs(declass.parse_bytes(text.encode(), "posts.txt"))
    assert {"Cuban Embassy in Rio de Janeiro", "New York City Police Department"} <= orgs


def test_what_the_model_finds_in_noise_and_lists_is_not_a_name() -> None:
    # excerpts of State release C05797527 and NARA records 104-10100-10202, 124-90137-10468
    itinerary = (
        "Morocco Itinerary Lucy Jarvis & Scott McArthur\n\n"
        "2. Thurs, May 24: Marrakesh (Tour historical monuments etc, dinner at the Mamounia hotel)\n"
        "10. Sun, June 3: Depart Casablanca at 2PM on Royal Air Moroc # 200 for New York\n"
    )
    rec = declass.parse_bytes(itinerary.encode(), "itinerary.txt")
    people = _people(rec)
    assert {"Lucy Jarvis", "Scott McArthur"} <= people
    assert not {"Thurs", "Depart Casablanca", "Lucy Jarvis & Scott McArthur"} & {e["name"] for e in rec.entities}
    # a thread repeats its subject line: a word there is still seen once (State C05769517)
    thread = "From: Mills, Cheryl D\nSubject: FW: Orphan Meeting\n\nSee below.\n\nFrom: Bond, Michele T\nSubject: Re: Orphan Meeting\n\nCheryl, TF5 has staff.\n"
    assert "Orphan" not in _people(declass.parse_bytes(thread.encode(), "thread.txt"))
    cable = (
        "JO. PPIDITY MEX! “INFO SEO. FEZ4S\n\nIMM /SIATE ACTION\n\n"
        "2. AGREE WORTHWHILE LAY ON MEET IN BRAZIL WITH FINAL eC aaren\n"
        "ECIST BANSEED) TRAVEL TO SE MADE AFTER ACAPULCO.\n\n"
        "NOTE: oe Station ee of] Cubana Airli, hes | at sen. Ps ddlewild Airport~tn New York Cityo He has bee} Tolson\n"
        "Belmont eee von nd has furrtished data concerning operations\n"
    )
    rec = declass.parse_bytes(cable.encode(), "cable.txt")
    names = {e["name"] for e in rec.entities}
    assert "Brazil" in names
    assert not {"PPIDITY MEX", "ECIST BANSEED", "Ps ddlewild Airport", "Belmont"} & names


def test_people_the_model_calls_organisations_and_lists_broken_by_a_redaction() -> None:
    # State C05779609: a To field wrapped over lines, a B6 redaction and a paragraph break inside it
    header = (
        "From: Dunn, David B (USUN) [mailto:DunnDB2@state.gov]\n"
        "Sent: Saturday, April 02, 2011 2:34 PM\n"
        "To: Turner, Scott; Pressman, David J.; Donegan, James E (USUN); Power, Samantha J.; Carter, Phillip X; Graff, Corinne;\n"
        "Mercado, Douglas E;                                      Barks-Ruggles, Erica J; Ahmed, Salman          B6\n"
        "(USUN); Cousens, Elizabeth (USUN); Harris, Grant T; Barton, Rick (USUN); Pforzheimer, Annie; Damberg-Ott, Gaetan W\n"
        "(WashDC) Temp Account; Anderson, Brooke; Grant, William K (USUN); Banks, Stephen B (USUN); Schwartz, Eric P;\n"
        "Brigety, Reuben; Smith, Gayle E.; Lowry, Keri M.; Rice, Susan E (USUN)\n"
        "Subject: Re: Cote d'Ivoire\n\nI just spoke with Le Roy.\n"
    )
    rec = declass.parse_bytes(header.encode(), "C05779609.txt")
    # Susan Rice and William Burns are people of the public-figures pack, under its names
    assert {"Rick Barton", "Annie Pforzheimer", "Keri M Lowry", "Susan Rice", "Elizabeth Cousens"} <= _people(rec)
    assert not [e["name"] for e in rec.entities if e["type"] == "organization" and e["name"] in ("Pforzheimer", "Barton", "Lowry")]
    # State C05778188, C05793411: a name the address line gives, or a given name and a surname,
    # is a person wherever the model reads an organisation
    text = (
        "From: Slaughter, Anne-Marie <SlaughterA@state.gov>\nSubject: article\n\n"
        "At the State Department, Anne-Marie Slaughter, director of policy planning, is spearheading the\n"
        "department's Quadrennial Diplomacy and Development Review.\n\n"
        "   \u2022     Strategic Communications (Caroline Adler)\n\n"
        "   \u2022     Educational and Cultural Affairs (Meghann Curtis)\n\n"
        "   \u2022     Global Partnerships Initiative (Kris Balderston)\n"
    )
    rec = declass.parse_bytes(text.encode(), "C05778188.txt")
    orgs = _orgs(rec)
    assert "Anne-Marie Slaughter" in _people(rec) and "Anne-Marie Slaughter" not in orgs
    assert "Meghann Curtis" in _people(rec) and "Meghann Curtis" not in orgs
    # a word seen once is not seen twice because it begins a longer word ("Cin" in "Cincinnati")
    from declass.extract import ner

    assert not ner.twice("Cin 12. He moved to Cincinnati.", "Cin", {})
    assert ner.twice("Cin 12. Cin 13.", "Cin", {})


def test_institutions_owners_dates_series_and_ocr_spellings() -> None:
    # State C05791801, C05769394, and the forms State names its bureaus in
    text = (
        "On June 21, China's State Council approved the establishment of a new prefecture.\n"
        "The Saudi government owns Houston's Saudi Refining Company and half of Motiva Enterprises.\n"
        "She met the Hidalgo County Sheriff's Office and the People's Liberation Army.\n"
        "He joins the Bureau of Democracy, Human Rights, and Labor after the Presidential Appointee Leadership Program on Friday.\n"
    )
    orgs = _orgs(declass.parse_bytes(text.encode(), "orgs.txt"))
    assert {"State Council", "Saudi Refining Company", "Hidalgo County Sheriff's Office", "People's Liberation Army"} <= orgs
    # an embassy is an institution (NARA 104-10006-10247); a pack's name that is also a word
    # counts only as the pack writes it ("PROBABLE INTEL" in a cable of NARA 104-10326-10048)
    rec = declass.parse_bytes(b"scheduled to arrive in New Delhi as an English language teacher at the Soviet Embassy.\n", "e.md")
    assert "Soviet Embassy" in _orgs(rec)
    assert "Intel" not in _orgs(declass.parse_bytes(b"TO ELICIT MORE INFO ON SUBJ'S (PROBABLE INTEL) BACKGROUND.\n", "c.md"))
    # "Intel" alone is intelligence (State C05797110, NARA 104-10193-10079); the company named in full is the company
    for line in (b"Subject: H: Latest French Intel on Algeria hostage. Sid\n", b"BAP-3 Intel off (FI)\nBAP-4 Intel cre (PI)\n"):
        assert not {"Intel", "Intel Corporation"} & _orgs(declass.parse_bytes(line, "c.md"))
    assert "Intel Corporation" in _orgs(declass.parse_bytes(b"Intel Corporation and Microsoft opened offices in Hanoi. Intel said so.\n", "c.txt"))
    # BP is the name since 1998: in a 1965 memo "BP." is a scrap of OCR (NARA 104-10101-10033)
    memo = b"MEMORANDUM FOR THE RECORD\n\n12 May 1965\n\nSa5/108 W. Williams (in draft)\n\n8a8/s0B BP. Raggio (in draft)\n"
    assert "BP" not in _orgs(declass.parse_bytes(memo, "m.md"))
    # the note every CIA name-check form prints (NARA 104-10006-10247): the agencies before the CIA
    note = b"Note 1. Records of COI, SSU, OSS and CIG are in RID/ARD, and those that meet indexing criteria are carded.\n"
    assert {"Coordinator of Information", "Strategic Services Unit", "Office of Strategic Services", "Central Intelligence Group"} <= _orgs(declass.parse_bytes(note, "n.md"))
    # bilateral bodies; an office symbol before a slash is no part of a name (State C05796167)
    text = "The US/Afghan Bilateral Commission met. Send it to DDP/Operations Group. CIA's Domestic Contacts Division asked.\n"
    orgs2 = _orgs(declass.parse_bytes(text.encode(), "bilateral.txt"))
    # the possessive owner is no part of the name; the pack knows the division (by its name, a letter apart)
    assert {"US/Afghan Bilateral Commission", "Operations Group", "CIA Domestic Contact Division"} <= orgs2, orgs2
    assert not any(o.startswith("CIA's") for o in orgs2)
    assert {"Bureau of Democracy, Human Rights, and Labor", "Presidential Appointee Leadership Program"} <= orgs
    assert not {"China's State Council", "Houston's Saudi Refining Company", "Bureau of Democracy", "Presidential Appointee Leadership Program on Friday"} & orgs
    # an institution beats a pack's organisation its name begins with, not one it runs on from;
    # a list of institutions is no series inside one name (State C05763822, NARA docid-32989711)
    text = (
        "Call the Department of State Operations Center at once.\n"
        "The request went to the Department of State, Central Intelligence Agency, and Defense Intelligence Agency.\n"
        "Meeting at the State Dept with Pakistan U.S. Department of State officials.\n"
    )
    orgs = _orgs(declass.parse_bytes(text.encode(), "ops.txt"))
    # (the Operations Center is the pack's, by its name)
    assert {"State Department Operations Center", "U.S. Department of State", "Central Intelligence Agency"} <= orgs, orgs
    assert not {"Department of State, Central Intelligence Agency, and Defense Intelligence Agency", "Pakistan U.S. Department of State"} & orgs
    # forms and cables print names in capitals, in fields of their own; their captions are no
    # institutions; a sentence in capitals names none (NARA docid-32366110, 104-10176-10005)
    text = (
        "AGENCY ORIGINATOR : CIA\n: KANE, CHARLES W., SAC\n: OFFICE OF SECURITY, HEADQUARTERS\n\n"
        "PLEASE FURNISH THIS OFFICE WITH COPIES. WHAT LATTER TOLD MEXICAN POLICE IS UNKNOWN.\n"
        "Initiating Office: WH/3\nEmploying Office: DDP\n"
    )
    orgs = _orgs(declass.parse_bytes(text.encode(), "form.md"))
    assert "Office of Security" in orgs, orgs
    assert not {"Furnish This Office", "Mexican Police", "Initiating Office", "Employing Office"} & orgs, orgs
    # the body, not its envoy (State C05758672, C05760483)
    text = "5/E Mitchell spoke to Quartet Representative Blair on May 30.\nShe met Homeland Security Advisor Frances Townsend.\n"
    orgs = _orgs(declass.parse_bytes(text.encode(), "envoy.txt"))
    assert not {"Quartet Representative Blair", "Homeland Security Advisor Frances Townsend"} & orgs, orgs
    # NARA 104-10173-10132, 2022-docid-32989711: OCR spells one body several ways in one record
    text = (
        "CI Staff, CA-Staff and the Office of Security were told.\n"
        "A check of Office of Security records did not develop it.\n"
        "mation contained in Office of Sscurity files which stated\n"
        "the Federal Bureau of Tnvestigation, including all activities of the Intelligence Division\n"
    )
    ents = declass.parse_bytes(text.encode(), "ocr.md").entities
    orgs = {e["name"] for e in ents if e["type"] == "organization"}
    assert "Office of Security" in orgs and "Office of Sscurity" not in orgs
    assert "Federal Bureau of Investigation" in orgs and "Federal Bureau of Tnvestigation" not in orgs
    security = next(e for e in ents if e["name"] == "Office of Security")
    assert "Office of Sscurity" in [m["text"] for m in security["mentions"]]


def test_cable_words_cryptonyms_and_ocr_words_are_no_organisations() -> None:
    # lines of NARA 104-10173-10132, 104-10187-10001, 104-10222-10019, docid-32176519
    text = (
        "maTilod PCS travel expansas and includod a payment for the PCS to Madrid.\n"
        "statement of purpose for this TDY was given on the TDY voucher.\n"
        "to the ODENVY representative with a request for any information available from ODENVY.\n"
        "Orig & 1 = COS, Nexico City\nOrig & 1 - COS, Nexico City\n"
        "1941,-45: Arizona Stato Colloge - Law. Stato argentered mude loe improsement.\n"
        "As a result of the totallty of Subjoct's performance during Subjoct's tour\n"
        "TO FBI BIRMINGHAM ROUTINE\nSAC, BIRMINGHAM (44-1740)\nKNOWN TO THE BIRMINGHAM AND MEMPHIS OFFICES.\n"
        "The Federal Bureau of Investigation advised the Department of State.\n"
    )
    ents = declass.parse_bytes(text.encode(), "cable.md").entities
    orgs = {e["name"] for e in ents if e["type"] == "organization"}
    assert not {"PCS", "TDY", "ODENVY", "Stato", "Subjoct", "Nexico", "SAC"} & orgs, orgs
    assert "Federal Bureau of Investigation" in orgs
    assert "BIRMINGHAM SAC" not in _people(declass.parse_bytes(text.encode(), "cable.md"))


def test_names_the_records_repeat_are_still_names() -> None:
    # State C05767477: a surname every other record prints ("Clinton"), named once ("Obama"), is a
    # name; a name followed by "Assassination Records" names an act (NARA 104-10331-10117);
    # "Today, Obama" is no surname-first name (State C05772691)
    text = (
        "Subject: (AP) Clinton says Pakistan missed chances with al-Qaida\n\n"
        "ISLAMABAD (AP) - Clinton is suggesting that Pakistan's government has squandered chances.\n"
        "The Presidents will announce the bilateral commission, and your trip to Russia in the fall to\n"
        "launch the process with Lavrov. Today, Obama said little.\n"
        "released pursuant to the standards of the President John F. Kennedy Assassination Records Collection Act of 1992.\n"
    )
    rec = declass.parse_bytes(text.encode(), "C05767477.txt")
    people = _people(rec)
    assert {"Clinton", "Obama"} <= people, people
    assert not {"John F. Kennedy", "Obama Today", "Lavrov"} & _orgs(rec) | (people & {"John F. Kennedy", "Obama Today"})


def test_handles_greetings_signatures_and_names_with_addresses() -> None:
    # State C05789600, C05795577, C05762876, C05781140: an e-mail handle in an address field, the
    # names a message opens with and the one it is signed with; "Huma Abedin <...>" read whole
    text = (
        "From: Valmoro, Lona J <ValmoroU@state.gov>\nTo: H; Huma Abedin; monica.hanley\nSubject: Re: Shuttle\n\nYes.\n\n"
        "From: Jared Cohen [mailto\nTo: Burns, William J; Sullivan, Jacob J; alec.ross\nSubject: Syria\n\n"
        "Please keep close hold.\n\nThanks,\nJared\n\n"
        "From: McDonough, Denis R.\nTo: Burns, William J\nSubject: my bad\n\nBill\u2014\n\nIt has been brought to my attention.\n\n"
        "From: PRE [mailto\nTo: Mills, Cheryl D\nSubject:\n\nI hope you had a good trip to Haiti.\n\nLuis\n"
    )
    people = _people(declass.parse_bytes(text.encode(), "C05789600.txt"))
    assert {"Huma Abedin", "Monica Hanley", "Alec Ross", "Luis", "Lona J Valmoro"} <= people, people
    assert {"William Burns", "Bill"} <= people, people
    # a routing block of an FBI record is no letter: "Ben :" greets nobody (NARA 124-90137-10468)
    noise = "operations] of Cuba\n\nConrad\n\n, CONTINUANCE OF NOTE ON PAGE TWO\nioe\n\nBen :\n\nhy OuOL L\n"
    assert "Ben" not in _people(declass.parse_bytes(noise.encode(), "124-90137-10468.md"))
    # "back in DC": Washington (State C05762637); "the DC Circuit" is no place
    places_ = {(e["name"], e["attributes"].get("country")) for e in declass.parse_bytes(b"I leave Rome on July 9, back in DC on July 14. The DC Circuit ruled.\n", "dc.txt").entities if e["type"] == "place"}
    assert ("Washington", "US") in places_ and len([p for p in places_ if p[0] == "Washington"]) == 1, places_
    # two-letter abbreviations in prose after a preposition of place (State C05762753, C05769008,
    # C05794734); not before a capitalised word, not in a cable in capitals ("IN LA" may be Louisiana)
    prose = (
        b"Cheryl, I hope you have a wonderful holiday, heading back to SF now, back in Monday (28th)\n\n"
        b"Thank you again for the email and the chance to join you in NY.\n\n"
        b"If we lived in NYC and had to check the Nikkei, or lived in LA and had to review the latest trailer\n\n"
        b"He read it in NY Times.\n\nMET SOURCE IN LA ON 3 MAY.\n"
    )
    rec = declass.parse_bytes(prose, "mail.txt")
    places_ = {e["name"]: [m["text"] for m in e["mentions"]] for e in rec.entities if e["type"] == "place"}
    assert {"San Francisco", "New York City", "Los Angeles"} <= set(places_), places_
    assert places_["Los Angeles"] == ["LA"] and places_["New York City"].count("NY") == 1, places_
    # a one-word place that ends its sentence, before the next one's first word (State C05785771, C05769009)
    text = (
        "SEN Levin and I are at the airport in Miami getting ready to leave for Havana. He wanted\n"
        "to check in. We have had a number of conference calls with our\nsecurity teams in Mexico and Washington. "
        "We would like to take you up on it.\n"
    )
    assert {"Havana", "Washington", "Miami", "Mexico"} <= _places(declass.parse_bytes(text.encode(), "mail.txt"))
    # a post and the city it serves in a To line is no one (State C05787919); a given name that is a
    # small place is still a name
    to = b"To: Mitchell, Derek 3; Murphy, Erin L; Kaidanow, Tina S;\nConsular, Rangoon\nSubject: Update\n\nText.\n"
    rec = declass.parse_bytes(to, "mail.txt")
    assert {"Derek J Mitchell", "Tina S Kaidanow"} <= _people(rec) and not any("Rangoon" in p for p in _people(rec)), _people(rec)
    # quoted addresses the margin cut before a name, an initial before the given name (State
    # C05789224, C05787919, C05771968)
    cut = (
        b"To: Rice, Susan E (USUN); 'Kamern                         Shah, Rajiv (AID/A); 'Anderson, Brooke'; Mills, Cheryl D\n"
        b"Cc: Brimmer, Esther D; 'Lona.Stoll                      'Krysta.harder                   Huang, Cindy Y; Shrier, Jonathan;\n"
        b"To: Sullivan, Jacob 3; Campbell, Kurt M; Yun, Joseph Y; Murphy, W Patrick; Barboriak, Eric M\n"
        b"To: Feltman, Jeffrey D; 'george                        Walles, Jacob; Hale, David M\nSubject: y\n\nText.\n"
    )
    people = _people(declass.parse_bytes(cut, "mail.txt"))
    assert {"Rajiv Shah", "Cindy Y Huang", "W Patrick Murphy", "Jacob Walles", "Brooke Anderson"} <= people, people
    assert not any("Kamern" in p or p == "Huang" for p in people), people
    # a mailbox name with the initial glued to the surname (State C05767591); an acronym is none
    glued = b"From:                              PVerveer\nSent: Friday, January 8, 2010 12:38 AM\nTo: HAbedin\nCc: NATO\nSubject: x\n\nText.\n"
    people = _people(declass.parse_bytes(glued, "mail.txt"))
    assert {"P. Verveer", "H. Abedin"} <= people and not any("Nato" in p or "NATO" in p for p in people), people
    # "To: All Addressees", "To: MEXICO CITY" name no one
    assert not {"All Addressees", "Mexico City"} & _people(declass.parse_bytes(b"TO: MEXICO CITY\nCc: All Addressees\nSubject: x\n\ntext\n", "c.txt"))


def test_recognition_on_hand_labelled_releases() -> None:
    """38 documents (24 State e-mails and memos, 14 NARA JFK records) labelled by hand; the
    figures measured when this test was written, less a margin: a drop is a regression."""
    from declass.extract import evaluate

    report = evaluate.score(Path(__file__).parent / "labels" / "entities-dev.jsonl")
    s = report.scores
    assert s["person"].f1 >= 0.85 and s["place"].f1 >= 0.84 and s["organization"].f1 >= 0.73, {t: round(x.f1, 3) for t, x in s.items()}


def test_recognition_on_the_held_out_labels_pooled() -> None:
    """The seventeen held-out sets (256 releases: 148 State, 108 JFK; docs/extraction.md says which
    rules came from which), pooled: the figures of 2026-12-07, after held-out 17's one scoring
    (0.862 / 0.805 / 0.881), less a margin."""
    from declass.extract import evaluate

    report = evaluate.Report()
    for name in (f"entities-heldout{n}.jsonl" for n in ("", *map(str, range(2, 18)))):
        part = evaluate.score(Path(__file__).parent / "labels" / name)
        for t, x in part.scores.items():
            y = report.scores[t]
            y.found, y.labels, y.right, y.entities = y.found + x.found, y.labels + x.labels, y.right + x.right, y.entities + x.entities
    s = report.scores
    assert s["person"].f1 >= 0.84 and s["organization"].f1 >= 0.78 and s["place"].f1 >= 0.86, {t: round(x.f1, 3) for t, x in s.items()}


def test_house_style_names_signatures_and_what_is_no_institution() -> None:
    # CIA and FBI print surnames in capitals (NARA 104-10185-10200, 104-10219-10035); e-mails sign
    # under a closing (State C05780823); "Soviet Union" and "Senator Church" are no institutions
    text = (
        "MEMO FOR THE RECORD\n\nSalvadoran cedula assigned to AMMUG-1 in the name of Carlos GARZANA Roldan.\n"
        "ATTN: JOSEPH H. LANGOSCH\nSource: Joseph R. MOROLA, Gordon Cooper and Associates.\n"
        "WILL ADVISE. RAY INDICATED HE WOULD TRAVEL TO VICTOR FALLS.\n\n"
        "Warm wishes,\nKathy\n\nThe Soviet Union told Senator Church and the Warren Commission.\n"
    )
    rec = declass.parse_bytes(text.encode(), "house.txt")
    people = _people(rec)
    assert {"Carlos Garzana Roldan", "Joseph H. Langosch", "Joseph R. Morola", "Kathy"} <= people
    # "RAY INDICATED": no surname "Indicated" (Ray alone is the subject of a verb of saying)
    assert not any(p.startswith("Ray ") for p in people) and "Victor Falls" not in people
    orgs = _orgs(rec)
    assert "Warren Commission" in orgs and not {"Soviet Union", "Senator Church"} & orgs
    assert any(e["type"] == "place" and e["name"] == "Soviet Union" for e in rec.entities)
    assert evidence.errors(rec.to_dict()) == []


def test_regions_district_codes_and_possessives_are_places() -> None:
    # State releases C05762753, C05780823, C05768056 (public domain)
    got = {m.text: m for m in places.find("laws in several countries in Africa and the Middle East")}
    assert got["Africa"].attributes["kind"] == "region" and got["Africa"].attributes["lat"] is not None
    assert "Middle East" in got
    assert [m.name for m in places.find("2201 C Street, NW\nWashington, DC 20520")] == ["Washington"]
    assert [m.name for m in places.find("confidence in Northern Ireland's political institutions")] == ["Northern Ireland"]
    # a town's other name that is a given name elsewhere is not the town
    assert places.find("So let's wait and see who else Lissa turns up.") == []


def test_a_list_of_stations_is_read_as_places_a_list_of_officials_is_not() -> None:
    # NARA JFK 104-10012-10076: the field distribution of a CIA dispatch, OCR'd, a station a line
    stations = (
        "FIELD DISTREBUTTON\n\nDakar\n\nFreetoun\n\nLusake\n\nRabat\n\n2710011\n\nBerlin 3\n\n"
        "NE DiT2n10n\n\nAsuncioo\n\nFogota\n\nErasilia\n\nAthens\n\nBeirut\n\n2\n\nKingston\n\nXLisbon\n\nX Managua\n\nSB/Division\n"
    )
    got = {m.text: m.name for m in places.find(stations)}
    for printed, name in [
        ("Freetoun", "Freetown"),
        ("Lusake", "Lusaka"),
        ("Asuncioo", "Asunción"),
        ("Fogota", "Bogotá"),
        ("Lisbon", "Lisbon"),
        ("Managua", "Managua"),
    ]:
        assert got.get(printed) == name, printed
    assert {"Dakar", "Rabat", "Athens", "Beirut", "Kingston"} <= set(got.values())
    # NARA JFK 124-10204-10101: the FBI's routing list of officials; surnames that are towns
    officials = (
        "Tolson\n\nBelmont.\n\nMohr -\n\nDeLoach -\n\nCasper\n\nCallahan -\n\nConrad -\n\nFelt\n\nGale\n\nRosen\n\nSullivan\n\nTavel.\n\nTrotter -\n\nHolmes\n"
    )
    assert [m.text for m in places.find(officials) if m.source == "gazetteer:list"] == []
    # a station's code is no town ("OTTA", "LAPA"), however many codes a cable lists
    codes = "BUEN\n\nCOBA\n\nGUAT\n\nLAPA\n\nLOND\n\nROME\n\nBONN\n\nTOKY\n\nOTTA\n\nLIMA\n"
    assert {m.text for m in places.find(codes)} <= {"ROME", "BONN", "LIMA"}


def test_a_post_named_by_its_city_and_the_place_inside_a_posts_name() -> None:
    # State C05765915, C05766531, C05766654, C05766696 (public domain)
    text = (
        "Melanne and Huma: I want to bring you up to speed on our support to Asha Haji. Embassy Nairobi informed me earlier.\n\n"
        "Press Counselor, US Embassy London\n\n"
        "I just got off the phone with Embassy Brasilia Charge Lisa Kubiske, who provided a recap.\n\n"
        "American Embassy Switchboard\n\nGoldman. Embassy LEGAT office is double-tracking.\n\n"
        "The U.S. Embassy in Baghdad reported.\n"
    )
    rec = declass.parse_bytes(text.encode(), "posts.txt")
    orgs = _orgs(rec)
    assert {"Embassy Nairobi", "US Embassy London", "Embassy Brasilia", "U.S. Embassy in Baghdad"} <= orgs, orgs
    assert not {o for o in orgs if "Switchboard" in o or "LEGAT" in o or "Charge" in o}, orgs
    # the city a post is in is a place of the document, its mention inside the post's
    placed = {e["name"]: e for e in rec.entities if e["type"] == "place"}
    assert {"Nairobi", "London", "Brasília", "Baghdad"} <= set(placed), set(placed)
    post = next(e for e in rec.entities if e["name"] == "U.S. Embassy in Baghdad")["mentions"][0]
    inner = placed["Baghdad"]["mentions"][0]
    assert post["start"] < inner["start"] < inner["end"] == post["end"]
    assert evidence.errors(rec.to_dict()) == []
    # a nation's post with its head noun in lower case (State C05767591)
    lower = declass.parse_bytes(b"we learned that the #2 at the\nEgyptian embassy in DC spent two years working on it.\n", "e.txt")
    assert "Egyptian Embassy" in _orgs(lower)
    assert "Nonexistent Embassy" not in _orgs(declass.parse_bytes(b"The Nonexistent embassy closed.\n", "n.txt"))


def test_people_in_public_life_from_a_pack_by_name_surname_and_era() -> None:
    # State C05769095, C05789505, C05764952, C05781562 (public domain)
    text = (
        "From: Holbrooke, Richard\nSent: Wednesday, September 2, 2009 6:35 PM\nTo: Sullivan, Jacob J\nSubject: Re: Lavrov\n\n"
        "Jake: President Johnson-Surleaf probably wants the UNOCI to act more aggressively (b) take away any heavy "
        "military equipment in the hands of Gbagbo's troops.\n\n"
        "Also, Richard Holbrooke will testify on Sept 15 before the House. I spoke to Jeff Feltman and hopes this will be resolved.\n\n"
        "FYI all: WJB asked me to make sure you're aware that Jill Biden is planning to visit Ethiopia and Kenya.\n"
    )
    rec = declass.parse_bytes(text.encode(), "figures.txt")
    people = {e["name"]: e for e in rec.entities if e["type"] == "person"}
    assert {"Sergey Lavrov", "Laurent Gbagbo", "Richard Holbrooke", "Jeffrey Feltman", "Jill Biden"} <= set(people), set(people)
    # the address line and the full name in the text are one person, the pack's
    holbrooke = people["Richard Holbrooke"]
    assert holbrooke["id"] == "pack:public-figures:richard-holbrooke"
    assert {"Holbrooke, Richard", "Richard Holbrooke"} <= {m["text"] for m in holbrooke["mentions"]}
    # "President Johnson-Surleaf" is not President Johnson; Jill Biden is not her husband
    assert not {"Lyndon B. Johnson", "Joe Biden"} & set(people)
    assert evidence.errors(rec.to_dict()) == []
    # a document older than a figure's public life names someone else by that surname
    assert [m.name for m in packs.find("launch the process with Lavrov.", None, 2009)] == ["Sergey Lavrov"]
    assert packs.find("launch the process with Lavrov.", None, 1963) == []
    # an honorific licenses a surname only for people the records of their time call so
    assert packs.find("Mr. Gordon called.", title_before) == []
    assert [m.name for m in packs.find("Assistant Secretary Gordon called.", title_before)] == ["Philip Gordon"]
    assert [m.name for m in packs.find("Mr. Belmont advised.", title_before)] == ["Alan H. Belmont"]


def test_a_name_after_an_office_symbol_in_cia_routing_lines() -> None:
    # NARA JFK 104-10220-10128, 104-10012-10022, 104-10178-10137, 104-10071-10009 (public domain)
    text = (
        "COORD: C/WH/COG/MO Robert Ortman\n\nby phone)\n\n"
        "PHOTO ATTACHED\n\nDDO/CI/RA/Joan Paxson (21 May 1982)\n\n"
        "FROM: NAME, ADORESS ANO PHONE NO.\n\nCI/OP Richard Ober x 6537 R 9477\n\n"
        "WH/1/Charles M.Bounds; jb\n12 April 1968\nDistribution:\n\nC/WH/C/MO_\n\nSB/Division Chief\n"
    )
    rec = declass.parse_bytes(text.encode(), "routing.md")
    assert {"Robert Ortman", "Joan Paxson", "Richard Ober", "Charles M. Bounds"} <= _people(rec), _people(rec)
    assert not {p for p in _people(rec) if "Division" in p or "Chief" in p}
    assert evidence.errors(rec.to_dict()) == []


def test_patronymics_and_fuller_names_of_a_packs_surname() -> None:
    # NARA JFK 104-10332-10009; State C05775710 (public domain)
    text = (
        'The CIA questioned the "bona fides" of Yuriy Ivanovich NOSENKO.\n\n'
        "2. To protect a CIA asset. Yuriy Ivanovich NOSENKO was held. Nosenko said that Yuriy Nosenko had defected.\n"
    )
    rec = declass.parse_bytes(text.encode(), "nosenko.md")
    assert not [e["name"] for e in rec.entities if "osenko" in e["name"] and e["type"] != "person"]
    text = "jurists like former Supreme Court President Aharon Barak who have overturned Knesset laws\n"
    people = _people(declass.parse_bytes(text.encode(), "barak.txt"))
    assert "Aharon Barak" in people and "Ehud Barak" not in people, people


def test_surname_in_capitals_then_given_name_as_rosters_print_them() -> None:
    # NARA JFK 104-10062-10005 (public domain): a roster of former employees, surname first
    text = (
        "*(4 continued)\n\nPREEN, Eleanor\n\nELeanor K. Breen, DDO-EM\n\nEOD: 4-23-61\n\n"
        "-9.\n\nITO, Chester\n\nliti\n\nJ10. MARTIN, ElWOOd D. (Pete)\n\n11.\n\n13.\n\nOJIRI, Bob\n\n"
        "OSWALD, Lee Harvey\n\nUNCLASSIFIED, Confidential\n"
    )
    rec = declass.parse_bytes(text.encode(), "roster.md")
    people = _people(rec)
    assert {"Eleanor Preen", "Chester Ito", "Bob Ojiri", "Lee Harvey Oswald"} <= people, people
    # a given name right after the comma is part of the inverted name, not a person alone
    assert not {"Chester", "Bob"} & people and "Confidential Unclassified" not in people
    assert evidence.errors(rec.to_dict()) == []
    # NARA JFK 104-10121-10236: joined initials, and an initial OCR printed in lower case
    rec = declass.parse_bytes(b"*. DRALLE, Anthony F.J.\n\nGMIRKIN, Leonard G.\n\nMORALES, David s.\n\nSEVERT, Roger W\n", "awards.md")
    assert {"Anthony F.J. Dralle", "David S. Morales", "Leonard G. Gmirkin", "Roger W Severt"} <= _people(rec), _people(rec)


def test_surname_alone_in_capitals_before_a_verb_of_saying_is_a_person() -> None:
    # NARA JFK 104-10228-10042 and 104-10179-10134 (public domain), cables set in capitals; the
    # negatives from records of the same collection
    text = (
        "FORCE OF THE POLITICAL GROUPS AND FRAGMENTS IN THE MIAME #REA, ALTHOUGH\n"
        "OLIVA STRESSED THE FACT THAT THE BRIGADE DID NOT CONSIDER ITSELF AS A\n\n"
        "| WENT AMONG CUBAN EMBASSIES AND OFFICIALS INSIDE CUBA HAS GROWN\n"
        "i CONSIDERABLY. RAY CONVINCED IT POSSIBLE TO OVERTRROW CaSTRO\n"
        "_ SLEANLY QND SIMPLY. WANTS DEVOTE OWN APPARATUS TO IDENTIFYING\n"
        "C. RAY ALSO ASKED WE LINE UP JOB FOR CABRERA AS EUROPE REP\n"
        "THE EMBASSY IN PUERTO RICO STATES THAT NO VISA ISSUED. HE SPECIFI-\n\n"
        "CALLY REFERRED TO FORMER EDITOR. ASCERTAIN WHETHER APPOINTMENT FOR 14 JAN CONFIRMED.\n"
    )
    rec = declass.parse_bytes(text.encode(), "cable.md")
    people = {e["name"]: e for e in rec.entities if e["type"] == "person"}
    assert {"Oliva", "Ray"} <= set(people), people
    assert len(people["Ray"]["mentions"]) == 2  # "RAY CONVINCED" and "RAY ALSO ASKED": one person
    assert not {"Rico", "Cally", "Jan"} & set(people)
    assert evidence.errors(rec.to_dict()) == []


def test_surname_in_brackets_as_cia_cables_mark_it() -> None:
    # NARA JFK 104-10077-10005 and 104-10326-10059 (public domain)
    text = (
        "RIGHTIST, WHO OBTAINED INFO FROM RAMON (TAPIA) ESPINAL DURING A VISIT\n\n"
        "HIS. REQUEST HAD BEEN UNDERMINED BY FELIX ((BONNE)) CARCASSES, THE\n"
        "CCC LEADER. BONNE DENIED THIS ACTION.\nAND ARE VERY WELL (ESTABLISHED) WITH YOUR YOUNGEST.\n"
    )
    rec = declass.parse_bytes(text.encode(), "cable.md")
    people = _people(rec)
    assert {"Ramon Tapia Espinal", "Felix Bonne Carcasses"} <= people, people
    assert not any("Established" in p for p in people)
    assert evidence.errors(rec.to_dict()) == []


def test_spanish_institutions_head_noun_first() -> None:
    # NARA JFK 104-10180-10060 and 104-10176-10073 (public domain); the negatives are Spanish
    # words that are no name and a head noun the cable's English follows
    text = (
        "1, ACCORDING TO ANTONIO ARIAS GONZALEZ, MANUEL RAY AND THE\n"
        "JUNTA REVOLUCIONARIA CUBANA (JURE, CUBAN REVOLUTIONARY JUNTA) ARE\n\n"
        "REPUBLICA DE CUBA\n\nCONSEJO NACIONAL DE CULTURA\n\n"
        "THE CONSEJO MEETING WAS HELD. The house stood frente a la plaza.\n"
        "He studied at the Universidad de La Habana in 1958.\n"
    )
    rec = declass.parse_bytes(text.encode(), "cable.md")
    orgs = _orgs(rec)
    assert {"Junta Revolucionaria Cubana", "Consejo Nacional de Cultura", "Universidad de la Habana"} <= orgs, orgs
    assert not any(o.startswith(("Consejo Meeting", "Frente")) for o in orgs), orgs
    assert evidence.errors(rec.to_dict()) == []


def test_cities_in_cables_set_in_capitals_and_stops_ocr_read_as_letters() -> None:
    # NARA JFK 124-90137-10171 (an FBI teletype) and 104-10177-10176 (public domain): in capitals
    # a city of 100,000 or more whose name is nobody's is a place; a typewriter's full stop or
    # comma OCR read as a letter after a name ("MANAGUAs", "Cityo") is no part of it
    teletype = (
        "DIRECTOR AND SAC NEW YORK\n\nFROM SAC MIAMI 29130\n\nFRANCISCO IS CUBA, REBUTEL APRIL 28 INSTANT.\n\n"
        "SUBJECT NOT AMONG ARRIVALS AS EXPECTED ON NIGHT OF\n\nAPRIL 28 - 29. MC CLAIR, MIAMI, ADVISES\n"
        "NAME ON FLT MANIFEST FOR 2 APR 73 OF PRIVATE\nPLANE ARR AND/OR DEPARTING MANAGUAs -\n"
    )
    rec = declass.parse_bytes(teletype.encode(), "teletype.md")
    found = {e["name"]: e for e in rec.entities if e["type"] == "place"}
    assert {"Miami", "Managua", "New York"} <= set(found), set(found)
    assert [m["text"] for m in found["Managua"]["mentions"]] == ["MANAGUA"]
    memo = "He arrived at Idlewild Airport in New York Cityo He has been developed since November.\n"
    rec = declass.parse_bytes(memo.encode(), "memo.md")
    assert "New York City" in {e["name"] for e in rec.entities if e["type"] == "place"}
    assert evidence.errors(rec.to_dict()) == []


def test_what_the_model_calls_an_organisation_that_is_a_person_or_a_plural_noun() -> None:
    # NARA JFK 180-10145-10353, 104-10331-10152 and 124-10186-10049 (public domain)
    text = (
        "bled Identities for NFL-062-76 1/14/76. Memo not attached.\nBernard Barker=Iden V.\n\n"
        "(Memo above made available In DCD file of Grayston Lynch.,\nNFL-002-76. 1/14/76 7 :\n\n"
        "Indicates Lynch connected with LNCOLLAR from 1973-1975,\n\n"
        "Board for final action at the 13 April or 12 May meeting.\n\n"
        "ISSUE 2 -- Alias Documentation and Accommodation Addresses\n\n"
        "The past history of the FBI's Security Index and other target lists\n\n"
        "(Key Activists, Agitator Index, Key Black Extremists) suggests\n\n"
    )
    rec = declass.parse_bytes(text.encode(), "memo.md")
    orgs = _orgs(rec)
    assert not {"Accommodation Addresses", "Key Black Extremists", "Grayston Lynch"} & orgs, orgs
    assert "Grayston Lynch" in _people(rec)


def test_a_nations_post_in_a_cable_set_in_capitals() -> None:
    # NARA JFK 104-10326-10048 (public domain)
    text = (
        "DURING A VISIT MUGABE\n\nREPORTEDLY MADE TO THE NORTH KOREAN EMBASSY TO INVITE THE DEAR LEADER\n\n"
        "(STATION NOTE:\n\nDOES NOT VISIT EMBASSIES AS A RULE,\n\nAND THIS IS PROBABLY AN EXCEPTION.)\n"
    )
    rec = declass.parse_bytes(text.encode(), "cable.md")
    assert "North Korean Embassy" in _orgs(rec), _orgs(rec)
    assert not any("Embassies" in o for o in _orgs(rec))


def test_a_pack_persons_name_misspelt_by_a_letter() -> None:
    # State C05766074 and C05766780, NARA JFK 104-10227-10000 and 104-10107-10034 (public domain)
    text = (
        "Subject: Guinea\n\nJeff/Harold--\n\n  I spoke w Kouchener who will be meeting in Paris tomorrow.\n\n"
        "To: Feldman, Daniel F; Jones, Paul W\nCc: Feldman is traveling.\n\n"
        "(then SR) was the\nresponsible office for the confinement of Noscnko until late\nOctober 1967.\n"
        "c. What knowledge did he have of Gtation operations?\n"
    )
    rec = declass.parse_bytes(text.encode(), "mail.txt")
    people = {e["name"]: e for e in rec.entities if e["type"] == "person"}
    assert "Bernard Kouchner" in people and "Yuri Nosenko" in people, set(people)
    assert [m["text"] for m in people["Bernard Kouchner"]["mentions"]] == ["Kouchener"]
    # another person's surname ("Feldman, Daniel F"), a common word's misspelling: no pack person
    assert "Jeffrey Feltman" not in people and "Scott Gration" not in people, set(people)
    assert evidence.errors(rec.to_dict()) == []


def test_staffs_and_branches_and_names_in_ocr_noise() -> None:
    # NARA JFK 104-10121-10236 and 124-90137-10468 (public domain)
    text = (
        "the Director of Personnel) and with the concurrence of the Secretary\n\n"
        "- of State. Central Cover Staff is arranging for appropriate liaison\n\n"
        "Frome Director, FBI {(195.89457)_— DeclessifVen, MARE Ou Zat\n\n"
        # NARA JFK 180-10145-10353 and State C05761143: a person's name before "Branch" or "Staff"
        "Indicates Crile and Taylor Branch may follow up book on\nE. Martinez.\n\n"
        "Lizette Ocampo         Staff Assistant, Legislative Affairs             White House\n"
    )
    rec = declass.parse_bytes(text.encode(), "memo.md")
    assert "Central Cover Staff" in _orgs(rec), _orgs(rec)
    assert not {"Taylor Branch", "Lizette Ocampo Staff"} & _orgs(rec), _orgs(rec)
    assert not any("Zat" in p for p in _people(rec)), _people(rec)


def test_airports_and_bases_are_places() -> None:
    # State C05790926 (a schedule) and NARA JFK 124-90137-10468 (public domain)
    text = (
        "4:20pm DEPART State Department •En route Washington National Airport\n\n"
        "6:20pm ARRIVE LaGuardia Airport New York\n\n"
        "He left Idlewild Airport for Havana.\n"
    )
    rec = declass.parse_bytes(text.encode(), "schedule.txt")
    found = {e["name"]: e for e in rec.entities if e["type"] == "place"}
    assert {"Washington National Airport", "LaGuardia Airport", "Idlewild Airport"} <= set(found), set(found)
    assert found["Washington National Airport"]["attributes"]["country"] == "US"
    assert "Washington" not in found  # the city is the airport's, not a place of its own here
    assert evidence.errors(rec.to_dict()) == []


def test_a_board_of_an_institution_is_named_for_the_institution() -> None:
    # State C05760562 (public domain)
    text = "He serves on the Board of the American Constitution Society and the Board of Trustees of Stanford University.\n"
    rec = declass.parse_bytes(text.encode(), "mail.txt")
    orgs = _orgs(rec)
    assert {"American Constitution Society", "Stanford University"} <= orgs, orgs
    assert not any(o.startswith("Board") for o in orgs), orgs


def test_a_title_before_a_name_in_capitals() -> None:
    # NARA JFK 176-10036-10141, 157-10014-10227, 198-10009-10087, 104-10305-10005 and
    # 104-10194-10019 (public domain)
    text = (
        "BEEN THOUGHT TO BE EXTREMELY LOYAL TO PRESIDENT DIEM.\n\n"
        "1. SUMMARY. MAJOR NGUYEN VAN TU, COMMANDING OFFICER, EIGHTH REGIMENT OF\n\n"
        "PERSONS/ENTITIES:\n\nAMBASSADOR NOLTING\n\nMEMORANDUM FOR MAJOR GENERAL KRULAK\n\n"
        "FM SECSTATE WASHDG.-\n\nTO AMCONSUL FRANKFURT\n\n"
        "GENERAL DESCRIPTIGN DE DUTIES TO DE PERFORMES\n\nTHE MAJOR PROBLEM IS THE GENERAL ASSEMBLY.\n"
    )
    rec = declass.parse_bytes(text.encode(), "cable.md")
    people = {e["name"]: e for e in rec.entities if e["type"] == "person"}
    assert {"Nolting", "Krulak"} <= set(people) and any(p.startswith("Nguyen") for p in people), set(people)
    assert people["Nolting"]["attributes"]["title"] == "Ambassador"
    assert not {"Washdg", "Descriptign", "Problem", "Assembly"} & set(people), set(people)
    assert evidence.errors(rec.to_dict()) == []


def test_names_in_capitals_after_other_capitals_and_a_salutation() -> None:
    # NARA JFK 104-10412-10005 and 104-10174-10065, State C05768846 (public domain): the words in
    # capitals before a name eat none of it; a patronymic makes three words in capitals a name
    text = (
        "ED 201-0943610 IS\n\nPOSSIBLY IDENTICAL WITH VLADIMIR SERGEYEVICH KUZNETSOV, A GRU STAFF OFFICER.\n"
        "~__ REPLACED OLEG MAKSIMOVICH NECHIPORENKO IN 1965.\n\n"
        "Hi,Huma,\nPlease share this with Hillary.\nThanks,\nIrwin\n\n\n\nDear Hillary,\n"
        "I am hoping we can pick up the threads of our previous conversations.\n"
    )
    rec = declass.parse_bytes(text.encode(), "memo.md")
    people = _people(rec)
    assert {"Vladimir Sergeyevich Kuznetsov", "Hillary"} <= people, people
    assert any("Nechiporenko" in p for p in people), people


def test_a_town_no_gazetteer_knows_gets_a_country_and_a_position() -> None:
    # State C05769409 (public domain): "in Davos" (a town of 11,000, under the gazetteer's 15,000);
    # the Atlantic is an ocean, not Atlantic, Iowa
    text = (
        "If you need anything from me I will be happy to help. I will be in Davos late next week.\n\n"
        "He then sailed across the Atlantic.\n"
    )
    rec = declass.parse_bytes(text.encode(), "mail.txt")
    found = {e["name"]: e for e in rec.entities if e["type"] == "place"}
    assert found["Davos"]["attributes"]["country"] == "CH" and found["Davos"]["attributes"]["lat"] is not None, found
    assert found["Atlantic"]["attributes"]["kind"] == "region", found


def test_a_packs_organisation_before_a_head_noun_begins_another_name() -> None:
    # State C05775305 (public domain): the Atlantic Council is no magazine
    text = (
        "But as he himself admitted rather disarmingly last year, he\ndoes not have a taste for bureaucracy. "
        "Speaking at The Atlantic Council, a think-tank where he previously worked, Gen\nJones provoked laughter. "
        "He later wrote for The Atlantic.\n"
    )
    rec = declass.parse_bytes(text.encode(), "mail.txt")
    orgs = {e["name"]: e for e in rec.entities if e["type"] == "organization"}
    assert "Atlantic Council" in orgs, set(orgs)
    assert [m["text"] for m in orgs["The Atlantic"]["mentions"]] == ["The Atlantic"], orgs["The Atlantic"]["mentions"]


def test_the_armed_services_and_naval_intelligence() -> None:
    # NARA JFK 180-10117-10032 (public domain)
    text = "Naval Intelligence reports the following Marine Corp history.\nHe served in the Marine Corps at Lejeune, N.C., New York.\n"
    rec = declass.parse_bytes(text.encode(), "report.md")
    assert {"Office of Naval Intelligence", "U.S. Marine Corps"} <= _orgs(rec), _orgs(rec)


def test_a_us_state_after_a_town_says_which_town_in_capitals_too() -> None:
    # a CIA cable's list of hijackers (104-10063-10168) and an FBI report (124-10200-10197; public domain)
    cable = (
        "DPOB 28 MAR 44. ELIZABETH,\nNEW JERSEY. FIVE FEET SEVEN. 130 LBS.\nC- MELVIN MCNAIR DELTA HIJACKER:\n"
        "DPOB 3 OCT 48. GREENSBORO. NORTH CAROLINA, SIX FEET ONE. DPOB 21 JUNE 45. SUMTER, SOUTH CAROLINA, SIX FEET TWO.\n"
        "ARRIVED COLUMBUS, IN ORDER TO MEET SOURCE.\n"
    )
    rec = declass.parse_bytes(cable.encode(), "cable.md")
    towns = {e["name"]: e["attributes"].get("admin1") for e in rec.entities if e["type"] == "place"}
    assert towns.get("Elizabeth") == "New Jersey" and towns.get("Greensboro") == "North Carolina" and towns.get("Sumter") == "South Carolina", towns
    assert towns.get("Columbus") != "Indiana"  # "IN ORDER": a word, not the state
    report = b"TP T-20 is Mr. ROY GARVIN, Mgr., Southern Bell Telephone and Telegraph Co.,\nBrunswick, Ga.\n"
    towns = {e["name"]: e["attributes"].get("admin1") for e in declass.parse_bytes(report, "r.md").entities if e["type"] == "place"}
    assert towns.get("Brunswick") == "Georgia", towns
    assert evidence.errors(rec.to_dict()) == []


def test_islands_valleys_and_gulfs_named_in_full_are_places() -> None:
    # State C05767562 and C05783212 (public domain)
    text = (
        "When violence displaced up to 2 million people from Pakistan's Swat Valley, the State Department\n"
        "responded. The base is at the junction of the Red Sea and the Gulf of Aden. Rhode Island.\n"
    )
    rec = declass.parse_bytes(text.encode(), "mail.txt")
    found = {e["name"]: e for e in rec.entities if e["type"] == "place"}
    assert {"Swat Valley", "Gulf of Aden", "Red Sea", "Pakistan"} <= set(found), set(found)
    assert found["Swat Valley"]["attributes"]["kind"] == "feature"
    assert found["Rhode Island"]["attributes"]["kind"] == "state"  # the gazetteer's, not a feature
    assert evidence.errors(rec.to_dict()) == []
    # an FBI report in the JFK files (124-90006-10135): the event's noun is no part of the place
    fbi = b'connected with the attempted invasion of Cuba in April, 1961, which operation was known as the "Bay of Pigs Invasion."'
    places = {e["name"] for e in declass.parse_bytes(fbi, "report.md").entities if e["type"] == "place"}
    assert "Bay of Pigs" in places and "Bay of Pigs Invasion" not in places


def test_a_body_named_for_the_place_it_serves() -> None:
    # an FBI report in the JFK files (124-10292-10062, public domain): a field division is an
    # organisation, in capitals as a heading and in running text, and names its city too
    text = (
        '"DL 92-36\n\nNEW YORK DIVISION .\n\nAT NEW YORK i\nFurnish Dallas with background. information\n'
        "concerning ANGELO TUMINARO, FBI No. 270010 and develop\nany possible connection TUMINARO has with DIVELLO.\n\n"
        "DALLAS DIVISION\nAT DALLAS, TEXAS\n\n1. Will maintain contact with established sources;\n"
        "he presently answers to MICHELINO CLEMENTE, top hoodlum,\n\nNew York Division, having previously answered to ALBERT\n"
        "ANASTASIA before he was murdered.\nINFORMATION FURNISHED TO DALLAS DIVISION BY THE MONTGOMERY COUNTY POLICE DEPARTMENT ON MAY 3.\n"
    )
    rec = declass.parse_bytes(text.encode(), "report.md")
    orgs = {e["name"]: e for e in rec.entities if e["type"] == "organization"}
    assert {"New York Division", "Dallas Division", "Montgomery County Police Department"} <= set(orgs), set(orgs)
    assert len(orgs["Dallas Division"]["mentions"]) == 2 and orgs["Dallas Division"]["attributes"]["kind"] == "local_body"
    assert "Dallas" in _places(rec)
    assert evidence.errors(rec.to_dict()) == []
    # a longer name holding a place is the institution reader's (a CIA letter, 104-10337-10004);
    # a division named for a region names no place of the record (104-10096-10223)
    cia = "— Counterintelligence Staff (DDP/Cl)\n\n— Soviet Russia Division (DDP/SR)\n\nFROM. : George V, Lauder\nDeputy Chief, Latin America Division\n"
    rec = declass.parse_bytes(cia.encode(), "letter.md")
    assert "Soviet Russia Division" in _orgs(rec) and "Russia Division" not in _orgs(rec), _orgs(rec)
    assert not {"Russia", "Latin America"} & _places(rec)


def test_hotels_and_hospitals_named_head_noun_first_or_last() -> None:
    # FBI reports in the JFK files (124-10203-10273, 124-10018-10491) and a CIA cable (104-10167-10161), public domain
    text = (
        "BRUNO had interests in the Hotel Plaza Gambling Casino in\nHavana, Cuba.\n"
        "He was taken to St. Josephs Hospital. Will follow his\nactivities.\n"
        "TRAVELLER WILL RGISTER HOTEL NACIONAL, AWAIT STATION\nCONTACT.\n"
        "HOTEL AS WIROGUE REPORTED. PAID HOTEL BILL AT AMAT.\n"
    )
    rec = declass.parse_bytes(text.encode(), "report.md")
    orgs = _orgs(rec)
    assert {"Hotel Plaza", "St. Josephs Hospital", "Hotel Nacional"} <= orgs, orgs
    assert not any(o.startswith("Hotel As") or o.startswith("Hotel Bill") for o in orgs), orgs


def test_businesses_named_in_a_cable_set_in_capitals() -> None:
    # CIA cables and reports in the JFK files (104-10165-10169, 104-10220-10028, 104-10173-10165, public domain)
    text = (
        "ARRANGE CHAPTER WITH OTHER SER SERVICE SUCH AS MACEY AIRLINES.\n\n"
        "MARTINEZ PROVIDED HIN WITH A ROOM AT CAPRI HOTEL AND PROMISED TO CALL.\n\n"
        "HE HOLDS ACCOUNTS WITH FIRST NATIONAL CITY BANK AND RIGGS NATIONAL BANK.\n\n"
        "BONO EVILIO CARLOS, U.S. CITIZENS\n\nADDRESSI HOTEL DIPLOMAT, CALLE O BETWEEN AVENIDAS\n\n"
        "HE IS STAYING AT HIS HOTEL IN HAVANA.\n"
    )
    orgs = _orgs(declass.parse_bytes(text.encode(), "cable.md"))
    assert {"Macey Airlines", "Capri Hotel", "Riggs National Bank", "First National City Bank"} <= orgs, orgs
    # a university named for a place, in capitals (104-10326-10054, State C05796830)
    univ = "IN 1980'S SUBJ CALLED AND WROTE OFFICE FREQUENTLY,\nGIVING UNIVERSITY OF MINNEAPOLIS UPDATES.\n\nTHE UNIVERSITY OF OKLAHOMA\n"
    assert {"University of Minneapolis", "University of Oklahoma"} <= _orgs(declass.parse_bytes(univ.encode(), "c.md"))
    # a name never runs over a preposition, nor begins with a word of the records or a place
    # (First National City Bank is the companies pack's, by its name)
    assert not any(o.startswith(("Such", "Room", "At ", "His", "Havana", "Addressi")) for o in orgs), orgs


def test_cold_war_movements_in_a_teletype_set_in_capitals() -> None:
    # an FBI teletype in the JFK files (124-10185-10099, public domain)
    text = (
        "WITH RESPECT IO INTELLIGENCE ACTIVITIES IS EXAMINING MEASURES\n\n"
        "DIRECTED AGAINST THE BLACK PANTHER PARTY (BPP) IN THE LATE\n\n1960S AND EARLY 1970S IN SAN FRANCISCO - OAKLAND.\n"
    )
    rec = declass.parse_bytes(text.encode(), "teletype.md")
    assert "Black Panther Party" in _orgs(rec), _orgs(rec)


def test_a_word_of_the_records_before_a_city_the_model_reads_as_a_name() -> None:
    # an FBI letter in the JFK files (124-90056-10003, public domain): "Reference" is no given name,
    # so the model's "Reference Havana" is the city, and the city's other mentions stay places
    text = (
        "FROM\n\nLegat, Havana (92-1)\n\nSUBJECT:\n\nSANTO TRAFFICANTE, JR., Was.\n\nANTI-RACKETEERING\n\nUNg\n\n"
        "Reference Havana letter dated 4/3/58.\n\nSet forth below is additional information developed\n\n"
        "by the Office of the Legal Attache, Havana, concerning the\n\nsubject's activities.\n"
    )
    rec = declass.parse_bytes(text.encode(), "letter.md")
    people = _people(rec)
    assert not any("Havana" in p for p in people), people
    havana = [e for e in rec.entities if e["name"] == "Havana"]
    assert havana and havana[0]["type"] == "place" and len(havana[0]["mentions"]) >= 2, havana


def test_names_in_capitals_with_a_particle_or_a_given_name_of_the_world_lists() -> None:
    # FBI reports in the JFK files (124-10203-10000, 124-10239-10171, 124-90103-10005; public domain):
    # a particle before the surname, a given name of the wider lists before a surname they know, a
    # given name that is also a big city's after an FBI title
    text = (
        "The reference to STEVE by ALEX midway in the conversation\nis probably a reference to STEVE DE KOSTA. It is noted\n"
        "JIMMY ALLEGRETTI and JOSEPH DI VARCO.\n\n"
        "On 3-13-64, MARGARITA MUNGUIA, Visa Section, US Embassy, Mexico, D.F., made available\n"
        "Will follow and report the activities of SEBASTIAN JOHN LA ROCCA and his associates.\n"
        "T-4 is PCI AUSTIN PITTMAN.\n"
        "GEORGINA DE LAS\nCASAS STREET.\n"
    )
    rec = declass.parse_bytes(text.encode(), "report.md")
    people = {fold(e["name"]) for e in rec.entities if e["type"] == "person"}
    assert {"steve de kosta", "joseph di varco", "margarita munguia", "sebastian john la rocca", "austin pittman"} <= people, people
    assert not any(p.endswith("de las") for p in people), people
    assert "austin" not in {fold(e["name"]) for e in rec.entities if e["type"] == "place"}


def test_two_given_names_before_a_surname_in_capitals() -> None:
    # CIA memoranda and dispatches in the JFK files (104-10220-10293, 104-10312-10382, 104-10102-10231; public domain)
    text = (
        "to Lucas-Moran, representative of the Movimiento Demecrate Cristiano ia\nCuba, The original lettera, "
        "one of vhich'wes written by Jose Ignacio RASCO and the other.\n"
        "(His wife Anne Claudia GUGAS nee was granted a covert security clearance\n"
        "Then Colonel Jose SMITH arrived.\n"
    )
    people = _people(declass.parse_bytes(text.encode(), "dispatch.md"))
    assert {"Jose Ignacio Rasco", "Anne Claudia Gugas", "Jose Smith"} <= people, people
    assert "Ignacio Rasco" not in people and not any(p.startswith("Colonel") for p in people), people


def test_an_fbi_title_a_name_a_middle_initial_and_a_surname_in_capitals() -> None:
    # FBI reports in the JFK files (124-90079-10017, 124-10273-10040, 124-10188-10185, 124-90024-10122;
    # public domain): OCR's given names no list holds, a surname that is a city's, a word as a given name
    text = (
        "OWEN VINCENT MADDEN, aka SA CLABURN T. WHITE jgl\n\n3 Report of SA CLABURN T, WHITE dated 9/7/60 at\n\n"
        "Investigation was conducted by SA LOFTIS J. SHEFFIELD at Dallas.\n\n"
        "Interviewed by SA TRON W. BREKKE on 5/2/64.\n\nThe report of SA PAUL B. FRANKFURT shows.\n"
    )
    rec = declass.parse_bytes(text.encode(), "report.md")
    people = _people(rec)
    assert {"Claburn T. White", "Loftis J. Sheffield", "Tron W. Brekke", "Paul B. Frankfurt"} <= people, people
    assert not {"Sheffield", "Frankfort"} & _places(rec), _places(rec)


def test_a_word_of_a_title_may_begin_an_institutions_name() -> None:
    # State C05791372 and C05768055, a Church Committee transcript in the JFK files (157-10011-10124); public domain
    text = (
        "seriously delinquent tax debts exceeding $50,000) from the full Foreign Affairs Committee. As you probably know, it\n"
        "that kind through the General Assembly and other UN bodies since 2005. But the margin was the smallest\n"
        "as three key people in the Special Group at that time.\n\n"
        "Senator Church asked the Agency for its files.\n"
    )
    rec = declass.parse_bytes(text.encode(), "mail.txt")
    orgs = _orgs(rec)
    assert {"Foreign Affairs Committee", "General Assembly", "Special Group"} <= orgs, orgs
    assert not any("Church" in o for o in orgs) and any("Church" in p for p in _people(rec)), (orgs, _people(rec))


def test_a_packs_alias_with_its_article_in_running_text() -> None:
    # State C05797894 and C05768551 (public domain): "the White House", "the Taliban" in lower case
    # mid-sentence are the pack's; the model read the first as Casablanca ("Casa Blanca")
    text = (
        "party Fatah opposed Hamas's participation, too. But the White House would have none of this; it pushed\n"
        "caused by Afghanistan's unabated poppy cultivation, noting it fuels domestic corruption and finances the Taliban.\n"
    )
    rec = declass.parse_bytes(text.encode(), "mail.txt")
    assert {"White House", "Taliban"} <= _orgs(rec), _orgs(rec)
    assert "Casablanca" not in _places(rec), _places(rec)


def test_an_acronym_a_pack_allows_in_lower_case() -> None:
    # State C05785312 and C05785160 (public domain): "hrc" is Hillary Clinton, never in an address
    text = "Subject: Re: Jake - DS says hrc is looking for you. Go to suite.\n\nCdm, he just asked for a mtg with hrc next week.\n"
    people = [e for e in declass.parse_bytes(text.encode(), "mail.txt").entities if e["name"] == "Hillary Clinton"]
    assert people and len(people[0]["mentions"]) == 2, people
    assert "Hillary Clinton" not in _people(declass.parse_bytes(b"Write to hrc@example.org or see hrc.org today.\n", "m.txt"))


def test_a_given_name_alone_the_model_calls_an_organisation_is_a_person() -> None:
    # State C05788338 (public domain): the model's organisation "Kristy"
    text, filename = _labelled_text("C05788338")
    rec = declass.parse_bytes(text.encode(), filename)
    assert "Kristy" in _people(rec) and "Kristy" not in _orgs(rec)


def test_people_of_a_nation_in_the_plural_are_no_organisation() -> None:
    # a CIA clearance form in the JFK files (104-10119-10134, public domain)
    text = "Employee is U.S. Citizen: (Yes) oy (Strike out one)\n\namployee's spouse is U.S. Citizens. (Yes) dfe}—(Strike out one) |\n"
    assert not any("Citizen" in o for o in _orgs(declass.parse_bytes(text.encode(), "form.md")))
    assert "Concerned Citizens Alliance" in _orgs(declass.parse_bytes(b"The Concerned Citizens Alliance met.\n", "m.txt"))


def test_a_verb_after_a_title_in_capitals_is_no_name() -> None:
    # an NSA intercept in the JFK files (144-10001-10344, public domain); surnames that end in S stay names
    text = "THAI AMBASSADOR INFORMS FOREIGN MINISTRY OF HIS EXPRESSING\n\nMR. BROOKS SAID. MR. WELLS ARRIVED.\n"
    people = _people(declass.parse_bytes(text.encode(), "cable.md"))
    assert "Informs" not in people and {"Brooks", "Wells"} <= people, people


def test_a_nations_services_named_by_its_demonym() -> None:
    # CIA reports and cables in the JFK files (104-10166-10278, 104-10056-10125, 104-10166-10146; public domain)
    text = (
        "as & eontor Egyptian Intelligence officer.\n\n"
        "IMPLICATING FNU DIA 2 LAN» FORMER CUBAN AIR FORCE OFFICERY -IN- : -\n\n"
        "portedly (én Egyptian Intelligence cover firm)snd that ite manager,\n\n"
        "Cuban intelligence officers met him.\n"
    )
    orgs = _orgs(declass.parse_bytes(text.encode(), "report.md"))
    assert {"Egyptian Intelligence", "Cuban Air Force"} <= orgs, orgs
    assert "Cuban Intelligence" not in orgs, orgs  # in lower case, a description


def test_two_nations_posts_under_one_plural_head_noun() -> None:
    # an FBI teletype and a memorandum in the JFK files (124-10222-10308, 157-10004-10144; public domain)
    text = (
        "CASTRO BOMBINGS AT SOVIET AND CUBAN EMBASSIES DURING NOVEMBER,\n"
        "the government after their receipt of CIA information that Oswald was\n\n"
        "in contact with the Soviet and Cuban Embassies in Mexico City was next\n\n"
        "The Cuban and Soviet Consulates refused. The Oil and Finance Ministries met.\n"
    )
    rec = declass.parse_bytes(text.encode(), "memo.md")
    orgs = _orgs(rec)
    assert {"Soviet Embassy", "Cuban Embassy", "Cuban Consulate", "Soviet Consulate"} <= orgs, orgs
    assert not any(o.startswith("Oil") for o in orgs), orgs
    assert evidence.errors(rec.to_dict()) == []


def test_places_under_the_names_of_their_time() -> None:
    # CIA cables and memoranda in the JFK files (104-10177-10202, 104-10166-10096, 104-10109-10170;
    # public domain): Cuba's provinces before 1976, its mountains, countries before a new name
    text = (
        "•OVENENT IN LAS VILLAS ANO PARTICIPATED IN ALL CONFISCATIONS\n\n"
        "LEADER OF GROUP NOW IN MASH TO BE INFILTRATED INTO\nORIENTE AFTER AMNORNM TEAM COULD GET CONTROL OF BEACH\n\n"
        "British Guiana Desk of WH and I believe was located in Barton Hall,\n"
        "The guerrillas held out in the Sierra Maestra. Guantanamo was quiet. He flew to Siam and to Dahomey.\n"
    )
    rec = declass.parse_bytes(text.encode(), "cable.md")
    where = {e["name"]: e["attributes"].get("country") for e in rec.entities if e["type"] == "place"}
    assert {"Las Villas": "CU", "Oriente": "CU", "Sierra Maestra": "CU", "Guyana": "GY", "Thailand": "TH", "Benin": "BJ"}.items() <= where.items(), where
    assert "Guantanamo" in where or "Guantánamo" in where, where


def test_a_cia_stations_code_in_a_cables_running_text_is_its_place() -> None:
    # CIA cables in the JFK files (104-10175-10101, 104-10422-10417, 104-10187-10208; public domain)
    text = (
        "L-S INTRODUCSO RETTIE TO KONTEFORTE TOLEDO ON S JAN 63. MEXI SUSGESTS!\n\n"
        "EXILE ACTIVITIES MEXI.\n\n"
        "PRIORITY DIR INFO PARI HADR COPE OSLO MELS BRUS HAGU LOND OTTA\n\n"
        "B. OTTA 1609 (69505)\n\nCITE ROME 1258\n"
    )
    rec = declass.parse_bytes(text.encode(), "cable.md")
    mexico = [e for e in rec.entities if e["name"] == "Mexico City"]
    assert mexico and len(mexico[0]["mentions"]) == 2, mexico
    # the routing line's addressees and a cited cable's station are no places of the text
    assert not {"Brussels", "London", "Ottawa"} & _places(rec), _places(rec)


def test_us_as_a_noun_is_the_country_and_as_an_adjective_is_not() -> None:
    # CIA and FBI records in the JFK files (104-10063-10168, 104-10102-10231, 144-10001-10344,
    # 104-10067-10291; public domain)
    noun = (
        "AND GUERRILLA. TRAINING PRIOR RETURN TO U.S. CLNERGO HAS BEEN UNABLE\n"
        "He held this job until he defected to the U.S. in December\n\n1962.\n"
        "THAI AMBASSADOR INFORMS FOREIGN MINISTRY OF HIS EXPRESSING\n\nCONDOLENCES TO U.S.\n"
    )
    rec = declass.parse_bytes(noun.encode(), "cable.md")
    us = [e for e in rec.entities if e["name"] == "United States"]
    assert us and us[0]["type"] == "place" and len(us[0]["mentions"]) == 3, us
    adjective = (
        "WHERE HE AWAITED FALSE U.S. PASSPORT WHICH WAS\n"
        "BE DAMAGING TO U.S. SECURITY INTERESTS AND THIS A\n"
        "He enlisted in the U.s.\n\nArmy in December 1940 and eventually saw combat in France.\n"
    )
    assert "United States" not in _places(declass.parse_bytes(adjective.encode(), "cable.md"))


def test_the_jfk_release_stamp_and_the_collections_name_are_no_person() -> None:
    # NARA's identification forms in the JFK files (124-90096-10172, 104-10131-10092; public domain):
    # the stamp as OCR printed it is furniture, "JFK" before the collection's words is no president
    text = (
        "JFK. Assassination System\nIdentification Form\n\nAGENCY: FBI\nSUBJECTS :\nCHARLES TOURINE\n\n"
        "Heleased under the John F. Kennedy\n\nAssassination Records Collection act of\n\n1992(44 USC 2107 Notel. Case#:NW\n\n"
        "55924 Date: 10-26-2021\n\nJFK reviewer Joe Murphy is the focal point for this request.\n"
    )
    rec = declass.parse_bytes(text.encode(), "form.md")
    assert not [e for e in rec.entities if "Kennedy" in e["name"]], [e["name"] for e in rec.entities]
    assert "Joe Murphy" in _people(rec)


def test_what_the_model_calls_an_organisation_in_ocr_noise_no_list_knows() -> None:
    # handwritten notes OCR'd in the JFK files (180-10145-10308) and a CIA report (104-10172-10318), public domain
    text = (
        "DB Yung 05.7 = Paalld Qufermoteir (epoot\nPrcumtng - heat $ Claus who Let Yarero\n"
        "Sombre ow Prous by Panu Og Cains |\nManuet Kay , Gobir Sagow, Cute Abire, whe\n\n"
        "the NTS matter, subj appeared highly pleased and remarked that Moesow\nTecently told him that his reporting was far better.\n"
        "He met the Cuban Revolutionary Council and the Soviet Embassy.\n"
    )
    rec = declass.parse_bytes(text.encode(), "notes.md")
    orgs = _orgs(rec)
    assert not {"Paalld Qufermoteir", "Gobir Sagow", "Moesow Tecently"} & orgs, orgs
    assert {"Cuban Revolutionary Council", "Soviet Embassy"} <= orgs, orgs
    form = b"Office of Origin\n\nDate Investigative Period\n\nLITTLE ROCK\n"
    assert not any(o.startswith("Office of Origin") for o in _orgs(declass.parse_bytes(form, "form.md")))


def test_a_person_the_model_finds_in_poor_ocr_that_no_list_knows() -> None:
    # a CIA contract OCR read badly (104-10222-10001) and a memorandum (104-10320-10038), public domain;
    # a name the lists do not know in clean text stays (State C05764896: "Shirin Ebadi")
    ocr = (
        "ull coasidoralton fur tha pubiiaston ol such\n\ntalormallon and servicea you will be pald a loo of 150 for any day\n\n"
        "Faymonts will be made su direciod by you la writing la a\n\nli annos accoplablo to Rhe Governaienl. No taxed will ho mitzhold.\n\n"
        "Chack Highes:\n\nLovel Aspained,\n\nLANGISATE\n\nCOUPITINCY\n\nUnknour.\n\nVIA\n\nBeputy Directur for sland\n\n"
    )
    people = _people(declass.parse_bytes(ocr.encode(), "contract.md"))
    assert not {"Rhe Governaienl", "Lovel Aspained", "Beputy Directur"} & people, people
    mail = (
        'ngagement". That was seen as a sign that the President was more likely to place emphasis on\n'
        "relations with a wide range of countries rather than rely on old alliances. Mr Brown's increasingly poor\n"
        "relationship with the White House contrasts sharply with that of his predecessor Tony Blair, who enjoyed close\n"
        "friendships with both Mr Clinton and George W Bush.\n"
        "John Major's Tory government had difficulty with Mr Clinton, however, because of claims that Mr Major had\n"
        "tried to help George Bush Snr's re-election campaign in 1992 by allowing researchers to dig into Mr Clinton's\n"
        "student past at Oxford — something Sir John has always denied.\n"
        "Mr Brown, whose plans for a lunchtime speech to the United Nations were derailed after Col Gaddafi spoke for\n"
        "96 minutes, faced attacks on several fronts yesterday.\n"
        "Kathy Tedeschi and Sue Kosmowski, Americans who lost husbands in the Lockerbie bombing, travelled to\n"
        "New York to protest outside the UN headquarters. They claimed that Mr Brown had put trade interests ahead of\n"
        "justice for victims families.\n"
        "The Prime Minister was also accused of trying to appease Iran by ignoring the supression of opposition in order\n"
        "to safeguard talks on its nuclear programme.\n"
        "Shirin Ebadi, Iran's only Nobel Peace Prize winner, said the West cared more about its own securit y than\n"
        "human rights.\n"
        "Mr Brown was criticised for failing to stay at a dinner where he was honoured as Statesman of the Year. Guests\n"
        "paid $1,000 to attend the function attended by, among others, Henry Kissinger and the pop star Bono.\n"
        "\n"
        "\n"
        "\n"
        "\n"
    ).encode()
    assert "Shirin Ebadi" in _people(declass.parse_bytes(mail, "mail.txt"))


def test_a_surname_first_in_capitals_alone_on_its_line_with_a_given_name_of_the_world_lists() -> None:
    # NARA identification forms of the JFK files (104-10133-10239, 194-10007-10262; public domain)
    text = (
        "SUBJECTS : HAITI INVASION\n\nMASFERRER\n\nNIEVES, LUCIANO\n\nDOCUMENT TYPE : PAPER\n\n"
        "SUBJECTS : BEER, HENRY\n\nBEER, JOACHIM F.\n\nPEHL, JOACHIM FRIEDRICH EBERHARD\n\n"
        "BORN 21 MAY 1944, FAIR-\nFIELD, ALABAMA, BLACK, 5 FEET 8\n"
    )
    rec = declass.parse_bytes(text.encode(), "form.md")
    people = _people(rec)
    assert {"Luciano Nieves", "Joachim F. Beer"} <= people, people
    assert "Alabama" in _places(rec)


def test_a_small_town_before_its_us_state_is_a_place_in_that_state() -> None:
    # a CIA list of addresses and an Army personnel form in the JFK files (104-10133-10461,
    # 194-10004-10143), a CIA cable (104-10063-10168); public domain
    text = (
        "Elwood Diamond Martin\n(Rt. 2, Box 100, Falston,\nMaryland)\n\n(3508 Frederick Place\nKensington, Maryland)\n\n"
        "Katherine Rhodes\n\nEstherville, Iowa\n\nDPOB 3 OCT 48. HALIFAX, VA. FIVE FEET.\n"
        "dined at the Luau Restaurant, North Bay Village, Fla., on\n11/19/58. 72 Fifth Avenue, New York, N. Y.\n"
    )
    rec = declass.parse_bytes(text.encode(), "list.md")
    towns = {e["name"]: e["attributes"] for e in rec.entities if e["type"] == "place"}
    assert towns.get("Falston", {}).get("admin1") == "Maryland" and towns["Estherville"]["admin1"] == "Iowa", towns
    assert towns["Estherville"]["lat"] is not None  # a town of 5,000 or more: its position
    assert towns.get("Halifax", {}).get("admin1") == "Virginia", towns  # not Halifax, Nova Scotia
    assert not {"Village", "Fifth Avenue", "Bay Village"} & set(towns), towns
    assert evidence.errors(rec.to_dict()) == []


def test_a_soviet_name_with_its_patronymic_and_the_surname_in_capitals() -> None:
    # CIA reports in the JFK files (104-10300-10198, 104-10172-10318, 104-10103-10194; public domain):
    # the patronymic makes it a name, whatever the given name ("Norman" is on the lists, "Lyudmila" not)
    text = (
        "did so until 1345 hours, discussion a Norman Mihailovich BORODIN\n(phonetic) and his family.\n"
        "invited to a farewell lunch for Ivan Yefimovich SERCEYEV\nwho used title of Consul at times.\n"
        "Lyudmila Nikolayevna PRUSAKOVA, who was one of 28 Soviet students invited.\n"
    )
    people = _people(declass.parse_bytes(text.encode(), "report.md"))
    assert {"Norman Mihailovich Borodin", "Ivan Yefimovich Serceyev", "Lyudmila Nikolayevna Prusakova"} <= people, people


def test_a_title_in_the_plural_before_a_list_of_surnames() -> None:
    # State C05785554 and C05793962 (public domain): each surname is a person's, the title singular
    text = (
        "In the past, Senators Alexander and Isakson have made very strong statements against\nthe treaty.\n"
        "Per your request, I am working on locking in calls to Ambassadors Patterson and Crocker on Sunday morning.\n"
    )
    rec = declass.parse_bytes(text.encode(), "mail.txt")
    titled = {e["name"]: e["attributes"].get("title") for e in rec.entities if e["type"] == "person"}
    # Isakson is the packs' senator of those years, with the title all the same
    assert titled.get("Alexander") == "Senator" and titled.get("Johnny Isakson") == "Senator", titled
    assert titled.get("Crocker") == "Ambassador" and "Patterson" in " ".join(titled), titled


def test_a_name_in_capitals_in_an_fbi_report_and_the_record_series_of_a_form() -> None:
    # an FBI report in the JFK files (124-10213-10153) prints people's names in capitals in running
    # text, a given name alone among them; a CIA identification form (104-10077-10228) files the
    # record in the series "JFK", which is no president (public domain)
    text = (
        "s the\n"
        "\n"
        "I telephone number to Mrs. JEANNETTE CORBIN,\n"
        "\n"
        "1843 Oak Lane, Orlando, who is employed as office\n"
        "\n"
        "secretary by THOMPSON & BRETT, Attorneys, 25 S. Magnolia\n"
        "\n"
        "Street, Orlando, Florida.\n"
        "\n"
        "JAMES BRETT is a former\n"
        "\n"
        "United\n"
        "\n"
        "States Commissioner at Orlando and currently\n"
        "\n"
        "represents numbers operators around Orlando whenever\n"
        "\n"
        "they are arrested.\n"
        "\n"
        "JEANNETTE CORBIN is a niece of NORMA MAE\n"
        "\n"
        "BRIDGES,\n"
        "\n"
        "a former girlfriend and numbers associate\n"
        "\n"
        "Of HARLAN ALEXANDER BLACKBURN.. NORMA MAE BRIDGES, her\n"
        "\n"
        "son and JEANNETTE CORBIN all reside at 1843 Oak Street,\n"
        "\n"
        "Orlando.\n"
        "\n"
        "On February 13, 1962, TP T-1 advised Special\n"
        "\n"
        "Agent HAFLEY the NORMA MAE BRIDGES, several years prior\n"
        "\n"
        "to the CASTRO regime in Havana, had been visiting in\n"
        "\n"
        "Havana and happened to meet a Cuban woman named JUDY\n"
        "\n"
        "mona bana Soror\n"
        "\n"
        "FERNANDEZ, who had a young son in his early teens about\n"
        "\n"
        "the same age at such time\n"
        "\n"
        "as NORMA MAE BRIDGES' son.\n"
        "\n"
        "Source said NORMA BRIDGES then suggested to JUDY FER\n"
        "\n"
        "NANDEZ that she allow her son to visit NORMA MAE BRIDGES\n"
        "\n"
        "and her son in Orlando,\n"
        "\n"
        "Florida.\n"
        "\n"
        "Source said NORMA\n"
        "\n"
        "even further had suggested to JUDY FERnANdEz that her\n"
        "\n"
        "son could possibly go to school in Orlando. JudY\n"
        "\n"
        "FERNANDEZ and her son, LEWIS FERNANDEZ, accepted the\n"
        "\n"
        "invitation and several months later, LEWIS FERNANDEZ\n"
        "\n"
        "came to Orlando, Florida, and resides with NORMA MAE\n"
        "\n"
        "BRIDGES and her\n"
        "\n"
        "son at 1843 Oak Lane, Orlando. LEWIS\n"
        "\n"
        "FERNANDEZ attended the 8th an"
    )
    rec = declass.parse_bytes(text.encode(), "report.md")
    assert "NORMA" not in {e["name"].upper() for e in rec.entities if e["type"] == "organization"}, _orgs(rec)
    assert "NORMA" in {e["name"].upper() for e in rec.entities if e["type"] == "person"}, _people(rec)
    form = b"AGENCY : CIA\n\nRECORD NUMBER: 104-10077-10228\n\nRECORD SERIES\n\n: JFK\n\nAGENCY FILE NUMBER\n\n80T01357A\n"
    assert not _people(declass.parse_bytes(form, "form.md"))


def test_a_persons_office_in_a_schedule_is_the_person() -> None:
    # the Secretary's schedule (State C05773952, public domain): "Contact: <name> Office <telephone>"
    text = (
        "11:30 am     Oval Office\n             Contact: Jessica Wright Office\n             CLOSED PRESS\n\n"
        "            Secretary's Outer Office\n            Contact: Michael Day Office 202-647-3945, Cell\n"
    )
    rec = declass.parse_bytes(text.encode(), "schedule.txt")
    assert {"Jessica Wright", "Michael Day"} <= _people(rec), _people(rec)
    # the Oval Office is a room, no body (rules.yaml not_institutions)
    assert not {"Jessica Wright Office", "Michael Day Office", "Oval Office"} & _orgs(rec), _orgs(rec)


def test_wh_after_the_is_the_white_house_in_an_e_mail_not_in_a_1961_cia_memo() -> None:
    # State C05762724 and C05761824; a CIA memo in the JFK files (104-10128-10300); public domain
    mail = b"Sent: Saturday, March 6, 2010\n\nWill the WH dinner still happen?\nI don't have a direct number yet, but the WH Sit Room has numbers.\n"
    assert "White House" in _orgs(declass.parse_bytes(mail, "mail.txt"))
    memo = (
        b"FOR THE RECORD 1 Feb. 1961\nFROM: Kammer\n\n1. On this date Subject's case was coordinated with Mr. McCORD of SRS\n"
        b"in connection with Subject's operational use within the US by WH/4/Propaganda.\n"
        b"The file of Subject, along with that of the WH man who is\nsupervising the operation, will be pended.\n"
    )
    assert "White House" not in _orgs(declass.parse_bytes(memo, "memo.md"))


def test_missions_and_a_pack_name_whose_next_line_begins_with_a_head_noun() -> None:
    # State C05775570 (a signature: the line after the post is "Office" and a telephone number) and
    # C05772164; a CIA memo in the JFK files (104-10246-10033); public domain
    text = (
        "Curtis\n\nCurtis R. Ried\nPolitical Adviser\nU.S. Mission to the United Nations\nOffice 212-415-4300\n\n"
        "United States Mission to the United Nations\n\nHe had been in touch with the Cuban Mission. However, to the best of our knowledge\n"
    )
    rec = declass.parse_bytes(text.encode(), "mail.txt")
    orgs = _orgs(rec)
    assert {"U.S. Mission to the United Nations", "Cuban Mission"} <= orgs, orgs
    assert not {"U.S. Mission", "United States Mission"} & orgs, orgs
    usun = next(e for e in rec.entities if e["name"] == "U.S. Mission to the United Nations")
    assert len(usun["mentions"]) == 2


def test_an_fbi_reports_key_of_informants_names_people_whatever_their_given_names() -> None:
    # NARA 124-90079-10017 (an FBI report's key of symbol informants; "71-32" is OCR's "T-32")
    text = (
        "T-4 is LR 399-C (deleted as informant).\n\n"
        "T-5is P. J. POE, Manager, Southwestern Bell\nCompany, Hot Springs, Arkansas.\n\n"
        "T-7 is W. D, O'REGAN, Central District Commercial\nManager, SBT and T, New Orleans, Louisiana.\n\n"
        "T-31 is DEUAL JACKSON, former Vice-President,\nArkansas Trust Company, Hot Springs, Arkansas\n(deceased).\n\n"
        "71-32 is TRICE ELLIS, member, Garland County Grand\nJury, Hot Springs, Arkansas,\n\n"
        "T-8 is NY 899-C.\n\nT-9 is CONFIDENTIAL INFORMANT\n"
    )
    rec = declass.parse_bytes(text.encode(), "key.txt")
    people = _people(rec)
    assert {"W. D. O'Regan", "Deual Jackson", "Trice Ellis"} <= people, people
    assert not any("Confidential" in p or "Ny" in p.split() for p in people)
    assert evidence.errors(rec.to_dict()) == []


def test_oswald_alone_is_lee_harvey_oswald_and_mrs_oswald_is_not() -> None:
    # NARA 104-10331-10135 (an ARRB e-mail): the surname alone, in mixed case, names him
    rec = declass.parse_bytes(b"Alvarado Ugarte, a Nicaraguan, is a key figure in the Oswald/Mexico City investigation.\n", "o.txt")
    assert "Lee Harvey Oswald" in _people(rec)
    rec = declass.parse_bytes(b"Mrs. Oswald told the agents that MARINA OSWALD had left Irving.\n", "o.txt")
    assert "Lee Harvey Oswald" not in _people(rec) and "Marina Oswald" in _people(rec)


def test_an_honorific_at_a_lines_end_names_the_person_on_the_next() -> None:
    # NARA 104-10120-10467 (a CIA memo whose OCR set each phrase on its own line), 124-90100-10182
    text = (
        "Mr. Frederick G. Folsom,\n\nmet with the\n\nundersigned and Mr. George Jameson of the Office of General\n\n"
        "Counsel to review the referenced material. Mr.\n\nSovern of the Special\n\nAssistant/DDO's Office was also present.\n\n"
        "A copy went to Mr.\nBLEIER's office. The Dr.\n\nChairman said nothing.\n"
    )
    rec = declass.parse_bytes(text.encode(), "memo.txt")
    people = _people(rec)
    assert {"Sovern", "Bleier"} <= people, people
    assert "Chairman" not in people
    assert evidence.errors(rec.to_dict()) == []


def test_companies_and_papers_the_records_name() -> None:
    # State C05764900 (a fundraising e-mail), NARA 124-10290-10104 ("Xerox copy"), 104-10165-10146
    text = (
        "NONE!! First off we can't take TARP money and the ones that have paid it back have said no - Goldman, Morgan Stanley,\n"
        "and JP Morgan Chase.\n\nIn the last two days we recd $1M from Fed Ex, $2M from VISA and $3M from P&G. "
        "EB and I had a good chat w McGraw-Hill today.\n\nXerox copy being furnished to White House. "
        "We met near Dupont Circle.\nB. UPI SERVICE. MONTH NOVEMBER 161.80\n"
    )
    rec = declass.parse_bytes(text.encode(), "e.txt")
    orgs = _orgs(rec)
    assert {"Morgan Stanley", "JPMorgan Chase", "FedEx", "Procter & Gamble", "McGraw-Hill", "United Press International"} <= orgs, orgs
    assert not {"Xerox", "DuPont"} & orgs
    # a telephone's carrier in an e-mail's closing is no party to it (State C05777098)
    assert "Verizon" not in _orgs(declass.parse_bytes(b"Sent from my Verizon Wireless BlackBerry\n\nSee you.\n", "e.txt"))
    assert evidence.errors(rec.to_dict()) == []


def test_a_delegation_is_an_institution() -> None:
    # NARA 144-10001-10344 (an NSA intercept of a Thai ambassador's report), 104-10169-10134
    text = "4. Sent a telegram to the Chairman of the U.S. Delegation.\n\nAssigned to the Soviet Trade Delegation in London as an engineer.\n"
    rec = declass.parse_bytes(text.encode(), "d.txt")
    assert {"U.S. Delegation", "Soviet Trade Delegation"} <= _orgs(rec)


def test_a_surname_ocr_broke_into_pieces_is_made_whole() -> None:
    # NARA 104-10164-10099, 104-10178-10002, 104-10063-10168 (CIA cables whose OCR spaced letters)
    text = (
        "1. ORLANDO BOS CH AND ANDRES PE RE Z MET WITH LUIS POS AD A IN CARACAS.\n"
        "2. B. GEORGE BR OWN’ {201-S0bb143 AKA HAROLD SINGLETON. JUAN DE LA CRUZ CAME. LOURDES MA DE NO CALL.\n"
    )
    rec = declass.parse_bytes(text.encode(), "c.txt")
    people = _people(rec)
    assert {"Orlando Bosch", "Andres Perez", "Luis Posada Carriles", "George Brown"} <= people, people
    assert "Juan de la Cruz" in people and "Lourdes Made" not in people
    assert evidence.errors(rec.to_dict()) == []


def test_state_bureaus_missions_and_the_country_an_organisation_is_of() -> None:
    # State C05768551 (ISAF), C05795192 (a DRL signature), C05762955 (the Ops Center), C05778224,
    # C05794269 ("Democratic Republic of Congo (DRC)" is the country)
    text = (
        'He called for ISAF to be "active and robust" in combating drugs.\n\nDeborah Graze\nPrincipal Deputy Assistant Secretary\n'
        "Democracy, Human Rights, and Labor Bureau\n\nAmber M. Oliva\nOperations Specialist\nState Ops Center, S/ES-0\n\n"
        "The Friends of Yemen meet in New York. Bank of America gave. Fighting in the Democratic Republic of Congo (DRC) went on.\n"
    )
    rec = declass.parse_bytes(text.encode(), "s.txt")
    orgs = _orgs(rec)
    assert {
        "International Security Assistance Force",
        "Bureau of Democracy, Human Rights, and Labor",
        "State Department Operations Center",
        "Friends of Yemen",
        "Bank of America",
    } <= orgs, orgs
    places_ = {e["name"] for e in rec.entities if e["type"] == "place"}
    assert {"Yemen", "Democratic Republic of the Congo"} <= places_ and "United States" not in places_, places_
    assert not any("Congo" in o for o in orgs)
    assert evidence.errors(rec.to_dict()) == []


def test_potus_and_flotus_of_the_e_mails_are_the_obamas_and_no_one_in_1963() -> None:
    # State C05773841, C05775658 (e-mails of 2010); a 1963 memo's POTUS is another President
    rec = declass.parse_bytes(b"From: H\nSent: Monday, May 10, 2010 10:40 PM\n\nPOTUS and FLOTUS will attend the dinner.\n", "e.txt")
    assert {"Barack Obama", "Michelle Obama"} <= _people(rec) and "FLOTUS" not in _orgs(rec)
    rec = declass.parse_bytes(b"MEMORANDUM FOR THE RECORD\n\nDATE: 12 June 1963\n\nPOTUS will attend the dinner.\n", "m.txt")
    assert "Barack Obama" not in _people(rec)


def test_a_street_is_no_person_and_a_name_in_capitals_is_written_as_a_name() -> None:
    # State C05772655 ("Sussex Drive"), NARA 180-10143-10176 ("Ibid."), 124-90085-10130 (names in capitals)
    text = (
        "The Prime Minister's residence at 24 Sussex Drive was closed.\n\n"
        "3. Ibid.\n\nOn 12/31/62 H, L. KIRKPATRICK, Vice President and\nCashier, East Dallas Bank and Trust Company, described\n"
    )
    rec = declass.parse_bytes(text.encode(), "s.txt")
    people = _people(rec)
    assert not {"Sussex Drive", "Ibid"} & people
    assert "L. Kirkpatrick" in people and not any(p.isupper() and len(p) > 3 for p in people), people


def test_a_name_in_capitals_ends_before_the_verb_that_follows_it() -> None:
    # NARA 104-10179-10134, 124-10222-10308 (cables set in capitals): a given name, a surname, a verb
    text = "1. CARLOS FRANQUI MET WITH MANUEL RAY IN SAN JUAN ON 3 MAY.\n\n2. OMAR ALEMAN SAID HE WOULD RETURN. LEE STRONGLY FEEL THE SAME.\n"
    rec = declass.parse_bytes(text.encode(), "c.txt")
    people = _people(rec)
    assert {"Carlos Franqui", "Omar Aleman", "Manuel Ray"} <= people, people
    assert not any(p.startswith("Lee") or p.endswith(("Met", "Said")) for p in people)


def test_political_clubs_of_the_fbi_files_and_one_entry_a_name_across_packs() -> None:
    # NARA 104-10439-10108 ("HAD JOINED YOUNG REPUBLICANS NY"), 104-10063-10006
    rec = declass.parse_bytes(b"SAID HAD JOINED YOUNG REPUBLICANS NY TO INTRODUCE NOTE. A member of the National Lawyers Guild.\n", "c.txt")
    assert {"Young Republicans", "National Lawyers Guild"} <= _orgs(rec)
    # no name or alias belongs to two entries of the shipped packs (one canonical entity a name)
    owners: dict[str, set[str]] = {}
    for e in packs.matcher().entries.values():
        for a in {e.name, *e.aliases}:
            owners.setdefault(a.lower(), set()).add(e.key)
    assert {a: k for a, k in owners.items() if len(k) > 1} == {}


def test_a_chamber_is_an_institution() -> None:
    # NARA 124-90079-10017 (an FBI key of informants), State e-mails ("the Chamber of Deputies")
    rec = declass.parse_bytes(b"The Italian Chamber of Deputies voted. He entered the chamber at noon.\n", "c.txt")
    assert "Italian Chamber of Deputies" in _orgs(rec) or "Chamber of Deputies" in _orgs(rec)
    assert not any(o.lower() == "chamber" for o in _orgs(rec))


def test_a_town_before_a_bare_postal_code() -> None:
    # State e-mails of schedules (C05793612): "Chappaqua, NY: Partly cloudy"; "COLUMBUS, IN ORDER" is no Indiana
    text = "Weather:\nChappaqua, NY: Partly cloudy, 69/48.\n\nWeather:\nAustin, TX: Partly cloudy.\n\nARRIVED COLUMBUS, IN ORDER TO MEET.\n"
    rec = declass.parse_bytes(text.encode(), "s.txt")
    got = {e["name"]: e.get("attributes", {}) for e in rec.entities if e["type"] == "place"}
    assert "Chappaqua" in got and got["Chappaqua"].get("admin1") == "New York", got
    assert got.get("Austin", {}).get("admin1") == "Texas", got
    assert all(a.get("admin1") != "Indiana" for a in got.values())


def test_the_packs_names_are_found_where_the_whole_alternation_finds_them() -> None:
    """``packs.AliasPattern`` searches the thousands of pack names only at tokens that can begin
    one; on real releases it finds exactly the spans the single regex of all names finds."""
    names = packs.matcher().words
    assert names is not None and names.indexed
    whole = re.compile(r"(?<![\w])(?:" + "|".join(sorted({p for v in names.by_first.values() for p in v}, key=len, reverse=True)) + r")(?![\w])")
    files = sorted(p for p in [*SAMPLES.rglob("*"), *FIX.iterdir()] if p.suffix in (".txt", ".md"))
    n = 0
    for f in files:
        low = fold_same_length(f.read_text(encoding="utf-8")).lower()
        want = [m.span() for m in whole.finditer(low)]
        assert [m.span() for m in names.finditer(low)] == want, f
        n += len(want)
    assert n > 300


def test_event_triggers_are_found_where_their_whole_alternation_finds_them() -> None:
    """``events.Triggers`` tries a type's trigger words only where a word of the text begins one;
    on real releases it gives the spans ``re.finditer`` of the whole case-insensitive list gives."""
    files = sorted(p for p in [*SAMPLES.rglob("*"), *FIX.iterdir()] if p.suffix in (".txt", ".md"))
    n = 0
    for f in files:
        text = f.read_text(encoding="utf-8")
        words = events.words_at(text)
        for t in events.lexicon()[0]:
            for trig in (t.verbs, t.nouns):
                if trig is not None:
                    want = [m.span() for m in trig.pattern.finditer(text)]
                    assert trig.spans(text, words) == want, (f, t.type)
                    n += len(want)
    assert n > 200


def test_spanish_forms_of_address_and_ocrs_comma_after_an_honorific() -> None:
    # a Mexico City station's list of telephone targets (NARA 104-10413-10033) and CIA cables
    # (104-10065-10197): "Lic, Aguilar", "MR, WHITTEN" are OCR's comma for the stop
    text = (
        "TARGETS\n1 - Prensa Latina (46 60 15)\n- Lic, Aguilar (23 85 25)\nLic, Lombardo Toledano (48 12 70)\n"
        "Lic. Eresto Capoano (18 62. 08)\nthe Ing. Jorge L. Tamayo and Srta. Maria Dalezes\n\n"
        "1. BASED ON REF A TIMING MR, WHITTEN HAS ADJUSTED SCHEDULE AND CAN NOW BE AVAILABLE 15 MAY.\n"
        "AL MRS, BAGLEY RECEIVED TELEPHONE CALL 9 NOV. DR, MDC AND UR FOR PURPOSE.\n"
    )
    rec = declass.parse_bytes(text.encode(), "targets.txt")
    people = _people(rec)
    assert {"Aguilar", "Lombardo Toledano", "Eresto Capoano", "Jorge L. Tamayo", "Maria Dalezes", "Whitten", "Bagley"} <= people, people
    assert not {"Lic", "Mdc"} & people  # a form of address alone; "DR," of a list is no doctor


def test_a_wrapped_address_list_broken_after_a_surnames_comma() -> None:
    # State release C05762975: the Cc field wraps between "Bommer," and "Ashley F"; "Vikram" in the
    # body is the given name of Vikram Singh, whom OCR prints with two middle initials
    text = (
        "From: Lew, Jacob\nSent: Thursday, December 24, 2009 8:41 AM\nTo: Feldman, Daniel F; Jones, Paul W\n"
        "Cc: Campbell, Piper; Singh, Vikram I; McKean, Margaret B; Simon, Jessica L; Bommer,\nAshley F; Crowley, Philip J\n"
        "Subject: RE: IG Report\n\nFrom: Feldman, Daniel F\nTo: Lew, Jacob\nCc: Singh, Vikram J\n\n"
        "We saw this last night, and Vikram and I had a conversation about it. Vikram and his team are ginning up press points.\n"
    )
    rec = declass.parse_bytes(text.encode(), "cc.txt")
    people = _people(rec)
    assert "Ashley F Bommer" in people and "Crowley" not in " ".join(p for p in people if "Bommer" in p)
    assert "Vikram" not in _orgs(rec) and "Vikram" not in people
    bommer = entity(rec, "Ashley F Bommer")
    assert bommer["mentions"][0]["text"] == "Bommer,\nAshley F"


def test_posts_states_after_towns_and_small_towns_a_preposition_names() -> None:
    # NARA 194-10006-10198 (an Army personnel security letter), State C05796223 and C05794859
    text = (
        "TO: Chief, USAPSG FROM: OPO\nFt Holabird, Md 21219 Major Devany/50371\n\n"
        "1. The Commanding General, U. S. Army Recruiting Command has been informed that subject registrant is acceptable.\n\n"
        "Here's the moment I knew we were from a different world than what the midshipmen experience at\n"
        "Annapolis, let alone where they're headed next. Caroline also forwarded the message.\n"
        "She lives in Chappaqua, NY and trained at Fort Benning. The Camp Director said so. 2812 Calvert St. NW\n"
    )
    rec = declass.parse_bytes(text.encode(), "posts.txt")
    places_ = _places(rec)
    assert {"Fort Holabird", "Maryland", "Annapolis", "Chappaqua", "New York", "Fort Benning"} <= places_, places_
    assert not {"Carolina", "Camp Director"} & places_
    assert "U.S. Army Recruiting Command" in _orgs(rec)
    assert "Calvert St. NW" not in _people(rec)


def test_the_us_as_a_noun_and_a_place_beside_a_cables_label() -> None:
    # NSA's intercept of a Japanese cable (NARA 144-10001-10366)
    text = (
        "Dist: HCF\n\nFR Washington: TAKEUCHI\n\nTO Tokyo:\n\n"
        "2. There is a need for serious consideration by the African people as to whether or not they can trust the U.S. because "
        "of the strong elements which discriminate, as the U.S. and Mexican governments agreed.\n"
    )
    rec = declass.parse_bytes(text.encode(), "intercept.txt")
    assert {"Washington", "Tokyo", "United States"} <= _places(rec)
    us = entity(rec, "United States")
    assert [m["text"] for m in us["mentions"]] == ["U.S."]  # not the adjective before "and Mexican governments"


def test_streets_spaced_codes_and_glossed_acronyms() -> None:
    # NARA 104-10185-10248, 104-10186-10153 (public domain) and State C05758481: a name before
    # "Avenue" is a street's, "D. C." spaced is Washington's code, and a Spanish name glossed with
    # its acronym in parentheses is one body ("Department of\nState Security" is no Department of State)
    text = (
        "The apartment at Hunting Towers, Apt #731 West,\n\nMount Vernon Avenue (BIvd. ), Alexandria, Virginia was\n\n"
        "rejected.\n\n1101 New York Avenue NW\n\nSuite 900\n\nplace Washington, D. C.\n\n"
        "2. Source described Rosita as being the daughter of a well-\nKnown Departamento de Seguridad del Estado (Department of\n"
        "State Security - DSE) official, but more likely DSE.\n\n"
        # NARA 104-10183-10272, 104-10185-10118: a gloss, its name before it in either language
        "a course given by the\nDepartamento Tecnico de Investigaciones (Technical Department\nof Investigations - DTI). "
        "It concerns the\na General Directorate of Intelligence (Direccion General de\nInteligercia - DGI).\n\n"
        # State C05769366: a hyphenated name gives a letter a part
        "Pisano served for six years at Metro-Goldwyn-Mayer (MGM) where he was first appointed. MGM grew.\n"
    )
    rec = declass.parse_bytes(text.encode(), "streets.txt")
    places = {e["name"]: e for e in rec.entities if e["type"] == "place"}
    assert {"Alexandria", "Virginia", "Washington"} <= set(places) and not {"Mount Vernon", "New York"} & set(places)
    assert any(m["text"].startswith("Washington, D. C") for m in places["Washington"]["mentions"])
    orgs = {e["name"]: e for e in rec.entities if e["type"] == "organization"}
    dse = orgs["Departamento de Seguridad del Estado"]
    assert {" ".join(m["text"].split()) for m in dse["mentions"]} >= {"Department of State Security", "DSE"}
    dti = orgs["Technical Department of Investigations"]
    assert {" ".join(m["text"].split()) for m in dti["mentions"]} == {"Departamento Tecnico de Investigaciones", "Technical Department of Investigations", "DTI"}
    dgi = orgs["Cuban Intelligence Directorate"]
    assert {m["text"] for m in dgi["mentions"]} >= {"General Directorate of Intelligence", "DGI"}
    assert "U.S. Department of State" not in orgs and _people(rec) == {"Pisano"}
    assert "Metro-Goldwyn-Mayer" in orgs and len(orgs["Metro-Goldwyn-Mayer"]["mentions"]) == 3


def test_acronyms_in_a_line_of_letters_are_noise() -> None:
    # NARA 144-10001-10062 (public domain): OCR read a page's pattern as capital letters
    text = (
        "COMMENTS :\n\nFEI CII COI IOC OIC GB OREE-GN—DEGGEY HOSA OI II SSA TSAI II III III\nREPRODUCTION PROHIBITED\n\n"
        "Reproduction is prohibited except as authorized by the DIRECTOR, NATIONAL SECURITY AGENCY.\n"
        "DISTRIBUTION: STATE, DOD, CIA, NSA, OIC\n"
    )
    rec = declass.parse_bytes(text.encode(), "letters.txt")
    orgs = {e["name"]: e for e in rec.entities if e["type"] == "organization"}
    assert "Coordinator of Information" not in orgs and "National Security Agency" in orgs
    # a list of bodies is no line of noise: its OIC stays
    assert [m["text"] for m in orgs["Organisation of Islamic Cooperation"]["mentions"]] == ["OIC"]


def test_posts_in_signatures_and_courts_named_in_french_or_spanish() -> None:
    # State C05789250 (public domain)
    text = (
        "Subject: Martelly Filled Four Cour de Cassation Vacancies\n\n...paving the way for completing the Court's membership.\n"
        "Pierre Antoine Louis\nPolitical Officer\nUS Embassy, Haiti\nSent from my BlackBerry\n\n"
        "The Corte Suprema de Justicia met. The Tribunal for Rwanda sat.\n"
    )
    rec = declass.parse_bytes(text.encode(), "courts.txt")
    orgs = _orgs(rec)
    assert "US Embassy, Haiti" in orgs and "Corte Suprema de Justicia" in orgs
    assert any(o.startswith("Cour de Cassation") for o in orgs) and not any(o.startswith("Tribunal") for o in orgs)


def test_given_names_of_the_world_lists_alone_before_a_verb() -> None:
    # State C05767339 (public domain): "Shaun just called", "Kudos to Gordon and Shaun"; not OCR's
    # "Bot declared" (NARA 104-10169-10134), nor a surname after an initial or an honorific (NARA
    # 104-10418-10123: "Alfred C. Drury ... Mr. Drury was")
    text = (
        "That is wonderful! Kudos to Gordon and Shaun.\n\nShaun just called (7 pm EST) to report 100 percent unanimous support in DUP "
        "for Peter Robinson's recommendation. Gordon will mention your role tomorrow.\n\n"
        "the FBI as a known intelli\nefficer, probably GRU. He vas\nBot declared PNG by the U.8,\n\n"
        "(1) Alfred C. Drury, retired\n414 kast Hewett Avenue\nMarquette, Michigan 49855\n\nMr. Drury was Deputy Chief SR-6.\n"
    )
    rec = declass.parse_bytes(text.encode(), "lone.txt")
    people = _people(rec)
    assert {"Shaun", "Gordon", "Peter Robinson", "Alfred C. Drury"} <= people
    assert not {"Bot", "Drury"} & people
    assert "Democratic Unionist Party" in _orgs(rec)


def test_field_marshal_is_a_title() -> None:
    # NARA 144-10001-10343 (public domain): an NSA intercept's title
    text = "TITLE\n\n3/0/SID/T242-63 FIELD MARSHAL SARIT AND WIFE SEND CONDOLENCES\n\nFR Bangkok: Field Marshal SARIT\n"
    rec = declass.parse_bytes(text.encode(), "marshal.txt")
    assert "Sarit" in _people(rec)


def test_rooms_addresses_and_capitals_lists_name_no_people() -> None:
    # State C05778451 and C05796800, NARA 104-10433-10081 (public domain): a reception room named
    # for a president, a building after a street number, a capital city in a cable's list of stations
    text = (
        "5:15 pm FAREWELL PARTY FOR JACK LEW\n6:00 pm Thomas Jefferson Room, 8th Floor\n\n"
        "Anne-Marie Slaughter\nProfessor of Politics and International Affairs Princeton University\n440 Robertson Hall\nPrinceton, NJ 08544\n\n"
        "O ALEGRE, QUITO, RECITE, RAWALPINDI, RIO DE JANERJO, ROSES, SAN JOSE, SANTO DOMINGO, SAN SALVADOR, SANTIAGO.\n"
    )
    rec = declass.parse_bytes(text.encode(), "rooms.txt")
    people = _people(rec)
    assert "Anne-Marie Slaughter" in people
    assert not {"Thomas Jefferson", "Robertson Hall", "Santo Domingo"} & people
    assert any(p.startswith("Santo Domingo") for p in _places(rec)) and "Princeton" in _places(rec)


def test_names_in_capitals_with_frequent_surnames_particles_and_alone() -> None:
    # NARA 104-10187-10208, 104-10172-10062, 124-10214-10255, 104-10179-10087, 104-10169-10134,
    # 124-10216-10408, 104-10133-10437 (public domain)
    text = (
        "la TRACES RES 9 (WHICH RECO 2 MAY) INCLUDE FOLL OVLYS\n\nA. ROQUE DALTON GARCIA AND ROGELIO RODRIGUEZ. FORMARDEO IN\n\n"
        "263A (OLIVERIO TONEU ALIAS ANTONIO DEL MONTE CABALLERO O\n\n"
        "HE IS NOW PRACTICING MEDICINE AT THE CALIXTO GARCIA HOSPITAL IN HAVANA.\n\n"
        "INDICATE THE FIELD AGENCIES AND FIELD FILES WITH WHICH SUBJECT'S MAME MAS BEEN CHECKED.\n"
    )
    people = _people(declass.parse_bytes(text.encode(), "capitals.txt"))
    assert {"Roque Dalton Garcia", "Rogelio Rodriguez", "Antonio del Monte Caballero"} <= people, people
    assert not {"Calixto Garcia", "Mame Mas"} & people, people
    # in a text not set in capitals, a surname alone in capitals between words in lower case
    text = (
        "Former Soviet official who served in Tokyo between December 1954\nand August 1958. Photo identified\n"
        "by both DERYABIN and RASTVOROV\nas connected with intelligence. "
        "Will follow and report activities of SAMUEL and GABRIEL MANNARINO and their subordinates. "
        "The other individual named was Llewellyn THOMPSON, the then Ambassador to Russia.\n"
    )
    people = _people(declass.parse_bytes(text.encode(), "surnames.txt"))
    assert {"Rastvorov", "Deryabin"} <= people and not {"Samuel", "Thompson"} & people, people


def test_cold_war_bodies_of_the_packs() -> None:
    # NARA 104-10215-10018, 104-10179-10134, 124-90006-10135 (public domain)
    text = (
        "U.S. NATIONAL, UNAM MASTER'S DEGREE STUDENT GRADUATE OF UNIV ILLINOIS.\n"
        "FORMED OF ARCOS RETURNS BRUS. OF CONGRESS OF CULTURAL FREEDOM MET RAY AT LEAST TWICE.\n\n"
        "INS will attempt to prove that subject served in the\n\nCuban Rebel Army during the period 1959-60.\n"
        # NARA 104-10178-10101
        "1, AIR FORCE INTELLIGENCE ADVISES THAT BERNAR\n\nREHKOPF, USAF ASSIGNED TO MACTHAI, HAS BEEN IN TOUCH\n"
    )
    orgs = _orgs(declass.parse_bytes(text.encode(), "bodies.txt"))
    assert {"National Autonomous University of Mexico", "Congress for Cultural Freedom", "Cuban Rebel Army"} <= orgs, orgs
    assert "Military Assistance Command, Thailand" in orgs
    assert "U.S. Congress" not in orgs


def test_a_station_names_its_city() -> None:
    # NARA 104-10216-10199 (public domain): the Agency's station in a city names the city, and is
    # no body of its own
    text = "address is to be\n\nused only for replies.\n\nIn Nov 1963 Paris Station agreed to following\n\naddress with Subject.\n"
    rec = declass.parse_bytes(text.encode(), "station.txt")
    assert "Paris" in _places(rec) and not any("Station" in o for o in _orgs(rec))


def test_a_given_name_and_a_surname_the_model_missed() -> None:
    # State C05758431, C05764502 and NARA 104-10331-10135 (public domain); not a room, a body or a
    # street named so (State C05788854)
    text = (
        "Thanks for following up w Jackie Newmyer. Her email:\n\nAll the best, Hillary\n\n"
        "Please reach out to Jim Bever on this.\n\ncc: John Pereira\n\n"
        "1:30 pm PRESIDENT MIKHEIL SAAKASHVILI\nWard Room, White House\n\nThe Jackie Newmyer Foundation met on Paul Street.\n"
    )
    rec = declass.parse_bytes(text.encode(), "pairs.txt")
    people = _people(rec)
    assert {"Jackie Newmyer", "Jim Bever", "John Pereira"} <= people, people
    assert not {"Ward Room", "Paul Street"} & people and "Jackie Newmyer Foundation" in _orgs(rec)


def test_societies_magazines_and_papers_named_in_spanish() -> None:
    # NARA 104-10413-10033 (public domain): a Mexico City station's chart of telephone targets
    text = (
        "Politica (3s 36 52) vo,\nLic, Gonzalez Pedrero (43:15 ,06) .\nSociedad Amigos Con China (35-35 18)\n"
        "Mario Monteforte Toledo (23 86 79)\n\nLic. Eresto Capoano (18 62. 08)\n\nRevista Sucesos (14. 66 69):\n"
    )
    rec = declass.parse_bytes(text.encode(), "spanish.txt")
    orgs = {x.lower() for x in _orgs(rec)}
    assert {"sociedad amigos con china", "revista sucesos"} <= orgs, orgs
    assert not any(p.startswith("Sociedad") for p in _people(rec)) and "China" not in _places(rec)


def test_a_name_ends_before_a_forms_label() -> None:
    # NARA 104-10216-10057 (public domain): a trace request's form
    text = "33 TUBE DWT Dare 10 Sept 69\nRequesting Agency; CS ~ Mr. Musslin Reply:\n\n| Derogatory [__]\n\nRequest taken by: Date:\n"
    people = _people(declass.parse_bytes(text.encode(), "form.txt"))
    assert "Musslin" in people and not any("Reply" in p for p in people)


def test_surnames_in_double_brackets_alone_or_before_given_names() -> None:
    # NARA 104-10326-10048 (public domain)
    text = (
        "ING MEETINGS ON 13/14 JUNE, BRMODEL/1 (M/1) RELATED SEVERAL FASCINATING TIDBITS ABOUT NORTH KOREAN LANGUAGE\n\n"
        "TRAINEE_ ((LI)) SONG-AN (SUBJ), WHO CONTINUES TO SEEK REGULAR CONTACT. M/1'S\n\nFRIEND,\n\n"
        "(FNU) ( (CHIKOMBE) ), WHO RUNS THE ROSE AND CROWN NIGHTCLUB IN\n\nHATFIELD. LEE HARVEY ((OSWALD)) WAS NOT.\n"
    )
    people = _people(declass.parse_bytes(text.encode(), "brackets.txt"))
    assert {"Li Song-An", "Chikombe", "Lee Harvey Oswald"} <= people, people
    assert "Oswald" not in people


def test_a_capitalised_title_before_a_surname_in_capitals_and_one_person_per_surname() -> None:
    # NARA 144-10001-10366 and 124-10292-10079 (public domain)
    text = (
        "2. At the\n\ntime of President KENNEDY's death, President AZIKIWE\n\nof Nigeria wrote to President JOHNSON.\n\n"
        "Subject: CIVELLO, Joseph Francis\n\nThe CIVELLO\ncase was discussed with Mr. COREY and details were furnished. "
        "Mr. CIVELLO was not present.\n"
    )
    rec = declass.parse_bytes(text.encode(), "titled.txt")
    people = _people(rec)
    assert {"Azikiwe", "Corey"} <= people, people
    # "Mr. CIVELLO" is the one person of that surname the record names in full
    civello = [e for e in rec.entities if e["type"] == "person" and "Civello" in e["name"]]
    assert len(civello) == 1 and len(civello[0]["mentions"]) >= 2, civello


def test_no_place_from_a_four_letter_other_name() -> None:
    # NARA 104-10179-10134, 104-10234-10148, 104-10183-10310 (public domain): a station code, a
    # cryptonym-like word, OCR's "WHEN" are no other name of Xi'an, Rasht or Vienna
    text = (
        "KPRITY DIR INFO PRITY MAOR SJAN WAVE ROUTINE BRUS CITE PARI 9268\n\n"
        "RAST, HOS GUIDANCE IN CASE P RPTS RAST:\n\n2. WILI, ADVISE ARSIVAL TIME WIEN FIRM. PLEASE MEET AND ACCOMMODATE IN HAVANA.\n"
    )
    places = _places(declass.parse_bytes(text.encode(), "alternates.txt"))
    assert not {"Xi’an", "Rasht", "Vienna"} & places and "Havana" in places, places


def test_subjects_in_capitals_after_another_capitalised_word() -> None:
    # NARA 104-10439-10108 and 176-10036-10142 (public domain): the word before a subject is no part
    # of its match, and a subject's surname inside a fuller name stays that name's
    text = (
        "REF DIR 88681\n\n2.) ALBRECHT AGAIN APPEARED EMB 12 DEC VOLUNTEERED INFO ON TIPSTAFFS.\n\n"
        "SOURCE A CLOSE ASSOCIATE (C) OF HUYNH VAN LANG, FROM LANG.\n\n1. SUMMARY. HUYNH VAN LANG, PROFESSOR OF ECONOMICS, SAID "
        "THE COUP WAS NEAR. LANG SAID THE GENERALS AGREED.\n"
    )
    rec = declass.parse_bytes(text.encode(), "subjects.txt")
    people = _people(rec)
    assert {"Albrecht", "Huynh Van Lang"} <= people, people
    lang = next(e for e in rec.entities if e["name"] == "Huynh Van Lang")
    assert sum(m["text"] == "HUYNH VAN LANG" for m in lang["mentions"]) == 2


def test_military_titles_without_their_stops() -> None:
    # NARA 104-10181-10047 (public domain), its OCR's stops dropped as cables and e-mails drop them
    text = "6. Col KOSS reported a discussion with a Capt MELNIKOFF of Y Corps. We met Col Koss yesterday.\n"
    rec = declass.parse_bytes(text.encode(), "titles.txt")
    people = {e["name"]: e for e in rec.entities if e["type"] == "person"}
    assert set(people) == {"Koss", "Melnikoff"}, people
    assert people["Koss"]["attributes"]["title"] == "Col" and len(people["Koss"]["mentions"]) == 2


def test_a_town_by_its_own_name_over_one_the_name_only_also_names() -> None:
    # State C05768512 (public domain): Sofia beside Bulgaria is the city, not the province that is
    # also called so
    text = "An update is expected at about 1400 GMT. BULGARIA - Sofia, Plovdiv and Burgas airports open, airports in north closed.\n"
    rec = declass.parse_bytes(text.encode(), "sofia.txt")
    places = {e["name"]: e for e in rec.entities if e["type"] == "place"}
    assert "Sofia" in places and places["Sofia"]["attributes"]["country"] == "BG", places


def test_a_name_the_vote_makes_a_person_is_written_as_a_name() -> None:
    # NARA 124-10216-10408 (public domain; tests/fixtures/2022-docid-32296132.md): the model calls
    # MANNARINO an organisation in places, a person more often; the person is written Mannarino
    rec = declass.parse(FIX / "2022-docid-32296132.md")
    people = {e["name"] for e in rec.entities if e["type"] == "person"}
    assert "Mannarino" in people and not [p for p in people if p.isupper()], people


def test_the_secretarys_correspondent_under_his_mail_name() -> None:
    # State C05767339 (public domain): "sbwhoeop" is Sidney Blumenthal's mail name, "Sid" his signature
    text = (
        "From: sbwhoeop\nTo: H\nSent: Thu Feb 04 19:02:28 2010\nSubject: URGENT GOOD NEWs ON NM!! Sid\n\n"
        "Shaun just called (7 pm EST) to report 100 percent unanimous support in DUP. Hooray! Sid\n"
    )
    rec = declass.parse_bytes(text.encode(), "sid.txt")
    sid = [e for e in rec.entities if e["name"] == "Sidney Blumenthal"]
    assert len(sid) == 1 and {m["text"] for m in sid[0]["mentions"]} == {"sbwhoeop", "Sid"}


def test_public_figures_an_e_mail_names_in_lower_case() -> None:
    # State C05788854 and C05773037 (public domain): in e-mails writers set surnames in lower case;
    # elsewhere (no e-mail header) a word in lower case is a word
    text = (
        "From: Valmoro, Lona J\nSent: Thursday, March 17, 2011 8:02 AM\nSubject: Paris\n\n"
        "We will start planning unless you tell us otherwise. As you know, hague, westerwelle and juppe now saying they "
        "will go if you go.\n\nAll dems + lugar, corker and isakson voted yes.\n"
    )
    people = _people(declass.parse_bytes(text.encode(), "lower.txt"))
    assert {"Guido Westerwelle", "Alain Juppe", "Richard Lugar"} <= people, people
    # a Spanish word in a cable is no senator
    cable = "Nos vemos en el lugar de siempre, dijo el agente a las cinco.\n"
    assert "Richard Lugar" not in _people(declass.parse_bytes(cable.encode(), "cable.txt"))


def test_kennedy_named_in_an_act_a_board_or_nara_s_stamp_is_no_person() -> None:
    # NARA 104-10330-10127, 104-10326-10030, 124-10347-10059 (public domain): the Act, the Board and
    # the release stamp printed across the identification form are named after the President
    texts = [
        "regarding\nCentral Intelligence Agency compliance with the \u201cJFK Act.\u201d\n\nI have no doubt whatsoever.\n",
        "RESULTS OF CONTACT WITH FORMER EMPLOYEE CONCERNING<JFK>\n\n<ASSASSINATION>RECORD COLLECTION ACT\n",
        "JFK Assassination System\n\nIdentification Form\n\nTITLE:\n\nFBI\n\nPH\n\nHQ\n\nReleased under the John F. Kennedy\n\nDATE: 09/27/1960\n",
    ]
    for text in texts:
        assert "John F. Kennedy" not in _people(declass.parse_bytes(text.encode(), "act.txt")), text
    # the President himself still is
    assert "John F. Kennedy" in _people(declass.parse_bytes(b"Oswald was accused of shooting President Kennedy in Dallas.\n", "jfk.txt"))


def test_an_initial_ocr_set_in_lower_case_and_the_united_states_as_ocr_prints_it() -> None:
    # State C05777742 (public domain): "Sullivan, Jacob i" in a To line is one person
    text = "From: Crowley, Philip J\nSent: Monday, January 31, 2011 6:21 AM\nTo: McHale, Judith A; Sullivan, Jacob i; Feltman, Jeffrey D\nSubject: Egypt\n\nText.\n"
    rec = declass.parse_bytes(text.encode(), "to.txt")
    assert not {"Jacob", "Sullivan"} & _people(rec)
    assert any("Sullivan, Jacob i" in {m["text"] for m in e["mentions"]} for e in rec.entities if e["type"] == "person")
    # NARA 104-10169-10134, 176-10037-10194 (public domain): "U.s", "U.8." and, in lower-case
    # prose, "US" are the country; "TO US" in capitals is the pronoun, "U.8. Government" an adjective
    for text in ("Identified while in the U.s\nthe FBI as a known intelligence officer", "did not vant\nbiw in the U.s.. in. Assigned", "raising her children in US will leave her all too little time"):
        assert [m.name for m in places.find(text)] == ["United States"], text
    assert places.find("PLEASE CABLE IT TO US SOONEST") == [] and places.find("He vas\nnot declared PNG by the U.8,\nGovernment") == []


def test_a_title_before_a_surname_the_model_misses() -> None:
    # NARA 194-10006-10198, 104-10413-10033, 104-10331-10346, 124-10164-10277 (public domain): a
    # rank or a title and a surname in an OCR'd signature or list; not a title that is a word before
    # words ("General Services Administration" misread), not the first of names the rule does not
    # read ("Mr. John MeCone": OCR's McCone)
    text = (
        "TO: Chief, USAPSG FROM: OPO\nFt Holabird, Md 21219 Major Devany/50371\n\n"
        "Embassy (14 42 37, 25-07 95) 1 - Gen Cardenas (20 30 18)\n"
        "51-General Services Adminictretian - (202) 501-0663\n"
        "Mr. John MeCone, Director of CIA, called and sent 245\n"
    )
    people = _people(declass.parse_bytes(text.encode(), "titles.txt"))
    assert {"Devany", "Cardenas"} <= people and not {"Adminictretian", "John"} & people, people
    # a possessive ends the name; a word after the surname is no part of it
    text = "Santos has 69 percent of the vote to Bogota Mayor Antanas Mockus' 28 percent.\nPak CJCS Gen Wynne Chairing a meeting to review situation.\n"
    people = _people(declass.parse_bytes(text.encode(), "titles2.txt"))
    assert {"Antanas Mockus", "Wynne"} <= people and not [p for p in people if "Chairing" in p], people


def test_a_word_of_the_records_or_ocr_fragments_make_no_persons_name() -> None:
    # State C05772078, C05772614; NARA 104-10186-10146 (public domain): a role, a gerund before a
    # name, a distribution table's fragments; a given name and a surname that is also a noun
    # (State C05768353: "Doug Band") stay a person
    text = (
        "  By Derek Pham, Research Intern, CSIS Southeast Asia Program\n\n"
        "Long-Range Policy\n\n     Helping Cheryl and Jake plan for, and follow-up on, the bi-monthly policy meetings\n\n"
        "4 NO FOREIGN DISSEM (sy 2\n\u2018State Tot, Tan Tuave Tae Tse Tax Tocr Fai 2\n"
    )
    people = _people(declass.parse_bytes(text.encode(), "words.txt"))
    assert "Derek Pham" in people and not [p for p in people if "Intern" in p or "Helping" in p or "Tuave" in p], people
    mail = "From: Mills, Cheryl D\nSent: Friday, April 16, 2010 4:46 AM\nTo: Doug Band; H\nSubject: Fw: Approval\n\nFor wjc too\n"
    assert "Doug Band" in _people(declass.parse_bytes(mail.encode(), "band.txt"))


def _labelled_text(doc_id: str) -> tuple[str, str]:
    """The text and file name of a labelled release (tests/labels), by its id."""
    from declass.extract import evaluate

    for path in sorted((Path(__file__).parent / "labels").glob("entities-*.jsonl")):
        for doc in evaluate.labelled(path):
            if doc["id"] == doc_id:
                return doc["text"], doc["filename"]
    raise KeyError(doc_id)


def test_an_acronym_the_model_alone_calls_a_body_once_is_none() -> None:
    # NSA's distribution code on a NARA form (144-10001-10366) and a practice's acronym (State
    # C05790532), read once, are no bodies; an acronym the record keeps naming is one (C05762975)
    orgs = {}
    for doc_id in ("144-10001-10366", "C05790532", "C05762975"):
        text, filename = _labelled_text(doc_id)
        orgs[doc_id] = _orgs(declass.parse_bytes(text.encode(), filename))
    assert not {"HCF", "JAD"} & orgs["144-10001-10366"] and "FGM" not in orgs["C05790532"], orgs
    assert "OIG" in orgs["C05762975"] or "Office of Inspector General" in orgs["C05762975"], orgs


def test_an_arabic_surname_with_its_hyphened_article() -> None:
    # State C05776645 (public domain): "al-Hariri" begins in lower case and is the surname
    text = (
        "BEIRUT (Reuters) - Hezbollah's al-Manar television said January 17 the United States was behind the release\n"
        "of a draft indictment over the 2005 killing of Rafik al-Hariri in order to sabotage efforts to solve Lebanon's\ncrisis.\n"
    )
    assert "Rafik al-Hariri" in _people(declass.parse_bytes(text.encode(), "hariri.txt"))


def test_a_body_named_for_two_fields_of_work() -> None:
    # NARA 104-10066-10187, 104-10121-10236 (public domain): "Policy and Coordination Staff", "Honor
    # and Merit Awards Board" are one body each; "Cuba and Soviet Intelligence Service" are two names
    text = (
        "FROM\n\n:\n\nNorbert A. Shepanek\n\nPolicy and Coordination Staff,\n\nLiaison and Oversight Control\n\n"
        "The Honor and Merit Awards Board approved the award.\n"
        "Relations between Cuba and Soviet Intelligence Service were close.\n"
    )
    orgs = _orgs(declass.parse_bytes(text.encode(), "fields.txt"))
    assert {"Policy and Coordination Staff", "Honor and Merit Awards Board"} <= orgs and not [o for o in orgs if o.startswith("Cuba")], orgs


def test_a_place_name_a_line_break_cuts() -> None:
    # NARA 104-10326-10030 (public domain): OCR put a blank line inside "COSTA RICA"; only a
    # country's, a state's or a big city's name is read across it
    got = [(m.text, m.name) for m in places.find("THEREFORE, HE\n\nFEELS HE IS ALREADY WETL KNOWN IN COSTA\n\nRICA AND FURTHER PUBLIC DISCLOSURE")]
    assert got == [("COSTA\n\nRICA", "Costa Rica")], got
    assert [m.name for m in places.find("went to Paris.\n\nSanta Fe")] == ["Paris", "Santa Fe"]


def test_a_one_word_place_the_document_names_as_a_person_is_that_person() -> None:
    # State C05792090 (public domain): "Professor Yunus" throughout; the model read "Yunus" in the
    # subject line ("related to Yunus") as a town
    text, filename = _labelled_text("C05792090")
    rec = declass.parse_bytes(text.encode(), filename)
    assert "Yunus" in _people(rec) and "Yunus" not in _places(rec)


def test_a_given_name_before_the_models_surname_and_after_a_post() -> None:
    # State C05790116, NARA 104-10140-10045 (public domain): the model reads "Oliveira", "Wolf"
    # alone; the given name before them is part of the name, a post before it ("CEO") no part
    text = (
        "Then you will take your seat at the head table. CEO Ana Oliveira and Co-Chairs Robyn Brady Ince,\nAnne Delaney, and Kathy Hochul will speak.\n"
        "0. (Unclassified - RSG) LIAISON Spoke with Betsey Wolf,\nHouse Select Committee on Assassinations staff, about the files.\n"
    )
    people = _people(declass.parse_bytes(text.encode(), "given.txt"))
    assert {"Ana Oliveira", "Betsey Wolf"} <= people and not {"Oliveira", "Wolf"} & people, people


def test_a_nations_ministry_by_its_demonym() -> None:
    # State C05774856, NARA 104-10166-10146 (public domain): "the Hungarian MFA", "Israeli
    # Ministry of Defense" are that country's ministries
    text = "Wednesday, May 12 at 0730 EDT. Please reach out to the\nHungarian MFA.\n\nHe had contacts in the Israeli Ministry of Defense.\n"
    orgs = _orgs(declass.parse_bytes(text.encode(), "mfa.txt"))
    assert {"Hungarian MFA", "Israeli Ministry of Defense"} <= orgs, orgs


def test_a_square_is_a_place_and_baradei_is_elbaradei() -> None:
    # State C05777742 (public domain): live notes from Cairo, 28 January 2011
    text = (
        "prayers are over, protests have begun\n\nBaradei prayed in public w 2000 supporters\n\n"
        "Water canons being used in Tahrir Square\n\nAlong with Cairo, also Minya, Alex, Sharqiya, Suez\n"
    )
    rec = declass.parse_bytes(text.encode(), "cairo.txt")
    assert "Tahrir Square" in _places(rec) and "Mohamed ElBaradei" in _people(rec)


def test_ops_is_the_operations_center_in_the_e_mails() -> None:
    # State C05781491, C05780965 (public domain): "Ops" as written is the Operations Center; "ops"
    # and a cable's "OPS" are words, and a record before 1990 has no such centre
    text = (
        "From: Jiloty, Lauren C\nSent: Friday, March 4, 2011 8:25 AM\nTo: H\nSubject: Al-faisal\n\n"
        "Ops just called me to say that they have his staff on. Otherwise, ops is still trying to negotiate possibilities.\n"
    )
    rec = declass.parse_bytes(text.encode(), "ops.txt")
    ops = [e for e in rec.entities if e["name"] == "State Department Operations Center"]
    assert len(ops) == 1 and [m["text"] for m in ops[0]["mentions"]] == ["Ops"], ops
    # NARA 104-10009-10021 (public domain): a CIA field distribution list, a base of operations
    stations = "EUR DIVISION\n\nMilan\n\nMunich Liaison Base\n\nMunich Ops. Base (Laurion)\n\nOttawa\n"
    assert "State Department Operations Center" not in _orgs(declass.parse_bytes(stations.encode(), "stations.txt"))


def test_a_given_name_of_the_world_lists_before_a_surname_in_capitals() -> None:
    # NARA 104-10133-10437, 104-10110-10716 (public domain): CIA's "Given SURNAME" with a given name
    # only the world lists know; a surname that is also a word when the record prints it again
    text = (
        "ber 1963, on the OSWALD Case, Abram CHAYES, Legal Officer of the Department of State.\n\n"
        "ing to the Chicago office was \"one of Horace SPEED's (SAS) leads\n\nobtained from Ralph PEREZ.\n"
        "SPEED is Horace SPEED III, #199499.\n\n"
        # NARA 104-10291-10016: OCR's signature block, a word in capitals after a given name
        "ployed with a firm tha'\n\ndoes not ave any further details.\n\nGabe OFFICER\n\nTere ELOET INS\n"
    )
    people = _people(declass.parse_bytes(text.encode(), "world.txt"))
    assert {"Abram Chayes", "Horace Speed"} <= people and "Gabe Officer" not in people, people


def test_full_names_in_capitals_with_an_initial_and_another_ruby() -> None:
    # NARA 104-10219-10015, 124-90118-10106 (public domain): a given name, an initial and a surname
    # no list knows; a woman named Ruby is not Jack Ruby
    text = (
        "120 IN 1964 OLIVER Go GALBOND BRIEFED SEVERAL OF ABOVE AND\n\nIN 196S' CHESTER D. DAINOLD GAVE BRIEFING @IR 98949). SIMILAR\n\n"
        "4515 Swiss Avenue, advised she had never seen POPE at the\napartment rented by RUBY JELSEN and her daughter, PEGGY FRY,\nin November, 1958.\n"
    )
    people = _people(declass.parse_bytes(text.encode(), "caps.txt"))
    assert "Chester D. Dainold" in people and "Jack Ruby" not in people, people


def test_a_file_number_ends_a_name() -> None:
    # NARA 104-10310-10271 (public domain): a name and its 201 file number on a subject line
    text = "MEMORANDUM FOR: DO/Security\n\nSUBJECT:\n\nThomas James Devine - 201267708\n"
    assert "Thomas James Devine" in _people(declass.parse_bytes(text.encode(), "file.txt"))


def test_a_given_name_and_two_surnames_the_model_missed() -> None:
    # NARA 180-10141-10186, 124-90137-10299 (public domain): Spanish names with both surnames
    text = "From vol. IT:\nPedro Diaz Lanz 1963\nPedro Inis and Marcos Diaz Kanz- attempted to make air drops.\n\nFabio Escalona Almeida, brother of subject, born 9/25/25.\n"
    people = _people(declass.parse_bytes(text.encode(), "spanish.txt"))
    assert {"Pedro Diaz Lanz", "Fabio Escalona Almeida"} <= people, people


def test_a_given_name_only_the_world_lists_know_in_clean_text_and_a_suffix() -> None:
    # State C05780965, C05786217 (public domain): a call list in an e-mail; "Sr" ends a name
    text = (
        "From: H [mailto:HDR22@clintonemail.com]\nSent: Tuesday, July 05, 2011 4:29 PM\nTo: Jiloty, Lauren C\nCc: Huma Abedin\n"
        "Subject: Call list\n\nCan you send me a new one? You can send to Oscar who is here for printing or fax to my house.\n\n"
        "Pis add the following;\nVali Nasr\nIrwin Redlener\nGeorge Soros\n\nAnd schedule calls for me w Eikenberry\n\n"
        "I returned Jesse Jackson Sr's call to S. He is seeking to speak to her regarding his pending visit next week.\n"
    )
    people = _people(declass.parse_bytes(text.encode(), "calls.txt"))
    assert {"Irwin Redlener", "Jesse Jackson Sr"} <= people, people


def test_rooms_cut_names_and_a_surname_with_its_article_are_no_bodies() -> None:
    # State C05780969 (a schedule), C05739783 (a wrapped Cc list), C05794115 (public domain)
    schedule = (
        "10:15 am      MEETING w/SPECIAL ENVOY TO THE MIDDLE EAST DAVID HALE\n10:45 am      Secretary's Outer Office\n"
        "              Contact:\n              CLOSED PRESS\n\n11:30 am      MEETING WITH POTUS\n              Oval Office\n"
    )
    assert not {"Secretary's Outer Office", "Oval Office", "Outer Office"} & _orgs(declass.parse_bytes(schedule.encode(), "schedule.txt"))
    cc = '           From: Dibble, Elizabeth L\n           Sent: Wednesday. September 14 2011 10:08 AM\n           To                                                                           Sullivan, Jacob J; Gordon, Philip H; Carson,\n           Johnnie; Ryo, Rexon Y; Pelofelty,   Eric), Welk, Aim G; Zeya,  tiers 5; Grantham,  Chris W; Shannon, Thomas A (P);\n           Nuland, Victoria 3; Ward, Kenneth D; Kennedy, Patrick F; Austin-Ferguson, Kathleen T; Lohman, Lee; Crete, Gene A; Carl\n                                          Stephanie S. Naranjo, Brian R; Pittman, H Dean; Pascual, Carlos; Cekuta, Robert F;\n                                                              Wand, Mark (DCHA/AA); Romanowski, Aline (ME/AA); Gray, Gordon                      B6\n           Cc Fell/Ilan, Jeffrey D; Djerassl, Alexander M; Maxwell, Raymond 0; Roebuck, William V; Sidereas, Eugenia M; Abdalla,\n           Alyce N; Polaschlk, Joan A\n           Subject: Quick readout from Jeff Feitman in Tried\n\n           Jeff asked me to pass along the following readout. Please excuse the free-form list of subjects but I wanted to get this\n           out qu'
    assert not {"Philip H", "Eugenia M", "Alyce N"} & _orgs(declass.parse_bytes(cc.encode(), "cc.txt"))
    memo = (
        "the MB representatives stated that they had been put in a\n  position of speaking out against the administration of Prime "
        "Minister Kamal el-Ganzouri, or risk\n  losing their position of legitimacy among the civilian political parties. According to this\n"
        "  individual, the MB representatives assured the SCAF officers that these statements were not\n  aimed at Tantawi, but rather at "
        "el-Ganzouri. They added that maintaining the established\n  transition schedule is acceptable to the MB, although they would not "
        "object to Tantawi\n  appointing a new interim government replacing el-Ganzouri, whom they believe is incompetent.\n"
    )
    rec = declass.parse_bytes(memo.encode(), "ganzouri.txt")
    assert "el-Ganzouri" not in _orgs(rec) and "Kamal el-Ganzouri" in _people(rec)


def test_kennedy_alone_in_the_records_of_the_assassination() -> None:
    # NARA 104-10056-10125 (undated), 144-10001-10062 (1963), 144-10001-10098 (public domain): the
    # surname alone names the President in a record that speaks of his assassination or funeral
    for text in (
        "ACCORDING S-4, MONTERO REFERRED TO KENNEDY ASSASSINATION... . .-\n\nDURING PEP TALK TO PARTY MEMBERS.\n",
        "SECRET\n\n26 Nov 63\n\nUNDECEDED ON SENDING DELEGATION TO \u2018KENNEDY FUNERAL\n\nSince the ministry has as yet no reliable information.\n",
        "JFK ASSASSINATION SYSTEM\n\nDATE: 03/26/97\n\nthe CASTRO Government in the plan for the attack on KENNEDY. Because of this, it is\nfelt that there may be a change.\n",
    ):
        rec = declass.parse_bytes(text.encode(), "cable.md")
        jfk = [e for e in rec.entities if e["name"] == "John F. Kennedy"]
        assert jfk and any("KENNEDY" in m["text"] for m in jfk[0]["mentions"]), (text, _people(rec))
    # not another Kennedy (State C05769581-like Cc line, 2011: the Under Secretary; a senator; a
    # widow; the Library), nor where nothing speaks of the assassination
    others = (
        "From: Mills, Cheryl D\nSent: Monday, May 2, 2011 7:12 AM\nTo: H\nCc: Kennedy\nSubject: security\n\nAfter the assassination attempt Kennedy wants a call.\n",
        "SECRET\n\n12 June 1968\n\nSENATOR KENNEDY SPOKE OF THE ASSASSINATION IN DALLAS.\n",
        "11 March 1964\n\nMrs. Kennedy had expected to put out word after the assassination.\n",
        "1998\n\nThe Kennedy Library holds the assassination files.\n",
        "SECRET\n\n3 June 1963\n\nKENNEDY WILL VISIT ROME NEXT WEEK.\n",
    )
    for text in others:
        rec = declass.parse_bytes(text.encode(), "other.md")
        assert "John F. Kennedy" not in _people(rec), (text, _people(rec))


def test_the_model_reads_a_cable_in_capitals_in_the_case_of_running_text() -> None:
    # NARA 104-10179-10134, 104-10236-10054, 104-10178-10101 (public domain): names in a cable set in
    # capitals, which the model misses as printed
    from declass.extract import ner

    line = "RAY SEEMS TO BE CONFIDENT FRANQUI WILL JOIN HIS CAMP IN\nNOT TOO DISTANT FUTURE AND RELYING ON CABRERA TO CONTINUE WORKING ON HIM. LNERGO AND AMLASH 1 IN MEXICO CITY"
    recased = ner.for_model(line)
    assert len(recased) == len(line)
    assert "confident Franqui will join" in recased and "on Cabrera to" in recased, recased
    assert "LNERGO" in recased and "AMLASH" in recased and "Mexico City" in recased, recased  # cryptonyms stay; a place's words all
    assert ner.for_model("Mixed case prose with CIA in it.") == "Mixed case prose with CIA in it."
    texts = {
        "STA NOT SO CONVINCED.\n\nRAY SEEMS TO BE CONFIDENT FRANQUI WILL JOIN HIS CAMP IN\nNOT TOO DISTANT FUTURE AND RELYING ON CABRERA TO CONTINUE WORKING ON HIM.\n": "Cabrera",
        "JAMAICA OF ACTIVITIES AGAINST CUBA MUST BE COVERT. FURTHER SINCE\nI VERY DIM VIEW TAKEN OF PUBLIC STATEMENTS OF OR FRAMH DIAZ SILVEIRA BY\nLOCAL AUTHORITIES WHEN HE INDICATED 14 AUGUST HE WOULD SEEK PERMISSION\n": "Diaz Silveira",
        "ASKING ASSISTANCE IN CONTACTING AN LNERGO OFFICIAL.\nREHKOPF CLAIMS THAT HIS DAUGHTER RITA, WHO FORMERLY\n\nWORKED IN BANGKOK FOR LAW FIRM AND IS NOW BASED IN\nNEW ORLEANS. THERE IS OF COURSE, POSSIBILITY THAT RITA MERELY HAS\nAN ACTIVE IMAGINATION.\n": "Rita",
    }
    for text, name in texts.items():
        people = _people(declass.parse_bytes(text.encode(), "cable.md"))
        assert any(name in p for p in people), (name, people)
        assert not any("Lnergo" in p or "LNERGO" in p for p in people), people
    # what the recased line lets the model call a name and no list backs is dropped: OCR's words seen
    # once, a codeword, a running word before a name (NARA 104-10179-10134, 104-10187-10026)
    noisy = "SE -RAY SENS TO BE CONFIDENT FRANQUI WILL JOIN KIS CANP IN\nB) ANATOLIY MIKHAYLOVICH GVOZDEV, WIFE, LYUDMILA VASILYEVNA AND SON, MIKHAIL.\n"
    people = _people(declass.parse_bytes(noisy.encode(), "cable.md"))
    assert not any("Canp" in p or "Wife" in p or "Son" in p.split() for p in people), people


def test_two_initials_ocr_ran_together_are_initials() -> None:
    # NARA 104-10121-10236 (public domain): an awards list OCR'd, "EYEL, Norman JJ"; State's
    # "Jacob J Sullivan" keeps its alias without the initial; a particle is no initial
    from declass.extract.textutil import without_initials

    assert without_initials("Norman JJ Eyel") == "Norman Eyel" and without_initials("Anthony F.J. Dralle") == "Anthony Dralle"
    assert without_initials("Jose de Leon") == "Jose de Leon" and without_initials("norman jj eyel") == "norman eyel"
    rec = declass.parse_bytes(b"Knight of the Order of\n\nthe Million Elephants\n\n[EYEL, Norman JJ\n\ni MDEM Medal Award\n", "awards.md")
    eyel = [e for e in rec.entities if e["type"] == "person" and "Eyel" in e["name"]]
    assert eyel and "Norman Eyel" in eyel[0]["aliases"], eyel


def test_senators_and_the_white_house_staff_of_the_clinton_e_mails() -> None:
    # State C05773037, C05781851, C05762908 (public domain): senators by surname in lower case,
    # national security staff by surname or in full
    vote = (
        "From: Sullivan, Jacob J <SullivanJJ@state.gov>\nSent: Wednesday, December 22, 2010 3:01 PM\nTo: H\n"
        "Subject: Final vote on START\n\n14 to 4\n\nAll dems + lugar, corker and isakson voted yes.\n\n\nWicker, baraso, risch and inhoffe voted no.\n"
    )
    people = _people(declass.parse_bytes(vote.encode(), "mail.txt"))
    assert {"Richard Lugar", "Bob Corker", "Johnny Isakson", "Roger Wicker", "Jim Risch"} <= people, people
    mail = (
        "From: H <HDR22@clintonemail.com>\nSent: Friday, August 19, 2011 11:49 PM\nTo: Sullivan, Jacob\nSubject: Re: Hadley\n\n"
        "Holbrooke just told me he was going to London on 1/6 w Lute, Liz Sherwood-Randall and, maybe, Michele Flournoy.\n"
    )
    people = _people(declass.parse_bytes(mail.encode(), "mail.txt"))
    assert {"Stephen Hadley", "Liz Sherwood-Randall", "Michèle Flournoy"} <= people, people
    # OCR's "Corker." on an undated page of the JFK files (180-10146-10043) is no senator of 2007
    undated = "2022 RELEASE UNDER THE PRESIDENT JOHN F. KENNEDY ASSASSINATION RECORDS ACT OF 1992\n\nSe eyek Cex drrerten, Corker.\n\nChe Corr Lor ke. rolose of. con\n"
    assert "Bob Corker" not in _people(declass.parse_bytes(undated.encode(), "page.md"))


def test_a_head_noun_ocr_misread_by_one_letter() -> None:
    # NARA 104-10071-10009, 104-10290-10143, 104-10104-10262 (public domain): "Smbassies",
    # "ENBASSY", "Foundateon"; the mention keeps the letters as printed, offsets unchanged
    from declass.extract import institutions

    assert institutions.repair_heads("Soviet and Cuban Smbassies; CUBAN ENBASSY; the Counsel") == "Soviet and Cuban Embassies; CUBAN EMBASSY; the Counsel"
    text = (
        "visitors to the Soviet and Cuban Smbassies in Mexico City during the recent months.\n\n"
        "2. SUBJECT FIRST SECRETARY CUBAN ENBASSY TOKYO, DPOB 12 AUGUST 31.\n\nthe Bertrand Russell Foundateon in London.\n"
    )
    rec = declass.parse_bytes(text.encode(), "cable.md")
    orgs = {e["name"]: e for e in rec.entities if e["type"] == "organization"}
    assert {"Soviet Embassy", "Cuban Embassy", "Russell Foundation"} <= set(orgs) or {"Soviet Embassy", "Cuban Embassy", "Bertrand Russell Foundation"} <= set(orgs), orgs
    assert {"Cuban Smbassies", "CUBAN ENBASSY"} <= {m["text"] for m in orgs["Cuban Embassy"]["mentions"]}
    assert evidence.errors(rec.to_dict()) == []


def test_a_second_surname_that_is_a_towns_name() -> None:
    # NARA 104-10192-10121, 104-10413-10033 (public domain): a Spanish name's second surname the
    # gazetteer knows as a town; a town after a name in running text stays a town
    cable = "CLAIMED THAT FORMER PRESIDENT ROMULO BETANCOURT OF VENEZUELA\nAND ENRIQUE TEIERA PARIS, THE VENEZUELAN AMBASSADOR IN WASHINGTON,\n"
    listing = "Revista Sucesos (14 66 69)\nMario Monteforte Toledo (23 86 79)\nJorge L. Tamayo (19 70 64)\n"
    for text, name, town in ((cable, "Enrique Teiera Paris", "Paris"), (listing, "Mario Monteforte Toledo", "Toledo")):
        rec = declass.parse_bytes(text.encode(), "list.md")
        assert name in _people(rec) and town not in {e["name"] for e in rec.entities if e["type"] == "place"}, rec.entities
        assert evidence.errors(rec.to_dict()) == []
    rec = declass.parse_bytes(b"John Smith flew to Paris, then Rome.\n", "prose.txt")
    assert "John Smith" in _people(rec) and "Paris" in {e["name"] for e in rec.entities if e["type"] == "place"}


def test_a_rosters_line_with_a_given_name_no_list_knows() -> None:
    # NARA 104-10121-10236 (public domain): an awards roster, OCR's "Leonara" for Leonard; a line
    # of running text with a comma is none
    text = "Knight of the Order of\n\nthe Million Elephants\n\n03\n\nGMIRKIN, Leonara G.\n\n/ Order of the King\n\nSECURITY, Office G.\n\nWe met ARCOS, Blanxa R. later.\n"
    people = _people(declass.parse_bytes(text.encode(), "roster.md"))
    assert "Leonara G. Gmirkin" in people, people
    assert not any("Security" in p or "Blanxa" in p for p in people), people


def test_the_au_of_an_e_mail_is_the_african_union() -> None:
    # State C05791461 (public domain): "the AU" after 2002 is the African Union; "AU" alone is not
    mail = "From: Verveer, Melanne S\nSent: Monday, May 2, 2011 7:12 AM\nTo: H\nSubject: Africa\n\nZuma is consulting on ways the AU can better incorporate women into its work.\n"
    assert "African Union" in _orgs(declass.parse_bytes(mail.encode(), "mail.txt"))
    assert "African Union" not in _orgs(declass.parse_bytes(mail.replace("the AU", "AU troops").encode(), "mail.txt"))


def test_a_two_letter_acronym_inside_an_office_symbol() -> None:
    # NARA 104-10009-10021 (public domain): a CIA distribution list, "AP/COPS/CA", "AP /1"; State
    # C05789452, C05777461: "w/EU", "Susan/UN" name the bodies; "FBI/Dallas" the Bureau
    listing = "CA/B5\n\nAP/COPS/CA\n\nAF/1\n\nAP/3\n\nAP /1\n"
    assert "Associated Press" not in _orgs(declass.parse_bytes(listing.encode(), "list.md"))
    prose = "4:00pm PHONE CALL w/EU HIGH REPRESENTATIVE. Has this been passed to Susan/UN? FBI/Dallas reported.\n"
    assert {"European Union", "United Nations", "Federal Bureau of Investigation"} <= _orgs(declass.parse_bytes(prose.encode(), "mail.txt"))


def test_a_newspaper_is_no_person() -> None:
    # NARA 104-10217-10053 (public domain): OCR's "The Miani Herald", which the model calls a person
    text = "Station that Subject has been released after 5 months of detention. An\narticle appearing in The Miani Herald issue of 12 June 1961 states that\n"
    assert not any("Herald" in p for p in _people(declass.parse_bytes(text.encode(), "dispatch.md")))


def test_countries_as_spanish_prints_them() -> None:
    # NARA 104-10216-10199 (public domain): a letter from Madrid; State C05768895: "4. Brasil: Celso
    # Amorim", a list of foreign ministers
    rec = declass.parse_bytes("Madrid, Espana, a 12 de mayo. Llegó de los Estados Unidos.\n\n4. Brasil: Celso Amorim, Minister of External Relations\n".encode(), "carta.txt")
    places_ = {e["name"] for e in rec.entities if e["type"] == "place"}
    assert {"Madrid", "Spain", "United States", "Brazil"} <= places_, places_
    assert "Espana" not in _people(rec)
