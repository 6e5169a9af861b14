#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The mamisguide authors
# SPDX-License-Identifier: Apache-2.0
"""Turns mamisguide_bench's JSON output (and the command line's end-to-end timing, if any) into
the one table of scripts/bench.sh: figure, measured, target, ratio to the floor, pass/miss.

    report.py BENCH.json [E2E.json] [--strict]

In-process figures are the CPU time of the benchmark thread (the median of the repetitions when
there are several), so that other work on a shared machine does not count; the command line's
end-to-end figure is wall time (best of its runs). --strict: exit 1 when a target is missed.
"""
import json
import sys


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def pick(benchmarks):
    """name -> run: the median aggregate when there is one, else the (last) plain run."""
    runs = {}
    for b in benchmarks:
        name = b.get("run_name", b["name"])
        if b.get("run_type") == "aggregate":
            if b.get("aggregate_name") == "median":
                runs[name] = b
        elif name not in runs or runs[name].get("run_type") != "aggregate":
            runs[name] = b
    return runs


UNIT = {"ns": 1.0, "us": 1e3, "ms": 1e6, "s": 1e9}


def ns(run):
    """CPU time per iteration in nanoseconds."""
    return run["cpu_time"] * UNIT[run.get("time_unit", "ns")]


def fmt_time(t):
    if t < 10:
        return f"{t:.2f} ns"
    if t < 1e3:
        return f"{t:.0f} ns"
    if t < 1e6:
        return f"{t / 1e3:.2f} µs"
    if t < 1e9:
        return f"{t / 1e6:.1f} ms"
    return f"{t / 1e9:.3f} s"


def main(argv):
    strict = "--strict" in argv
    args = [a for a in argv[1:] if a != "--strict"]
    if not args:
        print(__doc__, file=sys.stderr)
        return 2
    bench = load(args[0])
    e2e = load(args[1]) if len(args) > 1 else None
    runs = pick(bench["benchmarks"])

    def get(name):
        # Exact, or with the arguments Google Benchmark appends ("BM_x/iterations:20").
        run = runs.get(name) or next((r for n, r in runs.items() if n.startswith(name + "/")), None)
        if run is None:
            raise SystemExit(f"report.py: no result for {name} in {args[0]}")
        return run

    floor = ns(get("BM_floor"))
    rows = []  # (figure, measured, target, ratio to the table floor, verdict)

    def row(figure, measured, target, t_ns, ok):
        ratio = "—" if t_ns is None else f"{t_ns / floor:,.1f}×"
        verdict = "—" if ok is None else ("pass" if ok else "MISS")
        rows.append((figure, measured, target, ratio, verdict))

    row("floor: `legal[8][6][8]` table lookup", fmt_time(floor), "—", floor, None)

    t = ns(get("BM_check_levels"))
    row("legality check `check_levels()`", fmt_time(t), "≤ 3 × floor", t, t <= 3 * floor)
    t = ns(get("BM_mg_check_levels"))
    row("legality check, C ABI `mg_check_levels()`", fmt_time(t), "—", t, None)

    plan = get("BM_plan_cpp")
    t_plan = ns(plan)
    allocs = plan.get("allocs_per_iter", 0.0)
    row("full plan, C++ `plan()` (workload mix)", f"{fmt_time(t_plan)}, {allocs:g} allocations",
        "0 allocations", t_plan, allocs == 0)
    dearest = max((ns(r), r.get("label", "")) for n, r in runs.items() if n.startswith("BM_plan_cpp_op/"))
    row(f"  dearest operation, C++ (`{dearest[1]}`)", fmt_time(dearest[0]), "—", dearest[0], None)

    # The typed C ABI against plan(), measured in turn in one benchmark over the same requests
    # (best time of each slice), so that the ratio does not depend on the machine's moment.
    vs = get("BM_typed_vs_cpp")
    row("  C++ `plan()`, measured in turn with the C ABI", fmt_time(vs["cpp_ns"]), "—",
        vs["cpp_ns"], None)
    for key, ratio, label in (("mg_plan_ns", "mg_plan_ratio", "typed C ABI `mg_plan()`"),
                              ("per_op_ns", "per_op_ratio", "typed C ABI, per-operation `mg_join()`…")):
        row(label, f"{fmt_time(vs[key])} = {vs[ratio]:.2f} × C++ plan", "≤ 1.3 × C++ plan",
            vs[key], vs[ratio] <= 1.3)

    # mg_plan_json against its I/O floor, measured in turn in one benchmark (best round of each).
    # With bench.sh's end-to-end runs, the best of each over those processes too (bench.sh).
    vs = get("BM_json_vs_floor")
    io_floor, t_json = vs["floor_ns"], vs["json_ns"]
    where = ""
    if e2e and "io_floor_best_ns" in e2e:
        io_floor = min(io_floor, e2e["io_floor_best_ns"])
        t_json = min(t_json, e2e["plan_json_best_ns"])
        where = f" (best of {e2e['runs'] + 1} processes)"
    row("I/O floor: simdjson DOM parse (every value) + copy of the response" + where,
        fmt_time(io_floor), "—", io_floor, None)
    row("`mg_plan_json()` (parse, plan, write)", f"{fmt_time(t_json)} = {t_json / io_floor:.2f} × I/O floor",
        "≤ 1.5 × I/O floor", t_json, t_json <= 1.5 * io_floor)

    batch = get("BM_batch")
    lines = batch["lines"]
    t_batch = ns(batch)
    per_line = t_batch / lines
    t_lines = get("BM_json_lines")["line_ns"]
    row("`mg_plan_json()` over the workload's every line (good and bad)", fmt_time(t_lines), "—",
        t_lines, None)
    row("batch, in process, one core, per line", f"{fmt_time(per_line)} = "
        f"{per_line / t_lines:.2f} × mg_plan_json over the same lines "
        f"({lines / t_batch * 1e9 / 1e6:.2f} M lines/s)", "—", per_line, None)
    if e2e:
        wall = e2e["wall_s"] * 1e9
        n = e2e["lines"]
        # Against mg_plan_json over the same lines, measured in turn with the batch runs
        # (bench.sh: BM_json_lines), else over them in this run.
        twin = e2e.get("json_ns") or t_lines
        row(f"batch, `mamisguide batch FILE`, end to end ({n:,.0f} lines), per line",
            f"{fmt_time(wall / n)} = {wall / n / twin:.2f} × mg_plan_json over the same lines "
            f"({fmt_time(twin)}, in turn; {fmt_time(wall)} wall)", "≤ 1.25 × mg_plan_json",
            wall / n, wall / n <= 1.25 * twin)
        if "rss_kib" in e2e:
            r1, r10 = e2e["rss_kib"], e2e["rss10_kib"]
            row(f"batch memory: peak RSS, {n:,.0f} lines → {10 * n:,.0f} lines",
                f"{r1:,} KiB → {r10:,} KiB = {r10 / r1:.2f} ×", "constant (≤ 1.1 ×)", None,
                r10 <= 1.1 * r1)
    else:
        row("batch, `mamisguide batch FILE`, end to end", "not run (no command line)", "—", None,
            None)

    # A mistyped association code: mg_plan_json's refusal with its candidates against
    # mg_plan_json over the workload's lines, measured in turn (best round of each); then
    # association_candidates() and the directory search alone (issue 28).
    vs = get("BM_refusal_vs_plan")
    row("`mg_plan_json()` refusing a mistyped code, with its candidates",
        f"{fmt_time(vs['refusal_ns'])} = {vs['ratio']:.2f} × mg_plan_json over the workload "
        f"({fmt_time(vs['plan_ns'])}, in turn)", "—", vs["refusal_ns"], None)
    cand = get("BM_association_candidates")
    row("  `association_candidates()` alone (890 names and codes)",
        f"{fmt_time(ns(cand))}, {cand.get('allocs_per_iter', 0.0):g} allocations", "0 allocations",
        ns(cand), cand.get("allocs_per_iter", 0.0) == 0)
    t = ns(get("BM_directory_search"))
    row("directory search by text (`search()`: `mamisguide directory`, `/v1/directory?q=`)",
        fmt_time(t), "—", t, None)

    t = ns(get("BM_load_master_1000"))
    row("load a 1,000-row master (`load_master`, buffer), per row",
        f"{fmt_time(t / 1000)} = {t / 1000 / t_plan:.1f} × C++ plan ({fmt_time(t)} in all)", "—",
        t, None)
    t = ns(get("BM_load_master_cp932_10000"))
    twin = ns(get("BM_load_master_utf8_10000"))
    decode = ns(get("BM_decode_cp932_10000"))
    row("load a 10,000-row CP932 master from Excel (`load_master`, buffer)",
        f"{fmt_time(t)} = {t / twin:.2f} × its UTF-8 twin ({fmt_time(twin)}); "
        f"decoding alone {fmt_time(decode)}", "—", t, None)
    mem = get("BM_engine_memory")
    b = mem["engine_bytes"]
    row("engine heap with that master (`mg_engine`)", f"{b / 1024:,.0f} KiB ({b:,.0f} B)",
        "≤ 1 MiB", None, b <= 1 << 20)

    headers = ("figure", "measured", "target", "ratio to the table floor", "result")
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headers)]
    def line(cells):
        return "| " + " | ".join(c.ljust(w) for c, w in zip(cells, widths)) + " |"
    print(line(headers))
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for r in rows:
        print(line(r))
    ctx = bench.get("context", {})
    print(f"\nCPU time per call (median of repetitions) on {ctx.get('num_cpus', '?')} × "
          f"{ctx.get('mhz_per_cpu', '?')} MHz, {ctx.get('host_name', '')}; "
          f"workload: {ctx.get('workload', '?')}")
    if e2e:
        print(f"end to end: best wall time of {e2e['runs']} runs, each followed by a run of "
              f"BM_json_lines (mg_plan_json over the same lines; its best round is the twin), "
              f"output to /dev/null, "
              f"master {e2e['master_rows']} associations")
    missed = [r[0] for r in rows if r[4] == "MISS"]
    if strict and missed:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
