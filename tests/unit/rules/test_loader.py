"""Rule files: schema validation with every error reported at once, with file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from assess.rules.loader import RuleLoadError, load_rules

GOOD = """\
id: demo-rule
title: Demo rule
message: Something that matters for containers.
dimension: containerization
category: local-state
severity: mandatory
confidence: high
effort: 3
languages: [python]
remediation: Do the right thing instead.
links: [https://12factor.net/processes]
when:
  any:
    - call: {name: open, args: "'w'"}
    - import: "shelve"
"""


def _write(folder: Path, rel: str, text: str) -> Path:
    path = folder / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def test_valid_rule_loads(tmp_path: Path) -> None:
    _write(tmp_path, "local-state/demo-rule.yaml", GOOD)
    _write(tmp_path, "local-state/tests/demo-rule/fail/x.yaml", "not: a rule")
    (loaded,) = load_rules(tmp_path)
    assert loaded.rule.id == "demo-rule"
    assert loaded.rule.when.kind() == "any"


def test_every_error_of_every_file_is_reported_with_lines(tmp_path: Path) -> None:
    bad_effort = GOOD.replace("demo-rule", "bad-effort").replace("effort: 3", "effort: 4")
    bad_regex = GOOD.replace("demo-rule", "bad-regex").replace('import: "shelve"', 'import: "(unclosed"')
    bad_lang = (
        GOOD.replace("demo-rule", "bad-lang")
        .replace("[python]", "[cobol]")
        .replace("severity: mandatory", "severity: fatal")
    )
    _write(tmp_path, "a/bad-effort.yaml", bad_effort)
    _write(tmp_path, "a/bad-regex.yaml", bad_regex)
    _write(tmp_path, "b/bad-lang.yaml", bad_lang)
    _write(tmp_path, "b/wrong-name.yaml", GOOD)
    _write(tmp_path, "b/broken.yaml", "id: [unclosed\n")
    with pytest.raises(RuleLoadError) as caught:
        load_rules(tmp_path)
    text = str(caught.value)
    assert "bad-effort.yaml:8: effort: Value error, effort must be one of [0, 1, 3, 5, 7, 13], got 4" in text
    assert "bad-regex.yaml:15:" in text and "invalid regular expression '(unclosed'" in text
    assert "bad-lang.yaml:6: severity:" in text
    assert "bad-lang.yaml:9: languages:" in text and "cobol" in text
    assert "wrong-name.yaml:1: rule id 'demo-rule' must equal the file name 'wrong-name'" in text
    assert "broken.yaml:" in text and "invalid YAML" in text
    assert len(caught.value.errors) == 6


def test_condition_with_two_keys_is_rejected(tmp_path: Path) -> None:
    text = GOOD.replace(
        '  any:\n    - call: {name: open, args: "\'w\'"}\n    - import: "shelve"\n',
        "  import: os\n  string: x\n",
    )
    _write(tmp_path, "c/demo-rule.yaml", text)
    with pytest.raises(RuleLoadError, match="exactly one key"):
        load_rules(tmp_path)


def test_duplicate_ids_are_rejected(tmp_path: Path) -> None:
    _write(tmp_path, "one/demo-rule.yaml", GOOD)
    _write(tmp_path, "two/demo-rule.yaml", GOOD)
    with pytest.raises(RuleLoadError, match="duplicate rule id 'demo-rule'"):
        load_rules(tmp_path)
