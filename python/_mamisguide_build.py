# SPDX-FileCopyrightText: 2026 The mamisguide authors
# SPDX-License-Identifier: Apache-2.0
"""A tiny in-tree PEP 517 build backend for the pure-Python mamisguide package.

It needs nothing but the standard library, so ``pip install ./python`` works offline, with or
without build isolation (setuptools 65 cannot build a wheel without the ``wheel`` package,
which is not installed everywhere). It builds a ``py3-none-any`` wheel of the ``mamisguide``
package (``*.py`` and ``py.typed`` only: libmamisguide.so is installed separately), an sdist,
and a PEP 660 editable wheel (a ``.pth`` file pointing here). Metadata comes from the
``[project]`` table of pyproject.toml.
"""

from __future__ import annotations

import base64
import hashlib
import io
import re
import tarfile
import zipfile
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

HERE = Path(__file__).resolve().parent
PACKAGE = "mamisguide"
_EPOCH = (1980, 1, 1, 0, 0, 0)  # reproducible archives


# ---- metadata ------------------------------------------------------------------------------------


def _project() -> Dict[str, Any]:
    text = (HERE / "pyproject.toml").read_text(encoding="utf-8")
    try:
        import tomllib  # Python 3.11+

        return dict(tomllib.loads(text)["project"])
    except ImportError:
        return _parse_project_table(text)


def _parse_project_table(text: str) -> Dict[str, Any]:
    """Enough TOML for our own [project] table: strings and (multi-line) lists of strings."""
    out: Dict[str, Any] = {}
    section = ""
    lines = iter(text.splitlines())
    for line in lines:
        line = line.strip()
        if line.startswith("["):
            section = line.strip("[]").strip()
            continue
        if section != "project" or "=" not in line or line.startswith("#"):
            continue
        key, value = (s.strip() for s in line.split("=", 1))
        if value.startswith("[") and not value.endswith("]"):
            for more in lines:
                value += more.strip()
                if more.strip().endswith("]"):
                    break
        if value.startswith("["):
            out[key] = re.findall(r'"((?:[^"\\]|\\.)*)"', value)
        else:
            out[key] = value.strip('"')
    return out


def _name_version() -> Tuple[str, str]:
    p = _project()
    return p["name"], p["version"]


def _metadata() -> str:
    p = _project()
    lines = [
        "Metadata-Version: 2.1",
        f"Name: {p['name']}",
        f"Version: {p['version']}",
        f"Summary: {p.get('description', '')}",
    ]
    if p.get("requires-python"):
        lines.append(f"Requires-Python: {p['requires-python']}")
    if p.get("keywords"):
        lines.append("Keywords: " + ",".join(p["keywords"]))
    lines += [f"Classifier: {c}" for c in p.get("classifiers", [])]
    lines += [f"Requires-Dist: {d}" for d in p.get("dependencies", [])]
    return "\n".join(lines) + "\n"


def _dist_info() -> str:
    name, version = _name_version()
    return f"{name}-{version}.dist-info"


def _wheel_file(tag: str = "py3-none-any") -> str:
    return "\n".join(["Wheel-Version: 1.0", "Generator: _mamisguide_build", "Root-Is-Purelib: true",
                      f"Tag: {tag}", ""])


def _package_files() -> List[Path]:
    root = HERE / PACKAGE
    return sorted(p for p in root.rglob("*") if p.is_file() and (p.suffix == ".py" or p.name == "py.typed")
                  and "__pycache__" not in p.parts)


# ---- archives ------------------------------------------------------------------------------------


class _Wheel:
    """Writes a wheel with a RECORD of every file."""

    def __init__(self, path: Path) -> None:
        self.zip = zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED)
        self.records: List[str] = []

    def add(self, arcname: str, data: bytes) -> None:
        info = zipfile.ZipInfo(arcname, date_time=_EPOCH)
        info.external_attr = 0o644 << 16
        info.compress_type = zipfile.ZIP_DEFLATED
        self.zip.writestr(info, data)
        digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
        self.records.append(f"{arcname},sha256={digest},{len(data)}")

    def close(self, dist_info: str) -> None:
        record = f"{dist_info}/RECORD"
        info = zipfile.ZipInfo(record, date_time=_EPOCH)
        info.external_attr = 0o644 << 16
        self.zip.writestr(info, "\n".join(self.records + [f"{record},,"]) + "\n")
        self.zip.close()


def _write_dist_info(add: Any) -> None:
    d = _dist_info()
    add(f"{d}/METADATA", _metadata().encode())
    add(f"{d}/WHEEL", _wheel_file().encode())
    add(f"{d}/top_level.txt", f"{PACKAGE}\n".encode())


def _build(wheel_directory: str, editable: bool) -> str:
    name, version = _name_version()
    filename = f"{name}-{version}-py3-none-any.whl"
    wheel = _Wheel(Path(wheel_directory) / filename)
    if editable:
        wheel.add(f"_{PACKAGE}_editable.pth", (str(HERE) + "\n").encode())
    else:
        for path in _package_files():
            wheel.add(path.relative_to(HERE).as_posix(), path.read_bytes())
    _write_dist_info(wheel.add)
    wheel.close(_dist_info())
    return filename


# ---- PEP 517 / PEP 660 hooks ---------------------------------------------------------------------


def get_requires_for_build_wheel(config_settings: Optional[Dict[str, Any]] = None) -> List[str]:
    return []


def get_requires_for_build_sdist(config_settings: Optional[Dict[str, Any]] = None) -> List[str]:
    return []


def get_requires_for_build_editable(config_settings: Optional[Dict[str, Any]] = None) -> List[str]:
    return []


def prepare_metadata_for_build_wheel(metadata_directory: str,
                                     config_settings: Optional[Dict[str, Any]] = None) -> str:
    def add(arcname: str, data: bytes) -> None:
        target = Path(metadata_directory) / arcname
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)

    _write_dist_info(add)
    return _dist_info()


prepare_metadata_for_build_editable = prepare_metadata_for_build_wheel


def build_wheel(wheel_directory: str, config_settings: Optional[Dict[str, Any]] = None,
                metadata_directory: Optional[str] = None) -> str:
    return _build(wheel_directory, editable=False)


def build_editable(wheel_directory: str, config_settings: Optional[Dict[str, Any]] = None,
                   metadata_directory: Optional[str] = None) -> str:
    return _build(wheel_directory, editable=True)


def build_sdist(sdist_directory: str, config_settings: Optional[Dict[str, Any]] = None) -> str:
    name, version = _name_version()
    base = f"{name}-{version}"
    files = [HERE / "pyproject.toml", Path(__file__).resolve()] + _package_files()
    files += sorted(p for p in (HERE / "tests").glob("*.py"))
    filename = f"{base}.tar.gz"
    with tarfile.open(Path(sdist_directory) / filename, "w:gz", format=tarfile.PAX_FORMAT) as tar:

        def add(arcname: str, data: bytes) -> None:
            info = tarfile.TarInfo(f"{base}/{arcname}")
            info.size, info.mode, info.mtime = len(data), 0o644, 315532800  # 1980-01-01
            tar.addfile(info, io.BytesIO(data))

        add("PKG-INFO", _metadata().encode())
        for path in files:
            add(path.relative_to(HERE).as_posix(), path.read_bytes())
    return filename


__all__ = [
    "get_requires_for_build_wheel",
    "get_requires_for_build_sdist",
    "get_requires_for_build_editable",
    "prepare_metadata_for_build_wheel",
    "prepare_metadata_for_build_editable",
    "build_wheel",
    "build_editable",
    "build_sdist",
]
