#!/usr/bin/env bash
# SPDX-FileCopyrightText: Casegraph developers
# SPDX-License-Identifier: GPL-3.0-or-later
# How responsive the window stays on a large case: the longest GUI-thread gap while the case
# opens and after each step, and every event over 40 ms (offscreen, 1600x1000).
#   bench/gui.sh [CASE] [STEPS]
# CASE defaults to bench/out/case-1000000.casegraph (made by bench/run.sh 1000000); STEPS is a
# comma-separated list (see bench/guibench.cpp), by default a walk through the main docks.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
build=${CASEGRAPH_BUILD:-$root/build}
case_file=${1:-$root/bench/out/case-1000000.casegraph}
steps=${2:-search,select,end,Find Paths,Diversion Paths,Ownership Exposure,Add to Chart,Timeline,wait,wait,Unsupported Facts,Notes,Leads}
[ -f "$case_file" ] || { echo "no case $case_file: run bench/run.sh 1000000 first" >&2; exit 1; }
cmake --build "$build" --target casegraph-guibench >/dev/null
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
# A copy: the steps may write (charts, settings) and the case file is evidence.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$case_file" "$work/case.casegraph"
QT_QPA_PLATFORM=offscreen "$build/bin/casegraph-guibench" "$work/case.casegraph" "$steps" 2>/dev/null
