import os
import shutil
from pathlib import Path

UPLOAD_DIR = os.environ.get("UPLOAD_DIR", "uploads")
EXPORT_DIR = Path("exports")
TEMPLATE_DIR = "templates"


def save_upload(name, data):
    # ruleid: python-local-file-write
    os.makedirs(UPLOAD_DIR, exist_ok=True)
    # ruleid: python-local-file-write
    with open(os.path.join(UPLOAD_DIR, name), "wb") as fh:
        fh.write(data)


def append_audit(line):
    # ruleid: python-local-file-write
    with open("audit.log", mode="a", encoding="utf-8") as fh:
        fh.write(line + "\n")


def export_report(name, text):
    # ruleid: python-local-file-write
    (EXPORT_DIR / name).write_text(text, encoding="utf-8")


def archive(path):
    # ruleid: python-local-file-write
    shutil.move(path, EXPORT_DIR / "archive")


def write_pdf(name, pdf):
    target = EXPORT_DIR / f"{name}.pdf"
    # ruleid: python-local-file-write
    with target.open("wb") as fh:
        fh.write(pdf)


def copy_template(src, name):
    # ruleid: python-local-file-write
    shutil.copyfile(src, os.path.join(UPLOAD_DIR, name))


def save_template(name, html):
    # a template is not a temp file
    # ruleid: python-local-file-write
    with open(os.path.join(TEMPLATE_DIR, name), "w", encoding="utf-8") as fh:
        fh.write(html)
