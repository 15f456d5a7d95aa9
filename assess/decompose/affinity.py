"""Data affinity between code units: shared tables, foreign-key neighbours, transactions.

Built from the :class:`~assess.model.DataModel` of the data analyzer, whose units are named like
the static graph's. An undirected edge's ``weight`` adds up:

``shared_table``
    for each table, every pair of units touching it (an ORM entity mapping it, or code reading
    or writing it) gains ``w_shared_table / (accessors - 1)``: a table touched by two units ties
    them strongly, one touched by twenty ties each pair a little
``foreign_key``
    for a foreign key ``t → r``, the units mapping (else touching) ``t`` and those of ``r`` gain
    ``w_foreign_key / (|units(t)| × |units(r)|)``
``transaction``
    the unit declaring a transaction and the units mapping (else touching) the tables it reaches
    are co-members; each pair gains ``w_transaction / (members - 1)``
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Collection, Iterable
from itertools import combinations

import networkx as nx

from assess.decompose.settings import DataAffinityWeights
from assess.model import DataModel


def table_key(name: str) -> str:
    """The name tables are joined on: lower case, quotes and schema removed."""
    return name.strip().strip('`"[]').rsplit(".", 1)[-1].strip('`"[]').lower()


def table_accessors(data: DataModel, units: Collection[str]) -> dict[str, Counter[str]]:
    """table → how many access records (entity mappings included) each known unit has on it."""
    found: dict[str, Counter[str]] = defaultdict(Counter)
    for entity in data.entities:
        if entity.unit in units:
            found[table_key(entity.table)][entity.unit] += 1
    for access in data.accesses:
        if access.unit in units:
            found[table_key(access.table)][access.unit] += 1
    return dict(found)


def table_mappers(data: DataModel, units: Collection[str]) -> dict[str, set[str]]:
    """table → the units that own it in code: its ORM entities, else every unit touching it."""
    mappers: dict[str, set[str]] = defaultdict(set)
    for entity in data.entities:
        if entity.unit in units:
            mappers[table_key(entity.table)].add(entity.unit)
    for table, accessors in table_accessors(data, units).items():
        if table not in mappers:
            mappers[table] = set(accessors)
    return dict(mappers)


def _add(graph: nx.Graph, a: str, b: str, kind: str, amount: float) -> None:
    if a == b or amount <= 0:
        return
    if graph.has_edge(a, b):
        edge = graph[a][b]
        edge["weight"] += amount
        edge[kind] = edge.get(kind, 0.0) + amount
    else:
        graph.add_edge(a, b, weight=amount, **{kind: amount})


def _pairs(members: Iterable[str]) -> list[tuple[str, str]]:
    return list(combinations(sorted(set(members)), 2))


def build_data_graph(data: DataModel, units: Collection[str], weights: DataAffinityWeights) -> nx.Graph:
    """The data-affinity graph over ``units`` (only units that touch data get edges)."""
    graph = nx.Graph()
    accessors = table_accessors(data, units)
    mappers = table_mappers(data, units)
    for table in sorted(accessors):
        users = sorted(accessors[table])
        if len(users) > 1:
            share = weights.shared_table / (len(users) - 1)
            for a, b in _pairs(users):
                _add(graph, a, b, "shared_table", share)
    for key in data.foreign_keys:
        left = mappers.get(table_key(key.table), set())
        right = mappers.get(table_key(key.ref_table), set())
        if left and right:
            share = weights.foreign_key / (len(left) * len(right))
            for a in sorted(left):
                for b in sorted(right):
                    _add(graph, a, b, "foreign_key", share)
    for transaction in data.transactions:
        members: set[str] = {transaction.unit} if transaction.unit in units else set()
        for table in transaction.tables:
            members |= mappers.get(table_key(table), set())
        if len(members) > 1:
            share = weights.transaction / (len(members) - 1)
            for a, b in _pairs(members):
                _add(graph, a, b, "transaction", share)
    return graph
