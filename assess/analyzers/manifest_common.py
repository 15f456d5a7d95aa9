"""What every manifest parser shares: the result collector and tolerant TOML/JSON loading."""

from __future__ import annotations

import json
import re
import tomllib
from dataclasses import dataclass, field
from typing import Any

from assess.model import Dependency, ScanError

STAGE = "manifests"

TEST_WORDS = re.compile(r"(?i)test|spec|e2e|qa")
DEV_WORDS = re.compile(r"(?i)dev|lint|doc|type|format|style|build|tool|bench|debug|local")


def text_lines(text: str) -> list[str]:
    """The lines of a manifest as editors number them: split on LF only (CRLF's CR dropped).

    ``str.splitlines`` also breaks on vertical tabs, form feeds and Unicode separators, which would
    put a finding's line number past the line a user sees.
    """
    return [line.removesuffix("\r") for line in text.split("\n")]


@dataclass
class Collector:
    """Accumulates dependencies, module folders, errors and lock-file versions during one parse."""

    dependencies: list[Dependency] = field(default_factory=list)
    modules: list[str] = field(default_factory=list)
    errors: list[ScanError] = field(default_factory=list)
    locked: dict[tuple[str, str], dict[str, str]] = field(default_factory=dict)
    """Pinned versions: ``(ecosystem, folder or manifest path) -> {name: version}``."""

    def error(self, path: str, problem: str) -> None:
        """Record a problem with one manifest."""
        self.errors.append(ScanError(STAGE, f"{path}: {problem}", path))

    def add(
        self,
        ecosystem: str,
        name: str,
        version: str | None,
        scope: str,
        path: str,
        line: int,
        *,
        best_effort: bool = False,
    ) -> None:
        """Record one declared dependency (``best_effort`` when read by a text scan, e.g. Gradle)."""
        clean = version.strip() if version else None
        self.dependencies.append(
            Dependency(ecosystem, name, clean or None, scope, path, line, best_effort=best_effort)
        )

    def lock(self, ecosystem: str, where: str, versions: dict[str, str]) -> None:
        """Record versions a lock file pins for the manifests of folder (or manifest) ``where``."""
        self.locked.setdefault((ecosystem, where), {}).update(versions)


def group_scope(group: str, default: str = "dev") -> str:
    """Scope of a named dependency group (``test``, ``dev``) from its name."""
    if TEST_WORDS.search(group):
        return "test"
    if DEV_WORDS.search(group):
        return "dev"
    return default


def _toml_error_line(exc: tomllib.TOMLDecodeError) -> int | None:
    found = re.search(r"line (\d+)", str(exc))
    return int(found.group(1)) if found else None


def load_toml(text: str, path: str, out: Collector) -> dict[str, Any]:
    """Parse TOML; on error record it and return what the lines before the error hold."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        out.error(path, f"invalid TOML: {exc}")
        bad = _toml_error_line(exc)
    except (ValueError, RecursionError) as exc:  # pragma: no cover - defensive
        out.error(path, f"invalid TOML: {exc}")
        return {}
    lines = text.split("\n")
    cut = (bad or 1) - 1
    # Retry on the part before the bad line, then before the table holding it.
    for end in (cut, _table_start(lines, cut)):
        if end <= 0:
            continue
        try:
            return tomllib.loads("\n".join(lines[:end]))
        except (tomllib.TOMLDecodeError, ValueError, RecursionError):
            continue
    return {}


def _table_start(lines: list[str], before: int) -> int:
    for i in range(min(before, len(lines)) - 1, -1, -1):
        if lines[i].lstrip().startswith("["):
            return i
    return 0


def load_json(text: str, path: str, out: Collector) -> dict[str, Any] | None:
    """Parse a JSON object; on error record it (with line and column) and return None."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        out.error(path, f"invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}")
        return None
    except (ValueError, RecursionError) as exc:
        out.error(path, f"invalid JSON: {exc}")
        return None
    if not isinstance(data, dict):
        out.error(path, "expected a JSON object at the top level")
        return None
    return data


def section(data: dict[str, Any], key: str, path: str, out: Collector) -> dict[str, Any]:
    """``data[key]`` as a dict; an error is recorded when it is present but not a table/object."""
    value = data.get(key)
    if value is not None and not isinstance(value, dict):
        out.error(path, f"{key!r} should be a table/object, not {type(value).__name__}")
    return as_dict(value)


def as_dict(value: object) -> dict[str, Any]:
    """``value`` when it is a dict with string keys, else an empty dict."""
    if isinstance(value, dict):
        return {k: v for k, v in value.items() if isinstance(k, str)}
    return {}


def as_str_list(value: object) -> list[str]:
    """The strings of a list value (anything else gives an empty list)."""
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str)]
    return []
