"""Command-line interface: ``python -m assistant COMMAND``.

Each command lives in its own module exposing ``register(subparsers)``; the module's
parser sets ``func`` to a callable taking the parsed arguments and returning an exit
code. User-facing errors (``AssistantError``) become one clear line on stderr.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from assistant.errors import AssistantError

COMMAND_MODULES = (
    "assistant.cli.translate_cmd",
    "assistant.cli.models_cmd",
    "assistant.cli.lexicon_cmd",
    "assistant.cli.export_cmd",
    "assistant.cli.evaluate_cmd",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m assistant",
        description="Read Hindi with English at your side: translate, gloss and export articles.",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue  # a command group not present in this build
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
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
