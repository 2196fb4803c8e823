import html
import re
from pathlib import Path

import lxml.html
import pytest
from fastapi.testclient import TestClient
from lxml.etree import _Element

from glossary.defaults import default_glossary
from models.marian import MarianEngine
from service.errors import MarkupTooDeep
from service.markup.formats import read_article
from service.markup.html import read_html
from service.pipeline.translator import Translator
from tests.conftest import ARTICLE, run_cli
from tests.fakes import WordEngine


def words_translator() -> Translator:
    return Translator(WordEngine())


def structure(markup: str) -> list[tuple[str, dict[str, str]]]:
    """Every element of a fragment with its attributes, in document order."""
    root = lxml.html.fragment_fromstring(markup, create_parent="div")
    return [(str(e.tag), dict(e.attrib)) for e in root.iterdescendants() if isinstance(e.tag, str)]


def element_text(markup: str, xpath: str) -> list[str]:
    root = lxml.html.fragment_fromstring(markup, create_parent="div")
    found = root.xpath(xpath)
    return [e.text_content() for e in found if isinstance(e, _Element)]


def test_reader_extracts_blocks_with_kinds_paths_and_collapsed_space() -> None:
    article = read_article(
        "<h1>Titel</h1>\n<p>Ein   <b>fetter</b>\n Satz.</p><ul><li>Eins</li><li>Zwei</li></ul>"
        "<blockquote><p>Zitat.</p></blockquote><h2>Mehr</h2>",
        "html",
    )
    assert article.text == "Titel\n\nEin fetter Satz.\n\nEins\n\nZwei\n\nZitat.\n\nMehr"
    assert [(b.kind, b.path) for b in article.blocks] == [
        ("title", "/h1"),
        ("paragraph", "/p"),
        ("list_item", "/ul/li[1]"),
        ("list_item", "/ul/li[2]"),
        ("quote", "/blockquote/p"),
        ("heading", "/h2"),
    ]
    (bold,) = article.blocks[1].marks
    assert article.text[bold.start : bold.end] == "fetter"


def test_reader_leaves_code_scripts_and_protected_parts_unread() -> None:
    article = read_article(
        '<p>Sichtbar.</p><script>var x = "<p>Nein</p>";</script><style>p {}</style>'
        '<pre>Code hier.</pre><p translate="no">Geschützt.</p><div class="notranslate x">'
        "<p>Auch geschützt.</p></div><p>Auch sichtbar.</p>",
        "html",
    )
    assert article.text == "Sichtbar.\n\nAuch sichtbar."


def test_inline_marks_follow_the_alignment_to_reordered_english() -> None:
    source = (
        '<p class="lead">Gestern hat der Minister <b>Lawrow</b> '
        '<a href="https://example.org/?a=1&amp;b=2" title="Treffen">getroffen</a>.</p>'
    )
    document = words_translator().translate(source, "html")
    assert document.target_document == (
        '<p class="lead">Yesterday the minister <a href="https://example.org/?a=1&amp;b=2" '
        'title="Treffen">met</a> <b>Lavrov</b>.</p>'
    )
    assert document.blocks[0].path == "/p"
    assert document.segments()[0].source == "Gestern hat der Minister Lawrow getroffen."


def test_structure_and_attributes_survive_and_the_output_is_well_formed() -> None:
    source = (
        '<h1 id="top">Die Gespräche dauern an.</h1>\n'
        '<p class="x"><span lang="de" data-k="v">Russland</span> hat Soldaten geschickt.</p>\n'
        "<table><tr><td>Die Gespräche dauern an.</td></tr></table>\n"
        '<ol start="3"><li><em>Die Gespräche</em> dauern an.</li></ol>'
    )
    output = words_translator().translate(source, "html").target_document
    assert structure(output) == structure(source)
    assert element_text(output, "//span") == ["Russia"]
    assert element_text(output, "//em") == ["The talks"]
    assert element_text(output, "//td") == ["The talks continue."]
    lxml.html.fragment_fromstring(output, create_parent="div")  # parses


def test_code_and_translate_no_are_kept_verbatim_in_place() -> None:
    engine = WordEngine()
    source = (
        "<p>Gestern hat der Minister <code>Lawrow</code> getroffen.</p>"
        '<p>Russland hat <span translate="no">Soldaten</span> geschickt.</p>'
        "<p><code>x &lt; 1</code></p>"
    )
    document = Translator(engine).translate(source, "html")
    assert document.target_document == (
        "<p>Yesterday the minister met <code>Lawrow</code>.</p>"
        '<p>Russia has sent <span translate="no">Soldaten</span>.</p>'
        "<p><code>x &lt; 1</code></p>"
    )
    assert document.segments()[2].origin == "kept"  # code alone is not translated
    assert "x < 1" not in engine.seen


def test_a_whole_document_keeps_head_doctype_and_scripts() -> None:
    source = (
        "<!DOCTYPE html>\n<html><head><title>Seite</title><script>let a = 1;</script></head>"
        "<body><p>Die Gespräche dauern an.</p></body></html>"
    )
    output = words_translator().translate(source, "html").target_document
    assert output.startswith("<!DOCTYPE html>")
    assert "<title>Seite</title>" in output and "<script>let a = 1;</script>" in output
    assert "<p>The talks continue.</p>" in output


def test_markup_without_text_is_empty_input() -> None:
    from service.errors import EmptyInput

    with pytest.raises(EmptyInput):
        words_translator().translate("<p> </p><script>x</script>", "html")


def test_api_translates_html(client: TestClient) -> None:
    response = client.post(
        "/v1/translate",
        json={"text": "<h1>Russland</h1><p>Der Minister <b>kommt</b>.</p>", "format": "html"},
    )
    assert response.status_code == 200, response.text
    document = response.json()
    assert [block["path"] for block in document["blocks"]] == ["/h1", "/p"]
    assert structure(document["target_document"]) == [("h1", {}), ("p", {}), ("b", {})]
    assert "<" not in document["target_text"]


def article_as_html(text: str) -> str:
    """The shared article: headline in <h1>, paragraphs in <p>, a link and a bold name."""
    paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
    headline, body = paragraphs[2], paragraphs[3:-1]
    parts = [f"<h1>{html.escape(headline)}</h1>"]
    for paragraph in body:
        escaped = html.escape(paragraph, quote=False)
        escaped = escaped.replace("Sergej Lawrow", "<b>Sergej Lawrow</b>")
        escaped = escaped.replace(
            "100.000 Soldaten", '100.000 <a href="https://example.org/truppen">Soldaten</a>'
        )
        parts.append(f"<p>{escaped}</p>")
    return "\n".join(parts)


@pytest.mark.slow
@pytest.mark.skipif(not ARTICLE.exists(), reason=f"{ARTICLE} is absent")
def test_shared_article_as_html_keeps_structure_link_and_bold_name(
    toy_engine: MarianEngine,
) -> None:
    source = article_as_html(Path(ARTICLE).read_text(encoding="utf-8"))
    translator = Translator(toy_engine, glossary=default_glossary())
    document = translator.translate(source, "html")
    output = document.target_document
    assert structure(output) == structure(source)
    assert [block.kind for block in document.blocks][:2] == ["title", "paragraph"]
    # The toy model writes "Sergei Lavrov" (glossary) and "soldiers" for the marked words.
    assert element_text(output, "//b") == ["Sergei Lavrov"]
    assert element_text(output, "//a") == ["soldiers"]
    (link,) = lxml.html.fragment_fromstring(output, create_parent="div").xpath("//a")
    assert link.get("href") == "https://example.org/truppen"
    assert not re.search(r"Lawrow|Soldaten", document.target_text.split("\n\n")[2])


def test_a_stored_html_article_follows_edits_with_its_markup(client: TestClient) -> None:
    source = '<h1>Russland</h1><p class="x">Der Minister <b>kommt</b> heute.</p>'
    created = client.post("/v1/articles", json={"text": source, "format": "html"}).json()
    segment = created["blocks"][1]["segments"][0]
    edited = client.patch(
        f"/v1/articles/{created['id']}/segments/{segment['id']}",
        json={"target": "The minister arrives today."},
    )
    assert edited.status_code == 200, edited.text
    article = client.get(f"/v1/articles/{created['id']}").json()
    assert article["target_text"].endswith("The minister arrives today.")
    # No alignment for an edit: the bold moves proportionally, onto whole words.
    assert structure(article["target_document"]) == structure(source)
    assert element_text(article["target_document"], "//p") == ["The minister arrives today."]
    assert element_text(article["target_document"], "//b") == ["arrives"]


def test_cli_reads_html_by_file_name(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text('<p>Der Minister <a href="/x">kommt</a>.</p>', encoding="utf-8")
    done = run_cli("translate", str(page), "--model", "toy", "--no-glossary")
    assert done.returncode == 0, done.stderr.decode()
    output = done.stdout.decode()
    assert structure(output) == [("p", {}), ("a", {"href": "/x"})]
    assert "Minister" not in output


def test_scripts_images_and_line_breaks_inside_a_block_are_kept_but_not_read() -> None:
    source = '<p>Die Gespräche<br>dauern <script>var x = 1;</script>an.<img src="k.png"></p>'
    document = words_translator().translate(source, "html")
    assert document.segments()[0].source == "Die Gespräche dauern an."
    output = document.target_document
    assert [tag for tag, _ in structure(output)] == ["p", "br", "script", "img"]
    # Each after the English of the German word it followed (the break after "Gespräche").
    assert output == ('<p>The talks<br> continue.<script>var x = 1;</script><img src="k.png"></p>')


def test_text_before_a_nested_block_is_a_block_of_its_own() -> None:
    source = (
        "<ul><li>Die Gespräche dauern an.<ul><li>Russland hat <b>Soldaten</b> geschickt."
        "</li></ul></li></ul>"
    )
    document = words_translator().translate(source, "html")
    assert [(block.kind, block.path) for block in document.blocks] == [
        ("list_item", "/ul/li"),
        ("list_item", "/ul/li/ul/li"),
    ]
    assert document.target_document == (
        "<ul><li>The talks continue.<ul><li>Russia has sent <b>troops</b>.</li></ul></li></ul>"
    )


def test_markup_nested_deeper_than_the_parser_reads_is_refused_not_emptied() -> None:
    assert read_html("<div>" * 250 + "Der Minister kommt." + "</div>" * 250).text.strip()
    with pytest.raises(MarkupTooDeep, match="flatten"):
        read_html("<div>" * 5000 + "Der Minister kommt." + "</div>" * 5000)
