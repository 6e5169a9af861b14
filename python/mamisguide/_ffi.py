# SPDX-FileCopyrightText: 2026 The mamisguide authors
# SPDX-License-Identifier: Apache-2.0
"""The C ABI through ctypes: the structs of ``mamisguide.h``, one declarative table of
functions (name, argtypes, restype, errcheck), and finding the shared library.

Everything here mirrors ``capi/mamisguide.h`` exactly; nothing decides anything.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import glob
import os
import sys
import sysconfig
import threading
from ctypes import (
    POINTER,
    Structure,
    c_char,
    c_char_p,
    c_int,
    c_int64,
    c_size_t,
    c_uint,
    c_uint64,
    c_void_p,
)
from pathlib import Path
from typing import Any, Callable, List, Optional, Sequence, Tuple

from .enums import Status
from .errors import LibraryNotFoundError, MamisguideError, OutOfMemoryError, RefusalError

#: The environment variable that names the shared library (a path); it is tried first.
ENV_VAR = "MAMISGUIDE_LIBRARY"
#: The ABI major version this package speaks (the library's SONAME is libmamisguide.so.1).
ABI_MAJOR = 1
#: The library's SONAME: what the dynamic loader is asked for first.
SONAME = f"libmamisguide.so.{ABI_MAJOR}"

# ---- structs (field by field as in mamisguide.h) -----------------------------------------------
# The versioned structs start with ``version`` (docs/abi.md). These classes are the layouts of the
# versions named by ``_version_``; the package always passes its own, so a newer 1.x library
# reads and writes exactly these fields.


class _Versioned(Structure):
    """A struct whose first member is ``unsigned version`` (set on creation and on every call)."""

    _version_ = 1

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.version = self._version_


def _versioned_pointer(cls: Any) -> Any:
    """The argtype for a pointer to ``cls`` (or to an array of them): sets the version of the
    struct (of the array's first element, which gives the layout of all) to the package's own,
    so that structs made any way (arrays are never ``__init__``-ed) are passed as that version."""
    base = POINTER(cls)

    def from_param(klass: Any, obj: Any) -> Any:
        target = getattr(obj, "_obj", obj)  # byref(x) -> x
        if isinstance(target, ctypes.Array):
            target = target[0] if len(target) else None
        elif isinstance(target, ctypes._Pointer):  # type: ignore[attr-defined]
            target = target.contents if target else None
        if isinstance(target, cls):
            target.version = cls._version_
        return base.from_param(obj)

    return type(f"LP_versioned_{cls.__name__}", (base,), {"from_param": classmethod(from_param)})


class MgMember(_Versioned):
    """``mg_member``: a member as the caller knows them."""

    _fields_ = [
        ("version", c_uint),
        ("mypage", c_int),
        ("municipal", c_char_p),
        ("prefectural", c_char_p),
        ("levels", c_uint),
        ("categories", c_char_p * 3),
    ]


class MgRequest(_Versioned):
    """``mg_request``: one application."""

    _fields_ = [
        ("version", c_uint),
        ("operation", c_int),
        ("levels", c_uint),
        ("municipal", c_char_p),
        ("categories", c_char_p * 3),
        ("reason", c_char_p),
        ("cascade", c_int),
        ("proxy", c_int),
    ]


class MgAssociationInfo(_Versioned):
    """``mg_association_info``."""

    _fields_ = [
        ("version", c_uint),
        ("level", c_uint),
        ("code", c_char_p),
        ("name", c_char_p),
        ("parent_code", c_char_p),
    ]


class MgCategoryInfo(Structure):
    """``mg_category_info``."""

    _fields_ = [
        ("level", c_uint),
        ("code", c_char_p),
        ("label", c_char_p),
        ("checked", c_int),
    ]


class MgPrerequisiteInfo(_Versioned):
    """``mg_prerequisite_info``."""

    _fields_ = [
        ("version", c_uint),
        ("kind", c_int),
        ("n_steps", c_size_t),
        ("steps", c_char_p * 4),
        ("manual", c_char_p),
        ("support_desk", c_int),
    ]


class MgNoteInfo(Structure):
    """``mg_note_info``."""

    _fields_ = [
        ("kind", c_int),
        ("text", c_char_p),
        ("levels", c_uint),
        ("association", c_char_p),
    ]


class MgStateInfo(Structure):
    """``mg_state_info``."""

    _fields_ = [
        ("municipal", c_char_p),
        ("prefectural", c_char_p),
        ("levels", c_uint),
        ("categories", c_char_p * 3),
    ]


class MgPlanInfo(Structure):
    """``mg_plan_info``."""

    _fields_ = [
        ("operation", c_int),
        ("form", c_int),
        ("form_label", c_char_p),
        ("selection", c_int),
        ("selection_label", c_char_p),
        ("guide_case", c_char_p),
        ("guide_instruction", c_char_p),
        ("n_checked", c_size_t),
        ("checked", MgAssociationInfo * 3),
        ("n_categories", c_size_t),
        ("categories", MgCategoryInfo * 3),
        ("n_prerequisites", c_size_t),
        ("prerequisites", MgPrerequisiteInfo * 1),
        ("n_steps", c_size_t),
        ("steps", c_char_p * 8),
        ("manual", c_char_p),
        ("actor", c_int),
        ("result", MgStateInfo),
        ("n_notes", c_size_t),
        ("notes", MgNoteInfo * 8),
        ("rule", c_char_p),
        ("reason", c_char_p),
    ]


class MgRefusalInfo(Structure):
    """``mg_refusal_info``."""

    _fields_ = [
        ("code", c_int),
        ("code_name", c_char_p),
        ("message", c_char_p),
        ("field", c_char_p),
        ("has_suggestion", c_int),
        ("suggestion", MgRequest),
        ("levels", c_uint),
        ("n_associations", c_size_t),
        ("associations", MgAssociationInfo * 3),
        ("value", c_char_p),
        ("problem", c_char_p),
        ("text", c_char * 1024),
    ]


class MgResult(_Versioned):
    """``mg_result``: a plan (status MG_OK) or a refusal."""

    _fields_ = [
        ("version", c_uint),
        ("status", c_int),
        ("plan", MgPlanInfo),
        ("refusal", MgRefusalInfo),
    ]


class MgSupportInfo(_Versioned):
    """``mg_support_info``."""

    _fields_ = [
        ("version", c_uint),
        ("open", c_int),
        ("reason", c_int),
        ("reason_text", c_char_p),
        ("holiday", c_char_p),
        ("next_open", c_int64),
        ("next_open_iso", c_char * 32),
    ]


class MgSupportContact(_Versioned):
    """``mg_support_contact``."""

    _fields_ = [
        ("version", c_uint),
        ("name", c_char_p),
        ("phone", c_char_p),
        ("mail", c_char_p),
        ("hours", c_char_p),
    ]


class MgHolidayInfo(_Versioned):
    """``mg_holiday_info`` (in an array, the first element's version gives the layout)."""

    _fields_ = [
        ("version", c_uint),
        ("year", c_int),
        ("month", c_int),
        ("day", c_int),
        ("name", c_char_p),
        ("name_en", c_char_p),
    ]


#: Every struct of the header, by its C name (the tests compare their layout with a C compiler).
STRUCTS = {
    "mg_member": MgMember,
    "mg_request": MgRequest,
    "mg_association_info": MgAssociationInfo,
    "mg_category_info": MgCategoryInfo,
    "mg_prerequisite_info": MgPrerequisiteInfo,
    "mg_note_info": MgNoteInfo,
    "mg_state_info": MgStateInfo,
    "mg_plan_info": MgPlanInfo,
    "mg_refusal_info": MgRefusalInfo,
    "mg_result": MgResult,
    "mg_support_info": MgSupportInfo,
    "mg_support_contact": MgSupportContact,
    "mg_holiday_info": MgHolidayInfo,
}

#: The versioned structs (their first member is ``version``).
VERSIONED = {name: cls for name, cls in STRUCTS.items() if issubclass(cls, _Versioned)}

# ---- errors --------------------------------------------------------------------------------------


def decode(value: Optional[bytes]) -> Optional[str]:
    """A C string (bytes or None) as str."""
    return None if value is None else value.decode("utf-8", errors="replace")


def error_for(status: int, message: Optional[str] = None) -> MamisguideError:
    """The exception for a status; the message defaults to ``mg_last_error()``."""
    lib = library()
    code = decode(lib.mg_status_name(status)) or "unknown_status"
    if message is None:
        message = decode(lib.mg_last_error()) or ""
    if status == Status.ERR_NOMEM:
        return OutOfMemoryError(message, code=code, status=status)
    if Status.INVALID_REQUEST <= status <= Status.NO_CATEGORY:
        # mg_last_error() reads "code: message" for refusals.
        prefix = code + ": "
        if message.startswith(prefix):
            message = message[len(prefix):]
        return RefusalError(message, code=code, status=status)
    return MamisguideError(message, code=code, status=status)


def _check_ok(result: int, func: Any, args: Tuple[Any, ...]) -> int:
    """errcheck for functions that return MG_OK or an error: raises on anything else."""
    if result != Status.OK:
        raise error_for(result)
    return result


def _check_errors(result: int, func: Any, args: Tuple[Any, ...]) -> int:
    """errcheck for functions that may also return a refusal code: raises only on MG_ERR_*."""
    if result < 0:
        raise error_for(result)
    return result


_Errcheck = Optional[Callable[[int, Any, Tuple[Any, ...]], int]]
_P = POINTER
_engine = c_void_p  # mg_engine * (opaque)
_out_string = _P(c_void_p)  # char ** (freed with mg_free, so kept as a raw pointer)
_categories = _P(c_char_p)  # const char *const categories[3]
_member = _versioned_pointer(MgMember)
_request = _versioned_pointer(MgRequest)
_result = _versioned_pointer(MgResult)
_association = _versioned_pointer(MgAssociationInfo)
_prerequisite = _versioned_pointer(MgPrerequisiteInfo)
_support_info = _versioned_pointer(MgSupportInfo)
_support_contact = _versioned_pointer(MgSupportContact)
_holidays = _versioned_pointer(MgHolidayInfo)

# ---- the table: every function of mamisguide.h ---------------------------------------------------
FUNCTIONS: Sequence[Tuple[str, List[Any], Any, _Errcheck]] = (
    # version and errors
    ("mg_version", [], c_char_p, None),
    ("mg_version_number", [], c_int, None),
    ("mg_status_name", [c_int], c_char_p, None),
    ("mg_last_error", [], c_char_p, None),
    # engines
    ("mg_engine_new", [_P(c_void_p)], c_int, _check_ok),
    ("mg_engine_free", [_engine], None, None),
    ("mg_engine_load_directory", [_engine, c_char_p], c_int, _check_ok),
    ("mg_engine_load_directory_buffer", [_engine, c_char_p, c_size_t], c_int, _check_ok),
    ("mg_engine_load_categories", [_engine, c_char_p], c_int, _check_ok),
    ("mg_engine_load_categories_buffer", [_engine, c_char_p, c_size_t], c_int, _check_ok),
    ("mg_engine_load_sample", [_engine], c_int, _check_ok),  # since 1.1
    ("mg_engine_set_buffer_name", [_engine, c_char_p], c_int, _check_ok),  # since 1.1
    ("mg_engine_set_year_end", [_engine, c_int, c_int, c_int, c_int], c_int, _check_ok),
    ("mg_engine_set_encoding", [_engine, c_int], c_int, _check_ok),
    ("mg_engine_notice_count", [_engine], c_size_t, None),
    ("mg_engine_notice", [_engine, c_size_t, c_int], c_char_p, None),
    ("mg_association_count", [_engine, _P(c_size_t)], c_int, _check_ok),
    ("mg_association_at", [_engine, c_size_t, c_int, _association], c_int, _check_ok),
    ("mg_association_find", [_engine, c_char_p, c_int, _association], c_int, _check_errors),
    # planning (mg_plan_json: the caller frees the response whatever the status, so no errcheck)
    ("mg_plan_json", [_engine, c_char_p, c_size_t, _out_string], c_int, None),
    # since 1.1: into the caller's buffer (MG_ERR_BUFFER with the size needed), and JSON Lines
    ("mg_plan_json_to", [_engine, c_char_p, c_size_t, c_void_p, c_size_t, _P(c_size_t)], c_int, None),
    ("mg_batch_json", [_engine, c_char_p, c_size_t, _out_string], c_int, _check_ok),
    ("mg_plan", [_engine, _member, _request, c_int, _result], c_int, _check_errors),
    ("mg_join", [_engine, _member, c_char_p, c_uint, _categories, c_int, c_int, _result],
     c_int, _check_errors),
    ("mg_additional_join", [_engine, _member, c_uint, _categories, c_int, c_int, _result],
     c_int, _check_errors),
    ("mg_change_category", [_engine, _member, _categories, c_int, c_int, _result],
     c_int, _check_errors),
    ("mg_change_facility", [_engine, _member, c_char_p, c_int, c_int, _result],
     c_int, _check_errors),
    ("mg_transfer", [_engine, _member, c_char_p, _categories, c_char_p, c_int, c_int,
                     _result], c_int, _check_errors),
    ("mg_withdraw", [_engine, _member, c_uint, c_int, c_int, c_int, _result],
     c_int, _check_errors),
    ("mg_check_levels", [c_uint, c_int, c_uint, c_int], c_int, _check_errors),
    ("mg_mypage_step", [c_int, c_int, _prerequisite, _P(c_size_t)], c_int, _check_ok),
    ("mg_recommend_category", [c_int, c_int, c_int, _P(c_char_p), _P(c_char_p)], c_int,
     _check_errors),
    # the guide and the graphs
    ("mg_guide_json", [c_int, _out_string], c_int, _check_ok),
    ("mg_directory_dot", [_engine, c_int, _out_string], c_int, _check_ok),
    ("mg_transitions_dot", [c_int, _out_string], c_int, _check_ok),
    # the support desk
    ("mg_support_contact_info", [c_int, _support_contact], c_int, _check_ok),
    ("mg_support_status", [_engine, c_int64, c_int, _support_info], c_int, _check_ok),
    ("mg_parse_instant", [c_char_p, _P(c_int64)], c_int, _check_ok),
    ("mg_holidays", [c_int, c_int, _holidays, c_size_t, _P(c_size_t)], c_int, _check_ok),
    # memory
    # every other answer as JSON, written by the library
    ("mg_directory_json", [_engine, c_char_p, c_char_p, c_char_p, c_int, _out_string], c_int,
     _check_ok),
    ("mg_association_json", [_engine, c_char_p, c_int, _out_string], c_int, _check_errors),
    ("mg_support_json", [_engine, c_int64, c_int, _out_string], c_int, _check_ok),
    ("mg_holidays_json", [c_int, c_int, _out_string], c_int, _check_ok),
    ("mg_mypage_step_json", [c_int, c_int, _out_string], c_int, _check_ok),
    ("mg_last_load_error_json", [c_int, _out_string], c_int, _check_ok),
    ("mg_check_file", [c_char_p, c_uint64, c_char_p, c_size_t], c_int, _check_ok),  # since 1.1
    ("mg_web_texts_json", [c_int, _out_string], c_int, _check_ok),
    ("mg_guide_categories_json", [_engine, c_char_p, c_char_p, c_uint, c_char_p, c_uint, c_int,
                                  _out_string], c_int, _check_errors),
    # the names of the C constants
    ("mg_operation_name", [c_int], c_char_p, None),
    ("mg_level_name", [c_uint], c_char_p, None),
    ("mg_mypage_name", [c_int], c_char_p, None),
    ("mg_lang_name", [c_int], c_char_p, None),
    ("mg_form_name", [c_int], c_char_p, None),
    ("mg_selection_name", [c_int], c_char_p, None),
    ("mg_actor_name", [c_int], c_char_p, None),
    ("mg_prerequisite_name", [c_int], c_char_p, None),
    ("mg_note_name", [c_int], c_char_p, None),
    ("mg_role_name", [c_int], c_char_p, None),
    ("mg_desk_reason_name", [c_int], c_char_p, None),
    ("mg_free", [c_void_p], None, None),
)

# ---- finding and loading the library -------------------------------------------------------------

_PACKAGE_DIR = Path(__file__).resolve().parent


def _library_names() -> List[str]:
    if sys.platform == "darwin":
        return [f"libmamisguide.{ABI_MAJOR}.dylib", "libmamisguide.dylib"]
    if sys.platform == "win32":
        return ["mamisguide.dll", "libmamisguide.dll"]
    return [SONAME, "libmamisguide.so"]


def candidates() -> List[Tuple[str, str]]:
    """Where the library is looked for, in order, as (description, path or name).

    ``$MAMISGUIDE_LIBRARY`` is handled by :func:`load_library` before these. Only the SONAME
    (libmamisguide.so.1) is loaded from system places: the unversioned libmamisguide.so is
    the -dev package's link-time name and may be another ABI.
    """
    names = _library_names()
    out: List[Tuple[str, str]] = []
    seen = set()

    def add(path: str, description: Optional[str] = None) -> None:
        if path not in seen:
            seen.add(path)
            out.append((description or path, path))

    # 1. the SONAME through the dynamic loader (LD_LIBRARY_PATH, ld.so.cache after ldconfig,
    #    /lib, /usr/lib): a Debian package or `cmake --install` + ldconfig
    add(names[0], f"{names[0]} (the dynamic loader's search path)")
    # 2. the standard library directories, for an install not (yet) in ld.so.cache
    libdirs = [Path(sys.prefix) / "lib"]
    multiarch = sysconfig.get_config_var("MULTIARCH")
    for prefix in ("/usr/local", "/usr"):
        if multiarch:
            libdirs.append(Path(prefix) / "lib" / multiarch)
        libdirs.append(Path(prefix) / "lib")
        libdirs.append(Path(prefix) / "lib64")
    for d in libdirs:
        add(str(d / names[0]))
    # 3. next to the package (a wheel or an install that bundles the library)
    for n in names:
        add(str(_PACKAGE_DIR / n))
    # 4. build trees: the checkout this package lives in, then the working directory
    roots = [_PACKAGE_DIR.parent.parent, Path.cwd()]
    for root in roots:
        for build in ["build"] + sorted(
            os.path.basename(p) for p in glob.glob(str(root / "build*")) if os.path.basename(p) != "build"
        ):
            for n in names:
                add(str(root / build / "capi" / n))
    # 5. whatever else the system knows by name
    found = ctypes.util.find_library("mamisguide")
    add(found if found else "<not found>", "ctypes.util.find_library('mamisguide')")
    return out


class _Library:
    """The loaded CDLL with every function of :data:`FUNCTIONS` declared."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.cdll = ctypes.CDLL(path)
        for name, argtypes, restype, errcheck in FUNCTIONS:
            try:
                fn = getattr(self.cdll, name)
            except AttributeError:
                raise OSError(f"{path} has no function {name}: not a libmamisguide.so.{ABI_MAJOR}") from None
            fn.argtypes = argtypes
            fn.restype = restype
            if errcheck is not None:
                fn.errcheck = errcheck
            setattr(self, name, fn)
        major = self.mg_version_number() // 1000000
        if major != ABI_MAJOR:
            raise OSError(f"{path} is ABI version {major}; this package needs {ABI_MAJOR}")

    def __getattr__(self, name: str) -> Any:  # only for names missing from FUNCTIONS
        raise AttributeError(f"mamisguide._ffi: {name} is not declared in FUNCTIONS")


_lock = threading.Lock()
_lib: Optional[_Library] = None


def load_library(path: Optional[str] = None) -> _Library:
    """Loads libmamisguide once (thread-safe) and returns it.

    ``path`` (or ``$MAMISGUIDE_LIBRARY``) names the library exactly: when given, nothing else is
    tried. Otherwise the places of :func:`candidates` are tried in order. Raises
    :class:`LibraryNotFoundError` listing every place tried and why it failed.
    """
    global _lib
    if _lib is not None and path is None:
        return _lib
    with _lock:
        if _lib is not None and path is None:
            return _lib
        tried: List[Tuple[str, str]] = []
        explicit = path or os.environ.get(ENV_VAR) or None
        if explicit:
            where = "argument" if path else f"${ENV_VAR}"
            try:
                _lib = _Library(explicit)
                return _lib
            except OSError as e:
                tried.append((f"{explicit} ({where})", str(e)))
                raise LibraryNotFoundError(
                    tried, f"{where} names the library exactly; fix it or unset it."
                ) from None
        tried.append((f"${ENV_VAR}", "not set"))
        for description, target in candidates():
            if target == "<not found>":
                tried.append((description, "not found"))
                continue
            if os.sep in target and not os.path.exists(target):
                tried.append((description, "no such file"))
                continue
            try:
                _lib = _Library(target)
                return _lib
            except OSError as e:
                tried.append((description, str(e)))
        raise LibraryNotFoundError(
            tried,
            "Build it with `cmake --build build --target mamisguide_capi`, install it, or set "
            f"{ENV_VAR} to the path of libmamisguide.so.",
        )


def library() -> _Library:
    """The loaded library (loading it on first use)."""
    lib = _lib
    return lib if lib is not None else load_library()


def take_string(ptr: c_void_p) -> Optional[str]:
    """Reads a ``char *`` the library allocated, frees it with mg_free, returns it as str."""
    if not ptr.value:
        return None
    try:
        return ctypes.string_at(ptr.value).decode("utf-8")
    finally:
        library().mg_free(ptr)
        ptr.value = None
