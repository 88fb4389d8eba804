"""Grammar in words: the one place that turns tags into what a reader sees.

Every view (tooltip, glossary table, each export) calls these functions, so a word's
grammar reads the same everywhere ("noun · masculine", "name", "verb · perfective,
masc. sg.") and no raw tag such as ``PROPN`` reaches a reader.

What is shown follows Hindi grammar rather than the analyser's fields:
- gender is a property of nouns and names only; it is shown as "masculine"/"feminine";
- verbs, auxiliaries and adjectives have no gender of their own: a form's agreement is
  shown as agreement ("perfective, masc. sg."), taken from the word's ``Analysis``;
- an adjective shows agreement only when it inflects at all: its dictionary form ends
  in -ā (बड़ा) and the glosser gave the form a gender; invariant adjectives (सैन्य, रूसी)
  show none, and a glossary entry (a dictionary form) never does.
"""

from __future__ import annotations

from assistant.types import Analysis, Gloss, GlossaryTerm

SEPARATOR = " · "
NAME = "name"

POS_NAMES = {
    "NOUN": "noun",
    "PROPN": NAME,
    "VERB": "verb",
    "AUX": "auxiliary",
    "ADJ": "adjective",
    "ADV": "adverb",
    "ADP": "postposition",
    "PRON": "pronoun",
    "DET": "determiner",
    "NUM": "numeral",
    "CCONJ": "conjunction",
    "SCONJ": "subordinating conjunction",
    "PART": "particle",
    "INTJ": "interjection",
    "PUNCT": "punctuation",
    "SYM": "symbol",
    "X": "other",
}
GENDER_NAMES = {"m": "masculine", "f": "feminine"}
TENSE_NAMES = {
    "perf": "perfective",
    "impf": "imperfective",
    "prog": "progressive",
    "fut": "future",
    "pres": "present",
    "past": "past",
    "subj": "subjunctive",
    "imp": "imperative",
    "inf": "infinitive",
    "conj": "conjunctive participle",
    "agnt": "agentive",
    "stem": "stem",
}
_GENDER_SHORT = {"m": "masc.", "f": "fem."}
_NUMBER_SHORT = {"sg": "sg.", "pl": "pl."}
_PERSON_SHORT = {"1": "1st pers.", "2": "2nd pers.", "3": "3rd pers."}

# Parts of speech whose gender is the word's own (a noun is feminine); for the others a
# gender in the data is agreement with another word, or noise.
_INHERENT_GENDER = frozenset({"NOUN", "PROPN"})
_AGREEING = frozenset({"VERB", "AUX"})
# The perfective participle agrees in gender and number only; person is not marked on it.
_NO_PERSON = frozenset({"perf", "impf", "prog", "inf", "conj", "agnt", "stem"})


def pos_label(pos: str) -> str:
    """A Universal Dependencies tag in words ("ADP" -> "postposition", "PROPN" -> "name")."""
    if not pos:
        return ""
    return POS_NAMES.get(pos.upper(), pos.lower())


def gender_label(gender: str | None) -> str:
    """"m" -> "masculine", "f" -> "feminine"; "" when there is none."""
    return GENDER_NAMES.get(gender or "", gender or "")


def _join(*parts: str) -> str:
    return SEPARATOR.join(part for part in parts if part)


def grammar_label(pos: str, gender: str | None) -> str:
    """A dictionary entry's grammar: "noun · masculine", "verb", "adjective", "name".

    The gender is shown only for nouns and names, whose gender is their own.
    """
    shown = gender_label(gender) if pos.upper() in _INHERENT_GENDER else ""
    return _join(pos_label(pos), shown)


def agreement_label(gender: str | None, number: str | None, person: str | None = None) -> str:
    """Agreement features in the short form grammars use: "masc. sg.", "3rd pers. pl."."""
    parts = (_PERSON_SHORT.get(person or "", ""), _GENDER_SHORT.get(gender or "", ""),
             _NUMBER_SHORT.get(number or "", ""))  # fmt: skip
    return " ".join(part for part in parts if part)


def form_label(analysis: Analysis) -> str:
    """What a verb form is: "perfective, masc. sg.", "future, 1st pers. masc. sg."."""
    person = None if analysis.tense in _NO_PERSON else analysis.person
    tense = TENSE_NAMES.get(analysis.tense or "", analysis.tense or "")
    return ", ".join(p for p in (tense, agreement_label(analysis.gender, analysis.number, person)) if p)


def _inflects(adjective: str) -> bool:
    """Whether a Hindi adjective agrees with its noun: those whose dictionary form ends in
    -ā (बड़ा, बड़ी, बड़े) do; the rest (सैन्य, लाल, सुंदर) never change."""
    return adjective.endswith("\u093e")


def _is_name(pos: str, is_name: bool) -> bool:
    return is_name or pos.upper() == "PROPN"


def term_columns(term: GlossaryTerm) -> tuple[str, str]:
    """A glossary entry's part of speech and gender in words, for exports with two columns."""
    if _is_name(term.pos, term.is_name):
        return NAME, gender_label(term.gender)
    pos = term.pos.upper()
    return pos_label(pos), gender_label(term.gender) if pos in _INHERENT_GENDER else ""


def term_grammar(term: GlossaryTerm) -> str:
    """A glossary entry's grammar, as every glossary shows it: "noun · feminine", "name", "verb"."""
    return _join(*term_columns(term))


def gloss_grammar(gloss: Gloss) -> str:
    """The grammar of one word in its sentence, as its tooltip shows it.

    "noun · masculine"; "name · feminine"; "verb · perfective, masc. sg." for a participle
    (agreement from the analysis, never the verb's "gender"); "adjective · fem. sg." for
    an adjective that inflects, "adjective" for one that does not.
    """
    pos = gloss.pos.upper()
    analysis = gloss.analysis
    if _is_name(pos, gloss.is_name):
        return _join(NAME, gender_label(gloss.gender or (analysis.gender if analysis else None)))
    if pos in _INHERENT_GENDER:
        return _join(pos_label(pos), gender_label(gloss.gender or (analysis.gender if analysis else None)))
    if pos in _AGREEING:
        return _join(pos_label(pos), form_label(analysis) if analysis else "")
    if pos == "ADJ" and gloss.gender and _inflects(analysis.lemma if analysis else gloss.lemma):
        number = analysis.number if analysis else None
        return _join(pos_label(pos), agreement_label(gloss.gender, number))
    return pos_label(pos)


__all__ = [
    "GENDER_NAMES",
    "NAME",
    "POS_NAMES",
    "TENSE_NAMES",
    "agreement_label",
    "form_label",
    "gender_label",
    "gloss_grammar",
    "grammar_label",
    "pos_label",
    "term_columns",
    "term_grammar",
]
