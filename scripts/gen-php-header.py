#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The mamisguide authors
# SPDX-License-Identifier: Apache-2.0
"""Writes capi/mamisguide.h as PHP's FFI::cdef reads it (the build runs this; never edit the
output by hand, so that it can never differ from the C header).

FFI::cdef reads C declarations only: no preprocessor, no extern "C", no attributes. So, from the
header as a C compiler would see it when using the library (no __cplusplus, no _WIN32, no
__GNUC__, no MG_ABI_TEST_NEXT):
- the conditionals (#if, #ifdef, #ifndef, #elif, #else, #endif) keep only the branch taken;
- every #define of an integer constant becomes an enum constant with the same name and value
  (consecutive ones share one enum), its comment kept;
- MG_API (empty here) is removed from the declarations, #include lines are dropped (FFI knows
  size_t and the <stdint.h> types);
- what is not an integer constant is named in a comment: the version string (a string, which
  an enum cannot hold; mg_version() gives it) and the MG_*_INIT initializers (in PHP,
  FFI::new() zeroes a struct: set its `version` to the MG_*_VERSION named in the comment).
Everything else (types, declarations, comments) is copied as it is.

Usage: gen-php-header.py capi/mamisguide.h OUT.h
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

# The compiler the output is read as: nothing is predefined (PHP's FFI is not a C compiler).
PREDEFINED: dict[str, str] = {}

DEFINE = re.compile(r"#\s*define\s+(\w+)(\([^)]*\))?\s*(.*)$", re.S)
INT_EXPR = re.compile(r"^[\s()0-9uUlL+\-*/<>|&~^]*$")


def logical_lines(text: str):
    """The header's lines, a backslash-newline joined to the next (as in C's phase 2)."""
    buf = ""
    for line in text.split("\n"):
        if line.endswith("\\"):
            buf += line[:-1] + "\n"
            continue
        yield buf + line
        buf = ""
    if buf:
        yield buf


def split_comment(value: str) -> tuple[str, str]:
    """('(-1)', '/* a NULL pointer ... */') from '(-1) /* a NULL pointer ... */'."""
    i = value.find("/*")
    if i < 0:
        return value.strip(), ""
    return value[:i].strip(), value[i:].strip()


def evaluate(expr: str, macros: dict[str, str]) -> bool:
    """A #if expression: defined(X), defined X, !, &&, ||, comparisons, integers; an unknown
    identifier is 0, as in C."""
    expr = split_comment(expr)[0]
    expr = re.sub(r"defined\s*\(\s*(\w+)\s*\)|defined\s+(\w+)",
                  lambda m: "1" if (m.group(1) or m.group(2)) in macros else "0", expr)
    expr = re.sub(r"[A-Za-z_]\w*", lambda m: macros.get(m.group(0), "0") or "0", expr)
    expr = re.sub(r"(\d+)[uUlL]+", r"\1", expr)
    expr = expr.replace("&&", " and ").replace("||", " or ")
    expr = re.sub(r"!(?!=)", " not ", expr)
    if not re.fullmatch(r"[\s()0-9<>=!+\-*/%andortn]*", expr):
        raise ValueError(f"cannot evaluate #if {expr!r}")
    return bool(eval(expr, {"__builtins__": {}}, {}))  # only digits, operators and and/or/not


class Writer:
    def __init__(self) -> None:
        self.out: list[str] = []
        self.enum: list[tuple[str, str, str]] = []  # (name, value, comment) of the open enum
        self.pending_comments: list[str] = []  # comment lines inside the open enum

    def constant(self, name: str, value: str, comment: str) -> None:
        if self.pending_comments and self.enum:
            self.enum.append(("", "", "\n".join(self.pending_comments)))
            self.pending_comments = []
        elif self.pending_comments:
            self.out.extend(self.pending_comments)
            self.pending_comments = []
        self.enum.append((name, value, comment))

    def comment_line(self, line: str) -> None:
        if self.enum:
            self.pending_comments.append(line)
        else:
            self.out.append(line)

    def close(self) -> None:
        if self.enum:
            entries = [e for e in self.enum if e[0]]
            last = entries[-1][0]
            self.out.append("enum {")
            for name, value, comment in self.enum:
                if not name:
                    self.out.extend("    " + c for c in comment.split("\n"))
                    continue
                comma = "" if name == last else ","
                self.out.append(f"    {name} = {value}{comma}" + (f" {comment}" if comment else ""))
            self.out.append("};")
            self.enum = []
        self.out.extend(self.pending_comments)
        self.pending_comments = []

    def text(self, line: str) -> None:
        self.close()
        self.out.append(line)


def generate(header: str, source_name: str) -> str:
    macros = dict(PREDEFINED)
    empty: set[str] = set()  # object-like macros that expand to nothing (MG_API)
    constants: dict[str, str] = {}
    # stack of (this branch taken, some branch of this #if taken, the enclosing one live)
    stack: list[tuple[bool, bool, bool]] = []
    live = True
    w = Writer()
    in_comment = False
    for line in logical_lines(header):
        stripped = line.strip()
        directive = stripped.startswith("#") and not in_comment
        if directive:
            m = re.match(r"#\s*(\w+)\s*(.*)$", stripped, re.S)
            kind, rest = m.group(1), m.group(2)
            if kind in ("if", "ifdef", "ifndef"):
                if kind == "ifdef":
                    cond = split_comment(rest)[0] in macros
                elif kind == "ifndef":
                    cond = split_comment(rest)[0] not in macros
                else:
                    cond = evaluate(rest, macros)
                stack.append((live and cond, cond, live))
                live = live and cond
            elif kind == "elif":
                _, taken, outer = stack.pop()
                cond = not taken and evaluate(rest, macros)
                stack.append((outer and cond, taken or cond, outer))
                live = outer and cond
            elif kind == "else":
                _, taken, outer = stack.pop()
                stack.append((outer and not taken, True, outer))
                live = outer and not taken
            elif kind == "endif":
                _, _, live = stack.pop()
            elif not live:
                pass
            elif kind == "include":
                pass
            elif kind == "define":
                d = DEFINE.match(stripped)
                name, params, value = d.group(1), d.group(2), d.group(3)
                value, comment = split_comment(value)
                macros[name] = value
                if params:
                    w.comment_line(f"/* {name}{params}: a macro of mamisguide.h (C only) */")
                elif not value:
                    empty.add(name)
                elif INT_EXPR.match(re.sub(r"\bMG_\w+", lambda m: "0" if m.group(0) in constants else "x", value)):
                    constants[name] = value
                    w.constant(name, value, comment)
                else:
                    init = re.match(r"MG_STRUCT_INIT_\((\w+),\s*(\w+)\)", " ".join(value.split()))
                    if init:
                        w.comment_line(f"/* {name}: FFI::new('{init.group(1)}'), then its version = {init.group(2)} */")
                    else:
                        w.comment_line(f"/* {name} {value}: not an integer (mamisguide.h) */")
            else:
                raise ValueError(f"{source_name}: unexpected #{kind}")
            continue
        has_code, after = scan_comments(line, in_comment)
        if not live:
            in_comment = after
            continue
        if not stripped:
            w.text("")
        elif not has_code:
            w.comment_line(line)
        else:
            for name in empty:
                line = re.sub(rf"\b{name}\b\s*", "", line)
            w.text(line)
        in_comment = after
    w.close()
    if stack:
        raise ValueError(f"{source_name}: #if without #endif")
    # Blank lines: at most one in a row, none at the end.
    body = re.sub(r"\n{3,}", "\n\n", "\n".join(w.out)).strip("\n")
    head = (f"/* Generated from {source_name} by scripts/gen-php-header.py: do not edit. This is\n"
            " * the C ABI as PHP's FFI::cdef reads it: the same declarations, every integer\n"
            " * constant as an enum constant (MG_OK, MG_LEVEL_*, ...). */\n")
    return head + body + "\n"


def scan_comments(line: str, in_comment: bool) -> tuple[bool, bool]:
    """(whether the line has anything outside /* ... */ comments, whether a comment is still
    open after it)."""
    i, code = 0, False
    while i < len(line):
        if in_comment:
            j = line.find("*/", i)
            if j < 0:
                return code, True
            in_comment, i = False, j + 2
        else:
            j = line.find("/*", i)
            code = code or bool(line[i : len(line) if j < 0 else j].strip())
            if j < 0:
                return code, False
            in_comment, i = True, j + 2
    return code, in_comment


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    src, out = Path(argv[0]), Path(argv[1])
    text = generate(src.read_text(encoding="utf-8"), src.name)
    if not out.exists() or out.read_text(encoding="utf-8") != text:
        out.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
