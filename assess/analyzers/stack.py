"""What the app is built from and how it runs: :func:`detect_stack`.

Every value is a :class:`~assess.model.Sourced` naming the file and line it comes from; values that
rest only on a framework's or ecosystem's default are marked ``guess=True``. Files over 1 MiB are
never read. The detectors live in ``stack_*`` modules, one concern each.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

from assess.analyzers._files import SnapshotLike
from assess.analyzers.manifests import ManifestResult
from assess.analyzers.stack_artifacts import detect_artifacts
from assess.analyzers.stack_context import StackContext
from assess.analyzers.stack_frameworks import detect_frameworks
from assess.analyzers.stack_health import detect_health_endpoint
from assess.analyzers.stack_port import detect_port
from assess.analyzers.stack_runtime import detect_runtime
from assess.analyzers.stack_start import detect_start_command
from assess.analyzers.stack_tools import detect_build_tools
from assess.model import FileFacts, LanguageShare, Stack
from assess.source.languages import CODE_LANGUAGES


def language_shares(facts: Mapping[str, FileFacts]) -> tuple[LanguageShare, ...]:
    """Code languages with code, by code lines (descending, then name); shares sum to 1."""
    files: dict[str, int] = defaultdict(int)
    lines: dict[str, int] = defaultdict(int)
    for item in facts.values():
        if item.language in CODE_LANGUAGES:
            files[item.language] += 1
            lines[item.language] += item.code_lines
    total = sum(lines.values())
    ordered = sorted((lang for lang in lines if lines[lang] > 0), key=lambda lang: (-lines[lang], lang))
    return tuple(
        LanguageShare(lang, files[lang], lines[lang], round(lines[lang] / total, 4)) for lang in ordered
    )


def detect_stack(snapshot: SnapshotLike, facts: Mapping[str, FileFacts], manifests: ManifestResult) -> Stack:
    """Languages, build tools, frameworks, runtime (and version), port, start command and container
    artefacts of one app, from its files, parse facts and declared dependencies."""
    ctx = StackContext(snapshot, facts, manifests)
    languages = language_shares(facts)
    ctx.primary_language = languages[0].language if languages else None
    ctx.frameworks = detect_frameworks(ctx)
    runtime, runtime_version = detect_runtime(ctx)
    ctx.runtime = runtime.value if runtime else None
    ctx.runtime_version = runtime_version.value if runtime_version else None
    return Stack(
        languages=languages,
        primary_language=ctx.primary_language,
        build_tools=detect_build_tools(ctx),
        frameworks=tuple(ctx.frameworks.values()),
        runtime=runtime,
        runtime_version=runtime_version,
        port=detect_port(ctx),
        start_command=detect_start_command(ctx),
        container_artifacts=detect_artifacts(ctx),
        health_endpoint=detect_health_endpoint(ctx),
    )
