"""npm package.json: sections, lines, workspaces, lock files, truncated files."""

from __future__ import annotations

from collections.abc import Callable

from assess.analyzers.manifests import ManifestResult

PACKAGE = """\
{
  "name": "shop",
  "version": "1.0.0",
  "scripts": { "start": "node server.js", "express": "not a dependency" },
  "dependencies": {
    "express": "^4.18.2",
    "@nestjs/core": "10.3.0"
  },
  "devDependencies": {
    "jest": "^29.7.0",
    "express": "^4.0.0"
  },
  "peerDependencies": { "react": ">=18" },
  "optionalDependencies": { "fsevents": "2.3.3" }
}
"""


def test_sections_scopes_and_lines(manifests_of: Callable[..., ManifestResult]) -> None:
    result = manifests_of({"package.json": PACKAGE})
    assert [(d.name, d.version, d.scope, d.line) for d in result.dependencies] == [
        ("express", "^4.18.2", "runtime", 6),
        ("@nestjs/core", "10.3.0", "runtime", 7),
        ("jest", "^29.7.0", "dev", 10),
        ("express", "^4.0.0", "dev", 11),
        ("react", ">=18", "peer", 13),
        ("fsevents", "2.3.3", "optional", 14),
    ]
    assert all(d.ecosystem == "npm" for d in result.dependencies)


def test_truncated_package_json_keeps_the_pairs_that_read(
    manifests_of: Callable[..., ManifestResult],
) -> None:
    truncated = PACKAGE[: PACKAGE.index('"jest"') + 12]
    result = manifests_of({"package.json": truncated})
    assert [(d.name, d.scope, d.line) for d in result.dependencies] == [
        ("express", "runtime", 6),
        ("@nestjs/core", "runtime", 7),
    ]
    assert len(result.errors) == 1
    assert result.errors[0].message.startswith("package.json: invalid JSON at line 10 column")


def test_lock_files_fill_locked_versions(manifests_of: Callable[..., ManifestResult]) -> None:
    lock = """{"lockfileVersion": 3, "packages": {
        "": {"name": "shop"},
        "node_modules/express": {"version": "4.18.2"},
        "node_modules/express/node_modules/debug": {"version": "2.6.9"}}}"""
    yarn = '# yarn lockfile v1\n\n"@scope/lib@^1.0.0", "@scope/lib@^1.1":\n  version "1.2.3"\n'
    result = manifests_of(
        {
            "package.json": '{"dependencies": {"express": "^4"}}',
            "package-lock.json": lock,
            "web/package.json": '{"dependencies": {"@scope/lib": "^1.0.0"}}',
            "web/yarn.lock": yarn,
        }
    )
    assert [(d.name, d.locked_version) for d in result.dependencies] == [
        ("express", "4.18.2"),
        ("@scope/lib", "1.2.3"),
    ]


def test_workspaces_become_modules(manifests_of: Callable[..., ManifestResult]) -> None:
    result = manifests_of(
        {
            "package.json": '{"private": true, "workspaces": ["packages/*", "apps/web"]}',
            "packages/ui/package.json": "{}",
            "packages/api/package.json": "{}",
            "apps/web/package.json": "{}",
            "apps/docs/package.json": "{}",
        }
    )
    assert result.modules == ("apps/web", "packages/api", "packages/ui")


def test_pnpm_workspace(manifests_of: Callable[..., ManifestResult]) -> None:
    result = manifests_of(
        {
            "package.json": "{}",
            "pnpm-workspace.yaml": "packages:\n  - 'svc/*'\n  - '!svc/old'\n",
            "svc/a/package.json": "{}",
        }
    )
    assert result.modules == ("svc/a",)


def test_not_an_object(manifests_of: Callable[..., ManifestResult]) -> None:
    result = manifests_of({"package.json": "[1, 2]"})
    assert result.dependencies == ()
    assert result.errors[0].message == "package.json: expected a JSON object at the top level"
