"""Bundler: ``Gemfile`` declarations (with groups) and ``Gemfile.lock`` versions, read line by line."""

from __future__ import annotations

import re

from assess.analyzers._files import Reader, dir_of
from assess.analyzers._text import blank_hash_comments
from assess.analyzers.manifest_common import Collector, text_lines

_GEM = re.compile(r"""^\s*gem\s*\(?\s*(['"])([^'"]+)\1((?:\s*,\s*(['"])[^'"]*\4)*)(.*)$""")
_GROUP_BLOCK = re.compile(r"^\s*group\s*\(?\s*(.+?)\)?\s+do\s*(\|.*\|)?\s*$")
_OTHER_BLOCK = re.compile(
    r"\bdo\s*(\|[^|]*\|)?\s*$|^\s*(if|unless|case|while|until|begin|def|class|module)\b"
)
_END = re.compile(r"^\s*end\b")
_INLINE_GROUP = re.compile(r"\bgroups?\s*(?::|=>)\s*(\[[^\]]*\]|:\w+|['\"]\w+['\"])")
_LOCKED = re.compile(r"^    ([^\s(]+) \(([^)\s-]+)(?:-[^)\s]+)?\)\s*$")
"""``    nokogiri (1.16.5-x86_64-linux)``: name, version; a platform after ``-`` is dropped (as Bundler does)."""
_RUBY = re.compile(r"""^\s*ruby\s*\(?\s*(['"])([^'"]+)\1""")


def _scope_of(groups: list[str]) -> str:
    names = {g.strip(":'\" ") for g in groups}
    if not names or names & {"default", "production"}:
        return "runtime"
    if names <= {"test"} or names <= {"test", "ci"}:
        return "test"
    return "dev"


def gemfile_ruby(text: str) -> tuple[str, int] | None:
    """The ``ruby "x.y.z"`` requirement of a Gemfile with its line."""
    for number, line in enumerate(text_lines(blank_hash_comments(text)), start=1):
        match = _RUBY.match(line)
        if match:
            return match.group(2), number
    return None


def parse_gemfile(reader: Reader, path: str, out: Collector) -> None:
    """Record the gems of a Gemfile with their group-derived scope."""
    text = reader.text(path)
    if text is None:
        return
    blocks: list[list[str] | None] = []
    for number, line in enumerate(text_lines(blank_hash_comments(text)), start=1):
        if _END.match(line):
            if blocks:
                blocks.pop()
            continue
        group = _GROUP_BLOCK.match(line)
        if group:
            blocks.append(re.findall(r"[:'\"]?(\w+)", group.group(1)))
            continue
        gem = _GEM.match(line)
        if gem:
            versions = re.findall(r"""['"]([^'"]*)['"]""", gem.group(3))
            inline = _INLINE_GROUP.search(gem.group(5))
            groups = re.findall(r"\w+", inline.group(1)) if inline else []
            for block in blocks:
                groups.extend(block or [])
            version = ", ".join(versions) or None
            out.add("rubygems", gem.group(2), version, _scope_of(groups), path, number)
        elif _OTHER_BLOCK.search(line):
            blocks.append(None)


def parse_gemfile_lock(reader: Reader, path: str, out: Collector) -> None:
    """Read the resolved gem versions of a Gemfile.lock (quietly)."""
    text = reader.text(path)
    if text is None:
        return
    versions: dict[str, str] = {}
    for line in text_lines(text):
        match = _LOCKED.match(line)
        if match:
            versions.setdefault(match.group(1), match.group(2))
    out.lock("rubygems", dir_of(path), versions)
