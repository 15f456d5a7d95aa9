"""One application end to end: source → parse → rules → analyzers → scoring → Assessment."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from assess import __version__
from assess.analyzers.manifests import parse_manifests
from assess.analyzers.stack import detect_stack
from assess.config import ScanConfig
from assess.model import Assessment, FileFacts, ScanError
from assess.parse import blank_comments, parse_code
from assess.rules.conditions import FileView
from assess.rules.engine import CompiledRule, RuleRun, compile_rules
from assess.rules.loader import load_rules, rule_files
from assess.scoring.rubric import Rubric, load_rubric
from assess.scoring.score import score
from assess.source import RepoSnapshot, decode_text, open_snapshot
from assess.source.languages import CODE_LANGUAGES, CONFIG_FORMATS


@dataclass(frozen=True)
class Toolkit:
    """What a scan needs besides the target: config, compiled rules and the rubric.

    Build it once (:func:`load_toolkit`) and reuse it for every app of a portfolio.
    """

    config: ScanConfig
    rules: tuple[CompiledRule, ...]
    rubric: Rubric
    rules_digest: str

    @cached_property
    def rubric_hash(self) -> str:
        """Hash of everything that decides results besides the code: rubric and rules."""
        return hashlib.sha256(f"{self.rubric.digest()}:{self.rules_digest}".encode()).hexdigest()[:16]


def _rules_digest(dirs: Sequence[Path]) -> str:
    digest = hashlib.sha256()
    for directory in dirs:
        for path in rule_files(directory):
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def load_toolkit(config: ScanConfig | None = None) -> Toolkit:
    """Load and compile the rules and rubric named by ``config`` (defaults: the bundled ones)."""
    config = config or ScanConfig()
    rule_dirs = [config.rules_dir] if config.rules_dir else None
    loaded = load_rules(rule_dirs)
    dirs = {item.path.parent.parent for item in loaded} if not rule_dirs else set(rule_dirs)
    return Toolkit(
        config=config,
        rules=compile_rules(loaded),
        rubric=load_rubric(config.rubric_path),
        rules_digest=_rules_digest(sorted(dirs)),
    )


class _Lines:
    """Line lookup for snippets: the current file's lines, other files read on demand."""

    def __init__(self, snapshot: RepoSnapshot) -> None:
        self._snapshot = snapshot
        self._cache: dict[str, list[str]] = {}

    def keep(self, path: str, text: str) -> None:
        self._cache = {path: text.split("\n")}

    def __call__(self, path: str, line: int) -> str:
        if path not in self._cache:
            try:
                self._cache[path] = self._snapshot.read_text(path).split("\n")
            except OSError:
                return ""
        lines = self._cache[path]
        return lines[line - 1] if 0 < line <= len(lines) else ""


def assess_snapshot(
    snapshot: RepoSnapshot, toolkit: Toolkit, metadata: Sequence[tuple[str, str]] = ()
) -> Assessment:
    """Assess an opened snapshot. Per-file problems become ``errors``; nothing is raised for them."""
    errors: list[ScanError] = []
    manifests = parse_manifests(snapshot)
    errors.extend(manifests.errors)
    run = RuleRun(toolkit.rules, snapshot.files, manifests.dependencies)
    lines = _Lines(snapshot)
    facts: dict[str, FileFacts] = {}
    for source_file in snapshot.files:
        language = source_file.language
        try:
            data = snapshot.read_bytes(source_file.path)
        except OSError as exc:
            errors.append(ScanError("read", f"cannot read: {exc.strerror or exc}", source_file.path))
            continue
        text = decode_text(data)
        lines.keep(source_file.path, text)
        if language in CODE_LANGUAGES:
            file_facts = parse_code(source_file.path, language, data)
            if file_facts.error:
                errors.append(ScanError("parse", file_facts.error, source_file.path))
            facts[source_file.path] = file_facts
            view = FileView(source_file.path, language, facts=file_facts)
        elif language in CONFIG_FORMATS:
            view = FileView(source_file.path, language, config_text=blank_comments(text, language))
        else:
            view = FileView(source_file.path, language)
        run.add_file(view, lines)
    stack = detect_stack(snapshot, facts, manifests)
    findings = run.findings()
    code_lines = sum(f.code_lines for f in facts.values())
    return Assessment(
        app=snapshot.name,
        source=snapshot.source,
        commit=snapshot.commit,
        tool_version=__version__,
        rubric_hash=toolkit.rubric_hash,
        files=len(snapshot.files),
        code_lines=code_lines,
        stack=stack,
        findings=findings,
        scores=score(toolkit.rubric, findings, code_lines),
        dependencies=manifests.dependencies,
        skipped=snapshot.skipped,
        errors=tuple(errors),
        metadata=tuple(metadata),
    )


def scan(
    target: str | Path,
    config: ScanConfig | None = None,
    *,
    toolkit: Toolkit | None = None,
    name: str | None = None,
    metadata: Sequence[tuple[str, str]] = (),
) -> Assessment:
    """Assess one application (folder, git repository or git URL).

    Raises :class:`assess.source.SourceError` when the target cannot be opened and
    :class:`assess.rules.loader.RuleLoadError` / :class:`assess.scoring.rubric.RubricError`
    for invalid rules or rubric.
    """
    toolkit = toolkit or load_toolkit(config)
    snapshot = open_snapshot(target, toolkit.config, name=name)
    return assess_snapshot(snapshot, toolkit, metadata)
