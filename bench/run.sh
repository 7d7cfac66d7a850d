#!/usr/bin/env bash
# SPDX-FileCopyrightText: Casegraph developers
# SPDX-License-Identifier: GPL-3.0-or-later
# Prints Casegraph's storage figures beside two raw SQLite peers, for 100k and 1M entities: the
# same FtM lines as one JSON row per entity, and the very rows Casegraph stores (an entity row,
# one row per value, an FTS5 row) written straight through the C API:
#   bench/run.sh [SIZES...]     (default: 100000 1000000)
# Import rate comes from `casegraph-cli import` (whole process, /usr/bin/time -v for peak
# memory); query latencies are measured in-process by casegraph-bench (median of repeated
# runs), and whole-process `info`/`search` times with hyperfine when it is installed. The
# "layout-bound" lines are not a peer but an upper bound for a future layout (layoutbound.cpp).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
build=${CASEGRAPH_BUILD:-$root/build}
out=${CASEGRAPH_BENCH_OUT:-$root/bench/out}
mkdir -p "$out"
cmake --build "$build" --target casegraph-cli casegraph-ftmgen casegraph-bench >/dev/null
bin=$build/bin
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(100000 1000000)

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(sqlite3 --version 2>/dev/null | cut -d' ' -f1 || echo sqlite)"
for n in "${sizes[@]}"; do
    data=$out/ftm-$n.json
    [ -f "$data" ] || "$bin/casegraph-ftmgen" "$n" "$data"
    echo
    echo "== $n entities ($(du -h "$data" | cut -f1) of FtM JSON lines)"
    raw=$("$bin/casegraph-bench" raw "$data" "$out/raw-$n.sqlite")
    echo "$raw"
    rows=$("$bin/casegraph-bench" rows "$data" "$out/rows-$n.casegraph")
    echo "$rows"
    # Not a peer: the leanest layout a future schema could use (one row per entity, no per-value
    # provenance), to show what the 100,000 entities/s target asks of the layout.
    "$bin/casegraph-bench" bound "$data" "$out/bound-$n.sqlite"
    rm -f "$out/case-$n.casegraph"*
    "$bin/casegraph-cli" new "$out/case-$n.casegraph" >/dev/null
    ours=$(/usr/bin/time -v "$bin/casegraph-cli" import "$out/case-$n.casegraph" "$data" 2>"$out/time-$n.txt" | grep -E "entities/s" || true)
    echo "$ours"
    rate() { sed -nE 's/.*[ =]([0-9]+)( rows| entities)\/s.*/\1/p' <<<"$1"; }
    awk -v o="$(rate "$ours")" -v r="$(rate "$raw")" -v s="$(rate "$rows")" 'BEGIN {
        if (o > 0) printf "ratio: one-JSON-row peer / casegraph = %.2f, same-rows peer / casegraph = %.2f\n", r / o, s / o }'
    echo "casegraph-import peak-rss-mb=$(awk '/Maximum resident/{printf "%.0f", $6/1024}' "$out/time-$n.txt") wall=$(awk -F': ' '/Elapsed/{print $2}' "$out/time-$n.txt")"
    echo "case-file-mb=$(du -m "$out/case-$n.casegraph" | cut -f1) raw-file-mb=$(du -m "$out/raw-$n.sqlite" | cut -f1)"
    "$bin/casegraph-bench" query "$out/case-$n.casegraph"
    if command -v hyperfine >/dev/null; then
        hyperfine -N --warmup 2 --runs 10 --export-markdown "$out/hyperfine-$n.md" \
            "$bin/casegraph-cli info $out/case-$n.casegraph" \
            "$bin/casegraph-cli search $out/case-$n.casegraph Shen" 2>/dev/null | grep -E "Time|±" || true
    fi
done
