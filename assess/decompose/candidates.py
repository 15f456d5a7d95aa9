"""From a partition of code units to candidate services an architect can argue with.

For each community: its units and files, the tables it would own (it accesses them most) and
those it would share with other candidates, its would-be API (its units other candidates depend
on, and the dependencies crossing its border in both directions), the transactions declared in
it that the cut would make distributed, and a suggested name.

The name is the package or module folder that holds most of its code, taken below the prefix
all the app's packages share (``com.acme.shop.orders`` → ``orders``, ``src/routes`` →
``routes``); when two candidates would get the same name, the dominant entity is appended.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence

import networkx as nx

from assess.decompose.affinity import table_key
from assess.decompose.metrics import interfaces, table_owners
from assess.model import CandidateService, DataModel, Edge

MAX_BORDER_EDGES = 25
"""Crossing dependencies kept per direction and candidate."""

_SPLIT = str.maketrans({"/": ".", "\\": "."})


def _segments(package: str) -> list[str]:
    return [part for part in package.translate(_SPLIT).split(".") if part]


def package_labels(graph: nx.Graph) -> dict[str, str]:
    """unit → the first package segment below the prefix every unit's package shares."""
    packages = {unit: _segments(str(graph.nodes[unit].get("package", unit))) for unit in graph}
    values = [p for p in packages.values() if p]
    common = 0
    if len(values) > 1:
        shortest = min(len(p) for p in values)
        while common < shortest and len({p[common] for p in values}) == 1:
            common += 1
    labels: dict[str, str] = {}
    for unit, parts in packages.items():
        rest = parts[common:]
        labels[unit] = rest[0] if rest else (parts[-1] if parts else unit)
    return labels


def _short(unit: str) -> str:
    return _segments(unit)[-1] if _segments(unit) else unit


def transaction_name(unit: str, name: str) -> str:
    """``Unit.method`` for a transaction (the name alone when it already says the unit)."""
    return name if name.startswith(unit) else f"{unit}.{name}"


def _border(graph: nx.DiGraph, members: set[str], *, incoming: bool) -> tuple[Edge, ...]:
    edges = [
        (a, b, round(float(w), 4))
        for a, b, w in graph.edges(data="weight", default=1.0)
        if (b in members and a not in members) == incoming and (a in members) != (b in members)
    ]
    edges.sort(key=lambda e: (-e[2], e[0], e[1]))
    return tuple(edges[:MAX_BORDER_EDGES])


def _name(
    members: Sequence[str], graph: nx.Graph, labels: Mapping[str, str], entities: Sequence[str]
) -> tuple[str, str]:
    lines: Counter[str] = Counter()
    for unit in members:
        lines[labels.get(unit, unit)] += int(graph.nodes[unit].get("code_lines", 1)) if unit in graph else 1
    label, top = min(lines.items(), key=lambda item: (-item[1], item[0]))
    total = sum(lines.values()) or 1
    holding = sum(1 for unit in members if labels.get(unit) == label)
    basis = f"package '{label}' holds {holding} of {len(members)} units ({top / total:.0%} of the code)"
    if entities:
        basis += f"; entities {', '.join(entities[:5])}"
    return label, basis


def build_candidates(
    communities: Sequence[Sequence[str]],
    static: nx.DiGraph,
    data: DataModel,
    accessors: Mapping[str, Mapping[str, float]],
) -> tuple[CandidateService, ...]:
    """One :class:`CandidateService` per community, in the communities' order."""
    partition = {unit: str(i) for i, members in enumerate(communities) for unit in members}
    labels = package_labels(static)
    owners = table_owners(accessors, partition)
    users: dict[str, set[str]] = defaultdict(set)
    for table, by_unit in accessors.items():
        for unit in by_unit:
            if unit in partition:
                users[partition[unit]].add(table)
    services_of_table: dict[str, set[str]] = defaultdict(set)
    for label, tables in users.items():
        for table in tables:
            services_of_table[table].add(label)
    entities: dict[str, list[str]] = defaultdict(list)
    for entity in sorted(data.entities, key=lambda e: e.unit):
        if entity.unit in partition and _short(entity.unit) not in entities[partition[entity.unit]]:
            entities[partition[entity.unit]].append(_short(entity.unit))
    provided = interfaces(static, partition)
    transactions: dict[str, list[str]] = defaultdict(list)
    for transaction in data.transactions:
        home = partition.get(transaction.unit)
        tables = {owners[t] for t in (table_key(x) for x in transaction.tables) if t in owners}
        if home is not None and len(tables) > 1:
            transactions[home].append(transaction_name(transaction.unit, transaction.name))

    named: list[tuple[str, str]] = []
    for i, members in enumerate(communities):
        named.append(_name(members, static, labels, entities[str(i)]))
    counts = Counter(name for name, _ in named)
    used: set[str] = set()
    services = []
    for i, members in enumerate(communities):
        label = str(i)
        name, basis = named[i]
        if counts[name] > 1 and entities[label]:
            name = f"{name}-{entities[label][0].lower()}"
        base, n = name, 2
        while name in used:
            name, n = f"{base}-{n}", n + 1
        used.add(name)
        member_set = set(members)
        files = sorted({str(static.nodes[u].get("file", "")) for u in members if u in static} - {""})
        services.append(
            CandidateService(
                name=name,
                units=tuple(sorted(members)),
                files=tuple(files),
                code_lines=sum(int(static.nodes[u].get("code_lines", 0)) for u in members if u in static),
                owned_tables=tuple(sorted(t for t, owner in owners.items() if owner == label)),
                shared_tables=tuple(sorted(t for t in users[label] if len(services_of_table[t]) > 1)),
                entities=tuple(entities[label]),
                api=tuple(sorted(provided.get(label, ()))),
                calls_in=_border(static, member_set, incoming=True),
                calls_out=_border(static, member_set, incoming=False),
                distributed=tuple(sorted(set(transactions[label]))),
                name_basis=basis,
            )
        )
    return tuple(services)
