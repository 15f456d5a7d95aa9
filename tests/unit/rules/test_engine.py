"""Conditions and the engine, on hand-made facts (the parser has its own tests)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import yaml

from assess.model import Call, Dependency, FileFacts, Import, Severity, SourceFile, StringLiteral
from assess.rules.conditions import FileView
from assess.rules.engine import RuleRun, compile_rules
from assess.rules.schema import Rule

BASE: dict[str, Any] = {
    "title": "A rule",
    "message": "Why it matters, in a sentence.",
    "dimension": "containerization",
    "category": "local-state",
    "severity": "mandatory",
    "confidence": "high",
    "effort": 3,
    "languages": ["python"],
    "remediation": "What to do about it.",
}


def rule(rule_id: str, when: str, **extra: Any) -> Rule:
    return Rule.model_validate({**BASE, "id": rule_id, "when": yaml.safe_load(when), **extra})


FACTS = FileFacts(
    path="app/store.py",
    language="python",
    code_lines=6,
    imports=(Import("tempfile", 1), Import("os.path", 2)),
    calls=(
        Call("open", "open", None, ("path", '"w"'), 4),
        Call("open", "open", None, ("tempfile.gettempdir()", '"w"'), 5),
        Call("open", "open", None, ("path",), 6),
        Call("write", "fh.write", "fh", ("data",), 7),
    ),
    strings=(StringLiteral("http://localhost:8080/api", 9), StringLiteral("1.2.3.4", 10)),
)
LINES = {
    "app/store.py": [
        "import tempfile",
        "import os.path",
        "",
        "open(path, 'w')",
        "open(t, 'w')",
        "open(path)",
        "fh.write(data)",
        "",
        "URL = 'http://localhost:8080/api'  # password=hunter22",
        "V = '1.2.3.4'",
    ],
    "config/app.properties": ["a=1", "db.password=s3cr3t!", "# db.password=commented"],
    "package.json": ["{", '  "dependencies": {', '    "express-session": "^1.17.0"', "  }", "}"],
}


def lookup(path: str, line: int) -> str:
    return LINES[path][line - 1]


def run(
    rules: list[Rule], views: list[FileView], deps: tuple[Dependency, ...] = ()
) -> list[tuple[str, str, int]]:
    files = [SourceFile(v.path, v.language, 1) for v in views]
    engine = RuleRun(compile_rules(rules), files, deps)
    for view in views:
        engine.add_file(view, lookup)
    return [(f.rule_id, f.file, f.line) for f in engine.findings()]


PY = FileView("app/store.py", "python", facts=FACTS)


def test_call_with_args_and_args_not() -> None:
    r = rule("w", "call: {name: open, args: \"['\\\"][wax]\", args_not: '(?i)temp'}")
    assert run([r], [PY]) == [("w", "app/store.py", 4)]


def test_callee_and_receiver_are_matched() -> None:
    assert run([rule("c", "call: {callee: 'fh\\.write'}")], [PY]) == [("c", "app/store.py", 7)]
    assert run([rule("c", "call: {name: write, receiver: '^fh$'}")], [PY]) == [("c", "app/store.py", 7)]
    assert run([rule("c", "call: {callee: 'write'}")], [PY]) == []  # callee is fullmatched


def test_language_filter_applies_to_code_conditions() -> None:
    assert run([rule("w", "call: {name: open}", languages=["java"])], [PY]) == []


def test_all_any_not_combine() -> None:
    both = rule("b", "all: [{string: 'localhost'}, {import: tempfile}]")
    assert run([both], [PY]) == [("b", "app/store.py", 9)]
    negated = rule("n", "all: [{string: 'localhost'}, {not: {import: 'requests'}}]")
    assert run([negated], [PY]) == [("n", "app/store.py", 9)]
    blocked = rule("x", "all: [{string: 'localhost'}, {not: {import: 'tempfile'}}]")
    assert run([blocked], [PY]) == []
    either = rule("e", "any: [{string: '^1\\.2'}, {call: {name: write}}]")
    assert run([either], [PY]) == [("e", "app/store.py", 7), ("e", "app/store.py", 10)]


def test_config_condition_reads_blanked_text_and_masks_snippets() -> None:
    view = FileView("config/app.properties", "properties", config_text="a=1\ndb.password=s3cr3t!\n\n")
    r = rule("cred", "config: {pattern: 'password\\s*=', files: '*.properties'}")
    files = [SourceFile(view.path, view.language, 1)]
    engine = RuleRun(compile_rules([r]), files, ())
    engine.add_file(view, lookup)
    (finding,) = engine.findings()
    assert (finding.file, finding.line) == ("config/app.properties", 2)
    assert finding.snippet == "db.password=****"
    assert "s3cr3t" not in finding.snippet


def test_code_snippets_mask_secrets_too() -> None:
    (finding,) = [f for f in _findings(rule("l", "string: localhost"))]
    assert "hunter22" not in finding.snippet and "****" in finding.snippet


def _findings(r: Rule) -> list[Any]:
    engine = RuleRun(compile_rules([r]), [SourceFile(PY.path, "python", 1)], ())
    engine.add_file(PY, lookup)
    return list(engine.findings())


def test_dependency_and_file_conditions_report_their_own_site_once() -> None:
    dep = Dependency("npm", "express-session", "^1.17.0", "runtime", "package.json", 3)
    r = rule("dep", "dependency: {name: express-session, ecosystem: npm}")
    other = FileView("package.json", "json", config_text="")
    assert run([r], [PY, other], (dep,)) == [("dep", "package.json", 3)]
    cron = rule("cron", "file: '**/crontab'")
    views = [PY, FileView("deploy/crontab", "other")]
    LINES["deploy/crontab"] = ["* * * * * run"]
    assert run([cron], views) == [("cron", "deploy/crontab", 1)]


def test_caps_per_file_and_per_app() -> None:
    many = FileFacts("a.py", "python", 3, calls=tuple(Call("open", "open", None, (), n) for n in range(1, 6)))
    more = FileFacts("b.py", "python", 3, calls=tuple(Call("open", "open", None, (), n) for n in range(1, 6)))
    LINES["a.py"] = LINES["b.py"] = ["open()"] * 5
    capped = rule("cap", "call: {name: open}", max_per_file=2, max_per_app=3)
    views = [FileView("b.py", "python", facts=more), FileView("a.py", "python", facts=many)]
    assert run([capped], views) == [("cap", "a.py", 1), ("cap", "a.py", 2), ("cap", "b.py", 1)]


def test_finding_carries_rule_metadata() -> None:
    r = rule("meta", "call: {name: open, args: path}", links=["https://12factor.net/processes"])
    finding = _findings(r)[0]
    assert finding.severity is Severity.MANDATORY
    assert finding.message == "Why it matters, in a sentence."
    assert finding.remediation == "What to do about it."
    assert finding.links == ("https://12factor.net/processes",)
    assert finding.snippet == "open(path, 'w')"


def test_paths_not_drops_sites_in_excluded_files_only() -> None:
    in_tests = FileView("tests/test_store.py", "python", facts=replace(FACTS, path="tests/test_store.py"))
    LINES["tests/test_store.py"] = LINES["app/store.py"]
    r = rule("o", "call: {name: open, args: '\"w\"'}", paths_not=["tests/", "*_test.py"])
    assert run([r], [PY, in_tests]) == [("o", "app/store.py", 4), ("o", "app/store.py", 5)]
    assert run([rule("o", "call: {name: open, args: '\"w\"'}")], [in_tests]) == [
        ("o", "tests/test_store.py", 4),
        ("o", "tests/test_store.py", 5),
    ]
