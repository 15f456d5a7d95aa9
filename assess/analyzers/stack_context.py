"""What the stack detectors share: bounded file reads, facts, dependencies and the main project files."""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Iterator, Mapping
from functools import cached_property
from typing import Any

from assess.analyzers._files import Reader, SnapshotLike, depth_key, dir_of, name_of
from assess.analyzers.manifest_dotnet import PROJECT_SUFFIXES, DotnetProject, read_project
from assess.analyzers.manifest_maven import Pom, PomIndex
from assess.analyzers.manifests import ManifestResult, is_ignored
from assess.model import Call, Dependency, FileFacts, Sourced

_TEST_PATH = re.compile(
    r"(?i)(^|/)(tests?|specs?|__tests__|testing|e2e|fixtures?)/"
    r"|_test\.go$|\.(test|spec)\.[jt]sx?$|(^|/)test_[^/]*\.py$"
)
NOT_RUNTIME_SCOPES = frozenset({"test", "dev"})


def is_test_path(path: str) -> bool:
    """True for test code and fixtures (never evidence of how the app runs)."""
    return bool(_TEST_PATH.search(path))


class StackContext:
    """Shared, lazily computed inputs of :func:`assess.analyzers.stack.detect_stack`."""

    def __init__(
        self, snapshot: SnapshotLike, facts: Mapping[str, FileFacts], manifests: ManifestResult
    ) -> None:
        self.reader = Reader(snapshot, "stack")
        self.facts = facts
        self.manifests = manifests
        self.poms = PomIndex(self.reader)
        self.frameworks: dict[str, Sourced] = {}
        self.primary_language: str | None = None
        self.runtime: str | None = None
        self.runtime_version: str | None = None

    # ------------------------------------------------------------------ files

    def named(self, *names: str) -> list[str]:
        """App paths (not vendored) with one of these file names, shallowest first."""
        return [p for p in self.reader.named(*names) if not is_ignored(p)]

    def text(self, path: str) -> str | None:
        """Text of a file of at most 1 MiB."""
        return self.reader.text(path)

    def json(self, path: str) -> dict[str, Any]:
        """A JSON object file (empty when missing or malformed)."""
        text = self.text(path)
        try:
            data = json.loads(text) if text else {}
        except (ValueError, RecursionError):
            return {}
        return data if isinstance(data, dict) else {}

    def toml(self, path: str) -> dict[str, Any]:
        """A TOML file (empty when missing or malformed)."""
        text = self.text(path)
        try:
            return tomllib.loads(text) if text else {}
        except (ValueError, RecursionError):
            return {}

    # ------------------------------------------------------------------ dependencies and facts

    def runtime_dependencies(self, ecosystem: str | None = None) -> Iterator[Dependency]:
        """Declared dependencies that ship with the app (not test or dev)."""
        for dep in self.manifests.dependencies:
            if dep.scope not in NOT_RUNTIME_SCOPES and ecosystem in (None, dep.ecosystem):
                yield dep

    def app_facts(self, *languages: str) -> list[FileFacts]:
        """Facts of non-test files in ``languages``, shallowest first."""
        wanted = set(languages)
        found = [f for f in self.facts.values() if f.language in wanted and not is_test_path(f.path)]
        return sorted(found, key=lambda f: depth_key(f.path))

    def calls(self, *languages: str) -> Iterator[tuple[FileFacts, Call]]:
        """Every call of the non-test files in ``languages``."""
        for facts in self.app_facts(*languages):
            for call in facts.calls:
                yield facts, call

    # ------------------------------------------------------------------ main projects

    @cached_property
    def main_pom(self) -> Pom | None:
        """The pom of the runnable module: the one above ``@SpringBootApplication``, else the root."""
        poms = [p for p in (self.poms.pom(path) for path in self.named("pom.xml")) if p and p.root]
        if not poms:
            return None
        boot_files = [
            f.path
            for f in self.app_facts("java")
            if any(a.name.endswith("SpringBootApplication") for a in f.annotations)
        ]
        for path in boot_files:
            owners = [p for p in poms if path.startswith(f"{dir_of(p.path)}/") or not dir_of(p.path)]
            if owners:
                return max(owners, key=lambda p: len(p.path))
        boot = {
            d.file
            for d in self.runtime_dependencies("maven")
            if d.name.startswith("org.springframework.boot:")
        }
        ranked = sorted(
            poms,
            key=lambda p: (
                not _has_plugin(p, "spring-boot-maven-plugin"),
                p.path not in boot,
                p.packaging not in ("war", "ear"),
                p.packaging != "jar",
            ),
        )
        return ranked[0]

    @cached_property
    def gradle_build(self) -> str | None:
        """The shallowest build.gradle(.kts)."""
        found = self.named("build.gradle", "build.gradle.kts")
        return found[0] if found else None

    @cached_property
    def projects(self) -> list[DotnetProject]:
        """Every .NET project file, shallowest first."""
        found = []
        for path in self.reader.paths(lambda p: p.lower().endswith(PROJECT_SUFFIXES) and not is_ignored(p)):
            text = self.text(path)
            if text is not None:
                found.append(read_project(path, text))
        return found

    @cached_property
    def main_project(self) -> DotnetProject | None:
        """The project that runs: a web project, else an executable, else the first non-test one."""
        candidates = [p for p in self.projects if p.root is not None and not _is_test_project(p)]
        for wanted in (_is_web_project, _is_exe_project, lambda _p: True):
            for project in candidates:
                if wanted(project):
                    return project
        return None

    @cached_property
    def package_json(self) -> str | None:
        """The shallowest package.json of the app."""
        found = self.named("package.json")
        return found[0] if found else None


def _has_plugin(pom: Pom, artifact: str) -> bool:
    nodes = pom.root.walk() if pom.root else []
    return any(n.tag == "plugin" and n.text_of("artifactId") == artifact for n in nodes)


def _is_test_project(project: DotnetProject) -> bool:
    flag = project.prop("IsTestProject")
    name = name_of(project.path).lower()
    nodes = project.root.walk() if project.root else []
    references = (n.attrs.get("Include") for n in nodes if n.tag == "PackageReference")
    test_sdk = "Microsoft.NET.Test.Sdk" in references
    return bool(flag and flag[0].lower() == "true") or test_sdk or ".test" in name or "tests." in name


def _is_web_project(project: DotnetProject) -> bool:
    if project.sdk and project.sdk.startswith("Microsoft.NET.Sdk.Web"):
        return True
    root = project.root
    nodes = root.walk() if root else []
    web_packages = ("Microsoft.AspNetCore", "Microsoft.AspNet.")
    return any(
        (n.tag == "PackageReference" and n.attrs.get("Include", "").startswith(web_packages))
        or (n.tag == "Reference" and n.attrs.get("Include", "").startswith("System.Web"))
        for n in nodes
    )


def _is_exe_project(project: DotnetProject) -> bool:
    output = project.prop("OutputType")
    return bool(output and output[0].lower() in ("exe", "winexe"))
