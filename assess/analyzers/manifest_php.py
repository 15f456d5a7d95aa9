"""Composer: ``composer.json`` requirements (tolerant of truncation) and ``composer.lock`` versions."""

from __future__ import annotations

import re

from assess.analyzers._files import Reader, dir_of
from assess.analyzers._text import json_key_line, json_string_pairs
from assess.analyzers.manifest_common import Collector, as_dict, load_json, section

SECTIONS = {"require": "runtime", "require-dev": "dev"}
_PLATFORM = re.compile(
    r"(?i)^(php(-64bit|-ipv6|-zts|-debug)?|hhvm|ext-.+|lib-.+|composer(-plugin|-runtime)?-api)$"
)


def is_platform_package(name: str) -> bool:
    """True for platform requirements (``php``, ``ext-*``, ``lib-*``) that are not packages."""
    return bool(_PLATFORM.match(name))


def parse_composer_json(reader: Reader, path: str, out: Collector) -> None:
    """Record ``require`` and ``require-dev`` packages of a composer.json."""
    text = reader.text(path)
    if text is None:
        return
    data = load_json(text, path, out)
    for key, scope in SECTIONS.items():
        pairs: list[tuple[str, str | None, int]]
        if data is None:
            pairs = [(n, v, line) for n, v, line in json_string_pairs(text, key)]
        else:
            pairs = [
                (n, v if isinstance(v, str) else None, json_key_line(text, key, n))
                for n, v in section(data, key, path, out).items()
            ]
        for name, version, line in pairs:
            if not is_platform_package(name):
                out.add("composer", name, version, scope, path, line)


def parse_composer_lock(reader: Reader, path: str, out: Collector) -> None:
    """Read the installed versions of a composer.lock (quietly)."""
    text = reader.text(path)
    if text is None:
        return
    data = load_json(text, path, Collector()) or {}
    versions: dict[str, str] = {}
    for key in ("packages", "packages-dev"):
        entries = data.get(key)
        for entry in entries if isinstance(entries, list) else []:
            name, version = as_dict(entry).get("name"), as_dict(entry).get("version")
            if isinstance(name, str) and isinstance(version, str):
                versions[name] = version
    out.lock("composer", dir_of(path), versions)
