"""go.mod / go.work, Gemfile / Gemfile.lock, composer.json / composer.lock."""

from __future__ import annotations

from collections.abc import Callable

from assess.analyzers.manifests import ManifestResult

GO_MOD = """\
module github.com/acme/orders/v2

go 1.22.0

toolchain go1.22.3

require github.com/gin-gonic/gin v1.9.1

require (
\tgithub.com/labstack/echo/v4 v4.11.4
\tgolang.org/x/net v0.20.0 // indirect
)

replace golang.org/x/net => ../net
"""


def test_go_mod(manifests_of: Callable[..., ManifestResult]) -> None:
    result = manifests_of({"go.mod": GO_MOD})
    assert [(d.ecosystem, d.name, d.version, d.scope, d.line) for d in result.dependencies] == [
        ("go", "github.com/gin-gonic/gin", "v1.9.1", "runtime", 7),
        ("go", "github.com/labstack/echo/v4", "v4.11.4", "runtime", 10),
        ("go", "golang.org/x/net", "v0.20.0", "indirect", 11),
    ]
    assert result.errors == ()


def test_malformed_go_mod(manifests_of: Callable[..., ManifestResult]) -> None:
    result = manifests_of({"go.mod": "module x\nrequire (\n  broken\n  a/b v1.0.0\nwhat is this\n"})
    assert [d.name for d in result.dependencies] == ["a/b"]
    assert [e.message for e in result.errors] == [
        "go.mod: malformed require at line 3: 'broken'",
        "go.mod: malformed require at line 5: 'what is this'",
        "go.mod: unclosed require block",
    ]


def test_unknown_go_mod_directive(manifests_of: Callable[..., ManifestResult]) -> None:
    result = manifests_of({"go.mod": "module x\nfrobnicate y\n"})
    assert [e.message for e in result.errors] == ["go.mod: unknown directive at line 2: 'frobnicate y'"]


def test_go_work_modules(manifests_of: Callable[..., ManifestResult]) -> None:
    work = "go 1.22\n\nuse (\n\t./api\n\t./worker // jobs\n)\nuse ./tools\n"
    result = manifests_of({"go.work": work})
    assert result.modules == ("api", "tools", "worker")


GEMFILE = """\
source "https://rubygems.org"
ruby "3.3.0"

gem "rails", "~> 7.1", ">= 7.1.3"
gem 'pg'
gem "bootsnap", require: false
# gem "commented"
gem "rspec-rails", group: :test
gem "web-console", groups: [:development]

group :development, :test do
  gem "debug", platforms: %i[ mri windows ]
end

group :test do
  gem "capybara"
end

platforms :jruby do
  gem "jdbc"
end
gem "puma", ">= 5.0"
"""


def test_gemfile_groups_versions_and_lock(manifests_of: Callable[..., ManifestResult]) -> None:
    lock = "GEM\n  remote: https://rubygems.org/\n  specs:\n    rails (7.1.3)\n      actioncable (= 7.1.3)\n"
    result = manifests_of({"Gemfile": GEMFILE, "Gemfile.lock": lock})
    assert [(d.name, d.version, d.scope, d.line) for d in result.dependencies] == [
        ("rails", "~> 7.1, >= 7.1.3", "runtime", 4),
        ("pg", None, "runtime", 5),
        ("bootsnap", None, "runtime", 6),
        ("rspec-rails", None, "test", 8),
        ("web-console", None, "dev", 9),
        ("debug", None, "dev", 12),
        ("capybara", None, "test", 16),
        ("jdbc", None, "runtime", 20),
        ("puma", ">= 5.0", "runtime", 22),
    ]
    assert result.dependencies[0].locked_version == "7.1.3"
    assert all(d.ecosystem == "rubygems" for d in result.dependencies)


COMPOSER = """\
{
    "name": "acme/shop",
    "require": {
        "php": "^8.2",
        "ext-json": "*",
        "laravel/framework": "^11.0",
        "guzzlehttp/guzzle": "^7.2"
    },
    "require-dev": {
        "phpunit/phpunit": "^10.5"
    }
}
"""


def test_composer(manifests_of: Callable[..., ManifestResult]) -> None:
    lock = '{"packages": [{"name": "laravel/framework", "version": "v11.0.3"}], "packages-dev": []}'
    result = manifests_of({"composer.json": COMPOSER, "composer.lock": lock})
    assert [(d.name, d.version, d.scope, d.line, d.locked_version) for d in result.dependencies] == [
        ("laravel/framework", "^11.0", "runtime", 6, "v11.0.3"),
        ("guzzlehttp/guzzle", "^7.2", "runtime", 7, None),
        ("phpunit/phpunit", "^10.5", "dev", 10, None),
    ]


def test_truncated_composer_json(manifests_of: Callable[..., ManifestResult]) -> None:
    result = manifests_of({"composer.json": COMPOSER[: COMPOSER.index('"guzzle')]})
    assert [d.name for d in result.dependencies] == ["laravel/framework"]
    assert result.errors[0].path == "composer.json"
