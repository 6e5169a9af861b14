# SPDX-FileCopyrightText: 2026 The mamisguide authors
# SPDX-License-Identifier: Apache-2.0
"""The MAMIS support desk and Japan's national holidays."""

from __future__ import annotations

import datetime as _dt
import math
from ctypes import byref, c_int64, c_size_t
from dataclasses import dataclass
from typing import Dict, List, NamedTuple, Optional, Union

from . import _convert, _ffi
from .enums import DeskReason

__all__ = [
    "JST",
    "SupportStatus",
    "Holiday",
    "support_status",
    "support_contact",
    "holidays",
    "parse_instant",
]

#: Japan Standard Time (+09:00), the zone of every time the desk reports.
JST = _dt.timezone(_dt.timedelta(hours=9), "JST")

When = Union[None, _dt.datetime, str]


@dataclass(frozen=True)
class SupportStatus:
    """Whether the desk is open at an instant, and when it next opens."""

    open: bool
    reason: DeskReason
    reason_text: str
    holiday: Optional[str]  #: the holiday's name when ``reason`` is HOLIDAY
    next_open: _dt.datetime  #: aware, in +09:00; the instant itself when open
    at: _dt.datetime  #: the instant asked about, in +09:00


class Holiday(NamedTuple):
    """A national holiday: (date, Japanese name, English name)."""

    date: _dt.date
    name: str
    name_en: str


def parse_instant(text: str) -> _dt.datetime:
    """ISO 8601 with an offset (``2026-12-30T11:00:00+09:00``, ``...Z``) as an aware datetime in
    +09:00, parsed by the library (``mg_parse_instant``). Raises ``parse_error``."""
    seconds = c_int64()
    _ffi.library().mg_parse_instant(text.encode("utf-8"), byref(seconds))
    return _dt.datetime.fromtimestamp(seconds.value, JST)


def _unix_seconds(when: When) -> int:
    if when is None:
        return math.floor(_dt.datetime.now(_dt.timezone.utc).timestamp())
    if isinstance(when, str):
        return math.floor(parse_instant(when).timestamp())
    if not isinstance(when, _dt.datetime):
        raise TypeError(f"expected an aware datetime or ISO 8601 text, not {type(when).__name__}")
    if when.tzinfo is None or when.utcoffset() is None:
        raise ValueError("a naive datetime is ambiguous: give one with a time zone (e.g. tzinfo=JST)")
    return math.floor(when.timestamp())


def _support_status(engine: Optional[int], when: When, lang: _convert.LangLike) -> SupportStatus:
    ln = _convert.lang_number(lang)
    t = _unix_seconds(when)
    info = _ffi.MgSupportInfo()
    _ffi.library().mg_support_status(engine, t, ln, byref(info))
    return SupportStatus(
        open=bool(info.open),
        reason=DeskReason.from_c(info.reason),
        reason_text=_ffi.decode(info.reason_text) or "",
        holiday=_ffi.decode(info.holiday),
        next_open=_dt.datetime.fromtimestamp(info.next_open, JST),
        at=_dt.datetime.fromtimestamp(t, JST),
    )


def support_status(when: When = None, lang: _convert.LangLike = "ja") -> SupportStatus:
    """Is the desk open at ``when`` (an aware datetime, ISO 8601 text with an offset, or None for
    now), with the default year-end break (12/29-1/3)? Naive datetimes raise ValueError; a date
    outside 2000-2099 raises ``out_of_range``. See also :meth:`Engine.support_status`."""
    return _support_status(None, when, lang)


def support_contact(lang: _convert.LangLike = "ja") -> Dict[str, str]:
    """The desk's name, phone, mail and hours."""
    c = _ffi.MgSupportContact()
    _ffi.library().mg_support_contact_info(_convert.lang_number(lang), c)
    d = _ffi.decode
    return {"name": d(c.name) or "", "phone": d(c.phone) or "", "mail": d(c.mail) or "",
            "hours": d(c.hours) or ""}


def holidays(year: int) -> List[Holiday]:
    """A year's national holidays (2000-2099; substitute and citizens' holidays included) in date order.
    Raises ``out_of_range`` outside those years."""
    lib = _ffi.library()
    capacity = 32  # the header promises at most 24
    out = (_ffi.MgHolidayInfo * capacity)()
    count = c_size_t()
    lib.mg_holidays(int(year), 0, out, capacity, byref(count))
    return [
        Holiday(_dt.date(h.year, h.month, h.day), _ffi.decode(h.name) or "", _ffi.decode(h.name_en) or "")
        for h in out[: count.value]
    ]
