#!/usr/bin/env bash
# Debian's Chromium for the real-browser tests (tests/browser), driven by Playwright through
# executable_path. Never `playwright install`: it downloads a browser build, which fails here.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then
    exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium >/dev/null
chromium --version
