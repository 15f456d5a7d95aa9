""".NET projects: SDK-style and legacy ``*.csproj``, ``packages.config``, central package management
(``Directory.Packages.props``) and solution files (module folders)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assess.analyzers._files import Reader, dir_of, join
from assess.analyzers._xml import XmlNode, parse_xml
from assess.analyzers.manifest_common import Collector, as_dict, load_json

PROJECT_SUFFIXES = (".csproj", ".vbproj", ".fsproj")
_PROPERTY = re.compile(r"\$\(([\w.]+)\)")
_SLN_PROJECT = re.compile(r'(?m)^Project\("\{[^}]*\}"\)\s*=\s*"[^"]*"\s*,\s*"([^"]+)"')


@dataclass(frozen=True)
class DotnetProject:
    """The parts of a project file the analyzers use."""

    path: str
    root: XmlNode | None
    error: str | None
    sdk: str | None
    """The project SDK (``Microsoft.NET.Sdk.Web``); None for a legacy (non SDK-style) project."""
    sdk_line: int
    properties: dict[str, tuple[str, int]]
    """PropertyGroup values: name -> (value, line); the first definition wins."""

    def prop(self, name: str) -> tuple[str, int] | None:
        """A property with ``$(...)`` references to other properties substituted."""
        found = self.properties.get(name)
        if found is None:
            return None
        value = found[0]
        for _ in range(5):
            value = _PROPERTY.sub(lambda m: self.properties.get(m.group(1), (m.group(0), 0))[0], value)
        return value, found[1]


def read_project(path: str, text: str) -> DotnetProject:
    """Parse one project file (never raises)."""
    result = parse_xml(text)
    root = result.root if result.root is not None and result.root.tag == "Project" else None
    if root is None:
        return DotnetProject(path, None, result.error or "no <Project> root element", None, 0, {})
    sdk = root.attrs.get("Sdk")
    sdk_line = root.line
    for node in root.children:
        named = node.attrs.get("Name") if node.tag == "Sdk" else None
        imported = node.attrs.get("Sdk") if node.tag == "Import" else None
        if sdk is None and (named or imported):
            sdk, sdk_line = named or imported, node.line
    properties: dict[str, tuple[str, int]] = {}
    for group in root.all("PropertyGroup"):
        for node in group.children:
            properties.setdefault(node.tag, (node.text, node.line))
    return DotnetProject(path, root, result.error, sdk, sdk_line, properties)


def _central_versions(reader: Reader, path: str) -> dict[str, str]:
    """PackageVersion entries of the nearest Directory.Packages.props above ``path``."""
    folder = dir_of(path)
    while True:
        candidate = join(folder, "Directory.Packages.props")
        text = reader.text(candidate)
        if text is not None:
            root = parse_xml(text).root
            nodes = root.walk() if root else []
            return {
                n.attrs["Include"]: n.attrs.get("Version", "")
                for n in nodes
                if n.tag == "PackageVersion" and "Include" in n.attrs
            }
        if not folder:
            return {}
        folder = dir_of(folder)


def _is_test_project(project: DotnetProject, references: list[XmlNode]) -> bool:
    flag = project.prop("IsTestProject")
    if flag and flag[0].strip().lower() == "true":
        return True
    return any(r.attrs.get("Include") == "Microsoft.NET.Test.Sdk" for r in references)


def parse_project(reader: Reader, path: str, out: Collector) -> None:
    """Record the PackageReference items of a project file."""
    text = reader.text(path)
    if text is None:
        return
    project = read_project(path, text)
    if project.error:
        out.error(path, project.error)
    if project.root is None:
        return
    references = [n for n in project.root.walk() if n.tag == "PackageReference" and "Include" in n.attrs]
    central = _central_versions(reader, path) if references else {}
    test_project = _is_test_project(project, references)
    for ref in references:
        name = ref.attrs["Include"]
        version = (
            ref.attrs.get("Version")
            or ref.text_of("Version")
            or ref.attrs.get("VersionOverride")
            or central.get(name)
        )
        if version:
            version = _PROPERTY.sub(lambda m: (project.prop(m.group(1)) or (m.group(0), 0))[0], version)
        private = (ref.attrs.get("PrivateAssets") or ref.text_of("PrivateAssets") or "").lower() == "all"
        scope = "test" if test_project else "dev" if private else "runtime"
        out.add("nuget", name, version, scope, path, ref.line)


def parse_packages_config(reader: Reader, path: str, out: Collector) -> None:
    """Record the packages of a legacy packages.config."""
    text = reader.text(path)
    if text is None:
        return
    result = parse_xml(text)
    if result.error:
        out.error(path, result.error)
    if result.root is None:
        return
    for node in result.root.all("package"):
        name = node.attrs.get("id")
        if name:
            dev = node.attrs.get("developmentDependency", "").lower() == "true"
            out.add("nuget", name, node.attrs.get("version"), "dev" if dev else "runtime", path, node.line)


def parse_packages_props(reader: Reader, path: str, out: Collector) -> None:
    """Check Directory.Packages.props and record its GlobalPackageReference items (dev tools)."""
    text = reader.text(path)
    if text is None:
        return
    result = parse_xml(text)
    if result.error:
        out.error(path, result.error)
    for node in result.root.walk() if result.root else []:
        if node.tag == "GlobalPackageReference" and "Include" in node.attrs:
            out.add("nuget", node.attrs["Include"], node.attrs.get("Version"), "dev", path, node.line)


def parse_solution(reader: Reader, path: str, out: Collector) -> None:
    """Record the folders of the projects a .sln lists."""
    text = reader.text(path)
    if text is None:
        return
    for match in _SLN_PROJECT.finditer(text):
        project = match.group(1).replace("\\", "/")
        if project.endswith(PROJECT_SUFFIXES):
            folder = dir_of(join(dir_of(path), project))
            if folder:
                out.modules.append(folder)


def parse_nuget_lock(reader: Reader, path: str, out: Collector) -> None:
    """Read resolved versions from a NuGet ``packages.lock.json`` (quietly)."""
    text = reader.text(path)
    if text is None:
        return
    data = load_json(text, path, Collector()) or {}
    versions: dict[str, str] = {}
    for packages in as_dict(data.get("dependencies")).values():
        for name, entry in as_dict(packages).items():
            resolved = as_dict(entry).get("resolved")
            if isinstance(resolved, str):
                versions.setdefault(name, resolved)
    out.lock("nuget", dir_of(path), versions)
