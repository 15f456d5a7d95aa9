"""Per-file text helpers the data analyzers share: block extents, declared types, class headers.

These read the text of one file (already decoded by the pipeline) next to its parse facts, for
what the facts do not carry: where a ``with``/``do``/``{`` block ends, which type a field or
parameter is declared with, and which types a class extends.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assess.model import Declaration, FileFacts

FUNCTION_KINDS = frozenset({"function", "method"})
TYPE_KINDS = frozenset({"class", "interface", "enum", "struct", "module"})
BRACE_LANGUAGES = frozenset({"java", "csharp", "javascript", "typescript", "php", "go"})

_GENERIC = r"(?:<(?:[^<>;(){}]|<[^<>]*>)*>)?"
_TYPED_DECLARATION = {
    # Java / C#: [modifiers] Type<Args>[]? name  followed by ; = , ) { =>
    "java": re.compile(
        rf"\b([A-Z][\w]*(?:\.[A-Z]\w*)*)({_GENERIC})(?:\[\])?\??\s+(\w+)\s*(?=[;=,)]|\{{|=>|:)"
    ),
    "csharp": re.compile(
        rf"\b([A-Z][\w]*(?:\.[A-Z]\w*)*)({_GENERIC})(?:\[\])?\??\s+(\w+)\s*(?=[;=,)]|\{{|=>)"
    ),
    # TS: name?: Type<Args>
    "typescript": re.compile(rf"\b(\w+)\s*[?!]?\s*:\s*([A-Z]\w*)({_GENERIC})"),
    # PHP: Type $name
    "php": re.compile(r"\??\\?([A-Z][\w\\]*)\s+(?:&\s*)?(?:\.\.\.)?\$(\w+)"),
    # Python: name: Type
    "python": re.compile(r"\b(\w+)\s*:\s*(?:Optional\[)?([A-Z]\w*)(\[[^\]\n]*\])?"),
}
_NEW_ASSIGNMENT = {
    "java": re.compile(r"\b(?:var|final\s+var)\s+(\w+)\s*=\s*new\s+([A-Z]\w*)"),
    "csharp": re.compile(r"\bvar\s+(\w+)\s*=\s*new\s+([A-Z]\w*)"),
    "typescript": re.compile(r"\b(?:const|let|var|this\.)\s*(\w+)\s*=\s*new\s+([A-Z]\w*)"),
    "javascript": re.compile(r"\b(?:const|let|var|this\.)\s*(\w+)\s*=\s*new\s+([A-Z]\w*)"),
    "php": re.compile(r"\$(\w+)\s*=\s*new\s+\\?([A-Z][\w\\]*)"),
    "python": re.compile(r"\b(?:self\.)?(\w+)\s*=\s*([A-Z]\w*)\("),
    "ruby": re.compile(r"@?(\w+)\s*=\s*([A-Z]\w*(?:::[A-Z]\w*)*)\.new\b"),
}
_ASSIGNMENT = {
    "python": re.compile(r"^\s*(\w+)\s*(?::\s*[\w\[\], .]+)?=(?!=)\s*(.+?)\s*$"),
    "ruby": re.compile(r"^\s*(@?\w+)\s*(?:\|\|)?=(?![=~])\s*(.+?)\s*$"),
    "php": re.compile(r"^\s*(\$\w+)\s*=(?![=>])\s*(.+?)\s*$"),
    "javascript": re.compile(r"^\s*(?:const|let|var)\s+(\w+)\s*=(?!=)\s*(?:await\s+)?(.+?)\s*$"),
    "typescript": re.compile(r"^\s*(?:const|let|var)\s+(\w+)\s*(?::[^=]+)?=(?!=)\s*(?:await\s+)?(.+?)\s*$"),
}
_WRAPPERS = frozenset(
    {"Optional", "Task", "ValueTask", "Mono", "CompletableFuture", "Promise", "Future", "Observable"}
)
_NOT_TYPES = frozenset(
    {
        "return",
        "new",
        "throw",
        "else",
        "case",
        "String",
        "Integer",
        "Long",
        "Boolean",
        "Object",
        "List",
        "Map",
    }
)
_HEADER = {
    "java": re.compile(r"\b(?:extends|implements)\s+([\w.<>,\s?]+?)\s*(?:\{|$|implements\b|permits\b)"),
    "csharp": re.compile(
        r"\b(?:class|interface|record|struct)\s+\w+(?:<[^>]*>)?(?:\([^)]*\))?\s*:\s*([^{]+)"
    ),
    "typescript": re.compile(r"\b(?:extends|implements)\s+([\w.<>,\s]+?)\s*(?:\{|$|implements\b)"),
    "javascript": re.compile(r"\bextends\s+([\w.]+)"),
    "php": re.compile(r"\b(?:extends|implements)\s+([\w\\,\s]+?)\s*(?:\{|$|implements\b)"),
    "python": re.compile(r"^\s*class\s+\w+\s*\(([^)]*)\)"),
    "ruby": re.compile(r"^\s*class\s+[\w:]+\s*<\s*([\w:]+)"),
}


@dataclass(frozen=True, slots=True)
class DeclaredType:
    """A name declared with a type: ``OrderRepository orders`` → (OrderRepository, ())."""

    type: str
    generics: tuple[str, ...] = ()


@dataclass
class SourceText:
    """One file's text and facts, with the lookups the data analyzers need."""

    path: str
    language: str
    text: str
    facts: FileFacts | None = None
    lines: list[str] = field(init=False)

    def __post_init__(self) -> None:
        self.lines = self.text.split("\n")

    def line(self, number: int) -> str:
        """Text of a 1-based line ('' outside the file)."""
        return self.lines[number - 1] if 0 < number <= len(self.lines) else ""

    @property
    def declarations(self) -> tuple[Declaration, ...]:
        return self.facts.declarations if self.facts else ()

    def enclosing_function(self, line: int) -> Declaration | None:
        """The innermost function or method whose range holds ``line``."""
        best: Declaration | None = None
        for decl in self.declarations:
            inside = decl.kind in FUNCTION_KINDS and decl.start_line <= line <= decl.end_line
            if inside and (best is None or decl.start_line >= best.start_line):
                best = decl
        return best

    def enclosing_type(self, line: int) -> Declaration | None:
        """The innermost type whose range holds ``line``."""
        best: Declaration | None = None
        for decl in self.declarations:
            inside = decl.kind in TYPE_KINDS and decl.start_line <= line <= decl.end_line
            if inside and (best is None or decl.start_line >= best.start_line):
                best = decl
        return best

    def header(self, decl: Declaration) -> str:
        """The declaration's text up to its body (at most 6 lines), joined on one line."""
        parts: list[str] = []
        first = decl.start_line
        name = re.compile(rf"(?<![\w$]){re.escape(decl.name)}(?![\w$])")
        for number in range(decl.start_line, min(decl.end_line, decl.start_line + 12) + 1):
            text = self.line(number)
            if name.search(text) and not text.lstrip().startswith(("@", "[", "#[")):
                first = number
                break
        for number in range(first, min(decl.end_line, first + 5) + 1):
            text = self.line(number)
            parts.append(text)
            if "{" in text or text.rstrip().endswith(":") or self.language == "ruby":
                break
        return " ".join(" ".join(parts).split())

    def supertypes(self, decl: Declaration) -> tuple[str, ...]:
        """Simple names of the types a class extends or implements, as written in its header."""
        pattern = _HEADER.get(self.language)
        if pattern is None:
            return ()
        header = self.header(decl)
        if self.language == "java" or self.language == "typescript":
            header = header.split("{", 1)[0]
        names: list[str] = []
        for match in pattern.finditer(header):
            for part in _split_top_level(match.group(1)):
                base = re.sub(r"<.*", "", part).strip()
                base = re.split(r"[=\s]", base)[0] if base else base
                simple = re.split(r"[.\\]|::", base)[-1] if base else ""
                if simple and (simple[0].isalpha() or simple[0] == "_"):
                    names.append(simple)
        return tuple(dict.fromkeys(names))

    def generic_arguments(self, decl: Declaration) -> dict[str, tuple[str, ...]]:
        """Generic arguments of each supertype (``JpaRepository<Order, Long>`` → Order, Long)."""
        header = self.header(decl).split("{", 1)[0]
        found: dict[str, tuple[str, ...]] = {}
        for match in re.finditer(r"([\w.]+)\s*<((?:[^<>]|<[^<>]*>)*)>", header):
            simple = match.group(1).rsplit(".", 1)[-1]
            args = tuple(
                re.sub(r"<.*", "", a).strip().rsplit(".", 1)[-1] for a in _split_top_level(match.group(2))
            )
            found.setdefault(simple, args)
        return found

    def return_types(self) -> dict[str, str]:
        """``Container.method`` → the simple type it returns (Java, C#, TypeScript), wrappers unwrapped."""
        found: dict[str, str] = {}
        if self.language not in ("java", "csharp", "typescript"):
            return found
        for decl in self.declarations:
            if decl.kind != "method" or not decl.container:
                continue
            header = self.header(decl)
            if self.language == "typescript":
                match = re.search(
                    rf"\b{re.escape(decl.name)}\s*\([^)]*\)\s*:\s*([\w.]+)(?:<([\w.]+))?", header
                )
            else:
                match = re.search(
                    rf"([\w.]+)(?:<([\w.]+)[^>]*>)?(?:\[\])?\??\s+{re.escape(decl.name)}\s*(?:<[^>]*>)?\(",
                    header,
                )
            if not match:
                continue
            base = match.group(1).rsplit(".", 1)[-1]
            if base in _WRAPPERS and match.group(2):
                base = match.group(2).rsplit(".", 1)[-1]
            if base and base[0].isupper() and base not in _WRAPPERS:
                found[f"{decl.container}.{decl.name}"] = base
        return found

    def declared_types(self) -> dict[str, DeclaredType]:
        """Variables, fields and parameters with a declared (or constructed) type, first one wins."""
        found: dict[str, DeclaredType] = {}
        pattern = _TYPED_DECLARATION.get(self.language)
        if pattern is not None:
            for match in pattern.finditer(self.text):
                if self.language in ("java", "csharp"):
                    type_name, generics, name = match.group(1), match.group(2), match.group(3)
                elif self.language == "php":
                    type_name, generics, name = match.group(1), "", match.group(2)
                else:
                    name, type_name, generics = match.group(1), match.group(2), match.group(3) or ""
                simple = re.split(r"[.\\]", type_name)[-1]
                if (simple in _NOT_TYPES and not generics) or name in ("return", "new"):
                    continue
                args = tuple(
                    re.sub(r"<.*", "", a).strip().rsplit(".", 1)[-1]
                    for a in _split_top_level(generics.strip("<>[]"))
                    if a.strip()
                )
                found.setdefault(name, DeclaredType(simple, args))
        constructed = _NEW_ASSIGNMENT.get(self.language)
        if constructed is not None:
            for match in constructed.finditer(self.text):
                simple = re.split(r"[.\\]|::", match.group(2))[-1]
                found.setdefault(match.group(1), DeclaredType(simple))
        return found

    def assignments(self) -> list[tuple[int, str, str]]:
        """``(line, variable, expression)`` of simple assignments (dynamic languages), continued lines joined."""
        pattern = _ASSIGNMENT.get(self.language)
        if pattern is None:
            return []
        found: list[tuple[int, str, str]] = []
        for number, text in enumerate(self.lines, start=1):
            match = pattern.match(text)
            if not match:
                continue
            value = match.group(2).strip()
            extra = number
            while value.count("(") > value.count(")") and extra - number < 10 and extra < len(self.lines):
                extra += 1
                value += " " + self.lines[extra - 1].strip()
            found.append((number, match.group(1).lstrip("@$"), value.rstrip(";").strip()[:400]))
        return found

    def call_end(self, line: int, fallback: int, limit: int = 400) -> int:
        """Line where the first parenthesis opened on ``line`` is closed (strings skipped), else ``fallback``."""
        depth = 0
        quote: str | None = None
        for number in range(line, min(len(self.lines), line + limit) + 1):
            text = self.line(number)
            i = 0
            while i < len(text):
                ch = text[i]
                if quote:
                    if ch == "\\":
                        i += 1
                    elif ch == quote:
                        quote = None
                elif ch in "\"'`":
                    quote = ch
                elif ch == "#" and self.language in ("python", "ruby"):
                    break
                elif ch == "(":
                    depth += 1
                elif ch == ")":
                    depth -= 1
                    if depth == 0:
                        return number
                i += 1
            if quote in ("'", '"') and self.language != "php":
                quote = None  # an unclosed one-line string: do not let it swallow the file
        return fallback

    def block_end(self, line: int, fallback: int) -> int:
        """Last line of the block a boundary at ``line`` opens (``with``/``do``/``{``), else ``fallback``."""
        if self.language == "python":
            return self._indented_block_end(line, fallback)
        if self.language == "ruby":
            return self._ruby_block_end(line, fallback)
        if self.language in BRACE_LANGUAGES and self.language != "go":
            return self._brace_block_end(line, fallback)
        return fallback

    def _indent(self, number: int) -> int:
        text = self.line(number)
        return len(text) - len(text.lstrip())

    def _indented_block_end(self, line: int, fallback: int) -> int:
        start = line
        while start <= len(self.lines) and not self.line(start).rstrip().endswith(":"):
            if start - line > 5 or self.line(start).lstrip().startswith("@"):
                return fallback
            start += 1
        if start > len(self.lines):
            return fallback
        base = self._indent(line)
        end = start
        for number in range(start + 1, len(self.lines) + 1):
            text = self.line(number)
            if not text.strip():
                continue
            if self._indent(number) <= base:
                break
            end = number
        return end

    def _ruby_block_end(self, line: int, fallback: int) -> int:
        text = self.line(line)
        if not re.search(r"\bdo\b|\{", text):
            return fallback
        base = self._indent(line)
        for number in range(line + 1, len(self.lines) + 1):
            current = self.line(number)
            if current.strip() and self._indent(number) <= base:
                return number if re.match(r"\s*(end\b|\})", current) else max(line, number - 1)
        return fallback

    def _brace_block_end(self, line: int, fallback: int) -> int:
        depth_paren = 0
        depth = 0
        opened = False
        quote: str | None = None
        for number in range(line, len(self.lines) + 1):
            text = self.line(number)
            i = 0
            while i < len(text):
                ch = text[i]
                if quote:
                    if ch == "\\":
                        i += 2
                        continue
                    if ch == quote:
                        quote = None
                    i += 1
                    continue
                if ch in "\"'`":
                    quote = ch
                elif text.startswith("//", i) or (ch == "#" and self.language == "php"):
                    break
                elif ch == "(":
                    depth_paren += 1
                elif ch == ")":
                    depth_paren -= 1
                elif ch == ";" and not opened and depth_paren <= 0:
                    return fallback
                elif ch == "{":
                    depth += 1
                    opened = True
                elif ch == "}" and opened:
                    depth -= 1
                    if depth == 0:
                        return number
                i += 1
            if quote in ("'", '"') and self.language != "php":
                quote = None
            if not opened and number - line > 3:
                return fallback
        return fallback


def _split_top_level(text: str) -> list[str]:
    parts: list[str] = []
    depth = 0
    current: list[str] = []
    for ch in text:
        if ch in "<([":
            depth += 1
        elif ch in ">)]":
            depth -= 1
        if ch == "," and depth == 0:
            parts.append("".join(current).strip())
            current = []
            continue
        current.append(ch)
    if "".join(current).strip():
        parts.append("".join(current).strip())
    return parts
