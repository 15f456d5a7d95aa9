"""Assessment (+ the app's file list) → :class:`DockerfilePlan`, a pure value the templates render.

The plan holds the instructions of every stage (built through :mod:`assess.dockerfile.instructions`,
which validates or quotes everything taken from the repository), what was detected and from where,
what was guessed, and the notes that carry the assessment's findings to the scaffold.
One planner per runtime lives in ``stack_*.py``; :func:`plan_dockerfile` picks it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from assess import __version__
from assess.dockerfile.images import BaseImage, BaseImageMap, ResolvedImage
from assess.dockerfile.inputs import AppFiles
from assess.dockerfile.instructions import Instruction, UnsafeValue, arg, comment_text, is_safe_path
from assess.dockerfile.notes import Note, finding_notes
from assess.model import Assessment, Dependency, Sourced

DEFAULT_UID = 10001
"""The numeric user and group of the final stage, unless the base image brings its own."""
APP_DIR = "/app"
_VERSION = re.compile(r"^\d+(?:\.\d+){0,2}$")


@dataclass(frozen=True, slots=True)
class Detected:
    """One line of the header: what was detected, its value, where from, and whether it is a guess."""

    label: str
    value: str
    source: str = ""
    guess: bool = False


@dataclass(frozen=True, slots=True)
class Stage:
    """One build stage: a purpose (comment) and its instructions, the first being ``FROM``."""

    name: str | None
    purpose: str
    instructions: tuple[Instruction, ...]


@dataclass(frozen=True, slots=True)
class PlanOptions:
    """How to plan: the base-image mapping, the numeric user, BuildKit-only syntax or not."""

    image_map: BaseImageMap = field(default_factory=BaseImageMap)
    uid: int = DEFAULT_UID
    buildkit: bool = False


@dataclass(frozen=True, slots=True)
class DockerfilePlan:
    """Everything a Dockerfile and ``.dockerignore`` are rendered from.

    ``supported`` is False when no Linux scaffold can be offered (``reason`` says why; for .NET
    Framework ``alternative`` holds a Windows-container Dockerfile). ``context`` is the build
    context folder relative to the scan root (``""`` = the root).
    """

    app: str
    stack: str
    supported: bool
    reason: str = ""
    detected: tuple[Detected, ...] = ()
    guesses: tuple[str, ...] = ()
    notes: tuple[Note, ...] = ()
    args: tuple[Instruction, ...] = ()
    stages: tuple[Stage, ...] = ()
    port: int | None = None
    health_path: str | None = None
    uid: int = DEFAULT_UID
    base_images: tuple[ResolvedImage, ...] = ()
    dockerignore: tuple[str, ...] = ()
    context: str = ""
    alternative: str = ""
    buildkit: bool = False
    tool_version: str = __version__

    @property
    def instructions(self) -> tuple[Instruction, ...]:
        """Every instruction in order (global ARGs, then each stage's)."""
        return self.args + tuple(i for s in self.stages for i in s.instructions)

    @property
    def final_stage(self) -> Stage | None:
        return self.stages[-1] if self.stages else None


def where(item: Sourced | Dependency | None) -> str:
    """``file:line`` (or just ``file``) of a sourced value, printable in a comment."""
    if item is None:
        return ""
    text = f"{item.file}:{item.line}" if item.line else item.file
    return comment_text(text, 120)


@dataclass
class StackResult:
    """What a stack planner returns to :func:`plan_dockerfile`."""

    stack: str
    stages: list[Stage]
    port: int | None
    health_path: str | None = None
    dockerignore: list[str] = field(default_factory=list)
    uid: int = DEFAULT_UID


class PlanContext:
    """What a stack planner works with: the assessment, the files, the options, and the records
    of what it detected and guessed (which become the header)."""

    def __init__(self, assessment: Assessment, files: AppFiles, options: PlanOptions) -> None:
        self.assessment = assessment
        self.stack = assessment.stack
        self.files = files
        self.options = options
        self.detected: list[Detected] = []
        self.guesses: list[str] = []
        self.args: dict[str, Instruction] = {}
        self.images: list[ResolvedImage] = []
        self.extra_notes: list[Note] = []
        self.context = self._context_dir()
        self.finding_notes = finding_notes(assessment.findings, self.context)

    # ------------------------------------------------------------------ files of the app

    def _context_dir(self) -> str:
        stack = self.stack
        anchors = [s for s in (stack.runtime, *stack.build_tools) if s is not None and s.file]
        manifests = [s.file for s in anchors if not s.guess]
        if not manifests:
            return ""
        shallowest = min(manifests, key=lambda p: (p.count("/"), p))
        folder = shallowest.rsplit("/", 1)[0] if "/" in shallowest else ""
        return folder if is_safe_path(folder or ".") else ""

    def rel(self, path: str) -> str | None:
        """A scan-root path relative to the build context (None when outside it)."""
        if not self.context:
            return path
        prefix = self.context + "/"
        return path[len(prefix) :] if path.startswith(prefix) else None

    def has(self, *names: str) -> bool:
        """True when every one of ``names`` (relative to the context) exists."""
        return all(self.files.has(self._full(n)) for n in names)

    def has_dir(self, name: str) -> bool:
        return self.files.has_dir(self._full(name))

    def _full(self, name: str) -> str:
        return f"{self.context}/{name}" if self.context else name

    def json(self, name: str) -> dict[str, object]:
        return self.files.json(self._full(name))

    def toml(self, name: str) -> dict[str, object]:
        return self.files.toml(self._full(name))

    def context_files(self) -> list[str]:
        return self.files.under(self.context)

    # ------------------------------------------------------------------ detected facts

    def frameworks(self) -> set[str]:
        return {f.value for f in self.stack.frameworks}

    def tools(self) -> set[str]:
        return {t.value for t in self.stack.build_tools}

    def dependencies(self, ecosystem: str) -> dict[str, Dependency]:
        """Runtime (non-test, non-dev) dependencies of one ecosystem, by name."""
        return {
            d.name: d
            for d in self.assessment.dependencies
            if d.ecosystem == ecosystem and d.scope not in ("test", "dev")
        }

    def note(self, label: str, value: str, source: str = "", guess: bool = False) -> None:
        self.detected.append(Detected(label, comment_text(value, 140), source, guess))

    def guess(self, text: str) -> str:
        """Record a guess (shown in the header) and return its comment text for an instruction."""
        text = comment_text(text)
        if text not in self.guesses:
            self.guesses.append(text)
        return f"guess: {text}"

    def advise(self, note: Note) -> None:
        self.extra_notes.append(note)

    def port_mode(self) -> str:
        """``env`` when the port setting reads the environment (a config-from-environment finding on
        the port's own line), ``fixed`` when code or config sets a literal port, else ``unknown``."""
        port = self.stack.port
        if port is None or port.guess:
            return "unknown"
        if any(
            f.rule_id == "config-from-environment" and f.file == port.file and f.line == port.line
            for f in self.assessment.findings
        ):
            return "env"
        name = port.file.rsplit("/", 1)[-1].lower()
        if name.startswith(("dockerfile", "procfile", "docker-compose", "compose")) or name.endswith(
            ".csproj"
        ):
            return "unknown"
        return "fixed"

    def writes_locally(self) -> bool:
        """True when findings show the app writing files (data or logs) at paths it chooses."""
        return any(n.topic == "volume" or n.title == "Logs to files" for n in self.finding_notes)

    def writable_dirs(self, workdir: str = APP_DIR) -> list[str]:
        """Absolute folders the findings say the app writes to (relative ones under ``workdir``)."""
        found: list[str] = []
        for item in self.finding_notes:
            for path in item.paths:
                full = path if path.startswith("/") else f"{workdir}/{path}"
                if full not in found:
                    found.append(full)
        return found

    def version(self, default: str, label: str, normalise: Callable[[str], str | None] | None = None) -> str:
        """The detected runtime version (normalised), else ``default`` as a recorded guess."""
        found = self.stack.runtime_version
        runtime = self.stack.runtime.value if self.stack.runtime else label
        if found is not None:
            value = normalise(found.value) if normalise else found.value
            if value and _VERSION.match(value):
                self.note("runtime", f"{runtime} {value}", where(found), found.guess)
                return value
        self.note("runtime", f"{runtime} {default}", "no version declared", True)
        self.guess(f"{label} {default}: the app declares no {label} version")
        return default

    def port(self, default: int, why: str) -> int:
        """The detected port, else ``default`` (recorded as a guess with ``why``)."""
        found = self.stack.port
        if found is not None and found.value.isdigit() and 0 < int(found.value) < 65536:
            self.note("port", found.value, where(found), found.guess)
            if found.guess:
                self.guess(f"port {found.value}: {why}")
            return int(found.value)
        self.note("port", str(default), "default", True)
        self.guess(f"port {default}: {why}")
        return default

    def health(self) -> str | None:
        found = self.stack.health_endpoint
        if found is None or not re.fullmatch(r"/[A-Za-z0-9._~/-]*", found.value):
            return None
        self.note("health", found.value, where(found), found.guess)
        return found.value

    def image(self, base: BaseImage) -> ResolvedImage:
        """Resolve a base image through the mapping; its version ARG becomes a global ARG."""
        resolved = self.options.image_map.resolve(base)
        for name, value in resolved.args:
            if name not in self.args:
                source = (
                    f" (from {base.version_source})"
                    if base.version_source and name == base.args[0][0]
                    else ""
                )
                self.args[name] = arg(name, value, f"{name.removesuffix('_VERSION').lower()} version{source}")
        self.images.append(resolved)
        label = f"{base.role} image"
        source = resolved.mapping_rule or "official image"
        self.note(label, resolved.reference, source)
        return resolved


Planner = Callable[[PlanContext], StackResult]


def _planners() -> dict[str, Planner]:
    from assess.dockerfile.stack_dotnet import plan_dotnet
    from assess.dockerfile.stack_go import plan_go
    from assess.dockerfile.stack_java import plan_java
    from assess.dockerfile.stack_node import plan_node
    from assess.dockerfile.stack_php import plan_php
    from assess.dockerfile.stack_python import plan_python
    from assess.dockerfile.stack_ruby import plan_ruby

    return {
        "python": plan_python,
        "node": plan_node,
        "go": plan_go,
        "java": plan_java,
        "dotnet": plan_dotnet,
        "ruby": plan_ruby,
        "php": plan_php,
    }


COMMON_IGNORES: tuple[str, ...] = (
    ".git",
    ".gitignore",
    ".gitattributes",
    "**/.DS_Store",
    ".idea",
    ".vscode",
    ".devcontainer",
    "Dockerfile*",
    ".dockerignore",
    "docker-compose*.yml",
    "compose*.yaml",
    "# local configuration and credentials never go into an image",
    ".env",
    ".env.*",
    "!.env.example",
    "*.pem",
    "*.key",
    "*.log",
)


def _unsupported(assessment: Assessment, stack: str, reason: str, alternative: str = "") -> DockerfilePlan:
    return DockerfilePlan(
        app=assessment.app,
        stack=stack,
        supported=False,
        reason=reason,
        notes=finding_notes(assessment.findings, ""),
        alternative=alternative,
    )


def plan_dockerfile(
    assessment: Assessment, files: AppFiles | None = None, options: PlanOptions | None = None
) -> DockerfilePlan:
    """The scaffold plan for one assessed app (pure: no I/O)."""
    files = files or AppFiles()
    options = options or PlanOptions()
    runtime = assessment.stack.runtime.value if assessment.stack.runtime else None
    if runtime == "dotnet-framework":
        from assess.dockerfile.stack_dotnet import framework_alternative

        reason, alternative = framework_alternative(assessment)
        return _unsupported(assessment, "dotnet-framework", reason, alternative)
    planner = _planners().get(runtime or "")
    if planner is None:
        why = f"no scaffold for the {runtime} runtime" if runtime else "no runtime was detected"
        return _unsupported(assessment, runtime or "unknown", why)
    ctx = PlanContext(assessment, files, options)
    try:
        result = planner(ctx)
    except UnsafeValue as exc:
        return _unsupported(assessment, runtime or "unknown", f"a value from the repository is unsafe: {exc}")
    ignores = _dedupe([*COMMON_IGNORES, *result.dockerignore])
    notes = (*ctx.extra_notes, *ctx.finding_notes)
    return DockerfilePlan(
        app=assessment.app,
        stack=result.stack,
        supported=True,
        detected=tuple(ctx.detected),
        guesses=tuple(ctx.guesses),
        notes=notes,
        args=tuple(ctx.args.values()),
        stages=tuple(result.stages),
        port=result.port,
        health_path=result.health_path,
        uid=result.uid,
        base_images=tuple(ctx.images),
        dockerignore=tuple(ignores),
        context=ctx.context,
        buildkit=options.buildkit,
    )


def _dedupe(items: Sequence[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for item in items:
        if item not in seen:
            seen.add(item)
            out.append(item)
    return out
