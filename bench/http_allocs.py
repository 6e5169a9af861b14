#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The mamisguide authors
# SPDX-License-Identifier: Apache-2.0
"""Heap allocations per request on the HTTP service's keep-alive path (POST /v1/plan).

Counts every malloc of `mamisguide serve` (an LD_PRELOAD counter, built here with cc) over N and
then 6N requests on one keep-alive connection, and prints the difference per request: what a
request costs once the connection's buffers have grown. The requests are the benchmark
workload's first 50 that are well-formed JSON (a body that is not JSON is refused by the JSON
reader, which allocates on that path).

    /usr/bin/python3 bench/http_allocs.py [BUILD_DIR] [MAMISGUIDE...]
      (default build-release and its src/mamisguide; needs BUILD_DIR/bench-results from
       bench/http.sh or `mamisguide_bench --write-workload`)
Not a test: it prints a figure.
"""
import os
import re
import socket
import subprocess
import sys
import tempfile

COUNTER = r"""
#include <stdatomic.h>
#include <stddef.h>
#include <stdio.h>
#include <unistd.h>
extern void* __libc_malloc(size_t);
static atomic_long n;
void* malloc(size_t s) { atomic_fetch_add(&n, 1); return __libc_malloc(s); }
__attribute__((destructor)) static void done(void) {
    char b[64]; int k = snprintf(b, sizeof b, "MALLOCS %ld\n", (long)n); write(2, b, k);
}
"""


def run(binary, master, bodies, n, counter):
    env = dict(os.environ, LD_PRELOAD=counter)
    p = subprocess.Popen([binary, "serve", "--listen", "127.0.0.1:0", "--quiet", "--threads", "1",
                          "--directory", master], stderr=subprocess.PIPE, env=env)
    line = b""
    while b"http://" not in line:
        line = p.stderr.readline()
        if not line:
            raise SystemExit("the server did not start")
    port = int(re.search(rb":(\d+)/", line).group(1))
    s = socket.create_connection(("127.0.0.1", port))
    f = s.makefile("rb")
    for i in range(n):
        b = bodies[i % len(bodies)]
        s.sendall(b"POST /v1/plan HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                  b"Content-Length: %d\r\n\r\n%s" % (len(b), b))
        length = 0
        while True:
            h = f.readline()
            if h.lower().startswith(b"content-length:"):
                length = int(h.split(b":")[1])
            if h in (b"\r\n", b""):
                break
        f.read(length)
    s.close()
    p.terminate()
    err = p.stderr.read()
    p.wait()
    return int(re.search(rb"MALLOCS (\d+)", err).group(1))


def main():
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    build = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "build-release")
    binaries = sys.argv[2:] or [os.path.join(build, "src", "mamisguide")]
    results = os.path.join(build, "bench-results")
    master = os.path.join(results, "master.csv")
    bodies = []
    for line in open(os.path.join(results, "requests.jsonl"), "rb"):
        if len(bodies) == 50:
            break
        try:
            __import__("json").loads(line)
            bodies.append(line.rstrip(b"\n"))
        except ValueError:
            pass
    with tempfile.TemporaryDirectory() as tmp:
        src, lib = os.path.join(tmp, "count.c"), os.path.join(tmp, "count.so")
        open(src, "w").write(COUNTER)
        subprocess.run(["cc", "-O2", "-shared", "-fPIC", "-o", lib, src], check=True)
        for b in binaries:
            few, many = run(b, master, bodies, 200, lib), run(b, master, bodies, 1200, lib)
            print("%s: %.2f allocations per POST /v1/plan on a keep-alive connection"
                  % (b, (many - few) / 1000))


if __name__ == "__main__":
    main()
