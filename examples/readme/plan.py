# SPDX-FileCopyrightText: 2026 The mamisguide authors
# SPDX-License-Identifier: Apache-2.0
"""README's Python snippet, as README shows it; ctest runs it (examples/CMakeLists.txt)."""
import sys

import mamisguide as mg

master = sys.argv[1] if len(sys.argv) > 1 else "data/sample-municipal.csv"  # your master
member = {"municipal": "13-chiyoda", "levels": ["municipal", "prefectural", "national"]}
try:
    with mg.Engine(master) as e:
        plan = e.withdraw(member, ["national"])
        print(plan["form_label"], [c["name"] for c in plan["checked"]])  # 退会届 ['日本医師会']
        try:
            e.plan({"member": member, "request": {"operation": "withdraw", "levels": ["municipal"]}})
        except mg.RefusalError as r:
            print(r.code, r.suggestion)  # illegal_levels {'operation': 'withdraw', 'levels': [...]}
            # r.details: what is at fault, named (levels, associations, value, problem, position,
            # allowed, candidates; docs/decisions.md)
except mg.LibraryNotFoundError as err:  # no libmamisguide.so.1: lists every place tried
    sys.exit(str(err))
except mg.MamisguideError as err:  # io_error, load_error (file, line, reason), ...
    sys.exit(f"{err.code}: {err.message}")
print(mg.support_status("2026-12-30T11:00:00+09:00").next_open)  # 2027-01-04 10:00:00+09:00
