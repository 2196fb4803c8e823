"""A story update on the review page in a real browser (Playwright, Debian's Chromium):
update from new German, the changed sentences marked and filtered, the German word diff
and the English before beside a changed sentence; approve-all leaves those for a human."""

from __future__ import annotations

from typing import Any

import pytest

from tests.test_revisions_carry import FIRST, SECOND
from tests.test_web_browser import (  # noqa: F401 (fixtures)
    CHROMIUM,
    app,
    browser,
    page,
    screenshot,
    server,
    translate_in_page,
)

pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
pytestmark = [
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason=f"no Chromium at {CHROMIUM} (apt-get install chromium, or set MTDESK_CHROMIUM)",
    ),
    pytest.mark.slow,
]


def test_updating_a_story_shows_what_changed(page: Any, server: str) -> None:  # noqa: F811
    article_id = translate_in_page(page, server, FIRST)
    # a reviewer approved the third sentence before the story changed
    page.click("#seg-b1s1 .tgt")
    page.keyboard.press("Control+Enter")
    page.wait_for_selector("#seg-b1s1.status-approved")
    before = page.locator("#seg-b1s0 .tgt-text").text_content()

    page.click(".update-form summary")
    page.fill("#update-text", SECOND)
    with page.expect_navigation():
        page.click(".update-form button[type=submit]")

    assert page.url.endswith(f"/articles/{article_id}?changed=1")
    rows = page.locator(".seg")
    assert rows.count() == 3  # only what changed since its last approval
    assert page.locator(".badge.revised").all_text_contents() == ["changed", "changed", "new"]
    changed = page.locator("#seg-b1s0")
    assert changed.locator(".previous-version").is_visible()
    assert changed.locator(".prev-src del").text_content() == "drei"
    assert changed.locator(".prev-src ins").text_content() == "vier"
    assert changed.locator(".prev-tgt").text_content() == before
    screenshot(page, "review-changed")

    page.click("text=show all")
    assert page.locator(".seg").count() == 7
    assert "status-approved" in (page.locator("#seg-b1s1").get_attribute("class") or "")
    assert page.locator("#seg-b1s1 .badge.revised").count() == 0  # kept as approved

    with page.expect_navigation():
        page.click("text=Approve all unflagged")
    for segment_id in ("b1s0", "b1s2"):
        assert "status-draft" in (page.locator(f"#seg-{segment_id}").get_attribute("class") or "")
    assert page.locator("#changed-filter").count() == 1
