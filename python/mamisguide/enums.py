# SPDX-FileCopyrightText: 2026 The mamisguide authors
# SPDX-License-Identifier: Apache-2.0
"""Enumerations with the JSON contract's names and the C ABI's numbers."""

from __future__ import annotations

import enum
from typing import Dict, List, Optional

__all__ = [
    "Level",
    "Operation",
    "MyPage",
    "Lang",
    "Role",
    "DeskReason",
    "Status",
    "REFUSAL_CODES",
]


class Level(enum.IntFlag):
    """A level of the hierarchy, as the C ABI's bits: combine with ``|``.

    ``Level.MUNICIPAL | Level.PREFECTURAL`` is the set {municipal, prefectural}; ``json_name``
    and ``names()`` give the JSON contract's spelling.
    """

    MUNICIPAL = 1
    PREFECTURAL = 2
    NATIONAL = 4

    @property
    def json_name(self) -> str:
        """The JSON name of a single level (``"municipal"``, ...), as the library names it."""
        name = _c_name("mg_level_name", int(self))
        if name is None:
            raise ValueError(f"{self!r} is not a single level")
        return name

    def names(self) -> List[str]:
        """The JSON names of the levels in this set, bottom first."""
        return [Level(bit).json_name for bit in (1, 2, 4) if int(self) & bit]

    @property
    def index(self) -> int:
        """The index of a single level in the C ``categories[3]`` arrays (``MG_IDX_*``)."""
        self.json_name  # raises for a set of levels
        return int(self).bit_length() - 1

    @classmethod
    def parse(cls, name: str) -> "Level":
        """The level with this JSON name; ValueError for anything else."""
        for bit in (1, 2, 4):
            if isinstance(name, str) and _c_name("mg_level_name", bit) == name:
                return cls(bit)
        raise ValueError(f"unknown level name: {name!r}")


def _c_name(function: str, value: int) -> Optional[str]:
    """The library's name for a C constant (``mg_*_name``), or None."""
    from . import _ffi  # the library is loaded on first use, not on import

    raw = getattr(_ffi.library(), function)(value)
    return raw.decode("utf-8") if raw is not None else None


class _JsonEnum(str, enum.Enum):
    """A string enum whose value is the JSON name; ``c_value`` is the C ABI's number."""

    def __str__(self) -> str:
        return str(self.value)

    @property
    def c_value(self) -> int:
        """The C constant (``MG_OP_*``, ``MG_MYPAGE_*``, ...), found by the library's own name
        for each number (``mg_operation_name`` ...), never by position."""
        for number in range(64):
            name = _c_name(_C_NAMES[type(self).__name__], number)
            if name == self.value:
                return number
        raise ValueError(f"the library has no number for {self!r}")

    @classmethod
    def from_c(cls, value: int):  # type: ignore[no-untyped-def]
        """The member for a C constant."""
        name = _c_name(_C_NAMES[cls.__name__], value) if isinstance(value, int) else None
        if name is None:
            raise ValueError(f"{value} is not a valid {cls.__name__} number")
        return cls(name)


#: Which of the library's mg_*_name functions names each enumeration's C constants.
_C_NAMES: Dict[str, str] = {
    "Operation": "mg_operation_name",
    "MyPage": "mg_mypage_name",
    "Lang": "mg_lang_name",
    "Role": "mg_role_name",
    "DeskReason": "mg_desk_reason_name",
}


class Operation(_JsonEnum):
    """The six operations of STEP 2 (``MG_OP_*``)."""

    JOIN = "join"
    ADDITIONAL_JOIN = "additional_join"
    CHANGE_CATEGORY = "change_category"
    CHANGE_FACILITY = "change_facility"
    TRANSFER = "transfer"
    WITHDRAW = "withdraw"


class MyPage(_JsonEnum):
    """STEP 1: does the applicant have a MyPage (``MG_MYPAGE_*``)."""

    YES = "yes"
    NO = "no"
    UNKNOWN = "unknown"


class Lang(_JsonEnum):
    """The language of steps and messages (``MG_LANG_*``). Codes never change with it."""

    JA = "ja"
    EN = "en"


class Role(_JsonEnum):
    """A doctor's role, for the JMA category recommendation (``MG_ROLE_*``)."""

    FOUNDER_MANAGER = "founder_manager"
    RESIDENT = "resident"
    OTHER = "other"


class DeskReason(_JsonEnum):
    """Why the support desk is open or closed (``MG_DESK_*``)."""

    OPEN = "open"
    AFTER_HOURS = "after_hours"
    WEEKEND = "weekend"
    HOLIDAY = "holiday"
    YEAR_END = "year_end"


class Status(enum.IntEnum):
    """The C ABI's statuses: ``MG_OK``, the refusal codes and the ``MG_ERR_*`` errors."""

    OK = 0
    INVALID_REQUEST = 1
    UNKNOWN_ASSOCIATION = 2
    LEVEL_MISMATCH = 3
    INVALID_STATE = 4
    NOT_A_MEMBER = 5
    ALREADY_MEMBER = 6
    LEVEL_NOT_HELD = 7
    LEVEL_ALREADY_HELD = 8
    ILLEGAL_LEVELS = 9
    SAME_ASSOCIATION = 10
    CATEGORY_REQUIRED = 11
    UNKNOWN_CATEGORY = 12
    CATEGORY_UNCHANGED = 13
    NO_CATEGORY = 14
    ERR_ARGUMENT = -1
    ERR_IO = -2
    ERR_LOAD = -3
    ERR_NOMEM = -4
    ERR_RANGE = -5
    ERR_PARSE = -6
    ERR_BUFFER = -7
    ERR_INTERNAL = -8
    ERR_VERSION = -9

    @property
    def is_refusal(self) -> bool:
        """True for the refusal codes of rules.md §7."""
        return 1 <= self.value <= 14


#: The refusal codes of rules.md §7, in C order (index + 1 is the status). The library's own
#: names (mg_status_name) are checked against these by the tests.
REFUSAL_CODES = tuple(s.name.lower() for s in Status if s.is_refusal)
