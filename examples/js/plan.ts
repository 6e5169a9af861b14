// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// The npm package from TypeScript, with its declarations: ctest (wasm_typescript) checks that it
// compiles with `tsc --noEmit --strict`, imported as an ES module and as CommonJS.
import { createEngine } from 'mamisguide';
import type { Engine, MamisguideError, PlanAnswer, PlanRequest } from 'mamisguide';

async function main(master?: Uint8Array): Promise<void> {
  const engine: Engine = await createEngine({ directory: master, encoding: 'auto', lang: 'en' });
  if (engine.sample) console.warn('the bundled sample master: made-up codes');

  const request: PlanRequest = {
    member: { municipal: '13-chiyoda', levels: ['municipal', 'prefectural', 'national'] },
    request: { operation: 'withdraw', levels: ['municipal'] },
    lang: 'en',
  };
  let answer: PlanAnswer = engine.plan(request);
  if (!answer.ok && answer.error.suggestion) {
    console.log(answer.error.code, answer.error.message); // illegal_levels …
    answer = engine.plan({ ...request, request: answer.error.suggestion });
  }
  if (answer.ok) console.log(answer.form_label, answer.checked.map((c) => c.name).join(', '));

  const text: string = engine.planJson(JSON.stringify(request)); // a string for a string
  const bytes: Uint8Array = engine.planJson(new TextEncoder().encode(text)); // bytes for bytes
  const lines: string = engine.batch(JSON.stringify(request) + '\n');
  const out = new Uint8Array(64 * 1024); // reused from request to request
  const n: number = engine.planJsonInto(text, out); // negative: out is too small
  console.log(text.length, bytes.length, lines.split('\n').length, n);

  const desk = engine.support(new Date(), 'en');
  console.log(desk.open ? desk.status_label : `opens ${desk.next_open}`);
  for (const h of engine.holidays(2026, 'en')) console.log(h.date, h.name_en);
  const chiyoda = engine.association('13-chiyoda');
  console.log(chiyoda?.name, engine.directory({ prefecture: '13' }).length);
  console.log(engine.mypageStep('no')?.steps, engine.guide('en').root, engine.version);

  try {
    await createEngine({ directory: 'code,name\n' });
  } catch (e) {
    const err = e as MamisguideError;
    console.log(err.code, err.detail?.error.line, err.detail?.error.message);
  }
  engine.close();
}

void main();
