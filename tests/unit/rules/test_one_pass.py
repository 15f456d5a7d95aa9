"""The one-pass engine gives exactly what evaluating every rule's tree on its own gives."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assess.model import Call, FileFacts, StringLiteral
from assess.parse import blank_comments, parse_code
from assess.rules.conditions import FileView
from assess.rules.engine import CompiledRule, LineLookup, RuleRun, compile_rules, make_snippet
from assess.rules.literals import combined, fold, literal_set, required_literals, trie_alternation
from assess.rules.loader import load_rules
from assess.source import open_snapshot
from assess.source.languages import CODE_LANGUAGES, CONFIG_FORMATS

ROOT = Path(__file__).resolve().parents[3]


class ReferenceRun(RuleRun):
    """Every rule's tree evaluated on its own, for every file (the engine's specification)."""

    def add_file(self, view: FileView, lines: LineLookup) -> None:
        for compiled in self._rules:
            scoped = replace(view, code_applies=view.language in compiled.languages)
            for path, line in compiled.matcher.evaluate(scoped, self._app) or []:
                key = (compiled.rule.id, path, line)
                if key not in self._sites:
                    self._sites[key] = make_snippet(lines(path, line))


def _views(folder: Path) -> tuple[list[FileView], object, LineLookup]:
    snapshot = open_snapshot(folder)
    texts: dict[str, list[str]] = {}
    views = []
    for item in snapshot.files:
        data = snapshot.read_bytes(item.path)
        text = data.decode("utf-8", errors="replace")
        texts[item.path] = text.split("\n")
        if item.language in CODE_LANGUAGES:
            views.append(FileView(item.path, item.language, facts=parse_code(item.path, item.language, data)))
        elif item.language in CONFIG_FORMATS:
            views.append(FileView(item.path, item.language, config_text=blank_comments(text, item.language)))
        else:
            views.append(FileView(item.path, item.language))

    def lookup(path: str, line: int) -> str:
        lines = texts.get(path, [])
        return lines[line - 1] if 0 < line <= len(lines) else ""

    return views, snapshot, lookup


def _both(rules: tuple[CompiledRule, ...], folder: Path) -> tuple[tuple[object, ...], tuple[object, ...]]:
    views, snapshot, lookup = _views(folder)
    files = snapshot.files  # type: ignore[attr-defined]
    fast, slow = RuleRun(rules, files, ()), ReferenceRun(rules, files, ())
    for view in views:
        fast.add_file(view, lookup)
        slow.add_file(view, lookup)
    return fast.findings(), slow.findings()


RULES = compile_rules(load_rules())
FOLDERS = sorted(p for p in (ROOT / "sample_repos").iterdir() if p.is_dir()) + sorted(
    p for p in (ROOT / "rubrics" / "rules").glob("*/tests/*/*") if p.is_dir()
)


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda p: str(p.relative_to(ROOT)))
def test_one_pass_equals_rule_by_rule(folder: Path) -> None:
    fast, slow = _both(RULES, folder)
    assert fast == slow


def test_not_and_app_conditions_still_match_without_file_hits() -> None:
    from tests.unit.rules.test_engine import PY, rule, run

    negated = rule("n", "all: [{file: '**/*.py'}, {not: {call: {name: nothing}}}]")
    assert run([negated], [PY]) == [("n", "app/store.py", 1)]


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("open", {"open"}),
        ("FileWriter|FileOutputStream", {"FileWriter", "FileOutputStream"}),
        (r"(?:java\.io\.)?PrintWriter", {"java.io.PrintWriter", "PrintWriter"}),
        (r"os\.(?:Getenv|LookupEnv)", {"os.Getenv", "os.LookupEnv"}),
        (r"\\?env", {"\\env", "env"}),
        ("[Ff]ile", {"File", "file"}),
        ("(?i)open", None),
        ("open.*", None),
        (r"\w+", None),
        ("a{2}", None),
        ("(?=a)a", None),
    ],
)
def test_literal_sets(pattern: str, expected: set[str] | None) -> None:
    found = literal_set(re.compile(pattern))
    assert (set(found) if found is not None else None) == expected


_ATOMS = st.sampled_from(["a", "b", "ab", r"\.", "x", "[ab]", "(?:a|bc)", "(b|)", "c?", "(?:ab)?"])
_PATTERNS = st.lists(st.lists(_ATOMS, min_size=1, max_size=4).map("".join), min_size=1, max_size=3).map(
    "|".join
)


@settings(max_examples=300, deadline=None)
@given(_PATTERNS, st.text(alphabet="abcx.", max_size=6))
def test_literal_set_is_exactly_what_fullmatches(pattern: str, probe: str) -> None:
    compiled = re.compile(pattern)
    found = literal_set(compiled)
    assert found is not None
    assert all(compiled.fullmatch(s) for s in found)
    assert (probe in found) == bool(compiled.fullmatch(probe))


_SEARCHES = st.sampled_from(
    ["(?i)LOCAL", "^a", "b$", r"\bx", "a|b", "(?i:Ab)c", "c(?=a)", "(a)b", "(?s)a.b", "(?m)^b"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_SEARCHES, min_size=2, max_size=4), st.text(alphabet="abcxAL \n", max_size=8))
def test_combined_prefilter_matches_iff_a_member_does(sources: list[str], probe: str) -> None:
    patterns = [re.compile(s) for s in sources]
    union = combined(patterns)
    assert union is not None
    assert bool(union.search(probe)) == any(p.search(probe) for p in patterns)


def test_patterns_with_backreferences_are_not_combined() -> None:
    assert combined([re.compile(r"(a)\1"), re.compile("b")]) is None
    assert combined([re.compile("(?x) a # comment"), re.compile("b")]) is None


def test_indexed_and_unindexed_call_conditions_on_hand_made_facts() -> None:
    from tests.unit.rules.test_engine import rule

    facts = FileFacts(
        "m.py",
        "python",
        3,
        calls=(
            Call("open", "open", None, ("p", '"w"'), 1),
            Call("write_text", "p.write_text", "p", ("x",), 2),
            Call("dump", "json.dump", "json", ("x", "fh"), 3),
        ),
        strings=(StringLiteral("http://localhost/x", 3),),
    )
    rules = compile_rules(
        [
            rule("by-name", "call: {name: 'open|write_text'}"),
            rule("by-callee", "call: {callee: 'json\\.dump'}"),
            rule("by-regex", "call: {name: '.*_text'}"),
            rule("both", "all: [{call: {name: open}}, {string: localhost}]"),
        ]
    )
    view = FileView("m.py", "python", facts=facts)
    fast, slow = RuleRun(rules, [], ()), ReferenceRun(rules, [], ())
    for engine in (fast, slow):
        engine.add_file(view, lambda path, line: "")
    assert fast.findings() == slow.findings()
    assert {(f.rule_id, f.line) for f in fast.findings()} == {
        ("by-name", 1),
        ("by-name", 2),
        ("by-callee", 3),
        ("by-regex", 2),
        ("both", 1),
    }


_NEED_ATOMS = st.sampled_from(
    [
        r"ab",
        r"Ab",
        r"(?i:ab)",
        r"x",
        r"\.",
        r"[ab]",
        r"(?:ab|cx)",
        r"(?:ab)?",
        r"a+",
        r"(?:xa){2}",
        r"c*",
        r"\b",
        r"^",
        r"$",
        r"(?!ab)",
        r"(?<=x)",
        r"\d",
        r"(?:a|)",
        r"(?>ab)",
        r"b{1,3}",
        r"[a.]{2}",
    ]
)
_NEED_PATTERNS = st.tuples(
    st.sampled_from(["", "(?i)"]),
    st.lists(st.lists(_NEED_ATOMS, min_size=1, max_size=4).map("".join), min_size=1, max_size=3).map(
        "|".join
    ),
).map("".join)


@settings(max_examples=400, deadline=None)
@given(_NEED_PATTERNS, st.text(alphabet="abcxABX.1 \u0130\u0131\u017f\u212aÄ", max_size=10))
def test_required_literals_are_in_every_match(pattern: str, probe: str) -> None:
    compiled = re.compile(pattern)
    need = required_literals(compiled)
    folded = fold(probe)
    assert len(folded) == len(probe)
    if need is not None and compiled.search(probe):
        assert any(literal in folded for literal in need)


def test_required_literals_of_real_rules() -> None:
    assert required_literals(re.compile(r"(?i)\bjdbc:h2:(?!mem:)|\bjdbc:derby:")) == {"jdbc:"}
    assert required_literals(re.compile(r"^/(?:health|ready)$")) == {"/health", "/ready"}
    assert required_literals(re.compile(r"\bgh[pu]_[A-Z]{30}")) == {"ghp_", "ghu_"}
    assert required_literals(re.compile(r"\d+")) is None
    assert required_literals(re.compile("(?x) a b")) is None


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.text(alphabet="abc.", min_size=1, max_size=4), min_size=1, max_size=6),
    st.text("abc.x", max_size=8),
)
def test_trie_alternation_matches_the_words_and_captures_the_longest(words: list[str], probe: str) -> None:
    trie = re.compile(trie_alternation(words))
    assert all(trie.fullmatch(word) for word in words)
    assert bool(trie.fullmatch(probe)) == (probe in words)
    for at in range(len(probe)):
        found = trie.match(probe, at)
        starting = [w for w in words if probe.startswith(w, at)]
        assert (found.group(0) if found else None) == (max(starting, key=len) if starting else None)


_PLAIN_PIECES = ["password=hunter2x", "jdbc:h2:./data/db", "http://localhost:8080", "x", "", "a=1"]
_FOLDED_PIECES = ["ÄÖ localhost:1", "DB_PA\u017f\u017fWORD=hunter2x", "\u0130NTEGRATED SECURITY=true"]
_LINE_PIECES = st.sampled_from([*_PLAIN_PIECES, *_FOLDED_PIECES])
_BREAKS = st.sampled_from(["\n", "\r\n", "\r", "\x0b", "\x0c", "\x1c", "\x85", "\u2028", "\n\n"])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(_LINE_PIECES, _BREAKS), max_size=8))
def test_gated_config_lines_equal_line_by_line(pieces: list[tuple[str, str]]) -> None:
    from assess.rules.conditions import AppView, ConfigMatcher
    from assess.rules.plan import FilePlan, leaves

    text = "".join(piece + brk for piece, brk in pieces)
    config_leaves = [leaf for c in RULES for leaf in leaves(c.matcher) if isinstance(leaf, ConfigMatcher)]
    view = FileView("conf/app.properties", "properties", config_text=text)
    fast = FilePlan(config_leaves).scan(view)
    app = AppView((), ())
    slow = {id(leaf): sites for leaf in config_leaves if (sites := leaf.evaluate(view, app))}
    assert fast == slow


@settings(max_examples=200, deadline=None)
@given(st.lists(_LINE_PIECES, max_size=6))
def test_gated_strings_equal_pattern_by_pattern(values: list[str]) -> None:
    from assess.rules.conditions import AppView, StringMatcher
    from assess.rules.plan import FilePlan, leaves

    facts = FileFacts(
        "a.py", "python", 1, strings=tuple(StringLiteral(v, n) for n, v in enumerate(values, 1))
    )
    string_leaves = [leaf for c in RULES for leaf in leaves(c.matcher) if isinstance(leaf, StringMatcher)]
    view = FileView("a.py", "python", facts=facts, code_applies=True)
    fast = FilePlan(string_leaves).scan(view)
    app = AppView((), ())
    slow = {id(leaf): sites for leaf in string_leaves if (sites := leaf.evaluate(view, app))}
    assert fast == slow
