"""Dependencies of every supported ecosystem, read statically from the manifests of a snapshot.

:func:`parse_manifests` never raises on bad input: a malformed manifest becomes a
:class:`~assess.model.ScanError` (stage ``manifests``) and whatever could still be read.
Scopes are normalised across ecosystems: ``runtime``, ``provided``, ``optional``, ``peer``,
``dev``, ``test``, ``indirect`` (Go) and ``parent`` (a Maven parent outside the repository).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from dataclasses import dataclass

from assess.analyzers._files import Reader, SnapshotLike, depth_key, dir_of, name_of
from assess.analyzers.manifest_common import STAGE, Collector
from assess.analyzers.manifest_dotnet import (
    PROJECT_SUFFIXES,
    parse_nuget_lock,
    parse_packages_config,
    parse_packages_props,
    parse_project,
    parse_solution,
)
from assess.analyzers.manifest_go import parse_go_mod, parse_go_work
from assess.analyzers.manifest_gradle import parse_build_gradle, parse_settings_gradle, parse_version_catalog
from assess.analyzers.manifest_maven import PomIndex, parse_pom
from assess.analyzers.manifest_node import (
    parse_node_lock,
    parse_package_json,
    parse_pnpm_lock,
    parse_pnpm_workspace,
)
from assess.analyzers.manifest_php import parse_composer_json, parse_composer_lock
from assess.analyzers.manifest_python import (
    is_requirements_file,
    parse_pipfile,
    parse_pyproject,
    parse_python_lock,
    parse_requirements,
)
from assess.analyzers.manifest_ruby import parse_gemfile, parse_gemfile_lock
from assess.model import Dependency, ScanError

Parser = Callable[[Reader, str, Collector], None]

IGNORED_FOLDERS = frozenset({"node_modules", "bower_components", "vendor", ".venv", "venv", "site-packages"})
"""Folders holding third-party code whose manifests are not the app's own."""

_BY_NAME: dict[str, Parser] = {
    "build.gradle": parse_build_gradle,
    "build.gradle.kts": parse_build_gradle,
    "settings.gradle": parse_settings_gradle,
    "settings.gradle.kts": parse_settings_gradle,
    "libs.versions.toml": parse_version_catalog,
    "pyproject.toml": parse_pyproject,
    "Pipfile": parse_pipfile,
    "package.json": parse_package_json,
    "pnpm-workspace.yaml": parse_pnpm_workspace,
    "go.mod": parse_go_mod,
    "go.work": parse_go_work,
    "packages.config": parse_packages_config,
    "Directory.Packages.props": parse_packages_props,
    "Gemfile": parse_gemfile,
    "composer.json": parse_composer_json,
}
_LOCKS: dict[str, Parser] = {
    "poetry.lock": parse_python_lock,
    "uv.lock": parse_python_lock,
    "Pipfile.lock": parse_python_lock,
    "package-lock.json": parse_node_lock,
    "npm-shrinkwrap.json": parse_node_lock,
    "yarn.lock": parse_node_lock,
    "pnpm-lock.yaml": parse_pnpm_lock,
    "Gemfile.lock": parse_gemfile_lock,
    "composer.lock": parse_composer_lock,
    "packages.lock.json": parse_nuget_lock,
}
_PROJECT = re.compile(r"(?i).*\.(csproj|vbproj|fsproj)$")
MANIFEST_NAMES = frozenset({"pom.xml", *_BY_NAME, *_LOCKS})
"""File names with a parser of their own (besides project files, solutions and requirements files)."""


@dataclass(frozen=True, slots=True)
class ManifestResult:
    """Declared dependencies, module folders of multi-module builds, and manifest problems."""

    dependencies: tuple[Dependency, ...] = ()
    modules: tuple[str, ...] = ()
    errors: tuple[ScanError, ...] = ()


def parser_for(path: str, index: PomIndex | None = None) -> Parser | None:
    """The manifest (or lock file) parser for a path, None when the file is not one."""
    name = name_of(path)
    if name == "pom.xml" and index is not None:
        pom_index = index
        return lambda reader, p, out: parse_pom(reader, pom_index, p, out)
    if name in _BY_NAME:
        return _BY_NAME[name]
    if name in _LOCKS:
        return _LOCKS[name]
    if name.lower().endswith(PROJECT_SUFFIXES) and _PROJECT.match(name):
        return parse_project
    if name.lower().endswith(".sln"):
        return parse_solution
    if is_requirements_file(path):
        return parse_requirements
    return None


def is_ignored(path: str) -> bool:
    """True for files inside vendored / installed third-party folders."""
    return any(part in IGNORED_FOLDERS for part in path.split("/")[:-1])


def _with_locks(deps: list[Dependency], locked: dict[tuple[str, str], dict[str, str]]) -> list[Dependency]:
    result = []
    for dep in deps:
        version: str | None = None
        where = dep.file
        while version is None:
            version = locked.get((dep.ecosystem, where), {}).get(dep.name)
            if not where:
                break
            where = dir_of(where)
        result.append(dataclasses.replace(dep, locked_version=version) if version else dep)
    return result


def parse_manifests(snapshot: SnapshotLike) -> ManifestResult:
    """Read every manifest of ``snapshot`` (files over 1 MiB are skipped); never raises on bad input."""
    reader = Reader(snapshot, STAGE)
    index = PomIndex(reader)
    out = Collector()
    for file in sorted(snapshot.files, key=lambda f: depth_key(f.path)):
        if is_ignored(file.path):
            continue
        parser = parser_for(file.path, index)
        if parser is None:
            continue
        try:
            parser(reader, file.path, out)
        except (ValueError, TypeError, KeyError, IndexError, AttributeError, RecursionError) as exc:
            out.error(file.path, f"could not be parsed ({type(exc).__name__}: {exc})")
    deps = _with_locks(out.dependencies, out.locked)
    deps.sort(key=lambda d: (*depth_key(d.file), d.line, d.name))
    modules = sorted({m for m in out.modules if m})
    return ManifestResult(tuple(deps), tuple(modules), tuple(out.errors + reader.errors))
