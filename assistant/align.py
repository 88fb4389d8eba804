"""Word alignment between a Hindi sentence and its English side.

The English side is cut into words by ``english_words``; alignment links
(``AlignmentLink``) index those words, so the renderer and the exports can draw links
without tokenizing English themselves.

``align`` gathers evidence for each (Hindi token, English word) pair and keeps the links
it trusts:

- the dictionary: the token's senses (the gloss's, every sense of each reading, the
  multiword unit's) compared with the English words by lemma ("said" = say) and, more
  weakly, by a shared stem ("announcement" ~ "announced");
- the translation table learned from parallel text, p(English | Hindi) and
  p(Hindi | English);
- names and loanwords by sound: the token's romanization against the English words;
- numbers by value (Devanagari digits too, "18 वीं" = "18th");
- the translation model's cross-attention, when the translator returned it.

Linking, in order:

1. content words by competitive linking: the strongest pair first, each word once, a
   second partner only beside the first (हवाई अड्डे "airport");
2. two content words that are each other's only candidate, on weaker evidence;
3. grammar words (postpositions, pronouns, auxiliaries, conjunctions) where only one
   pairing exists, or right before the English of the word they follow ("in" + the noun);
4. word order settles repeats: crossing links between repeated words are swapped, a
   repeated English word goes to the copy beside the neighbours' English;
5. a word between two linked neighbours takes the free English word between theirs, an
   adjective the free word before its noun's;
6. a multiword unit links as a group: a conjunct verb (पुष्टि की "confirmed") through its
   head, a compound postposition (के बारे में "about") to a preposition.

Nothing is forced: a word with no evidence stays unlinked. ``confidence`` is the combined
evidence (noisy-or over its origins), lowered for links made by rules 4-6.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from functools import lru_cache
from typing import TYPE_CHECKING, Protocol

from assistant.romanize import consonant_outline
from assistant.types import AlignmentLink, Attention, Gloss, Sentence, SentencePair, Token

if TYPE_CHECKING:
    from assistant.lexicon import Lexicon

_ENGLISH_WORD = re.compile(r"[^\W_]+(?:['’.,-][^\W_]+)*")

CONFIDENT = 0.5
"""Links at or above this confidence are shown as "here: ..." in a gloss."""

_KEEP = 0.5  # the least combined evidence that makes a content link
_BESIDE = 0.7  # the least evidence for a second partner next to a first one
_WEAK = 0.35  # the least evidence for a pair that has no rival
_DIGITS = str.maketrans("०१२३४५६७८९", "0123456789")
_FUNCTION_POS = frozenset({"ADP", "AUX", "PART", "CCONJ", "SCONJ", "DET", "PRON"})
_GROUP_KINDS = frozenset({"conjunct_verb", "compound_verb", "postposition"})
# English words that carry grammar, not content: a content sense never links to them
_ENGLISH_FUNCTION = frozenset({
    "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "from", "with", "into", "onto",
    "upon", "as", "than", "and", "or", "but", "nor", "not", "no", "be", "is", "am", "are", "was",
    "were", "been", "being", "have", "has", "had", "having", "do", "does", "did", "done", "will",
    "would", "shall", "should", "can", "could", "may", "might", "must", "it", "its", "this",
    "that", "these", "those", "there", "here", "who", "whom", "whose", "which", "what", "when",
    "where", "why", "how", "he", "she", "they", "we", "i", "you", "me", "him", "her", "them", "us",
    "my", "your", "his", "their", "our", "one", "ones", "some", "any", "all", "so", "very", "just",
    "also", "only", "too", "up", "out", "off", "over", "about"
})
_ARTICLES = frozenset({"the", "a", "an"})
_POSSESSIVES = ("his", "her", "its", "their", "my", "your", "our", "itself", "themselves", "himself")
_THIRD_PERSON = ("he", "she", "it", "they", "him", "her", "them", "his", "its", "their")
_NEGATIONS = frozenset({"नहीं", "न", "ना", "मत"})
# postpositions in nearly every sentence, each with many English renderings
_COMMON_POSTPOSITIONS = frozenset({"में", "पर", "से", "तक", "को", "का", "ने"})
# prepositions beyond the grammar words above, what compound postpositions often become
_PREPOSITIONS = frozenset({
    "after", "before", "during", "despite", "according", "because", "since", "until", "toward",
    "towards", "against", "between", "among", "within", "without", "through", "across", "along",
    "around", "behind", "beyond", "near", "like", "unlike", "via", "per", "instead", "besides"})
# auxiliaries that mark tense and aspect in nearly every clause (modals such as सकना "can"
# and चाहिए "should" are rarer and link like other grammar words)
_TENSE_AUXILIARIES = frozenset({"होना", "रहना", "जाना", "चुकना"})
_LIGHT_SENSE = re.compile(r"to (do|be|become|give|take|make|have) ")
_SENSE_NOISE = re.compile(r"\([^)]*\)|\[[^]]*\]|[\"“”]")
_SENSE_SPLIT = re.compile(r"[\s/;,-]+")


class TranslationTable(Protocol):
    """Lexical translation probabilities learned from parallel text
    (``assistant.lexicon.ttable.TranslationTable``)."""

    def english(self, hindi: str) -> tuple[tuple[str, float], ...]:
        """English lemmas with p(e|h), best first."""
        ...

    def p_hi_given_en(self, hi: str, en: str) -> float: ...


def english_words(text: str) -> tuple[tuple[int, int], ...]:
    """Character spans ``(start, end)`` of the words of an English text, in order.

    A word is a run of letters or digits, with inner apostrophes, hyphens, dots and
    commas kept ("don't", "1,000", "U.S", "well-known").
    """
    return tuple(match.span() for match in _ENGLISH_WORD.finditer(text))


# --- the English side ------------------------------------------------------------------

@dataclass(frozen=True, eq=False)  # one object per distinct word (cached): identity is enough
class _Word:
    """One English word with what matching needs: its parts and their lemmas."""

    text: str
    lower: str
    parts: tuple[str, ...]  # hyphenated or apostrophed pieces, lower-cased ("catalan", "capital")
    lemmas: frozenset[str]  # lemmas of the word and of each part
    capital: bool
    function: bool


@lru_cache(maxsize=50_000)
def _lemmas(word: str) -> frozenset[str]:
    from assistant.lexicon.english import english_lemmas

    return english_lemmas(word)


@lru_cache(maxsize=50_000)
def _english_word(text: str) -> _Word:
    lower = text.lower().replace("’", "'")
    base = re.sub(r"'s$|'$", "", lower)
    parts = tuple(p for p in re.split(r"[-'.]", base) if p)
    lemmas: set[str] = set(_lemmas(base)) | {base}
    if base.endswith("ly") and len(base) > 5:  # formally ~ formal, easily ~ easy
        lemmas.add(base[:-3] + "y" if base.endswith("ily") else base[:-2])
    for part in parts:
        lemmas |= _lemmas(part)
    return _Word(text, lower, parts, frozenset(lemmas), text[:1].isupper(),
                 base in _ENGLISH_FUNCTION)


class _English(list):
    """The English words of one sentence, indexed by lemma and by stem for matching."""

    def __init__(self, translation: str) -> None:
        super().__init__(_english_word(translation[a:b]) for a, b in english_words(translation))
        self.by_lemma: dict[str, list[int]] = {}
        self.by_stem: dict[str, list[int]] = {}
        for j, word in enumerate(self):
            for lemma in word.lemmas:
                self.by_lemma.setdefault(lemma, []).append(j)
            for part in {*(word.parts or (word.lower,))}:
                if len(part) >= 5:
                    self.by_stem.setdefault(part[:5], []).append(j)
        self._found: dict[str, dict[int, float]] = {}

    def matches(self, sense_word: str) -> dict[int, float]:
        """Words with the same lemma as ``sense_word`` (1.0) or a shared stem (0.8)."""
        found = self._found.get(sense_word)
        if found is None:
            found = {}
            if len(sense_word) >= 5:
                for j in self.by_stem.get(sense_word[:5], ()):
                    if any(_stem_match(sense_word, p) for p in self[j].parts or (self[j].lower,)):
                        found[j] = 0.8
            for lemma in {sense_word, *_lemmas(sense_word)}:
                for j in self.by_lemma.get(lemma, ()):
                    found[j] = 1.0
            self._found[sense_word] = found
        return found


def _english_side(translation: str) -> _English:
    return _English(translation)


# --- matching a dictionary sense against English words ---------------------------------

@lru_cache(maxsize=100_000)
def _sense_words(sense: str) -> tuple[tuple[str, ...], bool]:
    """The words of a sense worth matching, and whether they are content words.

    "to do (something) quickly" -> (do, quickly), content; "in" -> (in,), function."""
    text = _SENSE_NOISE.sub(" ", sense.lower())
    words = [w for w in _SENSE_SPLIT.split(text) if w.isalpha() or w.isdigit()]
    if words[:1] == ["to"] and len(words) > 1:
        words = words[1:]
    content = [w for w in words if w not in _ENGLISH_FUNCTION]
    if content:
        return tuple(content), True
    return tuple(words), False


def _stem_match(a: str, b: str) -> bool:
    """A shared stem long enough to mean a shared word: announce/announcement, protect/protection."""
    if len(a) < 5 or len(b) < 5:
        return False
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n >= 5 and n >= min(len(a), len(b)) - 3


def _sense_matches(sense: str, words: _English) -> list[tuple[int, float]]:
    """English words a sense names, with the strength of each match: content words for a
    content sense, function words for a function sense ("in"). A multiword sense ("fire
    engine") links the words it matches when they stand together."""
    parts, is_content = _sense_words(sense)
    if not is_content and len(parts) > 1:
        parts = tuple(p for p in parts if p not in _ARTICLES)  # "the ones who" names no "the"
    if not parts:
        return []
    best: dict[int, float] = {}
    for part in parts:
        for j, strength in words.matches(part).items():
            if words[j].function != is_content and strength > best.get(j, 0.0):
                best[j] = strength
    found = sorted(best.items())
    if len(parts) > 1 and len(found) > 1:
        # keep the words of one contiguous run: the first match and its neighbours
        run = [found[0]]
        for j, s in found[1:]:
            if j - run[-1][0] <= 2:
                run.append((j, s))
        found = run if len(found) <= len(parts) else found
    return found


# --- evidence ---------------------------------------------------------------------------

class _Evidence:
    """Scores per (Hindi token, English word) and origin; combined by noisy-or."""

    def __init__(self) -> None:
        self.scores: dict[tuple[int, int], dict[str, float]] = {}

    def add(self, i: int, j: int, origin: str, score: float) -> None:
        if score <= 0:
            return
        slot = self.scores.setdefault((i, j), {})
        if score > slot.get(origin, 0.0):
            slot[origin] = score

    def combined(self, key: tuple[int, int]) -> tuple[float, str]:
        slot = self.scores.get(key)
        if not slot:
            return 0.0, ""
        miss = 1.0
        for value in slot.values():
            miss *= 1.0 - value
        origin = max(slot, key=slot.__getitem__)
        return 1.0 - miss, origin


def _reading_senses(lexicon: Lexicon, gloss: Gloss) -> list[str]:
    """More dictionary senses of the token than the gloss's three: for a grammar word its
    hand-written entry's, for a content word those of each content reading."""
    senses: list[str] = []
    if _is_function(gloss):
        for entry in lexicon.closed_entries(gloss.text):
            if entry.analysis.pos == gloss.pos:
                senses.extend(entry.info.senses)
        return senses
    for analysis in lexicon.analyse(gloss.text)[:4]:
        if analysis.pos in _FUNCTION_POS:
            continue
        record = lexicon.info(analysis.lemma, analysis.pos)
        if record is not None:
            senses.extend(record.senses[:12])
    return senses


def _is_function(gloss: Gloss) -> bool:
    return gloss.pos in _FUNCTION_POS


def _may_render_function_words(gloss: Gloss) -> bool:
    """Whether English grammar words can translate the token: एक "a", कई "many", पास "have"."""
    return gloss.pos in _FUNCTION_POS or gloss.pos in ("NUM", "DET", "ADV")


def _light(gloss: Gloss, i: int) -> bool:
    """A light verb inside a verb unit (the की of घोषणा की): it links through the unit."""
    unit = gloss.unit
    return (unit is not None and unit.kind in ("conjunct_verb", "compound_verb")
            and i != unit.start_token and gloss.pos in ("VERB", "AUX"))


def _silent(gloss: Gloss) -> bool:
    """Grammar words English seldom renders word for word: the genitive का/के/की, the
    ergative ने and the object marker को. Inside a compound postposition (के बारे में)
    the genitive links only with the whole unit."""
    return gloss.pos == "ADP" and gloss.lemma in ("का", "ने", "को")


def _infinitive(gloss: Gloss) -> bool:
    return gloss.pos == "VERB" and gloss.analysis is not None and gloss.analysis.tense == "inf"


def _perfective(gloss: Gloss) -> bool:
    return gloss.analysis is not None and gloss.analysis.tense == "perf"


def _lexicon_evidence(evidence: _Evidence, glosses: Sequence[Gloss], words: _English,
                      lexicon: Lexicon | None, light: _Evidence) -> None:
    """Dictionary evidence; a light verb's goes to ``light``, used only where English keeps
    the light verb too (भाषण दिया "gave a speech")."""
    for i, gloss in enumerate(glosses):
        if gloss.pos in ("PUNCT", "SYM") or not gloss.text:
            continue
        if _light(gloss, i):
            for k, sense in enumerate(gloss.senses):
                for j, strength in _sense_matches(sense, words):
                    light.add(i, j, "lexicon", (0.9 if k == 0 else 0.85) * strength)
            continue
        function = _may_render_function_words(gloss)
        if _silent(gloss):
            if gloss.unit is not None and gloss.unit.kind == "postposition":
                for sense in gloss.unit.senses:
                    for j, strength in _sense_matches(sense, words):
                        evidence.add(i, j, "lexicon", 0.85 * strength)
            continue
        weighted: list[tuple[str, float]] = [(s, 0.9 if k == 0 else 0.85)
                                             for k, s in enumerate(gloss.senses)]
        if lexicon is not None and gloss.known:
            weighted += [(s, 0.75) for s in _reading_senses(lexicon, gloss)]
        if gloss.text == "लिए" and i > 1 and _infinitive(glosses[i - 2]):
            weighted.append(("to", 0.85))  # जानने के लिए "to know"
        if gloss.lemma == "अपना":  # the reflexive possessive is whoever's the subject is
            weighted += [(s, 0.8) for s in _POSSESSIVES]
        if gloss.pos == "PRON" and gloss.lemma in ("वह", "यह"):
            # third person: honorific plural वे is often "he", उन्हें "him" or "them"
            weighted += [(s, 0.75) for s in _THIRD_PERSON]
        if gloss.lemma == "होना" and gloss.pos == "AUX" and i and _perfective(glosses[i - 1]):
            weighted += [("has", 0.85), ("have", 0.85), ("had", 0.85)]  # किया है "has done"
        unit = gloss.unit
        if unit is not None and unit.kind not in ("conjunct_verb", "compound_verb"):
            # a phrase or a compound postposition ("about") is rendered as a whole
            weighted += [(s, 0.85) for s in unit.senses]
        elif unit is not None and i == unit.start_token:
            # a verb unit's own meaning (घोषणा की "to announce"), not a made-up "to do X"
            weighted += [(s, 0.85) for s in unit.senses if not _LIGHT_SENSE.match(s)]
        for sense, weight in weighted:
            for j, strength in _sense_matches(sense, words):
                if function or not words[j].function:  # "to do" links no "do" to करना
                    evidence.add(i, j, "lexicon", weight * strength)


def _table_evidence(evidence: _Evidence, glosses: Sequence[Gloss], words: _English,
                    table: TranslationTable | None) -> None:
    """p(e|h) and p(h|e) for each English lemma the table gives the token's form or lemma,
    matched against the words like a dictionary sense (so "explosion" reaches "exploded")."""
    if table is None:
        return
    for i, gloss in enumerate(glosses):
        if gloss.pos in ("PUNCT", "SYM", "NUM") or not gloss.text or _silent(gloss) or _light(gloss, i):
            continue
        function = _may_render_function_words(gloss)
        # parallel text is noisy for postpositions, auxiliaries and particles
        noisy = gloss.pos in ("ADP", "AUX", "PART", "SCONJ", "CCONJ")
        for hindi in dict.fromkeys((gloss.text, gloss.lemma)):
            for english, forward in table.english(hindi):
                if forward < 0.01 or english in _ARTICLES:
                    continue
                backward = table.p_hi_given_en(hindi, english)
                # both directions agreeing is what makes a pair trustworthy
                strength = max((forward * backward) ** 0.5, min(forward, backward))
                score = min(0.9, 0.3 + 1.2 * strength)
                for j, match in words.matches(english).items():
                    if words[j].function and not function:
                        continue
                    if match:
                        # there it only confirms the dictionary
                        value = score * (1.0 if match == 1.0 else 0.85)
                        # (unless the two directions agree strongly: बिना "without")
                        cap = 0.55 if strength >= 0.3 else 0.45
                        evidence.add(i, j, "table", min(value, cap) if noisy else value)


@lru_cache(maxsize=50_000)
def _sound_similarity(roman: str, english: str, least: float) -> float:
    """How alike a romanization and an English word look (0..1); 0 when it cannot reach
    ``least`` (checked cheaply first: most pairs are nothing alike)."""
    a, b = roman.lower(), re.sub(r"'s$|’s$", "", english.lower())
    matcher = SequenceMatcher(None, a, b)
    # the result is at most (1 + whole) / 2, and whole is at most quick_ratio()
    if (1 + matcher.real_quick_ratio()) / 2 < least or (1 + matcher.quick_ratio()) / 2 < least:
        return 0.0
    whole = matcher.ratio()
    ska, skb = consonant_outline(a), consonant_outline(b)
    outline = SequenceMatcher(None, ska, skb).ratio() if ska and skb else 0.0
    # a short outline (k-y for both "kiya" and "icy") says nothing
    return max(whole, (outline + whole) / 2 if min(len(ska), len(skb)) >= 3 else 0.0)


def _name_evidence(evidence: _Evidence, tokens: Sequence[Token], glosses: Sequence[Gloss],
                   words: _English) -> None:
    from assistant.romanize import name_form, readable

    for i, (token, gloss) in enumerate(zip(tokens, glosses, strict=True)):
        if token.kind == "latin":
            for j, word in enumerate(words):
                if word.lower == token.text.lower() or token.text.lower() in word.parts:
                    evidence.add(i, j, "name", 0.95)
            continue
        if token.kind != "word" or _is_function(gloss):
            continue
        # a word the dictionaries explain must sound very like the English to count
        least = 0.6 if (gloss.is_name or gloss.borrowed or not gloss.known) else 0.85
        romans = {r for r in (name_form(token.text), readable(token.text)) if r}
        if gloss.is_name or gloss.borrowed:
            romans.update(gloss.senses[:1])
        starts = {consonant_outline(r)[:1] for r in romans}
        for j, word in enumerate(words):
            if word.function or len(word.lower) < 2:
                continue
            candidates = [c for c in (word.text, *[p for p in word.parts if len(p) > 2])
                          if consonant_outline(c)[:1] in starts]
            if not candidates:
                continue
            best = max(_sound_similarity(r, c, least) for r in romans for c in candidates)
            if best >= least:
                score = 0.55 + 0.45 * (best - 0.6) / 0.4
                evidence.add(i, j, "name", score if word.capital else score * 0.8)


_ORDINAL = frozenset({"वां", "वाँ", "वीं", "वें", "वी"})


def _negation_evidence(evidence: _Evidence, glosses: Sequence[Gloss], words: _English) -> None:
    """Hindi negation and English "not", "no", "never", "don't", "none" (the dictionary's
    senses cannot name a contraction)."""
    for i, gloss in enumerate(glosses):
        if gloss.text not in _NEGATIONS:
            continue
        for j, word in enumerate(words):
            if word.lower.endswith(("n't", "n’t")) or word.lower in ("not", "no", "never", "none", "nor"):
                evidence.add(i, j, "lexicon", 0.85)


def _number_value(text: str) -> str:
    return text.translate(_DIGITS).replace(",", "")


def _number_evidence(evidence: _Evidence, tokens: Sequence[Token], words: _English) -> None:
    for i, token in enumerate(tokens):
        if token.kind != "number":
            continue
        value = _number_value(token.text)
        ordinal = i + 1 < len(tokens) and tokens[i + 1].text in _ORDINAL
        for j, word in enumerate(words):
            english = word.lower.replace(",", "")
            digits = re.match(r"\d+(?:\.\d+)?", english)
            if digits is None or digits.group() != value:
                continue
            evidence.add(i, j, "number", 0.98 if english == value else 0.9)
            if ordinal:
                evidence.add(i + 1, j, "number", 0.85)


# --- cross-attention --------------------------------------------------------------------

def _piece_owners(pieces: Sequence[str], spans: Sequence[tuple[int, int]], text: str) -> list[int | None]:
    """The word (index into ``spans``) each SentencePiece piece falls in, found by walking
    the pieces' characters along ``text``; a piece that does not match the text where it
    should (an unknown piece, another normalization) takes its place by proportion."""
    owner_of_char: list[int | None] = [None] * len(text)
    for k, (a, b) in enumerate(spans):
        for c in range(a, b):
            owner_of_char[c] = k
    visible = [c for c, ch in enumerate(text) if not ch.isspace()]
    piece_chars = [piece.replace("▁", "").replace(" ", "") for piece in pieces]
    total = sum(len(p) for p in piece_chars) or 1
    owners: list[int | None] = []
    cursor = 0
    exact = sum(len(p) for p in piece_chars) == len(visible)
    for chars in piece_chars:
        if not chars:
            owners.append(None)
            continue
        if exact and all(text[visible[cursor + n]] == ch for n, ch in enumerate(chars)):
            found = [owner_of_char[visible[cursor + n]] for n in range(len(chars))]
        else:
            exact = False
            position = int((cursor + len(chars) / 2) / total * len(visible))
            found = [owner_of_char[visible[min(position, len(visible) - 1)]]] if visible else [None]
        cursor += len(chars)
        named = [f for f in found if f is not None]
        owners.append(max(set(named), key=named.count) if named else None)
    return owners


def attention_matrix(attention: Attention, source: Sentence | Sequence[Token], source_text: str,
                     translation: str) -> list[list[float]]:
    """Cross-attention summed over the pieces of each Hindi token and averaged over the
    pieces of each English word: ``matrix[i][j]`` for token i and word j (zeros where
    no piece landed)."""
    tokens = source.tokens if isinstance(source, Sentence) else tuple(source)
    token_spans = _token_spans(tokens, source_text)
    word_spans = english_words(translation)
    source_owner = _piece_owners(attention.source_pieces, token_spans, source_text)
    target_owner = _piece_owners(attention.target_pieces, word_spans, translation)
    matrix = [[0.0] * len(word_spans) for _ in tokens]
    counts = [0] * len(word_spans)
    for t, row in enumerate(attention.weights[:len(target_owner)]):
        j = target_owner[t]
        if j is None:
            continue
        counts[j] += 1
        for s, weight in enumerate(row[:len(source_owner)]):
            i = source_owner[s]
            if i is not None:
                matrix[i][j] += weight
    for j, count in enumerate(counts):
        if count > 1:
            for row in matrix:
                row[j] /= count
    return matrix


def _token_spans(tokens: Sequence[Token], text: str) -> list[tuple[int, int]]:
    """Where each token's text stands in ``text`` (the sentence as sent to the model)."""
    spans: list[tuple[int, int]] = []
    cursor = 0
    for token in tokens:
        at = text.find(token.text, cursor)
        if at < 0:
            spans.append((cursor, cursor))
            continue
        spans.append((at, at + len(token.text)))
        cursor = at + len(token.text)
    return spans


def _attention_evidence(evidence: _Evidence, matrix: list[list[float]], glosses: Sequence[Gloss],
                        words: _English) -> None:
    """Each English word's most attended Hindi token; stronger when that token attends
    most to the word in turn and both are content words."""
    if not matrix or not matrix[0]:
        return
    for j in range(len(matrix[0])):
        column = [row[j] for row in matrix]
        i = max(range(len(column)), key=column.__getitem__)
        if column[i] <= 0 or glosses[i].pos in ("PUNCT", "SYM"):
            continue
        row = matrix[i]
        mutual = max(range(len(row)), key=row.__getitem__) == j
        content = not _is_function(glosses[i]) and not words[j].function
        # alone, attention links only a pair with no rival (see _only_pairs)
        evidence.add(i, j, "attention", 0.45 if mutual and content else 0.25)


# --- linking ----------------------------------------------------------------------------

@dataclass
class _Links:
    """The links made so far, by Hindi token (English word -> (score, origin)) and by
    English word (its Hindi tokens)."""

    by_source: dict[int, dict[int, tuple[float, str]]]
    by_target: dict[int, set[int]]

    def add(self, i: int, j: int, score: float, origin: str) -> None:
        self.by_source.setdefault(i, {})[j] = (score, origin)
        self.by_target.setdefault(j, set()).add(i)

    def expected(self, i: int) -> float | None:
        """Where token i's English would stand, from its nearest linked neighbours."""
        left = max((k for k in self.by_source if k < i), default=None)
        right = min((k for k in self.by_source if k > i), default=None)
        if left is None and right is None:
            return None
        if left is None:
            return min(self.by_source[right]) - 0.5  # type: ignore[index]
        if right is None:
            return max(self.by_source[left]) + 0.5
        a, b = max(self.by_source[left]), min(self.by_source[right])
        return a + (b - a) * (i - left) / (right - left)


def _compete(candidates: Iterable[tuple[float, int, int, str]], links: _Links, n: int, m: int,
             between: Sequence[bool] = ()) -> None:
    """Competitive linking: strongest first, each word once; a second partner only beside
    the first (a Hindi compound for one English word, or the reverse). Hindi words are
    beside each other across grammar words (कातलान की राजधानी "Catalan-capital"), marked
    in ``between``."""
    def beside(a: int, b: int) -> bool:
        low, high = min(a, b), max(a, b)
        return high - low == 1 or (high - low <= 3 and all(between[low + 1:high]) and bool(between))

    ranked = sorted(candidates, key=lambda c: (-c[0], abs(c[1] / max(n, 1) - c[2] / max(m, 1))))
    for score, i, j, origin in ranked:
        if score < _KEEP:
            break
        own = links.by_source.get(i, {})
        partners = links.by_target.get(j, set())
        if j in own:
            continue
        beside_first = score >= _BESIDE and (
            (not own and len(partners) < 3 and all(beside(k, i) for k in partners))
            or (not partners and len(own) < 3 and all(abs(k - j) == 1 for k in own)))
        if (not own and not partners) or beside_first:
            links.add(i, j, score, origin)


def _uncross(evidence: _Evidence, links: _Links, function_tokens: set[int]) -> None:
    """Repeated words (जापान ... जापान, Japan ... Japan) pair up in order: two crossing
    one-to-one links whose swapped pairs are as well supported are swapped. Grammar
    words, which word order moves around, keep the links their neighbours gave them."""
    for _ in range(20):  # each swap removes a crossing; a few suffice
        swap = _crossing(evidence, links, function_tokens)
        if swap is None:
            return
        for i, j in swap[0]:
            del links.by_source[i][j]
            links.by_target[j].discard(i)
        for i, j, score, origin in swap[1]:
            links.add(i, j, score, origin)


def _crossing(evidence: _Evidence, links: _Links, function_tokens: set[int]):
    singles = sorted((i, next(iter(js))) for i, js in links.by_source.items()
                     if len(js) == 1 and len(links.by_target[next(iter(js))]) == 1
                     and i not in function_tokens)
    for a, (i1, j1) in enumerate(singles):
        for i2, j2 in singles[a + 1:]:
            if j2 >= j1:
                continue
            now = links.by_source[i1][j1][0] + links.by_source[i2][j2][0]
            one, origin_one = evidence.combined((i1, j2))
            two, origin_two = evidence.combined((i2, j1))
            if one >= _KEEP and two >= _KEEP and one + two >= now - 0.02:
                return ((i1, j1), (i2, j2)), ((i1, j2, one, origin_one), (i2, j1, two, origin_two))
    return None


def _settle_repeats(words: _English, links: _Links) -> None:
    """A word the English repeats ("seeds ... seeds") goes to the copy beside the English
    of the Hindi word's neighbours."""
    def support(i: int, j: int) -> int:
        return sum(1 for k in (i - 2, i - 1, i + 1, i + 2) for x in links.by_source.get(k, ())
                   if 0 < abs(x - j) <= 2)

    for i in sorted(links.by_source):
        own = links.by_source[i]
        if len(own) != 1:
            continue
        j = next(iter(own))
        if len(links.by_target[j]) != 1:
            continue
        copies = [x for x in range(len(words)) if x != j and words[x].lower == words[j].lower
                  and not links.by_target.get(x)]
        if not copies:
            continue
        best = max(copies, key=lambda x: support(i, x))
        if support(i, best) > support(i, j):
            score, origin = own.pop(j)
            links.by_target[j].discard(i)
            links.add(i, best, score, origin)


def _only_pairs(evidence: _Evidence, glosses: Sequence[Gloss], words: _English,
                links: _Links) -> None:
    """Weaker evidence still links two content words that are each other's only candidate
    among the words left unlinked."""
    options: dict[int, list[tuple[int, float, str]]] = {}
    takers: dict[int, list[int]] = {}
    for (i, j) in evidence.scores:
        if i in links.by_source or j in links.by_target or _is_function(glosses[i]) or words[j].function:
            continue
        score, origin = evidence.combined((i, j))
        if score >= _WEAK:
            options.setdefault(i, []).append((j, score, origin))
            takers.setdefault(j, []).append(i)
    for i, found in options.items():
        if len(found) == 1 and len(takers[found[0][0]]) == 1:
            j, score, origin = found[0]
            links.add(i, j, score, origin)


def _fill_gaps(glosses: Sequence[Gloss], words: _English, links: _Links) -> None:
    """An unlinked content word between two linked ones whose English stand one word
    apart takes that word when it is free and a content word too: अंतर्राष्ट्रीय [?] अड्डे,
    "international [airports]"; phrases keep their order in both languages."""
    def linked_neighbour(i: int, step: int) -> int | None:
        k = i + step
        while 0 <= k < len(glosses) and _silent(glosses[k]):
            k += step
        return k if 0 <= k < len(glosses) and k in links.by_source else None

    for i, gloss in enumerate(glosses):
        if i in links.by_source or gloss.pos not in ("NOUN", "PROPN", "ADJ", "X"):
            continue
        left, right = linked_neighbour(i, -1), linked_neighbour(i, 1)
        if left is None or right is None:
            # an adjective right before its linked noun: English puts it right before too
            if right != i + 1 or gloss.pos != "ADJ" or len(links.by_source[right]) != 1:
                continue
            j = next(iter(links.by_source[right])) - 1
            if j >= 0 and j not in links.by_target and not words[j].function:
                links.add(i, j, 0.4, "position")
            continue
        for a in links.by_source[left]:
            for b in links.by_source[right]:
                if abs(a - b) != 2:
                    continue
                j = (a + b) // 2
                if j not in links.by_target and not words[j].function:
                    links.add(i, j, 0.5, "position")
                    break
            if i in links.by_source:
                break


def _close(links: _Links, k: int, j: int) -> bool:
    """Whether English word j stands within a few words of token k's English."""
    first, last = min(links.by_source[k]), max(links.by_source[k])
    return first - 5 <= j <= last + 1


def _near(links: _Links, i: int, j: int, neighbours: Sequence[int]) -> float:
    """How plausible English word j is for function token i given where its neighbours
    (the noun a postposition follows, the verb an auxiliary serves) landed: a preposition
    or an auxiliary stands just before that word's English."""
    for k in neighbours:
        if k in links.by_source:
            first = min(links.by_source[k])
            if first - 4 <= j < first:  # "in the past 48 hours"
                return 1.0
            break
    expected = links.expected(i)
    if expected is None:
        return 0.6
    distance = abs(j - expected)
    return 1.0 if distance <= 2 else 0.75 if distance <= 4 else 0.4


def _function_links(evidence: _Evidence, tokens: Sequence[Token], glosses: Sequence[Gloss],
                    words: _English, links: _Links, n: int, m: int) -> None:
    """Grammar words link where nothing else competes for them (one such Hindi word, one
    such English word); where several could pair up, next to their neighbours' links."""
    hindi_count = Counter(t.text for t in tokens)
    english_count = Counter(w.lower for w in words)
    candidates: list[tuple[float, int, int, str]] = []
    for (i, j), _slot in evidence.scores.items():
        if i in links.by_source or j in links.by_target:
            continue
        score, origin = evidence.combined((i, j))
        gloss = glosses[i]
        if gloss.pos == "ADP":
            neighbours = [k for k in (i - 1, i - 2) if k >= 0 and not _is_function(glosses[k])][:1]
        elif gloss.pos == "AUX":
            # the verb, adjective or noun the auxiliary follows (किया है, मुश्किल है)
            neighbours = [k for k in range(i - 1, max(-1, i - 7), -1)
                          if not _is_function(glosses[k]) and k in links.by_source][:1]
        else:
            neighbours = []
        near = _near(links, i, j, neighbours)
        if gloss.pos == "AUX" and gloss.lemma in _TENSE_AUXILIARIES:
            # tense auxiliaries are everywhere: only beside their verb's English, or the one
            # auxiliary of each side within a few words of it
            unique = hindi_count[tokens[i].text] == 1 and english_count[words[j].lower] == 1
            if not neighbours or (near < 1.0 and not (unique and _close(links, neighbours[0], j))):
                continue
        elif (gloss.pos == "ADP" and gloss.lemma in _COMMON_POSTPOSITIONS and neighbours
              and neighbours[0] in links.by_source and near < 1.0):
            continue  # its noun's English is known, and this preposition is not before it
        elif hindi_count[tokens[i].text] == 1 and english_count[words[j].lower] == 1:
            near = max(near, 0.9)  # only one way to pair them: word order cannot mislead
        candidates.append((score * near, i, j, origin))
    _compete(candidates, links, n, m)


@lru_cache(maxsize=50_000)
def _verb_forms(word: str) -> bool:
    from lemminflect import getAllLemmas

    return "VERB" in getAllLemmas(word) or "AUX" in getAllLemmas(word)


def _can_be_verb(word: _Word) -> bool:
    return not word.capital and word.lower.isalpha() and _verb_forms(word.lower)


def _light_verbs(glosses: Sequence[Gloss], words: _English, light: _Evidence, links: _Links) -> None:
    """A light verb still unlinked takes an English verb its own senses name, right by the
    English of its unit's head (भाषण दिया "gave a speech")."""
    for (i, j) in light.scores:
        unit = glosses[i].unit
        if i in links.by_source or j in links.by_target or unit is None or not _can_be_verb(words[j]):
            continue
        head = links.by_source.get(unit.start_token, {})
        score, origin = light.combined((i, j))
        if score >= _KEEP and any(abs(j - x) <= 2 for x in head):
            links.add(i, j, round(score * 0.9, 3), origin)


def _group_links(glosses: Sequence[Gloss], words: _English, links: _Links) -> None:
    """The unlinked words of a conjunct verb or compound postposition link where its linked
    parts do."""
    seen: set[int] = set()
    for i, gloss in enumerate(glosses):
        unit = gloss.unit
        if unit is None or unit.kind not in _GROUP_KINDS or i in seen:
            continue
        members = [k for k in range(unit.start_token, unit.end_token) if k < len(glosses)]
        seen.update(members)
        anchored = {j: links.by_source[k][j] for k in members if k in links.by_source
                    for j in links.by_source[k]}
        renderings = {frozenset(links.by_source[k]) for k in members if k in links.by_source}
        if not anchored or len(renderings) > 1:
            continue  # unlinked, or translated part by part: nothing to spread
        if unit.kind != "postposition":
            # a light verb goes with a verb; स्वागत योग्य "welcome" as an adjective keeps it apart
            anchored = {j: v for j, v in anchored.items() if _can_be_verb(words[j])}
        else:
            # a compound postposition goes with a preposition
            anchored = {j: v for j, v in anchored.items()
                        if words[j].function or words[j].lower in _PREPOSITIONS}
        for k in members:
            if k in links.by_source or glosses[k].pos in ("PUNCT", "SYM", "PART"):
                continue  # a member with evidence of its own keeps it; नहीं inside stays "not"
            for j, (score, _origin) in anchored.items():
                links.add(k, j, round(score * 0.85, 3), "unit")


def align(source: SentencePair | Sentence | Sequence[Token], glosses: Sequence[Gloss] | None = None,
          translation: str | None = None, attention: Attention | None = None, *,
          lexicon: Lexicon | None = None, table: TranslationTable | None = None,
          use_table: bool = True) -> tuple[AlignmentLink, ...]:
    """Links between the Hindi tokens of a sentence and the words of its English side.

    ``source`` is a ``SentencePair`` (its glosses and translation are used unless given)
    or a sentence's tokens with their ``glosses`` (one per token) and ``translation``.
    ``attention`` is the model's cross-attention for this translation, if any.
    ``lexicon`` and ``table`` default to the shipped ones (``use_table=False`` leaves the
    translation table out). Links are sorted by source then target.
    """
    if isinstance(source, SentencePair):
        glosses = source.glosses if glosses is None else glosses
        translation = source.translation if translation is None else translation
        sentence: Sentence | None = source.source
        tokens = source.source.tokens
    elif isinstance(source, Sentence):
        sentence, tokens = source, source.tokens
    else:
        sentence, tokens = None, tuple(source)
    if not translation or not tokens:
        return ()
    if glosses is None or len(glosses) != len(tokens):
        from assistant.gloss import gloss_sentence

        text = sentence.text if sentence else " ".join(t.text for t in tokens)
        glosses = gloss_sentence(sentence or Sentence(text, 0, len(text), tuple(tokens)))
    if lexicon is None:
        from assistant.lexicon import load_lexicon

        lexicon = load_lexicon()
    if table is None and use_table:
        table = _default_table()
    words = _english_side(translation)
    if not words:
        return ()
    evidence = _Evidence()
    light = _Evidence()
    _lexicon_evidence(evidence, glosses, words, lexicon, light)
    _table_evidence(evidence, glosses, words, table)
    _name_evidence(evidence, tokens, glosses, words)
    _number_evidence(evidence, tokens, words)
    _negation_evidence(evidence, glosses, words)
    if attention is not None:
        text = sentence.text if sentence else " ".join(t.text for t in tokens)
        _attention_evidence(evidence, attention_matrix(attention, tokens, text, translation),
                            glosses, words)
    n, m = len(tokens), len(words)
    links = _Links({}, {})
    content = []
    for (i, j) in evidence.scores:
        if _is_function(glosses[i]) or words[j].function:
            continue
        score, origin = evidence.combined((i, j))
        content.append((score, i, j, origin))
    between = [_is_function(g) or g.pos in ("PUNCT", "SYM") for g in glosses]
    _compete(content, links, n, m, between)
    _only_pairs(evidence, glosses, words, links)
    _function_links(evidence, tokens, glosses, words, links, n, m)
    _uncross(evidence, links, {i for i, g in enumerate(glosses) if _is_function(g)})
    _settle_repeats(words, links)
    _fill_gaps(glosses, words, links)
    _group_links(glosses, words, links)
    _light_verbs(glosses, words, light, links)
    return tuple(AlignmentLink(i, j, round(score, 3), origin)
                 for i in sorted(links.by_source)
                 for j, (score, origin) in sorted(links.by_source[i].items()))


def _default_table() -> TranslationTable:
    from assistant.lexicon.ttable import translation_table

    return translation_table()


def aligned_words(links: Iterable[AlignmentLink], token: int, translation: str,
                  threshold: float = CONFIDENT) -> tuple[str, ...]:
    """The English words confidently linked to Hindi token ``token``, in English order."""
    spans = english_words(translation)
    targets = sorted({link.target for link in links
                      if link.source == token and link.confidence >= threshold and link.target < len(spans)})
    return tuple(translation[spans[j][0]:spans[j][1]] for j in targets)


def align_pair(pair: SentencePair, attention: Attention | None = None, **options) -> SentencePair:
    """The pair with its ``links`` filled and each gloss's ``aligned`` English words set
    (``options`` go to ``align``). A pair without English is returned unchanged."""
    if not pair.translation or not pair.glosses or pair.kind in ("copy", "gloss", "pending"):
        return pair
    links = align(pair, attention=attention, **options)
    glosses = tuple(replace(gloss, aligned=aligned_words(links, k, pair.translation))
                    for k, gloss in enumerate(pair.glosses))
    return replace(pair, links=links, glosses=glosses)


def aligned_senses(glosses: Sequence[Gloss], senses: Sequence[str]) -> tuple[str, ...]:
    """Meanings for a glossary entry: the English this article used for the word (or for
    the unit the ``glosses`` make up) first, then its dictionary ``senses``."""
    words: list[str] = []
    for gloss in glosses:
        words.extend(w for w in gloss.aligned if w not in words)
    if not words:
        return tuple(senses)
    here = " ".join(words)
    if not all(g.is_name for g in glosses) and here[:1].isupper() and here[1:2].islower():
        here = here[:1].lower() + here[1:]  # "Announced" from a sentence start
    return (here, *[s for s in senses if s.lower() != here.lower()])
