"""Every bundled rule passes its own fail/ and pass/ fixtures (as `assess rules test` does)."""

from __future__ import annotations

import pytest

from assess.rule_tests import run_rule_tests
from assess.rules.loader import LoadedRule, load_rules
from assess.source.languages import CODE_LANGUAGES

RULES = load_rules()


def test_the_catalogue_covers_every_language() -> None:
    covered = {language for item in RULES for language in item.rule.languages}
    assert covered >= set(CODE_LANGUAGES)
    assert len(RULES) >= 12


@pytest.mark.parametrize("loaded", RULES, ids=[item.rule.id for item in RULES])
def test_rule_fixtures(loaded: LoadedRule) -> None:
    (result,) = run_rule_tests([loaded])
    assert result.cases == 2
    assert result.problems == ()


def test_a_wrong_expectation_is_caught(tmp_path: object) -> None:
    """The runner itself must fail a rule whose marked line is not reported."""
    import shutil
    from pathlib import Path

    root = Path(str(tmp_path))
    source = next(item for item in RULES if item.rule.id == "python-local-file-write")
    category = root / "local-state"
    shutil.copytree(source.path.parent / "tests" / source.rule.id, category / "tests" / source.rule.id)
    shutil.copy(source.path, category / source.path.name)
    fail_dir = category / "tests" / source.rule.id / "fail"
    extra = fail_dir / "zz_wrong.py"
    extra.write_text("# ruleid: python-local-file-write\nprint('nothing written here')\n")
    (broken,) = run_rule_tests(load_rules(root))
    assert broken.problems == ("fail/zz_wrong.py:2: expected a finding, got none",)
