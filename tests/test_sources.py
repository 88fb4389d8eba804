"""Reading articles from bytes: limits, encodings, Markdown, HTML, and the sample files."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from assistant.errors import InputError
from assistant.segment import segment_article
from assistant.sources import html_to_text, markdown_to_text, read_article

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
HINDI = "यह एक छोटा हिंदी लेख है। इसमें दो वाक्य हैं।"


# --- limits and encodings ---------------------------------------------------------------


def test_ten_megabytes_is_refused_with_size_and_limit() -> None:
    data = ("क" * 10).encode("utf-8") * 350_000  # 10.5 MB
    with pytest.raises(InputError) as info:
        read_article(data, "big.txt")
    message = str(info.value)
    assert "too large" in message
    assert "10.5 MB" in message and "2.0 MB" in message
    assert "ASSISTANT_MAX_BYTES" in message


def test_limit_comes_from_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ASSISTANT_MAX_BYTES", "100")
    with pytest.raises(InputError, match="too large"):
        read_article(HINDI.encode("utf-8") * 3, "a.txt")
    assert read_article(HINDI.encode("utf-8") * 3, "a.txt", max_bytes=10_000).startswith("यह")


@pytest.mark.parametrize(
    ("data", "filename", "message"),
    [
        (b"", "empty.txt", "empty"),
        (b"  \n\n\t ", "blank.txt", "empty"),
        (b"\x00\x01\x02PK\x00\x00garbage\x00" * 10, "article.txt", "binary file, not text"),
        ("Une brève note écrite en français.".encode("latin-1"), "note.txt", "not UTF-8"),
        (b"%PDF-1.4\n", "article.pdf", "PDF"),
    ],
)
def test_unreadable_files_raise_input_error(data: bytes, filename: str, message: str) -> None:
    with pytest.raises(InputError) as info:
        read_article(data, filename)
    assert message in str(info.value)


@pytest.mark.parametrize(
    "data",
    [HINDI.encode("utf-8"), b"\xef\xbb\xbf" + HINDI.encode("utf-8"), HINDI.encode("utf-16")],
)
def test_text_files_are_read_as_is(data: bytes) -> None:
    assert read_article(data, "article.txt") == HINDI


def test_english_only_text_reads_but_does_not_segment() -> None:
    text = read_article(b"An English article. Nothing in Hindi here.", "english.txt")
    with pytest.raises(InputError, match="No Hindi text"):
        segment_article(text)


# --- Markdown ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ("# शीर्षक #\n\nपहला अनुच्छेद।", "शीर्षक\n\nपहला अनुच्छेद।"),
        ("शीर्षक\n======\n\nपाठ।", "शीर्षक\n\nपाठ।"),
        ("यह **मोटा**, *तिरछा*, __भी__ और `कोड` है।", "यह मोटा, तिरछा, भी और कोड है।"),
        ("एक [कड़ी](https://example.org/x) यहाँ।", "एक कड़ी यहाँ।"),
        ("चित्र ![वर्णन](photo.png) हटेगा।", "चित्र हटेगा।"),
        ("पहली पंक्ति\nदूसरी पंक्ति।", "पहली पंक्ति दूसरी पंक्ति।"),
        ("- पहला\n- दूसरा\n1. तीसरा", "पहला\n\nदूसरा\n\nतीसरा"),
        ("> उद्धरण की पंक्ति।", "उद्धरण की पंक्ति।"),
        ("पाठ।\n\n```\nprint(1)\n```\n\nअंत।", "पाठ।\n\nprint(1)\n\nअंत।"),
        ("ऊपर\n\n---\n\nनीचे", "ऊपर\n\nनीचे"),
        ("[1]: https://example.org\nपाठ।", "पाठ।"),
        ("snake_case_name और 2 * 3 * 4", "snake_case_name और 2 * 3 * 4"),
        ("पाठ <script>alert(1)</script> यहाँ।", "पाठ यहाँ।"),
    ],
)
def test_markdown_to_text(markdown: str, expected: str) -> None:
    assert markdown_to_text(markdown) == expected


def test_markdown_file_by_extension() -> None:
    assert read_article("## खंड\n\n**पाठ**।".encode(), "notes.md") == "खंड\n\nपाठ।"


# --- HTML -------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html><head><title>मुख्य समाचार</title>
<style>.x { color: red } /* STYLE-CONTENT */</style>
<script>var SECRET = "SCRIPT-CONTENT"; alert(1);</script></head>
<body><nav><a href="/">मुखपृष्ठ</a></nav>
<article><h1>मुख्य समाचार</h1>
<p>पहला अनुच्छेद यहाँ है। इसमें <b>दो</b> वाक्य हैं।</p>
<script>document.write("SCRIPT-CONTENT")</script>
<p>दूसरा अनुच्छेद <a href="javascript:alert(3)">कड़ी</a> के साथ है।</p>
<noscript>NOSCRIPT-CONTENT</noscript>
</article></body></html>"""


def test_html_title_first_then_paragraphs() -> None:
    text = read_article(PAGE.encode(), "page.html")
    assert text == ("मुख्य समाचार\n\nपहला अनुच्छेद यहाँ है। इसमें दो वाक्य हैं।\n\nदूसरा अनुच्छेद कड़ी के साथ है।")


def test_html_scripts_and_styles_never_survive() -> None:
    text = read_article(PAGE.encode(), "page.htm")
    for leaked in ("SCRIPT-CONTENT", "STYLE-CONTENT", "NOSCRIPT-CONTENT", "alert", "javascript", "color"):
        assert leaked not in text


def test_html_long_article_uses_the_extractor(seed_text: str) -> None:
    paragraphs = [p for p in seed_text.split("\n\n") if p.strip()]
    body = "".join(f"<p>{p}</p>\n" for p in paragraphs[3:9])
    page = (
        f"<html><head><title>{paragraphs[0]} - Statecraft</title></head><body>"
        "<header><nav><ul><li>होम</li><li>दुनिया</li></ul></nav></header>"
        f"<article><h1>{paragraphs[0]}</h1><p>{paragraphs[1]}</p>{body}</article>"
        "<footer>© 2021 कॉपीराइट</footer></body></html>"
    )
    text = html_to_text(page)
    parts = text.split("\n\n")
    assert parts[0] == paragraphs[0]
    assert paragraphs[1] in parts
    assert paragraphs[4] in parts
    assert "कॉपीराइट" not in text


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        ("<article><p>पहली पंक्ति<br>दूसरी पंक्ति</p><p>अंत।</p></article>", "पहली पंक्ति दूसरी पंक्ति"),
        ("<article><p><b>बेला</b>रूस और <i>रूस</i> के संबंध।</p><p>अंत।</p></article>", "बेलारूस और रूस के संबंध।"),
    ],
)
def test_html_inline_markup_and_line_breaks(markup: str, expected: str) -> None:
    assert html_to_text(markup).split("\n\n")[0] == expected


@pytest.mark.parametrize(
    "markup",
    [
        "<p>अधूरा <b>पाठ <i>यहाँ",
        "<html><body><p>बंद नहीं</div></span><p>दूसरा।",
        "<div><p>नेस्टेड <div>गलत</p> क्रम</div>",
        "<?xml version='1.0' encoding='utf-8'?><html><body><p>एक्सएमएल घोषणा के साथ पाठ।</p></body></html>",
        "<html><body><table><tr><td>कक्ष एक</td><td>कक्ष दो</td></tr></table></body></html>",
    ],
)
def test_malformed_html_still_gives_text(markup: str) -> None:
    text = read_article(markup.encode(), "broken.html")
    assert re.search("[\u0900-\u097f]", text)
    assert "<" not in text


@pytest.mark.parametrize(
    "markup",
    ["<html></html>", "<html><head><script>alert(1)</script></head><body></body></html>", "<p></p>"],
)
def test_html_without_text_is_a_clear_error(markup: str) -> None:
    with pytest.raises(InputError, match="No article text"):
        read_article(markup.encode(), "empty.html")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<!DOCTYPE html><html><body><p>कहा</p></body></html>", "कहा"),
        ("\n  <p>कहा</p>", "कहा"),
        ("<नोट> यह सादा पाठ है।", "<नोट> यह सादा पाठ है।"),
        ("<3 यह सादा पाठ है।", "<3 यह सादा पाठ है।"),
        (HINDI, HINDI),
    ],
)
def test_unknown_extension_is_sniffed(text: str, expected: str) -> None:
    assert read_article(text.encode(), "") == expected
    assert read_article(text.encode(), "article.unknown") == expected


# --- sample articles --------------------------------------------------------------------


def test_malicious_sample_keeps_text_and_drops_code() -> None:
    data = (SEEDS / "malicious.hi.html").read_bytes()
    raw = data.decode("utf-8")
    planted = ("<script>alert(1)</script>", 'onerror="alert(2)"', 'href="javascript:alert(3)"', "&lt;b&gt;")
    assert all(needle in raw for needle in planted)
    text = read_article(data, "malicious.hi.html")
    for leaked in ("alert", "javascript", "onerror", "STYLE-LEAK", "SCRIPT-LEAK", "<script", "<img"):
        assert leaked not in text
    assert text.count("<b>") == 2  # the literal text survives, as text
    article = segment_article(text, "malicious.hi.html")
    assert article.title == "सुरक्षा जाँच: इस पन्ने का कोई कोड नहीं चलना चाहिए"
    assert sum(1 for _ in article.sentences()) >= 8


WIKINEWS = sorted(SEEDS.glob("wikinews-*.hi.txt"))


def test_there_are_wikinews_samples() -> None:
    assert len(WIKINEWS) >= 2


@pytest.mark.parametrize("path", WIKINEWS, ids=lambda p: p.name)
def test_wikinews_sample_segments_and_matches_its_reference(path: Path) -> None:
    text = read_article(path.read_bytes(), path.name)
    article = segment_article(text, path.name)
    assert [b.kind for b in article.blocks][:2] == ["title", "standfirst"]
    assert all(s.lang == "hi" for s in article.sentences())
    reference = path.with_name(path.name.replace(".hi.txt", ".en.txt")).read_text(encoding="utf-8")
    hindi_lines, english_lines = text.splitlines(), reference.splitlines()
    assert len(hindi_lines) == len(english_lines) >= 13
    assert [bool(line) for line in hindi_lines] == [bool(line) for line in english_lines]


def test_seed_readme_attributes_every_source() -> None:
    readme = (SEEDS / "README.md").read_text(encoding="utf-8")
    assert "Statecraft" in readme and "CC BY-SA 4.0" in readme and "flores200-dev/LICENSE" in readme
    for path in WIKINEWS:
        assert path.name.removesuffix(".hi.txt") in readme
    for url in re.findall(r"https://en\.wikinews\.org/wiki/\S+", readme):
        assert url.endswith(tuple("abcdefghijklmnopqrstuvwxyz0123456789"))
