"""Hand-built ReadingPages for the export tests, independent of segmentation and glossing."""

from __future__ import annotations

from dataclasses import replace

from assistant.types import (
    Analysis,
    Gloss,
    Glossary,
    GlossaryTerm,
    MultiwordUnit,
    PageBlock,
    ReadingPage,
    Sentence,
    SentencePair,
    Token,
)

SCRIPT = "<script>alert('x')</script>"
TITLE_HI = "पुतिन ने लुकाशेंको से मुलाकात की"
TITLE_EN = "Putin met Lukashenko"
CAPTION = "Putin (R) with Lukashenko | St. Petersburg"


def sentence(text: str, lang: str = "hi", offset: int = 0) -> Sentence:
    tokens = []
    pos = 0
    for word in text.split():
        start = text.index(word, pos)
        kind = "word" if lang == "hi" else "latin"
        tokens.append(Token(word, kind, offset + start, offset + start + len(word)))
        pos = start + len(word)
    return Sentence(text=text, start=offset, end=offset + len(text), tokens=tuple(tokens), lang=lang)


def pair(hindi: str, english: str, kind: str = "mt", lang: str = "hi") -> SentencePair:
    src = sentence(hindi, lang)
    if kind == "gloss":
        return SentencePair(src, "", "gloss", gloss_line=english)
    return SentencePair(src, english, kind)


def glossary() -> Glossary:
    terms = (
        GlossaryTerm("प्रतिबंध", "प्रतिबंध", "pratibandh", "NOUN", "m", ("sanction", "ban"), 3,
                     "प्रतिबंधों के बढ़ने पर बैठक हुई।", "The meeting took place as sanctions grew.",
                     forms=("प्रतिबंधों",), score=2.5, roman_strict="pratibandha"),
        GlossaryTerm("के साथ", "के साथ", "ke saath", "ADP", None, ("with",), 2, "पुतिन के साथ बैठक।",
                     forms=("के साथ",)),
        GlossaryTerm("=cmd|' /C calc'!A0", "=cmd", "", "X", None, ("-danger",), 1, "@SUM(1)"),
    )  # fmt: skip
    names = (
        GlossaryTerm("पुतिन", "पुतिन", "putin", "PROPN", None, ("Putin",), 4, TITLE_HI, TITLE_EN,
                     is_name=True),
    )  # fmt: skip
    return Glossary(terms=terms, names=names)


def rich_glosses(text: str) -> tuple[Gloss, ...]:
    """Glosses with a multiword unit and a morphological analysis, for the JSON round trip."""
    unit = MultiwordUnit("के साथ", "के साथ", ("with",), "postposition", 1, 3, note="compound postposition")
    analysis = Analysis("मिलना", "VERB", gender="m", number="sg", tense="perf", source="apertium")
    return (
        Gloss("पुतिन", "पुतिन", "putin", "putin", "PROPN", senses=("Putin",), known=True, is_name=True),
        Gloss("के", "का", "ke", "kē", "ADP", unit=unit, aligned=("with",)),
        Gloss("मिले", "मिलना", "mile", "milē", "VERB", gender="m", senses=("meet", "get"),
              analysis=analysis, known=True, note="perfective"),
    )  # fmt: skip


def translated_page() -> ReadingPage:
    """A translated page with awkward content: HTML, formula starters, Markdown syntax."""
    blocks = (
        PageBlock("title", (pair(TITLE_HI, TITLE_EN),)),
        PageBlock("paragraph", (
            pair("पुतिन के साथ मिले।", "Met with Putin.", "mt"),
            pair("प्रतिबंधों के बढ़ने पर बैठक हुई।", "The meeting took place as sanctions grew."),
        )),
        PageBlock("caption", (pair(CAPTION, CAPTION, "copy", "en"),)),
        PageBlock("paragraph", (
            pair(f"लेख में {SCRIPT} लिखा था।", f"The article said {SCRIPT}."),
            pair("=HYPERLINK(\"http://evil\",\"x\") हिंदी", "+1 call now"),
            pair("-2 डिग्री", "@user -2 degrees"),
            pair("\tटैब वाला\tवाक्य", "[link](javascript:alert(1)) *bold* _it_ `code`"),
        )),
    )  # fmt: skip
    first = blocks[1].pairs[0]
    blocks = (blocks[0], replace(blocks[1], pairs=(replace(first, glosses=rich_glosses(first.source.text)),
                                                  blocks[1].pairs[1])), *blocks[2:])  # fmt: skip
    return ReadingPage(
        title=TITLE_HI,
        blocks=blocks,
        glossary=glossary(),
        model="opus-mt-hi-en",
        mode="translation",
        created="2026-11-28",
        source_name="sample.hi.txt",
    )


def gloss_page() -> ReadingPage:
    """A gloss-only page (no model): every Hindi sentence has a gloss line and no translation."""
    blocks = (
        PageBlock("title", (pair(TITLE_HI, "Putin [ERG] Lukashenko [from] meeting did", "gloss"),)),
        PageBlock("paragraph", (
            pair("पुतिन के साथ मिले।", "Putin with met .", "gloss"),
            pair("बैठक हुई।", "meeting happened .", "gloss"),
        )),
        PageBlock("caption", (pair("IMAGE SOURCE: KREMLIN", "IMAGE SOURCE: KREMLIN", "copy", "en"),)),
    )  # fmt: skip
    return ReadingPage(TITLE_HI, blocks, glossary(), model=None, mode="gloss", created="2026-11-27")


def test_sample_pages_are_well_formed() -> None:
    for page in (translated_page(), gloss_page()):
        assert page.title
        for p in page.pairs():
            assert p.source.tokens
            assert all(t.end - t.start == len(t.text) for t in p.source.tokens)


PER_THOUSAND_LIMIT = 1_500_000  # bytes of standalone HTML per 1,000 sentence pairs


def test_html_export_of_a_thousand_pairs_stays_small() -> None:
    """The exported page carries each gloss once per form: about 1 MB per 1,000 pairs."""
    from assistant.export import export_page
    from assistant.reader import build_reading_page, open_article
    from tests.longdoc import long_document

    page = build_reading_page(open_article(long_document(290_000), "long.hi.txt"))
    blocks = tuple(
        replace(block, pairs=tuple(
            replace(p, translation=p.gloss_line, kind="mt") if p.kind == "gloss" else p for p in block.pairs
        ))
        for block in page.blocks
    )  # fmt: skip
    translated = replace(page, blocks=blocks, model="opus-mt-hi-en", mode="translation")
    count = sum(1 for _ in translated.pairs())
    assert count >= 1000
    size = len(export_page(translated, "html"))
    assert size * 1000 / count <= PER_THOUSAND_LIMIT, f"{size * 1000 / count / 1e6:.2f} MB per 1,000 pairs"
