#!/usr/bin/env node
// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// The WebAssembly package's figures (scripts/wasm.sh bench; not a test): ratios measured in one
// run, each beside its absolute.
//
//   node bench/wasm.mjs --native BUILD --wasm BUILD_WASM --version X.Y.Z [--rounds 5]
//
// - planJson (and planJsonInto) per request against native mg_plan_json over the same lines: the benchmark's
//   workload (bench/workload.cpp, 178,593 requests on its 890-row master), native
//   (tests/wasm/native.c --time: libmamisguide.so, one call per line) and the package in turn,
//   round after round, best round of each; CPU time (the native thread's; Node's whole process,
//   its compiler and garbage collector threads included). planJson is measured with bytes in and
//   out and with strings (TextEncoder.encodeInto in, a decoded string out), and the bare C ABI
//   inside the WebAssembly (mg_plan_json_to called directly) shows what the wrapper adds.
// - createEngine: in a fresh Node process (compiling the WebAssembly, the sample master; median of
//   5 processes), then again in the same process, with the sample and with the workload's master
//   (medians).
// - the .tgz and the .wasm, in bytes.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const args = {};
for (let i = 2; i < process.argv.length; i += 2) args[process.argv[i].replace(/^--/, '')] = process.argv[i + 1];
const rounds = Number(args.rounds ?? 5);
const out = join(args.wasm, 'bench-results');
mkdirSync(out, { recursive: true });
const tgz = resolve(args.wasm, `mamisguide-${args.version}.tgz`);

// The package, installed into a scratch project as a user installs it.
const project = join(out, 'project');
rmSync(project, { recursive: true, force: true });
mkdirSync(project, { recursive: true });
writeFileSync(join(project, 'package.json'), '{"name":"bench","version":"1.0.0","private":true}');
execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--silent', tgz],
  { cwd: project, stdio: 'inherit', env: { ...process.env, npm_config_cache: join(out, 'npm-cache') } });
const moduleUrl = pathToFileURL(join(project, 'node_modules', 'mamisguide', 'index.mjs')).href;

// createEngine in fresh processes: median of 5.
const fresh = [];
for (let i = 0; i < 5; ++i) {
  const code = `const t0 = performance.now(); const { createEngine } = await import(${JSON.stringify(moduleUrl)});
const t1 = performance.now(); const e = await createEngine(); const t2 = performance.now();
console.log(JSON.stringify({ importMs: t1 - t0, createMs: t2 - t1 }));`;
  fresh.push(JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8' })));
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// The workload.
const dir = join(out, 'workload');
mkdirSync(dir, { recursive: true });
execFileSync(join(args.native, 'bench', 'mamisguide_bench'), ['--write-workload', dir], { stdio: 'ignore' });
const nativeTool = join(args.native, 'tests', 'wasm', 'wasm_native');
const masterBytes = readFileSync(join(dir, 'master.csv'));
const requests = readFileSync(join(dir, 'requests.jsonl'));
const lines = [];
for (let s = 0, nl; (nl = requests.indexOf(10, s)) >= 0; s = nl + 1) lines.push(requests.subarray(s, nl));
const strings = lines.map((l) => l.toString('utf8'));

const { createEngine } = await import(moduleUrl);
const internal = createEngine[Symbol.for('mamisguide.internal')];
(await createEngine()).close(); // the instance made: what follows is an engine alone
const timed = async (options, n) => {
  const ms = [];
  for (let i = 0; i < n; ++i) {
    const t = performance.now();
    const engine = await createEngine(options);
    ms.push(performance.now() - t);
    engine.close();
  }
  return median(ms);
};
const warmSampleMs = await timed(undefined, 21);
const warmMasterMs = await timed({ directory: masterBytes }, 11);
const e = await createEngine({ directory: masterBytes });
const inst = await internal.instance();
const ptr = internal.pointer(e);

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) * 1000; // ns
};
let sink = 0;
const perLine = {
  bytes() {
    for (const l of lines) sink += e.planJson(l).length;
  },
  into() {
    for (const l of lines) sink += e.planJsonInto(l, target);
  },
  strings() {
    for (const s of strings) sink += e.planJson(s).length;
  },
  bare() {
    // The C ABI inside the WebAssembly, without the wrapper: the request copied in, the
    // response left where mg_plan_json_to wrote it.
    const x = inst.x;
    for (const l of lines) {
      inst.refresh().set(l, inst.inPtr);
      sink += x.mg_plan_json_to(ptr, inst.inPtr, l.length, inst.resPtr, inst.resCap, inst.out);
    }
  },
};
const target = new Uint8Array(1 << 20);
const best = { native: Infinity, bytes: Infinity, into: Infinity, strings: Infinity, bare: Infinity };
const wall = { bytes: Infinity, strings: Infinity };
for (let r = 0; r < rounds; ++r) {
  const n = JSON.parse(execFileSync(nativeTool, ['--master', join(dir, 'master.csv'), '--time', '1',
    join(dir, 'requests.jsonl')], { encoding: 'utf8' }));
  best.native = Math.min(best.native, n.best_ns_per_line);
  for (const k of ['bytes', 'into', 'strings', 'bare']) {
    const c0 = cpu(), w0 = performance.now();
    perLine[k]();
    best[k] = Math.min(best[k], (cpu() - c0) / lines.length);
    if (k in wall) wall[k] = Math.min(wall[k], (performance.now() - w0) * 1e6 / lines.length);
  }
}
e.close();

const tgzBytes = statSync(tgz).size;
const wasmBytes = statSync(join(args.wasm, 'js', 'mamisguide-engine.wasm')).size;
const µs = (ns) => (ns / 1000).toFixed(2) + ' µs';
const ratio = (x) => (x / best.native).toFixed(2) + '×';
const rows = [
  ['native `mg_plan_json` (libmamisguide.so), per request', µs(best.native), '—', '1×'],
  ['bare C ABI inside the WebAssembly (`mg_plan_json_to`)', µs(best.bare), '—', ratio(best.bare)],
  ['`planJson(Uint8Array)` → `Uint8Array`', µs(best.bytes), '≤ 3× native', ratio(best.bytes)],
  ['`planJsonInto(Uint8Array, out)`: into a reused `Uint8Array`', µs(best.into), '≤ 3× native', ratio(best.into)],
  ['`planJson(string)` → `string`', µs(best.strings), '—', ratio(best.strings)],
  ['`createEngine()` in a fresh process (compile + instantiate + sample master)',
    median(fresh.map((f) => f.createMs)).toFixed(1) + ' ms', '—', '—'],
  ['`createEngine()` again (sample master; median of 21)', warmSampleMs.toFixed(2) + ' ms', '—', '—'],
  ['`createEngine({directory})` again (the 890-row master; median of 11)', warmMasterMs.toFixed(2) + ' ms', '—', '—'],
  ['importing the module (fresh process)', median(fresh.map((f) => f.importMs)).toFixed(1) + ' ms', '—', '—'],
  [`mamisguide-${args.version}.tgz`, `${tgzBytes} bytes`, '≤ 1 MiB', (tgzBytes / (1 << 20) * 100).toFixed(0) + ' % of 1 MiB'],
  ['the .wasm (inside index.mjs, base64)', `${wasmBytes} bytes`, '—', '—'],
];
const table = ['| figure | measured | goal | ratio |', '|---|---|---|---|',
  ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
console.log(`${lines.length} requests, best of ${rounds} rounds each, CPU time per request ` +
  `(wall: bytes ${µs(wall.bytes)}, strings ${µs(wall.strings)})\n\n${table}`);
writeFileSync(join(out, 'wasm.json'), JSON.stringify({ lines: lines.length, rounds, best, wall,
  fresh, warmSampleMs, warmMasterMs, tgzBytes, wasmBytes, check: sink > 0 }, null, 2));
const goals = [['planJson(bytes) <= 3x', best.bytes <= 3 * best.native],
  ['planJsonInto <= 3x', best.into <= 3 * best.native], ['tgz <= 1 MiB', tgzBytes <= 1 << 20]];
console.log('\n' + goals.map(([g, ok]) => `${g}: ${ok ? 'met' : 'MISSED'}`).join('; '));
