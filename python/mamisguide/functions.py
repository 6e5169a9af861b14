# SPDX-FileCopyrightText: 2026 The mamisguide authors
# SPDX-License-Identifier: Apache-2.0
"""Functions that need no engine: version, the guide, the level rules, category advice."""

from __future__ import annotations

import json
from ctypes import byref, c_char_p, c_size_t, c_void_p
from typing import Any, Dict, NamedTuple, Optional, Union

from . import _convert, _ffi
from ._convert import LangLike, LevelsLike
from .enums import MyPage, Operation, Role

__all__ = [
    "Category",
    "version",
    "version_number",
    "status_name",
    "recommend_category",
    "guide",
    "transitions_dot",
    "check_levels",
    "mypage_step",
]


class Category(NamedTuple):
    """A JMA member category (kaiin kubun): code (``"A1"``, ``"A2B"``, ...) and label."""

    code: str
    label: Optional[str]


def version() -> str:
    """The library's version, e.g. ``"1.0.0"`` (``mg_version``)."""
    return _ffi.decode(_ffi.library().mg_version()) or ""


def version_number() -> int:
    """The library's version as major * 1000000 + minor * 1000 + patch."""
    return int(_ffi.library().mg_version_number())


def status_name(status: int) -> str:
    """The name of a C status (``"ok"``, ``"illegal_levels"``, ``"io_error"``, ...)."""
    return _ffi.decode(_ffi.library().mg_status_name(int(status))) or ""


def recommend_category(role: Union[str, Role], opt_out: bool = False, lang: LangLike = "ja") -> Category:
    """The JMA category for a doctor's role and their choice about JMA's liability insurance.

    Raises :class:`~mamisguide.RefusalError` ``no_category`` for a founder/manager who opts out.
    """
    code, label = c_char_p(), c_char_p()
    r = Role(role)
    status = _ffi.library().mg_recommend_category(
        r.c_value, int(bool(opt_out)), _convert.lang_number(lang), byref(code), byref(label)
    )
    if status != 0:
        raise _ffi.error_for(status)
    return Category(_ffi.decode(code.value) or "", _ffi.decode(label.value))


def guide(lang: LangLike = "ja") -> Dict[str, Any]:
    """The guide (STEP 1 → STEP 2 → questions → leaves) as a dict: ``{"root": id, "nodes": [...]}``."""
    return _convert.json_call(_ffi.library().mg_guide_json, _convert.lang_number(lang))


def transitions_dot(lang: LangLike = "ja") -> str:
    """The membership state machine as Graphviz DOT."""
    out = c_void_p()
    _ffi.library().mg_transitions_dot(_convert.lang_number(lang), byref(out))
    return _ffi.take_string(out) or ""


def check_levels(
    held: LevelsLike, operation: Union[str, Operation], levels: LevelsLike, cascade: bool = False
) -> Optional[str]:
    """The level rules alone: None when legal, else the refusal code that applies."""
    status = _ffi.library().mg_check_levels(
        _convert.level_bits(held),
        Operation(operation).c_value,
        _convert.level_bits(levels),
        int(bool(cascade)),
    )
    return None if status == 0 else status_name(status)


def mypage_step(mypage: Union[str, MyPage], lang: LangLike = "ja") -> Optional[Dict[str, Any]]:
    """STEP 1: what comes before the form for a MyPage answer (None for ``"yes"``)."""
    return _convert.json_call(_ffi.library().mg_mypage_step_json, MyPage(mypage).c_value,
                              _convert.lang_number(lang))
