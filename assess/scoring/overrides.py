"""User rubrics that extend the default: merging, cross-reference checks and error lines.

Merging: mappings merge key by key; lists whose items all carry an ``id`` (the migration
decision rules) merge by id, so a user file can change one rule in place, disable it
(``enabled: false``), or add a new one (first, or ``before: <id>``); every other list (bands,
gates, severities) is replaced whole.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import yaml


def _has_ids(items: Sequence[Any]) -> bool:
    return bool(items) and all(isinstance(item, dict) and isinstance(item.get("id"), str) for item in items)


def _merge_by_id(base: list[dict[str, Any]], override: list[dict[str, Any]]) -> list[dict[str, Any]]:
    result = [dict(item) for item in base]
    added = 0
    for item in override:
        change = dict(item)
        before = change.pop("before", None)
        index = next((i for i, r in enumerate(result) if r.get("id") == change["id"]), None)
        if index is not None:
            rule = merge(result.pop(index), change)
        else:
            rule = change
            index = added
            added += 1
        if before is not None:
            target = next((i for i, r in enumerate(result) if r.get("id") == before), None)
            if target is None:
                rule["before"] = before  # unresolved: validation reports it
            else:
                index = target
        result.insert(index, rule)
    return result


def merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    """``override`` laid over ``base`` (see the module docstring)."""
    merged = dict(base)
    for key, value in override.items():
        current = merged.get(key)
        if isinstance(value, dict) and isinstance(current, dict):
            merged[key] = merge(current, value)
        elif isinstance(value, list) and isinstance(current, list) and _has_ids(value) and _has_ids(current):
            merged[key] = _merge_by_id(current, value)
        else:
            merged[key] = value
    return merged


def _band_names(data: Mapping[str, Any], dimension: str) -> list[str] | None:
    dims = data.get("dimensions")
    dim = dims.get(dimension) if isinstance(dims, dict) else None
    bands = dim.get("bands") if isinstance(dim, dict) else None
    if not isinstance(bands, list):
        return None
    return [str(b["name"]) for b in bands if isinstance(b, dict) and "name" in b]


def cross_problems(data: Mapping[str, Any]) -> list[tuple[tuple[str | int, ...], str]]:
    """References the schema cannot check field by field, on the raw merged data (so they are
    listed together with schema errors): decision rules naming a band that does not exist, and
    ``before`` naming no rule. Each problem comes with its location."""
    problems: list[tuple[tuple[str | int, ...], str]] = []
    migration = data.get("migration")
    rules = migration.get("rules") if isinstance(migration, dict) else None
    if not isinstance(rules, list):
        return problems
    for index, rule in enumerate(rules):
        if not isinstance(rule, dict):
            continue
        when = rule.get("when")
        for dimension in ("containerization", "decomposition"):
            names = _band_names(data, dimension)
            wanted = when.get(f"{dimension}_band") if isinstance(when, dict) else None
            if names is None or not isinstance(wanted, list):
                continue
            for band in wanted:
                if band not in names:
                    problems.append(
                        (
                            ("migration", "rules", index, "when", f"{dimension}_band"),
                            f"{band!r} is not a {dimension} band (bands: {', '.join(names)})",
                        )
                    )
        if rule.get("before") is not None:
            problems.append(
                (("migration", "rules", index, "before"), f"no decision rule has the id {rule['before']!r}")
            )
    return problems


def user_line(text: str, loc: Sequence[str | int], merged: Mapping[str, Any]) -> int:
    """The 1-based line in the user's rubric text of the value at ``loc`` of the merged rubric,
    or 0 when the user's file does not hold it. Items of id-keyed lists are found by id."""
    try:
        node: yaml.Node | None = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return 0
    found = 0
    data: Any = merged
    for key in loc:
        item = _child(data, key)
        if isinstance(node, yaml.MappingNode):
            node = next((v for k, v in node.value if k.value == str(key)), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int):
            item_id = item.get("id") if isinstance(item, dict) else None
            if isinstance(item_id, str):
                node = next((n for n in node.value if _node_id(n) == item_id), None)
            else:
                node = node.value[key] if key < len(node.value) else None
        else:
            node = None
        if node is None:
            return found
        found = node.start_mark.line + 1
        data = item
    return found


def _child(data: Any, key: str | int) -> Any:
    if isinstance(data, dict):
        return data.get(key)
    if isinstance(data, list) and isinstance(key, int) and 0 <= key < len(data):
        return data[key]
    return None


def _node_id(node: yaml.Node) -> str | None:
    if not isinstance(node, yaml.MappingNode):
        return None
    return next(
        (str(v.value) for k, v in node.value if k.value == "id" and isinstance(v, yaml.ScalarNode)), None
    )
