# SPDX-FileCopyrightText: 2026 The mamisguide authors
# SPDX-License-Identifier: Apache-2.0
"""mamisguide: the MAMIS application rules, from Python.

A pure-Python (ctypes) binding of libmamisguide, the C ABI of the mamisguide library. Give a
member and a request, get an exact plan (which form, which boxes, which categories, which
steps) or a refusal with a stable code::

    import mamisguide as mg

    with mg.Engine("data/sample-municipal.csv") as engine:
        plan = engine.plan({"member": {"municipal": "13-chiyoda",
                                       "levels": ["municipal", "prefectural", "national"]},
                            "request": {"operation": "withdraw", "levels": ["national"]}})
        print(plan["form_label"], [c["name"] for c in plan["checked"]])

The library is found through ``$MAMISGUIDE_LIBRARY`` first, then the build tree of the
checkout, the package directory, the usual install directories and the system's loader; when
none works, :class:`LibraryNotFoundError` lists every place tried.

Threads: an :class:`Engine` may be shared by any number of threads; planning runs in parallel,
loading and closing are serialised with it by a lock.
"""

from __future__ import annotations

from ._ffi import ENV_VAR, load_library
from .engine import Association, Engine
from .enums import REFUSAL_CODES, DeskReason, Lang, Level, MyPage, Operation, Role, Status
from .errors import LibraryNotFoundError, MamisguideError, OutOfMemoryError, RefusalError
from .functions import (
    Category,
    check_levels,
    guide,
    mypage_step,
    recommend_category,
    status_name,
    transitions_dot,
    version,
    version_number,
)
from .support import JST, Holiday, SupportStatus, holidays, parse_instant, support_contact, support_status

__version__ = "1.1.0"


def library_path() -> str:
    """The path (or name) of the libmamisguide that was loaded, loading it if needed."""
    return load_library().path


__all__ = [
    "ENV_VAR",
    "JST",
    "REFUSAL_CODES",
    "Association",
    "Category",
    "DeskReason",
    "Engine",
    "Holiday",
    "Lang",
    "Level",
    "LibraryNotFoundError",
    "MamisguideError",
    "MyPage",
    "Operation",
    "OutOfMemoryError",
    "RefusalError",
    "Role",
    "Status",
    "SupportStatus",
    "check_levels",
    "guide",
    "holidays",
    "library_path",
    "load_library",
    "mypage_step",
    "parse_instant",
    "recommend_category",
    "status_name",
    "support_contact",
    "support_status",
    "transitions_dot",
    "version",
    "version_number",
]
