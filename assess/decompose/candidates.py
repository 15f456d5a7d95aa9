"""From a partition of code units to candidate services an architect can argue with.

For each community: its units and files, the tables it would own (it accesses them most) and
those it would share with other candidates, its would-be API (its units other candidates depend
on, and the dependencies crossing its border in both directions), the transactions declared in
it that the cut would make distributed, and a suggested name.

The name comes from its dominant package, else from the word its units and entities share
(see :mod:`assess.decompose.naming`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence

import networkx as nx

from assess.decompose.affinity import table_key
from assess.decompose.metrics import interfaces, table_owners
from assess.decompose.naming import short_name, suggest_names, words
from assess.model import CandidateService, DataModel, Edge, Entity

MAX_BORDER_EDGES = 25
"""Crossing dependencies kept per direction and candidate."""


def entity_label(entity: Entity, data: DataModel) -> str:
    """An entity's class name; its table for a module mapping several (``orders.models``)."""
    name = short_name(entity.unit)
    if words(name) and sum(1 for e in data.entities if e.unit == entity.unit) == 1:
        return name
    return table_key(entity.table)


def transaction_name(unit: str, name: str) -> str:
    """``Unit.method`` for a transaction (the name alone when it already says the unit)."""
    return name if name.startswith(unit) else f"{unit}.{name}"


def _borders(graph: nx.DiGraph, partition: Mapping[str, str]) -> dict[str, tuple[list[Edge], list[Edge]]]:
    """Per community label, the dependencies crossing its border: (incoming, outgoing), heaviest
    first, at most :data:`MAX_BORDER_EDGES` each (one pass over the graph for all communities)."""
    found: dict[str, tuple[list[Edge], list[Edge]]] = defaultdict(lambda: ([], []))
    for a, b, w in graph.edges(data="weight", default=1.0):
        source, target = partition.get(a), partition.get(b)
        if source == target:
            continue
        edge = (a, b, round(float(w), 4))
        if target is not None:
            found[target][0].append(edge)
        if source is not None:
            found[source][1].append(edge)
    for incoming, outgoing in found.values():
        for edges in (incoming, outgoing):
            edges.sort(key=lambda e: (-e[2], e[0], e[1]))
            del edges[MAX_BORDER_EDGES:]
    return found


def build_candidates(
    communities: Sequence[Sequence[str]],
    static: nx.DiGraph,
    data: DataModel,
    accessors: Mapping[str, Mapping[str, float]],
) -> tuple[CandidateService, ...]:
    """One :class:`CandidateService` per community, in the communities' order."""
    partition = {unit: str(i) for i, members in enumerate(communities) for unit in members}
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
    for entity in sorted(data.entities, key=lambda e: (e.unit, table_key(e.table))):
        found = entities[partition[entity.unit]] if entity.unit in partition else None
        label = entity_label(entity, data)
        if found is not None and label not in found:
            found.append(label)
    provided = interfaces(static, partition)
    transactions: dict[str, list[str]] = defaultdict(list)
    for transaction in data.transactions:
        home = partition.get(transaction.unit)
        tables = {owners[t] for t in (table_key(x) for x in transaction.tables) if t in owners}
        if home is not None and len(tables) > 1:
            transactions[home].append(transaction_name(transaction.unit, transaction.name))

    borders = _borders(static, partition)
    named = suggest_names(communities, static, [entities[str(i)] for i in range(len(communities))])
    services = []
    for i, members in enumerate(communities):
        label = str(i)
        name, basis = named[i]
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
                calls_in=tuple(borders[label][0]),
                calls_out=tuple(borders[label][1]),
                distributed=tuple(sorted(set(transactions[label]))),
                name_basis=basis,
            )
        )
    return tuple(services)
