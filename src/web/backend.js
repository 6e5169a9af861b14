// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// mamisguide — where the web guide's answers come from, chosen here and nowhere else.
//
// The page served by `mamisguide serve` at / asks the HTTP API (fetch). The single file
// (build-wasm/mamisguide.html, made by js/build-guide.mjs) carries the engine: the npm package's
// index.mjs is inlined before this file, in the same module, so `createEngine` is defined there
// and the page asks the engine in the page instead. Both backends have the same functions and
// give the page the same answers: the library's own JSON (mg_web_texts_json, mg_guide_json,
// mg_plan_json, …), moved, never written here. No rule and no word lives in this file.
//
// A backend:
//   kind                      'http' or 'engine'
//   start(lang)               makes it ready (the engine: compiled, with the stored master)
//   texts(lang), guide(lang)  the page's words, the guide as data
//   search(text, lang)        associations matching a code or part of a name
//   association(code, lang)   one association, or null
//   categories(q)             a guide leaf's category questions {ok, categories} or a refusal
//   plan(body)                one contract request in, its response out
//   support(lang)             the desk now (Japan time), or null
//   errorText                 the page's key for "this backend failed"
//   master                    the office's own master (the engine only; null over HTTP)
//   download()                whether the server has the single file to download (HTTP only)
'use strict';

// eslint-disable-next-line no-unused-vars
function mamisguideBackend() {
  // The one choice: the engine when it is in the page, the HTTP API otherwise.
  // eslint-disable-next-line no-undef
  return typeof createEngine === 'function' ? mamisguideEngineBackend(createEngine) : mamisguideHttpBackend();
}

function mamisguideHttpBackend() {
  async function get(url) {
    const r = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'omit' });
    return { status: r.status, body: await r.json() };
  }
  async function ok(url) {
    const r = await get(url);
    if (r.status !== 200) throw new Error('mamisguide: ' + url + ': ' + r.status);
    return r.body;
  }
  return {
    kind: 'http',
    errorText: 'server_error',
    master: null,
    start: async () => {},
    texts: (lang) => ok('/v1/texts?lang=' + lang),
    guide: (lang) => ok('/v1/guide?lang=' + lang),
    async search(text, lang) {
      const r = await get('/v1/directory?q=' + encodeURIComponent(text) + '&lang=' + lang);
      return r.status === 200 && Array.isArray(r.body) ? r.body : [];
    },
    async association(code, lang) {
      const r = await get('/v1/directory?code=' + encodeURIComponent(code) + '&lang=' + lang);
      return r.status === 200 && Array.isArray(r.body) && r.body.length ? r.body[0] : null;
    },
    async categories({ leaf, member, held, to, levels, lang }) {
      const q = new URLSearchParams({ leaf, lang });
      if (member) q.set('member', member);
      if (held && held.length) q.set('held', held.join(','));
      if (to) q.set('to', to);
      if (levels && levels.length) q.set('levels', levels.join(','));
      return (await get('/v1/guide/categories?' + q.toString())).body;
    },
    async plan(body) {
      const r = await fetch('/v1/plan', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(body),
        credentials: 'omit',
      });
      return r.json();
    },
    async support(lang) {
      try {
        const r = await get('/v1/support?lang=' + lang);
        return r.status === 200 ? r.body : null;
      } catch (e) {
        return null;
      }
    },
    // The server says in the page it serves whether it has the single file (index_page.cpp).
    download: async () => document.body.dataset.download === 'mamisguide.html',
  };
}

/**
 * The engine in the page. The office's master may be kept in this browser (localStorage, only
 * when asked): its file name and bytes, nothing else. No member data is ever stored.
 */
function mamisguideEngineBackend(createEngine) {
  const STORE_KEY = 'mamisguide.master';
  let engine = null; // the engine in use
  let info = null; // {name, count, notices, kept} for a master of one's own; null: the sample

  function toBase64(bytes) {
    let s = '';
    for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(s);
  }
  function fromBase64(text) {
    const bin = atob(text);
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; ++i) out[i] = bin.charCodeAt(i);
    return out;
  }
  function stored() {
    try {
      const s = JSON.parse(localStorage.getItem(STORE_KEY) || 'null');
      return s && typeof s.name === 'string' && typeof s.data === 'string' ? s : null;
    } catch (e) {
      return null;
    }
  }
  function unstore() {
    try {
      localStorage.removeItem(STORE_KEY);
    } catch (e) {
      /* storage off: nothing was kept */
    }
  }
  /** Keeps the master's name and bytes; false when the browser refuses (full, or storage off). */
  function store(name, bytes) {
    try {
      localStorage.setItem(STORE_KEY, JSON.stringify({ name, data: toBase64(bytes) }));
      return true;
    } catch (e) {
      unstore();
      return false;
    }
  }
  function count(e) {
    return e.directory({}).filter((a) => a.level === 'municipal').length;
  }
  /** A refusal of createEngine as the page shows it: the library's message (line included). */
  function refusal(err) {
    const d = err && err.detail && err.detail.error;
    return { ok: false, message: d ? d.message : String((err && err.message) || err), kind: d ? d.kind : null };
  }
  function use(e, meta) {
    const old = engine;
    engine = e;
    info = meta;
    if (old) old.close();
  }

  return {
    kind: 'engine',
    errorText: 'engine_error',
    /** Makes the engine: with the master kept in this browser, else the bundled sample. */
    async start(lang) {
      if (engine) return null;
      const s = stored();
      if (s) {
        try {
          const e = await createEngine({ directory: fromBase64(s.data), directoryName: s.name, lang });
          use(e, { name: s.name, count: count(e), notices: e.notices, kept: true });
          return null;
        } catch (err) {
          unstore(); // a kept master this version refuses: the sample, and say why
          use(await createEngine({ lang }), null);
          return refusal(err);
        }
      }
      use(await createEngine({ lang }), null);
      return null;
    },
    texts: async (lang) => engine.webTexts(lang),
    guide: async (lang) => engine.guide(lang),
    search: async (text, lang) => engine.directory({ text, lang }),
    association: async (code, lang) => engine.association(code, lang),
    categories: async ({ leaf, member, held, to, levels, lang }) => engine.guideCategories({
      leaf, member: member || null, memberLevels: held || null, municipal: to || null,
      levels: levels || null, lang,
    }),
    plan: async (body) => engine.plan(body),
    support: async (lang) => engine.support(undefined, lang),
    download: async () => false,
    master: {
      /** What is in use: {sample: true} or {sample: false, name, count, notices, kept}. */
      state: () => (info ? Object.assign({ sample: false }, info) : { sample: true }),
      /**
       * Loads a File through the library's loader (its size and beginning checked first, so a
       * 200 MB file or a picture is refused unread). On a refusal the master in use stays.
       */
      async load(file, keep, lang) {
        let e;
        try {
          e = await createEngine({ directory: file, lang });
        } catch (err) {
          return refusal(err);
        }
        let kept = false;
        if (keep) kept = store(file.name, new Uint8Array(await file.arrayBuffer()));
        else unstore();
        use(e, { name: file.name, count: count(e), notices: e.notices, kept });
        return { ok: true, keptAsked: keep, kept };
      },
      /** Forgets the kept master and goes back to the sample. */
      async forget(lang) {
        unstore();
        use(await createEngine({ lang }), null);
      },
    },
  };
}
