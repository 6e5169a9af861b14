#!/usr/bin/python3
# SPDX-FileCopyrightText: 2026 The mamisguide authors
# SPDX-License-Identifier: Apache-2.0
"""The single-file web guide (build-wasm/mamisguide.html) in the browser engines besides
Chromium, opened from disk (file://) with the network unusable, in a time zone other than
Japan's:

    /usr/bin/python3 test_other_engines.py firefox|webkit MAMISGUIDE SOURCE_DIR MAMISGUIDE_HTML

- firefox: Debian's firefox-esr, headless, driven through Marionette, its own remote protocol
  (a socket on loopback carrying length-prefixed JSON), by the small client below: Debian has no
  geckodriver, and nothing else is needed. Every proxy of the profile points at a closed port on
  loopback, so that any network use fails (checked: an http:// URL does not load).
- webkit: WebKitGTK (gir1.2-webkit2-4.1, through python3-gi), in an Xvfb display of its own.
  WebKit is Safari's engine, but WebKitGTK is not Safari: Safari itself (macOS, iOS) is not
  tested here. Its network session's proxy points at a closed port on loopback too (checked the
  same way).

Each walks the guide's 14 cases (cases.py) by the page's own DOM events (walk.js: the answers
clicked, the associations typed and their suggestions clicked, the form's button clicked), and
checks every plan shown against the native library's answer to the same request (a `mamisguide
serve` on loopback that the browser never sees), that no alert was shown, and that nothing but
the one file was loaded (the Performance API: no resource, the navigation the file itself).

When the browser is not installed the test is skipped, saying so (exit 77), and fails instead
when MAMISGUIDE_REQUIRE_BROWSERS=1 (scripts/wasm.sh test, which installs firefox-esr,
gir1.2-webkit2-4.1 and xvfb).
"""
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import unittest
import urllib.parse

from cases import CASES, Server, free_port

ENGINE, CLI, SOURCE, HTML = sys.argv[1:5] if len(sys.argv) >= 5 else (None, None, None, None)
TZ = 'America/New_York'
HERE = os.path.dirname(os.path.abspath(__file__))
FIREFOX = '/usr/bin/firefox-esr'
# A closed port on loopback: every proxy points at it, so any use of the network fails.
DEAD = ('127.0.0.1', 9)
TIMEOUT = 60  # seconds for one walk


def walk_source():
    with open(os.path.join(HERE, 'walk.js'), encoding='utf-8') as f:
        return f.read()


class Marionette:
    """Firefox (firefox-esr --marionette), driven through Marionette's protocol: each message is
    `LENGTH:JSON`; a command is [0, id, name, parameters], its answer [1, id, error, result]."""

    def __init__(self, env):
        self.profile = tempfile.mkdtemp(prefix='mg-firefox-')
        self.port = free_port()
        prefs = {
            'marionette.port': self.port,
            # every connection through a proxy that is not there; DNS too
            'network.proxy.type': 1,
            'network.proxy.http': DEAD[0], 'network.proxy.http_port': DEAD[1],
            'network.proxy.ssl': DEAD[0], 'network.proxy.ssl_port': DEAD[1],
            'network.proxy.socks': DEAD[0], 'network.proxy.socks_port': DEAD[1],
            'network.proxy.socks_remote_dns': True,
            'network.proxy.no_proxies_on': '',
            'network.proxy.allow_hijacking_localhost': True,
            'network.dns.disableIPv6': True,
            'network.dns.disablePrefetch': True,
            'network.prefetch-next': False,
            'network.connectivity-service.enabled': False,
            'network.captive-portal-service.enabled': False,
            # nothing of its own on the network
            'app.update.disabledForTesting': True,
            'browser.safebrowsing.malware.enabled': False,
            'browser.safebrowsing.phishing.enabled': False,
            'browser.safebrowsing.downloads.enabled': False,
            'datareporting.policy.dataSubmissionEnabled': False,
            'toolkit.telemetry.enabled': False,
            'browser.shell.checkDefaultBrowser': False,
            'browser.startup.page': 0,
            'intl.accept_languages': 'ja',
        }
        with open(os.path.join(self.profile, 'user.js'), 'w') as f:
            for k, v in prefs.items():
                f.write('user_pref(%s, %s);\n' % (json.dumps(k), json.dumps(v)))
        self.log = tempfile.TemporaryFile()
        self.proc = subprocess.Popen(
            [FIREFOX, '--headless', '--marionette', '--no-remote', '--profile', self.profile],
            stdout=self.log, stderr=subprocess.STDOUT, env=dict(env, MOZ_HEADLESS='1'))
        deadline = time.time() + 60
        while True:
            try:
                self.sock = socket.create_connection(('127.0.0.1', self.port), timeout=5)
                break
            except OSError:
                if self.proc.poll() is not None or time.time() > deadline:
                    self.log.seek(0)
                    raise RuntimeError('firefox-esr did not start Marionette: ' + self.log.read().decode(errors='replace'))
                time.sleep(0.2)
        self.sock.settimeout(TIMEOUT + 30)
        self.buf = b''
        self.id = 0
        hello = self.receive()
        assert hello.get('marionetteProtocol') == 3, hello
        self.session = self.command('WebDriver:NewSession', {'capabilities': {'alwaysMatch': {
            'acceptInsecureCerts': False, 'pageLoadStrategy': 'normal'}}})
        self.command('WebDriver:SetTimeouts', {'script': TIMEOUT * 1000, 'pageLoad': 30000})

    def receive(self):
        while b':' not in self.buf:
            self.read()
        head, _ = self.buf.split(b':', 1)
        start, n = len(head) + 1, int(head)
        while len(self.buf) < start + n:
            self.read()
        message, self.buf = self.buf[start:start + n], self.buf[start + n:]
        return json.loads(message)

    def read(self):
        chunk = self.sock.recv(65536)
        if not chunk:
            raise RuntimeError('Marionette closed the connection')
        self.buf += chunk

    def command(self, name, params=None):
        self.id += 1
        data = json.dumps([0, self.id, name, params or {}]).encode()
        self.sock.sendall(b'%d:%s' % (len(data), data))
        while True:
            kind, mid, error, result = self.receive()
            if kind == 1 and mid == self.id:
                break
        if error:
            raise MarionetteError(error)
        return result

    def navigate(self, url):
        self.command('WebDriver:Navigate', {'url': url})

    def run(self, body, arg):
        """Runs `body` (an async function's body of `c`) with c = arg; its result."""
        script = 'return (async (c) => {\n%s\n})(arguments[0]);' % body
        return self.command('WebDriver:ExecuteScript', {'script': script, 'args': [arg]})['value']

    def version(self):
        caps = self.session['capabilities']
        return '%s %s' % (caps['browserName'], caps['browserVersion'])

    def quit(self):
        try:
            self.command('Marionette:Quit', {'flags': ['eForceQuit']})
        except (OSError, RuntimeError, MarionetteError):
            pass
        try:
            self.proc.wait(20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        shutil.rmtree(self.profile, ignore_errors=True)


class MarionetteError(Exception):
    pass


class WebKit:
    """WebKitGTK (WebKit2 4.1 through python3-gi) in an Xvfb display of its own."""

    def __init__(self, env):
        self.xvfb = None
        try:
            self.start(env)
        except BaseException:
            self.quit()
            raise

    def start(self, env):
        read, write = os.pipe()
        self.xvfb = subprocess.Popen(['Xvfb', '-displayfd', str(write), '-nolisten', 'tcp',
                                      '-screen', '0', '1280x1024x24'],
                                     pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(write)
        with os.fdopen(read) as f:
            display = f.readline().strip()
        if not display:
            raise RuntimeError('Xvfb did not start')
        os.environ.update(env)
        os.environ['DISPLAY'] = ':' + display
        os.environ['GDK_BACKEND'] = 'x11'
        time.tzset()
        import gi
        gi.require_version('Gtk', '3.0')
        gi.require_version('WebKit2', '4.1')
        from gi.repository import GLib, Gtk, WebKit2
        self.GLib, self.WebKit2 = GLib, WebKit2
        Gtk.init([])
        data = WebKit2.WebsiteDataManager.new_ephemeral()
        data.set_network_proxy_settings(WebKit2.NetworkProxyMode.CUSTOM,
                                        WebKit2.NetworkProxySettings.new('http://%s:%d' % DEAD, None))
        self.view = WebKit2.WebView.new_with_context(WebKit2.WebContext.new_with_website_data_manager(data))
        settings = self.view.get_settings()
        settings.set_enable_write_console_messages_to_stdout(True)
        self.window = Gtk.Window()
        self.window.set_default_size(1100, 900)
        self.window.add(self.view)
        self.window.show_all()
        self.requested = []
        self.view.connect('resource-load-started', lambda v, r, q: self.requested.append(q.get_uri()))
        self.view.connect('load-changed', self.on_load_changed)
        self.view.connect('load-failed', self.on_load_failed)
        self.loaded = None

    def on_load_changed(self, view, event):
        if event == self.WebKit2.LoadEvent.FINISHED and self.loaded is None:
            self.loaded = True

    def on_load_failed(self, view, event, uri, error):
        self.loaded = error.message
        return False

    def wait(self, done, what):
        ctx = self.GLib.MainContext.default()
        deadline = time.time() + TIMEOUT
        while not done():
            if time.time() > deadline:
                raise RuntimeError('WebKitGTK: waited in vain for ' + what)
            ctx.iteration(True)

    def navigate(self, url):
        self.loaded = None
        self.view.load_uri(url)
        self.wait(lambda: self.loaded is not None, url)
        if self.loaded is not True:
            raise RuntimeError('WebKitGTK could not load %s: %s' % (url, self.loaded))

    def run(self, body, arg):
        GLib = self.GLib
        box = {}

        def finished(view, result):
            try:
                box['value'] = view.call_async_javascript_function_finish(result).to_json(0)
            except GLib.Error as e:
                box['error'] = e.message

        script = 'return (async (c) => {\n%s\n})(JSON.parse(arg));' % body
        self.view.call_async_javascript_function(
            script, -1, GLib.Variant('a{sv}', {'arg': GLib.Variant('s', json.dumps(arg))}),
            None, None, None, finished)
        self.wait(lambda: box, 'the script')
        if 'error' in box:
            raise RuntimeError('WebKitGTK: ' + box['error'])
        return json.loads(box['value'])

    def version(self):
        w = self.WebKit2
        return 'WebKitGTK %d.%d.%d' % (w.get_major_version(), w.get_minor_version(), w.get_micro_version())

    def quit(self):
        if getattr(self, 'window', None):
            self.window.destroy()
        if self.xvfb:
            self.xvfb.terminate()
        self.xvfb.wait()


class OtherEngine(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.started = time.time()
        cls.native = Server(CLI)
        cls.guide = cls.native.json('/v1/guide?lang=ja')
        cls.texts = cls.native.json('/v1/texts?lang=ja')
        cls.tmp = tempfile.mkdtemp(prefix='mg-%s-' % ENGINE)
        # The file as a secretariat saves it: alone in a folder.
        cls.page = os.path.join(cls.tmp, 'mamisguide.html')
        shutil.copyfile(HTML, cls.page)
        cls.url = 'file://' + urllib.parse.quote(cls.page)
        env = dict(os.environ, TZ=TZ)
        try:
            cls.b = Marionette(env) if ENGINE == 'firefox' else WebKit(env)
        except BaseException:
            cls.native.stop()
            raise
        cls.walk = walk_source()
        cls.ms = []

    @classmethod
    def tearDownClass(cls):
        try:
            cls.b.quit()
        finally:
            cls.native.stop()
            shutil.rmtree(cls.tmp, ignore_errors=True)
        if cls.ms:
            print('%s: %d walks; the first question at most %.0f ms after the navigation began'
                  ' (median %.0f), an answer %.0f ms after the click at most (median %.0f)'
                  % (cls.b.version(), len(cls.ms), max(m['first'] for m in cls.ms),
                     sorted(m['first'] for m in cls.ms)[len(cls.ms) // 2],
                     max(m['answered'] for m in cls.ms), sorted(m['answered'] for m in cls.ms)[len(cls.ms) // 2]))
        print('the whole test %.1f s' % (time.time() - cls.started))

    def test_network_unusable(self):
        """The browser cannot reach the network: an http:// URL does not load."""
        with self.assertRaises((MarionetteError, RuntimeError)) as e:
            self.b.navigate('http://example.com/')
        print('%s: http://example.com/ refused (%s)' % (ENGINE, str(e.exception)[:120]))

    def test_all_cases(self):
        """The 14 cases, walked by clicks in the one file; each plan the library's."""
        leaves = {n['id'] for n in self.guide['nodes'] if n.get('request')}
        self.assertEqual({c[0] for c in CASES}, leaves)
        for case_id, path, inputs, body in CASES:
            with self.subTest(case=case_id):
                self.b.navigate(self.url)
                shown = self.b.run(self.walk, {'mypage': 'yes', 'path': path, 'inputs': inputs})
                req = json.loads(json.dumps(body))
                req['member'].setdefault('mypage', 'yes')
                req['lang'] = 'ja'
                self.assert_plan(shown, self.native.plan(req), case_id)
                type(self).ms.append(shown['ms'])

    def assert_plan(self, shown, expected, case_id):
        self.assertTrue(expected['ok'], expected)
        self.assertEqual(shown['alerts'], [])
        self.assertEqual(shown['ok'], 'true')
        node = next(n for n in self.guide['nodes'] if n['id'] == case_id)
        self.assertEqual(shown['title'], node['title'])
        self.assertEqual(shown['form'], expected['form_label'])
        if expected['selection_label']:
            self.assertEqual(shown['selection'], expected['selection_label'])
        self.assertEqual(shown['checked'], [[c['level'], c['code'], c['name']] for c in expected['checked']])
        self.assertEqual(shown['steps'], expected['steps'])
        self.assertEqual(shown['categories'], expected['categories'])
        self.assertEqual(shown['manual'], expected['manual'])
        self.assertEqual(shown['actor'], expected['actor'])
        self.assertEqual(shown['prerequisites'], [q['kind'] for q in expected['prerequisites']])
        self.assertEqual(shown['notes'], [n['kind'] for n in expected['notes']])
        self.assertEqual(shown['result'], expected['result']['levels'])
        self.assertIn(self.texts['desk']['phone'], shown['desk'])
        self.assertIn(self.texts['desk']['mail'], shown['desk'])
        # nothing loaded but the one file
        self.assertEqual(shown['resources'], [], 'resources loaded')
        self.assertEqual(shown['where'], self.url)
        # (Firefox names the navigation 'document')
        self.assertTrue(all(n.split('?')[0].split('#')[0] in (self.url, 'document') for n in shown['navigation']),
                        shown['navigation'])
        if ENGINE == 'webkit':
            seen = [u for u in self.b.requested if not u.startswith('data:')]
            self.assertEqual(set(seen), {self.url}, 'requested besides the file')
            self.b.requested.clear()


def missing():
    """Why the engine cannot run here, or None."""
    if ENGINE == 'firefox':
        return None if os.path.exists(FIREFOX) else FIREFOX + ' is not installed (Debian: firefox-esr)'
    if not shutil.which('Xvfb'):
        return 'Xvfb is not installed (Debian: xvfb)'
    try:
        import gi
        gi.require_version('Gtk', '3.0')
        gi.require_version('WebKit2', '4.1')
    except (ImportError, ValueError) as e:
        return 'WebKitGTK through python3-gi is not available (Debian: gir1.2-webkit2-4.1): %s' % e
    return None


if __name__ == '__main__':
    if ENGINE not in ('firefox', 'webkit'):
        sys.exit(__doc__)
    if not HTML or not os.path.exists(HTML):
        required = os.environ.get('MAMISGUIDE_REQUIRE_WASM') == '1'
        print('%s: %s has not been built (scripts/wasm.sh makes it; it needs Debian\'s emscripten)'
              % ('FAIL (MAMISGUIDE_REQUIRE_WASM=1)' if required else 'skipped', HTML))
        sys.exit(1 if required else 77)
    why = missing()
    if why:
        required = os.environ.get('MAMISGUIDE_REQUIRE_BROWSERS') == '1'
        print('%s: %s' % ('FAIL (MAMISGUIDE_REQUIRE_BROWSERS=1)' if required else 'skipped', why))
        sys.exit(1 if required else 77)
    unittest.main(argv=[sys.argv[0], '-v'] + sys.argv[5:])
