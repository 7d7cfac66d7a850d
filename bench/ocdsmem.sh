#!/bin/sh
# SPDX-FileCopyrightText: Casegraph developers
# SPDX-License-Identifier: GPL-3.0-or-later
# OCDS import memory and time on a synthetic release package (default 100 MB).
#   bench/ocdsmem.sh BUILD_DIR [MB]
# Prints casegraph-cli's import summary and /usr/bin/time -v's peak resident set size.
set -eu
build=${1:?usage: bench/ocdsmem.sh BUILD_DIR [MB]}
mb=${2:-100}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 "$here/ocdsgen.py" "$work/package.json" --mb "$mb"
"$build/bin/casegraph-cli" new "$work/bench.casegraph" >/dev/null
/usr/bin/time -v "$build/bin/casegraph-cli" import "$work/bench.casegraph" "$work/package.json" 2>"$work/time.txt"
grep -E "Maximum resident set size|Elapsed \(wall clock\)|User time|System time" "$work/time.txt"
