"""Tiny random-weight translation models, built locally for tests, the app and benchmarks.

The Hugging Face hub is not needed: two small SentencePiece vocabularies are trained on
the parallel text in ``tests/data`` and attached to freshly initialised models with a
fixed seed, laid out exactly like the real downloads (``opus-mt-hi-en`` for Marian, the
multi-target ``opus-mt-tc-bible-big-inc-deu_eng_fra_por_spa`` for Marian with a target
token, ``nllb-200-distilled-600M`` for NLLB). Their output is gibberish but deterministic, which
is all the plumbing needs. Each folder is well under 1 MB and builds in about a second.

Run as a script to build both into a folder::

    python tests/tiny_models.py OUT_DIR   # -> OUT_DIR/tiny-marian, tiny-marian-multi, tiny-nllb
"""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
HINDI_TEXT = DATA / "tiny.hi.txt"
ENGLISH_TEXT = DATA / "tiny.en.txt"

# Small position limit so that sentence splitting can be exercised with short inputs.
MAX_POSITIONS = 64
SEED = 1234


def _lines(path: Path) -> list[str]:
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _train_spm(lines: list[str], vocab_size: int, model_type: str, **ids: int) -> bytes:
    import sentencepiece as spm

    buffer = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(lines),
        model_writer=buffer,
        vocab_size=vocab_size,
        model_type=model_type,
        character_coverage=1.0,
        minloglevel=2,
        num_threads=1,
        **ids,
    )
    return buffer.getvalue()


def _spm_pieces(model: bytes) -> list[str]:
    import sentencepiece as spm

    processor = spm.SentencePieceProcessor(model_proto=model)
    return [processor.id_to_piece(i) for i in range(processor.get_piece_size())]


def _tiny_dims() -> dict[str, int]:
    return {
        "d_model": 32,
        "encoder_layers": 1,
        "decoder_layers": 1,
        "encoder_attention_heads": 2,
        "decoder_attention_heads": 2,
        "encoder_ffn_dim": 64,
        "decoder_ffn_dim": 64,
        "max_position_embeddings": MAX_POSITIONS,
    }


TARGET_LANGUAGES = (">>deu<<", ">>eng<<", ">>fra<<", ">>por<<", ">>spa<<")
"""The target tokens of opus-mt-tc-bible-big-inc-deu_eng_fra_por_spa."""


def build_tiny_marian(out: Path, *, target_languages: tuple[str, ...] = ()) -> Path:
    """Build an opus-mt-style Marian model folder at ``out`` and return it.

    With ``target_languages`` it is shaped like the multi-target opus-mt-tc-bible models:
    the ``>>xxx<<`` target tokens come first in the joint vocabulary, so ``</s>`` is not
    id 0, and a sentence must start with ``>>eng<<`` to get English.
    """
    import torch
    from transformers import GenerationConfig, MarianConfig, MarianMTModel, MarianTokenizer

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    source = _train_spm(_lines(HINDI_TEXT), 400, "unigram")
    target = _train_spm(_lines(ENGLISH_TEXT), 400, "unigram")
    (out / "source.spm").write_bytes(source)
    (out / "target.spm").write_bytes(target)

    # opus-mt layout: one joint vocabulary, </s> and <unk> before the pieces, <pad> last.
    vocab: dict[str, int] = {code: i for i, code in enumerate(target_languages)}
    vocab["</s>"] = len(vocab)
    vocab["<unk>"] = len(vocab)
    for piece in _spm_pieces(source) + _spm_pieces(target):
        if piece not in vocab and piece not in ("<s>", "<pad>"):
            vocab[piece] = len(vocab)
    pad_id = len(vocab)
    vocab["<pad>"] = pad_id
    eos_id = vocab["</s>"]
    (out / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")

    tokenizer = MarianTokenizer(
        source_spm=str(out / "source.spm"),
        target_spm=str(out / "target.spm"),
        vocab=str(out / "vocab.json"),
        source_lang="hi",
        target_lang="en",
        model_max_length=MAX_POSITIONS,
    )
    config = MarianConfig(
        vocab_size=len(vocab),
        pad_token_id=pad_id,
        decoder_start_token_id=pad_id,
        eos_token_id=eos_id,
        forced_eos_token_id=eos_id,
        scale_embedding=True,
        share_encoder_decoder_embeddings=True,
        **_tiny_dims(),
    )
    torch.manual_seed(SEED)
    model = MarianMTModel(config).eval()
    model.generation_config = GenerationConfig(
        bad_words_ids=[[pad_id]],
        decoder_start_token_id=pad_id,
        eos_token_id=eos_id,
        forced_eos_token_id=eos_id,
        pad_token_id=pad_id,
        max_length=MAX_POSITIONS,
        num_beams=1,
    )
    model.save_pretrained(out)
    tokenizer.save_pretrained(out)
    return out


def build_tiny_marian_multi(out: Path) -> Path:
    """A tiny model shaped like the recommended preset (multi-target Marian, ``>>eng<<``)."""
    return build_tiny_marian(out, target_languages=TARGET_LANGUAGES)


def build_tiny_m2m(out: Path) -> Path:
    """Build an NLLB-style (``m2m_100`` architecture) model folder at ``out`` and return it.

    The tokenizer is an ``NllbTokenizer`` converted from a SentencePiece BPE model trained
    on Hindi and English together, with the usual FLORES-200 language tokens added, so the
    folder is driven with ``src_lang="hin_Deva"`` and a forced ``eng_Latn`` first token.
    """
    import torch
    from transformers import GenerationConfig, M2M100Config, M2M100ForConditionalGeneration, NllbTokenizer
    from transformers.models.nllb.tokenization_nllb import FAIRSEQ_LANGUAGE_CODES

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    spm_dir = out / "_spm"
    spm_dir.mkdir(exist_ok=True)
    model = _train_spm(
        _lines(HINDI_TEXT) + _lines(ENGLISH_TEXT), 700, "bpe", bos_id=0, pad_id=1, eos_id=2, unk_id=3
    )
    (spm_dir / "sentencepiece.bpe.model").write_bytes(model)
    tokenizer = NllbTokenizer.from_pretrained(
        str(spm_dir),
        src_lang="hin_Deva",
        tgt_lang="eng_Latn",
        extra_special_tokens=list(FAIRSEQ_LANGUAGE_CODES),
        model_max_length=MAX_POSITIONS,
    )
    (spm_dir / "sentencepiece.bpe.model").unlink()
    spm_dir.rmdir()
    (out / "sentencepiece.bpe.model").write_bytes(model)  # the hub folder holds both files

    config = M2M100Config(
        vocab_size=len(tokenizer),
        pad_token_id=tokenizer.pad_token_id,
        bos_token_id=tokenizer.bos_token_id,
        eos_token_id=tokenizer.eos_token_id,
        decoder_start_token_id=tokenizer.eos_token_id,
        scale_embedding=True,
        **_tiny_dims(),
    )
    torch.manual_seed(SEED)
    net = M2M100ForConditionalGeneration(config).eval()
    net.generation_config = GenerationConfig(
        bos_token_id=tokenizer.bos_token_id,
        decoder_start_token_id=tokenizer.eos_token_id,
        eos_token_id=tokenizer.eos_token_id,
        pad_token_id=tokenizer.pad_token_id,
        max_length=MAX_POSITIONS,
        num_beams=1,
    )
    net.save_pretrained(out)
    tokenizer.save_pretrained(out)
    return out


def build_tiny_m2m100(out: Path) -> Path:
    """Build an M2M100-style folder (``__hi__``/``__en__`` language tokens) at ``out``."""
    import torch
    from transformers import GenerationConfig, M2M100Config, M2M100ForConditionalGeneration, M2M100Tokenizer

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    model = _train_spm(
        _lines(HINDI_TEXT) + _lines(ENGLISH_TEXT), 700, "bpe", bos_id=0, pad_id=1, eos_id=2, unk_id=3
    )
    (out / "sentencepiece.bpe.model").write_bytes(model)
    vocab = {piece: i for i, piece in enumerate(_spm_pieces(model))}
    (out / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
    tokenizer = M2M100Tokenizer(
        vocab_file=str(out / "vocab.json"),
        spm_file=str(out / "sentencepiece.bpe.model"),
        src_lang="hi",
        tgt_lang="en",
        model_max_length=MAX_POSITIONS,
    )
    # As in the real M2M100: language ids follow the pieces, then a few unused ids.
    vocab_size = max(tokenizer.lang_token_to_id.values()) + 1 + tokenizer.num_madeup_words
    config = M2M100Config(
        vocab_size=vocab_size,
        pad_token_id=tokenizer.pad_token_id,
        bos_token_id=tokenizer.bos_token_id,
        eos_token_id=tokenizer.eos_token_id,
        decoder_start_token_id=tokenizer.eos_token_id,
        **_tiny_dims(),
    )
    torch.manual_seed(SEED)
    net = M2M100ForConditionalGeneration(config).eval()
    net.generation_config = GenerationConfig(
        decoder_start_token_id=tokenizer.eos_token_id,
        eos_token_id=tokenizer.eos_token_id,
        pad_token_id=tokenizer.pad_token_id,
        num_beams=1,
    )
    net.save_pretrained(out)
    tokenizer.save_pretrained(out)
    return out


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python tests/tiny_models.py OUT_DIR", file=sys.stderr)
        return 2
    root = Path(argv[0])
    built = (
        build_tiny_marian(root / "tiny-marian"),
        build_tiny_marian_multi(root / "tiny-marian-multi"),
        build_tiny_m2m(root / "tiny-nllb"),
    )
    for path in built:
        size = sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
        print(f"{path}  {size / 1024:.0f} KiB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
