#!/usr/bin/python3
# SPDX-FileCopyrightText: Casegraph developers
# SPDX-License-Identifier: GPL-3.0-or-later
"""The python3-igraph peer of `casegraph-graphbench --case FILE`: builds an igraph Graph from the
same case file (Python's sqlite3: entities, then the reference, percentage and date statements),
so that the projection-from-case figure has a neighbour. Knows only the schemata the benchmark
writes (Ownership, Supply, Sanction, Company).

    bench/graph_igraph_case.py CASE"""
import resource
import sqlite3
import sys
import time

import igraph as ig

ENDS = {"Ownership": ("owner", "asset"), "Supply": ("supplier", "recipient")}


def main():
    path = sys.argv[1]
    cpu0 = time.process_time()
    t = time.perf_counter()
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    vertex, rel_schema, sanction = {}, {}, set()
    for row, eid, schema in con.execute("SELECT id, eid, schema FROM entity"):
        if schema in ENDS:
            rel_schema[row] = schema
        elif schema == "Sanction":
            sanction.add(row)
        else:
            vertex[eid] = len(vertex)
    src, dst, pct, start, listed = {}, {}, {}, {}, []
    for entity, prop, value, flags in con.execute("SELECT entity, prop, value, flags FROM statement"):
        schema = rel_schema.get(entity)
        if schema:
            if flags & 4:
                v = vertex.get(value)
                if prop == ENDS[schema][0]:
                    src[entity] = v
                elif prop == ENDS[schema][1]:
                    dst[entity] = v
            elif prop == "percentage":
                pct[entity] = value
            elif prop == "startDate":
                start[entity] = value
        elif entity in sanction and prop == "entity" and flags & 4:
            listed.append(vertex.get(value))
    edges = [(src[r], dst[r]) for r in rel_schema if src.get(r) is not None and dst.get(r) is not None]
    g = ig.Graph(n=len(vertex), edges=edges, directed=True)
    g.es["percentage"] = [pct.get(r, "") for r in rel_schema if src.get(r) is not None and dst.get(r) is not None]
    wall = time.perf_counter() - t
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"igraph projection-from-case-s={wall:.2f} cpu-s={time.process_time() - cpu0:.2f} nodes={g.vcount()} "
          f"links={g.ecount()} listed={len(listed)} peak-rss-mb={rss:.0f} (Python sqlite3 + igraph.Graph)")


if __name__ == "__main__":
    main()
