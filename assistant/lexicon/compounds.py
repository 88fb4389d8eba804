"""Glosses for words read as a compound of two glossed words (विश्वयुद्ध = विश्व + युद्ध).

Many Hindi compounds, mostly of the Sanskrit kind, are in no dictionary although both
their parts are. A word is split at every akshara boundary; a split counts when the head
is a glossed noun or adjective in its dictionary form and the tail is a glossed noun or
adjective too, possibly inflected (युद्धों). The head comes first in the English because
in a tatpurusha compound it modifies the tail ("world + war", shown as parts because the
first sense of a part is not always the one the compound uses); a few productive second
elements have an idiomatic rendering instead (-पूर्वक "with X").

Precision matters more than recall, since a wrong split misleads a learner more than no
gloss at all: both parts need two aksharas or more, function words never count as parts,
no sandhi is undone, and splits with the marks of a name or a suffixed Hindi or Persian
word (rather than a compound) are refused.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from assistant.lexicon.analyse import Lexicon
from assistant.lexicon.english import agent_noun, suffixed
from assistant.lexicon.entries import LemmaInfo
from assistant.lexicon.keys import is_devanagari, norm
from assistant.lexicon.loanwords import load_loanwords

# An akshara: a consonant cluster joined by viramas with its vowel sign (or a final
# virama), or an independent vowel, either followed by nasalization or visarga.
_CONSONANT = "[\u0915-\u0939\u0958-\u095f]\u093c?"
_AKSHARA = re.compile(
    f"(?:{_CONSONANT}(?:\u094d{_CONSONANT})*[\u093e-\u094d\u0962\u0963]?"
    "|[\u0904-\u0914\u0960\u0961\u0972-\u0977])[\u0900-\u0903]?|.", re.S)
MIN_AKSHARAS = 2
# No dictionary word has more than 14 aksharas, so a longer word than two of those (with
# an ending) is no compound of two; the bound also keeps the every-cut search linear in
# the length of a text with one endless "word" (a run of joiners).
MAX_AKSHARAS = 32
_CONTENT_POS = ("NOUN", "ADJ")
_DICTIONARY_FUNCTION_POS = ("PRON", "DET", "ADP")
# Closed-class words of these kinds glue onto neighbours in fused spellings (रामका,
# विशेषकर) and never begin or end a real compound, whatever else they can mean.
_FUNCTION_POS = frozenset({"ADP", "PRON", "DET", "CCONJ", "SCONJ", "AUX", "INTJ", "VERB", "ADV"})

# Productive second elements whose literal gloss reads badly ("success previous" for
# सफलतापूर्वक); "{}" is the head's sense, "{a}" its article. An element may be missing
# from the dictionaries: only the head must be a glossed word.
PRODUCTIVE_TAILS: dict[str, str] = {
    "पूर्वक": "with {}",
    "पूर्ण": "full of {}",
    "स्वरूप": "as {a} {}",
    "हीन": "without {}",
    "रहित": "without {}",
    "युक्त": "with {}",
    "मुक्त": "free of {}",
    "ग्रस्त": "affected by {}",
    "कालीन": "of the {} period",
    "कालिक": "of the {} period",
    "जनक": "causing {}",
    "दायक": "giving {}",
    "दायी": "giving {}",
    "भाषी": "{}-speaking",
    "प्रिय": "{}-loving",
    "संबंधी": "related to {}",
    "सम्बन्धी": "related to {}",
    "विरोधी": "opposed to {}",
    "कर्ता": "doer of {}",
    "कर्मी": "{} worker",
    "धारक": "{} holder",
    "धारी": "{} holder",
    "वाद": "{}-ism",
    "वादी": "{}-ist",
    "कारक": "causing {}",
    "वासी": "{} dweller",
    "शाही": "{} rule",
    "योग्य": "worthy of {}",
    "वश": "because of {}",
}
# ... and the English word that says the same, used where English has a common one
# (शांतिपूर्ण "peaceful", सफलतापूर्वक "successfully", अर्थहीन "meaningless", प्रस्तुतकर्ता
# "presenter")
ENGLISH_FORMS: dict[str, Callable[[str], str | None]] = {
    "पूर्वक": lambda head: suffixed(head, "fully"),
    "पूर्ण": lambda head: suffixed(head, "ful"),
    "हीन": lambda head: suffixed(head, "less"),
    "रहित": lambda head: suffixed(head, "less"),
    "कर्ता": agent_noun,
}
# First elements with a fixed sense in compounds that the dictionaries do not give first
# (राज is "rule" alone but "royal" in राजमहल).
PRODUCTIVE_HEADS: dict[str, str] = {"महा": "great", "राज": "royal", "जन": "public"}
# Second elements that are suffixes rather than words here, with no rendering safe
# enough to offer (हमलावर is not "attack bridegroom", गीतकार not "song car").
NOT_TAILS = frozenset({
    "वर", "गिरी", "बंद", "बंदी", "बाज", "बाज़", "बाजी", "बाज़ी", "कार", "गत", "देह", "दार",
    "दान", "खाना", "ख़ाना", "गार", "गाह", "नामा", "वाला", "वाले", "वाली", "कामी", "बारी", "मंद",
    # usual ends of personal and place names (तुलसीदास, चंडीगढ़, पृथ्वीराज, अमृतसर)
    "दास", "लाल", "देव", "गढ़", "गढ", "राज", "सर", "शाह", "पाल", "सिंह", "नाथ", "पुर", "पुरी",
})
# First elements that are prefixes in compounds, where their dictionary sense is wrong
# (उपद्वीप is not "associate island", पूर्वप्रभावी not "east effective").
NOT_HEADS = frozenset({
    "उप", "प्रति", "अति", "सम", "अंतर", "अन्तर", "पूर्व", "पुन", "दर", "बद", "बे", "गैर", "ना",
})

_PARENS = re.compile(r"\s*[(\[][^)\]]*[)\]]")
_ARTICLE = re.compile(r"^(?:a|an|the|to)\s+", re.I)
# Plural and oblique endings a tail may carry, with what replaces them in the lemma;
# tried before the analyzer, which can prefer a homograph (कालों: काला "black", not काल).
_TAIL_ENDINGS = (("ियों", "ि"), ("ियों", "ी"), ("ओं", ""), ("ों", ""), ("ों", "ा"), ("ें", ""),
                 ("ाएं", "ा"), ("ाएँ", "ा"), ("े", "ा"))


@dataclass(frozen=True)
class _Part:
    """One side of a split: the text in the word, its lemma's record and its gloss."""

    text: str
    record: LemmaInfo
    sense: str


def _aksharas(word: str) -> list[str]:
    """The word cut into aksharas (written syllables), in order."""
    return _AKSHARA.findall(word)


def _clean(sense: str) -> str:
    sense = _PARENS.sub("", sense)
    sense = sense.split(";")[0].split(",")[0]
    return _ARTICLE.sub("", sense.strip()).strip(" .")


def _senses(record: LemmaInfo) -> list[str]:
    return list(dict.fromkeys(c for c in (_clean(s) for s in record.senses[:3]) if c))


def _short_sense(record: LemmaInfo) -> str:
    """The first sense, unless it is long and one of the next two is shorter."""
    cleaned = _senses(record)
    if not cleaned:
        return ""
    if len(cleaned[0].split()) <= 2:
        return cleaned[0]
    return min(cleaned, key=lambda s: len(s.split()))


def _sounds_alike(word: str, sense: str) -> bool:
    """True when the English sense is the word's own sound (कार "car", पोलो "polo"): the
    part is a loanword or left untranslated, and such parts are mostly a name cut
    in two (पोलोनियम is not पोलो + नियम)."""
    return any(loan.english.lower() == sense.lower() for loan in load_loanwords().match(word))


def _content_record(lexicon: Lexicon, lemma: str) -> LemmaInfo | None:
    """The lemma's best attested glossed noun or adjective record, if it is a content word."""
    if len(_aksharas(lemma)) < MIN_AKSHARAS:
        return None
    readings = [a for a in lexicon.analyse(lemma) if a.source != "rule"]
    closed = [a for a in readings if a.source == "closed"]
    if any(a.pos in _FUNCTION_POS for a in closed) or any(
            a.pos in _DICTIONARY_FUNCTION_POS for a in readings):
        return None  # कम is also "few": a quantifier, used in compounds as a prefix
    found: list[LemmaInfo] = []
    for pos in _CONTENT_POS:
        if not any(a.pos == pos for a in readings):
            continue
        record = lexicon.info(lemma, pos)
        if record is None or record.pos != pos:
            continue
        sense = _short_sense(record)
        if not sense or sense[0].isupper() or _sounds_alike(lemma, sense):
            continue  # a name ("Sir", "Pole") or a loan is no part of a Hindi compound
        if closed and len(record.sources) < 2:
            continue  # a particle (ही "only") with a stray dictionary sense ("perfect")
        found.append(record)
    return max(found, key=lambda r: len(r.sources), default=None)


def _head(lexicon: Lexicon, head: str) -> _Part | None:
    if head in NOT_HEADS:
        return None
    record = _content_record(lexicon, head)
    if record is None:
        return None
    if head.endswith("ा") and any(a.lemma == head and a.source == "apertium"
                                  for a in lexicon.analyse(head[:-1] + "े")):
        # Hindi words in -ā that inflect to -e (हमला, हमले; काला, काले) take suffixes
        # (हमलावर, घेराबंदी), not compound tails; the -ā heads of Sanskrit-style
        # compounds keep their form (सफलता, दुर्घटना)
        return None
    return _Part(head, record, PRODUCTIVE_HEADS.get(head) or _short_sense(record))


def _tail_lemmas(lexicon: Lexicon, tail: str) -> list[str]:
    lemmas = [tail]
    for ending, replacement in _TAIL_ENDINGS:
        if tail.endswith(ending) and len(tail) > len(ending):
            lemmas.append(tail[: -len(ending)] + replacement)
    lemmas.extend(a.lemma for a in lexicon.analyse(tail)
                  if a.source != "closed" and a.pos in _CONTENT_POS)
    return list(dict.fromkeys(lemmas))


def _tail(lexicon: Lexicon, tail: str) -> tuple[str, str, _Part | None] | None:
    """(lemma, how the tail shows it, its part or None for a productive element) or None."""
    lemmas = _tail_lemmas(lexicon, tail)
    if any(lemma in NOT_TAILS for lemma in lemmas):
        return None  # शराबख़ानों ends in ख़ाना "house", whatever else ख़ानों could be
    for lemma in lemmas:
        shown = f"{tail}, a form of {lemma}" if lemma != tail else tail
        if lemma in PRODUCTIVE_TAILS:
            return lemma, shown, None
        record = _content_record(lexicon, lemma)
        if record is not None:
            return lemma, shown, _Part(tail, record, _short_sense(record))
    return None


def _glossed(part: _Part) -> str:
    if part.sense != _short_sense(part.record):
        return f"({part.sense})"  # a fixed compound sense (राज "royal")
    return f"({', '.join(_senses(part.record)[:2])})"


def _reading(lexicon: Lexicon, head: _Part, tail_text: str) -> tuple[str, str] | None:
    """(sense, note) for head + tail, or None when the tail is not a glossed word."""
    found = _tail(lexicon, tail_text)
    if found is None:
        return None
    lemma, shown, tail = found
    if tail is None:
        article = "an" if head.sense[:1].lower() in "aeiou" else "a"
        english = ENGLISH_FORMS[lemma](head.sense) if lemma in ENGLISH_FORMS else None
        sense = english or PRODUCTIVE_TAILS[lemma].replace("{a}", article).replace("{}", head.sense)
        return sense, f"compound of {head.text} {_glossed(head)} + -{shown}"
    # shown as its parts, not as a translation: कार्यस्थल is "work + place", and
    # अर्थदण्ड "meaning + penalty" (a fine) must not read like an English word
    return (f"{head.sense} + {tail.sense}",
            f"compound of {head.text} {_glossed(head)} + {shown} {_glossed(tail)}")


def _echo(head: str, tail: str) -> bool:
    """A reduplication or echo pair (टिनटिन, भीड़भाड़, चिड़चिड़ा): same consonants, so
    the second half repeats the first rather than adding a word of its own."""
    def consonants(text: str) -> str:
        return "".join(ch for ch in text if "\u0915" <= ch <= "\u0939" or ch == "\u093c")
    return consonants(head) == consonants(tail)


def _sandhi_alternative(lexicon: Lexicon, head: str, tail: str) -> bool:
    """True when a head in -ā may instead end in -a before a tail in ā- that merged with
    it (कक्षालय is कक्ष + आलय, not कक्षा + लय), glossed or not: no sandhi is undone
    here, so the word is left alone rather than split the wrong way."""
    if not head.endswith("ा"):
        return False
    return lexicon.info(head[:-1]) is not None and lexicon.knows("आ" + tail)


def _known(lexicon: Lexicon, word: str) -> bool:
    """True when the lexicon glosses the word itself or lists it as a name."""
    for analysis in lexicon.analyse(word):
        if analysis.pos == "PROPN":
            return True
        record = lexicon.info(analysis.lemma, analysis.pos)
        if record is not None and record.senses:
            return True
    return False


def _split(lexicon: Lexicon, word: str) -> tuple[str, str] | None:
    """The best reading of ``word`` as head + tail, whether or not the word is known: the
    split whose shorter part is longest, then the one with the longer head."""
    parts = _aksharas(norm(word))
    splits = [("".join(parts[:cut]), "".join(parts[cut:]))
              for cut in range(MIN_AKSHARAS, len(parts) - MIN_AKSHARAS + 1)]
    splits.sort(key=lambda s: (-min(len(_aksharas(s[0])), len(_aksharas(s[1]))), -len(s[0]), s[0]))
    for head_text, tail in splits:
        if not "\u0915" <= tail[0] <= "\u0939" or _echo(head_text, tail):
            # a tail opening on a bare vowel would have merged with the head by sandhi in
            # a Sanskrit compound, so it marks a name or a Persian phrase (दरअसल) instead
            continue
        if lexicon.info(head_text) is None:
            continue  # the cheap test first: most cuts leave no word at all
        head = _head(lexicon, head_text)
        reading = _reading(lexicon, head, tail) if head is not None else None
        if reading is not None:
            return None if _sandhi_alternative(lexicon, head_text, tail) else reading
    return None


def compound_senses(lexicon: Lexicon, word: str) -> tuple[str, str] | None:
    """(English sense, note) for a word read as a compound of two glossed words, else None."""
    key = norm(word)
    if not is_devanagari(key) or not 2 * MIN_AKSHARAS <= len(_aksharas(key)) <= MAX_AKSHARAS:
        return None
    if _known(lexicon, key):
        return None
    return _split(lexicon, key)
