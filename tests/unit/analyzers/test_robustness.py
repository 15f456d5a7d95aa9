"""Property tests: no input makes the manifest parsers or the stack detectors raise."""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assess.analyzers.manifests import parse_manifests
from assess.analyzers.stack import detect_stack
from assess.model import Call, FileFacts, SourceFile
from assess.source import decode_text
from assess.source.languages import CODE_LANGUAGES, detect_language

SAMPLES: dict[str, str] = {
    "pom.xml": "<project><parent><groupId>g</groupId><artifactId>p</artifactId></parent><artifactId>a"
    "</artifactId><properties><java.version>17</java.version></properties><dependencies><dependency>"
    "<groupId>org.springframework.boot</groupId><artifactId>x</artifactId><version>${v}</version>"
    "</dependency></dependencies><modules><module>m</module></modules><packaging>war</packaging></project>",
    "build.gradle": "dependencies {\n implementation 'a:b:${v}'\n"
    " testImplementation group: 'c', name: 'd'\n}\n"
    "java { toolchain { languageVersion = JavaLanguageVersion.of(21) } }\nversion = '1'\n",
    "settings.gradle": "rootProject.name = 'x'\ninclude 'a', ':b:c'\n",
    "requirements.txt": "flask==3.0\n-e git+x#egg=y\nrequests>=2 ; python_version<'3'\n",
    "pyproject.toml": '[project]\nrequires-python=">=3.11"\ndependencies=["fastapi"]\n'
    '[tool.poetry.dependencies]\npython="^3.10"\ndjango={version="^5"}\n[tool.uv.workspace]\nmembers=["p/*"]\n',
    "Pipfile": '[packages]\nflask="*"\n[requires]\npython_version="3.11"\n',
    "Pipfile.lock": '{"default": {"flask": {"version": "==3.0"}}}',
    "poetry.lock": '[[package]]\nname = "django"\nversion = "5.0"\n',
    "package.json": '{"dependencies": {"express": "^4"}, "scripts": {"start": "node s.js"},'
    ' "engines": {"node": ">=20"}, "workspaces": ["packages/*"], "main": "s.js"}',
    "package-lock.json": '{"packages": {"node_modules/express": {"version": "4.18.2"}}}',
    "yarn.lock": '"express@^4":\n  version "4.18.2"\n',
    "pnpm-workspace.yaml": "packages:\n  - 'a/*'\n",
    "go.mod": "module github.com/a/b/v2\ngo 1.22\ntoolchain go1.22.1\n"
    "require (\n github.com/gin-gonic/gin v1.9.1\n)\n",
    "go.work": "use (\n ./a\n)\n",
    "App.csproj": '<Project Sdk="Microsoft.NET.Sdk.Web"><PropertyGroup><TargetFramework>net8.0'
    "</TargetFramework><AssemblyName>App</AssemblyName></PropertyGroup><ItemGroup>"
    '<PackageReference Include="Microsoft.AspNetCore.X" Version="$(V)"/></ItemGroup></Project>',
    "packages.config": '<packages><package id="EntityFramework" version="6.4.4"/></packages>',
    "Directory.Packages.props": '<Project><ItemGroup><PackageVersion Include="A" Version="1"/>'
    "</ItemGroup></Project>",
    "Directory.Build.props": "<Project><PropertyGroup><TargetFrameworkVersion>v4.8</TargetFrameworkVersion>"
    "</PropertyGroup></Project>",
    "App.sln": 'Project("{X}") = "App", "src\\App\\App.csproj", "{Y}"\nEndProject\n',
    "Gemfile": "ruby '3.3.0'\ngem 'rails', '~> 7.1'\ngroup :test do\n gem 'rspec'\nend\n",
    "Gemfile.lock": "GEM\n  specs:\n    rails (7.1.3)\n",
    "composer.json": '{"require": {"php": "^8.2", "laravel/framework": "^11"}, "require-dev": {"x/y": "1"}}',
    "composer.lock": '{"packages": [{"name": "laravel/framework", "version": "v11.0"}]}',
    ".python-version": "3.12.1\n",
    ".nvmrc": "lts/iron\n",
    ".ruby-version": "ruby-3.3.0\n",
    "runtime.txt": "python-3.11.4\n",
    "global.json": '{"sdk": {"version": "8.0.100"}}',
    "Properties/launchSettings.json": '{"profiles": {"App": {"commandName": "Project",'
    ' "applicationUrl": "https://localhost:7001;http://localhost:5000"}}}',
    "src/main/resources/application.properties": "server.port=${PORT:8081}\n",
    "src/main/resources/application.yml": "server:\n  port: 9090\n",
    "config/puma.rb": 'port ENV.fetch("PORT") { 3000 }\n',
    "Procfile": "web: gunicorn app:app --bind 0.0.0.0:8000\n",
    "Dockerfile": "FROM x\nEXPOSE 8080\n",
    "k8s/deploy.yaml": "apiVersion: v1\nkind: Service\n",
    "chart/Chart.yaml": "apiVersion: v2\nname: x\n",
    "wsgi.py": "application = None\n",
    "manage.py": "",
    "artisan": "#!/usr/bin/env php\n",
}
NAMES = sorted(SAMPLES)


@dataclass(frozen=True)
class MemorySnapshot:
    """A snapshot held in memory, decoding text exactly like the real one."""

    contents: dict[str, bytes]

    @property
    def files(self) -> tuple[SourceFile, ...]:
        return tuple(
            SourceFile(p, detect_language(p, b[:200]), len(b)) for p, b in sorted(self.contents.items())
        )

    def read_text(self, path: str) -> str:
        return decode_text(self.contents[path])


def _mutations(name: str) -> st.SearchStrategy[bytes]:
    sample = SAMPLES[name].encode()
    truncated = st.integers(0, len(sample)).map(lambda n: sample[:n])
    spliced = st.tuples(st.integers(0, len(sample)), st.binary(max_size=40)).map(
        lambda t: sample[: t[0]] + t[1] + sample[t[0] :]
    )
    text = st.text(alphabet=st.sampled_from(list("<>{}[]()\"'=:;,.$#/\\!&\n\t -_aZ09@^~*|%")), max_size=300)
    return st.one_of(truncated, spliced, st.binary(max_size=300), text.map(str.encode))


@st.composite
def repositories(draw: st.DrawFn) -> dict[str, bytes]:
    chosen = draw(st.lists(st.sampled_from(NAMES), min_size=1, max_size=6, unique=True))
    files = {name: draw(_mutations(name)) for name in chosen}
    for name in draw(st.lists(st.sampled_from(NAMES), max_size=4, unique=True)):
        files.setdefault(name, SAMPLES[name].encode())
    return files


@st.composite
def code_facts(draw: st.DrawFn, language: str) -> FileFacts:
    args = st.lists(st.text(max_size=30), max_size=3).map(tuple)
    names = st.sampled_from(
        ["listen", "run", "ListenAndServe", "UseUrls", "Run", "Flask", "FastAPI", "Start"]
    )
    calls = draw(st.lists(st.builds(lambda n, a: Call(n, n, None, a, 1), names, args), max_size=4))
    return FileFacts("main.src", language, draw(st.integers(0, 50)), calls=tuple(calls))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(repositories())
def test_parse_manifests_never_raises(files: dict[str, bytes]) -> None:
    result = parse_manifests(MemorySnapshot(files))
    for error in result.errors:
        assert error.stage == "manifests"
        assert error.path in files
        assert error.message.startswith(f"{error.path}: ")
    for dep in result.dependencies:
        assert dep.file in files and dep.line >= 0


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(repositories(), st.data())
def test_detect_stack_never_raises(files: dict[str, bytes], data: st.DataObject) -> None:
    language = data.draw(st.sampled_from(CODE_LANGUAGES))
    code = data.draw(code_facts(language))
    files["main.src"] = data.draw(st.binary(max_size=200))
    snapshot = MemorySnapshot(files)
    stack = detect_stack(snapshot, {code.path: code}, parse_manifests(snapshot))
    for sourced in (stack.runtime, stack.runtime_version, stack.port, stack.start_command):
        assert sourced is None or sourced.file in files or sourced.file == ""


WRONG_TYPES: dict[str, str] = {
    "pyproject.toml": 'project = "x"\n[tool]\npoetry = 1\nuv = []\n[dependency-groups]\ndev = "ruff"\n',
    "sub/pyproject.toml": '[project]\ndependencies = "flask"\nrequires-python = 3\n'
    "[tool.poetry]\ndependencies = [1]\ngroup = 2\n",
    "Pipfile": "packages = [1]\nrequires = 3\n",
    "package.json": '{"dependencies": ["express"], "engines": "node 20", "workspaces": {"packages": 3},'
    ' "scripts": [], "main": 1, "packageManager": 5}',
    "composer.json": '{"require": ["php"], "require-dev": 1}',
    "composer.lock": '{"packages": {"a": 1}}',
    "package-lock.json": '{"packages": [], "dependencies": 1}',
    "Pipfile.lock": '{"default": []}',
    "poetry.lock": "package = 1\n",
    "global.json": '{"sdk": "8.0"}',
    "Properties/launchSettings.json": '{"profiles": ["x"]}',
    "pnpm-workspace.yaml": "packages: 1\n",
    "src/main/resources/application.yml": "- server\n- port\n",
    "pom.xml": "<notaproject/>",
    "App.csproj": "<Other/>",
}


def test_well_formed_files_with_unexpected_types_do_not_raise() -> None:
    snapshot = MemorySnapshot({k: v.encode() for k, v in WRONG_TYPES.items()})
    result = parse_manifests(snapshot)
    assert sorted(e.message for e in result.errors) == [
        "App.csproj: no <Project> root element",
        "Pipfile: 'packages' should be a table/object, not list",
        "composer.json: 'require' should be a table/object, not list",
        "composer.json: 'require-dev' should be a table/object, not int",
        "package.json: 'dependencies' should be a table/object, not list",
        "pom.xml: no <project> root element",
        "pyproject.toml: 'project' should be a table/object, not str",
        "sub/pyproject.toml: 'project.dependencies' should be an array of requirement strings",
    ]
    assert result.dependencies == ()
    for language in CODE_LANGUAGES:
        detect_stack(snapshot, {"a": FileFacts("a", language, 1)}, result)
