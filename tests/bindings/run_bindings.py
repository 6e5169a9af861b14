#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The mamisguide authors
# SPDX-License-Identifier: Apache-2.0
"""The bindings' tests (Java, PHP, .NET): each binding must give, byte for byte, what the C ABI
gives natively (tests/bindings/native_driver.c), and fail cleanly where it must.

  run_bindings.py skip NAME REASON
      the binding's toolchain is missing: exit 77 (ctest: skipped) with REASON, or 1 when
      MAMISGUIDE_REQUIRE_BINDINGS=1 (CI), so that a missing toolchain can never pass unseen
  run_bindings.py prepare OUT WORKLOAD_TOOL CORPUS_DIR
      writes OUT/master.csv and OUT/workload.frames (the benchmark's 178,593 requests), and
      OUT/corpus.frames (the plan_json fuzz corpus, a request just under 1 MiB, one over it)
  run_bindings.py plan NAME NATIVE INPUTS MASTER CATEGORIES -- COMMAND...
      every request of INPUTS through `COMMAND compare ...` and `NATIVE compare ...`, the
      corpus on MASTER + CATEGORIES, the workload on its own master; the answers compared as
      they stream (MAMISGUIDE_BINDINGS_LINES=N keeps the first N workload requests)
  run_bindings.py answers NAME NATIVE MASTER CATEGORIES BAD MISSING CP932 -- COMMAND...
      every other answer (guide, texts, directory, association, support, holidays, STEP 1,
      load errors with their codes and messages, a CP932 master's notices, names), compared
      with NATIVE's
  run_bindings.py errors NAME HEADER MASTER BAD -- COMMAND...
      `COMMAND errors MASTER BAD` (the binding's own checks: NULL and wrong types, a closed
      engine, a refused master) must pass, and `COMMAND constants` must print NAME=VALUE lines
      that agree with HEADER (capi/mamisguide.h)
  run_bindings.py php-header HEADER GENERATED LIBRARY CC -- PHP...
      the generated FFI header declares every function and every integer constant of HEADER
      (checked on the text, through PHP's FFI and with the C compiler CC), and the check
      itself catches a constant and a function taken out

A frame is "<length>\\n<bytes>\\n"; a failure is "E<status> <name>\\n" then a frame of
mg_last_error().
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

MIB = 1 << 20


def fail(message: str) -> None:
    print(f"FAIL: {message}", flush=True)
    sys.exit(1)


def skip(name: str, reason: str) -> int:
    if os.environ.get("MAMISGUIDE_REQUIRE_BINDINGS") == "1":
        print(f"FAIL: {name}: {reason}, and MAMISGUIDE_REQUIRE_BINDINGS=1 forbids skipping", flush=True)
        return 1
    print(f"SKIPPED: {name}: {reason} (MAMISGUIDE_REQUIRE_BINDINGS=1 makes this a failure)", flush=True)
    return 77


def frames(requests: list[bytes]) -> bytes:
    return b"".join(b"%d\n%s\n" % (len(r), r) for r in requests)


def prepare(out: Path, tool: str, corpus: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    subprocess.run([tool, str(out)], check=True)
    lines = (out / "requests.jsonl").read_bytes().split(b"\n")[:-1]
    (out / "workload.frames").write_bytes(frames(lines))
    requests = [p.read_bytes() for p in sorted(corpus.iterdir()) if p.is_file()]
    example = (b'{"member":{"municipal":"13-chiyoda","levels":["municipal","prefectural","national"]},'
               b'"request":{"operation":"withdraw","levels":["national"]}}')
    requests.append(example + b" " * (MIB - 1024 - len(example)))  # read: a plan
    requests.append(example + b" " * (MIB + MIB // 5))  # over 1 MiB: refused unread
    (out / "corpus.frames").write_bytes(frames(requests))
    print(f"prepare: {len(lines)} workload requests, {len(requests)} corpus requests in {out}")
    return 0


def read_frame(stream, who: str):
    """(bytes of the answer, None) or (None, (status line, message)); (None, None) at the end."""
    head = stream.readline()
    if not head:
        return None, None
    if head.startswith(b"E"):
        status = head.rstrip(b"\n")
        message, _ = read_frame(stream, who)
        return None, (status, message)
    try:
        n = int(head)
    except ValueError:
        fail(f"{who}: not a frame: {head[:200]!r}")
    data = stream.read(n)
    if len(data) != n or stream.read(1) != b"\n":
        fail(f"{who}: a frame of {n} bytes was cut short")
    return data, None


def first_difference(a: bytes, b: bytes) -> str:
    i = next((k for k in range(min(len(a), len(b))) if a[k] != b[k]), min(len(a), len(b)))
    return (f"at byte {i} (lengths {len(a)} and {len(b)}):\n  native:  {a[max(0, i - 60):i + 60]!r}\n"
            f"  binding: {b[max(0, i - 60):i + 60]!r}")


def stream_compare(name: str, native_cmd: list[str], binding_cmd: list[str], labels) -> int:
    """Runs both, compares their frames one by one as they come; returns how many."""
    native = subprocess.Popen(native_cmd, stdout=subprocess.PIPE)
    binding = subprocess.Popen(binding_cmd, stdout=subprocess.PIPE)
    count, done = 0, False
    try:
        while True:
            want, want_err = read_frame(native.stdout, "native")
            got, got_err = read_frame(binding.stdout, name)
            if want is None and want_err is None:
                if got is not None or got_err is not None:
                    fail(f"{name}: answered more than the {count} answers of the C ABI")
                break
            if got is None and got_err is None:
                fail(f"{name}: stopped after {count} answers ({labels(count)})")
            if want != got or want_err != got_err:
                if want is not None and got is not None:
                    detail = first_difference(want, got)
                else:
                    detail = f"\n  native:  {want_err or want[:300]!r}\n  binding: {got_err or got[:300]!r}"
                fail(f"{name}: answer {count} ({labels(count)}) differs from the C ABI's {detail}")
            count += 1
        done = True
    finally:
        for p in (native, binding):
            if not done:
                p.kill()
            p.stdout.close()
            p.wait()
    for who, p in (("native", native), (name, binding)):
        if p.returncode != 0:
            fail(f"{who} exited with status {p.returncode}")
    return count


def count_frames(path: Path) -> int:
    data, at, n = path.read_bytes(), 0, 0
    while at < len(data):
        nl = data.index(b"\n", at)
        at = nl + 1 + int(data[at:nl]) + 1
        n += 1
    return n


def plan(name: str, native: str, inputs: Path, master: str, categories: str, command: list[str]) -> int:
    corpus, workload = inputs / "corpus.frames", inputs / "workload.frames"
    limit = os.environ.get("MAMISGUIDE_BINDINGS_LINES")
    if limit:
        kept = tempfile.NamedTemporaryFile(prefix=f"{name}-", suffix=".frames", dir=inputs, delete=False)
        data, at = workload.read_bytes(), 0
        for _ in range(int(limit)):
            if at >= len(data):
                break
            nl = data.index(b"\n", at)
            at = nl + 1 + int(data[at:nl]) + 1
        kept.write(data[:at])
        kept.close()
        workload = Path(kept.name)
    n_corpus, n_workload = count_frames(corpus), count_frames(workload)
    args = ["compare", master, categories, str(corpus), str(inputs / "master.csv"), "-", str(workload)]
    started = time.monotonic()

    def labels(i: int) -> str:
        return f"corpus request {i}" if i < n_corpus else f"workload line {i - n_corpus + 1}"

    count = stream_compare(name, [native] + args, command + args, labels)
    if limit:
        os.unlink(workload)
    if count != n_corpus + n_workload:
        fail(f"{name}: {count} answers for {n_corpus + n_workload} requests")
    print(f"{name}: {count} answers identical to mg_plan_json's, byte for byte ({n_corpus} of the "
          f"corpus, {n_workload} of the workload) in {time.monotonic() - started:.1f} s")
    return 0


def answers(name: str, native: str, files: list[str], command: list[str]) -> int:
    started = time.monotonic()
    count = stream_compare(name, [native, "answers"] + files, command + ["answers"] + files,
                           lambda i: f"answer {i} of native_driver.c's answers()")
    print(f"{name}: {count} other answers identical to the C ABI's in {time.monotonic() - started:.1f} s")
    return 0


def header_constants(header: Path) -> dict[str, int]:
    """The integer constants of mamisguide.h (the first definition of each: the 1.0 layout's)."""
    values: dict[str, int] = {}
    for m in re.finditer(r"^#define (MG_\w+) ([^/\n]+?)\s*(?:/\*.*)?$", header.read_text(encoding="utf-8"), re.M):
        name, expr = m.group(1), m.group(2)
        if name in values:
            continue
        expr = re.sub(r"\b(\d+)u\b", r"\1", expr)
        expr = re.sub(r"\bMG_\w+\b", lambda k: str(values.get(k.group(0), "x")), expr)
        if re.fullmatch(r"[\d\s()+\-*]+", expr):
            values[name] = eval(expr, {"__builtins__": {}}, {})  # digits and + - * only
    return values


def header_functions(text: str) -> set[str]:
    text = re.sub(r"/\*.*?\*/", " ", text, flags=re.S)
    return set(re.findall(r"\b(mg_\w+)\s*\(", text)) - {"mg_struct_init_"}


def constants_agree(name: str, printed: str, header: Path, complete: bool) -> list[str]:
    want = header_constants(header)
    problems, seen = [], set()
    for line in printed.splitlines():
        key, _, value = line.partition("=")
        seen.add(key)
        if key not in want:
            problems.append(f"{name} has {key}, which mamisguide.h does not define")
        elif int(value) != want[key]:
            problems.append(f"{name}: {key} is {value}, mamisguide.h says {want[key]}")
    if complete:
        problems += [f"{name} lacks {k} of mamisguide.h" for k in sorted(set(want) - seen)]
    return problems


def errors(name: str, header: Path, master: str, bad: str, command: list[str]) -> int:
    started = time.monotonic()
    r = subprocess.run(command + ["errors", master, bad], stdout=subprocess.PIPE, text=True)
    print(r.stdout, end="")
    if r.returncode != 0 or "\nFAIL" in "\n" + r.stdout or not r.stdout.strip():
        fail(f"{name}: its error checks failed (exit {r.returncode})")
    c = subprocess.run(command + ["constants"], stdout=subprocess.PIPE, text=True, check=True)
    problems = constants_agree(name, c.stdout, header, complete=False)
    if problems or not c.stdout.strip():
        fail("; ".join(problems) or f"{name} printed no constants")
    checks = sum(1 for line in r.stdout.splitlines() if line.startswith("ok"))
    print(f"{name}: {checks} error checks passed, {len(c.stdout.splitlines())} constants agree with "
          f"mamisguide.h, in {time.monotonic() - started:.1f} s")
    return 0


def php_header_problems(header: Path, generated: Path, library: str, cc: str, php: list[str]) -> list[str]:
    text = generated.read_text(encoding="utf-8")
    problems = [f"{f} of mamisguide.h is not declared in {generated.name}"
                for f in sorted(header_functions(header.read_text(encoding="utf-8")) - header_functions(text))]
    enum_names = set(re.findall(r"^\s+(MG_\w+) = ", text, re.M))
    problems += [f"{k} of mamisguide.h is not an enum constant of {generated.name}"
                 for k in sorted(set(header_constants(header)) - enum_names)]
    # The constants' values, as PHP's FFI reads them.
    script = ("$ffi = FFI::cdef(file_get_contents($argv[1]), $argv[2]);"
              "preg_match_all('/^\\s+(MG_\\w+) = /m', file_get_contents($argv[1]), $m);"
              "foreach ($m[1] as $k) echo $k, '=', $ffi->$k, PHP_EOL;")
    r = subprocess.run(php + ["-r", script, str(generated), library], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                       text=True)
    if r.returncode != 0:
        problems.append(f"FFI::cdef cannot read {generated.name}: {r.stdout.strip()}")
    else:
        problems += constants_agree("FFI", r.stdout, header, complete=False)
    # Valid C, as it is (with the two standard headers FFI knows without being told).
    r = subprocess.run([cc, "-std=c99", "-Wall", "-Wextra", "-pedantic", "-Werror", "-fsyntax-only",
                        "-include", "stddef.h", "-include", "stdint.h", "-x", "c", str(generated)],
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if r.returncode != 0:
        problems.append(f"{generated.name} is not valid C99: {r.stdout.strip()}")
    return problems


def php_header(header: Path, generated: Path, library: str, cc: str, php: list[str]) -> int:
    problems = php_header_problems(header, generated, library, cc, php)
    if problems:
        fail("\n  ".join(problems))
    # The check must catch a constant and a function that are not there.
    text = generated.read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        broken = Path(tmp) / generated.name
        lines = [l for l in text.splitlines(keepends=True)
                 if not l.lstrip().startswith("MG_NO_CATEGORY =") and not l.startswith("void mg_free(")]
        broken.write_text("".join(lines), encoding="utf-8")
        caught = php_header_problems(header, broken, library, cc, php)
    if not any("mg_free" in p for p in caught) or not any("MG_NO_CATEGORY" in p for p in caught):
        fail(f"the check did not catch a missing constant and function: {caught}")
    print(f"{generated.name}: every function ({len(header_functions(text))}) and integer constant "
          f"({len(header_constants(header))}) of mamisguide.h, read by FFI::cdef and by {Path(cc).name}; "
          "a missing one is caught")
    return 0


def main(argv: list[str]) -> int:
    command: list[str] = []
    if "--" in argv:
        i = argv.index("--")
        argv, command = argv[:i], argv[i + 1:]
    if not argv:
        print(__doc__)
        return 2
    what, args = argv[0], argv[1:]
    if what == "skip" and len(args) == 2:
        return skip(*args)
    if what == "prepare" and len(args) == 3:
        return prepare(Path(args[0]), args[1], Path(args[2]))
    if what == "plan" and len(args) == 5 and command:
        return plan(args[0], args[1], Path(args[2]), args[3], args[4], command)
    if what == "answers" and len(args) == 7 and command:
        return answers(args[0], args[1], args[2:], command)
    if what == "errors" and len(args) == 4 and command:
        return errors(args[0], Path(args[1]), args[2], args[3], command)
    if what == "php-header" and len(args) == 4 and command:
        return php_header(Path(args[0]), Path(args[1]), args[2], args[3], command)
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
