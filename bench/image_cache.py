#!/usr/bin/env python3
"""The image cache's effect on a build: a showcase of generated photos, built with an
empty cache (every thumbnail resized and encoded) and again with a warm one.

Usage: python3 bench/image_cache.py [--images 24] [--size 2400x1600] [--runs 3]
                                    [--folio target/release/folio]

Generates (once, under bench/out/images-N-WxH/) a site whose showcase has N PNG
images of the given size (smooth gradients with noise, written with zlib, no image
library needed), then for each run deletes the output and, for the cold builds,
`.folio-cache/`, and prints the median wall time and CPU time (user + sys) of each.
Nothing here asserts a time: it reports, it never fails on a slow machine.
"""

import argparse
import os
import random
import resource
import shutil
import statistics
import struct
import subprocess
import time
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def png(width, height, seed):
    rng = random.Random(seed)
    base = [rng.randrange(256) for _ in range(3)]
    rows = []
    for y in range(height):
        row = bytearray(b"\x00")
        for x in range(width):
            n = rng.randrange(24)
            row += bytes(((base[0] + x * 255 // width + n) % 256,
                          (base[1] + y * 255 // height + n) % 256,
                          (base[2] + (x + y) * 128 // (width + height) + n) % 256))
        rows.append(bytes(row))

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(b"".join(rows), 6)) + chunk(b"IEND", b""))


def site(images, width, height):
    root = os.path.join(HERE, "out", f"images-{images}-{width}x{height}")
    bundle = os.path.join(root, "content", "work", "showcase")
    if os.path.isfile(os.path.join(root, "site.yaml")):
        return root
    shutil.rmtree(root, ignore_errors=True)
    os.makedirs(bundle)
    with open(os.path.join(root, "site.yaml"), "w") as f:
        f.write("title: Images\nbase_url: https://bench.example.org\nsearch: false\n")
    items = []
    for i in range(images):
        with open(os.path.join(bundle, f"post-{i}.png"), "wb") as f:
            f.write(png(width, height, i))
        items.append(f"  - platform: instagram\n    image: post-{i}.png\n"
                     f"    caption: Post {i}\n    metrics: {{reach: {1000 + i}}}\n")
    with open(os.path.join(bundle, "index.md"), "w") as f:
        f.write("---\ntitle: Showcase\nkind: showcase\nitems:\n" + "".join(items) + "---\n")
    return root


def build(folio, root):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    run = subprocess.run([folio, "build", "-r", root], capture_output=True, text=True)
    if run.returncode != 0:
        raise SystemExit(run.stderr)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--images", type=int, default=24)
    parser.add_argument("--size", default="2400x1600")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--folio", default=os.path.join(ROOT, "target", "release", "folio"))
    args = parser.parse_args()
    width, height = (int(v) for v in args.size.split("x"))
    root = site(args.images, width, height)
    results = {"cold": [], "warm": []}
    for _ in range(args.runs):
        for cache in ("cold", "warm"):
            shutil.rmtree(os.path.join(root, "public"), ignore_errors=True)
            if cache == "cold":
                shutil.rmtree(os.path.join(root, ".folio-cache"), ignore_errors=True)
            results[cache].append(build(args.folio, root))
    print(f"{args.images} images of {width}x{height}, {args.runs} runs, median:")
    for cache, runs in results.items():
        wall = statistics.median(r[0] for r in runs)
        cpu = statistics.median(r[1] for r in runs)
        print(f"  {cache} cache: wall {wall:.2f} s, CPU {cpu:.2f} s")


if __name__ == "__main__":
    main()
