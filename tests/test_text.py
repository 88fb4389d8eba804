"""Normalization with offsets, and decoding a file's bytes."""

from __future__ import annotations

import contextlib
import random

import pytest

from assistant.errors import InputError
from assistant.text import decode_bytes, normalize, normalize_text, token_spans

NUKTA = "\u093c"

# Precomposed nukta letters and the base letters they decompose to.
NUKTA_LETTERS = [
    ("\u0958", "\u0915"),  # क़
    ("\u0959", "\u0916"),  # ख़
    ("\u095a", "\u0917"),  # ग़
    ("\u095b", "\u091c"),  # ज़
    ("\u095c", "\u0921"),  # ड़
    ("\u095d", "\u0922"),  # ढ़
    ("\u095e", "\u092b"),  # फ़
    ("\u095f", "\u092f"),  # य़
    ("\u0929", "\u0928"),  # ऩ (NFC would compose this one)
    ("\u0931", "\u0930"),  # ऱ
    ("\u0934", "\u0933"),  # ऴ
]


@pytest.mark.parametrize(("composed", "base"), NUKTA_LETTERS)
def test_nukta_letters_have_one_decomposed_form(composed: str, base: str) -> None:
    word_a = f"{composed}ा"
    word_b = f"{base}{NUKTA}ा"
    assert normalize_text(word_a) == normalize_text(word_b) == word_b


def test_nukta_inside_real_words() -> None:
    precomposed = "\u095b\u0930\u0942\u0930"  # ज़रूर typed with U+095B
    decomposed = "\u091c\u093c\u0930\u0942\u0930"
    assert normalize_text(precomposed) == normalize_text(decomposed) == decomposed
    assert not any("\u0958" <= ch <= "\u095f" for ch in normalize_text("\u0958\u095f \u095e\u093e"))


@pytest.mark.parametrize(
    "text",
    ["मज़बूत", "\u095bरूर", "ऩ", "न\u093c", "e\u0301", "क्\u200dष", " a\t\tb\r\n", "\ufeffहै।"],
)
def test_normalize_is_idempotent(text: str) -> None:
    once = normalize_text(text)
    assert normalize_text(once) == once


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("क्\u200dष", "क्\u200dष"),  # ZWJ selects a half form inside a word: kept
        ("क्\u200cष", "क्\u200cष"),  # ZWNJ inside a word: kept
        ("\u200dक", "क"),  # at the start of a word: dropped
        ("क\u200d ख", "क ख"),  # before a space: dropped
        ("क \u200d ख", "क ख"),  # between spaces: dropped, spaces collapse
        ("a\u200d.", "a."),
        ("क\u200ca", "कa"),  # between scripts: dropped
        ("२\u200cक", "२क"),  # after a digit: dropped
        ("(\u093f\u200cक", "(\u093fक"),  # a mark with no letter before it: dropped
        ("ज\u0301\u093f\u200cस", "ज\u0301\u093f\u200cस"),  # letter + marks, then a letter: kept
        ("\U0001f468\u200d\U0001f469", "\U0001f468\U0001f469"),  # emoji sequences are not words
    ],
)
def test_joiners_kept_only_inside_words(text: str, expected: str) -> None:
    assert normalize_text(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a\r\nb", "a\nb"),
        ("a\rb", "a\nb"),
        ("a\u2028b\u2029c", "a\nb\nc"),
        ("a\tb", "a b"),
        ("a\u00a0\u00a0b", "a b"),
        ("a \u2009\u3000 b", "a b"),
        ("a     b", "a b"),
        ("\ufeffहै", "है"),
        ("a\u200bb", "ab"),
        ("a\x00b\x07c\x1bd", "abcd"),
        ("a\u00adb", "ab"),
        ("a\u202eb\u200fc", "abc"),
        ("line one  \n\n  line two", "line one \n\n line two"),
    ],
)
def test_whitespace_and_controls(text: str, expected: str) -> None:
    assert normalize_text(text) == expected


MESSY = [
    "\ufeffप्रतिबंधों के\u00a0\u00a0बढ़ने\tपर।\r\nअब  तक\u200b सहयोग\u095b है।",
    "क्\u200dष  \u0929ा\r\n\r\n\x07x\u200d y e\u0301te",
    "  \u2028 मज़बूत,   \u095e\u093e\u0907\u0932 (17%)\u00ad।",
    "plain text with no changes at all",
]


def _token_boundaries(text: str) -> list[int]:
    cuts = {0, len(text)}
    for _, a, b in token_spans(text):
        cuts.update((a, b))
    return sorted(cuts)


@pytest.mark.parametrize("original", MESSY)
def test_slices_map_back_to_the_original(original: str) -> None:
    norm = normalize(original)
    cuts = _token_boundaries(norm.text)
    for i, a in enumerate(cuts):
        for b in cuts[i:]:
            piece = original[norm.to_original(a) : norm.to_original(b)]
            assert normalize_text(piece) == norm.text[a:b], (a, b)


@pytest.mark.parametrize("original", MESSY)
def test_offsets_are_monotonic_and_end_at_the_end(original: str) -> None:
    norm = normalize(original)
    offsets = [norm.to_original(i) for i in range(len(norm.text) + 1)]
    assert offsets == sorted(offsets)
    assert offsets[-1] == len(original)


@pytest.mark.parametrize("text", [
    "क\U000e0100",  # a variation selector from the supplement plane
    "क\ufe0f",  # emoji presentation selector
    "क\u0301",  # a Latin combining accent on a Devanagari letter
])
def test_a_letter_keeps_every_mark_that_follows_it(text: str) -> None:
    assert [(a, b) for _, a, b in token_spans(text)] == [(0, len(text))]


def test_offsets_skip_dropped_characters() -> None:
    norm = normalize("\ufeff\u200bनमस्ते")
    assert norm.text == "नमस्ते"
    assert norm.to_original(0) == 2


def test_to_original_rejects_indices_outside_the_text() -> None:
    norm = normalize("abc")
    with pytest.raises(IndexError):
        norm.to_original(4)
    with pytest.raises(IndexError):
        norm.to_original(-1)


# --- decoding ---------------------------------------------------------------------------

HINDI = "हिंदी पाठ: मज़बूत सहयोग।"


@pytest.mark.parametrize(
    "data",
    [
        HINDI.encode("utf-8"),
        b"\xef\xbb\xbf" + HINDI.encode("utf-8"),
        HINDI.encode("utf-16"),  # with BOM, native order
        b"\xff\xfe" + HINDI.encode("utf-16-le"),
        b"\xfe\xff" + HINDI.encode("utf-16-be"),
        HINDI.encode("utf-32"),
    ],
)
def test_decode_supported_encodings(data: bytes) -> None:
    assert decode_bytes(data) == HINDI


def test_decode_empty_is_empty() -> None:
    assert decode_bytes(b"") == ""


@pytest.mark.parametrize(
    ("data", "words"),
    [
        ("Café crème, déjà vu - naïve façade.".encode("latin-1"), ["not UTF-8", "UTF-8"]),
        (b"\x00\x01\x02\x03binary\x00\xff\xfe\x00", ["binary file, not text"]),
        (bytes(range(1, 32)) * 20, ["binary file, not text"]),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", ["PDF"]),
        (b"PK\x03\x04\x14\x00\x06\x00", ["Word document or zip"]),
        (b"\x89PNG\r\n\x1a\n\x00\x00", ["PNG"]),
        (b"\xff\xfe\x00\xd8", ["damaged"]),  # UTF-16 BOM, then a lone surrogate
        (HINDI.encode("utf-16-le"), ["UTF-16 text without a byte-order mark"]),
        ("plain English".encode("utf-16-be"), ["UTF-16 text without a byte-order mark"]),
    ],
)
def test_decode_rejects_with_a_clear_message(data: bytes, words: list[str]) -> None:
    with pytest.raises(InputError) as info:
        decode_bytes(data)
    for word in words:
        assert word in str(info.value)
    assert info.value.hint


def test_decode_never_raises_anything_but_input_error() -> None:
    rng = random.Random(7)
    for _ in range(300):
        data = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 64)))
        with contextlib.suppress(InputError):
            assert isinstance(decode_bytes(data), str)
