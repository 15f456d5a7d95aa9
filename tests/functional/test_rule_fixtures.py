"""Every bundled rule passes its own fail/ and pass/ fixtures (as `assess rules test` does)."""

from __future__ import annotations

import pytest

from assess.analyzers.container_checks import load_catalog
from assess.container_rule_tests import run_container_tests
from assess.rule_tests import run_rule_tests
from assess.rules.loader import LoadedRule, load_rules
from assess.source.languages import CODE_LANGUAGES

RULES = load_rules()
CONTAINER_CATALOG = load_catalog()


def test_the_catalogue_covers_every_language() -> None:
    covered = {language for item in RULES for language in item.rule.languages}
    assert covered >= set(CODE_LANGUAGES)
    assert len(RULES) >= 60  # issue 3: at least 60 rules, each with fail/ and pass/ fixtures


@pytest.mark.parametrize("loaded", RULES, ids=[item.rule.id for item in RULES])
def test_rule_fixtures(loaded: LoadedRule) -> None:
    (result,) = run_rule_tests([loaded])
    assert result.cases == 2
    assert result.problems == ()


@pytest.mark.parametrize("check_id", sorted(CONTAINER_CATALOG.checks))
def test_container_check_fixtures(check_id: str) -> None:
    (result,) = run_container_tests(CONTAINER_CATALOG, [check_id])
    assert result.cases == 2
    assert result.problems == ()


def test_the_container_audit_covers_what_issue_3_asks_for() -> None:
    """Root user, unpinned base, SSH or supervisor, secrets in ENV/ARG, ADD from a URL, no
    multi-stage build, package caches, no health check, hadolint, compose, Kubernetes, booster."""
    assert set(CONTAINER_CATALOG.checks) >= {
        "container-runs-as-root",
        "container-unpinned-base-image",
        "container-ssh-or-supervisor",
        "container-secret-in-image",
        "container-add-from-url",
        "container-no-multi-stage-build",
        "container-package-cache-left",
        "container-no-healthcheck",
        "container-lint-error",
        "container-compose-runs-as-root",
        "container-k8s-runs-as-root",
        "container-healthy-setup",
    }


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
