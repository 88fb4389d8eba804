"""English morphology: just enough inflection to render Hindi verb forms in a word-by-word
line, and a lemmatizer (irregular forms included: said → say) for comparing English words."""

from __future__ import annotations

from functools import lru_cache

_IRREGULAR_PAST = {
    "be": ("was", "been"), "become": ("became", "become"), "begin": ("began", "begun"),
    "break": ("broke", "broken"), "bring": ("brought", "brought"), "build": ("built", "built"),
    "buy": ("bought", "bought"), "catch": ("caught", "caught"), "choose": ("chose", "chosen"),
    "come": ("came", "come"), "cut": ("cut", "cut"), "do": ("did", "done"),
    "draw": ("drew", "drawn"), "drink": ("drank", "drunk"), "drive": ("drove", "driven"),
    "eat": ("ate", "eaten"), "fall": ("fell", "fallen"), "feel": ("felt", "felt"),
    "fight": ("fought", "fought"), "find": ("found", "found"), "fly": ("flew", "flown"),
    "forget": ("forgot", "forgotten"), "get": ("got", "got"), "give": ("gave", "given"),
    "go": ("went", "gone"), "grow": ("grew", "grown"), "have": ("had", "had"),
    "hear": ("heard", "heard"), "hide": ("hid", "hidden"), "hit": ("hit", "hit"),
    "hold": ("held", "held"), "keep": ("kept", "kept"), "know": ("knew", "known"),
    "lay": ("laid", "laid"), "lead": ("led", "led"), "leave": ("left", "left"),
    "lend": ("lent", "lent"), "let": ("let", "let"), "lie": ("lay", "lain"),
    "lose": ("lost", "lost"), "make": ("made", "made"), "mean": ("meant", "meant"),
    "meet": ("met", "met"), "pay": ("paid", "paid"), "put": ("put", "put"),
    "read": ("read", "read"), "ride": ("rode", "ridden"), "rise": ("rose", "risen"),
    "run": ("ran", "run"), "say": ("said", "said"), "see": ("saw", "seen"),
    "seek": ("sought", "sought"), "sell": ("sold", "sold"), "send": ("sent", "sent"),
    "set": ("set", "set"), "shake": ("shook", "shaken"), "show": ("showed", "shown"),
    "shut": ("shut", "shut"), "sing": ("sang", "sung"), "sit": ("sat", "sat"),
    "sleep": ("slept", "slept"), "speak": ("spoke", "spoken"), "spend": ("spent", "spent"),
    "stand": ("stood", "stood"), "steal": ("stole", "stolen"), "strike": ("struck", "struck"),
    "swim": ("swam", "swum"), "take": ("took", "taken"), "teach": ("taught", "taught"),
    "tear": ("tore", "torn"), "tell": ("told", "told"), "think": ("thought", "thought"),
    "throw": ("threw", "thrown"), "understand": ("understood", "understood"),
    "wake": ("woke", "woken"), "wear": ("wore", "worn"), "win": ("won", "won"),
    "write": ("wrote", "written"), "can": ("could", "could"),
    "arise": ("arose", "arisen"), "bear": ("bore", "borne"), "beat": ("beat", "beaten"),
    "bend": ("bent", "bent"), "bind": ("bound", "bound"), "bite": ("bit", "bitten"),
    "blow": ("blew", "blown"), "burst": ("burst", "burst"), "cost": ("cost", "cost"),
    "deal": ("dealt", "dealt"), "dig": ("dug", "dug"), "feed": ("fed", "fed"),
    "flee": ("fled", "fled"), "forbid": ("forbade", "forbidden"), "forgive": ("forgave", "forgiven"),
    "freeze": ("froze", "frozen"), "hang": ("hung", "hung"), "hurt": ("hurt", "hurt"),
    "light": ("lit", "lit"), "overcome": ("overcame", "overcome"), "quit": ("quit", "quit"),
    "ring": ("rang", "rung"), "shoot": ("shot", "shot"), "shine": ("shone", "shone"),
    "sink": ("sank", "sunk"), "slide": ("slid", "slid"), "spin": ("spun", "spun"),
    "split": ("split", "split"), "spread": ("spread", "spread"), "stick": ("stuck", "stuck"),
    "sting": ("stung", "stung"), "swear": ("swore", "sworn"), "sweep": ("swept", "swept"),
    "swing": ("swung", "swung"), "undergo": ("underwent", "undergone"),
    "undertake": ("undertook", "undertaken"), "weep": ("wept", "wept"),
    "withdraw": ("withdrew", "withdrawn"),
}
_VOWELS = "aeiou"


def _regular_past(verb: str) -> str:
    if verb.endswith("e"):
        return verb + "d"
    if verb.endswith("y") and len(verb) > 1 and verb[-2] not in _VOWELS:
        return verb[:-1] + "ied"
    if _one_syllable_cvc(verb):
        return verb + verb[-1] + "ed"  # one-syllable stop → stopped, but visit → visited
    return verb + "ed"


def _one_syllable_cvc(verb: str) -> bool:
    groups = sum(1 for i, ch in enumerate(verb) if ch in _VOWELS and (i == 0 or verb[i - 1] not in _VOWELS))
    return (groups == 1 and len(verb) >= 3 and verb[-1] not in _VOWELS + "wxy"
            and verb[-2] in _VOWELS and verb[-3] not in _VOWELS)


def gerund(sense: str) -> str:
    """'to make' → 'making'; 'to stop' → 'stopping'."""
    head, rest = _split(sense)
    if head in ("be", "see", "flee", "agree"):
        return head + "ing" + rest
    if head.endswith("ie"):
        return head[:-2] + "ying" + rest
    if head.endswith("e") and not head.endswith("ee"):
        return head[:-1] + "ing" + rest
    if _one_syllable_cvc(head):
        return head + head[-1] + "ing" + rest
    return head + "ing" + rest


_IRREGULAR_ADVERBS = {"good": "well", "fast": "fast", "hard": "hard"}  # not "goodly"


def adverb(adjective: str) -> str:
    """The -ly adverb of an English adjective: general → generally, simple → simply."""
    word = adjective.strip()
    if word in _IRREGULAR_ADVERBS:
        return _IRREGULAR_ADVERBS[word]
    if " " in word or not word.isalpha():
        return f"in a {word} way"
    if word.endswith("ic"):
        from wordfreq import zipf_frequency

        # basic → basically, but public → publicly: English writes the commoner one
        return max((word + "ally", word + "ly"), key=lambda w: zipf_frequency(w, "en"))
    if word.endswith("le") and len(word) > 3:
        return word[:-1] + "y"
    if word.endswith("ly"):
        return word
    if word.endswith("y") and len(word) > 2 and word[-2] not in _VOWELS:
        return word[:-1] + "ily"
    return word + "ly"


_SUPERLATIVES = {"good": "best", "well": "best", "bad": "worst", "much": "most", "many": "most",
                 "more": "most", "little": "least", "less": "least", "far": "farthest"}
# adjectives that already single one out: सबसे पहला is "first", सबसे मुख्य "main", not "firstest"
_ALREADY_SUPERLATIVE = frozenset({
    "best", "worst", "most", "least", "first", "last", "next", "only", "top", "final", "sole", "same",
    "ultimate", "foremost", "utmost", "maximum", "minimum", "supreme", "whole", "entire", "own",
    "main", "chief", "key", "prime", "principal", "primary", "leading",
})


def superlative(adjective: str) -> str:
    """big → biggest, large → largest, easy → easiest, important → most important."""
    word = adjective.strip()
    if word in _SUPERLATIVES:
        return _SUPERLATIVES[word]
    if word in _ALREADY_SUPERLATIVE or (word.endswith("est") and english_lemma(word) != word):
        return word
    if " " in word or not word.isalpha() or not word.islower():
        return f"most {word}"
    groups = sum(1 for i, ch in enumerate(word) if ch in _VOWELS and (i == 0 or word[i - 1] not in _VOWELS))
    if word.endswith("e") and not word.endswith("ee") and len(word) > 3 and word[-2] not in _VOWELS:
        groups -= 1  # a silent e: large, wide
    if word.endswith("y") and len(word) > 2 and word[-2] not in _VOWELS and groups <= 2:
        return word[:-1] + "iest"  # easy, happy
    if groups != 1 or word.endswith("ed"):
        return f"most {word}"
    if word.endswith("e"):
        return word + "st"
    if _one_syllable_cvc(word):
        return word + word[-1] + "est"
    return word + "est"


def plural(noun: str) -> str:
    """'ban' → 'bans', 'country' → 'countries' (last word only)."""
    if not noun or not noun[-1].isalpha() or noun[0].isupper():
        return noun
    if noun.endswith("s") and not noun.endswith(("ss", "us", "is")):
        return noun  # already plural: "relations"
    if noun.endswith(("s", "x", "z", "ch", "sh")):
        return noun + "es"
    if noun.endswith("y") and len(noun) > 1 and noun[-2] not in _VOWELS:
        return noun[:-1] + "ies"
    return noun + "s"


def _split(sense: str) -> tuple[str, str]:
    words = sense.removeprefix("to ").split(" ", 1)
    return words[0], (" " + words[1]) if len(words) > 1 else ""


def past(sense: str) -> str:
    """'to welcome' → 'welcomed'; 'to give up' → 'gave up'."""
    head, rest = _split(sense)
    return (_IRREGULAR_PAST.get(head, (None,))[0] or _regular_past(head)) + rest


def participle(sense: str) -> str:
    """'to strangle' → 'strangled'; 'to take' → 'taken'."""
    head, rest = _split(sense)
    forms = _IRREGULAR_PAST.get(head)
    return (forms[1] if forms else _regular_past(head)) + rest


def base(sense: str) -> str:
    return sense.removeprefix("to ")


def inflect(sense: str, tense: str | None) -> str:
    """Render a verb sense for a Hindi verb form with the given tense/aspect."""
    if not sense.startswith("to "):
        return sense
    if tense == "perf":
        return past(sense)
    if tense == "fut":
        return "will " + base(sense)
    if tense in ("inf", None):
        return sense
    if tense == "conj":
        return "having " + participle(sense)
    return base(sense)


# a lemma of one of these parts of speech is preferred, in this order, when a form has several
_LEMMA_POS = ("VERB", "NOUN", "ADJ", "ADV", "AUX", "PRON", "DET", "ADP", "NUM", "CCONJ", "SCONJ", "PART",
              "INTJ", "PROPN")


@lru_cache(maxsize=200_000)
def english_lemmas(word: str) -> frozenset[str]:
    """Every lemma an English word form may have, lower-cased, the form itself included:
    "leaves" → {leaves, leave, leaf}; "said" → {said, say}. Uses LemmInflect's tables
    (irregular forms included) and its rules for words they lack."""
    from lemminflect import getAllLemmas, getAllLemmasOOV

    lower = word.lower()
    found = {lower}
    if not lower.isalpha():
        return frozenset(found)
    lemmas = getAllLemmas(lower)
    if not lemmas and lower.endswith("s") and len(lower) > 3:
        lemmas = getAllLemmasOOV(lower, "NOUN")  # an unknown plural: "drones" → "drone"
    for values in lemmas.values():
        found.update(v.lower() for v in values)
    found.update(us for us in map(american_spelling, list(found)) if us is not None)
    return frozenset(found)


# British endings and their American spelling: colour, centre, organise, traveller, defence
_BRITISH_ENDINGS = (("our", "or"), ("re", "er"), ("ise", "ize"), ("yse", "yze"), ("isation", "ization"),
                    ("ller", "ler"), ("ogue", "og"), ("ence", "ense"), ("mme", "m"))
BRITISH_STEM = 3  # letters before the ending, at least


@lru_cache(maxsize=1)
def word_list() -> tuple[set[str], dict[str, str]]:
    """The system word list the loanword table is built from, read once: its ordinary
    (lower-case) words and its names (lower case → spelling)."""
    from assistant.lexicon.loanwords import read_word_list

    return read_word_list()


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """The ordinary (lower-case) words of the system word list."""
    return frozenset(word_list()[0])


@lru_cache(maxsize=100_000)
def american_spelling(word: str) -> str | None:
    """The American spelling of a British one ("traveller" → "traveler", "tumour" →
    "tumor"), or None: the ending must leave a word of the American word list, and a short
    word keeps its ending ("four" is not "for", "acre" not "acer"; "genre" has no "gener")."""
    ordinary = english_words()
    for british, american in _BRITISH_ENDINGS:
        if (word.endswith(british) and len(word) >= len(british) + BRITISH_STEM
                and (candidate := word[: -len(british)] + american) in ordinary):
            return candidate
    return None


TYPO_MIN_LETTERS = 5
TYPO_FIX_ZIPF = 3.0  # the word a misspelling stands for is a common one


def _one_slip_away(word: str) -> set[str]:
    """Spellings one slip from ``word`` past its first letter: a letter more, less or
    another, or two letters swapped."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    splits = [(word[:i], word[i:]) for i in range(1, len(word) + 1)]
    out = {a + b[1:] for a, b in splits if b}
    out |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    out |= {a + c + b[1:] for a, b in splits if b for c in letters}
    out |= {a + c + b for a, b in splits for c in letters}
    out.discard(word)
    return out


def corrected_spelling(word: str, known: set[str], evidence: set[str]) -> str:
    """A dictionary sense's misspelled word made right (munucipal → municipal, neuclear →
    nuclear): a lower-case word no word list or frequency list knows, with exactly one
    common word (in ``known``, the word list) one slip away that the ``evidence`` confirms
    (English lemmas of the entry's example sentence, or what translators write for the
    Hindi word). Unconfirmed, a guess is as likely wrong (fenal is "feral", not "final").
    Any other word as written."""
    from wordfreq import zipf_frequency

    if len(word) < TYPO_MIN_LETTERS or not word.isalpha() or not word.islower() or word in known \
            or zipf_frequency(word, "en") > 0:
        return word
    near = [w for w in _one_slip_away(word) if w in evidence and w in known
            and zipf_frequency(w, "en") >= TYPO_FIX_ZIPF]
    return near[0] if len(near) == 1 else word


MODALS = frozenset({"can", "could", "may", "might", "must", "shall", "should", "will", "would", "ought"})


def verb_base(word: str) -> str | None:
    """The base form of an English verb form as written ("sold" → "sell", "sell" → "sell";
    other words as they are), or None for a modal, which has none: no "to could"."""
    from lemminflect import getAllLemmas

    if word.lower() in MODALS:
        return None
    if not word.isalpha() or not word.islower():
        return word
    bases = getAllLemmas(word).get("VERB", ())
    return word if not bases or word in bases else bases[0]


@lru_cache(maxsize=200_000)
def english_lemma(word: str) -> str:
    """One lemma for an English word form, lower-cased: "said" → "say", "women" → "woman",
    "analyses" → "analyse"; a verb reading wins over a noun one ("leaves" → "leave")."""
    from lemminflect import getAllLemmas, getAllLemmasOOV

    lower = word.lower()
    if not lower.isalpha():
        return lower
    lemmas = getAllLemmas(lower)
    if not lemmas and lower.endswith("s") and len(lower) > 3:
        lemmas = getAllLemmasOOV(lower, "NOUN")
    for pos in _LEMMA_POS:
        if lemmas.get(pos):
            return lemmas[pos][0].lower()
    return lower


# noun endings and what may replace them to give the verb the noun was made from
_NOMINAL_ENDINGS = (
    ("ification", ("ify",)), ("isation", ("ise", "ize")), ("ization", ("ize",)),
    ("ation", ("ate", "", "e")), ("ption", ("pt", "be")), ("ssion", ("ss", "t")),
    ("sion", ("de", "d", "se")), ("tion", ("t", "te")), ("ment", ("",)), ("ure", ("e", "")),
    ("ial", ("y",)), ("al", ("e", "")), ("ance", ("", "e")), ("ence", ("", "e")),
    ("ism", ("ize", "ise")), ("ysis", ("yze", "yse")), ("ery", ("er",)), ("ing", ("", "e")),
)
VERB_ZIPF = 3.0  # a derived verb rarer than this is no word a reader knows
# nouns whose look-alike verb means something else (importance is not "to import")
_FALSE_DERIVATIONS = frozenset({"importance", "department", "apartment", "revelation", "instance",
                                "substance", "compartment", "portal", "lotion", "nation", "evening",
                                "wedding", "ceiling", "pudding"})


@lru_cache(maxsize=100_000)
def verb_of_noun(noun: str, derived_only: bool = False) -> str | None:
    """The English verb an English action noun names (investment → invest, refusal →
    refuse, criticism → criticize, struggle → struggle), or None; one word only. With
    ``derived_only`` a noun that is a verb as it stands gives None (चांस देना is not "to
    chance")."""
    from lemminflect import getAllLemmas
    from wordfreq import zipf_frequency

    word = noun.lower()
    if " " in word or not word.isalpha():
        return None

    def is_verb(candidate: str) -> bool:
        return (len(candidate) >= 3 and candidate in getAllLemmas(candidate).get("VERB", ())
                and zipf_frequency(candidate, "en") >= VERB_ZIPF)

    if is_verb(word):
        return None if derived_only else word
    if word in _FALSE_DERIVATIONS:
        return None
    for ending, replacements in _NOMINAL_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            stem = word[: -len(ending)]
            # the replacements go from the likeliest: donation → donate before "don"
            candidates = [stem + r for r in replacements]
            if ending == "ing" and stem[-1] not in "aeiouwxy" and stem[-2] in "aeiou":
                # one consonant after a vowel, not doubled: staging is "stage", not "stag"
                # (that would be stagging); hoping "hope"
                candidates.reverse()
            elif ending == "ing" and stem[-1] == stem[-2] and stem[-1] not in "aeiou":
                candidates.append(stem[:-1])  # shopping "shop", but calling "call"
            return next((c for c in candidates if is_verb(c)), None)
    return None


DERIVED_ZIPF = 3.0  # a derived English word rarer than this is no word a reader knows
# nouns whose look-alike adjective means something else (a "class" thing is not "classic")
_FALSE_ADJECTIVES = frozenset({"class", "critic", "origin", "period", "media", "rout", "moral", "manner"})
_SHORTEST_NOUN = 5  # "man" → "manic", "form" → "formal": short nouns make false friends
PROPER_ADJECTIVE_ZIPF = 4.0  # LemmInflect does not know "European" as an adjective


def _is_adjective(word: str) -> bool:
    from lemminflect import getAllLemmas
    from wordfreq import zipf_frequency

    return bool(getAllLemmas(word.lower()).get("ADJ")) and zipf_frequency(word, "en") >= DERIVED_ZIPF


@lru_cache(maxsize=100_000)
def adjective_of(noun: str) -> str | None:
    """The English adjective of relation of a noun, where English has a common one (the
    commonest if several): tropic → tropical, culture → cultural, history → historical,
    colony → colonial, Europe → European; None otherwise (village), so the caller says
    "of village"."""
    from wordfreq import zipf_frequency

    shortest = _SHORTEST_NOUN - 1 if noun[:1].isupper() else _SHORTEST_NOUN  # Asia → Asian
    if not noun.isalpha() or len(noun) < shortest or noun.lower() in _FALSE_ADJECTIVES:
        return None
    endings = ["al", "ic", "ical", "ary"]
    candidates = [noun + e for e in endings]
    if noun[-1] in "ey":
        candidates += [noun[:-1] + e for e in ("al", "ic", "ical", "ial")]
    if noun[0].isupper():  # peoples and places: Asia → Asian, Europe → European
        candidates += [noun + "n", noun + "an", noun[:-1] + "ean", noun + "ian", noun[:-1] + "ian"]
    found = [c for c in candidates
             if _is_adjective(c) or (noun[0].isupper() and zipf_frequency(c, "en") >= PROPER_ADJECTIVE_ZIPF)]
    return max(found, key=lambda c: (zipf_frequency(c, "en"), c)) if found else None


@lru_cache(maxsize=100_000)
def suffixed(noun: str, suffix: str) -> str | None:
    """A noun with an English suffix of having or lacking, where the word is common:
    peace + ful → peaceful, beauty + ful → beautiful, meaning + less → meaningless,
    success + fully → successfully; None otherwise ("attentionful" is no word)."""
    from wordfreq import zipf_frequency

    if not noun.isalpha() or not noun.islower():
        return None
    stem = noun[:-1] + "i" if noun.endswith("y") and noun[-2:-1] not in "aeiou" else noun
    word = stem + suffix
    return word if zipf_frequency(word, "en") >= DERIVED_ZIPF else None


@lru_cache(maxsize=100_000)
def agent_noun(sense: str) -> str | None:
    """The English noun for one who does what a sense names, where English has a common
    one: presented → presenter, research → researcher, investment → investor, insurance
    → insurer; None otherwise."""
    from lemminflect import getAllLemmas
    from wordfreq import zipf_frequency

    word = sense.lower()
    if not word.isalpha():
        return None
    # the verb the sense is a form of (presented, teaching) or the noun of (investment)
    for verb in dict.fromkeys(v for v in (english_lemma(word), verb_of_noun(word)) if v):
        for candidate in (verb + ("r" if verb.endswith("e") else "er"), verb + "or"):
            if zipf_frequency(candidate, "en") >= DERIVED_ZIPF and getAllLemmas(candidate).get("NOUN"):
                return candidate
    return None
