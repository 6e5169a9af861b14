#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The mamisguide authors
# SPDX-License-Identifier: Apache-2.0
"""Plan a batch of applications exported as CSV, one result line per row, in order.

    batch_csv.py [CSV] [--master CSV] [--categories CSV] [--encoding auto|utf-8|cp932]
                 [--lang ja|en] [--output RESULTS.csv] [--excel] [--expect PLANS:REFUSALS]

Columns (the shape an association system exports; no personal data):
    id, operation, mypage, member_municipal, member_levels, current_categories,
    levels, municipal, categories, reason, cascade, proxy
Level lists are space-separated level names ("municipal prefectural"); categories are
space-separated level=code pairs ("municipal=A national=A2B"); cascade and proxy are 0/1.

Files as Excel on Japanese Windows saves them load as they are: the CSV may be UTF-8 (with
or without a BOM) or Shift_JIS (CP932), and so may the master and the catalogues (the library
reads those; --encoding forces one for all three). Column names are trimmed and compared
case-insensitively, in any order; cells are trimmed. A row with too few fields is refused on
that row ("unreadable", with its line), never a traceback.

Prints "id  ok  form: associations" or "id  refused  code: message" per row, then the counts.
--output writes the results as CSV (id,status,code,form,associations,message); --excel makes
that CSV one Excel opens directly: UTF-8 with a BOM and CRLF line ends (to standard output
when no --output is given).
Exits 1 when a row cannot be read or when --expect does not match the counts.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from pathlib import Path
from typing import Any, Dict, List, Optional, TextIO, Tuple

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


def decode(raw: bytes, encoding: str) -> Tuple[str, str]:
    """The CSV's text and the encoding it was read in: UTF-8 (a BOM skipped) when valid,
    otherwise CP932, as the library reads masters."""
    if encoding in ("auto", "utf-8"):
        try:
            return raw.decode("utf-8-sig"), "utf-8"
        except UnicodeDecodeError as e:
            if encoding == "utf-8":
                raise ValueError(f"not UTF-8 (byte {e.start + 1})") from None
    try:
        return raw.decode("cp932"), "cp932"
    except UnicodeDecodeError as e:
        raise ValueError(f"neither UTF-8 nor CP932 (byte {e.start + 1})") from None


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


def result_row(row_id: str, response: Optional[Dict[str, Any]], problem: str = "") -> List[str]:
    """One row of the results CSV: id, status, code, form, associations, message."""
    if response is None:
        return [row_id, "unreadable", "", "", "", problem]
    if response["ok"]:
        form = response["form_label"]
        if response["selection_label"]:
            form += f" / {response['selection_label']}"
        ticks = " / ".join(c["name"] for c in response["checked"])
        return [row_id, "ok", "", form, ticks, ""]
    error = response["error"]
    return [row_id, "refused", error["code"], "", "", error["message"]]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    parser.add_argument("csv", nargs="?", default=str(HERE / "applications.csv"))
    parser.add_argument("--master", default=str(DATA / "sample-municipal.csv"))
    parser.add_argument("--categories", default=str(DATA / "sample-categories.csv"))
    parser.add_argument("--encoding", choices=["auto", "utf-8", "cp932"], default="auto",
                        help="of the CSV, the master and the catalogues (default: auto)")
    parser.add_argument("--lang", choices=["ja", "en"], default="ja")
    parser.add_argument("--output", metavar="RESULTS.csv", help="write the results as CSV")
    parser.add_argument("--excel", action="store_true",
                        help="results CSV for Excel: UTF-8 with a BOM, CRLF line ends")
    parser.add_argument("--expect", metavar="PLANS:REFUSALS", help="fail unless the counts are these")
    args = parser.parse_args()

    try:
        text, used = decode(Path(args.csv).read_bytes(), args.encoding)
    except (OSError, ValueError) as e:
        print(f"{args.csv}: {e}", file=sys.stderr)
        return 1
    if used == "cp932" and args.encoding == "auto":
        print(f"{args.csv}: not UTF-8: read as CP932 (Shift_JIS)", file=sys.stderr)

    try:
        engine = mg.Engine(args.master, args.categories or None, encoding=args.encoding)
    except mg.MamisguideError as e:
        print(f"mamisguide: {e}", file=sys.stderr)
        return 1
    for notice in engine.notices(args.lang):
        print(f"mamisguide: {notice}", file=sys.stderr)

    # The text report goes to standard error when the results CSV takes standard output.
    log: TextIO = sys.stderr if args.excel and not args.output else sys.stdout
    results: List[List[str]] = []
    plans = refusals = unreadable = 0
    with engine:
        reader = csv.reader(io.StringIO(text, newline=""))
        header = next(reader, None)
        while header is not None and not any(c.strip() for c in header):  # blank lines first
            header = next(reader, None)
        names = [c.strip().lower() for c in header or []]
        missing = [c for c in COLUMNS if c not in names]
        if missing:
            print(f"{args.csv}: missing column(s): {', '.join(missing)}", file=sys.stderr)
            return 1
        where = {c: names.index(c) for c in COLUMNS}
        for cells in reader:
            if not any(c.strip() for c in cells):  # a blank row (",,,," from Excel)
                continue
            line = reader.line_num
            cells = [c.strip() for c in cells]
            row_id = cells[where["id"]] if where["id"] < len(cells) else f"line {line}"
            if len(cells) < len(names):
                problem = f"{args.csv}:{line}: {len(cells)} fields, {len(names)} expected"
                print(f"{row_id:<8} unreadable  {problem}", file=log)
                results.append(result_row(row_id, None, problem))
                unreadable += 1
                continue
            row = {c: cells[i] for c, i in where.items()}
            try:
                request = to_request(row, args.lang)
            except ValueError as e:
                print(f"{row_id:<8} unreadable  {args.csv}:{line}: {e}", file=log)
                results.append(result_row(row_id, None, f"{args.csv}:{line}: {e}"))
                unreadable += 1
                continue
            response = engine.respond(request)  # never raises for a refusal
            if response["ok"]:
                plans += 1
            else:
                refusals += 1
            print(f"{row_id:<8} {summary(response)}", file=log)
            results.append(result_row(row_id, response))

    if args.output or args.excel:
        write_results(results, args.output, args.excel)

    total = plans + refusals + unreadable
    print(f"-- {total} applications: {plans} planned, {refusals} refused, {unreadable} unreadable",
          file=log)
    if unreadable:
        return 1
    if args.expect:
        want: Optional[List[int]] = [int(x) for x in args.expect.split(":")]
        if want != [plans, refusals]:
            print(f"expected {args.expect} (plans:refusals), got {plans}:{refusals}", file=sys.stderr)
            return 1
    return 0


def write_results(results: List[List[str]], path: Optional[str], excel: bool) -> None:
    """The results as CSV; for Excel, UTF-8 with a BOM and CRLF, which it opens directly."""
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator="\r\n" if excel else "\n")
    writer.writerow(["id", "status", "code", "form", "associations", "message"])
    writer.writerows(results)
    data = buf.getvalue().encode("utf-8-sig" if excel else "utf-8")
    if path:
        Path(path).write_bytes(data)
    else:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()


if __name__ == "__main__":
    sys.exit(main())
