#!/usr/bin/env bash
# SPDX-FileCopyrightText: Casegraph developers
# SPDX-License-Identifier: GPL-3.0-or-later
# Graph analytics figures beside the python3-igraph peer, on the same synthetic scale-free graph:
#   bench/graph.sh [NODES]          (default 1000000, five links per node)
# Needs python3-igraph (apt-get install python3-igraph). CASEGRAPH_CASE_NODES=N also times the
# projection from a case file of N nodes (writing a 1M-node case takes a few minutes);
# CASEGRAPH_CASE=FILE times it on an existing case file instead. The force layout runs on a
# 10,000-node graph (CASEGRAPH_LAYOUT_NODES) beside igraph's layout_fruchterman_reingold.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
build=${CASEGRAPH_BUILD:-$root/build}
out=${CASEGRAPH_BENCH_OUT:-$root/bench/out}/graph
nodes=${1:-1000000}
mkdir -p "$out"
layout_nodes=${CASEGRAPH_LAYOUT_NODES:-10000}
cmake --build "$build" --target casegraph-graphbench casegraph-layoutbench >/dev/null
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; load $(cut -d' ' -f1-3 /proc/loadavg) (shared: figures vary)"
args=(--nodes "$nodes" --out "$out")
[ -n "${CASEGRAPH_CASE_NODES:-}" ] && args+=(--case-nodes "$CASEGRAPH_CASE_NODES")
"$build/bin/casegraph-graphbench" "${args[@]}" | tee "$out/casegraph.txt"
if [ -n "${CASEGRAPH_CASE:-}" ]; then
    "$build/bin/casegraph-graphbench" --case "$CASEGRAPH_CASE" | tee -a "$out/casegraph.txt"
fi
"$build/bin/casegraph-layoutbench" --nodes "$layout_nodes" --out "$out" | tee -a "$out/casegraph.txt"
if /usr/bin/python3 -c 'import igraph' 2>/dev/null; then
    /usr/bin/python3 "$here/graph_igraph.py" "$out" | tee "$out/igraph.txt"
    /usr/bin/python3 "$here/layout_igraph.py" "$out" | tee -a "$out/igraph.txt"
    case_file=${CASEGRAPH_CASE:-}
    [ -z "$case_file" ] && [ -n "${CASEGRAPH_CASE_NODES:-}" ] && case_file="$out/graphbench.casegraph"
    if [ -n "$case_file" ]; then
        /usr/bin/python3 "$here/graph_igraph_case.py" "$case_file" | tee -a "$out/igraph.txt"
    fi
else
    echo "python3-igraph missing: apt-get install python3-igraph" >&2
    exit 1
fi
echo
printf '%-34s %18s %18s\n' "measure" "casegraph" "igraph"
for key in projection-build-s projection-from-case-s shortest-path-median-ms all-simple-paths-median-ms all-simple-paths-hubs-undirected-ms exposure-rule-only-s force-layout-s layout-bytes-per-node edge-ratio peak-rss-mb; do
    c=$(grep '^casegraph ' "$out/casegraph.txt" | grep -o " $key=[0-9.]*" | head -1 | cut -d= -f2 || true)
    i=$(grep '^igraph ' "$out/igraph.txt" | grep -o " $key=[0-9.]*" | head -1 | cut -d= -f2 || true)
    printf '%-34s %18s %18s\n' "$key" "${c:--}" "${i:--}"
done
printf '%-34s %18s %18s\n' "exposure-all-s (with look-through)" \
    "$(grep -o 'exposure-all-s=[0-9.]*' "$out/casegraph.txt" | cut -d= -f2 || true)" "-"
parse=$(grep -o 'parse-edge-file-s=[0-9.]*' "$out/igraph.txt" | cut -d= -f2 || true)
build_s=$(grep -o 'igraph projection-build-s=[0-9.]*' "$out/igraph.txt" | cut -d= -f2 || true)
printf '%-34s %18s %18s\n' "igraph: edge file parse + build" "-" "$(awk "BEGIN{printf \"%.2f\", ${parse:-0}+${build_s:-0}}")"
# CPU seconds beside the wall times: on the shared machine the load from other builds makes wall
# time two to ten times the CPU time.
for key in projection-from-case-s force-layout-s; do
    c=$(grep -o "casegraph $key=[0-9.]* cpu-s=[0-9.]*" "$out/casegraph.txt" | head -1 | sed 's/.*cpu-s=//' || true)
    i=$(grep -o "igraph $key=[0-9.]* cpu-s=[0-9.]*" "$out/igraph.txt" | head -1 | sed 's/.*cpu-s=//' || true)
    printf '%-34s %18s %18s\n' "${key%-s}-cpu-s" "${c:--}" "${i:--}"
done
printf '%-34s %18s %18s\n' "force-layout-incremental-s (+10)" \
    "$(grep -o 'force-layout-incremental-s=[0-9.]*' "$out/casegraph.txt" | cut -d= -f2 || true)" "-"
