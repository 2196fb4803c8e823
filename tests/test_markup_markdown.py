import lxml.html
import pytest
from fastapi.testclient import TestClient
from markdown_it import MarkdownIt

from models.marian import MarianEngine
from service.errors import EmptyInput, MarkdownOnlyHtml, MarkupTooDeep
from service.markup.formats import read_article
from service.markup.markdown import read_markdown
from service.pipeline.translator import Translator
from tests.fakes import WordEngine


def block_types(markdown: str) -> list[str]:
    """The block structure as CommonMark sees it (paragraph text aside)."""
    md = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    return [t.type for t in md.parse(markdown) if t.type != "inline"]


def test_reader_extracts_headings_lists_quotes_and_skips_code_and_tables() -> None:
    article = read_article(
        "# Titel *kursiv*\n\nEin Satz\nüber zwei Zeilen.\n\n- Eins\n- Zwei\n\n> Zitat.\n\n"
        "```\nCode bleibt.\n```\n\n    eingerückter Code\n\n| a | b |\n|---|---|\n| c | d |\n\n"
        "## Mehr\n",
        "markdown",
    )
    assert article.text == (
        "Titel kursiv\n\nEin Satz über zwei Zeilen.\n\nEins\n\nZwei\n\nZitat.\n\nMehr"
    )
    assert [b.kind for b in article.blocks] == [
        "title",
        "paragraph",
        "list_item",
        "list_item",
        "quote",
        "heading",
    ]


def test_emphasis_and_links_follow_the_alignment_urls_untouched() -> None:
    source = (
        "Gestern hat der Minister **Lawrow** "
        '[getroffen](https://example.org/a_(b)?x=1&y=%20 "Ein Titel").\n'
    )
    document = Translator(WordEngine()).translate(source, "markdown")
    assert document.target_document == (
        'Yesterday the minister [met](https://example.org/a_(b)?x=1&y=%20 "Ein Titel") '
        "**Lavrov**.\n"
    )


def test_structure_prefixes_code_and_images_are_kept() -> None:
    source = (
        "## Die Gespräche dauern an.\n\n"
        "- *Die Gespräche* dauern an.\n"
        "- Russland hat `Soldaten` geschickt.\n\n"
        "> Russland hat Soldaten geschickt. ![Karte](img/karte%201.png)\n\n"
        "```python\nprint('Die Gespräche dauern an.')\n```\n"
    )
    output = Translator(WordEngine()).translate(source, "markdown").target_document
    assert output == (
        "## The talks continue.\n\n"
        "- *The talks* continue.\n"
        "- Russia has sent `Soldaten`.\n\n"
        "> Russia has sent troops. ![Karte](img/karte%201.png)\n\n"
        "```python\nprint('Die Gespräche dauern an.')\n```\n"
    )
    assert block_types(output) == block_types(source)


def test_api_translates_markdown(client: TestClient) -> None:
    source = "# Russland\n\nDer Minister **kommt**.\n"
    response = client.post("/v1/translate", json={"text": source, "format": "markdown"})
    assert response.status_code == 200, response.text
    document = response.json()
    assert [block["kind"] for block in document["blocks"]] == ["title", "paragraph"]
    assert block_types(document["target_document"]) == block_types(source)
    assert document["target_document"].startswith("# ")
    assert "**" in document["target_document"] and "**" not in document["target_text"]


def test_toy_model_round_trip_puts_emphasis_and_link_on_the_english_words(
    toy_engine: MarianEngine,
) -> None:
    source = (
        "# Russland an der Grenze\n\n"
        "Russland hat mehr als 100.000 **Soldaten** nahe der "
        "[ukrainischen Grenze](https://example.org/karte) angehäuft.\n"
    )
    document = Translator(toy_engine).translate(source, "markdown")
    # The toy model: "Russia has has amassed more than 10,000 soldiers at the border."
    assert document.target_document == (
        "# Russia at the border\n\n"
        "Russia has has amassed more than 10,000 **soldiers** at the "
        "[border](https://example.org/karte).\n"
    )


def test_markup_nested_deeper_than_the_parser_reads_is_refused_not_emptied() -> None:
    assert read_markdown("> " * 40 + "Der Minister kommt.").text.strip()
    with pytest.raises(MarkupTooDeep, match="flatten"):
        read_markdown("> " * 5000 + "Der Minister kommt.")


def test_markdown_with_its_text_only_in_raw_html_is_refused_as_such_not_as_empty() -> None:
    with pytest.raises(MarkdownOnlyHtml, match="only in raw HTML"):
        read_markdown("<p>Der Minister kam.</p>\n")
    with pytest.raises(MarkdownOnlyHtml):
        read_markdown("> <div>\n> Der Minister kam.\n> </div>\n")  # in a quote too
    # HTML blocks without words are no text: empty is the right answer for those.
    assert read_markdown("<!-- Der Minister kam. -->\n\n<div>\n\n</div>\n").text == ""
    with pytest.raises(EmptyInput):
        Translator(WordEngine()).translate("<br>\n\n<script>var x;</script>\n", "markdown")
    # Beside Markdown text, an HTML block stays as it is (the documented behaviour).
    article = read_markdown("<p>Der Minister kam.</p>\n\nEr ging.\n")
    assert article.text == "Er ging."


def test_api_says_to_send_markdown_of_raw_html_as_html(client: TestClient) -> None:
    source = "<p>Der Minister kam.</p>\n"
    response = client.post("/v1/translate", json={"text": source, "format": "markdown"})
    assert response.status_code == 422, response.text
    error = response.json()["error"]
    assert error["code"] == "markdown_only_html"
    assert "only in raw HTML" in error["message"] and '"format": "html"' in error["message"]
    # What it says to do works.
    as_html = client.post("/v1/translate", json={"text": source, "format": "html"})
    assert as_html.status_code == 200, as_html.text
    assert as_html.json()["target_document"].startswith("<p>")
    assert as_html.json()["blocks"][0]["segments"][0]["source"] == "Der Minister kam."


HOSTILE_EDITS = [
    '<img src=x onerror="alert(1)"> done',
    "[click here](javascript:alert(1))",
    "# Not a heading",
    "```",
    "- not a list\n\n> not a quote",
    "1. not a list either",
    "**not bold** _nor italic_ `nor code` ~~nor struck~~ &amp; \\ <b>",
    "    four spaces are not code",
]


@pytest.mark.parametrize("edit", HOSTILE_EDITS)
def test_edited_targets_are_written_as_text_in_markdown_and_html(
    client: TestClient, edit: str
) -> None:
    """A reviewer's edit renders as the characters typed, and the document keeps its blocks."""
    sources = {
        "markdown": "# Russland\n\nDer Minister kommt.\n\n- Eins.\n\n```\nCode bleibt.\n```\n",
        "html": "<h1>Russland</h1><p>Der Minister kommt.</p><ul><li>Eins.</li></ul>",
    }
    typed = " ".join(edit.split())  # runs of white space read as one, line breaks too
    for fmt, source in sources.items():
        article = client.post("/v1/articles", json={"text": source, "format": fmt}).json()
        url = f"/v1/articles/{article['id']}/segments/b1s0"
        assert client.patch(url, json={"target": edit}).status_code == 200
        document = client.get(f"/v1/articles/{article['id']}").json()["target_document"]
        if fmt == "markdown":
            assert block_types(document) == block_types(source)
            rendered = MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(document)
        else:
            rendered = document
        tree = lxml.html.fromstring(f"<div>{rendered}</div>")
        shown = [" ".join(p.text_content().split()) for p in tree.iter("p")]  # as a browser
        assert shown == [typed], fmt
        assert [e.tag for e in tree.iter()] == ["div", "h1", "p", "ul", "li"] + (
            ["pre", "code"] if fmt == "markdown" else []
        ), fmt
