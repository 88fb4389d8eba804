"""Per-token glosses of a sentence and the word-by-word English line built from them.

Every token gets exactly one ``Gloss``. A word the dictionaries do not know is read, in
turn, as an abbreviation, an English loanword or name (by its sound), a variant spelling
of a known word, or a compound of two known words; failing all that it is shown by its
romanization and marked as a probable name. Nothing is left blank.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import partial

from assistant.lexicon import Lexicon, find_units, load_lexicon
from assistant.lexicon.acronyms import letter_name, spell_acronym
from assistant.lexicon.compounds import compound_senses
from assistant.lexicon.english import gerund, inflect, participle, plural
from assistant.lexicon.entries import LemmaInfo
from assistant.lexicon.keys import norm
from assistant.lexicon.loanwords import borrowed_senses, load_loanwords
from assistant.lexicon.multiword import CONJUNCT_LIGHT, VECTOR_NUANCE, is_form_of_jana, keeps_on, nuanced
from assistant.lexicon.ranking import (
    english_noun_only,
    fit,
    for_form,
    hindi_zipf,
    in_context,
    sense_lemmas,
    table_name,
    table_sense,
    written_as_name,
)
from assistant.romanize import name_form, readable, strict
from assistant.types import Analysis, Gloss, MultiwordUnit, Sentence, Token

MAX_SENSES = 3
UNIT_SENSES_FIRST = 2  # a word inside a unit lists this many of the unit's senses before its own
# the noun of a compound postposition (तरह in की तरह "like") reads as the unit; की does not
_CONTENT_POS = frozenset({"NOUN", "ADJ", "ADV", "VERB"})
UNKNOWN_NOTE = "Not in the dictionary; shown by its romanization (probably a name or a borrowed word)."
LOANWORD_NOTE = "English loanword, recognised by its sound"
NAME_NOTE = "Not in the dictionary; probably a name, spelled as its sound suggests in English"
LEARNED_NOTE = "learned from parallel text, not from a dictionary"
VECTOR_NOTE = "vector verb of a compound verb"
VISARGA = "\u0903"
VISARGA_NOTE = "written with a colon for the visarga ः"
_DIGITS = str.maketrans("०१२३४५६७८९", "0123456789")
_TENSES = {
    "perf": "perfective (completed action)", "impf": "imperfective (habitual or ongoing)",
    "fut": "future", "inf": "infinitive", "conj": "conjunctive participle (\"having ...\")",
    "imp": "imperative or polite request", "subj": "subjunctive", "stem": "verb stem",
    "agnt": "agentive (\"one who ...\")", "prog": "progressive", "pres": "present", "past": "past",
}
_GENDERS = {"m": "masc.", "f": "fem."}
_NUMBERS = {"sg": "sg.", "pl": "pl."}
_CASES = {"obl": "oblique", "dir": "direct", "erg": "ergative", "voc": "vocative"}
_PERFECT = {"है": "has", "हैं": "have", "हूँ": "have", "हूं": "have", "था": "had", "थी": "had",
            "थे": "had", "थीं": "had"}
_ATTACH_LEFT = set(".,;:!?।॥)]}”’%")
_ATTACH_RIGHT = set("([{“‘")


def _grammar_note(word: str, analysis: Analysis) -> str:
    if word == analysis.lemma and analysis.tense in (None, "inf"):
        return ""
    features = [_GENDERS.get(analysis.gender or ""), _NUMBERS.get(analysis.number or ""),
                _CASES.get(analysis.case or "")]
    detail = " ".join(f for f in features if f)
    if analysis.pos in ("VERB", "AUX") and analysis.tense:
        head = _TENSES.get(analysis.tense, analysis.tense)
        return f"{head}{', ' + detail if detail else ''} of {analysis.lemma}"
    if detail and word != analysis.lemma:
        return f"{detail} form of {analysis.lemma}"
    return ""


def _gender(analysis: Analysis, record: LemmaInfo | None) -> str | None:
    """The word's own gender: a noun's or pronoun's. A verb has none (a participle's
    agreement stays in the analysis: perfective, masc. sg.), nor has an adjective that
    does not inflect (सैन्य, रूसी); one that does (बड़ा/बड़ी) shows its agreement."""
    if analysis.pos in ("VERB", "AUX"):
        return None
    if analysis.pos == "ADJ":
        return analysis.gender if analysis.lemma.endswith("ा") else None
    return analysis.gender or (record.gender if record else None)


def _guessed(unit: MultiwordUnit) -> bool:
    """A unit whose sense is only put together from its words ("to do storage", "to make
    passed"): a word inside it keeps its own senses first."""
    if unit.kind == "compound_verb":
        return False  # बना दिया "to make (completely)" is the verb's own sense
    sense = unit.senses[0] if unit.senses else ""
    lights = [*CONJUNCT_LIGHT.values(), "make"]
    templates = [f"to {light} " for light in lights]
    templates += [f"to be {participle('to ' + light)} " for light in lights]
    return sense.startswith(tuple(templates))


def _vector_sense(lexicon: Lexicon, tokens: Sequence[Token], readings: list[list[Analysis] | None],
                  index: int) -> str | None:
    """The nuance a vector verb adds after another verb (तबाह कर दिया "destroyed", देना
    "completely"), or None when the word is not one here."""
    here = readings[index]
    if index == 0 or not here or tokens[index - 1].kind != "word":
        return None
    vector = next((a for a in here if a.pos in ("VERB", "AUX") and a.lemma in VECTOR_NUANCE), None)
    before = readings[index - 1]
    if vector is None or not before or not any(
            a.pos == "VERB" and a.tense in ("stem", "conj") for a in before):
        return None
    return f"({VECTOR_NUANCE[vector.lemma]}: completes the verb before it)"


def _completed(lexicon: Lexicon, readings: list[list[Analysis] | None], unit: MultiwordUnit | None,
               index: int) -> str | None:
    """What the verb a vector verb completes means, with the vector's nuance: दी in घोषणा
    कर दी "to announce (completely)" (``unit``: the conjunct verb before it), दिया in a
    stem + vector outside a unit "to increase (completely)"; None after a bare light verb
    (कर दिया "to do")."""
    vector = next((a for a in readings[index] or () if a.pos in ("VERB", "AUX") and a.lemma in VECTOR_NUANCE),
                  None)
    if vector is None:
        return None
    nuance = VECTOR_NUANCE[vector.lemma]
    if unit is not None and unit.senses and unit.senses[0].startswith("to ") and not _guessed(unit):
        return f"{unit.senses[0]} ({nuance})"
    stem = next((a for a in readings[index - 1] or () if a.pos == "VERB" and a.tense == "stem"), None)
    if stem is None or stem.lemma in CONJUNCT_LIGHT:
        return None
    return nuanced(lexicon, stem.lemma, vector.lemma)


def _with_visarga(gloss: Gloss, tokens: Sequence[Token], index: int, lexicon: Lexicon) -> Gloss:
    """A word written with a colon for its visarga (मुख्यत: for मुख्यतः "mainly", अत: for
    अतः), glossed as the word with the visarga; else ``gloss`` as it is. A colon before a
    number is a separator (9:30), not a visarga."""
    token = tokens[index]
    after = tokens[index + 1] if index + 1 < len(tokens) else None
    if after is None or after.text != ":" or after.start != token.end:
        return gloss
    following = tokens[index + 2] if index + 2 < len(tokens) else None
    if following is not None and following.kind == "number" and following.start == after.end:
        return gloss
    spelled = token.text + VISARGA
    full = _word_gloss(Token(spelled, "word", 0, len(spelled)), lexicon, None)
    if not full.senses or not full.known or full.is_name:
        return gloss
    return replace(full, text=token.text, note=_add_note(VISARGA_NOTE, full.note))


def _said_already(sense: str, said: frozenset[str]) -> bool:
    """Whether every content word of ``sense`` is among the English lemmas ``said``; a sense
    of small words only ("for") is never taken as said."""
    own = sense_lemmas((sense,))
    return bool(own) and own <= said


def _add_note(note: str, extra: str) -> str:
    return f"{note}; {extra}" if note and extra else note or extra


def _led_by(gloss: Gloss, *lead: str, note: str = "") -> Gloss:
    """The gloss with ``lead`` as its first senses, its other senses after them, and ``note``
    before its own: what a context rule says the word means here goes first."""
    senses = (*lead, *(s for s in gloss.senses if s not in lead))[:MAX_SENSES]
    return replace(gloss, senses=senses, note=_add_note(note, gloss.note) if note else gloss.note)


def _record(lexicon: Lexicon, word: str, analysis: Analysis) -> LemmaInfo | None:
    if analysis.source == "closed":
        for entry in lexicon.closed_entries(word):
            if entry.analysis == analysis:
                return entry.info
    return lexicon.info(analysis.lemma, analysis.pos)


_RESIDENT = (("वासियों", "residents"), ("वासी", "resident"))


def _resident(text: str, lexicon: Lexicon) -> str | None:
    """फ्लोरिडावासी "resident of Florida", भारतवासियों "residents of India": a place, known
    or found by its sound, with the suffix of dwelling; else None."""
    for suffix, head in _RESIDENT:
        stem = text.removesuffix(suffix)
        if stem == text or len(stem) < 2:
            continue
        place = gloss_token(Token(stem, "word", 0, len(stem)), lexicon)
        if place.senses and place.known and place.pos in ("PROPN", "NOUN"):
            return f"{head} of {place.senses[0]}"
    return None


# the Sanskrit prefix "again" as written before a consonant: पुनर्निर्वाचित, पुनःस्थापित
_AGAIN_PREFIXES = ("पुनर्", "पुनः", "पुन:")


def _again(text: str, roman: str, roman_strict: str, lexicon: Lexicon) -> Gloss | None:
    """An unknown word made of पुनर्/पुनः "again" and a glossed word is that word done again:
    पुनर्निर्वाचित "re-elected", पुनर्निर्माण "re-construction"; else None."""
    prefix = next((p for p in _AGAIN_PREFIXES if text.startswith(p)), None)
    rest = text[len(prefix):] if prefix else ""
    if len(rest) < 3:
        return None
    word = _word_gloss(Token(rest, "word", 0, len(rest)), lexicon, None)
    if not word.senses or word.is_name or word.borrowed or word.pos not in _CONTENT_POS:
        return None
    sense = word.senses[0]
    redone = f"to re-{sense[3:]}" if sense.startswith("to ") else f"re-{sense}"
    note = _add_note(f"Not in the dictionary; read as {prefix} \"again\" + {rest}", word.note)
    return replace(word, text=text, lemma=prefix + word.lemma, roman=roman, roman_strict=roman_strict,
                   senses=(redone,), note=note)


# informal endings and the standard ones they stand for: the plural of an -ई noun written
# with the long vowel kept (सुनवाईयों for सुनवाइयों), a glide written as व after उ (हुवा for
# हुआ, दुवा for दुआ)
_INFORMAL_ENDINGS = (("ीयों", "ियों"), ("ीयाँ", "ियाँ"), ("ीयां", "ियां"),
                     ("ईयों", "इयों"), ("ईयाँ", "इयाँ"), ("ईयां", "इयां"),
                     ("ुवा", "ुआ"), ("ुवे", "ुए"), ("ुवी", "ुई"), ("ुवीं", "ुईं"))
_GEMINATES = (("क्ख", "ख"),)  # a doubled consonant of speech: रक्खा for रखा


def _variant_spellings(text: str, lexicon: Lexicon) -> Iterator[str]:
    """The known word an unknown ``text`` is a variant spelling of: vowel length,
    nasalization (देशो for देशों), an informal ending or a doubled consonant."""
    respelled = lexicon.respelling(text)
    if respelled is not None:
        yield respelled
    for informal, standard in _INFORMAL_ENDINGS:
        if text.endswith(informal) and lexicon.analyse(written := text[:-len(informal)] + standard):
            yield written
    for double, single in _GEMINATES:
        if double in text and lexicon.analyse(written := text.replace(double, single)):
            yield written


def _spelled_for(text: str, roman: str, roman_strict: str, lexicon: Lexicon, unit: MultiwordUnit | None,
                 others: Iterable[str], kind: str) -> tuple[str, Gloss] | None:
    """The first of ``others`` (spellings an unknown ``text`` may stand for) that the
    dictionaries gloss, with its gloss noted as a ``kind`` of it; None if none."""
    for other in others:
        gloss = _word_gloss(Token(other, "word", 0, len(other)), lexicon, unit)
        # only a dictionary sense carries over: a sound match belongs to the other spelling
        if gloss.senses and not gloss.is_name and not gloss.borrowed:
            note = _add_note(f"Not in the dictionary; probably a {kind} of {other}", gloss.note)
            return other, replace(gloss, text=text, roman=roman, roman_strict=roman_strict, note=note)
    return None


_FINAL_NASALS = "\u0901\u0902"


def _nasal_ending_only(text: str, other: str) -> bool:
    """Whether ``other`` differs from ``text`` only by a nasal mark at the end: an oblique
    plural written without it (देशो for देशों, क्यो for क्यों) or with one too many (हीं for
    ही). That is likelier than a name that merely sounds alike; a vowel length or a virama
    is not (मार्ता is Marta, not मारता)."""
    return text != other and text.rstrip(_FINAL_NASALS) == other.rstrip(_FINAL_NASALS)


def _unknown_gloss(text: str, roman: str, roman_strict: str, lexicon: Lexicon,
                   unit: MultiwordUnit | None) -> Gloss:
    """A word no dictionary knows: part of a multiword unit, an abbreviation, an English
    loanword or name, a variant spelling of a known word, a compound of known words, or
    else a probable name shown by its romanization."""
    if unit is not None and unit.senses:
        if unit.kind == "conjunct_verb":
            english, is_name = borrowed_senses(load_loanwords(), text, hindi_word=False)
            if english and not is_name:
                # an English verb before करना (एक्टिवेट किया) is still a loanword
                return Gloss(text, text, roman, roman_strict, "NOUN",
                             senses=(unit.senses[0], *english)[:MAX_SENSES], unit=unit, borrowed=True,
                             note=_add_note(f"here part of the expression {unit.text}", LOANWORD_NOTE))
        return Gloss(text, unit.lemma, roman, roman_strict, "X", senses=unit.senses[:1],
                     note=f"part of the expression {unit.text}", unit=unit, known=True)
    letters = spell_acronym(text)
    if letters is not None:
        return Gloss(text, text, roman, roman_strict, "PROPN", senses=(letters,),
                     note=f"abbreviation, read letter by letter: {'.'.join(letters)}.", unit=unit,
                     is_name=True, borrowed=True)
    english, is_name = borrowed_senses(load_loanwords(), text, hindi_word=False)
    if english and not is_name:
        # Hindi borrows English nouns above all: of equally close words, ड्रोन is "drone"
        # before "drawn"
        english = tuple(sorted(english, key=lambda s: fit(s, "NOUN") < 1.0))
        return Gloss(text, text, roman, roman_strict, "NOUN", senses=english[:MAX_SENSES],
                     note=LOANWORD_NOTE, unit=unit, borrowed=True)
    if english:
        # a known word without its final nasal mark before a name that merely sounds alike
        # (देशो is देशों, not "Deshaw")
        respelled = lexicon.respelling(text)
        if respelled is not None and _nasal_ending_only(text, respelled):
            variant = _spelled_for(text, roman, roman_strict, lexicon, unit, [respelled], "variant spelling")
            if variant is not None:
                return variant[1]
        return Gloss(text, text, roman, roman_strict, "PROPN", senses=english[:1], note=NAME_NOTE,
                     unit=unit, is_name=True, borrowed=True)
    resident = _resident(text, lexicon)
    if resident is not None:
        return Gloss(text, text, roman, roman_strict, "NOUN", senses=(resident,),
                     note="Not in the dictionary; a place name + -वासी \"dweller\"", unit=unit, known=True)
    variant = _spelled_for(text, roman, roman_strict, lexicon, unit, _variant_spellings(text, lexicon),
                           "variant spelling")
    if variant is not None:
        return variant[1]
    missed = lexicon.near_miss(text, hindi_zipf)
    found = _spelled_for(text, roman, roman_strict, lexicon, unit, [missed] if missed else [], "misspelling")
    if found is not None:
        return found[1]
    related = lexicon.relational(text)
    if related is not None:
        return Gloss(text, text, roman, roman_strict, "ADJ", senses=(related[0],),
                     note=f"Not in the dictionary; read as {related[1]} + {related[2]}", unit=unit,
                     known=True)
    made = lexicon.made_into(text)
    if made is not None:
        suffix = "-करण" if made[1] == "NOUN" else "-कृत"
        return Gloss(text, text, roman, roman_strict, made[1], senses=(made[0],),
                     note=f"Not in the dictionary; read as {made[2]} + {suffix}", unit=unit, known=True)
    again = _again(text, roman, roman_strict, lexicon)
    if again is not None:
        return again
    compound = compound_senses(lexicon, text)
    if compound is not None:
        return Gloss(text, text, roman, roman_strict, "NOUN", senses=(compound[0],),
                     note=f"Not in the dictionary; read as a {compound[1]}", unit=unit, known=True)
    learned = table_sense(text)  # one English word: a compound's parts say more (world + war)
    if learned is not None:
        return Gloss(text, text, roman, roman_strict, learned[1], senses=(learned[0],),
                     note=f"Not in the dictionary; {LEARNED_NOTE}", unit=unit, known=True)
    return Gloss(text, text, roman, roman_strict, "PROPN", senses=(name_form(text) or roman,),
                 note=UNKNOWN_NOTE, unit=unit, known=False, is_name=True)


def _word_gloss(token: Token, lexicon: Lexicon, unit: MultiwordUnit | None,
                analyses: list[Analysis] | None = None) -> Gloss:
    text = token.text
    # a stray mark may romanize to nothing; the reader still needs something to show
    roman, roman_strict = readable(text) or text, strict(text) or text
    if analyses is None:
        analyses = lexicon.analyse(text)
    if not analyses:
        return _unknown_gloss(text, roman, roman_strict, lexicon, unit)
    best = analyses[0]
    record = _record(lexicon, text, best)
    senses = record.senses[:MAX_SENSES] if record and record.pos == best.pos else ()
    if not senses and record and best.pos not in ("PROPN",):
        senses = record.senses[:MAX_SENSES]
    be_stem = _is_be_stem(best)
    if len(senses) > 1 and best.source != "closed" and text != best.lemma and not be_stem:
        senses = for_form(text, best.pos, senses)
    if best.pos == "NOUN" and best.number == "pl" and len(senses) > 1:
        # a plural is a thing, whatever else the lemma's senses say: प्रतियाँ "copies", not "per"
        others = tuple(s for s in senses if " " not in s and fit(s, "NOUN") < 1.0)
        if len(others) < len(senses):
            senses = (*(s for s in senses if s not in others), *others)
    learned = [sense for sense in senses if record is not None and sense in record.learned]
    gender = _gender(best, record)
    is_name = best.pos == "PROPN"
    if is_name and not senses:
        senses = (name_form(text) or roman,)
    note = record.note if record and record.note else _grammar_note(text, best)
    if not senses and unit is not None and unit.senses:
        senses = unit.senses[:1]
        note = note or f"part of the expression {unit.text}"
    if not senses and best.pos in _CONTENT_POS and (learned_here := table_sense(text, best.pos)):
        senses = (learned_here[0],)  # what translators write beats a sense pieced together
        note = _add_note(note, LEARNED_NOTE)
    if not senses and best.pos in _CONTENT_POS and (name := table_name(text)):
        # a headword without English that translators write as its romanization is a name
        senses, is_name = (name,), True
        note = _add_note(note, "a name, spelled as translators write it")
    if not senses and best.pos == "NOUN" and (resident := _resident(text, lexicon)):
        senses = (resident,)  # भारतवासियों "residents of India"
    if not senses and best.pos in ("ADJ", "ADV", "NOUN", "VERB"):
        derived = lexicon.derived_senses(best.lemma, best.pos)
        if derived is not None:
            senses = (derived[0],)
            note = _add_note(note, f"derived from {derived[1]}")
    if not senses:
        from_phrase = lexicon.senses_from_phrases(best.lemma)
        if from_phrase is not None:
            senses = (from_phrase[0],)
            note = _add_note(note, f"glossed from the dictionary phrase {from_phrase[1]}")
    if not senses:
        compound = compound_senses(lexicon, text)
        if compound is not None:
            senses = (compound[0],)
            note = _add_note(note, compound[1])
    borrowed = False
    if not senses:
        senses, _ = borrowed_senses(load_loanwords(), text, hindi_word=True)
        if not senses and record is not None and not record.senses:
            # a headword the dictionaries give no English at all: an English word it sounds
            # like is likelier than not what it is (बोट "boat", वैली "valley"); a name is not
            found, is_name = borrowed_senses(load_loanwords(), text, hindi_word=False)
            # ... and one that can be the word's part of speech: अर्क is no "irk"
            senses = () if is_name else tuple(s for s in found if not s.endswith(" (name)")
                                               and fit(s.lower(), best.pos))
        if senses:
            borrowed = True
            note = _add_note(note, LOANWORD_NOTE)
    if not senses:
        bare = f"In the dictionary as {best.lemma} ({best.pos}) but without an English gloss."
        note = _add_note(note, bare)
    if learned:
        note = _add_note(note, f"{LEARNED_NOTE}: {', '.join(learned)}")
    if unit is not None and unit.senses and unit.senses[0] not in senses[:1] and not borrowed \
            and (best.source != "closed" or best.pos in _CONTENT_POS) and not _guessed(unit) and not be_stem:
        # inside a unit the word means what the unit means: रूप in के रूप में is "as",
        # पुष्टि in पुष्टि की "confirmed"; the unit's runner-up follows (प्रदान करना "to
        # provide | to offer"), then the word's own senses
        lead = unit.senses[:UNIT_SENSES_FIRST]
        # ... but not one the unit's already say: यात्रा in यात्रा करना is "to travel | to
        # journey | trip", not "... | travel"
        said = sense_lemmas(lead)
        senses = (*lead, *(s for s in senses if s not in lead and not _said_already(s, said)))
        note = _add_note(f"here part of the expression {unit.text}", note)
    return Gloss(text, best.lemma, roman, roman_strict, best.pos, gender, tuple(senses[:MAX_SENSES]), note,
                 unit, known=True, is_name=is_name, analysis=best, borrowed=borrowed)


def gloss_token(token: Token, lexicon: Lexicon | None = None,
                unit: MultiwordUnit | None = None) -> Gloss:
    """The gloss of one token (``unit`` is the multiword unit it belongs to, if any)."""
    text = token.text
    if token.kind == "word":
        return _word_gloss(token, lexicon or load_lexicon(), unit)
    if token.kind == "number":
        value = text.translate(_DIGITS)
        return Gloss(text, value, value, value, "NUM", senses=(value,), known=True)
    if token.kind == "latin":
        return Gloss(text, text, text, text, "X", senses=(text,), note="English in the original")
    pos = "PUNCT" if token.kind == "punct" else "SYM"
    return Gloss(text, text, text, text, pos, unit=unit)


def _promoted(readings: list[Analysis], first: Callable[[Analysis], bool]) -> list[Analysis]:
    """The readings ``first`` picks ahead of the others, each group in its own order."""
    return [a for a in readings if first(a)] + [a for a in readings if not first(a)]


def _light_verbs_of_units(readings: list[list[Analysis] | None], units: Sequence[MultiwordUnit]) -> None:
    """The light verb ending a conjunct verb is read as that verb: की in यात्रा की और is
    "made (a trip)", not the genitive "of" (the unit finder has checked the clause)."""
    for unit in units:
        last = readings[unit.end_token - 1]
        if unit.kind != "conjunct_verb" or not last or last[0].pos != "ADP":
            continue
        readings[unit.end_token - 1] = _promoted(
            last, lambda a: a.pos == "VERB" and a.lemma in CONJUNCT_LIGHT)


def _passive_participle(current: list[Analysis], nxt: list[Analysis] | None) -> bool:
    return bool(nxt) and is_form_of_jana(nxt[0]) and any(
        a.pos == "VERB" and a.tense == "perf" for a in current)


def _is_be_stem(analysis: Analysis) -> bool:
    """The stem हो of हो गया, हो सकता: plain "to be", whatever the neighbours; the unit's
    "to become" is shown on गया."""
    return analysis.lemma == "होना" and analysis.tense == "stem"


_AFTER_STEM = frozenset({"जाना", "सकना", "पाना", "चुकना", "रहना"})


def _happening(unit: MultiwordUnit, readings: list[list[Analysis] | None]) -> MultiwordUnit:
    """हो जाना after a noun is "to happen" (उसकी मृत्यु हो गई "his death happened"), after
    an adjective "to become" (बीमार हो गया "became ill")."""
    before = readings[unit.start_token - 1] if unit.start_token else None
    if unit.lemma != "हो जाना" or "to happen" not in unit.senses or not before or before[0].pos != "NOUN":
        return unit
    return replace(unit, senses=("to happen", *(s for s in unit.senses if s != "to happen")))


def _progressive(analysis: Analysis) -> bool:
    return analysis.lemma == "रहना" and analysis.pos == "AUX" and analysis.tense == "prog"


_NEGATION = frozenset({"नहीं", "न", "ना"})


def _inflected_adjective(readings: list[Analysis] | None) -> bool:
    """Whether the first reading is an adjective inflected from another lemma than the
    word's adverb reading (पहले: पहला "first", not the adverb "before")."""
    return bool(readings) and readings[0].pos == "ADJ" and any(
        a.pos == "ADV" and a.lemma != readings[0].lemma for a in readings)


def _in_context(lexicon: Lexicon, tokens: Sequence[Token]) -> list[list[Analysis] | None]:
    """Readings per token, reordered where the neighbours decide: a word read as a noun
    right before another noun, or before an adjective and a noun, is taken as an adjective
    when it can be one (रूसी राष्ट्रपति "Russian president", not "dandruff president")."""
    readings: list[list[Analysis] | None] = [
        lexicon.analyse(t.text) if t.kind == "word" else None for t in tokens]
    for i, current in enumerate(readings):
        nxt = readings[i + 1] if i + 1 < len(readings) else None
        # a genitive never ends a clause: की before the end or an auxiliary is "did", and
        # before a form of जाना the passive "was done" (कल्पना की गयी)
        if current and current[0].pos == "ADP" and any(a.pos == "VERB" for a in current):
            if i + 1 == len(readings) or tokens[i + 1].kind == "punct" or (
                    nxt and (nxt[0].pos in ("AUX", "SCONJ") or is_form_of_jana(nxt[0]))):
                readings[i] = _promoted(current, lambda a: a.pos == "VERB")
        # a noun that is also a perfective participle, before a form of जाना, is the
        # passive: बदले जाते "were changed", not बदला "revenge"
        elif current and current[0].pos == "NOUN" and _passive_participle(current, nxt):
            readings[i] = _promoted(current, lambda a: a.pos == "VERB" and a.tense == "perf")
        # before the progressive रहा a verb is its stem: बना रहे "are making", not "made"
        if current and nxt and _progressive(nxt[0]) and current[0].tense != "stem":
            readings[i] = _promoted(current, lambda a: a.pos == "VERB" and a.tense == "stem")
        # after an oblique infinitive दो is देना, not "two": जाने दो "let go"
        before = readings[i - 1] if i else None
        lead = partial(_modal_lead, before=before, word=norm(tokens[i - 1].text) if i else "")
        if current and current[0].pos != "VERB" and any(lead(a) for a in current):
            readings[i] = _promoted(current, lead)
        # an adverb that is also the inflected form of an adjective is the adjective right
        # before a noun or a number: पहले खिलाड़ी "the first player", पहले सौ वर्ष "the first
        # hundred years" (before a name or a determiner it stays the adverb: पहले इटली में
        # "earlier in Italy"; कम, लगभग are one word either way)
        if current and nxt and current[0].pos == "ADV" and nxt[0].pos in ("NOUN", "NUM") \
                and not (i and norm(tokens[i - 1].text) == "से"):
            promoted = _promoted(current, lambda a: a.pos == "ADJ")
            if _inflected_adjective(promoted):
                readings[i] = promoted
        # after a numeral a postposition that is also a noun is the noun: एक प्रति "one copy"
        if current and current[0].pos == "ADP" and before and before[0].pos in ("NUM", "DET") \
                and norm(tokens[i].text) not in _CASE_MARKERS and any(a.pos == "NOUN" for a in current):
            readings[i] = _promoted(current, lambda a: a.pos == "NOUN")
        # after an adjective agreeing with a masculine oblique noun, an oblique infinitive
        # that is also a noun is the noun: पुराने जमाने "old times", not "to establish";
        # अच्छे गाने "good songs"
        if current and current[0].pos == "VERB" and current[0].tense == "inf" and before \
                and before[0].pos == "ADJ" and tokens[i - 1].text.endswith("े") \
                and any(a.pos == "NOUN" for a in current):
            readings[i] = _promoted(current, lambda a: a.pos == "NOUN")
        # after a genitive a particle is the noun it can also be: मेरा मत "my opinion", not
        # "don't" (after an adjective too often the negation: उपलब्ध नहीं "not available")
        if current and current[0].pos == "PART" and before and any(a.case == "gen" for a in before) \
                and norm(tokens[i].text) not in _NEGATION:
            readings[i] = _promoted(current, lambda a: a.pos == "NOUN")
    for i, current in enumerate(readings):
        # हो before जाना, सकना, पाना, चुकना or रहा is the stem of होना (हो गया "became",
        # हो सकता "may be"), not the copula "are" of तुम हो
        after = readings[i + 1] if i + 1 < len(readings) else None
        if current and norm(tokens[i].text) == "हो" and current[0].tense != "stem" and after \
                and after[0].lemma in _AFTER_STEM and after[0].pos in ("VERB", "AUX"):
            stem = replace(current[0], pos="VERB", tense="stem", person=None, number=None, source="apertium")
            readings[i] = [stem, *current]
        # रहा after no verb is the verb "to stay" (चुप रहा "stayed silent"), not the "-ing"
        # of a progressive, which needs a verb stem before it; after an imperfective
        # participle it says the action went on (बोलता रहा "kept speaking")
        before = readings[i - 1] if i else None
        if current and _progressive(current[0]):
            # (a dictionary's "verb" सहयोग, with no -ना, is a noun's misfiled sense)
            if not any(a.pos in ("VERB", "AUX") and (a.tense is not None or a.lemma.endswith("ना"))
                       for a in before or ()):
                readings[i] = [replace(current[0], pos="VERB", tense="perf", source="apertium"), *current]
            elif keeps_on(before, current):
                readings[i] = [replace(current[0], tense="perf", source="apertium"), *current]
    for i in range(len(readings) - 2, -1, -1):  # right to left: रूसी सैन्य अधिकारी
        current, following = readings[i], readings[i + 1]
        if not current or not following or current[0].pos != "NOUN":
            continue
        if following[0].pos not in ("NOUN", "PROPN", "ADJ"):
            continue
        if following[0].pos == "ADJ" and not (i + 2 < len(readings) and readings[i + 2]
                                               and readings[i + 2][0].pos in ("NOUN", "PROPN")):
            continue  # an adjective before a noun: the word before it is one too
        for k, analysis in enumerate(current):
            record = lexicon.info(analysis.lemma, "ADJ") if analysis.pos == "ADJ" else None
            if record is not None and record.pos == "ADJ" and record.senses:
                readings[i] = [analysis, *current[:k], *current[k + 1:]]
                break
    return readings


HOUR_SENSES = ("o'clock", "at (that hour)")
HOUR_NOTE = "after a number, the hour of the clock (from बजना \"to strike\")"


WHILE_SENSE = "(while: with the -ing participle before it)"
WHILE_NOTE = "हुए after an imperfective participle: while doing it (हंसते हुए \"while laughing\")"
SOON_SENSE = "(as soon as: with the participle before it)"
SOON_NOTE = "ही after a participle in -ते: as soon as it happens (पहुंचते ही \"as soon as he arrived\")"
ABOUT_TO_NOTE = "वाला after an infinitive in -ने, before होना: about to (जाने वाली है \"is about to go\")"
_VALA = frozenset({"वाला", "वाली", "वाले"})


def _about_to(tokens: Sequence[Token], readings: list[list[Analysis] | None], i: int) -> bool:
    """Whether वाला here says what is about to happen: after an oblique infinitive and
    before a form of होना (जाने वाली है "is about to go"; not जाने वाली ट्रेन "the train
    that goes")."""
    if norm(tokens[i].text) not in _VALA or i == 0 or i + 1 >= len(tokens):
        return False
    before, after = readings[i - 1], readings[i + 1]
    return bool(before and after) and before[0].pos == "VERB" and before[0].tense == "inf" \
        and norm(tokens[i - 1].text).endswith("ने") and after[0].lemma == "होना"


# a word after an imperfective participle that makes it an adverb: (its sense, note)
_AFTER_IMPERFECTIVE = {"हुए": (WHILE_SENSE, WHILE_NOTE), "हुई": (WHILE_SENSE, WHILE_NOTE),
                       "हुआ": (WHILE_SENSE, WHILE_NOTE), "ही": (SOON_SENSE, SOON_NOTE)}


def _adverbial(tokens: Sequence[Token], readings: list[list[Analysis] | None],
               i: int) -> tuple[str, str] | None:
    """(sense, note) for हुए after an imperfective participle (बोलते हुए "while speaking") or
    ही after its oblique -ते form (पहुंचते ही "as soon as he arrived"): the pair is an adverb
    of time or manner, and "to be" or "only" says nothing of that; None elsewhere."""
    word = norm(tokens[i].text)
    if i == 0 or word not in _AFTER_IMPERFECTIVE or tokens[i - 1].kind != "word":
        return None
    if word == "ही" and not norm(tokens[i - 1].text).endswith("ते"):
        return None  # करता ही है "does indeed": emphasis
    before = readings[i - 1]
    is_participle = bool(before) and before[0].pos == "VERB" and before[0].tense == "impf"
    return _AFTER_IMPERFECTIVE[word] if is_participle else None


# ठीक before a word of place or time is "exactly": ठीक पहले "just before", ठीक सामने
_EXACTLY = ("exactly", "just", "right")
EXACTLY_NOTE = "ठीक before a word of place or time: exactly, just (ठीक पहले \"just before\")"
_PLACE_OR_TIME = frozenset({"पहले", "बाद", "सामने", "पीछे", "ऊपर", "नीचे", "बीच", "बीचों", "निकट", "पास",
                            "वहीं", "यहीं", "उसी", "इसी", "वैसे", "वैसा", "वैसी", "उतना", "उतने", "समय",
                            "आधी", "आधा", "बगल", "मध्य", "अंदर", "बाहर", "उलट", "विपरीत"})


def _exactly(tokens: Sequence[Token], i: int) -> bool:
    return (norm(tokens[i].text) == "ठीक" and i + 1 < len(tokens) and tokens[i + 1].kind == "word"
            and norm(tokens[i + 1].text) in _PLACE_OR_TIME)


def _is_hour(tokens: Sequence[Token], readings: list[list[Analysis] | None], i: int) -> bool:
    if i == 0 or norm(tokens[i].text) != "बजे":
        return False
    before = readings[i - 1]
    return tokens[i - 1].kind == "number" or bool(before and before[0].pos == "NUM")


def _with_neighbours(gloss: Gloss, tokens: Sequence[Token], i: int) -> Gloss:
    """The gloss with its senses ordered by what translators write for the word beside its
    neighbours (पहले in से पहले "before", in पहले से "already"); a unit's sense stays first."""
    unit = gloss.unit
    if len(gloss.senses) < 2 or gloss.is_name or (unit is not None and gloss.senses[:1] == unit.senses[:1]) \
            or (gloss.analysis is not None and _is_be_stem(gloss.analysis)):
        return gloss
    left = norm(tokens[i - 1].text) if i and tokens[i - 1].kind == "word" else None
    right = norm(tokens[i + 1].text) if i + 1 < len(tokens) and tokens[i + 1].kind == "word" else None
    ordered = in_context(norm(gloss.text), left, right, gloss.pos, gloss.senses)
    return gloss if ordered == gloss.senses else replace(gloss, senses=ordered)


_CASE_MARKERS = frozenset({"ने", "को", "से", "में", "पर", "का", "की", "के", "तक"})


def _as_noun(gloss: Gloss, tokens: Sequence[Token], readings: list[list[Analysis] | None], i: int) -> Gloss:
    """An adjective standing as a noun, before a case marker or a verb (कई वैज्ञानिक कहते हैं
    "many scientists say"), leads with a sense English uses as a noun ("scientist", not
    "scientific"); a predicate adjective (वह वैज्ञानिक है) is left alone."""
    if gloss.pos != "ADJ" or len(gloss.senses) < 2 or i + 1 >= len(tokens) or tokens[i + 1].kind != "word":
        return gloss
    if gloss.unit is not None and gloss.unit.kind == "phrase" and gloss.senses[:1] == gloss.unit.senses[:1]:
        return gloss  # एक दूसरे से: a fixed phrase's "each other" stays first
    following = readings[i + 1]
    if not following or not (norm(tokens[i + 1].text) in _CASE_MARKERS or following[0].pos == "VERB"):
        return gloss
    nouns = [s for s in gloss.senses if " " not in s and english_noun_only(s)]
    if not nouns or english_noun_only(gloss.senses[0]):
        return gloss
    return _led_by(gloss, nouns[0])


def _saying(gloss: Gloss, tokens: Sequence[Token], i: int) -> Gloss:
    """कहना before कि is "to say" (वे कहते हैं कि "they say that"), whatever the form's own
    translations prefer (कहते हैं alone is mostly "is called")."""
    if gloss.lemma != "कहना" or "to say" not in gloss.senses[1:]:
        return gloss
    if not any(norm(t.text) == "कि" for t in tokens[i + 1:i + 4]):
        return gloss
    return _led_by(gloss, "to say")


# before these दूसरा picks another one, not the second: किसी दूसरे व्यक्ति, एक देश से दूसरे देश
_ANOTHER_AFTER = frozenset({"किसी", "कोई", "से"})


def _other(gloss: Gloss, tokens: Sequence[Token], readings: list[list[Analysis] | None], i: int) -> Gloss:
    """दूसरा before a plural noun, or after किसी, कोई or से, is "other" (दूसरे देशों "other
    countries", किसी दूसरे व्यक्ति "another person"), not "second" (दूसरे स्थान पर "in second
    place")."""
    if gloss.lemma != "दूसरा" or gloss.pos != "ADJ" or "other" not in gloss.senses[1:]:
        return gloss
    following = readings[i + 1] if i + 1 < len(tokens) and tokens[i + 1].kind == "word" else None
    plural = bool(following) and following[0].pos == "NOUN" and following[0].number == "pl"
    if not plural and not (i and norm(tokens[i - 1].text) in _ANOTHER_AFTER):
        return gloss
    return _led_by(gloss, "other")


_RELATED = frozenset({"संबंधी", "सम्बन्धी", "सम्बंधी"})
RELATED_NOTE = "after a noun, संबंधी says what something concerns (सुरक्षा संबंधी \"security-related\")"


def _related_to(gloss: Gloss, readings: list[list[Analysis] | None], i: int) -> Gloss:
    """संबंधी right after a noun is "related to" it (सुरक्षा संबंधी मुद्दे "issues related to
    security"), not the noun "relative" (उसके संबंधी "his relatives")."""
    if gloss.lemma not in _RELATED or not i or (gloss.unit is not None and gloss.unit.senses):
        return gloss
    before = readings[i - 1]
    if not before or before[0].pos != "NOUN":
        return gloss
    return replace(_led_by(gloss, "related to", note=RELATED_NOTE), pos="ADJ", gender=None)


_POSSESSIVES = frozenset({"मेरे", "तेरे", "हमारे", "तुम्हारे", "आपके", "उसके", "इसके", "उनके", "इनके",
                          "अपने", "किसके", "जिसके", "जिनके", "किनके"})
POSSESSION_NOTE = "after a possessive, पास says what someone has (उनके पास पैसा है \"they have money\")"


def _having(gloss: Gloss, tokens: Sequence[Token], i: int) -> Gloss:
    """पास right after a possessive pronoun is having (हमारे पास समय है "we have time"),
    not nearness, which a noun's के पास says more often (शहर के पास "near the city")."""
    if norm(tokens[i].text) != "पास" or not i or norm(tokens[i - 1].text) not in _POSSESSIVES:
        return gloss
    return _led_by(gloss, "to have", note=POSSESSION_NOTE)


TAKING_TIME_NOTE = "after a span of time, लगना says how long it takes (दो साल लगेंगे \"will take two years\")"
# English senses that name a span of time: the noun before लगना says how long it takes
_SPANS = frozenset({"year", "month", "week", "fortnight", "day", "hour", "minute", "second", "moment",
                    "time", "while", "decade", "century"})


def _taking_time(gloss: Gloss, glosses: Sequence[Gloss], i: int) -> Gloss:
    """लगना right after a noun naming a span of time is "to take (time)" (तीन घंटे लगते हैं
    "it takes three hours"), not "to seem"; ``glosses`` are those of the words before it."""
    if gloss.lemma != "लगना" or gloss.pos != "VERB" or not i:
        return gloss
    before = glosses[i - 1]
    if before.pos != "NOUN" or not before.senses or before.senses[0] not in _SPANS:
        return gloss
    return _led_by(gloss, "to take (time)", note=TAKING_TIME_NOTE)


GETTING_NOTE = "with a dative (X को, उसे), मिलना says what X gets (उसे पुरस्कार मिला \"he got an award\")"
MEETING_NOTE = "after से, मिलना is meeting someone (वह राम से मिला \"he met Ram\")"
_DATIVES = frozenset({"को", "मुझे", "तुझे", "उसे", "इसे", "हमें", "तुम्हें", "उन्हें", "इन्हें", "किसे",
                      "जिसे", "जिन्हें", "किन्हें", "आपको", "उसको", "इसको", "उनको", "इनको", "किसको"})
# words that begin a new clause: a dative before one belongs to another verb
_CLAUSE_START = frozenset({"कि", "और", "लेकिन", "परंतु", "किंतु", "तथा", "एवं", "जो", "जब", "तब", "तो",
                           "क्योंकि", "जबकि", "यदि", "अगर", "या"})


def _meeting_or_getting(gloss: Gloss, tokens: Sequence[Token], i: int) -> Gloss:
    """मिलना right after से is "to meet" (हिटलर से मिले); with a dative earlier in its clause
    "to get" (लोगों को रोजगार मिला "people got jobs"); elsewhere its senses stand."""
    if gloss.lemma != "मिलना" or gloss.pos != "VERB" or norm(gloss.text).endswith("कर"):
        return gloss  # मिलकर "together" is a converb, not a finite verb
    if i and norm(tokens[i - 1].text) == "से":
        lead, note = ("to meet",), MEETING_NOTE
    else:
        start = i
        while start and tokens[start - 1].kind == "word" \
                and norm(tokens[start - 1].text) not in _CLAUSE_START:
            start -= 1
        if not any(norm(t.text) in _DATIVES for t in tokens[start:i]):
            return gloss
        lead, note = ("to get", "to receive"), GETTING_NOTE
    return _led_by(gloss, *lead, note=note)


OBLIGATION_NOTE = "after an infinitive, होना or पड़ना says what must be done"
_OBLIGATION = {"होगा": "will have to", "होगी": "will have to", "होंगे": "will have to",
               "है": "has to", "हैं": "have to", "था": "had to", "थी": "had to", "थे": "had to",
               "थीं": "had to",
               # जाना पड़ा "had to go": पड़ना after an infinitive is an obligation met
               "पड़ा": "had to", "पड़ी": "had to", "पड़े": "had to", "पड़ीं": "had to",
               "पड़ता": "has to", "पड़ती": "has to", "पड़ते": "have to",
               "पड़ेगा": "will have to", "पड़ेगी": "will have to", "पड़ेंगे": "will have to"}


def _obligation(tokens: Sequence[Token], readings: list[list[Analysis] | None], i: int) -> str | None:
    """"will have to", "has to", "had to" for a form of होना or पड़ना right after an
    infinitive (जाना होगा "will have to go", जाना पड़ा "had to go"); else None."""
    sense = _OBLIGATION.get(norm(tokens[i].text))
    before = readings[i - 1] if i else None
    if sense is None or not before or tokens[i - 1].kind != "word":
        return None
    word = norm(tokens[i - 1].text)
    infinitive = any(a.pos == "VERB" and (a.tense == "inf" or a.lemma == word) for a in before[:1])
    if not infinitive or not word.endswith(("ना", "नी")):
        return None
    # उसका कहना है "his saying is", not "he has to say": a possessor makes it a noun
    owner = readings[i - 2] if i > 1 and tokens[i - 2].kind == "word" else None
    possessed = bool(owner) and owner[0].pos in ("ADP", "PRON") and norm(tokens[i - 2].text).endswith(
        ("का", "की", "के", "रा", "री", "रे", "ना", "नी", "ने"))
    return None if possessed else sense


# a verb after an oblique infinitive (रोने लगा, जाने दो) or after a stem (कर पाया) says how
# the action stands, not what the verb means alone: (senses, note, what must come before)
_MODAL: dict[str, tuple[tuple[str, ...], str, str]] = {
    "लगना": (("to begin to", "to start to"), "लगना after an infinitive in -ने: the action began "
             "(रोने लगा \"began to cry\")", "inf"),
    "देना": (("to let", "to allow to"), "देना after an infinitive in -ने: permission "
            "(जाने दो \"let (him) go\")", "inf"),
    "पाना": (("to be able to", "to manage to"), "पाना after a verb stem: could, managed to "
            "(नहीं कर पाया \"could not do\")", "stem"),
}

_MODAL_NOTES = tuple(note for _, note, _ in _MODAL.values())


def _modal_lead(reading: Analysis, before: list[Analysis] | None, word: str) -> bool:
    """Whether ``reading``, a verb of _MODAL, follows the form its construction needs;
    ``before`` are the readings of ``word``, the word before it."""
    wanted = _MODAL[reading.lemma][2] if reading.pos == "VERB" and reading.lemma in _MODAL else None
    if wanted is None or not before or before[0].pos != "VERB":
        return False
    first = before[0]
    if wanted == "inf":
        return first.tense == "inf" and word.endswith("ने")
    # a bare stem the analyser reads as an imperative (आ in आ पाएगा) is the stem too
    return first.tense in ("stem", "conj") or (first.tense == "imp" and word == first.lemma[:-2])


def _modal(tokens: Sequence[Token], readings: list[list[Analysis] | None], i: int,
           unit: MultiwordUnit | None) -> tuple[tuple[str, ...], str] | None:
    """The senses and note of a verb in a modal construction (रोने लगा, कर पाया; with a
    negation between, रोक नहीं पाया "could not stop"), or None."""
    lead = i - 1
    if lead > 0 and tokens[lead].kind == "word" and norm(tokens[lead].text) in _NEGATION:
        lead -= 1
    here, before = readings[i], readings[lead] if lead >= 0 else None
    if unit is not None or not here or not before or tokens[lead].kind != "word" \
            or not _modal_lead(here[0], before, norm(tokens[lead].text)):
        return None
    senses, note, _ = _MODAL[here[0].lemma]
    return senses, note


PASSIVE_NOTE = "passive auxiliary: जाना after a perfective participle (किया गया \"was done\")"
# perfectives that take जाना as going, not as the passive: चला गया "went away"
_NOT_PASSIVE = frozenset({"चलना", "जाना", "आना", "बैठना", "लेटना", "उठना"})


def _is_passive(tokens: Sequence[Token], readings: list[list[Analysis] | None], i: int) -> bool:
    """Whether the word at ``i`` is a form of जाना right after a perfective participle."""
    here, before = readings[i], readings[i - 1] if i else None
    if not here or not before or tokens[i - 1].kind != "word":
        return False
    if not any(is_form_of_jana(a) for a in here):
        return False
    first = before[0]
    return first.pos == "VERB" and first.tense == "perf" and first.lemma not in _NOT_PASSIVE


def _passive(gloss: Gloss, participle_gloss: Gloss | None) -> Gloss:
    """जाना as the passive auxiliary: "to be done" after किया, the unit's sense when one
    says more (बनाया जा "to be made"); "(passive voice)" without a participle to name."""
    senses = gloss.senses
    verb = participle_gloss.senses[0] if participle_gloss is not None and participle_gloss.senses else ""
    unit = gloss.unit
    if unit is None or unit.kind != "passive" or not unit.senses or senses[:1] != unit.senses[:1]:
        lead = f"to be {participle(verb)}" if verb.startswith("to ") else "(passive voice)"
        senses = (lead, *(s for s in senses if s != lead))
    analysis = replace(gloss.analysis, pos="AUX") if gloss.analysis is not None else None
    return replace(gloss, pos="AUX", gender=None, senses=senses[:MAX_SENSES], analysis=analysis,
                   note=_add_note(PASSIVE_NOTE, gloss.note))


def gloss_sentence(sentence: Sentence, lexicon: Lexicon | None = None) -> tuple[Gloss, ...]:
    """Exactly one gloss per token of the sentence, in order."""
    lexicon = lexicon or load_lexicon()
    tokens = sentence.tokens
    if not any(t.kind == "word" for t in tokens):
        return tuple(gloss_token(token, lexicon) for token in tokens)
    owner: dict[int, MultiwordUnit] = {}
    readings = _in_context(lexicon, tokens)
    # आने वाला है is "is about to come", not the unit आने वाला "upcoming"; के पहले दिन is "the
    # first day of", not the postposition के पहले "before"
    about_to = {i for i in range(len(tokens)) if _about_to(tokens, readings, i)}
    units = [_happening(unit, readings) for unit in find_units(tokens, lexicon)
             if about_to.isdisjoint(range(unit.start_token, unit.end_token))
             and not (unit.kind == "postposition" and _inflected_adjective(readings[unit.end_token - 1]))]
    for unit in units:
        for index in range(unit.start_token, unit.end_token):
            owner[index] = unit
    _light_verbs_of_units(readings, units)
    out = []
    for i, token in enumerate(tokens):
        if token.kind != "word":
            out.append(gloss_token(token, lexicon, owner.get(i)))
            continue
        gloss = _word_gloss(token, lexicon, owner.get(i), readings[i])
        if not gloss.senses or gloss.is_name:
            gloss = _with_visarga(gloss, tokens, i, lexicon)
        gloss = _saying(_as_noun(_with_neighbours(gloss, tokens, i), tokens, readings, i), tokens, i)
        gloss = _other(_meeting_or_getting(gloss, tokens, i), tokens, readings, i)
        gloss = _having(_related_to(gloss, readings, i), tokens, i)
        gloss = _taking_time(gloss, out, i)
        if _is_hour(tokens, readings, i):
            # बजे after a number is the hour of the clock: 9 बजे "nine o'clock", not "rang"
            gloss = replace(gloss, pos="ADV", gender=None, senses=HOUR_SENSES, analysis=None,
                            note=HOUR_NOTE)
            out.append(gloss)
            continue
        if i in about_to:
            out.append(replace(gloss, senses=("about to", *gloss.senses)[:MAX_SENSES],
                               note=_add_note(ABOUT_TO_NOTE, gloss.note)))
            continue
        if _exactly(tokens, i):
            out.append(replace(gloss, pos="ADV", gender=None, senses=_EXACTLY,
                               note=_add_note(EXACTLY_NOTE, gloss.note)))
            continue
        adverbial = _adverbial(tokens, readings, i) if owner.get(i) is None else None
        if adverbial is not None:
            out.append(replace(gloss, senses=(adverbial[0], *gloss.senses)[:MAX_SENSES],
                               note=_add_note(adverbial[1], gloss.note)))
            continue
        modal = _modal(tokens, readings, i, owner.get(i))
        if modal is not None:
            out.append(replace(gloss, senses=(*modal[0], *gloss.senses)[:MAX_SENSES],
                               note=_add_note(modal[1], gloss.note)))
            continue
        obligation = _obligation(tokens, readings, i)
        if obligation is not None:
            # वापस बुलाना होगा "will have to withdraw": होना after an infinitive
            out.append(replace(gloss, senses=(obligation, *gloss.senses)[:MAX_SENSES],
                               note=_add_note(OBLIGATION_NOTE, gloss.note)))
            continue
        if _is_passive(tokens, readings, i):
            # कर दिया गया: the participle is a vector verb, its "give" says nothing
            vector = i > 1 and _vector_sense(lexicon, tokens, readings, i - 1) is not None
            out.append(_passive(gloss, None if vector else out[-1]))
            continue
        unit, before = owner.get(i), readings[i - 1] if i else None
        # a vector verb left outside a unit (कर दिया after a conjunct verb), or in one whose
        # sense is only pieced together after a word read as a verb first (बना दिया गया; not
        # पहचान देने "to give identity"), is aspect, not "give"
        pieced = unit is not None and _guessed(unit) and bool(before) and before[0].pos == "VERB"
        vector = _vector_sense(lexicon, tokens, readings, i) if unit is None or pieced else None
        if vector is not None:
            # ... and outside a unit it first says what the verb it completes means
            done = _completed(lexicon, readings, owner.get(i - 1), i) if unit is None else None
            gloss = replace(gloss, senses=(*((done,) if done else ()), vector, *gloss.senses)[:MAX_SENSES],
                            note=_add_note(VECTOR_NOTE, gloss.note))
        out.append(gloss)
    return _names_together(_spaced_letters(tuple(out), tokens), tokens)


NAME_PART_NOTE = "beside a name, read as part of it, as translators write it"


def _names_together(glosses: tuple[Gloss, ...], tokens: Sequence[Token]) -> tuple[Gloss, ...]:
    """A word that translators write as its own romanization, right before or after a name,
    is part of that name (सुषमा स्वराज "Sushma Swaraj", not "self-rule"; लता मंगेशकर "Lata
    Mangeshkar", not "creeper"); so are two such words side by side (ऋषि कपूर "Rishi
    Kapoor", not "seer camphor"). Its own senses follow the name."""
    out = list(glosses)

    def as_name(i: int, name: str) -> None:
        found[i] = None  # a name now, no longer a candidate
        out[i] = replace(_led_by(out[i], name, note=NAME_PART_NOTE), pos="PROPN", gender=None, is_name=True)

    def named(i: int) -> bool:
        return tokens[i].kind == "word" and out[i].is_name and out[i].pos == "PROPN"

    found: dict[int, str | None] = {}

    def candidate(i: int) -> str | None:
        if i not in found:
            gloss = out[i]
            plain = tokens[i].kind == "word" and not gloss.is_name and not gloss.borrowed \
                and gloss.unit is None and gloss.pos in _CONTENT_POS
            found[i] = written_as_name(norm(gloss.text), gloss.senses) if plain else None
        return found[i]

    for i in range(len(out) - 2, -1, -1):  # right to left: लाल बहादुर शास्त्री
        # before a name: लता मंगेशकर "Lata Mangeshkar", not "creeper"
        if named(i + 1) and (name := candidate(i)) is not None:
            as_name(i, name)
    for i in range(1, len(out)):
        if tokens[i - 1].kind != "word" or (name := candidate(i)) is None:
            continue
        before = out[i - 1]
        # after a name, or a word whose English is a proper word (ब्रिटिश राज "British Raj")
        proper = bool(before.senses) and before.senses[0][:1].isupper()
        if named(i - 1) or proper:
            as_name(i, name)
        elif (first := candidate(i - 1)) is not None:
            as_name(i - 1, first)
            as_name(i, name)
    return tuple(out)


# letter names that are also common Hindi words: never all a run has, and never at its ends
# when they are postpositions or verbs (सी बी आई के अधिकारी "CBI's officials")
_WORDLIKE_LETTERS = frozenset({"ए", "ई", "आई", "ओ", "सी", "जी", "के"})
_NOT_AT_RUN_ENDS = frozenset({"ए", "ई", "आई", "ओ", "के"})


def _spaced_letters(glosses: tuple[Gloss, ...], tokens: Sequence[Token]) -> tuple[Gloss, ...]:
    """An abbreviation spelled letter by letter with spaces (सी एन जी "CNG", बी जे पी): a run
    of two or more letter names, one of them no Hindi word (एन, डी; not सी, जी, के),
    each glossed as its letter."""
    out = list(glosses)
    i = 0
    while i < len(tokens):
        end = i
        while end < len(tokens) and tokens[end].kind == "word" and letter_name(tokens[end].text) is not None \
                and (end == i or tokens[end - 1].end < tokens[end].start):
            end += 1
        first, last = i, end
        while first < last and norm(tokens[first].text) in _NOT_AT_RUN_ENDS:
            first += 1
        while last > first and norm(tokens[last - 1].text) in _NOT_AT_RUN_ENDS:
            last -= 1
        run = range(first, last)
        if len(run) >= 2 and any(norm(tokens[k].text) not in _WORDLIKE_LETTERS for k in run):
            letters = "".join(letter_name(tokens[k].text) or "" for k in run)
            for k in run:
                out[k] = replace(out[k], lemma=tokens[k].text, pos="PROPN", gender=None,
                                 senses=(letter_name(tokens[k].text) or "",), unit=None, analysis=None,
                                 note=f"a letter of the abbreviation {letters}", is_name=True, known=True)
        i = max(end, i + 1)
    return tuple(out)


@dataclass
class _Piece:
    """One slot of the English line: a word or unit rendering plus what may reshape it."""

    text: str
    sense: str = ""  # an English verb sense ("to make") when the slot is a verb
    tense: str | None = None
    gloss: Gloss | None = None


def _verb_reading(lexicon: Lexicon, gloss: Gloss) -> Analysis | None:
    if gloss.analysis is not None and gloss.analysis.pos in ("VERB", "AUX"):
        return gloss.analysis
    return next((a for a in lexicon.analyse(gloss.text) if a.pos in ("VERB", "AUX")), None)


def _unit_piece(lexicon: Lexicon, unit: MultiwordUnit, last: Gloss) -> _Piece | None:
    if not unit.senses:
        return None
    sense = unit.senses[0]
    if unit.kind in ("conjunct_verb", "compound_verb", "passive") and sense.startswith("to "):
        reading = _verb_reading(lexicon, last)
        tense = reading.tense if reading else None
        if tense == "inf" and last.text.endswith("ने"):
            return _Piece(gerund(sense), sense, "inf")  # हमला करने की: "of attacking"
        return _Piece(inflect(sense, tense), sense, tense)
    return _Piece(sense)


def _closed_line(lexicon: Lexicon, gloss: Gloss) -> str | None:
    for entry in lexicon.closed_entries(gloss.text):
        if entry.analysis == gloss.analysis:
            return "" if entry.info.line == "-" else (entry.info.line or None)
    return None


def _word_piece(lexicon: Lexicon, gloss: Gloss) -> _Piece:
    if gloss.pos in ("PUNCT", "SYM"):
        return _Piece("." if gloss.text in "।॥" else gloss.text, gloss=gloss)
    if gloss.note.startswith(VECTOR_NOTE):
        return _Piece("", gloss=gloss)  # aspect only: "destroyed", not "destroyed gave"
    analysis = gloss.analysis
    if analysis is not None and analysis.source == "closed":
        rendered = _closed_line(lexicon, gloss)
        if rendered is not None:
            return _Piece(rendered, gloss=gloss)
    if not gloss.senses:
        return _Piece(gloss.roman, gloss=gloss)
    sense = gloss.senses[0]
    if analysis is not None and gloss.pos in ("VERB", "AUX") and sense.startswith("to "):
        if analysis.tense == "inf" and gloss.text.endswith("ने"):
            return _Piece(gerund(sense), sense, "inf", gloss)  # oblique infinitive: बढ़ने पर "on growing"
        return _Piece(inflect(sense, analysis.tense), sense, analysis.tense, gloss)
    if analysis is not None and gloss.pos == "NOUN" and analysis.number == "pl":
        return _Piece(plural(sense), gloss=gloss)
    return _Piece(sense, gloss=gloss)


def _is_progressive(piece: _Piece) -> bool:
    analysis = piece.gloss.analysis if piece.gloss else None
    return bool(analysis and analysis.tense == "prog" and analysis.pos == "AUX")


def _is_be(piece: _Piece) -> bool:
    analysis = piece.gloss.analysis if piece.gloss else None
    return bool(analysis and analysis.pos == "AUX" and analysis.lemma == "होना")


def _verb_sense(piece: _Piece) -> str:
    """The English verb ("to go") a piece renders, "" when it is no verb."""
    gloss = piece.gloss
    if not piece.sense and gloss is not None and gloss.pos == "VERB" and gloss.senses:
        return gloss.senses[0] if gloss.senses[0].startswith("to ") else ""  # a closed form: जाने
    return piece.sense if piece.sense.startswith("to ") else ""


def _reshape(pieces: list[_Piece]) -> list[_Piece]:
    """English word order for verb groups: "do रहा है" → "is doing"; "करते हुए" → "while doing"."""
    out: list[_Piece] = []
    i = 0
    while i < len(pieces):
        piece = pieces[i]
        previous = out[-1] if out else None
        if _is_progressive(piece) and previous is not None and previous.sense:
            verb = out.pop()
            if i + 1 < len(pieces) and _is_be(pieces[i + 1]):
                out.append(pieces[i + 1])
                i += 1
            out.append(_Piece(gerund(verb.sense)))
            i += 1
            continue
        verb = _verb_sense(previous) if previous is not None else ""
        if piece.gloss is not None and piece.gloss.note.startswith(_MODAL_NOTES) and piece.sense and verb:
            # रोने लगा: "began to cry", not "crying began to"
            sense = f"{piece.sense} {verb[3:]}"
            out[-1] = _Piece(inflect(sense, piece.tense), sense, piece.tense, piece.gloss)
            i += 1
            continue
        perfect = _PERFECT.get(piece.gloss.text if piece.gloss else "")
        if perfect and _is_be(piece) and previous is not None and previous.sense \
                and previous.tense == "perf":
            out[-1] = _Piece(f"{perfect} {participle(previous.sense)}")  # किया है: "has done"
            i += 1
            continue
        if piece.gloss is not None and piece.gloss.note.startswith(ABOUT_TO_NOTE) and verb:
            out.pop()  # जाने वाली है: "is about to go"
            if i + 1 < len(pieces) and _is_be(pieces[i + 1]):
                out.append(pieces[i + 1])
                i += 1
            out.append(_Piece("about " + verb))
            i += 1
            continue
        if piece.gloss is not None and piece.gloss.note.startswith(SOON_NOTE) and verb:
            out[-1] = _Piece("upon " + gerund(verb))  # पहुंचते ही "upon reaching"
            i += 1
            continue
        if (piece.gloss is not None and piece.gloss.text in ("हुआ", "हुए", "हुई")
                and previous is not None and previous.sense):
            if previous.tense == "impf":  # करते हुए: "while doing"
                out[-1] = _Piece("while " + gerund(previous.sense))
                i += 1
                continue
            if previous.tense == "perf":  # बने हुए: a state, already said by the participle
                i += 1
                continue
        out.append(piece)
        i += 1
    return out


def gloss_line(glosses: Sequence[Gloss], lexicon: Lexicon | None = None) -> str:
    """The word-by-word English line: one short sense per word, units glossed once."""
    lexicon = lexicon or load_lexicon()
    pieces: list[_Piece] = []
    index = 0
    while index < len(glosses):
        gloss = glosses[index]
        if gloss.unit is not None:
            span = 1
            while index + span < len(glosses) and glosses[index + span].unit == gloss.unit:
                span += 1
            piece = _unit_piece(lexicon, gloss.unit, glosses[index + span - 1])
            if piece is None:
                pieces.extend(_word_piece(lexicon, g) for g in glosses[index:index + span])
            else:
                pieces.append(piece)
            index += span
            continue
        pieces.append(_word_piece(lexicon, gloss))
        index += 1
    return _join([p.text for p in _reshape(pieces)])


def _join(pieces: list[str]) -> str:
    out = ""
    glue_next = False
    for piece in pieces:
        if not piece:
            continue
        ordinal = piece == "th" and out[-1:].isdigit()  # 15 + वीं → "15th"
        clock = piece[:1].isdigit() and out.endswith(":") and out[-2:-1].isdigit()  # 9:30
        if not out or glue_next or piece[0] in _ATTACH_LEFT or piece == "-" or ordinal or clock:
            out += piece
        else:
            out += " " + piece
        glue_next = piece[-1] in _ATTACH_RIGHT or piece == "-"
    return out
