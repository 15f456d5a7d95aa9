"""Runtime and runtime version, following each ecosystem's own precedence.

- python: ``.python-version`` > pyproject ``requires-python`` (or Poetry ``python``) > ``runtime.txt`` /
  Pipfile ``python_version``
- node: ``.nvmrc`` / ``.node-version`` > package.json ``engines.node``
- java: ``maven.compiler.release`` > ``maven.compiler.source``/``target`` > ``java.version`` > Gradle
  toolchain > Gradle ``sourceCompatibility``/``targetCompatibility``
- go: go.mod ``toolchain`` > ``go``
- dotnet: global.json ``sdk.version`` > ``TargetFramework(s)``; dotnet-framework: ``TargetFrameworkVersion``
- ruby: ``.ruby-version`` > Gemfile ``ruby "x"``; php: composer.json ``require.php``
"""

from __future__ import annotations

import re
from collections.abc import Callable

from assess.analyzers._files import dir_of, join
from assess.analyzers._text import blank_c_comments, find_line, json_key_line, line_at
from assess.analyzers.manifest_common import as_dict
from assess.analyzers.manifest_dotnet import DotnetProject, read_project
from assess.analyzers.manifest_go import read_go_mod
from assess.analyzers.manifest_maven import Pom
from assess.analyzers.manifest_ruby import gemfile_ruby
from assess.analyzers.stack_context import StackContext
from assess.analyzers.stack_versions import (
    dotnet_highest,
    dotnet_version,
    go_version,
    java_version,
    node_version,
    php_version,
    python_version,
    ruby_version,
)
from assess.model import Sourced

LANGUAGE_RUNTIMES: dict[str, str] = {
    "java": "java",
    "csharp": "dotnet",
    "python": "python",
    "javascript": "node",
    "typescript": "node",
    "go": "go",
    "ruby": "ruby",
    "php": "php",
}
MANIFEST_RUNTIMES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("java", ("pom.xml", "build.gradle", "build.gradle.kts")),
    ("go", ("go.mod",)),
    ("python", ("pyproject.toml", "requirements.txt", "Pipfile", "setup.py")),
    ("ruby", ("Gemfile",)),
    ("php", ("composer.json",)),
    ("node", ("package.json",)),
)
_PLACEHOLDER = re.compile(r"\$\{([^}]+)\}")
_TOOLCHAIN = re.compile(r"JavaLanguageVersion\s*\.\s*of\s*\(\s*['\"]?(\d+)|jvmToolchain\s*\(\s*(\d+)")
_COMPATIBILITY = re.compile(
    r"(?:source|target)Compatibility\s*=\s*(?:JavaVersion\s*\.\s*(?:VERSION_|toVersion\s*\(\s*)|['\"])?"
    r"['\"]?([\d._]+)"
)

VersionFinder = Callable[[StackContext], Sourced | None]


def _first_line(ctx: StackContext, path: str) -> tuple[str, int] | None:
    """The first line of a version file that is not blank or a comment."""
    for number, line in enumerate((ctx.text(path) or "").splitlines(), start=1):
        if line.strip() and not line.lstrip().startswith("#"):
            return line.strip(), number
    return None


def _version_file(
    ctx: StackContext, names: tuple[str, ...], normalise: Callable[[str], str | None]
) -> Sourced | None:
    for path in ctx.named(*names):
        found = _first_line(ctx, path)
        version = normalise(found[0]) if found else None
        if found and version:
            return Sourced(version, path, found[1])
    return None


# ---------------------------------------------------------------------------------------------- python


def _python(ctx: StackContext) -> Sourced | None:
    found = _version_file(ctx, (".python-version",), python_version)
    if found:
        return found
    for path in ctx.named("pyproject.toml"):
        data = ctx.toml(path)
        text = ctx.text(path) or ""
        requires = as_dict(data.get("project")).get("requires-python")
        if isinstance(requires, str) and (version := python_version(requires)):
            return Sourced(version, path, find_line(text, r"^\s*requires-python\s*="))
        poetry = as_dict(as_dict(data.get("tool")).get("poetry"))
        python = as_dict(poetry.get("dependencies")).get("python")
        if isinstance(python, str) and (version := python_version(python)):
            table = re.search(r"(?m)^\s*\[\s*tool\.poetry\.dependencies\s*\]", text)
            return Sourced(version, path, find_line(text, r"^\s*python\s*=", table.end() if table else 0))
    for path in ctx.named("runtime.txt", "Pipfile"):
        if path.endswith("runtime.txt"):
            line = _first_line(ctx, path)
            if line and line[0].lower().startswith("python") and (version := python_version(line[0])):
                return Sourced(version, path, line[1])
            continue
        requires = as_dict(ctx.toml(path).get("requires"))
        for key in ("python_version", "python_full_version"):
            value = requires.get(key)
            if isinstance(value, str) and (version := python_version(value)):
                return Sourced(version, path, find_line(ctx.text(path) or "", rf"^\s*{key}\s*="))
    return None


# ---------------------------------------------------------------------------------------------- node


def _node(ctx: StackContext) -> Sourced | None:
    found = _version_file(ctx, (".nvmrc", ".node-version"), node_version)
    if found:
        return found
    for path in ctx.named("package.json"):
        value = as_dict(ctx.json(path).get("engines")).get("node")
        if isinstance(value, str) and (version := node_version(value)):
            return Sourced(version, path, json_key_line(ctx.text(path) or "", "engines", "node"))
    return None


# ---------------------------------------------------------------------------------------------- java


def _pom_property(ctx: StackContext, pom: Pom, key: str) -> Sourced | None:
    """A property of ``pom`` or its in-repo ancestors; a bare ``${other}`` leads to where ``other`` is set."""
    props = ctx.poms.properties(pom)
    for _ in range(5):
        owner = next((p for p in ctx.poms.chain(pom) if key in p.properties), None)
        if owner is None:
            return None
        raw, line = owner.properties[key]
        reference = _PLACEHOLDER.fullmatch(raw.strip())
        if reference and any(reference.group(1) in p.properties for p in ctx.poms.chain(pom)):
            key = reference.group(1)
            continue
        version = java_version(ctx.poms.resolve(pom, raw, props) or "")
        return Sourced(version, owner.path, line) if version else None
    return None


def _compiler_plugin(ctx: StackContext, pom: Pom, tags: tuple[str, ...]) -> Sourced | None:
    props = ctx.poms.properties(pom)
    for owner in ctx.poms.chain(pom):
        for node in owner.root.walk() if owner.root else []:
            if node.tag != "plugin" or node.text_of("artifactId") != "maven-compiler-plugin":
                continue
            config = node.child("configuration")
            for tag in tags:
                setting = config.child(tag) if config else None
                if setting and setting.text:
                    reference = _PLACEHOLDER.fullmatch(setting.text)
                    if reference and (via := _pom_property(ctx, pom, reference.group(1))):
                        return via
                    version = java_version(ctx.poms.resolve(pom, setting.text, props) or "")
                    if version:
                        return Sourced(version, owner.path, setting.line)
    return None


def _gradle(ctx: StackContext) -> Sourced | None:
    paths = ctx.named("build.gradle", "build.gradle.kts")
    for regex in (_TOOLCHAIN, _COMPATIBILITY):
        for path in paths:
            code = blank_c_comments(ctx.text(path) or "")
            match = regex.search(code)
            if match:
                version = java_version(next(g for g in match.groups() if g))
                if version:
                    return Sourced(version, path, line_at(code, match.start()))
    return None


def _java(ctx: StackContext) -> Sourced | None:
    pom = ctx.main_pom
    if pom is not None:
        steps: tuple[Callable[[], Sourced | None], ...] = (
            lambda: _pom_property(ctx, pom, "maven.compiler.release"),
            lambda: _compiler_plugin(ctx, pom, ("release",)),
            lambda: (
                _pom_property(ctx, pom, "maven.compiler.source")
                or _pom_property(ctx, pom, "maven.compiler.target")
            ),
            lambda: _compiler_plugin(ctx, pom, ("source", "target")),
            lambda: _pom_property(ctx, pom, "java.version"),
        )
        for step in steps:
            found = step()
            if found:
                return found
    return _gradle(ctx)


# ---------------------------------------------------------------------------------------------- go


def _go(ctx: StackContext) -> Sourced | None:
    for path in ctx.named("go.mod"):
        mod = read_go_mod(ctx.text(path) or "")
        for found in (mod.toolchain, mod.go):
            version = go_version(found[0]) if found else None
            if found and version:
                return Sourced(version, path, found[1])
    return None


# ---------------------------------------------------------------------------------------------- .NET


def _build_props(ctx: StackContext, project: DotnetProject) -> list[DotnetProject]:
    """Directory.Build.props files above a project, nearest first."""
    found = []
    folder = dir_of(project.path)
    while True:
        path = join(folder, "Directory.Build.props")
        text = ctx.text(path)
        if text is not None:
            found.append(read_project(path, text))
        if not folder:
            return found
        folder = dir_of(folder)


def _project_property(ctx: StackContext, project: DotnetProject, *names: str) -> Sourced | None:
    for owner in (project, *_build_props(ctx, project)):
        for name in names:
            found = owner.prop(name)
            if found and found[0].strip():
                return Sourced(found[0].strip(), owner.path, found[1])
    return None


def dotnet_runtime(ctx: StackContext) -> tuple[str, Sourced | None]:
    """``("dotnet" | "dotnet-framework", version)`` of the main project."""
    project = ctx.main_project
    if project is None:
        return "dotnet", None
    legacy = _project_property(ctx, project, "TargetFrameworkVersion")
    if project.sdk is None:
        parsed = dotnet_version(legacy.value) if legacy else None
        version = Sourced(parsed[1], legacy.file, legacy.line) if legacy and parsed else None
        return "dotnet-framework", version
    moniker = _project_property(ctx, project, "TargetFramework", "TargetFrameworks")
    target = dotnet_highest(moniker.value) if moniker else None
    if moniker and target and target[0] == "dotnet-framework":
        return "dotnet-framework", Sourced(target[1], moniker.file, moniker.line)
    for path in ctx.named("global.json"):
        value = as_dict(ctx.json(path).get("sdk")).get("version")
        parsed = dotnet_version(value) if isinstance(value, str) else None
        if parsed:
            return "dotnet", Sourced(parsed[1], path, json_key_line(ctx.text(path) or "", "sdk", "version"))
    if moniker and target:
        return "dotnet", Sourced(target[1], moniker.file, moniker.line)
    return "dotnet", None


# ---------------------------------------------------------------------------------------------- ruby, php


def _ruby(ctx: StackContext) -> Sourced | None:
    found = _version_file(ctx, (".ruby-version",), ruby_version)
    if found:
        return found
    for path in ctx.named("Gemfile"):
        declared = gemfile_ruby(ctx.text(path) or "")
        version = ruby_version(declared[0]) if declared else None
        if declared and version:
            return Sourced(version, path, declared[1])
    return None


def _php(ctx: StackContext) -> Sourced | None:
    for path in ctx.named("composer.json"):
        value = as_dict(ctx.json(path).get("require")).get("php")
        if isinstance(value, str) and (version := php_version(value)):
            return Sourced(version, path, json_key_line(ctx.text(path) or "", "require", "php"))
    return None


VERSION_FINDERS: dict[str, VersionFinder] = {
    "python": _python,
    "node": _node,
    "java": _java,
    "go": _go,
    "ruby": _ruby,
    "php": _php,
}


def _runtime_name(ctx: StackContext) -> str | None:
    if ctx.primary_language in LANGUAGE_RUNTIMES:
        return LANGUAGE_RUNTIMES[ctx.primary_language]
    if ctx.projects:
        return "dotnet"
    return next((runtime for runtime, names in MANIFEST_RUNTIMES if ctx.named(*names)), None)


def _main_manifest(ctx: StackContext, runtime: str) -> str | None:
    if runtime == "java":
        return ctx.main_pom.path if ctx.main_pom else ctx.gradle_build
    if runtime.startswith("dotnet"):
        return ctx.main_project.path if ctx.main_project else None
    names = next((n for r, n in MANIFEST_RUNTIMES if r == runtime), ())
    found = ctx.named(*names)
    return found[0] if found else None


def detect_runtime(ctx: StackContext) -> tuple[Sourced | None, Sourced | None]:
    """``(runtime, runtime_version)``; the runtime is a guess when no manifest backs it."""
    runtime = _runtime_name(ctx)
    if runtime is None:
        return None, None
    if runtime == "dotnet":
        runtime, version = dotnet_runtime(ctx)
    else:
        version = VERSION_FINDERS[runtime](ctx)
    manifest = _main_manifest(ctx, runtime)
    if version is not None:
        return Sourced(runtime, version.file), version
    if manifest is not None:
        return Sourced(runtime, manifest), None
    code = next((f.path for f in ctx.facts.values() if LANGUAGE_RUNTIMES.get(f.language) == runtime), "")
    return Sourced(runtime, code, guess=True), None
