"""Conversions between Python values, the C structs and the JSON contract's dict shapes."""

from __future__ import annotations

import enum
from ctypes import c_char_p
from typing import Any, Dict, Iterable, List, Mapping, Optional, Union

from . import _ffi
from .enums import Lang, Level, MyPage, Operation
from .errors import RefusalError

LevelsLike = Union[None, int, str, Level, Iterable[Union[str, Level]]]
CategoriesLike = Optional[Mapping[Union[str, Level], Optional[str]]]
LangLike = Union[str, Lang]

_LEVELS = ("municipal", "prefectural", "national")  # index = MG_IDX_*, bit = 1 << index
_FORMS = ("admission", "transfer", "withdrawal")
_SELECTIONS = (None, "new", "additional", "category_change", "association_transfer")
_ACTORS = ("member", "secretariat")
_PREREQUISITES = ("user_registration", "mypage_check")
_NOTES = (
    "cascade_applied",
    "prefectural_moves",
    "prefectural_stays",
    "national_continues",
    "category_unchecked",
    "proxy",
    "category_ignored",
)
_TAKES_LEVELS = {"join", "additional_join", "change_category", "withdraw"}


def bad_request(message: str, field: str) -> RefusalError:
    """An ``invalid_request`` refusal found on the Python side (before the library is called)."""
    return RefusalError(message, code="invalid_request", status=1, field=field)


def lang_number(lang: LangLike) -> int:
    """``"ja"``/``"en"`` (or a :class:`Lang`) as ``MG_LANG_*``; ValueError otherwise."""
    return Lang(lang).c_value


def level_names(bits: int) -> List[str]:
    """The JSON names of a bit set, bottom first."""
    return [name for i, name in enumerate(_LEVELS) if bits & (1 << i)]


def _level_bit(value: Union[str, Level], field: str) -> int:
    if isinstance(value, Level):
        if int(value) not in (1, 2, 4):
            raise bad_request(f"not a single level: {value!r}", field)
        return int(value)
    if isinstance(value, str) and value in _LEVELS:
        return 1 << _LEVELS.index(value)
    raise bad_request(f"unknown level: {value!r}", field)


def level_bits(levels: LevelsLike, field: str) -> int:
    """A set of levels (a :class:`Level` flag, a name, or names) as C bits.

    Unknown names and repeats are refused as ``invalid_request``, as the JSON contract does.
    """
    if levels is None:
        return 0
    if isinstance(levels, (Level, int)) and not isinstance(levels, bool):
        bits = int(levels)
        if not 0 <= bits <= 7:
            raise bad_request(f"levels out of range: {bits}", field)
        return bits
    if isinstance(levels, str):
        return _level_bit(levels, field)
    bits = 0
    for item in levels:
        bit = _level_bit(item, field)
        if bits & bit:
            raise bad_request(f"level given twice: {item!r}", field)
        bits |= bit
    return bits


def categories_array(categories: CategoriesLike, field: str) -> "Any":
    """A mapping level → code as ``const char *[3]`` (None for an empty mapping)."""
    if not categories:
        return None
    if not isinstance(categories, Mapping):
        raise bad_request("categories must be a mapping of level to code", field)
    array = (c_char_p * 3)()
    for key, code in categories.items():
        index = _level_bit(key, field).bit_length() - 1
        if code is not None and not isinstance(code, str):
            raise bad_request(f"category code must be a string: {code!r}", field)
        array[index] = None if code is None else code.encode("utf-8")
    return array


def encode(text: Optional[str], field: str) -> Optional[bytes]:
    """An optional str as UTF-8 bytes for a ``const char *``."""
    if text is None:
        return None
    if not isinstance(text, str):
        raise bad_request(f"expected a string: {text!r}", field)
    return text.encode("utf-8")


_MEMBER_FIELDS = {"mypage", "municipal", "prefectural", "levels", "categories"}


def member_struct(member: Optional[Mapping[str, Any]]) -> _ffi.MgMember:
    """A member dict in the contract's shape (or None: not a member) as ``mg_member``."""
    m = _ffi.MgMember()
    if member is None:
        return m
    if not isinstance(member, Mapping):
        raise bad_request("member must be a mapping in the contract's member shape", "member")
    unknown = set(member) - _MEMBER_FIELDS
    if unknown:
        raise bad_request(f"unknown member field(s): {', '.join(sorted(map(str, unknown)))}", "member")
    page = member.get("mypage")
    try:
        m.mypage = MyPage(page if page is not None else "yes").c_value
    except ValueError:
        raise bad_request(f"unknown mypage: {page!r}", "member.mypage") from None
    m.municipal = encode(member.get("municipal"), "member.municipal")
    m.prefectural = encode(member.get("prefectural"), "member.prefectural")
    m.levels = level_bits(member.get("levels"), "member.levels")
    array = categories_array(member.get("categories"), "member.categories")
    if array is not None:
        m.categories = array
    return m


def jsonable(value: Any) -> Any:
    """A request with :class:`Level` flags and enums turned into the contract's JSON values."""
    if isinstance(value, Level):
        return value.names() if int(value) not in (1, 2, 4) else value.json_name
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, Mapping):
        return {
            (k.json_name if isinstance(k, Level) else str(k) if isinstance(k, enum.Enum) else k): jsonable(v)
            for k, v in value.items()
        }
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    if isinstance(value, (set, frozenset)):
        return [jsonable(v) for v in sorted(value, key=_level_order)]
    return value


def _level_order(v: Any) -> Any:
    if isinstance(v, Level):
        return int(v)
    if v in _LEVELS:
        return 1 << _LEVELS.index(v)
    return str(v)


# ---- from the C structs -------------------------------------------------------------------------

_d = _ffi.decode


def _categories_dict(levels: int, codes: Any) -> Dict[str, str]:
    return {
        name: _d(codes[i])  # type: ignore[misc]
        for i, name in enumerate(_LEVELS)
        if levels & (1 << i) and codes[i]
    }


def request_dict(r: _ffi.MgRequest) -> Dict[str, Any]:
    """An ``mg_request`` (a refusal's suggestion) in the contract's ``request`` shape."""
    op = Operation.from_c(r.operation).value
    out: Dict[str, Any] = {"operation": op}
    if op in _TAKES_LEVELS:
        out["levels"] = level_names(r.levels)
    if r.municipal:
        out["municipal"] = _d(r.municipal)
    categories = _categories_dict(7, r.categories)
    if categories:
        out["categories"] = categories
    if r.reason:
        out["reason"] = _d(r.reason)
    if r.cascade:
        out["cascade"] = True
    if r.proxy:
        out["proxy"] = True
    return out


def support_contact_dict(lang: int) -> Dict[str, str]:
    """The support desk's contact details (``mg_support_contact_info``)."""
    c = _ffi.MgSupportContact()
    _ffi.library().mg_support_contact_info(lang, c)
    return {
        "name": _d(c.name) or "",
        "phone": _d(c.phone) or "",
        "mail": _d(c.mail) or "",
        "hours": _d(c.hours) or "",
    }


def prerequisite_dict(p: _ffi.MgPrerequisiteInfo, lang: int) -> Dict[str, Any]:
    """An ``mg_prerequisite_info`` as the JSON plan's prerequisite object."""
    kind = _PREREQUISITES[p.kind]
    out: Dict[str, Any] = {
        "kind": kind,
        "steps": [_d(p.steps[i]) for i in range(p.n_steps)],
        "manual": _d(p.manual),
    }
    if kind == "mypage_check":
        out["methods"] = ["initial_login", "member_search"]
    if p.support_desk:
        out["support"] = support_contact_dict(lang)
    return out


def plan_dict(p: _ffi.MgPlanInfo, lang: int) -> Dict[str, Any]:
    """An ``mg_plan_info`` in the shape of the JSON plan (``mg_plan_json``)."""
    categories = [p.categories[i] for i in range(p.n_categories)]
    result = p.result
    notes = []
    for i in range(p.n_notes):
        n = p.notes[i]
        note: Dict[str, Any] = {"kind": _NOTES[n.kind], "text": _d(n.text), "levels": level_names(n.levels)}
        if n.association:
            note["association"] = _d(n.association)
        notes.append(note)
    return {
        "ok": True,
        "operation": Operation.from_c(p.operation).value,
        "form": _FORMS[p.form],
        "form_label": _d(p.form_label),
        "selection": _SELECTIONS[p.selection],
        "selection_label": _d(p.selection_label),
        "checked": [
            {"level": level_names(a.level)[0], "code": _d(a.code), "name": _d(a.name)}
            for a in (p.checked[i] for i in range(p.n_checked))
        ],
        "categories": {level_names(c.level)[0]: _d(c.code) for c in categories},
        "category_labels": {level_names(c.level)[0]: _d(c.label) for c in categories},
        "prerequisites": [prerequisite_dict(p.prerequisites[i], lang) for i in range(p.n_prerequisites)],
        "steps": [_d(p.steps[i]) for i in range(p.n_steps)],
        "manual": _d(p.manual),
        "actor": _ACTORS[p.actor],
        "result": _result_dict(result),
        "notes": notes,
        "rule": _d(p.rule),
        "reason": _d(p.reason),
        "case": {"label": _d(p.guide_case), "instruction": _d(p.guide_instruction)},
    }


def refusal_error(r: _ffi.MgRefusalInfo) -> RefusalError:
    """An ``mg_refusal_info`` as a :class:`RefusalError` (the message naming what is at fault,
    and the same ``details`` as the JSON path's, but those that need the directory:
    ``allowed`` and ``candidates``)."""
    details: Dict[str, Any] = {}
    if r.levels:
        details["levels"] = level_names(r.levels)
    if r.n_associations:
        details["associations"] = [
            {
                "level": level_names(a.level)[0],
                "code": _d(a.code),
                "name": _d(a.name),
            }
            for a in r.associations[: r.n_associations]
        ]
    if r.value:
        details["value"] = _d(r.value)
    if r.problem:
        details["problem"] = _d(r.problem)
    return RefusalError(
        r.text.decode("utf-8", "replace") or _d(r.message) or "",
        code=_d(r.code_name) or "invalid_request",
        status=r.code,
        field=_d(r.field),
        suggestion=request_dict(r.suggestion) if r.has_suggestion else None,
        details=details,
    )


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


def _result_dict(result: Any) -> Dict[str, Any]:
    """The plan's ``result`` exactly as the JSON writer gives it: categories only when known."""
    out: Dict[str, Any] = {
        "municipal": _d(result.municipal),
        "prefectural": _d(result.prefectural),
        "levels": level_names(result.levels),
    }
    categories = _categories_dict(result.levels, result.categories)
    if categories:
        out["categories"] = categories
    return out
