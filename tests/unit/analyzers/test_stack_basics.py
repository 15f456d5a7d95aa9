"""Stack: languages, build tools and container artefacts."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from assess.model import ContainerArtifact, LanguageShare, Stack

from .conftest import facts

StackOf = Callable[..., Stack]


def tools(stack: Stack) -> list[tuple[str, str]]:
    return [(t.value, t.file) for t in stack.build_tools]


def test_language_shares_sorted_by_code_lines(stack_of: StackOf) -> None:
    code = [
        facts("a.py", "python", 30),
        facts("b.py", "python", 10),
        facts("web/app.ts", "typescript", 60),
        facts("empty.go", "go", 0),
        facts("pom.xml", "xml", 500),
    ]
    stack = stack_of({"README.md": "x"}, code)
    assert stack.languages == (
        LanguageShare("typescript", 1, 60, 0.6),
        LanguageShare("python", 2, 40, 0.4),
    )
    assert stack.primary_language == "typescript"


def test_no_code_means_no_primary_language(stack_of: StackOf) -> None:
    stack = stack_of({"README.md": "x"})
    assert (stack.languages, stack.primary_language, stack.runtime) == ((), None, None)


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        ({"package.json": "{}", "package-lock.json": "{}"}, [("npm", "package-lock.json")]),
        ({"package.json": "{}", "yarn.lock": ""}, [("yarn", "yarn.lock")]),
        ({"package.json": "{}", "pnpm-lock.yaml": ""}, [("pnpm", "pnpm-lock.yaml")]),
        ({"package.json": "{}"}, [("npm", "package.json")]),
        ({"package.json": '{"packageManager": "pnpm@8.15.0"}'}, [("pnpm", "package.json")]),
        ({"pyproject.toml": "[tool.poetry]\nname='x'\n"}, [("poetry", "pyproject.toml")]),
        ({"pyproject.toml": "[project]\nname='x'\n", "poetry.lock": ""}, [("poetry", "poetry.lock")]),
        ({"pyproject.toml": "[project]\nname='x'\n", "uv.lock": ""}, [("uv", "uv.lock")]),
        ({"Pipfile": "[packages]\n", "requirements.txt": "x\n"}, [("pipenv", "Pipfile")]),
        ({"requirements.txt": "flask\n", "setup.py": ""}, [("pip", "requirements.txt")]),
        ({"pyproject.toml": "[project]\nname='x'\n"}, [("pip", "pyproject.toml")]),
        ({"pyproject.toml": "[tool.ruff]\nline-length=100\n"}, []),
        ({"pom.xml": "<project/>"}, [("maven", "pom.xml")]),
        ({"settings.gradle": "", "app/build.gradle": ""}, [("gradle", "app/build.gradle")]),
        ({"build.gradle.kts": ""}, [("gradle", "build.gradle.kts")]),
        ({"App.csproj": '<Project Sdk="Microsoft.NET.Sdk"/>'}, [("dotnet", "App.csproj")]),
        (
            {
                "Legacy.csproj": '<Project ToolsVersion="15.0" xmlns="http://schemas.microsoft.com/developer/msbuild/2003"/>'
            },
            [("msbuild", "Legacy.csproj")],
        ),
        ({"go.mod": "module x\n"}, [("go", "go.mod")]),
        ({"Gemfile": "gem 'rails'\n"}, [("bundler", "Gemfile")]),
        ({"composer.json": "{}"}, [("composer", "composer.json")]),
    ],
)
def test_build_tools(stack_of: StackOf, files: dict[str, str], expected: list[tuple[str, str]]) -> None:
    assert tools(stack_of(files)) == expected


def test_several_build_tools_sorted(stack_of: StackOf) -> None:
    stack = stack_of({"pom.xml": "<project/>", "web/package.json": "{}", "web/yarn.lock": ""})
    assert tools(stack) == [("maven", "pom.xml"), ("yarn", "web/yarn.lock")]


def test_container_artifacts(stack_of: StackOf) -> None:
    files = {
        "Dockerfile": "FROM x\n",
        "docker/api.Dockerfile": "FROM x\n",
        "Containerfile.worker": "FROM x\n",
        ".devcontainer/Dockerfile": "FROM x\n",
        ".devcontainer/docker-compose.yml": "services: {}\n",
        "docker-compose.yml": "services: {}\n",
        "compose.override.yaml": "services: {}\n",
        "deploy/k8s/app.yaml": "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: x\n---\nkind: x\n",
        "deploy/k8s/notes.yaml": "# apiVersion: v1\nkind: Nothing\n",
        "deploy/k8s/list.yml": "items:\n  - apiVersion: v1\n    kind: Service\n",
        "charts/shop/Chart.yaml": "apiVersion: v2\nname: shop\n",
        "charts/shop/templates/deployment.yaml": "apiVersion: apps/v1\nkind: Deployment\n",
        "src/main/resources/application.yml": "server:\n  port: 8080\n",
        "Procfile": "web: node server.js\n",
        ".github/workflows/ci.yml": "on: push\njobs: {}\n",
        "broken.yaml": "apiVersion: v1\nkind: [unclosed\n",
        "big.yaml": "apiVersion: v1\nkind: ConfigMap\n" + "# padding\n" * 30000,
    }
    assert stack_of(files).container_artifacts == (
        ContainerArtifact("dockerfile", "Containerfile.worker"),
        ContainerArtifact("dockerfile", "Dockerfile"),
        ContainerArtifact("procfile", "Procfile"),
        ContainerArtifact("helm", "charts/shop/Chart.yaml"),
        ContainerArtifact("compose", "compose.override.yaml"),
        ContainerArtifact("kubernetes", "deploy/k8s/app.yaml"),
        ContainerArtifact("compose", "docker-compose.yml"),
        ContainerArtifact("dockerfile", "docker/api.Dockerfile"),
    )
