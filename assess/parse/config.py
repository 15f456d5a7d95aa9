"""``blank_comments``: config text with its comments turned into spaces.

Every comment character except line breaks becomes a space, so the result has the same
length, the same lines and the same columns as the input; rules can then match config lines
with regexes and report the original line numbers. Quote awareness is best effort.
"""

from __future__ import annotations

import re
from collections.abc import Callable

CONFIG_FORMATS: tuple[str, ...] = ("xml", "yaml", "properties", "json", "ini", "env", "toml")

_NOT_LINE_BREAK = re.compile("[^\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")

# A quoted value starts a token: at line start or after blanks or one of these punctuators.
_YAML_TOKENS = re.compile(
    r"""(?P<keep>(?<![^\s:\[{,\-?])(?:"(?:[^"\\\n]|\\.)*"|'(?:[^'\n]|'')*'))"""
    r"""|(?P<comment>(?<!\S)\#[^\n]*)"""
)
_INI_TOKENS = re.compile(
    r"""(?P<keep>(?<![^\s=:])(?:"(?:[^"\\\n]|\\.)*"|'[^'\n]*'))"""
    r"""|(?P<comment>(?<!\S)[\#;][^\n]*)"""
)
_ENV_TOKENS = re.compile(
    r"""(?P<keep>(?<![^\s=])(?:"(?:[^"\\\n]|\\.)*"|'[^'\n]*'|`[^`\n]*`))"""
    r"""|(?P<comment>(?<!\S)\#[^\n]*)"""
)
_TOML_TOKENS = re.compile(
    r'''(?P<keep>"""(?:[^\\]|\\.)*?(?:"""|\Z)|\'\'\'.*?(?:\'\'\'|\Z)|"(?:[^"\\\n]|\\.)*"|'[^'\n]*')'''
    r"""|(?P<comment>\#[^\n]*)""",
    re.DOTALL,
)
_JSON_TOKENS = re.compile(
    r"""(?P<keep>"(?:[^"\\\n]|\\.)*")|(?P<comment>//[^\n]*|/\*.*?(?:\*/|\Z))""",
    re.DOTALL,
)
_XML_TOKENS = re.compile(
    r"""(?P<keep><!\[CDATA\[.*?(?:\]\]>|\Z))|(?P<comment><!--.*?(?:-->|\Z))""",
    re.DOTALL,
)
_PROPERTIES_COMMENT = re.compile(r"[ \t\f]*[#!]")
_YAML_BLOCK_SCALAR = re.compile(r"(?:^|[\s:\-?])[|>][+\-]?\d?[+\-]?\s*\Z")


def _blank(text: str) -> str:
    return _NOT_LINE_BREAK.sub(" ", text)


def _blank_tokens(pattern: re.Pattern[str]) -> Callable[[str], str]:
    """A blanker that keeps ``keep`` tokens (strings) and blanks ``comment`` tokens."""

    def replace(match: re.Match[str]) -> str:
        found = match.group(0)
        return found if match.lastgroup == "keep" else _blank(found)

    def blank(text: str) -> str:
        return pattern.sub(replace, text)

    return blank


_blank_json = _blank_tokens(_JSON_TOKENS)
_blank_xml = _blank_tokens(_XML_TOKENS)
_blank_toml = _blank_tokens(_TOML_TOKENS)
_blank_ini = _blank_tokens(_INI_TOKENS)
_blank_env = _blank_tokens(_ENV_TOKENS)
_blank_yaml_line = _blank_tokens(_YAML_TOKENS)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))


def _blank_yaml(text: str) -> str:
    """YAML: ``#`` comments after blanks, outside quotes and outside ``|``/``>`` block scalars."""
    lines = text.split("\n")
    block_indent: int | None = None  # indentation of the line that opened a block scalar
    for index, line in enumerate(lines):
        if block_indent is not None:
            if not line.strip() or _indent(line) > block_indent:
                continue
            block_indent = None
        blanked = _blank_yaml_line(line)
        lines[index] = blanked
        if _YAML_BLOCK_SCALAR.search(blanked.rstrip()):
            block_indent = _indent(line)
    return "\n".join(lines)


def _blank_properties(text: str) -> str:
    """Java properties: lines starting with ``#`` or ``!``, unless continuing a value line."""
    lines = text.split("\n")
    continued = False
    for index, line in enumerate(lines):
        body = line.rstrip("\r")
        if not continued and _PROPERTIES_COMMENT.match(body):
            lines[index] = _blank(line)
            continue
        continued = (len(body) - len(body.rstrip("\\"))) % 2 == 1
    return "\n".join(lines)


_BLANKERS: dict[str, Callable[[str], str]] = {
    "xml": _blank_xml,
    "yaml": _blank_yaml,
    "properties": _blank_properties,
    "json": _blank_json,
    "ini": _blank_ini,
    "env": _blank_env,
    "toml": _blank_toml,
}


def blank_comments(text: str, fmt: str) -> str:
    """``text`` with the comments of config format ``fmt`` replaced by spaces.

    ``fmt`` is one of :data:`CONFIG_FORMATS`; an unknown one raises ``ValueError``.
    Line count, line numbers and columns are preserved.
    """
    blanker = _BLANKERS.get(fmt)
    if blanker is None:
        raise ValueError(f"unknown config format {fmt!r}")
    return blanker(text)


BUILD_SCRIPT_SUFFIXES: tuple[str, ...] = (".gradle", ".gradle.kts")
"""Build scripts rules may read as text, only through config conditions whose ``files`` name them."""
BUILD_SCRIPT = "build-script"
"""The format name a build script's view carries."""

_SCRIPT_TOKENS = re.compile(
    r"""(?P<keep>"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')|(?P<comment>//[^\n]*|/\*.*?(?:\*/|\Z))""",
    re.DOTALL,
)
_blank_script = _blank_tokens(_SCRIPT_TOKENS)


def build_script_text(path: str, text: str) -> str | None:
    """A Gradle build script's text with its ``//`` and ``/* */`` comments blanked, or None
    when ``path`` is not a build script."""
    return _blank_script(text) if path.lower().endswith(BUILD_SCRIPT_SUFFIXES) else None
