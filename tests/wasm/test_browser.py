#!/usr/bin/python3
# SPDX-FileCopyrightText: 2026 The mamisguide authors
# SPDX-License-Identifier: Apache-2.0
"""The package's ES module in a real browser: Debian's headless Chromium through chromium-driver
and python3-selenium (as tests/web/test_web.py starts it), in a time zone other than Japan's.

A page served from a local directory on a loopback port, under a Content-Security-Policy that
allows no network and no eval (default-src 'none'; connect-src 'none'; scripts from the page's
own origin and 'wasm-unsafe-eval' to compile the WebAssembly), imports the installed package's
index.mjs, makes an engine from a master's bytes and one on the sample master, and runs a plan,
a refusal, planJson on bytes, a batch, the desk at an instant, the holidays, a wrong type and a
refused master. Every answer must equal the native library's (tests/wasm/native.c); the console
must hold no error, and nothing may be requested but the page, its script and the module.

    /usr/bin/python3 test_browser.py        (ctest: wasm_browser; environment from CMake)
"""
import datetime
import http.server
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import unittest

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

PROJECT = os.environ.get('MG_WASM_PROJECT', '')
NATIVE = os.environ.get('MG_NATIVE', '')
SOURCE = os.environ.get('MG_SOURCE_DIR', '.')
PACKAGE = os.path.join(PROJECT, 'node_modules', 'mamisguide')
MASTER = os.path.join(SOURCE, 'data', 'sample-municipal.csv')
CSP = ("default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'none'; "
       "base-uri 'none'; form-action 'none'")

PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>mamisguide in the browser</title></head>
<body><pre id="out">running</pre><script type="module" src="test.mjs"></script></body></html>
"""

SCRIPT = """
import { createEngine } from './mamisguide/index.mjs';
const out = document.getElementById('out');
const result = {};
try {
  const master = new Uint8Array(await (await import('./master.mjs')).default);
  const e = await createEngine({ directory: master });
  const request = %(request)s;
  result.plan = e.plan(request);
  result.planJson = e.planJson(JSON.stringify(request));
  result.refusal = e.planJson(%(refused)s);
  const bytes = e.planJson(new TextEncoder().encode(JSON.stringify(request)));
  result.bytesAreBytes = bytes instanceof Uint8Array;
  result.bytes = new TextDecoder().decode(bytes);
  // answers in bytes kept while more calls happen (views of shared slabs): none written over
  const encoded = [new TextEncoder().encode(JSON.stringify(request)), new TextEncoder().encode(%(refused)s)];
  const kept = [];
  for (let i = 0; i < 2000; ++i) {
    kept.push(e.planJson(encoded[i %% 2]));
    if (i %% 7 === 0) e.planJson(JSON.stringify(request));
  }
  result.kept = [0, 1].map((k) => [...new Set(kept.filter((_, i) => i %% 2 === k).map((b) => new TextDecoder().decode(b)))]);
  result.keptBytes = kept.reduce((n, b) => n + b.length, 0);
  result.batch = e.batch(JSON.stringify(request) + '\\n\\n' + %(refused)s);
  result.support = e.support(new Date(%(at_ms)d));
  result.supportIso = e.support('2026-12-30T11:00:00+09:00');
  result.localHour = new Date(%(at_ms)d).getHours();
  result.holidays = e.holidays(2026, 'en');
  try { e.planJson(42); } catch (err) { result.typeError = [err.name, err.code, err.message]; }
  try { await createEngine({ directory: 'code,name\\n' }); } catch (err) { result.refused = err.detail; }
  const s = await createEngine();
  result.sample = [s.sample, s.planJson(JSON.stringify(request))];
  result.version = e.version;
  e.close(); s.close();
  result.closed = e.closed;
} catch (err) {
  result.error = String(err && err.stack || err);
}
out.textContent = JSON.stringify(result);
out.dataset.done = '1';
"""

REQUEST = {'member': {'municipal': '13-chiyoda', 'levels': ['municipal', 'prefectural', 'national']},
           'request': {'operation': 'withdraw', 'levels': ['national']}}
REFUSED = json.dumps({'member': {'municipal': '13-chiyoda', 'levels': ['municipal', 'prefectural', 'national']},
                      'request': {'operation': 'withdraw', 'levels': ['municipal']}, 'lang': 'en'})
AT_MS = int(datetime.datetime.fromisoformat('2026-12-30T11:00:00+09:00').timestamp()) * 1000


def native(args, stdin=b''):
    r = subprocess.run([NATIVE] + args, input=stdin, stdout=subprocess.PIPE, check=False)
    return r.stdout.decode('utf-8')


def native_call(loads, *call):
    text = native(loads + ['--call'] + [str(c) for c in call])
    status, _, body = text.partition('\n')
    return int(status.split()[1]), body[:-1]


class Handler(http.server.SimpleHTTPRequestHandler):
    requested = []

    def end_headers(self):
        self.send_header('Content-Security-Policy', CSP)
        self.send_header('Cache-Control', 'no-store')
        super().end_headers()

    def log_message(self, fmt, *args):
        Handler.requested.append(self.path)


class BrowserTest(unittest.TestCase):
    def test_module_in_chromium(self):
        root = tempfile.mkdtemp(prefix='mg-wasm-browser-')
        try:
            shutil.copytree(PACKAGE, os.path.join(root, 'mamisguide'))
            with open(MASTER, 'rb') as f:
                master = list(f.read())
            with open(os.path.join(root, 'master.mjs'), 'w') as f:
                f.write('export default %s;\n' % json.dumps(master))
            with open(os.path.join(root, 'index.html'), 'w') as f:
                f.write(PAGE)
            with open(os.path.join(root, 'test.mjs'), 'w') as f:
                f.write(SCRIPT % {'request': json.dumps(REQUEST), 'refused': json.dumps(REFUSED),
                                  'at_ms': AT_MS})
            server = http.server.ThreadingHTTPServer(
                ('127.0.0.1', 0), lambda *a: Handler(*a, directory=root))
            threading.Thread(target=server.serve_forever, daemon=True).start()
            url = 'http://127.0.0.1:%d/index.html' % server.server_address[1]
            profile = tempfile.mkdtemp(prefix='mg-wasm-chromium-')
            o = webdriver.ChromeOptions()
            o.binary_location = '/usr/bin/chromium'
            for flag in ('--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
                         '--disable-background-networking', '--disable-component-update',
                         '--disable-sync', '--disable-dev-shm-usage', '--user-data-dir=' + profile):
                o.add_argument(flag)
            o.set_capability('goog:loggingPrefs', {'browser': 'ALL'})
            env = dict(os.environ, TZ='America/New_York')  # not Japan's time zone
            service = Service('/usr/bin/chromedriver', env=env)
            browser = webdriver.Chrome(service=service, options=o)
            try:
                started = time.time()
                browser.get(url)
                while time.time() - started < 60:
                    done = browser.execute_script(
                        "return document.getElementById('out').dataset.done === '1'")
                    if done:
                        break
                    time.sleep(0.1)
                text = browser.execute_script("return document.getElementById('out').textContent")
                logs = browser.get_log('browser')
            finally:
                browser.quit()
                server.shutdown()
                shutil.rmtree(profile, ignore_errors=True)
            print('page loaded and ran in %.1f s' % (time.time() - started))
            result = json.loads(text)
            self.assertNotIn('error', result, result.get('error'))
            self.check(result)
            errors = [l for l in logs if l['level'] in ('SEVERE', 'ERROR')]
            self.assertEqual(errors, [], 'console errors')
            self.assertEqual(sorted(set(Handler.requested) - {'/favicon.ico'}),
                             ['/index.html', '/mamisguide/index.mjs', '/master.mjs', '/test.mjs'])
        finally:
            shutil.rmtree(root, ignore_errors=True)

    def check(self, r):
        loads = ['--master-buffer', MASTER]
        want = native(loads, (json.dumps(REQUEST) + '\n' + REFUSED + '\n').encode()).split('\n')
        self.assertEqual(r['planJson'], want[0])
        self.assertEqual(r['bytes'], want[0])
        self.assertTrue(r['bytesAreBytes'])
        self.assertEqual(r['kept'], [[want[0]], [want[1]]])
        self.assertGreater(r['keptBytes'], 4 * 128 * 1024)  # several slabs' worth (128 KiB)
        self.assertEqual(r['plan'], json.loads(want[0]))
        self.assertEqual(r['refusal'], want[1])
        cli = subprocess.run([os.environ['MG_CLI'], 'batch', '-q', '--directory', MASTER],
                             input=(json.dumps(REQUEST) + '\n\n' + REFUSED).encode(),
                             stdout=subprocess.PIPE, check=True).stdout.decode()
        self.assertEqual(r['batch'], cli)
        status, support = native_call(loads, 'support', AT_MS // 1000, 0)
        self.assertEqual(status, 0)
        self.assertEqual(r['support'], json.loads(support))
        self.assertEqual(r['supportIso'], json.loads(support))
        self.assertEqual(r['support']['reason'], 'year_end')
        self.assertEqual(r['localHour'], 21)  # 11:00 in Tokyo is 21:00 the day before in New York
        self.assertEqual(r['holidays'], json.loads(native_call(loads, 'holidays', 2026, 1)[1]))
        self.assertEqual(r['typeError'][0:2], ['TypeError', 'type_error'])
        self.assertIn('request', r['typeError'][2])
        with tempfile.NamedTemporaryFile(suffix='.csv') as bad:
            bad.write(b'code,name\n')
            bad.flush()
            refused = json.loads(native(['--master-buffer', bad.name]))
        self.assertEqual(r['refused'], refused)
        self.assertEqual(r['refused']['error']['code'], 'load_error')
        self.assertEqual(r['sample'], [True, native(['--sample'], (json.dumps(REQUEST) + '\n').encode())[:-1]])
        self.assertTrue(r['closed'])


if __name__ == '__main__':
    if not os.path.exists(os.path.join(PACKAGE, 'index.mjs')):
        required = os.environ.get('MAMISGUIDE_REQUIRE_WASM') == '1'
        print('%s: the package is not installed in %s (wasm_install; scripts/wasm.sh)'
              % ('FAIL (MAMISGUIDE_REQUIRE_WASM=1)' if required else 'skipped', PROJECT))
        sys.exit(1 if required else 77)
    unittest.main(argv=sys.argv[:1], verbosity=2)
