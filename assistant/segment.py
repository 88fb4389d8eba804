"""Split an article into blocks, sentences and tokens.

Everything is computed on the normalized text (see ``assistant.text``) and every offset
is mapped back to the text the user gave, so ``Article.source[s.start:s.end]`` is
exactly the sentence as typed.

Decisions worth knowing:

- Sentences end at । ॥ ? ! and at a Latin full stop that ends a sentence (not after an
  abbreviation, an initial or inside a dotted chain such as म.प्र. or U.S.; never at an
  ellipsis). A danda always ends a sentence, even inside an open quotation; closing
  quotes and brackets right after a terminator stay with the sentence they close.
  A "|" typed for a danda after Devanagari counts as one. A sentence never consists of
  punctuation alone: a stray "।" joins the sentence before it.
- Blocks: the first line is the title (unless it reads like a paragraph); a short Hindi
  line right after it is the standfirst; date, credit ("IMAGE SOURCE: ...", "चित्र: ..."),
  byline ("लेखक", "द्वारा ...", and short name lines after a bare "लेखक") and caption
  lines (the line above a credit, or an English line below one) are recognised by
  pattern; short unterminated lines standing alone are headings, and the title repeated
  above the body is kept as a heading. Everything else is paragraphs: blank lines
  separate them, and so does each line break, unless the lines of a group mostly stop
  mid-sentence (hard-wrapped text), in which case the group is one paragraph.
- Each sentence gets its language from its script (``detect_lang``): English lines such
  as a photo caption are "en" and must never go to the Hindi model.
- Tokens and script detection live in ``assistant.text``; they are re-exported here.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from assistant.errors import InputError
from assistant.text import (
    DEVANAGARI,
    DIGITS,
    MARKS,
    Normalized,
    detect_lang,
    has_devanagari,
    is_devanagari_letter,
    normalize,
    token_spans,
    tokenize,
)
from assistant.types import Article, Block, Sentence, Token

__all__ = ["detect_lang", "segment_article", "split_sentences", "tokenize"]


# --- sentences ------------------------------------------------------------------------

# Words that take a full stop without ending a sentence.
_ABBREVIATION_LIST = (
    "डॉ श्री श्रीमती सुश्री प्रो स्व सं पृ क्र नं रु ज़ि जि सर्व कु मो "
    # letter names used as initials: ए.पी.जे. अब्दुल कलाम, एस. जयशंकर
    "ए बी सी डी ई एफ जी एच आई जे के एल एम एन ओ पी क्यू आर एस टी यू वी डब्ल्यू एक्स वाई ज़ेड जेड "
    "Mr Mrs Ms Dr Prof St Jr Sr Mt Ft No Nos Rs Inc Ltd Co Corp Gen Col Lt Capt Sgt Gov Sen Rep Rev "
    "vs etc al approx Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec"
)
_TERMINATOR = re.compile(r"[।॥?!]+|\.+|…+|\|")
_CLOSERS = "\"'”’»)]}"
_WORD_BEFORE = re.compile(rf"(?:[{DEVANAGARI}\w{MARKS}\u200c\u200d])+$")
_WORD_AFTER = re.compile(rf"[{DEVANAGARI}{MARKS}\u200c\u200d]+")
_HAS_CONTENT = re.compile(rf"[{DEVANAGARI}{DIGITS}]|[^\W_]")
_ABBREV = frozenset(normalize(w).text for w in _ABBREVIATION_LIST.split())
# English titles as Hindi spells them. A full stop after the start of one (मि. for
# मिस्टर, जन. for जनरल, सेन. for सेनेटर, प्रो. for प्रोफ़ेसर) abbreviates it when a name
# follows; so does one after a run of English letter names (डी.एम., एसपी.).
_TITLE_LIST = (
    "मिस्टर मिसेज़ मिसेज मिस मास्टर डॉक्टर प्रोफ़ेसर प्रोफेसर सेनेटर सीनेटर जनरल कर्नल लेफ़्टिनेंट "
    "लेफ्टिनेंट कैप्टन मेजर सार्जेंट गवर्नर रेवरेंड सेंट माउंट जूनियर सीनियर ब्रिगेडियर एडमिरल "
    "इंस्पेक्टर कमांडर प्रेसिडेंट एडवोकेट इंजीनियर"
)
_TITLE_PREFIX_LETTERS = 3
_VIRAMA = "\u094d"


def _title_prefixes() -> frozenset[str]:
    """Every beginning of a title that ends on a letter or vowel sign (not half a conjunct)."""
    prefixes: set[str] = set()
    for title in _TITLE_LIST.split():
        title = normalize(title).text
        for end in range(2, len(title) + 1):
            prefix, rest = title[:end], title[end:]
            if prefix.endswith((_VIRAMA, "\u093c")) or rest.startswith("\u093c"):
                continue
            if len(re.findall(rf"[{DEVANAGARI}](?<![{MARKS}])", prefix)) <= _TITLE_PREFIX_LETTERS:
                prefixes.add(prefix)
    return frozenset(prefixes)


@lru_cache(maxsize=1)
def _title_abbreviations() -> frozenset[str]:
    """Beginnings of titles that are no function word of their own (से, कर, सी end sentences)."""
    from assistant.lexicon.closed_class import read_closed_class

    closed = {entry.form for entry in read_closed_class()}
    return frozenset(p for p in _title_prefixes() if p not in closed)


@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    from assistant.lexicon.closed_class import read_closed_class

    return frozenset(entry.form for entry in read_closed_class())


def _abbreviates_before_name(word: str, following: str) -> bool:
    """Whether a Devanagari ``word`` with a full stop is a title or letter-name abbreviation
    in front of a name: the next word is Devanagari and not a function word (a sentence
    opening with वह, उन्होंने or लेकिन is a new sentence)."""
    if not following or not is_devanagari_letter(following[0]) or following in _function_words():
        return False
    if word in _title_abbreviations():
        return True
    from assistant.lexicon.acronyms import spell_acronym

    return spell_acronym(word) is not None


class _Splitter:
    """Finds sentence ends in ``text[start:end]`` without copying the text."""

    def __init__(self, text: str, end: int) -> None:
        self.text = text
        self.end = end

    def space_at(self, i: int) -> bool:
        return i >= self.end or self.text[i].isspace()

    def next_visible(self, i: int) -> str:
        while i < self.end and self.text[i].isspace():
            i += 1
        return self.text[i] if i < self.end else ""

    def next_word(self, i: int) -> str:
        """The word starting at the first visible character from ``i`` (letters and marks)."""
        while i < self.end and self.text[i].isspace():
            i += 1
        m = _WORD_AFTER.match(self.text, i, self.end)
        return m.group() if m else ""

    def skip_closers(self, i: int) -> int:
        text = self.text
        while i < self.end and text[i] in _CLOSERS:
            # A straight quote followed by a letter opens the next quotation instead.
            if text[i] in "\"'" and not (self.space_at(i + 1) or text[i + 1] in _CLOSERS + "।॥?!."):
                break
            i += 1
        return i

    def full_stop_ends(self, dot: int, after: int) -> bool:
        """Whether the single "." at ``dot`` ends a sentence (``after`` is past its closers)."""
        if not self.space_at(after):
            return False
        m = _WORD_BEFORE.search(self.text, max(0, dot - 24), dot)
        word = m.group() if m else ""
        if word in _ABBREV:
            return False
        if len(word) == 1 and word.isalpha() and word.isupper():
            return False  # an initial: J. K. Rowling
        if m and m.start() > 0 and self.text[m.start() - 1] == "." and len(word) <= 4:
            return False  # the end of a dotted chain: U.S., म.प्र., ई.पू.
        if word and is_devanagari_letter(word[0]) and _abbreviates_before_name(word, self.next_word(after)):
            return False
        return not self.next_visible(after).islower()

    def cuts(self, start: int) -> list[int]:
        text = self.text
        cuts: list[int] = []
        for m in _TERMINATOR.finditer(text, start, self.end):
            mark = m.group()
            after = self.skip_closers(m.end())
            if mark[0] in "।॥":
                cuts.append(after)
            elif mark[0] in "?!":
                if self.space_at(after) and not self.next_visible(after).islower():
                    cuts.append(after)
            elif mark == "|":
                # A pipe typed for a danda: only right after Devanagari.
                i = m.start() - 1
                while i >= start and text[i] == " ":
                    i -= 1
                if i >= start and is_devanagari_letter(text[i]) and self.space_at(after):
                    cuts.append(after)
            elif mark == "." and self.full_stop_ends(m.start(), after):
                cuts.append(after)
        return cuts


def _sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    pos = start
    for cut in [*_Splitter(text, end).cuts(start), end]:
        a, b = pos, cut
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            if spans and not _HAS_CONTENT.search(text, a, b):
                spans[-1] = (spans[-1][0], b)  # a stray "।" or quote belongs to the sentence before
            else:
                spans.append((a, b))
        pos = cut
    return spans


def split_sentences(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence of ``text``, leading and trailing spaces excluded."""
    return _sentence_spans(text)


# --- article structure ----------------------------------------------------------------


def _alternation(*groups: str) -> str:
    """Regex alternation of normalized phrases (longest first); a space matches any spacing."""
    phrases = {normalize(p).text for g in groups for p in g.split("|")}
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(phrases, key=len, reverse=True))


_HI_MONTHS = (
    "जनवरी|फ़रवरी|फरवरी|मार्च|अप्रैल|अप्रेल|मई|जून|जुलाई|अगस्त|सितंबर|सितम्बर|अक्टूबर|अक्तूबर|नवंबर|नवम्बर|दिसंबर|दिसम्बर"
)
_EN_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
    "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
_WEEKDAYS = (
    "सोमवार|मंगलवार|बुधवार|गुरुवार|बृहस्पतिवार|शुक्रवार|शनिवार|रविवार"
    "|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Wed|Thu|Fri|Sat|Sun"
)
_DATE_LABELS = (
    "प्रकाशित|प्रकाशन तिथि|अपडेटेड|अपडेट|अद्यतन|दिनांक|तारीख|तिथि|Published|Updated|Posted|Last updated|Date"
)
_CREDIT_LABELS = (
    "image source|image credit|image courtesy|photo credit|photo credits|photo courtesy|photo|photos"
    "|photograph|picture|pic|image|images|source|credit|credits|courtesy|file photo"
    "|चित्र|चित्र साभार|फ़ोटो|फ़ोटो साभार|फ़ाइल फ़ोटो|फोटो|फोटो साभार|फाइल फोटो|तस्वीर|छवि|स्रोत|इमेज सोर्स"
    "|इमेज स्रोत|साभार"
)
_AGENCIES = "getty images|reuters|afp|ap|pti|ani|ians|epa|shutterstock|wikimedia commons"
_CAPTION_LABELS = "photo caption|image caption|caption|कैप्शन|फोटो कैप्शन|फ़ोटो कैप्शन|इमेज कैप्शन|चित्र परिचय"
_BYLINE_ROLES = "लेखक|लेखिका|लेखकगण|रिपोर्ट|रिपोर्टर|संवाददाता|author|authors|written by|reported by|story by"

_D = rf"[{DIGITS}]{{1,2}}"
_Y = rf"[{DIGITS}]{{4}}"
_MONTH = _alternation(_HI_MONTHS, _EN_MONTHS)
_DATE = re.compile(
    rf"^(?:(?:{_alternation(_DATE_LABELS)})(?:\s+on)?\s*[:：\-–]?\s*)?(?:(?:{_alternation(_WEEKDAYS)})\s*,?\s*)?"
    rf"(?:(?:{_MONTH})\.?\s+{_D}(?:st|nd|rd|th)?\s*,?\s*{_Y}"
    rf"|{_D}(?:st|nd|rd|th)?\s+(?:{_MONTH})\.?\s*,?\s*{_Y}"
    rf"|{_Y}[-/.]{_D}[-/.]{_D}|{_D}[-/.]{_D}[-/.]{_Y})"
    rf"(?:\s*[,|/–-]?\s*{_D}[:.][{DIGITS}]{{2}}(?:\s*(?:AM|PM|a\.m\.|p\.m\.|IST|GMT|UTC|बजे))*)?\s*$",
    re.IGNORECASE,
)
_CREDIT = re.compile(
    rf"^\(?(?:{_alternation(_CREDIT_LABELS)})\s*[:：|–—\-,]\s*\S"
    r"|^(?:photo|image|picture)s?\s+(?:by|courtesy(?:\s+of)?)\s+\S"
    rf"|^(?:{_alternation(_AGENCIES)})(?:\s*[/,|]\s*[\w ]+)*$",
    re.IGNORECASE,
)
_CAPTION = re.compile(rf"^(?:{_alternation(_CAPTION_LABELS)})\s*[:：\-–,]", re.IGNORECASE)
_ROLE = _alternation(_BYLINE_ROLES)
_BY = _alternation("द्वारा")
_BYLINE_LABEL = re.compile(rf"^(?:{_ROLE}|by|{_BY})\s*[:：–—\-]?$", re.IGNORECASE)
_BYLINE = re.compile(
    rf"^(?:{_ROLE})\s*[:：–—\-]\s*\S"
    r"|^(?:By|BY|Written by|Reported by)\s+[A-Z\u0900-\u097f]"
    rf"|^(?:{_BY})\s*[:：\-]?\s*\S|\S\s+(?:{_BY})$"
)
_ENDS_SENTENCE = re.compile(rf"(?:[।॥?!…:;]|\.|\|)[{re.escape(_CLOSERS)}]*$")


def ends_sentence(line: str) -> bool:
    """Whether a line ends with a sentence terminator (closing quotes allowed after it)."""
    return bool(_ENDS_SENTENCE.search(line))


@dataclass
class _Line:
    start: int
    end: int
    text: str
    group: int  # lines with no blank line between them share a group
    kind: str = ""


def _lines(text: str) -> list[_Line]:
    lines: list[_Line] = []
    group = pos = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            a = pos + len(raw) - len(raw.lstrip())
            lines.append(_Line(a, a + len(stripped), stripped, group))
        else:
            group += 1
        pos += len(raw) + 1
    return lines


def _special_kind(text: str) -> str:
    if len(text) <= 80 and _DATE.match(text):
        return "date"
    if len(text) <= 160 and _CREDIT.match(text):
        return "credit"
    short = len(text) <= 100 and len(text.split()) <= 10 and not text.endswith("।")
    if short and (_BYLINE_LABEL.match(text) or _BYLINE.search(text)):
        return "byline"
    if _CAPTION.match(text):
        return "caption"
    return ""


def _short_name(text: str) -> bool:
    return len(text) <= 60 and len(text.split()) <= 6 and not ends_sentence(text)


def _heading_like(text: str, lines_in_group: int) -> bool:
    """Short and unterminated, or a short question standing on its own ("क्या है मामला?")."""
    words = len(text.split())
    if len(text) > 80 or words > 10:
        return False
    return not ends_sentence(text) or (lines_in_group == 1 and words <= 8 and text.endswith("?"))


def _english_caption(text: str) -> bool:
    return len(text) <= 300 and detect_lang(text) == "en"


def _standalone_headings(lines: list[_Line]) -> set[int]:
    """Starts of short unterminated lines that stand alone inside a group of lines: a
    headline or subheading typed right above its paragraph, at most half as long as the
    line after it and not continuing a sentence from the line before."""
    found: set[int] = set()
    for i, line in enumerate(lines[:-1]):
        after = lines[i + 1]
        before = lines[i - 1] if i else None
        if after.group != line.group or not _heading_like(line.text, 2) or ends_sentence(line.text):
            continue
        if before is not None and before.group == line.group and not ends_sentence(before.text):
            continue
        if 2 * len(line.text) <= len(after.text):
            found.add(line.start)
    return found


def _wrapped_groups(lines: list[_Line]) -> set[int]:
    """Groups whose lines mostly stop mid-sentence: hard-wrapped paragraphs (a standalone
    heading line does not count)."""
    headings = _standalone_headings(lines)
    by_group: dict[int, list[_Line]] = {}
    for line in lines:
        if line.start not in headings:
            by_group.setdefault(line.group, []).append(line)
    wrapped = set()
    for group, members in by_group.items():
        inner = members[:-1]
        if inner and 2 * sum(not ends_sentence(m.text) for m in inner) > len(inner):
            wrapped.add(group)
    return wrapped


def _classify(lines: list[_Line]) -> None:
    for line in lines:
        line.kind = _special_kind(line.text)
    first = lines[0]
    title = ""
    # A first line that reads like a paragraph (several sentences, ends with a danda) is one.
    one_sentence = len(_sentence_spans(first.text)) == 1 or not ends_sentence(first.text)
    if not first.kind and len(lines) > 1 and len(first.text) <= 200 and one_sentence:
        first.kind, title = "title", first.text
    following_label = False
    for line in lines:
        if line.kind == "byline":
            following_label = bool(_BYLINE_LABEL.match(line.text)) or following_label
        elif following_label and not line.kind and _short_name(line.text):
            line.kind = "byline"
        else:
            following_label = False
    for prev, line in itertools.pairwise(lines):
        if line.group != prev.group:
            continue
        if line.kind == "credit" and not prev.kind and len(prev.text) <= 300:
            prev.kind = "caption"
        elif prev.kind == "credit" and not line.kind and _english_caption(line.text):
            line.kind = "caption"  # an English caption printed under its credit
    if title and len(lines) > 2:
        lead, after = lines[1], lines[2]
        if (
            not lead.kind
            and lead.group != after.group
            and len(lead.text) <= 300
            and len(_sentence_spans(lead.text)) <= 2
            and detect_lang(lead.text) == "hi"
        ):
            lead.kind = "standfirst"
    wrapped = _wrapped_groups(lines)
    standalone = _standalone_headings(lines)
    sizes = Counter(line.group for line in lines)
    for i, line in enumerate(lines):
        if line.kind:
            continue
        if line.text == title or line.start in standalone:
            line.kind = "heading"  # the title repeated above the body: kept, not dropped
        elif i < len(lines) - 1 and line.group not in wrapped and _heading_like(line.text, sizes[line.group]):
            line.kind = "heading"
        else:
            line.kind = "paragraph"


def _grouped(lines: list[_Line]) -> list[tuple[str, list[_Line]]]:
    """Consecutive lines that form one block: wrapped paragraph lines, byline lines."""
    wrapped = _wrapped_groups(lines)
    out: list[tuple[str, list[_Line]]] = []
    for line in lines:
        if out:
            kind, members = out[-1]
            last = members[-1]
            if kind == line.kind == "byline" or (
                kind == line.kind == "paragraph" and last.group == line.group and line.group in wrapped
            ):
                members.append(line)
                continue
        out.append((line.kind, [line]))
    return out


# --- the article ----------------------------------------------------------------------

_NEWLINE_RUN = re.compile(r"\s*\n\s*")
_ONE_SENTENCE_KINDS = frozenset({"date", "credit", "byline"})


def _sentence(norm: Normalized, a: int, b: int) -> Sentence:
    s = norm.text
    text = _NEWLINE_RUN.sub(" ", s[a:b])
    spans = token_spans(s, a, b)
    shift = norm.shift(a, b)
    if shift is None:
        at = norm.to_original
        tokens = tuple(Token(s[x:y], kind, at(x), at(y)) for kind, x, y in spans)
        return Sentence(text, at(a), at(b), tokens, detect_lang(text))
    tokens = tuple(Token(s[x:y], kind, x + shift, y + shift) for kind, x, y in spans)
    return Sentence(text, a + shift, b + shift, tokens, detect_lang(text))


def _block(norm: Normalized, kind: str, lines: list[_Line]) -> Block:
    if kind in _ONE_SENTENCE_KINDS:
        spans = [(line.start, line.end) for line in lines]
    else:
        spans = _sentence_spans(norm.text, lines[0].start, lines[-1].end)
    sentences = tuple(_sentence(norm, a, b) for a, b in spans)
    return Block(kind, sentences, sentences[0].start, sentences[-1].end)  # type: ignore[arg-type]


# The commonest Hindi words (है का के की में और से ने कि भी हैं) as the Kruti Dev font stores
# them; "A" is its danda.
_LEGACY_FONT_WORD = re.compile(r"(?<!\S)(?:gS|dk|ds|dh|esa|vkSj|ls|us|fd|Hkh|gSa)A?(?!\S)")


def _legacy_font(text: str) -> bool:
    """Whether Latin text reads as Hindi typed in the Kruti Dev font: its commonest words
    make up a share of the words no English or other text reaches."""
    sample = text[:20_000]
    words = len(sample.split())
    hits = len(_LEGACY_FONT_WORD.findall(sample))
    return hits >= 3 and 10 * hits >= words


def segment_article(text: str, name: str = "") -> Article:
    """Blocks, sentences and tokens of a Hindi article; raises InputError for unusable text."""
    if not text or not text.strip():
        raise InputError("The article is empty.", "Paste a Hindi article or open a file that contains one.")
    norm = normalize(text)
    if not has_devanagari(norm.text):
        if _legacy_font(norm.text):
            raise InputError(
                "No Hindi text found: this looks like Hindi typed in a legacy font such as Kruti Dev, "
                "which stores Latin letters that only the font draws as Devanagari.",
                "Convert the text to Unicode with a Kruti Dev to Unicode converter, then open it again.",
            )
        raise InputError(
            "No Hindi text found: the input has no Devanagari letters.",
            "Paste a Hindi article written in Devanagari script.",
        )
    lines = _lines(norm.text)
    _classify(lines)
    blocks = tuple(_block(norm, kind, members) for kind, members in _grouped(lines))
    return Article(source=text, blocks=blocks, name=name)
