// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// mamisguide — the web guide. It walks the guide the library gives (mg_guide_json), asks what a
// leaf needs, and shows the plan the library gives (mg_plan_json). No rule and no word lives
// here: the questions, answers and plans come from the guide and plan JSON, the page's own words
// from mg_web_texts_json, the category questions from mg_guide_categories_json. Where they come
// from — the HTTP API of `mamisguide serve`, or the engine inside the single file — is chosen
// once, by backend.js (mamisguideBackend). Every text goes in with textContent. The walk lives in
// the URL; the language choice, and in the single file the office's master when asked, are the
// only things stored in the browser.
'use strict';

(() => {
  const LANG_KEY = 'mamisguide.lang';
  // eslint-disable-next-line no-undef
  const backend = mamisguideBackend();
  const LEVELS = ['municipal', 'prefectural', 'national']; // the contract's names, bottom first
  const FIELDS = ['held', 'member', 'to', 'change', 'reason', 'proxy', 'apply'];

  const state = {
    lang: 'ja',
    texts: null, // {texts, levels, held, desk}
    guide: null, // {root, nodes}
    nodes: new Map(),
    names: new Map(), // code -> directory entry, for names in the plan
    renderId: 0,
    started: false, // the backend made ready (the engine compiled, the master loaded)
    shown: false, // the first question has been shown
    download: false, // the single file can be downloaded from this server
  };

  const $ = (id) => document.getElementById(id);

  // ---- words ------------------------------------------------------------------------------

  /** A word of the page's failure before the library's words are there (the single file carries
   * them, written at build time from the library's table: #mg-fallback). */
  function fallback(key) {
    const e = $('mg-fallback');
    if (!e) return '';
    try {
      const all = JSON.parse(e.textContent);
      return (all[state.lang] && all[state.lang][key]) || '';
    } catch (err) {
      return '';
    }
  }

  function t(key, vars) {
    if (!state.texts || !(key in state.texts.texts)) {
      // Every word comes from the library's table: a missing one is a bug the tests see.
      console.error('mamisguide: no text for ' + key);
      return key;
    }
    let s = state.texts.texts[key];
    if (vars) for (const [k, v] of Object.entries(vars)) s = s.split('{' + k + '}').join(String(v));
    return s;
  }

  /** An element with text (never HTML) and attributes. */
  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    if (attrs) {
      for (const [k, v] of Object.entries(attrs)) {
        if (v === undefined || v === null || v === false) continue;
        if (k === 'text') e.textContent = v;
        else if (k === 'className') e.className = v;
        else if (k === 'dataset') Object.assign(e.dataset, v);
        else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
        else if (v === true) e.setAttribute(k, '');
        else e.setAttribute(k, v);
      }
    }
    for (const c of children) if (c) e.append(c);
    return e;
  }

  function applyStaticTexts() {
    document.documentElement.lang = state.lang;
    document.title = t('title');
    for (const e of document.querySelectorAll('[data-text]')) e.textContent = t(e.dataset.text);
    for (const e of document.querySelectorAll('[data-label]'))
      e.setAttribute('aria-label', t(e.dataset.label));
    $('switch-lang').setAttribute('lang', state.lang === 'ja' ? 'en' : 'ja');
    renderUsage();
  }

  /** A performance mark once what it names is on the screen (after the next frame): the
   * benchmark (bench/guide.py) reads them. */
  function markShown(name) {
    if (!window.performance || !performance.mark) return;
    requestAnimationFrame(() => setTimeout(() => performance.mark(name), 0));
  }

  /** The master's status line: sentences side by side (the space between them is the style's). */
  function setStatus(...texts) {
    $('master-status').replaceChildren(...texts.filter((x) => x).map((x) => el('span', { text: x })));
  }

  // ---- how to use the page ------------------------------------------------------------------

  function renderUsage() {
    const keys = ['usage_walk', 'usage_show', 'usage_print', 'usage_share'];
    if (backend.master) keys.push('usage_master', 'usage_offline');
    const items = keys.map((k) => el('li', { text: t(k) }));
    if (state.download) {
      items.push(el('li', null, el('a', {
        id: 'download', href: '/mamisguide.html', download: 'mamisguide.html', text: t('usage_download'),
      })));
    }
    $('usage-steps').replaceChildren(...items);
  }

  // ---- the office's own master (the engine in the page; over HTTP it is the server's) --------

  function setMasterAlert(lead, message, kind) {
    const box = $('master-alert');
    box.hidden = !lead;
    if (!lead) {
      box.replaceChildren();
      return;
    }
    box.replaceChildren(el('span', { text: lead }),
      message ? el('span', { id: 'master-refusal', className: 'load-message', text: message, dataset: { kind: kind || '' } }) : null);
  }

  function renderMaster(firstPage) {
    const m = backend.master;
    const s = m ? m.state() : null;
    $('sample-badge').hidden = !s || !s.sample;
    $('master').hidden = !m || !firstPage;
    if (!m) return;
    $('master-state').textContent = s.sample ? t('master_sample') : t('master_loaded', { name: s.name, n: s.count });
    $('master-state').dataset.sample = String(s.sample);
    $('master-notices').replaceChildren(...(s.sample ? [] : s.notices.map((n) => el('li', { text: n }))));
    $('master-forget').hidden = s.sample;
  }

  async function loadMaster() {
    const input = $('master-file');
    const file = input.files && input.files[0];
    if (!file) return;
    setMasterAlert('');
    setStatus(t('master_reading'));
    document.body.setAttribute('aria-busy', 'true');
    let r;
    try {
      r = await backend.master.load(file, $('master-keep').checked, state.lang);
    } catch (e) {
      r = { ok: false, message: String((e && e.message) || e) };
    } finally {
      input.value = ''; // the same file chosen again is read again
    }
    if (!r.ok) {
      setStatus('');
      setMasterAlert(t('master_refused'), r.message, r.kind);
      document.body.removeAttribute('aria-busy');
      return;
    }
    state.names = new Map();
    await render(false);
    setStatus(t('master_done'), r.keptAsked ? t(r.kept ? 'master_kept' : 'master_not_kept') : '');
  }

  async function forgetMaster() {
    document.body.setAttribute('aria-busy', 'true');
    await backend.master.forget(state.lang);
    state.names = new Map();
    setMasterAlert('');
    await render(false);
    setStatus(t('master_forgotten'));
    $('master-file').focus();
  }

  // ---- the library (backend.js: the HTTP API or the engine in the page) --------------------

  async function loadLanguage() {
    const [texts, guide] = await Promise.all([backend.texts(state.lang), backend.guide(state.lang)]);
    state.texts = texts;
    state.guide = guide;
    state.nodes = new Map(state.guide.nodes.map((n) => [n.id, n]));
    state.names = new Map();
  }

  async function association(code) {
    if (!code) return null;
    const k = state.lang + ':' + code;
    if (!state.names.has(k)) state.names.set(k, backend.association(code, state.lang).catch(() => null));
    return state.names.get(k);
  }

  function nameOf(a) {
    if (!a) return '';
    return state.lang === 'en' && a.name_en ? a.name_en : a.name;
  }

  // ---- the walk in the URL ----------------------------------------------------------------

  function params() {
    return new URLSearchParams(location.search);
  }

  function walk(p) {
    const values = (p.get('path') || '').split(',').filter((v) => v);
    const trail = [];
    let node = state.nodes.get(state.guide.root);
    let broken = false;
    for (const v of values) {
      if (!node || node.answers === undefined) {
        broken = true;
        break;
      }
      const answer = node.answers.find((a) => a.value === v);
      if (!answer || !state.nodes.has(answer.next)) {
        broken = true;
        break;
      }
      trail.push({ node, answer });
      node = state.nodes.get(answer.next);
    }
    return { trail, node, broken };
  }

  function go(p, push) {
    const url = p.toString() ? '?' + p.toString() : location.pathname;
    if (push) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  }

  function pathOf(trail) {
    return trail.map((s) => s.answer.value).join(',');
  }

  // ---- rendering --------------------------------------------------------------------------

  function setAlert(text) {
    $('alert').hidden = !text;
    $('alert').textContent = text || '';
  }

  function focusHeading(id) {
    const h = $(id);
    if (!h) return;
    h.setAttribute('tabindex', '-1');
    h.focus({ preventScroll: false });
  }

  async function render(focus) {
    const id = ++state.renderId;
    document.body.setAttribute('aria-busy', 'true');
    try {
      await renderNow(focus, id);
    } finally {
      if (id === state.renderId) document.body.removeAttribute('aria-busy');
    }
  }

  async function renderNow(focus, id) {
    applyStaticTexts();
    const p = params();
    const { trail, node, broken } = walk(p);
    if (broken) {
      const q = new URLSearchParams();
      if (trail.length) q.set('path', pathOf(trail));
      go(q, false);
      setAlert(t('bad_link'));
    }
    renderTrail(trail);
    renderMaster(trail.length === 0 && !!node.answers);
    $('back').disabled = trail.length === 0 && !p.get('plan');
    $('question').hidden = true;
    $('inputs').hidden = true;
    $('plan').hidden = true;
    $('plan-body').replaceChildren();
    if (node.answers) {
      renderQuestion(node, trail);
      if (focus) focusHeading('question-heading');
      return;
    }
    await renderInputs(node, trail, p);
    if (id !== state.renderId) return;
    if (p.get('plan') === '1') {
      await renderPlan(node, trail, p, id);
      if (id === state.renderId && focus) focusHeading('plan-heading');
    } else if (focus) {
      focusHeading('inputs-heading');
    }
  }

  function renderTrail(trail) {
    $('trail-section').hidden = trail.length === 0;
    $('trail').replaceChildren(
      ...trail.map((s) => el('li', null, el('span', { className: 'trail-q', text: s.node.title }),
        el('span', { className: 'trail-a', text: s.answer.label }))));
  }

  function renderQuestion(node, trail) {
    $('question').hidden = false;
    $('question-title').textContent = node.title;
    $('question-heading').textContent = node.text;
    $('answers').replaceChildren(...node.answers.map((a) => el('button', {
      type: 'button',
      className: 'answer',
      dataset: { value: a.value },
      text: a.label,
      onclick: () => {
        const q = new URLSearchParams();
        q.set('path', pathOf(trail) ? pathOf(trail) + ',' + a.value : a.value);
        go(q, true);
        setAlert('');
        render(true);
      },
    })));
  }

  // ---- the leaf's inputs ------------------------------------------------------------------

  function heldLevels(node, p) {
    if (node.member_levels) return node.member_levels;
    const top = p.get('held');
    const choice = state.texts.held.find((h) => h.levels[h.levels.length - 1] === top);
    return choice ? choice.levels : null;
  }

  function setParam(name, value, push) {
    const p = params();
    if (value === null || value === undefined || value === '') p.delete(name);
    else p.set(name, value);
    p.delete('plan');
    p.delete('apply');
    go(p, push);
  }

  async function renderInputs(node, trail, p) {
    $('inputs').hidden = false;
    $('leaf-title').textContent = trail.length ? trail[trail.length - 1].node.title : '';
    $('inputs-heading').textContent = node.title;
    $('leaf-text').textContent = node.text;
    $('missing').hidden = true;
    $('proxy').checked = p.get('proxy') === '1';
    const fields = [];
    for (const input of node.inputs) {
      const f = inputField(node, input, p);
      if (f) fields.push(f);
    }
    $('fields').replaceChildren(...fields);
    const cats = $('fields').querySelector('[data-field="request.categories"]');
    if (cats) await fillCategories(node, p, cats);
  }

  function inputField(node, input, p) {
    const id = 'f-' + input.field.replace('.', '-');
    switch (input.field) {
      case 'member.levels':
        return radioGroup(input, 'held', state.texts.held.map((h) => ({
          value: h.levels[h.levels.length - 1], label: h.label,
        })), p.get('held'), () => render(false));
      case 'member.municipal':
        return associationField(id, input, 'member', p.get('member'), node);
      case 'request.municipal':
        return associationField(id, input, 'to', p.get('to'), node);
      case 'request.levels': {
        const held = heldLevels(node, p) || [];
        const chosen = (p.get('change') || '').split(',');
        const box = el('fieldset', { className: 'field', dataset: { field: input.field } },
          el('legend', { text: input.label }));
        for (const lv of held) {
          const cid = id + '-' + lv;
          const cb = el('input', {
            type: 'checkbox', id: cid, value: lv, checked: chosen.includes(lv),
            onchange: () => {
              const all = [...box.querySelectorAll('input:checked')].map((c) => c.value);
              setParam('change', all.join(','), false);
              render(false);
            },
          });
          box.append(el('p', { className: 'choice' }, cb,
            el('label', { for: cid, text: state.texts.levels[lv] })));
        }
        if (!held.length) box.append(el('p', { className: 'hint', text: t('category_first') }));
        return box;
      }
      case 'request.categories':
        return el('fieldset', { className: 'field', dataset: { field: input.field } },
          el('legend', { text: input.label }),
          el('div', { className: 'category-list' }));
      case 'request.reason': {
        const f = el('input', {
          type: 'text', id, maxlength: '200', value: p.get('reason') || '', autocomplete: 'off',
          oninput: () => setParam('reason', f.value, false),
        });
        return el('p', { className: 'field', dataset: { field: input.field } },
          el('label', { for: id, text: input.label }), f);
      }
      default:
        return null;
    }
  }

  function radioGroup(input, param, choices, current, changed) {
    const box = el('fieldset', { className: 'field', dataset: { field: input.field } },
      el('legend', { text: input.label }));
    for (const c of choices) {
      const rid = 'r-' + param + '-' + c.value;
      const r = el('input', {
        type: 'radio', name: param, id: rid, value: c.value, checked: c.value === current,
        onchange: () => {
          setParam(param, c.value, false);
          changed();
        },
      });
      box.append(el('p', { className: 'choice' }, r, el('label', { for: rid, text: c.label })));
    }
    return box;
  }

  /** A municipal association: a text field with suggestions from the directory. */
  function associationField(id, input, param, current, node) {
    const hint = el('p', { id: id + '-hint', className: 'hint', text: t('association_hint') });
    const field = el('input', {
      type: 'text', id, autocomplete: 'off', spellcheck: 'false', maxlength: '100',
      'aria-describedby': id + '-hint ' + id + '-selected',
      'aria-controls': id + '-list',
      dataset: { param },
    });
    const selected = el('p', { id: id + '-selected', className: 'selected', 'aria-live': 'polite' });
    const count = el('p', { className: 'hint count', 'aria-live': 'polite' });
    const list = el('ul', { id: id + '-list', className: 'suggestions', 'aria-label': t('suggestions') });
    const box = el('div', { className: 'field association', dataset: { field: input.field } },
      el('label', { for: id, text: input.label }), hint, field, count, list, selected);
    let matches = [];
    let pending = null;
    let timer = 0;

    const showSelected = (a) => {
      selected.textContent = a ? t('selected') + ': ' + nameOf(a) + ' (' + a.code + ')' : '';
      box.dataset.code = a ? a.code : '';
    };
    const pick = (a) => {
      field.value = nameOf(a);
      list.replaceChildren();
      count.textContent = '';
      matches = [];
      showSelected(a);
      setParam(param, a.code, false);
      render(false).then(() => {
        const again = document.getElementById(id);
        if (again) again.focus();
      });
    };
    const search = () => {
      const q = field.value.trim();
      if (!q) {
        matches = [];
        list.replaceChildren();
        count.textContent = '';
        return Promise.resolve();
      }
      pending = backend.search(q, state.lang).then((all) => {
        if (field.value.trim() !== q) return;
        matches = all.filter((a) => a.level === 'municipal');
        count.textContent = matches.length ? t('matches', { n: matches.length }) : t('no_match');
        list.replaceChildren(...matches.slice(0, 12).map((a) => el('li', null, el('button', {
          type: 'button', className: 'suggestion', dataset: { code: a.code },
          text: nameOf(a) + ' (' + a.code + ')',
          onclick: () => pick(a),
        }))));
      }).catch(() => setAlert(t(backend.errorText)));
      return pending;
    };
    field.addEventListener('input', () => {
      showSelected(null);
      clearTimeout(timer);
      timer = setTimeout(search, 120);
    });
    field.addEventListener('keydown', async (ev) => {
      if (ev.key !== 'Enter') return;
      ev.preventDefault();
      clearTimeout(timer);
      await search();
      if (matches.length === 1) pick(matches[0]);
      else if (matches.length > 1) {
        const exact = matches.find((a) => a.code === field.value.trim());
        if (exact) pick(exact);
      }
    });
    if (current) {
      association(current).then((a) => {
        if (a && a.level === 'municipal') {
          field.value = nameOf(a);
          showSelected(a);
        } else {
          field.value = current;
        }
      });
    }
    return box;
  }

  /** The categories the library asks for this leaf and these inputs. */
  async function fillCategories(node, p, box) {
    const list = box.querySelector('.category-list');
    const held = heldLevels(node, p);
    const q = {
      leaf: node.id, lang: state.lang, member: p.get('member'), held, to: p.get('to'),
      levels: (p.get('change') || '').split(',').filter((v) => v),
    };
    const needs = node.inputs.some((i) => i.field === 'request.municipal') ? 'to' : 'member';
    if (!p.get(needs) || (node.inputs.some((i) => i.field === 'member.municipal') && !p.get('member'))) {
      list.replaceChildren(el('p', { className: 'hint', text: t('category_first') }));
      return;
    }
    let r;
    try {
      r = await backend.categories(q);
    } catch (e) {
      r = null;
    }
    if (!r || !r.ok) {
      list.replaceChildren(el('p', { className: 'hint', text: r && r.error ? r.error.message : t(backend.errorText) }));
      return;
    }
    const groups = r.categories.map((c) => {
      const current = p.get('cat.' + c.level) || '';
      const legend = t('category_for', { name: c.name });
      if (!c.choices) {
        const id = 'cat-' + c.level;
        const f = el('input', {
          type: 'text', id, maxlength: '40', value: current, autocomplete: 'off',
          dataset: { level: c.level },
          oninput: () => setParam('cat.' + c.level, f.value.trim(), false),
        });
        return el('p', { className: 'field category', dataset: { level: c.level, code: c.code } },
          el('label', { for: id, text: legend + ' — ' + t('category_free') }), f);
      }
      const g = el('fieldset', { className: 'field category', dataset: { level: c.level, code: c.code } },
        el('legend', { text: legend }));
      for (const ch of c.choices) {
        const rid = 'cat-' + c.level + '-' + ch.code;
        const radio = el('input', {
          type: 'radio', name: 'cat-' + c.level, id: rid, value: ch.code,
          checked: ch.code === current, dataset: { level: c.level },
          onchange: () => setParam('cat.' + c.level, ch.code, false),
        });
        const label = el('label', { for: rid },
          el('span', { className: 'cat-label', text: ch.label }),
          el('span', { className: 'cat-code', text: ' [' + ch.code + ']' }));
        if (ch.description) label.append(el('span', { className: 'cat-desc', text: ch.description }));
        g.append(el('p', { className: 'choice' }, radio, label));
      }
      return g;
    });
    list.replaceChildren(...groups);
    list.dataset.loaded = 'true'; // the library's answer, even when it asks no category
  }

  /** What is still empty on the form; the first element to focus, or null. */
  function firstMissing() {
    for (const box of $('fields').querySelectorAll('[data-field]')) {
      const f = box.dataset.field;
      if (f === 'request.reason') continue;
      if (f === 'member.municipal' || f === 'request.municipal') {
        if (!box.dataset.code) return box.querySelector('input');
      } else if (f === 'member.levels' || f === 'request.levels') {
        if (!box.querySelector('input:checked')) return box.querySelector('input') || box;
      } else if (f === 'request.categories') {
        const groups = box.querySelectorAll('.category');
        if (!box.querySelector('.category-list[data-loaded]')) return box;
        for (const g of groups) {
          const text = g.querySelector('input[type=text]');
          if (text ? !text.value.trim() : !g.querySelector('input:checked')) return g.querySelector('input');
        }
      }
    }
    return null;
  }

  // ---- the request --------------------------------------------------------------------------

  function setPath(obj, path, value) {
    const keys = path.split('.');
    let o = obj;
    for (const k of keys.slice(0, -1)) o = o[k] = o[k] || {};
    o[keys[keys.length - 1]] = value;
  }

  function buildRequest(node, trail, p) {
    const body = { member: {}, request: {}, lang: state.lang };
    for (const s of trail) if (s.node.sets) setPath(body, s.node.sets, s.answer.value);
    Object.assign(body.request, node.request);
    if (node.member_levels) body.member.levels = node.member_levels;
    for (const input of node.inputs) {
      switch (input.field) {
        case 'member.levels':
          setPath(body, input.field, heldLevels(node, p) || []);
          break;
        case 'member.municipal':
          setPath(body, input.field, p.get('member') || '');
          break;
        case 'request.municipal':
          setPath(body, input.field, p.get('to') || '');
          break;
        case 'request.levels':
          setPath(body, input.field, (p.get('change') || '').split(',').filter((v) => v));
          break;
        case 'request.categories': {
          // Only the levels the library asked for on the form (a stale one stays out).
          const asked = [...$('fields').querySelectorAll('.category')].map((g) => g.dataset.level);
          const cats = {};
          for (const lv of LEVELS) if (asked.includes(lv) && p.get('cat.' + lv)) cats[lv] = p.get('cat.' + lv);
          setPath(body, input.field, cats);
          break;
        }
        case 'request.reason':
          if (p.get('reason')) setPath(body, input.field, p.get('reason'));
          break;
        default:
          break;
      }
    }
    if (p.get('proxy') === '1') body.request.proxy = true;
    const apply = p.get('apply');
    if (apply) {
      try {
        const s = JSON.parse(apply);
        if (s && typeof s === 'object' && !Array.isArray(s)) body.request = s;
      } catch (e) {
        /* a broken link: the request from the walk stands */
      }
    }
    return body;
  }

  // ---- the plan -----------------------------------------------------------------------------

  async function renderPlan(node, trail, p, id) {
    const body = buildRequest(node, trail, p);
    let res;
    let desk;
    try {
      [res, desk] = await Promise.all([
        backend.plan(body),
        backend.support(state.lang).catch(() => null),
      ]);
    } catch (e) {
      setAlert(t(backend.errorText));
      return;
    }
    if (id !== state.renderId) return;
    const out = [];
    if (res.ok) {
      $('plan-heading').textContent = t('plan_heading');
      out.push(...(await planSections(res)));
    } else {
      $('plan-heading').textContent = t('refused');
      out.push(refusalSection(res.error, p));
    }
    out.push(deskSection(desk));
    if (id !== state.renderId) return;
    $('plan').hidden = false;
    $('plan').dataset.ok = res.ok ? 'true' : 'false';
    $('plan-body').replaceChildren(...out);
    markShown('mamisguide:plan');
  }

  function section(cls, heading, ...content) {
    return el('section', { className: 'plan-section ' + cls }, el('h3', { text: heading }), ...content);
  }

  function kv(label, value, cls) {
    return el('p', { className: 'kv ' + (cls || '') },
      el('span', { className: 'k', text: label }), el('span', { className: 'v', text: value }));
  }

  function stepsList(steps, id) {
    return el('ol', { className: 'steps', id }, ...steps.map((s) => el('li', { text: s })));
  }

  function deskLines(d) {
    return el('div', { className: 'desk-lines' },
      el('p', { className: 'desk-name', text: d.name }),
      el('p', null, el('span', { className: 'k', text: t('phone') + ' ' }),
        el('a', { href: 'tel:' + d.phone, text: d.phone, className: 'phone' }),
        el('span', { className: 'k sep', text: t('mail') + ' ' }),
        el('a', { href: 'mailto:' + d.mail, text: d.mail, className: 'mail' })),
      el('p', null, el('span', { className: 'k', text: t('hours') + ' ' }), el('span', { text: d.hours })));
  }

  async function planSections(plan) {
    const out = [];
    // STEP 1
    const s1 = section('step1', t('step1'));
    s1.id = 'plan-step1';
    if (!plan.prerequisites.length) s1.append(el('p', { text: t('step1_ok') }));
    for (const q of plan.prerequisites) {
      const box = el('div', { className: 'prerequisite', dataset: { kind: q.kind } },
        el('p', { className: 'pre-head', text: t(q.kind === 'mypage_check' ? 'mypage_check' : 'user_registration') }),
        stepsList(q.steps),
        kv(t('manual'), q.manual, 'manual'));
      if (q.support) box.append(deskLines(q.support));
      s1.append(box);
    }
    out.push(s1);
    // STEP 2: the form, the selection, the case, who applies
    const s2 = section('step2', t('step2') + plan.form_label);
    s2.id = 'plan-step2';
    s2.append(kv(t('form'), plan.form_label, 'form'));
    const formValue = s2.lastChild.querySelector('.v');
    formValue.id = 'plan-form';
    if (plan.selection_label) {
      s2.append(kv(t('selection'), plan.selection_label, 'selection'));
      s2.lastChild.querySelector('.v').id = 'plan-selection';
    }
    if (plan.case && plan.case.label) {
      s2.append(kv(t('case'), plan.case.instruction ? plan.case.label + ' → ' + plan.case.instruction : plan.case.label, 'case'));
      s2.lastChild.querySelector('.v').id = 'plan-case';
    }
    s2.append(kv(t('actor'), t(plan.actor === 'secretariat' ? 'actor_secretariat' : 'actor_member'), 'actor'));
    s2.lastChild.dataset.actor = plan.actor;
    out.push(s2);
    // the steps
    out.push(section('steps-section', t('steps'), stepsList(plan.steps, 'plan-steps')));
    // the associations to tick
    const ticks = el('ul', { className: 'ticks', id: 'plan-checked' });
    plan.checked.forEach((a, i) => {
      const cid = 'tick-' + i;
      const what = state.texts.levels[a.level];
      ticks.append(el('li', { dataset: { level: a.level, code: a.code } },
        el('input', { type: 'checkbox', id: cid }),
        el('label', { for: cid },
          el('span', { className: 'tick-name', text: a.name }),
          el('span', { className: 'tick-meta', text: ' (' + (a.name === what ? a.code : what + ' · ' + a.code) + ')' }))));
    });
    out.push(section('checked-section', t('checked'), ticks));
    // the categories
    const levels = Object.keys(plan.categories);
    if (levels.length) {
      const ul = el('ul', { className: 'categories', id: 'plan-categories' });
      for (const lv of LEVELS) {
        if (!(lv in plan.categories)) continue;
        const at = plan.checked.find((a) => a.level === lv);
        const label = plan.category_labels[lv];
        ul.append(el('li', { dataset: { level: lv, code: plan.categories[lv] } },
          el('span', { className: 'k', text: (at ? at.name : state.texts.levels[lv]) + ': ' }),
          el('span', { className: 'v', text: plan.categories[lv] + (label ? ' (' + label + ')' : ' (' + t('unchecked') + ')') })));
      }
      out.push(section('categories-section', t('categories'), ul));
    }
    // the manual, the reason
    const man = section('manual-section', t('manual'), el('p', { id: 'plan-manual', text: plan.manual }));
    if (plan.reason) man.append(kv(t('reason'), plan.reason, 'reason'));
    out.push(man);
    // notes
    if (plan.notes.length) {
      const ul = el('ul', { className: 'notes', id: 'plan-notes' });
      for (const n of plan.notes) {
        // The sample's note names the command line's options; a page says it in its own words.
        const text = n.kind === 'sample_directory' ? t('sample_note') : n.text;
        const li = el('li', { text, dataset: { kind: n.kind } });
        if (n.association) {
          const a = await association(n.association);
          li.append(el('span', { className: 'meta', text: ' (' + (a ? nameOf(a) + ' · ' : '') + n.association + ')' }));
        }
        ul.append(li);
      }
      out.push(section('notes-section', t('notes'), ul));
    }
    // the state after approval
    const result = section('result-section', t('result'));
    if (!plan.result.levels.length) {
      result.append(el('p', { text: t('not_member') }));
    } else {
      const m = await association(plan.result.municipal);
      const pr = await association(plan.result.prefectural || (m && m.parent));
      const nat = pr && pr.parent ? await association(pr.parent) : null;
      const at = { municipal: m, prefectural: pr, national: nat };
      const dl = el('table', { className: 'result', id: 'plan-result' });
      for (const lv of plan.result.levels) {
        const a = at[lv];
        const cat = plan.result.categories && plan.result.categories[lv];
        dl.append(el('tr', { dataset: { level: lv } },
          el('th', { scope: 'row', text: state.texts.levels[lv] }),
          el('td', { text: a ? nameOf(a) + ' (' + a.code + ')' : '' }),
          el('td', { text: cat ? t('category_of') + ' ' + cat : '' })));
      }
      result.append(dl);
    }
    out.push(result);
    out.push(el('p', { className: 'rule', text: t('rule') + ': ' + plan.rule }));
    return out;
  }

  function describeRequest(r) {
    // The guide's own name for the suggested request: the leaf with its operation and levels.
    const same = (a, b) => (a || []).slice().sort().join() === (b || []).slice().sort().join();
    const leaf = state.guide.nodes.find((n) => n.request && n.request.operation === r.operation &&
      (!n.request.levels || same(n.request.levels, r.levels)));
    const parts = [leaf ? leaf.title : r.operation];
    if (r.levels && r.levels.length) {
      parts.push(t('suggestion_levels') + ': ' + r.levels.map((lv) => state.texts.levels[lv]).join(', '));
    }
    return parts.join(' — ');
  }

  function refusalSection(err, p) {
    const box = el('section', { className: 'plan-section refusal', id: 'refusal', dataset: { code: err.code } },
      el('p', { className: 'refusal-message', id: 'refusal-message', text: err.message }),
      kv(t('code'), err.code, 'code'));
    if (err.field) box.append(kv(t('field'), err.field, 'field'));
    if (err.suggestion) {
      box.append(el('p', { className: 'instead', text: t('instead') }),
        el('p', { className: 'suggestion', id: 'suggestion', text: describeRequest(err.suggestion) }),
        el('button', {
          type: 'button', id: 'apply-suggestion', className: 'primary', text: t('apply_suggestion'),
          onclick: () => {
            const q = params();
            q.set('apply', JSON.stringify(err.suggestion));
            q.set('plan', '1');
            go(q, true);
            render(true);
          },
        }));
    }
    return box;
  }

  function deskSection(status) {
    const d = state.texts.desk;
    const box = section('desk', t('desk'));
    box.id = 'desk';
    if (status) {
      // Open or not, and why not, in the library's words (GET /v1/support).
      const open = status.open === true;
      const line = el('p', { className: 'desk-status ' + (open ? 'open' : 'closed'), dataset: { open: String(open) },
        text: open ? status.status_label : status.status_label + ' (' + status.reason_label + ')' });
      if (!open && status.next_open) {
        line.append(el('span', { className: 'next', text: ' ' + t('desk_next', { next: formatTime(status.next_open) }) }));
      }
      box.append(line);
    }
    box.append(deskLines(status || d));
    return box;
  }

  function formatTime(iso) {
    // "2026-12-30T10:00:00+09:00" → "2026-12-30 10:00" (Japan time, as the library gives it)
    const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
    return m ? m[1] + ' ' + m[2] : iso;
  }

  // ---- the page's controls -----------------------------------------------------------------

  async function onSubmit(ev) {
    ev.preventDefault();
    const missing = firstMissing();
    if (missing) {
      $('missing').hidden = false;
      $('missing').textContent = t('missing');
      if (missing.focus) missing.focus();
      return;
    }
    const p = params();
    p.set('plan', '1');
    go(p, true);
    await render(true);
  }

  async function switchLanguage() {
    state.lang = state.lang === 'ja' ? 'en' : 'ja';
    try {
      localStorage.setItem(LANG_KEY, state.lang);
    } catch (e) {
      /* storage may be off: the switch still works for this page */
    }
    await start(false);
    $('switch-lang').focus();
  }

  async function start(focus) {
    document.body.setAttribute('aria-busy', 'true');
    let refused = null; // a master kept in this browser that the library now refuses
    try {
      if (!state.started) {
        refused = await backend.start(state.lang);
        state.started = true;
      }
      await loadLanguage();
    } catch (e) {
      document.body.removeAttribute('aria-busy');
      $('alert').hidden = false;
      $('alert').textContent = state.texts ? t(backend.errorText) : fallback(backend.errorText);
      return;
    }
    setAlert('');
    if (refused) setMasterAlert(t('master_stored_refused'), refused.message, refused.kind);
    await render(focus);
    document.body.dataset.ready = state.lang;
    if (!state.shown) {
      state.shown = true;
      markShown('mamisguide:first-question');
    }
  }

  function init() {
    try {
      const saved = localStorage.getItem(LANG_KEY);
      if (saved === 'ja' || saved === 'en') state.lang = saved;
    } catch (e) {
      /* no storage: Japanese */
    }
    $('back').addEventListener('click', () => history.back());
    $('restart').addEventListener('click', () => {
      history.pushState(null, '', location.pathname);
      setAlert('');
      render(true);
    });
    $('print').addEventListener('click', () => window.print());
    $('switch-lang').addEventListener('click', switchLanguage);
    $('inputs').addEventListener('submit', onSubmit);
    $('proxy').addEventListener('change', () => setParam('proxy', $('proxy').checked ? '1' : '', false));
    $('master-file').addEventListener('change', loadMaster);
    $('master-forget').addEventListener('click', forgetMaster);
    backend.download().then((yes) => {
      state.download = yes;
      if (state.texts && yes) renderUsage();
    });
    window.addEventListener('popstate', () => {
      setAlert('');
      render(true);
    });
    start(false);
  }

  // FIELDS lists the URL's parameters besides path and cat.<level> (for readers of this file).
  void FIELDS;
  init();
})();
