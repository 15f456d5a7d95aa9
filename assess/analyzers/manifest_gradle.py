"""Gradle build scripts (Groovy and Kotlin DSL), best effort with regular expressions."""

from __future__ import annotations

import re

from assess.analyzers._files import Reader, dir_of, join
from assess.analyzers._text import blank_c_comments, line_at
from assess.analyzers.manifest_common import Collector, as_dict, load_toml, text_lines

_STRING_NOTATION = re.compile(
    r"""\b(?P<conf>[A-Za-z]\w*)\s*\(?\s*(?P<platform>(?:enforcedPlatform|platform)\s*\(\s*)?"""
    r"""(?P<q>['"])(?P<coord>[^'"\s:]+:[^'"\s:]+(?::[^'"\s]*)?)(?P=q)"""
)
_MAP_NOTATION = re.compile(
    r"""\b(?P<conf>[A-Za-z]\w*)\s*\(?\s*group\s*[:=]\s*['"](?P<g>[^'"]+)['"]\s*,\s*"""
    r"""name\s*[:=]\s*['"](?P<a>[^'"]+)['"](?:\s*,\s*version\s*[:=]\s*['"](?P<v>[^'"]+)['"])?"""
)
_ASSIGNMENT = re.compile(r"""(?m)^\s*(?:def|val|var|ext\.)?\s*([A-Za-z_][\w.]*)\s*=\s*['"]([^'"$\n]*)['"]""")
_EXT_SET = re.compile(r"""\bset\(\s*['"]([\w.]+)['"]\s*,\s*['"]([^'"$\n]*)['"]\s*\)""")
_VARIABLE = re.compile(r"\$\{?([A-Za-z_][\w.]*)\}?")
_CATALOG_REFERENCE = re.compile(r"""\b(?P<conf>[A-Za-z]\w*)\s*\(?\s*(?P<catalog>libs)\.(?P<alias>[\w.]+)""")
_CATALOG = "gradle/libs.versions.toml"
_INCLUDE = re.compile(r"""\binclude\s*\(?\s*((?:['"][^'"]+['"]\s*,?\s*)+)""")
_KNOWN = {
    "implementation": "runtime",
    "api": "runtime",
    "compile": "runtime",
    "runtime": "runtime",
    "runtimeOnly": "runtime",
    "compileOnlyApi": "provided",
    "compileOnly": "provided",
    "providedCompile": "provided",
    "providedRuntime": "provided",
    "annotationProcessor": "dev",
    "kapt": "dev",
    "ksp": "dev",
    "developmentOnly": "dev",
}
_SUFFIXES = (
    "Implementation",
    "Api",
    "CompileOnly",
    "RuntimeOnly",
    "AnnotationProcessor",
    "Compile",
    "Runtime",
)


def _scope(conf: str) -> str | None:
    """Normalised scope of a configuration name, None when it is not a dependency configuration."""
    if conf in _KNOWN:
        return _KNOWN[conf]
    if not conf.endswith(_SUFFIXES):
        return None
    return "test" if "test" in conf.lower() else "dev"


def gradle_variables(reader: Reader, path: str, code: str) -> dict[str, str]:
    """Simple string variables of a build script plus ``gradle.properties`` next to it and at the root."""
    found: dict[str, str] = {}
    for props_path in ("gradle.properties", join(dir_of(path), "gradle.properties")):
        text = reader.text(props_path) or ""
        for line in text_lines(text):
            key, sep, value = line.partition("=")
            if sep and not key.lstrip().startswith(("#", "!")):
                found[key.strip()] = value.strip()
    for regex in (_ASSIGNMENT, _EXT_SET):
        for match in regex.finditer(code):
            name = match.group(1).removeprefix("ext.")
            found[name] = match.group(2)
    return found


def substitute(value: str, variables: dict[str, str]) -> str:
    """Replace ``$name`` / ``${name}`` with known variables, leaving the rest as written."""
    return _VARIABLE.sub(lambda m: variables.get(m.group(1), m.group(0)), value)


def parse_build_gradle(reader: Reader, path: str, out: Collector) -> None:
    """Record the dependencies declared in a build.gradle / build.gradle.kts."""
    text = reader.text(path)
    if text is None:
        return
    code = blank_c_comments(text)
    variables = gradle_variables(reader, path, code)
    for match in _STRING_NOTATION.finditer(code):
        scope = _scope(match.group("conf"))
        if scope is None or match.group("platform"):
            continue
        parts = substitute(match.group("coord"), variables).split("@", 1)[0].split(":")
        version = parts[2] if len(parts) > 2 and parts[2] else None
        out.add(
            "maven",
            f"{parts[0]}:{parts[1]}",
            version,
            scope,
            path,
            line_at(code, match.start()),
            best_effort=True,
        )
    for match in _MAP_NOTATION.finditer(code):
        scope = _scope(match.group("conf"))
        if scope is None:
            continue
        version = substitute(match.group("v"), variables) if match.group("v") else None
        name = f"{substitute(match.group('g'), variables)}:{substitute(match.group('a'), variables)}"
        out.add("maven", name, version, scope, path, line_at(code, match.start()), best_effort=True)
    catalog_path = _catalog_path(reader, path) if "libs." in code else None
    catalog = version_catalog(reader, catalog_path) if catalog_path else {}
    for match in _CATALOG_REFERENCE.finditer(code):
        conf_scope = _scope(match.group("conf"))
        if conf_scope is None:
            continue
        for name, version in catalog.get(match.group("alias").lower(), []):
            out.add("maven", name, version, conf_scope, path, line_at(code, match.start()), best_effort=True)


def _accessor(alias: str) -> str:
    """The accessor Gradle generates for a catalog alias (``spring-boot_web`` → ``spring.boot.web``)."""
    return re.sub(r"[-_.]+", ".", alias).lower()


def _catalog_version(spec: object, versions: dict[str, object]) -> str | None:
    if isinstance(spec, str):
        return spec or None
    table = as_dict(spec)
    if isinstance(table.get("ref"), str):
        return _catalog_version(versions.get(table["ref"]), versions)
    for key in ("strictly", "require", "prefer"):
        if isinstance(table.get(key), str):
            return str(table[key])
    return None


def _catalog_path(reader: Reader, build_file: str) -> str | None:
    """The ``gradle/libs.versions.toml`` of the build a script belongs to (nearest one above it)."""
    folder = dir_of(build_file)
    while True:
        candidate = join(folder, _CATALOG)
        if reader.exists(candidate):
            return candidate
        if not folder:
            return None
        folder = dir_of(folder)


def parse_version_catalog(reader: Reader, path: str, out: Collector) -> None:
    """Check that a version catalog reads (its libraries are recorded where build scripts use them)."""
    text = reader.text(path)
    if text is not None:
        load_toml(text, path, out)


def version_catalog(reader: Reader, path: str) -> dict[str, list[tuple[str, str | None]]]:
    """A ``libs.versions.toml``: accessor → ``(group:name, version)`` of each library (bundles too)."""
    text = reader.text(path)
    if text is None:
        return {}
    data = load_toml(text, path, Collector())
    versions = as_dict(data.get("versions"))
    libraries: dict[str, list[tuple[str, str | None]]] = {}
    for alias, spec in as_dict(data.get("libraries")).items():
        if isinstance(spec, str):
            parts = spec.split(":")
            if len(parts) >= 2:
                libraries[_accessor(alias)] = [
                    (f"{parts[0]}:{parts[1]}", parts[2] if len(parts) > 2 else None)
                ]
            continue
        table = as_dict(spec)
        module = table.get("module")
        if isinstance(module, str) and ":" in module:
            name = module
        elif isinstance(table.get("group"), str) and isinstance(table.get("name"), str):
            name = f"{table['group']}:{table['name']}"
        else:
            continue
        version = _catalog_version(table.get("version"), versions)
        if version is None and isinstance(table.get("version.ref"), str):
            version = _catalog_version(versions.get(table["version.ref"]), versions)
        ref = as_dict(table.get("version")).get("ref")
        if version is None and isinstance(ref, str):
            version = _catalog_version(versions.get(ref), versions)
        libraries[_accessor(alias)] = [(name, version)]
    for bundle, members in as_dict(data.get("bundles")).items():
        if isinstance(members, list):
            libraries[f"bundles.{_accessor(bundle)}"] = [
                lib for m in members if isinstance(m, str) for lib in libraries.get(_accessor(m), [])
            ]
    return libraries


def parse_settings_gradle(reader: Reader, path: str, out: Collector) -> None:
    """Record the module folders ``include``-d by a settings.gradle(.kts)."""
    text = reader.text(path)
    if text is None:
        return
    for match in _INCLUDE.finditer(blank_c_comments(text)):
        for name in re.findall(r"""['"]([^'"]+)['"]""", match.group(1)):
            folder = name.strip(":").replace(":", "/")
            if folder:
                out.modules.append(join(dir_of(path), folder))
