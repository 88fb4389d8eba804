"""Hindi–English reading assistant: segment, translate, gloss and export Hindi articles.

The public API is re-exported here; heavy engines (torch, transformers) load lazily.
"""

from assistant.errors import AssistantError
from assistant.types import (
    Analysis,
    Article,
    Block,
    Gloss,
    Glossary,
    GlossaryTerm,
    MultiwordUnit,
    PageBlock,
    ReadingPage,
    Sentence,
    SentencePair,
    Token,
    Translation,
)

__all__ = [
    "Analysis",
    "Article",
    "AssistantError",
    "Block",
    "Gloss",
    "Glossary",
    "GlossaryTerm",
    "MultiwordUnit",
    "PageBlock",
    "ReadingPage",
    "Sentence",
    "SentencePair",
    "Token",
    "Translation",
]
