#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The mamisguide authors
# SPDX-License-Identifier: Apache-2.0
"""Is the MAMIS support desk open now (or at a given time), when does it next open, and which
days of the year is it closed for national holidays?

    support_desk.py [ISO_TIME] [--lang ja|en] [--expect-next ISO_TIME]

ISO_TIME is ISO 8601 with an offset, e.g. 2026-12-30T11:00:00+09:00 (default: now). Checks its
own answer (the next opening is a weekday, 10:00-18:00 Japan time, not before the instant, not
a holiday; and the one given with --expect-next) and exits 1 if it is not.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys

import mamisguide as mg


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("when", nargs="?", help="ISO 8601 time with an offset (default: now)")
    parser.add_argument("--lang", choices=["ja", "en"], default="ja")
    parser.add_argument("--expect-next", metavar="ISO_TIME", help="fail unless the desk next opens then")
    args = parser.parse_args()

    when = mg.parse_instant(args.when) if args.when else dt.datetime.now(mg.JST)
    status = mg.support_status(when, lang=args.lang)
    contact = mg.support_contact(args.lang)

    print(f"{contact['name']}  {contact['phone']}  {contact['mail']}")
    print(f"  hours: {contact['hours']}")
    at = status.at.isoformat(timespec="minutes")
    if status.open:
        print(f"{at}: open")
    else:
        why = status.reason_text + (f" ({status.holiday})" if status.holiday else "")
        print(f"{at}: closed - {why}")
        print(f"  next opening: {status.next_open.isoformat()}")

    year = status.at.year
    days = mg.holidays(year)
    print(f"national holidays {year} ({len(days)}):")
    for day in days:
        name = day.name_en if args.lang == "en" else day.name
        print(f"  {day.date.isoformat()} {day.date.strftime('%a')}  {name}")

    # Check the answer.
    problems = []
    nxt = status.next_open
    if nxt.utcoffset() != dt.timedelta(hours=9):
        problems.append("next opening is not in +09:00")
    if nxt < status.at:
        problems.append("next opening is before the instant")
    if status.open and nxt != status.at:
        problems.append("open, but the next opening is not now")
    if nxt.weekday() >= 5 or not dt.time(10) <= nxt.time() < dt.time(18):
        problems.append("next opening is not within weekday hours")
    if nxt.date() in {d.date for d in mg.holidays(nxt.year)}:
        problems.append("next opening is on a holiday")
    if args.expect_next and nxt != mg.parse_instant(args.expect_next):
        problems.append(f"next opening is {nxt.isoformat()}, not {args.expect_next}")
    if not days or days[0].date != dt.date(year, 1, 1):
        problems.append("the holidays do not start with 元日")
    if status.reason == mg.DeskReason.HOLIDAY and not status.holiday:
        problems.append("closed for a holiday without its name")
    for p in problems:
        print(f"support_desk: {p}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
