#!/bin/sh
# SPDX-FileCopyrightText: Casegraph developers
# SPDX-License-Identifier: GPL-3.0-or-later
# Link-chart figures: a 100,000-node / 300,000-edge chart opened and drawn in software; then the
# same chart with 100 groups, 50 of them collapsed, for the cost of a filter change.
# Usage: bench/chart.sh [BUILD_DIR] [WORK_DIR]
set -eu
build=${1:-build}
work=${2:-/tmp/casegraph-chartbench}
mkdir -p "$work"
bench="$(cd "$build" && pwd)/bin/casegraph-chartbench"
case_file="$work/chart100k-v2.casegraph" # v2: with the chart "Bench groups"
if [ ! -f "$case_file" ]; then
    "$bench" --generate "$case_file" --nodes 100000 --edges 300000
fi
cd "$work"
export QT_QPA_PLATFORM=offscreen
/usr/bin/time -v "$bench" "$case_file" --frames 9 2> time.txt
grep -E "Maximum resident set size|Elapsed \(wall clock\)" time.txt
rss_kb=$(sed -n 's/.*Maximum resident set size (kbytes): //p' time.txt)
echo "peak RSS per node: $((rss_kb * 1024 / 100000)) bytes (whole process, Qt and SQLite included)"
echo "frames written to $work/chartbench-*.png"
echo "with groups:"
"$bench" "$case_file" --chart "Bench groups" --frames 9 | grep -E "^(chart nodes|filter change)"
