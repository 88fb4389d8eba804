"""Suffix rules for forms the full-form lists miss. A rule only proposes a lemma; the
analyzer keeps it only if some dictionary knows that lemma in a fitting part of speech.

Each rule: (suffix, replacement, lemma POS set, gender, number, case, tense).
Verb rules produce the stem (the word less its suffix, plus the replacement); the
infinitive is stem + ना.
"""

from __future__ import annotations

VERB = frozenset({"VERB"})
NOMINAL = frozenset({"NOUN", "PROPN"})
ADJ = frozenset({"ADJ"})
NOUN_ADJ = frozenset({"NOUN", "ADJ"})

Rule = tuple[str, str, frozenset[str], str | None, str | None, str | None, str | None]

VOWEL_SIGNS = frozenset("ािीुूृेैोौ")
# the one-syllable stems whose vowel changes before an ending (दे in दोगे and दीजिए, पी in
# पिओ, कर in कीजिए): a verb rule with a replacement yields only these (सोगे is no form of सेना)
CHANGING_STEMS = frozenset({"दे", "ले", "पी", "जी", "कर"})

# Longest suffixes first so the most specific reading is tried first.
VERB_RULES: tuple[Rule, ...] = (
    ("नेवाला", "", VERB, "m", "sg", None, "agnt"),
    ("नेवाले", "", VERB, "m", None, None, "agnt"),
    ("नेवाली", "", VERB, "f", None, None, "agnt"),
    ("ूँगा", "", VERB, "m", "sg", None, "fut"),
    ("ूंगा", "", VERB, "m", "sg", None, "fut"),
    ("ूँगी", "", VERB, "f", "sg", None, "fut"),
    ("ूंगी", "", VERB, "f", "sg", None, "fut"),
    ("ऊँगा", "", VERB, "m", "sg", None, "fut"),
    ("ऊंगा", "", VERB, "m", "sg", None, "fut"),
    ("ेंगे", "", VERB, "m", "pl", None, "fut"),
    ("ेंगी", "", VERB, "f", "pl", None, "fut"),
    ("एंगे", "", VERB, "m", "pl", None, "fut"),
    ("एँगे", "", VERB, "m", "pl", None, "fut"),
    ("एंगी", "", VERB, "f", "pl", None, "fut"),
    ("ेगा", "", VERB, "m", "sg", None, "fut"),
    ("ेगी", "", VERB, "f", "sg", None, "fut"),
    ("एगा", "", VERB, "m", "sg", None, "fut"),
    ("एगी", "", VERB, "f", "sg", None, "fut"),
    ("ोगे", "", VERB, "m", "pl", None, "fut"),
    ("ोगी", "", VERB, "f", None, None, "fut"),
    ("ओगे", "", VERB, "m", "pl", None, "fut"),
    # दे and ले contract before -ओ: दोगे, लोगी
    ("ोगे", "े", VERB, "m", "pl", None, "fut"),
    ("ोगी", "े", VERB, "f", None, None, "fut"),
    # a long ई shortens before -ओ: पिओगे, जिओ
    ("िओगे", "ी", VERB, "m", "pl", None, "fut"),
    ("िओगी", "ी", VERB, "f", None, None, "fut"),
    ("िओ", "ी", VERB, None, None, None, "imp"),
    # the older future with a glide after a vowel: जायगा, आयँगे
    ("यगा", "", VERB, "m", "sg", None, "fut"),
    ("यगी", "", VERB, "f", "sg", None, "fut"),
    ("यँगे", "", VERB, "m", "pl", None, "fut"),
    ("यंगे", "", VERB, "m", "pl", None, "fut"),
    ("यँगी", "", VERB, "f", "pl", None, "fut"),
    ("यंगी", "", VERB, "f", "pl", None, "fut"),
    # the polite request of दे, ले and कर (दीजिए, कीजिए), and for later: दीजिएगा, चलिएगा
    ("ीजिए", "े", VERB, None, "pl", None, "imp"),
    ("ीजिये", "े", VERB, None, "pl", None, "imp"),
    ("ीजिए", "र", VERB, None, "pl", None, "imp"),
    ("ीजिये", "र", VERB, None, "pl", None, "imp"),
    ("ीजिएगा", "े", VERB, None, "pl", None, "imp"),
    ("ीजियेगा", "े", VERB, None, "pl", None, "imp"),
    ("ीजिएगा", "र", VERB, None, "pl", None, "imp"),
    ("ीजियेगा", "र", VERB, None, "pl", None, "imp"),
    ("िएगा", "", VERB, None, "pl", None, "imp"),
    ("ियेगा", "", VERB, None, "pl", None, "imp"),
    ("इएगा", "", VERB, None, "pl", None, "imp"),
    ("इयेगा", "", VERB, None, "pl", None, "imp"),
    ("िये", "", VERB, None, None, None, "imp"),
    ("िए", "", VERB, None, None, None, "imp"),
    ("इए", "", VERB, None, None, None, "imp"),
    ("इये", "", VERB, None, None, None, "imp"),
    ("ना", "", VERB, "m", "sg", "dir", "inf"),
    ("ने", "", VERB, None, None, "obl", "inf"),
    ("नी", "", VERB, "f", None, None, "inf"),
    ("तीं", "", VERB, "f", "pl", None, "impf"),
    ("ता", "", VERB, "m", "sg", None, "impf"),
    ("ते", "", VERB, "m", None, None, "impf"),
    ("ती", "", VERB, "f", None, None, "impf"),
    ("कर", "", VERB, None, None, None, "conj"),
    ("के", "", VERB, None, None, None, "conj"),
    ("या", "", VERB, "m", "sg", None, "perf"),
    ("ये", "", VERB, "m", "pl", None, "perf"),
    ("यी", "", VERB, "f", "sg", None, "perf"),
    ("ईं", "", VERB, "f", "pl", None, "perf"),
    ("ई", "", VERB, "f", "sg", None, "perf"),
    ("ए", "", VERB, "m", "pl", None, "perf"),
    ("ीं", "", VERB, "f", "pl", None, "perf"),
    ("ा", "", VERB, "m", "sg", None, "perf"),
    ("ी", "", VERB, "f", "sg", None, "perf"),
    ("े", "", VERB, "m", "pl", None, "perf"),
    ("ें", "", VERB, None, "pl", None, "subj"),
    ("एं", "", VERB, None, "pl", None, "subj"),
    ("एँ", "", VERB, None, "pl", None, "subj"),
    ("ो", "", VERB, None, None, None, "imp"),
    ("ओ", "", VERB, None, None, None, "imp"),
    ("", "", VERB, None, None, None, "stem"),
)

NOMINAL_RULES: tuple[Rule, ...] = (
    ("ियों", "ी", NOMINAL, None, "pl", "obl", None),
    ("ियों", "ि", NOMINAL, None, "pl", "obl", None),  # प्रति "copy": प्रतियों
    ("इयों", "ई", NOMINAL, None, "pl", "obl", None),
    ("ियाँ", "ी", NOMINAL, "f", "pl", "dir", None),
    ("ियां", "ी", NOMINAL, "f", "pl", "dir", None),
    ("ियाँ", "ि", NOMINAL, "f", "pl", "dir", None),
    ("ियां", "ि", NOMINAL, "f", "pl", "dir", None),
    ("इयाँ", "ई", NOMINAL, "f", "pl", "dir", None),
    ("इयां", "ई", NOMINAL, "f", "pl", "dir", None),
    ("ुओं", "ु", NOMINAL, None, "pl", "obl", None),
    ("ुओं", "ू", NOMINAL, None, "pl", "obl", None),
    ("ाओं", "ा", NOMINAL, None, "pl", "obl", None),
    ("ाएँ", "ा", NOMINAL, "f", "pl", "dir", None),
    ("ाएं", "ा", NOMINAL, "f", "pl", "dir", None),
    ("ुएँ", "ु", NOMINAL, "f", "pl", "dir", None),
    ("ुएं", "ु", NOMINAL, "f", "pl", "dir", None),
    ("ओं", "", NOMINAL, None, "pl", "obl", None),
    ("ों", "ा", NOUN_ADJ, "m", "pl", "obl", None),
    ("ों", "", NOMINAL, None, "pl", "obl", None),
    # an adjective standing as a noun takes the noun's plural (संदिग्धों "suspects")
    ("ों", "", ADJ, None, "pl", "obl", None),
    ("ओं", "", ADJ, None, "pl", "obl", None),
    ("ें", "", NOMINAL, "f", "pl", "dir", None),
    ("एँ", "", NOMINAL, "f", "pl", "dir", None),
    ("एं", "", NOMINAL, "f", "pl", "dir", None),
    ("ये", "या", NOUN_ADJ, "m", None, None, None),
    ("यी", "या", ADJ, "f", None, None, None),
    ("ए", "या", NOUN_ADJ, "m", None, None, None),
    ("ई", "या", ADJ, "f", None, None, None),
    ("े", "ा", NOUN_ADJ, "m", None, None, None),
    ("ी", "ा", ADJ, "f", None, None, None),
)
