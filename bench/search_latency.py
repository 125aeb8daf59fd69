#!/usr/bin/env python3
"""Edit-to-index latency of `folio serve`: how long after a page is saved the served
search index holds its new text.

Usage: python3 bench/search_latency.py SITE [--edits 5] [--folio target/release/folio]
                                            [--today 2026-11-23]

Starts `folio serve -r SITE --port 0` (SITE with `search: true`), waits until the
served `pagefind/shards.json` is there and every shard's `pagefind-entry.json` is
served, then --edits times appends a sentence with a new word to one page's body (a
different page each time) and polls the served entries of every shard until one of
them changes (Pagefind's entry names the hash of each language's index, which changes
with any page of it). Each edit is timed from just before the file is written. Edited
files get their bytes back at the end; the server started here is stopped by its
process handle. It reports, and never fails on a slow machine.
"""

import argparse
import glob
import json
import os
import re
import statistics
import subprocess
import sys
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SERVING = re.compile(r"Serving at (http://[^\s/]+:\d+)/")


def get(url):
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read()
    except OSError:
        return None


def entries(base):
    """Shard folder → bytes of its served pagefind-entry.json (None while missing)."""
    listed = get(f"{base}/pagefind/shards.json")
    if listed is None:
        return None
    folders = sorted({f for shards in json.loads(listed).values() for f in shards})
    return {f: get(f"{base}/pagefind/{f}pagefind-entry.json") for f in folders}


def wait_for(check, timeout):
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        value = check()
        if value:
            return value
        time.sleep(0.01)
    return None


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("site")
    parser.add_argument("--edits", type=int, default=5)
    parser.add_argument("--folio", default=os.path.join(ROOT, "target", "release", "folio"))
    parser.add_argument("--today", default="2026-11-23")
    parser.add_argument("--timeout", type=float, default=120)
    args = parser.parse_args()
    pages = sorted(glob.glob(os.path.join(args.site, "content", "*", "0*.md")))
    picked = [pages[(i * 7919) % len(pages)] for i in range(args.edits)]
    originals = {p: open(p, "rb").read() for p in picked}
    server = subprocess.Popen(
        [args.folio, "serve", "-r", args.site, "--port", "0", "--today", args.today],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    try:
        base = None
        for line in server.stdout:
            match = SERVING.search(line)
            if match:
                base = match.group(1)
                break
        if base is None:
            sys.exit("the server did not start")
        # Drain the server's output so that it never blocks on a full pipe.
        import threading
        threading.Thread(target=lambda: [None for _ in server.stdout], daemon=True).start()
        start = time.perf_counter()
        current = wait_for(lambda: (e := entries(base)) and all(e.values()) and e, args.timeout)
        if current is None:
            sys.exit("no search index served")
        print(f"first index served {time.perf_counter() - start:.2f} s after the server started")
        times = []
        for n, page in enumerate(picked):
            time.sleep(1.0)
            before = entries(base)
            written = time.perf_counter()
            with open(page, "ab") as f:
                f.write(f"\n\nAn added sentence names gooseberry{n}.\n".encode())
            changed = wait_for(lambda: (e := entries(base)) and e != before and all(e.values()), args.timeout)
            took = time.perf_counter() - written
            if changed is None:
                print(f"edit {n}: no index change within {args.timeout} s")
                continue
            times.append(took)
            print(f"edit {n}: {os.path.relpath(page, args.site)}: index updated after {took:.2f} s", flush=True)
        if times:
            print(f"median {statistics.median(times):.2f} s, min {min(times):.2f} s, max {max(times):.2f} s")
    finally:
        server.terminate()
        server.wait(timeout=30)
        for path, data in originals.items():
            with open(path, "wb") as f:
                f.write(data)


if __name__ == "__main__":
    main()
