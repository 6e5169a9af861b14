#!/usr/bin/env python3
"""Plan a batch of applications exported as CSV, one result line per row, in order.

    batch_csv.py [CSV] [--master CSV] [--categories CSV] [--lang ja|en] [--expect PLANS:REFUSALS]

Columns (the shape an association system exports; no personal data):
    id, operation, mypage, member_municipal, member_levels, current_categories,
    levels, municipal, categories, reason, cascade, proxy
Level lists are space-separated level names ("municipal prefectural"); categories are
space-separated level=code pairs ("municipal=A national=A2B"); cascade and proxy are 0/1.

Prints "id  ok  form: associations" or "id  refused  code: message" per row, then the counts.
Exits 1 when a row cannot be read or when --expect does not match the counts.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path
from typing import Any, Dict, List, Optional

import mamisguide as mg

HERE = Path(__file__).resolve().parent
DATA = HERE.parent.parent / "data"
COLUMNS = ["id", "operation", "mypage", "member_municipal", "member_levels", "current_categories",
           "levels", "municipal", "categories", "reason", "cascade", "proxy"]


def levels(cell: str) -> List[str]:
    return cell.split()


def categories(cell: str) -> Dict[str, str]:
    out = {}
    for pair in cell.split():
        level, sep, code = pair.partition("=")
        if not sep:
            raise ValueError(f"not level=code: {pair!r}")
        out[level] = code
    return out


def flag(cell: str) -> bool:
    value = cell.strip().lower()
    if value in ("", "0", "no", "false"):
        return False
    if value in ("1", "yes", "true"):
        return True
    raise ValueError(f"not a flag: {cell!r}")


def to_request(row: Dict[str, str], lang: str) -> Dict[str, Any]:
    """One CSV row as a request of the JSON contract."""
    member: Dict[str, Any] = {"mypage": row["mypage"] or "yes", "levels": levels(row["member_levels"])}
    if row["member_municipal"]:
        member["municipal"] = row["member_municipal"]
    if row["current_categories"]:
        member["categories"] = categories(row["current_categories"])
    request: Dict[str, Any] = {"operation": row["operation"]}
    if row["levels"]:
        request["levels"] = levels(row["levels"])
    if row["municipal"]:
        request["municipal"] = row["municipal"]
    if row["categories"]:
        request["categories"] = categories(row["categories"])
    if row["reason"]:
        request["reason"] = row["reason"]
    if flag(row["cascade"]):
        request["cascade"] = True
    if flag(row["proxy"]):
        request["proxy"] = True
    return {"member": member, "request": request, "lang": lang}


def summary(response: Dict[str, Any]) -> str:
    """One line for a response."""
    if response["ok"]:
        form = response["form_label"]
        if response["selection_label"]:
            form += f" / {response['selection_label']}"
        ticks = ", ".join(c["name"] for c in response["checked"])
        extra = " (by the secretariat)" if response["actor"] == "secretariat" else ""
        return f"ok       {form}: {ticks}{extra}"
    error = response["error"]
    line = f"refused  {error['code']}: {error['message']}"
    if error.get("suggestion"):
        line += f"  -> {json.dumps(error['suggestion'], ensure_ascii=False)}"
    return line


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    parser.add_argument("csv", nargs="?", default=str(HERE / "applications.csv"))
    parser.add_argument("--master", default=str(DATA / "sample-municipal.csv"))
    parser.add_argument("--categories", default=str(DATA / "sample-categories.csv"))
    parser.add_argument("--lang", choices=["ja", "en"], default="ja")
    parser.add_argument("--expect", metavar="PLANS:REFUSALS", help="fail unless the counts are these")
    args = parser.parse_args()

    plans = refusals = unreadable = 0
    engine = mg.Engine(args.master, args.categories or None)
    with engine, open(args.csv, newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        missing = set(COLUMNS) - set(reader.fieldnames or [])
        if missing:
            print(f"{args.csv}: missing column(s): {', '.join(sorted(missing))}", file=sys.stderr)
            return 1
        for row in reader:
            try:
                request = to_request(row, args.lang)
            except ValueError as e:
                print(f"{row['id']:<8} unreadable  {args.csv}:{reader.line_num}: {e}")
                unreadable += 1
                continue
            response = engine.respond(request)  # never raises for a refusal
            if response["ok"]:
                plans += 1
            else:
                refusals += 1
            print(f"{row['id']:<8} {summary(response)}")

    total = plans + refusals + unreadable
    print(f"-- {total} applications: {plans} planned, {refusals} refused, {unreadable} unreadable")
    if unreadable:
        return 1
    if args.expect:
        want: Optional[List[int]] = [int(x) for x in args.expect.split(":")]
        if want != [plans, refusals]:
            print(f"expected {args.expect} (plans:refusals), got {plans}:{refusals}", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
