#!/usr/bin/env python3
"""Edit-to-reload latency of `folio serve` on generated sites.

Usage: python3 bench/serve_latency.py [--pages 1000 10000] [--edits 30] [--folio target/release/folio]

For each page count, takes the cached site of bench/bench.py (bench/out/site-N/, generated
with bench/gen_corpus.py --plain the first time), starts `folio serve -r SITE --port 0`,
waits for "Serving at http://127.0.0.1:PORT/", connects a WebSocket client to
ws://127.0.0.1:PORT/__folio/ws (with the server's own Origin) and then, --edits times, saves
one page (a different page each time, spread over the corpus): a word of its body changes
on every edit and a word of its title on every other edit. Each edit is timed from just
before the file is written to the arrival of the first {"type":"reload"} message after
which the server serves the page with the edit in it (each reload is checked with a GET of
the page, outside the timing: a reload from a rebuild that began before the write is noted
and not counted). The next edit waits for that message and then --settle seconds (so the
~20 ms debouncer settles and a late extra message shows up; such messages are reported).
The server's own "N change(s): rebuilt in X ms" lines are parsed too, so that latency minus
rebuild time shows the watch + debounce + broadcast overhead. For comparison, the same site
is then built in full with `folio build` (into a temporary folder, deleted before each run)
--build-runs times.

Every edited file gets its original bytes and modification time back at the end, also on
Ctrl+C, SIGTERM or an error, and the server started here is stopped by its process handle.
Nothing here asserts a time: it reports, it never fails on a slow machine. It fails (exit
status 1) when the server does not start, or sends no reload showing the edit within
--timeout seconds of it ({"type":"error"} messages are noted and waited past).

Needs the `websocket-client` package (pip install websocket-client).
"""

import argparse
import json
import math
import os
import re
import select
import shlex
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True  # leave no bench/__pycache__ behind
from bench import corpus, timed  # noqa: E402

try:
    import websocket  # the websocket-client package
except ImportError:
    sys.exit("serve_latency.py needs websocket-client: pip install websocket-client")

SERVING = re.compile(r"Serving at (http://[^\s/]+:(\d+))/")
REBUILT = re.compile(r"^(\d+) change\(s\): (.+) in (\d+) ms$")


class BenchError(Exception):
    pass


def p90(values):
    """Nearest-rank 90th percentile."""
    s = sorted(values)
    return s[max(0, math.ceil(0.9 * len(s)) - 1)]


class Server:
    """`folio serve` on a site; its stderr is read (and kept, with arrival times) by a thread."""

    def __init__(self, folio, site):
        self.cmd = [folio, "serve", "-r", site, "--port", "0"]
        self.lines = []  # (perf_counter, line)
        self.lock = threading.Lock()
        self.ready = threading.Event()
        self.url = None
        self.started = time.perf_counter()
        self.proc = subprocess.Popen(self.cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.PIPE)
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self):
        for raw in self.proc.stderr:
            line = raw.decode(errors="replace").rstrip("\n")
            with self.lock:
                self.lines.append((time.perf_counter(), line))
            m = SERVING.search(line)
            if m and not self.ready.is_set():
                self.url = m.group(1)
                self.ready.set()
        self.ready.set()  # the server exited: wake the waiter

    def wait_ready(self, timeout):
        """Seconds from starting the server to its 'Serving at' line."""
        if not self.ready.wait(timeout):
            raise BenchError(f"folio serve printed no 'Serving at' line in {timeout} s\n{self.tail()}")
        if self.url is None:
            self.proc.wait()
            raise BenchError(f"folio serve exited with status {self.proc.returncode} before serving\n{self.tail()}")
        with self.lock:
            return next(t for t, line in self.lines if SERVING.search(line)) - self.started

    def count(self):
        with self.lock:
            return len(self.lines)

    def since(self, n):
        with self.lock:
            return [line for _, line in self.lines[n:]]

    def tail(self, n=20):
        with self.lock:
            return "\n".join("  server: " + line for _, line in self.lines[-n:])

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.reader.join(5)
        self.proc.stderr.close()


def pages_of(site):
    content = os.path.join(site, "content")
    found = []
    for dirpath, dirnames, filenames in os.walk(content):
        dirnames.sort()
        for name in sorted(filenames):
            if name.endswith(".md") and name != "_index.md":
                found.append(os.path.join(dirpath, name))
    return found


def spread(items, n):
    """n items evenly spread over the list (different ones while n <= len(items))."""
    n = min(n, len(items))
    step = len(items) / n
    return [items[int(i * step + step / 2)] for i in range(n)]


def edited(text, token, title_too):
    """The page with the first word of its first body paragraph (and, if title_too, the
    last word of its title) replaced by token."""
    if not text.startswith("---\n"):
        raise BenchError("page without front matter")
    end = text.index("\n---\n", 4) + 5
    front, body = text[:end], text[end:]
    body, n = re.subn(r"(?m)^[A-Za-z]+\b", token, body, count=1)
    if n != 1:
        raise BenchError("no body paragraph to edit")
    if title_too:
        front, n = re.subn(r'(?m)^(title: "(?:[^"\\]|\\.)*?)\b\w+\b("\s*)$', rf"\g<1>{token}\g<2>", front, count=1)
        if n != 1:
            raise BenchError("no title to edit")
    return front + body


def drain(ws, wait):
    """Messages arriving within `wait` seconds (nothing is expected: a rebuild that sends
    two messages for one save would show up here)."""
    extra = []
    deadline = time.perf_counter() + wait
    while True:
        left = deadline - time.perf_counter()
        if left <= 0:
            return extra
        ready, _, _ = select.select([ws.sock], [], [], left)
        if ready:
            extra.append(ws.recv())


def shows(url, token):
    """Whether the page the server serves at url contains token (None: no such page)."""
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return token in response.read().decode(errors="replace")
    except urllib.error.HTTPError:
        return None


def measure_serve(args, site, originals):
    """Returns (startup s, per-edit rows, notes); a row is (kind, latency ms, [server ms])."""
    server = Server(args.folio, site)
    ws = None
    try:
        startup = server.wait_ready(args.startup_timeout)
        port = server.url.rsplit(":", 1)[1]
        ws = websocket.create_connection(
            f"ws://127.0.0.1:{port}/__folio/ws", origin=f"http://127.0.0.1:{port}", timeout=args.timeout
        )
        notes = []
        pending = drain(ws, args.settle)
        if pending:
            notes.append(f"on connect: {pending}")
        rows = []
        verify = True
        nonce = f"{os.getpid() % 10000:04d}"
        content = os.path.join(site, "content")
        for i, path in enumerate(spread(pages_of(site), args.edits)):
            name = os.path.relpath(path, site)
            with open(path, "rb") as f:
                original = f.read()
            st = os.stat(path)
            originals.setdefault(path, (original, st.st_atime_ns, st.st_mtime_ns))
            title_too = i % 2 == 1
            token = f"Benchedit{nonce}x{i}"
            new = edited(originals[path][0].decode(), token, title_too).encode()
            # content/jobs/00001-x.md is served at /jobs/00001-x/
            url = f"{server.url}/{os.path.relpath(path, content)[: -len('.md')].replace(os.sep, '/')}/"
            mark = server.count()

            start = time.perf_counter()
            with open(path, "wb") as f:
                f.write(new)
            seen = []
            while True:
                try:
                    raw = ws.recv()
                except websocket.WebSocketTimeoutException:
                    raise BenchError(
                        f"edit {i + 1} ({name}): no reload showing the edit within {args.timeout} s;"
                        f" messages seen: {seen}\n{server.tail()}"
                    ) from None
                got = time.perf_counter()
                seen.append(raw)
                kind = json.loads(raw).get("type")
                if kind == "reload":
                    if not verify:
                        break
                    # A reload from a rebuild that began before the write (a second rebuild
                    # of an earlier edit, say) would be timed wrongly: check the page shows it.
                    ok = shows(url, token)
                    if ok is None:
                        verify = False
                        notes.append(f"{url} not found: reloads are no longer checked against the page")
                        break
                    if ok:
                        break
                    notes.append(
                        f"edit {i + 1}: a reload {(got - start) * 1000:.1f} ms after the write did not show"
                        " the edit yet; waited for the next message"
                    )
                elif kind == "error":
                    notes.append(f"edit {i + 1}: the server sent an error, waiting on: {raw}")
                else:
                    notes.append(f"edit {i + 1}: ignored message {raw}")
            latency = (got - start) * 1000
            extra = drain(ws, args.settle)
            if extra:
                notes.append(f"edit {i + 1}: {len(extra)} more message(s) within {args.settle} s of the reload: {extra}")
            lines = server.since(mark)
            matches = [REBUILT.match(line) for line in lines]
            ms = [int(m.group(3)) for m in matches if m and m.group(2) == "rebuilt"]
            if len(ms) != 1:
                notes.append(f"edit {i + 1}: {len(ms)} 'rebuilt' lines: {lines}")
            others = [line for line, m in zip(lines, matches) if not (m and m.group(2) == "rebuilt")]
            if others:
                notes.append(f"edit {i + 1}: the server also said {others}")
            kind = "title+body" if title_too else "body"
            rows.append((kind, latency, ms))
            if args.verbose:
                print(
                    f"  edit {i + 1:>3} {kind:<10} {latency:8.1f} ms"
                    f"  server {','.join(map(str, ms)) or '-':>6} ms  {name}",
                    flush=True,
                )
        return startup, rows, notes
    finally:
        if ws is not None:
            try:
                ws.close()
            except Exception:
                pass
        server.stop()


def restore(originals):
    failed = []
    for path, (data, atime, mtime) in originals.items():
        try:
            with open(path, "wb") as f:
                f.write(data)
            os.utime(path, ns=(atime, mtime))
        except OSError as e:
            failed.append(f"{path}: {e}")
    originals.clear()
    if failed:
        print("could not restore:\n  " + "\n  ".join(failed), file=sys.stderr)


def measure_build(args, site):
    tmp = tempfile.mkdtemp(prefix="folio-bench-")
    try:
        out = os.path.join(tmp, "public")
        walls = []
        for _ in range(args.build_runs):
            shutil.rmtree(out, ignore_errors=True)
            # A cold full build (no Markdown cache), as the serve rebuild is compared with.
            wall, _, _ = timed([args.folio, "build", "--no-cache", "-r", site, "-o", out])
            walls.append(wall)
        return statistics.median(walls)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def has_serve(folio):
    if not os.path.isfile(folio):
        return False
    probe = subprocess.run([folio, "serve", "--help"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return probe.returncode == 0


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, nargs="+", default=[10000])
    parser.add_argument("--edits", type=int, default=30)
    parser.add_argument("--settle", type=float, default=0.2, help="seconds between edits (default 0.2)")
    parser.add_argument("--timeout", type=float, default=60, help="seconds to wait for a message (default 60)")
    parser.add_argument("--startup-timeout", type=float, default=600)
    parser.add_argument("--build-runs", type=int, default=3)
    parser.add_argument("--folio", default=os.path.join(ROOT, "target", "release", "folio"))
    parser.add_argument("-q", "--quiet", dest="verbose", action="store_false", help="no per-edit lines")
    args = parser.parse_args()
    if args.edits < 1 or args.build_runs < 1:
        parser.error("--edits and --build-runs must be at least 1")
    if not has_serve(args.folio):
        # Missing, or built before `folio serve` existed: (re)build it.
        subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
        if not has_serve(args.folio):
            sys.exit(f"{args.folio} has no `serve` subcommand")

    # SIGTERM unwinds like Ctrl+C, so the finally blocks restore the pages and stop the server.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))

    results = []
    originals = {}
    try:
        for pages in args.pages:
            site = corpus(pages)
            print(f"{pages} pages: {shlex.join([args.folio, 'serve', '-r', site, '--port', '0'])}", flush=True)
            try:
                startup, rows, notes = measure_serve(args, site, originals)
            finally:
                restore(originals)
            for note in notes:
                print(f"  note: {note}")
            print(f"{pages} pages: {shlex.join([args.folio, 'build', '--no-cache', '-r', site, '-o', 'TMPDIR/public'])}", flush=True)
            build = measure_build(args, site)
            results.append((pages, startup, rows, build))
    except BenchError as e:
        sys.exit(f"serve_latency.py: {e}")
    except KeyboardInterrupt:
        print("serve_latency.py: interrupted (edited pages are restored)", file=sys.stderr)
        sys.exit(130)
    finally:
        restore(originals)

    nan = float("nan")

    def med(values):
        return statistics.median(values) if values else nan

    print()
    print(f"command: {shlex.join([sys.executable] + sys.argv)}")
    print("latency: writing one page -> its {\"type\":\"reload\"} on the WebSocket, ms (p90: nearest rank)")
    print("server: the median of its 'rebuilt in X ms' lines; overhead: median of latency - server per edit")
    print(
        f"{'pages':>7} {'edits':>5} {'median':>7} {'p90':>7} {'min':>7} {'max':>7}"
        f" {'body':>7} {'title':>7} {'server':>7} {'overhead':>8}"
        f" {'serve start s':>13} {'build median s':>14} {'build/edit':>10}"
    )
    for pages, startup, rows, build in results:
        lat = [latency for _, latency, _ in rows]
        body = [latency for kind, latency, _ in rows if kind == "body"]
        title = [latency for kind, latency, _ in rows if kind != "body"]
        server = [x for _, _, ms in rows for x in ms]
        overhead = [latency - ms[0] for _, latency, ms in rows if len(ms) == 1]
        print(
            f"{pages:>7} {len(lat):>5} {med(lat):>7.1f} {p90(lat):>7.1f} {min(lat):>7.1f} {max(lat):>7.1f}"
            f" {med(body):>7.1f} {med(title):>7.1f} {med(server):>7.1f} {med(overhead):>8.1f}"
            f" {startup:>13.2f} {build:>14.3f} {build * 1000 / med(lat):>9.1f}x"
        )


if __name__ == "__main__":
    main()
