"""Language detection by file name, extension and shebang."""

from __future__ import annotations

import re

CODE_LANGUAGES: tuple[str, ...] = (
    "java",
    "csharp",
    "python",
    "javascript",
    "typescript",
    "go",
    "ruby",
    "php",
)
"""Languages with a syntax-tree front end."""

CONFIG_FORMATS: tuple[str, ...] = ("xml", "yaml", "properties", "json", "ini", "env", "toml")
"""Config formats the rules read as text with line numbers."""

_EXTENSIONS: dict[str, str] = {
    ".java": "java",
    ".cs": "csharp",
    ".py": "python",
    ".pyw": "python",
    ".js": "javascript",
    ".mjs": "javascript",
    ".cjs": "javascript",
    ".jsx": "javascript",
    ".ts": "typescript",
    ".mts": "typescript",
    ".cts": "typescript",
    ".tsx": "typescript",
    ".go": "go",
    ".rb": "ruby",
    ".rake": "ruby",
    ".gemspec": "ruby",
    ".php": "php",
    ".phtml": "php",
    ".xml": "xml",
    ".config": "xml",
    ".csproj": "xml",
    ".vbproj": "xml",
    ".fsproj": "xml",
    ".props": "xml",
    ".targets": "xml",
    ".xsd": "xml",
    ".wsdl": "xml",
    ".jsp": "other",
    ".yaml": "yaml",
    ".yml": "yaml",
    ".properties": "properties",
    ".json": "json",
    ".ini": "ini",
    ".cfg": "ini",
    ".conf": "ini",
    ".env": "env",
    ".toml": "toml",
}

_FILE_NAMES: dict[str, str] = {
    "gemfile": "ruby",
    "rakefile": "ruby",
    "config.ru": "ruby",
    "guardfile": "ruby",
    ".env": "env",
    "pipfile": "toml",
    "setup.cfg": "ini",
    "pom.xml": "xml",
}

_SHEBANG = re.compile(rb"^#!\s*(?:/usr/bin/env\s+(?:-S\s+)?)?\S*?([a-z]+)[\d.]*(?:\s|$)")
_SHEBANG_LANGUAGES: dict[str, str] = {
    "python": "python",
    "node": "javascript",
    "ruby": "ruby",
    "php": "php",
    "deno": "typescript",
}


def language_for_name(path: str) -> str | None:
    """The language a file name implies, or None when the name alone does not tell."""
    name = path.rsplit("/", 1)[-1].lower()
    if name in _FILE_NAMES:
        return _FILE_NAMES[name]
    if name.startswith(".env."):
        return "env"
    if name.endswith(".d.ts"):
        return "typescript"
    dot = name.rfind(".")
    return _EXTENSIONS.get(name[dot:]) if 0 < dot < len(name) - 1 else None


def language_for_shebang(head: bytes) -> str | None:
    """The language named by a ``#!`` line at the start of ``head``, if any."""
    match = _SHEBANG.match(head[:200])
    if not match:
        return None
    return _SHEBANG_LANGUAGES.get(match.group(1).decode("ascii", "replace"))


def detect_language(path: str, head: bytes) -> str:
    """Language of a file from its name, falling back to its shebang; ``other`` otherwise."""
    return language_for_name(path) or language_for_shebang(head) or "other"
