// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// What the WebAssembly package's tests share (tests/wasm/CMakeLists.txt sets the environment):
// where the .tgz and the project it is installed into are, the native programs, and the package
// itself, imported from that project as a user would.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const env = (name) => {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set (run through ctest: tests/wasm/CMakeLists.txt)`);
  return v;
};

export const tgz = () => env('MG_WASM_TGZ');
export const project = () => env('MG_WASM_PROJECT');
export const source = (...p) => join(env('MG_SOURCE_DIR'), ...p);
export const work = (...p) => {
  const dir = env('MG_WASM_WORK');
  mkdirSync(dir, { recursive: true });
  return join(dir, ...p);
};

/**
 * Exit 77 (ctest: skipped) saying why, or 1 when MAMISGUIDE_REQUIRE_WASM=1 (scripts/wasm.sh test,
 * CI's wasm stage: there a test that cannot run is a failure).
 */
export function skip(why) {
  const required = process.env.MAMISGUIDE_REQUIRE_WASM === '1';
  console.log(`${required ? 'FAIL (MAMISGUIDE_REQUIRE_WASM=1)' : 'skipped'}: ${why}`);
  process.exit(required ? 1 : 77);
}

/** Skips (exit 77) when the package has not been built or installed. */
export function requirePackage() {
  if (!existsSync(tgz())) {
    skip(`${tgz()} has not been built (scripts/wasm.sh builds it; it needs Debian's emscripten)`);
  }
  if (!existsSync(join(project(), 'node_modules', 'mamisguide', 'package.json'))) {
    skip(`the package is not installed in ${project()} (the test wasm_install does it)`);
  }
}

/** The installed package's ES module. */
export async function mamisguide() {
  requirePackage();
  return import(pathToFileURL(join(project(), 'node_modules', 'mamisguide', 'index.mjs')).href);
}

/** Splits JSON Lines as the native tools read them: on '\n', a last line without one kept. */
export function splitLines(buf) {
  const lines = [];
  let start = 0;
  for (;;) {
    const nl = buf.indexOf(10, start);
    if (nl < 0) break;
    lines.push(buf.subarray(start, nl));
    start = nl + 1;
  }
  if (start < buf.length) lines.push(buf.subarray(start));
  return lines;
}

/**
 * FNV-1a, 32 bits, taken over 32-bit little-endian words (the last 0–3 bytes one by one), as
 * native --digest computes it: a quarter of the serial multiplications of the bytewise hash, which
 * was a fifth of the exhaustive comparison's time on both sides.
 */
export function fnv(h, bytes) {
  const n = bytes.length, words = n & ~3;
  let i = 0;
  for (; i < words; i += 4)
    h = Math.imul(h ^ (bytes[i] | (bytes[i + 1] << 8) | (bytes[i + 2] << 16) | (bytes[i + 3] << 24)), 16777619);
  for (; i < n; ++i) h = Math.imul(h ^ bytes[i], 16777619);
  return h >>> 0;
}
export const FNV_START = 2166136261;
