"""Words that are words in their own right, and readings that parallel text prefers.

The analyser reads a form through suffix rules, Apertium paradigms and spelling variants;
that over-reaches when the form is a frequent word of its own: नाटो (NATO) is not the
oblique plural of नाटा "runt", सही "correct" is not the feminine perfective of सहना "to
bear". At build time every word of wordfreq's Hindi list is analysed; a word whose best
reading makes it an inflection (or a respelling) of a lemma far rarer than the word
itself is listed as its own word. The analyser then keeps only its exact readings (a
headword, a closed-class entry), and a word without any goes on to be read by its sound
(a loanword or a name). Only the derived list is shipped, not wordfreq's data.

Likewise a form's translations in parallel text may back another of its readings than
the analyser's first (सही "correct", not the perfective of सहना): such preferred
readings are listed and put first.
"""

from __future__ import annotations

import math
from collections import defaultdict
from functools import cache

from assistant.lexicon.analyse import Lexicon
from assistant.lexicon.ranking import (
    LEARN_REVERSE,
    LIGHT_ENGLISH,
    STOPWORDS,
    proper_spellings,
    render,
    support,
    unit_pos,
    zipf,
)
from assistant.lexicon.ttable import TranslationTable
from assistant.types import Analysis

MIN_ZIPF = 3.0  # only words seen at least about once per million words
UNSEEN = 1.0  # a respelling target this rare is not what a frequent word stands for
HEADWORD_GAP = 1.5  # a headword this much (Zipf units: 1 = ten times) more frequent than
# all other forms of the lemma of its best reading together is read as itself


@cache
def _zipf(word: str) -> float:
    """Hindi word frequency on the Zipf scale."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "hi")


def _families(lexicon: Lexicon) -> dict[str, list[str]]:
    """Lemma → its inflected forms, from the lexicon's full-form list."""
    families: dict[str, list[str]] = defaultdict(list)
    for form, packed in lexicon.full_forms():
        for lemma in {item.split("/", 1)[0] for item in packed.split(";")}:
            families[lemma].append(form)
    return families


def _family_zipf(lemma: str, forms: list[str], word: str) -> float:
    """How often the lemma occurs in any form but ``word`` (Zipf scale)."""
    total = sum(10 ** _zipf(f) for f in {lemma, *forms} if f != word and _zipf(f) > 0)
    return math.log10(total) if total else 0.0


def find_own_words(lexicon: Lexicon) -> list[str]:
    """Sorted frequent Hindi words that the analyser would misread: respelled into an
    unseen inflected form (नाटो → नाटों of नाटा), or read as a form of a lemma whose other
    forms are much rarer when the word is a dictionary headword itself (सही, not सहना)."""
    from wordfreq import iter_wordlist

    families = _families(lexicon)
    out = []
    for word in iter_wordlist("hi"):
        zipf = _zipf(word)
        if zipf < MIN_ZIPF:
            break  # the list is in frequency order
        if lexicon.closed_entries(word):
            continue
        analyses = lexicon.analyse(word)
        if not analyses:
            respelled = lexicon.respelling(word)
            if respelled is not None and not lexicon.has_lemma(respelled) and _zipf(respelled) < UNSEEN:
                out.append(word)
            continue
        best = analyses[0]
        if best.lemma == word or best.source == "closed":
            continue
        headword = any(a.lemma == word and (info := lexicon.info(word, a.pos)) is not None
                       and info.pos == a.pos and info.senses for a in analyses)
        if headword and _family_zipf(best.lemma, families.get(best.lemma, []), word) < zipf - HEADWORD_GAP:
            out.append(word)
    return sorted(set(out))


PREFER_LINKS = 8  # a form aligned in this many sentences has a say in its reading
PREFER_SUPPORT = 0.3
PREFER_WEAK = 0.1


def preferred_readings(lexicon: Lexicon, table: TranslationTable) -> list[tuple[str, str, str]]:
    """(form, lemma, pos) for forms whose translations in parallel text back another of
    their readings, not the analyser's best one: सही is translated "correct" and "right",
    the senses of the adjective सही, never "bore" of सहना."""
    out = []
    for (kind, form), links in sorted(table.hindi_sentences.items()):
        if kind != "f" or links < PREFER_LINKS or lexicon.closed_entries(form):
            continue
        analyses = lexicon.analyse(form)
        if len(analyses) < 2 or analyses[0].source == "closed":
            continue
        distribution = dict(table.english(form, "f"))
        scored = []
        for analysis in analyses:
            info = lexicon.info(analysis.lemma, analysis.pos)
            # only a dictionary's senses speak for a reading: a sense learned from this very
            # form's translations (सहना "to true", once सही was read as it) would vouch for itself
            senses = tuple(s for s in info.senses if s not in info.learned) \
                if info is not None and info.pos == analysis.pos else ()
            scored.append(max((support(s, distribution, analysis.pos) for s in senses), default=0.0))
        best = max(range(len(analyses)), key=lambda i: (scored[i], -i))
        if best and scored[best] >= PREFER_SUPPORT and scored[0] < PREFER_WEAK:
            out.append((form, analyses[best].lemma, analyses[best].pos))
    return out


def _glossed(lexicon: Lexicon, analysis: Analysis) -> bool:
    info = lexicon.info(analysis.lemma, analysis.pos)
    return bool(info is not None and info.senses)


HEADWORD_SENTENCES = 8
HEADWORD_SHARE = 0.5
HEADWORD_ZIPF = 3.5
# a word with no English at all would be shown as a name ("Sevanivritt"): a translation
# seen this often, marked as learned, is the better gloss
BARE_SENTENCES = 2


def _says(lexicon: Lexicon, analysis: Analysis, english: str) -> bool:
    info = lexicon.info(analysis.lemma, analysis.pos)
    senses = info.senses if info is not None else ()
    return any(support(s, {english: 1.0}, "VERB") > 0 for s in senses)


def learned_headwords(lexicon: Lexicon, table: TranslationTable) -> list[tuple[str, str, str]]:
    """(word, pos, sense) for frequent forms no dictionary lists as a headword with senses
    and none of whose readings in the part of speech of what translators write says it:
    शोध is translated "research" but only read as the stem of शोधना. The table's word becomes the sense of a
    new headword, marked as learned."""
    families = _families(lexicon)
    out = []
    for (kind, form), sentences in sorted(table.hindi_sentences.items()):
        if kind != "f" or sentences < BARE_SENTENCES or lexicon.closed_entries(form):
            continue
        if any(r.senses for r in lexicon.records(form)):
            continue
        readings = lexicon.analyse(form)
        # a respelling of a glossed word (अकसर for अक्सर) is read as that word
        bare = not any(_glossed(lexicon, a) for a in readings) and lexicon.respelling(form) is None
        if sentences < HEADWORD_SENTENCES and not bare:
            continue
        if any(a.tense == "stem" and _family_zipf(a.lemma, families.get(a.lemma, []), form)
               >= _zipf(form) - 1.0 for a in readings):
            continue  # छोड़ is the stem of a verb in common use, शोध not (शोधना is rare)
        ranked = table.english(form, "f")
        if not ranked:
            continue
        english, share = ranked[0]
        if (share < HEADWORD_SHARE or zipf(english) < HEADWORD_ZIPF or english in STOPWORDS
                or english in LIGHT_ENGLISH
                or (bare and english in proper_spellings())  # a name is found by its sound
                # from a few sentences, the English word's usual Hindi must be this word:
                # two sentences on a vegetarian restaurant do not make इशारा "vegetarian"
                or (sentences < HEADWORD_SENTENCES and table.p_hi_given_en(form, english) < LEARN_REVERSE)):
            continue
        pos = unit_pos(english)
        if pos is None:
            continue
        if any(a.pos in ("VERB", "AUX") and a.tense in ("impf", "perf", "inf") and _says(lexicon, a, english)
               for a in readings):
            continue  # रहता, रहना's participle, is "living": no adjective "live" of its own
        backed = 0.0
        for analysis in readings:
            if analysis.pos != pos:
                continue  # शोध "research" as a noun, though the verb शोधना is "to research"
            info = lexicon.info(analysis.lemma, analysis.pos)
            senses = info.senses if info is not None and info.pos == analysis.pos else ()
            backed = max([backed, *(support(s, {english: share}, analysis.pos) for s in senses)])
        if backed == 0.0:
            out.append((form, pos, render(english, pos)))
    return out
