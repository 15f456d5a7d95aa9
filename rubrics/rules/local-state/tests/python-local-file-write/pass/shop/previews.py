"""Preview rendering.

The legacy exporter wrote files with open(path, "w") and shutil.copy(src, dest);
everything below only reads, or writes scratch files under the temp dir.
"""
import json
import os
import tempfile
from pathlib import Path

# with open("report.csv", "w") as fh:
#     fh.write(data)
# os.makedirs("exports", exist_ok=True)


def load(path):
    with open(path) as fh:
        return json.load(fh)


def load_bytes(path):
    with open(path, "rb") as fh:
        return fh.read()


def load_text(path):
    with open(path, mode="r", encoding="utf-8") as fh:
        return fh.read()


def render_scratch(data):
    with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False) as fh:
        fh.write(data)
    with open(os.path.join(tempfile.gettempdir(), "render.csv"), "w") as fh:
        fh.write(data)
    tmp_dir = tempfile.mkdtemp()
    os.makedirs(os.path.join(tmp_dir, "pages"), exist_ok=True)
    Path(tempfile.gettempdir(), "preview.txt").write_text(data)
    with open("/tmp/last-run.txt", "w") as fh:
        fh.write("ok")
    return fh.name


def thumbnail(image, name):
    # Image.save(...) with a path is not part of this rule
    image.save(name)
    return os.path.exists(name)
