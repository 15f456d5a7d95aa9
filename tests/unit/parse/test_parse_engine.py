"""The shared engine: syntax errors, robustness, caching, code lines."""

from __future__ import annotations

import threading
import time

import pytest

from assess.parse import SUPPORTED_LANGUAGES, parse_code
from assess.parse import code as code_module
from assess.parse.code import front_ends
from assess.parse.treesitter import compiled, parser
from tests.unit.parse.support import only_call, parse


def test_supported_languages() -> None:
    assert SUPPORTED_LANGUAGES == (
        "java",
        "csharp",
        "python",
        "javascript",
        "typescript",
        "go",
        "ruby",
        "php",
    )


def test_unknown_language_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="no parser"):
        parse_code("a.kt", "kotlin", b"fun main() {}")
    with pytest.raises(ValueError):
        parse_code("a.tsx", "tsx", b"")


def test_syntax_errors_count_error_and_missing_nodes() -> None:
    assert parse("java", "class A { void f() { int x = 1; } }").syntax_errors == 0
    assert parse("java", "class A { void f() { int x = 1 } }").syntax_errors == 1  # MISSING ";"
    broken = parse_code("a.py", "python", b"def f(:\n    open(p, 'w')\n")
    assert broken.syntax_errors >= 1
    assert broken.error is None


def test_facts_survive_syntax_errors() -> None:
    facts = parse_code("a.js", "javascript", b"const x = ;\nfs.writeFileSync('a', b);\n")
    assert facts.syntax_errors > 0
    assert only_call(facts, "writeFileSync").line == 2


def test_invalid_utf8_and_nul_bytes() -> None:
    facts = parse_code("a.py", "python", b"x = '\xff\xfe'\x00\nopen('\xc3(', \"w\")\n# \xff\n")
    assert facts.error is None
    assert [s.value for s in facts.strings][-2:] == ["\ufffd(", "w"]
    assert only_call(facts, "open").line == 2


def test_a_wide_broken_root_is_queried_quickly() -> None:
    start = time.perf_counter()
    facts = parse_code("a.java", "java", b"(" * 60_000 + b"\nclass A { void f() { g(1); } }\n")
    assert time.perf_counter() - start < 5
    assert facts.syntax_errors >= 1
    assert facts.error is None


def test_deep_nesting() -> None:
    for language in SUPPORTED_LANGUAGES:
        facts = parse_code(f"a.{language}", language, b"f(" * 3000 + b")" * 3000)
        assert facts.error is None


def test_a_front_end_failure_becomes_an_error_value(monkeypatch: pytest.MonkeyPatch) -> None:
    def explode(*args: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(code_module, "extract", explode)
    facts = parse_code("a.go", "go", b"package main")
    assert facts.error == "RuntimeError: boom"
    assert facts.language == "go"
    assert facts.code_lines == 0


def test_grammar_and_queries_are_built_once() -> None:
    spec = front_ends()["python"]
    assert compiled(spec) is compiled(spec)
    assert parser(spec) is parser(spec)


def test_each_thread_has_its_own_parser() -> None:
    spec = front_ends()["go"]
    seen: list[object] = []
    thread = threading.Thread(target=lambda: seen.append(parser(spec)))
    thread.start()
    thread.join()
    assert seen[0] is not parser(spec)


def test_code_lines_with_crlf_and_trailing_newline() -> None:
    facts = parse_code("a.py", "python", b"# c\r\nx = 1\r\n\r\ny = 2  # t\r\n")
    assert facts.code_lines == 2


def test_comments_inside_arguments_are_not_arguments() -> None:
    facts = parse("java", "class A { void f() { g(a /* x, y */, b, // z\n c); h(new int[] {1} /* q */); } }")
    assert only_call(facts, "g").args == ("a", "b", "c")
    assert only_call(facts, "h").args == ("new int[] {1}",)


def test_empty_source() -> None:
    for language in SUPPORTED_LANGUAGES:
        facts = parse_code(f"a.{language}", language, b"")
        assert facts.code_lines == 0
        assert facts.calls == ()
