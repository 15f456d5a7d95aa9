"""Go modules: ``go.mod`` directives and ``go.work`` workspaces, read line by line."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assess.analyzers._files import Reader, dir_of, join
from assess.analyzers.manifest_common import Collector, text_lines

_REQUIRE = re.compile(r'^"?([^\s"]+)"?\s+(v[^\s]+)$')
_DIRECTIVES = ("module", "go", "toolchain", "require", "replace", "exclude", "retract", "godebug", "tool")


@dataclass
class GoMod:
    """The parts of a go.mod the analyzers use: ``(value, line)`` pairs and requirements."""

    module: tuple[str, int] | None = None
    go: tuple[str, int] | None = None
    toolchain: tuple[str, int] | None = None
    requires: list[tuple[str, str, bool, int]] = field(default_factory=list)
    """``(path, version, indirect, line)``."""
    problems: list[str] = field(default_factory=list)


def read_go_mod(text: str) -> GoMod:
    """Parse go.mod text (never raises; unknown lines become ``problems``)."""
    mod = GoMod()
    block: str | None = None
    for number, raw in enumerate(text_lines(text), start=1):
        code, _, comment = raw.partition("//")
        line = code.strip()
        if not line:
            continue
        if block:
            if line == ")":
                block = None
            elif block == "require":
                _require(mod, line, "indirect" in comment, number)
            continue
        head, _, rest = line.replace("\t", " ").partition(" ")
        rest = rest.strip()
        if head not in _DIRECTIVES:
            mod.problems.append(f"unknown directive at line {number}: {line[:60]!r}")
        elif rest == "(":
            block = head
        elif head == "module":
            mod.module = (rest.strip('"'), number)
        elif head == "go":
            mod.go = (rest, number)
        elif head == "toolchain":
            mod.toolchain = (rest, number)
        elif head == "require":
            _require(mod, rest, "indirect" in comment, number)
    if block:
        mod.problems.append(f"unclosed {block} block")
    return mod


def _require(mod: GoMod, text: str, indirect: bool, number: int) -> None:
    match = _REQUIRE.match(text)
    if match:
        mod.requires.append((match.group(1), match.group(2), indirect, number))
    else:
        mod.problems.append(f"malformed require at line {number}: {text[:60]!r}")


def parse_go_mod(reader: Reader, path: str, out: Collector) -> None:
    """Record the requirements of a go.mod."""
    text = reader.text(path)
    if text is None:
        return
    mod = read_go_mod(text)
    for problem in mod.problems:
        out.error(path, problem)
    for module, version, indirect, line in mod.requires:
        out.add("go", module, version, "indirect" if indirect else "runtime", path, line)


def parse_go_work(reader: Reader, path: str, out: Collector) -> None:
    """Record the module folders a go.work ``use``-s."""
    text = reader.text(path)
    if text is None:
        return
    in_use = False
    folders: list[str] = []
    for raw in text_lines(text):
        line = raw.split("//", 1)[0].strip()
        head, _, rest = line.replace("\t", " ").partition(" ")
        if in_use:
            in_use = line != ")"
            if in_use and line:
                folders.append(line.strip('"'))
        elif head == "use":
            in_use = rest.strip() == "("
            if not in_use and rest.strip():
                folders.append(rest.strip().strip('"'))
    out.modules.extend(f for f in (join(dir_of(path), f) for f in folders) if f)
