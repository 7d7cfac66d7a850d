#!/usr/bin/python3
# SPDX-FileCopyrightText: Casegraph developers
# SPDX-License-Identifier: GPL-3.0-or-later
"""The python3-igraph peer of casegraph-layoutbench: Fruchterman-Reingold on the same graph
(layout-edges.txt written by `casegraph-layoutbench --out DIR`), timed, with the peak-RSS growth
per node and the same quality figure (mean edge length / mean distance of random pairs).

    bench/layout_igraph.py DIR [--grid auto|grid|nogrid]"""
import math
import random
import resource
import sys
import time

import igraph as ig


def edge_ratio(g, coords):
    edges = sum(math.dist(coords[a], coords[b]) for a, b in g.get_edgelist()) / g.ecount()
    rng = random.Random(99)
    n = len(coords)
    pairs = sum(math.dist(coords[rng.randrange(n)], coords[rng.randrange(n)]) for _ in range(20000)) / 20000
    return edges / pairs


def main():
    folder = sys.argv[1]
    grid = sys.argv[sys.argv.index("--grid") + 1] if "--grid" in sys.argv else "auto"
    with open(f"{folder}/layout-edges.txt") as f:
        n = int(f.readline())
        edges = [tuple(map(int, line.split())) for line in f]
    g = ig.Graph(n=n, edges=edges)
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t = time.perf_counter()
    cpu = time.process_time()
    layout = g.layout_fruchterman_reingold(grid=grid)
    seconds = time.perf_counter() - t
    cpu = time.process_time() - cpu
    grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss0) * 1024 / n
    print(f"igraph force-layout-s={seconds:.2f} cpu-s={cpu:.2f} grid={grid} layout-bytes-per-node={grown:.0f} "
          f"edge-ratio={edge_ratio(g, layout.coords):.4f}")


if __name__ == "__main__":
    main()
