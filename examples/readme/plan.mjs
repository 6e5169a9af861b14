// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// README's JavaScript snippet, as README shows it; ctest runs it (tests/wasm: example_readme_js).
import { readFileSync } from 'node:fs';
import { createEngine } from 'mamisguide';

const master = process.argv[2] ?? 'data/sample-municipal.csv'; // your master
let engine;
try {
  engine = await createEngine({ directory: readFileSync(master) }); // CSV or JSON, UTF-8 or CP932
} catch (err) { // unreadable, or refused: err.detail is the library's refusal (line, reason)
  console.error(`${err.code}: ${err.message}`);
  process.exit(2);
}
const member = { municipal: '13-chiyoda', levels: ['municipal', 'prefectural', 'national'] };
const refused = engine.plan({ member, request: { operation: 'withdraw', levels: ['municipal'] } });
console.log(refused.error.code, refused.error.suggestion.levels); // illegal_levels [ 'municipal', … ]
const plan = engine.plan({ member, request: refused.error.suggestion }); // withdraw all three
console.log(plan.form_label, plan.checked.length); // 退会届 3
console.log(engine.support('2026-12-30T11:00:00+09:00').next_open); // 2027-01-04T10:00:00+09:00
engine.close();
