"""Start commands from the repository, split into argv safely, and shared launch helpers.

A start command (Procfile ``web:``, ``scripts.start``, a detected convention) is repository text:
it is only used when it is a simple command (no shell operators, redirections, substitutions or
variables other than ``$PORT``) made of plain tokens; otherwise the planner falls back to the
stack's convention and says so.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Sequence
from dataclasses import dataclass

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_TOKEN = re.compile(r"^[A-Za-z0-9_@%+=:,./()\[\]~^-]+$")
_PORT_VAR = re.compile(r"\$\{?PORT\}?")
_OPERATORS = frozenset({"&&", "||", ";", "|", "&", ">", ">>", "<", "2>", "2>&1", "&>"})
MAX_COMMAND = 500


@dataclass(frozen=True, slots=True)
class Launch:
    """How the container starts: ``argv`` (may use ``$PORT``, then it runs through ``sh -c``),
    whether it is ENTRYPOINT rather than CMD, and why it differs from the detected command."""

    argv: tuple[str, ...]
    entrypoint: bool = False
    remarks: tuple[str, ...] = ()


def split_command(text: str | None) -> tuple[str, ...] | None:
    """The tokens of a simple command, or None when it is not one (see module doc)."""
    if not text or len(text) > MAX_COMMAND or _CONTROL.search(text):
        return None
    try:
        tokens = shlex.split(text, comments=False, posix=True)
    except ValueError:
        return None
    if not tokens or re.match(r"^[A-Za-z_]\w*=", tokens[0]):
        return None
    for token in tokens:
        if token in _OPERATORS:
            return None
        bare = _PORT_VAR.sub("", token)
        if bare and not _TOKEN.match(bare):
            return None
    return tuple(tokens)


def without_prefix(tokens: Sequence[str], *prefixes: Sequence[str]) -> tuple[str, ...]:
    """Drop a leading ``exec`` / ``bundle exec`` style prefix."""
    out = tuple(tokens)
    for prefix in prefixes:
        if out[: len(prefix)] == tuple(prefix):
            out = out[len(prefix) :]
    return out


def option_value(argv: Sequence[str], *names: str) -> str | None:
    """The value of ``--name value`` / ``--name=value`` / ``-n value``."""
    for index, token in enumerate(argv):
        for name in names:
            if token == name and index + 1 < len(argv):
                return argv[index + 1]
            if name.startswith("--") and token.startswith(name + "="):
                return token.split("=", 1)[1]
    return None


def set_option(argv: Sequence[str], names: Sequence[str], value: str) -> tuple[str, ...]:
    """Replace (or append) ``names[0] value``, removing every other spelling of the option."""
    out: list[str] = []
    skip = False
    for index, token in enumerate(argv):
        if skip:
            skip = False
            continue
        if token in names and index + 1 < len(argv):
            skip = True
            continue
        if any(n.startswith("--") and token.startswith(n + "=") for n in names):
            continue
        out.append(token)
    return (*out, names[0], value)


def uses_port(argv: Sequence[str]) -> bool:
    return any(_PORT_VAR.search(token) for token in argv)
