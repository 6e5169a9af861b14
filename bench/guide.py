#!/usr/bin/python3
# SPDX-FileCopyrightText: 2026 The mamisguide authors
# SPDX-License-Identifier: Apache-2.0
"""The web guide's speed in Chromium (scripts/wasm.sh bench; not a test): the single file
(build-wasm/mamisguide.html, the engine in the page, opened from disk) against its peer measured
in the same run, the same page served by `mamisguide serve` on loopback (the HTTP API).

    /usr/bin/python3 bench/guide.py --html build-wasm/mamisguide.html --cli build/src/mamisguide
                                    [--runs 15]

Measured with the Performance API inside the page (headless Chromium, one session, a fresh
profile, no cache between opens: each open is a new document):
- first question: from the start of the navigation (performance's time origin) to the mark
  `mamisguide:first-question`, which the page sets after the frame that shows the first question
  (app.js: requestAnimationFrame, then a task). Each open is a new document; the single file
  compiles its WebAssembly every time.
- answer: from the click on 案内を表示 (the event's own timeStamp) to the mark `mamisguide:plan`,
  set after the frame that shows the plan, over the guide's 14 cases (and again for the served
  page, where the answer crosses HTTP).
Medians, 90th percentiles and maxima, in ms; the ratio single file / served page beside them.
"""
import argparse
import os
import statistics
import sys
import tempfile
import time
import urllib.parse

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'tests', 'web'))
from guide_walk import CASES, Server, make_browser  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402


def wait(b, script, timeout=20):
    WebDriverWait(b, timeout, poll_frequency=0.01).until(lambda d: d.execute_script(script))


READY = ("return document.readyState === 'complete' && !!document.body.dataset.ready"
         " && !document.body.hasAttribute('aria-busy')")


def first_question(b, url, runs):
    times = []
    for _ in range(runs):
        b.get('about:blank')
        b.get(url)
        wait(b, "return performance.getEntriesByName('mamisguide:first-question').length > 0")
        times.append(b.execute_script(
            "return performance.getEntriesByName('mamisguide:first-question')[0].startTime"))
    return times


def pick(b, field, text, code):
    f = b.find_element(By.CSS_SELECTOR, '[data-param="%s"]' % field)
    f.send_keys(text)
    lid = '#%s-list button' % f.get_attribute('id')
    WebDriverWait(b, 5, poll_frequency=0.01).until(lambda d: d.find_elements(By.CSS_SELECTOR, lid))
    buttons = b.find_elements(By.CSS_SELECTOR, lid)
    if len(buttons) == 1:
        f.send_keys(Keys.ENTER)
    else:
        next(x for x in buttons if x.get_attribute('data-code') == code).click()
    wait(b, "const f = document.querySelector('[data-param=%s]');"
            "return f && f.closest('[data-field]').dataset.code === '%s'" % (field, code))
    wait(b, READY)


def answers(b, url):
    """The time from the click on the show button to the plan on the screen, for each case."""
    times = []
    for case_id, path, inputs, _ in CASES:
        b.get(url)
        wait(b, READY)
        for v in ['yes'] + path:
            b.find_element(By.CSS_SELECTOR, '#answers button[data-value="%s"]' % v).click()
            wait(b, READY)
        if 'held' in inputs:
            b.find_element(By.ID, 'r-held-' + inputs['held']).click()
            wait(b, READY)
        for field in ('member', 'to'):
            if field in inputs:
                pick(b, field, *inputs[field])
        for lv in inputs.get('change', []):
            b.find_element(By.ID, 'f-request-levels-' + lv).click()
            wait(b, READY)
        for lv, code in inputs.get('cat', {}).items():
            radios = b.find_elements(By.ID, 'cat-%s-%s' % (lv, code))
            if radios:
                radios[0].click()
            else:
                b.find_element(By.ID, 'cat-' + lv).send_keys(code)
        b.execute_script(
            "performance.clearMarks('mamisguide:plan'); window.__click = null;"
            "document.addEventListener('click', (e) => { window.__click = e.timeStamp; }, {capture: true, once: true});")
        b.find_element(By.ID, 'show').click()
        wait(b, "return performance.getEntriesByName('mamisguide:plan').length > 0")
        times.append(b.execute_script(
            "return performance.getEntriesByName('mamisguide:plan')[0].startTime - window.__click"))
    return times


def summary(xs):
    xs = sorted(xs)
    p90 = xs[min(len(xs) - 1, int(round(0.9 * (len(xs) - 1))))]
    return statistics.median(xs), p90, xs[-1]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--html', required=True)
    ap.add_argument('--cli', required=True)
    ap.add_argument('--runs', type=int, default=15)
    a = ap.parse_args()
    with open(a.html, 'rb') as f:
        size = len(f.read())
    file_url = 'file://' + urllib.parse.quote(os.path.abspath(a.html))
    server = Server(a.cli)
    profile = tempfile.TemporaryDirectory(prefix='mg-bench-guide-')
    b = make_browser(profile.name, offline=False)
    try:
        results = {}
        for name, url in (('single file', file_url), ('served page', server.base + '/')):
            results[name] = (first_question(b, url, a.runs), answers(b, url))
        version = b.capabilities.get('browserVersion', '?')
    finally:
        b.quit()
        server.stop()
        profile.cleanup()
    print('The web guide in headless Chromium %s (bench/guide.py; %d opens, the 14 cases)' % (version, a.runs))
    print('mamisguide.html: %d bytes (%.2f MiB)' % (size, size / 1048576))
    print('%-34s %10s %10s %10s' % ('', 'median ms', 'p90 ms', 'max ms'))
    rows = {}
    for name, (first, ans) in results.items():
        for what, xs in (('first question visible', first), ('answer after the last click', ans)):
            m, p, x = summary(xs)
            rows[(name, what)] = m
            print('%-34s %10.1f %10.1f %10.1f' % ('%s: %s' % (name, what), m, p, x))
    for what in ('first question visible', 'answer after the last click'):
        s, h = rows[('single file', what)], rows[('served page', what)]
        print('%s: single file / served page = %.2f (medians %.1f / %.1f ms)' % (what, s / h if h else float('nan'), s, h))
    print('targets: first question <= 300 ms, answer <= 50 ms (medians of the single file above)')


if __name__ == '__main__':
    main()
