"""Command-line interface: ``python -m assistant COMMAND``.

Each command lives in its own module exposing ``register(subparsers)``; the module's
parser sets ``func`` to a callable taking the parsed arguments and returning an exit
code. User-facing errors (``AssistantError``) become one clear line on stderr.

Only the module of the command being run is imported: the others pull in the lexicon
and numpy, which would cost ``translate`` about 0.15 s and 17 MB before its
first sentence. Without a known command (``--help``, a typo) every module is
loaded, so the help lists them all.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from assistant.errors import AssistantError

COMMANDS = {
    "translate": "assistant.cli.translate_cmd",
    "models": "assistant.cli.models_cmd",
    "lexicon": "assistant.cli.lexicon_cmd",
    "export": "assistant.cli.export_cmd",
    "evaluate": "assistant.cli.evaluate_cmd",
}
"""Command name -> the module that registers it (the name its parser is added under)."""
COMMAND_MODULES = tuple(COMMANDS.values())


def command_word(argv: Sequence[str]) -> str | None:
    """The command named on the command line, when it is one of ``COMMANDS``."""
    for word in argv:
        if not word.startswith("-"):
            return word if word in COMMANDS else None
    return None


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser with every command, or only the one ``argv`` names."""
    parser = argparse.ArgumentParser(
        prog="python -m assistant",
        description="Read Hindi with English at your side: translate, gloss and export articles.",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    command = command_word(argv) if argv is not None else None
    for name in (COMMANDS[command],) if command else COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue  # a command group not present in this build
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(argv)
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        return int(args.func(args) or 0)
    except AssistantError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
