"""Machine translation of Hindi sentences into English with local models.

Public API::

    from assistant.translate import load_translator, default_model

    translator = load_translator("opus-mt-hi-en")      # cached, CPU
    for index, translation in translator.iter_translate(sentences):
        ...

Heavy libraries (torch, transformers, ctranslate2) are imported only when a model loads.
"""

from __future__ import annotations

from assistant.translate.base import Batching, Translator
from assistant.translate.cache import CachedTranslator, TranslationMemory, normalize_source
from assistant.translate.folder import SUPPORTED_FAMILIES, ModelFolder, inspect_folder
from assistant.translate.registry import available_engines, default_model, load_translator, resolve_model_path
from assistant.translate.splitting import split_to_fit

__all__ = [
    "SUPPORTED_FAMILIES",
    "Batching",
    "CachedTranslator",
    "ModelFolder",
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
