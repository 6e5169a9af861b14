# SPDX-FileCopyrightText: 2026 The mamisguide authors
# SPDX-License-Identifier: Apache-2.0
"""Exceptions raised by the mamisguide package."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Tuple

__all__ = ["MamisguideError", "RefusalError", "OutOfMemoryError", "LibraryNotFoundError"]


class MamisguideError(Exception):
    """A failure reported by libmamisguide.

    Attributes:
        code: the status name, as ``mg_status_name()`` spells it (``"io_error"``,
            ``"load_error"``, ``"illegal_levels"``, ...).
        status: the C status number (``MG_ERR_*`` negative, refusals 1...14).
        message: the library's message (``mg_last_error()`` or the refusal's text).
    """

    def __init__(self, message: str, *, code: str, status: int) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.status = status

    def __str__(self) -> str:
        return f"{self.code}: {self.message}" if self.message else self.code

    def __repr__(self) -> str:
        return f"{type(self).__name__}(code={self.code!r}, status={self.status}, message={self.message!r})"


class RefusalError(MamisguideError):
    """A refusal (rules.md §7): the request is not one MAMIS accepts.

    Attributes:
        field: the request field at fault (e.g. ``"request.levels"``), or None.
        suggestion: a request (the contract's ``request`` shape) that would succeed, or None.
        response: the whole refusal response, ``{"ok": False, "error": {...}}``.
        details: what is at fault, named (the ``error`` object's extra fields, when present):
            ``levels``, ``associations`` (``[{level, code, name}]``), ``value``, ``problem``
            (invalid_state), ``position`` (``{line, column}`` of JSON that does not parse),
            ``allowed`` (unknown_category) and ``candidates`` (unknown_association).
    """

    DETAIL_FIELDS = ("levels", "associations", "value", "problem", "position", "allowed", "candidates")

    def __init__(
        self,
        message: str,
        *,
        code: str,
        status: int,
        field: Optional[str] = None,
        suggestion: Optional[Dict[str, Any]] = None,
        response: Optional[Dict[str, Any]] = None,
        details: Optional[Dict[str, Any]] = None,
    ) -> None:
        super().__init__(message, code=code, status=status)
        self.field = field
        self.suggestion = suggestion
        if response is None:
            error: Dict[str, Any] = {"code": code, "message": message}
            if field:
                error["field"] = field
            error.update(details or {})
            if suggestion is not None:
                error["suggestion"] = suggestion
            response = {"ok": False, "error": error}
        self.response = response
        err = response.get("error", {})
        self.details: Dict[str, Any] = {k: err[k] for k in self.DETAIL_FIELDS if k in err}


class OutOfMemoryError(MamisguideError, MemoryError):
    """The library ran out of memory (``MG_ERR_NOMEM``, code ``"out_of_memory"``): a
    :class:`MemoryError`, as Python raises its own. Nothing was changed (a load that ran out of
    memory leaves the engine as it was); the same call may succeed once memory is back."""


class LibraryNotFoundError(OSError):
    """libmamisguide could not be loaded. ``tried`` lists (candidate, why it failed)."""

    def __init__(self, tried: List[Tuple[str, str]], hint: str = "") -> None:
        self.tried = list(tried)
        lines = ["mamisguide: could not load the shared library libmamisguide. Tried, in order:"]
        lines += [f"  - {where}: {why}" for where, why in self.tried]
        if hint:
            lines.append(hint)
        super().__init__("\n".join(lines))
