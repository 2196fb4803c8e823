"""The review pages in a real browser: Playwright driving Debian's Chromium.

A uvicorn server with the toy model and a temporary SQLite runs in a thread;
the tests read, edit, approve, translate and export as a reviewer would, and
save screenshots of the pages at desktop and phone width under ``screenshots/``.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from fastapi import FastAPI
from translate.storage import tmx

from models.marian import MarianEngine
from service.app import create_app
from service.batch.inputs import InputArticle
from service.batch.jobstore import JobStore
from service.settings import Settings
from tests.conftest import ROOT
from tests.test_api_translate import ARTICLE
from tests.test_web_pages import HOSTILE

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")

# Debian's Chromium, or the one MTDESK_CHROMIUM names (another distribution, a build of one's own).
CHROMIUM = Path(os.environ.get("MTDESK_CHROMIUM") or "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOTS = ROOT / "screenshots"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
APPROVED = "No agreement was reached."

pytestmark = [
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason=f"no Chromium at {CHROMIUM} (apt-get install chromium, or set MTDESK_CHROMIUM)",
    ),
    pytest.mark.slow,
]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def app(toy_engine: MarianEngine, tmp_path_factory: pytest.TempPathFactory) -> FastAPI:
    db = tmp_path_factory.mktemp("browser") / "mtdesk.db"
    settings = Settings(model="toy", db=f"sqlite:///{db}", api_key=None, glossary="news-de-en")
    return create_app(settings, engine=toy_engine)


@pytest.fixture(scope="module")
def server(app: FastAPI) -> Iterator[str]:
    yield from serve(app)


@pytest.fixture(scope="module")
def modelless_app(tmp_path_factory: pytest.TempPathFactory) -> FastAPI:
    """Without a model the service's batch worker runs no job: the tests move the progress."""
    folder = tmp_path_factory.mktemp("jobs")
    settings = Settings(
        model=str(folder / "absent-model"), db=f"sqlite:///{folder / 'db'}", api_key=None
    )
    return create_app(settings)


@pytest.fixture(scope="module")
def jobs_server(modelless_app: FastAPI) -> Iterator[str]:
    yield from serve(modelless_app)


def serve(app: FastAPI) -> Iterator[str]:
    """A real HTTP server on a free localhost port; its base URL."""
    port = free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, name="mtdesk-test-server", daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not running.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            pytest.fail("the test server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    running.should_exit = True
    thread.join(timeout=30)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport=DESKTOP, accept_downloads=True)
    opened = context.new_page()
    errors: list[str] = []
    opened.on("pageerror", lambda error: errors.append(str(error)))
    yield opened
    context.close()
    assert errors == [], errors  # the page script never failed


def translate_in_page(page: Any, server: str, text: str) -> str:
    """Paste German into the new-article form; the review page it opens, as its id."""
    page.goto(f"{server}/")
    page.fill("#new-text", text)
    with page.expect_navigation():
        page.click("#new button[type=submit]")
    assert "/articles/" in page.url
    return str(page.url.rsplit("/", 1)[1])


def screenshot(page: Any, name: str) -> None:
    SCREENSHOTS.mkdir(exist_ok=True)
    for label, size in (("desktop", DESKTOP), ("phone", PHONE)):
        page.set_viewport_size(size)
        page.screenshot(path=str(SCREENSHOTS / f"{name}-{label}.png"), full_page=True)
    page.set_viewport_size(DESKTOP)


def test_review_edit_approve_reuse_and_export(page: Any, server: str, tmp_path: Path) -> None:
    article_id = translate_in_page(page, server, ARTICLE)
    document = page.request.get(f"{server}/v1/articles/{article_id}").json()
    stored = [segment for block in document["blocks"] for segment in block["segments"]]

    # Aligned rows, German beside English, one section per paragraph.
    assert page.locator("section.block").count() == len(document["blocks"])
    rows = page.locator(".seg")
    assert rows.count() == len(stored)
    for index, segment in enumerate(stored):
        assert rows.nth(index).locator(".src").text_content() == segment["source"]
        assert rows.nth(index).locator(".tgt-text").text_content() == segment["target"]
    assert page.locator(".src mark.term").count() > 0  # the glossary's names are marked

    # Tab saves and moves to the next row's editor; Shift+Tab back.
    page.click("#seg-b1s0 .tgt")
    page.keyboard.press("Tab")
    assert page.locator("#seg-b1s1 textarea.editor").is_visible()
    page.keyboard.press("Shift+Tab")
    assert page.locator("#seg-b1s0 textarea.editor").is_visible()
    page.keyboard.press("Escape")

    # Edit and save, then approve with Ctrl+Enter.
    last = stored[-1]["id"]
    page.click(f"#seg-{last} .tgt")
    page.fill(f"#seg-{last} textarea.editor", "There was no deal.")
    screenshot(page, "review-editing")
    page.click(f"#seg-{last} .actions button:text('Save')")
    page.wait_for_selector(f"#seg-{last} .tgt-text:text('There was no deal.')")
    page.click(f"#seg-{last} .tgt")
    page.fill(f"#seg-{last} textarea.editor", APPROVED)
    page.keyboard.press("Control+Enter")
    page.wait_for_selector(f"#seg-{last}.status-approved")
    assert page.locator("#approved-count").text_content() == "1"
    screenshot(page, "review")

    page.reload()
    assert page.locator(f"#seg-{last} .tgt-text").text_content() == APPROVED
    assert "status-approved" in (page.locator(f"#seg-{last}").get_attribute("class") or "")
    history = page.request.get(f"{server}/v1/articles/{article_id}/segments/{last}").json()
    assert [entry["target"] for entry in history["history"]][-1] == "There was no deal."

    # A new article repeating the approved sentence gets the approved English.
    again = translate_in_page(
        page, server, "Neue Gespräche in Wien.\n\nEine Einigung gab es nicht."
    )
    assert page.locator("#seg-b1s0 .tgt-text").text_content() == APPROVED
    assert page.locator("#seg-b1s0 .origin").text_content() == "approved"
    assert again != article_id

    # Export TMX from the review page and read it back.
    page.goto(f"{server}/articles/{article_id}")
    with page.expect_download() as download:
        page.click(".exports a:text('TMX')")
    saved = tmp_path / "article.tmx"
    download.value.save_as(saved)
    units = tmx.tmxfile.parsestring(saved.read_bytes()).units
    assert [unit.source for unit in units] == [segment["source"] for segment in stored]
    assert units[-1].target == APPROVED

    page.goto(f"{server}/")
    assert page.locator("tr.article-row").count() >= 2
    screenshot(page, "index")


def test_split_from_the_page(page: Any, server: str) -> None:
    article_id = translate_in_page(page, server, "Der Minister kam an, Die Gespräche begannen.")
    source = page.locator("#seg-b0s0 .src")
    offset = (source.text_content() or "").index("Die")
    # Put the caret where the second sentence starts, as a click there would.
    page.evaluate(
        """([offset]) => {
            const source = document.querySelector('#seg-b0s0 .src');
            const walker = document.createTreeWalker(source, NodeFilter.SHOW_TEXT);
            let left = offset, node = walker.nextNode();
            while (node && left > node.length) { left -= node.length; node = walker.nextNode(); }
            window.getSelection().collapse(node, left);
            source.dispatchEvent(new MouseEvent('mouseup', {bubbles: true}));
        }""",
        [offset],
    )
    with page.expect_navigation():
        page.click("#seg-b0s0 .actions button:text('Split')")
    sources = page.locator(".seg .src").all_text_contents()
    assert sources == ["Der Minister kam an,", "Die Gespräche begannen."]
    assert page.url.endswith(article_id)

    # And merged back: one sentence again, translated.
    second = page.locator(".seg").nth(1)
    second.locator(".tgt").click()  # the paragraph's last sentence: nothing to merge with
    assert second.locator(".actions button").all_text_contents() == [
        "Save",
        "Approve",
        "Split",
        "Cancel",
    ]
    first = page.locator(".seg").first
    first.locator(".tgt").click()
    with page.expect_navigation():
        first.locator(".actions button:text('Merge with next')").click()
    assert page.locator(".seg .src").all_text_contents() == [
        "Der Minister kam an, Die Gespräche begannen."
    ]


def test_a_hostile_article_runs_nothing(page: Any, server: str) -> None:
    dialogs: list[str] = []

    def on_dialog(dialog: Any) -> None:  # an alert() the article slipped in
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    translate_in_page(page, server, HOSTILE)
    page.wait_for_load_state("load")
    assert "<script>window.pwned = 1</script>" in (
        page.locator(".seg .src").first.text_content() or ""
    )
    assert page.evaluate("typeof window.pwned") == "undefined"
    assert page.locator("img, svg, iframe").count() == 0
    page.goto(f"{server}/")
    assert page.evaluate("typeof window.pwned") == "undefined"
    assert dialogs == []


def test_a_running_job_shows_live_progress(
    page: Any, jobs_server: str, modelless_app: FastAPI
) -> None:
    server = jobs_server
    jobs = JobStore(modelless_app.state.runtime.store)
    articles = [InputArticle(f"news/{n}.txt", f"news/{n}.txt", "text", ARTICLE) for n in range(4)]
    job = jobs.create(
        key="live",
        input="archive.zip",
        out_dir="/nonexistent",
        model="toy",
        glossary_name=None,
        glossary_version=None,
        options={},
        articles=articles,
        max_chars=100_000,
    )
    jobs.set_state(job.id, "running")
    page.goto(f"{server}/jobs/{job.id}")
    assert page.locator("#job-counts").text_content() == "0 / 4 articles, 0 failed"
    jobs.fail_item(job.id, 0, "not UTF-8")
    stats = {"segments": 4, "memory_hits": 0, "flags": {}}
    jobs.finish_item(job.id, 1, stats)
    counts = page.locator("#job-counts")  # the page polls every 2 s
    sync_api.expect(counts).to_have_text("2 / 4 articles, 1 failed", timeout=15_000)
    assert page.locator("#job-bar").get_attribute("max") == "4"
    page.goto(f"{server}/jobs")
    screenshot(page, "jobs")
    page.goto(f"{server}/jobs/{job.id}")
    screenshot(page, "job")


@pytest.fixture(scope="module", autouse=True)
def fresh_screenshots() -> None:
    shutil.rmtree(SCREENSHOTS, ignore_errors=True)


# -- second round: counts after approval, two editors, history --------------------------

# The toy model loops on the headline (repetition, length_ratio): one flagged row.
TEXT = "Blinken trifft Lawrow in Genf\n\nDie Gespräche dauerten zwei Stunden."


def stored_segments(page: Any, server: str, article_id: str) -> list[dict[str, Any]]:
    document = page.request.get(f"{server}/v1/articles/{article_id}").json()
    return [segment for block in document["blocks"] for segment in block["segments"]]


def test_approving_updates_every_count_without_a_reload(page: Any, server: str) -> None:
    article_id = translate_in_page(page, server, TEXT)
    flagged = [s["id"] for s in stored_segments(page, server, article_id) if s["flags"]]
    assert flagged == ["b0s0"]
    assert page.locator("#flagged-count").text_content() == "1"
    page.click("#seg-b0s0 .tgt")
    page.fill("#seg-b0s0 textarea.editor", "Blinken meets Lavrov in Geneva")
    page.keyboard.press("Control+Enter")
    page.wait_for_selector("#seg-b0s0.status-approved")
    assert page.locator("#approved-count").text_content() == "1"
    assert page.locator("#flagged-count").text_content() == "0"
    assert page.locator("#article-status").text_content() == "in review"
    assert page.locator("#seg-b0s0 .origin").first.text_content() == "approved"
    assert page.locator("#seg-b0s0 .flag").count() == 0
    assert "flagged" not in (page.locator("#seg-b0s0").get_attribute("class") or "")


def test_a_conflict_shows_the_other_editors_text_to_choose_from(page: Any, server: str) -> None:
    article_id = translate_in_page(page, server, TEXT)
    before = stored_segments(page, server, article_id)[1]["target"]
    # Another editor saves the sentence after this page loaded it.
    theirs = page.request.patch(
        f"{server}/v1/articles/{article_id}/segments/b1s0",
        data={"target": "The talks took two hours."},
    )
    assert theirs.ok
    page.click("#seg-b1s0 .tgt")
    page.fill("#seg-b1s0 textarea.editor", "The talks went on for two hours.")
    page.click("#seg-b1s0 .actions button:text('Save')")
    conflict = page.locator("#seg-b1s0 .conflict")
    sync_api.expect(conflict).to_be_visible()
    assert conflict.locator(".conflict-theirs p").text_content() == "The talks took two hours."
    assert conflict.locator(".conflict-yours p").text_content() == (
        "The talks went on for two hours."
    )
    assert stored_segments(page, server, article_id)[1]["target"] == "The talks took two hours."
    # Said in words in the row, beside theirs and yours; no internal ids anywhere.
    assert "Another editor saved this sentence" in conflict.locator("p").first.text_content()
    said = page.locator("#message").text_content() or ""
    assert "b1s0" not in said and article_id not in said and "version" not in said
    screenshot(page, "review-conflict")

    conflict.locator("button:text('Keep mine')").click()
    page.wait_for_selector("#seg-b1s0 .tgt-text:text('The talks went on for two hours.')")
    segment = stored_segments(page, server, article_id)[1]
    assert (segment["target"], segment["version"]) == ("The talks went on for two hours.", 3)
    assert page.locator("#seg-b1s0").get_attribute("data-version") == "3"

    # The history: each earlier target as a word diff against the next.
    page.reload()
    page.click("#seg-b1s0 details.history summary")
    items = page.locator("#seg-b1s0 details.history li")
    assert items.count() == 2
    assert before != "The talks took two hours."
    newest = items.nth(1)
    assert newest.locator("del").all_text_contents() == ["took"]
    assert newest.locator("ins").all_text_contents() == ["went on for"]
    screenshot(page, "review-history")


def test_undo_one_localisation_change(page: Any, server: str) -> None:
    created = page.request.post(
        f"{server}/v1/articles",
        data={"text": "Die Gespräche begannen am 3. Oktober 2022.", "target_lang": "en-US"},
    )
    assert created.status == 201, created.text()
    article = created.json()
    [segment] = [s for block in article["blocks"] for s in block["segments"]]
    [change] = [c for c in segment["localisation"] if c["rule"] == "date"]
    assert (change["before"], change["after"]) == ("3 October", "October 3")  # the toy's English
    page.goto(f"{server}/articles/{article['id']}")
    row = page.locator(f"#seg-{segment['id']}")
    assert row.locator("mark.loc-date").text_content() == "October 3"
    index = segment["localisation"].index(change)
    row.locator(f"button.undo[data-change='{index}']").click()
    page.wait_for_selector(f"#seg-{segment['id']} mark.loc-date", state="detached")
    text = page.locator(f"#seg-{segment['id']} .tgt-text").text_content() or ""
    assert text == segment["target"].replace("October 3", "3 October")
    assert page.locator("#message").text_content() == "Change undone."
    stored = page.request.get(f"{server}/v1/articles/{article['id']}/segments/{segment['id']}")
    body = stored.json()
    assert body["target"] == text
    others = [c for c in segment["localisation"] if c != change]
    assert [c["after"] for c in body["localisation"]] == [c["after"] for c in others]
    assert [entry["target"] for entry in body["history"]] == [segment["target"]]


def test_hovering_a_word_lights_up_its_alignment(page: Any, server: str) -> None:
    article_id = translate_in_page(page, server, TEXT)
    talks = stored_segments(page, server, article_id)[1]
    assert talks["target"] == "The talks lasted two hours."
    german = page.locator("#seg-b1s0 .src .w", has_text="Gespräche")
    german.hover()
    lit = page.locator("#seg-b1s0 .tgt .w.lit")
    assert lit.all_text_contents() == ["talks"]
    assert page.locator("#seg-b1s0 .w.lit-self").all_text_contents() == ["Gespräche"]
    page.locator("#seg-b1s0 .tgt .w", has_text="hours").focus()  # focus does it too
    assert page.locator("#seg-b1s0 .src .w.lit").all_text_contents() == ["Stunden"]
    assert page.locator("#seg-b1s0 .tgt .w.lit").count() == 0
    screenshot(page, "review-alignment")


def test_j_and_k_move_between_flagged_segments(page: Any, server: str) -> None:
    text = (
        "Der Kanzler reiste nach Paris.\n\nDie Gespräche dauerten zwei Stunden.\n\n"
        "Russland bestreitet jegliche Angriffspläne."
    )
    article_id = translate_in_page(page, server, text)
    flagged = [s["id"] for s in stored_segments(page, server, article_id) if s["flags"]]
    assert flagged == ["b0s0", "b2s0"]

    def focused() -> str:
        return str(page.evaluate("document.activeElement.closest('.seg').dataset.segment"))

    page.locator("h1").click()
    page.keyboard.press("j")
    assert focused() == "b0s0"
    page.keyboard.press("j")
    assert focused() == "b2s0"
    page.keyboard.press("j")  # wraps round
    assert focused() == "b0s0"
    page.keyboard.press("k")
    assert focused() == "b2s0"
    page.keyboard.press("k")
    assert focused() == "b0s0"
    page.keyboard.press("Enter")  # and the focused row opens for editing
    page.keyboard.type("j")  # typed into the editor, not a jump
    assert focused() == "b0s0"
    assert page.locator("#seg-b0s0 textarea.editor").input_value().endswith("j")


def test_the_paste_form_fills_rows_in_as_they_are_translated(page: Any, server: str) -> None:
    text = "\n\n".join(
        [
            "Die Gespräche dauerten drei Stunden. Der Präsident traf den Außenminister.",
            "Die Regierung kündigte am Montag neue Sanktionen an.",
            "Die Außenminister trafen sich in Genf. Der Gipfel endete ohne Einigung.",
            "Die Ministerin besuchte am Dienstag die Ukraine.",
        ]
    )
    page.goto(f"{server}/")
    # What the progress shows, kept across the navigation to the review page.
    page.evaluate(
        """() => {
            sessionStorage.setItem('seen', '[]');
            new MutationObserver(() => {
                const seen = JSON.parse(sessionStorage.getItem('seen'));
                seen.push([document.querySelectorAll('#progress-rows tr').length,
                           document.getElementById('progress-count').textContent,
                           document.getElementById('progress-total').textContent]);
                sessionStorage.setItem('seen', JSON.stringify(seen));
            }).observe(document.getElementById('progress'), {subtree: true, childList: true,
                                                             characterData: true});
        }"""
    )
    page.fill("#new-text", text)
    with page.expect_navigation(url="**/articles/*"):
        page.click("#new button[type=submit]")
    seen = page.evaluate("JSON.parse(sessionStorage.getItem('seen'))")
    rows = [entry[0] for entry in seen]
    assert rows == sorted(rows) and rows[-1] == 6
    assert [entry for entry in seen if entry[2] != "…"][-1][1:] == ["6", "6"]
    assert {entry[1] for entry in seen} >= {"4", "6"}  # two engine runs, counted
    assert page.locator(".seg").count() == 6


def test_on_a_phone_the_glossary_terms_start_folded(page: Any, server: str) -> None:
    page.set_viewport_size(PHONE)
    translate_in_page(page, server, TEXT)
    legend = page.locator("details.legend")
    assert legend.get_attribute("open") is None  # the sentences come first
    assert legend.locator("summary").text_content() == "Glossary: 2 terms"  # Blinken, Lawrow
    page.set_viewport_size(DESKTOP)
    page.reload()
    assert page.locator("details.legend").get_attribute("open") is not None
