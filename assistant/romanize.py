"""Romanization of Hindi (Devanagari) text in three styles.

``strict``
    ISO 15919, letter by letter: every inherent vowel is written (पुतिन → putina),
    ए/ओ are ē/ō, anusvara is ṁ, candrabindu m̐, visarga ḥ, nukta letters q k͟h ġ z ṛ ṛh f.
    A colon separates letters that would otherwise read as one digraph: अइ → a:i (not ऐ ai),
    क्ह → k:h (not ख kh).

``readable``
    How learners' textbooks write spoken Hindi: the inherent vowel is dropped where
    Hindi speakers drop it (schwa deletion), long vowels carry macrons (ā ī ū), e o ai au
    are plain, retroflex consonants keep their dot (ṭ ḍ ṇ ṣ ṛ), श is ś and च is c,
    छ is ch. Anusvara becomes m before a labial and n elsewhere; candrabindu is n.
    Nukta letters: क़ q, ख़ kh, ग़ gh, ज़ z, ड़ ṛ, ढ़ ṛh, फ़ f.

``name_form``
    For names and loanwords: the readable form without any diacritics, each word
    capitalized (लुकाशेंको → Lukashenko, च → ch, छ → chh, श/ष → sh).

Everything that is not a Devanagari letter (Latin, digits, hyphens, punctuation) passes
through unchanged, except danda (। → .) and Devanagari digits (→ 0-9). Words are
converted once and cached, so repeated words cost a dictionary lookup.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from assistant.errors import InputError

__all__ = ["Sound", "name_form", "readable", "sounds", "strict"]

_NUKTA = "\u093c"
_VIRAMA = "\u094d"
_ANUSVARA = "\u0902"
_CANDRABINDU = "\u0901"
_VISARGA = "\u0903"
_AVAGRAHA = "\u093d"
_ZW = {"\u200c", "\u200d"}

# consonant -> (strict ISO 15919, readable, name form, place of articulation)
# The place decides how a preceding anusvara is read (m before labials, n elsewhere)
# and whether an anusvara closes the syllable (before stops) or only nasalizes it.
_CONSONANTS: dict[str, tuple[str, str, str, str]] = {
    "क": ("k", "k", "k", "stop"),
    "ख": ("kh", "kh", "kh", "stop"),
    "ग": ("g", "g", "g", "stop"),
    "घ": ("gh", "gh", "gh", "stop"),
    "ङ": ("ṅ", "n", "n", "stop"),
    "च": ("c", "c", "ch", "stop"),
    "छ": ("ch", "ch", "chh", "stop"),
    "ज": ("j", "j", "j", "stop"),
    "झ": ("jh", "jh", "jh", "stop"),
    "ञ": ("ñ", "n", "n", "stop"),
    "ट": ("ṭ", "ṭ", "t", "stop"),
    "ठ": ("ṭh", "ṭh", "th", "stop"),
    "ड": ("ḍ", "ḍ", "d", "stop"),
    "ढ": ("ḍh", "ḍh", "dh", "stop"),
    "ण": ("ṇ", "ṇ", "n", "stop"),
    "त": ("t", "t", "t", "stop"),
    "थ": ("th", "th", "th", "stop"),
    "द": ("d", "d", "d", "stop"),
    "ध": ("dh", "dh", "dh", "stop"),
    "न": ("n", "n", "n", "stop"),
    "प": ("p", "p", "p", "labial"),
    "फ": ("ph", "ph", "ph", "labial"),
    "ब": ("b", "b", "b", "labial"),
    "भ": ("bh", "bh", "bh", "labial"),
    "म": ("m", "m", "m", "labial"),
    "य": ("y", "y", "y", "glide"),
    "र": ("r", "r", "r", "glide"),
    "ल": ("l", "l", "l", "glide"),
    "व": ("v", "v", "v", "labial-glide"),
    "श": ("ś", "ś", "sh", "fricative"),
    "ष": ("ṣ", "ṣ", "sh", "fricative"),
    "स": ("s", "s", "s", "fricative"),
    "ह": ("h", "h", "h", "fricative"),
    "ळ": ("ḷ", "ḷ", "l", "glide"),
    "क" + _NUKTA: ("q", "q", "q", "stop"),
    "ख" + _NUKTA: ("k͟h", "kh", "kh", "fricative"),
    "ग" + _NUKTA: ("ġ", "gh", "gh", "fricative"),
    "ज" + _NUKTA: ("z", "z", "z", "fricative"),
    "ड" + _NUKTA: ("ṛ", "ṛ", "r", "glide"),
    "ढ" + _NUKTA: ("ṛh", "ṛh", "rh", "glide"),
    "फ" + _NUKTA: ("f", "f", "f", "fricative"),
    "य" + _NUKTA: ("ẏ", "y", "y", "glide"),
    "र" + _NUKTA: ("ṟ", "r", "r", "glide"),
    "ळ" + _NUKTA: ("ḻ", "ḷ", "l", "glide"),
    "न" + _NUKTA: ("ṉ", "n", "n", "stop"),
}

# vowel id -> (strict, readable, name form)
_VOWELS: dict[str, tuple[str, str, str]] = {
    "a": ("a", "a", "a"),
    "ā": ("ā", "ā", "a"),
    "i": ("i", "i", "i"),
    "ī": ("ī", "ī", "i"),
    "u": ("u", "u", "u"),
    "ū": ("ū", "ū", "u"),
    "r̥": ("r̥", "ri", "ri"),
    "r̥̄": ("r̥̄", "rī", "ri"),
    "l̥": ("l̥", "li", "li"),
    "l̥̄": ("l̥̄", "lī", "li"),
    "ē": ("ē", "e", "e"),
    "ai": ("ai", "ai", "ai"),
    "ō": ("ō", "o", "o"),
    "au": ("au", "au", "au"),
    "ê": ("ê", "e", "e"),
    "ô": ("ô", "o", "o"),
    "e": ("e", "e", "e"),
    "o": ("o", "o", "o"),
}

_INDEPENDENT: dict[str, str] = {
    "अ": "a", "आ": "ā", "इ": "i", "ई": "ī", "उ": "u", "ऊ": "ū", "ऋ": "r̥", "ॠ": "r̥̄",
    "ऌ": "l̥", "ॡ": "l̥̄", "ए": "ē", "ऐ": "ai", "ओ": "ō", "औ": "au", "ऍ": "ê", "ऑ": "ô",
    "ऎ": "e", "ऒ": "o", "ऄ": "a",
}  # fmt: skip

_MATRAS: dict[str, str] = {
    "ा": "ā", "ि": "i", "ी": "ī", "ु": "u", "ू": "ū", "ृ": "r̥", "ॄ": "r̥̄", "ॢ": "l̥",
    "ॣ": "l̥̄", "े": "ē", "ै": "ai", "ो": "ō", "ौ": "au", "ॅ": "ê", "ॉ": "ô", "ॆ": "e",
    "ॊ": "o",
}  # fmt: skip

# Letters after which ISO 15919 writes k:h rather than kh when a virama joins them to ह.
_ASPIRABLE = {"k", "g", "c", "j", "ṭ", "ḍ", "t", "d", "p", "b", "ṛ"}

_DIGITS = {chr(0x0966 + d): str(d) for d in range(10)}
_PUNCT = {"।": ".", "॥": "..", "॰": "."}

# A "word" is a maximal run of Devanagari letters and signs; danda, digits and
# everything else are handled character by character.
_WORD_RE = re.compile("[\u0900-\u0963\u0971-\u097f\u200c\u200d]+")

# Tatsama words whose medial inherent vowels are all pronounced although the general
# rule would drop one. Checked as a prefix so inflected forms (उदाहरणों) are covered.
_KEEP_MEDIAL: tuple[str, ...] = (
    "उदाहरण",
    "सामरिक",
    "आहरण",
    "समरस",
)

_STYLE_STRICT, _STYLE_READABLE, _STYLE_NAME = 0, 1, 2


class _Phone:
    """One consonant or vowel of a parsed word (a mutable record, private to parsing)."""

    __slots__ = ("deleted", "independent", "inherent", "is_vowel", "key", "nasal", "visarga")

    def __init__(self, is_vowel: bool, key: str, inherent: bool = False, independent: bool = False) -> None:
        self.is_vowel = is_vowel
        self.key = key
        self.inherent = inherent
        self.independent = independent
        self.nasal = ""  # "" | "anusvara" | "candrabindu"
        self.visarga = False
        self.deleted = False


def _parse(word: str) -> list[_Phone]:
    """Split a decomposed Devanagari word into consonants and vowels, inherent vowels made explicit."""
    phones: list[_Phone] = []
    chars = [c for c in word if c not in _ZW]
    i, n = 0, len(chars)
    while i < n:
        ch = chars[i]
        if ch in _CONSONANTS:
            key = ch
            if i + 1 < n and chars[i + 1] == _NUKTA:
                key = ch + _NUKTA if ch + _NUKTA in _CONSONANTS else ch
                i += 1
            phones.append(_Phone(False, key))
            nxt = chars[i + 1] if i + 1 < n else ""
            if nxt in _MATRAS:
                phones.append(_Phone(True, _MATRAS[nxt]))
                i += 2
            elif nxt == _VIRAMA:
                i += 2
            else:
                phones.append(_Phone(True, "a", inherent=True))
                i += 1
            continue
        if ch in _INDEPENDENT:
            phones.append(_Phone(True, _INDEPENDENT[ch], independent=True))
        elif ch in _MATRAS:
            # A vowel sign after an independent vowel (अ + ॉ = ऑ) replaces it; a stray one stands alone.
            if phones and phones[-1].is_vowel and phones[-1].independent and phones[-1].key == "a":
                phones[-1].key = _MATRAS[ch]
            else:
                phones.append(_Phone(True, _MATRAS[ch], independent=True))
        elif ch in (_ANUSVARA, _CANDRABINDU):
            kind = "anusvara" if ch == _ANUSVARA else "candrabindu"
            if phones and phones[-1].is_vowel:
                phones[-1].nasal = kind
            else:
                nasal_vowel = _Phone(True, "", independent=True)
                nasal_vowel.nasal = kind
                phones.append(nasal_vowel)
        elif ch == _VISARGA:
            if phones and phones[-1].is_vowel:
                phones[-1].visarga = True
            else:
                bare = _Phone(True, "", independent=True)
                bare.visarga = True
                phones.append(bare)
        elif ch == "ॐ":
            om = _Phone(True, "ō", independent=True)
            om.nasal = "anusvara"
            phones.append(om)
        # nukta on a vowel, stray virama, avagraha and unassigned code points carry no sound
        i += 1
    return phones


def _vowel_at(phones: list[_Phone], j: int) -> _Phone | None:
    if 0 <= j < len(phones) and phones[j].is_vowel and not phones[j].deleted and phones[j].key:
        return phones[j]
    return None


def _consonant_at(phones: list[_Phone], j: int) -> _Phone | None:
    if 0 <= j < len(phones) and not phones[j].is_vowel:
        return phones[j]
    return None


def _onset(phones: list[_Phone], j: int) -> list[str]:
    """The consonants directly before position ``j`` (the cluster a vowel follows)."""
    cluster: list[str] = []
    k = j - 1
    while k >= 0 and not phones[k].is_vowel:
        cluster.append(phones[k].key)
        k -= 1
    cluster.reverse()
    return cluster


def _ends_in_aran(phones: list[_Phone], j: int) -> bool:
    """True when ``j`` is a ण closing the word, bare or with the oblique plural -ों."""
    if j != len(phones) - 2 or phones[j].key != "ण":
        return False
    tail = phones[-1]
    return tail.inherent or (tail.key == "ō" and tail.nasal != "")


def _is_coda_r(phones: list[_Phone], j: int) -> bool:
    return (
        _consonant_at(phones, j) is not None and phones[j].key == "र" and _vowel_at(phones, j - 1) is not None
    )


def _keeps_final_schwa(phones: list[_Phone], last: int) -> bool:
    cluster = _onset(phones, last)
    others = [p for p in phones[:last] if p.is_vowel and p.key]
    if not cluster or not others:
        return True  # monosyllables (न, व) and a bare अ keep their vowel
    final = _CONSONANTS[cluster[-1]][0]
    if len(cluster) >= 2:
        first = _CONSONANTS[cluster[0]][0]
        if final in ("y", "r", "l", "v"):
            return True  # मित्र mitra, सैन्य sainya, पूर्व pūrva
        # स्वप्न svapna, रत्न ratna, but धर्म dharm, जन्म janm and फ़िल्म film
        first_place = _CONSONANTS[cluster[0]][3]
        return (
            final in ("n", "m", "ṇ")
            and first not in ("n", "m", "ṇ", "ṅ", "ñ")
            and first_place in ("stop", "labial", "fricative")
        )
    # -iya adjectives: भारतीय, प्रिय
    return final == "y" and others[-1].key in ("i", "ī")


def _delete_schwas(word: str, phones: list[_Phone]) -> None:
    """Mark the inherent vowels that spoken Hindi drops."""
    last = len(phones) - 1
    if last < 1:
        return
    tail = phones[last]
    if tail.is_vowel and tail.inherent and not tail.nasal and not tail.visarga:
        tail.deleted = not _keeps_final_schwa(phones, last)
    if word.startswith(_KEEP_MEDIAL):
        return
    # Right to left: V C a C V -> V C C V, so each deletion protects the schwa before it.
    for i in range(last - 1, 1, -1):
        p = phones[i]
        if not (p.is_vowel and p.inherent) or p.nasal or p.visarga or p.deleted:
            continue
        before, prev_vowel = _consonant_at(phones, i - 1), _vowel_at(phones, i - 2)
        after, next_vowel = _consonant_at(phones, i + 1), _vowel_at(phones, i + 2)
        if (
            prev_vowel is None
            and before is not None
            and _is_coda_r(phones, i - 2)
            and _CONSONANTS[before.key][3] not in ("glide", "labial-glide")
        ):
            # A reph closes the syllable before it, so र्स in पीटर्सबर्ग or र्म in
            # कर्मचारी behaves like a single consonant: Pitarsbarg, karmcārī.
            prev_vowel = _vowel_at(phones, i - 3)
        if before is None or prev_vowel is None or after is None or next_vowel is None:
            continue
        if i == 3 and word.startswith("सं"):
            continue  # the Sanskrit prefix sam- keeps the next vowel: संगठन, संरचित (but जंगली)
        if prev_vowel.inherent and len(_onset(phones, i - 2)) >= 2:
            continue  # राष्ट्रपति, प्रगति: a schwa after a cluster shields the next one
        if next_vowel.inherent and _ends_in_aran(phones, i + 3):
            continue  # tatsama -aran nouns keep both vowels: वातावरण vātāvaraṇ, उदाहरण udāharaṇ
        if before.key == "य" and prev_vowel.key in ("i", "ī", "ē"):
            continue  # नियमित: -iya- keeps its vowel
        p.deleted = True


def _nasal(vowel: _Phone, following: _Phone | None, style: int) -> str:
    if style == _STYLE_STRICT:
        return "ṁ" if vowel.nasal == "anusvara" else "m̐"
    labial = (
        vowel.nasal == "anusvara"
        and following is not None
        and not following.is_vowel
        and _CONSONANTS[following.key][3] in ("labial", "labial-glide")
    )
    return "m" if labial else "n"


def _render(phones: list[_Phone], style: int) -> str:
    out: list[str] = []
    visible = [p for p in phones if not p.deleted]
    prev_cons = ""
    for idx, p in enumerate(visible):
        if not p.is_vowel:
            text = _CONSONANTS[p.key][style]
            if style == _STYLE_STRICT and text == "h" and prev_cons in _ASPIRABLE:
                out.append(":")
            out.append(text)
            prev_cons = text
            continue
        if p.key:
            text = _VOWELS[p.key][style]
            if (
                style == _STYLE_STRICT
                and p.independent
                and p.key in ("i", "u")
                and idx > 0
                and visible[idx - 1].is_vowel
                and visible[idx - 1].key == "a"
                and not visible[idx - 1].nasal
            ):
                out.append(":")  # अइ a:i is not ऐ ai
            out.append(text)
        if p.nasal:
            out.append(_nasal(p, visible[idx + 1] if idx + 1 < len(visible) else None, style))
        if p.visarga:
            out.append("ḥ" if style == _STYLE_STRICT else "h")
        prev_cons = "" if p.key else prev_cons
    return "".join(out)


@lru_cache(maxsize=65536)
def _word(word: str, style: int) -> str:
    decomposed = unicodedata.normalize("NFD", word)
    phones = _parse(decomposed)
    if style != _STYLE_STRICT:
        _delete_schwas(unicodedata.normalize("NFC", word), phones)
    return unicodedata.normalize("NFC", _render(phones, style))


@dataclass(frozen=True)
class Sound:
    """One spoken segment of a word: a consonant letter (with its nukta) or a vowel id
    (``a`` inherent or written अ, ``ā``, ``i``, ``ē``, ``ô``…), after schwa deletion."""

    is_vowel: bool
    key: str
    nasal: bool = False  # the vowel carries anusvara or candrabindu


@lru_cache(maxsize=16384)
def sounds(word: str) -> tuple[Sound, ...]:
    """The segments a Hindi speaker pronounces in ``word``: deleted schwas are left out."""
    phones = _parse(unicodedata.normalize("NFD", word))
    _delete_schwas(unicodedata.normalize("NFC", word), phones)
    return tuple(Sound(p.is_vowel, p.key, bool(p.nasal))
                 for p in phones if not p.deleted and (p.key or p.nasal))


def _convert(text: str, style: int) -> str:
    if not text:
        return ""
    if not isinstance(text, str):
        raise InputError(f"Cannot romanize a {type(text).__name__}.", "Pass the Hindi text as a string.")
    out: list[str] = []
    pos = 0
    for match in _WORD_RE.finditer(text):
        out.append(_other(text[pos : match.start()]))
        word = _word(match.group(), style)
        # Names are capitalized; Latin text around them is left exactly as written.
        out.append(word[:1].upper() + word[1:] if style == _STYLE_NAME else word)
        pos = match.end()
    out.append(_other(text[pos:]))
    return "".join(out)


def _other(chunk: str) -> str:
    if not chunk:
        return ""
    return "".join(_DIGITS.get(c) or _PUNCT.get(c) or c for c in chunk)


def strict(text: str) -> str:
    """ISO 15919 transliteration, letter by letter with every inherent vowel written."""
    return _convert(text, _STYLE_STRICT)


def readable(text: str) -> str:
    """Learner-style romanization with schwa deletion: पुतिन → putin, समझना → samajhnā."""
    return _convert(text, _STYLE_READABLE)


def name_form(text: str) -> str:
    """Plain-ASCII romanization for names, each word capitalized: लुकाशेंको → Lukashenko."""
    return _convert(text, _STYLE_NAME)


_OUTLINE_DIGRAPHS = (("ph", "f"), ("sh", "s"), ("ch", "c"), ("th", "t"), ("x", "ks"))
# like sounds one letter; English z and j are written स, ज़ or ज in Hindi
_OUTLINE_LETTERS = str.maketrans("cqwzj", "kkvss")
_NOT_OUTLINE = re.compile("[^a-z]|[aeiouhy]")
_DOUBLED = re.compile(r"(.)\1+")


@lru_cache(maxsize=50_000)
def consonant_outline(text: str) -> str:
    """The consonants of a Latin spelling or a romanization, for telling whether a Hindi word
    and an English one are the same name or borrowing: diacritics, doubled letters, vowels, h
    and y dropped, like sounds merged (c/k/q, v/w, s/z/j), so Kalousis and Kalusis, or kapūr
    and Kapoor, compare equal."""
    plain = "".join(ch for ch in unicodedata.normalize("NFD", text.lower()) if not unicodedata.combining(ch))
    for digraph, single in _OUTLINE_DIGRAPHS:
        plain = plain.replace(digraph, single)
    # doubled letters are one sound (Kapoor, Jimmy); दादा keeps its two d's
    return _NOT_OUTLINE.sub("", _DOUBLED.sub(r"\1", plain.translate(_OUTLINE_LETTERS)))

