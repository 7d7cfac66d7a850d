#!/usr/bin/env bash
# SPDX-FileCopyrightText: Casegraph developers
# SPDX-License-Identifier: GPL-3.0-or-later
# CSV import speed beside the raw SQLite peer, on the same entities:
#   bench/csvbench.sh [SIZES...]     (default: 1000000)
# bench/csvgen.py writes N entities as one CSV (id/schema shape, no mapping needed) and as FtM
# JSON lines; `casegraph-bench raw` inserts the FtM rows into plain SQLite, `casegraph-cli
# import` reads the CSV (encoding and dialect detection, quoting, validation, one transaction).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
build=${CASEGRAPH_BUILD:-$root/build}
out=${CASEGRAPH_BENCH_OUT:-$root/bench/out}
mkdir -p "$out"
cmake --build "$build" --target casegraph-cli casegraph-bench >/dev/null
bin=$build/bin
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(1000000)

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB"
for n in "${sizes[@]}"; do
    csv=$out/csv-$n.csv
    ftm=$out/csv-$n.ftm.json
    [ -f "$csv" ] && [ -f "$ftm" ] || python3 "$here/csvgen.py" "$n" "$csv" "$ftm"
    echo
    echo "== $n entities ($(du -h "$csv" | cut -f1) of CSV, $(du -h "$ftm" | cut -f1) of the same as FtM)"
    "$bin/casegraph-bench" raw "$ftm" "$out/csv-raw-$n.sqlite"
    rm -f "$out/csv-case-$n.casegraph"*
    "$bin/casegraph-cli" new "$out/csv-case-$n.casegraph" >/dev/null
    /usr/bin/time -v "$bin/casegraph-cli" --json import "$out/csv-case-$n.casegraph" "$csv" \
        >"$out/csv-import-$n.json" 2>"$out/csv-time-$n.txt"
    python3 - "$out/csv-import-$n.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
print("casegraph-csv-import records=%d created=%d seconds=%.2f rate=%d entities/s"
      % (r["created"] + r["merged"] + r["unchanged"], r["created"], r["elapsedMs"] / 1000, r["entitiesPerSecond"]))
PY
    echo "casegraph-csv-import peak-rss-mb=$(awk '/Maximum resident/{printf "%.0f", $6/1024}' "$out/csv-time-$n.txt") wall=$(awk -F': ' '/Elapsed/{print $2}' "$out/csv-time-$n.txt")"
done
