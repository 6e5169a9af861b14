# SPDX-FileCopyrightText: 2026 The mamisguide authors
# SPDX-License-Identifier: Apache-2.0
"""The engine: a directory of associations (and their category catalogues) to plan against.

Threads: one :class:`Engine` may be shared by any number of threads. The C engine is immutable
once loaded, so planning runs in parallel (ctypes releases the GIL during each call); loading
(``load_*``, ``set_year_end``) and ``close()`` take the engine's lock exclusively and wait for
calls in progress, so they never overlap with planning.
"""

from __future__ import annotations

import json
import os
import threading
from contextlib import contextmanager
from ctypes import byref, c_size_t, c_void_p
from datetime import datetime
from typing import Any, Callable, Dict, Iterator, List, Mapping, NamedTuple, Optional, Tuple, Union

from . import _convert, _ffi
from ._convert import CategoriesLike, LangLike, LevelsLike
from .enums import Level
from .errors import MamisguideError
from .support import SupportStatus, _support_status

__all__ = ["Engine", "Association"]

PathLike = Union[str, bytes, "os.PathLike[str]", "os.PathLike[bytes]"]
MemberLike = Optional[Mapping[str, Any]]
RequestLike = Union[Mapping[str, Any], str, bytes]


class Association(NamedTuple):
    """One association of the directory."""

    level: str  #: ``"municipal"``, ``"prefectural"`` or ``"national"``
    code: str  #: ``"00"`` (JMA), ``"01"``...``"47"``, or the master's code
    name: str  #: in the language asked for (Japanese when there is no English name)
    parent_code: Optional[str]  #: None for JMA


class _RWLock:
    """Many readers (planning) or one writer (loading, closing)."""

    def __init__(self) -> None:
        self._cond = threading.Condition(threading.Lock())
        self._readers = 0
        self._writer = False

    @contextmanager
    def read(self) -> Iterator[None]:
        with self._cond:
            while self._writer:
                self._cond.wait()
            self._readers += 1
        try:
            yield
        finally:
            with self._cond:
                self._readers -= 1
                if not self._readers:
                    self._cond.notify_all()

    @contextmanager
    def write(self) -> Iterator[None]:
        with self._cond:
            while self._writer or self._readers:
                self._cond.wait()
            self._writer = True
        try:
            yield
        finally:
            with self._cond:
                self._writer = False
                self._cond.notify_all()


def _closed() -> MamisguideError:
    return MamisguideError("the engine is closed", code="argument_error", status=-1)


class Engine:
    """A mamisguide engine (``mg_engine``): the built-in JMA and 47 prefectural associations,
    plus the municipal associations and catalogues you load.

    Use it as a context manager (``with Engine("master.csv") as e:``) or call :meth:`close`;
    it is also freed when garbage-collected. Safe to share between threads (see the module).

    Args:
        directory: a municipal master to load: CSV whose header names the columns code, name,
            prefecture and optionally name_en (in any order, by their English or Japanese names
            as the README's "Files from Excel" lists them; other columns ignored) or JSON (an
            array of objects with those fields).
        categories: a category catalogue CSV to load (columns association, code, label).
        encoding: how files are read: ``"auto"`` (UTF-8 when valid, with or without a BOM,
            else CP932 — Excel's Shift_JIS), ``"utf-8"`` or ``"cp932"``.
    """

    def __init__(
        self,
        directory: Optional[PathLike] = None,
        categories: Optional[PathLike] = None,
        encoding: str = "auto",
    ) -> None:
        self._encoding = _encoding_code(encoding)
        self._lib = _ffi.library()
        self._lock = _RWLock()
        handle = c_void_p()
        self._lib.mg_engine_new(byref(handle))
        self._handle: Optional[int] = handle.value
        try:
            if directory is not None:
                self.load_directory(directory)
            if categories is not None:
                self.load_categories(categories)
        except BaseException:
            self.close()
            raise

    # ---- life ----------------------------------------------------------------------------------

    def close(self) -> None:
        """Frees the C engine (mg_engine_free). Idempotent; later calls raise ``argument_error``."""
        with self._lock.write():
            handle, self._handle = self._handle, None
            if handle:
                self._lib.mg_engine_free(handle)

    @property
    def closed(self) -> bool:
        """True once :meth:`close` ran."""
        return self._handle is None

    def __bool__(self) -> bool:
        """Always true (without this, ``if engine:`` would call ``len()``)."""
        return True

    def __repr__(self) -> str:
        if self.closed:
            return "<mamisguide.Engine (closed)>"
        return f"<mamisguide.Engine with {len(self)} associations>"

    def __enter__(self) -> "Engine":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def __del__(self) -> None:
        handle = getattr(self, "_handle", None)
        if handle:
            try:
                self._handle = None
                self._lib.mg_engine_free(handle)
            except Exception:  # interpreter shutdown: nothing left to do
                pass

    @contextmanager
    def _reading(self) -> Iterator[int]:
        with self._lock.read():
            if not self._handle:
                raise _closed()
            yield self._handle

    @contextmanager
    def _writing(self) -> Iterator[int]:
        with self._lock.write():
            if not self._handle:
                raise _closed()
            yield self._handle

    # ---- loading -------------------------------------------------------------------------------

    def load_directory(self, path: Optional[PathLike], encoding: Optional[str] = None) -> "Engine":
        """Adds the municipal associations of a master file, CSV or JSON (as
        ``mg_engine_load_directory``). All or nothing: raises
        :class:`MamisguideError` ``io_error`` (unreadable) or ``load_error`` (refused; the
        message names the file and line) and leaves the engine unchanged. ``encoding``
        (``"auto"``, ``"utf-8"``, ``"cp932"``) overrides the engine's for this load; what the
        loader noticed (read as CP932, columns ignored) is in :meth:`notices`."""
        with self._loading(encoding) as h:
            self._lib.mg_engine_load_directory(h, None if path is None else os.fsencode(path))
        return self

    def load_directory_bytes(self, data: Union[bytes, str], encoding: Optional[str] = None) -> "Engine":
        """As :meth:`load_directory`, from the master's bytes (or text)."""
        raw = data.encode("utf-8") if isinstance(data, str) else bytes(data)
        with self._loading(encoding) as h:
            self._lib.mg_engine_load_directory_buffer(h, raw, len(raw))
        return self

    def load_categories(self, path: Optional[PathLike], encoding: Optional[str] = None) -> "Engine":
        """Adds per-association category catalogues from a CSV file (``association,code,label``)."""
        with self._loading(encoding) as h:
            self._lib.mg_engine_load_categories(h, None if path is None else os.fsencode(path))
        return self

    def load_categories_bytes(self, data: Union[bytes, str], encoding: Optional[str] = None) -> "Engine":
        """As :meth:`load_categories`, from the CSV's bytes (or text)."""
        raw = data.encode("utf-8") if isinstance(data, str) else bytes(data)
        with self._loading(encoding) as h:
            self._lib.mg_engine_load_categories_buffer(h, raw, len(raw))
        return self

    def notices(self, lang: LangLike = "ja") -> List[str]:
        """What the last load noticed, whether it succeeded or not: e.g. that the file was read
        as CP932, or which columns were ignored (``"file: notice (detail)"``)."""
        code = _convert.lang_number(lang)
        with self._writing() as h:  # mg_engine_notice formats into the engine
            n = self._lib.mg_engine_notice_count(h)
            out = []
            for i in range(n):
                text = self._lib.mg_engine_notice(h, i, code)
                if text is None:  # it could not format the text: out of memory
                    raise _ffi.error_for(_ffi.Status.ERR_NOMEM)
                out.append(text.decode("utf-8"))
            return out

    @contextmanager
    def _loading(self, encoding: Optional[str]) -> Iterator[int]:
        code = self._encoding if encoding is None else _encoding_code(encoding)
        with self._writing() as h:
            self._lib.mg_engine_set_encoding(h, code)
            yield h

    def set_year_end(self, first: Tuple[int, int] = (12, 29), last: Tuple[int, int] = (1, 3)) -> "Engine":
        """Sets the support desk's year-end break, (month, day) to (month, day) inclusive."""
        with self._writing() as h:
            self._lib.mg_engine_set_year_end(h, first[0], first[1], last[0], last[1])
        return self

    # ---- the directory -------------------------------------------------------------------------

    def __len__(self) -> int:
        """The number of associations (48 built in, plus the municipal ones loaded)."""
        with self._reading() as h:
            n = c_size_t()
            self._lib.mg_association_count(h, byref(n))
            return n.value

    def associations(self, lang: LangLike = "ja") -> List[Association]:
        """Every association: JMA, the 47 prefectures, then the municipal ones in load order."""
        ln = _convert.lang_number(lang)
        with self._reading() as h:
            n = c_size_t()
            self._lib.mg_association_count(h, byref(n))
            out = []
            info = _ffi.MgAssociationInfo()
            for i in range(n.value):
                self._lib.mg_association_at(h, i, ln, byref(info))
                out.append(_association(info))
            return out

    def find_association(self, code: str, lang: LangLike = "ja") -> Optional[Association]:
        """The association with this code, or None."""
        ln = _convert.lang_number(lang)
        info = _ffi.MgAssociationInfo()
        with self._reading() as h:
            status = self._lib.mg_association_find(h, code.encode("utf-8"), ln, byref(info))
            return None if status else _association(info)

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and self.find_association(code) is not None

    def directory_dot(self, lang: LangLike = "ja") -> str:
        """The hierarchy as Graphviz DOT."""
        ln = _convert.lang_number(lang)
        out = c_void_p()
        with self._reading() as h:
            self._lib.mg_directory_dot(h, ln, byref(out))
        return _ffi.take_string(out) or ""

    # ---- the JSON contract ---------------------------------------------------------------------

    def respond(self, request: RequestLike) -> Dict[str, Any]:
        """One request of the JSON contract in (a dict, or its JSON text), one response out.

        Never raises for a refusal: returns ``{"ok": False, "error": {...}}`` for one.
        """
        return self._respond(request)[1]

    def plan(self, request: RequestLike) -> Dict[str, Any]:
        """As :meth:`respond`, but returns only plans: a refusal raises :class:`RefusalError`
        (with ``code``, ``message``, ``field``, ``suggestion`` and the whole ``response``)."""
        status, response = self._respond(request)
        if not response.get("ok"):
            raise _convert.refusal_from_response(response, status)
        return response

    def respond_text(self, request: RequestLike) -> str:
        """As :meth:`respond`, but the response as the library wrote it: its JSON text."""
        return self._respond_text(request)[1]

    def _respond(self, request: RequestLike) -> Tuple[int, Dict[str, Any]]:
        status, text = self._respond_text(request)
        return status, json.loads(text)

    def _respond_text(self, request: RequestLike) -> Tuple[int, str]:
        if isinstance(request, bytes):
            data = request
        elif isinstance(request, str):
            data = request.encode("utf-8")
        else:
            data = json.dumps(_convert.jsonable(request), ensure_ascii=False).encode("utf-8")
        out = c_void_p()
        with self._reading() as h:
            status = self._lib.mg_plan_json(h, data, len(data), byref(out))
        text = _ffi.take_string(out)
        if text is None:
            raise _ffi.error_for(status)
        return status, text

    # ---- typed helpers: one operation each, answered by the JSON contract -----------------------

    def join(
        self,
        municipal: str,
        levels: LevelsLike,
        categories: CategoriesLike = None,
        member: MemberLike = None,
        proxy: bool = False,
        lang: LangLike = "ja",
    ) -> Dict[str, Any]:
        """Join (shinki nyukai): ``municipal`` and the levels above it in ``levels``."""
        return self._typed(member, lang, operation="join", municipal=municipal,
                           levels=_convert.levels_value(levels), categories=categories, proxy=proxy)

    def additional_join(
        self,
        member: MemberLike,
        levels: LevelsLike,
        categories: CategoriesLike = None,
        proxy: bool = False,
        lang: LangLike = "ja",
    ) -> Dict[str, Any]:
        """Additional join (tsuika nyukai): add ``levels`` (each with a category) to a chain."""
        return self._typed(member, lang, operation="additional_join",
                           levels=_convert.levels_value(levels), categories=categories, proxy=proxy)

    def change_category(
        self, member: MemberLike, categories: CategoriesLike, proxy: bool = False, lang: LangLike = "ja"
    ) -> Dict[str, Any]:
        """Change of member category: a new category for each level in ``categories``."""
        return self._typed(member, lang, operation="change_category", categories=categories, proxy=proxy)

    def change_facility(
        self, member: MemberLike, reason: Optional[str] = None, proxy: bool = False, lang: LangLike = "ja"
    ) -> Dict[str, Any]:
        """Change of facility without a change of association."""
        return self._typed(member, lang, operation="change_facility", reason=reason, proxy=proxy)

    def transfer(
        self,
        member: MemberLike,
        destination: str,
        categories: CategoriesLike = None,
        reason: Optional[str] = None,
        proxy: bool = False,
        lang: LangLike = "ja",
    ) -> Dict[str, Any]:
        """Change of facility with a change of association, to ``destination``."""
        return self._typed(member, lang, operation="transfer", municipal=destination,
                           categories=categories, reason=reason, proxy=proxy)

    def withdraw(
        self,
        member: MemberLike,
        levels: LevelsLike,
        cascade: bool = False,
        proxy: bool = False,
        lang: LangLike = "ja",
    ) -> Dict[str, Any]:
        """Withdrawal: leave ``levels`` (the top of the chain; ``cascade`` widens to the smallest
        legal set)."""
        return self._typed(member, lang, operation="withdraw", levels=_convert.levels_value(levels),
                           cascade=cascade, proxy=proxy)

    def _typed(self, member: MemberLike, lang: LangLike, **request: Any) -> Dict[str, Any]:
        """One request of the contract, made of the helper's arguments; the plan, or RefusalError.

        Flags that are off are left out (as the contract's defaults); nothing here judges a value.
        """
        for flag in ("cascade", "proxy"):
            if flag in request:
                request[flag] = bool(request[flag]) or None
        if request.get("categories") == {}:
            request["categories"] = None
        return self.plan(_convert.request_json(member, request, lang))

    # ---- the support desk ----------------------------------------------------------------------

    def support_status(self, when: Union[None, datetime, str] = None, lang: LangLike = "ja") -> SupportStatus:
        """Is the desk open at ``when`` (an aware datetime or ISO 8601 text with an offset; now
        when None), with this engine's year-end break; and when does it next open."""
        with self._reading() as h:
            return _support_status(h, when, lang)


_ENCODINGS = {"auto": 0, "utf-8": 1, "utf8": 1, "cp932": 2, "shift_jis": 2, "sjis": 2}


def _encoding_code(encoding: str) -> int:
    """The C ABI's MG_ENCODING_* for a name; ValueError for anything else."""
    code = _ENCODINGS.get(str(encoding).lower()) if isinstance(encoding, str) else None
    if code is None:
        raise ValueError(f"encoding must be 'auto', 'utf-8' or 'cp932', not {encoding!r}")
    return code


def _association(info: _ffi.MgAssociationInfo) -> Association:
    return Association(
        level=Level(info.level).json_name,
        code=_ffi.decode(info.code) or "",
        name=_ffi.decode(info.name) or "",
        parent_code=_ffi.decode(info.parent_code),
    )
