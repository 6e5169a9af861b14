#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The mamisguide authors
# SPDX-License-Identifier: Apache-2.0
"""The Windows build's tests (tests/windows/CMakeLists.txt): the zip of the cross-build
(scripts/windows.sh) and its test programs, run under wine64, against this native build.

  run_windows.py package
      the zip holds exactly its files; its .exe and .dll import only Windows' own DLLs, the DLL
      exports every function of mamisguide.h and nothing else; it is unpacked (for the other
      tests) and the wine prefix made
  run_windows.py consumers
      README's C snippet built against the zip's header and each import library by MinGW-w64,
      and msvc_consumer.c built as MSVC builds (clang for the MSVC target, lld-link, the zip's
      mamisguide.lib): run under wine, the same output as the native snippet's
  run_windows.py capi PROGRAM [ARGS...]
      a test program of the cross-build (tests/capi/*.c, *.cpp, test_paths.c) against the zip's
      mamisguide.dll: it must exit 0
  run_windows.py plan_json INPUTS MASTER CATEGORIES
      tests/bindings' comparison, through the DLL: every request of the plan_json corpus and of
      the benchmark's workload (native_driver.c built for Windows), byte for byte the native
      library's answers
  run_windows.py other_answers MASTER CATEGORIES
      every other answer of the C ABI the same way (load errors and a CP932 master included)
  run_windows.py cli
      mamisguide.exe against the native command line, byte for byte (output, errors, exit
      status): plan and batch on a CP932 master with a Japanese name, named in arguments, in
      the environment and in --request; the sample master next to the program; graph through a
      stand-in for Graphviz's dot.exe
  run_windows.py console
      mamisguide.exe in a console (a pseudo-terminal, which wine turns into a Windows console):
      its Japanese reads correctly whatever the console's code page (437 here), and `guide`
      reads Japanese typed at the console
  run_windows.py serve
      mamisguide.exe serve answers: the same bodies as the native server for the same requests

Every program runs under wine64 with a prefix in the Windows build directory
(build-windows/wine-prefix), WINEDEBUG=-all and the locale C.UTF-8, whose ANSI code page (1252)
holds no Japanese character: a name that reached the program through the ANSI API would be lost.
Without the zip or wine64 each test is skipped (exit 77) saying why; MAMISGUIDE_REQUIRE_WINDOWS=1
(CI's Windows stage) makes that a failure.
"""
from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
import sys
import time
import urllib.parse
import zipfile
from pathlib import Path

SOURCE = Path(os.environ.get("MG_SOURCE_DIR", Path(__file__).resolve().parents[2]))
WINDOWS = Path(os.environ.get("MG_WINDOWS_DIR", SOURCE / "build-windows"))
WORK = Path(os.environ.get("MG_WINDOWS_WORK", WINDOWS / "test-work"))
VERSION = os.environ.get("MG_VERSION", "")
NATIVE_CLI = os.environ.get("MG_CLI", "")
NATIVE_DRIVER = os.environ.get("MG_NATIVE_DRIVER", "")
NATIVE_README_C = os.environ.get("MG_README_C", "")
NAME = f"mamisguide-{VERSION}-win64"
ZIP = WINDOWS / f"{NAME}.zip"
UNPACKED = WORK / NAME
PROGRAMS = WINDOWS / "tests" / "windows"
CP932_MASTER = SOURCE / "tests/fuzz/corpus/master/ok-excel-cp932-windows-characters.csv"
SAMPLE_MASTER = SOURCE / "data/sample-municipal.csv"
SAMPLE_CATEGORIES = SOURCE / "data/sample-categories.csv"

# Windows' own DLLs, which every Windows 10 / Server 2016 has: the only ones the zip may import.
SYSTEM_DLLS = {"kernel32.dll", "msvcrt.dll", "ws2_32.dll", "mswsock.dll", "shell32.dll",
               "advapi32.dll", "user32.dll", "bcrypt.dll", "ntdll.dll"}
ZIP_FILES = {
    "README.txt", "THIRD-PARTY-NOTICES.txt", "LICENSE", "NOTICE",
    "LICENSES/LicenseRef-MAMIS-guide-quotation.txt",
    "bin/mamisguide.exe", "bin/mamisguide.dll",
    "lib/mamisguide.lib", "lib/libmamisguide.dll.a", "lib/mamisguide.def",
    "include/mamisguide.h",
    "share/mamisguide/sample-municipal.csv", "share/mamisguide/sample-categories.csv",
    "examples/c/plan.c", "examples/readme/plan.c", "examples/readme/plan.cs",
    "examples/readme/plan.java", "examples/readme/plan.php",
    "licenses/simdjson-LICENSE.txt", "licenses/simdjson-debian-copyright.txt",
    "licenses/libcsv-COPYING.LESSER.txt", "licenses/libcsv-debian-copyright.txt",
    "licenses/CLI11-debian-copyright.txt", "licenses/nlohmann-json-debian-copyright.txt",
    "licenses/tl-expected-debian-copyright.txt", "licenses/mingw-w64-debian-copyright.txt",
}


def fail(message: str) -> None:
    print(f"FAIL: {message}", flush=True)
    sys.exit(1)


def skip(reason: str) -> None:
    if os.environ.get("MAMISGUIDE_REQUIRE_WINDOWS") == "1":
        fail(f"{reason}, and MAMISGUIDE_REQUIRE_WINDOWS=1 forbids skipping")
    print(f"SKIPPED: {reason} (scripts/windows.sh test builds it and runs these tests; "
          "MAMISGUIDE_REQUIRE_WINDOWS=1 makes this a failure)", flush=True)
    sys.exit(77)


def wine64() -> str:
    for candidate in (shutil.which("wine64"), "/usr/lib/wine/wine64"):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    skip("wine64 is not installed (Debian: wine64)")
    return ""


def require_zip() -> None:
    if not VERSION:
        fail("MG_VERSION is not set")
    if not ZIP.exists():
        skip(f"{ZIP} has not been built (scripts/windows.sh builds it)")


def wine_env(extra_path: list[Path] | None = None) -> dict[str, str]:
    env = dict(os.environ)
    env.update({
        "WINEPREFIX": str(WINDOWS / "wine-prefix"),
        "WINEDEBUG": "-all",
        "WINEDLLOVERRIDES": "mscoree,mshtml=",  # no Mono or Gecko to install
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        # Windows' PATH, where the zip's mamisguide.dll is found by the test programs
        "WINEPATH": ";".join(str(p) for p in (extra_path or []) + [UNPACKED / "bin"]),
    })
    env.pop("MAMISGUIDE_DIRECTORY", None)
    env.pop("MAMISGUIDE_CATEGORIES", None)
    return env


def wine_command(program: Path | str, *args: str) -> list[str]:
    return [wine64(), str(program), *args]


def wine_ready() -> None:
    """Starts the prefix's wineserver, kept for 20 s after its last program, and wine's own
    services, all with no standard streams of ours: otherwise the first program would leave them
    holding its output pipe open (each run then waits for the server to exit), and each run would
    start them again."""
    server = shutil.which("wineserver") or str(Path(wine64()).parent / "wineserver")
    quiet = {"stdin": subprocess.DEVNULL, "stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    subprocess.run([server, "-p20"], env=wine_env(), **quiet)  # (status 2: one is running)
    subprocess.run([wine64(), "wineboot"], env=wine_env(), check=True, timeout=300, **quiet)


def require_unpacked() -> None:
    require_zip()
    wine64()
    if not (UNPACKED / "bin" / "mamisguide.exe").exists():
        fail(f"{UNPACKED} is missing: windows_package unpacks the zip (ctest runs it first)")
    wine_ready()


# ---- PE files: imports and exports -----------------------------------------------------------

class PE:
    """The little of a PE32+ file that is checked here: imported DLLs, exported names."""

    def __init__(self, path: Path):
        self.data = data = path.read_bytes()
        self.path = path
        if data[:2] != b"MZ":
            fail(f"{path}: not a PE file")
        pe = struct.unpack_from("<I", data, 0x3C)[0]
        if data[pe:pe + 4] != b"PE\0\0":
            fail(f"{path}: no PE signature")
        machine, sections, _, _, _, optional_size, _ = struct.unpack_from("<HHIIIHH", data, pe + 4)
        if machine != 0x8664:
            fail(f"{path}: machine {machine:#x}, not x86-64")
        optional = pe + 24
        if struct.unpack_from("<H", data, optional)[0] != 0x20B:
            fail(f"{path}: not PE32+")
        count = struct.unpack_from("<I", data, optional + 108)[0]
        self.directories = [struct.unpack_from("<II", data, optional + 112 + 8 * i) for i in range(count)]
        self.sections = []
        table = optional + optional_size
        for i in range(sections):
            _, vsize, vaddr, rsize, raw = struct.unpack_from("<8sIIII", data, table + 40 * i)
            self.sections.append((vaddr, max(vsize, rsize), raw))

    def offset(self, rva: int) -> int:
        for vaddr, size, raw in self.sections:
            if vaddr <= rva < vaddr + size:
                return raw + rva - vaddr
        fail(f"{self.path}: RVA {rva:#x} is in no section")
        return 0

    def string(self, rva: int) -> str:
        at = self.offset(rva)
        return self.data[at:self.data.index(b"\0", at)].decode("ascii")

    def imports(self) -> list[str]:
        rva, size = self.directories[1]
        names, at = [], self.offset(rva) if size else 0
        while size:
            entry = struct.unpack_from("<IIIII", self.data, at)
            if entry == (0, 0, 0, 0, 0):
                break
            names.append(self.string(entry[3]))
            at += 20
        if len(self.directories) > 13 and self.directories[13][1]:
            names.append("(delay-loaded imports)")
        return names

    def exports(self) -> list[str]:
        rva, size = self.directories[0]
        if not size:
            return []
        at = self.offset(rva)
        count, names = struct.unpack_from("<II", self.data, at + 24)
        table = self.offset(struct.unpack_from("<I", self.data, at + 32)[0])
        return [self.string(struct.unpack_from("<I", self.data, table + 4 * i)[0]) for i in range(count)]


def header_functions() -> set[str]:
    text = re.sub(r"/\*.*?\*/", " ", (SOURCE / "capi/mamisguide.h").read_text(encoding="utf-8"), flags=re.S)
    return set(re.findall(r"\bMG_API\b[^;(]*?\b(mg_\w+)\s*\(", text))


# ---- running ---------------------------------------------------------------------------------

def run(command: list[str], *, env=None, cwd=None, stdin: bytes = b"", timeout=300):
    p = subprocess.run(command, input=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
                       cwd=cwd, timeout=timeout)
    return p.returncode, p.stdout, p.stderr


def show(data: bytes, limit: int = 1500) -> str:
    text = data.decode("utf-8", "replace")
    return text if len(text) <= limit else text[:limit] + f"... ({len(data)} bytes)"


def package() -> int:
    require_zip()
    started = time.monotonic()
    with zipfile.ZipFile(ZIP) as z:
        names = {n for n in z.namelist() if not n.endswith("/")}
        if not all(n.startswith(NAME + "/") for n in names):
            fail(f"every file of the zip must be under {NAME}/")
        files = {n[len(NAME) + 1:] for n in names}
        if files != ZIP_FILES:
            fail(f"the zip's files differ: missing {sorted(ZIP_FILES - files)}, "
                 f"unexpected {sorted(files - ZIP_FILES)}")
        shutil.rmtree(UNPACKED, ignore_errors=True)
        UNPACKED.parent.mkdir(parents=True, exist_ok=True)
        z.extractall(WORK)
    print(f"{ZIP.name}: {ZIP.stat().st_size} bytes, {len(files)} files, unpacked in {UNPACKED}")

    for binary in ("bin/mamisguide.exe", "bin/mamisguide.dll"):
        imported = PE(UNPACKED / binary).imports()
        foreign = [d for d in imported if d.lower() not in SYSTEM_DLLS]
        if foreign:
            fail(f"{binary} needs DLLs that are not Windows' own: {foreign}")
        print(f"{binary}: imports only {', '.join(imported)}")
    exported = set(PE(UNPACKED / "bin/mamisguide.dll").exports())
    declared = header_functions()
    if exported != declared:
        fail(f"mamisguide.dll's exports differ from mamisguide.h's functions: not exported "
             f"{sorted(declared - exported)}, exported beyond the header {sorted(exported - declared)}")
    listed = set(re.findall(r"^\s+(mg_\w+)\s*$", (UNPACKED / "lib/mamisguide.def").read_text(), re.M))
    if listed != declared:
        fail(f"mamisguide.def lists other functions than the header: {sorted(listed ^ declared)}")
    print(f"mamisguide.dll exports the {len(declared)} functions of mamisguide.h and nothing else")

    # The prefix, made once here (the other tests share it), and the program's version.
    wine_ready()
    env = wine_env()
    rc, out, err = run(wine_command(UNPACKED / "bin/mamisguide.exe", "--version"), env=env)
    if rc != 0 or out.strip() != f"mamisguide {VERSION}".encode():
        fail(f"mamisguide.exe --version: exit {rc}, {show(out)!r} {show(err)!r}")

    print(f"package: passed in {time.monotonic() - started:.1f} s")
    return 0


def llvm_tool(name: str) -> str | None:
    return shutil.which(name) or next((str(p) for p in [Path("/usr/lib/llvm-14/bin") / name] if p.exists()), None)


def consumers() -> int:
    """README's C snippet against the zip as a MinGW-w64 user builds it, with each import
    library; and msvc_consumer.c as MSVC builds a program: both run under wine, the same output
    as the native snippet."""
    require_unpacked()
    started = time.monotonic()
    # README's C snippet against the zip, as a MinGW-w64 user builds it, with each import
    # library; then run on the sample master, a missing one and a refused one, as README's
    # snippet test does natively: the same output.
    gcc = shutil.which("x86_64-w64-mingw32-gcc")
    if not gcc:
        skip("x86_64-w64-mingw32-gcc is not installed (Debian: gcc-mingw-w64-x86-64)")
    if not NATIVE_README_C:
        fail("MG_README_C (the native README C snippet) is not set")
    for implib in ("mamisguide.lib", "libmamisguide.dll.a"):
        exe = WORK / f"readme-plan-{implib.split('.')[0]}.exe"
        rc, out, err = run([gcc, "-std=c99", "-Wall", "-Wextra", "-pedantic", "-Werror", "-I",
                            str(UNPACKED / "include"), str(UNPACKED / "examples/readme/plan.c"),
                            str(UNPACKED / "lib" / implib), "-o", str(exe)])
        if rc != 0:
            fail(f"README's C snippet does not build against the zip's {implib}:\n{show(err)}")
        if "mamisguide.dll" not in PE(exe).imports():
            fail(f"{exe.name} does not import mamisguide.dll")
        for master in (SAMPLE_MASTER, Path("/nonexistent/master.csv"), SAMPLE_CATEGORIES):
            want = run([NATIVE_README_C, str(master)])
            got = run(wine_command(exe, str(master)), env=wine_env())
            # (the snippet's printf writes to a text-mode stdout: "\r\n" on Windows)
            got = (got[0], got[1].replace(b"\r\n", b"\n"), got[2].replace(b"\r\n", b"\n"))
            if got != want:
                fail(f"README's C snippet with {implib}, master {master}: under wine "
                     f"{got[0]} {show(got[1])!r} {show(got[2])!r}, natively {want[0]} {show(want[1])!r} "
                     f"{show(want[2])!r}")
        print(f"README's C snippet, built with the zip's {implib}: the native snippet's output "
              "on the sample, a missing and a refused master")

    clang, lld_link, dlltool = shutil.which("clang"), llvm_tool("lld-link"), llvm_tool("llvm-dlltool")
    if not (clang and lld_link and dlltool):
        skip("clang, lld-link or llvm-dlltool is missing (Debian: clang-14, lld-14, llvm-14)")
    work = WORK / "msvc"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    (work / "kernel32.def").write_text("LIBRARY kernel32.dll\nEXPORTS\n    GetStdHandle\n    WriteFile\n"
                                       "    ExitProcess\n")
    steps = [
        [dlltool, "-m", "i386:x86-64", "-d", str(work / "kernel32.def"), "-l", str(work / "kernel32.lib")],
        [clang, "--target=x86_64-pc-windows-msvc", "-ffreestanding", "-O1", "-std=c99", "-Wall", "-Wextra",
         "-pedantic", "-Werror", "-I", str(UNPACKED / "include"), f'-DMASTER="{SAMPLE_MASTER}"', "-c",
         str(SOURCE / "tests/windows/msvc_consumer.c"), "-o", str(work / "consumer.obj")],
        [lld_link, "/entry:start", "/subsystem:console", "/nodefaultlib", str(work / "consumer.obj"),
         str(UNPACKED / "lib/mamisguide.lib"), str(work / "kernel32.lib"), f"/out:{work / 'consumer.exe'}"],
    ]
    for step in steps:
        rc, out, err = run(step)
        if rc != 0:
            fail(f"{Path(step[0]).name} failed:\n{show(out + err)}")
    want = run([NATIVE_README_C, str(SAMPLE_MASTER)])
    got = run(wine_command(work / "consumer.exe"), env=wine_env())
    if got != want:
        fail(f"msvc_consumer.c under wine: {got[0]} {show(got[1])!r} {show(got[2])!r}; the native snippet: "
             f"{want[0]} {show(want[1])!r} {show(want[2])!r}")
    print("msvc_consumer.c, compiled for the MSVC target (_MSC_VER, dllimport) and linked by lld-link against "
          "mamisguide.lib: the native snippet's output")
    print(f"consumers: passed in {time.monotonic() - started:.1f} s")
    return 0


def capi(program: str, args: list[str]) -> int:
    require_unpacked()
    exe = PROGRAMS / f"{program}.exe"
    if not exe.exists():
        fail(f"{exe} has not been built")
    if program == "test_paths":
        scratch = WORK / "paths"
        shutil.rmtree(scratch, ignore_errors=True)
        args = args + [str(scratch)]
    started = time.monotonic()
    p = subprocess.run(wine_command(exe, *args), env=wine_env(), stdin=subprocess.DEVNULL, timeout=900)
    if p.returncode != 0:
        fail(f"{program}.exe exited with status {p.returncode} under wine")
    print(f"{program}.exe passed under wine in {time.monotonic() - started:.1f} s")
    return 0


def bindings_module():
    sys.path.insert(0, str(SOURCE / "tests/bindings"))
    import run_bindings  # noqa: E402 (tests/bindings/run_bindings.py)
    return run_bindings


def plan_json(inputs: str, master: str, categories: str) -> int:
    require_unpacked()
    os.environ.update(wine_env())
    rb = bindings_module()
    return rb.plan("windows", NATIVE_DRIVER, Path(inputs), master, categories,
                   wine_command(PROGRAMS / "native_driver.exe"))


def other_answers(master: str, categories: str) -> int:
    require_unpacked()
    os.environ.update(wine_env())
    rb = bindings_module()
    files = [master, categories, str(SAMPLE_CATEGORIES), "/nonexistent/master.csv", str(CP932_MASTER)]
    return rb.answers("windows", NATIVE_DRIVER, files, wine_command(PROGRAMS / "native_driver.exe"))


# ---- the command line --------------------------------------------------------------------------

MASTER_NAME = "会員医師会一覧（Excel）.csv"  # a CP932 master, as Excel saves it
CATEGORIES_NAME = "区分一覧.csv"
REQUEST_NAME = "申請（千代田）.json"
BATCH_NAME = "申請一覧 2026.jsonl"


# A master as Excel on Japanese Windows saves it: CP932, CRLF, Japanese headers, a prefecture by
# name; names with characters CP932 has and Shift_JIS does not (髙 and 﨑 of IBM's extension, ①
# of NEC's, ～ and － as Windows maps them).
EXCEL_MASTER = """医師会コード,医師会名,都道府県コード,英文名称
13-chiyoda,千代田区医師会,13,Chiyoda Medical Association
13-shinjuku,新宿区医師会,東京都,
14-yokohama,横浜市医師会,神奈川,
28-kobe,神戸市医師会,28,Kobe Medical Association
27-takatsuki,髙槻市医師会,27,
42-omura,大村市医師会（長﨑）,42,
23-toyota,豊田加茂医師会①,23,
01-sapporo,札幌市医師会～本部－,01,
"""


def cli_files(where: Path) -> dict[str, str]:
    """The files of the command-line tests, with Japanese names, in `where`: a CP932 master,
    catalogues, a request and a batch of requests."""
    shutil.rmtree(where, ignore_errors=True)
    where.mkdir(parents=True)
    (where / MASTER_NAME).write_bytes(EXCEL_MASTER.replace("\n", "\r\n").encode("cp932"))
    (where / CATEGORIES_NAME).write_bytes(SAMPLE_CATEGORIES.read_bytes())
    member = '{"municipal":"27-takatsuki","levels":["municipal","prefectural","national"]}'
    requests = [
        f'{{"member":{member},"request":{{"operation":"withdraw","levels":["national"]}}}}',
        f'{{"member":{member},"request":{{"operation":"withdraw","levels":["municipal"]}},"lang":"en"}}',
        '{"member":{"mypage":"no"},"request":{"operation":"join","municipal":"13-chiyoda",'
        '"levels":["municipal","prefectural"],"categories":{"municipal":"A","prefectural":"B"}}}',
        f'{{"member":{member},"request":{{"operation":"transfer","municipal":"42-omura"}}}}',
        '{"member":{},"request":{"operation":"join","municipal":"存在しない医師会"}}',
        "not json",
        "",
    ]
    (where / REQUEST_NAME).write_text(requests[0] + "\n", encoding="utf-8")
    (where / BATCH_NAME).write_text("\n".join(requests) + "\n", encoding="utf-8")
    return {"code": "27-takatsuki", "name": "千代田"}


def compare(name: str, args: list[str], where: Path, *, stdin: bytes = b"", env: dict | None = None,
            want_status: int | None = None, wine_path: list[Path] | None = None,
            expect=None) -> bytes:
    """Runs mamisguide.exe under wine and the native command line with the same arguments, input
    and environment in `where`; both must give the same bytes and status. Returns the output."""
    native_env = dict(os.environ, LANG="C.UTF-8", LC_ALL="C.UTF-8")
    native_env.pop("MAMISGUIDE_DIRECTORY", None)
    native_env.pop("MAMISGUIDE_CATEGORIES", None)
    windows_env = wine_env(wine_path)
    for e in (native_env, windows_env):
        e.update(env or {})
    want = run([NATIVE_CLI, *args], env=native_env, cwd=where, stdin=stdin)
    started = time.monotonic()
    got = run(wine_command(UNPACKED / "bin/mamisguide.exe", *args), env=windows_env, cwd=where, stdin=stdin)
    took = time.monotonic() - started
    if expect:
        want = expect(want)
    if got != want:
        for label, a, b in (("status", str(want[0]).encode(), str(got[0]).encode()),
                            ("standard output", want[1], got[1]), ("standard error", want[2], got[2])):
            if a != b:
                i = next((k for k in range(min(len(a), len(b))) if a[k] != b[k]), min(len(a), len(b)))
                fail(f"cli {name}: the {label} differs at byte {i}:\n  native:  {show(a[max(0, i - 80):i + 200])!r}\n"
                     f"  windows: {show(b[max(0, i - 80):i + 200])!r}")
    if want_status is not None and got[0] != want_status:
        fail(f"cli {name}: exit {got[0]}, expected {want_status}: {show(got[2])}")
    print(f"cli {name}: the same {len(got[1])} + {len(got[2])} bytes and exit {got[0]} ({took:.2f} s under wine)")
    return got[1]


def cli() -> int:
    require_unpacked()
    if not NATIVE_CLI:
        fail("MG_CLI (the native command line) is not set")
    started = time.monotonic()
    where = WORK / "cli"
    codes = cli_files(where)
    m = ["--directory", MASTER_NAME]
    out = compare("plan --request (Japanese names)", ["plan", "--request", REQUEST_NAME, *m], where, want_status=0)
    if b'"ok":true' not in out:
        fail("plan --request did not plan")
    compare("plan, text", ["plan", "withdraw", "--held", "all", "--municipal", codes["code"], "--levels",
                           "national", *m], where, want_status=0)
    compare("plan, refused, English", ["plan", "withdraw", "--held", "all", "--municipal", codes["code"],
                                       "--levels", "municipal", "--lang", "en", *m], where, want_status=1)
    compare("plan --json with catalogues", ["plan", "join", "--to", "13-chiyoda", "--levels", "municipal",
                                            "--category", "municipal=A", "--json", *m, "--categories",
                                            CATEGORIES_NAME], where)
    compare("plan, request on standard input", ["plan", *m], where, stdin=(where / REQUEST_NAME).read_bytes(),
            want_status=0)
    compare("plan, --encoding utf-8 refuses the CP932 master", ["plan", "--request", REQUEST_NAME,
                                                               "--encoding", "utf-8", *m], where, want_status=2)
    compare("plan, master and catalogues from the environment", ["plan", "--request", REQUEST_NAME], where,
            env={"MAMISGUIDE_DIRECTORY": MASTER_NAME, "MAMISGUIDE_CATEGORIES": CATEGORIES_NAME},
            want_status=0)
    compare("plan, a request that does not exist", ["plan", "--request", "存在しない申請.json", *m], where,
            want_status=2)
    compare("plan, a master that does not exist", ["plan", "--request", REQUEST_NAME, "--directory",
                                                   "存在しない名簿.csv"], where, want_status=2)
    out = compare("batch (Japanese names)", ["batch", BATCH_NAME, *m], where, want_status=0)
    lines = out.count(b"\n")
    if lines != 7:
        fail(f"batch answered {lines} lines, not 7")
    compare("batch, standard input, quiet", ["batch", "-", "-q", *m], where,
            stdin=(where / BATCH_NAME).read_bytes(), want_status=0)
    compare("batch, CRLF lines", ["batch", *m], where,
            stdin=(where / BATCH_NAME).read_bytes().replace(b"\n", b"\r\n"), want_status=0)
    compare("batch, a file that does not exist", ["batch", "存在しない.jsonl", *m], where, want_status=2)
    compare("directory --json", ["directory", "--json", *m], where, want_status=0)
    compare("directory --name (a Japanese argument)", ["directory", "--name", "千代田", "--json"], where)
    compare("guide, answers piped", ["guide", *m], where, stdin="yes\nwithdraw\nnational_only\n13-chiyoda\n".encode())
    compare("support --json", ["support", "--at", "2026-12-30T11:00", "--json"], where, want_status=0)
    compare("holidays", ["holidays", "2026"], where, want_status=0)
    compare("graph --what transitions", ["graph", "--what", "transitions"], where, want_status=0)
    # The sample master beside the program (share\mamisguide\), as the native build's own.
    compare("plan on the bundled sample", ["plan", "withdraw", "--held", "all", "--municipal", "13-chiyoda",
                                           "--levels", "national", "--json"], where, want_status=0)
    # graph --format svg: the DOT text through dot.exe (a stand-in that echoes it), found on PATH.
    dot = PROGRAMS / "fake-dot"
    native_dot = run([NATIVE_CLI, "graph", *m], cwd=where)
    if native_dot[0] != 0:
        fail(f"native graph failed: {show(native_dot[2])}")
    rc, out, err = run(wine_command(UNPACKED / "bin/mamisguide.exe", "graph", "--format", "svg", *m),
                       env=wine_env([dot]), cwd=where)
    head = f"fake-dot -Tsvg {len(native_dot[1])}\n".encode()
    if rc != 0 or out != head + native_dot[1] or err != native_dot[2]:
        fail(f"graph --format svg through dot.exe: exit {rc}, {show(out[:200])!r} {show(err)!r}")
    rc, out, err = run(wine_command(UNPACKED / "bin/mamisguide.exe", "graph", "--format", "png", *m),
                       env=dict(wine_env(), WINEPATH=str(WORK / "nowhere")), cwd=where)
    if rc != 2 or b"dot" not in err:
        fail(f"graph --format png without dot.exe: exit {rc}, {show(err)!r}")
    print("cli graph: --format svg through dot.exe on PATH; without it, exit 2 naming dot")
    print(f"cli: passed in {time.monotonic() - started:.1f} s")
    return 0


# ---- a console ---------------------------------------------------------------------------------

def in_console(args: list[str], typed: list[bytes], cwd: Path, timeout: float = 60) -> bytes:
    """Runs mamisguide.exe under wine on a pseudo-terminal (wine makes it the program's console),
    typing each of `typed` after the previous output settles; returns what the terminal showed."""
    import pty
    import select
    pid, fd = pty.fork()
    if pid == 0:  # the child: wine on the terminal
        os.chdir(cwd)
        env = wine_env()
        env["TERM"] = "dumb"
        os.execve(wine64(), [wine64(), str(UNPACKED / "bin/mamisguide.exe"), *args], env)
    shown, deadline, pending = b"", time.monotonic() + timeout, list(typed)
    quiet_since = time.monotonic()
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.2)
        if ready:
            try:
                data = os.read(fd, 65536)
            except OSError:
                break
            if not data:
                break
            shown += data
            quiet_since = time.monotonic()
        elif pending and time.monotonic() - quiet_since > 1.0:
            os.write(fd, pending.pop(0))
            quiet_since = time.monotonic()
    else:
        os.kill(pid, 9)
        fail(f"mamisguide.exe {' '.join(args)} did not finish in a console within {timeout} s:\n{show(shown)}")
    _, status = os.waitpid(pid, 0)
    if pending:
        fail(f"mamisguide.exe {' '.join(args)} ended before reading every answer:\n{show(shown)}")
    return shown


def terminal_text(shown: bytes) -> str:
    """The text a terminal showed: escape sequences and carriage returns taken out."""
    text = shown.decode("utf-8", "replace")
    text = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07", "", text)
    return text.replace("\r", "")


def console() -> int:
    require_unpacked()
    started = time.monotonic()
    where = WORK / "console"
    codes = cli_files(where)
    m = ["--directory", MASTER_NAME]
    args = ["plan", "withdraw", "--held", "all", "--municipal", codes["code"], "--levels", "national", *m]
    want = run([NATIVE_CLI, *args], cwd=where, env=dict(os.environ, LANG="C.UTF-8"))
    shown = terminal_text(in_console(args, [], where))
    lines = [l for l in want[1].decode().splitlines() + want[2].decode().splitlines() if l.strip()]
    missing = [l for l in lines if l.rstrip() not in shown]
    if missing:
        fail(f"in a console, these lines of the native output did not appear as they are: {missing[:5]}\n"
             f"the console showed:\n{shown[:3000]}")
    print(f"console: plan's {len(lines)} lines (its Japanese, the master's notice on standard error) "
          "read as the native command line writes them")
    # guide, answered at the console: the association typed in Japanese (part of its name)
    name = codes["name"]
    typed = [b"yes\r", b"withdraw\r", b"national_only\r", name.encode() + b"\r"]
    shown = terminal_text(in_console(["guide", *m], typed, where))
    piped = run([NATIVE_CLI, "guide", *m], cwd=where, stdin=b"yes\nwithdraw\nnational_only\n" + name.encode() + b"\n",
                env=dict(os.environ, LANG="C.UTF-8"))
    if piped[0] != 0:
        fail(f"the native guide did not plan with these answers: {show(piped[2])}")
    plan_lines = [l for l in piped[1].decode().split("【STEP 2】", 1)[-1].splitlines() if l.strip()]
    missing = [l for l in plan_lines if l.rstrip() not in shown]
    if "【STEP 2】" not in shown or missing:
        fail(f"guide at a console did not end with the native plan (missing {missing[:5]}):\n{shown[-3000:]}")
    print(f"console: guide read the answers typed at the console ({name} in Japanese) and printed "
          f"the native plan's {len(plan_lines)} lines")
    print(f"console: passed in {time.monotonic() - started:.1f} s")
    return 0


# ---- serve -------------------------------------------------------------------------------------

def serve() -> int:
    require_unpacked()
    started = time.monotonic()
    sys.path.insert(0, str(SOURCE / "tests/http"))
    import http_common  # noqa: E402 (tests/http/http_common.py)
    http_common.BIN = NATIVE_CLI
    where = WORK / "serve"
    codes = cli_files(where)
    master, categories = str(where / MASTER_NAME), str(where / CATEGORIES_NAME)
    native = http_common.Server(directory=master, categories=categories, quiet=True)
    windows = http_common.Server(directory=master, categories=categories, quiet=True)
    windows.args = wine_command(UNPACKED / "bin/mamisguide.exe", *windows.args[1:])
    windows.env = wine_env()
    request = (where / REQUEST_NAME).read_bytes()
    batch = (where / BATCH_NAME).read_bytes()
    exchanges = [("POST", "/v1/plan", request), ("POST", "/v1/plan", b"{not json"),
                 ("POST", "/v1/batch", batch), ("GET", "/v1/guide?lang=en", None),
                 ("GET", "/v1/directory?q=" + urllib.parse.quote("千代田"), None),
                 ("GET", "/v1/directory?code=" + urllib.parse.quote(codes["code"]), None),
                 ("GET", "/v1/holidays/2026", None), ("GET", "/v1/texts?lang=ja", None),
                 ("GET", "/v1/support?at=2026-12-30T11:00:00%2B09:00", None), ("GET", "/", None),
                 ("GET", "/nowhere", None), ("DELETE", "/v1/plan", None)]
    with native, windows:
        for method, path, body in exchanges:
            answers = []
            for server in (native, windows):
                conn = server.conn()
                status, headers, data = http_common.request(conn, method, path, body)
                conn.close()
                answers.append((status, headers.get("content-type"), data))
            if answers[0] != answers[1]:
                fail(f"serve {method} {path}: natively {answers[0][:2]} {show(answers[0][2], 300)!r}, "
                     f"under wine {answers[1][:2]} {show(answers[1][2], 300)!r}")
            print(f"serve {method} {path}: {answers[1][0]}, the same {len(answers[1][2])} bytes")
    print(f"serve: passed in {time.monotonic() - started:.1f} s")
    return 0


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    what, args = argv[0], argv[1:]
    if what == "package" and not args:
        return package()
    if what == "consumers" and not args:
        return consumers()
    if what == "capi" and args:
        return capi(args[0], args[1:])
    if what == "plan_json" and len(args) == 3:
        return plan_json(*args)
    if what == "other_answers" and len(args) == 2:
        return other_answers(*args)
    if what in ("cli", "console", "serve") and not args:
        return {"cli": cli, "console": console, "serve": serve}[what]()
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
