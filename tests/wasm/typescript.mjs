// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// The TypeScript example (examples/js/plan.ts) compiles against the installed package's
// declarations with `tsc --noEmit --strict` (Debian's node-typescript), as an ES module
// (index.d.ts, through the "import" condition) and as CommonJS (index.d.cts, "require").
//
//   node typescript.mjs TSC        (ctest: wasm_typescript)
import { execFileSync } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { project, requirePackage, source } from './common.mjs';

requirePackage();
const tsc = process.argv[2];
const dir = project();
copyFileSync(source('examples', 'js', 'plan.ts'), join(dir, 'plan.mts'));
copyFileSync(source('examples', 'js', 'plan.ts'), join(dir, 'plan.cts'));
for (const file of ['plan.mts', 'plan.cts']) {
  execFileSync(tsc, ['--noEmit', '--strict', '--target', 'es2022', '--module', 'nodenext',
    '--moduleResolution', 'nodenext', '--lib', 'es2022,dom', file],
  { cwd: dir, stdio: 'inherit' });
  console.log(`${file}: compiles`);
}
