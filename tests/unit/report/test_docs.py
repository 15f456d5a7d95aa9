"""The README shows the dashboard and the report: the pictures are there, PNG, and small."""

from __future__ import annotations

import re
import struct
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def test_the_readme_pictures_exist_and_are_commit_sized() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    pictures = re.findall(r"!\[[^\]]*\]\((docs/images/[^)]+)\)", readme)
    assert {"docs/images/dashboard.png", "docs/images/report.png"} <= set(pictures)
    for name in pictures:
        data = (ROOT / name).read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n", name
        width, height = struct.unpack(">II", data[16:24])
        assert width >= 800 and height >= 600, (name, width, height)
        assert len(data) < 300_000, (name, len(data))
