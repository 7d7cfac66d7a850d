#!/usr/bin/env bash
# SPDX-FileCopyrightText: Casegraph developers
# SPDX-License-Identifier: GPL-3.0-or-later
# Timeline figures: bench/timeline.sh [EVENTS INTERVALS [LANES]]   (default: 50000 20000 2000)
# Builds casegraph-timelinebench and prints model, first-frame and zoom-frame times (offscreen).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
build=${CASEGRAPH_BUILD:-$root/build}
cmake --build "$build" --target casegraph-timelinebench >/dev/null
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB"
QT_QPA_PLATFORM=offscreen "$build/bin/casegraph-timelinebench" "${1:-50000}" "${2:-20000}" "${3:-2000}"
