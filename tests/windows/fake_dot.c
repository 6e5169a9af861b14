/* SPDX-FileCopyrightText: 2026 The mamisguide authors */
/* SPDX-License-Identifier: Apache-2.0 */
/* A stand-in for Graphviz's dot.exe (tests/windows/run_windows.py puts it on PATH as dot.exe):
 * `mamisguide.exe graph --format svg` must start it with -Tsvg, give it the DOT text on its
 * standard input and let its output through. It writes "fake-dot <argument> <bytes read>\n" and
 * then what it read; it exits 3 when the DOT text does not start with "digraph" (a failed render,
 * which mamisguide must report). */
#include <fcntl.h>
#include <io.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char** argv) {
    static char buf[1 << 22];
    size_t n = 0, got;
    _setmode(_fileno(stdin), _O_BINARY);
    _setmode(_fileno(stdout), _O_BINARY);
    while (n < sizeof buf && (got = fread(buf + n, 1, sizeof buf - n, stdin)) > 0) n += got;
    printf("fake-dot %s %zu\n", argc > 1 ? argv[1] : "-", n);
    fwrite(buf, 1, n, stdout);
    return n >= 7 && memcmp(buf, "digraph", 7) == 0 ? 0 : 3;
}
