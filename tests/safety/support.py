"""Helpers for the safety tests: running the real CLI, and collecting every output it writes."""

from __future__ import annotations

import os
import subprocess
import sys
import tarfile
from collections.abc import Mapping, Sequence
from pathlib import Path


def cli(
    args: Sequence[str],
    *,
    cwd: Path | None = None,
    env: Mapping[str, str] | None = None,
    timeout: float = 240,
    check: bool = True,
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m assess.cli ARGS`` in a fresh process (stdin closed) and return what it did."""
    full_env = {**os.environ, **(env or {})}
    done = subprocess.run(
        [sys.executable, "-m", "assess.cli", *args],
        cwd=cwd,
        env=full_env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if check:
        assert done.returncode == 0, f"assess {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}"
    return done


def tar_folder(folder: Path, archive: Path, *, skip_git: bool = True) -> Path:
    """A ``.tar.gz`` of ``folder`` (without ``.git``), as a portfolio input."""
    with tarfile.open(archive, "w:gz") as tf:
        for path in sorted(folder.rglob("*")):
            rel = path.relative_to(folder)
            if skip_git and rel.parts[0] == ".git":
                continue
            tf.add(path, arcname=f"{folder.name}/{rel.as_posix()}", recursive=False)
    return archive


def output_texts(out: Path) -> dict[str, str]:
    """Every file below ``out`` as text (the SQLite store and Parquet files read as data)."""
    import sqlite3

    import pyarrow.parquet as pq

    texts: dict[str, str] = {}
    for path in sorted(out.rglob("*")):
        if not path.is_file():
            continue
        rel = path.relative_to(out).as_posix()
        if path.suffix == ".parquet":
            texts[rel] = repr(pq.read_table(path).to_pylist())
        elif path.name.endswith((".sqlite", ".sqlite-wal", ".sqlite-shm")) and path.suffix == ".sqlite":
            db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
            try:
                tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
                dump = [repr(db.execute(f'SELECT * FROM "{t}"').fetchall()) for t in tables]
            finally:
                db.close()
            texts[rel] = "\n".join(dump)
        else:
            texts[rel] = path.read_bytes().decode("utf-8", "replace")
    return texts
