"""Readers for the two English→Hindi dictionaries, inverted to Hindi→English pairs.

FreeDict's TSV has ``headword pos sense hindi example`` with Hindi alternatives split
by `` | ``; the Wiktionary extract has ``english {pos} (sense) :: हिंदी {g} /roman/, ...``.
Both are noisy: editorial notes in braces or brackets, numbering, trailing dots,
explanatory Hindi paraphrases. Only clean, short Hindi entries are kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from assistant.errors import LexiconError
from assistant.lexicon.english import verb_base
from assistant.lexicon.keys import norm

FREEDICT_POS = {
    "N": "NOUN", "N/Det": "NOUN", "Adj": "ADJ", "V": "VERB", "VT": "VERB", "VI": "VERB",
    "VTI": "VERB", "PhrV": "VERB", "PhrVT": "VERB", "Adv": "ADV", "Prep": "ADP",
    "Pron": "PRON", "Conj": "CCONJ", "Det": "DET", "Interj": "INTJ", "Part": "PART",
    "IDM": "X",
}
WIKTIONARY_POS = {
    "n": "NOUN", "v": "VERB", "adj": "ADJ", "adv": "ADV", "prop": "PROPN", "pron": "PRON",
    "prep": "ADP", "postp": "ADP", "conj": "CCONJ", "interj": "INTJ", "num": "NUM",
    "phrase": "X", "prep phrase": "X", "article": "DET", "determiner": "DET",
    "particle": "PART", "proverb": "X", "abbr": "X", "initialism": "X", "acronym": "X",
}

_NOTES = re.compile(r"\{[^}]*\}|\[[^\]]*\]|\([^)]*\)")
_NUMBERING = re.compile(r"^\s*\d+\s*[.)]\s*")
_HINDI_OK = re.compile(r"^[\u0900-\u0963\u0966-\u097f]+(?:[ -][\u0900-\u0963\u0966-\u097f]+)*$")
_LETTER = re.compile("[\u0904-\u0939\u0958-\u0961\u0972-\u097f]")
_ENGLISH_OK = re.compile(r"^[A-Za-z][A-Za-z' -]*[A-Za-z]$|^[A-Za-z]$")


@dataclass(frozen=True)
class Pair:
    """One Hindi→English correspondence from one source."""

    hindi: str
    english: str
    pos: str
    source: str
    rank: float  # 1.0 for the first, most direct translation; smaller for later ones
    gender: str | None = None
    roman: str = ""
    example: str = ""


def clean_hindi(text: str) -> str:
    """The Hindi side without notes, numbering, ellipses or stray punctuation; '' if junk."""
    text = _NOTES.sub(" ", text)
    text = re.sub(r"[{\[(].*$", " ", text)  # a note left open to the end of the field
    text = _NUMBERING.sub("", text).replace("...", " ").replace("…", " ").replace("_", " ")
    text = text.strip(" .?!:;,'`\"-_।")
    text = " ".join(text.split())
    text = norm(text)
    if not text or not _HINDI_OK.match(text) or len(text.split()) > 4 or not _LETTER.match(text):
        return ""
    return text


def clean_english(text: str, pos: str) -> str:
    """A short English gloss; verbs get a leading 'to' and their base form (a headword
    "sold" is "to sell"; a modal, "could", is no verb sense at all). '' for junk."""
    text = " ".join(_NOTES.sub(" ", text).split()).strip(" .,;:")
    if not text or not _ENGLISH_OK.match(text) or len(text.split()) > 4:
        return ""
    if pos == "VERB":
        words = text.removeprefix("to ").split()
        base = verb_base(words[0]) if words else None
        if base is None:
            return ""
        text = " ".join(["to", base, *words[1:]])
    return text


def _source_lines(path: Path, what: str) -> list[str]:
    """The lines of a source dictionary file, or a LexiconError naming it."""
    try:
        return path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise LexiconError(f"Cannot read {what} {path}: {exc}.", "Check the --shared folder.") from exc


def read_freedict(path: Path) -> list[Pair]:
    pairs: list[Pair] = []
    lines = _source_lines(path, "FreeDict eng-hin at")
    for line in lines[1:]:
        cols = line.split("\t")
        if len(cols) < 4:
            continue
        headword, pos_tag, sense, hindi = cols[:4]
        example = cols[4].strip() if len(cols) > 4 else ""
        pos = FREEDICT_POS.get(pos_tag.strip())
        if pos is None:
            continue
        english = clean_english(headword, pos)
        if not english:
            continue
        try:
            sense_no = max(1, int(sense))
        except ValueError:
            sense_no = 1
        for index, alternative in enumerate(hindi.split("|")):
            word = clean_hindi(alternative)
            if word:
                rank = 1.0 / ((index + 1) * sense_no)
                pairs.append(Pair(word, english, pos, "freedict", rank, example=example))
    return pairs


_WIKT_LINE = re.compile(r"^(?P<en>[^{]+?)\s*\{(?P<pos>[^}]*)\}\s*(?:\((?P<sense>.*?)\))?\s*::\s*(?P<hi>.*)$")
_ROMAN = re.compile(r"/([^/]*)/")
_GENDER_TAG = re.compile(r"\{([^}]*)\}")


def _split_items(text: str) -> list[str]:
    """Split on commas that are not inside brackets or romanization slashes."""
    items, depth, in_slash, current = [], 0, False, []
    for ch in text:
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth = max(0, depth - 1)
        elif ch == "/":
            in_slash = not in_slash
        if ch == "," and depth == 0 and not in_slash:
            items.append("".join(current))
            current = []
        else:
            current.append(ch)
    items.append("".join(current))
    return [i.strip() for i in items if i.strip()]


def read_wiktionary(path: Path) -> list[Pair]:
    pairs: list[Pair] = []
    lines = _source_lines(path, "the Wiktionary extract at")
    for line in lines:
        if line.startswith("#"):
            continue
        match = _WIKT_LINE.match(line.strip())
        if not match:
            continue
        pos = WIKTIONARY_POS.get(match["pos"].strip())
        if pos is None:
            continue
        english = clean_english(match["en"], pos)
        if not english:
            continue
        for index, item in enumerate(_split_items(match["hi"])):
            romans = _ROMAN.findall(item)
            genders = {g.strip()[:1] for g in _GENDER_TAG.findall(item)} & {"m", "f"}
            word = clean_hindi(_GENDER_TAG.sub(" ", _ROMAN.sub(" ", item)))
            if not word:
                continue
            gender = genders.pop() if len(genders) == 1 else None
            roman = romans[0].strip().lower() if romans and " " not in word else ""
            pairs.append(Pair(word, english, pos, "wiktionary", 1.0 / (index + 1), gender, roman))
    return pairs
