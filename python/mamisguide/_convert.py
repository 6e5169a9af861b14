# SPDX-FileCopyrightText: 2026 The mamisguide authors
# SPDX-License-Identifier: Apache-2.0
"""Python values to the JSON contract's request, and the library's JSON back to Python.

This module decides nothing: it turns the typed helpers' arguments into a contract request
(:class:`Level` flags and enums become their JSON names; everything else is passed as it is) and
hands every answer over to the library, which judges the request and writes the response in the
language asked for. Only Python types are checked here.
"""

from __future__ import annotations

import enum
import json
from ctypes import byref, c_void_p
from typing import Any, Callable, Dict, Iterable, List, Mapping, Optional, Union

from . import _ffi
from .enums import Lang, Level
from .errors import RefusalError

LevelsLike = Union[None, int, str, Level, Iterable[Union[str, Level]]]
CategoriesLike = Optional[Mapping[Union[str, Level], Optional[str]]]
LangLike = Union[str, Lang]


def lang_number(lang: LangLike) -> int:
    """``"ja"``/``"en"`` (or a :class:`Lang`) as ``MG_LANG_*``; ValueError otherwise."""
    return Lang(lang).c_value


def jsonable(value: Any) -> Any:
    """A value with :class:`Level` flags and enums turned into the contract's JSON values.

    A single level becomes its name, a set of levels the list of names (bottom first); a plain
    int stays an int, for the library to judge.
    """
    if isinstance(value, Level):
        return value.names() if int(value) not in (1, 2, 4) else value.json_name
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, Mapping):
        return {jsonable_key(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    if isinstance(value, (set, frozenset)):
        return [jsonable(v) for v in sorted(value, key=_level_order)]
    return value


def jsonable_key(key: Any) -> Any:
    if isinstance(key, Level):
        return key.json_name
    if isinstance(key, enum.Enum):
        return str(key.value)
    return key


def _level_order(v: Any) -> Any:
    if isinstance(v, Level):
        return (0, int(v))
    try:
        return (0, int(Level.parse(v)))
    except ValueError:
        return (1, str(v))


def levels_value(levels: LevelsLike) -> Any:
    """The typed helpers' ``levels`` as the contract's ``levels`` value.

    A :class:`Level` flag or the C ABI's bits (an int 0-7) become the list of names; a single name
    becomes a one-element list; anything else goes to the library as it is.
    """
    if levels is None:
        return []
    if isinstance(levels, Level):
        return levels.names()
    if isinstance(levels, int) and not isinstance(levels, bool) and 0 <= levels <= 7:
        return Level(levels).names()
    if isinstance(levels, str):
        return [levels]
    if isinstance(levels, (list, tuple, set, frozenset)):
        return jsonable(levels)
    return levels


def request_json(member: Optional[Mapping[str, Any]], request: Dict[str, Any], lang: LangLike) -> bytes:
    """One contract request as UTF-8 JSON: ``member`` (None: not a member), ``request``, ``lang``."""
    doc: Dict[str, Any] = {"request": jsonable({k: v for k, v in request.items() if v is not None})}
    if member is not None:
        doc["member"] = jsonable(member)
    doc["lang"] = Lang(lang).value
    return json.dumps(doc, ensure_ascii=False).encode("utf-8")


def refusal_from_response(response: Mapping[str, Any], status: int) -> RefusalError:
    """The :class:`RefusalError` for a refusal response of the JSON contract."""
    error = response.get("error", {})
    return RefusalError(
        error.get("message", ""),
        code=error.get("code", "invalid_request"),
        status=status,
        field=error.get("field"),
        suggestion=error.get("suggestion"),
        response=dict(response),
    )


def json_call(fn: Callable[..., int], *args: Any) -> Any:
    """Calls one of the library's ``mg_*_json`` functions (out-parameter last) and returns the
    decoded JSON; raises the library's error for a failing status."""
    out = c_void_p()
    status = fn(*args, byref(out))
    text = _ffi.take_string(out)
    if text is None:
        raise _ffi.error_for(status)
    return json.loads(text)


def level_bits(levels: LevelsLike) -> int:
    """A set of levels (a :class:`Level` flag, the C bits, a name, or names) as the C bits, for
    the C functions that take bits. A name the library does not know raises ValueError."""
    value = levels_value(levels)
    if not isinstance(value, list):
        raise TypeError(f"expected levels as a Level, names or bits, not {type(levels).__name__}")
    bits = 0
    for name in value:
        bits |= int(Level.parse(name))
    return bits


def level_names(bits: int) -> List[str]:
    """The JSON names of a bit set, bottom first (names from the library)."""
    return Level(bits).names()


__all__ = [
    "CategoriesLike",
    "LangLike",
    "LevelsLike",
    "json_call",
    "jsonable",
    "lang_number",
    "level_bits",
    "level_names",
    "levels_value",
    "refusal_from_response",
    "request_json",
]
