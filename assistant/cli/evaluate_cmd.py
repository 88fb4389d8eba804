"""``python -m assistant evaluate NAME``: development metrics on the shared evaluation data."""

from __future__ import annotations

import argparse
import importlib

EVALUATIONS = {
    "segmentation": ("assistant.evaluate.segmentation", "sentence-boundary F1 on UD Hindi PUD"),
    "lexicon": ("assistant.evaluate.lexicon", "lemma agreement and gloss coverage on PUD and FLORES"),
    "alignment": ("assistant.evaluate.alignment", "word-alignment precision, recall, AER"),
    "senses": ("assistant.evaluate.senses", "first-sense agreement with the reference English (held out)"),
    "hand": ("assistant.evaluate.hand_judged", "hand-judged precision of first senses (held-out PUD sample)"),
}


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("evaluate", help="development metrics on the evaluation data")
    names = parser.add_subparsers(dest="evaluation", metavar="NAME", required=True)
    for name, (module_name, help_text) in EVALUATIONS.items():
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name != module_name:
                raise
            continue
        sub = names.add_parser(name, help=help_text)
        module.add_arguments(sub)
        sub.set_defaults(func=module.run)
