// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// The .tgz installs with `npm install --offline` into an empty project (no dependency to fetch),
// is at most 1 MiB, and both entry points work from that project by the package's name:
// `import` (index.mjs) and `require` (index.cjs). The other wasm tests use this project.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { project, skip, tgz } from './common.mjs';

if (!existsSync(tgz())) skip(`${tgz()} has not been built (scripts/wasm.sh builds it; it needs Debian's emscripten)`);
const fail = (msg) => {
  console.error('FAIL: ' + msg);
  process.exitCode = 1;
};

const size = statSync(tgz()).size;
console.log(`${tgz()}: ${size} bytes`);
if (size > 1 << 20) fail(`the package is ${size} bytes, over 1 MiB`);

const dir = project();
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'empty-project', version: '1.0.0', private: true }));
execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', tgz()], { cwd: dir, stdio: 'inherit' });

const pkg = JSON.parse(readFileSync(join(dir, 'node_modules', 'mamisguide', 'package.json'), 'utf8'));
const lock = JSON.parse(readFileSync(join(dir, 'package-lock.json'), 'utf8'));
console.log(`installed ${pkg.name} ${pkg.version}; ${Object.keys(lock.packages).length - 1} package(s)`);
if (pkg.dependencies && Object.keys(pkg.dependencies).length) fail('the package has dependencies');
if (Object.keys(lock.packages).length !== 2) fail('npm installed more than the package');
const cmake = readFileSync(new URL('../../CMakeLists.txt', import.meta.url), 'utf8');
const version = /project\(mamisguide VERSION ([0-9.]+)/.exec(cmake)[1];
if (pkg.version !== version) fail(`package.json says ${pkg.version}, CMake's project() ${version}`);
for (const f of ['index.mjs', 'index.cjs', 'index.d.ts', 'index.d.cts', 'README.md', 'LICENSE',
  'NOTICE', 'THIRD-PARTY-NOTICES.txt'])
  if (!existsSync(join(dir, 'node_modules', 'mamisguide', f))) fail(`${f} is not in the package`);

// Both entry points, by name, from the project.
const probe = (file, code) => {
  writeFileSync(join(dir, file), code);
  return execFileSync(process.execPath, [file], { cwd: dir, encoding: 'utf8' }).trim();
};
const request = JSON.stringify({
  member: { municipal: '13-chiyoda', levels: ['municipal', 'prefectural', 'national'] },
  request: { operation: 'withdraw', levels: ['national'] },
});
const esm = probe('probe.mjs', `import { createEngine } from 'mamisguide';
const e = await createEngine();
console.log(e.planJson(${JSON.stringify(request)}));
e.close();
`);
const cjs = probe('probe.cjs', `const { createEngine } = require('mamisguide');
createEngine().then((e) => { console.log(e.planJson(${JSON.stringify(request)})); e.close(); });
`);
const native = execFileSync(process.env.MG_NATIVE, ['--sample'], { input: request + '\n', encoding: 'utf8' }).trim();
if (esm !== native) fail('import: a different answer from native mg_plan_json:\n' + esm + '\n' + native);
if (cjs !== native) fail('require: a different answer from native mg_plan_json:\n' + cjs + '\n' + native);
if (!esm.includes('"rule":"withdraw.top_of_chain"')) fail('not a plan: ' + esm);
console.log(process.exitCode ? 'FAILED' : 'import and require give native mg_plan_json\'s bytes');
