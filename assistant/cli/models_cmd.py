"""``python -m assistant models ...``: list, download, verify, remove and convert models."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from assistant import models
from assistant.errors import InputError


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "models", help="list, download, verify, remove or convert translation models"
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)

    listing = actions.add_parser("list", help="presets and installed model folders")
    listing.set_defaults(func=run_list)

    fetch = actions.add_parser("download", help="download a preset into the models folder (resumable)")
    fetch.add_argument("name", choices=sorted(models.PRESETS), metavar="NAME", help="preset name")
    fetch.set_defaults(func=run_download)

    check = actions.add_parser("verify", help="check a model folder and translate one sentence with it")
    check.add_argument("name", metavar="NAME|PATH")
    check.set_defaults(func=run_verify)

    delete = actions.add_parser("remove", help="delete an installed model folder")
    delete.add_argument("name", metavar="NAME")
    delete.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    delete.set_defaults(func=run_remove)

    convert = actions.add_parser(
        "convert", help="convert a model for the fast CTranslate2 engine (done after download by itself)"
    )
    convert.add_argument("name", metavar="NAME", nargs="?", help="an installed model")
    convert.add_argument("--model", type=Path, metavar="PATH", help="any model folder instead of NAME")
    convert.add_argument(
        "--output", type=Path, metavar="PATH", help="where to write (default: beside it, -ct2)"
    )
    convert.add_argument(
        "--quantization",
        default="int8",
        choices=("int8", "int8_float32", "int16", "float32"),
        help="weight type of the converted model (default int8)",
    )
    convert.add_argument("--force", action="store_true", help="replace an existing NAME-ct2 folder")
    convert.set_defaults(func=run_convert)


def _size(size_bytes: float) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if size_bytes < 1024 or unit == "GB":
            return f"{size_bytes:.0f} {unit}" if unit in ("B", "KB") else f"{size_bytes:.1f} {unit}"
        size_bytes /= 1024
    return f"{size_bytes:.1f} GB"


def run_list(args: argparse.Namespace) -> int:
    installed = {m.name: m for m in models.installed_models()}
    print(f"Models folder: {models.models_dir()}")
    print()
    print(f"{'PRESET':<26} {'SIZE':>8} {'LICENSE':<14} {'BLEU':>5}  STATUS")
    for preset in models.PRESETS.values():
        have = installed.get(preset.name)
        fast_only = installed.get(preset.name + models.CT2_SUFFIX)
        if have is None and fast_only is not None and not fast_only.problem:
            status = "installed (ctranslate2 only)"
        elif have is None:
            status = "not installed"
        elif have.problem:
            status = f"broken: {have.problem}"
        else:
            status = "installed"
            if have.converted is not None:
                status += " (+ctranslate2)"
        bleu = f"{preset.flores_bleu:.1f}" if preset.flores_bleu is not None else "-"
        mark = "*" if preset.name == models.RECOMMENDED else " "
        print(f"{preset.name:<25}{mark} {preset.size_mb:>5} MB {preset.license:<14} {bleu:>5}  {status}")
        if preset.note:
            print(f"{'':<26} {preset.note}")
    print()
    print("* recommended. BLEU: Hindi to English on FLORES-200 devtest, as published (see models/README.md).")
    others = [m for m in installed.values() if m.preset is None]
    if others:
        print()
        print(f"{'OTHER FOLDER':<26} {'SIZE':>8} {'FAMILY':<14} {'ENGINE':<12} STATUS")
        for model in others:
            status = f"broken: {model.problem}" if model.problem else "ok"
            print(
                f"{model.name:<26} {_size(model.size_bytes):>8} {model.family or '-':<14} "
                f"{model.engine or '-':<12} {status}"
            )
    return 0


def run_download(args: argparse.Namespace) -> int:
    from tqdm.auto import tqdm

    preset = models.PRESETS[args.name]
    print(
        f"Downloading {preset.name} ({preset.repo_id}, about {preset.size_mb} MB, {preset.license})",
        file=sys.stderr,
    )
    bars: list[tqdm] = []  # created on the first progress report, so a failure prints no empty bar

    def progress(done: int, total: int) -> None:
        if not bars:
            bars.append(tqdm(total=total, unit="B", unit_scale=True, unit_divisor=1024, file=sys.stderr))
        bar = bars[0]
        if total and bar.total != total:
            bar.total = total
        bar.update(done - bar.n)

    def stage(name: str, message: str) -> None:
        if name != "downloading":  # checking or converting: the byte bar is done
            for bar in bars:
                bar.close()
            print(message, file=sys.stderr)

    try:
        path = models.download(args.name, progress=progress, on_stage=stage)
    finally:
        for bar in bars:
            bar.close()
    print(f"Installed {preset.name} in {path}")
    return 0


def run_verify(args: argparse.Namespace) -> int:
    report = models.verify(args.name)
    print(f"Model folder: {report.path}")
    if report.family:
        print(f"Family: {report.family}   engine: {report.engine}")
    if report.ok:
        print(f"Test sentence: {report.sample_source}")
        print(f"Translation:   {report.sample_output}")
        print(f"OK (loaded and translated in {report.seconds:.1f} s)")
        return 0
    for problem in report.problems:
        print(f"problem: {problem}")
    return 1


def run_remove(args: argparse.Namespace) -> int:
    if not args.yes:
        if not sys.stdin or not sys.stdin.isatty():
            raise InputError(f"Not removing {args.name} without confirmation.", "Add --yes to confirm.")
        answer = input(f"Delete the model folder {models.models_dir() / args.name}? [y/N] ")
        if answer.strip().lower() not in ("y", "yes"):
            print("Nothing removed.")
            return 1
    path = models.remove(args.name)
    print(f"Removed {path}")
    return 0


def run_convert(args: argparse.Namespace) -> int:
    if (args.name is None) == (args.model is None):
        raise InputError(
            "Give either an installed model NAME or --model PATH.", "See `models convert --help`."
        )
    label = args.name or str(args.model)
    print(f"Converting {label} for CTranslate2 ({args.quantization})...", file=sys.stderr)
    path = models.convert(
        args.name, path=args.model, output=args.output, quantization=args.quantization, force=args.force
    )
    print(f"Converted model saved in {path}")
    return 0
