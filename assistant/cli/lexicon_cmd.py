"""``python -m assistant lexicon build|lookup``: rebuild the lexicon file, or look words up."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("lexicon", help="build the Hindi lexicon or look words up")
    actions = parser.add_subparsers(dest="lexicon_action", metavar="ACTION", required=True)

    build = actions.add_parser(
        "build", help="rebuild the lexicon file from FreeDict, Wiktionary and Apertium",
        description="Rebuild the lexicon data file and, next to it, the loanword table (from the "
                    "CMU Pronouncing Dictionary and Debian's wamerican word list) and the translation "
                    "table (from aligned parallel text), then rank the senses with that table; the "
                    "same inputs give byte-identical files.")
    build.add_argument("--shared", type=Path, default=None,
                       help="folder with freedict-eng-hin, wiktionary-en-hi and apertium-hin "
                            "(default: ../shared/data/lexicon next to the repository)")
    build.add_argument("--out", type=Path, default=None,
                       help="output file (default: the committed assistant/lexicon/data/lexicon.tsv.gz)")
    build.add_argument("--parallel", type=Path, default=None,
                       help="folder with the parallel text for the translation table "
                            "(default: ../shared/data/parallel next to the repository)")
    build.add_argument("--eval", type=Path, default=None, dest="eval_dir",
                       help="folder with FLORES dev, UD PUD and Tatoeba, whose training halves the "
                            "table also learns from (default: ../shared/data/eval)")
    build.add_argument("--no-table", action="store_true",
                       help="keep the committed translation table and rank the senses with it "
                            "(the table's two builds take most of the time)")
    build.set_defaults(func=run_build)

    lookup = actions.add_parser("lookup", help="show the analyses and gloss of Hindi words")
    lookup.add_argument("words", nargs="+", help="Hindi words")
    lookup.set_defaults(func=run_lookup)


def run_build(args: argparse.Namespace) -> int:
    from assistant.lexicon.build import build_all, build_lexicon
    from assistant.lexicon.loanwords import LOANWORD_FILE

    started = time.perf_counter()
    if args.no_table:
        out, tables = build_lexicon(args.shared, args.out), ()
    else:
        out, tables = build_all(args.shared, args.out, args.parallel, args.eval_dir)
    loans = out.with_name(LOANWORD_FILE.name)
    written = [out, loans, *tables]
    print("wrote " + ", ".join(f"{p.name} ({p.stat().st_size / 1e6:.2f} MB)" for p in written)
          + f" in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return 0


def run_lookup(args: argparse.Namespace) -> int:
    from assistant.gloss import gloss_token
    from assistant.lexicon import load_lexicon
    from assistant.types import Token

    lexicon = load_lexicon()
    for word in args.words:
        gloss = gloss_token(Token(word, "word", 0, len(word)), lexicon)
        senses = "; ".join(gloss.senses) or "-"
        print(f"{word}\t{gloss.roman}\t{gloss.lemma}\t{gloss.pos}\t{gloss.gender or ''}\t{senses}")
        if gloss.note:
            print(f"\tnote: {gloss.note}")
        for analysis in lexicon.analyse(word):
            fields = [analysis.gender, analysis.number, analysis.case, analysis.person, analysis.tense]
            print(f"\t{analysis.lemma} {analysis.pos} {' '.join(f for f in fields if f)} [{analysis.source}]")
    return 0
