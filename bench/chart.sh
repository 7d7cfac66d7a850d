#!/bin/sh
# SPDX-FileCopyrightText: Casegraph developers
# SPDX-License-Identifier: GPL-3.0-or-later
# Link-chart figures: a 100,000-node / 300,000-edge chart opened and drawn in software; then the
# cost of a filter change on its grouped copies (100 groups of ~1,000, 50 collapsed; 1,000 groups
# of 20, 500 collapsed).
# Usage: bench/chart.sh [BUILD_DIR] [WORK_DIR]
set -eu
build=${1:-build}
work=${2:-/tmp/casegraph-chartbench}
mkdir -p "$work"
bench="$(cd "$build" && pwd)/bin/casegraph-chartbench"
case_file="$work/chart100k-v3.casegraph" # v3: with the grouped charts
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
for chart in "Bench groups" "Bench small groups"; do
    echo "$chart:"
    "$bench" "$case_file" --chart "$chart" --frames 9 | grep -E "^(chart nodes|filter change)"
done
