"""Text ↔ subword pieces for the fast engine, without torch or transformers.

CTranslate2 works on token strings. This module turns a Hindi sentence into the exact
token sequence the Hugging Face tokenizer would give the model, and the model's output
tokens back into text, reading the model folder's own tokenizer files:

- Marian (opus-mt-*): the source SentencePiece model, the joint ``vocab.json`` (pieces
  outside it become ``<unk>``) and ``</s>`` appended. A model trained for several target
  languages (its vocabulary holds ``>>xxx<<`` tokens) gets the ``>>eng<<`` token first.
  Output pieces are joined by the source SentencePiece model, as transformers does when
  the vocabulary is shared.
- NLLB-200: ``sentencepiece.bpe.model`` (quick to load), else ``tokenizer.json`` through
  the ``tokenizers`` package (the same engine as the transformers fast tokenizer); the
  source is ``hin_Deva`` + pieces + ``</s>`` and decoding starts with ``eng_Latn``.
- M2M100: SentencePiece plus ``vocab.json``; ``__hi__`` + pieces + ``</s>``, target ``__en__``.

The equivalence with transformers is checked token for token in the tests.
"""

from __future__ import annotations

import json
import re
import threading
from array import array
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assistant.errors import ModelInvalidError

MARIAN_TARGET_TOKEN = ">>eng<<"
_LANGUAGE_TOKEN = re.compile(r"^>>[^<>\s]+<<$")
NLLB_LANGUAGES = ("hin_Deva", "eng_Latn")
M2M100_LANGUAGES = ("__hi__", "__en__")


@dataclass(frozen=True)
class Encoded:
    """One source sentence as the model sees it."""

    tokens: tuple[str, ...]
    """Every input token, special tokens included."""
    content: tuple[int, ...]
    """Positions in ``tokens`` of the real text pieces (no language tag, no ``</s>``)."""
    pieces: tuple[str, ...] = ()
    """The text pieces at those positions as the tokenizer cut them (a piece the
    vocabulary lacks keeps its letters here while the model sees ``<unk>``)."""


class PieceCodec:
    """Encode Hindi for a model and decode its English output (thread-safe)."""

    family: str = ""
    target_prefix: tuple[str, ...] = ()
    """Tokens the decoder is forced to start with (a target-language token), maybe none."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.special: frozenset[str] = frozenset()
        """Tokens decoding drops (as the transformers tokenizer does)."""
        self.markers: frozenset[str] = frozenset()
        """Language tokens: kept in decoded text like transformers does, but never text pieces."""

    def encode(self, text: str) -> Encoded:
        with self._lock:
            return self._encode(text)

    def count(self, text: str) -> int:
        return len(self.encode(text).tokens)

    def decode(self, tokens: list[str] | tuple[str, ...]) -> str:
        """Text of output tokens; special and target-language tokens are dropped."""
        with self._lock:
            return self._decode([t for t in tokens if t not in self.special])

    def content(self, tokens: list[str] | tuple[str, ...]) -> list[int]:
        """Positions of real text pieces among output tokens."""
        return [
            i for i, token in enumerate(tokens) if token not in self.special and token not in self.markers
        ]

    def _encode(self, text: str) -> Encoded:
        raise NotImplementedError

    def _decode(self, tokens: list[str]) -> str:
        raise NotImplementedError


def _spm(path: Path) -> Any:
    import sentencepiece

    processor = sentencepiece.SentencePieceProcessor()
    try:
        processor.Load(str(path))
    except (OSError, RuntimeError) as err:
        raise ModelInvalidError(
            f"{path} is not a SentencePiece model ({err}).", "Download the model again."
        ) from err
    return processor


def _json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        raise ModelInvalidError(f"{path} could not be read ({err}).", "Download the model again.") from err


def _tokenizer_config(folder: Path) -> dict:
    path = folder / "tokenizer_config.json"
    data = _json(path) if path.is_file() else {}
    return data if isinstance(data, dict) else {}


def clean_up_spaces(text: str) -> str:
    """transformers' ``clean_up_tokenization``: no space before common punctuation."""
    for before, after in (
        (" .", "."),
        (" ?", "?"),
        (" !", "!"),
        (" ,", ","),
        (" ' ", "'"),
        (" n't", "n't"),
        (" 'm", "'m"),
        (" 's", "'s"),
        (" 've", "'ve"),
        (" 're", "'re"),
    ):
        text = text.replace(before, after)
    return text


class TokenSet:
    """Membership in a model vocabulary, compactly: the tokens sorted and joined into one
    string, found by bisection. A dict of opus-mt's 62,000 tokens takes about 9 MB; this
    takes about 1 MB, and a lookup costs microseconds."""

    def __init__(self, tokens: Iterable[str]) -> None:
        ordered = sorted({str(token) for token in tokens})
        self._text = "".join(ordered)
        self._starts = array("L", [0])
        for token in ordered:
            self._starts.append(self._starts[-1] + len(token))
        self._size = len(ordered)

    def _token(self, index: int) -> str:
        return self._text[self._starts[index] : self._starts[index + 1]]

    def __contains__(self, token: object) -> bool:
        if not isinstance(token, str):
            return False
        index = bisect_left(range(self._size), token, key=self._token)
        return index < self._size and self._token(index) == token

    def __len__(self) -> int:
        return self._size


class _VocabCodec(PieceCodec):
    """SentencePiece pieces looked up in a ``vocab.json`` (Marian and M2M100)."""

    def __init__(
        self,
        folder: Path,
        source_spm: Path,
        prefix: tuple[str, ...],
        target: tuple[str, ...],
        special: tuple[str, ...] = (),
    ) -> None:
        super().__init__()
        self.source = _spm(source_spm)
        vocab = _json(folder / "vocab.json")
        if not isinstance(vocab, dict):
            raise ModelInvalidError(
                f"{folder / 'vocab.json'} is not a JSON object.", "Download the model again."
            )
        self.vocab = TokenSet(vocab)
        config = _tokenizer_config(folder)
        self.unk = str(config.get("unk_token") or "<unk>")
        self.eos = str(config.get("eos_token") or "</s>")
        self.pad = str(config.get("pad_token") or "<pad>")
        self.clean_up = bool(config.get("clean_up_tokenization_spaces", False))
        self.prefix = prefix
        self.target_prefix = target
        self.special = frozenset({self.unk, self.eos, self.pad, *special})
        self.markers = frozenset({*prefix, *target})

    def _encode(self, text: str) -> Encoded:
        pieces = tuple(self.source.encode(text, out_type=str))
        tokens = (*self.prefix, *(p if p in self.vocab else self.unk for p in pieces), self.eos)
        start = len(self.prefix)
        return Encoded(tokens=tokens, content=tuple(range(start, start + len(pieces))), pieces=pieces)

    def _decode(self, tokens: list[str]) -> str:
        text = self.source.decode_pieces(tokens).replace("\u2581", " ").strip()
        return clean_up_spaces(text) if self.clean_up else text


class _TokenizerJsonCodec(PieceCodec):
    """NLLB through its ``tokenizer.json`` (the transformers fast tokenizer's engine)."""

    def __init__(self, folder: Path) -> None:
        super().__init__()
        from tokenizers import Tokenizer

        try:
            self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        except Exception as err:
            raise ModelInvalidError(
                f"{folder / 'tokenizer.json'} could not be loaded ({err}).", "Download the model again."
            ) from err
        config = _tokenizer_config(folder)
        self.eos = str(config.get("eos_token") or "</s>")
        self.clean_up = bool(config.get("clean_up_tokenization_spaces", False))
        source, target = NLLB_LANGUAGES
        for token in (source, target, self.eos):
            if self.tokenizer.token_to_id(token) is None:
                raise ModelInvalidError(
                    f"The tokenizer in {folder} does not know the token {token}.",
                    "This model cannot translate Hindi to English; choose another model.",
                )
        self.prefix = (source,)
        self.target_prefix = (target,)
        added = [t.content for t in self.tokenizer.get_added_tokens_decoder().values() if t.special]
        self.special = frozenset({*added, source, target, self.eos})

    def _encode(self, text: str) -> Encoded:
        pieces = tuple(self.tokenizer.encode(text, add_special_tokens=False).tokens)
        tokens = (*self.prefix, *pieces, self.eos)
        return Encoded(tokens=tokens, content=tuple(range(1, 1 + len(pieces))), pieces=pieces)

    def _decode(self, tokens: list[str]) -> str:
        unk = self.tokenizer.token_to_id("<unk>") or 0
        ids = [self.tokenizer.token_to_id(t) for t in tokens]
        text = self.tokenizer.decode([unk if i is None else i for i in ids], skip_special_tokens=True)
        return clean_up_spaces(text) if self.clean_up else text


class _NllbSpmCodec(PieceCodec):
    """NLLB from ``sentencepiece.bpe.model`` alone (no ``tokenizer.json`` in the folder)."""

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.model = _spm(folder / "sentencepiece.bpe.model")
        config = _tokenizer_config(folder)
        self.clean_up = bool(config.get("clean_up_tokenization_spaces", False))
        self.prefix = (NLLB_LANGUAGES[0],)
        self.target_prefix = (NLLB_LANGUAGES[1],)
        # transformers drops every language code when decoding: they are special tokens.
        codes = config.get("additional_special_tokens") or config.get("extra_special_tokens") or []
        codes = [c for c in codes if isinstance(c, str)]
        self.special = frozenset({"<s>", "</s>", "<pad>", "<unk>", "<mask>", *NLLB_LANGUAGES, *codes})

    def _encode(self, text: str) -> Encoded:
        pieces = tuple(self.model.encode(text, out_type=str))
        return Encoded(
            tokens=(*self.prefix, *pieces, "</s>"), content=tuple(range(1, 1 + len(pieces))), pieces=pieces
        )

    def _decode(self, tokens: list[str]) -> str:
        text = "".join(tokens).replace("\u2581", " ").strip()
        return clean_up_spaces(text) if self.clean_up else text


def marian_target_token(vocab: dict | set) -> str | None:
    """``>>eng<<`` for a Marian model trained for several target languages, else None."""
    codes = [token for token in vocab if _LANGUAGE_TOKEN.match(token)]
    if not codes:
        return None
    if MARIAN_TARGET_TOKEN not in codes:
        raise ModelInvalidError(
            f"This multilingual Marian model has no {MARIAN_TARGET_TOKEN} target token.",
            "It cannot translate into English; choose another model.",
        )
    return MARIAN_TARGET_TOKEN


def load_codec(folder: Path, family: str) -> PieceCodec:
    """The codec for a model folder of ``family`` ("marian" or "m2m_100")."""
    folder = Path(folder)
    if family == "marian":
        vocab = _json(folder / "vocab.json")
        target = marian_target_token(vocab if isinstance(vocab, dict) else {})
        codec: PieceCodec = _VocabCodec(folder, folder / "source.spm", (target,) if target else (), ())
        codec.family = family
        return codec
    spm_model = folder / "sentencepiece.bpe.model"
    vocab_file = folder / "vocab.json"
    if spm_model.is_file() and vocab_file.is_file() and NLLB_LANGUAGES[0] not in _json(vocab_file):
        # M2M100 proper: its own vocabulary and __hi__/__en__ tokens.
        codec = _VocabCodec(
            folder,
            spm_model,
            (M2M100_LANGUAGES[0],),
            (M2M100_LANGUAGES[1],),
            special=("<s>", *M2M100_LANGUAGES),
        )
    elif spm_model.is_file():
        codec = _NllbSpmCodec(folder)
    elif (folder / "tokenizer.json").is_file():
        codec = _TokenizerJsonCodec(folder)
    else:
        raise ModelInvalidError(
            f"No tokenizer in {folder}: need tokenizer.json or sentencepiece.bpe.model.",
            "Download the model again.",
        )
    codec.family = family
    return codec
