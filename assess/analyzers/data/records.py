"""What the per-file pass of the data analysis records, before files are linked together.

Each file yields one :class:`FileData`; :mod:`assess.analyzers.data.link` joins them into the
app's :class:`~assess.model.DataModel`. ORM relations are kept by model (class) name until
every model is known, because a model may point at one declared in another file.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from assess.analyzers.data.source import DeclaredType
from assess.analyzers.data.sql import SqlUse
from assess.model import ForeignKey, Table


@dataclass
class Model:
    """An ORM model class mapped to a table.

    ``unit`` may be empty when the mapping is declared away from the class (EF Core's
    ``DbSet<T>``); linking then names the unit from the class declaration.
    """

    name: str
    table: str
    file: str
    line: int
    orm: str
    unit: str = ""
    schema: str | None = None
    explicit_table: bool = True
    associations: dict[str, str] = field(default_factory=dict)
    """Member name → target model name (``lines`` → ``OrderLine``)."""
    cascades: set[str] = field(default_factory=set)
    """Association names whose target rows are written when this model's rows are written."""
    supertypes: tuple[str, ...] = ()
    abstract: bool = False


@dataclass(frozen=True, slots=True)
class Relation:
    """A foreign key named by models: ``model(columns)`` → ``target``; or a join table."""

    model: str
    target: str
    file: str
    line: int
    source: str
    columns: tuple[str, ...] = ()
    join_table: str | None = None
    """Many-to-many: the join table holding keys to both ``model`` and ``target``."""
    target_table: str | None = None
    """The referenced table when it is known by name only (``auth_user``)."""


@dataclass(frozen=True, slots=True)
class SqlSite:
    """A SQL statement in code or config, the code unit it belongs to, and how it is run."""

    line: int
    use: SqlUse
    unit: str
    via: str = "sql"


@dataclass(frozen=True, slots=True)
class Boundary:
    """A transaction boundary: where, which kind, and the lines of code it encloses."""

    line: int
    kind: str
    name: str
    unit: str
    start: int
    end: int
    distributed: bool = False


@dataclass(frozen=True, slots=True)
class Evidence:
    """A site for one of the data findings (``rule_id``) with a short detail."""

    rule_id: str
    line: int
    detail: str = ""


@dataclass(frozen=True, slots=True)
class TableRef:
    """A call that names a table directly (``DB::table('invoices')``)."""

    line: int
    table: str


@dataclass
class FileData:
    """Everything the data analysis learned from one file."""

    path: str
    language: str
    models: list[Model] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    foreign_keys: list[ForeignKey] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    associations: list[tuple[str, str, str]] = field(default_factory=list)
    """(model, member, target model): associations declared away from the model (reverse keys)."""
    repositories: dict[str, str] = field(default_factory=dict)
    """Repository / DAO type name → model name (``OrderRepository`` → ``Order``)."""
    accessors: dict[str, str] = field(default_factory=dict)
    """Member names that reach a model's rows (EF ``DbSet`` properties, Prisma delegates)."""
    contexts: set[str] = field(default_factory=set)
    """Types that hold accessors (EF ``DbContext`` subclasses, ``PrismaClient``)."""
    declared: dict[str, DeclaredType] = field(default_factory=dict)
    returns: dict[str, str] = field(default_factory=dict)
    """``Container.method`` → the type the method returns (typed languages)."""
    types: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Declared type name → the types it extends or implements."""
    properties: dict[str, dict[str, DeclaredType]] = field(default_factory=dict)
    """Class name → its typed properties (C# navigation properties)."""
    ef_entities: list[tuple[str, str | None, int, str | None]] = field(default_factory=list)
    """EF Core: (entity type, table or None, line, schema or None) from a DbContext or ``[Table]``."""
    sql: list[SqlSite] = field(default_factory=list)
    boundaries: list[Boundary] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    table_refs: list[TableRef] = field(default_factory=list)
    assignments: list[tuple[int, str, str]] = field(default_factory=list)
    """(line, variable, assigned expression) in dynamic languages, for variables holding query results."""
    default_schema: str | None = None
    details_pending: bool = False
    """True while ``declared``, ``assignments`` and ``returns`` are yet to be read (see ``add_details``)."""
