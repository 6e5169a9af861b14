# SPDX-FileCopyrightText: 2026 The mamisguide authors
# SPDX-License-Identifier: Apache-2.0
"""One engine, many threads: the same answers as one thread, and loading never overlaps planning."""

from __future__ import annotations

import json
import random
import threading
import unittest
from typing import Any, Callable, Dict, List, Tuple

import mamisguide as mg
from mgtest import engine, member
from test_plan import PLANS, typed_call
from test_refusals import CASES

THREADS = 8
PER_THREAD = 3000


def answer(e: mg.Engine, kind: str, req: Any) -> str:
    """A comparable answer: the JSON response, or the typed helper's plan or refusal."""
    if kind == "json":
        return json.dumps(e.respond(req), ensure_ascii=False, sort_keys=True)
    try:
        return json.dumps(typed_call(e, req), ensure_ascii=False, sort_keys=True)
    except mg.RefusalError as err:
        return json.dumps([err.code, err.message, err.field, err.suggestion],
                          ensure_ascii=False, sort_keys=True)


def corpus() -> List[Tuple[str, Any]]:
    items: List[Tuple[str, Any]] = []
    for req, _ in PLANS:
        items += [("json", req), ("typed", req), ("json", dict(req, lang="en"))]
    for code, (req, _, _) in CASES.items():
        items.append(("json", req))
        if not isinstance(req, str):
            items.append(("typed", req))
    return items


class ThreadTest(unittest.TestCase):
    def test_many_threads_answer_as_one(self) -> None:
        items = corpus()
        with engine(categories=True) as e:
            expected = [answer(e, kind, req) for kind, req in items]
            barrier = threading.Barrier(THREADS)
            failures: List[str] = []
            counts = [0] * THREADS

            def work(t: int) -> None:
                rng = random.Random(t)
                barrier.wait()
                for _ in range(PER_THREAD):
                    i = rng.randrange(len(items))
                    got = answer(e, *items[i])
                    if got != expected[i]:
                        failures.append(f"thread {t}, item {i}: {got} != {expected[i]}")
                        return
                    counts[t] += 1

            threads = [threading.Thread(target=work, args=(t,)) for t in range(THREADS)]
            for th in threads:
                th.start()
            for th in threads:
                th.join()
        self.assertEqual(failures, [])
        self.assertEqual(sum(counts), THREADS * PER_THREAD)

    def test_loading_while_planning(self) -> None:
        with engine() as e:
            stop = threading.Event()
            failures: List[str] = []
            req = {"member": member(), "request": {"operation": "withdraw", "levels": ["national"]}}
            expected = e.plan(req)

            def plan() -> None:
                while not stop.is_set():
                    if e.plan(req) != expected:
                        failures.append("changed answer")
                        return

            planners = [threading.Thread(target=plan) for _ in range(4)]
            for th in planners:
                th.start()
            try:
                for i in range(200):
                    e.load_directory_bytes(f"code,name,prefecture\n40-extra{i},追加{i}医師会,40\n")
                    try:
                        e.load_directory_bytes("code,name,prefecture\n40-bad,X,99\n")
                    except mg.MamisguideError as err:
                        self.assertEqual(err.code, "load_error")
            finally:
                stop.set()
                for th in planners:
                    th.join()
            self.assertEqual(failures, [])
            self.assertIn("40-extra199", e)
            self.assertTrue(e.join("40-extra7", ["municipal"], {"municipal": "A"})["ok"])

    def test_close_waits_for_calls_in_progress(self) -> None:
        e = engine()
        errors: List[BaseException] = []
        started = threading.Event()

        def plan() -> None:
            started.set()
            try:
                for _ in range(2000):
                    e.withdraw(member(), "national")
            except mg.MamisguideError as err:
                if err.code != "argument_error":  # "the engine is closed" is fine
                    errors.append(err)
            except BaseException as err:  # pragma: no cover - a crash would be the failure
                errors.append(err)

        threads = [threading.Thread(target=plan) for _ in range(4)]
        for th in threads:
            th.start()
        started.wait()
        e.close()
        for th in threads:
            th.join()
        self.assertEqual(errors, [])


if __name__ == "__main__":
    unittest.main()
