"""Benchmark translation speed with random-weight models of the real architectures.

Builds, in code, random-weight models with the published configurations of
opus-mt-hi-en (Marian 6+6, d 512), opus-mt-tc-bible-big-inc (Marian 6+6, d 1024, the
recommended preset) and nllb-200-distilled-600M (M2M100 12+12, d 1024, 256,206 tokens),
with SentencePiece vocabularies trained on the text shipped in the repository (padded to
the published vocabulary sizes), converts each to CTranslate2 int8, and measures on the
seed article:

- throughput in output tokens per second for transformers fp32 and CTranslate2 int8 as
  1 translator x 2 threads (1x2) and 2 translators x 1 thread (2x1); greedy and beam 4
  (NLLB: greedy only unless ``--all-beams``: its transformers leg takes minutes per
  repetition); one sentence at a time (batch 1) and the whole article, in batches of the
  token budget each engine uses in the product (the fast engine's follows from the memory
  its decoding state takes, see ``assistant.translate.memory``). Every engine is forced
  to produce the same number of tokens per sentence, and weights are loaded before the
  clock starts. Medians of ``--reps`` runs (3 by default); the engines take turns within
  each run so that a busy machine slows them alike.
- cold start through the CLI (``python -m assistant translate``, empty translation
  memory): seconds until the first translated sentence is printed, and peak memory;
  medians of ``--reps`` runs for the fast engine, one run for transformers.
- with ``--page``: the reading page in a real browser with the converted model loaded,
  seconds from submitting a new article to its first translated sentence on screen
  (``scripts/bench_translate_page.py``).

Prints a table and writes JSON. ``--tiny --reps 1`` is the quick form the tests run.

    python scripts/bench_translate.py [--tiny] [--reps 3] [--page] [--json PATH] [--work DIR]
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

SEED = REPO / "seeds" / "statecraft-lukashenko-putin-2021-12-30.hi.txt"
HINDI_TEXT = [REPO / "tests" / "data" / "tiny.hi.txt", SEED]
ENGLISH_TEXT = [REPO / "tests" / "data" / "tiny.en.txt"]
DEVANAGARI = re.compile(r"[\u0900-\u097F]")
MARIAN_TARGETS = (">>deu<<", ">>eng<<", ">>fra<<", ">>por<<", ">>spa<<")

# The published configurations (config.json of each hub repository).
ARCHITECTURES: dict[str, dict[str, Any]] = {
    "opus-mt-hi-en": {
        "family": "marian",
        "targets": (),
        "config": {
            "d_model": 512,
            "encoder_layers": 6,
            "decoder_layers": 6,
            "encoder_attention_heads": 8,
            "decoder_attention_heads": 8,
            "encoder_ffn_dim": 2048,
            "decoder_ffn_dim": 2048,
            "vocab_size": 61950,
            "max_position_embeddings": 512,
            "activation_function": "swish",
        },
    },
    "opus-mt-tc-bible-big-inc": {
        "family": "marian",
        "targets": MARIAN_TARGETS,
        "config": {
            "d_model": 1024,
            "encoder_layers": 6,
            "decoder_layers": 6,
            "encoder_attention_heads": 16,
            "decoder_attention_heads": 16,
            "encoder_ffn_dim": 4096,
            "decoder_ffn_dim": 4096,
            "vocab_size": 61807,
            "max_position_embeddings": 1024,
            "activation_function": "relu",
        },
    },
    "nllb-200-distilled-600M": {
        "family": "m2m_100",
        "targets": (),
        "beams": (1,),
        "config": {
            "d_model": 1024,
            "encoder_layers": 12,
            "decoder_layers": 12,
            "encoder_attention_heads": 16,
            "decoder_attention_heads": 16,
            "encoder_ffn_dim": 4096,
            "decoder_ffn_dim": 4096,
            "vocab_size": 256206,
            "max_position_embeddings": 1024,
            "activation_function": "relu",
        },
    },
}
TINY = {
    "d_model": 32,
    "encoder_layers": 1,
    "decoder_layers": 1,
    "encoder_attention_heads": 2,
    "decoder_attention_heads": 2,
    "encoder_ffn_dim": 64,
    "decoder_ffn_dim": 64,
    "max_position_embeddings": 256,
}


# --- building the models (not timed) ---------------------------------------------------------


def _lines(paths: list[Path]) -> list[str]:
    lines: list[str] = []
    for path in paths:
        lines += [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return lines


def _train_spm(lines: list[str], size: int, model_type: str, **ids: int) -> bytes:
    import io

    import sentencepiece as spm

    buffer = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(lines),
        model_writer=buffer,
        vocab_size=size,
        hard_vocab_limit=False,
        model_type=model_type,
        character_coverage=1.0,
        minloglevel=2,
        num_threads=1,
        **ids,
    )
    return buffer.getvalue()


def _pieces(model: bytes) -> list[str]:
    import sentencepiece as spm

    processor = spm.SentencePieceProcessor(model_proto=model)
    return [processor.id_to_piece(i) for i in range(processor.get_piece_size())]


def build_marian(out: Path, config: dict[str, Any], targets: tuple[str, ...], tiny: bool) -> Path:
    import torch
    from transformers import MarianConfig, MarianMTModel, MarianTokenizer

    out.mkdir(parents=True, exist_ok=True)
    size = 400 if tiny else 8000
    source = _train_spm(_lines(HINDI_TEXT), size, "unigram")
    target = _train_spm(_lines(ENGLISH_TEXT), size, "unigram")
    (out / "source.spm").write_bytes(source)
    (out / "target.spm").write_bytes(target)
    vocab: dict[str, int] = {code: i for i, code in enumerate(targets)}
    for token in ("</s>", "<unk>"):
        vocab[token] = len(vocab)
    for piece in _pieces(source) + _pieces(target):
        if piece not in vocab and piece not in ("<s>", "<pad>"):
            vocab[piece] = len(vocab)
    # Pad to the published vocabulary size: the output layer costs what the real one does.
    wanted = len(vocab) + 1 if tiny else config["vocab_size"]
    while len(vocab) < wanted - 1:
        vocab[f"<unused{len(vocab)}>"] = len(vocab)
    pad = len(vocab)
    vocab["<pad>"] = pad
    (out / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
    MarianTokenizer(
        source_spm=str(out / "source.spm"),
        target_spm=str(out / "target.spm"),
        vocab=str(out / "vocab.json"),
        model_max_length=config["max_position_embeddings"],
    ).save_pretrained(out)
    settings = dict(config)
    settings.update(
        vocab_size=len(vocab),
        pad_token_id=pad,
        decoder_start_token_id=pad,
        eos_token_id=vocab["</s>"],
        scale_embedding=True,
        share_encoder_decoder_embeddings=True,
        static_position_embeddings=True,
    )
    torch.manual_seed(0)
    MarianMTModel(MarianConfig(**settings)).eval().save_pretrained(out)
    return out


def build_nllb(out: Path, config: dict[str, Any], tiny: bool) -> Path:
    import torch
    from transformers import M2M100Config, M2M100ForConditionalGeneration, NllbTokenizer
    from transformers.models.nllb.tokenization_nllb import FAIRSEQ_LANGUAGE_CODES

    out.mkdir(parents=True, exist_ok=True)
    model = _train_spm(
        _lines(HINDI_TEXT) + _lines(ENGLISH_TEXT),
        700 if tiny else 8000,
        "bpe",
        bos_id=0,
        pad_id=1,
        eos_id=2,
        unk_id=3,
    )
    (out / "sentencepiece.bpe.model").write_bytes(model)
    tokenizer = NllbTokenizer.from_pretrained(
        str(out),
        src_lang="hin_Deva",
        tgt_lang="eng_Latn",
        extra_special_tokens=list(FAIRSEQ_LANGUAGE_CODES),
        model_max_length=config["max_position_embeddings"],
    )
    if not tiny:
        tokenizer.add_tokens([f"<unused{i}>" for i in range(config["vocab_size"] - len(tokenizer))])
    tokenizer.save_pretrained(out)
    settings = dict(config)
    settings.update(
        vocab_size=len(tokenizer),
        pad_token_id=tokenizer.pad_token_id,
        bos_token_id=tokenizer.bos_token_id,
        eos_token_id=tokenizer.eos_token_id,
        decoder_start_token_id=tokenizer.eos_token_id,
        scale_embedding=True,
    )
    torch.manual_seed(0)
    M2M100ForConditionalGeneration(M2M100Config(**settings)).eval().save_pretrained(out)
    return out


def build(name: str, work: Path, tiny: bool) -> tuple[Path, Path]:
    """(transformers folder, CTranslate2 int8 folder) for architecture ``name``, built once."""
    from assistant.translate.convert import convert_folder

    arch = ARCHITECTURES[name]
    config = {**arch["config"], **TINY} if tiny else dict(arch["config"])
    folder = work / name
    if not (folder / "config.json").is_file():
        if arch["family"] == "marian":
            build_marian(folder, config, arch["targets"], tiny)
        else:
            build_nllb(folder, config, tiny)
        gc.collect()
    converted = work / f"{name}-ct2"
    if not (converted / "model.bin").is_file():
        convert_folder(folder, converted, force=True)
        gc.collect()
    return folder, converted


# --- throughput -----------------------------------------------------------------------------


def hindi_sentences(text: str) -> list[str]:
    """The article's Hindi sentences, from the project's segmenter."""
    from assistant.segment import segment_article

    article = segment_article(text)
    return [s.text for s in article.sentences() if s.lang == "hi" and s.text.strip()]


def batches(
    sentences: list[str], count: Callable[[str], int], budget: int = 1024, most: int = 16
) -> list[list[str]]:
    """Length-sorted batches within a padded-token budget (what the translator does)."""
    ordered = sorted(sentences, key=count)
    out: list[list[str]] = []
    batch: list[str] = []
    longest = 0
    for sentence in ordered:
        length = count(sentence)
        wider = max(longest, length)
        if batch and (len(batch) >= most or wider * (len(batch) + 1) > budget):
            out.append(batch)
            batch, wider = [], length
        batch.append(sentence)
        longest = wider
    if batch:
        out.append(batch)
    return out


class TransformersRunner:
    label = "transformers fp32"

    def __init__(self, folder: Path, family: str, threads: int) -> None:
        import torch
        from transformers import AutoModelForSeq2SeqLM, AutoTokenizer

        torch.set_num_threads(threads)
        self.tokenizer = AutoTokenizer.from_pretrained(str(folder))
        self.model = AutoModelForSeq2SeqLM.from_pretrained(str(folder)).eval()
        self.model.generation_config.max_length = None
        self.forced = None
        self.prefix = ""
        if family == "m2m_100":
            self.tokenizer.src_lang = "hin_Deva"
            self.forced = self.tokenizer.convert_tokens_to_ids("eng_Latn")
        elif ">>eng<<" in self.tokenizer.get_vocab():
            self.prefix = ">>eng<< "

    def count(self, text: str) -> int:
        return len(self.tokenizer(self.prefix + text)["input_ids"])

    def budget(self, beam: int) -> int:
        """Padded input tokens per batch, as the transformers backend batches."""
        from assistant.translate import Batching

        return Batching().max_batch_tokens

    def run(self, groups: list[list[str]], length: int, beam: int) -> int:
        import torch

        produced = 0
        for group in groups:
            encoded = self.tokenizer([self.prefix + s for s in group], return_tensors="pt", padding=True)
            options: dict[str, Any] = {
                "num_beams": beam,
                "do_sample": False,
                "min_new_tokens": length,
                "max_new_tokens": length,
            }
            if self.forced is not None:
                options["forced_bos_token_id"] = self.forced
            with torch.inference_mode():
                output = self.model.generate(**encoded, **options)
            produced += (output.shape[1] - 1) * output.shape[0]  # the start token is not produced
        return produced

    def close(self) -> None:
        self.model = None
        gc.collect()


class CT2Runner:
    def __init__(self, folder: Path, family: str, inter: int, intra: int) -> None:
        import ctranslate2

        from assistant.translate.pieces import load_codec

        self.label = f"ctranslate2 int8 {inter}x{intra}"
        self.inter = inter
        self.folder = folder
        self.codec = load_codec(folder, family)
        self.model = ctranslate2.Translator(
            str(folder), device="cpu", compute_type="int8", inter_threads=inter, intra_threads=intra
        )
        self.pool = ThreadPoolExecutor(max_workers=inter)

    def count(self, text: str) -> int:
        return self.codec.count(text)

    def budget(self, beam: int) -> int:
        """Padded input tokens per batch, as the fast engine batches with this layout."""
        try:
            from assistant.translate.ctranslate2_backend import batch_tokens
        except ImportError:  # a version from before memory-sized batches: tokens alone
            from assistant.translate import Batching

            return Batching().max_batch_tokens
        return batch_tokens(self.folder, self.inter, beam)

    def _batch(self, group: list[str], length: int, beam: int) -> int:
        tokens = [list(self.codec.encode(s).tokens) for s in group]
        prefix = list(self.codec.target_prefix)
        results = self.model.translate_batch(
            tokens,
            target_prefix=[prefix for _ in tokens] if prefix else None,
            beam_size=beam,
            min_decoding_length=length,
            max_decoding_length=length,
            max_input_length=0,
        )
        for result in results:
            self.codec.decode(result.hypotheses[0])  # part of the work: the text the reader gets
        return sum(len(r.hypotheses[0]) for r in results)

    def run(self, groups: list[list[str]], length: int, beam: int) -> int:
        if self.inter == 1:
            return sum(self._batch(g, length, beam) for g in groups)
        return sum(self.pool.map(lambda g: self._batch(g, length, beam), groups))

    def close(self) -> None:
        self.pool.shutdown()
        self.model = None
        gc.collect()


def load_runners(folder: Path, converted: Path, family: str, cores: int) -> list[Any]:
    """The three engines, all loaded before any clock starts."""
    return [
        TransformersRunner(folder, family, cores),
        CT2Runner(converted, family, 1, cores),
        CT2Runner(converted, family, cores, 1),
    ]


@dataclass
class Row:
    model: str
    engine: str
    decoding: str
    workload: str
    sentences: int
    tokens: int
    seconds: float
    tokens_per_s: float


def measure(
    engines: list[Any],
    name: str,
    sentences: list[str],
    length: int,
    reps: int,
    single: int,
    beams: tuple[int, ...] = (1, 4),
) -> list[Row]:
    """Median times per engine, decoding and workload. The engines take turns inside each
    repetition, so a machine whose load changes over minutes slows all of them alike."""
    rows: list[Row] = []
    ones = [[s] for s in sentences[:single]]
    for beam in beams:
        for workload in ("batch 1", "article"):
            plans = [
                ones if workload == "batch 1" else batches(sentences, e.count, budget=e.budget(beam))
                for e in engines
            ]
            for engine, groups in zip(engines, plans, strict=True):
                engine.run(groups[:1], length, beam)  # warm-up: first-call allocations are not the speed
            times: list[list[float]] = [[] for _ in engines]
            produced = [0 for _ in engines]
            for _ in range(reps):
                for k, (engine, groups) in enumerate(zip(engines, plans, strict=True)):
                    start = time.perf_counter()
                    produced[k] = engine.run(groups, length, beam)
                    times[k].append(time.perf_counter() - start)
            for k, engine in enumerate(engines):
                seconds = statistics.median(times[k])
                print(
                    f"    {engine.label}, {workload}, beam {beam}: {produced[k]} tokens in {seconds:.2f} s",
                    file=sys.stderr,
                )
                rows.append(
                    Row(
                        model=name,
                        engine=engine.label,
                        decoding="greedy" if beam == 1 else f"beam {beam}",
                        workload=workload,
                        sentences=sum(len(g) for g in plans[k]),
                        tokens=produced[k],
                        seconds=round(seconds, 4),
                        tokens_per_s=round(produced[k] / seconds, 1) if seconds else 0.0,
                    )
                )
    return rows


# --- cold start through the CLI -------------------------------------------------------------

WRAPPER = r"""
import json, resource, subprocess, sys, time
start = time.perf_counter()
proc = subprocess.Popen(sys.argv[1:], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
first = None
lines = 0
for raw in proc.stdout:
    if raw.strip():
        lines += 1
        if lines == 2 and first is None:  # the Hindi line, then its English: the first sentence
            first = time.perf_counter() - start
err = proc.stderr.read()
code = proc.wait()
total = time.perf_counter() - start
peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"code": code, "first": first, "total": total, "peak_kib": peak_kib,
                  "stderr": err.decode("utf-8", "replace")[-2000:]}))
"""


@dataclass
class Cold:
    model: str
    engine: str
    first_sentence_s: float | None
    total_s: float
    peak_mib: float
    runs: int = 1
    first_sentence_runs: tuple[float | None, ...] = ()
    peak_mib_runs: tuple[float, ...] = ()


def cold_starts(name: str, folder: Path, engine: str, home: Path, reps: int) -> Cold:
    """Medians of ``reps`` cold starts (each with an empty translation memory)."""
    runs = [cold_start(name, folder, engine, home) for _ in range(max(1, reps))]
    firsts = [r.first_sentence_s for r in runs if r.first_sentence_s is not None]
    return Cold(
        model=name,
        engine=runs[0].engine,
        first_sentence_s=round(statistics.median(firsts), 3) if firsts else None,
        total_s=round(statistics.median(r.total_s for r in runs), 3),
        peak_mib=round(statistics.median(r.peak_mib for r in runs), 1),
        runs=len(runs),
        first_sentence_runs=tuple(r.first_sentence_s for r in runs),
        peak_mib_runs=tuple(r.peak_mib for r in runs),
    )


def cold_start(name: str, folder: Path, engine: str, home: Path) -> Cold:
    env = dict(os.environ)
    env.update(
        ASSISTANT_HOME=str(home),
        ASSISTANT_CACHE=str(home / f"cold-{time.time_ns()}.sqlite"),  # an empty translation memory
        ASSISTANT_MODELS_DIR=str(home / "models"),
        HF_HUB_OFFLINE="1",
        TRANSFORMERS_OFFLINE="1",
        PYTHONPATH=str(REPO),
    )
    command = [sys.executable, "-m", "assistant", "translate", str(SEED), "--model", str(folder)]
    command += ["--engine", engine, "--quiet"]
    done = subprocess.run(
        [sys.executable, "-c", WRAPPER, *command],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    report = json.loads(done.stdout.strip().splitlines()[-1])
    if report["code"] != 0:
        raise RuntimeError(f"the CLI failed for {name}: {report['stderr']}")
    return Cold(
        model=name,
        engine="ctranslate2 int8" if engine == "ctranslate2" else "transformers fp32",
        first_sentence_s=round(report["first"], 3) if report["first"] is not None else None,
        total_s=round(report["total"], 3),
        peak_mib=round(report["peak_kib"] / 1024, 1),
    )


# --- report ---------------------------------------------------------------------------------


def table(rows: list[Row], colds: list[Cold], pages: Sequence[dict[str, Any]] = ()) -> str:
    header = f"{'model':<26} {'engine':<22} {'decoding':<8} {'workload':<8} {'tokens':>7} {'s':>8}"
    lines = [header + f" {'tok/s':>8} {'x hf':>6}"]
    base = {
        (r.model, r.decoding, r.workload): r.tokens_per_s for r in rows if r.engine.startswith("transformers")
    }
    for r in rows:
        ratio = (
            r.tokens_per_s / base[(r.model, r.decoding, r.workload)]
            if base.get((r.model, r.decoding, r.workload))
            else 0
        )
        lines.append(
            f"{r.model:<26} {r.engine:<22} {r.decoding:<8} {r.workload:<8} {r.tokens:>7} "
            f"{r.seconds:>8.3f} {r.tokens_per_s:>8.1f} {ratio:>6.2f}"
        )
    lines += [
        "",
        f"{'cold start (CLI)':<26} {'engine':<22} {'first sentence s':>16} {'total s':>8} {'peak MiB':>9}"
        f" {'runs':>4}",
    ]
    for c in colds:
        first = f"{c.first_sentence_s:.2f}" if c.first_sentence_s is not None else "-"
        lines.append(
            f"{c.model:<26} {c.engine:<22} {first:>16} {c.total_s:>8.2f} {c.peak_mib:>9.1f} {c.runs:>4}"
        )
    if pages:
        lines += ["", f"{'page (browser)':<26} {'engine':<22} {'first sentence s':>16} {'runs':>4}"]
    for p in pages:
        lines.append(f"{p['model']:<26} {p['engine']:<22} {p['first_sentence_s']:>16.2f} {p['runs']:>4}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--tiny", action="store_true", help="tiny models: checks the benchmark runs, not speed"
    )
    parser.add_argument("--reps", type=int, default=3, help="repetitions per measurement (median reported)")
    parser.add_argument("--models", default=",".join(ARCHITECTURES), help="comma-separated architectures")
    parser.add_argument("--length", type=int, default=None, help="output tokens per sentence (default 32)")
    parser.add_argument("--single", type=int, default=None, help="sentences in the batch-1 run (default 4)")
    parser.add_argument("--no-cold", action="store_true", help="skip the CLI cold-start runs")
    parser.add_argument("--no-throughput", action="store_true", help="only the CLI cold-start runs")
    parser.add_argument("--all-beams", action="store_true", help="beam 4 for NLLB too (slow)")
    parser.add_argument(
        "--page", action="store_true", help="also time the first sentence on the reading page (browser)"
    )
    parser.add_argument("--json", type=Path, default=REPO / "artifacts" / "bench_translate.json")
    parser.add_argument(
        "--work", type=Path, default=None, help="keep the built models here (reused next time)"
    )
    args = parser.parse_args(argv)

    from assistant.config import usable_cores

    names = [n.strip() for n in args.models.split(",") if n.strip()]
    unknown = [n for n in names if n not in ARCHITECTURES]
    if unknown:
        parser.error(f"unknown architecture {unknown}; choose from {', '.join(ARCHITECTURES)}")
    cores = usable_cores()
    length = args.length or (6 if args.tiny else 32)
    single = args.single or (2 if args.tiny else 4)
    sentences = hindi_sentences(SEED.read_text(encoding="utf-8"))
    rows: list[Row] = []
    colds: list[Cold] = []
    pages: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as tmp:
        work = args.work or Path(tmp) / "models"
        work.mkdir(parents=True, exist_ok=True)
        print(
            f"{len(sentences)} Hindi sentences from {SEED.name}; {length} output tokens each; {cores} cores; "
            f"median of {args.reps}",
            file=sys.stderr,
        )
        for name in names:
            print(f"building {name}{' (tiny)' if args.tiny else ''}…", file=sys.stderr)
            folder, converted = build(name, work, args.tiny)
            family = ARCHITECTURES[name]["family"]
            if not args.no_throughput:
                engines = load_runners(folder, converted, family, cores)
                beams = (1, 4) if args.all_beams or args.tiny else ARCHITECTURES[name].get("beams", (1, 4))
                rows += measure(engines, name, sentences, length, max(1, args.reps), single, beams)
                for engine in engines:
                    engine.close()
            if not args.no_cold:
                home = Path(tmp) / "home"
                home.mkdir(exist_ok=True)
                # The reduced form checks the measurement, so the slow transformers start is left out.
                engines = ("ctranslate2",) if args.tiny else ("ctranslate2", "transformers")
                for engine in engines:
                    target = converted if engine == "ctranslate2" else folder
                    reps = max(1, args.reps) if engine == "ctranslate2" else 1
                    colds.append(cold_starts(name, target, engine, home, reps))
            if args.page:
                from bench_translate_page import first_sentence_on_page

                pages.append(first_sentence_on_page(name, converted, max(1, args.reps)))
    print(table(rows, colds, pages))
    args.json.parent.mkdir(parents=True, exist_ok=True)
    payload = {
        "cores": cores,
        "reps": args.reps,
        "output_tokens_per_sentence": length,
        "sentences": len(sentences),
        "tiny": args.tiny,
        "throughput": [asdict(r) for r in rows],
        "cold_start": [asdict(c) for c in colds],
        "page": pages,
    }
    args.json.write_text(json.dumps(payload, indent=2), encoding="utf-8")
    print(f"\nJSON: {args.json}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
