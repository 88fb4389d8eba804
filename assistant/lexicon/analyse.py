"""The lexicon object and its analyzer: word form → ranked readings (lemma, POS, features).

Readings come from, in order of trust: the hand-written closed-class lexicon, the
expanded Apertium full forms and dictionary headwords, and suffix rules that only
propose lemmas some dictionary knows. A word not found under its exact spelling is
retried under its loose key (nukta, candrabindu and nasal-cluster variants).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace

from assistant.lexicon.english import adjective_of, adverb, verb_of_noun
from assistant.lexicon.entries import ClosedEntry, LemmaInfo, Phrase
from assistant.lexicon.keys import fuzzy, is_devanagari, loose, norm
from assistant.lexicon.rules import CHANGING_STEMS, NOMINAL_RULES, VERB_RULES, VOWEL_SIGNS, Rule
from assistant.types import Analysis

_POS_PRIOR = {"NOUN": 6, "VERB": 5, "ADJ": 4, "ADV": 3, "PRON": 3, "ADP": 3, "PROPN": 2,
              "AUX": 2, "DET": 2, "NUM": 2, "CCONJ": 2, "SCONJ": 2, "PART": 2, "INTJ": 1}
# Perfective and infinitive forms are far more frequent in running text than the
# homographic subjunctive or imperative (भेजे "sent" rather than "may send").
_TENSE_PRIOR = {"perf": 3, "inf": 3, "impf": 2, "fut": 2, "conj": 2, "prog": 2, "stem": 1}
_SOURCE_SCORE = {"closed": 1000, "apertium": 300, "dict": 280, "rule": 200}
# a vowel sign right after a virama: a few generated forms are spelled so (लाग्ो)
_MALFORMED = re.compile("\u094d[\u093e-\u094c]")
_CACHE_SIZE = 200_000  # words remembered; a very long article cannot grow a cache further
NEAR_MISS_LETTERS = 6  # code points: four or more aksharas
NEAR_MISS_MAX = 30  # longer "words" are compounds, or junk such as a run of joiners
NEAR_MISS_ZIPF = 3.0  # about once in a million words
NEAR_MISS_MARGIN = 1.1  # over ten times as frequent as the slip
_VOWEL_SIGN_SET = frozenset("\u093e\u093f\u0940\u0941\u0942\u0947\u0948\u094b\u094c")
_CONSONANT = re.compile("[\u0915-\u0939\u0958-\u095f]")
# a final ी or ा is a suffix more often than a slip: मेजबानी "hosting", उत्साही "keen"
_SUFFIX_SIGNS = frozenset("\u0940\u093e")
# a vowel sign goes after a consonant, never before a virama, a nukta or another sign
_NO_SIGN_AFTER = frozenset("\u094d\u093c") | _VOWEL_SIGN_SET
_LIGHT_VERBS = frozenset({"करना", "होना", "देना", "लेना", "लगना", "रखना", "पाना", "आना"})


def _unpack(packed: str) -> list[Analysis]:
    out = []
    for item in packed.split(";"):
        lemma, pos, gender, number, case, person, tense = item.split("/")
        out.append(Analysis(lemma, pos, gender or None, number or None, case or None,
                            person or None, tense or None, source="apertium"))
    return out


IZE_ZIPF = 1.5  # an English -ization / -ized word at least this common is a real one


def _made(sense: str, pos: str, plain: bool) -> str | None:
    """"modern" → "modernization" (NOUN) or "modernized" (ADJ) where English says so, else,
    if ``plain`` (an adjective's sense), "making modern" / "made modern"; None else (a noun's
    sense: "made center" says nothing)."""
    from assistant.lexicon.ranking import zipf

    word = sense.strip()
    if word.isalpha() and word.islower():
        stem = word[:-1] if word.endswith("e") else word
        english = stem + ("ization" if pos == "NOUN" else "ized")
        if zipf(english) >= IZE_ZIPF:
            return english
    if not plain:
        return None
    return f"making {word}" if pos == "NOUN" else f"made {word}"


def _one_sign_away(key: str) -> Iterator[str]:
    """``key`` with one vowel sign left out (not a final ी or ा, a suffix more often than a
    slip) or one added after a consonant."""
    for i, letter in enumerate(key):
        if letter in _VOWEL_SIGN_SET:
            if i + 1 < len(key) or letter not in _SUFFIX_SIGNS:
                yield key[:i] + key[i + 1:]
        elif _CONSONANT.match(letter) and (i + 1 == len(key) or key[i + 1] not in _NO_SIGN_AFTER):
            for sign in sorted(_VOWEL_SIGN_SET):
                yield key[:i + 1] + sign + key[i + 1:]


_MARKS = "\u0902\u0901\u094d"  # anusvara, chandrabindu, virama
_CONSONANTS = "".join(chr(c) for c in range(0x0915, 0x093a))


def _one_slip_away(key: str) -> Iterator[str]:
    """``key`` with one vowel sign left out or added (``_one_sign_away``), then with one
    other slip of the keyboard: two neighbouring letters swapped (राष्ट्रपित, मजूदरों), a
    letter or mark left out (विश्विद्यालय, फेफड़ो) or added (पिछ्ले). The first and the
    last letter are taken as written: a word without its first letter is often another
    word (लताड़ना is not ताड़ना), one without its last a suffix away (क्षोभक, मूत्रल). One
    vowel sign for another is no slip either: it makes other words (परावर्तित, परिवर्तित)."""
    yield from _one_sign_away(key)
    for i in range(1, len(key) - 1):
        if key[i] != key[i + 1]:
            yield key[:i] + key[i + 1] + key[i] + key[i + 2:]
    for i in range(1, len(key) - 1):
        if key[i] in _MARKS or _CONSONANT.match(key[i]):
            yield key[:i] + key[i + 1:]
    for i in range(1, len(key) + 1):
        for letter in _MARKS + _CONSONANTS:
            yield key[:i] + letter + key[i:]


def _edits(a: str, b: str) -> int:
    """Levenshtein distance between two strings, by code point."""
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i]
        for j, y in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y)))
        previous = current
    return previous[-1]


class Lexicon:
    """Lemmas with senses, full forms, closed-class entries and multiword phrases."""

    def __init__(self, lemmas: dict[str, list[LemmaInfo]], forms: dict[str, str],
                 closed: Iterable[ClosedEntry], own_words: Iterable[str] = (),
                 preferred: Iterable[tuple[str, str, str]] = ()) -> None:
        self._lemmas = lemmas
        self._forms = forms
        # frequent words that are not inflections or respellings of a rarer lemma (own_words.py)
        self._own = frozenset(own_words)
        # form → (lemma, pos) of the reading its translations in parallel text back
        self._preferred = {form: (lemma, pos) for form, lemma, pos in preferred}
        self._closed: dict[str, list[ClosedEntry]] = defaultdict(list)
        for entry in closed:
            self._closed[entry.form].append(entry)
            if " " not in entry.form and entry.info.lemma not in self._lemmas:
                self._lemmas[entry.info.lemma] = [entry.info]
        self._loose: dict[str, list[str]] | None = None
        self._fuzzy: dict[str, set[str]] | None = None
        self._phrases: dict[str, list[Phrase]] | None = None
        self._loose_phrases: dict[tuple[str, str], list[tuple[tuple[str, ...], Phrase]]] | None = None
        self._cache: dict[str, list[Analysis]] = {}
        self._near: dict[tuple[str, Callable[[str], float]], str | None] = {}

    # ----- lookups ---------------------------------------------------------------
    def info(self, lemma: str, pos: str | None = None) -> LemmaInfo | None:
        """The dictionary record of a lemma, preferring the given POS and records with senses."""
        key = norm(lemma)
        records = self._lemmas.get(key, [])
        if not any(r.senses and (pos is None or r.pos == pos) for r in records):
            # the senses may sit under another spelling (सम्बन्ध for संबंध)
            for variant in self.variants(key):
                records = records + [r for r in self._lemmas.get(variant, ()) if r.senses]
        if not records:
            return None

        def rank(r: LemmaInfo) -> tuple:
            return (not (r.senses and r.pos == pos), not r.senses, r.pos != pos, r.lemma != key,
                    -len(r.sources))

        best = min(records, key=rank)
        if best.lemma != key:
            best = replace(best, lemma=key)
        return best

    def closed_entries(self, word: str) -> list[ClosedEntry]:
        return list(self._closed.get(norm(word), ()))

    def records(self, lemma: str) -> list[LemmaInfo]:
        """Every dictionary record of a lemma in this exact spelling, all parts of speech."""
        return list(self._lemmas.get(norm(lemma), ()))

    def full_forms(self) -> Iterable[tuple[str, str]]:
        """(form, packed analyses) of every expanded full form."""
        return self._forms.items()

    def has_lemma(self, lemma: str) -> bool:
        return norm(lemma) in self._lemmas

    def knows(self, word: str) -> bool:
        """True when any dictionary (or a rule leading to a known lemma) recognizes the word."""
        return bool(self.analyse(word))

    def _loose_index(self) -> dict[str, list[str]]:
        """Loose key → the spellings whose loose key differs from themselves; a spelling
        that is its own loose key is found by direct lookup in ``_candidates``."""
        if self._loose is None:
            index: dict[str, list[str]] = {}
            for source in (self._forms, self._lemmas, self._closed):
                for key in source:
                    variant = loose(key, normalized=True)
                    if variant != key:
                        index.setdefault(variant, []).append(key)
            self._loose = index
        return self._loose

    def respelling(self, word: str) -> str | None:
        """The one spelling the lexicon holds that differs from an unknown ``word`` only in
        what careless or old spellings vary: vowel length (इमानदारी for ईमानदारी), a
        virama (उम्मीद्वार for उम्मीदवार), or nasalization; of several such spellings the one
        fewest edits away, and of equally near spellings of one word the one most often
        written; None if none, or if equally near ones are different words."""
        key = norm(word)
        if self._held(key) or key in self._own:
            return None
        if self._fuzzy is None:
            index: dict[str, set[str]] = defaultdict(set)
            for source in (self._forms, self._lemmas):
                for held in source:
                    if not _MALFORMED.search(held):
                        index[fuzzy(held, normalized=True)].add(held)
            self._fuzzy = index
        found = self._fuzzy.get(fuzzy(key), set())
        if len(found) > 1:
            # several spellings of one word (खबरें, ख़बरें for खबरे): the one nearest as written
            edits = {held: _edits(key, held) for held in found}
            nearest = min(edits.values())
            found = {held for held in found if edits[held] == nearest}
            # ... and of equally near ones (भावनाओं, भावनाओँ), when all are that word's forms,
            # the spelling most often written
            if len({frozenset(a.lemma for a in self._exact(held)) for held in found}) == 1:
                from assistant.lexicon.ranking import hindi_zipf

                found = {max(found, key=lambda held: (hindi_zipf(held), held))}
        return next(iter(found)) if len(found) == 1 else None

    def near_miss(self, word: str, zipf: Callable[[str], float]) -> str | None:
        """The one common word the lexicon holds that an unknown ``word`` of at least
        NEAR_MISS_LETTERS letters misses by a single slip (``_one_slip_away``): a vowel sign
        left out (व्यापर for व्यापार) or added, letters swapped, a letter left out or added;
        None if none or several. Common: ``zipf`` (word frequency) at
        least NEAR_MISS_ZIPF and NEAR_MISS_MARGIN above the word's own, since a slip is
        rarer than what it misses (पूंजीकरण "capitalization" is no slip for पंजीकरण).
        Short words and names coincide too easily."""
        key = norm(word)
        if not NEAR_MISS_LETTERS <= len(key) <= NEAR_MISS_MAX or self._held(key) or key in self._own:
            return None
        if (key, zipf) in self._near:  # an article repeats its unknown words
            return self._near[(key, zipf)]
        least = max(NEAR_MISS_ZIPF, zipf(key) + NEAR_MISS_MARGIN)
        found: set[str] = set()
        for candidate in _one_slip_away(key):
            if candidate not in found and self._held(candidate) and zipf(candidate) >= least:
                found.add(candidate)
                if len(found) > 1:
                    break
        missed = next(iter(found)) if len(found) == 1 else None
        if len(self._near) < _CACHE_SIZE:
            self._near[(key, zipf)] = missed
        return missed

    def _held(self, key: str) -> bool:
        return key in self._forms or key in self._lemmas or key in self._closed

    def _spellings(self, loose_key: str) -> list[str]:
        found = list(self._loose_index().get(loose_key, ()))
        if self._held(loose_key):
            found.append(loose_key)
        return found

    def variants(self, word: str) -> list[str]:
        """Canonical spellings the lexicon holds for a word it lacks in this exact spelling."""
        key = norm(word)
        return sorted({k for k in self._spellings(loose(key)) if k != key})

    # ----- analysis --------------------------------------------------------------
    def analyse(self, word: str) -> list[Analysis]:
        """Readings of a word form, best first; [] when nothing is known."""
        key = norm(word)
        if not is_devanagari(key):
            return []
        cached = self._cache.get(key)
        if cached is not None:
            return list(cached)
        found = self._exact(key)
        if not found:
            for variant in self.variants(key):
                found.extend(self._exact(variant))
        if not found:
            found = self._by_rules(key, loose_lemmas=True)
        if key in self._own:
            found = [a for a in found if a.lemma == key or a.source == "closed"]
        result = self._rank(found)
        if key in self._preferred:
            lemma, pos = self._preferred[key]
            result.sort(key=lambda a: (a.lemma, a.pos) != (lemma, pos))  # stable: the rest keep their order
        if len(self._cache) < _CACHE_SIZE:
            self._cache[key] = result
        return list(result)

    def _exact(self, key: str) -> list[Analysis]:
        found = [e.analysis for e in self._closed.get(key, ())]
        if key in self._forms:
            found.extend(_unpack(self._forms[key]))
        for record in self._lemmas.get(key, ()):
            if "closed" not in record.sources:
                found.append(Analysis(key, record.pos, record.gender, source="dict"))
        if not any(a.source == "closed" for a in found) and not any(
                self._has_senses(a) for a in found):
            # an exact match without English (नए listed as its own lemma) may still be an
            # inflection of a glossed lemma (नया)
            found.extend(self._by_rules(key, loose_lemmas=False))
        return found

    def _has_senses(self, analysis: Analysis) -> bool:
        return any(r.senses for r in self._lemmas.get(analysis.lemma, ()))

    def _known_lemma(self, candidate: str, poses: frozenset[str], loose_ok: bool) -> LemmaInfo | None:
        for record in self._lemmas.get(candidate, ()):
            if record.pos in poses:
                return record
        if loose_ok:
            for variant in self._spellings(loose(candidate)):
                for record in self._lemmas.get(variant, ()):
                    if record.pos in poses:
                        return record
        return None

    def _by_rules(self, key: str, loose_lemmas: bool) -> list[Analysis]:
        out = []
        rules: tuple[Rule, ...] = NOMINAL_RULES + VERB_RULES
        for suffix, replacement, poses, gender, number, case, tense in rules:
            if suffix and not key.endswith(suffix):
                continue
            stem = key[: len(key) - len(suffix)] if suffix else key
            if len(stem) < 1 or stem[-1] == "\u094d":
                continue
            if poses == frozenset({"VERB"}):
                if suffix in ("ा", "े", "ी", "ीं") and stem[-1] in VOWEL_SIGNS:
                    continue  # vowel-final stems take -या/-ए/-ई instead
                if replacement and stem + replacement not in CHANGING_STEMS:
                    continue
                candidate = stem + replacement + "ना"
            else:
                candidate = stem + replacement
            record = self._known_lemma(candidate, poses, loose_lemmas)
            if record is None and poses == frozenset({"VERB"}) and self._causative_base(candidate):
                # a causative no dictionary lists (हंसाने, of हँसाना "to cause to laugh")
                out.append(Analysis(candidate, "VERB", gender, number, case, None, tense, source="rule"))
                continue
            if record is None or record.lemma == key:
                continue
            out.append(Analysis(record.lemma, record.pos, gender or record.gender, number, case,
                                None, tense, source="rule"))
        return out

    def _score(self, analysis: Analysis, order: int) -> tuple:
        record = self.info(analysis.lemma, analysis.pos)
        has_senses = bool(record and record.senses and record.pos == analysis.pos)
        sources = len(record.sources) if record else 0
        score = _SOURCE_SCORE.get(analysis.source, 0)
        if analysis.source != "closed":
            score += 120 if has_senses else 0
            score += 10 * sources + _POS_PRIOR.get(analysis.pos, 0)
            score += _TENSE_PRIOR.get(analysis.tense or "", 0)
        return (-score, order)

    def _rank(self, found: list[Analysis]) -> list[Analysis]:
        unique: dict[tuple, Analysis] = {}
        for analysis in found:
            key = (analysis.lemma, analysis.pos, analysis.gender, analysis.number,
                   analysis.case, analysis.person, analysis.tense)
            unique.setdefault(key, analysis)
        ordered = list(unique.values())
        scored = sorted(range(len(ordered)), key=lambda i: self._score(ordered[i], i))
        return [ordered[i] for i in scored]

    def senses_from_phrases(self, lemma: str) -> tuple[str, str] | None:
        """For a word the dictionaries only list inside verb phrases (शुरू in शुरू करना),
        the phrase's first sense without "to", and the phrase: ("start", "शुरू करना")."""
        key = norm(lemma)
        for phrase in self.phrases().get(key, ()):
            if len(phrase.words) == 2 and phrase.pos == "VERB" and phrase.senses:
                return phrase.senses[0].removeprefix("to "), phrase.lemma
        return None

    def _causative_base(self, lemma: str) -> LemmaInfo | None:
        """The glossed verb a causative infinitive is made from: कराना from करना, बनवाना
        from बनाना or बनना, हंसाना from हँसना (spelling variants allowed), भुलाना from भूलना;
        else None."""
        if not lemma.endswith(("वाना", "ाना")) or len(lemma) <= 4:
            return None
        if lemma.endswith("वाना"):
            stem = lemma[:-4]
            bases: tuple[str, ...] = (stem + "ाना", stem + "ना")
        else:
            bases = (lemma[:-3] + "ना",)
        # the causative shortens the root's vowel: भुलाना from भूलना, जिताना from जीतना
        bases += tuple(b.replace(short, long, 1) for b in bases for short, long in (("ु", "ू"), ("ि", "ी"))
                       if short in b)
        for base in bases:
            record = self._known_lemma(base, frozenset({"VERB"}), loose_ok=True)
            if record is not None and record.senses:
                return record
        return None

    def _sense_of(self, base: str, pos: str) -> str | None:
        """The first English sense of ``base`` read as ``pos``, if it has one."""
        record = self.info(base, pos) if len(base) > 1 else None
        return record.senses[0] if record is not None and record.pos == pos and record.senses else None

    def _made_into(self, key: str, pos: str) -> tuple[str, str] | None:
        """A noun in -(ी)करण or an adjective in -ीकृत, "making / made X", from a glossed
        adjective or noun X: आधुनिकीकरण "modernization", पूंजीकरण "capitalization" (पूंजी
        "capital"), आदर्शीकृत "idealized"; the English -ize word where English has one."""
        suffixes = ("ीकरण", "करण") if pos == "NOUN" else ("ीकृत", "कृत")
        for suffix in suffixes:
            if not key.endswith(suffix) or len(key) <= len(suffix) + 1:
                continue
            base = key[: -len(suffix)]
            for base_pos in ("ADJ", "NOUN"):
                sense = self._sense_of(base, base_pos)
                made = _made(sense, pos, plain=base_pos == "ADJ") if sense is not None else None
                if made is not None:
                    return made, base
        return None

    def made_into(self, word: str) -> tuple[str, str, str] | None:
        """For a word no dictionary lists: (sense, part of speech, base) when it is a -करण
        noun or a -कृत adjective of a glossed word (``_made_into``)."""
        key = norm(word)
        for pos in ("NOUN", "ADJ"):
            if (made := self._made_into(key, pos)) is not None:
                return made[0], pos, made[1]
        return None

    def derived_senses(self, lemma: str, pos: str | None = None) -> tuple[str, str] | None:
        """Senses for a word derived from a glossed one by a productive suffix: adjectives in
        -ी/-ीय from nouns (सरकारी "of government"), causative verbs (कराना from करना), and,
        given the word's ``pos``, abstract nouns from adjectives (मजबूती "being strong"),
        -ीकरण nouns (आधुनिकीकरण "modernization"), -तः adverbs (सामान्यतः "generally") and
        -दार words of holding (धारदार "having an edge", हिस्सेदार "part-holder")."""
        key = norm(lemma)
        if (record := self._causative_base(key)) is not None:
            return f"to cause to {record.senses[0].removeprefix('to ')}", record.lemma
        if pos == "ADV" and key.endswith("तः") and len(key) > 3:
            base = key[:-2]  # Sanskrit ablative adverbs: सामान्य → सामान्यतः, अनुमान → अनुमानतः
            if (adjective := self._sense_of(base, "ADJ")) is not None:
                return adverb(adjective), base
            if (noun := self._sense_of(base, "NOUN")) is not None:
                return f"by {noun}", base
            return None
        if pos in ("NOUN", "ADJ") and (made := self._made_into(key, pos)) is not None:
            return made
        if pos == "VERB" and key.endswith("ना") and len(key) > 4:
            # a verb made from a noun: मापना from माप "measure", खोजना from खोज "search"
            noun = self._sense_of(key[:-2], "NOUN")
            verb = verb_of_noun(noun) if noun is not None else None
            if verb is not None:
                return f"to {verb}", key[:-2]
        if pos == "NOUN":
            for suffix in ("ता", "पन", "गी", "ी"):
                if key.endswith(suffix) and len(key) > len(suffix) + 2:
                    base = key[: -len(suffix)]
                    if (adjective := self._sense_of(base, "ADJ")) is not None:
                        return f"being {adjective}", base
        if pos in ("ADJ", "NOUN") and key.endswith("दार") and len(key) > 4:
            # the Persian suffix of holding: धारदार "having an edge" from धार, हिस्सेदार
            # "part-holder" from हिस्सा (oblique हिस्से); "edge-holding" is no English
            stem = key[:-3]
            for base in (stem, stem[:-1] + "ा" if stem.endswith("े") else ""):
                if base and (noun := self._sense_of(base, "NOUN")) is not None:
                    if pos == "NOUN":
                        return f"{noun}-holder", base
                    return f"having {'an' if noun[:1].lower() in 'aeiou' else 'a'} {noun}", base
        bases: list[str] = []
        if key.endswith("ीय"):
            bases.append(key[:-2])
        if key.endswith("ी"):
            bases.extend((key[:-1], key[:-1] + "ा"))
        for base in bases:
            if (sense := self._relation_sense(base, ("NOUN", "PROPN"))) is not None:
                return sense, base
        return None

    def _relation_sense(self, base: str, poses: tuple[str, ...], one_word: bool = False) -> str | None:
        """The adjective of relation of ``base``, a glossed noun or name of one of ``poses``:
        English's own where it has one (उष्णकटिबंधीय "tropical"), else "of X"; ``one_word``:
        only from a one-word sense."""
        record = self.info(base) if len(base) > 1 else None
        if record is None or not record.senses or record.pos not in poses:
            return None
        english = record.senses[0]
        if one_word and " " in english:
            return None
        return adjective_of(english) or f"of {english}"

    def relational(self, word: str) -> tuple[str, str, str] | None:
        """For a word no dictionary lists: (sense, base, suffix) when it is an adjective of
        relation of a glossed noun or name: नस्लीय "of race", खगोलीय "astronomical",
        आस्ट्रेलियाई "Australian", सांस्थानिक "of institute". A bare -ी is left out: on an
        unknown word it as often makes an abstract noun (मेजबानी "hosting") or a surname (जोशी)."""
        key = norm(word)
        candidates = [(key[:-len(ending)] + restore, "-" + ending.lstrip("ा"), ("NOUN", "PROPN"))
                      for ending, restore in _RELATIONAL
                      if key.endswith(ending) and len(key) >= len(ending) + 3]
        if key.endswith("\u093f\u0915") and len(key) > 5:  # -इक, with the first vowel strengthened
            candidates += [(base, "-इक", ("NOUN",)) for base in _unstrengthened(key[:-2]) if len(base) > 2]
        for base, suffix, poses in candidates:
            if (sense := self._relation_sense(base, poses, one_word=True)) is not None:
                return sense, base, suffix
        return None

    # ----- multiword phrases -----------------------------------------------------
    def phrases(self) -> dict[str, list[Phrase]]:
        """Multiword entries indexed by their first word, longest first."""
        if self._phrases is None:
            self._phrases = _index_phrases(self._lemmas, self._closed)
        return self._phrases

    def phrases_spelled(self, first: str, second: str) -> list[tuple[tuple[str, ...], Phrase]]:
        """Multiword entries whose first two words have the loose keys ``first`` and ``second``
        (``keys.loose``), each with all its words' loose keys: यहां तक कि is the entry यहाँ तक कि."""
        if self._loose_phrases is None:
            index: dict[tuple[str, str], list[tuple[tuple[str, ...], Phrase]]] = defaultdict(list)
            for phrases in self.phrases().values():
                for phrase in phrases:
                    words = tuple(loose(w, normalized=True) for w in phrase.words)
                    index[words[:2]].append((words, phrase))
            self._loose_phrases = dict(index)
        return self._loose_phrases.get((first, second), [])


# adjectives of relation in -ीय and -ाई: (ending, what the base ends in instead)
_RELATIONAL = (("ीय", ""), ("ाई", "ा"))
# the strengthened first vowel of a Sanskrit -इक adjective and the vowels it comes from:
# समाज → सामाजिक, विज्ञान → वैज्ञानिक, उद्योग → औद्योगिक
_VRDDHI_SIGNS = {"\u093e": ("",), "\u0948": ("\u093f", "\u0947"), "\u094c": ("\u0941", "\u094b")}
_VRDDHI_LETTERS = {"आ": ("अ",), "ऐ": ("इ", "ए"), "औ": ("उ", "ओ")}
_LETTER = "[\u0915-\u0939\u0958-\u095f]\u093c?"
_FIRST_SYLLABLE = re.compile(f"^((?:{_LETTER}\u094d)*{_LETTER})([\u093e\u0948\u094c])")


def _unstrengthened(stem: str) -> list[str]:
    """The words a -इक adjective's stem may come from, its first vowel weakened again."""
    if stem[:1] in _VRDDHI_LETTERS:
        return [weak + stem[1:] for weak in _VRDDHI_LETTERS[stem[0]]]
    match = _FIRST_SYLLABLE.match(stem)
    if match is None:
        return []
    consonants, sign = match.groups()
    return [consonants + weak + stem[match.end():] for weak in _VRDDHI_SIGNS[sign]]


def phrase_words(text: str) -> tuple[str, ...]:
    """Split a phrase the way the tokenizer splits text: spaces, and hyphens as tokens."""
    words: list[str] = []
    for part in norm(text).split():
        pieces = part.split("-")
        for i, piece in enumerate(pieces):
            if i:
                words.append("-")
            if piece:
                words.append(piece)
    return tuple(words)


def _phrase_kind(words: tuple[str, ...], pos: str, lemmas: dict[str, list[LemmaInfo]]) -> str:
    if pos == "ADP":
        return "postposition"
    if pos == "VERB":
        first_is_nominal = any(r.pos in ("NOUN", "ADJ") for r in lemmas.get(words[0], ()))
        first_is_verb = any(r.pos == "VERB" for r in lemmas.get(words[0] + "ना", ()))
        conjunct = words[-1] in _LIGHT_VERBS and (first_is_nominal or not first_is_verb)
        return "conjunct_verb" if conjunct else "compound_verb"
    return "phrase"


def _index_phrases(lemmas: dict[str, list[LemmaInfo]],
                   closed: dict[str, list[ClosedEntry]]) -> dict[str, list[Phrase]]:
    index: dict[str, list[Phrase]] = defaultdict(list)
    seen: set[tuple[str, ...]] = set()
    for form, entries in sorted(closed.items()):
        words = phrase_words(form)
        if len(words) < 2:
            continue
        info = entries[0].info
        seen.add(words)
        index[words[0]].append(Phrase(words, info.lemma, info.pos, info.senses,
                                      _phrase_kind(words, info.pos, lemmas), note=info.note))
    for lemma, records in sorted(lemmas.items()):
        if " " not in lemma and "-" not in lemma:
            continue
        words = tuple(lemma.replace("-", " - ").split())  # keys in the file are normalized
        for record in records:
            if record.pos == "VERB" and len(words) > 2 and any(
                    e.analysis.pos == "ADP" for e in closed.get(words[0], ())):
                # "का समर्थन करना": the leading postposition belongs to the object
                words = words[1:]
        if len(words) < 2 or words in seen or (" ".join(words) != lemma and " ".join(words) in lemmas):
            continue  # में हो जाना "to fall in" says nothing of हो जाना, which has its own entry
        # a phrase ending in an infinitive is read as the verb where the verb has senses:
        # इनकार करना is "to refuse", not the noun "brush-off" a dictionary also lists
        verb_first = words[-1].endswith("ना")
        for record in sorted(records, key=lambda r: not (verb_first and r.pos == "VERB" and r.senses)):
            verb_final = record.pos == "VERB" and words[-1].endswith("ना")
            if not record.senses and (not verb_final or words[0] in closed):
                continue  # a unit with nothing to say is worse than word-by-word glosses
            index[words[0]].append(Phrase(words, " ".join(words).replace(" - ", "-"), record.pos,
                                          record.senses, _phrase_kind(words, record.pos, lemmas),
                                          verb_final))
            break
    for bucket in index.values():
        bucket.sort(key=lambda p: (-len(p.words), not p.senses, p.lemma))
    return dict(index)
