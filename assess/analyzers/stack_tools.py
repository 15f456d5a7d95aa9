"""Build tools, from the manifest and lock files present."""

from __future__ import annotations

from assess.analyzers._files import name_of
from assess.analyzers.manifest_python import is_requirements_file
from assess.analyzers.stack_context import StackContext
from assess.model import Sourced

_BY_FILE: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("maven", ("pom.xml",)),
    ("gradle", ("build.gradle", "build.gradle.kts", "settings.gradle", "settings.gradle.kts")),
    ("poetry", ("poetry.lock",)),
    ("uv", ("uv.lock",)),
    ("pipenv", ("Pipfile", "Pipfile.lock")),
    ("yarn", ("yarn.lock",)),
    ("pnpm", ("pnpm-lock.yaml",)),
    ("npm", ("package-lock.json", "npm-shrinkwrap.json")),
    ("go", ("go.mod",)),
    ("bundler", ("Gemfile", "Gemfile.lock")),
    ("composer", ("composer.json",)),
)


def _python_tools(ctx: StackContext, found: dict[str, Sourced]) -> None:
    for path in ctx.named("pyproject.toml"):
        tool = ctx.toml(path).get("tool")
        for name in ("poetry", "uv"):
            if isinstance(tool, dict) and name in tool:
                found.setdefault(name, Sourced(name, path))
    if any(t in found for t in ("poetry", "uv", "pipenv")):
        return
    pip_files = ctx.named("setup.py") + [p for p in ctx.reader.paths(is_requirements_file)]
    pip_files += [p for p in ctx.named("pyproject.toml") if {"project", "build-system"} & set(ctx.toml(p))]
    if pip_files:
        first = min(pip_files, key=lambda p: (p.count("/"), not is_requirements_file(p), p))
        found["pip"] = Sourced("pip", first)


def _node_tools(ctx: StackContext, found: dict[str, Sourced]) -> None:
    if ctx.package_json is None:
        return
    manager = ctx.json(ctx.package_json).get("packageManager")
    if isinstance(manager, str):
        name = manager.split("@", 1)[0]
        if name in ("npm", "yarn", "pnpm"):
            found.setdefault(name, Sourced(name, ctx.package_json))
    if not any(t in found for t in ("npm", "yarn", "pnpm")):
        found["npm"] = Sourced("npm", ctx.package_json, guess=True)


def _dotnet_tools(ctx: StackContext, found: dict[str, Sourced]) -> None:
    for project in ctx.projects:
        if project.root is None:
            continue
        tool = "dotnet" if project.sdk else "msbuild"
        found.setdefault(tool, Sourced(tool, project.path))


def detect_build_tools(ctx: StackContext) -> tuple[Sourced, ...]:
    """One :class:`Sourced` per build tool, naming the shallowest file that shows it; sorted by name."""
    found: dict[str, Sourced] = {}
    for tool, names in _BY_FILE:
        paths = ctx.named(*names)
        if paths:
            found[tool] = Sourced(tool, paths[0])
    _python_tools(ctx, found)
    _node_tools(ctx, found)
    _dotnet_tools(ctx, found)
    if "gradle" in found and name_of(found["gradle"].file).startswith("settings") and ctx.gradle_build:
        found["gradle"] = Sourced("gradle", ctx.gradle_build)
    return tuple(found[k] for k in sorted(found))
