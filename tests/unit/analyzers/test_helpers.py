"""The analyzers' small helpers: paths, globs, comment blanking, JSON sections, version normalising."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from assess.analyzers._files import MAX_READ_BYTES, Reader, glob_regex, join
from assess.analyzers._text import blank_c_comments, blank_hash_comments, json_key_line, json_string_pairs
from assess.analyzers.manifests import parse_manifests
from assess.analyzers.stack_versions import (
    dotnet_version,
    go_version,
    java_version,
    node_version,
    php_version,
    python_version,
    ruby_version,
)

from .test_robustness import MemorySnapshot


@pytest.mark.parametrize(
    ("folder", "rel", "expected"),
    [
        ("", "a/./b", "a/b"),
        ("x/y", "../z", "x/z"),
        ("x", "../../..", ""),
        ("a", "/etc/passwd", "etc/passwd"),
    ],
)
def test_join_never_leaves_the_root(folder: str, rel: str, expected: str) -> None:
    assert join(folder, rel) == expected


def test_glob_star_stays_in_one_folder() -> None:
    assert glob_regex("packages/*").fullmatch("packages/a")
    assert not glob_regex("packages/*").fullmatch("packages/a/b")
    assert glob_regex("apps/**").fullmatch("apps/a/b")


def test_blank_comments_keep_strings_and_lines() -> None:
    code = "a = 'http://x' // c\n/* b\n c */ d = \"//\"\n"
    blanked = blank_c_comments(code)
    assert blanked.splitlines() == ["a = 'http://x'     ", "    ", '      d = "//"']
    assert blank_hash_comments("gem 'a#b' # c\n# d") == "gem 'a#b'    \n   "


def test_json_helpers() -> None:
    text = '{"scripts": {"dependencies": 1},\n "dependencies": {\n  "a\\"b": "1",\n  "c": "2"'
    assert json_key_line(text, "dependencies", "c") == 4
    assert list(json_string_pairs(text, "dependencies")) == [('a"b', "1", 3), ("c", "2", 4)]


def test_files_over_one_mebibyte_are_not_read() -> None:
    big = '{"dependencies": {"express": "4"}}' + " " * MAX_READ_BYTES
    snapshot = MemorySnapshot({"package.json": big.encode(), "web/package.json": big[:100].encode()})
    result = parse_manifests(snapshot)
    assert [d.file for d in result.dependencies] == ["web/package.json"]
    assert Reader(snapshot, "x").text("package.json") is None


@pytest.mark.parametrize(
    ("function", "text", "expected"),
    [
        (java_version, "1.8", "8"),
        (java_version, "17", "17"),
        (java_version, "11.0.2", "11"),
        (java_version, "VERSION_1_8", "8"),
        (java_version, "VERSION_21", "21"),
        (python_version, ">=3.9,<4", "3.9"),
        (python_version, "python-3.12.1", "3.12"),
        (python_version, "pypy3.10", "3.10"),
        (node_version, "v20.11.0", "20"),
        (node_version, ">=18 <21", "18"),
        (node_version, "20.x", "20"),
        (node_version, "lts/iron", "20"),
        (node_version, "lts/*", None),
        (go_version, "go1.22.3", "1.22"),
        (ruby_version, "ruby-3.3.0", "3.3.0"),
        (ruby_version, "~> 3.2", "3.2"),
        (php_version, "^8.2", "8.2"),
        (php_version, "~8.1.0", "8.1"),
        (php_version, "8.*", "8"),
    ],
)
def test_version_normalising(function: Callable[[str], str | None], text: str, expected: str | None) -> None:
    assert function(text) == expected


@pytest.mark.parametrize(
    ("moniker", "expected"),
    [
        ("net8.0", ("dotnet", "8.0")),
        ("net8.0-windows", ("dotnet", "8.0")),
        ("netcoreapp3.1", ("dotnet", "3.1")),
        ("8.0.100", ("dotnet", "8.0")),
        ("net48", ("dotnet-framework", "4.8")),
        ("net472", ("dotnet-framework", "4.7")),
        ("v4.7.2", ("dotnet-framework", "4.7")),
        ("netstandard2.0", None),
    ],
)
def test_dotnet_monikers(moniker: str, expected: tuple[str, str] | None) -> None:
    assert dotnet_version(moniker) == expected
