"""Hand-judged precision of the first sense, on a fixed random sample of held-out PUD.

``data/hand_judged.tsv`` holds 200 content-word tokens (gold UPOS NOUN, VERB, ADJ, ADV)
drawn with a fixed seed from the held-out (even-numbered) sentences of UD Hindi PUD (none
of them in the earlier samples listed in ``EARLIER``), each
with the first sense the glosser showed when it was judged, the Hindi sentence, its
reference English, and a judgement made by a person reading the token in context: ``1``
right, ``0`` wrong. ``python -m assistant evaluate hand`` reports the share right and how
many tokens the glosser now glosses differently (those judgements are then out of date:
``--sample`` writes a fresh sample, to be judged again by hand).
"""

from __future__ import annotations

import argparse
import csv
import random
from dataclasses import dataclass
from pathlib import Path

from assistant.errors import InputError
from assistant.evaluate.heldout import pud_sentences
from assistant.evaluate.lexicon import conllu_sentence
from assistant.lexicon.keys import is_devanagari
from assistant.types import Gloss, Token

DATA_FILE = Path(__file__).resolve().parent / "data" / "hand_judged.tsv"
# the first sample: judged blind, then used to find faults, so no longer a fair measure
DEV_FILE = DATA_FILE.with_name("hand_judged_dev.tsv")
# the second: judged blind, reported, then superseded by a fresh one after the glosser changed
SECOND_FILE = DATA_FILE.with_name("hand_judged_second.tsv")
# the third: judged blind and reported, then its errors studied to find faults
THIRD_FILE = DATA_FILE.with_name("hand_judged_third.tsv")
# the fourth: judged blind and reported, its errors studied, re-judged as the glosser changed
FOURTH_FILE = DATA_FILE.with_name("hand_judged_fourth.tsv")
# the fifth: likewise
FIFTH_FILE = DATA_FILE.with_name("hand_judged_fifth.tsv")
# the sixth: likewise
SIXTH_FILE = DATA_FILE.with_name("hand_judged_sixth.tsv")
# the seventh: likewise
SEVENTH_FILE = DATA_FILE.with_name("hand_judged_seventh.tsv")
# the eighth: likewise
EIGHTH_FILE = DATA_FILE.with_name("hand_judged_eighth.tsv")
# the ninth: likewise
NINTH_FILE = DATA_FILE.with_name("hand_judged_ninth.tsv")
# the tenth: likewise
TENTH_FILE = DATA_FILE.with_name("hand_judged_tenth.tsv")
# the eleventh: judged blind and reported, re-judged as the glosser changed
ELEVENTH_FILE = DATA_FILE.with_name("hand_judged_eleventh.tsv")
# the twelfth: likewise
TWELFTH_FILE = DATA_FILE.with_name("hand_judged_twelfth.tsv")
# the thirteenth: likewise
THIRTEENTH_FILE = DATA_FILE.with_name("hand_judged_thirteenth.tsv")
SEED = 20261213
DEV_SEED = 20261129
SECOND_SEED = 20261130
THIRD_SEED = 20261201
FOURTH_SEED = 20261202
FIFTH_SEED = 20261203
SIXTH_SEED = 20261205
SEVENTH_SEED = 20261206
EIGHTH_SEED = 20261207
NINTH_SEED = 20261208
TENTH_SEED = 20261209
ELEVENTH_SEED = 20261210
TWELFTH_SEED = 20261211
THIRTEENTH_SEED = 20261212
EARLIER = ((DEV_FILE, DEV_SEED), (SECOND_FILE, SECOND_SEED), (THIRD_FILE, THIRD_SEED),
           (FOURTH_FILE, FOURTH_SEED), (FIFTH_FILE, FIFTH_SEED), (SIXTH_FILE, SIXTH_SEED),
           (SEVENTH_FILE, SEVENTH_SEED), (EIGHTH_FILE, EIGHTH_SEED),
           (NINTH_FILE, NINTH_SEED), (TENTH_FILE, TENTH_SEED), (ELEVENTH_FILE, ELEVENTH_SEED),
           (TWELFTH_FILE, TWELFTH_SEED), (THIRTEENTH_FILE, THIRTEENTH_SEED))
SIZE = 200
CONTENT = frozenset({"NOUN", "VERB", "ADJ", "ADV"})
COLUMNS = ("sentence", "token", "form", "upos", "first_sense", "judgement", "hindi", "english", "comment")


@dataclass(frozen=True)
class Judged:
    """One sampled token, its first sense at judging time and the judgement."""

    sentence: int
    token: int
    form: str
    upos: str
    first_sense: str
    judgement: str
    hindi: str
    english: str
    comment: str = ""


def _glossed(rows: tuple[tuple[str, str, str], ...]) -> tuple[list[Token], tuple[Gloss, ...]]:
    from assistant.gloss import gloss_sentence
    from assistant.lexicon import load_lexicon

    sentence = conllu_sentence(list(rows))
    return list(sentence.tokens), gloss_sentence(sentence, load_lexicon())


def draw_sample(size: int = SIZE, seed: int = SEED,
                exclude: frozenset[tuple[int, int]] = frozenset()) -> list[Judged]:
    """A fresh sample, not yet judged, with the glosser's current first senses; tokens in
    ``exclude`` ((PUD sentence number, token number)) are never drawn."""
    held = pud_sentences(held_out=True)
    candidates = [(s_index, t_index) for s_index, sentence in enumerate(held)
                  for t_index, (form, _, upos) in enumerate(sentence.rows)
                  if upos in CONTENT and is_devanagari(form) and (sentence.index, t_index) not in exclude]
    picked = sorted(random.Random(seed).sample(candidates, size))
    out = []
    for s_index, t_index in picked:
        sentence = held[s_index]
        _, glosses = _glossed(sentence.rows)
        gloss = glosses[t_index]
        out.append(Judged(sentence.index, t_index, gloss.text, sentence.rows[t_index][2],
                          gloss.senses[0] if gloss.senses else "", "", sentence.hindi, sentence.english))
    return out


def write_sample(items: list[Judged], path: Path = DATA_FILE) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE,
                            escapechar="\\")
        writer.writerow(COLUMNS)
        for item in items:
            writer.writerow([getattr(item, c) for c in COLUMNS])


def read_sample(path: Path = DATA_FILE) -> list[Judged]:
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE, escapechar="\\"))
    except OSError as err:
        raise InputError(f"Cannot read {path}: {err}.", "Write a sample with --sample.") from None
    if not rows or tuple(rows[0]) != COLUMNS:
        raise InputError(f"{path} has unknown columns.", f"Expected: {' '.join(COLUMNS)}.")
    return [Judged(int(r[0]), int(r[1]), r[2], r[3], r[4], r[5], r[6], r[7], r[8]) for r in rows[1:]]


def changed(items: list[Judged]) -> list[Judged]:
    """The judged tokens whose first sense the glosser now gives differently."""
    by_index = {s.index: s for s in pud_sentences(held_out=True)}
    out = []
    for item in items:
        _, glosses = _glossed(by_index[item.sentence].rows)
        now = glosses[item.token].senses
        if (now[0] if now else "") != item.first_sense:
            out.append(item)
    return out


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--sample", action="store_true",
                        help=f"draw a fresh unjudged sample into {DATA_FILE.name} (overwrites it)")


def run(args: argparse.Namespace) -> int:
    if args.sample:
        # the measuring sample never repeats a token of an earlier sample
        exclude = frozenset((i.sentence, i.token) for path, _ in EARLIER if path.is_file()
                            for i in read_sample(path))
        write_sample(draw_sample(exclude=exclude))
        print(f"wrote {SIZE} unjudged tokens to {DATA_FILE}")
        return 0
    for path, seed in EARLIER:
        if path.is_file():
            earlier = [i for i in read_sample(path) if i.judgement in ("0", "1")]
            print(f"earlier sample {path.name} (seed {seed}, judged for an earlier glosser): "
                  f"{sum(i.judgement == '1' for i in earlier)} of {len(earlier)} right")
    items = read_sample()
    judged = [i for i in items if i.judgement in ("0", "1")]
    right = sum(i.judgement == "1" for i in judged)
    print("Hand-judged first senses on a fixed random sample of held-out UD Hindi PUD tokens")
    print(f"judged {len(judged)} of {len(items)}; right {right} = "
          f"{right / len(judged) if judged else 0.0:.1%}   (target ≥ 90%)")
    stale = changed(items)
    print(f"first sense now different from the judged one: {len(stale)} token(s)")
    for item in stale[:10]:
        print(f"  {item.form} (sentence {item.sentence}): judged {item.first_sense!r}")
    return 0
