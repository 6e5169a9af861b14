// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// The package's planJson gives the bytes of native mg_plan_json, request by request:
//
//   node test_same_bytes.mjs workload    the benchmark's workload (bench/workload.cpp: 178,593
//                                        requests, good and bad lines, on its 890-row master),
//                                        response by response; and batch() against
//                                        `mamisguide batch` on the same file
//   node test_same_bytes.mjs exhaustive [K/N]
//                                        test_exhaustive's states × requests (44,706,816, written
//                                        by exhaustive_requests), or the K-th of N parts of them
//                                        (ctest runs the halves side by side), compared by FNV-1a
//                                        digests of blocks of 4,096 responses; a block that
//                                        differs is planned again line by line to name the first
//                                        request. One generator feeds both sides: it writes the
//                                        requests here and to native's standard input
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import { readFileSync, rmSync, mkdirSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { env, FNV_START, fnv, mamisguide, skip, splitLines, work } from './common.mjs';

const mode = process.argv[2];
const { createEngine } = await mamisguide();
const NATIVE = env('MG_NATIVE');
const NL = new Uint8Array([10]);
let failed = false;
const fail = (msg) => {
  console.error('FAIL: ' + msg);
  failed = true;
};

function firstDifference(a, b) {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) ++i;
  return i;
}

async function workload() {
  const bench = process.env.MG_BENCH;
  if (!bench) skip('mamisguide_bench is not built (it writes the workload)');
  const dir = work('workload');
  mkdirSync(dir, { recursive: true });
  execFileSync(bench, ['--write-workload', dir], { stdio: ['ignore', 'ignore', 'inherit'] });
  const master = `${dir}/master.csv`;
  const requests = readFileSync(`${dir}/requests.jsonl`);
  const want = splitLines(spawnSync(NATIVE, ['--master', master, `${dir}/requests.jsonl`],
    { maxBuffer: 2 ** 31 }).stdout);
  const lines = splitLines(requests);
  if (want.length !== lines.length) fail(`${lines.length} requests, ${want.length} native answers`);

  const e = await createEngine({ directory: readFileSync(master) });
  const t0 = performance.now();
  let differ = 0, bad = 0;
  for (let i = 0; i < lines.length; ++i) {
    const got = e.planJson(lines[i]);
    if (!Buffer.from(got.buffer, got.byteOffset, got.length).equals(want[i])) {
      if (++differ <= 3) {
        const at = firstDifference(got, want[i]);
        fail(`line ${i + 1}: ${Buffer.from(lines[i]).toString()}\n  wasm:   …${Buffer.from(got.subarray(at, at + 120))}\n  native: …${want[i].subarray(at, at + 120)}`);
      }
    }
    if (got[6] === 102) ++bad; // {"ok":false
  }
  console.log(`workload: ${lines.length} requests (${bad} refused or bad), ${differ} differ from ` +
    `native mg_plan_json; ${((performance.now() - t0) * 1000 / lines.length).toFixed(2)} µs per planJson`);
  if (bad < 1000) fail('the workload should hold refusals and bad lines');

  // The batch: `mamisguide batch` on the same file, byte for byte.
  const cli = spawnSync(env('MG_CLI'), ['batch', '-q', '--directory', master, `${dir}/requests.jsonl`],
    { maxBuffer: 2 ** 31 }).stdout;
  const batch = e.batch(requests);
  const same = Buffer.from(batch.buffer, batch.byteOffset, batch.length).equals(cli);
  console.log(`batch: ${batch.length} bytes, ${same ? 'the same as' : 'NOT the same as'} mamisguide batch's ${cli.length}`);
  if (!same) {
    const at = firstDifference(batch, cli);
    fail(`batch differs at byte ${at}: wasm …${Buffer.from(batch.subarray(at, at + 100))} native …${cli.subarray(at, at + 100)}`);
  }
  const text = e.batch(requests.toString('utf8'));
  if (text !== cli.toString('utf8')) fail('batch of the text differs from mamisguide batch');
  e.close();
}

async function exhaustive(part = '1/1') {
  const gen = env('MG_EXHAUSTIVE_REQUESTS');
  const [k, parts] = part.split('/').map(Number);
  const dir = work('exhaustive-' + k);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const all = Number(execFileSync(gen, ['--count']).toString());
  const first = Math.floor(all * (k - 1) / parts);
  const total = Math.floor(all * k / parts) - first;
  const block = 4096;
  const loads = ['--master', `${dir}/master.csv`, '--categories', `${dir}/categories.csv`];
  execFileSync(gen, ['--files', dir]);

  // One generator: the requests on its standard output for this process, and on its descriptor 3
  // for native --digest, whose digests are collected as they come.
  const genArgs = ['--part', part, dir];
  const generator = spawn(gen, ['--part', part, '--also-fd', '3', dir],
    { stdio: ['ignore', 'pipe', 'inherit', 'pipe'] });
  const nativeRun = spawn(NATIVE, [...loads, '--digest', String(block)], { stdio: [generator.stdio[3], 'pipe', 'inherit'] });
  const nativeDigests = [];
  const nativeDone = new Promise((resolve) => {
    createInterface({ input: nativeRun.stdout }).on('line', (l) => nativeDigests.push(l)).on('close', resolve);
  });

  // The package: the same requests from a second generator.
  const e = await createEngine({
    directory: readFileSync(`${dir}/master.csv`),
    categories: readFileSync(`${dir}/categories.csv`),
  });
  const wasmDigests = [];
  let n = 0, inBlock = 0, bytes = 0, h = FNV_START, carry = null;
  const t0 = performance.now();
  const answer = (line) => {
    const got = e.planJson(line);
    h = fnv(fnv(h, got), NL);
    bytes += got.length + 1;
    ++n;
    if (++inBlock === block) {
      wasmDigests.push(`${wasmDigests.length} ${inBlock} ${bytes} ${h.toString(16).padStart(8, '0')}`);
      inBlock = bytes = 0;
      h = FNV_START;
    }
  };
  for await (const chunk of generator.stdout) {
    let start = 0;
    for (let nl; (nl = chunk.indexOf(10, start)) >= 0; start = nl + 1) {
      if (carry) {
        answer(Buffer.concat([carry, chunk.subarray(start, nl)]));
        carry = null;
      } else {
        answer(chunk.subarray(start, nl));
      }
    }
    if (start < chunk.length) carry = carry ? Buffer.concat([carry, chunk.subarray(start)]) : Buffer.from(chunk.subarray(start));
    if (n % (block * 1024) < 2048 && n >= block * 1024 && process.stdout.isTTY)
      process.stdout.write(`\r${n} of ${total}`);
  }
  if (carry) answer(carry);
  if (inBlock) wasmDigests.push(`${wasmDigests.length} ${inBlock} ${bytes} ${h.toString(16).padStart(8, '0')}`);
  const seconds = (performance.now() - t0) / 1000;
  await nativeDone;

  console.log(`exhaustive, part ${part}: ${n} requests (from request ${first + 1}) in ${seconds.toFixed(0)} s (${(seconds * 1e6 / n).toFixed(2)} µs each), ` +
    `${wasmDigests.length} blocks of ${block}; native: ${nativeDigests.length} blocks`);
  if (n !== total) fail(`${n} requests answered, ${total} enumerated`);
  if (nativeDigests.length !== wasmDigests.length) fail('not as many blocks as native');
  let differ = 0;
  for (let b = 0; b < wasmDigests.length; ++b) {
    if (wasmDigests[b] === nativeDigests[b]) continue;
    if (++differ > 3) continue;
    fail(`block ${b} (requests ${first + b * block + 1}…): wasm ${wasmDigests[b]}, native ${nativeDigests[b]}`);
    await explain(gen, genArgs, loads, e, b * block, block, first);
  }
  if (differ) fail(`${differ} blocks differ`);
  e.close();
}

/** Plans one block again, line by line, and names the first request whose answers differ. */
async function explain(gen, genArgs, loads, e, first, count, offset) {
  const lines = [];
  const g = spawn(gen, genArgs, { stdio: ['ignore', 'pipe', 'inherit'] });
  const rl = createInterface({ input: g.stdout, crlfDelay: Infinity });
  let i = 0;
  for await (const line of rl) {
    if (i >= first) lines.push(line);
    if (++i >= first + count) break;
  }
  g.kill();
  const want = splitLines(spawnSync(NATIVE, loads, { input: lines.join('\n') + '\n', maxBuffer: 1 << 30 }).stdout);
  for (let k = 0; k < lines.length; ++k) {
    const got = e.planJson(lines[k]);
    if (got !== want[k].toString('utf8')) {
      const at = firstDifference(Buffer.from(got), want[k]);
      console.error(`  request ${offset + first + k + 1}: ${lines[k]}\n  wasm:   …${Buffer.from(got).subarray(at, at + 160)}\n  native: …${want[k].subarray(at, at + 160)}`);
      return;
    }
  }
}

if (mode === 'workload') await workload();
else if (mode === 'exhaustive') await exhaustive(process.argv[3]);
else throw new Error('usage: test_same_bytes.mjs workload|exhaustive');
console.log(failed ? 'FAILED' : 'the same bytes as native');
process.exitCode = failed ? 1 : 0;
