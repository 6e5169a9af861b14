#!/usr/bin/python3
# SPDX-FileCopyrightText: 2026 The mamisguide authors
# SPDX-License-Identifier: Apache-2.0
"""The single-file web guide (build-wasm/mamisguide.html, scripts/wasm.sh) in a real browser:
Debian's headless Chromium through chromium-driver and python3-selenium, the file opened from
disk (file://) with every host unreachable (--host-resolver-rules), in a time zone other than
Japan's (TZ=America/New_York), in one Chromium session.

    /usr/bin/python3 test_single_file.py MAMISGUIDE SOURCE_DIR OUT_DIR MAMISGUIDE_HTML

It walks the guide's 14 cases with the engine in the page and checks every plan against the
native library's answer to the same request (a `mamisguide serve` on loopback that the browser
never sees: the expected answers only), with axe-core at every step; a walk with the keyboard
alone; 360 CSS px; the print sheet; a URL that reproduces a walk; the desk's hours in Japan time
at fixed instants; the office's own master: a CP932 file from Excel through the file input, kept
in the browser and forgotten, a refused file with the loader's line in Japanese and English, and
a picture and a 200 MB file refused at once without being read (the master in use stays). After
every test: no console error, nothing loaded but the one file (chromedriver's performance log and
the Performance API), nothing stored but the language and the master. Screenshots for
docs/ja/ go to OUT_DIR.
"""
import base64
import datetime
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unittest
import urllib.parse

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from guide_walk import CASES, GuideWalk, Server, axe_source, make_browser

CLI, SOURCE, OUT, HTML = sys.argv[1:5] if len(sys.argv) >= 5 else (None, None, None, None)
CP932_MASTER = os.path.join(SOURCE or '.', 'tests', 'fuzz', 'corpus', 'master',
                            'ok-excel-cp932-windows-characters.csv')
PICTURE = os.path.join(SOURCE or '.', 'docs', 'web-guide.png')
TZ = 'America/New_York'

# Installed in every document before its own scripts (CDP; not part of the page): records the
# size of every Blob read whole (so a file refused unread can be told from one read), and, when
# the URL's fragment says mg-now=MS, fixes the clock at that instant (the desk's hours).
INSTRUMENT = """
(() => {
  window.__mgReads = [];
  const read = Blob.prototype.arrayBuffer;
  Blob.prototype.arrayBuffer = function () { window.__mgReads.push(this.size); return read.call(this); };
  const m = /[#&]mg-now=(\\d+)/.exec(location.hash);
  if (m) { const t = Number(m[1]); Date.now = () => t; }
})();
"""


def instant_ms(iso):
    return int(datetime.datetime.fromisoformat(iso).timestamp() * 1000)


class SingleFile(GuideWalk, unittest.TestCase):
    OUT = OUT

    @classmethod
    def setUpClass(cls):
        cls.started = time.time()
        cls.axe = axe_source()
        # The native library's answers on the same bundled sample master (no catalogue).
        cls.native = Server(CLI)
        cls.guide = {lg: cls.native.json('/v1/guide?lang=' + lg) for lg in ('ja', 'en')}
        cls.texts = {lg: cls.native.json('/v1/texts?lang=' + lg) for lg in ('ja', 'en')}
        cls.tmp = tempfile.mkdtemp(prefix='mg-single-file-')
        # The file as a secretariat saves it: alone in a folder.
        cls.page = os.path.join(cls.tmp, 'mamisguide.html')
        shutil.copyfile(HTML, cls.page)
        cls.url = 'file://' + urllib.parse.quote(cls.page)
        cls.profile = tempfile.TemporaryDirectory(prefix='mg-single-file-chromium-')
        cls.b = make_browser(cls.profile.name, offline=True, env=dict(os.environ, TZ=TZ))
        cls.b.execute_cdp_cmd('Page.addScriptToEvaluateOnNewDocument', {'source': INSTRUMENT})
        os.makedirs(OUT, exist_ok=True)

    @classmethod
    def tearDownClass(cls):
        try:
            cls.b.quit()
        finally:
            cls.native.stop()
            cls.profile.cleanup()
            shutil.rmtree(cls.tmp, ignore_errors=True)
        print('axe-core: %d runs, no violation, %.1f s; the whole test %.1f s'
              % (cls.axe_runs, cls.axe_seconds, time.time() - cls.started))

    def home(self):
        return self.url

    def open(self, query=''):
        self.b.get(self.url + query)
        self.settle()

    def setUp(self):
        self.b.set_window_size(1100, 900)
        self.open()
        self.b.execute_script('localStorage.clear();')
        self.open()
        self.requested_urls()  # the log so far

    def tearDown(self):
        self.assertEqual(self.console_errors(), [], 'console errors')
        # Nothing but the one file: chromedriver's log of every request, and the page's own
        # Performance API (no resource loaded; the navigation is the file).
        for url in self.requested_urls():
            if url.startswith('data:'):
                continue  # the icon, inside the file
            self.assertEqual(url.split('?')[0].split('#')[0], self.url, 'loaded besides the file: ' + url)
        entries = self.b.execute_script(
            "return [performance.getEntriesByType('navigation').map((e) => e.name),"
            " performance.getEntriesByType('resource').map((e) => e.name)]")
        self.assertTrue(all(n.startswith(self.url) for n in entries[0]), entries)
        self.assertEqual([n for n in entries[1] if not n.startswith('data:')], [], 'resources loaded')
        # Nothing stored but the language and the office's master.
        stored = self.b.execute_script(
            'return [Object.keys(localStorage), sessionStorage.length, document.cookie]')
        self.assertTrue(set(stored[0]) <= {'mamisguide.lang', 'mamisguide.master'}, stored)
        self.assertEqual(stored[1:], [0, ''])

    def expect(self, body, mypage='yes', proxy=False, lang='ja'):
        body = json.loads(json.dumps(body))
        body['member'].setdefault('mypage', mypage)
        if proxy:
            body['request']['proxy'] = True
        body['lang'] = lang
        return self.native.plan(body)

    def cli(self, *args, cwd=None, stdin=b''):
        r = subprocess.run([CLI] + list(args), input=stdin, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, cwd=cwd, check=False)
        return r.returncode, r.stdout.decode(), r.stderr.decode()

    def load_master(self, path):
        """Chooses `path` in the file input, as a person does, and waits for the page."""
        started = time.time()
        self.b.find_element(By.ID, 'master-file').send_keys(path)
        self.settle(timeout=30)
        return time.time() - started

    def master_state(self):
        e = self.b.find_element(By.ID, 'master-state')
        return e.get_attribute('data-sample'), e.text

    # ---- the file itself -------------------------------------------------------------------

    def test_the_file(self):
        """One file of at most 2 MiB: its script and style allowed by hash and nothing else, no
        network (a fetch is refused), no other file named."""
        with open(HTML, 'rb') as f:
            data = f.read()
        self.assertLessEqual(len(data), 2 * 1024 * 1024)
        html = data.decode('utf-8')
        csp = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', html).group(1)
        rules = dict((r.split(' ', 1) + [''])[:2] for r in csp.split('; '))
        self.assertEqual(rules['default-src'], "'none'")
        self.assertEqual(rules['connect-src'], "'none'")
        self.assertEqual(rules['img-src'], 'data:')
        scripts = re.findall(r'<script type="module">(.*?)</script>', html, re.S)
        styles = re.findall(r'<style>(.*?)</style>', html, re.S)
        self.assertEqual((len(scripts), len(styles)), (1, 1))
        sha = lambda t: "'sha256-%s'" % base64.b64encode(hashlib.sha256(t.encode()).digest()).decode()
        self.assertEqual(rules['script-src'], sha(scripts[0]) + " 'wasm-unsafe-eval'")
        self.assertEqual(rules['style-src'], sha(styles[0]))
        self.assertNotIn('unsafe-inline', csp)
        self.assertNotIn("'unsafe-eval'", csp)
        self.assertNotIn('<script src', html)
        self.assertNotIn('<link rel="stylesheet"', html)
        self.assertNotRegex(scripts[0], r'\binnerHTML\b|insertAdjacentHTML|document\.write')
        # The page cannot reach the network even if it tried.
        outcome = self.b.execute_async_script(
            'const done = arguments[0]; let seen = null;'
            'document.addEventListener("securitypolicyviolation", (e) => { seen = e.violatedDirective; });'
            'fetch("https://example.com/").then(() => done(["fetched", seen]),'
            ' () => setTimeout(() => done(["refused", seen]), 50));')
        self.assertEqual(outcome, ['refused', 'connect-src'])
        self.console_errors()  # the refusal is logged: not an error of the page's own
        print('mamisguide.html: %d bytes' % len(data))

    # ---- the walks (the same code as the served page's) ------------------------------------

    def test_all_cases(self):
        """The 14 cases, with the engine in the page; axe at every step."""
        self.walk_all_cases(shot='single-join-national.png')

    def test_keyboard_only(self):
        self.walk_keyboard_only()

    def test_narrow_screen(self):
        self.walk_narrow()

    def test_print_view(self):
        self.print_sheet('single-print.png', 'single-print.pdf')

    def test_mypage_unknown_proxy_english(self):
        case_id, path, inputs, body = CASES[2]
        self.walk('unknown', path, inputs, proxy=True)
        self.assert_plan_shown(self.expect(body, mypage='unknown', proxy=True))
        # the sample's note in the page's own words, not the command line's
        note = self.b.find_element(By.CSS_SELECTOR, '#plan-notes li[data-kind=sample_directory]')
        self.assertEqual(note.text, self.texts['ja']['texts']['sample_note'])
        self.b.find_element(By.ID, 'switch-lang').click()
        self.settle()
        self.assertEqual(self.lang(), 'en')
        self.assert_plan_shown(self.expect(body, mypage='unknown', proxy=True, lang='en'))
        self.check_a11y('the plan in English')

    # ---- the URL and the clock ---------------------------------------------------------------

    def test_url_and_desk_hours_in_japan_time(self):
        """A URL with a walk in its query opens at that plan; the desk's hours are Japan time
        whatever the computer's time zone (Chromium runs in New York time here)."""
        query = '?path=yes,withdraw,national_only&member=13-chiyoda&plan=1'
        body = CASES[12][3]
        for iso, is_open in (('2026-12-07T11:00:00+09:00', True),   # Monday 11:00 in Tokyo
                             ('2026-12-30T11:00:00+09:00', False),  # the year's end
                             ('2026-12-07T09:30:00+09:00', False)):  # before opening, same day
            with self.subTest(at=iso):
                ms = instant_ms(iso)
                # A new document each time (a URL that differs only in its fragment would not
                # load the page again, and the clock would stay at the last instant).
                self.b.get('about:blank')
                self.open(query + '#mg-now=%d' % ms)
                self.assert_plan_shown(self.expect(body))
                # In New York it is the evening before: a page using the local clock would differ.
                local = self.b.execute_script('return [new Date(Date.now()).getHours(), new Date(Date.now()).getDate()]')
                self.assertNotEqual(local, [int(iso[11:13]), int(iso[8:10])])
                status, want = self.native.fetch('/v1/support?at=%s' % urllib.parse.quote(iso))
                self.assertEqual(status, 200)
                self.assertEqual(want['open'], is_open)
                line = self.b.find_element(By.CSS_SELECTOR, '#desk .desk-status')
                self.assertEqual(line.get_attribute('data-open'), 'true' if is_open else 'false')
                self.assertIn(want['status_label'], line.text)
                if not is_open:
                    self.assertIn(want['reason_label'], line.text)
                    self.assertIn(want['next_open'][:10] + ' ' + want['next_open'][11:16], line.text)

    # ---- the office's own master ----------------------------------------------------------------

    def test_master_cp932_kept_and_forgotten(self):
        """A CP932 master from Excel (～ － ① 﨑 髙) through the file input: read as native reads
        it, used by the walk, kept in the browser (its name and bytes only), forgotten."""
        self.assertTrue(self.b.find_element(By.ID, 'master').is_displayed())
        self.assertTrue(self.b.find_element(By.ID, 'sample-badge').is_displayed())
        self.assertEqual(self.master_state(), ('true', self.texts['ja']['texts']['master_sample']))
        self.b.find_element(By.ID, 'usage-heading').click()
        self.check_a11y('the first page, 使い方 open')
        self.screenshot('ja-first-page.png')
        self.b.set_window_size(1100, 900)
        self.b.find_element(By.ID, 'usage-heading').click()

        took = self.load_master(CP932_MASTER)
        name = os.path.basename(CP932_MASTER)
        self.assertEqual(self.master_state(),
                         ('false', self.texts['ja']['texts']['master_loaded'].replace('{name}', name).replace('{n}', '5')))
        self.assertFalse(self.b.find_element(By.ID, 'sample-badge').is_displayed())
        # the loader's notices, as the native loader words them for the same file
        rc, _, err = self.cli('directory', '--directory', name, '--json', cwd=os.path.dirname(CP932_MASTER))
        self.assertEqual(rc, 0)
        want = [line[len('mamisguide: '):] for line in err.splitlines() if line.startswith('mamisguide: ' + name)]
        self.assertEqual([li.text for li in self.b.find_elements(By.CSS_SELECTOR, '#master-notices li')], want)
        self.assertTrue(want)
        self.check_a11y('a master loaded')
        print('a CP932 master loaded through the file input in %.2f s' % took)
        # kept: its name and its bytes, nothing else
        kept = json.loads(self.b.execute_script("return localStorage.getItem('mamisguide.master')"))
        self.assertEqual(set(kept), {'name', 'data'})
        with open(CP932_MASTER, 'rb') as f:
            self.assertEqual(base64.b64decode(kept['data']), f.read())
        self.assertEqual(kept['name'], name)

        # a walk with the office's associations: the names decoded exactly as native decodes them
        body = {'member': {'municipal': '14-kawasaki', 'levels': ['municipal', 'prefectural', 'national']},
                'request': {'operation': 'withdraw', 'levels': ['national']}}
        self.walk('yes', ['withdraw', 'national_only'], {'member': ('川﨑', '14-kawasaki')})
        req = dict(body, lang='ja')
        req['member'] = dict(body['member'], mypage='yes')
        rc, out, _ = self.cli('batch', '-q', '--directory', CP932_MASTER, stdin=(json.dumps(req) + '\n').encode())
        expected = json.loads(out.splitlines()[0])
        expected.pop('line', None)
        self.assert_plan_shown(expected)
        self.assertNotIn('sample_directory', [n['kind'] for n in expected['notes']])
        self.screenshot('ja-plan.png')
        self.b.set_window_size(1100, 900)

        # kept across a reload; then forgotten: the sample again, nothing kept
        self.open()
        self.assertEqual(self.master_state()[0], 'false')
        self.screenshot('ja-master-loaded.png')
        self.b.set_window_size(1100, 900)
        self.b.find_element(By.ID, 'master-forget').click()
        self.settle()
        self.assertEqual(self.master_state()[0], 'true')
        self.assertIsNone(self.b.execute_script("return localStorage.getItem('mamisguide.master')"))
        self.assertEqual(self.b.switch_to.active_element.get_attribute('id'), 'master-file')

        # not kept when the box is unticked
        self.b.find_element(By.ID, 'master-keep').click()
        self.load_master(CP932_MASTER)
        self.assertEqual(self.master_state()[0], 'false')
        self.assertIsNone(self.b.execute_script("return localStorage.getItem('mamisguide.master')"))
        self.open()
        self.assertEqual(self.master_state()[0], 'true')

    def test_master_refused_with_its_line(self):
        """A refused master: the loader's refusal with its line, in the page's language, as the
        native loader gives it; the master in use stays."""
        bad = os.path.join(self.tmp, '会員医師会一覧.csv')
        with open(bad, 'w', encoding='cp932', newline='') as f:
            f.write('医師会コード,医師会名,都道府県\r\n13-a,甲医師会,13\r\n13-b,乙医師会,東京府\r\n')
        before = self.master_state()
        for lang in ('ja', 'en'):
            with self.subTest(lang=lang):
                if lang == 'en':
                    self.b.find_element(By.ID, 'switch-lang').click()
                    self.settle()
                    before = self.master_state()
                self.load_master(bad)
                rc, _, err = self.cli('directory', '--directory', os.path.basename(bad), '--lang', lang,
                                      cwd=self.tmp)
                self.assertEqual(rc, 2)
                want = err.strip().splitlines()[-1][len('mamisguide: '):]
                self.assertIn(':3: ', want)  # the line
                alert = self.b.find_element(By.ID, 'master-alert')
                self.assertTrue(alert.is_displayed())
                self.assertEqual(alert.get_attribute('role'), 'alert')
                refusal = self.b.find_element(By.ID, 'master-refusal')
                self.assertEqual(refusal.text, want)
                self.assertEqual(refusal.get_attribute('data-kind'), 'unknown_prefecture')
                self.assertIn(self.texts[lang]['texts']['master_refused'], alert.text)
                self.assertEqual(self.master_state(), before)  # the master in use stays
                self.check_a11y('a refused master (%s)' % lang)
                if lang == 'ja':
                    self.screenshot('ja-master-refused.png')
                    self.b.set_window_size(1100, 900)
        self.assertIsNone(self.b.execute_script("return localStorage.getItem('mamisguide.master')"))

    def test_not_a_master_refused_at_once(self):
        """A picture and a 200 MB file: refused from their beginning and their size, without
        being read; the office's master in use stays; the tab answers at once."""
        self.load_master(CP932_MASTER)
        in_use = self.master_state()
        self.assertEqual(in_use[0], 'false')
        big = os.path.join(self.tmp, 'big.csv')
        with open(big, 'wb') as f:
            f.write(b'code,name,prefecture\n')
            f.truncate(200 * 1024 * 1024)  # sparse: 200 MB without the disk space
        for path, kind in ((PICTURE, 'not_text'), (big, 'too_large')):
            with self.subTest(file=os.path.basename(path)):
                self.b.execute_script('window.__mgReads = [];')
                took = self.load_master(path)
                refusal = self.b.find_element(By.ID, 'master-refusal')
                self.assertEqual(refusal.get_attribute('data-kind'), kind)
                self.assertTrue(refusal.text.startswith(os.path.basename(path) + ': '), refusal.text)
                reads = self.b.execute_script('return window.__mgReads')
                self.assertTrue(reads and max(reads) <= 4096, 'read only its beginning: %s' % reads)
                self.assertEqual(self.master_state(), in_use)
                # the tab answers: the guide goes on
                self.b.find_element(By.CSS_SELECTOR, '#answers button[data-value=yes]').click()
                self.settle()
                self.b.back()
                self.settle()
                print('%s refused (%s) in %.2f s, having read %d bytes'
                      % (os.path.basename(path), kind, took, max(reads)))
        _, _, err = self.cli('directory', '--directory', PICTURE, '--lang', 'en')
        self.assertIn('not a CSV or JSON text file', err)


if __name__ == '__main__':
    if not HTML or not os.path.exists(HTML):
        required = os.environ.get('MAMISGUIDE_REQUIRE_WASM') == '1'
        print('%s: %s has not been built (scripts/wasm.sh makes it; it needs Debian\'s emscripten)'
              % ('FAIL (MAMISGUIDE_REQUIRE_WASM=1)' if required else 'skipped', HTML))
        sys.exit(1 if required else 77)
    unittest.main(argv=[sys.argv[0], '-v'] + sys.argv[5:])
