"""A small, total Dockerfile reader: instructions with their lines, and build stages.

It never fails: anything it does not understand is kept as an instruction with its raw text.
Handles parser directives (``# escape=``), line continuations (comment and blank lines inside
them are dropped, as Docker does), heredocs (``RUN <<EOF``), exec (JSON) form and ``FROM ... AS``.
"""

from __future__ import annotations

import json
import re
import shlex
from dataclasses import dataclass, field

MAX_INSTRUCTIONS = 5000
"""Instructions beyond this are ignored (a Dockerfile this long is not a real one)."""

_DIRECTIVE = re.compile(r"^#\s*([a-zA-Z]+)\s*=\s*(\S+)\s*$")
_HEREDOC = re.compile(r"<<-?\s*([\"']?)([A-Za-z_][\w.-]*)\1")
_FLAG = re.compile(r"^--[\w-]+(?:=\S*)?$")


@dataclass(frozen=True)
class Instruction:
    """One instruction: upper-case keyword, its argument text with continuations joined,
    and the lines it spans (1-based, inclusive)."""

    keyword: str
    args: str
    line: int
    end_line: int

    def exec_form(self) -> list[str] | None:
        """The JSON array of an exec-form ``CMD``/``ENTRYPOINT``/``RUN``, else None."""
        text = self.args.strip()
        if not text.startswith("["):
            return None
        try:
            value = json.loads(text)
        except ValueError:
            return None
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return value
        return None

    def words(self) -> list[str]:
        """The arguments split like a shell would (best effort; never raises)."""
        form = self.exec_form()
        if form is not None:
            return form
        try:
            return shlex.split(self.args, comments=False, posix=True)
        except ValueError:
            return self.args.split()

    def flags_and_rest(self) -> tuple[dict[str, str], list[str]]:
        """Leading ``--flag[=value]`` options and the remaining words."""
        words = self.words()
        flags: dict[str, str] = {}
        while words and _FLAG.match(words[0]):
            name, _, value = words.pop(0)[2:].partition("=")
            flags[name.lower()] = value
        return flags, words


@dataclass
class Stage:
    """A build stage: its ``FROM`` instruction, base image text, alias and instructions."""

    index: int
    from_: Instruction
    image: str
    alias: str | None
    instructions: list[Instruction] = field(default_factory=list)


@dataclass
class Dockerfile:
    """Instructions before the first ``FROM`` (global ``ARG``) and the stages."""

    preamble: list[Instruction]
    stages: list[Stage]

    @property
    def final(self) -> Stage | None:
        return self.stages[-1] if self.stages else None

    def instructions(self) -> list[Instruction]:
        out = list(self.preamble)
        for stage in self.stages:
            out.append(stage.from_)
            out.extend(stage.instructions)
        return out

    def stage_named(self, name: str) -> Stage | None:
        lowered = name.lower()
        return next((s for s in self.stages if s.alias and s.alias.lower() == lowered), None)

    def shipped_stages(self) -> list[Stage]:
        """The final stage and the stages it is built ``FROM`` (their layers end up in the image)."""
        out: list[Stage] = []
        stage = self.final
        while stage is not None and stage not in out:
            out.append(stage)
            stage = self.stage_named(stage.image)
        return out


def _escape_char(lines: list[str]) -> str:
    for line in lines:
        match = _DIRECTIVE.match(line.strip())
        if not match:
            break
        if match.group(1).lower() == "escape" and match.group(2) in ("`", "\\"):
            return match.group(2)
    return "\\"


def read_instructions(text: str) -> list[Instruction]:
    """Every instruction of a Dockerfile's text, in order."""
    lines = text.splitlines()
    escape = _escape_char(lines)
    out: list[Instruction] = []
    index = 0
    while index < len(lines) and len(out) < MAX_INSTRUCTIONS:
        raw = lines[index]
        stripped = raw.strip()
        if not stripped or stripped.startswith("#"):
            index += 1
            continue
        start = index
        parts: list[str] = []
        current = raw.rstrip()
        while current.endswith(escape) and index + 1 < len(lines):
            parts.append(current[:-1])
            index += 1
            while index < len(lines) and (not lines[index].strip() or lines[index].lstrip().startswith("#")):
                index += 1
            if index >= len(lines):
                current = ""
                break
            current = lines[index].rstrip()
        parts.append(current[:-1] if current.endswith(escape) else current)
        joined = " ".join(part.strip() for part in parts if part.strip())
        keyword, _, args = joined.partition(" ")
        for match in _HEREDOC.finditer(args):
            terminator = match.group(2)
            body = []
            while index + 1 < len(lines):
                index += 1
                if lines[index].strip() == terminator:
                    break
                body.append(lines[index])
            args += "\n" + "\n".join(body)
        out.append(Instruction(keyword.upper(), args.strip(), start + 1, index + 1))
        index += 1
    return out


def parse_dockerfile(text: str) -> Dockerfile:
    """The instructions of a Dockerfile grouped into its build stages."""
    result = Dockerfile(preamble=[], stages=[])
    for instruction in read_instructions(text):
        if instruction.keyword == "FROM":
            _flags, words = instruction.flags_and_rest()
            image = words[0] if words else ""
            alias = words[2] if len(words) >= 3 and words[1].lower() == "as" else None
            result.stages.append(Stage(len(result.stages), instruction, image, alias))
        elif result.stages:
            result.stages[-1].instructions.append(instruction)
        else:
            result.preamble.append(instruction)
    return result


def global_args(dockerfile: Dockerfile) -> dict[str, str]:
    """Default values of the ``ARG`` instructions before the first ``FROM``."""
    values: dict[str, str] = {}
    for instruction in dockerfile.preamble:
        if instruction.keyword == "ARG":
            for word in instruction.words():
                name, sep, value = word.partition("=")
                if sep:
                    values[name] = value
    return values


_VARIABLE = re.compile(r"\$(?:\{(\w+)(?::?[-+][^}]*)?\}|(\w+))")


def expand(text: str, values: dict[str, str]) -> str | None:
    """``text`` with ``$NAME``/``${NAME}``/``${NAME:-default}`` replaced, or None when a variable
    has no known value (a ``:-default`` counts as one)."""
    unknown = False

    def replace(match: re.Match[str]) -> str:
        nonlocal unknown
        name = match.group(1) or match.group(2)
        if name in values:
            return values[name]
        default = re.match(r"\$\{\w+:?-([^}]*)\}", match.group(0))
        if default:
            return default.group(1)
        unknown = True
        return ""

    result = _VARIABLE.sub(replace, text)
    return None if unknown else result


def split_image(reference: str) -> tuple[str, str | None, str | None]:
    """``registry/name:tag@digest`` → (name with registry, tag or None, digest or None)."""
    name, _, digest = reference.partition("@")
    last = name.rsplit("/", 1)[-1]
    if ":" in last:
        base, _, tag = name.rpartition(":")
        return base, tag, digest or None
    return name, None, digest or None
