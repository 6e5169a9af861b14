// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// The CommonJS entry point: `require('mamisguide')`. The engine lives in the ES module
// (index.mjs, which a browser loads too); createEngine is asynchronous anyway, so this entry
// loads that module on the first call instead of carrying a second copy of the WebAssembly.
'use strict';

let loaded = null;

function esm() {
  if (!loaded) loaded = import('./index.mjs');
  return loaded;
}

/** See index.d.ts: resolves to an Engine. */
async function createEngine(options) {
  return (await esm()).createEngine(options);
}

module.exports = { createEngine };
