# SPDX-FileCopyrightText: 2026 The mamisguide authors
# SPDX-License-Identifier: Apache-2.0
"""What every browser test of the web guide shares, whatever drives the browser (Selenium and
chromium-driver in guide_walk.py; Marionette for Firefox and GObject introspection for WebKitGTK
in test_other_engines.py, which need no Selenium): the guide's 14 cases and a real
`mamisguide serve` on loopback, for the library's own answers."""
import json
import os
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request

LEVELS = ['municipal', 'prefectural', 'national']


# The cases: the guide's path (after STEP 1), the inputs the page is given, and the contract
# request the test expects the page to send, written out here by hand. Category codes are picked
# from the catalogue's radio buttons when the association has one, else typed.
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


def free_port():
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]


class Server:
    """A real `mamisguide serve` on a free loopback port: the page's server (test_web.py), or
    only the native library's answers to compare with (test_single_file.py)."""

    def __init__(self, cli, *args):
        self.port = free_port()
        self.base = 'http://127.0.0.1:%d' % self.port
        cmd = os.environ.get('MG_WEB_SERVER')  # a stand-in server command, for development
        if cmd:
            argv = cmd.replace('{port}', str(self.port)).split()
        else:
            argv = [cli, 'serve', '--listen', '127.0.0.1:%d' % self.port] + list(args)
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

    def fetch_status(self, path):
        try:
            with urllib.request.urlopen(self.base + path, timeout=10) as r:
                return r.status
        except urllib.error.HTTPError as e:
            return e.code

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
