"""Dockerfile instructions as values, and the only way repository text gets into them.

Every builder here validates or quotes what it is given: paths must be plain relative or absolute
paths, exec-form commands are JSON arrays (``json.dumps``), shell words are ``shlex``-quoted and
comments are single printable lines. Planners never format instruction text themselves.
"""

from __future__ import annotations

import json
import re
import shlex
from collections.abc import Sequence
from dataclasses import dataclass

from assess.dockerfile.images import ResolvedImage

_SEGMENT = r"[A-Za-z0-9_.@+*-]+"
_SAFE_PATH = re.compile(rf"^(?:/|\./)?{_SEGMENT}(?:/{_SEGMENT})*/?$|^\.$|^\./$|^/$")
_ENV_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_ENV_VALUE = re.compile(r"^[A-Za-z0-9_.,:/@%+=${} -]*$")
_CONTROL = re.compile(r"[\x00-\x1f\x7f\u0085\u2028\u2029]+")
_PORT_VAR = re.compile(r"\$\{?PORT\}?")


class UnsafeValue(ValueError):
    """A value from the repository that cannot be placed in an instruction safely."""


def safe_path(path: str) -> str:
    """A path usable in COPY/WORKDIR: letters, digits, ``_.@+-*/``; no ``..``, no spaces."""
    if not path or ".." in path.split("/") or not _SAFE_PATH.match(path) or path.startswith("-"):
        raise UnsafeValue(f"unsafe path: {path!r}")
    return path


def is_safe_path(path: str) -> bool:
    try:
        safe_path(path)
    except UnsafeValue:
        return False
    return True


def comment_text(text: str, limit: int = 200) -> str:
    """One printable line: control characters become spaces, long text is cut with an ellipsis."""
    line = _CONTROL.sub(" ", text).strip()
    return line if len(line) <= limit else line[: limit - 1] + "…"


def shell_word(word: str) -> str:
    """A shell word; ``$PORT``/``${PORT}`` is kept expandable (the only variable allowed)."""
    if _PORT_VAR.search(word):
        rest = _PORT_VAR.sub("", word)
        if rest and shlex.quote(rest) != rest:
            raise UnsafeValue(f"unsafe word: {word!r}")
        return '"' + _PORT_VAR.sub("${PORT}", word) + '"'
    return shlex.quote(word)


def exec_form(argv: Sequence[str]) -> str:
    """A JSON array (what Docker calls the exec form)."""
    if not argv:
        raise UnsafeValue("empty command")
    return json.dumps(list(argv), ensure_ascii=False)


def shell_argv(argv: Sequence[str]) -> tuple[str, ...]:
    """``sh -c 'exec …'``: the exec form of a command that needs ``${PORT}`` expanded."""
    return ("sh", "-c", "exec " + " ".join(shell_word(w) for w in argv))


def uses_port_variable(argv: Sequence[str]) -> bool:
    return any(_PORT_VAR.search(w) for w in argv)


@dataclass(frozen=True, slots=True)
class Instruction:
    """One instruction: its keyword, its argument lines (continuations are indented), and the
    comment lines written above it."""

    keyword: str
    lines: tuple[str, ...]
    comment: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        """The instruction as it appears in the Dockerfile, without its comment."""
        if len(self.lines) == 1:
            return f"{self.keyword} {self.lines[0]}"
        return f"{self.keyword} " + " \\\n    ".join(self.lines)

    def with_comment(self, *lines: str) -> Instruction:
        return Instruction(self.keyword, self.lines, tuple(comment_text(c) for c in lines if c))


def _comment(comment: str | Sequence[str] | None) -> tuple[str, ...]:
    if comment is None:
        return ()
    items = [comment] if isinstance(comment, str) else list(comment)
    return tuple(comment_text(c) for c in items if c)


def from_(
    image: ResolvedImage, alias: str | None = None, comment: str | Sequence[str] | None = None
) -> Instruction:
    text = image.from_text + (f" AS {alias}" if alias else "")
    return Instruction("FROM", (text,), _comment(comment))


def arg(name: str, value: str, comment: str | Sequence[str] | None = None) -> Instruction:
    if not _ENV_NAME.match(name) or not re.match(r"^[A-Za-z0-9_.+-]*$", value):
        raise UnsafeValue(f"unsafe ARG {name}={value!r}")
    return Instruction("ARG", (f"{name}={value}",), _comment(comment))


def _env_value(value: str) -> str:
    if not _ENV_VALUE.match(value):
        raise UnsafeValue(f"unsafe ENV value: {value!r}")
    return f'"{value}"' if (" " in value or not value) else value


def env(pairs: Sequence[tuple[str, str]], comment: str | Sequence[str] | None = None) -> Instruction:
    for name, _ in pairs:
        if not _ENV_NAME.match(name):
            raise UnsafeValue(f"unsafe ENV name: {name!r}")
    return Instruction("ENV", tuple(f"{n}={_env_value(v)}" for n, v in pairs), _comment(comment))


def workdir(path: str, comment: str | Sequence[str] | None = None) -> Instruction:
    if not path.startswith("/"):
        raise UnsafeValue(f"WORKDIR must be absolute: {path!r}")
    return Instruction("WORKDIR", (safe_path(path),), _comment(comment))


def copy(
    sources: Sequence[str],
    dest: str,
    *,
    from_stage: str | None = None,
    chown: str | None = None,
    comment: str | Sequence[str] | None = None,
) -> Instruction:
    flags = []
    if from_stage:
        flags.append(f"--from={safe_path(from_stage)}")
    if chown:
        if not re.match(r"^\d+:\d+$", chown):
            raise UnsafeValue(f"unsafe --chown: {chown!r}")
        flags.append(f"--chown={chown}")
    parts = [*flags, *(safe_path(s) for s in sources), safe_path(dest)]
    return Instruction("COPY", (" ".join(parts),), _comment(comment))


def run(*commands: str, comment: str | Sequence[str] | None = None) -> Instruction:
    """Shell commands joined with ``&&``, one per line. Commands are composed by the planners from
    constants and :func:`shell_word`-quoted values only."""
    if not commands:
        raise UnsafeValue("RUN without a command")
    for command in commands:
        if _CONTROL.search(command):
            raise UnsafeValue(f"control character in RUN: {command!r}")
    lines = (commands[0], *(f"&& {c}" for c in commands[1:]))
    return Instruction("RUN", lines, _comment(comment))


def user(uid: int, gid: int, comment: str | Sequence[str] | None = None) -> Instruction:
    return Instruction("USER", (f"{int(uid)}:{int(gid)}",), _comment(comment))


def expose(port: int, comment: str | Sequence[str] | None = None) -> Instruction:
    if not 0 < int(port) < 65536:
        raise UnsafeValue(f"not a port: {port!r}")
    return Instruction("EXPOSE", (str(int(port)),), _comment(comment))


def healthcheck(
    argv: Sequence[str], *, start_period: int = 20, comment: str | Sequence[str] | None = None
) -> Instruction:
    options = f"--interval=30s --timeout=5s --start-period={int(start_period)}s --retries=3"
    return Instruction("HEALTHCHECK", (options, f"CMD {exec_form(argv)}"), _comment(comment))


def cmd(argv: Sequence[str], comment: str | Sequence[str] | None = None) -> Instruction:
    return Instruction("CMD", (exec_form(argv),), _comment(comment))


def entrypoint(argv: Sequence[str], comment: str | Sequence[str] | None = None) -> Instruction:
    return Instruction("ENTRYPOINT", (exec_form(argv),), _comment(comment))
