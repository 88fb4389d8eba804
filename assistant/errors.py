"""User-facing errors. Every message says what went wrong and what to do next.

The CLI and the app catch ``AssistantError`` at their boundary and show ``str(err)``;
anything else reaching the boundary is a bug.
"""

from __future__ import annotations


class AssistantError(Exception):
    """Base class: ``message`` says what happened, ``hint`` what the user can do."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} {self.hint}".strip()


class InputError(AssistantError):
    """The article text cannot be used: empty, binary, too large, undecodable."""


class ModelNotFoundError(AssistantError):
    """No model at the given name or path."""


class ModelInvalidError(AssistantError):
    """A model folder exists but is incomplete or broken."""


class DownloadError(AssistantError):
    """A model download failed (offline, interrupted, not enough space)."""


class TranslationError(AssistantError):
    """The translation backend failed while running."""


class BackendUnavailableError(AssistantError):
    """An optional engine (such as CTranslate2) is not installed."""


class LexiconError(AssistantError):
    """The lexicon data file is missing or damaged."""


class ExportError(AssistantError):
    """An export format could not be produced."""
