// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// README's JavaScript snippet (examples/readme/plan.mjs; readme_snippets checks README shows it
// as it is) run from a project that installed the package, as a user runs it: on the sample
// master, on a master that does not exist and on one that is refused.
import { spawnSync } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { project, requirePackage, source } from './common.mjs';

requirePackage();
const script = join(project(), 'readme-plan.mjs');
copyFileSync(source('examples', 'readme', 'plan.mjs'), script);
const cases = [
  [source('data', 'sample-municipal.csv'), 0,
    /^illegal_levels \[ 'municipal', 'prefectural', 'national' \]\n退会届 3\n2027-01-04T10:00:00\+09:00\n$/],
  ['/nonexistent/master.csv', 2, /^ENOENT: ENOENT: no such file or directory, open '\/nonexistent\/master.csv'\n$/],
  [source('data', 'sample-categories.csv'), 2, /^load_error: mamisguide: <buffer>:[0-9]+: .+\n$/],
];
let failed = false;
for (const [master, status, pattern] of cases) {
  const r = spawnSync(process.execPath, [script, master], { cwd: project(), encoding: 'utf8' });
  const output = r.stdout + r.stderr;
  const ok = r.status === status && pattern.test(output);
  console.log(`${ok ? 'ok' : 'FAIL'}: ${master}: exit ${r.status}\n${output}`);
  failed ||= !ok;
}
process.exitCode = failed ? 1 : 0;
