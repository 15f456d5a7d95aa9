"""Suggested names for candidate services, from their dominant package and their entities.

A candidate is named after its **package**: the first package or module-folder segment below
the prefix most of the app shares (``com.acme.shop.orders`` → ``orders``), when that package
holds at least half of the candidate's code, names a domain rather than a layer
(``controllers``, ``models``, ``src`` … name layers), and is no other candidate's package.

Otherwise it is named after its **domain word**: the word most of its unit names and entities
share once technical words are dropped (``ProductsController``, ``ProductService``,
``ProductDto`` → ``product``). Each unit counts a word once and each of the candidate's entities
counts it once more; ties go to the word backed by more code, then to the alphabet. When a name
is taken, the next best word is used, then a number.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import networkx as nx


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


PREFIX_SHARE = 0.75
"""A package segment joins the shared prefix when at least this share of the units have it."""

LAYERS = _words(
    """src app apps lib libs main internal pkg cmd bin controllers controller models model services
    service views view routes router handlers handler http web api rest domain data dal dao daos
    infrastructure infra contracts dto dtos entities entity repositories repository core common
    shared utils util helpers helper config configuration settings options middleware jobs providers
    migrations db database persistence ui www public resources templates viewmodels forms
    serializers schemas components modules features management commands servlet servlets java
    scripts tasks"""
)
"""Package names that say which layer code is in, not which part of the business."""

TECHNICAL = _words(
    """controller controllers service services repository repositories repo dto request response
    impl exception exceptions error errors handler handlers manager helper helpers util utils config
    configuration settings options option client factory provider providers model models view views
    form forms admin url urls app apps application api base abstract interface context dbcontext db
    middleware filter filters job jobs listener servlet dao entity record records test tests main
    program index server module modules type types data info result results command commands
    management signal signals init setup serializer serializers schema schemas route routes router
    page pages component components processor processors spec the and for from with get set create
    update delete list new add change string async default src lib internal http web rest json xml
    csv pdf file files number generator renderer bundle bootstrap kernel
    startup global environment environments local production development conf wsgi asgi manage
    rakefile gemfile artisan logger logging log health locator migration migrations support core common shared mapper mappers
    adapter adapters gateway gateways"""
)
"""Words of unit names that say what kind of code a unit is, not what it is about."""

_WORD = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+")
_SEGMENTS = str.maketrans({"/": ".", "\\": "."})


def segments(package: str) -> list[str]:
    """``com.acme.orders`` / ``src/routes`` / ``App\\Models`` → its parts."""
    return [part for part in package.translate(_SEGMENTS).split(".") if part]


def short_name(unit: str) -> str:
    """The last part of a unit's name (``com.x.OrderService`` → ``OrderService``)."""
    parts = segments(unit)
    return parts[-1] if parts else unit


def singular(word: str) -> str:
    """A plain English singular, enough for names (``categories`` → ``category``)."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("sses", "shes", "ches", "xes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def words(name: str) -> list[str]:
    """The domain words of a unit's short name (camelCase, snake_case, kebab-case split)."""
    found = []
    for raw in _WORD.findall(name):
        word = singular(raw.lower())
        if len(word) > 2 and word not in TECHNICAL and singular(word) not in TECHNICAL:
            found.append(word)
    return found


def _shared_prefix(packages: Sequence[list[str]]) -> list[str]:
    prefix: list[str] = []
    total = len(packages)
    while total:
        depth = len(prefix)
        below = Counter(p[depth] for p in packages if len(p) > depth and p[:depth] == prefix)
        if not below:
            return prefix
        segment, count = min(below.items(), key=lambda item: (-item[1], item[0]))
        if count < PREFIX_SHARE * total:
            return prefix
        prefix.append(segment)
    return prefix


def package_labels(graph: nx.Graph, units: Iterable[str] | None = None) -> dict[str, str]:
    """unit → the first package segment below the prefix most of ``units``' packages share
    (default: every node of ``graph``)."""
    chosen = list(graph) if units is None else [u for u in units if u in graph]
    packages = {unit: segments(str(graph.nodes[unit].get("package", unit))) for unit in chosen}
    prefix = _shared_prefix([p for p in packages.values() if p])
    labels: dict[str, str] = {}
    for unit, parts in packages.items():
        rest = parts[len(prefix) :] if parts[: len(prefix)] == prefix else parts
        labels[unit] = rest[0] if rest else (parts[-1] if parts else unit)
    return labels


@dataclass(frozen=True)
class _Choice:
    package: str
    package_units: int
    package_share: float
    words: list[tuple[str, int]]
    """Domain words, best first, with how many units and entities back each."""


def _choice(
    members: Sequence[str], graph: nx.Graph, labels: Mapping[str, str], entities: Sequence[str]
) -> _Choice:
    lines: Counter[str] = Counter()
    score: Counter[str] = Counter()
    weight: Counter[str] = Counter()
    for unit in members:
        size = int(graph.nodes[unit].get("code_lines", 1)) if unit in graph else 1
        lines[labels.get(unit, unit)] += size
        for word in set(words(short_name(unit))):
            score[word] += 1
            weight[word] += size
    for entity in entities:
        for word in set(words(entity)):
            score[word] += 1
    package, top = min(lines.items(), key=lambda item: (-item[1], item[0]))
    ranked = sorted(score, key=lambda w: (-score[w], -weight[w], w))
    return _Choice(
        package=package,
        package_units=sum(1 for unit in members if labels.get(unit, unit) == package),
        package_share=top / (sum(lines.values()) or 1),
        words=[(w, score[w]) for w in ranked],
    )


def _held(choice: _Choice, size: int) -> str:
    return (
        f"package '{choice.package}' holds {choice.package_units} of {size} units "
        f"({choice.package_share:.0%} of the code)"
    )


def suggest_names(
    communities: Sequence[Sequence[str]], graph: nx.Graph, entities: Sequence[Sequence[str]]
) -> list[tuple[str, str]]:
    """``(name, why)`` for each community, in order; names are unique.

    Package names go first (largest community first); the domain words are then handed out
    word by word to the community whose names they dominate most (share of its units and
    entities), so a word goes where it says most.
    """
    labels = package_labels(graph, [unit for members in communities for unit in members])
    choices = [_choice(m, graph, labels, e) for m, e in zip(communities, entities, strict=True)]
    packages = Counter(c.package for c in choices)
    names: dict[int, tuple[str, str]] = {}
    for i, choice in enumerate(choices):
        if (
            choice.package.lower() not in LAYERS
            and choice.package_share >= 0.5
            and packages[choice.package] == 1
        ):
            names[i] = (choice.package, _held(choice, len(communities[i])))
    used = {name for name, _ in names.values()}
    offers = sorted(
        (-count / (len(communities[i]) + len(entities[i])), -count, rank, i, word)
        for i, choice in enumerate(choices)
        if i not in names
        for rank, (word, count) in enumerate(choice.words)
    )
    for _, minus_count, _, i, word in offers:
        if i not in names and word not in used:
            names[i] = (
                word,
                f"'{word}' is in the names of {-minus_count} of its {len(communities[i])} units and "
                f"entities; {_held(choices[i], len(communities[i]))}",
            )
            used.add(word)
    named: list[tuple[str, str]] = []
    taken: set[str] = set()
    for i, choice in enumerate(choices):
        name, why = names.get(i, (choice.package, _held(choice, len(communities[i]))))
        base, n = name, 2
        while name in taken:
            name, n = f"{base}-{n}", n + 1
        taken.add(name)
        if entities[i]:
            why += f"; entities {', '.join(entities[i][:5])}"
        named.append((name, why))
    return named
