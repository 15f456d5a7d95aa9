"""Stack: runtime and runtime version, every ecosystem's precedence rule."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from assess.model import FileFacts, Sourced, Stack

from .conftest import facts

StackOf = Callable[..., Stack]

PY = [facts("app.py", "python")]
JS = [facts("index.js", "javascript")]
JAVA = [facts("src/main/java/App.java", "java")]
GO = [facts("main.go", "go")]
CS = [facts("Program.cs", "csharp")]
RB = [facts("app.rb", "ruby")]
PHP = [facts("index.php", "php")]

PYPROJECT = '[project]\nname = "x"\nrequires-python = ">=3.11"\n'
POETRY = '[tool.poetry]\nname = "x"\n\n[tool.poetry.dependencies]\npython = "^3.10"\n'
PIPFILE = '[packages]\nflask = "*"\n\n[requires]\npython_version = "3.9"\n'


def version(stack: Stack) -> tuple[str | None, str, str, int] | None:
    v = stack.runtime_version
    return (stack.runtime.value if stack.runtime else None, v.value, v.file, v.line) if v else None


@pytest.mark.parametrize(
    ("files", "code", "expected"),
    [
        # python: .python-version > requires-python (or Poetry python) > runtime.txt / Pipfile
        (
            {".python-version": "3.12.1\n", "pyproject.toml": PYPROJECT, "runtime.txt": "python-3.8.10"},
            PY,
            ("python", "3.12", ".python-version", 1),
        ),
        (
            {"pyproject.toml": PYPROJECT, "runtime.txt": "python-3.8.10"},
            PY,
            ("python", "3.11", "pyproject.toml", 3),
        ),
        ({"pyproject.toml": POETRY, "Pipfile": PIPFILE}, PY, ("python", "3.10", "pyproject.toml", 5)),
        (
            {"runtime.txt": "python-3.8.10\n", "requirements.txt": "flask"},
            PY,
            ("python", "3.8", "runtime.txt", 1),
        ),
        ({"Pipfile": PIPFILE}, PY, ("python", "3.9", "Pipfile", 5)),
        # node: .nvmrc / .node-version > engines.node
        (
            {".nvmrc": "v20.11.0\n", "package.json": '{"engines": {"node": ">=18"}}'},
            JS,
            ("node", "20", ".nvmrc", 1),
        ),
        ({".node-version": "lts/hydrogen\n"}, JS, ("node", "18", ".node-version", 1)),
        (
            {"package.json": '{\n  "name": "x",\n  "engines": {\n    "node": "^22.1.0"\n  }\n}'},
            JS,
            ("node", "22", "package.json", 4),
        ),
        # go: toolchain > go
        ({"go.mod": "module x\n\ngo 1.21\n\ntoolchain go1.22.3\n"}, GO, ("go", "1.22", "go.mod", 5)),
        ({"go.mod": "module x\n\ngo 1.21.5\n"}, GO, ("go", "1.21", "go.mod", 3)),
        # ruby: .ruby-version > Gemfile ruby
        (
            {".ruby-version": "ruby-3.3.0\n", "Gemfile": "ruby '3.2.2'\n"},
            RB,
            ("ruby", "3.3.0", ".ruby-version", 1),
        ),
        ({"Gemfile": "source 'x'\n# ruby '2.0'\nruby '3.2.2'\n"}, RB, ("ruby", "3.2.2", "Gemfile", 3)),
        # php: composer require.php
        (
            {"composer.json": '{\n "require": {\n  "php": "^8.2"\n }\n}'},
            PHP,
            ("php", "8.2", "composer.json", 3),
        ),
        ({"composer.json": '{"require": {"php": ">=7.4|^8.0"}}'}, PHP, ("php", "7.4", "composer.json", 1)),
    ],
)
def test_interpreted_runtimes(
    stack_of: StackOf, files: dict[str, str], code: list[FileFacts], expected: tuple[str, str, str, int]
) -> None:
    assert version(stack_of(files, code)) == expected


def pom(props: str, plugin: str = "") -> str:
    return (
        "<project>\n<artifactId>a</artifactId>\n<version>1</version>\n"
        f"<properties>\n{props}</properties>\n<build><plugins>{plugin}</plugins></build>\n</project>\n"
    )


RELEASE = "<maven.compiler.release>21</maven.compiler.release>\n"
SOURCE = (
    "<maven.compiler.source>1.8</maven.compiler.source>\n<maven.compiler.target>1.8</maven.compiler.target>\n"
)
JAVA_VERSION = "<java.version>17</java.version>\n"
PLUGIN = (
    "<plugin><artifactId>maven-compiler-plugin</artifactId>\n"
    "<configuration><release>11</release></configuration></plugin>"
)


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        ({"pom.xml": pom(JAVA_VERSION + SOURCE + RELEASE)}, ("java", "21", "pom.xml", 8)),
        ({"pom.xml": pom(JAVA_VERSION + SOURCE)}, ("java", "8", "pom.xml", 6)),
        ({"pom.xml": pom(JAVA_VERSION)}, ("java", "17", "pom.xml", 5)),
        ({"pom.xml": pom(JAVA_VERSION, PLUGIN)}, ("java", "11", "pom.xml", 8)),
        (
            {
                "pom.xml": pom(
                    "<maven.compiler.release>${java.version}</maven.compiler.release>\n" + JAVA_VERSION
                )
            },
            ("java", "17", "pom.xml", 6),
        ),
        (
            {
                "pom.xml": pom("<java.version>17</java.version>\n"),
                "build.gradle": "java { toolchain { languageVersion = JavaLanguageVersion.of(21) } }\n",
            },
            ("java", "17", "pom.xml", 5),
        ),
        (
            {
                "build.gradle": "sourceCompatibility = '1.8'\njava {\n  toolchain {\n"
                "    languageVersion = JavaLanguageVersion.of(21)\n  }\n}\n"
            },
            ("java", "21", "build.gradle", 4),
        ),
        ({"build.gradle.kts": "kotlin {\n    jvmToolchain(17)\n}\n"}, ("java", "17", "build.gradle.kts", 2)),
        (
            {
                "build.gradle": "// sourceCompatibility = '11'\n"
                "sourceCompatibility = JavaVersion.VERSION_1_8\n"
            },
            ("java", "8", "build.gradle", 2),
        ),
        ({"build.gradle": "java {\n  sourceCompatibility = '17'\n}\n"}, ("java", "17", "build.gradle", 2)),
    ],
)
def test_java(stack_of: StackOf, files: dict[str, str], expected: tuple[str, str, str, int]) -> None:
    assert version(stack_of(files, JAVA)) == expected


def test_java_version_inherited_from_parent_in_repo(stack_of: StackOf) -> None:
    parent = "<project>\n<groupId>g</groupId>\n<artifactId>p</artifactId>\n<properties>\n" + JAVA_VERSION
    parent += "</properties>\n<modules><module>app</module></modules>\n<packaging>pom</packaging>\n</project>"
    child = (
        "<project><parent><groupId>g</groupId><artifactId>p</artifactId></parent><artifactId>app</artifactId>"
    )
    child += "</project>"
    stack = stack_of({"pom.xml": parent, "app/pom.xml": child}, [facts("app/src/main/java/A.java", "java")])
    assert version(stack) == ("java", "17", "pom.xml", 5)
    assert stack.runtime == Sourced("java", "pom.xml")


SDK_PROJECT = (
    '<Project Sdk="Microsoft.NET.Sdk.Web">\n<PropertyGroup>\n<TargetFramework>{tf}</TargetFramework>\n'
)
SDK_PROJECT += "</PropertyGroup>\n</Project>\n"
LEGACY = (
    '<Project ToolsVersion="15.0" xmlns="http://schemas.microsoft.com/developer/msbuild/2003">\n<PropertyGroup>\n'
    "<TargetFrameworkVersion>v4.7.2</TargetFrameworkVersion>\n</PropertyGroup>\n</Project>\n"
)


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        (
            {
                "global.json": '{\n  "sdk": {\n    "version": "8.0.100"\n  }\n}',
                "App.csproj": SDK_PROJECT.format(tf="net6.0"),
            },
            ("dotnet", "8.0", "global.json", 3),
        ),
        ({"App.csproj": SDK_PROJECT.format(tf="net8.0")}, ("dotnet", "8.0", "App.csproj", 3)),
        ({"App.csproj": SDK_PROJECT.format(tf="netcoreapp3.1")}, ("dotnet", "3.1", "App.csproj", 3)),
        (
            {
                "App.csproj": SDK_PROJECT.replace("TargetFramework>", "TargetFrameworks>").format(
                    tf="net6.0;net8.0"
                )
            },
            ("dotnet", "8.0", "App.csproj", 3),
        ),
        ({"App.csproj": SDK_PROJECT.format(tf="net48")}, ("dotnet-framework", "4.8", "App.csproj", 3)),
        (
            {"Web/Web.csproj": LEGACY, "global.json": '{"sdk": {"version": "8.0.100"}}'},
            ("dotnet-framework", "4.7", "Web/Web.csproj", 3),
        ),
        (
            {
                "Directory.Build.props": "<Project>\n<PropertyGroup>\n"
                "<TargetFramework>net9.0</TargetFramework>\n"
                "</PropertyGroup>\n</Project>",
                "src/App/App.csproj": '<Project Sdk="Microsoft.NET.Sdk.Web"></Project>',
            },
            ("dotnet", "9.0", "Directory.Build.props", 3),
        ),
    ],
)
def test_dotnet(stack_of: StackOf, files: dict[str, str], expected: tuple[str, str, str, int]) -> None:
    assert version(stack_of(files, CS)) == expected


def test_main_dotnet_project_is_the_web_one_not_the_tests(stack_of: StackOf) -> None:
    tests = '<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFramework>net7.0</TargetFramework>'
    tests += "<IsTestProject>true</IsTestProject></PropertyGroup></Project>"
    lib = '<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFramework>netstandard2.0</TargetFramework>'
    lib += "</PropertyGroup></Project>"
    stack = stack_of(
        {
            "A.Tests/A.Tests.csproj": tests,
            "A.Core/A.Core.csproj": lib,
            "A.Web/A.Web.csproj": SDK_PROJECT.format(tf="net8.0"),
        },
        CS,
    )
    assert version(stack) == ("dotnet", "8.0", "A.Web/A.Web.csproj", 3)


def test_runtime_without_version_names_the_manifest(stack_of: StackOf) -> None:
    stack = stack_of({"requirements.txt": "flask\n"}, PY)
    assert stack.runtime == Sourced("python", "requirements.txt")
    assert stack.runtime_version is None


def test_runtime_from_language_alone_is_a_guess(stack_of: StackOf) -> None:
    stack = stack_of({"app.py": "print(1)\n"}, PY)
    assert stack.runtime == Sourced("python", "app.py", guess=True)


def test_primary_language_decides_the_runtime(stack_of: StackOf) -> None:
    files = {"pom.xml": pom(JAVA_VERSION), "web/package.json": '{"engines": {"node": "20"}}'}
    code = [facts("src/main/java/A.java", "java", 100), facts("web/a.js", "javascript", 20)]
    assert version(stack_of(files, code)) == ("java", "17", "pom.xml", 5)


def test_runtime_from_manifests_when_there_is_no_code(stack_of: StackOf) -> None:
    assert version(stack_of({"go.mod": "module x\ngo 1.22\n"})) == ("go", "1.22", "go.mod", 2)
