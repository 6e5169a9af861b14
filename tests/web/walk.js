// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// One walk of the web guide, done by the page's own DOM events, for the browsers that are not
// driven through Selenium (test_other_engines.py: Firefox through Marionette, WebKitGTK through
// GObject introspection). The body of an async function of one argument, `c`:
//   {mypage: 'yes', path: ['withdraw', 'national_only'], inputs: {...}}  (cases.py's CASES)
// It clicks the answers, fills the form as guide_walk.py's fill() does (an association typed,
// then its suggestion clicked; radios clicked; text typed), clicks the button and waits for the
// plan, and returns what the plan shows, for the test to compare with the library's answer.
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const until = async (what, pred, ms = 15000) => {
  const t0 = Date.now();
  for (;;) {
    const v = pred();
    if (v) return v;
    if (Date.now() - t0 > ms) throw new Error('waited in vain for ' + what);
    await sleep(20);
  }
};
const settled = () => document.readyState === 'complete' && !!document.body.dataset.ready &&
  !document.body.hasAttribute('aria-busy');
const shown = (e) => !!e && e.getClientRects().length > 0;
const $ = (id) => document.getElementById(id);
const all = (css, root) => [...(root || document).querySelectorAll(css)];
const text = (e) => (e ? e.innerText.trim() : null);
const type = (f, value) => {
  f.focus();
  f.value = value;
  f.dispatchEvent(new Event('input', { bubbles: true }));
  f.dispatchEvent(new Event('change', { bubbles: true }));
};
const click = async (e) => {
  e.click();
  await sleep(0);
  await until('the page to settle', settled);
};

await until('the first question', () => settled() && shown($('question-heading')));
const first = performance.now(); // since the navigation began: at most this (polled every 20 ms)
for (const value of [c.mypage].concat(c.path)) {
  const b = await until('the answer ' + value, () =>
    all('#answers button').find((x) => x.dataset.value === value && shown(x)));
  await click(b);
}
await until('the form', () => shown($('inputs-heading')));
const inputs = c.inputs;
if (inputs.held) await click(await until('held', () => $('r-held-' + inputs.held)));
for (const param of ['member', 'to']) {
  if (!inputs[param]) continue;
  const [typed, code] = inputs[param];
  const f = document.querySelector('[data-param="' + param + '"]');
  type(f, typed);
  const pick = await until('the suggestion ' + code, () =>
    all('#' + f.id + '-list button').find((x) => x.dataset.code === code && shown(x)));
  await click(pick);
  await until(param + ' chosen', () => {
    const g = document.querySelector('[data-param="' + param + '"]');
    return g && g.closest('[data-field]').dataset.code === code;
  });
  await until('the page to settle', settled);
}
for (const level of inputs.change || []) await click($('f-request-levels-' + level));
for (const [level, code] of Object.entries(inputs.cat || {})) {
  const radio = await until('the categories of ' + level, () => {
    const r = $('cat-' + level + '-' + code);
    return r || $('cat-' + level);
  });
  if (radio.type === 'radio') await click(radio);
  else type(radio, code);
}
if (inputs.reason) type($('f-request-reason'), inputs.reason);
const clicked = performance.now();
await click($('show'));
await until('the plan', () => shown($('plan')) && settled());
const answered = performance.now() - clicked;

const plan = $('plan');
return {
  ok: plan.dataset.ok,
  title: text($('inputs-heading')),
  form: text($('plan-form')),
  selection: text($('plan-selection')),
  checked: all('#plan-checked li').map((li) => [li.dataset.level, li.dataset.code,
    text(li.querySelector('.tick-name'))]),
  steps: all('#plan-steps li').map(text),
  categories: Object.fromEntries(all('#plan-categories li').map((li) => [li.dataset.level, li.dataset.code])),
  manual: text($('plan-manual')),
  actor: document.querySelector('.kv.actor').dataset.actor,
  prerequisites: all('#plan-step1 .prerequisite').map((p) => p.dataset.kind),
  notes: all('#plan-notes li').map((li) => li.dataset.kind),
  result: all('#plan-result tr').map((tr) => tr.dataset.level),
  desk: text($('desk')),
  alerts: ['alert', 'master-alert'].map($).filter((e) => e && !e.hidden).map(text),
  // Nothing loaded but the one file: the Performance API's resources (none but data: URLs).
  resources: performance.getEntriesByType('resource').map((e) => e.name)
    .filter((n) => !n.startsWith('data:')),
  where: location.href.split(/[?#]/)[0],
  navigation: performance.getEntriesByType('navigation').map((e) => e.name),
  ms: { first, answered },
};
