"""Container artefacts already in the repository: Dockerfiles, compose files, Kubernetes manifests,
Helm charts and Procfiles (development-container Dockerfiles under ``.devcontainer/`` excluded)."""

from __future__ import annotations

import re

import yaml

from assess.analyzers._files import dir_of, name_of
from assess.analyzers.stack_context import StackContext
from assess.model import ContainerArtifact

MAX_KUBERNETES_BYTES = 256 * 1024
"""YAML files larger than this are not opened to look for Kubernetes objects."""

_DOCKERFILE = re.compile(
    r"(?i)^(dockerfile|containerfile)([.-][\w.-]+)?$|^[\w.-]+\.(dockerfile|containerfile)$"
)
_COMPOSE = re.compile(r"(?i)^(docker-)?compose([.-][\w.-]+)?\.ya?ml$")
_K8S_HINT = re.compile(r"(?m)^apiVersion\s*:")
_K8S_KIND = re.compile(r"(?m)^kind\s*:")


def _excluded(path: str) -> bool:
    return ".devcontainer" in path.split("/")[:-1]


def dockerfiles(ctx: StackContext) -> list[str]:
    """Dockerfile / Containerfile paths (``*.dockerfile`` too), shallowest first."""
    return [p for p in ctx.reader.paths(lambda p: bool(_DOCKERFILE.match(name_of(p)))) if not _excluded(p)]


def _is_kubernetes(ctx: StackContext, path: str) -> bool:
    text = ctx.reader.text(path, limit=MAX_KUBERNETES_BYTES)
    if not text or not _K8S_HINT.search(text) or not _K8S_KIND.search(text):
        return False
    try:
        for doc in yaml.safe_load_all(text):
            if isinstance(doc, dict) and all(isinstance(doc.get(k), str) for k in ("apiVersion", "kind")):
                return True
    except (yaml.YAMLError, RecursionError, ValueError, TypeError):
        return False
    return False


def _maybe_kubernetes(path: str, in_chart: tuple[str, ...]) -> bool:
    name = name_of(path)
    inside_chart = bool(in_chart) and path.startswith(in_chart)
    return name.lower().endswith((".yaml", ".yml")) and name != "Chart.yaml" and not inside_chart


def detect_artifacts(ctx: StackContext) -> tuple[ContainerArtifact, ...]:
    """Every container artefact, sorted by path (a Helm chart's templates count as the chart)."""
    found = [ContainerArtifact("dockerfile", p) for p in dockerfiles(ctx)]
    charts = ctx.named("Chart.yaml")
    found.extend(ContainerArtifact("helm", p) for p in charts)
    in_chart = tuple(f"{dir_of(p)}/".lstrip("/") for p in charts)
    for path in ctx.reader.paths(lambda p: not _excluded(p)):
        name = name_of(path)
        if _COMPOSE.match(name):
            found.append(ContainerArtifact("compose", path))
        elif name == "Procfile":
            found.append(ContainerArtifact("procfile", path))
        elif _maybe_kubernetes(path, in_chart) and _is_kubernetes(ctx, path):
            found.append(ContainerArtifact("kubernetes", path))
    return tuple(sorted(found, key=lambda a: (a.path, a.kind)))
