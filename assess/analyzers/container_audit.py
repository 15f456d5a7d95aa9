"""Audit the container artefacts an app already ships: Dockerfiles, compose files, Kubernetes
manifests. :func:`audit_containers` returns findings of the checks in ``rubrics/container/``.

Dockerfiles are linted by hadolint (run on the file's text, see :mod:`assess.analyzers.hadolint`)
and checked by our own code for what hadolint lacks or gets wrong for this purpose; a hadolint
code and an own check that see the same problem give one finding. Compose files and Kubernetes
manifests are read with the bounded safe YAML loader of :mod:`assess.analyzers.located_yaml`.
Nothing is ever built, pulled or run. A healthy setup earns the ``container-healthy-setup`` booster.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import yaml

from assess.analyzers._files import Reader, SnapshotLike
from assess.analyzers.container_checks import ContainerCatalog
from assess.analyzers.dockerfile_text import (
    Dockerfile,
    Instruction,
    expand,
    global_args,
    parse_dockerfile,
    split_image,
)
from assess.analyzers.hadolint import HadolintError, run_hadolint
from assess.analyzers.located_yaml import LocatedList, LocatedMap, YamlTooComplex, load_documents
from assess.model import Finding, ScanError, Severity, Stack
from assess.rules.engine import make_snippet
from assess.rules.secrets import MASK

STAGE = "container-audit"
MAX_YAML_BYTES = 512 * 1024

Hadolint = Callable[[str, Iterable[str]], list[Any]]
"""Runs hadolint on a Dockerfile's text with the ignored codes (tests may pass another runner)."""

_SECRET_NAME = re.compile(
    r"(?i)(?:pass(?:word|wd|phrase)?|pwd|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|credentials?)"
)
_NOT_A_SECRET_NAME = re.compile(
    r"(?i)(?:_(?:file|path|dir|url|uri|length|policy|name|user(?:name)?|enabled)$)"
)
_REFERENCE = re.compile(r"^\$(?:\{[^}]*\}|\w+)$")
_NON_ROOT_IMAGE = re.compile(r"(?i)nonroot|unprivileged|rootless|^cgr\.dev/|chainguard|bitnami/")
_ROOT_USER = re.compile(r"^(?:root|0)(?::.*)?$")
_INSTALL = r"(?:apt-get|apt|apk|yum|dnf|microdnf|zypper)\s+(?:-\S+\s+)*(?:install|add)\b"
_DAEMON_PACKAGE = re.compile(
    _INSTALL + r"[^;&|]*?(?<![\w-])(openssh-server|openssh|dropbear|supervisor|runit|s6|s6-overlay)(?![\w-])"
)
_PIP_SUPERVISOR = re.compile(r"\bpip3?\s+install\b[^;&|]*?(?<![\w-])supervisor(?![\w-])")
_DAEMON_COMMAND = {"sshd", "supervisord", "runsvdir", "s6-svscan", "my_init", "dropbear"}
_DAEMON_BASE = re.compile(r"(?i)^phusion/baseimage")
_URL_SOURCE = re.compile(r"(?i)^(?:https?|ftp)://|^git@|\.git(?:#.*)?$")
_BUILD_STEP = re.compile(
    r"(?<![\w./-])(?:\./)?(?:mvnw?|gradlew?|msbuild|go\s+build|dotnet\s+(?:publish|build)|"
    r"(?:npm|pnpm)\s+run\s+build|yarn\s+(?:run\s+)?build|pnpm\s+build|npx\s+tsc|tsc|ng\s+build|next\s+build)(?![\w-])"
)
_APT_INSTALL = re.compile(r"\bapt(?:-get)?\s+(?:-\S+\s+)*install\b")
_APT_CLEAN = re.compile(r"rm\s+-\w*r\w*f?\w*\s+[^;&|]*?/var/lib/apt/lists")
_APK_ADD = re.compile(r"\bapk\s+(?:-\S+\s+)*add\b")
_APK_CLEAN = re.compile(r"--no-cache\b|rm\s+-\w+\s+[^;&|]*?/var/cache/apk")
_PIP_INSTALL = re.compile(r"\bpip3?\s+(?:-\S+\s+)*install\b")
_PIP_CLEAN = re.compile(r"--no-cache-dir\b|rm\s+-\w+\s+[^;&|]*?\.cache/pip")
_YUM_INSTALL = re.compile(r"\b(yum|dnf|microdnf)\s+(?:-\S+\s+)*install\b")
_YUM_CLEAN = re.compile(r"\b(?:yum|dnf|microdnf)\s+clean\s+all\b|rm\s+-\w+\s+[^;&|]*?/var/cache/(?:yum|dnf)")
_CACHE_MOUNT = re.compile(r"--mount=[^\s]*type=cache")
_WORKLOAD_TEMPLATE = {"Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job"}
_RUN_TO_COMPLETION = {"Job", "CronJob"}
_ABOUT_THE_IMAGE = {"container-runs-as-root", "container-package-cache-left", "container-no-healthcheck"}


def _wiki(code: str) -> str:
    if code.startswith("SC"):
        return f"https://www.shellcheck.net/wiki/{code}"
    return f"https://github.com/hadolint/hadolint/wiki/{code}"


def _is_secret_name(name: str) -> bool:
    return bool(_SECRET_NAME.search(name)) and not _NOT_A_SECRET_NAME.search(name)


def _masked(text: str, secrets: Iterable[str]) -> str:
    for secret in sorted({s for s in secrets if s}, key=len, reverse=True):
        text = text.replace(secret, MASK)
    return make_snippet(text)


@dataclass
class _Collector:
    """Findings keyed by (check, file, line): the first report of a site wins."""

    catalog: ContainerCatalog
    found: dict[tuple[str, str, int], Finding] = field(default_factory=dict)

    def add(
        self,
        check_id: str,
        path: str,
        line: int,
        line_text: str,
        detail: str = "",
        secrets: Iterable[str] = (),
        links: Sequence[str] = (),
    ) -> None:
        key = (check_id, path, line)
        if key not in self.found:
            check = self.catalog.check(check_id)
            self.found[key] = check.finding(path, line, _masked(line_text, secrets), detail, links)


@dataclass(frozen=True)
class AuditResult:
    """Findings of the audit and the problems met (unreadable files, hadolint missing, …)."""

    findings: tuple[Finding, ...]
    errors: tuple[ScanError, ...]


# --------------------------------------------------------------------------- Dockerfiles


class _DockerfileAudit:
    def __init__(self, path: str, text: str, out: _Collector, probes_elsewhere: bool) -> None:
        self.path = path
        self.lines = text.splitlines()
        self.parsed: Dockerfile = parse_dockerfile(text)
        self.out = out
        self.probes_elsewhere = probes_elsewhere
        self.args = global_args(self.parsed)
        self.shipped = self.parsed.shipped_stages()
        self.shipped_lines = {
            line
            for stage in self.shipped
            for item in [stage.from_, *stage.instructions]
            for line in range(item.line, item.end_line + 1)
        }

    def text_of(self, line: int) -> str:
        return self.lines[line - 1] if 0 < line <= len(self.lines) else ""

    def add(self, check_id: str, item: Instruction, detail: str, secrets: Iterable[str] = ()) -> None:
        self.out.add(check_id, self.path, item.line, self.text_of(item.line), detail, secrets)

    def run(self) -> None:
        if not self.parsed.stages:
            return
        self.user()
        self.base_images()
        self.daemons()
        self.secrets()
        self.add_from_url()
        self.multi_stage()
        self.caches()
        self.healthcheck()

    def user(self) -> None:
        user: Instruction | None = None
        for stage in reversed(self.shipped):
            for item in stage.instructions:
                if item.keyword == "USER":
                    user = item
        final = self.shipped[0]
        if user is None:
            base = self.shipped[-1]
            image = expand(base.image, self.args) or base.image
            if not _NON_ROOT_IMAGE.search(image):
                self.add(
                    "container-runs-as-root", final.from_, "No USER instruction: the image runs as root."
                )
            return
        name = (user.words() or [""])[0]
        if _ROOT_USER.match(name):
            self.add("container-runs-as-root", user, f"USER {name}: the image runs as root.")

    def base_images(self) -> None:
        aliases: set[str] = set()
        for stage in self.parsed.stages:
            image = expand(stage.image, self.args)
            if image and image.lower() != "scratch" and image.lower() not in aliases:
                _name, tag, digest = split_image(image)
                if digest is None and tag is None:
                    self.add(
                        "container-unpinned-base-image",
                        stage.from_,
                        f"FROM {image} has no tag (means latest).",
                    )
                elif digest is None and tag == "latest":
                    self.add(
                        "container-unpinned-base-image", stage.from_, f"FROM {image} uses the latest tag."
                    )
            if stage.alias:
                aliases.add(stage.alias.lower())

    def daemons(self) -> None:
        for stage in self.shipped:
            image = expand(stage.image, self.args) or stage.image
            if _DAEMON_BASE.search(image):
                self.add(
                    "container-ssh-or-supervisor", stage.from_, f"{image} runs an init system with sshd."
                )
            for item in stage.instructions:
                if item.keyword == "RUN":
                    match = _DAEMON_PACKAGE.search(item.args) or _PIP_SUPERVISOR.search(item.args)
                    if match:
                        package = match.group(1) if match.groups() else "supervisor"
                        self.add("container-ssh-or-supervisor", item, f"Installs {package}.")
                elif item.keyword in ("CMD", "ENTRYPOINT"):
                    words = item.words()
                    daemon = next((w for w in words if w.rsplit("/", 1)[-1] in _DAEMON_COMMAND), None)
                    if daemon:
                        self.add("container-ssh-or-supervisor", item, f"{item.keyword} starts {daemon}.")
                elif item.keyword == "EXPOSE" and any(w.split("/")[0] == "22" for w in item.words()):
                    self.add("container-ssh-or-supervisor", item, "Exposes the SSH port 22.")

    def secrets(self) -> None:
        for item in self.parsed.instructions():
            if item.keyword not in ("ENV", "ARG"):
                continue
            words = item.words()
            pairs: list[tuple[str, str | None]] = []
            if item.keyword == "ENV" and words and "=" not in words[0]:
                pairs.append((words[0], " ".join(words[1:])))
            else:
                for word in words:
                    key, sep, text = word.partition("=")
                    pairs.append((key, text if sep else None))
            for name, value in pairs:
                if not _is_secret_name(name):
                    continue
                if item.keyword == "ENV" and not value:
                    continue
                if value is not None and _REFERENCE.match(value) and item.keyword == "ARG":
                    continue
                shown = "a value" if value else "no default (passed with --build-arg)"
                self.add(
                    "container-secret-in-image",
                    item,
                    f"{item.keyword} {name} with {shown}: it is kept in the image or its history.",
                    secrets=[value] if value and not _REFERENCE.match(value) else [],
                )

    def add_from_url(self) -> None:
        for item in self.parsed.instructions():
            if item.keyword != "ADD":
                continue
            _flags, words = item.flags_and_rest()
            sources = words[:-1] if len(words) > 1 else []
            remote = next((s for s in sources if _URL_SOURCE.search(s)), None)
            if remote:
                self.add("container-add-from-url", item, f"ADD fetches {remote} at build time.")

    def multi_stage(self) -> None:
        if len(self.parsed.stages) != 1:
            return
        for item in self.parsed.stages[0].instructions:
            if item.keyword == "RUN":
                match = _BUILD_STEP.search(item.args)
                if match:
                    self.add(
                        "container-no-multi-stage-build",
                        self.parsed.stages[0].from_,
                        f"One stage builds the code ({match.group(0).strip()}, line {item.line}) and ships "
                        "the build tools with it.",
                    )
                    return

    def caches(self) -> None:
        pip_env = any(
            item.keyword == "ENV"
            and re.search(r"\bPIP_NO_CACHE_DIR[= ](?!0\b|false\b|off\b)\S", item.args, re.IGNORECASE)
            for stage in self.shipped
            for item in stage.instructions
        )
        for stage in self.shipped:
            for item in stage.instructions:
                if item.keyword != "RUN" or _CACHE_MOUNT.search(item.args):
                    continue
                text = item.args
                left = []
                if _APT_INSTALL.search(text) and not _APT_CLEAN.search(text):
                    left.append("apt lists (/var/lib/apt/lists)")
                if _APK_ADD.search(text) and not _APK_CLEAN.search(text):
                    left.append("the apk cache")
                if _PIP_INSTALL.search(text) and not _PIP_CLEAN.search(text) and not pip_env:
                    left.append("the pip cache")
                yum = _YUM_INSTALL.search(text)
                if yum and not _YUM_CLEAN.search(text):
                    left.append(f"the {yum.group(1)} cache")
                if left:
                    self.add(
                        "container-package-cache-left", item, f"Leaves {' and '.join(left)} in the layer."
                    )

    def healthcheck(self) -> None:
        if self.probes_elsewhere:
            return
        for stage in self.shipped:
            for item in stage.instructions:
                if item.keyword == "HEALTHCHECK" and item.args.split()[:1] != ["NONE"]:
                    return
        self.add(
            "container-no-healthcheck",
            self.shipped[0].from_,
            "The final image has no HEALTHCHECK, and no Kubernetes probe or compose health check was found.",
        )

    def lint(self, results: Sequence[Any]) -> None:
        catalog = self.out.catalog
        for result in results:
            if result.code in catalog.ignored:
                continue
            check_id = catalog.by_code.get(result.code) or catalog.by_level.get(result.level)
            if check_id is None:
                continue
            if check_id in _ABOUT_THE_IMAGE and result.line not in self.shipped_lines:
                continue  # a build stage's user, caches or health check never reach the image
            self.out.add(
                check_id,
                self.path,
                result.line,
                self.text_of(result.line),
                f"hadolint {result.code}: {result.message}",
                links=[_wiki(result.code)],
            )

    def final_from_line(self) -> int:
        return self.shipped[0].from_.line if self.shipped else 1


# --------------------------------------------------------------------------- compose


def _line_text(lines: Sequence[str], line: int) -> str:
    return lines[line - 1] if 0 < line <= len(lines) else ""


def _host_source(volume: Any) -> tuple[str, bool] | None:
    """The host path of a bind mount (short or long syntax), or None for a named volume."""
    if isinstance(volume, str):
        parts = volume.split(":")
        if len(parts) < 2:
            return None
        source = parts[0]
        if len(parts) >= 3 and len(parts[0]) == 1 and parts[1].startswith(("\\", "/")):
            source = ":".join(parts[:2])  # C:\data:/data
        is_host = source.startswith(("/", ".", "~", "$")) or "/" in source or "\\" in source
        return (source, "docker.sock" in source) if is_host else None
    if isinstance(volume, dict) and volume.get("type") == "bind":
        source = str(volume.get("source", ""))
        return source, "docker.sock" in source
    return None


def _environment(value: Any) -> list[tuple[str, str, int]]:
    """(name, value, line) of a service's ``environment`` in list or mapping form."""
    out: list[tuple[str, str, int]] = []
    if isinstance(value, LocatedMap):
        for key, item in value.items():
            out.append((key, "" if item is None else str(item), value.line_of(key)))
    elif isinstance(value, LocatedList):
        for index, item in enumerate(value):
            if isinstance(item, str):
                name, _, text = item.partition("=")
                out.append((name, text, value.line_of(index)))
    return out


def _audit_compose(path: str, text: str, out: _Collector) -> bool:
    """Check every service of a compose file; True when one has a health check."""
    lines = text.splitlines()
    documents = load_documents(text)
    data = documents[0] if documents else None
    services = data.get("services") if isinstance(data, LocatedMap) else None
    if not isinstance(services, LocatedMap):
        return False
    health = False
    for name, service in services.items():
        if not isinstance(service, LocatedMap):
            continue
        if isinstance(service.get("healthcheck"), dict) and not service["healthcheck"].get("disable"):
            health = True

        def add(
            check_id: str, line: int, detail: str, secrets: Iterable[str] = (), service: str = name
        ) -> None:
            out.add(check_id, path, line, _line_text(lines, line), f"Service {service}: {detail}", secrets)

        if service.get("privileged") is True:
            add("container-compose-privileged", service.line_of("privileged"), "privileged: true.")
        caps = service.get("cap_add")
        if isinstance(caps, LocatedList):
            for index, cap in enumerate(caps):
                if str(cap).upper() in {"ALL", "SYS_ADMIN", "CAP_SYS_ADMIN"}:
                    add("container-compose-privileged", caps.line_of(index), f"cap_add {cap}.")
        for key in ("network_mode", "pid", "ipc"):
            if service.get(key) == "host":
                add("container-compose-host-network", service.line_of(key), f"{key}: host.")
        volumes = service.get("volumes")
        if isinstance(volumes, LocatedList):
            for index, volume in enumerate(volumes):
                host = _host_source(volume)
                if host is not None:
                    source, socket = host
                    what = "the Docker socket" if socket else f"the host path {source}"
                    add("container-compose-host-bind-mount", volumes.line_of(index), f"mounts {what}.")
        for key, value, line in _environment(service.get("environment")):
            if _is_secret_name(key) and value and not value.startswith("$"):
                add("container-compose-secret-in-environment", line, f"{key} is set to a literal.", [value])
        image = service.get("image")
        if isinstance(image, str) and "build" not in service and "$" not in image:
            _name, tag, digest = split_image(image)
            if digest is None and tag in (None, "latest"):
                detail = f"runs {image} ({'the latest tag' if tag else 'no tag, which means latest'})."
                add("container-compose-unpinned-image", service.line_of("image"), detail)
        user = service.get("user")
        if user is not None and str(user).split(":", 1)[0].strip() in {"root", "0"}:
            add("container-compose-runs-as-root", service.line_of("user"), f"user: {user}.")
    return health


# --------------------------------------------------------------------------- Kubernetes


def _pod_spec(doc: LocatedMap) -> tuple[LocatedMap, str] | None:
    kind = str(doc.get("kind", ""))
    spec = doc.get("spec")
    if not isinstance(spec, LocatedMap):
        return None
    if kind == "Pod":
        return spec, kind
    if kind == "CronJob":
        spec = spec.get("jobTemplate")
        spec = spec.get("spec") if isinstance(spec, LocatedMap) else None
        if not isinstance(spec, LocatedMap):
            return None
    elif kind not in _WORKLOAD_TEMPLATE:
        return None
    template = spec.get("template")
    pod = template.get("spec") if isinstance(template, LocatedMap) else None
    return (pod, kind) if isinstance(pod, LocatedMap) else None


def _documents(items: Iterable[Any]) -> Iterable[LocatedMap]:
    for doc in items:
        if not isinstance(doc, LocatedMap):
            continue
        if doc.get("kind") == "List" and isinstance(doc.get("items"), list):
            yield from (item for item in doc["items"] if isinstance(item, LocatedMap))
        else:
            yield doc


def _audit_kubernetes(path: str, text: str, out: _Collector) -> bool:
    """Check every workload of a manifest file; True when a container has a probe."""
    lines = text.splitlines()
    probes = False
    for doc in _documents(load_documents(text)):
        found = _pod_spec(doc)
        if found is None:
            continue
        pod, kind = found
        name = doc.get("metadata", {}).get("name", "?") if isinstance(doc.get("metadata"), dict) else "?"

        def add(check_id: str, line: int, detail: str, kind: str = kind, name: str = name) -> None:
            out.add(check_id, path, line, _line_text(lines, line), f"{kind} {name}: {detail}")

        pod_security = (
            pod.get("securityContext") if isinstance(pod.get("securityContext"), LocatedMap) else None
        )
        for key in ("hostNetwork", "hostPID", "hostIPC"):
            if pod.get(key) is True:
                add("container-k8s-privileged", pod.line_of(key), f"{key}: true.")
        volumes = pod.get("volumes")
        if isinstance(volumes, LocatedList):
            for volume in volumes:
                if isinstance(volume, LocatedMap) and "hostPath" in volume:
                    host = (
                        volume["hostPath"].get("path", "?") if isinstance(volume["hostPath"], dict) else "?"
                    )
                    add(
                        "container-k8s-host-path",
                        volume.line_of("hostPath"),
                        f"volume {volume.get('name', '?')} is the node's {host}.",
                    )
        for group in ("initContainers", "containers"):
            containers = pod.get(group)
            if not isinstance(containers, LocatedList):
                continue
            for index, container in enumerate(containers):
                if not isinstance(container, LocatedMap):
                    continue
                where = containers.line_of(index)
                label = f"container {container.get('name', index)}"
                probes |= _audit_container(container, pod_security, kind, group, where, label, add)
    return probes


def _audit_container(
    container: LocatedMap,
    pod_security: LocatedMap | None,
    kind: str,
    group: str,
    where: int,
    label: str,
    add: Callable[[str, int, str], None],
) -> bool:
    security = container.get("securityContext")
    security = security if isinstance(security, LocatedMap) else None

    def setting(key: str) -> tuple[Any, int]:
        for context in (security, pod_security):
            if context is not None and key in context:
                return context[key], context.line_of(key)
        return None, where

    user, user_line = setting("runAsUser")
    non_root, _ = setting("runAsNonRoot")
    if user == 0:
        add("container-k8s-runs-as-root", user_line, f"{label} sets runAsUser: 0.")
    elif non_root is not True and not (isinstance(user, int) and user > 0):
        add(
            "container-k8s-runs-as-root",
            where,
            f"{label} does not set runAsNonRoot: true or a non-zero runAsUser.",
        )
    if security is not None and security.get("privileged") is True:
        add("container-k8s-privileged", security.line_of("privileged"), f"{label} is privileged.")
    image = container.get("image")
    if isinstance(image, str) and "$" not in image and "{{" not in image:
        _name, tag, digest = split_image(image)
        if digest is None and tag in (None, "latest"):
            line = container.line_of("image")
            add(
                "container-k8s-unpinned-image",
                line,
                f"{label} runs {image} ({'latest' if tag else 'no tag'}).",
            )
    resources = container.get("resources")
    limits = resources.get("limits") if isinstance(resources, LocatedMap) else None
    if not (isinstance(limits, dict) and limits.get("memory")):
        line = container.line_of("resources") if "resources" in container else where
        add("container-k8s-missing-resource-limits", line, f"{label} has no memory limit.")
    has_probe = any(key in container for key in ("livenessProbe", "readinessProbe", "startupProbe"))
    if group == "containers" and kind not in _RUN_TO_COMPLETION:
        missing = [key for key in ("readinessProbe", "livenessProbe") if key not in container]
        if missing:
            add("container-k8s-missing-probes", where, f"{label} has no {' and no '.join(missing)}.")
    return has_probe


# --------------------------------------------------------------------------- the audit


def audit_containers(
    snapshot: SnapshotLike,
    stack: Stack,
    catalog: ContainerCatalog,
    *,
    hadolint: Hadolint | None = run_hadolint,
) -> AuditResult:
    """Audit the container artefacts of ``stack``. ``hadolint=None`` skips the lint (own checks
    still run). A missing hadolint binary is one :class:`ScanError`, not a failure."""
    reader = Reader(snapshot, STAGE)
    out = _Collector(catalog)
    errors: list[ScanError] = []
    probes = False
    audited: set[str] = set()  # artefacts read and understood: only these can earn the booster
    artifacts = stack.container_artifacts
    for artifact in artifacts:
        if artifact.kind not in ("compose", "kubernetes"):
            continue
        text = reader.text(artifact.path, limit=MAX_YAML_BYTES)
        if text is None:
            continue
        try:
            if artifact.kind == "compose":
                probes |= _audit_compose(artifact.path, text, out)
            else:
                probes |= _audit_kubernetes(artifact.path, text, out)
            audited.add(artifact.path)
        except (yaml.YAMLError, YamlTooComplex, RecursionError) as exc:
            reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            errors.append(ScanError(STAGE, f"{artifact.kind} file not audited: {reason}", artifact.path))
    lint_failed = False
    first_dockerfile: tuple[str, int] | None = None
    for artifact in artifacts:
        if artifact.kind != "dockerfile":
            continue
        text = reader.text(artifact.path)
        if text is None:
            continue
        audit = _DockerfileAudit(artifact.path, text, out, probes)
        audit.run()
        if audit.parsed.stages:
            audited.add(artifact.path)
            if first_dockerfile is None:
                first_dockerfile = (artifact.path, audit.final_from_line())
        if hadolint is not None and not lint_failed:
            try:
                audit.lint(hadolint(text, catalog.ignored))
            except HadolintError as exc:
                errors.append(ScanError(STAGE, str(exc), artifact.path))
                lint_failed = "not installed" in str(exc)
    errors.extend(reader.errors)
    _booster(stack, out, first_dockerfile, reader, audited)
    findings = sorted(out.found.values(), key=lambda f: (f.file, f.line, f.rule_id))
    return AuditResult(tuple(findings), tuple(errors))


def _booster(
    stack: Stack,
    out: _Collector,
    first_dockerfile: tuple[str, int] | None,
    reader: Reader,
    audited: set[str],
) -> None:
    """The booster for a container setup that is there and sound: a Dockerfile with a stage, or
    Kubernetes manifests that parse (Helm charts count as present), and no serious finding. An
    empty or unreadable Dockerfile, or manifests that could not be audited, earn nothing."""
    setup = [
        a
        for a in stack.container_artifacts
        if (a.kind in ("dockerfile", "kubernetes") and a.path in audited) or a.kind == "helm"
    ]
    if not setup:
        return
    serious = [f for f in out.found.values() if f.severity in (Severity.BLOCKER, Severity.MANDATORY)]
    if serious:
        return
    path, line = first_dockerfile or (setup[0].path, 1)
    text = (reader.text(path) or "").splitlines()
    kinds = ", ".join(sorted({a.kind for a in setup}))
    out.add(
        "container-healthy-setup", path, line, _line_text(text, line), f"Container setup present ({kinds})."
    )
