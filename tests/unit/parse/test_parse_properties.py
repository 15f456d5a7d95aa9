"""Property tests: no input makes the parse layer raise or lose lines."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assess.model import FileFacts
from assess.parse import CONFIG_FORMATS, SUPPORTED_LANGUAGES, blank_comments, parse_code

CODE_ALPHABET = st.sampled_from(
    [
        *"abcxyz_$@:.,;=+-*/\\%&|!?<>(){}[]\"'`#\n\t \r",
        "\x00",
        "\xff",
        "é",
        "\u2028",
        "new ",
        "def ",
        "<?php ",
    ]
)
CODE_TEXT = st.lists(CODE_ALPHABET, max_size=300).map("".join)
LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check_facts(facts: FileFacts, source: bytes) -> None:
    lines = source.count(b"\n") + 1
    assert facts.error is None
    assert 0 <= facts.code_lines <= lines
    located = [f.line for f in facts.imports] + [f.line for f in facts.calls]
    located += [f.line for f in facts.strings] + [f.line for f in facts.annotations]
    assert all(1 <= line <= lines for line in located)
    assert all(1 <= d.start_line <= d.end_line <= lines for d in facts.declarations)
    assert all(len(arg) <= 200 for call in facts.calls for arg in call.args)


@pytest.mark.parametrize("language", SUPPORTED_LANGUAGES)
@SETTINGS
@given(source=st.binary(max_size=2000))
def test_parse_code_never_raises_on_bytes(language: str, source: bytes) -> None:
    check_facts(parse_code(f"x.{language}", language, source), source)


@pytest.mark.parametrize("language", [*SUPPORTED_LANGUAGES, "tsx"])
@SETTINGS
@given(text=CODE_TEXT)
def test_parse_code_never_raises_on_code_like_text(language: str, text: str) -> None:
    source = text.encode("utf-8", "surrogatepass")
    if language == "tsx":
        check_facts(parse_code("x.tsx", "typescript", source), source)
    else:
        check_facts(parse_code(f"x.{language}", language, source), source)


@pytest.mark.parametrize("fmt", CONFIG_FORMATS)
@SETTINGS
@given(text=st.one_of(st.text(max_size=400), CODE_TEXT))
def test_blank_comments_keeps_every_line_and_column(fmt: str, text: str) -> None:
    result = blank_comments(text, fmt)
    assert len(result) == len(text)
    assert len(result.splitlines()) == len(text.splitlines())
    for original, kept in zip(text, result, strict=True):
        assert kept == original or (kept == " " and original not in LINE_BREAKS)
