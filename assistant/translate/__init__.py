"""Machine translation of Hindi sentences into English with local models.

Public API::

    from assistant.translate import load_translator, default_model

    translator = load_translator("opus-mt-tc-bible-big-inc")   # fast engine, cached, CPU
    translator.engine_info.describe()   # "ctranslate2 int8, 2 translators x 1 thread, greedy"
    for index, translation in translator.iter_translate(sentences, attention=True):
        ...   # in reading order; translation.attention holds the cross-attention

Heavy libraries (torch, transformers, ctranslate2) are imported only when a model loads;
translating with a converted (CTranslate2) model never imports torch or transformers.
"""

from __future__ import annotations

from assistant.translate.base import Batching, Decoded, Translator
from assistant.translate.cache import CachedTranslator, TranslationMemory, normalize_source
from assistant.translate.decoding import EngineInfo
from assistant.translate.folder import SUPPORTED_FAMILIES, ModelFolder, inspect_folder
from assistant.translate.registry import available_engines, default_model, load_translator, resolve_model_path
from assistant.translate.splitting import split_to_fit
from assistant.translate.turns import TakingTurns

__all__ = [
    "SUPPORTED_FAMILIES",
    "Batching",
    "CachedTranslator",
    "Decoded",
    "EngineInfo",
    "ModelFolder",
    "TakingTurns",
    "TranslationMemory",
    "Translator",
    "available_engines",
    "default_model",
    "inspect_folder",
    "load_translator",
    "normalize_source",
    "resolve_model_path",
    "split_to_fit",
]
