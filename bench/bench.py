#!/usr/bin/env python3
"""Build-time benchmark of folio on generated sites.

Usage: python3 bench/bench.py [--pages 1000 10000] [--runs 5] [--folio target/release/folio]

For each page count, generates (once, cached under bench/out/) a deterministic site with
bench/gen_corpus.py --plain, then builds it --runs times with folio, deleting the output
before each run, and prints the median wall time, CPU time (user + sys) and peak RSS of
each build. Nothing here asserts a time: it reports, it never fails on a slow machine.
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

# Search off: the generators this is compared with build no search index either.
# Pagefind indexing costs about 2 ms a page on top (see the README).
SITE_YAML = """title: Benchmark
base_url: https://bench.example.org
taxonomies: [tags]
search: false
"""


def corpus(pages):
    site = os.path.join(HERE, "out", f"site-{pages}")
    if not os.path.isfile(os.path.join(site, "site.yaml")):
        shutil.rmtree(site, ignore_errors=True)
        subprocess.run(
            [sys.executable, os.path.join(HERE, "gen_corpus.py"), str(pages), os.path.join(site, "content"), "--plain"],
            check=True,
        )
    with open(os.path.join(site, "site.yaml"), "w") as f:
        f.write(SITE_YAML)
    return site


def timed(cmd):
    """Runs cmd; returns (wall s, cpu s, peak RSS MiB, exit code)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    err = proc.stderr.read().decode(errors="replace")
    proc.stderr.close()
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        print(err, file=sys.stderr)
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, code


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, nargs="+", default=[1000])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--folio", default=os.path.join(ROOT, "target", "release", "folio"))
    args = parser.parse_args()
    if not os.path.isfile(args.folio):
        subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)

    print(f"{'pages':>7} {'tool':<8} {'wall median s':>14} {'cpu median s':>13} {'peak RSS MiB':>13} runs")
    for pages in args.pages:
        site = corpus(pages)
        out = os.path.join(site, "public")
        walls, cpus, rss = [], [], []
        for _ in range(args.runs):
            shutil.rmtree(out, ignore_errors=True)
            wall, cpu, peak, code = timed([args.folio, "build", "-r", site, "-o", out])
            if code != 0:
                sys.exit(f"folio failed on {site}")
            walls.append(wall)
            cpus.append(cpu)
            rss.append(peak)
        print(
            f"{pages:>7} {'folio':<8} {statistics.median(walls):>14.3f} {statistics.median(cpus):>13.3f} "
            f"{max(rss):>13.1f} {args.runs}"
        )


if __name__ == "__main__":
    main()
