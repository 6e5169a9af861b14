#!/usr/bin/env node
// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// Makes the single-file web guide (run by js/CMakeLists.txt after the package):
//
//   node js/build-guide.mjs --module package/index.mjs --web src/web --out mamisguide.html
//
// One HTML file that needs nothing else: the web guide's own sources (src/web: the same
// index.html, style.css, backend.js and app.js that `mamisguide serve` serves at /), with the
// package's index.mjs (the engine in WebAssembly, the sample master built in) inlined before
// them in one module script, so that backend.js finds `createEngine` and asks the engine instead
// of the HTTP API. Only the four lines of index.html that name /icon.svg, /style.css, /backend.js
// and /app.js are replaced; a Content-Security-Policy <meta> is put first, allowing no network
// (default-src 'none', connect-src 'none'), the one script and the one style by their SHA-256
// (computed here), the icon as a data: URL, and 'wasm-unsafe-eval' because browsers compile
// WebAssembly only with it. The page's failure message for a browser that cannot run the engine
// is written in from the library's own table (webTexts), as data; the licence texts and notices
// of what the file holds (the package's LICENSE, NOTICE, THIRD-PARTY-NOTICES.txt) go into a
// comment at its top. The same inputs give the same bytes (nothing of the time or the machine
// goes in); more than 2 MiB is an error.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const args = {};
for (let i = 2; i < process.argv.length; i += 2) args[process.argv[i].replace(/^--/, '')] = process.argv[i + 1];
for (const k of ['module', 'web', 'out']) if (!args[k]) throw new Error(`build-guide: --${k} is missing`);
const MAX_BYTES = 2 * 1024 * 1024;

const read = (name) => readFileSync(join(args.web, name), 'utf8');
const engine = readFileSync(args.module, 'utf8');
const backend = read('backend.js');
const app = read('app.js');
const style = read('style.css');
const icon = readFileSync(join(args.web, 'icon.svg'));
let html = read('index.html');

// The script: the engine's module as it is, then the guide's two files, in one module scope.
const script = [engine.trimEnd(), backend.trimEnd(), app.trimEnd()].join('\n\n') + '\n';
// Inside <script> and <style> the HTML parser looks only for its end tag (and, in a script, for
// "<!--" and "<script"): none may occur, or the file would be cut.
for (const [what, text, bad] of [['script', script, /<\/script|<!--|<script/i], ['style', style, /<\/style/i]]) {
  if (bad.test(text)) throw new Error(`build-guide: the ${what} holds ${bad.exec(text)[0]}`);
}

// The failure message for a browser that cannot run the engine, in both languages: the
// library's own words (texts/web.hpp through mg_web_texts_json), taken from the engine itself.
const { createEngine } = await import(pathToFileURL(resolve(args.module)).href);
const e = await createEngine();
const fallback = {};
for (const lang of ['ja', 'en']) fallback[lang] = { engine_error: e.webTexts(lang).texts.engine_error };
e.close();
const fallbackJson = JSON.stringify(fallback).replace(/</g, '\\u003c');

const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const csp = [
  "default-src 'none'",
  `script-src ${sha256(script)} 'wasm-unsafe-eval'`,
  `style-src ${sha256(style)}`,
  'img-src data:',
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

function replaceLine(line, by) {
  const parts = html.split(line + '\n');
  if (parts.length !== 2) throw new Error(`build-guide: index.html must hold exactly one line ${line}`);
  html = parts.join(by);
}
replaceLine('<meta charset="utf-8">',
  `<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="${csp}">\n`);
replaceLine('<link rel="icon" href="/icon.svg" type="image/svg+xml">',
  `<link rel="icon" href="data:image/svg+xml;base64,${icon.toString('base64')}" type="image/svg+xml">\n`);
replaceLine('<link rel="stylesheet" href="/style.css">', `<style>${style}</style>\n`);
replaceLine('<script src="/backend.js" defer></script>', '');
replaceLine('<script src="/app.js" defer></script>',
  `<script type="application/json" id="mg-fallback">${fallbackJson}</script>\n` +
  `<script type="module">${script}</script>\n`);

// The licences of what the file holds, so that it carries them wherever it is mailed: the
// project's LICENSE and NOTICE and the package's THIRD-PARTY-NOTICES.txt (simdjson, libcsv,
// nlohmann/json, Boost, tl-expected), as a comment after the doctype.
const packageDir = dirname(resolve(args.module));
const notices = ['NOTICE', 'THIRD-PARTY-NOTICES.txt', 'LICENSE']
  .map((f) => readFileSync(join(packageDir, f), 'utf8').trim()).join('\n\n' + '='.repeat(78) + '\n\n');
if (/-->|--!>/.test(notices)) throw new Error('build-guide: the notices hold the end of a comment');
replaceLine('<!doctype html>', `<!doctype html>\n<!--\n${notices}\n-->\n`);

const bytes = Buffer.from(html, 'utf8');
if (bytes.length > MAX_BYTES) {
  throw new Error(`build-guide: ${args.out} would be ${bytes.length} bytes, over ${MAX_BYTES} (2 MiB)`);
}
writeFileSync(args.out, bytes);
console.log(`build-guide: ${args.out}: ${bytes.length} bytes`);
