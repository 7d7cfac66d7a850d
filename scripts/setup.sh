#!/usr/bin/env bash
# SPDX-FileCopyrightText: Casegraph developers
# SPDX-License-Identifier: GPL-3.0-or-later
# Shared by scripts/run and scripts/test: install missing Debian packages, configure, build.
# Sourced, not run: sets CASEGRAPH_BUILD to the build folder.
set -euo pipefail

CASEGRAPH_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CASEGRAPH_BUILD=${CASEGRAPH_BUILD:-$CASEGRAPH_ROOT/build}

# Build and test dependencies, all from Debian 12.
CASEGRAPH_PACKAGES=(
    cmake ninja-build g++ pkg-config ccache
    qt6-base-dev qt6-base-dev-tools qt6-charts-dev qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools
    qt6-l10n-tools qt6-qpa-plugins libgl-dev
    libsqlite3-dev sqlite3 libboost-graph-dev libsimdjson-dev libicu-dev libsodium-dev libgumbo-dev libpoppler-qt6-dev
    xvfb xauth fonts-dejavu-core fonts-noto-cjk python3
    # ordinary English words, so that a one-word listed name that is one is not highlighted
    wamerican
    # bench/graph.sh prints python3-igraph's figures beside ours (paths, exposure, force layout)
    python3-igraph
)

casegraph_install_packages() {
    local missing=()
    for p in "${CASEGRAPH_PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "Installing missing packages: ${missing[*]}" >&2
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
}

casegraph_build() {
    local type=${CASEGRAPH_BUILD_TYPE:-Release}
    if [ ! -f "$CASEGRAPH_BUILD/build.ninja" ]; then
        cmake -S "$CASEGRAPH_ROOT" -B "$CASEGRAPH_BUILD" -G Ninja -DCMAKE_BUILD_TYPE="$type" >&2
    fi
    cmake --build "$CASEGRAPH_BUILD" -j "$(nproc)" >&2
}
