"""Gradle build scripts (Groovy and Kotlin DSL), best effort with regular expressions."""

from __future__ import annotations

import re

from assess.analyzers._files import Reader, dir_of, join
from assess.analyzers._text import blank_c_comments, line_at
from assess.analyzers.manifest_common import Collector

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
        for line in text.splitlines():
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
