"""Senses ranked for use: the dictionary's senses re-ordered by what translators write.

Dictionaries list senses in no useful order (दबाव: "depression; duress; pressure") and
sometimes lack the everyday one (दर: only "quotation"). Each candidate sense is scored by
its support in the translation table (p(English | Hindi form and lemma), counting only
English words that can be the word's part of speech), how common its English word is
(wordfreq's Zipf frequency, so typos and archaic words sink), and a small bonus for the
dictionary's own order. An English word the table strongly supports that no dictionary
sense contains is added as a sense learned from parallel text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from assistant.lexicon.english import (
    american_spelling,
    english_lemma,
    english_lemmas,
    english_words,
    participle,
    word_list,
)
from assistant.lexicon.ttable import TranslationTable

TABLE_WEIGHT = 3.0
FREQUENCY_WEIGHT = 0.12
WORDINESS_PENALTY = 0.3
# a dictionary sense whose English cannot be the word's part of speech ("advance" for the
# adjective पूर्व, "convene" for the noun आयोजन) sinks by this much
POS_PENALTY = 0.4
_ADJECTIVE_ENDINGS = ("ible", "able", "ous", "ful", "ive", "al", "ic", "ent", "ant", "less", "ish", "ary")
RARE_ZIPF = 2.0  # below this an English word is a typo, archaic or obscure
RARE_PENALTY = 1.0
# a learned sense needs this much of the word's links, this many sentences behind it, and
# a common English word
LEARN_SHARE = 0.3
LEARN_LINKS = 2  # sentences
LEARN_WEIGHT = 1.5  # share × sentences
FILL_SHARE = 0.1  # a translation this frequent may fill a place the dictionary leaves free
FILL_ONLY = 1.0  # a weaker translation never takes the first place from a dictionary sense
FEW_SENTENCES, FEW_ZIPF = 5, 4.0  # on fewer sentences only a common English word is learned
LEARN_ZIPF = 3.0
LEARN_SOLID = 3.0  # share × sentences from which a learned sense needs no reverse support
LEARN_REVERSE = 0.3  # below it, p(Hindi | English) at least this
UNIT_SHARE = 0.5  # a two-word unit: aligned as one in half its sentences, at least 3 of them
UNIT_OCCURRENCES = 3
CONJUNCT_SHARE = 0.3
CONJUNCT_LIGHT_SHARE = 0.3  # ... in this share of its sentences a form of करना follows the noun
# a form's own counts reorder its lemma's senses from this many links, for a sense with
# this share that leads the first sense by this margin
FORM_LINKS = 10
FORM_SHARE = 0.4
FORM_MARGIN = 0.2
# a word only user-interface strings translate: their software senses ("user" for उपभोक्ता,
# "enabled" for सक्षम) only break ties between the dictionary's senses and teach none...
UI_TRUST = 0.3
UI_LEARN_SHARE = 0.6  # ... unless nearly all of them agree (संपादन "edit")
FORM_PROSE = 2  # a form's own counts reorder senses only if prose saw it this often
CONTEXT_SENTENCES = 4  # a form beside a neighbour: the evidence a context needs
_WORD = re.compile(r"[A-Za-z]+")
# English a reader would not expect as a word's meaning in a news article: a sense learned
# from noisy parallel text (a subtitle, a joke) is never one of these.
VULGAR = frozenset({
    "arse", "ass", "bastard", "bitch", "bullshit", "crap", "cunt", "dick", "fuck",
    "fucking", "piss", "pissed", "shit", "shitty", "slut", "whore",
})


VULGAR_PENALTY = 10.0  # a vulgar sense comes after every other one the word has


def is_vulgar(sense: str) -> bool:
    """Whether an English sense contains a vulgar word ("to shit")."""
    return any(word in VULGAR for word in sense.lower().replace("-", " ").split())


STOPWORDS = frozenset({
    "to", "a", "an", "the", "of", "in", "on", "at", "by", "for", "with", "from", "up", "out", "off",
    "be", "is", "and", "or", "one", "s", "something", "someone", "oneself", "etc", "it", "this", "that",
    "as", "not", "no", "do", "have", "can", "will", "would", "may", "must", "shall", "should", "i", "you",
    "he", "she", "we", "they", "his", "her", "their", "its", "our", "my", "your", "which", "who", "what",
    "when", "where", "there", "here", "than", "then", "so", "if", "but", "all", "some", "any", "into",
})
_FRAME = frozenset({"to", "a", "an", "the"})
# prepositions and conjunctions LemmInflect leaves without a part of speech: no noun, verb,
# adjective or adverb renders as one (प्रति "copy" is not "per")
_PARTICLES = frozenset({
    "per", "amid", "amidst", "versus", "vs", "upon", "towards", "toward", "despite", "against", "among",
    "amongst", "during", "unless", "although", "whereas", "because", "until", "unto", "onto", "beside",
    "beneath", "nor", "cum", "whilst",
})
# English light verbs: in "take effect", "make sense" they translate nothing of a Hindi noun
# or adjective (प्रभावी "effective", never "taken"), so only a Hindi verb learns them
LIGHT_ENGLISH = frozenset({"take", "make", "get", "give", "put", "go", "come", "keep", "let", "set"})
# the parts of speech an English word must be able to take to render a Hindi one
_POS_MATCH = {"NOUN": ("NOUN",), "VERB": ("VERB",), "ADJ": ("ADJ",), "ADV": ("ADV",)}
# Hindi nouns modify nouns (परमाणु हथियार "nuclear weapon") and adjectives stand as nouns;
# an adjective in -इत is often an English participle (आयोजित "held"): such readings count
# at this share of their support
_NEAR_POS = {"NOUN": ("ADJ",), "ADJ": ("NOUN", "VERB")}
NEAR_POS_SHARE = 0.5


@dataclass(frozen=True)
class RankedSenses:
    """Senses best first, and those among them learned from parallel text."""

    senses: tuple[str, ...]
    learned: tuple[str, ...] = ()


@lru_cache(maxsize=100_000)
def zipf(word: str) -> float:
    """English word frequency on the Zipf scale (0 unknown, 3 rare-ish, 5+ common)."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en")


@lru_cache(maxsize=100_000)
def hindi_zipf(word: str) -> float:
    """Hindi word frequency on the Zipf scale (wordfreq's Hindi list)."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "hi")


@lru_cache(maxsize=100_000)
def _english_pos(english: str) -> frozenset[str]:
    from lemminflect import getAllLemmas

    return frozenset(getAllLemmas(english))


def english_noun_only(word: str) -> bool:
    """Whether LemmInflect knows ``word`` as a noun and not as an adjective ("scientist")."""
    found = _english_pos(word.lower())
    return "NOUN" in found and "ADJ" not in found


def fit(english: str, pos: str) -> float:
    """How well an English lemma renders a Hindi word of part of speech ``pos``: 1 when it
    can be that part of speech, NEAR_POS_SHARE when a near one, else 0."""
    wanted = _POS_MATCH.get(pos)
    if wanted is None:
        return 1.0
    found = _english_pos(english)
    if not found and english in _PARTICLES:
        return 0.0
    if not found:
        # a word LemmInflect does not know: a noun, or a proper adjective (German, Iraqi)
        return 1.0 if pos == "NOUN" or (pos == "ADJ" and english in proper_spellings()) else 0.0
    if any(p in found for p in wanted):
        return 1.0
    return NEAR_POS_SHARE if any(p in found for p in _NEAR_POS.get(pos, ())) else 0.0


@lru_cache(maxsize=1)
def proper_spellings() -> dict[str, str]:
    """Lower case → capitalized spelling of English words only ever written capitalized
    (British, Monday), from the system word list the loanword table is built from."""
    words, names = word_list()
    return {lower: name for lower, name in names.items() if lower not in words}


ABBREVIATION_LETTERS = 4  # "Nov", "tue": no longer than this
ABBREVIATION_ZIPF = 0.7  # ... of a word this much more common
PROPER_ZIPF = 4.0  # a word this common, only ever written capitalized, is a name (September)


def as_written(senses: list[str], beside: Sequence[str] = ()) -> list[str]:
    """Dictionary senses as English writes them: a common word only ever capitalized is
    capitalized ("september" → "September"), and a short abbreviation of a far commoner
    sense of the word, or of one it has as another part of speech (``beside``), is that
    sense ("Nov" is "November", "tue" beside "Tuesday" goes; "dark" beside "darkness" and
    "Arab" beside "Arabic" stay); a British and an American spelling are one sense."""
    proper = proper_spellings()

    def spelled(sense: str) -> str:
        return proper[sense] if " " not in sense and sense in proper and zipf(sense) >= PROPER_ZIPF else sense

    written = [spelled(s) for s in senses]
    longer = [s for s in (*written, *map(spelled, beside)) if s.isalpha()]

    def expanded(short: str) -> str:
        if len(short) > ABBREVIATION_LETTERS or not short.isalpha():
            return short
        return next((s for s in longer if len(s) > len(short) and s.lower().startswith(short.lower())
                     and zipf(s) >= zipf(short) + ABBREVIATION_ZIPF), short)

    def spelling(sense: str) -> str:  # "programme" and "program" are one sense
        return " ".join(american_spelling(w) or w for w in sense.lower().split())

    out: list[str] = []
    seen: set[str] = set()
    for sense in map(expanded, written):
        if (key := spelling(sense)) not in seen:
            seen.add(key)
            out.append(sense)
    return out


def render(english: str, pos: str, participles: bool = True) -> str:
    """A learned English lemma as a sense of a Hindi word of part of speech ``pos``; an
    adjective takes an English verb as its participle unless ``participles`` is off (an
    adjective that is also a noun: दीवार is "wall", not "walled")."""
    english = proper_spellings().get(english, english)
    found = _english_pos(english.lower())
    if pos == "VERB":
        return f"to {english}"
    if participles and pos == "ADJ" and "ADJ" not in found and "VERB" in found:
        return participle(english)  # आयोजित: "held"
    return english


def _sense_fit(words: list[str], pos: str) -> float:
    """How well a one-word sense can be the Hindi word's part of speech (1.0 for longer
    senses, whose frame says it: "to put pressure", "of government")."""
    if len(words) != 1 or pos not in _POS_MATCH:
        return 1.0
    word = words[0]
    if not _english_pos(word) or (pos == "ADJ" and word.endswith(_ADJECTIVE_ENDINGS)):
        return 1.0  # LemmInflect does not know it ("sensible") or misreads it ("visible")
    return max((fit(lemma, pos) for lemma in english_lemmas(word)), default=1.0)


def content_words(sense: str) -> list[str]:
    """The words of a sense that carry its meaning ("to put pressure" → put, pressure); for a
    sense made only of small words ("to do", "with") those words themselves."""
    words = [w.lower() for w in _WORD.findall(sense)]
    return [w for w in words if w not in STOPWORDS] or [w for w in words if w not in _FRAME]


def sense_lemmas(senses: Iterable[str]) -> frozenset[str]:
    """The English lemmas of the content words of ``senses``."""
    return frozenset(lemma for sense in senses for w in content_words(sense) for lemma in english_lemmas(w))


def table_distribution(table: TranslationTable, lemma: str) -> tuple[dict[str, float], int]:
    """p(English lemma | Hindi lemma) from the table, and in how many sentences it was seen."""
    return dict(table.english(lemma, "l")), table.sentences(lemma, "l")


COMMON_LOAN_ZIPF = 4.5  # an English word this common is one even if the word list lacks it (tv)


def without_transliterations(hindi: str, distribution: dict[str, float]) -> dict[str, float]:
    """``distribution`` without the Hindi word's own romanization where that is no English
    word: in parallel text दिल stands beside "Dil" (a title), विजय beside "Vijay" (a name),
    and neither is what the word means (heart, victory)."""
    return {e: p for e, p in distribution.items()
            if e in english_words() or zipf(e) >= COMMON_LOAN_ZIPF or not _romanizes(e, hindi)}


@lru_cache(maxsize=100_000)
def _hindi_outline(hindi: str) -> str:
    from assistant.romanize import consonant_outline, readable

    return consonant_outline(readable(hindi))


def _romanizes(english: str, hindi: str) -> bool:
    """Whether an English spelling is the Hindi word's own romanization (Dil for दिल): the
    same consonant outline, of two consonants at least."""
    from assistant.romanize import consonant_outline

    own = _hindi_outline(hindi)
    return len(own) >= 2 and consonant_outline(english) == own


def support(sense: str, distribution: dict[str, float], pos: str) -> float:
    """How strongly the table backs a sense: the largest p(e|h) of an English lemma of its
    content words, weighed by how well that word can be ``pos``."""
    best = 0.0
    for word in content_words(sense):
        for lemma in english_lemmas(word):
            if lemma in distribution:
                best = max(best, distribution[lemma] * fit(lemma, pos))
    return best


def _commonness(sense: str) -> float:
    words = content_words(sense)
    return min((zipf(w) for w in words), default=0.0)


def rank_senses(pos: str, senses: tuple[str, ...], distribution: dict[str, float], links: int,
                limit: int | None = 3, learn: bool = True, trust: float = 1.0,
                reverse: dict[str, float] | None = None, participles: bool = True,
                fill_share: float = FILL_SHARE) -> RankedSenses:
    """The best ``limit`` senses of a word of part of speech ``pos`` with dictionary
    ``senses`` (in the dictionary's order) and the table's ``distribution`` over English
    lemmas seen in ``links`` distinct sentences; learned senses compete with the dictionary's unless
    ``learn`` is off (a distribution pieced together from a phrase's words). ``trust``
    scales the table's say (UI_TRUST when only user-interface strings saw the word).
    ``reverse`` gives p(this Hindi word | English lemma): a sense learned from a few
    sentences must be one of the English word's own usual translations (two sentences
    where अँधेरा stood beside "police" do not make it "police"). ``participles`` as for
    ``render``. ``limit`` None keeps every sense; ``fill_share`` is the least share of the
    word's links a translation needs to be learned."""
    scored: list[tuple[float, int, str]] = []
    covered: set[str] = set()
    for order, sense in enumerate(senses):
        words = content_words(sense)
        covered.update(lemma for w in words for lemma in english_lemmas(w))
        commonness = _commonness(sense)
        score = (TABLE_WEIGHT * trust * support(sense, distribution, pos) + FREQUENCY_WEIGHT * commonness
                 - POS_PENALTY * (1.0 - _sense_fit(words, pos))
                 + 0.5 / (order + 1) - WORDINESS_PENALTY * max(len(words) - 1, 0)
                 - (RARE_PENALTY if commonness < RARE_ZIPF else 0.0)
                 - (VULGAR_PENALTY if is_vulgar(sense) else 0.0))
        scored.append((score, order, sense))
    learned: list[str] = []
    fills: set[str] = set()
    if learn and pos in _POS_MATCH:
        for english, share in sorted(distribution.items(), key=lambda kv: (-kv[1], kv[0])):
            if (share < fill_share or share * links < LEARN_WEIGHT or links < LEARN_LINKS
                    or (trust < 1.0 and share < UI_LEARN_SHARE)):
                break
            weight = fit(english, pos)
            if (share * links < LEARN_SOLID and reverse is not None
                    and reverse.get(english, 0.0) < LEARN_REVERSE):
                continue
            if (english in covered or english in STOPWORDS or zipf(english) < LEARN_ZIPF
                    or (pos != "VERB" and english in LIGHT_ENGLISH)
                    or (links < FEW_SENTENCES and zipf(english) < FEW_ZIPF)
                    or not weight or english_lemma(english) != english):
                continue
            sense = render(english, pos, participles)
            if sense in senses or (sense != english and " " not in sense and zipf(sense) < LEARN_ZIPF):
                continue  # a participle English seldom writes is no adjective ("subbed")
            learned.append(sense)
            score = TABLE_WEIGHT * trust * share * weight + FREQUENCY_WEIGHT * zipf(english)
            if share < LEARN_SHARE:
                fills.add(sense)
            scored.append((score, len(senses) + len(learned), sense))
    # a weaker translation never leads, but among the places after the first it competes
    # with the dictionary's senses on its own score
    first = sorted(scored, key=lambda t: (-round(t[0] - (FILL_ONLY if t[2] in fills else 0.0), 6), t[1]))[:1]
    rest = sorted((t for t in scored if t not in first), key=lambda t: (-round(t[0], 6), t[1]))
    ranked = tuple(s for _, _, s in [*first, *rest])[:limit]
    return RankedSenses(ranked, tuple(s for s in learned if s in ranked))


def _average(distributions: list[dict[str, float]]) -> dict[str, float]:
    if not distributions:
        return {}
    out: dict[str, float] = {}
    for distribution in distributions:
        for english, share in distribution.items():
            out[english] = out.get(english, 0.0) + share / len(distributions)
    return out


def phrase_distribution(table: TranslationTable, words: tuple[str, ...],
                        function_words: frozenset[str]) -> tuple[dict[str, float], int]:
    """p(English | a multiword entry): the table's own counts when the words were seen
    aligned together as a unit, else the average over its content words (function words
    and light verbs say nothing of what आसानी से or पुष्टि करना means)."""
    joined = " ".join(words)
    if joined in table.units:
        total = table.unit_totals[joined]
        return {e: c / total for e, c in table.units[joined].items()}, total
    content = [w for w in words if w not in function_words]
    found = [(dict(table.english(w)), table.sentences(w)) for w in content]
    found = [(d, n) for d, n in found if d]
    if not found or len(found) < len(content):
        return {}, 0
    return _average([d for d, _ in found]), min(n for _, n in found)


CONJUNCT_SENTENCES = 2  # a conjunct verb's own translations, from this many sentences


def conjunct_distribution(table: TranslationTable, noun: str,
                          light: str = "करना") -> tuple[dict[str, float], int, int]:
    """p(English | noun + a form of the light verb) from the table's right contexts of the
    noun (पुष्टि की, पुष्टि करने, ...), in how many sentences, and in how many of prose;
    ({}, 0, 0) when it kept none."""
    from assistant.lexicon.ttable_build import LIGHT_FORMS

    counts: dict[str, float] = {}
    sentences = prose = 0
    for form in sorted(LIGHT_FORMS.get(light, ())):
        key = ("cr", f"{noun} {form}")
        if key not in table.hindi_totals:
            continue
        sentences += table.hindi_sentences.get(key, 0)
        prose += table.prose_sentences(key[1], "cr")
        for english, count in table.pairs[key].items():
            counts[english] = counts.get(english, 0.0) + count
    total = sum(counts.values())
    return ({e: c / total for e, c in counts.items()}, sentences, prose) if total else ({}, 0, 0)


def unit_pos(english: str) -> str | None:
    """The part of speech of a learned two-word unit from its English word (verbs are left
    to the conjunct-verb learner: अनदेखा करना)."""
    found = _english_pos(english)
    return next((p for p in ("NOUN", "ADJ", "ADV") if p in found), None) if found else "NOUN"


def learned_units(table: TranslationTable, function_words: frozenset[str], verb_forms: frozenset[str],
                  known: set[str], head_says: Callable[[str, str], bool]) -> list[tuple[str, str, str]]:
    """Two-word units the table found and no dictionary lists, as (words, pos, sense):
    हवाई अड्डा "airport", आसानी से "easily", पूरी तरह "completely". The first word must be a
    content word whose dictionary senses do not already say it (``head_says(word, english)``:
    दरवाज़ा खोला is "door" + "opened"), the second no verb form (a conjunct or compound verb
    is learned elsewhere) and, unless a function word, not saying it either: the English
    of हाई स्कूल, इंडिया गेट or बड़े भाई ("school", "gate", "brother") renders one word and
    drops the other. The head's own translations in the table cannot decide this: a word
    met mostly inside its unit (आसानी) is translated as the unit is."""
    out = []
    for words, english, share, occurrences in table.unit_english():
        first, second = words.split(" ")
        if (words in known or first in function_words or second in verb_forms or share < UNIT_SHARE
                or occurrences < UNIT_OCCURRENCES or english in STOPWORDS or zipf(english) < LEARN_ZIPF
                or head_says(first, english)
                or (second not in function_words and head_says(second, english))):
            continue
        pos = unit_pos(english)
        if pos is None or (second in function_words and pos != "ADV"):
            continue  # "X से" as an adverb (आसानी से "easily"), not "X ने"
        out.append((words, pos, render(english, pos)))
    return out


def learned_conjunct(distribution: dict[str, float], links: int, said: frozenset[str] = frozenset(),
                     light: float = 1.0) -> str | None:
    """The English verb a noun's table supports when it mostly stands in a conjunct verb
    with करना (पुष्टि करना "to confirm"; ``light``: the share of its sentences where a form
    of करना follows it), or None. An English word that is a noun too and among the noun's
    own senses (``said``, English lemmas) is the noun's meaning, not a verb's: भूमि is
    "land", not भूमि करना "to land"."""
    if light < CONJUNCT_LIGHT_SHARE:
        return None  # बंदूक is "gun", never बंदूक करना "to gun"
    for english, share in sorted(distribution.items(), key=lambda kv: (-kv[1], kv[0])):
        if share < CONJUNCT_SHARE or share * links < LEARN_LINKS:
            return None
        found = _english_pos(english)
        if "VERB" in found and "ADJ" not in found and english not in STOPWORDS \
                and zipf(english) >= LEARN_ZIPF and not ("NOUN" in found and english in said):
            return f"to {english}"  # पुष्टि करना "to confirm", नियंत्रण करना "to control"
    return None


def _reordered(senses: tuple[str, ...], distribution: dict[str, float], pos: str) -> tuple[str, ...]:
    """``senses`` with the one ``distribution`` clearly backs over the first put first."""
    backing = [support(sense, distribution, pos) for sense in senses]
    best = max(range(len(senses)), key=lambda i: (backing[i], -i))
    if best == 0 or backing[best] < FORM_SHARE or backing[best] < backing[0] + FORM_MARGIN:
        return senses
    return (senses[best], *senses[:best], *senses[best + 1:])


def for_form(form: str, pos: str, senses: tuple[str, ...]) -> tuple[str, ...]:
    """Ranked senses re-ordered for one inflected form where the table knows that form
    well and it clearly prefers another sense: कहा is "said" though कहना is as often
    "to call" (कहा जाता है "is called")."""
    from assistant.lexicon.ttable import translation_table

    table = translation_table()
    if (len(senses) < 2 or table.sentences(form, "f") < FORM_LINKS
            or table.prose_sentences(form, "f") < FORM_PROSE):
        return senses
    return _reordered(senses, dict(table.english(form, "f")), pos)


def in_context(form: str, left: str | None, right: str | None, pos: str,
               senses: tuple[str, ...], table: TranslationTable | None = None) -> tuple[str, ...]:
    """Senses re-ordered by what translators write for the form next to this neighbour,
    where the table kept such a context (it does only where the neighbour changes the
    translation): से पहले "before", पहले से "already"; the better-attested side decides."""
    from assistant.lexicon.ttable import translation_table

    if len(senses) < 2:
        return senses
    table = table or translation_table()
    contexts = [(kind, f"{left} {form}" if kind == "cl" else f"{form} {right}")
                for kind, neighbour in (("cl", left), ("cr", right)) if neighbour]
    found = [(table.sentences(key, kind), kind, key) for kind, key in contexts]
    for sentences, kind, key in sorted(found, reverse=True):
        if sentences < CONTEXT_SENTENCES:
            break
        ordered = _reordered(senses, dict(table.english(key, kind)), pos)
        if ordered != senses:
            return ordered
    return senses


TABLE_SENSE_SHARE = 0.6  # a word no dictionary glosses: what translators mostly write,
TABLE_SENSE_SENTENCES = 2  # in this many sentences of prose
TABLE_RARE_SHARE = 0.8  # ... and an English word rarer than LEARN_ZIPF, when this many agree
TABLE_RARE_SENTENCES = 4
TABLE_RARE_ZIPF = 2.5


def table_sense(form: str, pos: str | None = None) -> tuple[str, str] | None:
    """For a word no dictionary glosses, the English that prose translators mostly write for
    this very form, as (sense, part of speech); None when prose never saw it, they disagree,
    or the English is a name or a small word. ``pos`` is the analyser's, if it has one."""
    from assistant.lexicon.ttable import translation_table

    table = translation_table()
    found = _prose_top(form)
    if found is None:
        return None
    english, share, sentences = found
    # a rarer English word, one of the word list, needs translators to agree more often:
    # प्रदूषक "pollutant"
    rare_ok = share >= TABLE_RARE_SHARE and sentences >= TABLE_RARE_SENTENCES and english in english_words()
    if (share < TABLE_SENSE_SHARE or english in STOPWORDS or english in LIGHT_ENGLISH
            or zipf(english) < (TABLE_RARE_ZIPF if rare_ok else LEARN_ZIPF) or english in proper_spellings()
            or table.p_hi_given_en(form, english) < LEARN_REVERSE):
        return None
    pos = pos if pos in _POS_MATCH and fit(english, pos) else unit_pos(english)
    return (render(english, pos), pos) if pos is not None else None


TABLE_NAME_SHARE = 0.5


def table_name(form: str) -> str | None:
    """For a word no dictionary glosses, the name prose translators write for it, where
    that is the word's own romanization (रामायण "Ramayana", तिवारी "Tiwari", not the
    sound-alike "thievery"); None otherwise."""
    found = _prose_top(form)
    if found is None:
        return None
    english, share, _ = found
    if share < TABLE_NAME_SHARE or len(english) < 3 or english in english_words():
        return None
    return english.capitalize() if _romanizes(english, form) else None


NAME_PART_SHARE = 0.3


@lru_cache(maxsize=50_000)
def written_as_name(form: str, senses: tuple[str, ...] = ()) -> str | None:
    """The name prose translators write for ``form`` beside another name: its own
    romanization, where that is no English word and takes at least NAME_PART_SHARE of what
    they write for the form in at least TABLE_SENSE_SENTENCES sentences of prose (स्वराज in
    सुषमा स्वराज "Swaraj", not "self-rule"; प्रदेश in हिमाचल प्रदेश "Pradesh"); else None,
    also when one of the word's ``senses`` already sounds so (सर "sir", सांता "Santa")."""
    from assistant.lexicon.ttable import translation_table

    table = translation_table()
    if table.prose_sentences(form, "f") < TABLE_SENSE_SENTENCES:
        return None
    for english, share in table.english(form, "f"):
        if share < NAME_PART_SHARE:
            break
        if len(english) >= 3 and english not in english_words() and american_spelling(english) is None \
                and _romanizes(english, form):
            said = any(_romanizes(word, form) for sense in senses for word in _WORD.findall(sense.lower()))
            return None if said else english.capitalize()
    return None


def _prose_top(form: str) -> tuple[str, float, int] | None:
    """What prose translators mostly write for ``form``: (English, its share, sentences of
    prose), or None when prose saw it in fewer than TABLE_SENSE_SENTENCES."""
    from assistant.lexicon.ttable import translation_table

    table = translation_table()
    sentences = table.prose_sentences(form, "f")
    if sentences < TABLE_SENSE_SENTENCES:
        return None
    english, share = table.english(form, "f")[0]
    return english, share, sentences
