#!/usr/bin/python3
# SPDX-FileCopyrightText: 2026 The mamisguide authors
# SPDX-License-Identifier: Apache-2.0
"""The web guide in a real browser: Debian's headless Chromium through chromium-driver and
python3-selenium, against a real `mamisguide serve` on a free loopback port.

    /usr/bin/python3 test_web.py MAMISGUIDE SOURCE_DIR OUT_DIR

It walks every case of the guide by clicking, MyPage なし and 不明, a proxy application, a
refusal and its suggestion, English, reload and Back, the print view, and one walk with the
keyboard alone; every plan on the page must show the form, the ticks and the steps that
POST /v1/plan gives for the same request, built here independently of the page. Screenshots go
to OUT_DIR. No console error, no request to another origin.
"""
import base64
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import unittest
import urllib.request

from selenium import webdriver
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

CLI, SOURCE, OUT = sys.argv[1:4] if len(sys.argv) >= 4 else (None, None, None)
MASTER = os.path.join(SOURCE or '.', 'data', 'sample-municipal.csv')
CATEGORIES = os.path.join(SOURCE or '.', 'data', 'sample-categories.csv')
LEVELS = ['municipal', 'prefectural', 'national']


def free_port():
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]


class Server:
    def __init__(self):
        self.port = free_port()
        self.base = 'http://127.0.0.1:%d' % self.port
        cmd = os.environ.get('MG_WEB_SERVER')  # a stand-in server command, for development
        if cmd:
            argv = cmd.replace('{port}', str(self.port)).split()
        else:
            argv = [CLI, 'serve', '--listen', '127.0.0.1:%d' % self.port,
                    '--directory', MASTER, '--categories', CATEGORIES]
        self.log = tempfile.TemporaryFile()
        self.proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=self.log)
        deadline = time.time() + 20
        while True:
            try:
                with urllib.request.urlopen(self.base + '/v1/guide', timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                if self.proc.poll() is not None or time.time() > deadline:
                    self.log.seek(0)
                    raise RuntimeError('server did not start: ' + self.log.read().decode())
                time.sleep(0.1)

    def get(self, path):
        with urllib.request.urlopen(self.base + path, timeout=10) as r:
            return r.status, dict(r.headers), r.read()

    def fetch(self, path):
        """(status, JSON body) also for 4xx."""
        try:
            with urllib.request.urlopen(self.base + path, timeout=10) as r:
                return r.status, json.loads(r.read())
        except urllib.error.HTTPError as e:
            return e.code, json.loads(e.read())

    def json(self, path):
        return json.loads(self.get(path)[2])

    def plan(self, body):
        req = urllib.request.Request(self.base + '/v1/plan', data=json.dumps(body).encode(),
                                     headers={'Content-Type': 'application/json'})
        try:
            with urllib.request.urlopen(req, timeout=10) as r:
                return json.loads(r.read())
        except urllib.error.HTTPError as e:
            return json.loads(e.read())

    def stop(self):
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def make_browser(profile):
    o = webdriver.ChromeOptions()
    o.binary_location = '/usr/bin/chromium'
    for flag in ('--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
                 '--disable-background-networking', '--disable-component-update',
                 '--disable-sync', '--disable-dev-shm-usage', '--user-data-dir=' + profile,
                 '--window-size=1100,900', '--lang=ja'):
        o.add_argument(flag)
    o.set_capability('goog:loggingPrefs', {'browser': 'ALL', 'performance': 'ALL'})
    return webdriver.Chrome(service=Service('/usr/bin/chromedriver'), options=o)


# The cases: the guide's path (after STEP 1), the inputs the page is given, and the contract
# request the test expects the page to send, written out here by hand.
CASES = [
    ('join.municipal', ['join', 'municipal'], {'to': ('千代田', '13-chiyoda'), 'cat': {'municipal': 'A'}},
     {'member': {}, 'request': {'operation': 'join', 'levels': ['municipal'], 'municipal': '13-chiyoda',
                                'categories': {'municipal': 'A'}}}),
    ('join.prefectural', ['join', 'prefectural'], {'to': ('shinjuku', '13-shinjuku'), 'cat': {'municipal': 'S1', 'prefectural': 'B'}},
     {'member': {}, 'request': {'operation': 'join', 'levels': ['municipal', 'prefectural'], 'municipal': '13-shinjuku',
                                'categories': {'municipal': 'S1', 'prefectural': 'B'}}}),
    ('join.national', ['join', 'national'], {'to': ('01-sapporo', '01-sapporo'), 'cat': {'municipal': 'M1', 'prefectural': 'P1', 'national': 'A1'}},
     {'member': {}, 'request': {'operation': 'join', 'levels': LEVELS, 'municipal': '01-sapporo',
                                'categories': {'municipal': 'M1', 'prefectural': 'P1', 'national': 'A1'}}}),
    ('additional_join.prefectural', ['additional_join', 'prefectural'], {'member': ('13-chiyoda', '13-chiyoda'), 'cat': {'prefectural': 'A'}},
     {'member': {'municipal': '13-chiyoda', 'levels': ['municipal']},
      'request': {'operation': 'additional_join', 'levels': ['prefectural'], 'categories': {'prefectural': 'A'}}}),
    ('additional_join.national', ['additional_join', 'national'], {'member': ('仙台', '04-sendai'), 'cat': {'national': 'A2B'}},
     {'member': {'municipal': '04-sendai', 'levels': ['municipal', 'prefectural']},
      'request': {'operation': 'additional_join', 'levels': ['national'], 'categories': {'national': 'A2B'}}}),
    ('additional_join.prefectural_national', ['additional_join', 'prefectural_national'], {'member': ('横浜', '14-yokohama'), 'cat': {'prefectural': 'K1', 'national': 'A2C'}},
     {'member': {'municipal': '14-yokohama', 'levels': ['municipal']},
      'request': {'operation': 'additional_join', 'levels': ['prefectural', 'national'], 'categories': {'prefectural': 'K1', 'national': 'A2C'}}}),
    ('change.category', ['change', 'category'], {'held': 'national', 'member': ('13-chiyoda', '13-chiyoda'), 'change': ['national'], 'cat': {'national': 'B'}},
     {'member': {'municipal': '13-chiyoda', 'levels': LEVELS},
      'request': {'operation': 'change_category', 'levels': ['national'], 'categories': {'national': 'B'}}}),
    ('change.facility', ['change', 'facility'], {'held': 'prefectural', 'member': ('世田谷', '13-setagaya'), 'reason': '勤務先の変更'},
     {'member': {'municipal': '13-setagaya', 'levels': ['municipal', 'prefectural']},
      'request': {'operation': 'change_facility', 'reason': '勤務先の変更'}}),
    ('change.transfer', ['change', 'transfer'], {'held': 'national', 'member': ('13-chiyoda', '13-chiyoda'), 'to': ('札幌', '01-sapporo'), 'cat': {'municipal': 'S2', 'prefectural': 'H1'}, 'reason': '転居'},
     {'member': {'municipal': '13-chiyoda', 'levels': LEVELS},
      'request': {'operation': 'transfer', 'municipal': '01-sapporo', 'categories': {'municipal': 'S2', 'prefectural': 'H1'}, 'reason': '転居'}}),
    ('withdraw.m', ['withdraw', 'municipal_only'], {'member': ('13-chiyoda', '13-chiyoda')},
     {'member': {'municipal': '13-chiyoda', 'levels': ['municipal']}, 'request': {'operation': 'withdraw', 'levels': ['municipal']}}),
    ('withdraw.p_of_mp', ['withdraw', 'prefectural_keep_municipal'], {'member': ('13-shinjuku', '13-shinjuku')},
     {'member': {'municipal': '13-shinjuku', 'levels': ['municipal', 'prefectural']}, 'request': {'operation': 'withdraw', 'levels': ['prefectural']}}),
    ('withdraw.mp', ['withdraw', 'all_of_two'], {'member': ('13-shinjuku', '13-shinjuku')},
     {'member': {'municipal': '13-shinjuku', 'levels': ['municipal', 'prefectural']}, 'request': {'operation': 'withdraw', 'levels': ['municipal', 'prefectural']}}),
    ('withdraw.n', ['withdraw', 'national_only'], {'member': ('Chiyoda', '13-chiyoda')},
     {'member': {'municipal': '13-chiyoda', 'levels': LEVELS}, 'request': {'operation': 'withdraw', 'levels': ['national']}}),
    ('withdraw.pn', ['withdraw', 'prefectural_national'], {'member': ('14-yokohama', '14-yokohama')},
     {'member': {'municipal': '14-yokohama', 'levels': LEVELS}, 'request': {'operation': 'withdraw', 'levels': ['prefectural', 'national']}}),
    ('withdraw.all', ['withdraw', 'all_of_three'], {'member': ('01-sapporo', '01-sapporo')},
     {'member': {'municipal': '01-sapporo', 'levels': LEVELS}, 'request': {'operation': 'withdraw', 'levels': LEVELS}}),
]


class WebGuide(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server()
        cls.profile = tempfile.TemporaryDirectory(prefix='mg-web-chromium-')
        cls.browser = make_browser(cls.profile.name)
        cls.b = cls.browser
        cls.guide = {lg: cls.server.json('/v1/guide?lang=' + lg) for lg in ('ja', 'en')}
        cls.texts = {lg: cls.server.json('/v1/texts?lang=' + lg) for lg in ('ja', 'en')}
        os.makedirs(OUT, exist_ok=True)

    @classmethod
    def tearDownClass(cls):
        try:
            cls.browser.quit()
        finally:
            cls.server.stop()
            cls.profile.cleanup()

    # ---- helpers ---------------------------------------------------------------------------

    def setUp(self):
        self.b.set_window_size(1100, 900)
        self.open('/')
        self.b.execute_script("localStorage.clear();")
        self.open('/')

    def tearDown(self):
        # Every test: no console error, no request to another origin.
        logs = self.b.get_log('browser')
        errors = [e for e in logs if e['level'] in ('SEVERE', 'ERROR')]
        self.assertEqual(errors, [], 'console errors')
        for entry in self.b.get_log('performance'):
            m = json.loads(entry['message'])['message']
            if m.get('method') == 'Network.requestWillBeSent':
                url = m['params']['request']['url']
                if url.startswith(('chrome:', 'data:')) or url == 'about:blank':
                    continue  # the browser's own pages, not the guide's
                self.assertTrue(url.startswith(self.server.base + '/'),
                                'request to another origin: ' + url)

    def open(self, path):
        self.b.get(self.server.base + path)
        self.settle()

    def settle(self, timeout=10):
        WebDriverWait(self.b, timeout, poll_frequency=0.05).until(lambda d: d.execute_script(
            "return document.readyState === 'complete' && !!document.body.dataset.ready"
            " && !document.body.hasAttribute('aria-busy')"))

    def visible(self, css):
        return [e for e in self.b.find_elements(By.CSS_SELECTOR, css) if e.is_displayed()]

    def node(self, node_id, lg='ja'):
        return next(n for n in self.guide[lg]['nodes'] if n['id'] == node_id)

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

    def lang(self):
        return self.b.execute_script('return document.documentElement.lang')

    def pick_association(self, field, text, code):
        f = self.b.find_element(By.CSS_SELECTOR, '[data-param="%s"]' % field)
        f.clear()
        f.send_keys(text)
        # Enter picks the only match; with several, the suggestion button does.
        WebDriverWait(self.b, 5, poll_frequency=0.05).until(lambda d: self.visible(
            '#%s-list button' % f.get_attribute('id')) or 'hidden' == 'x')
        buttons = self.visible('#%s-list button' % f.get_attribute('id'))
        if len(buttons) == 1:
            f.send_keys(Keys.ENTER)
        else:
            next(b for b in buttons if b.get_attribute('data-code') == code).click()
        self.settle()
        WebDriverWait(self.b, 5, poll_frequency=0.05).until(lambda d: d.execute_script(
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

    def show(self):
        self.b.find_element(By.ID, 'show').click()
        self.settle()
        WebDriverWait(self.b, 5, poll_frequency=0.05).until(lambda d: d.find_element(By.ID, 'plan').is_displayed())

    def walk(self, mypage, path, inputs, proxy=False):
        self.answer(mypage)
        for v in path:
            self.answer(v)
        self.fill(inputs)
        if proxy:
            self.b.find_element(By.ID, 'proxy').click()
        self.show()

    def assert_plan_shown(self, expected):
        """The page's plan equals the library's: form, selection, ticks, steps, categories,
        manual, prerequisites, actor."""
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

    def expect(self, body, mypage='yes', proxy=False, lang='ja'):
        body = json.loads(json.dumps(body))
        body['member'].setdefault('mypage', mypage)
        if proxy:
            body['request']['proxy'] = True
        body['lang'] = lang
        return self.server.plan(body)

    def screenshot(self, name):
        self.b.execute_script('window.scrollTo(0, 0)')
        height = self.b.execute_script('return document.documentElement.scrollHeight')
        width = self.b.execute_script('return window.innerWidth')
        self.b.set_window_size(max(width, 360), min(max(height + 120, 600), 4000))
        path = os.path.join(OUT, name)
        self.b.save_screenshot(path)
        return path

    # ---- the walks -------------------------------------------------------------------------

    def test_all_cases(self):
        """The 14 cases of the guide, each ending in the library's plan."""
        leaves = {n['id'] for n in self.guide['ja']['nodes'] if n.get('request')}
        self.assertEqual({c[0] for c in CASES}, leaves)
        for case_id, path, inputs, body in CASES:
            with self.subTest(case=case_id):
                self.open('/')
                self.walk('yes', path, inputs)
                self.assertEqual(self.b.find_element(By.ID, 'inputs-heading').text, self.node(case_id)['title'])
                self.assert_plan_shown(self.expect(body))
                if case_id == 'join.national':
                    self.screenshot('web-join-national.png')

    def test_mypage_no_and_unknown(self):
        body = CASES[12][3]
        self.walk('no', CASES[12][1], CASES[12][2])
        expected = self.expect(body, mypage='no')
        self.assertEqual([q['kind'] for q in expected['prerequisites']], ['user_registration'])
        self.assert_plan_shown(expected)
        self.open('/')
        self.walk('unknown', CASES[12][1], CASES[12][2])
        expected = self.expect(body, mypage='unknown')
        self.assert_plan_shown(expected)
        pre = self.b.find_element(By.CSS_SELECTOR, '#plan-step1 .prerequisite[data-kind=mypage_check]')
        # the two checks, what to tell the doctor, and the desk
        self.assertEqual(len(expected['prerequisites'][0]['steps']), len(pre.find_elements(By.CSS_SELECTOR, 'li')))
        self.assertIn(self.texts['ja']['desk']['phone'], pre.text)
        self.screenshot('web-mypage-unknown.png')

    def test_proxy(self):
        case_id, path, inputs, body = CASES[2]
        self.walk('yes', path, inputs, proxy=True)
        expected = self.expect(body, proxy=True)
        self.assertEqual(expected['actor'], 'secretariat')
        self.assert_plan_shown(expected)

    def test_refusal_and_suggestion(self):
        """A transfer to the member's own association: the library refuses it and suggests a
        facility change; the button applies the suggestion."""
        inputs = {'held': 'prefectural', 'member': ('13-chiyoda', '13-chiyoda'), 'to': ('13-chiyoda', '13-chiyoda')}
        self.walk('yes', ['change', 'transfer'], inputs)
        body = {'member': {'municipal': '13-chiyoda', 'levels': ['municipal', 'prefectural']},
                'request': {'operation': 'transfer', 'municipal': '13-chiyoda', 'categories': {}}}
        expected = self.expect(body)
        self.assertFalse(expected['ok'])
        self.assertEqual(self.b.find_element(By.ID, 'plan').get_attribute('data-ok'), 'false')
        self.assertEqual(self.b.find_element(By.ID, 'refusal').get_attribute('data-code'), expected['error']['code'])
        self.assertEqual(self.b.find_element(By.ID, 'refusal-message').text, expected['error']['message'])
        suggestion = expected['error']['suggestion']
        self.assertIn(self.node('change.facility')['title'], self.b.find_element(By.ID, 'suggestion').text)
        button = self.b.find_element(By.ID, 'apply-suggestion')
        self.assertEqual(button.tag_name, 'button')
        button.click()
        self.settle()
        self.assert_plan_shown(self.expect({'member': body['member'], 'request': suggestion}))
        # Back returns to the refusal
        self.b.back()
        self.settle()
        self.assertEqual(self.b.find_element(By.ID, 'plan').get_attribute('data-ok'), 'false')

    def test_english(self):
        self.b.find_element(By.ID, 'switch-lang').click()
        self.settle()
        self.assertEqual(self.lang(), 'en')
        self.assertEqual(self.b.find_element(By.ID, 'title').text, self.texts['en']['texts']['title'])
        self.assertEqual(self.b.find_element(By.ID, 'switch-lang').text, self.texts['en']['texts']['switch_lang'])
        # only the language is stored in the browser
        stored = self.b.execute_script(
            'return [Object.keys(localStorage), sessionStorage.length, document.cookie]')
        self.assertEqual(stored, [['mamisguide.lang'], 0, ''])
        case_id, path, inputs, body = CASES[8]  # the transfer
        self.walk('yes', path, inputs)
        self.assertEqual(self.b.find_element(By.ID, 'show').text, 'Show the guide')
        self.assert_plan_shown(self.expect(body, lang='en'))
        self.screenshot('web-transfer-en.png')
        # the choice survives a reload; switching back re-renders the same place in Japanese
        self.b.refresh()
        self.settle()
        self.assertEqual(self.lang(), 'en')
        self.b.find_element(By.ID, 'switch-lang').click()
        self.settle()
        self.assertEqual(self.lang(), 'ja')
        self.assertEqual(self.b.find_element(By.ID, 'show').text, '案内を表示')
        self.assert_plan_shown(self.expect(body))

    def test_reload_and_back(self):
        case_id, path, inputs, body = CASES[6]  # change of category
        self.walk('yes', path, inputs)
        expected = self.expect(body)
        self.assert_plan_shown(expected)
        url = self.b.current_url
        self.b.refresh()
        self.settle()
        self.assert_plan_shown(expected)
        # a link sent to a colleague opens at the same place
        first = self.b.current_window_handle
        self.b.switch_to.new_window('tab')
        self.b.get(url)
        self.settle()
        self.assert_plan_shown(expected)
        self.b.close()
        self.b.switch_to.window(first)
        # Back: the form (without the plan), then one question back each time
        self.b.back()
        self.settle()
        self.assertFalse(self.b.find_element(By.ID, 'plan').is_displayed())
        self.assertTrue(self.b.find_element(By.ID, 'inputs').is_displayed())
        self.b.back()
        self.settle()
        self.assertEqual(self.b.find_element(By.ID, 'question-heading').text, self.node('change')['text'])
        self.b.back()
        self.settle()
        self.assertEqual(self.b.find_element(By.ID, 'question-heading').text, self.node('step2')['text'])
        # a broken link: back to where it still makes sense, with a message
        self.open('/?path=yes,nonsense')
        self.assertEqual(self.b.find_element(By.ID, 'question-heading').text, self.node('step2')['text'])
        self.assertTrue(self.b.find_element(By.ID, 'alert').is_displayed())

    def test_print_view(self):
        case_id, path, inputs, body = CASES[2]
        self.walk('unknown', path, inputs)
        self.b.execute_cdp_cmd('Emulation.setEmulatedMedia', {'media': 'print'})
        try:
            for css in ('#controls', '#inputs', '#trail-section', '#apply-suggestion'):
                for e in self.b.find_elements(By.CSS_SELECTOR, css):
                    self.assertFalse(e.is_displayed(), css)
            self.assertTrue(self.b.find_element(By.ID, 'plan').is_displayed())
            # the boxes to tick are drawn
            box = self.b.find_element(By.CSS_SELECTOR, '#plan-checked input')
            style = self.b.execute_script(
                'const s = getComputedStyle(arguments[0]); return [s.borderTopStyle, s.borderTopWidth, s.width]', box)
            self.assertEqual(style[0], 'solid')
            self.assertNotEqual(style[1], '0px')
            # the desk's contact is the last thing on the sheet
            sections = self.visible('#plan-body > *')
            self.assertEqual(sections[-1].get_attribute('id'), 'desk')
            self.screenshot('web-print.png')
        finally:
            self.b.execute_cdp_cmd('Emulation.setEmulatedMedia', {'media': ''})
        # one A4 sheet
        pdf = self.b.execute_cdp_cmd('Page.printToPDF', {'paperWidth': 8.27, 'paperHeight': 11.69,
                                                         'preferCSSPageSize': True})
        data = base64.b64decode(pdf['data'])
        pages = data.count(b'/Type /Page') - data.count(b'/Type /Pages')
        if pages <= 0:
            pages = data.count(b'/Type/Page') - data.count(b'/Type/Pages')
        self.assertEqual(pages, 1, 'the print view is one A4 sheet')
        with open(os.path.join(OUT, 'web-print.pdf'), 'wb') as f:
            f.write(data)

    def test_keyboard_only(self):
        """One walk with the keyboard alone: Tab to the answer, Enter; type into the field and
        Enter; Tab to the button. The focus is always visible."""
        body = CASES[12][3]

        def tab_to(pred, limit=40):
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
        WebDriverWait(self.b, 5, poll_frequency=0.05).until(lambda d: d.find_element(By.CSS_SELECTOR, '.association').get_attribute('data-code') == '13-chiyoda')
        tab_to(lambda e: e.get_attribute('id') == 'show')
        press(Keys.ENTER)
        WebDriverWait(self.b, 5, poll_frequency=0.05).until(lambda d: d.find_element(By.ID, 'plan').is_displayed())
        self.assert_plan_shown(self.expect(body))
        self.assertEqual(self.b.switch_to.active_element.get_attribute('id'), 'plan-heading')
        # the ticks are checkboxes a secretariat can tick with Space
        tab_to(lambda e: e.get_attribute('id') == 'tick-0')
        press(Keys.SPACE)
        self.assertTrue(self.b.find_element(By.ID, 'tick-0').is_selected())

    def test_narrow_screen(self):
        """360 px wide: nothing runs off the side."""
        self.b.set_window_size(360, 800)
        case_id, path, inputs, body = CASES[8]
        self.walk('yes', path, inputs)
        self.assert_plan_shown(self.expect(body))
        overflow = self.b.execute_script(
            'return document.documentElement.scrollWidth - document.documentElement.clientWidth')
        self.assertLessEqual(overflow, 0)

    def test_endpoints(self):
        """The two endpoints the page adds: its words and a leaf's category questions."""
        st, t = self.server.fetch('/v1/texts?lang=en')
        self.assertEqual((st, t['lang'], t['texts']['show']), (200, 'en', 'Show the guide'))
        self.assertEqual([h['levels'] for h in t['held']],
                         [['municipal'], ['municipal', 'prefectural'], LEVELS])
        self.assertEqual(self.server.fetch('/v1/texts?lang=xx')[0], 400)
        self.assertEqual(self.server.fetch('/v1/texts?leaf=x')[0], 400)
        st, c = self.server.fetch('/v1/guide/categories?leaf=join.national&to=13-chiyoda')
        self.assertEqual(st, 200)
        self.assertEqual([(q['level'], q['code']) for q in c['categories']],
                         [('municipal', '13-chiyoda'), ('prefectural', '13'), ('national', '00')])
        jma = c['categories'][2]['choices']
        self.assertEqual([x['code'] for x in jma], ['A1', 'A2B', 'A2C', 'B', 'C'])
        self.assertTrue(all(x['description'] for x in jma))
        st, c = self.server.fetch('/v1/guide/categories?leaf=change.transfer&member=13-chiyoda'
                                  '&held=municipal,prefectural,national&to=13-shinjuku&lang=en')
        self.assertEqual([(q['level'], q['code']) for q in c['categories']], [('municipal', '13-shinjuku')])
        st, c = self.server.fetch('/v1/guide/categories?leaf=join.municipal&to=99-nowhere')
        self.assertEqual((st, c['error']['code']), (200, 'unknown_association'))
        for q in ('leaf=withdraw.n&member=13-chiyoda', 'leaf=nowhere', 'leaf=join.municipal',
                  'leaf=change.category&member=13-chiyoda&held=bogus',
                  'leaf=change.category&member=13-chiyoda&held=municipal,municipal',
                  'leaf=join.municipal&to=13-chiyoda&extra=1'):
            st, c = self.server.fetch('/v1/guide/categories?' + q)
            self.assertEqual(st, 400, q)
            self.assertFalse(c['ok'], q)

    def test_page_rules(self):
        """Headers, the static page: no inline script or style, no innerHTML, no word in the
        page, and no field for a registration number or a birth date."""
        status, headers, html = self.server.get('/')
        h = {k.lower(): v for k, v in headers.items()}
        self.assertEqual(status, 200)
        self.assertEqual(h['content-security-policy'], "default-src 'self'")
        self.assertEqual(h['x-content-type-options'], 'nosniff')
        self.assertEqual(h['referrer-policy'], 'no-referrer')
        self.assertTrue(h['content-type'].startswith('text/html'))
        page = html.decode()
        self.assertIn('<html lang="ja">', page)
        self.assertNotIn('<script>', page)
        self.assertNotIn('style=', page)
        for asset in ('/app.js', '/style.css', '/icon.svg'):
            s, hh, data = self.server.get(asset)
            self.assertEqual(s, 200, asset)
            text = data.decode()
            self.assertFalse(any(ord(c) > 0x2fff for c in text), asset + ' has no Japanese word')
        self.assertFalse(any(ord(c) > 0x2fff for c in page))
        js = self.server.get('/app.js')[2].decode()
        self.assertNotIn('innerHTML', js)
        self.assertNotIn('insertAdjacentHTML', js)
        # every input on every leaf form: none asks for a registration number or birth date
        for case_id, path, inputs, body in CASES[:9]:
            self.open('/?path=' + ','.join(['yes'] + path))
            for e in self.b.find_elements(By.CSS_SELECTOR, 'input'):
                self.assertNotIn(e.get_attribute('type'), ('date', 'number', 'password'))
                self.assertNotIn((e.get_attribute('name') or '') + (e.get_attribute('id') or ''),
                                 ('birth', 'registration'))


if __name__ == '__main__':
    unittest.main(argv=[sys.argv[0], '-v'] + sys.argv[4:])
