"""The assessment's findings, carried to the scaffold as notes: which volume, store or setting the
app needs in a container, each pointing at the findings (``file:line`` and rule) behind it."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from assess.dockerfile.instructions import comment_text, is_safe_path
from assess.model import Finding

MAX_SITES = 6
_PATH_LITERAL = re.compile(r"""['"]((?:/|\./)?[A-Za-z0-9_.-]+(?:/[A-Za-z0-9_.-]+)*/?)['"]""")


@dataclass(frozen=True, slots=True)
class Note:
    """Something the app needs in a container. ``topic``: ``volume``, ``store``, ``setting``,
    ``schedule`` (from findings) or a planner's own (``start``, ``port``, ``health``, ``build``).
    ``sites`` are ``file:line (rule)``; ``paths`` the folders the findings name (relative paths
    are relative to the app's working directory)."""

    topic: str
    title: str
    advice: str
    sites: tuple[str, ...] = ()
    paths: tuple[str, ...] = ()
    more: int = 0


@dataclass(frozen=True, slots=True)
class _Kind:
    topic: str
    title: str
    advice: str


_VOLUME = _Kind(
    "volume",
    "Writes files to the local disk",
    "files written inside a container are lost when it is replaced and are not shared between "
    "replicas: mount a volume at the folder it writes to (docker run -v NAME:/path, a "
    "PersistentVolumeClaim) or move the data to object storage or a database",
)
_SESSION = _Kind(
    "store",
    "Keeps sessions in process memory or on local disk",
    "replicas do not share them and a restart logs every user out: configure a shared session "
    "store (Redis, a database) and keep the container stateless",
)
_CACHE = _Kind(
    "store",
    "Keeps its cache in process memory or on local disk",
    "each replica warms its own cache and a file cache needs a writable folder: use a shared "
    "cache (Redis, Memcached) or accept a per-container cache",
)
_LOGS = _Kind(
    "setting",
    "Logs to files",
    "a container's logs are what it writes to stdout/stderr: switch the logger to the console; "
    "until then the log folder must be writable and its files are lost with the container",
)
_SCHEDULE = _Kind(
    "schedule",
    "Runs scheduled jobs",
    "with several replicas every replica runs them: run them as a separate job (a Kubernetes "
    "CronJob, a scheduler) or make sure only one instance runs them",
)
_LOCALHOST = _Kind(
    "setting",
    "Hard-codes localhost addresses",
    "inside a container localhost is the container itself: read backend addresses and the public "
    "URL from the environment",
)
_CREDENTIALS = _Kind(
    "setting",
    "Keeps credentials in the repository",
    "pass them at run time as secrets (environment or mounted files); never bake them into the "
    "image through ENV, ARG or COPY",
)


def _kind(finding: Finding) -> _Kind | None:
    rule = finding.rule_id
    if rule.endswith("-local-file-write"):
        return _VOLUME
    if rule.endswith("-log-to-file"):
        return _LOGS
    if "cache" in rule and (finding.category == "session-state" or "store" in rule):
        return _CACHE
    if "session" in rule or finding.category == "session-state":
        return _SESSION
    if finding.category == "scheduling":
        return _SCHEDULE
    if rule == "hardcoded-localhost-url":
        return _LOCALHOST
    if rule == "hardcoded-credentials":
        return _CREDENTIALS
    return None


def snippet_paths(snippet: str) -> list[str]:
    """Folders named by string literals in a finding's snippet (``'uploads/'`` → ``uploads``,
    ``"/var/log/app.log"`` → ``/var/log``); only plain paths with a ``/`` count."""
    found = []
    for match in _PATH_LITERAL.finditer(snippet):
        path = match.group(1)
        if (
            "/" not in path
            or path.startswith("//")
            or "://" in snippet[max(0, match.start() - 8) : match.end()]
        ):
            continue
        path = path.removeprefix("./")
        folder = path.rstrip("/")
        last = folder.rsplit("/", 1)[-1]
        if not path.endswith("/") and "." in last.strip("."):
            folder = folder.rsplit("/", 1)[0] if "/" in folder else ""
        if folder and folder not in ("/", ".") and is_safe_path(folder) and ".." not in folder.split("/"):
            found.append(folder)
    return found


def finding_notes(findings: Iterable[Finding], context: str) -> tuple[Note, ...]:
    """One note per kind of container concern, listing the findings behind it."""
    grouped: dict[str, tuple[_Kind, list[Finding]]] = {}
    for finding in findings:
        kind = _kind(finding)
        if kind is not None:
            grouped.setdefault(kind.title, (kind, []))[1].append(finding)
    notes = []
    prefix = f"{context}/" if context else ""
    for kind, items in grouped.values():
        items.sort(key=lambda f: (f.file, f.line))
        sites = [comment_text(f"{f.file}:{f.line} ({f.rule_id})", 120) for f in items]
        paths: list[str] = []
        if (
            kind.topic in ("volume", "setting", "store")
            and kind is not _LOCALHOST
            and kind is not _CREDENTIALS
        ):
            for finding in items:
                if finding.file.startswith(prefix) or not prefix:
                    for path in snippet_paths(finding.snippet):
                        if path not in paths:
                            paths.append(path)
        notes.append(
            Note(
                kind.topic,
                kind.title,
                kind.advice,
                tuple(sites[:MAX_SITES]),
                tuple(paths),
                max(0, len(sites) - MAX_SITES),
            )
        )
    return tuple(notes)
