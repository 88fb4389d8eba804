"""Read Apertium's Hindi monolingual dictionary and expand every lemma into its forms.

Each ``<pardef>`` is a list of entries; an entry is a sequence of parts (``<i>``
identity text, ``<p>`` left/right pairs, ``<par>`` references) whose expansion is the
product of the parts' expansions. The left side is the surface form, the right side
the lemma text followed by ``<s>`` tags. Entries marked ``r="RL"`` only generate and
are skipped; regular-expression entries (digits, punctuation) are left to the tokenizer.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from assistant.errors import LexiconError
from assistant.lexicon.keys import norm

POS_TAGS = {
    "n": "NOUN", "na": "NOUN", "np": "PROPN", "adj": "ADJ", "adv": "ADV", "vblex": "VERB",
    "vaux": "AUX", "vbser": "AUX", "post": "ADP", "prn": "PRON", "det": "DET", "num": "NUM",
    "cnjcoo": "CCONJ", "cnjsub": "SCONJ", "cnjadv": "SCONJ", "inj": "INTJ", "abbr": "X",
}
_GENDER = {"m": "m", "f": "f"}
_NUMBER = {"sg": "sg", "pl": "pl"}
_CASE = {"nom": "dir", "obl": "obl", "erg": "erg", "voc": "voc", "dat": "dat", "gen": "gen",
         "abl": "abl", "loc": "loc", "acc": "acc", "ins": "ins"}
_PERSON = {"p1": "1", "p2": "2", "p3": "3"}
_TENSE = {"inf": "inf", "pres": "subj", "prs": "subj", "past": "past", "impf": "impf",
          "perf": "perf", "fut": "fut", "imp": "imp", "gna": "conj", "agnt": "agnt",
          "stem": "stem", "pri": "pres"}

Pieces = list[tuple[str, str, tuple[str, ...]]]
_POLITE = ("िए", "िये")  # the ending of the polite imperative


@dataclass(frozen=True)
class ApertiumForm:
    """One surface form of a lemma with its mapped grammatical fields."""

    form: str
    lemma: str
    pos: str
    gender: str | None
    number: str | None
    case: str | None
    person: str | None
    tense: str | None


def _side(elem: ET.Element | None) -> tuple[str, tuple[str, ...]]:
    if elem is None:
        return "", ()
    text = [elem.text or ""]
    tags: list[str] = []
    for child in elem:
        if child.tag == "b":
            text.append(" ")
        elif child.tag == "s":
            tags.append(child.get("n", ""))
        elif child.tag == "g":
            inner, inner_tags = _side(child)
            text.append(inner)
            tags.extend(inner_tags)
        text.append(child.tail or "")
    return "".join(text), tuple(tags)


class _Expander:
    def __init__(self, pardefs: dict[str, ET.Element]) -> None:
        self._pardefs = pardefs
        self._cache: dict[str, Pieces] = {}

    def paradigm(self, name: str) -> Pieces:
        if name not in self._cache:
            self._cache[name] = []  # guards against a paradigm that refers to itself
            node = self._pardefs.get(name)
            out: Pieces = []
            if node is not None:
                for entry in node.findall("e"):
                    out.extend(self.entry(entry))
            self._cache[name] = out
        return self._cache[name]

    def entry(self, entry: ET.Element) -> Pieces:
        if entry.get("r") == "RL" or entry.find("re") is not None:
            return []
        results: Pieces = [("", "", ())]
        for part in entry:
            if part.tag == "i":
                text, tags = _side(part)
                options: Pieces = [(text, text, tags)]
            elif part.tag == "p":
                left, _ = _side(part.find("l"))
                right, tags = _side(part.find("r"))
                options = [(left, right, tags)]
            elif part.tag == "par":
                options = self.paradigm(part.get("n", ""))
            else:
                continue
            results = [(a + b, c + d, t + u) for a, c, t in results for b, d, u in options]
            if not results:
                return []
        return results


def _fields(tags: tuple[str, ...]) -> tuple[str | None, ...] | None:
    pos = next((POS_TAGS[t] for t in tags if t in POS_TAGS), None)
    if pos is None:
        return None

    def pick(table: dict[str, str]) -> str | None:
        return next((table[t] for t in tags if t in table), None)

    return pos, pick(_GENDER), pick(_NUMBER), pick(_CASE), pick(_PERSON), pick(_TENSE)


def read_apertium(path: Path) -> list[ApertiumForm]:
    """All (form, analysis) pairs of the dictionary, verbs lemmatized to the infinitive."""
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as exc:
        raise LexiconError(f"Cannot read the Apertium dictionary {path}: {exc}.",
                           "Check the --shared folder.") from exc
    pardefs = {p.get("n", ""): p for p in root.iter("pardef")}
    expander = _Expander(pardefs)
    forms: set[ApertiumForm] = set()
    for section in root.iter("section"):
        for entry in section.findall("e"):
            pieces = expander.entry(entry)
            mapped = []
            for left, right, tags in pieces:
                fields = _fields(tags)
                if fields is None or not left.strip():
                    continue
                mapped.append((norm(left), norm(right), fields))
            infinitive = next((left for left, _, f in mapped
                               if f[0] == "VERB" and f[5] == "inf" and f[3] in ("dir", None)
                               and left.endswith("ना")), None)
            for left, right, (pos, gender, number, case, person, tense) in mapped:
                lemma = right
                if pos in ("VERB", "AUX"):
                    lemma = infinitive or (right if right.endswith("ना") else right + "ना")
                    if tense is None and left.endswith(_POLITE):
                        # दीजिए and लीजिए are listed without a tense (and लीजिए as "to be")
                        pos, gender, number, person, tense = "VERB", None, "pl", "2", "imp"
                forms.add(ApertiumForm(left, lemma, pos or "X", gender, number, case, person, tense))
    return sorted(_without_strays(forms), key=lambda f: (f.form, f.lemma, f.pos, tuple(str(x) for x in (
        f.gender, f.number, f.case, f.person, f.tense))))


def _without_strays(forms: set[ApertiumForm]) -> set[ApertiumForm]:
    """``forms`` less the verb readings that stray into another verb's paradigm: बोले is
    listed as a form of होना, but it begins with another letter and is बोलना's own form.
    Suppletive forms (गया of जाना, था of होना) stay: no verb of their own letter has them."""
    verbs = ("VERB", "AUX")
    own = {f.form for f in forms if f.pos in verbs and f.lemma[:1] == f.form[:1]}
    return {f for f in forms if f.pos not in verbs or f.lemma[:1] == f.form[:1] or f.form not in own}
