"""Translate with a local Hugging Face seq2seq model through transformers and torch (CPU).

Handles the two families we can run: Marian (opus-mt: no language codes) and the
``m2m_100`` architecture (NLLB-200 with ``hin_Deva``/``eng_Latn`` tokens, or M2M100
proper with ``__hi__``/``__en__``), told apart by the language tokens the tokenizer knows.
Nothing is fetched from the network: only local folders are read, with ``local_files_only=True``.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from assistant.config import get_settings
from assistant.errors import ModelInvalidError, TranslationError
from assistant.translate.base import Batching, Decoded, Translator, attention_matrix, folder_digest
from assistant.translate.decoding import (
    DEFAULT_POSITIONS,
    PROCESSING_VERSION,
    EngineInfo,
    input_limit,
    output_budget,
    short_error,
)
from assistant.translate.folder import ModelFolder, inspect_folder
from assistant.translate.pieces import marian_target_token

_UNBOUNDED = 100_000

LANGUAGE_CODES = (("hin_Deva", "eng_Latn"), ("__hi__", "__en__"))
"""(source, target) token pairs, NLLB-200 first, then M2M100."""


@contextlib.contextmanager
def quiet_loading() -> Iterator[None]:
    """Load without transformers' progress bars and info chatter on the user's terminal.

    No network is involved: every load passes ``local_files_only=True`` on a local folder.
    ``HF_HUB_OFFLINE`` is deliberately not toggled here: it is process-wide, and flipping it
    would make a model download running in another thread of the app fail as "offline".
    """
    from transformers.utils import logging as hf_logging

    bars = hf_logging.is_progress_bar_enabled()
    level = hf_logging.get_verbosity()
    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()
    try:
        yield
    finally:
        hf_logging.set_verbosity(level)
        if bars:
            hf_logging.enable_progress_bar()


def load_tokenizer(folder: ModelFolder) -> Any:
    """Load the folder's tokenizer; any failure becomes a ModelInvalidError."""
    try:
        from transformers import AutoTokenizer, MarianTokenizer

        with quiet_loading():
            if folder.family == "marian":
                return MarianTokenizer.from_pretrained(str(folder.path), local_files_only=True)
            return AutoTokenizer.from_pretrained(str(folder.path), local_files_only=True)
    except ImportError as err:
        raise TranslationError(
            f"transformers could not be imported ({err}).",
            "Install the requirements: pip install -r requirements.txt",
        ) from err
    except Exception as err:
        raise ModelInvalidError(
            f"The tokenizer in {folder.path} could not be loaded ({short_error(err)}).",
            "Download the model again.",
        ) from err


def language_tokens(folder: ModelFolder, tokenizer: Any) -> tuple[str, str] | None:
    """The (source, target) language tokens for Hindi→English, or None for Marian.

    Also points the tokenizer's ``src_lang`` at Hindi so inputs get the right prefix.
    """
    if folder.family == "marian":
        return None
    try:
        unknown = tokenizer.unk_token_id
        for source, target in LANGUAGE_CODES:
            # get_vocab() omits M2M100's language tokens; asking for their ids does not.
            if unknown not in tokenizer.convert_tokens_to_ids([source, target]):
                # M2M100 takes the bare code ("hi"), NLLB the token itself ("hin_Deva").
                tokenizer.src_lang = source.strip("_") if source.startswith("__") else source
                return source, target
    except Exception as err:
        raise ModelInvalidError(
            f"The tokenizer in {folder.path} rejected the Hindi language setting ({short_error(err)}).",
            "Download the model again.",
        ) from err
    raise ModelInvalidError(
        f"The tokenizer in {folder.path} has no Hindi and English language tokens "
        "(hin_Deva/eng_Latn or __hi__/__en__).",
        "This model cannot translate Hindi to English; choose another model.",
    )


def position_limit(tokenizer: Any, config: dict) -> int:
    """The smaller of the tokenizer's and the model's length limits."""
    limits = [_UNBOUNDED]
    tok_limit = getattr(tokenizer, "model_max_length", None)
    if isinstance(tok_limit, int) and 0 < tok_limit < _UNBOUNDED:
        limits.append(tok_limit)
    positions = config.get("max_position_embeddings")
    if isinstance(positions, int) and positions > 0:
        limits.append(positions)
    return min(limits) if len(limits) > 1 else DEFAULT_POSITIONS


class TransformersTranslator(Translator):
    """A Marian or NLLB/M2M100 model folder run with transformers on the CPU: the
    reference path the fast engine is compared against."""

    supports_attention = True

    def __init__(
        self,
        path: Path,
        *,
        name: str | None = None,
        beam_size: int = 1,
        threads: int | None = None,
    ) -> None:
        folder = inspect_folder(Path(path))
        if folder.engine != "transformers":
            raise ModelInvalidError(
                f"{folder.path} holds a CTranslate2 model.", "Load it with engine='ctranslate2' (or 'auto')."
            )
        self.folder = folder
        self.name = name or folder.path.name
        self.beam_size = max(1, int(beam_size))
        # The first sentence alone, as on the fast engine: it appears sooner, and both
        # engines batch alike (the output budget is a batch's, so batches decide lengths).
        self.batching = Batching(first_window=1)
        self._lock = threading.Lock()
        self._load_lock = threading.Lock()
        try:
            import torch
        except ImportError as err:
            raise TranslationError(
                f"torch could not be imported ({err}).",
                "Install the requirements: pip install -r requirements.txt",
            ) from err
        self.threads = threads or get_settings().threads
        if torch.get_num_threads() != self.threads:
            torch.set_num_threads(self.threads)
        self.tokenizer = load_tokenizer(folder)
        self._languages = language_tokens(folder, self.tokenizer)
        # A Marian model for several target languages is told the target with a token.
        self._target_code = (
            marian_target_token(self.tokenizer.get_vocab()) if folder.family == "marian" else None
        )
        # The weights load on the first cache miss, so an article answered wholly from the
        # translation memory never pays for loading a model of several hundred MB.
        self._model: Any = None
        self._limit = position_limit(self.tokenizer, folder.config)
        self.max_input_tokens = input_limit(self._limit)
        self._forced_bos = (
            self.tokenizer.convert_tokens_to_ids(self._languages[1]) if self._languages else None
        )
        self.identity = ":".join(
            (
                folder.family,
                folder_digest(folder.path),
                "hf-float32",
                f"beam{self.beam_size}",
                f"len2x+10/{self._limit}",
                f"p{PROCESSING_VERSION}",
            )
        )

    @property
    def engine_info(self) -> EngineInfo:
        return EngineInfo(
            engine="transformers",
            model=self.name,
            family=self.folder.family,
            compute_type="float32",
            beam_size=self.beam_size,
            inter_threads=1,
            intra_threads=self.threads,
        )

    @property
    def model(self) -> Any:
        with self._load_lock:
            if self._model is None:
                self._model = self._load_model()
        return self._model

    def _load_model(self) -> Any:
        try:
            from transformers import AutoModelForSeq2SeqLM

            with quiet_loading():
                model = AutoModelForSeq2SeqLM.from_pretrained(str(self.folder.path), local_files_only=True)
        except Exception as err:
            raise ModelInvalidError(
                f"The weights in {self.folder.path} could not be loaded ({short_error(err)}).",
                "The download may be incomplete or damaged; download the model again.",
            ) from err
        # A saved max_length would only conflict with the per-batch max_new_tokens (and warn).
        model.generation_config.max_length = None
        return model.eval()

    def count_tokens(self, text: str) -> int:
        with self._lock:
            return len(
                self.tokenizer(self._prepare(text), add_special_tokens=True, verbose=False)["input_ids"]
            )

    def _prepare(self, text: str) -> str:
        return f"{self._target_code} {text}" if self._target_code else text

    def _translate_batch(self, sentences: list[str], attention: bool = False) -> list[Decoded]:
        import torch

        model = self.model  # outside the try: a load failure is a ModelInvalidError, not a TranslationError
        with self._lock:
            try:
                encoded = self.tokenizer(
                    [self._prepare(s) for s in sentences], return_tensors="pt", padding=True
                )
                longest = int(encoded["input_ids"].shape[1])
                options: dict[str, Any] = {
                    "num_beams": self.beam_size,
                    "do_sample": False,
                    "max_new_tokens": output_budget(longest, self._limit),
                }
                if self._forced_bos is not None:
                    options["forced_bos_token_id"] = self._forced_bos
                with torch.inference_mode():
                    output = model.generate(**encoded, **options)
                rows = output.tolist()
                weights = (
                    self._attention(sentences, model, encoded, output) if attention else [None] * len(rows)
                )
                if self._forced_bos is not None:
                    # M2M100's tokenizer does not count its language tokens as special.
                    rows = [[i for i in row if i != self._forced_bos] for row in rows]
                texts = self.tokenizer.batch_decode(rows, skip_special_tokens=True)
                return [Decoded(text, w) for text, w in zip(texts, weights, strict=True)]
            except Exception as err:
                raise TranslationError(
                    f"Translation with {self.name} failed ({short_error(err)}).",
                    "Try again; if it keeps failing, run `python -m assistant models verify` on the model.",
                ) from err

    def _attention(self, sentences: list[str], model: Any, encoded: Any, output: Any) -> list[Any]:
        """Cross-attention of the last decoder layer, averaged over heads, for each output
        token: one teacher-forced pass over the generated tokens (works for beam search too)."""
        import torch

        # Only the eager implementation returns attention weights; switch for this pass only.
        current = getattr(model.config, "_attn_implementation", None) or "eager"
        if current != "eager":
            model.set_attn_implementation("eager")
        try:
            with torch.inference_mode():
                forward = model(
                    input_ids=encoded["input_ids"],
                    attention_mask=encoded["attention_mask"],
                    decoder_input_ids=output[:, :-1],
                    output_attentions=True,
                )
        finally:
            if current != "eager":
                model.set_attn_implementation(current)
        matrices = forward.cross_attentions[-1].mean(dim=1).tolist()
        special = set(self.tokenizer.all_special_tokens)
        if self._languages:
            special.update(self._languages)
        if self._target_code:
            special.add(self._target_code)
        # An unknown source piece is still a piece of the sentence: keep its column.
        source_special = special - {self.tokenizer.unk_token}
        stops = (self.tokenizer.eos_token_id, self.tokenizer.pad_token_id)
        result = []
        for b, rows in enumerate(matrices):
            length = int(encoded["attention_mask"][b].sum())
            source = self.tokenizer.convert_ids_to_tokens(encoded["input_ids"][b][:length].tolist())
            target_ids = output[b, 1:].tolist()
            stop = next((k for k, i in enumerate(target_ids) if i in stops), len(target_ids))
            target = self.tokenizer.convert_ids_to_tokens(target_ids[:stop])
            keep_source = [i for i, t in enumerate(source) if t not in source_special]
            pieces = [
                p for p in self.tokenizer.tokenize(self._prepare(sentences[b])) if p not in source_special
            ]
            if len(pieces) != len(keep_source):
                pieces = [source[i] for i in keep_source]
            keep_target = [j for j, t in enumerate(target) if t not in special]
            result.append(attention_matrix(rows, keep_source, pieces, target, keep_target))
        return result

    def close(self) -> None:
        self._model = None
