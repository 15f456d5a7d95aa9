"""One application end to end: source → parse → rules → analyzers → scoring → Assessment."""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from pathlib import Path

from assess import __version__
from assess.analyzers.container_audit import audit_containers
from assess.analyzers.container_checks import ContainerCatalog, load_catalog
from assess.analyzers.data import DataAnalysis
from assess.analyzers.data.domains import cross_domain_findings
from assess.analyzers.eol import LoadedEolTable, default_eol_path, eol_findings, load_eol_table
from assess.analyzers.manifest_findings import manifest_findings
from assess.analyzers.manifests import parse_manifests
from assess.analyzers.stack import detect_stack
from assess.config import ScanConfig
from assess.decompose.stage import decompose_snapshot
from assess.model import Assessment, Dependency, FileFacts, Finding, ScanError, Stack
from assess.parse import BUILD_SCRIPT, blank_comments, build_script_text, parse_code
from assess.rules.conditions import FileView
from assess.rules.engine import CompiledRule, RuleRun, compile_rules
from assess.rules.loader import load_rules, rule_files
from assess.rules.secrets import mask_known, mask_secrets, secret_values
from assess.scoring.effort import estimate_effort
from assess.scoring.migration import recommend_migration
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
    eol: LoadedEolTable | None = None
    containers: ContainerCatalog | None = None
    """The container-artefact checks; None skips the audit (rule fixture tests)."""

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
    eol = load_eol_table() if default_eol_path().is_file() else None
    containers = load_catalog()
    dirs = {item.path.parent.parent for item in loaded} if not rule_dirs else set(rule_dirs)
    return Toolkit(
        config=config,
        rules=compile_rules(loaded),
        rubric=load_rubric(config.rubric_path),
        rules_digest=_rules_digest(sorted(dirs))
        + (f":{eol.digest}" if eol else "")
        + f":{containers.digest}",
        eol=eol,
        containers=containers,
    )


class _Lines:
    """Line lookup for snippets: the current file's lines, other files read on demand."""

    def __init__(self, snapshot: RepoSnapshot) -> None:
        self._snapshot = snapshot
        self._cache: dict[str, list[str]] = {}

    def keep(self, path: str, text: str) -> None:
        self._cache = {path: text.split("\n")}

    def __call__(self, path: str, line: int) -> str:
        if line < 1:
            return ""
        if path not in self._cache:
            try:
                self._cache[path] = self._snapshot.read_text(path).split("\n")
            except OSError:
                return ""
        lines = self._cache[path]
        return lines[line - 1] if 0 < line <= len(lines) else ""


class _Masked:
    """Credentials kept out of an assessment: values the app assigns to secret-looking names are
    masked wherever else they appear in a snippet, and the text fields taken from the repository
    besides snippets (start command, dependency versions such as ``git+https://user:token@…``,
    error messages quoting a line) are masked like snippets are."""

    def __init__(self, known: set[str]) -> None:
        self.known = frozenset(known)

    def text(self, value: str) -> str:
        return mask_secrets(value)

    def findings(self, findings: tuple[Finding, ...]) -> tuple[Finding, ...]:
        if not self.known:
            return findings
        return tuple(
            dataclasses.replace(f, snippet=mask_known(f.snippet, self.known))
            if any(v in f.snippet for v in self.known)
            else f
            for f in findings
        )

    def stack(self, stack: Stack) -> Stack:
        start = stack.start_command
        if start is None or (masked := self.text(start.value)) == start.value:
            return stack
        return dataclasses.replace(stack, start_command=dataclasses.replace(start, value=masked))

    def dependencies(self, dependencies: Sequence[Dependency]) -> tuple[Dependency, ...]:
        return tuple(
            dataclasses.replace(d, version=self.text(d.version)) if d.version else d for d in dependencies
        )

    def errors(self, errors: Sequence[ScanError]) -> tuple[ScanError, ...]:
        return tuple(dataclasses.replace(e, message=self.text(e.message)) for e in errors)


def assess_snapshot(
    snapshot: RepoSnapshot, toolkit: Toolkit, metadata: Sequence[tuple[str, str]] = ()
) -> Assessment:
    """Assess an opened snapshot. Per-file problems become ``errors``; nothing is raised for them."""
    errors: list[ScanError] = []
    manifests = parse_manifests(snapshot)
    errors.extend(manifests.errors)
    run = RuleRun(toolkit.rules, snapshot.files, manifests.dependencies, snapshot.skipped)
    lines = _Lines(snapshot)
    facts: dict[str, FileFacts] = {}
    data_analysis = DataAnalysis(reader=snapshot.read_text)
    known_secrets: set[str] = set()
    for source_file in snapshot.files:
        language = source_file.language
        try:
            data = snapshot.read_bytes(source_file.path)
        except OSError as exc:
            errors.append(ScanError("read", f"cannot read: {exc.strerror or exc}", source_file.path))
            continue
        text = decode_text(data)
        lines.keep(source_file.path, text)
        known_secrets.update(secret_values(text))
        if language in CODE_LANGUAGES:
            file_facts = parse_code(source_file.path, language, data)
            if file_facts.error:
                errors.append(ScanError("parse", file_facts.error, source_file.path))
            facts[source_file.path] = file_facts
            view = FileView(source_file.path, language, facts=file_facts)
        elif language in CONFIG_FORMATS:
            view = FileView(source_file.path, language, config_text=blank_comments(text, language))
        elif (script := build_script_text(source_file.path, text)) is not None:
            view = FileView(source_file.path, BUILD_SCRIPT, config_text=script)
        else:
            view = FileView(source_file.path, language)
        run.add_file(view, lines)
        data_analysis.add(source_file.path, language, text, facts.get(source_file.path))
        if source_file.path in facts:
            # only the rules read assignments: the passes over the whole app do not need them,
            # and they are the bulk of a file's facts (a third of a large scan's peak memory)
            facts[source_file.path] = dataclasses.replace(facts[source_file.path], assignments=())
    stack = detect_stack(snapshot, facts, manifests)
    data_result = data_analysis.finish(facts, lines)
    errors.extend(data_result.errors)
    findings = run.findings()
    extra = (*manifest_findings(manifests.errors, lines), *data_result.findings)
    findings = tuple(sorted((*findings, *extra), key=lambda f: (f.file, f.line, f.rule_id)))
    if toolkit.eol is not None:
        today = toolkit.config.as_of or date.today()
        aged = eol_findings(stack, manifests.dependencies, toolkit.eol.table, today, lines)
        findings = tuple(sorted((*findings, *aged), key=lambda f: (f.file, f.line, f.rule_id)))
    if toolkit.containers is not None:
        audit = audit_containers(snapshot, stack, toolkit.containers)
        errors.extend(audit.errors)
        findings = tuple(sorted((*findings, *audit.findings), key=lambda f: (f.file, f.line, f.rule_id)))
    code_lines = sum(f.code_lines for f in facts.values())
    decomposed = decompose_snapshot(
        snapshot.root if snapshot.commit else None,
        facts,
        data_result.model,
        toolkit.rubric.decomposition,
        toolkit.config.services,
    )
    decomposition = decomposed.decomposition if decomposed is not None else None
    spanning = cross_domain_findings(data_result.model, decomposition)
    if spanning:
        findings = tuple(sorted((*findings, *spanning), key=lambda f: (f.file, f.line, f.rule_id)))
    masked = _Masked(known_secrets)
    findings, stack = masked.findings(findings), masked.stack(stack)
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
        scores=(scores := score(toolkit.rubric, findings, code_lines, decomposition)),
        dependencies=masked.dependencies(manifests.dependencies),
        skipped=snapshot.skipped,
        errors=masked.errors(errors),
        metadata=tuple(metadata),
        effort=estimate_effort(toolkit.rubric, findings, stack),
        migration=recommend_migration(toolkit.rubric, scores, findings, stack, metadata),
        decomposition=decomposition,
        modules=manifests.modules,
        data=data_result.model,
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
