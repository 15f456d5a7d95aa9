"""Text helpers of the parse layer."""

from __future__ import annotations

import pytest

from assess.parse.text import inner, normalise, split_callee, split_plain_arguments, strip_generics, unquote


@pytest.mark.parametrize(
    ("callee", "receiver", "name"),
    [
        ("open", None, "open"),
        ("os.path.join", "os.path", "join"),
        ("a?.b", "a", "b"),
        ("a&.b", "a", "b"),
        ("$this->storage->put", "$this->storage", "put"),
        ("$a?->b", "$a", "b"),
        ("DB::transaction", "DB", "transaction"),
        ("Foo::Bar.baz", "Foo::Bar", "baz"),
        ("i.save!", "i", "save!"),
        ("\\file_put_contents", None, "file_put_contents"),
        ("$handler", None, "$handler"),
        ("f(x).g", "f(x)", "g"),
        ("make()", None, "make"),
    ],
)
def test_split_callee(callee: str, receiver: str | None, name: str) -> None:
    assert split_callee(callee) == (receiver, name)


def test_normalise_joins_chains_and_collapses_blanks() -> None:
    assert normalise("builder\n    .name( x )\n    .build") == "builder.name( x ).build"
    assert normalise("$this\n  ->storage") == "$this->storage"
    assert normalise("plain") == "plain"


def test_strip_generics() -> None:
    assert strip_generics("Map<String, List<Integer>>") == "Map"
    assert strip_generics("services.AddSingleton<IFoo, Foo>") == "services.AddSingleton"
    assert strip_generics("a < b") == "a < b"


@pytest.mark.parametrize(
    ("literal", "value"),
    [
        ('"x"', "x"),
        ("''", ""),
        ('f"v{y}"', "v{y}"),
        ("rb'\\d'", "\\d"),
        ('"""doc"""', "doc"),
        ("`t ${x}`", "t ${x}"),
        ('@"c:\\x"', "c:\\x"),
        ('$$"""raw"""', "raw"),
        ('"abc"u8', "abc"),
        ('"unterminated', "unterminated"),
        ("plain", "plain"),
    ],
)
def test_unquote(literal: str, value: str) -> None:
    assert unquote(literal) == value


@pytest.mark.parametrize(
    ("text", "args"),
    [
        ("()", []),
        ("( )", []),
        ("(a, b)", ["a", "b"]),
        ('(a, "x, y", k=1)', ["a", '"x, y"', "k=1"]),
        ("(a, b,)", ["a", "b"]),
        ('p, "w"', ["p", '"w"']),
        ("(x\n, y)", ["x", "y"]),
        ("(f(x), y)", None),
        ("(a[0], b)", None),
        ("(lambda a, b: a)", None),
        ('("a\\"b", c)', None),
        ("(`a,b`)", None),
    ],
)
def test_split_plain_arguments(text: str, args: list[str] | None) -> None:
    assert split_plain_arguments(text) == args


def test_inner() -> None:
    assert inner(' ("x") ') == '"x"'
    assert inner("x") == "x"
