#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The mamisguide authors
# SPDX-License-Identifier: Apache-2.0
"""Counts the Japanese string literals that sit outside the library's text tables.

Every word a user reads lives in the text tables (include/mamisguide/text.hpp and
include/mamisguide/texts/*.hpp); named data stays with its data (the data modules below). Any
other string literal in src/, capi/, include/, python/mamisguide/, the bindings (java/, php/,
dotnet/) or js/ (the npm package) that holds a Japanese character (kana, kanji, full-width
forms, Japanese punctuation) is counted, and so is Japanese text in an HTML file outside its
comments. Comments are not counted.

Usage: scripts/check-words.py [-v] [ROOT]
Prints one line per literal found (with -v, also the files scanned), then a last line that starts
with the count. Exits 1 when the count is not 0.
"""

from __future__ import annotations

import io
import re
import sys
import tokenize
from pathlib import Path

SCANNED = ("src", "capi", "include", "python/mamisguide", "java", "php", "dotnet", "js")
TABLES = ("include/mamisguide/text.hpp", "include/mamisguide/texts/")
DATA_MODULES = (
    "include/mamisguide/directory.hpp",
    "include/mamisguide/holidays.hpp",
    "include/mamisguide/categories.hpp",
    "include/mamisguide/guide.hpp",
)
C_LIKE = {".c", ".h", ".cpp", ".hpp", ".cc", ".js", ".mjs", ".cjs", ".ts", ".css", ".java", ".cs", ".php"}
JAPANESE = re.compile("[\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")


def c_like_literals(text: str, js: bool):
    """(line, literal) for every string literal of a C, C++, JavaScript or CSS text."""
    i, n, line = 0, len(text), 1
    quotes = "\"'`" if js else "\""
    while i < n:
        c = text[i]
        if c == "\n":
            line += 1
            i += 1
        elif text.startswith("//", i):
            j = text.find("\n", i)
            i = n if j < 0 else j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            line += text.count("\n", i, j)
            i = j
        elif not js and c == "R" and i + 1 < n and text[i + 1] == '"':
            m = re.match(r'R"([^(\s]{0,16})\(', text[i:])
            if not m:
                i += 1
                continue
            end = ")" + m.group(1) + '"'
            j = text.find(end, i + m.end())
            j = n if j < 0 else j + len(end)
            yield line, text[i:j]
            line += text.count("\n", i, j)
            i = j
        elif c in quotes or (not js and c == "'"):
            q = c
            j = i + 1
            while j < n and text[j] != q and (q == "`" or text[j] != "\n"):
                j += 2 if text[j] == "\\" else 1
            j = min(j + 1, n)
            if q != "'" or js:
                yield line, text[i:j]
            line += text.count("\n", i, j)
            i = j
        else:
            i += 1


def python_literals(text: str):
    try:
        for tok in tokenize.generate_tokens(io.StringIO(text).readline):
            if tok.type == tokenize.STRING:
                yield tok.start[0], tok.string
    except (tokenize.TokenError, SyntaxError) as e:
        yield 0, f"<cannot tokenize: {e}>"


def html_text(text: str):
    text = re.sub(r"<!--.*?-->", lambda m: "\n" * m.group().count("\n"), text, flags=re.S)
    for number, line in enumerate(text.splitlines(), 1):
        if JAPANESE.search(line):
            yield number, line.strip()


def literals(path: Path):
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".py":
        return python_literals(text)
    if path.suffix in (".html", ".htm"):
        return html_text(text)
    # PHP's strings are quoted as JavaScript's are ('…', "…"; its `…` runs a command)
    return c_like_literals(text, js=path.suffix in (".js", ".mjs", ".php"))


def exempt(rel: str) -> bool:
    return rel in DATA_MODULES or any(rel == t or rel.startswith(t) for t in TABLES)


def main(argv):
    verbose = "-v" in argv
    args = [a for a in argv if a != "-v"]
    root = Path(args[0]) if args else Path(__file__).resolve().parent.parent
    found = 0
    for top in SCANNED:
        for path in sorted((root / top).rglob("*")):
            if not path.is_file() or path.suffix not in C_LIKE | {".py", ".html", ".htm"}:
                continue
            rel = path.relative_to(root).as_posix()
            if exempt(rel):
                continue
            if verbose:
                print(f"scanned {rel}")
            for line, lit in literals(path):
                if JAPANESE.search(lit):
                    found += 1
                    print(f"{rel}:{line}: {lit[:80]}")
    print(f"{found} Japanese string literal(s) outside the text tables and the data modules")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
