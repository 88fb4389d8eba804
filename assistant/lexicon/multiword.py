"""Find the multiword units of a sentence: compound postpositions, fixed phrases,
conjunct verbs (noun + करना/होना/...), compound verbs (stem + देना/लेना/...) and passives.

All candidates are collected first, then chosen longest-first without overlaps, so
``के बारे में`` wins over ``में`` and a dictionary phrase wins over a guessed one.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from assistant.lexicon.analyse import Lexicon
from assistant.lexicon.english import adverb, english_lemma, gerund, participle, superlative, verb_of_noun
from assistant.lexicon.entries import Phrase
from assistant.lexicon.keys import loose, norm
from assistant.lexicon.ranking import content_words, fit, for_form, zipf
from assistant.types import Analysis, MultiwordUnit, Token

CONJUNCT_LIGHT = {"करना": "do", "होना": "become", "देना": "give", "लेना": "take", "लगना": "feel"}
VECTOR_NUANCE = {
    "देना": "completely", "लेना": "for oneself", "जाना": "completely", "पड़ना": "suddenly",
    "डालना": "completely", "बैठना": "rashly", "उठना": "suddenly",
}
_VERBAL = frozenset({"VERB", "AUX"})
_FOLLOWERS_OF_VERB = frozenset({"AUX", "PART", "CCONJ", "SCONJ", "VERB"})


def _can_be_verb(english: str) -> bool:
    """Whether an English word is also a verb in this very form (offer, attack, support;
    not "meeting", a form of "meet")."""
    from lemminflect import getAllLemmas

    return english.lower() in getAllLemmas(english.lower()).get("VERB", ())


def _participle_of(english: str) -> str | None:
    """The verb an English past participle comes from ("passed" → "pass"), else None."""
    from lemminflect import getAllLemmas

    word = english.lower()
    if " " in word or not word.endswith(("ed", "en", "wn", "nt", "ld", "ght")):
        return None
    verbs = getAllLemmas(word).get("VERB", ())
    return verbs[0] if verbs and verbs[0] != word else None


def _analyses(lexicon: Lexicon, token: Token) -> list[Analysis]:
    return lexicon.analyse(token.text) if token.kind == "word" else []


CONTINUATIVE_NOTE = "imperfective participle + रहना: the action goes on"


def keeps_on(verb: list[Analysis] | None, following: list[Analysis] | None) -> bool:
    """Whether a verb read first as an imperfective participle is followed by a form of रहना
    (बोलता रहा, करते रहे): the continuative, not the progressive."""
    return bool(verb and following) and verb[0].pos == "VERB" and verb[0].tense == "impf" \
        and any(a.lemma == "रहना" for a in following)


def _verb_reading(readings: list[Analysis], lemmas: set[str] | dict[str, str]) -> Analysis | None:
    return next((a for a in readings if a.pos in _VERBAL and a.lemma in lemmas), None)


@lru_cache(maxsize=100_000)
def _loose(key: str) -> str:
    return loose(key, normalized=True) if key else ""


def _match_phrase(phrase: Phrase, keys: list[str], readings: list[list[Analysis]], start: int) -> bool:
    if start + len(phrase.words) > len(keys):
        return False
    last = len(phrase.words) - 1
    for offset, word in enumerate(phrase.words):
        key = keys[start + offset]
        if key == word:
            continue
        here = readings[start + offset]
        if offset == last and phrase.verb_final and here and here[0].pos != "AUX" and any(
                a.lemma == word and a.pos == "VERB" for a in here):
            continue
        if offset == last and word == "रहना" and any(a.lemma == word for a in here or ()) and not any(
                a.tense == "stem" for a in readings[start + offset - 1] or ()):
            continue  # बने रहे "remained": after no verb stem रहे is no progressive
        if offset < last and phrase.verb_final and any(a.lemma == word and a.pos == "ADJ"
                                                       for a in here or ()):
            continue  # the adjective of a conjunct verb agrees: पूरे किए गए "completed"
        if offset == last and phrase.pos in ("NOUN", "PROPN") and any(
                a.lemma == word and a.pos == phrase.pos for a in here or ()):
            continue  # a noun phrase inflects its last word: हवाई अड्डे पर "at the airport"
        return False
    return True


def is_form_of_jana(analysis: Analysis) -> bool:
    """Whether a reading is a form of जाना, the verb or the passive auxiliary."""
    return analysis.lemma == "जाना" and analysis.pos in ("VERB", "AUX")


def _ends_clause(tokens: Sequence[Token], readings: list[list[Analysis]], index: int,
                 strict: bool = False) -> bool:
    """Whether the token after a light verb fits a verb group (end, auxiliary, particle...).
    ``strict`` (for की/के, which are far more often "of") also rules out a following verb,
    but for a form of जाना: the passive (कल्पना की गयी "was imagined")."""
    if index >= len(tokens) or tokens[index].kind == "punct":
        return True
    if tokens[index].kind != "word" or not readings[index]:
        return False
    first = readings[index][0]
    if strict and is_form_of_jana(first):
        return True
    allowed = _FOLLOWERS_OF_VERB - {"VERB"} if strict else _FOLLOWERS_OF_VERB
    return first.pos in allowed


_HYPHENS = frozenset({"-", "‐", "‑", "–"})
_MANNER = frozenset({("रूप", "से"), ("तौर", "पर"), ("ढंग", "से"), ("तरीके", "से"), ("तरह", "से")})
# ... and तरह alone, unless a genitive makes it "kind" (अलग तरह के "of a different kind")
_MANNER_ALONE = "तरह"
_KIND_OF = frozenset({"का", "की", "के"})
# adjectives that pick out rather than describe: दूसरे रूप से is "in another form"
_NOT_MANNER = frozenset({"second", "first", "other", "another", "same", "such", "this", "that", "each",
                         "every", "all", "some", "many", "few", "new", "old", "own", "whole", "full"})

ADVERB_ZIPF = 2.0  # an -ly word rarer than this is not English ("mentionedly")
# an English word rarer than this, given as the sense of a Hindi phrase, is one the phrase defines
DEFINED_ZIPF = 3.0
DEFINED_MODIFIER_ZIPF = 3.8
SUPERLATIVE_ZIPF = 2.5  # a made -est form rarer than this is not said


def _whole_words(sense: str) -> list[str]:
    """The content words of a sense, a hyphenated English word taken whole: "cock-a-hoop" is
    as rare as itself, not as common as "cock"."""
    hyphenated = [w for w in sense.split() if "-" in w]
    rest = " ".join(w for w in sense.split() if "-" not in w)
    return hyphenated + (content_words(rest) if rest else [])


def nuanced(lexicon: Lexicon, verb: str, vector: str) -> str | None:
    """The main verb's first sense with the vector verb's nuance: "to stop (completely)"."""
    info = lexicon.info(verb, "VERB")
    if info is None or info.pos != "VERB" or not info.senses:
        return None
    return f"{info.senses[0]} ({VECTOR_NUANCE[vector]})"


def _manner(senses: Sequence[str]) -> str:
    """The adverb of the first of an adjective's senses that has a real -ly form (कथित
    "mentioned | alleged": "allegedly"), else its first sense as a phrase ("as mentioned",
    "in an unprecedented way")."""
    for sense in senses:
        word = adverb(sense)
        if " " in word or zipf(word) >= ADVERB_ZIPF:
            return word
    first = senses[0]
    if first.endswith("ed") and english_lemma(first) != first:
        return f"as {first}"  # a participle: कथित "as mentioned"
    return f"in {'an' if first[:1].lower() in 'aeiou' else 'a'} {first} way"  # "in an unprecedented way"


class _Finder:
    def __init__(self, tokens: Sequence[Token], lexicon: Lexicon) -> None:
        self.tokens = tokens
        self.lx = lexicon
        self.keys = [norm(t.text) if t.kind in ("word", "punct") else "" for t in tokens]
        self.readings = [_analyses(lexicon, t) for t in tokens]
        self.loose_keys: tuple[str, ...] | None = None  # made when a phrase is looked up by them

    def _unit(self, start: int, end: int, lemma: str, senses: tuple[str, ...], kind: str,
              note: str = "") -> MultiwordUnit:
        return MultiwordUnit(_text(self.tokens, start, end), lemma, senses, kind, start, end, note)

    def dictionary(self, start: int) -> list[MultiwordUnit]:
        """The dictionary's phrases at ``start``, as spelled (a verb phrase may inflect); failing
        those, word for word in a variant spelling (यहां तक कि for यहाँ तक कि)."""
        # an adjective opening a conjunct verb agrees with its noun (पूरे किए, पूरी की)
        heads = [self.keys[start], *{a.lemma for a in self.readings[start] or () if a.pos == "ADJ"}
                 - {self.keys[start]}]
        exact = [p for head in heads for p in self.lx.phrases().get(head, ())
                 if (head == self.keys[start] or p.verb_final)
                 and _match_phrase(p, self.keys, self.readings, start)]
        found = self._units_of(start, exact)
        if found or not self.keys[start] or start + 1 >= len(self.keys):
            return found
        if self.loose_keys is None:
            self.loose_keys = tuple(_loose(key) for key in self.keys)
        spelled = [p for words, p in self.lx.phrases_spelled(*self.loose_keys[start:start + 2])
                   if self.loose_keys[start:start + len(words)] == words]
        return self._units_of(start, spelled)

    def _units_of(self, start: int, phrases: list[Phrase]) -> list[MultiwordUnit]:
        out: list[MultiwordUnit] = []
        if not phrases:
            return out
        # a verb phrase opening with a postposition (में होना, से हटना) is the verb's argument
        # frame, not a unit: हटा in इसे अपराधों से हटा दिया is "removed", not "to depart"
        frame = any(e.analysis.pos == "ADP" for e in self.lx.closed_entries(self.keys[start]))
        for phrase in phrases:
            if (frame and phrase.pos == "VERB") or self._defines_rare_word(phrase, start):
                continue
            end = start + len(phrase.words)
            if self._governed(phrase, end):
                continue
            last = self.readings[end - 1]
            if (phrase.kind in ("conjunct_verb", "compound_verb") and last
                    and last[0].pos not in _VERBAL
                    and not _ends_clause(self.tokens, self.readings, end, strict=True)):
                continue  # e.g. "X की" where की is the genitive, not करना
            senses = self._led_by_verb(phrase, start) or phrase.senses or self._composed(phrase.words)
            out.append(self._unit(start, end, phrase.lemma, senses, phrase.kind, phrase.note))
        return out

    def adverbial(self, start: int) -> MultiwordUnit | None:
        """An adjective with रूप से, तौर पर, ढंग से, तरीके से or तरह (से) is an adverb: प्राकृतिक
        रूप से "naturally", आधिकारिक तौर पर "officially", अच्छे तरीके से, अच्छी तरह "well"."""
        tail = tuple(self.keys[start + 1:start + 3])
        if tail not in _MANNER:
            tail = tail[:1]
            if tail != (_MANNER_ALONE,) or (start + 2 < len(self.keys) and self.keys[start + 2] in _KIND_OF):
                return None
        adjective = next((a for a in self.readings[start] or () if a.pos == "ADJ"), None)
        info = self.lx.info(adjective.lemma, "ADJ") if adjective is not None else None
        if info is None or info.pos != "ADJ" or not info.senses or info.senses[0] in _NOT_MANNER:
            return None
        words = " ".join(tail)
        return self._unit(start, start + 1 + len(tail), f"{info.lemma} {words}", (_manner(info.senses),),
                          "phrase", f"adjective + {words}: an adverb")

    def hyphenated(self, start: int) -> MultiwordUnit | None:
        """Two words joined by a hyphen that the dictionary lists as one expression:
        कभी-कभी "sometimes" (not "never - never"), धीरे-धीरे, आस-पास."""
        if start + 2 >= len(self.tokens) or self.keys[start + 1] not in _HYPHENS:
            return None
        if self.tokens[start + 2].kind != "word":
            return None
        first, second = self.keys[start], self.keys[start + 2]
        for phrase in self.lx.phrases().get(first, ()):
            if phrase.words == (first, second) and phrase.senses:
                return self._unit(start, start + 3, phrase.lemma, phrase.senses, phrase.kind, phrase.note)
        return None

    def _defines_rare_word(self, phrase: Phrase, start: int) -> bool:
        """Whether a noun, adjective or adverb phrase is an English–Hindi dictionary's
        definition of a rare English word rather than a Hindi expression: मादक पेय "ouzo",
        दूषित वायु "miasma", बड़ा बन्दर "baboon", बड़ी संख्या में "spate". In running text
        such words mean what their parts say ("alcoholic drink"), so each part is glossed
        on its own."""
        if phrase.kind != "phrase" or phrase.pos not in ("NOUN", "ADJ", "ADV") or not phrase.senses:
            return False
        # an adjective and a noun glossed only by an English adjective define that adjective:
        # तेज हवा "windy" is "strong wind" (गणित सम्बन्धी "mathematical" is no such pair)
        first, last = self.readings[start], self.readings[start + len(phrase.words) - 1]
        defines_adjective = phrase.pos == "ADJ" and len(phrase.words) == 2 and bool(first and last) \
            and first[0].pos == "ADJ" and last[0].pos == "NOUN" \
            and all(" " not in s and fit(s, "NOUN") < 1.0 for s in phrase.senses)
        # English adjectives and adverbs are defined by Hindi phrases far more often than
        # nouns are (बहुत कम "marginal", उत्तर की ओर "northward"): a higher bar for them
        bar = DEFINED_ZIPF if phrase.pos == "NOUN" else DEFINED_MODIFIER_ZIPF
        if not defines_adjective and any(zipf(w) >= bar for s in phrase.senses for w in _whole_words(s)):
            return False
        return all(self._glossed(start + k) for k in range(len(phrase.words)))

    def _governed(self, phrase: Phrase, end: int) -> bool:
        """Whether an adverb or adjective phrase ending in a noun is followed by a postposition
        that takes that noun: इस समय तक is "by this time", not "now" + "until"; इस प्रकार के
        "of this kind", not "thus" + "of"."""
        adverbial = phrase.pos in ("ADV", "ADJ") or (bool(phrase.senses)
                                                     and all(fit(s, "ADV") >= 1.0 for s in phrase.senses))
        if not adverbial or end >= len(self.tokens) or not self.readings[end - 1]:
            return False
        if self.readings[end - 1][0].pos != "NOUN":
            return False
        # ... but not से, which completes a manner adverb: पूरी तरह से "completely"
        following = self.keys[end]
        return following != "से" and any(e.analysis.pos == "ADP" for e in self.lx.closed_entries(following))

    def _glossed(self, index: int) -> bool:
        """Whether a reading of the token has English senses of its own (बड़ी as बड़ा)."""
        return any((info := self.lx.info(a.lemma, a.pos)) is not None and info.senses
                   for a in self.readings[index] or ())

    def _stem_sense(self, words: tuple[str, ...], start: int) -> str | None:
        """For a verb stem before a vector verb (रोक देना, समझ लेना), the main verb's first
        sense with the vector's nuance: "to stop (completely)". None where the analyser
        reads the first word as anything else first (पहचान देना is "to give identity")."""
        if len(words) != 2 or words[1] not in ("देना", "लेना") or not self.readings[start]:
            return None
        verb_lemma = words[0] + "ना"
        stem = next((a for a in self.readings[start] if a.tense == "stem" and a.lemma == verb_lemma), None)
        if self.readings[start][0].pos != "VERB" or stem is None:
            return None  # गिरा is read first as गिरना "fell", but गिरा देना is गिराना's
        return nuanced(self.lx, stem.lemma, words[1])

    def _led_by_verb(self, phrase: Phrase, start: int) -> tuple[str, ...]:
        """A stem + vector verb leads with what its main verb means: रोक देना, which the
        dictionary lists without senses, is "to stop (completely)", not "to give curb"; गिरा
        देना is "to drop" before the dictionary's idioms ("to floor"). A conjunct verb the
        dictionary glosses keeps its senses (भाग लेना "to take part")."""
        if phrase.senses and phrase.kind != "compound_verb":
            return ()
        sense = self._stem_sense(phrase.words, start)
        if sense is None:
            return ()
        plain = sense.rsplit(" (", 1)[0]
        if phrase.senses[:1] == (plain,):
            return ()  # छोड़ देना "to leave": the dictionary already says it
        return (sense, *(s for s in phrase.senses if s != plain))

    def _composed(self, words: tuple[str, ...]) -> tuple[str, ...]:
        if len(words) == 2 and words[1] == "रहना":
            # an adjective with रहना stays so: सफल रहा "remained successful", क़ायम रहना
            adjective = self.lx.info(words[0], "ADJ")
            if adjective is None or adjective.pos != "ADJ" or not adjective.senses:
                return ()
            sense = adjective.senses[0]
            # बाकी रहना: an adjective that already says "remaining" adds nothing
            return ("to remain",) if sense.startswith("remain") else (f"to remain {sense}",)
        if len(words) != 2 or words[1] not in CONJUNCT_LIGHT:
            return ()
        info = self.lx.info(words[0])
        if info is None or not info.senses or info.pos not in ("NOUN", "ADJ"):
            return ()
        if self.lx.closed_entries(words[0]):
            return ()  # पर होना is "on" + "is", not a verb made from the noun पर
        verbal = self.lx.info(words[0], "VERB")
        if words[1] == "करना" and verbal and verbal.pos == "VERB" and verbal.senses:
            return verbal.senses[:1]
        sense = info.senses[0]
        if words[1] == "करना" and " " not in sense and _can_be_verb(sense):
            return (f"to {sense}",)  # पेशकश करना "to offer", not "to do offer"
        # an action noun with करना, देना or लेना is its verb: निवेश करना "to invest", अनुमति
        # देना "to permit", निर्णय लेना "to decide"; with देना and लेना only a verb made from
        # the noun (भाग लेना is "to take part", not "to part")
        verb = (verb_of_noun(sense, derived_only=words[1] != "करना")
                if info.pos == "NOUN" and words[1] in ("करना", "देना", "लेना") else None)
        if verb is not None:
            return (f"to {verb}",)
        if words[1] == "करना" and info.pos == "ADJ":
            verb = _participle_of(sense)
            if verb is not None:
                return (f"to {verb}",)  # पारित करना "to pass", not "to make passed"
            return (f"to make {sense}",)  # मजबूत करना "to make strong"
        if words[1] == "होना" and info.pos == "ADJ" and _participle_of(sense) is not None:
            return (f"to be {sense}",)  # प्रभावित होना "to be affected", not "to become affected"
        return (f"to {CONJUNCT_LIGHT[words[1]]} {sense}",)

    def conjunct(self, start: int) -> MultiwordUnit | None:
        nxt = start + 1
        if nxt >= len(self.tokens) or self.tokens[start].kind != "word" or self.tokens[nxt].kind != "word":
            return None
        head = self.readings[start]
        if not head:
            return self.borrowed_verb(start)
        if head[0].pos not in ("NOUN", "ADJ") or head[0].source == "closed":
            return None
        if head[0].case == "obl" and head[0].number == "pl":
            return None
        remain = _verb_reading(self.readings[nxt], {"रहना"})
        if head[0].pos == "ADJ" and remain is not None and remain.tense != "stem":
            # an adjective with रहना stays so: परेशान रहता "remains troubled", चुप रहा
            senses = self._composed((head[0].lemma, "रहना"))
            if not senses:
                return None
            return self._unit(start, nxt + 1, f"{head[0].lemma} रहना", senses, "conjunct_verb")
        light = _verb_reading(self.readings[nxt], CONJUNCT_LIGHT)
        if light is None or self.readings[nxt][0].pos == "AUX":
            return None  # है/था after a noun is the copula, not a verb of its own
        if light.lemma == "होना" and head[0].pos != "ADJ":
            return None  # noun + होना is mostly "X happened", not a verb of its own
        if self.readings[nxt][0].pos not in _VERBAL and not _ends_clause(
                self.tokens, self.readings, nxt + 1, strict=True):
            return None
        words = (head[0].lemma, light.lemma)
        senses = self._composed(words)
        if not senses:
            return None
        return self._unit(start, nxt + 1, " ".join(words), senses, "conjunct_verb")

    def borrowed_verb(self, start: int) -> MultiwordUnit | None:
        """An English verb written in Devanagari before करना: नेविगेट करना "to navigate",
        एक्टिवेट किया "activated" (Hindi borrows English verbs this way)."""
        from assistant.lexicon.loanwords import borrowed_senses, load_loanwords

        nxt = start + 1
        light = _verb_reading(self.readings[nxt], {"करना"})
        if light is None or (self.readings[nxt][0].pos not in _VERBAL
                             and not _ends_clause(self.tokens, self.readings, nxt + 1, strict=True)):
            return None
        english, is_name = borrowed_senses(load_loanwords(), self.tokens[start].text, hindi_word=False)
        verbs = [e for e in english if not is_name and _can_be_verb(e)]
        if not verbs:
            return None
        return self._unit(start, nxt + 1, f"{self.keys[start]} करना", (f"to {verbs[0].lower()}",),
                          "conjunct_verb", "an English verb + करना")

    def compound(self, start: int) -> MultiwordUnit | None:
        nxt = start + 1
        if nxt >= len(self.tokens) or self.tokens[nxt].kind != "word":
            return None
        main = self.readings[start]
        vector = _verb_reading(self.readings[nxt], VECTOR_NUANCE)
        if vector is None:
            return None
        stem = next((a for a in main if a.pos == "VERB" and a.tense == "stem"), None)
        if stem is not None and main[0].pos in _VERBAL:
            sense = nuanced(self.lx, stem.lemma, vector.lemma)
            senses = (sense,) if sense else ()
            return self._unit(start, nxt + 1, f"{self.keys[start]} {vector.lemma}", senses,
                              "compound_verb", "verb stem + " + vector.lemma)
        perfect = next((a for a in main if a.pos == "VERB" and a.tense == "perf"), None)
        # a participle that is also a noun is the passive too: बदले जाते, not बदला "revenge"
        if perfect is not None and vector.lemma == "जाना" and main[0].pos in ("VERB", "NOUN"):
            info = self.lx.info(perfect.lemma, "VERB")
            if info and info.senses:
                # the participle's own translations choose its sense: माना जाता "is considered"
                senses: tuple[str, ...] = (
                    f"to be {participle(for_form(self.tokens[start].text, 'VERB', info.senses)[0])}",)
            else:
                # a verb made from a noun (मापा जाता "is measured"); भुलाई गई is "was
                # forgotten", not "was caused to forget"
                derived = self.lx.derived_senses(perfect.lemma, "VERB")
                senses = ((f"to be {participle(derived[0])}",)
                          if derived and not derived[0].startswith("to cause to ") else ())
            return self._unit(start, nxt + 1, f"{perfect.lemma} (passive)", senses, "passive",
                              "perfective participle + जाना: passive voice")
        return None

    def continuative(self, start: int) -> MultiwordUnit | None:
        """An imperfective participle followed by रहना: the action goes on, बोलता रहा
        "kept speaking"."""
        nxt = start + 1
        if nxt >= len(self.tokens) or not keeps_on(self.readings[start], self.readings[nxt]):
            return None
        imperfective = next(a for a in self.readings[start] if a.pos == "VERB" and a.tense == "impf")
        info = self.lx.info(imperfective.lemma, "VERB")
        if info is None or not info.senses or info.pos != "VERB":
            return None
        sense = for_form(self.tokens[start].text, "VERB", info.senses)[0]
        return self._unit(start, nxt + 1, f"{imperfective.lemma} (going on)", (f"to keep {gerund(sense)}",),
                          "compound_verb", CONTINUATIVE_NOTE)

    def continuative_of(self, unit: MultiwordUnit) -> MultiwordUnit | None:
        """A verb unit in the imperfective followed by रहना: काम करता रहा "kept working"."""
        end = unit.end_token
        if (end >= len(self.tokens) or unit.kind not in ("conjunct_verb", "compound_verb") or not unit.senses
                or not unit.senses[0].startswith("to ")
                or not keeps_on(self.readings[end - 1], self.readings[end])):
            return None
        return self._unit(unit.start_token, end + 1, f"{unit.lemma} (going on)",
                          (f"to keep {gerund(unit.senses[0])}",), unit.kind, CONTINUATIVE_NOTE)

    def conjunctive(self, start: int) -> MultiwordUnit | None:
        """A verb stem followed by कर (or के): the conjunctive participle, खा कर "having eaten"."""
        nxt = start + 1
        if nxt >= len(self.tokens) or self.tokens[nxt].kind != "word" or self.keys[nxt] not in ("कर", "के"):
            return None
        main = self.readings[start]
        if not main or main[0].pos != "VERB" or main[0].tense != "stem":
            return None  # a noun before कर is a conjunct verb, one before के a genitive
        info = self.lx.info(main[0].lemma, "VERB")
        if info is None or not info.senses or info.pos != "VERB":
            return None
        sense = for_form(self.tokens[start].text, "VERB", info.senses)[0]
        return self._unit(start, nxt + 1, f"{main[0].lemma} (having done)", (f"having {participle(sense)}",),
                          "conjunctive", "verb stem + कर: having done, then")

    def superlative(self, start: int) -> MultiwordUnit | None:
        """सबसे before an adjective makes its superlative: सबसे बड़ा "biggest"."""
        nxt = start + 1
        if self.keys[start] != "सबसे" or nxt >= len(self.tokens) or self.tokens[nxt].kind != "word":
            return None
        following = self.readings[nxt]
        if not following or following[0].pos != "ADJ":
            return None
        info = self.lx.info(following[0].lemma, "ADJ")
        if info is None or not info.senses or info.pos != "ADJ":
            return None
        sense = info.senses[0]
        made = superlative(sense)
        if made.endswith("est") and made != sense and zipf(made) < SUPERLATIVE_ZIPF:
            made = f"most {sense}"  # English has no "mainest" or "vastest"
        return self._unit(start, nxt + 1, f"सबसे {following[0].lemma}", (made,),
                          "phrase", "सबसे + adjective: the superlative")

    def passive_of(self, unit: MultiwordUnit) -> MultiwordUnit | None:
        """A verb unit in the perfective followed by a form of जाना: its passive."""
        end = unit.end_token
        if end >= len(self.tokens) or unit.kind not in ("conjunct_verb", "compound_verb"):
            return None
        if not any(a.pos == "VERB" and a.tense == "perf" for a in self.readings[end - 1]):
            return None
        if _verb_reading(self.readings[end], {"जाना"}) is None:
            return None
        senses = (f"to be {participle(unit.senses[0])}",) if unit.senses else ()
        return self._unit(unit.start_token, end + 1, f"{unit.lemma} (passive)", senses, "passive",
                          "perfective participle + जाना: passive voice")

    def candidates(self, starts: Sequence[int] | None = None) -> list[MultiwordUnit]:
        """Every unit starting at one of ``starts`` (default: every token)."""
        found: list[MultiwordUnit] = []
        for start in range(len(self.tokens)) if starts is None else starts:
            if self.tokens[start].kind != "word":
                continue
            found.extend(self.dictionary(start))
            for guess in (self.conjunct(start), self.compound(start), self.conjunctive(start),
                          self.superlative(start), self.hyphenated(start), self.adverbial(start),
                          self.continuative(start)):
                if guess is not None:
                    found.append(guess)
        found.extend(p for p in map(self.passive_of, list(found)) if p is not None)
        found.extend(c for c in map(self.continuative_of, list(found)) if c is not None)
        return found


def _text(tokens: Sequence[Token], start: int, end: int) -> str:
    """The text of tokens ``start`` to ``end`` (exclusive) with the spacing they had."""
    return "".join(t.text if i == start or tokens[i - 1].end == t.start else " " + t.text
                   for i, t in enumerate(tokens[start:end], start))


# particles that may stand inside a verb unit: स्वीकार नहीं किया "did not accept", काम भी किया
_INSIDE_VERB_UNIT = frozenset({"नहीं", "न", "भी", "ही", "तो"})
_SPLIT_KINDS = frozenset({"conjunct_verb", "compound_verb", "passive"})
MAX_INSIDE = 2  # particles one unit may hold (नहीं भी)
_SPLIT_REACH = 3  # words of a verb unit that may stand before its particle


def _split_units(tokens: Sequence[Token], lexicon: Lexicon) -> list[tuple[MultiwordUnit, int]]:
    """Verb units with particles inside them, found as if the particles were not there, with
    each unit's length in words of its own."""
    kept = [i for i, t in enumerate(tokens) if not (t.kind == "word" and norm(t.text) in _INSIDE_VERB_UNIT)]
    if len(kept) == len(tokens):
        return []
    # only units that start a few words before a gap can span it
    gaps = [k for k in range(len(kept) - 1) if kept[k + 1] - kept[k] > 1]
    starts = sorted({k - back for k in gaps for back in range(_SPLIT_REACH) if k - back >= 0})
    out = []
    for unit in _Finder([tokens[i] for i in kept], lexicon).candidates(starts):
        start, end = kept[unit.start_token], kept[unit.end_token - 1] + 1
        words = unit.end_token - unit.start_token
        if unit.kind in _SPLIT_KINDS and 0 < end - start - words <= MAX_INSIDE:
            out.append((MultiwordUnit(_text(tokens, start, end), unit.lemma, unit.senses, unit.kind,
                                      start, end, unit.note), words))
    return out


def find_units(tokens: Sequence[Token], lexicon: Lexicon | None = None) -> list[MultiwordUnit]:
    """Non-overlapping multiword units of one sentence's tokens, in sentence order; a verb
    unit may hold a particle (नहीं, भी) between its words."""
    if lexicon is None:
        from assistant.lexicon.store import load_lexicon

        lexicon = load_lexicon()
    sized = [(u, u.end_token - u.start_token) for u in _Finder(tokens, lexicon).candidates()]
    sized += _split_units(tokens, lexicon)
    # Longest (in words of its own) first; then dictionary phrases (with senses) before
    # guesses; then verbs and postpositions before fixed phrases of the same length (in मुख्य
    # भूमिका निभाई the verb is "played a role" and मुख्य stays "main", not मुख्य भूमिका
    # "lead" and निभाई alone "kept"); then contiguous before split; then leftmost.
    sized.sort(key=lambda us: (-us[1], not us[0].senses, us[0].kind == "phrase",
                               us[0].end_token - us[0].start_token, us[0].start_token))
    candidates = [u for u, _ in sized]
    taken = [False] * len(tokens)
    chosen = []
    for unit in candidates:
        if any(taken[unit.start_token:unit.end_token]):
            continue
        for i in range(unit.start_token, unit.end_token):
            taken[i] = True
        chosen.append(unit)
    return sorted(chosen, key=lambda u: u.start_token)
