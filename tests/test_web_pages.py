"""The review pages through the ASGI client: template and context, then the markup."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import lxml.html
import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr
from translate.storage import tmx

from models.marian import MarianEngine
from service.app import create_app
from service.settings import Settings
from tests.test_api_articles import create
from tests.test_api_translate import ARTICLE, segments

HOSTILE = (
    "Angriff <script>window.pwned = 1</script> im Netz\n\n"
    'Ein Bild <img src=x onerror="window.pwned = 2"> erschien. '
    'Der Link <a href="javascript:window.pwned=3">hier</a> ist gefährlich.\n\n'
    "Zum Schluss <svg/onload=alert(4)> und <iframe srcdoc='<script>alert(5)</script>'>."
)
KEY = "k" * 24
SCRIPTS = ["/static/review.js", "/static/jobs.js"]  # the only scripts a page loads


def page(response: Any) -> Any:
    assert response.headers["content-type"].startswith("text/html")
    return lxml.html.fromstring(response.text)


def token(client: TestClient) -> str:
    return str(page(client.get("/")).xpath("//meta[@name='csrf-token']/@content")[0])


def test_the_list_shows_counts_and_filters(client: TestClient) -> None:
    first = create(client, ARTICLE)
    create(client, "Kurz und gut.", title="Zweiter Artikel")
    client.patch(f"/v1/articles/{first['id']}/segments/b0s0", json={"status": "approved"})
    response = client.get("/")
    assert response.status_code == 200
    assert response.template.name == "index.html"  # type: ignore[attr-defined]
    assert response.context["count"] == 2  # type: ignore[attr-defined]
    rows = page(response).cssselect("tr.article-row")
    assert [row.cssselect("td.title a")[0].text for row in rows] == [
        "Zweiter Artikel",
        "Blinken trifft Lawrow in Genf",
    ]
    cells = [cell.text_content() for cell in rows[1].cssselect("td.num")]
    assert cells[:2] == [str(len(segments(first))), "1"]  # segments, approved
    assert rows[1].cssselect("td.title a")[0].get("href") == f"/articles/{first['id']}"

    def titles(**params: str) -> list[str]:
        listing = page(client.get("/", params=params))
        return [link.text for link in listing.cssselect("td.title a")]

    assert titles(status="in_review") == ["Blinken trifft Lawrow in Genf"]
    assert titles(q="kurz UND") == ["Zweiter Artikel"]  # the German, ignoring case
    assert titles(q=segments(first)[-1]["target"][:12]) == ["Blinken trifft Lawrow in Genf"]
    assert titles(q="100%_") == []
    listed = client.get("/v1/articles").json()["items"]
    for flag in {flag for summary in listed for flag in summary["flags"]} | {"repetition"}:
        assert titles(flag=flag) == [item["title"] for item in listed if flag in item["flags"]]
    assert client.get("/", params={"status": "lost"}).status_code == 422


def test_the_review_page_aligns_rows_by_paragraph(client: TestClient) -> None:
    article = create(client, ARTICLE)
    response = client.get(f"/articles/{article['id']}")
    assert response.template.name == "article.html"  # type: ignore[attr-defined]
    html = page(response)
    blocks = html.cssselect("section.block")
    assert [block.get("class") for block in blocks] == [
        f"block block-{block['kind']}" for block in article["blocks"]
    ]
    for block, stored in zip(blocks, article["blocks"], strict=True):
        rows = block.cssselect("div.seg")
        assert [row.get("data-segment") for row in rows] == [s["id"] for s in stored["segments"]]
        for row, segment in zip(rows, stored["segments"], strict=True):
            assert row.cssselect(".src")[0].text_content() == segment["source"]
            assert row.cssselect(".tgt-text")[0].text_content() == segment["target"]
            assert f"score {segment['score']:.2f}" in row.cssselect(".tgt")[0].get("title")


def test_terms_share_a_colour_on_both_sides_and_flags_are_named(
    toy_engine: MarianEngine, api_settings: Settings
) -> None:
    settings = api_settings.model_copy(update={"glossary": "news-de-en"})
    with TestClient(create_app(settings, engine=toy_engine), base_url="http://localhost") as client:
        article = create(client, ARTICLE)
        html = page(client.get(f"/articles/{article['id']}"))
    for segment in segments(article):
        row = html.cssselect(f"#seg-{segment['id']}")[0]
        flags = [flag.text for flag in row.cssselect(".flag")]
        assert flags == [flag.replace("_", " ") for flag in segment["flags"]]
        assert ("flagged" in row.get("class")) == bool(segment["flags"])
        for term in segment["terms"]:
            marks = [
                mark
                for mark in row.cssselect(".src mark.term")
                if mark.get("title").startswith(f"{term['entry']} → ")
            ]
            assert marks and marks[0].text_content() == term["source"]
            assert term["status"] in marks[0].get("title")
            if term["target_span"] is not None:
                target = row.cssselect(f".tgt mark.term[title='{marks[0].get('title')}']")
                assert target and target[0].get("class") == marks[0].get("class")
    assert any(segment["terms"] for segment in segments(article))


def test_a_hostile_article_is_text(client: TestClient) -> None:
    article = create(client, HOSTILE)
    for url in ("/", f"/articles/{article['id']}"):
        response = client.get(url)
        assert "script-src 'self'" in response.headers["content-security-policy"]
        html = page(response)
        assert [script.get("src") for script in html.iter("script")] == SCRIPTS
        assert not [
            name for element in html.iter() for name in element.attrib if name.startswith("on")
        ]
        assert not html.xpath("//*[starts-with(normalize-space(@href), 'javascript:')]")
        assert not html.cssselect("img, svg, iframe")
    sources = [s.text_content() for s in html.cssselect(".src")]
    assert "<script>window.pwned = 1</script>" in sources[0]
    assert 'onerror="window.pwned = 2"' in " ".join(sources)


def test_edits_need_the_csrf_token_and_keep_history(client: TestClient) -> None:
    article = create(client, ARTICLE)
    url = f"/articles/{article['id']}/segments/b2s0"
    assert client.post(url, json={"target": "No deal."}).status_code == 403
    csrf = token(client)
    forged = client.post(url, json={"target": "x"}, headers={"X-CSRF-Token": "forged"})
    assert forged.status_code == 403 and forged.json()["error"]["code"] == "forbidden"
    cross_site = client.post(
        url, json={"target": "x"}, headers={"X-CSRF-Token": csrf, "Origin": "https://evil.test"}
    )
    assert cross_site.status_code == 403
    saved = client.post(url, json={"target": "No deal."}, headers={"X-CSRF-Token": csrf})
    assert saved.status_code == 200, saved.text
    row = lxml.html.fromstring(saved.json()["row"])
    assert row.cssselect(".tgt-text")[0].text_content() == "No deal."
    approved = client.post(url, json={"status": "approved"}, headers={"X-CSRF-Token": csrf})
    assert approved.json()["segment"]["status"] == "approved"
    assert approved.json()["article"]["approved"] == 1
    history = client.get(f"/v1/articles/{article['id']}/segments/b2s0").json()["history"]
    assert [entry["target"] for entry in history] == [segments(article)[-1]["target"], "No deal."]

    again = create(client, "Eine Einigung gab es nicht.")
    assert (segments(again)[0]["target"], segments(again)[0]["origin"]) == ("No deal.", "approved")


def test_forms_translate_approve_and_export(client: TestClient) -> None:
    assert client.post("/articles", data={"text": ARTICLE}).status_code == 403
    csrf = token(client)
    created = client.post(
        "/articles", data={"text": ARTICLE, "csrf_token": csrf}, follow_redirects=False
    )
    assert created.status_code == 303
    location = created.headers["location"]
    article_id = location.rsplit("/", 1)[1]
    empty = client.post("/articles", data={"text": "  ", "csrf_token": csrf})
    assert empty.status_code == 422 and page(empty).cssselect(".error-message")

    approved = client.post(
        f"/articles/{article_id}/approve-unflagged",
        data={"csrf_token": csrf},
        follow_redirects=False,
    )
    assert approved.status_code == 303 and approved.headers["location"] == location
    stored = client.get(f"/v1/articles/{article_id}").json()
    for segment in segments(stored):
        assert segment["status"] == ("draft" if segment["flags"] else "approved")

    exported = client.get(f"/articles/{article_id}/export", params={"format": "tmx"})
    assert exported.headers["content-disposition"] == f'attachment; filename="{article_id}.tmx"'
    units = tmx.tmxfile.parsestring(exported.content).units
    assert [unit.source for unit in units] == [s["source"] for s in segments(stored)]
    text = client.get(f"/articles/{article_id}/export", params={"format": "txt"}).text
    assert text == stored["target_text"]


def test_page_errors_render_the_error_page(client: TestClient) -> None:
    missing = client.get("/articles/0123456789abcdef")
    assert missing.status_code == 404
    assert "no article" in page(missing).cssselect(".error-message")[0].text
    assert client.get("/v1/articles/0123456789abcdef").json()["error"]["code"] == "not_found"


def test_splitting_from_the_page(client: TestClient) -> None:
    article = create(client, ARTICLE)
    csrf = token(client)
    source = segments(article)[1]["source"]
    response = client.post(
        f"/articles/{article['id']}/segments/b1s0/split",
        json={"offset": source.index("seinem")},
        headers={"X-CSRF-Token": csrf},
    )
    assert response.json() == {"segments": ["b1s2", "b1s3"]}
    rows = page(client.get(f"/articles/{article['id']}")).cssselect("section.block")[1]
    assert [row.get("data-segment") for row in rows.cssselect(".seg")] == ["b1s2", "b1s3", "b1s1"]


@pytest.fixture
def locked(toy_engine: MarianEngine, api_settings: Settings) -> Iterator[TestClient]:
    settings = Settings(model="toy", db=api_settings.db, api_key=SecretStr(KEY), glossary="")
    with TestClient(create_app(settings, engine=toy_engine), base_url="http://localhost") as client:
        yield client


def test_with_an_api_key_the_pages_need_a_login(locked: TestClient) -> None:
    redirect = locked.get("/articles/0123456789abcdef", follow_redirects=False)
    assert redirect.status_code == 303
    assert redirect.headers["location"] == "/login?next=/articles/0123456789abcdef"
    login = locked.get("/login")
    csrf = str(page(login).xpath("//input[@name='csrf_token']/@value")[0])
    wrong = locked.post("/login", data={"key": "wrong", "csrf_token": csrf})
    assert wrong.status_code == 401 and "mtdesk_session" not in wrong.cookies
    json_action = locked.post(
        "/articles/0123456789abcdef/segments/b0s0", json={}, headers={"X-CSRF-Token": csrf}
    )
    assert json_action.status_code == 401

    right = locked.post(
        "/login", data={"key": KEY, "next": "/", "csrf_token": csrf}, follow_redirects=False
    )
    assert right.status_code == 303 and right.headers["location"] == "/"
    cookie = right.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie
    assert locked.get("/").status_code == 200
    outside = locked.post(
        "/login",
        data={"key": KEY, "next": "//evil.test", "csrf_token": csrf},
        follow_redirects=False,
    )
    assert outside.headers["location"] == "/"
    for target in ("/\\evil.test", "https://evil.test/", "/ok\n"):
        form = {"key": KEY, "next": target, "csrf_token": csrf}
        assert locked.post("/login", data=form, follow_redirects=False).headers["location"] == "/"


@pytest.mark.parametrize(
    "cookie",
    ["", "junk", "1.abc", "99999999999.abc", "²³.abc", "9999999999.ä", "0.0", "9" * 5000 + ".0"],
)
def test_a_forged_session_is_a_login(locked: TestClient, cookie: str) -> None:
    raw = {b"cookie": b"mtdesk_session=" + cookie.encode()}  # bytes: not only ASCII
    response = locked.get("/", headers=raw, follow_redirects=False)
    assert (response.status_code, response.headers["location"]) == (303, "/login?next=/")


def test_pages_name_a_favicon_that_is_served(client: TestClient) -> None:
    page = client.get("/")
    assert '<link rel="icon" href="/static/favicon.svg"' in page.text
    for path in ("/static/favicon.svg", "/favicon.ico"):
        icon = client.get(path)
        assert icon.status_code == 200 and icon.headers["content-type"].startswith("image/svg")


def test_the_history_shows_each_earlier_target_as_a_word_diff(client: TestClient) -> None:
    article = create(client, ARTICLE)
    url = f"/articles/{article['id']}/segments/b2s0"
    csrf = token(client)
    client.post(url, json={"target": "There was no deal."}, headers={"X-CSRF-Token": csrf})
    saved = client.post(
        url, json={"target": "There was no agreement."}, headers={"X-CSRF-Token": csrf}
    ).json()
    row = lxml.html.fromstring(saved["row"])
    assert row.get("data-version") == "3"
    items = row.cssselect("details.history li")
    assert len(items) == 2
    first, second = items
    assert first.cssselect(".origin")[0].text == "model"
    assert [d.text for d in second.cssselect("del")] == ["deal."]
    assert [i.text for i in second.cssselect("ins")] == ["agreement."]
    assert second.cssselect(".diff")[0].text_content() == "There was no deal.agreement."
    whole = page(client.get(f"/articles/{article['id']}"))
    assert len(whole.cssselect("#seg-b2s0 details.history li")) == 2


def test_the_segment_count_takes_its_number(client: TestClient) -> None:
    one = client.post("/v1/articles", json={"text": "Die Gespräche dauerten zwei Stunden."}).json()
    counts = page(client.get(f"/articles/{one['id']}")).cssselect("p.counts")[0]
    assert counts.text_content().startswith("1 segment ·")
    two = client.post("/v1/articles", json={"text": "Blinken kam. Lawrow ging."}).json()
    counts = page(client.get(f"/articles/{two['id']}")).cssselect("p.counts")[0]
    assert counts.text_content().startswith("2 segments ·")
