"""``parse_code``: one source file's bytes → FileFacts, for every supported code language."""

from __future__ import annotations

import codecs
from dataclasses import replace

from assess.model import FileFacts
from assess.parse import csharp, go, java, javascript, php, python, ruby
from assess.parse.assignments import QUERIES
from assess.parse.spec import LanguageSpec
from assess.parse.treesitter import extract
from assess.source.snapshot import decode_text


def front_ends() -> dict[str, LanguageSpec]:
    """The front end of each code language (``tsx`` is chosen for ``.tsx`` paths), each with
    the assignment patterns of :mod:`assess.parse.assignments` appended to its query."""
    specs = {
        "java": java.SPEC,
        "csharp": csharp.SPEC,
        "python": python.SPEC,
        "javascript": javascript.JAVASCRIPT,
        "typescript": javascript.TYPESCRIPT,
        "tsx": javascript.TSX,
        "go": go.SPEC,
        "ruby": ruby.SPEC,
        "php": php.SPEC,
    }
    return {
        key: replace(spec, query=spec.query + QUERIES[key] + _SHELL_COMMANDS.get(key, ""))
        for key, spec in specs.items()
    }


_SHELL_COMMANDS = {"ruby": "(subshell) @symbol\n", "php": "(shell_command_expression) @symbol\n"}
"""Backtick commands, recorded as string literals as written (`` `ls -l` ``)."""


_FRONT_ENDS = front_ends()
SUPPORTED_LANGUAGES: tuple[str, ...] = tuple(name for name in _FRONT_ENDS if name != "tsx")


def _normalised(source: bytes) -> bytes:
    """UTF-16 text (known by its byte-order mark) as UTF-8, and NUL bytes as spaces: tree-sitter
    stops reading at a NUL, so code after one would go unseen. Lines stay where they were."""
    if source.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        source = decode_text(source).encode("utf-8", "surrogatepass")
    return source.replace(b"\x00", b" ")


def parse_code(path: str, language: str, source: bytes) -> FileFacts:
    """Facts of one source file. Never raises on bad input: a failure sets ``FileFacts.error``.

    ``language`` is one of :data:`SUPPORTED_LANGUAGES`; an unknown one raises ``ValueError``.
    """
    key = "tsx" if language == "typescript" and path.lower().endswith(".tsx") else language
    spec = _FRONT_ENDS.get(key) if language in SUPPORTED_LANGUAGES else None
    if spec is None:
        raise ValueError(f"no parser for language {language!r}")
    try:
        return extract(spec, path, language, _normalised(bytes(source)))
    except Exception as exc:  # a parser or front-end failure is data, not a crash
        return FileFacts(
            path=path,
            language=language,
            code_lines=0,
            error=f"{type(exc).__name__}: {exc}",
        )
