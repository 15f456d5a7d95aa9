#!/usr/bin/env bash
# Refresh the README's pictures (docs/images/*.png): run the real-browser tests that take them
# (Debian's chromium, see .ci/browser-setup.sh) and copy their screenshots here.
set -euo pipefail
cd "$(dirname "$0")/.."
python -m pytest -q -p no:cacheprovider -n 2 \
    "tests/browser/test_html_report.py::test_report_renders_filters_sorts_and_opens_app_pages" \
    "tests/browser/test_jupyterlab.py::test_triage_notebook_dashboard_in_jupyterlab"
mkdir -p docs/images
for name in dashboard report; do
    cp "test-output/browser/$name.png" "docs/images/$name.png"
    size=$(stat -c %s "docs/images/$name.png")
    if [ "$size" -ge 300000 ]; then
        echo "docs/images/$name.png is $size bytes: keep README pictures under 300 KB" >&2
        exit 1
    fi
    echo "docs/images/$name.png: $size bytes"
done
