# SPDX-FileCopyrightText: 2026 The mamisguide authors
# SPDX-License-Identifier: Apache-2.0
"""What the two browser tests of the web guide share: the page served at / by `mamisguide serve`
(test_web.py) and the single file build-wasm/mamisguide.html opened from disk
(test_single_file.py) are the same guide, walked by the same code.

- make_browser(): Debian's headless Chromium through chromium-driver (python3-selenium), with
  nothing of its own on the network (no background networking, no component updates, no sync);
  `offline=True` also makes every host unreachable (--host-resolver-rules).
- CASES (cases.py): the guide's 14 cases, each with its inputs and the contract request it must make.
- Walks: a mixin (GuideWalk) that answers, fills, shows and checks a plan against the library's
  own answer for the same request, and checks accessibility at every step with axe-core
  (WCAG 2.0 and 2.1, levels A and AA: JIS X 8341-3:2016 AA is WCAG 2.0 AA), the keyboard alone,
  360 CSS px, and the print sheet (one A4 page).

axe-core comes from npm, pinned with its integrity in tests/web/axe/package-lock.json, installed
into the build directory by the ctest fixture web_axe (`npm ci`); the tests find it through
MG_AXE (its axe.min.js). When it is missing the accessibility checks are skipped, saying so,
unless MAMISGUIDE_REQUIRE_AXE=1 (CI), which makes that a failure.
"""
import base64
import json
import os
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.support.ui import WebDriverWait

from cases import CASES, LEVELS, Server, free_port  # noqa: F401 (the tests import them from here)


def wait_for(driver, timeout=5):
    """A wait that polls every 50 ms; an element the page replaced between finding it and reading
    it (the list is drawn again as answers arrive) counts as not yet, not as a failure."""
    return WebDriverWait(driver, timeout, poll_frequency=0.05,
                         ignored_exceptions=(StaleElementReferenceException,))

AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']


def make_browser(profile, offline=False, env=None, lang='ja'):
    o = webdriver.ChromeOptions()
    o.binary_location = '/usr/bin/chromium'
    flags = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
             '--disable-background-networking', '--disable-component-update',
             '--disable-sync', '--disable-dev-shm-usage', '--user-data-dir=' + profile,
             '--window-size=1100,900', '--lang=' + lang]
    if offline:
        flags.append('--host-resolver-rules=MAP * ~NOTFOUND')
    for flag in flags:
        o.add_argument(flag)
    o.set_capability('goog:loggingPrefs', {'browser': 'ALL', 'performance': 'ALL'})
    service = Service('/usr/bin/chromedriver', env=env) if env else Service('/usr/bin/chromedriver')
    return webdriver.Chrome(service=service, options=o)


def axe_source():
    """axe.min.js, or None (the reason printed) when it is not installed."""
    path = os.environ.get('MG_AXE', '')
    if path and os.path.exists(path):
        with open(path, encoding='utf-8') as f:
            return f.read()
    why = 'axe-core is not installed (%s; the ctest fixture web_axe installs it with npm ci)' % (path or 'MG_AXE unset')
    if os.environ.get('MAMISGUIDE_REQUIRE_AXE') == '1':
        raise RuntimeError('MAMISGUIDE_REQUIRE_AXE=1: ' + why)
    print('accessibility checks skipped: ' + why)
    return None


class GuideWalk:
    """The walks, on `self.b` (a browser). A test class sets `guide` and `texts` ({lang: the
    library's JSON}), `axe` (axe_source()), OUT, and defines expect(body, mypage, proxy, lang)
    (the library's response to the same request) and home() (the page's first URL)."""

    axe = None
    axe_runs = 0
    axe_seconds = 0.0

    # ---- waiting and looking ------------------------------------------------------------------

    def settle(self, timeout=10):
        wait_for(self.b, timeout).until(lambda d: d.execute_script(
            "return document.readyState === 'complete' && !!document.body.dataset.ready"
            " && !document.body.hasAttribute('aria-busy')"))

    def visible(self, css):
        return [e for e in self.b.find_elements(By.CSS_SELECTOR, css) if e.is_displayed()]

    def node(self, node_id, lg='ja'):
        return next(n for n in self.guide[lg]['nodes'] if n['id'] == node_id)

    def lang(self):
        return self.b.execute_script('return document.documentElement.lang')

    # ---- accessibility -------------------------------------------------------------------------

    def check_a11y(self, where):
        """axe-core on the page as it is now: no WCAG 2.0/2.1 A or AA violation."""
        if not self.axe:
            return
        t0 = time.time()
        if not self.b.execute_script('return typeof window.axe === "object"'):
            self.b.execute_script(self.axe)
        found = self.b.execute_async_script(
            'const done = arguments[arguments.length - 1];'
            'axe.run(document, {runOnly: {type: "tag", values: arguments[0]}, resultTypes: ["violations"]})'
            '.then((r) => done(r.violations.map((v) => ({id: v.id, impact: v.impact, help: v.help,'
            ' nodes: v.nodes.map((n) => [n.target.join(" "), n.failureSummary])}))),'
            ' (e) => done([{id: "axe-error", help: String(e)}]));', AXE_TAGS)
        type(self).axe_runs += 1
        type(self).axe_seconds += time.time() - t0
        self.assertEqual(found, [], 'accessibility (axe-core, %s) at %s' % (', '.join(AXE_TAGS), where))

    def no_sideways_scroll(self, where):
        overflow = self.b.execute_script(
            'return document.documentElement.scrollWidth - document.documentElement.clientWidth')
        self.assertLessEqual(overflow, 0, 'scrolls sideways at %s' % where)

    # ---- walking -------------------------------------------------------------------------------

    def answer(self, value):
        """Clicks the answer button `value` on the question shown, checking every button's
        text is the guide's own label."""
        heading = self.b.find_element(By.ID, 'question-heading').text
        node = next(n for n in self.guide[self.lang()]['nodes'] if not n.get('request') and n['text'] == heading)
        buttons = self.visible('#answers button')
        self.assertEqual([b.text for b in buttons], [a['label'] for a in node['answers']])
        self.assertTrue(all(b.tag_name == 'button' for b in buttons))
        next(b for b in buttons if b.get_attribute('data-value') == value).click()
        self.settle()
        self.check_a11y('the answer ' + value)

    def pick_association(self, field, text, code):
        f = self.b.find_element(By.CSS_SELECTOR, '[data-param="%s"]' % field)
        f.clear()
        f.send_keys(text)
        # Enter picks the only match; with several, the suggestion button does.
        wait_for(self.b).until(lambda d: self.visible(
            '#%s-list button' % f.get_attribute('id')))
        buttons = self.visible('#%s-list button' % f.get_attribute('id'))
        if len(buttons) == 1:
            f.send_keys(Keys.ENTER)
        else:
            next(b for b in buttons if b.get_attribute('data-code') == code).click()
        self.settle()
        wait_for(self.b).until(lambda d: d.execute_script(
            "const f = document.querySelector('[data-param=' + arguments[0] + ']');"
            "return f && f.closest('[data-field]').dataset.code", field) == code)

    def fill(self, inputs):
        if 'held' in inputs:
            self.b.find_element(By.ID, 'r-held-' + inputs['held']).click()
            self.settle()
        if 'member' in inputs:
            self.pick_association('member', *inputs['member'])
        if 'to' in inputs:
            self.pick_association('to', *inputs['to'])
        for lv in inputs.get('change', []):
            self.b.find_element(By.ID, 'f-request-levels-' + lv).click()
            self.settle()
        for lv, code in inputs.get('cat', {}).items():
            radios = self.b.find_elements(By.ID, 'cat-%s-%s' % (lv, code))
            if radios:
                radios[0].click()
            else:
                f = self.b.find_element(By.ID, 'cat-' + lv)
                f.clear()
                f.send_keys(code)
        if 'reason' in inputs:
            f = self.b.find_element(By.ID, 'f-request-reason')
            f.clear()
            f.send_keys(inputs['reason'])
        self.check_a11y('the form, filled')

    def show(self):
        self.b.find_element(By.ID, 'show').click()
        self.settle()
        wait_for(self.b).until(lambda d: d.find_element(By.ID, 'plan').is_displayed())
        self.check_a11y('the plan')

    def walk(self, mypage, path, inputs, proxy=False):
        self.check_a11y('the first question')
        self.answer(mypage)
        for v in path:
            self.answer(v)
        self.fill(inputs)
        if proxy:
            self.b.find_element(By.ID, 'proxy').click()
        self.show()

    # ---- checking a plan -----------------------------------------------------------------------

    def assert_plan_shown(self, expected):
        """The page's plan equals the library's: form, selection, ticks, steps, categories,
        manual, prerequisites, actor, notes, the state after, the desk."""
        self.assertTrue(expected['ok'], expected)
        self.assertEqual(self.b.find_element(By.ID, 'plan').get_attribute('data-ok'), 'true')
        self.assertEqual(self.b.find_element(By.ID, 'plan-form').text, expected['form_label'])
        if expected['selection_label']:
            self.assertEqual(self.b.find_element(By.ID, 'plan-selection').text, expected['selection_label'])
        ticks = self.b.find_elements(By.CSS_SELECTOR, '#plan-checked li')
        self.assertEqual([(t.get_attribute('data-level'), t.get_attribute('data-code')) for t in ticks],
                         [(c['level'], c['code']) for c in expected['checked']])
        for t, c in zip(ticks, expected['checked']):
            self.assertEqual(t.find_element(By.CSS_SELECTOR, '.tick-name').text, c['name'])
            box = t.find_element(By.CSS_SELECTOR, 'input[type=checkbox]')
            self.assertFalse(box.is_selected())
        steps = [li.text for li in self.b.find_elements(By.CSS_SELECTOR, '#plan-steps li')]
        self.assertEqual(steps, expected['steps'])
        cats = {li.get_attribute('data-level'): li.get_attribute('data-code')
                for li in self.b.find_elements(By.CSS_SELECTOR, '#plan-categories li')}
        self.assertEqual(cats, expected['categories'])
        self.assertEqual(self.b.find_element(By.ID, 'plan-manual').text, expected['manual'])
        if expected['case']['label']:
            want = expected['case']['label']
            if expected['case']['instruction']:
                want += ' → ' + expected['case']['instruction']
            self.assertEqual(self.b.find_element(By.ID, 'plan-case').text, want)
        self.assertEqual(self.b.find_element(By.CSS_SELECTOR, '.kv.actor').get_attribute('data-actor'),
                         expected['actor'])
        pre = self.b.find_elements(By.CSS_SELECTOR, '#plan-step1 .prerequisite')
        self.assertEqual([p.get_attribute('data-kind') for p in pre],
                         [q['kind'] for q in expected['prerequisites']])
        for p, q in zip(pre, expected['prerequisites']):
            self.assertEqual([li.text for li in p.find_elements(By.CSS_SELECTOR, 'ol li')], q['steps'])
        notes = [li.get_attribute('data-kind') for li in self.b.find_elements(By.CSS_SELECTOR, '#plan-notes li')]
        self.assertEqual(notes, [n['kind'] for n in expected['notes']])
        rows = [r.get_attribute('data-level') for r in self.b.find_elements(By.CSS_SELECTOR, '#plan-result tr')]
        self.assertEqual(rows, expected['result']['levels'])
        # the desk, with its phone and mail, and whether it is open now
        desk = self.b.find_element(By.ID, 'desk')
        self.assertIn(self.texts['ja']['desk']['phone'], desk.text)
        self.assertIn(self.texts['ja']['desk']['mail'], desk.text)
        self.assertIn(desk.find_element(By.CSS_SELECTOR, '.desk-status').get_attribute('data-open'),
                      ('true', 'false'))

    def screenshot(self, name, out=None):
        self.b.execute_script('window.scrollTo(0, 0)')
        height = self.b.execute_script('return document.documentElement.scrollHeight')
        width = self.b.execute_script('return window.innerWidth')
        self.b.set_window_size(max(width, 360), min(max(height + 120, 600), 4000))
        path = os.path.join(out or self.OUT, name)
        self.b.save_screenshot(path)
        return path

    # ---- the walks both pages must pass -------------------------------------------------------

    def walk_all_cases(self, shot=None):
        """The 14 cases of the guide, each ending in the library's plan; axe at every step."""
        leaves = {n['id'] for n in self.guide['ja']['nodes'] if n.get('request')}
        self.assertEqual({c[0] for c in CASES}, leaves)
        for case_id, path, inputs, body in CASES:
            with self.subTest(case=case_id):
                self.b.get(self.home())
                self.settle()
                self.walk('yes', path, inputs)
                self.assertEqual(self.b.find_element(By.ID, 'inputs-heading').text, self.node(case_id)['title'])
                self.assert_plan_shown(self.expect(body))
                if shot and case_id == 'join.national':
                    self.screenshot(shot)

    def walk_keyboard_only(self):
        """One walk with the keyboard alone: Tab to the answer, Enter; type into the field and
        Enter; Tab to the button. The focus is always visible."""
        body = CASES[12][3]

        def tab_to(pred, limit=60):
            for _ in range(limit):
                webdriver.ActionChains(self.b).send_keys(Keys.TAB).perform()
                e = self.b.switch_to.active_element
                if pred(e):
                    outline = self.b.execute_script(
                        'const s = getComputedStyle(arguments[0]); return [s.outlineStyle, s.outlineWidth]', e)
                    self.assertNotEqual(outline[0], 'none', 'focus is visible')
                    return e
            self.fail('not reachable with Tab')

        def press(key):
            webdriver.ActionChains(self.b).send_keys(key).perform()
            self.settle()

        for value in ('yes', 'withdraw', 'national_only'):
            tab_to(lambda e: e.get_attribute('data-value') == value)
            press(Keys.ENTER)
            # the new question's heading has the focus
            self.assertIn(self.b.switch_to.active_element.get_attribute('id'),
                          ('question-heading', 'inputs-heading'))
        tab_to(lambda e: e.get_attribute('data-param') == 'member')
        webdriver.ActionChains(self.b).send_keys('13-chiyoda').perform()
        time.sleep(0.3)
        press(Keys.ENTER)
        wait_for(self.b).until(lambda d: d.find_element(By.CSS_SELECTOR, '.association').get_attribute('data-code') == '13-chiyoda')
        tab_to(lambda e: e.get_attribute('id') == 'show')
        press(Keys.ENTER)
        wait_for(self.b).until(lambda d: d.find_element(By.ID, 'plan').is_displayed())
        self.assert_plan_shown(self.expect(body))
        self.assertEqual(self.b.switch_to.active_element.get_attribute('id'), 'plan-heading')
        # the ticks are checkboxes a secretariat can tick with Space
        tab_to(lambda e: e.get_attribute('id') == 'tick-0')
        press(Keys.SPACE)
        self.assertTrue(self.b.find_element(By.ID, 'tick-0').is_selected())

    def walk_narrow(self):
        """360 CSS px wide: nothing scrolls sideways at any step of a walk (the longest form and
        plan: a transfer), nor on the first page; axe at each step there too."""
        self.b.set_window_size(360, 800)
        width = self.b.execute_script('return window.innerWidth')
        self.assertLessEqual(width, 360)
        self.b.get(self.home())
        self.settle()
        self.no_sideways_scroll('the first page')
        case_id, path, inputs, body = CASES[8]
        self.answer('yes')
        for v in path:
            self.answer(v)
            self.no_sideways_scroll('the answer ' + v)
        self.fill(inputs)
        self.no_sideways_scroll('the form')
        self.show()
        self.assert_plan_shown(self.expect(body))
        self.no_sideways_scroll('the plan')

    def print_sheet(self, shot, pdf_name):
        """The print view: no navigation, the boxes to tick drawn, the desk last; one A4 page."""
        case_id, path, inputs, body = CASES[2]
        self.walk('unknown', path, inputs)
        self.b.execute_cdp_cmd('Emulation.setEmulatedMedia', {'media': 'print'})
        try:
            for css in ('#controls', '#inputs', '#trail-section', '#apply-suggestion', '#master',
                        '#usage', '#sample-badge'):
                for e in self.b.find_elements(By.CSS_SELECTOR, css):
                    self.assertFalse(e.is_displayed(), css)
            self.assertTrue(self.b.find_element(By.ID, 'plan').is_displayed())
            box = self.b.find_element(By.CSS_SELECTOR, '#plan-checked input')
            style = self.b.execute_script(
                'const s = getComputedStyle(arguments[0]); return [s.borderTopStyle, s.borderTopWidth, s.width]', box)
            self.assertEqual(style[0], 'solid')
            self.assertNotEqual(style[1], '0px')
            sections = self.visible('#plan-body > *')
            self.assertEqual(sections[-1].get_attribute('id'), 'desk')
            if shot:
                self.screenshot(shot)
        finally:
            self.b.execute_cdp_cmd('Emulation.setEmulatedMedia', {'media': ''})
        pdf = self.b.execute_cdp_cmd('Page.printToPDF', {'paperWidth': 8.27, 'paperHeight': 11.69,
                                                         'preferCSSPageSize': True})
        data = base64.b64decode(pdf['data'])
        pages = data.count(b'/Type /Page') - data.count(b'/Type /Pages')
        if pages <= 0:
            pages = data.count(b'/Type/Page') - data.count(b'/Type/Pages')
        self.assertEqual(pages, 1, 'the print view is one A4 sheet')
        with open(os.path.join(self.OUT, pdf_name), 'wb') as f:
            f.write(data)

    def console_errors(self):
        logs = self.b.get_log('browser')
        return [e for e in logs if e['level'] in ('SEVERE', 'ERROR')]

    def requested_urls(self):
        """Every URL the browser asked for since the last call (chromedriver's performance log)."""
        urls = []
        for entry in self.b.get_log('performance'):
            m = json.loads(entry['message'])['message']
            if m.get('method') == 'Network.requestWillBeSent':
                urls.append(m['params']['request']['url'])
        return urls
