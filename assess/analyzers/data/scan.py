"""The per-file pass: one file's text and facts → :class:`~assess.analyzers.data.records.FileData`."""

from __future__ import annotations

from assess.analyzers.data.boundaries import find_boundaries
from assess.analyzers.data.ddl import is_liquibase, scan_liquibase, scan_sql_file
from assess.analyzers.data.evidence import code_evidence, config_evidence
from assess.analyzers.data.orm_dotnet import scan_csharp
from assess.analyzers.data.orm_java import is_mybatis_mapper, scan_hibernate_xml, scan_java, scan_mybatis_xml
from assess.analyzers.data.orm_js import scan_js, scan_prisma
from assess.analyzers.data.orm_php import scan_php
from assess.analyzers.data.orm_python import scan_python
from assess.analyzers.data.orm_ruby import scan_ruby
from assess.analyzers.data.records import FileData
from assess.analyzers.data.source import SourceText
from assess.analyzers.data.sql_in_code import sql_sites
from assess.model import FileFacts

_ORM = {
    "java": scan_java,
    "csharp": scan_csharp,
    "python": scan_python,
    "javascript": scan_js,
    "typescript": scan_js,
    "ruby": scan_ruby,
    "php": scan_php,
}
_CONFIG = frozenset({"xml", "yaml", "properties", "json", "ini", "env", "toml"})
_VENDORED = frozenset({"node_modules", "vendor", "bower_components", "site-packages", ".venv", "venv"})


def wanted(path: str, language: str) -> bool:
    """True when the data analysis reads this file (code, SQL, Prisma, config)."""
    if any(part in _VENDORED for part in path.split("/")[:-1]):
        return False
    lower = path.lower()
    return (
        language in _ORM or language in ("go",) or language in _CONFIG or lower.endswith((".sql", ".prisma"))
    )


def scan_file(
    path: str, language: str, text: str, facts: FileFacts | None, *, details: bool = True
) -> FileData:
    """What one file contributes to the app's data model. Never raises on hostile text.

    ``details=False`` leaves out the variable types, assignments and return types that only
    resolving calls needs; :func:`add_details` fills them in later, for the files that need them.
    """
    out = FileData(path, language)
    src = SourceText(path, language, text, facts)
    lower = path.lower()
    if lower.endswith(".sql"):
        scan_sql_file(src, out)
        return out
    if lower.endswith(".prisma"):
        scan_prisma(src, out)
        return out
    if language in _CONFIG:
        if is_liquibase(text):
            scan_liquibase(src, out)
        if language == "xml" and lower.endswith(".hbm.xml"):
            scan_hibernate_xml(src, out)
        elif language == "xml" and is_mybatis_mapper(text):
            scan_mybatis_xml(src, out)
        out.evidence.extend(config_evidence(src))
        return out
    if facts is None or facts.error:
        return out
    scanner = _ORM.get(language)
    if scanner is not None:
        scanner(src, out)
    if details:
        _fill_details(src, out)
    else:
        out.details_pending = True
    out.sql.extend(sql_sites(src))
    out.boundaries.extend(find_boundaries(src))
    out.evidence.extend(code_evidence(src, out.sql))
    return out


def _fill_details(src: SourceText, out: FileData) -> None:
    out.declared = src.declared_types()
    out.assignments = src.assignments()
    out.returns = src.return_types()
    out.details_pending = False


def add_details(out: FileData, text: str, facts: FileFacts) -> None:
    """Fill in what :func:`scan_file` left out with ``details=False`` (the file's text again)."""
    _fill_details(SourceText(out.path, out.language, text, facts), out)
