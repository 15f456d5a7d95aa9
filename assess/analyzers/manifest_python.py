"""Python manifests: requirements files, pyproject.toml (PEP 621, PEP 735, Poetry, uv, PDM), Pipfile."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from assess.analyzers._files import Reader, dir_of, name_of
from assess.analyzers._text import find_line
from assess.analyzers.manifest_common import (
    Collector,
    as_dict,
    as_str_list,
    group_scope,
    load_json,
    load_toml,
    section,
    text_lines,
)

_REQUIREMENT = re.compile(r"^\s*([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(\[[^\]]*\])?\s*(.*)$")
_CLAUSE = r"\s*(?:~=|===|==|!=|<=|>=|<|>)\s*[\w.*+!-]+\s*"
_SPECIFIERS = re.compile(rf"{_CLAUSE}(?:,{_CLAUSE})*")
_EGG = re.compile(r"[#&]egg=([A-Za-z0-9][A-Za-z0-9._-]*)")
_REQUIREMENTS_NAME = re.compile(r"(?i)^(?:.*[-_.])?requirements(?:[-_.].*)?\.(?:txt|in)$")


def normalize(name: str) -> str:
    """PEP 503 normalised project name (``Flask_SQLAlchemy`` -> ``flask-sqlalchemy``)."""
    return re.sub(r"[-_.]+", "-", name).lower()


def split_requirement(text: str) -> tuple[str, str | None] | None:
    """``(normalised name, version specifier or None)`` of a PEP 508 string; None if not one."""
    match = _REQUIREMENT.match(text.split(";", 1)[0])
    if not match:
        return None
    rest = match.group(3).strip()
    if rest.startswith("@"):
        return normalize(match.group(1)), None
    if rest.startswith("(") and rest.endswith(")"):
        rest = rest[1:-1]
    if rest and not _SPECIFIERS.fullmatch(rest):
        return None
    return normalize(match.group(1)), re.sub(r"\s+", "", rest) or None


def is_requirements_file(path: str) -> bool:
    """True for ``requirements*.txt`` style names and ``.txt`` files in a ``requirements/`` folder."""
    name = name_of(path)
    if _REQUIREMENTS_NAME.match(name):
        return True
    return name.endswith(".txt") and name_of(dir_of(path)).lower() == "requirements"


def _requirements_scope(path: str) -> str:
    stem = name_of(path).rsplit(".", 1)[0]
    if name_of(dir_of(path)).lower() == "requirements":
        stem = f"{stem} requirements"
    return group_scope(stem.lower().replace("requirements", ""), default="runtime")


def _logical_lines(text: str) -> Iterable[tuple[int, str]]:
    start, pending = 0, ""
    for number, raw in enumerate(text_lines(text), start=1):
        if not pending:
            start = number
        if raw.endswith("\\"):
            pending += raw[:-1] + " "
            continue
        yield start, pending + raw
        pending = ""
    if pending:
        yield start, pending


def _pins(text: str) -> dict[str, str]:
    pins: dict[str, str] = {}
    for _line, raw in _logical_lines(text):
        found = re.match(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?\s*==\s*([^\s;#,]+)", raw)
        if found:
            pins[normalize(found.group(1))] = found.group(2)
    return pins


def parse_requirements(reader: Reader, path: str, out: Collector) -> None:
    """Record the requirements of a pip requirements file (``-r`` includes are their own files)."""
    text = reader.text(path)
    if text is None:
        return
    if path.endswith(".txt") and reader.exists(path[:-4] + ".in"):
        out.lock("pypi", path[:-4] + ".in", _pins(text))  # pip-tools: the .in declares, the .txt pins
        return
    scope = _requirements_scope(path)
    for number, raw in _logical_lines(text):
        line = re.split(r"(?:^|\s)#", raw, maxsplit=1)[0].strip()
        line = re.split(r"\s+--?[A-Za-z]", line, maxsplit=1)[0] if not line.startswith("-") else line
        if not line:
            continue
        if line.startswith("-"):
            egg = _EGG.search(line) if line.startswith(("-e", "--editable")) else None
            if egg:
                out.add("pypi", normalize(egg.group(1)), None, scope, path, number)
            continue
        if "://" in line.split("@", 1)[0] or line.startswith((".", "/", "~")):
            egg = _EGG.search(line)
            if egg:
                out.add("pypi", normalize(egg.group(1)), None, scope, path, number)
            continue
        requirement = split_requirement(line)
        if requirement is None:
            out.error(path, f"line {number} is not a valid requirement: {line[:80]!r}")
            continue
        out.add("pypi", requirement[0], requirement[1], scope, path, number)


def _section_offset(text: str, header: str) -> int:
    """Offset of a TOML table header (``tool.poetry.dependencies``), 0 when absent."""
    parts = r"\s*\.\s*".join(rf'(?:"{re.escape(p)}"|{re.escape(p)})' for p in header.split("."))
    match = re.search(rf"(?m)^\s*\[\s*{parts}\s*\]", text)
    return match.start() if match else 0


def _string_line(text: str, value: str, start: int) -> int:
    pattern = rf"""(?:"{re.escape(value)}"|'{re.escape(value)}')"""
    return find_line(text, pattern, start) or find_line(text, pattern)


def _key_line(text: str, key: str, start: int) -> int:
    pattern = rf"""(?m)^\s*["']?{re.escape(key)}["']?\s*="""
    return find_line(text, pattern, start) or find_line(text, pattern)


def _add_pep508(out: Collector, text: str, path: str, items: list[str], scope: str, header: str) -> None:
    start = _section_offset(text, header)
    for item in items:
        requirement = split_requirement(item)
        if requirement is None:
            out.error(path, f"not a valid requirement: {item[:80]!r}")
            continue
        out.add("pypi", requirement[0], requirement[1], scope, path, _string_line(text, item, start))


def _table_version(spec: object) -> str | None:
    if isinstance(spec, str):
        return None if spec.strip() == "*" else spec
    if isinstance(spec, dict):
        version = spec.get("version")
        return _table_version(version) if isinstance(version, str) else None
    if isinstance(spec, list) and spec:
        return _table_version(spec[0])
    return None


def _add_table(out: Collector, text: str, path: str, table: dict[str, Any], scope: str, header: str) -> None:
    start = _section_offset(text, header)
    for name, spec in table.items():
        if name.lower() == "python":
            continue
        optional = isinstance(spec, dict) and spec.get("optional") is True
        out.add(
            "pypi",
            normalize(name),
            _table_version(spec),
            "optional" if optional and scope == "runtime" else scope,
            path,
            _key_line(text, name, start),
        )


def parse_pyproject(reader: Reader, path: str, out: Collector) -> None:
    """Record PEP 621, PEP 735 (dependency groups), Poetry, uv and PDM dependencies."""
    text = reader.text(path)
    if text is None:
        return
    data = load_toml(text, path, out)
    project = section(data, "project", path, out)
    dependencies = project.get("dependencies")
    if dependencies is not None and not isinstance(dependencies, list):
        out.error(path, "'project.dependencies' should be an array of requirement strings")
    _add_pep508(out, text, path, as_str_list(dependencies), "runtime", "project")
    for extra, items in as_dict(project.get("optional-dependencies")).items():
        scope = group_scope(extra, default="optional")
        _add_pep508(out, text, path, as_str_list(items), scope, "project.optional-dependencies")
    for group, items in as_dict(data.get("dependency-groups")).items():
        _add_pep508(out, text, path, as_str_list(items), group_scope(group), "dependency-groups")
    tool = as_dict(data.get("tool"))
    uv = as_dict(tool.get("uv"))
    _add_pep508(out, text, path, as_str_list(uv.get("dev-dependencies")), "dev", "tool.uv")
    for group, items in as_dict(as_dict(tool.get("pdm")).get("dev-dependencies")).items():
        _add_pep508(out, text, path, as_str_list(items), group_scope(group), "tool.pdm.dev-dependencies")
    poetry = as_dict(tool.get("poetry"))
    _add_table(out, text, path, as_dict(poetry.get("dependencies")), "runtime", "tool.poetry.dependencies")
    dev = as_dict(poetry.get("dev-dependencies"))
    _add_table(out, text, path, dev, "dev", "tool.poetry.dev-dependencies")
    for group, spec in as_dict(poetry.get("group")).items():
        header = f"tool.poetry.group.{group}.dependencies"
        _add_table(out, text, path, as_dict(as_dict(spec).get("dependencies")), group_scope(group), header)
    members = as_str_list(as_dict(uv.get("workspace")).get("members"))
    out.modules.extend(reader.folders_matching(dir_of(path), members, "pyproject.toml"))


def parse_pipfile(reader: Reader, path: str, out: Collector) -> None:
    """Record ``[packages]`` and ``[dev-packages]`` of a Pipfile."""
    text = reader.text(path)
    if text is None:
        return
    data = load_toml(text, path, out)
    _add_table(out, text, path, section(data, "packages", path, out), "runtime", "packages")
    _add_table(out, text, path, section(data, "dev-packages", path, out), "dev", "dev-packages")


def parse_python_lock(reader: Reader, path: str, out: Collector) -> None:
    """Read pinned versions from poetry.lock, uv.lock or Pipfile.lock (no error when malformed)."""
    text = reader.text(path)
    if text is None:
        return
    quiet = Collector()
    versions: dict[str, str] = {}
    if path.endswith(".lock") and name_of(path) != "Pipfile.lock":
        packages = load_toml(text, path, quiet).get("package")
        for package in packages if isinstance(packages, list) else []:
            if isinstance(package, dict) and isinstance(package.get("name"), str):
                version = package.get("version")
                if isinstance(version, str):
                    versions[normalize(package["name"])] = version
    else:
        data = load_json(text, path, quiet) or {}
        for section in ("default", "develop"):
            for name, spec in as_dict(data.get(section)).items():
                version = as_dict(spec).get("version")
                if isinstance(version, str):
                    versions[normalize(name)] = version.lstrip("=")
    out.lock("pypi", dir_of(path), versions)
