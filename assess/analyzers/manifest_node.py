"""npm ``package.json`` (with a tolerant fallback for truncated files), workspaces and lock files."""

from __future__ import annotations

import re
from typing import Any

import yaml

from assess.analyzers._files import Reader, dir_of, join, name_of
from assess.analyzers._text import json_key_line, json_string_pairs
from assess.analyzers.manifest_common import Collector, as_dict, as_str_list, load_json, section, text_lines

SECTIONS: dict[str, str] = {
    "dependencies": "runtime",
    "devDependencies": "dev",
    "peerDependencies": "peer",
    "optionalDependencies": "optional",
}
_YARN_VERSION = re.compile(r'^\s+version:?\s+"?([^"\s]+)"?')


def parse_package_json(reader: Reader, path: str, out: Collector) -> None:
    """Record the dependencies and workspaces of one package.json."""
    text = reader.text(path)
    if text is None:
        return
    data = load_json(text, path, out)
    if data is None:
        for key, scope in SECTIONS.items():  # truncated or broken: keep the pairs that still read
            for name, version, line in json_string_pairs(text, key):
                out.add("npm", name, version, scope, path, line)
        return
    for key, scope in SECTIONS.items():
        for name, version in section(data, key, path, out).items():
            declared = version if isinstance(version, str) else None
            out.add("npm", name, declared, scope, path, json_key_line(text, key, name))
    workspaces = data.get("workspaces")
    patterns = as_str_list(as_dict(workspaces).get("packages")) or as_str_list(workspaces)
    out.modules.extend(reader.folders_matching(dir_of(path), patterns, "package.json"))


def parse_pnpm_workspace(reader: Reader, path: str, out: Collector) -> None:
    """Record the module folders listed in pnpm-workspace.yaml."""
    text = reader.text(path)
    if text is None:
        return
    try:
        data = yaml.safe_load(text)
    except (yaml.YAMLError, RecursionError, ValueError) as exc:
        out.error(path, f"invalid YAML: {' '.join(str(exc).split())[:200]}")
        return
    patterns = [p for p in as_str_list(as_dict(data).get("packages")) if not p.startswith("!")]
    out.modules.extend(reader.folders_matching(dir_of(path), patterns, "package.json"))


def _package_lock_versions(data: dict[str, Any]) -> dict[str, str]:
    versions: dict[str, str] = {}
    for key, entry in as_dict(data.get("packages")).items():
        if key.startswith("node_modules/") and "/node_modules/" not in key:
            version = as_dict(entry).get("version")
            if isinstance(version, str):
                versions[key.removeprefix("node_modules/")] = version
    for name, entry in as_dict(data.get("dependencies")).items():
        version = as_dict(entry).get("version")
        if isinstance(version, str):
            versions.setdefault(name, version)
    return versions


def _yarn_versions(text: str) -> dict[str, str]:
    versions: dict[str, str] = {}
    current: str | None = None
    for line in text_lines(text):
        if line and not line[0].isspace() and line.rstrip().endswith(":"):
            first = line.split(",", 1)[0].strip().strip('":')
            at = first.find("@", 1)
            current = first[:at] if at > 0 else None
        elif current and (found := _YARN_VERSION.match(line)):
            versions.setdefault(current, found.group(1))
            current = None
    return versions


def parse_node_lock(reader: Reader, path: str, out: Collector) -> None:
    """Read installed versions from package-lock.json / npm-shrinkwrap.json / yarn.lock (quietly)."""
    text = reader.text(path)
    if text is None:
        return
    if name_of(path) == "yarn.lock":
        versions = _yarn_versions(text)
    else:
        versions = _package_lock_versions(load_json(text, path, Collector()) or {})
    out.lock("npm", dir_of(path), versions)


_LOCK_SECTIONS = ("dependencies", "devDependencies", "optionalDependencies")


def _pnpm_version(entry: object) -> str | None:
    """``4.18.2`` from ``{version: "4.18.2(supports-color@8.1.1)"}`` (v6+) or ``"4.18.2"`` (v5)."""
    value = as_dict(entry).get("version") if isinstance(entry, dict) else entry
    if isinstance(value, int | float):
        value = str(value)
    if not isinstance(value, str) or value.startswith(("link:", "file:", "workspace:")):
        return None
    return value.split("(", 1)[0].strip() or None


def parse_pnpm_lock(reader: Reader, path: str, out: Collector) -> None:
    """Read installed versions from pnpm-lock.yaml (lockfile v5 to v9, workspaces too; quietly)."""
    text = reader.text(path)
    if text is None:
        return
    try:
        data = as_dict(yaml.safe_load(text))
    except (yaml.YAMLError, RecursionError, ValueError):
        return
    base = dir_of(path)
    importers = as_dict(data.get("importers")) or {".": data}
    for folder, importer in importers.items():
        versions: dict[str, str] = {}
        for section_name in _LOCK_SECTIONS:
            for name, entry in as_dict(as_dict(importer).get(section_name)).items():
                version = _pnpm_version(entry)
                if version:
                    versions[name] = version
        out.lock("npm", join(base, folder) if folder not in (".", "") else base, versions)
