"""JSON export of a whole ReadingPage, and loading it back, so a saved reading reopens without a model.

Document layout::

    {"schema_version": 2,
     "generator": {"name": "Hindi Reader", "version": "...", "note": "<model or gloss-only, date>"},
     "page": {...every ReadingPage field, nested dataclasses as objects, tuples as arrays...}}

Loading is strict: the result is rebuilt field by field from the dataclass definitions,
so ``load_page_json(export_page(page, "json")) == page``. Unknown keys are ignored (a later
version may add optional fields); a missing required field or a wrong type is an error.
Older documents still load: version 1 had no ``links`` on sentence pairs, which default
to none.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from collections.abc import Callable
from functools import cache
from typing import Any, Literal, Union

from assistant import types as model_types
from assistant.errors import ExportError
from assistant.export.common import PRODUCT, provenance
from assistant.types import SCHEMA_VERSION, ReadingPage

_HINT = "Export the reading again from the article, or open the article itself instead."
READABLE_VERSIONS = frozenset(range(1, SCHEMA_VERSION + 1))
"""Version 1 is version 2 without alignment links: its pairs load with no links."""


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("hindi-reader")
    except Exception:
        return "0.1.0"


@cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


def plain(value: Any) -> Any:
    """Frozen dataclasses as JSON-ready dicts and lists.

    ``dataclasses.asdict`` deep-copies every leaf; the page is immutable, so this skips
    the copies and is several times faster on a long article.
    """
    if isinstance(value, tuple):
        return [plain(item) for item in value]
    if dataclasses.is_dataclass(value):
        return {name: plain(getattr(value, name)) for name in _field_names(type(value))}
    return value


def page_to_dict(page: ReadingPage) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "generator": {"name": PRODUCT, "version": _version(), "note": provenance(page)},
        "page": plain(page),
    }


def to_json(page: ReadingPage, *, indent: int | None = None) -> bytes:
    """The page as UTF-8 JSON; Devanagari is written as is, not as \\u escapes.

    Compact by default: Python's fast C encoder only runs without indentation, and a long
    article's saved reading is many megabytes.
    """
    return json.dumps(page_to_dict(page), ensure_ascii=False, indent=indent).encode("utf-8")


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls, vars(model_types))


class _Invalid(Exception):
    """A value does not fit its field; ``path`` grows as the error travels outwards."""

    def __init__(self, problem: str) -> None:
        super().__init__(problem)
        self.problem = problem
        self.path: list[str] = []


Converter = Callable[[Any], Any]


@cache
def _converter(tp: Any) -> Converter:
    """A function rebuilding parsed JSON as an instance of the annotated type ``tp``.

    Built once per type so a long page costs one call per value, not one type analysis.
    """
    if dataclasses.is_dataclass(tp):
        return _dataclass_converter(tp)
    origin = typing.get_origin(tp)
    if origin in (Union, types.UnionType):
        concrete = [_converter(o) for o in typing.get_args(tp) if o is not type(None)]
        optional = type(None) in typing.get_args(tp)

        def union(value: Any) -> Any:
            if value is None and optional:
                return None
            for convert in concrete[:-1]:
                try:
                    return convert(value)
                except _Invalid:
                    continue
            return concrete[-1](value)

        return union
    if origin is Literal:
        allowed = frozenset(typing.get_args(tp))

        def literal(value: Any) -> Any:
            if not isinstance(value, str | int) or value not in allowed:
                raise _Invalid(f"has an unknown value {value!r}")
            return value

        return literal
    if origin is tuple:
        item_type = typing.get_args(tp)[0]
        item = _converter(item_type)

        def sequence(value: Any) -> tuple:
            if not isinstance(value, list):
                raise _Invalid("should be a list")
            if item_type is str and all(type(v) is str for v in value):
                return tuple(value)  # the common case (senses, forms) without a call per item
            out = []
            for i, element in enumerate(value):
                try:
                    out.append(item(element))
                except _Invalid as exc:
                    exc.path.append(f"[{i}]")
                    raise
            return tuple(out)

        return sequence
    if tp is float:

        def number(value: Any) -> float:
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise _Invalid("should be a number")
            return float(value)

        return number
    if tp in (str, int, bool):
        name = tp.__name__

        def scalar(value: Any) -> Any:
            # bool is an int subclass in Python; keep the JSON types apart.
            if type(value) is not tp:
                raise _Invalid(f"should be a {name}")
            return value

        return scalar
    raise TypeError(f"no JSON form for {tp!r}")


def _dataclass_converter(cls: type) -> Converter:
    hints = _hints(cls)
    fields = [
        (f.name, _converter(hints[f.name]),
         f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING)
        for f in dataclasses.fields(cls)
    ]  # fmt: skip

    def build(value: Any) -> Any:
        if not isinstance(value, dict):
            raise _Invalid(f"should be an object ({cls.__name__})")
        kwargs: dict[str, Any] = {}
        for name, convert, required in fields:
            if name in value:
                try:
                    kwargs[name] = convert(value[name])
                except _Invalid as exc:
                    exc.path.append(f".{name}")
                    raise
            elif required:
                exc = _Invalid("is missing")
                exc.path.append(f".{name}")
                raise exc
        return cls(**kwargs)

    return build


def load_page_json(data: bytes | str) -> ReadingPage:
    """A ReadingPage from a JSON export; ExportError when the document cannot be used."""
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ExportError("This saved reading is not UTF-8 text.", _HINT) from exc
    try:
        doc = json.loads(data.removeprefix("\ufeff"))
    except (json.JSONDecodeError, RecursionError) as exc:
        raise ExportError(f"This saved reading is not valid JSON ({exc}).", _HINT) from exc
    if not isinstance(doc, dict) or "page" not in doc:
        raise ExportError("This JSON file is not a saved reading (no 'page' object).", _HINT)
    version = doc.get("schema_version")
    if type(version) is not int or version not in READABLE_VERSIONS:
        raise ExportError(
            f"This saved reading uses schema version {version!r}; this version of {PRODUCT} "
            f"reads versions {min(READABLE_VERSIONS)} to {SCHEMA_VERSION}.",
            "Open it with a matching version, or export the reading again.",
        )
    try:
        return _converter(ReadingPage)(doc["page"])
    except _Invalid as exc:
        where = "".join(reversed(exc.path)).lstrip(".") or "the page"
        raise ExportError(f"This saved reading is not valid: {where} {exc.problem}.", _HINT) from exc
    except RecursionError as exc:
        raise ExportError("This saved reading is nested too deeply.", _HINT) from exc
