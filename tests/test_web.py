"""The web app: pages and API over a corpus of the bundled samples, in a real server, driven by a
real browser (playwright with Debian's chromium). Screenshots go to test-artifacts/."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from fastapi.testclient import TestClient

from declass.store.db import open_store
from declass.store.ingest import ingest
from declass.web.app import create_app

ROOT = Path(__file__).parent.parent
SAMPLES = ROOT / "samples"
ARTIFACTS = Path(os.environ.get("DECLASS_ARTIFACTS", ROOT / "test-artifacts"))
CHROMIUM = os.environ.get("DECLASS_CHROMIUM", "/usr/bin/chromium")
CLI = [sys.executable, "-m", "declass.cli"]

HOSTILE = """RELEASE IN FULL

From: <script>window.__pwned = 1</script>
To: H
Subject: <img src=x onerror="window.__pwned=2"> & <b>bold</b>

The memo says <script>document.title='pwned'</script> and "quotes" & <iframe src="javascript:alert(1)"></iframe>.
Meet at the Embassy in Mexico City <a href="javascript:alert(3)">here</a>.
"""


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> str:
    d = tmp_path_factory.mktemp("web")
    docs = d / "extra"
    docs.mkdir()
    (docs / "hostile.txt").write_text(HOSTILE)
    db = str(d / "corpus.db")
    store = open_store(db)
    ingest(store, [SAMPLES], "samples", workers=2)
    ingest(store, [docs], "hostile")
    assert store.count() == 36
    store.close()
    return db


@pytest.fixture(scope="module")
def client(corpus: str) -> TestClient:
    return TestClient(create_app(corpus, token="s3cret"))


def hostile_id(client: TestClient) -> str:
    got = client.get("/api/search", params={"collection": "hostile"}).json()
    return str(got["hits"][0]["id"])


def test_api_search_answers_like_the_cli(client: TestClient, corpus: str) -> None:
    api = client.get("/api/search", params={"q": "cartel OR oswald", "status": "released_in_part", "sort": "seq"}).json()
    p = subprocess.run(
        [*CLI, "search", "cartel OR oswald", "--db", corpus, "--json", "--status", "released_in_part", "--sort", "seq"], capture_output=True, text=True
    )
    cli = json.loads(p.stdout)
    for k in ("total", "facets"):
        assert api[k] == cli[k]
    assert [h["id"] for h in api["hits"]] == [h["id"] for h in cli["hits"]]
    assert client.get("/api/openapi.json").json()["paths"]["/api/search"]


def test_pages_answer_at_stable_urls(client: TestClient) -> None:
    for url in (
        "/search?q=cartel",
        "/timeline",
        "/network",
        "/map",
        "/redactions",
        "/api",
        "/entities/pack:mexico-dto:los-zetas",
        "/timeline?entity=pack:mexico-dto:los-zetas",
    ):
        r = client.get(url)
        assert r.status_code == 200, url
        assert "Content-Security-Policy" in r.headers
    assert client.get("/documents/" + "0" * 64).status_code == 404
    assert client.get("/entities/no:such").status_code == 404


def test_document_page_draws_redactions_and_links_entities(client: TestClient) -> None:
    doc = client.get("/api/search", params={"q": "cartel"}).json()["hits"][0]["id"]
    html = client.get(f"/documents/{doc}").text
    assert html.count('class="redaction redaction-') == 3
    assert "1.4(b), 1.4(c), 1.4(d), (b)(1)" in html
    assert "Classified information: foreign government information" in html or "1.4(b)" in html
    assert 'href="/entities/pack:mexico-dto:los-zetas"' in html
    assert "INR/TNC" in html and "Bureau of Intelligence and Research" in html and "released in part" in html


def test_hostile_document_is_text_everywhere(client: TestClient) -> None:
    doc = hostile_id(client)
    for url in (f"/documents/{doc}", "/search?q=memo", "/search?q=pwned"):
        html = client.get(url).text
        assert "<script>window" not in html and "<img src=x" not in html and "<iframe" not in html and 'href="javascript' not in html
    assert "&lt;script&gt;" in client.get(f"/documents/{doc}").text


def test_read_only_unless_token_and_limits(client: TestClient, corpus: str) -> None:
    ro = TestClient(create_app(corpus, token=""))
    assert ro.post("/api/entities/pack:mexico-dto:gulf-cartel/merge", params={"into": "pack:mexico-dto:los-zetas"}).status_code == 403
    assert client.post("/api/entities/pack:mexico-dto:gulf-cartel/merge", params={"into": "pack:mexico-dto:los-zetas"}).status_code == 401
    bad = client.post("/api/entities/pack:mexico-dto:gulf-cartel/merge", params={"into": "pack:mexico-dto:los-zetas"}, headers={"Authorization": "Bearer nope"})
    assert bad.status_code == 401
    ok = client.post(
        "/api/entities/pack:mexico-dto:gulf-cartel/merge", params={"into": "pack:mexico-dto:los-zetas"}, headers={"Authorization": "Bearer s3cret"}
    )
    assert ok.status_code == 200
    store = open_store(corpus)
    store.split("pack:mexico-dto:gulf-cartel")
    store.close()
    assert client.get("/api/search", params={"q": "x" * 1001}).status_code == 400
    assert client.get("/api/search", params={"q": "cartel", "size": 1000}).status_code == 422
    assert client.get("/search", params={"q": "(cartel"}).status_code == 400
    assert client.get("/api/search", params={"q": "(cartel"}).json()["error"].startswith("a parenthesis")


# ---------------------------------------------------------------- in a browser
@pytest.fixture(scope="module")
def server(corpus: str) -> Iterator[str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    config = uvicorn.Config(create_app(corpus), host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    t = threading.Thread(target=srv.run, daemon=True)
    t.start()
    deadline = time.time() + 20
    while not srv.started and time.time() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    t.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as e:
        if os.environ.get("CI") == "true":
            raise
        pytest.skip(f"playwright is not installed ({e})")
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI") == "true":
            raise RuntimeError(f"CI must have Debian chromium at {CHROMIUM} (scripts/system-packages installs it)")
        pytest.skip(f"no chromium at {CHROMIUM}")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        yield b
        b.close()


def shot(page: object, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)  # type: ignore[attr-defined]


def test_walk_search_document_entity_timeline_map(browser: object, server: str) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{server}/search?q=cartel")
    assert page.get_by_role("status").inner_text().startswith("1 documents")
    assert page.locator("mark").first.inner_text().lower() == "cartel"
    shot(page, "1-search")
    page.locator("a.hit-title").first.click()
    page.wait_for_url("**/documents/**")
    bars = page.locator(".redaction")
    assert bars.count() == 3 and "1.4(b)" in bars.first.inner_text()
    assert "Levi Chavous" in page.locator(".anatomy").inner_text()
    shot(page, "2-document")
    page.locator("a.mention", has_text="Zetas").first.click()
    page.wait_for_url("**/entities/**")
    assert page.locator("h1").inner_text().startswith("Los Zetas")
    assert "assassination" in page.locator("ul.events").inner_text()
    shot(page, "3-entity")
    page.get_by_role("link", name="timeline", exact=True).click()
    page.wait_for_url("**/timeline?entity=**")
    assert page.locator("svg.timeline circle").count() >= 1 and "2010-06" in page.locator("ol.events").inner_text()
    shot(page, "4-timeline")
    page.get_by_role("link", name="Map", exact=True).click()
    page.wait_for_url("**/map**")
    assert page.locator("svg.map circle.marker").count() > 10
    assert "Ciudad Juárez" in page.locator("table.places").inner_text()
    shot(page, "5-map")
    page.goto(f"{server}/network")
    assert page.locator("svg.network circle.node").count() > 10
    page.goto(f"{server}/redactions")
    assert "(b)(6)" in page.locator("table.bars").first.inner_text()
    shot(page, "6-redactions")
    assert errors == []
    page.close()


def test_hostile_document_in_the_browser(browser: object, server: str, client: TestClient) -> None:
    page = browser.new_page()  # type: ignore[attr-defined]
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(f"{server}/documents/{hostile_id(client)}")
    assert page.evaluate("window.__pwned") is None
    assert page.title() != "pwned" and dialogs == []
    text = page.locator(".text").inner_text()
    assert "<script>document.title='pwned'</script>" in text and '<iframe src="javascript:alert(1)"></iframe>' in text
    assert page.locator(".text script, .text img, .text iframe").count() == 0
    shot(page, "7-hostile")
    page.close()


def test_keyboard_and_labels(browser: object, server: str) -> None:
    page = browser.new_page()  # type: ignore[attr-defined]
    page.goto(f"{server}/redactions")
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "topq"
    assert page.get_by_label("Search the corpus").count() == 1  # the box has a label
    page.keyboard.type("cartel")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search?q=cartel**")
    # Tab from the top: the skip link first, then on to the first result
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.className") == "hit-title":
            break
    else:
        pytest.fail("the first result cannot be reached with Tab")
    page.keyboard.press("Enter")
    page.wait_for_url("**/documents/**")
    for _ in range(80):
        page.keyboard.press("Tab")
        if "redaction" in (page.evaluate("document.activeElement.className") or ""):
            break
    else:
        pytest.fail("no withheld span can be reached with Tab")
    label = page.evaluate("document.activeElement.getAttribute('aria-label')")
    assert label.startswith("Withheld") and "1.4(b)" in label and "foreign" in label.lower()
    shot(page, "8-keyboard")
    page.close()
