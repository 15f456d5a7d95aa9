"""ORM calls → table accesses: which code unit reads or writes which model's table.

A call's member chain is walked from its root (a model class, a repository or context field, a
variable named after a model, ``self`` inside a model) through associations (``order.lines``)
to the final method, whose name says read or write. Instance calls count only when they write
(``order.save()``); query calls on a class, a relation or a repository count as reads unless
they write (``Order.objects.filter(...).update(...)``).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from assess.analyzers.data.chain import Segment, split_chain
from assess.analyzers.data.naming import is_plural, type_candidates, variable_stem
from assess.analyzers.data.records import FileData, Model
from assess.analyzers.units import unit_at
from assess.model import Call, Declaration, FileFacts, TableAccess

ORM_LANGUAGES: dict[str, frozenset[str]] = {
    "jpa": frozenset({"java"}),
    "hibernate": frozenset({"java"}),
    "ef-core": frozenset({"csharp"}),
    "django": frozenset({"python"}),
    "sqlalchemy": frozenset({"python"}),
    "typeorm": frozenset({"typescript", "javascript"}),
    "sequelize": frozenset({"typescript", "javascript"}),
    "prisma": frozenset({"typescript", "javascript"}),
    "activerecord": frozenset({"ruby"}),
    "eloquent": frozenset({"php"}),
    "doctrine": frozenset({"php"}),
}


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_DYNAMIC = frozenset({"python", "ruby", "php", "javascript", "typescript"})
_WRITE = _words(
    """save save_all saveall saveandflush saveallandflush savechanges create create_many createmany insert insert_all
    insertall insertgetid insertorignore insertusing upsert upsert_all update update_all updateall update_attribute
    update_attributes update_column update_columns updateorcreate updateorinsert update_or_create get_or_create
    aget_or_create firstorcreate bulk_create bulk_update abulk_create delete delete_all deleteall deletebyid
    deleteallbyid deleteinbatch deleteallinbatch deletemany destroy destroy_all destroy_by delete_by remove
    removerange add addrange attach sync detach touch increment decrement increment_counter decrement_counter
    toggle forcedelete restore persist executeupdate executedelete push associate dissociate save_m2m
    updatemany upsertmany softdelete softremove insertmany truncate set clear"""
)
_WRITE_PREFIXES = ("save", "delete", "remove", "insert", "update", "persist", "upsert", "create", "destroy")
_INSTANCE_READS = frozenset(
    {"reload", "refresh", "lock", "with_lock", "refresh_from_db", "fresh", "lockforupdate"}
)
_NOT_QUERIES = _words(
    """new build transaction connection class name table_name model_name human_attribute_name column_names columns
    primary_key define init belongsto hasmany hasone belongstomany belongs_to has_many has_one
    has_and_belongs_to_many validates validate scope enum before_save after_save before_validation after_commit
    tostring hashcode equals getclass as_json to_json to_param inspect
    """
)
_INSTANCE_NOISE = frozenset({"save_m2m"})
_EF_WRITES = frozenset(
    {
        "add",
        "addasync",
        "addrange",
        "addrangeasync",
        "remove",
        "removerange",
        "update",
        "updaterange",
        "attach",
        "attachrange",
        "executeupdate",
        "executeupdateasync",
        "executedelete",
        "executedeleteasync",
    }
)
_MANAGER_ROOT = re.compile(r"(?i)^(?:em|entitymanager|manager|session|db_session|datasource|connection|orm)$")
_CONTEXT_ROOT = re.compile(r"(?i)(^|_)(db|context|ctx|dbcontext|prisma|client|tx|trx|database)$")
_MODEL_ARG = re.compile(r"^&?\s*(?:new\s+)?\\?([A-Z][\w\\]*?)(?:\.class|::class|\{\})?$")
_CONSTRUCTED_ARG = re.compile(r"^&?\s*(?:new\s+)?\\?([A-Z][\w\\]*)\s*\(")
"""A model built in place: ``session.add(Invoice(total=1))``, ``em.persist(new Order(id))``."""
_NAMES_TABLE = re.compile(r"(?:table|from|into)\s*\(\s*['\"`]")
"""What a query-builder call's text must hold (``DB::table('x')``, ``db.from('x')``): see ``_root``."""
_SELF = frozenset({"self", "this", "$this", "static", "cls", "super", "parent"})
_CHAIN_SEPARATORS = ("(", ".", "->", "::", "&.", "?.", "?->")
_QUERY_FUNCTIONS = {"get_object_or_404": "read", "get_list_or_404": "read", "aget_object_or_404": "read"}
_SQLALCHEMY_FUNCTIONS = {"select": "read", "insert": "write", "update": "write", "delete": "write"}


def _norm(name: str) -> str:
    return name.rstrip("!?").lower().removesuffix("async") if name.lower() != "async" else name.lower()


def is_write(name: str) -> bool:
    """True when a method name writes rows (``save``, ``update_all``, ``AddAsync``, ``deleteById``…)."""
    lowered = _norm(name)
    if lowered in _WRITE:
        return True
    return lowered.startswith(_WRITE_PREFIXES) and not lowered.startswith(("updated", "created", "deleted"))


@dataclass
class ModelIndex:
    """The linked ORM knowledge of an app: models by name, repositories, accessors, contexts."""

    models: dict[str, list[Model]] = field(default_factory=dict)
    repositories: dict[str, str] = field(default_factory=dict)
    accessors: dict[str, str] = field(default_factory=dict)
    contexts: set[str] = field(default_factory=set)
    tables: dict[str, str] = field(default_factory=dict)
    """Lower-case table name → its spelling."""
    _usable: dict[str, bool] = field(default_factory=dict, repr=False)

    def has_models_for(self, language: str) -> bool:
        """True when some model is usable from ``language`` code (else only query builders resolve)."""
        found = self._usable.get(language)
        if found is None:
            found = self._usable[language] = any(
                language in ORM_LANGUAGES.get(model.orm, frozenset({language}))
                for models in self.models.values()
                for model in models
            )
        return found

    def model(self, name: str, language: str) -> Model | None:
        """The model of a class name usable from ``language`` code."""
        simple = name.rsplit(".", 1)[-1].rsplit("\\", 1)[-1].rsplit("::", 1)[-1]
        for model in self.models.get(simple, ()):
            if language in ORM_LANGUAGES.get(model.orm, frozenset({language})):
                return model
        return None


@dataclass
class _State:
    model: Model
    level: str  # class | collection | instance | repository
    via: str


class AccessResolver:
    """Resolves the calls of one file to table accesses."""

    def __init__(
        self,
        index: ModelIndex,
        data: FileData,
        facts: FileFacts,
        detailed: Callable[[str], FileData] | None = None,
    ) -> None:
        self.index = index
        self.data = data
        self.facts = facts
        self.language = facts.language
        self._detailed = detailed
        self._types = [d for d in facts.declarations if d.kind in ("class", "interface", "struct", "module")]
        self._functions = [d for d in facts.declarations if d.kind in ("function", "method")]
        self._assigned: dict[str, list[tuple[int, str]]] = {}
        self._function_spans: dict[int, tuple[int, int] | None] = {}
        self._models_at: dict[int, Model | None] = {}

    def _load_details(self) -> None:
        """Variable types and assignments, read only once some call may need them."""
        if self._detailed is not None:
            self.data = self._detailed(self.data.path)
        for at, name, value in self.data.assignments:
            self._assigned.setdefault(name, []).append((at, value))

    # ------------------------------------------------------------------ roots

    def _enclosing_model(self, line: int) -> Model | None:
        if line not in self._models_at:
            self._models_at[line] = self._find_enclosing_model(line)
        return self._models_at[line]

    def _find_enclosing_model(self, line: int) -> Model | None:
        best: Declaration | None = None
        for decl in self._types:
            if decl.start_line <= line <= decl.end_line and (
                best is None or decl.start_line >= best.start_line
            ):
                best = decl
        return self.index.model(best.name, self.language) if best is not None else None

    def _declared_model(self, variable: str) -> _State | None:
        declared = self.data.declared.get(variable)
        if declared is None:
            return None
        if declared.type in self.index.repositories:
            model = self.index.model(self.index.repositories[declared.type], self.language)
            return (
                _State(model, "repository", "spring-data" if self.language == "java" else "repository")
                if model
                else None
            )
        if declared.type.endswith("Repository") and declared.generics:
            model = self.index.model(declared.generics[0], self.language)
            return _State(model, "repository", "repository") if model else None
        if declared.type in self.index.contexts:
            return None
        return None

    def _assigned_model(self, variable: str, line: int, depth: int) -> Model | None:
        function = self._function_at(line)
        latest: tuple[int, str] | None = None
        for at, value in self._assigned.get(variable, ()):
            if at >= line or (function is not None and not function[0] <= at <= function[1]):
                continue
            if latest is None or at > latest[0]:
                latest = (at, value)
        if latest is None:
            return None
        call = Call(name="", callee=latest[1], receiver=None, args=(), line=latest[0])
        by_args = self._by_arguments_text(latest[1])
        if by_args is not None:
            return by_args
        segments = split_chain(latest[1])
        if not segments:
            return None
        state, consumed = self._root(segments, call.line, depth + 1) if len(segments) > 1 else (None, 1)
        if state is None or state.model.orm == "query-builder":
            return None
        state = self._walk(state, segments[consumed:])
        return state.model if state.level != "attribute" else None

    def _function_at(self, line: int) -> tuple[int, int] | None:
        if line in self._function_spans:
            return self._function_spans[line]
        best: Declaration | None = None
        for decl in self._functions:
            if decl.start_line <= line <= decl.end_line and (
                best is None or decl.start_line >= best.start_line
            ):
                best = decl
        span = (best.start_line, best.end_line) if best else None
        self._function_spans[line] = span
        return span

    def _by_arguments_text(self, text: str) -> Model | None:
        match = re.match(r"^\s*(?:await\s+)?(\w+)\((.*)\)\s*$", text, re.S)
        if not match or match.group(1) not in _QUERY_FUNCTIONS:
            return None
        first = split_chain(f"f({match.group(2)})")
        if not first:
            return None
        fake = Call(match.group(1), match.group(1), None, (first[0].first_arg,), 0)
        found = self._argument_model(fake)
        return found[0] if found else None

    def _root(self, segments: list[Segment], line: int, depth: int = 0) -> tuple[_State | None, int]:
        """The state after the root segment(s) and how many segments were consumed."""
        root = segments[0]
        stem = variable_stem(root.name)
        # self / this inside a model
        if root.name in _SELF or root.name == "" or (root.name == "super" and root.args is not None):
            model = self._enclosing_model(line)
            if model is not None:
                return _State(model, "instance", model.orm), 1
            if len(segments) > 1 and root.args is None and depth < 2:
                # a field of a service (``this.orders.find()``): resolve the field itself
                state, consumed = self._root(segments[1:], line, depth + 1)
                return state, consumed + 1
            return None, 1
        # query builders naming a table: DB::table('x'), knex('x'), db.from('x')
        if len(segments) > 1 and segments[1].name in ("table", "from", "into") and segments[1].first_string:
            table = segments[1].first_string
            known = self.index.tables.get(table.lower())
            if known is not None and (root.name == "DB" or self.language != "php"):
                pseudo = Model(known, known, "", 0, "query-builder")
                return _State(pseudo, "class", "query-builder"), 2
        # a model class
        if root.args is None and re.fullmatch(r"\\?[A-Z][\w\\]*", root.name):
            model = self.index.model(root.name, self.language)
            if model is not None:
                return _State(model, "class", model.orm), 1
        # a typed field or variable: repository, context
        state = self._declared_model(stem) or self._declared_model(root.name)
        if state is not None:
            return state, 1
        declared = self.data.declared.get(stem)
        if len(segments) > 1:
            accessor = segments[1].name
            context_typed = declared is not None and declared.type in self.index.contexts
            if accessor in self.index.accessors and (context_typed or _CONTEXT_ROOT.search(stem)):
                model = self.index.model(self.index.accessors[accessor], self.language)
                if model is not None:
                    return _State(model, "class", model.orm), 2
        # a variable assigned from a model query (``siblings = @task.project.tasks.where(…)``)
        if self.language in _DYNAMIC and root.args is None and depth < 2:
            assigned = self._assigned_model(stem, line, depth)
            if assigned is not None:
                return _State(assigned, "collection" if is_plural(stem) else "instance", assigned.orm), 1
        # a variable named after a model (dynamic languages)
        if self.language in _DYNAMIC and root.args is None and stem and stem[0].islower():
            for candidate in type_candidates(stem):
                model = self.index.model(candidate, self.language)
                if model is not None:
                    return _State(model, "collection" if is_plural(stem) else "instance", model.orm), 1
            enclosing = self._enclosing_model(line)
            if enclosing is not None and stem in enclosing.associations and self.language in ("ruby",):
                target = self.index.model(enclosing.associations[stem], self.language)
                if target is not None:
                    return _State(target, "collection", target.orm), 1
        return None, 1

    # ------------------------------------------------------------------ walk

    def _walk(self, state: _State, segments: list[Segment]) -> _State:
        for segment in segments:
            target_name = state.model.associations.get(segment.name) or state.model.associations.get(
                variable_stem(segment.name)
            )
            if target_name is not None:
                target = self.index.model(target_name, self.language)
                if target is not None:
                    state = _State(target, "collection", target.orm)
                    continue
            if segment.name.isupper() and len(segment.name) > 1:
                return _State(state.model, "attribute", state.via)  # a constant (Task::STATES)
            if segment.name == "objects" and state.model.orm == "django":
                state = _State(state.model, "class", state.via)
            elif state.level in ("instance", "attribute"):
                # a member of an instance that is not an association: no longer a model
                state = _State(state.model, "attribute", state.via)
        return state

    def _mode(self, state: _State, name: str) -> str | None:
        lowered = _norm(name)
        if state.level == "attribute":
            return "write" if lowered in ("save", "delete") else None
        if state.model.orm == "ef-core" and state.level == "class":
            return "write" if lowered in _EF_WRITES else "read"
        if state.level == "repository":
            return (
                "write"
                if is_write(name)
                else None
                if lowered in ("tostring", "hashcode", "equals")
                else "read"
            )
        if state.level == "instance":
            if lowered in _INSTANCE_NOISE:
                return None
            if is_write(name):
                return "write"
            return "read" if lowered in _INSTANCE_READS else None
        if lowered in _NOT_QUERIES:
            return None
        return "write" if is_write(name) else "read"

    # ------------------------------------------------------------------ calls

    def _argument_model(self, call: Call) -> tuple[Model, str] | None:
        """``em.find(Order.class, id)``, ``session.query(User)``, ``get_object_or_404(Product, …)``."""
        if not call.args:
            return None
        first = call.args[0].strip()
        match = _MODEL_ARG.match(first) or _CONSTRUCTED_ARG.match(first)
        if match:
            model = self.index.model(match.group(1), self.language)
            if model is not None:
                return model, first
        stem = variable_stem(first.lstrip("&"))
        declared = self.data.declared.get(stem)
        if declared is not None:
            model = self.index.model(declared.type, self.language)
            if model is not None:
                return model, first
        if self.language in _DYNAMIC and re.fullmatch(r"\w+", stem):
            for candidate in type_candidates(stem):
                model = self.index.model(candidate, self.language)
                if model is not None:
                    return model, first
        return None

    def _by_arguments(self, call: Call) -> tuple[Model, str, str] | None:
        if call.receiver is None and call.name in _QUERY_FUNCTIONS:
            found = self._argument_model(call)
            return (found[0], _QUERY_FUNCTIONS[call.name], found[0].orm) if found else None
        if self._statement(call):
            found = self._argument_model(call)
            return (found[0], _SQLALCHEMY_FUNCTIONS[call.name], "sqlalchemy") if found else None
        if call.receiver is None:
            return None
        receiver_chain = split_chain(call.receiver)
        root = variable_stem(receiver_chain[-1].name) if receiver_chain else ""
        if not _MANAGER_ROOT.match(root) and not root.endswith(("session", "Session", "manager", "Manager")):
            return None
        found = self._argument_model(call)
        if found is None:
            return None
        name = _norm(call.name)
        if name in (
            "getrepository",
            "query",
            "find",
            "findone",
            "get",
            "getreference",
            "count",
            "findby",
            "findoneby",
            "createquerybuilder",
            "exists",
            "refresh",
        ):
            return found[0], "read", found[0].orm
        if is_write(call.name) or name in ("add", "persist", "merge", "remove", "delete"):
            return found[0], "write", found[0].orm
        return None

    def _statement(self, call: Call) -> bool:
        """A SQLAlchemy statement constructor (``select(Invoice)``, ``update(Order)``)."""
        return (
            self.language == "python"
            and call.name in _SQLALCHEMY_FUNCTIONS
            and call.receiver in (None, "sa", "sqlalchemy")
        )

    def _inner_nodes(self) -> set[tuple[int, str]]:
        """Calls that are links of a longer chain (``a.filter(x)`` of ``a.filter(x).update(y)``).

        A chain runs one query, decided by its last call, so only the outermost call counts.
        """
        # select(Invoice).where(...): the statement's kind is its constructor's, so never inner.
        candidates = sorted({(c.line, c.callee) for c in self.facts.calls if not self._statement(c)})
        lines_of: dict[str, list[int]] = {}
        for line, callee in candidates:
            lines_of.setdefault(callee, []).append(line)
        lengths = {len(callee) for callee in lines_of}
        inner: set[tuple[int, str]] = set()
        # A call is inner when a call on its line or up to 20 lines below extends its callee with a
        # separator: look up each such prefix of every callee (linear, where comparing every pair
        # of calls near each other was quadratic on minified or deeply nested code).
        for other in self.facts.calls:
            text = other.callee
            for index in range(len(text)):
                if index not in lengths or not text.startswith(_CHAIN_SEPARATORS, index):
                    continue
                lines = lines_of.get(text[:index])
                if lines:
                    low = bisect_left(lines, other.line - 20)
                    high = bisect_right(lines, other.line)
                    inner.update((line, text[:index]) for line in lines[low:high])
        return inner

    def accesses(self) -> Iterable[TableAccess]:
        """Every table access the file's calls make."""
        seen: set[tuple[str, str, int]] = set()
        calls = [c for c in self.facts.calls if c.kind == "call"]
        if not self.index.has_models_for(self.language):
            # without a model only a query builder naming a known table can resolve
            calls = [c for c in calls if _NAMES_TABLE.search(c.callee)] if self.index.tables else []
        if not calls:
            return
        self._load_details()
        inner = self._inner_nodes()
        for call in calls:
            if (call.line, call.callee) in inner:
                continue
            for table, mode, via in self._resolve(call):
                key = (table, mode, call.line)
                if key in seen:
                    continue
                seen.add(key)
                yield TableAccess(
                    unit_at(self.facts, call.line), table, mode, self.facts.path, call.line, via
                )

    def _resolve(self, call: Call) -> list[tuple[str, str, str]]:
        by_args = self._by_arguments(call)
        if by_args is not None:
            return self._with_cascades(*by_args, call.name)
        segments = split_chain(call.callee)
        if not segments:
            return []
        if len(segments) == 1:
            # a receiver-less call: inside a model it acts on the instance (``update!(…)``)
            if self.language not in ("ruby", "python", "php"):
                return []
            enclosing = self._enclosing_model(call.line)
            if enclosing is None:
                return []
            state: _State | None = _State(enclosing, "instance", enclosing.orm)
            consumed = 0
        else:
            state, consumed = self._root(segments[:-1], call.line, 0)
        if state is None:
            return []
        state = self._walk(state, segments[consumed:-1])
        final = segments[-1].name
        association = state.model.associations.get(final) if state.level != "attribute" else None
        loaded = self.index.model(association, self.language) if association else None
        if loaded is not None:
            return [(loaded.table, "read", loaded.orm)]
        mode = self._mode(state, final)
        if mode is None:
            return []
        return self._with_cascades(state.model, mode, state.via, segments[-1].name)

    def _with_cascades(self, model: Model, mode: str, via: str, method: str) -> list[tuple[str, str, str]]:
        found = [(model.table, mode, via)]
        if mode != "write":
            return found
        cascade_on = (
            ("save", "persist", "merge", "delete", "remove")
            if model.orm in ("jpa", "hibernate")
            else ("destroy",)
        )
        if not _norm(method).startswith(cascade_on):
            return found
        for member in sorted(model.cascades):
            target = self.index.model(model.associations.get(member, ""), self.language)
            if target is not None and target.table != model.table:
                found.append((target.table, "write", f"{via} cascade"))
        return found
