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
import json
import os
import sys
import tempfile
import time
import unittest

from selenium.webdriver.common.by import By

from guide_walk import CASES, LEVELS, GuideWalk, Server, axe_source, make_browser

CLI, SOURCE, OUT = sys.argv[1:4] if len(sys.argv) >= 4 else (None, None, None)
MASTER = os.path.join(SOURCE or '.', 'data', 'sample-municipal.csv')
CATEGORIES = os.path.join(SOURCE or '.', 'data', 'sample-categories.csv')


class WebGuide(GuideWalk, unittest.TestCase):
    OUT = OUT

    @classmethod
    def setUpClass(cls):
        cls.axe = axe_source()
        cls.server = Server(CLI, '--directory', MASTER, '--categories', CATEGORIES)
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
        print('axe-core: %d runs, no violation, %.1f s' % (cls.axe_runs, cls.axe_seconds))

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

    def home(self):
        return self.server.base + '/'

    def expect(self, body, mypage='yes', proxy=False, lang='ja'):
        body = json.loads(json.dumps(body))
        body['member'].setdefault('mypage', mypage)
        if proxy:
            body['request']['proxy'] = True
        body['lang'] = lang
        return self.server.plan(body)

    # ---- the walks -------------------------------------------------------------------------

    def test_all_cases(self):
        """The 14 cases of the guide, each ending in the library's plan; axe at every step."""
        self.walk_all_cases(shot='web-join-national.png')

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
        self.print_sheet('web-print.png', 'web-print.pdf')

    def test_keyboard_only(self):
        self.walk_keyboard_only()

    def test_narrow_screen(self):
        """360 px wide: nothing runs off the side, at any step of a walk."""
        self.walk_narrow()

    def test_usage_and_download(self):
        """使い方 on the page; the single file offered for download when the server has it."""
        steps = self.b.find_elements(By.CSS_SELECTOR, '#usage-steps li')
        t = self.texts['ja']['texts']
        for key in ('usage_walk', 'usage_show', 'usage_print', 'usage_share'):
            self.assertIn(t[key], [s.get_attribute('textContent') for s in steps])
        self.assertNotIn(t['usage_master'], [s.get_attribute('textContent') for s in steps])
        status = self.server.fetch_status('/mamisguide.html')
        links = self.b.find_elements(By.ID, 'download')
        self.assertEqual(len(links), 1 if status == 200 else 0)
        if links:
            self.assertEqual(links[0].get_attribute('download'), 'mamisguide.html')
            self.assertTrue(links[0].get_attribute('href').endswith('/mamisguide.html'))
        # the single file's master panel and sample mark are not on the served page
        self.assertFalse(self.b.find_element(By.ID, 'master').is_displayed())
        self.assertFalse(self.b.find_element(By.ID, 'sample-badge').is_displayed())
        self.b.find_element(By.ID, 'usage-heading').click()
        self.check_a11y('使い方, open')

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
        for asset in ('/app.js', '/backend.js', '/style.css', '/icon.svg'):
            s, hh, data = self.server.get(asset)
            self.assertEqual(s, 200, asset)
            text = data.decode()
            self.assertFalse(any(ord(c) > 0x2fff for c in text), asset + ' has no Japanese word')
        self.assertFalse(any(ord(c) > 0x2fff for c in page))
        for script in ('/app.js', '/backend.js'):
            js = self.server.get(script)[2].decode()
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
