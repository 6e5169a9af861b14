#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The mamisguide authors
# SPDX-License-Identifier: Apache-2.0
"""Writes include/mamisguide/detail/cp932_table.hpp: the CP932 decoding table of
include/mamisguide/detail/cp932.hpp, taken from glibc's own CP932 converter.

Every single byte and every sequence of two bytes (all 65,536) is converted with glibc's
iconv(3) ("CP932" to "UTF-32LE", called through ctypes), and what it does is written down:

  - the bytes 0x00-0x7F: themselves (checked here: 0x5C is U+005C, 0x7E is U+007E);
  - every other byte on its own: a one-byte character (its code point), a lead byte (iconv says
    EINVAL: the character goes on in the next byte) or a refused byte (EILSEQ);
  - every lead byte followed by every byte: the character (one code point, two bytes used) or
    a refusal at the lead byte (EILSEQ, nothing used).

The script stops when glibc does anything else (a one-byte character that is a lead byte too, a
two-byte character of several code points, a refusal at the second byte, a code point of zero),
so that the decoder's few rules are glibc's. tests/test_cp932.cpp then compares the decoder with
glibc on every one- and two-byte input, followed by ASCII or not; the master loader's fuzz target
compares longer ones.

Usage: /usr/bin/python3 scripts/gen-cp932.py [OUTPUT]   (needs glibc; run on Linux)
The output needs no clang-format (its data sits between clang-format off and on).
"""

import ctypes
import ctypes.util
import errno
import platform
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "include" / "mamisguide" / "detail" / "cp932_table.hpp"
TRAIL_FIRST, TRAIL_LAST = 0x40, 0xFC  # the trail bytes a row of the table covers

libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
libc.iconv_open.restype = ctypes.c_void_p
libc.iconv_open.argtypes = [ctypes.c_char_p, ctypes.c_char_p]
libc.iconv.restype = ctypes.c_size_t
libc.iconv.argtypes = [ctypes.c_void_p, ctypes.POINTER(ctypes.c_char_p),
                       ctypes.POINTER(ctypes.c_size_t), ctypes.POINTER(ctypes.c_char_p),
                       ctypes.POINTER(ctypes.c_size_t)]
libc.iconv_close.argtypes = [ctypes.c_void_p]
libc.gnu_get_libc_version.restype = ctypes.c_char_p

ICONV_FAILED = ctypes.c_size_t(-1).value
cd = libc.iconv_open(b"UTF-32LE", b"CP932")
if cd is None or cd == ctypes.c_void_p(-1).value:
    sys.exit("gen-cp932: this C library's iconv has no CP932 (glibc is needed)")


def convert(data):
    """(code points, bytes used, errno or 0) of glibc's conversion of `data`."""
    libc.iconv(cd, None, None, None, None)  # back to the initial state
    src = ctypes.create_string_buffer(data, len(data))
    dst = ctypes.create_string_buffer(64)
    src_p, dst_p = ctypes.cast(src, ctypes.c_char_p), ctypes.cast(dst, ctypes.c_char_p)
    src_left, dst_left = ctypes.c_size_t(len(data)), ctypes.c_size_t(len(dst))
    ctypes.set_errno(0)
    rc = libc.iconv(cd, ctypes.byref(src_p), ctypes.byref(src_left), ctypes.byref(dst_p),
                    ctypes.byref(dst_left))
    err = ctypes.get_errno() if rc == ICONV_FAILED else 0
    out = dst.raw[: len(dst) - dst_left.value]
    points = [int.from_bytes(out[i:i + 4], "little") for i in range(0, len(out), 4)]
    return points, len(data) - src_left.value, err


def fail(what):
    sys.exit("gen-cp932: glibc does something the decoder does not model: " + what)


def main():
    out_path = Path(sys.argv[1]) if len(sys.argv) > 1 else OUTPUT

    # One byte on its own.
    high = []  # 0x80-0xFF: code point, or "lead", or None (refused)
    for b in range(256):
        points, used, err = convert(bytes([b]))
        if b < 0x80:
            if (points, used, err) != ([b], 1, 0):
                fail(f"byte 0x{b:02X} is not itself")
            continue
        if err == 0 and used == 1 and len(points) == 1 and 0x80 <= points[0] <= 0xFFFF and \
                not 0xD800 <= points[0] <= 0xDFFF:
            high.append(points[0])
        elif err == errno.EINVAL and used == 0 and not points:
            high.append("lead")
        elif err == errno.EILSEQ and used == 0 and not points:
            high.append(None)
        else:
            fail(f"byte 0x{b:02X} alone: {points} {used} {err}")
    leads = [0x80 + i for i, h in enumerate(high) if h == "lead"]
    if not leads or leads[0] < 0x81:
        fail("no lead bytes")
    first_lead, last_lead = leads[0], leads[-1]

    # Every lead byte followed by every byte.
    rows = {}  # lead -> [code point or 0] over TRAIL_FIRST..TRAIL_LAST
    for lead in leads:
        row = [0] * (TRAIL_LAST - TRAIL_FIRST + 1)
        for t in range(256):
            points, used, err = convert(bytes([lead, t]))
            if err == 0 and used == 2 and len(points) == 1 and points[0] != 0:
                if not TRAIL_FIRST <= t <= TRAIL_LAST:
                    fail(f"0x{lead:02X}{t:02X} has a trail byte outside the table")
                if points[0] > 0xFFFF or 0xD800 <= points[0] <= 0xDFFF:
                    fail(f"0x{lead:02X}{t:02X} is not a BMP character")
                row[t - TRAIL_FIRST] = points[0]
            elif not (err == errno.EILSEQ and used == 0 and not points):
                fail(f"0x{lead:02X}{t:02X}: {points} {used} {err}")
        if any(row):
            rows[lead] = row

    # The lead bytes 0x81..last_lead, each with its row number (0: no two-byte character).
    row_of = []
    numbered = []
    for b in range(first_lead, last_lead + 1):
        if b in rows:
            numbered.append(b)
            row_of.append(len(numbered))
        else:
            row_of.append(0)
    if len(numbered) > 255:
        fail("more than 255 rows")

    lines = []
    w = lines.append
    w("// SPDX-FileCopyrightText: 2026 The mamisguide authors")
    w("// SPDX-License-Identifier: Apache-2.0")
    w("// GENERATED by scripts/gen-cp932.py from glibc's CP932 converter (glibc "
      f"{libc.gnu_get_libc_version().decode()}, {platform.machine()}): do not edit.")
    w("// Regenerate with: /usr/bin/python3 scripts/gen-cp932.py")
    w("// mamisguide — the CP932 table of detail/cp932.hpp: what glibc's iconv makes of every byte")
    w("// 0x80-0xFF on its own and of every lead byte followed by every byte (0x00-0x7F are")
    w("// themselves, 0x5C and 0x7E included).")
    w("#pragma once")
    w("")
    w("#include <cstdint>")
    w("")
    w("namespace mamisguide::detail::cp932_table {")
    w("")
    w("/// high[b - 0x80]: the code point of byte b (0x80-0xFF) when it is a character on its own;")
    w("/// `lead` when it starts a two-byte character; `refused` when glibc refuses it.")
    w("inline constexpr std::uint16_t refused = 0, lead = 1;")
    w(f"inline constexpr unsigned trail_first = 0x{TRAIL_FIRST:02X}, trail_last = 0x{TRAIL_LAST:02X};")
    w(f"inline constexpr unsigned lead_first = 0x{first_lead:02X}, lead_last = 0x{last_lead:02X};")
    w(f"inline constexpr unsigned row_count = {len(numbered)}, row_size = {TRAIL_LAST - TRAIL_FIRST + 1};")
    w("")
    w("// clang-format off")
    w("inline constexpr std::uint16_t high[128] = {")
    vals = ["lead" if h == "lead" else ("refused" if h is None else f"0x{h:04X}") for h in high]
    for i in range(0, 128, 8):
        w("    " + " ".join(v + "," for v in vals[i:i + 8]) + f"  // 0x{0x80 + i:02X}")
    w("};")
    w("")
    w(f"/// row_of[lead - lead_first]: the row of `rows` for that lead byte, counted from 1; 0 when")
    w("/// every two-byte sequence it starts is refused.")
    w(f"inline constexpr std::uint8_t row_of[{len(row_of)}] = {{")
    for i in range(0, len(row_of), 16):
        w("    " + " ".join(f"{v}," for v in row_of[i:i + 16]) + f"  // 0x{first_lead + i:02X}")
    w("};")
    w("")
    w("/// rows[row - 1][trail - trail_first]: the code point of lead + trail; 0 when glibc refuses")
    w("/// the sequence (at the lead byte).")
    w(f"inline constexpr std::uint16_t rows[row_count][row_size] = {{")
    for lead in numbered:
        row = rows[lead]
        w(f"    {{ // 0x{lead:02X}")
        for i in range(0, len(row), 10):
            w("        " + " ".join(f"0x{v:04X}," for v in row[i:i + 10])
              + f"  // 0x{lead:02X}{TRAIL_FIRST + i:02X}")
        w("    },")
    w("};")
    w("// clang-format on")
    w("")
    w("} // namespace mamisguide::detail::cp932_table")
    out_path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    mapped = sum(1 for r in rows.values() for v in r if v)
    singles = sum(1 for h in high if h not in (None, "lead"))
    print(f"{out_path}: {singles} one-byte characters beyond ASCII, {len(leads)} lead bytes, "
          f"{len(numbered)} rows, {mapped} two-byte characters")


if __name__ == "__main__":
    main()
