"""Maven ``pom.xml``: properties, parent chain inside the repository, modules, dependencyManagement."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assess.analyzers._files import Reader, dir_of, join
from assess.analyzers._xml import XmlNode, parse_xml
from assess.analyzers.manifest_common import Collector

_PLACEHOLDER = re.compile(r"\$\{([^}$]+)\}")
_SCOPES = {
    "compile": "runtime",
    "runtime": "runtime",
    "provided": "provided",
    "system": "provided",
    "test": "test",
    "import": "import",
}


@dataclass(frozen=True)
class Pom:
    """The parts of one pom.xml the analyzers use (values as written, unresolved)."""

    path: str
    root: XmlNode | None
    error: str | None
    group_id: str | None
    artifact_id: str | None
    version: str | None
    packaging: str
    parent: tuple[str, str, str | None, str | None, int] | None
    """``(groupId, artifactId, version, relativePath, line)`` of ``<parent>``."""
    properties: dict[str, tuple[str, int]]
    """Own ``<properties>``: name -> (value, line)."""

    def project_text(self, *tags: str) -> tuple[str, int] | None:
        """Text and line of an element under ``<project>``."""
        node = self.root.path(*tags) if self.root else None
        return (node.text, node.line) if node and node.text else None


def _read_pom(path: str, text: str) -> Pom:
    result = parse_xml(text)
    root = result.root if result.root is not None and result.root.tag == "project" else None
    if root is None:
        return Pom(path, None, result.error or "no <project> root element", None, None, None, "jar", None, {})
    parent_node = root.child("parent")
    parent = None
    if parent_node is not None:
        rel = parent_node.child("relativePath")
        parent = (
            parent_node.text_of("groupId") or "",
            parent_node.text_of("artifactId") or "",
            parent_node.text_of("version"),
            None if rel is None else rel.text,
            parent_node.line,
        )
    props_node = root.child("properties")
    properties = {c.tag: (c.text, c.line) for c in props_node.children} if props_node else {}
    return Pom(
        path,
        root,
        result.error,
        root.text_of("groupId") or (parent[0] if parent else None),
        root.text_of("artifactId"),
        root.text_of("version") or (parent[2] if parent else None),
        root.text_of("packaging") or "jar",
        parent,
        properties,
    )


class PomIndex:
    """Loads poms on demand and resolves parents, properties and managed versions inside the repo."""

    def __init__(self, reader: Reader) -> None:
        self._reader = reader
        self._poms: dict[str, Pom | None] = {}
        self._by_coords: dict[tuple[str, str], str] | None = None

    def pom(self, path: str) -> Pom | None:
        """The parsed pom at ``path`` (None when absent or unreadable)."""
        if path not in self._poms:
            text = self._reader.text(path)
            self._poms[path] = None if text is None else _read_pom(path, text)
        return self._poms[path]

    def all_paths(self) -> list[str]:
        """Every pom.xml of the snapshot, shallowest first."""
        return self._reader.named("pom.xml")

    def parent(self, pom: Pom) -> Pom | None:
        """The parent pom when it is inside the repository."""
        if pom.parent is None:
            return None
        group, artifact, _version, rel, _line = pom.parent
        if rel is None or rel:
            candidate = join(dir_of(pom.path), rel or "..")
            if not candidate.endswith(".xml"):
                candidate = join(candidate, "pom.xml")
            found = self.pom(candidate) if candidate != pom.path else None
            if found and found.artifact_id == artifact:
                return found
        if self._by_coords is None:
            self._by_coords = {}
            for path in self.all_paths():
                other = self.pom(path)
                if other and other.artifact_id:
                    self._by_coords.setdefault((other.group_id or "", other.artifact_id), path)
        target = self._by_coords.get((group, artifact))
        return self.pom(target) if target and target != pom.path else None

    def chain(self, pom: Pom) -> list[Pom]:
        """``pom`` and its in-repo ancestors, nearest first (cycle-safe)."""
        seen: list[Pom] = []
        node: Pom | None = pom
        while node is not None and all(node.path != s.path for s in seen) and len(seen) < 20:
            seen.append(node)
            node = self.parent(node)
        return seen

    def properties(self, pom: Pom) -> dict[str, str]:
        """Effective properties: ancestors' first, own last, plus ``project.*`` built-ins."""
        props: dict[str, str] = {}
        for ancestor in reversed(self.chain(pom)):
            props.update({k: v for k, (v, _line) in ancestor.properties.items()})
        builtins = {
            "groupId": pom.group_id,
            "artifactId": pom.artifact_id,
            "version": pom.version,
            "packaging": pom.packaging,
        }
        for key, value in builtins.items():
            if value is not None:
                props[f"project.{key}"] = value
                props[f"pom.{key}"] = value
                props.setdefault(key, value)
        if pom.parent:
            props["project.parent.groupId"] = pom.parent[0]
            props["project.parent.artifactId"] = pom.parent[1]
            if pom.parent[2]:
                props["project.parent.version"] = pom.parent[2]
        return props

    def resolve(self, pom: Pom, value: str | None, props: dict[str, str] | None = None) -> str | None:
        """``value`` with ``${...}`` placeholders replaced where the repo defines them."""
        if value is None:
            return None
        props = self.properties(pom) if props is None else props
        for _ in range(10):
            new = _PLACEHOLDER.sub(lambda m: props.get(m.group(1), m.group(0)), value)
            if new == value:
                break
            value = new
        return value

    def managed(self, pom: Pom) -> dict[tuple[str, str], str]:
        """Versions from ``dependencyManagement`` of ``pom`` and its ancestors (nearest wins)."""
        versions: dict[tuple[str, str], str] = {}
        for ancestor in reversed(self.chain(pom)):
            managed = ancestor.root.path("dependencyManagement", "dependencies") if ancestor.root else None
            if managed is None:
                continue
            props = self.properties(ancestor)
            for dep in managed.all("dependency"):
                group = self.resolve(ancestor, dep.text_of("groupId"), props)
                artifact = self.resolve(ancestor, dep.text_of("artifactId"), props)
                version = self.resolve(ancestor, dep.text_of("version"), props)
                if group and artifact and version:
                    versions[(group, artifact)] = version
        return versions


def parse_pom(reader: Reader, index: PomIndex, path: str, out: Collector) -> None:
    """Record the dependencies and modules of one pom.xml."""
    pom = index.pom(path)
    if pom is None:
        return
    if pom.error:
        out.error(path, pom.error)
    if pom.root is None:
        return
    props = index.properties(pom)
    managed = index.managed(pom)
    if pom.parent and not (pom.parent[0] and pom.parent[1]):
        out.error(path, f"parent at line {pom.parent[4]} has no groupId or artifactId")
    elif pom.parent and index.parent(pom) is None:
        parent_name = f"{pom.parent[0]}:{pom.parent[1]}"
        parent_version = index.resolve(pom, pom.parent[2], props)
        out.add("maven", parent_name, parent_version, "parent", path, pom.parent[4])
    deps = pom.root.child("dependencies")
    for dep in deps.all("dependency") if deps else []:
        group = index.resolve(pom, dep.text_of("groupId"), props) or ""
        artifact = index.resolve(pom, dep.text_of("artifactId"), props) or ""
        if not group or not artifact:
            out.error(path, f"dependency at line {dep.line} has no groupId or artifactId")
            continue
        version = index.resolve(pom, dep.text_of("version"), props) or managed.get((group, artifact))
        scope = _SCOPES.get((dep.text_of("scope") or "compile").lower(), "runtime")
        if (dep.text_of("optional") or "").lower() == "true" and scope == "runtime":
            scope = "optional"
        line = (dep.child("artifactId") or dep).line
        out.add("maven", f"{group}:{artifact}", version, scope, path, line)
    modules = pom.root.child("modules")
    for module in modules.all("module") if modules else []:
        if module.text:
            folder = join(dir_of(path), module.text)
            out.modules.append(dir_of(folder) if folder.endswith(".xml") else folder)
