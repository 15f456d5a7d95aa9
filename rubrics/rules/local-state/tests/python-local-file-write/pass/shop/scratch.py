"""Writes only below folders made by the tempfile module, through variables."""
import os
import shutil
import tempfile
from pathlib import Path


def build(data):
    scratch = tempfile.mkdtemp(prefix="build-")
    target = os.path.join(scratch, "out.csv")
    with open(target, "w") as fh:
        fh.write(data)
    shutil.copy("template.csv", scratch)
    with tempfile.TemporaryDirectory() as work:
        os.makedirs(os.path.join(work, "pages"))
        Path(work, "index.txt").write_text(data)
