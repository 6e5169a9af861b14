#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The mamisguide authors
# SPDX-License-Identifier: Apache-2.0
"""Plan one MAMIS application and print it.

    plan_one.py [--master CSV] [--lang ja|en] [REQUEST_JSON]

Without REQUEST_JSON it plans the example below (a member of 千代田区医師会, 東京都医師会 and
JMA who leaves JMA only) and checks the answer. With one, it prints the plan or the refusal
and exits 0 for a plan, 3 for a refusal.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, Dict

import mamisguide as mg

HERE = Path(__file__).resolve().parent
SAMPLE_MASTER = HERE.parent.parent / "data" / "sample-municipal.csv"

EXAMPLE: Dict[str, Any] = {
    "member": {
        "mypage": "yes",
        "municipal": "13-chiyoda",
        "levels": ["municipal", "prefectural", "national"],
        "categories": {"national": "A2B"},
    },
    "request": {"operation": "withdraw", "levels": ["national"]},
}


def show(plan: Dict[str, Any]) -> None:
    """Prints a plan the way a secretariat would read it."""
    selection = f" / {plan['selection_label']}" if plan["selection_label"] else ""
    print(f"{plan['form_label']}{selection}  ({plan['case']['label']})")
    for pre in plan["prerequisites"]:
        print(f"  before the form ({pre['kind']}):")
        for step in pre["steps"]:
            print(f"    - {step}")
    for c in plan["checked"]:
        label = plan["category_labels"].get(c["level"]) or plan["categories"].get(c["level"], "")
        print(f"  [x] {c['name']} ({c['code']}){'  category: ' + label if label else ''}")
    for i, step in enumerate(plan["steps"], 1):
        print(f"  {i}. {step}")
    print(f"  manual: {plan['manual']}")
    for note in plan["notes"]:
        print(f"  note: {note['text']}")
    after = plan["result"]
    print(f"  after: {after['municipal'] or '-'} {after['levels']}   rule: {plan['rule']}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    parser.add_argument("request", nargs="?", help="a request of the JSON contract")
    parser.add_argument("--master", default=str(SAMPLE_MASTER), help="municipal master CSV")
    parser.add_argument("--lang", choices=["ja", "en"], default="ja")
    args = parser.parse_args()

    request = json.loads(args.request) if args.request else dict(EXAMPLE)
    request.setdefault("lang", args.lang)
    with mg.Engine(args.master) as engine:
        try:
            plan = engine.plan(request)
        except mg.RefusalError as refusal:
            print(f"refused: {refusal.code}: {refusal.message}")
            if refusal.suggestion:
                print(f"  instead: {json.dumps(refusal.suggestion, ensure_ascii=False)}")
            return 3
    show(plan)

    if not args.request:  # the built-in example: check the answer
        ticked = [c["code"] for c in plan["checked"]]
        after = plan["result"]["levels"]
        if plan["form"] != "withdrawal" or ticked != ["00"] or after != ["municipal", "prefectural"]:
            print(f"unexpected plan: {json.dumps(plan, ensure_ascii=False)}", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
