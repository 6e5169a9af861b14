// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// Every function of the npm package, against the native library (tests/wasm/native.c through
// libmamisguide.so) wherever there is an answer to compare, and every kind of error: wrong
// types, the library's refusals and errors, out of memory, a trap, a closed engine; engines
// made and closed 10,000 times, and forgotten ones freed by the FinalizationRegistry.
//
//   node --expose-gc test_api.mjs        (ctest: wasm_api)
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { env, mamisguide, source, work } from './common.mjs';

const { createEngine } = await mamisguide();
const internal = createEngine[Symbol.for('mamisguide.internal')];
const NATIVE = env('MG_NATIVE');
const CLI = env('MG_CLI');
const SAMPLE = readFileSync(source('data', 'sample-municipal.csv'));
const CATEGORIES = readFileSync(source('data', 'sample-categories.csv'));
const LANG = { ja: 0, en: 1 };

/** native ARGS… with `input` on standard input: its standard output and exit status. */
function native(args, input) {
  const r = spawnSync(NATIVE, args, { input, maxBuffer: 1 << 30 });
  if (r.status !== 0 && r.status !== 3) throw new Error(`native ${args.join(' ')}: ${r.stderr}`);
  return { out: r.stdout, status: r.status };
}
/** native --call: [status, the text]. */
function nativeCall(loads, ...call) {
  const text = native([...loads, '--call', ...call.map(String)]).out.toString('utf8');
  const nl = text.indexOf('\n');
  return [Number(text.slice(7, nl)), text.slice(nl + 1, -1)];
}
const json = (text) => JSON.parse(text);

const withdraw = {
  member: { municipal: '13-chiyoda', levels: ['municipal', 'prefectural', 'national'] },
  request: { operation: 'withdraw', levels: ['municipal'] },
};

test('createEngine: the sample master with its note, version, usable', async () => {
  const e = await createEngine();
  assert.equal(e.sample, true);
  assert.equal(e.usable, true);
  assert.equal(e.closed, false);
  const cmake = readFileSync(source('CMakeLists.txt'), 'utf8');
  assert.equal(e.version, /project\(mamisguide VERSION ([0-9.]+)/.exec(cmake)[1]);
  assert.deepEqual(e.notices, []);
  const req = JSON.stringify({ ...withdraw, request: { operation: 'withdraw', levels: ['national'] } });
  const answer = e.planJson(req);
  assert.equal(answer, native(['--sample'], req + '\n').out.toString('utf8').trimEnd());
  assert.match(answer, /"kind":"sample_directory"/);
  e.close();
  assert.equal(e.closed, true);
  assert.equal(e.usable, false);
  e.close(); // idempotent
  assert.throws(() => e.planJson(req), (err) => err.code === 'closed');
});

test('createEngine: a master and catalogues as strings, bytes and Buffers, like native', async () => {
  const req = JSON.stringify({ member: { municipal: '13-chiyoda', levels: ['municipal'] },
    request: { operation: 'change_category', categories: { municipal: 'K1' } } });
  const nativeAnswer = native(['--master', source('data', 'sample-municipal.csv'), '--categories',
    source('data', 'sample-categories.csv')], req + '\n').out.toString('utf8').trimEnd();
  for (const [directory, categories] of [
    [SAMPLE.toString('utf8'), CATEGORIES.toString('utf8')],
    [new Uint8Array(SAMPLE), new Uint8Array(CATEGORIES)],
    [SAMPLE, CATEGORIES],
  ]) {
    const e = await createEngine({ directory, categories });
    assert.equal(e.sample, false);
    assert.equal(e.planJson(req), nativeAnswer);
    assert.doesNotMatch(e.planJson(req), /sample_directory/);
    e.close();
  }
  // A master of one's own with the sample's catalogues: the same as native with both files.
  const e = await createEngine({ directory: SAMPLE, categories: CATEGORIES, encoding: 'utf-8' });
  assert.equal(e.planJson(req), nativeAnswer);
  e.close();
});

test('every master and catalogue of the fuzz corpus: loaded or refused exactly as native', async () => {
  let n = 0;
  const differ = [];
  for (const kind of ['master', 'categories']) {
    const dir = source('tests', 'fuzz', 'corpus', kind);
    for (const name of readdirSync(dir).sort()) {
      const file = `${dir}/${name}`;
      const bytes = readFileSync(file);
      for (const lang of ['ja', 'en']) {
        const args = kind === 'master'
          ? ['--master-buffer', file, '--lang', lang, '--describe']
          : ['--sample', '--categories-buffer', file, '--lang', lang, '--describe'];
        const want = native(args);
        const options = kind === 'master' ? { directory: bytes, lang } : { categories: bytes, lang };
        let e = null, refused = null;
        try {
          e = await createEngine(options);
        } catch (err) {
          refused = err;
        }
        const what = `${kind} ${name} (${lang})`;
        try {
        if (want.status === 3) {
          assert.ok(refused, `${what}: native refuses it, the package loads it`);
          assert.equal(refused.code, refused.detail.error.code === 'load_error' ? refused.code : '?');
          assert.ok(['load_error', 'io_error'].includes(refused.code), what);
          assert.deepEqual(refused.detail, json(want.out.toString('utf8')), what);
          assert.equal(refused.message, 'mamisguide: ' + refused.detail.error.message, what);
        } else {
          if (refused) throw new Error(`${what}: refused: ${refused.message}`);
          const text = want.out.toString('utf8');
          const lines = text.split('\n');
          const count = Number(lines[0].split(' ')[1]);
          assert.deepEqual([...e.notices], lines.slice(1, 1 + count), `${what}: notices`);
          assert.deepEqual(e.directory({ lang }), json(lines.slice(1 + count).join('\n')), what);
          e.close();
        }
        } catch (err) {
          differ.push(err.message.split('\n')[0]);
        }
        ++n;
      }
    }
  }
  assert.deepEqual(differ, [], `${differ.length} of ${n} differ`);
  assert.ok(n > 100);
});

test('encoding: CP932 bytes, auto and forced, and a notice that says so', async () => {
  const file = source('tests', 'fuzz', 'corpus', 'master', 'ok-excel-cp932-japanese-header.csv');
  const bytes = readFileSync(file);
  for (const encoding of ['auto', 'cp932']) {
    const e = await createEngine({ directory: bytes, encoding });
    const want = native(['--master-buffer', file, '--encoding', encoding, '--describe']).out
      .toString('utf8').split('\n');
    assert.deepEqual([...e.notices], want.slice(1, 1 + Number(want[0].split(' ')[1])));
    assert.ok(e.directory().length > 48);
    e.close();
  }
  // Forced UTF-8: refused as native refuses it.
  const want = native(['--master-buffer', file, '--encoding', 'utf-8']);
  assert.equal(want.status, 3);
  await assert.rejects(createEngine({ directory: bytes, encoding: 'utf-8' }),
    (err) => { assert.deepEqual(err.detail, json(want.out)); return true; });
});

test('a Blob (a File): checked from its size and beginning before it is read, refused as native', async () => {
  const req = JSON.stringify({ ...withdraw, request: { operation: 'withdraw', levels: ['national'] } });
  const want = native(['--master', source('data', 'sample-municipal.csv')], req + '\n').out.toString('utf8').trimEnd();
  const e = await createEngine({ directory: new Blob([SAMPLE]), categories: new Blob([CATEGORIES]) });
  assert.equal(e.sample, false);
  assert.equal(e.planJson(req), want);
  e.close();
  // A picture, a workbook, UTF-16: what the native loader says of the same bytes, unread.
  const png = readFileSync(source('docs', 'web-guide.png'));
  const pictures = [['png', png], ['xlsx', Buffer.from('PK\x03\x04\x14\x00\x06\x00', 'latin1')],
    ['utf16', Buffer.from('\ufeffcode,name', 'utf16le')]];
  for (const [what, bytes] of pictures) {
    const file = `${work('not-a-master-' + what)}`;
    (await import('node:fs')).writeFileSync(file, bytes);
    for (const lang of ['ja', 'en']) {
      const native_ = native(['--master-buffer', file, '--lang', lang]);
      assert.equal(native_.status, 3, what);
      const reads = [];
      const blob = new Blob([bytes]);
      const spy = { size: blob.size, slice: (a, b) => blob.slice(a, b),
        arrayBuffer: () => { reads.push('whole'); return blob.arrayBuffer(); } };
      await assert.rejects(createEngine({ directory: spy, lang }), (err) => {
        assert.equal(err.code, 'load_error');
        assert.deepEqual(err.detail, json(native_.out.toString('utf8')), what);
        assert.equal(err.detail.error.kind, 'not_text');
        return true;
      });
      assert.deepEqual(reads, [], `${what}: refused without being read`);
    }
  }
  // 200 MB: refused from its size, its beginning only read.
  const slices = [];
  const big = { size: 200 * 1024 * 1024, name: 'big.csv',
    slice: (a, b) => { slices.push([a, b]); return new Blob([SAMPLE.subarray(a, b)]); },
    arrayBuffer: () => { throw new Error('read whole'); } };
  await assert.rejects(createEngine({ directory: big, lang: 'en' }), (err) => {
    assert.equal(err.detail.error.kind, 'too_large');
    assert.equal(err.detail.error.source, 'big.csv');
    assert.equal(err.message, 'mamisguide: big.csv: the file is too large (> 16777216 bytes)');
    return true;
  });
  assert.deepEqual(slices, [[0, 4096]]);
  // A name for refusals and notices: a File's own, or directoryName / categoriesName.
  const cp932 = readFileSync(source('tests', 'fuzz', 'corpus', 'master', 'ok-excel-cp932-japanese-header.csv'));
  const named = await createEngine({ directory: Object.assign(new Blob([cp932]), { name: '会員医師会一覧.csv' }) });
  assert.ok(named.notices.length > 0 && named.notices.every((n) => n.startsWith('会員医師会一覧.csv: ')), named.notices.join());
  named.close();
  await assert.rejects(createEngine({ directory: 'code,name\n', directoryName: '甲.csv' }),
    (err) => err.detail.error.source === '甲.csv' && err.detail.error.message.startsWith('甲.csv:1: '));
  await assert.rejects(createEngine({ categories: 'association,code\n', categoriesName: 'k.csv' }),
    (err) => err.detail.error.source === 'k.csv');
  await assert.rejects(createEngine({ directory: 'code,name\n' }), (err) => err.detail.error.source === '<buffer>');
  for (const [options, param] of [[{ directory: 'x', directoryName: 5 }, 'directoryName'],
    [{ categoriesName: {} }, 'categoriesName'], [{ directory: { size: 3 } }, 'directory']]) {
    await assert.rejects(createEngine(options), (err) => err instanceof TypeError && err.message.includes(param));
  }
});

test('planJson: strings and bytes, exactly native mg_plan_json, invalid UTF-8 included', async () => {
  const e = await createEngine({ directory: SAMPLE, categories: CATEGORIES });
  const loads = ['--master', source('data', 'sample-municipal.csv'), '--categories', source('data', 'sample-categories.csv')];
  const requests = [
    JSON.stringify(withdraw),
    JSON.stringify({ ...withdraw, lang: 'en' }),
    '{',
    '',
    '{"request":{"operation":"join","municipal":"１３－ｃｈｉｙｏｄａ","levels":["municipal"],"categories":{"municipal":"A"}}}',
    '\uFEFF' + JSON.stringify(withdraw),
    JSON.stringify({ request: { operation: 'join', municipal: 'x'.repeat(300), levels: ['municipal'] } }),
  ];
  const want = native(loads, requests.join('\n') + '\n').out.toString('utf8').split('\n');
  requests.forEach((r, i) => {
    assert.equal(e.planJson(r), want[i], r);
    const bytes = e.planJson(new TextEncoder().encode(r));
    assert.ok(bytes instanceof Uint8Array);
    assert.ok(Buffer.from(bytes).equals(Buffer.from(want[i])), r);
  });
  // planJsonInto: the same bytes into a buffer of the caller's; too small: minus the size needed.
  const out = new Uint8Array(1 << 16).fill(35);
  requests.forEach((r, i) => {
    const want8 = Buffer.from(want[i]);
    for (const req of [r, new TextEncoder().encode(r)]) {
      assert.equal(e.planJsonInto(req, out), want8.length);
      assert.ok(Buffer.from(out.subarray(0, want8.length)).equals(want8));
    }
    const small = new Uint8Array(want8.length - 1).fill(35);
    assert.equal(e.planJsonInto(r, small), -want8.length);
    assert.ok(small.every((b) => b === 35), 'nothing written');
    assert.equal(e.planJsonInto(r, new Uint8Array(want8.length)), want8.length);
  });
  // Bytes that are not UTF-8: refused with the position, as in C.
  const bad = Buffer.concat([Buffer.from('{"request":{"operation":"join","reason":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}}')]);
  const badWant = native(loads, Buffer.concat([bad, Buffer.from('\n')])).out;
  const got = e.planJson(bad);
  assert.ok(got instanceof Uint8Array);
  assert.deepEqual(Buffer.from(got), badWant.subarray(0, badWant.length - 1));
  assert.match(Buffer.from(got).toString(), /invalid_request/);
  // A string with a lone surrogate: its UTF-8 has U+FFFD; a plan, not a trap.
  assert.match(e.planJson(JSON.stringify({ ...withdraw, request: { operation: 'change_facility', reason: 'a\uD800b' } })), /"ok":/);
  // Over 1 MiB: refused unread, as native; the scratch block goes back to its size after.
  const huge = JSON.stringify({ request: { operation: 'join', reason: 'x'.repeat(1 << 21) } });
  assert.equal(e.planJson(huge), native(loads, huge + '\n').out.toString().trimEnd());
  assert.equal(e.planJson(JSON.stringify(withdraw)), want[0]);
  e.close();
});

test('planJson(bytes): answers kept by the caller stay right while more calls happen', async () => {
  // The answers in bytes are views of slabs shared from call to call (js/src/mamisguide.mjs,
  // answer()): none may be written over by a later call, whatever the calls in between.
  const e = await createEngine({ directory: SAMPLE, categories: CATEGORIES });
  const loads = ['--master', source('data', 'sample-municipal.csv'), '--categories', source('data', 'sample-categories.csv')];
  const requests = [
    JSON.stringify(withdraw),
    JSON.stringify({ ...withdraw, lang: 'en' }),
    '{',
    JSON.stringify({ request: { operation: 'join', municipal: '13-chiyoda', levels: ['municipal', 'prefectural', 'national'], categories: { municipal: 'A' } } }),
    JSON.stringify({ request: { operation: 'join', municipal: 'x'.repeat(300), levels: ['municipal'] } }),
  ];
  const want = native(loads, requests.join('\n') + '\n').out.toString('utf8').split('\n').slice(0, -1).map((w) => Buffer.from(w));
  const encoded = requests.map((r) => new TextEncoder().encode(r));
  const kept = [];
  const out = new Uint8Array(1 << 16);
  let bytes = 0;
  for (let i = 0; bytes < 4 * (128 << 10) || i < 1000; ++i) {
    const k = i % requests.length;
    const got = e.planJson(encoded[k]);
    kept.push([k, got]);
    bytes += got.length;
    // calls of every kind in between: strings, into a buffer, a batch, a large input
    if (i % 7 === 0) assert.equal(e.planJson(requests[k]), want[k].toString());
    if (i % 11 === 0) assert.equal(e.planJsonInto(encoded[(k + 1) % requests.length], out), want[(k + 1) % requests.length].length);
    if (i % 97 === 0) e.batch(requests.join('\n'));
    if (i === 500) e.planJson(new Uint8Array(1 << 21).fill(32));
  }
  const buffers = new Set(kept.map(([, got]) => got.buffer));
  assert.ok(buffers.size > 1 && buffers.size < kept.length / 10, `${buffers.size} buffers for ${kept.length} answers`);
  for (const [k, got] of kept) {
    assert.ok(Buffer.isBuffer(got)); // in Node a Buffer, as before: toString() is the text
    assert.equal(got.toString(), want[k].toString());
    assert.ok(Buffer.from(got.buffer, got.byteOffset, got.length).equals(want[k]), requests[k]);
  }
  // a kept answer the caller writes into is the caller's: the next answers are not touched
  kept[0][1].fill(0);
  const next = e.planJson(encoded[0]);
  assert.ok(Buffer.from(next).equals(want[0]));
  assert.ok(Buffer.from(kept[1][1]).equals(want[kept[1][0]]));
  e.close();
});

test('plan(object): the response parsed; refusals are answers', async () => {
  const e = await createEngine();
  const refused = e.plan(withdraw);
  assert.equal(refused.ok, false);
  assert.equal(refused.error.code, 'illegal_levels');
  assert.deepEqual(refused.error.suggestion.levels, ['municipal', 'prefectural', 'national']);
  const planned = e.plan({ ...withdraw, request: refused.error.suggestion });
  assert.equal(planned.ok, true);
  assert.equal(planned.form, 'withdrawal');
  assert.deepEqual(planned, JSON.parse(e.planJson(JSON.stringify({ ...withdraw, request: refused.error.suggestion }))));
  e.close();
});

test('batch: exactly `mamisguide batch`, strings and bytes', async () => {
  const e = await createEngine({ directory: SAMPLE });
  const input = [JSON.stringify(withdraw), '', '{"bad"', JSON.stringify({ ...withdraw, lang: 'en' }) + '\r',
    '\uFEFF{}', 'x'.repeat(100), JSON.stringify(withdraw)].join('\n'); // no newline at the end
  const cli = execFileSync(CLI, ['batch', '-q', '--directory', source('data', 'sample-municipal.csv')],
    { input });
  assert.equal(e.batch(input), cli.toString('utf8'));
  assert.deepEqual(Buffer.from(e.batch(Buffer.from(input))), cli);
  assert.equal(e.batch(''), '');
  assert.equal(e.batch(input + '\n'), cli.toString('utf8'));
  e.close();
});

test('guide, webTexts, guideCategories: as native', async () => {
  const e = await createEngine({ directory: SAMPLE, categories: CATEGORIES });
  const loads = ['--master', source('data', 'sample-municipal.csv'), '--categories', source('data', 'sample-categories.csv')];
  for (const lang of ['ja', 'en']) {
    assert.deepEqual(e.guide(lang), json(nativeCall([], 'guide', LANG[lang])[1]));
    assert.deepEqual(e.webTexts(lang), json(nativeCall([], 'web_texts', LANG[lang])[1]));
  }
  assert.deepEqual(e.guide(), e.guide('ja'));
  const cases = [
    [{ leaf: 'join.national', municipal: '13-chiyoda' }, ['join.national', '-', 0, '13-chiyoda', 0]],
    [{ leaf: 'join.municipal', municipal: 'zz', lang: 'en' }, ['join.municipal', '-', 0, 'zz', 0]],
    [{ leaf: 'change_category', member: '13-chiyoda', memberLevels: ['municipal', 'prefectural'], levels: ['prefectural'] },
      ['change_category', '13-chiyoda', 3, '-', 2]],
    [{ leaf: 'no.such.leaf' }, ['no.such.leaf', '-', 0, '-', 0]],
  ];
  for (const [query, args] of cases) {
    const [status, text] = nativeCall(loads, 'guide_categories', ...args, LANG[query.lang ?? 'ja']);
    assert.ok(status >= 0);
    assert.deepEqual(e.guideCategories(query), json(text), JSON.stringify(query));
  }
  e.close();
});

test('directory, association: as native; an unknown code is null', async () => {
  const e = await createEngine({ directory: SAMPLE, categories: CATEGORIES });
  const loads = ['--master', source('data', 'sample-municipal.csv'), '--categories', source('data', 'sample-categories.csv')];
  for (const q of [{}, { text: '千代田' }, { prefecture: '13' }, { prefecture: '東京都', lang: 'en' },
    { code: '13' }, { text: 'yoko', prefecture: '14' }, { text: null, prefecture: null, code: null }]) {
    const [status, text] = nativeCall(loads, 'directory', q.text ?? '-', q.prefecture ?? '-', q.code ?? '-', LANG[q.lang ?? 'ja']);
    assert.equal(status, 0);
    assert.deepEqual(e.directory(q), json(text), JSON.stringify(q));
  }
  assert.deepEqual(e.directory(), e.directory({}));
  for (const lang of ['ja', 'en']) {
    assert.deepEqual(e.association('13-chiyoda', lang), json(nativeCall(loads, 'association', '13-chiyoda', LANG[lang])[1]));
    assert.deepEqual(e.association('00', lang), json(nativeCall(loads, 'association', '00', LANG[lang])[1]));
  }
  assert.equal(e.association('zz-nowhere'), null);
  assert.equal(nativeCall(loads, 'association', 'zz-nowhere', 0)[0], 2);
  assert.throws(() => e.directory({ prefecture: 'Atlantis' }),
    (err) => err instanceof Error && err.code === 'argument_error' && /prefecture/.test(err.message));
  e.close();
});

test('mypageStep, holidays: as native', async () => {
  const e = await createEngine();
  for (const [mypage, n] of [['yes', 0], ['no', 1], ['unknown', 2]])
    for (const lang of ['ja', 'en'])
      assert.deepEqual(e.mypageStep(mypage, lang), json(nativeCall([], 'mypage_step', n, LANG[lang])[1]));
  assert.equal(e.mypageStep('yes'), null);
  for (const year of [2000, 2019, 2026, 2099])
    for (const lang of ['ja', 'en'])
      assert.deepEqual(e.holidays(year, lang), json(nativeCall([], 'holidays', year, LANG[lang])[1]));
  for (const year of [1999, 2100, -5, 2 ** 40]) {
    assert.throws(() => e.holidays(year), (err) => err instanceof RangeError && err.code === 'out_of_range', String(year));
  }
  e.close();
});

test('support: Japan time whatever the time zone; Date, ISO string, now', async () => {
  const e = await createEngine();
  const at = '2026-12-30T11:00:00+09:00';
  const seconds = Date.parse(at) / 1000;
  const want = json(nativeCall([], 'support', seconds, 0)[1]);
  assert.equal(want.reason, 'year_end');
  assert.deepEqual(e.support(at), want);
  assert.deepEqual(e.support(new Date(seconds * 1000 + 999)), want);
  assert.deepEqual(e.support('2026-12-30T02:00:00Z'), want);
  assert.deepEqual(e.support(at, 'en'), json(nativeCall([], 'support', seconds, 1)[1]));
  const now = e.support();
  assert.equal(typeof now.open, 'boolean');
  assert.ok(Math.abs(Date.parse(now.at) - Date.now()) < 5000);
  // The same answers in a process whose time zone is not Japan's (and in Tokyo's).
  const code = `const { createEngine } = await import(${JSON.stringify(new URL('./common.mjs', import.meta.url).href)}).then((c) => c.mamisguide());
const e = await createEngine();
console.log(JSON.stringify([e.support(${JSON.stringify(at)}), e.support(new Date(${seconds * 1000})), new Date(${seconds * 1000}).getHours()]));`;
  const hours = new Set();
  for (const tz of ['America/Los_Angeles', 'Europe/London', 'Asia/Tokyo', 'Pacific/Kiritimati']) {
    const r = execFileSync(process.execPath, ['--input-type=module', '-e', code],
      { env: { ...process.env, TZ: tz }, encoding: 'utf8' });
    const [a, b, hour] = JSON.parse(r);
    assert.deepEqual(a, want, tz);
    assert.deepEqual(b, want, tz);
    hours.add(hour);
  }
  assert.ok(hours.size > 1, 'the time zones did apply');
  // Strings the library refuses: parse_error, as mg_parse_instant says.
  for (const text of ['2026-12-30T11:00', '2026-12-30', 'tomorrow', '2026-02-30T11:00:00+09:00']) {
    const [status, message] = nativeCall([], 'parse_instant', text);
    assert.ok(status < 0);
    assert.throws(() => e.support(text), (err) => err.code === 'parse_error' && err.status === status, text);
    void message;
  }
  assert.throws(() => e.support(new Date('not a date')), RangeError);
  assert.throws(() => e.support('2100-01-01T00:00:00Z'), (err) => err instanceof RangeError && err.code === 'out_of_range');
  e.close();
});

test('wrong types: a TypeError naming the parameter, never a trap', async () => {
  const e = await createEngine();
  const cases = [
    [() => e.planJson(42), 'request'],
    [() => e.planJson(null), 'request'],
    [() => e.planJson({}), 'request'],
    [() => e.planJson(new Uint16Array(4)), 'request'],
    [() => e.plan('{}'), 'request'],
    [() => e.planJsonInto('{}', []), 'out'],
    [() => e.planJsonInto('{}'), 'out'],
    [() => e.planJsonInto(7, new Uint8Array(9)), 'request'],
    [() => e.plan([withdraw]), 'request'],
    [() => e.plan({ n: 10n }), 'request'],
    [() => { const o = {}; o.o = o; e.plan(o); }, 'request'],
    [() => e.batch(undefined), 'jsonLines'],
    [() => e.batch(['x']), 'jsonLines'],
    [() => e.guide('fr'), 'lang'],
    [() => e.guide(1), 'lang'],
    [() => e.webTexts('JA'), 'lang'],
    [() => e.directory({ text: 5 }), 'text'],
    [() => e.directory({ prefecture: 13 }), 'prefecture'],
    [() => e.directory({ code: ['13'] }), 'code'],
    [() => e.association(13), 'code'],
    [() => e.association(), 'code'],
    [() => e.mypageStep('maybe'), 'mypage'],
    [() => e.mypageStep(), 'mypage'],
    [() => e.mypageStep(true), 'mypage'],
    [() => e.holidays('2026'), 'year'],
    [() => e.holidays(2026.5), 'year'],
    [() => e.holidays(NaN), 'year'],
    [() => e.support(1767063600), 'at'],
    [() => e.support({}), 'at'],
    [() => e.guideCategories({}), 'leaf'],
    [() => e.guideCategories({ leaf: 'join.national', memberLevels: 'municipal' }), 'memberLevels'],
    [() => e.guideCategories({ leaf: 'join.national', levels: ['regional'] }), 'levels'],
    [() => e.guideCategories({ leaf: 'join.national', municipal: 7 }), 'municipal'],
  ];
  for (const [f, param] of cases) {
    assert.throws(f, (err) => err instanceof TypeError && err.code === 'type_error' &&
      err.message.includes(param), `${f}`);
  }
  for (const [options, param] of [['x', 'options'], [[], 'options'], [{ directory: 5 }, 'directory'],
    [{ categories: {} }, 'categories'], [{ encoding: 'latin1' }, 'encoding'], [{ lang: 'fr' }, 'lang'],
    [{ directory: new ArrayBuffer(4) }, 'directory']]) {
    await assert.rejects(createEngine(options), (err) => err instanceof TypeError && err.message.includes(param),
      JSON.stringify(options));
  }
  assert.equal(e.usable, true);
  assert.match(e.planJson(JSON.stringify(withdraw)), /illegal_levels/);
  e.close();
});

test('10,000 engines made and closed: the wasm memory stays flat', async () => {
  for (let i = 0; i < 100; ++i) (await createEngine({ directory: SAMPLE, categories: CATEGORIES })).close();
  const inst = await internal.instance();
  const before = { heap: inst.heapInUse(), memory: inst.memory.buffer.byteLength };
  const t0 = performance.now();
  for (let i = 0; i < 10000; ++i) {
    const e = await createEngine(i % 2 ? { directory: SAMPLE, categories: CATEGORIES } : undefined);
    if (i % 1000 === 0) assert.match(e.planJson(JSON.stringify(withdraw)), /illegal_levels/);
    e.close();
  }
  const after = { heap: inst.heapInUse(), memory: inst.memory.buffer.byteLength };
  console.log(`10,000 create/close: ${((performance.now() - t0) / 10000).toFixed(3)} ms each; ` +
    `heap in use ${before.heap} -> ${after.heap} bytes, memory ${before.memory} -> ${after.memory} bytes`);
  assert.deepEqual(after, before);
});

/** Collects garbage until the heap in use stops changing (the registry has freed what it will). */
async function settle(inst) {
  let now = inst.heapInUse();
  for (let tries = 0; tries < 50; ++tries) {
    globalThis.gc();
    await new Promise((r) => setTimeout(r, 20));
    const again = inst.heapInUse();
    if (again === now && tries > 2) break;
    now = again;
  }
  return now;
}

test('a forgotten engine is freed by the FinalizationRegistry', async () => {
  assert.equal(typeof globalThis.gc, 'function', 'run with --expose-gc');
  const inst = await internal.instance();
  (await createEngine()).close();
  const before = await settle(inst);
  for (let i = 0; i < 200; ++i) await createEngine({ directory: SAMPLE });
  assert.ok(inst.heapInUse() > before + 200 * 1000, 'the engines hold memory');
  assert.equal(await settle(inst), before);
});

test('out of memory: a RangeError (out_of_memory), and the engine works again after', async () => {
  const e = await createEngine({ directory: SAMPLE });
  const want = e.planJson(JSON.stringify(withdraw));
  const inst = await internal.instance();
  // A request larger than any parsed before makes the engine's JSON parser grow: with no memory
  // left, mg_plan_json_to says MG_ERR_NOMEM. (The package's input block is made large first,
  // by a batch of short lines that leaves the parser as it is, so that it is the engine that
  // runs out, not the package.)
  const large = Buffer.from(JSON.stringify({ ...withdraw, request: { operation: 'change_facility',
    reason: 'x'.repeat(600 << 10) } }));
  e.batch(Buffer.from((JSON.stringify(withdraw) + '\n').repeat(Math.ceil(large.length / 150))));
  const hog = [];
  for (let size = 256 << 20; size >= 16; size >>= 1) {
    for (let p; (p = inst.x.malloc(size)) !== 0;) hog.push(p);
  }
  try {
    // A usual request needs no memory: the parser, the response and the blocks are reused.
    assert.equal(e.planJson(JSON.stringify(withdraw)), want);
    assert.throws(() => e.planJson(large),
      (err) => err instanceof RangeError && err.code === 'out_of_memory' && err.status === -4);
    // A string needs three bytes per character of room: the package's own block cannot grow.
    assert.throws(() => e.planJson(large.toString()),
      (err) => err instanceof RangeError && err.code === 'out_of_memory');
    assert.throws(() => e.batch(JSON.stringify(withdraw) + '\n' + JSON.stringify(withdraw)),
      (err) => err instanceof RangeError && err.code === 'out_of_memory');
    assert.throws(() => e.guide(), (err) => err instanceof RangeError && err.code === 'out_of_memory');
    await assert.rejects(createEngine(), (err) => err instanceof RangeError && err.code === 'out_of_memory');
    assert.equal(e.usable, true);
  } finally {
    for (const p of hog) inst.x.free(p);
  }
  assert.equal(e.planJson(JSON.stringify(withdraw)), want);
  e.close();
});

test('a trap is an Error with code internal; the engines say they are unusable; a new one works', async () => {
  const a = await createEngine({ directory: SAMPLE });
  const b = await createEngine();
  const want = a.planJson(JSON.stringify(withdraw));
  const inst = await internal.instance();
  // A bug, simulated: the engine's memory overwritten, so its pointers point outside memory.
  const ptr = internal.pointer(a);
  assert.ok(ptr > 0);
  inst.refresh().fill(0xff, ptr, ptr + 64);
  assert.throws(() => a.planJson(JSON.stringify(withdraw)), (err) => {
    assert.equal(err.code, 'internal');
    assert.ok(err.cause instanceof WebAssembly.RuntimeError, String(err.cause));
    return true;
  });
  assert.equal(a.usable, false);
  assert.equal(b.usable, false);
  assert.throws(() => b.planJson(JSON.stringify(withdraw)), (err) => err.code === 'internal');
  assert.throws(() => a.guide(), (err) => err.code === 'internal');
  a.close();
  b.close();
  const c = await createEngine({ directory: SAMPLE });
  assert.equal(c.usable, true);
  assert.equal(c.planJson(JSON.stringify(withdraw)), want);
  assert.notEqual(await internal.instance(), inst);
  c.close();
});
