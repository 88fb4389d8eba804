"""Character-level text handling: normalization that remembers where every character
came from, script detection, tokens, and decoding a file's bytes.

``normalize`` returns the canonical text the rest of the assistant works on, together
with a map back to the original, so views can highlight the exact source span.

Canonical form:

- Unicode NFC, except that every Devanagari nukta letter is stored *decomposed*
  (base letter + U+093C NUKTA). NFC already decomposes the precomposed U+0958–U+095F
  (they are composition exclusions) but composes न/र/ळ + nukta into U+0929/0931/0934;
  we decompose those three as well, so "क़" typed either way, and "ऩ" typed either way,
  compare equal and every nukta letter follows one rule.
- Line breaks: CR LF, lone CR, NEL, VT, FF and U+2028/U+2029 become ``\\n``.
- Tabs, no-break and other odd spaces become a plain space; runs of spaces collapse to one.
  Spaces are not stripped at line ends, so any slice of the original normalizes to the
  corresponding slice of the result (offset mapping stays exact at cluster boundaries).
- Byte-order marks, zero-width spaces, soft hyphens, bidi controls and C0/C1 control
  characters are dropped.
- ZWJ/ZWNJ are kept inside a word: after a letter (and its marks) and before a letter
  or mark of the same script (in Devanagari they select half forms and conjuncts).
  Anywhere else they are dropped, including between a Devanagari and a Latin letter,
  after a digit or punctuation, and inside emoji sequences.

Tokens (``tokenize``): a Devanagari word keeps its vowel signs, virama, nukta,
candrabindu, anusvara and inner ZWJ/ZWNJ; a token never splits a grapheme cluster.
Hyphenated compounds (बेलारूस-रूस) become word, "-", word so each part can be glossed;
``17%`` is the number "17" and the symbol "%"; ``200,000`` and ``36.5`` are one number;
digits may be ASCII or Devanagari. Letters of scripts other than Devanagari form
"latin" tokens (foreign words shown as they are).
"""

from __future__ import annotations

import codecs
import itertools
import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, field

from assistant.errors import InputError
from assistant.types import Lang, Token, TokenKind

ZWNJ = "\u200c"
ZWJ = "\u200d"
NUKTA = "\u093c"

_SPACES = "\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000 "
_DROPPED = (
    "\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\u00ad\u180e\u200b\u200e\u200f"
    "\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufffe\uffff\ud800-\udfff"
)
# One pass of the cleanup: each alternative is a span that must change.
_CLEANUP = re.compile(
    rf"(?P<space>[{_DROPPED}\u200c\u200d]*[{_SPACES}][{_SPACES}{_DROPPED}\u200c\u200d]*)"
    r"|(?P<newline>\r\n|[\r\x0b\x0c\x85\u2028\u2029])"
    rf"|(?P<drop>[{_DROPPED}]+)"
    r"|(?P<joiner>[\u200c\u200d]+)"
)
_NUKTA_COMPOSED = str.maketrans(
    {"\u0929": "\u0928\u093c", "\u0931": "\u0930\u093c", "\u0934": "\u0933\u093c"}
)


@dataclass(frozen=True)
class _Piecewise:
    """Maps indices of one string to indices of the string it was made from.

    Segment k starts at ``dst[k]`` in the new string and at ``src[k]`` in the old one;
    in a ``linear`` segment characters map one to one, otherwise all map to its start.
    """

    dst: tuple[int, ...]
    src: tuple[int, ...]
    linear: tuple[bool, ...]

    def __call__(self, i: int) -> int:
        k = bisect_right(self.dst, i) - 1
        if k < 0:
            return 0
        return self.src[k] + (i - self.dst[k] if self.linear[k] else 0)


class _Builder:
    """Accumulates output pieces and the segments of a `_Piecewise` map."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.dst: list[int] = []
        self.src: list[int] = []
        self.linear: list[bool] = []
        self.length = 0

    def add(self, text: str, src: int, linear: bool) -> None:
        if not text:
            return
        continues = (
            linear
            and bool(self.linear)
            and self.linear[-1]
            and self.src[-1] + (self.length - self.dst[-1]) == src
        )
        if not continues:
            self.dst.append(self.length)
            self.src.append(src)
            self.linear.append(linear)
        self.parts.append(text)
        self.length += len(text)

    def finish(self, source_length: int) -> tuple[str, _Piecewise]:
        # Sentinel: the end of the new string maps to the end of the old one.
        self.dst.append(self.length)
        self.src.append(source_length)
        self.linear.append(False)
        return "".join(self.parts), _Piecewise(tuple(self.dst), tuple(self.src), tuple(self.linear))


@dataclass(frozen=True)
class Normalized:
    """Normalized text plus the way back to the original.

    ``to_original(i)`` gives, for an index ``0 <= i <= len(text)``, the index in the
    original text where the character at ``i`` came from (``len(original)`` for the end).
    Slices taken at grapheme-cluster boundaries map exactly:
    ``normalize(original[to_original(a):to_original(b)]).text == text[a:b]``.
    """

    text: str
    original: str = field(repr=False)
    _maps: tuple[_Piecewise, ...] = field(default=(), repr=False, compare=False)

    def to_original(self, i: int) -> int:
        if not 0 <= i <= len(self.text):
            raise IndexError(f"index {i} outside the normalized text (length {len(self.text)})")
        for mapping in reversed(self._maps):
            i = mapping(i)
        return i

    def shift(self, start: int, end: int) -> int | None:
        """The constant ``d`` with ``to_original(i) == i + d`` for every ``start <= i <= end``,
        or None when the range was changed by normalizing (a cheap path for long texts)."""
        delta = 0
        for mapping in reversed(self._maps):
            k = bisect_right(mapping.dst, start) - 1
            if k < 0 or not mapping.linear[k]:
                return None
            step = mapping.src[k] - mapping.dst[k]
            limit = mapping.dst[k + 1]
            if end > limit or (end == limit and mapping.src[k + 1] != end + step):
                return None
            start, end, delta = start + step, end + step, delta + step
        return delta


def _script_of(ch: str) -> str:
    """Script class of ``ch``: "dev" (Devanagari letter or sign), "other" (any other letter
    or mark), or "" (anything else)."""
    if not ch:
        return ""
    if is_devanagari_letter(ch):
        return "dev"
    return "other" if unicodedata.category(ch)[0] in "LM" else ""


def _base_script(text: str, i: int) -> str:
    """Script of the letter that carries the marks ending at ``text[i]``; "" if none."""
    while i >= 0 and unicodedata.category(text[i])[0] == "M":
        i -= 1
    if i < 0 or unicodedata.category(text[i])[0] != "L":
        return ""
    return _script_of(text[i])


def _cleanup(text: str) -> tuple[str, _Piecewise | None]:
    """Whitespace, control characters and joiners; None when nothing changed."""
    builder = _Builder()
    pos = 0
    changed = False
    for m in _CLEANUP.finditer(text):
        kind = m.lastgroup
        span = m.group()
        if kind == "space" and span == " ":
            continue  # an ordinary single space: nothing to do
        if kind == "joiner":
            script = _base_script(text, m.start() - 1)
            if script and script == _script_of(text[m.end()] if m.end() < len(text) else ""):
                continue  # inside a word (both sides in one script): kept as typed
            replacement = ""
        elif kind == "space":
            replacement = " "
        elif kind == "newline":
            replacement = "\n"
        else:
            replacement = ""
        changed = True
        builder.add(text[pos : m.start()], pos, True)
        builder.add(replacement, m.start(), len(replacement) == len(span))
        pos = m.end()
    if not changed:
        return text, None
    builder.add(text[pos:], pos, True)
    return builder.finish(len(text))


def _canonical(text: str) -> str:
    return unicodedata.normalize("NFC", text).translate(_NUKTA_COMPOSED)


def _continues_cluster(ch: str) -> bool:
    # Combining marks, joiners and Hangul vowel/final jamo never start a new chunk, so
    # NFC of a chunk never depends on its neighbours.
    return (
        unicodedata.category(ch)[0] == "M"
        or ch in (ZWJ, ZWNJ)
        or "\u1160" <= ch <= "\u11ff"
        or "\ud7b0" <= ch <= "\ud7ff"
    )


def _clusters(text: str, start: int, end: int) -> list[tuple[int, int]]:
    bounds = [i for i in range(start, end) if i == start or not _continues_cluster(text[i])]
    bounds.append(end)
    return list(itertools.pairwise(bounds))


def _canonicalize(text: str) -> tuple[str, _Piecewise | None]:
    """NFC plus decomposed nukta letters, line by line; None when already canonical."""
    if _canonical(text) == text:
        return text, None
    builder = _Builder()
    pos = 0
    for line_end in [m.end() for m in re.finditer("\n", text)] + [len(text)]:
        line = text[pos:line_end]
        if _canonical(line) == line:
            builder.add(line, pos, True)
        else:
            chunks = _clusters(text, pos, line_end)
            trial = "".join(_canonical(text[a:b]) for a, b in chunks)
            if trial != _canonical(line):
                # A composition across clusters (rare scripts): map the line as a whole.
                chunks = [(pos, line_end)]
            for a, b in chunks:
                piece = text[a:b]
                out = _canonical(piece)
                builder.add(out, a, len(out) == len(piece))
        pos = line_end
    return builder.finish(len(text))


def normalize(text: str) -> Normalized:
    """Canonical text with a map back to ``text``; see the module docstring."""
    maps: list[_Piecewise] = []
    current, mapping = _cleanup(text)
    if mapping is not None:
        maps.append(mapping)
    current, mapping = _canonicalize(current)
    if mapping is not None:
        maps.append(mapping)
    if not maps:
        # Already canonical: an identity map keeps to_original cheap.
        maps.append(_Piecewise((0, len(text)), (0, len(text)), (True, False)))
    return Normalized(text=current, original=text, _maps=tuple(maps))


def normalize_text(text: str) -> str:
    """Just the normalized text (for dictionary keys, comparisons); skips the offset map."""
    return _canonical(_cleanup(text)[0])


def is_devanagari_letter(ch: str) -> bool:
    """A Devanagari letter, vowel sign or other mark (not a digit, danda or sign ॰)."""
    return ("\u0900" <= ch <= "\u0963") or ("\u0971" <= ch <= "\u097f") or ("\ua8e0" <= ch <= "\ua8ff")


# --- scripts and tokens ---------------------------------------------------------------


_DEVANAGARI_LETTER = re.compile(
    "[" + "".join(ch for ch in map(chr, range(0x0900, 0x0980)) if unicodedata.category(ch)[0] == "L") + "]"
)
_LATIN_LETTER = re.compile("[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]")
_ANY_LETTER = re.compile(r"[^\W\d_]")


def detect_lang(text: str) -> Lang:
    """ "hi" when the text holds a Devanagari word: Hindi routinely mixes in English words
    and names, and Hinglish ("मैंने आज office में meeting attend की") is Hindi to translate.
    Without Devanagari: "en" when Latin letters are the majority of the letters, else
    "other" (Urdu, Russian, digits and punctuation alone)."""
    if _DEVANAGARI_LETTER.search(text):
        return "hi"
    total = len(_ANY_LETTER.findall(text))
    latin = len(_LATIN_LETTER.findall(text))
    if total and 2 * latin > total:
        return "en"
    return "other"


def _mark_class() -> str:
    ranges: list[tuple[int, int]] = []
    # every plane that has marks: variation selectors (U+E0100...) continue a letter too
    for lo, hi in ((0x0300, 0x2FFFF), (0xE0000, 0xE01EF)):
        for cp in range(lo, hi + 1):
            if unicodedata.category(chr(cp))[0] == "M":
                if ranges and ranges[-1][1] == cp - 1:
                    ranges[-1] = (ranges[-1][0], cp)
                else:
                    ranges.append((cp, cp))
    return "".join(chr(a) if a == b else f"{chr(a)}-{chr(b)}" for a, b in ranges)


# Regex character-class bodies, shared with the sentence splitter.
MARKS = _mark_class()
"""Combining marks (categories Mn, Mc, Me) of the scripts an article may contain."""
DEVANAGARI = "\u0900-\u0963\u0971-\u097f\ua8e0-\ua8ff"
"""Devanagari letters and signs, without digits, dandas and the abbreviation sign ॰."""
DIGITS = "0-9\u0966-\u096f"
_LETTER = rf"(?:(?![{DEVANAGARI}])[^\W\d_])"
_PUNCT = "।॥,.?!\"'()\\[\\]{}\\-–—:;“”‘’«»/…|॰‐‑"
_TOKEN = re.compile(
    rf"(?P<number>[{DIGITS}]+(?:[.,][{DIGITS}]+)*)"
    rf"|(?P<word>[{DEVANAGARI}](?:[{DEVANAGARI}{MARKS}]|[\u200c\u200d]+(?=[{DEVANAGARI}]))*)"
    rf"|(?P<latin>{_LETTER}(?:{_LETTER}|[{MARKS}]|['’](?=[A-Za-z])|[\u200c\u200d]+(?={_LETTER}|[{MARKS}]))*)"
    rf"|(?P<punct>\.{{2,}}|[{_PUNCT}])"
    r"|(?P<symbol>\S)"
)
# Whatever continues a grapheme cluster stays with the token before it.
_CLUSTER_TAIL = re.compile(rf"(?:[{MARKS}\U0001f3fb-\U0001f3ff]|\u200d\S|[\u200c\u200d])+")


def token_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[TokenKind, int, int]]:
    """``(kind, start, end)`` of each token of ``text[start:end]``, offsets into ``text``."""
    end = len(text) if end is None else end
    spans: list[tuple[TokenKind, int, int]] = []
    pos = start
    while True:
        m = _TOKEN.search(text, pos, end)
        if m is None:
            return spans
        tail = _CLUSTER_TAIL.match(text, m.end(), end)
        stop = tail.end() if tail else m.end()
        spans.append((m.lastgroup, m.start(), stop))  # type: ignore[arg-type]
        pos = stop


def tokenize(text: str, offset: int = 0) -> tuple[Token, ...]:
    """Tokens of ``text``: their ``text`` is normalized, their offsets point into ``text``
    (shifted by ``offset``), as in a segmented article."""
    norm = normalize(text)
    s = norm.text
    spans = token_spans(s)
    shift = norm.shift(0, len(s))
    if shift is not None:
        return tuple(Token(s[a:b], kind, a + shift + offset, b + shift + offset) for kind, a, b in spans)
    at = norm.to_original
    return tuple(Token(s[a:b], kind, at(a) + offset, at(b) + offset) for kind, a, b in spans)


def has_devanagari(text: str) -> bool:
    """Whether ``text`` holds at least one Devanagari letter."""
    return _DEVANAGARI_LETTER.search(text) is not None


# --- decoding ---------------------------------------------------------------------

_BINARY_MAGIC = (
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a Word document or zip archive"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\xd0\xcf\x11\xe0", "an old Word/Office document"),
    (b"{\\rtf", "an RTF document"),
)
_SAVE_AS_TEXT = "Copy the article text into a plain-text (.txt) file saved as UTF-8, or paste it directly."


def _looks_like_utf16(data: bytes) -> bool:
    # Mostly-ASCII or mostly-Devanagari UTF-16 has a zero or a 0x09 in every other byte.
    sample = data[:4096]
    if len(sample) < 8:
        return False

    def high_bytes(half: bytes) -> bool:
        return 0 in half and sum(b in (0x00, 0x09) for b in half) > 0.9 * len(half)

    return high_bytes(sample[0::2]) or high_bytes(sample[1::2])


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 0x20 and b not in (0x09, 0x0A, 0x0C, 0x0D, 0x1B))
    # A few stray controls (a terminal's colour codes, a bell) still leave a text file.
    return controls > max(8, len(sample) // 50)


def decode_bytes(data: bytes) -> str:
    """Text from a file's bytes: UTF-8 (with or without BOM) or UTF-16/32 with a BOM.

    Anything else raises InputError saying what the file seems to be and how to fix it.
    """
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return _decode(data, "utf-32")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode(data, "utf-16")
    if data.startswith(codecs.BOM_UTF8):
        return _decode(data, "utf-8-sig")
    for magic, what in _BINARY_MAGIC:
        if data.startswith(magic):
            raise InputError(f"This file looks like {what}, not text.", _SAVE_AS_TEXT)
    if _looks_like_utf16(data):
        raise InputError(
            "This file looks like UTF-16 text without a byte-order mark.",
            "Save it again as UTF-8 (or UTF-16 with a byte-order mark) and try again.",
        )
    if _looks_binary(data):
        raise InputError("This file looks like a binary file, not text.", _SAVE_AS_TEXT)
    return _decode(data, "utf-8")


def _decode(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as err:
        if encoding != "utf-8":
            raise InputError(
                f"The file starts with a {encoding.upper()} byte-order mark but is damaged "
                f"(bad bytes at position {err.start}).",
                _SAVE_AS_TEXT,
            ) from None
        legacy = data.decode("latin-1")
        has_letters = sum(ch.isalpha() for ch in legacy) > len(legacy) // 4
        hint = "Open it in a text editor and save it with the encoding UTF-8, then try again."
        if has_letters:
            hint += (
                " It looks like Latin-1/Windows-1252 text with no Hindi (Devanagari) in it;"
                " if it was typed in a legacy Hindi font such as Kruti Dev, convert it to Unicode first."
            )
        raise InputError(
            f"The file is not UTF-8 text (byte 0x{data[err.start]:02X} at position {err.start}"
            " cannot be read).",
            hint,
        ) from None
