# SPDX-FileCopyrightText: 2026 The mamisguide authors
# SPDX-License-Identifier: Apache-2.0
"""Every function of the C ABI is called by a C or C++ test (issue 31): each MG_API function that
capi/mamisguide.h declares must be named in the C ABI's tests (tests/capi/, tests/faults/),
called there or taken as a pointer into a table of calls. (That the call runs and its answers
are checked is what those tests and the coverage stage show: 100% of capi/'s functions.)

    check_c_calls.py SOURCE_DIR
"""

import glob
import os
import re
import sys


def main():
    src = sys.argv[1]
    with open(os.path.join(src, "capi", "mamisguide.h"), encoding="utf-8") as f:
        header = f.read()
    names = sorted(set(re.findall(r"MG_API\s+[^;(]*?\b(mg_\w+)\s*\(", header)))
    tests = ""
    for pattern in ("tests/capi/*.c", "tests/capi/*.cpp", "tests/capi/*.hpp", "tests/faults/*.c",
                    "tests/faults/*.cpp", "tests/faults/*.hpp"):
        for path in sorted(glob.glob(os.path.join(src, pattern))):
            with open(path, encoding="utf-8", errors="replace") as f:
                tests += f.read()
    missing = [n for n in names if not re.search(r"\b%s\b" % n, tests)]
    if len(names) < 50:
        sys.exit("check_c_calls: only %d MG_API functions found in mamisguide.h" % len(names))
    if missing:
        sys.exit("check_c_calls: no C or C++ test calls: " + ", ".join(missing))
    print("check_c_calls: each of the %d MG_API functions is called by a C or C++ test"
          % len(names))


if __name__ == "__main__":
    main()
