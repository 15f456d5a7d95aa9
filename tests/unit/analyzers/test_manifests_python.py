"""Python manifests: requirements files, pyproject.toml flavours, Pipfile, lock files, bad TOML."""

from __future__ import annotations

from collections.abc import Callable

from assess.analyzers.manifests import ManifestResult

REQUIREMENTS = """\
# web
Flask==3.0.0  # pinned
requests >= 2.31, < 3 ; python_version >= "3.8"
gunicorn
SQLAlchemy[asyncio]~=2.0
-r base.txt
--index-url https://example.com/simple
-e git+https://github.com/acme/tool.git#egg=acme_tool
uvicorn==0.25.0 \\
    --hash=sha256:abc
./local/package
not a requirement!
"""


def rows(result: ManifestResult) -> list[tuple[str, str | None, str, str, int]]:
    return [(d.name, d.version, d.scope, d.file, d.line) for d in result.dependencies]


def test_requirements_file(manifests_of: Callable[..., ManifestResult]) -> None:
    result = manifests_of({"requirements.txt": REQUIREMENTS})
    assert rows(result) == [
        ("flask", "==3.0.0", "runtime", "requirements.txt", 2),
        ("requests", ">=2.31,<3", "runtime", "requirements.txt", 3),
        ("gunicorn", None, "runtime", "requirements.txt", 4),
        ("sqlalchemy", "~=2.0", "runtime", "requirements.txt", 5),
        ("acme-tool", None, "runtime", "requirements.txt", 8),
        ("uvicorn", "==0.25.0", "runtime", "requirements.txt", 9),
    ]
    assert [e.message for e in result.errors] == [
        "requirements.txt: line 12 is not a valid requirement: 'not a requirement!'"
    ]
    assert all(d.ecosystem == "pypi" for d in result.dependencies)


def test_line_numbers_count_line_feeds_only(manifests_of: Callable[..., ManifestResult]) -> None:
    # a vertical tab or form feed is not a line break in an editor: the line must match what users see
    result = manifests_of({"requirements.txt": "flask==3.0\x0b\nrequests\x0cx\r\ngunicorn\n"})
    assert [(name, line) for name, _, _, _, line in rows(result)] == [("flask", 1), ("gunicorn", 3)]


def test_requirements_scope_follows_the_file_name(manifests_of: Callable[..., ManifestResult]) -> None:
    result = manifests_of(
        {
            "requirements-dev.txt": "black\n",
            "requirements/test.txt": "pytest\n",
            "requirements/prod.txt": "django\n",
            "dev-requirements.txt": "ruff\n",
        }
    )
    assert {d.name: d.scope for d in result.dependencies} == {
        "black": "dev",
        "pytest": "test",
        "django": "runtime",
        "ruff": "dev",
    }


def test_pip_tools_in_file_declares_and_txt_pins(manifests_of: Callable[..., ManifestResult]) -> None:
    result = manifests_of(
        {
            "requirements.in": "flask\n",
            "requirements.txt": "flask==3.0.0\n    # via -r requirements.in\nclick==8.1\n",
        }
    )
    assert [(d.name, d.version, d.locked_version, d.file) for d in result.dependencies] == [
        ("flask", None, "3.0.0", "requirements.in")
    ]


PYPROJECT = """\
[project]
name = "shop"
requires-python = ">=3.11"
dependencies = [
    "fastapi>=0.110",
    'uvicorn[standard]',
]

[project.optional-dependencies]
test = ["pytest>=8"]
postgres = ["psycopg[binary]"]

[dependency-groups]
dev = ["ruff", {include-group = "test"}]

[tool.uv]
dev-dependencies = ["mypy==1.8"]
"""

POETRY = """\
[tool.poetry]
name = "shop"

[tool.poetry.dependencies]
python = "^3.10"
Django = "^5.0"
celery = { version = "^5.3", extras = ["redis"] }
boto3 = { version = "*", optional = true }

[tool.poetry.dev-dependencies]
black = "^24.1"

[tool.poetry.group.test.dependencies]
pytest-django = "^4.7"
"""


def test_pyproject_pep621_groups_and_uv(manifests_of: Callable[..., ManifestResult]) -> None:
    result = manifests_of({"pyproject.toml": PYPROJECT})
    assert rows(result) == [
        ("fastapi", ">=0.110", "runtime", "pyproject.toml", 5),
        ("uvicorn", None, "runtime", "pyproject.toml", 6),
        ("pytest", ">=8", "test", "pyproject.toml", 10),
        ("psycopg", None, "optional", "pyproject.toml", 11),
        ("ruff", None, "dev", "pyproject.toml", 14),
        ("mypy", "==1.8", "dev", "pyproject.toml", 17),
    ]
    assert result.errors == ()


def test_pyproject_poetry(manifests_of: Callable[..., ManifestResult]) -> None:
    result = manifests_of({"pyproject.toml": POETRY, "poetry.lock": LOCK})
    assert [(d.name, d.version, d.scope, d.line, d.locked_version) for d in result.dependencies] == [
        ("django", "^5.0", "runtime", 6, "5.0.1"),
        ("celery", "^5.3", "runtime", 7, None),
        ("boto3", None, "optional", 8, None),
        ("black", "^24.1", "dev", 11, None),
        ("pytest-django", "^4.7", "test", 14, None),
    ]


LOCK = """\
[[package]]
name = "django"
version = "5.0.1"
"""


def test_invalid_toml_reports_the_line_and_keeps_the_tables_before_it(
    manifests_of: Callable[..., ManifestResult],
) -> None:
    broken = """[project]
dependencies = ["flask"]

[tool.poetry.dependencies]
requests = "^2"
oops = = 1
"""
    result = manifests_of({"pyproject.toml": broken})
    assert len(result.errors) == 1
    assert result.errors[0].message.startswith("pyproject.toml: invalid TOML: ")
    assert "line 6" in result.errors[0].message
    assert [d.name for d in result.dependencies] == ["flask", "requests"]


def test_pipfile(manifests_of: Callable[..., ManifestResult]) -> None:
    pipfile = """[[source]]
url = "https://pypi.org/simple"

[packages]
flask = "*"
"Flask-Login" = {version = ">=0.6"}

[dev-packages]
pytest = "==8.0"

[requires]
python_version = "3.11"
"""
    lock = '{"default": {"flask": {"version": "==3.0.0"}}, "develop": {}}'
    result = manifests_of({"Pipfile": pipfile, "Pipfile.lock": lock})
    assert [(d.name, d.version, d.scope, d.line, d.locked_version) for d in result.dependencies] == [
        ("flask", None, "runtime", 5, "3.0.0"),
        ("flask-login", ">=0.6", "runtime", 6, None),
        ("pytest", "==8.0", "dev", 9, None),
    ]


def test_uv_workspace_members_are_modules(manifests_of: Callable[..., ManifestResult]) -> None:
    root = '[tool.uv.workspace]\nmembers = ["packages/*"]\n'
    result = manifests_of(
        {
            "pyproject.toml": root,
            "packages/a/pyproject.toml": "[project]\nname='a'\n",
            "packages/b/pyproject.toml": "[project]\nname='b'\n",
            "packages/b/deep/pyproject.toml": "[project]\nname='c'\n",
        }
    )
    assert result.modules == ("packages/a", "packages/b")
