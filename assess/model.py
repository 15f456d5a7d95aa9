"""The domain model: frozen value objects shared by every layer. No I/O here.

Everything an assessment produces is a frozen dataclass made of tuples, enums, strings and
numbers, so an :class:`Assessment` is immutable and round-trips through JSON unchanged
(see :func:`assessment_to_json` / :func:`assessment_from_json`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from typing import Any

from pydantic import TypeAdapter

SCHEMA_VERSION = 1


class Dimension(StrEnum):
    """What a finding or score is about."""

    CONTAINERIZATION = "containerization"
    DECOMPOSITION = "decomposition"


class Severity(StrEnum):
    """How much a finding matters (Konveyor-style categories plus blocker and booster)."""

    BLOCKER = "blocker"
    MANDATORY = "mandatory"
    OPTIONAL = "optional"
    POTENTIAL = "potential"
    INFO = "info"
    BOOSTER = "booster"


class Confidence(StrEnum):
    """How sure a rule is that a match means what its message says."""

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


EFFORT_LADDER: tuple[int, ...] = (0, 1, 3, 5, 7, 13)
"""Story points a finding may cost to fix (Konveyor's ladder)."""


# --------------------------------------------------------------------------- source inventory


@dataclass(frozen=True, slots=True)
class SourceFile:
    """One file of the scan: a POSIX path relative to the scan root, its language and size.

    ``language`` is a code language (``java``, ``csharp``, ``python``, ``javascript``,
    ``typescript``, ``go``, ``ruby``, ``php``), a config format (``xml``, ``yaml``,
    ``properties``, ``json``, ``ini``, ``env``, ``toml``), or ``other``.
    """

    path: str
    language: str
    size: int


@dataclass(frozen=True, slots=True)
class SkippedFile:
    """A file or folder that was not read, and why (binary, too large, symlink outside, …)."""

    path: str
    reason: str


# --------------------------------------------------------------------------- parse facts


@dataclass(frozen=True, slots=True)
class Import:
    """An import / using / require / include: the module text as written (``java.io.File``)."""

    module: str
    line: int


@dataclass(frozen=True, slots=True)
class Declaration:
    """A declared type or function with its line range (1-based, inclusive).

    ``kind`` is one of ``class``, ``interface``, ``enum``, ``struct``, ``module``, ``function``,
    ``method``. ``container`` is the enclosing type's name when there is one.
    """

    kind: str
    name: str
    start_line: int
    end_line: int
    container: str | None = None


@dataclass(frozen=True, slots=True)
class Call:
    """A call site.

    ``name`` is the last identifier of the callee (``writeFileSync``); ``callee`` the callee
    text as written, whitespace-normalised (``fs.writeFileSync``, ``new FileWriter`` is
    recorded with ``callee="FileWriter"`` and ``kind="new"``); ``receiver`` the object text
    before the last ``.``/``->``/``::`` when there is one; ``args`` the raw text of each
    argument (each truncated to 200 characters).
    """

    name: str
    callee: str
    receiver: str | None
    args: tuple[str, ...]
    line: int
    kind: str = "call"


@dataclass(frozen=True, slots=True)
class StringLiteral:
    """A string literal's value (quotes removed, escapes left as written) and its first line."""

    value: str
    line: int


@dataclass(frozen=True, slots=True)
class Annotation:
    """A Java annotation, C# attribute, Python/TS decorator or PHP attribute.

    ``name`` is the name as written without ``@``/brackets (``Transactional``,
    ``app.route``); ``args`` the raw argument text (may be empty).
    """

    name: str
    args: str
    line: int


@dataclass(frozen=True, slots=True)
class Assignment:
    """A value bound to a name: a variable, field, constant, or a key in a literal or call.

    ``name`` is the target as written (``tmp``, ``self.dir``, ``$cache``, ``config.x.y``;
    quotes of string keys and the ``:`` of Ruby symbols removed); ``value`` the raw text of the
    value (truncated to 200 characters). ``scope`` is ``module`` (top level of a file or
    package), ``static`` (static field, class variable or class-level constant), ``field``
    (instance field or property), ``key`` (a key of a dict/object/hash/array literal or a
    keyword argument) or ``local`` (everything else, e.g. inside a function).
    """

    name: str
    value: str
    line: int
    scope: str = "local"


@dataclass(frozen=True, slots=True)
class FileFacts:
    """Everything the parser learned from one source file, extracted once per scan.

    Nothing inside a comment is a call, literal, import or annotation. ``code_lines`` counts
    lines holding code (not blank, not only comment). ``error`` is set when the parser could
    not read the file at all; ``syntax_errors`` counts error nodes in an otherwise usable tree.
    ``namespace`` is the declared package / namespace (Java, C#, PHP, Go), when there is one.
    ``references`` are the type names the code mentions in type positions (fields, parameters,
    return types, generics, base classes; Ruby constants), each once, as written
    (``OrderRepository``, ``PlaceOrderRequest.Line``): what a class depends on without an import.
    ``assignments`` are the values bound to names (see :class:`Assignment`).
    """

    path: str
    language: str
    code_lines: int
    imports: tuple[Import, ...] = ()
    declarations: tuple[Declaration, ...] = ()
    calls: tuple[Call, ...] = ()
    strings: tuple[StringLiteral, ...] = ()
    annotations: tuple[Annotation, ...] = ()
    syntax_errors: int = 0
    error: str | None = None
    namespace: str | None = None
    references: tuple[str, ...] = ()
    assignments: tuple[Assignment, ...] = ()


# --------------------------------------------------------------------------- analyzers


@dataclass(frozen=True, slots=True)
class Sourced:
    """A fact with the place it came from (``file`` and ``line``; line 0 = whole file)."""

    value: str
    file: str
    line: int = 0
    guess: bool = False


@dataclass(frozen=True, slots=True)
class LanguageShare:
    """How much of the app is in one language."""

    language: str
    files: int
    code_lines: int
    share: float


@dataclass(frozen=True, slots=True)
class Dependency:
    """A declared dependency from a manifest."""

    ecosystem: str
    name: str
    version: str | None
    scope: str
    file: str
    line: int
    locked_version: str | None = None
    best_effort: bool = False
    """Read by a best-effort text scan (Gradle build scripts), not a full parse of the manifest."""


@dataclass(frozen=True, slots=True)
class ContainerArtifact:
    """A container artefact already in the repository (``dockerfile``, ``compose``,
    ``kubernetes``, ``procfile``, ``helm``)."""

    kind: str
    path: str


@dataclass(frozen=True, slots=True)
class Stack:
    """What the app is built from and how it runs."""

    languages: tuple[LanguageShare, ...] = ()
    primary_language: str | None = None
    build_tools: tuple[Sourced, ...] = ()
    frameworks: tuple[Sourced, ...] = ()
    runtime: Sourced | None = None
    runtime_version: Sourced | None = None
    port: Sourced | None = None
    start_command: Sourced | None = None
    container_artifacts: tuple[ContainerArtifact, ...] = ()
    health_endpoint: Sourced | None = None
    """The HTTP route a health check can call (liveness preferred), when the app declares one."""


# --------------------------------------------------------------------------- data access


@dataclass(frozen=True, slots=True)
class Table:
    """A database table known from DDL, a migration or an ORM mapping (``source``)."""

    name: str
    file: str
    line: int
    source: str
    schema: str | None = None


@dataclass(frozen=True, slots=True)
class Entity:
    """An ORM entity/model (a code unit, see ``assess.analyzers.units``) mapped to a table."""

    unit: str
    table: str
    file: str
    line: int
    orm: str


@dataclass(frozen=True, slots=True)
class ForeignKey:
    """``table(columns)`` references ``ref_table(ref_columns)``, from DDL or an ORM relation."""

    table: str
    ref_table: str
    file: str
    line: int
    source: str
    columns: tuple[str, ...] = ()
    ref_columns: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class TableAccess:
    """A code unit reads or writes a table (``mode`` is ``read`` or ``write``), and how (``via``).

    ``schema`` is the table's schema when the SQL names it (``billing.invoices``) or the table's
    declaration gives one.
    """

    unit: str
    table: str
    mode: str
    file: str
    line: int
    via: str
    schema: str | None = None


@dataclass(frozen=True, slots=True)
class Transaction:
    """A transaction boundary and the tables reached from it through the static call graph.

    ``depth`` is how many calls deep the tables were followed; ``unresolved`` lists calls that
    could not be followed.
    """

    unit: str
    name: str
    file: str
    line: int
    kind: str
    tables: tuple[str, ...] = ()
    depth: int = 0
    unresolved: tuple[str, ...] = ()
    distributed: bool = False


@dataclass(frozen=True, slots=True)
class DataModel:
    """What the app's code knows about its data: tables, entities, keys, access, transactions."""

    tables: tuple[Table, ...] = ()
    entities: tuple[Entity, ...] = ()
    foreign_keys: tuple[ForeignKey, ...] = ()
    accesses: tuple[TableAccess, ...] = ()
    transactions: tuple[Transaction, ...] = ()


# --------------------------------------------------------------------------- findings and scores


@dataclass(frozen=True, slots=True)
class Finding:
    """One piece of evidence: which rule matched where, why it matters and what to do."""

    rule_id: str
    title: str
    dimension: Dimension
    category: str
    severity: Severity
    confidence: Confidence
    effort: int
    file: str
    line: int
    snippet: str
    message: str
    remediation: str
    links: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Contribution:
    """How one rule (or metric) moved a score: ``points`` is signed, ``hits`` counts sites."""

    source: str
    points: float
    hits: int
    reason: str


@dataclass(frozen=True, slots=True)
class DimensionScore:
    """A 0–100 score for one dimension, its band, and every contribution that moved it."""

    dimension: Dimension
    score: float
    band: str
    base: float
    contributions: tuple[Contribution, ...] = ()
    gate: str | None = None


@dataclass(frozen=True, slots=True)
class Effort:
    """The work the findings call for: story points (each rule's effort on the 0/1/3/5/7/13
    ladder, saturated over repeated sites) and the person-day range the rubric converts them to.
    ``items`` explain the points, one per rule."""

    points: float
    days_low: float
    days_high: float
    items: tuple[Contribution, ...] = ()


@dataclass(frozen=True, slots=True)
class Migration:
    """The recommended migration path (``rehost``, ``replatform``, ``refactor``, ``retain``,
    ``retire``), the decision rule of the rubric that chose it, and the reasons."""

    path: str
    rule: str
    reasons: tuple[str, ...] = ()


# --------------------------------------------------------------------------- decomposition

Edge = tuple[str, str, float]
"""A weighted graph edge ``(source, target, weight)`` between code units."""


@dataclass(frozen=True, slots=True)
class CandidateService:
    """One proposed service: its code units, the tables it would own or share, its would-be API.

    ``api`` lists its units that other candidates depend on; ``calls_in`` / ``calls_out`` are
    the static dependencies crossing its border (heaviest first, capped); ``distributed`` names
    the transactions declared in it whose tables the cut spreads over several services.
    ``name_basis`` says where the suggested ``name`` came from.
    """

    name: str
    units: tuple[str, ...]
    files: tuple[str, ...]
    code_lines: int
    owned_tables: tuple[str, ...] = ()
    shared_tables: tuple[str, ...] = ()
    entities: tuple[str, ...] = ()
    api: tuple[str, ...] = ()
    calls_in: tuple[Edge, ...] = ()
    calls_out: tuple[Edge, ...] = ()
    distributed: tuple[str, ...] = ()
    name_basis: str = ""


@dataclass(frozen=True, slots=True)
class DecompositionMetrics:
    """How clean the cut is (definitions in :mod:`assess.decompose.metrics`).

    ``modularity`` is Newman's modularity of the cut on the combined graph; ``structural_modularity``
    (SM) = ``cohesion`` − ``coupling``, ``icp``, ``ifn`` and ``ned`` are on the static graph;
    ``transactional_purity`` is the mean over tables of the entropy (bits) of the services using
    each (``table_entropy``; 0 is pure); ``distributed_transactions`` counts transactions whose
    tables fall in two or more services; ``shared_tables`` tables used by two or more;
    ``cycles`` the groups of services that depend on each other in a cycle.
    """

    services: int
    units: int
    modularity: float = 0.0
    structural_modularity: float = 0.0
    cohesion: float = 0.0
    coupling: float = 0.0
    icp: float = 0.0
    ifn: float = 0.0
    ned: float = 0.0
    transactional_purity: float = 0.0
    table_entropy: tuple[tuple[str, float], ...] = ()
    distributed_transactions: int = 0
    shared_tables: int = 0
    cycles: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True, slots=True)
class Decomposition:
    """Candidate services for one app, the metrics of the cut, and the graphs behind it.

    Graph edges are the heaviest ones (at most the rubric's ``max_stored_edges`` each; the
    ``*_edge_count`` fields give the full counts). ``static_edges`` are directed (a depends on
    b); ``change_edges`` carry the code-maat degree (0–1) of the most coupled files of the two
    units; ``data_edges`` the data-affinity weight. ``unplaced`` units have no coupling at all.
    ``notes`` say what limited the analysis (no history, shallow clone, no data model, …).
    """

    services: tuple[CandidateService, ...]
    metrics: DecompositionMetrics
    unplaced: tuple[str, ...] = ()
    requested_services: int | None = None
    seed: int = 0
    static_edges: tuple[Edge, ...] = ()
    change_edges: tuple[Edge, ...] = ()
    data_edges: tuple[Edge, ...] = ()
    static_edge_count: int = 0
    change_edge_count: int = 0
    data_edge_count: int = 0
    history_commits: int = 0
    notes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ScanError:
    """A problem met while assessing one item: where (``stage``, ``path``) and what."""

    stage: str
    message: str
    path: str | None = None


@dataclass(frozen=True, slots=True)
class Assessment:
    """Everything assess knows about one application. Immutable; round-trips through JSON."""

    app: str
    source: str
    commit: str | None
    tool_version: str
    rubric_hash: str
    files: int
    code_lines: int
    stack: Stack
    findings: tuple[Finding, ...]
    scores: tuple[DimensionScore, ...]
    dependencies: tuple[Dependency, ...] = ()
    skipped: tuple[SkippedFile, ...] = ()
    errors: tuple[ScanError, ...] = ()
    metadata: tuple[tuple[str, str], ...] = ()
    schema_version: int = SCHEMA_VERSION
    modules: tuple[str, ...] = ()
    data: DataModel = DataModel()
    effort: Effort | None = None
    migration: Migration | None = None
    decomposition: Decomposition | None = None

    def score(self, dimension: Dimension | str) -> DimensionScore | None:
        """The score of one dimension, or None when it was not scored."""
        wanted = Dimension(dimension)
        return next((s for s in self.scores if s.dimension is wanted), None)

    def costliest_rules(self, limit: int = 3) -> tuple[Contribution, ...]:
        """The rules that cost the containerization score most, worst first (the rubric's own
        terms such as ``bounds`` or ``boost-limit`` are not rules and never listed)."""
        score = self.score(Dimension.CONTAINERIZATION)
        if score is None:
            return ()
        rules = {f.rule_id for f in self.findings}
        costly = sorted(
            (c for c in score.contributions if c.points < 0 and c.source in rules), key=lambda c: c.points
        )
        return tuple(costly[:limit])

    # Notebook display. The model must not depend on the report layer, so the renderer is
    # imported lazily, only when a notebook asks for the rich form.
    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, str]:
        from assess.report.notebook import assessment_mimebundle

        return assessment_mimebundle(self)

    def _repr_html_(self) -> str:
        from assess.report.html import assessment_html

        return assessment_html(self)


@cache
def _assessment_adapter() -> TypeAdapter[Assessment]:
    return TypeAdapter(Assessment)


def assessment_to_dict(assessment: Assessment) -> dict[str, Any]:
    """A JSON-ready dict of the assessment."""
    return _assessment_adapter().dump_python(assessment, mode="json")  # type: ignore[no-any-return]


def assessment_from_dict(data: dict[str, Any]) -> Assessment:
    """Rebuild an assessment from :func:`assessment_to_dict` output (validated)."""
    return _assessment_adapter().validate_python(data)


def assessment_to_json(assessment: Assessment, *, indent: int | None = 2) -> str:
    """Serialise to JSON text."""
    return json.dumps(assessment_to_dict(assessment), indent=indent, ensure_ascii=False)


def assessment_from_json(text: str) -> Assessment:
    """Parse JSON text written by :func:`assessment_to_json`."""
    return assessment_from_dict(json.loads(text))
