"""A hostile app for the report tests: file names, code and config that carry markup and script."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import write_tree

HOSTILE_NAME = "<img src=x onerror=alert('app')>"
"""The app's name as a hostile portfolio might give it (a folder name: no ``/``)."""

HOSTILE_FILE = "<script>alert(1)</script>.py"
"""A file whose path is markup (a folder ``<script>alert(1)<`` holding ``script>.py``)."""

HOSTILE_MARKERS = ("alert(1)", "alert(2)", "alert(3)", "alert('app')")
"""Strings that must reach the report only as text."""


def make_hostile_app(root: Path) -> Path:
    """Write the hostile app under ``root`` and return it."""
    return write_tree(
        root,
        {
            HOSTILE_FILE: (
                "import os\n"
                "\n"
                "def save(data):\n"
                "    with open('/var/data/</script><script>alert(2)</script>.txt', 'w') as f:\n"
                "        f.write(data)\n"
            ),
            "<img src=x onerror=alert(3)>/settings.py": (
                "API = 'http://localhost:8080/<b onmouseover=alert(3)>x</b>'\nDEBUG = True\n"
            ),
            "requirements.txt": "flask==3.0.0\n",
        },
    )
