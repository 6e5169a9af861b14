# SPDX-FileCopyrightText: 2026 The mamisguide authors
# SPDX-License-Identifier: Apache-2.0
"""Shared helpers of the Python tests (not a test module: unittest skips it)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Dict, List, Optional

import mamisguide as mg

#: The source tree: $MG_SOURCE_DIR (set by ctest), else the checkout these tests live in.
SOURCE_DIR = Path(os.environ.get("MG_SOURCE_DIR") or Path(__file__).resolve().parents[2])
MASTER = SOURCE_DIR / "data" / "sample-municipal.csv"
CATEGORIES = SOURCE_DIR / "data" / "sample-categories.csv"
HEADER = SOURCE_DIR / "capi" / "mamisguide.h"
PACKAGE_DIR = Path(mg.__file__).resolve().parent

ALL = ["municipal", "prefectural", "national"]
MP = ["municipal", "prefectural"]
M = ["municipal"]


def engine(categories: bool = False) -> mg.Engine:
    """An engine with the sample master (and the sample catalogues when asked)."""
    return mg.Engine(MASTER, CATEGORIES if categories else None)


def member(levels: Optional[List[str]] = None, municipal: str = "13-chiyoda", **extra: Any) -> Dict[str, Any]:
    """A member in the contract's shape; all three levels by default."""
    levels = ALL if levels is None else levels
    out: Dict[str, Any] = {"municipal": municipal if levels else None, "levels": levels}
    out.update(extra)
    return out


def request(
    operation: str, member_: Optional[Dict[str, Any]] = None, lang: str = "ja", **fields: Any
) -> Dict[str, Any]:
    """A whole request of the JSON contract."""
    out: Dict[str, Any] = {"request": {"operation": operation, **fields}, "lang": lang}
    if member_ is not None:
        out["member"] = member_
    return out
