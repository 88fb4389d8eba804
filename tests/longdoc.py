"""Long Hindi documents generated from text shipped in the repository.

The FLORES lines in ``tests/data/tiny.hi.txt`` and the sample articles in ``seeds/`` are
cut into paragraphs of a few sentences, with a short heading line every few paragraphs,
and repeated until the document reaches the asked size in UTF-8 bytes. Used by the page
benchmark and the browser tests of long documents; deterministic.
"""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SOURCES = (REPO / "tests" / "data" / "tiny.hi.txt", *sorted((REPO / "seeds").glob("*.hi.txt")))
PARAGRAPHS_PER_SECTION = 6
SENTENCES_PER_PARAGRAPH = 4


def _sentences() -> list[str]:
    lines: list[str] = []
    for path in SOURCES:
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if len(line) > 20 and not line.startswith("#"):
                lines.append(line if line.endswith(("।", "?", "!", ".")) else line + "।")
    return lines


def long_document(size: int) -> str:
    """A Hindi article of at most ``size`` UTF-8 bytes (and close to it), with headings."""
    sentences = _sentences()
    parts: list[str] = []
    used = 0
    i = 0
    section = 0
    while True:
        if i % (PARAGRAPHS_PER_SECTION * SENTENCES_PER_PARAGRAPH) == 0:
            section += 1
            first = sentences[i % len(sentences)].split()
            parts.append(f"भाग {section}: {' '.join(first[:3]).rstrip('।,:')}")
        paragraph = " ".join(sentences[(i + k) % len(sentences)] for k in range(SENTENCES_PER_PARAGRAPH))
        i += SENTENCES_PER_PARAGRAPH
        cost = len(paragraph.encode("utf-8")) + len(parts[-1].encode("utf-8")) + 4
        if used + cost > size:
            break
        parts.append(paragraph)
        used = len("\n\n".join(parts).encode("utf-8"))
    return "\n\n".join(parts) + "\n"
