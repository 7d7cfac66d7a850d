#!/usr/bin/python3
# SPDX-FileCopyrightText: Casegraph developers
# SPDX-License-Identifier: GPL-3.0-or-later
"""The python3-igraph peer of casegraph-graphbench: the same graph (edges.txt, listed.txt, pairs.txt
written by `casegraph-graphbench --out DIR`) and the same queries.

    bench/graph_igraph.py DIR [--paths-timeout SECONDS]

igraph 0.10 has no cap on get_all_simple_paths, so each all-simple-paths query runs in a child
process with a time and memory limit and is reported as "timeout" when it hits them.
The 50% rule has no igraph primitive: it is the same work-list algorithm in Python over igraph's
adjacency (Graph.incident) and edge attributes."""
import multiprocessing as mp
import resource
import statistics
import sys
import time

import igraph as ig


def load(folder):
    t = time.perf_counter()
    src, dst, own, lo, hi = [], [], [], [], []
    with open(f"{folder}/edges.txt") as f:
        for line in f:
            a, b, k, mn, mx = line.split()
            src.append(int(a))
            dst.append(int(b))
            own.append(k == "1")
            lo.append(float(mn))
            hi.append(float(mx))
    with open(f"{folder}/pairs.txt") as f:
        n = int(f.readline())
        pairs = [tuple(map(int, line.split())) for line in f]
    with open(f"{folder}/listed.txt") as f:
        listed = [int(line) for line in f]
    parse = time.perf_counter() - t
    t = time.perf_counter()
    g = ig.Graph(n=n, edges=list(zip(src, dst)), directed=True)
    g.es["own"] = own
    g.es["lo"] = lo
    g.es["hi"] = hi
    build = time.perf_counter() - t
    return g, pairs, listed, parse, build


def all_paths_child(graph, a, b, limit_bytes, queue, mode="out"):
    resource.setrlimit(resource.RLIMIT_AS, (limit_bytes, limit_bytes))
    t = time.perf_counter()
    paths = graph.get_all_simple_paths(a, to=b, cutoff=6, mode=mode)
    queue.put((time.perf_counter() - t, len(paths)))


def exposure(g, listed, threshold=50.0):
    own, lo, hi = g.es["own"], g.es["lo"], g.es["hi"]
    targets = g.get_edgelist()
    result = {}
    for name, pct in (("min", lo), ("max", hi)):
        inset = [False] * g.vcount()
        total = [0.0] * g.vcount()
        queue = list(listed)
        for v in listed:
            inset[v] = True
        i = 0
        while i < len(queue):
            o = queue[i]
            i += 1
            for e in g.incident(o, mode="out"):
                if not own[e]:
                    continue
                a = targets[e][1]
                if a == o:
                    continue
                total[a] += pct[e]
                if not inset[a] and total[a] >= threshold - 1e-4:
                    inset[a] = True
                    queue.append(a)
        result[name] = inset
    restricted = sum(1 for v in range(g.vcount()) if result["min"][v]) - len(set(listed))
    undetermined = sum(1 for v in range(g.vcount()) if result["max"][v] and not result["min"][v])
    return restricted, undetermined


def main():
    folder = sys.argv[1]
    timeout = 60.0
    if "--paths-timeout" in sys.argv:
        timeout = float(sys.argv[sys.argv.index("--paths-timeout") + 1])
    g, pairs, listed, parse, build = load(folder)
    print(f"igraph {ig.__version__} parse-edge-file-s={parse:.2f}")
    print(f"igraph projection-build-s={build:.2f} nodes={g.vcount()} links={g.ecount()}")
    times, found = [], 0
    for a, b in pairs:
        t = time.perf_counter()
        p = g.get_shortest_paths(a, to=b, mode="out", output="vpath")
        times.append((time.perf_counter() - t) * 1000)
        found += bool(p and p[0])
    print(f"igraph shortest-path-median-ms={statistics.median(times):.1f} found={found}/{len(pairs)}")
    ptimes = []
    ctx = mp.get_context("fork")
    for i, (a, b) in enumerate(pairs[:5]):
        q = ctx.Queue()
        proc = ctx.Process(target=all_paths_child, args=(g, a, b, 4 << 30, q))
        t = time.perf_counter()
        proc.start()
        proc.join(timeout)
        if proc.is_alive():
            proc.kill()
            proc.join()
            print(f"igraph all-simple-paths pair={i} timeout>{timeout:.0f}s (no cap in igraph 0.10)")
            ptimes.append(timeout * 1000)
            continue
        if q.empty():
            print(f"igraph all-simple-paths pair={i} failed (memory limit 4 GiB)")
            ptimes.append((time.perf_counter() - t) * 1000)
            continue
        secs, count = q.get()
        ptimes.append(secs * 1000)
        print(f"igraph all-simple-paths pair={i} ms={secs * 1000:.1f} paths={count} capped=n/a")
    print(f"igraph all-simple-paths-median-ms={statistics.median(ptimes):.1f}")
    q = ctx.Queue()
    proc = ctx.Process(target=all_paths_child, args=(g, 0, 1, 4 << 30, q, "all"))
    t = time.perf_counter()
    proc.start()
    proc.join(timeout)
    if proc.is_alive():
        proc.kill()
        proc.join()
        print(f"igraph all-simple-paths-hubs-undirected timeout>{timeout:.0f}s (no cap in igraph 0.10)")
    elif q.empty():
        print(f"igraph all-simple-paths-hubs-undirected failed after {time.perf_counter() - t:.1f}s (memory limit 4 GiB)")
    else:
        secs, count = q.get()
        print(f"igraph all-simple-paths-hubs-undirected-ms={secs * 1000:.1f} paths={count}")
    t = time.perf_counter()
    restricted, undetermined = exposure(g, listed)
    print(f"igraph exposure-rule-only-s={time.perf_counter() - t:.2f} restricted={restricted} "
          f"undetermined={undetermined} (pure Python work list over igraph adjacency)")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"igraph peak-rss-mb={rss:.0f}")


if __name__ == "__main__":
    main()
