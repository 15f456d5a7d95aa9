"""Stack: the port, from framework configuration or code, then EXPOSE / Procfile, then defaults."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from assess.model import Call, FileFacts, Sourced, Stack

from .conftest import call, facts

StackOf = Callable[..., Stack]

BOOT_POM = """<project>
<artifactId>shop</artifactId>
<version>1.0.0</version>
<dependencies>
<dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-web</artifactId>
</dependency>
</dependencies>
</project>
"""
JAVA = [facts("src/main/java/App.java", "java")]


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        (
            {"src/main/resources/application.properties": "spring.application.name=x\nserver.port = 8081\n"},
            Sourced("8081", "src/main/resources/application.properties", 2),
        ),
        (
            {"src/main/resources/application.properties": "server.port=${PORT:9000}\n"},
            Sourced("9000", "src/main/resources/application.properties", 1),
        ),
        (
            {
                "src/main/resources/application.yml": "spring:\n  application:\n    name: x\n"
                "server:\n  port: 8082\n"
            },
            Sourced("8082", "src/main/resources/application.yml", 5),
        ),
        (
            {"src/main/resources/application.yaml": "---\nspring:\n  port: 1\n---\nserver.port: 8083\n"},
            Sourced("8083", "src/main/resources/application.yaml", 5),
        ),
        (
            {"src/test/resources/application.properties": "server.port=1234\n"},
            Sourced("8080", "pom.xml", 5, True),
        ),
        (
            {"src/main/resources/application.properties": "server.port=${PORT}\n"},
            Sourced("8080", "pom.xml", 5, True),
        ),
        ({"Dockerfile": "FROM x\nEXPOSE 9999\n"}, Sourced("9999", "Dockerfile", 2)),
    ],
)
def test_spring(stack_of: StackOf, files: dict[str, str], expected: Sourced) -> None:
    assert stack_of({"pom.xml": BOOT_POM, **files}, JAVA).port == expected


def test_war_defaults_to_the_servlet_container_port(stack_of: StackOf) -> None:
    pom = "<project>\n<artifactId>a</artifactId>\n<packaging>war</packaging>\n</project>"
    assert stack_of({"pom.xml": pom}, JAVA).port == Sourced("8080", "pom.xml", 3, guess=True)


WEB_CSPROJ = (
    '<Project Sdk="Microsoft.NET.Sdk.Web">\n<PropertyGroup>\n<TargetFramework>net8.0</TargetFramework>\n'
)
WEB_CSPROJ += "</PropertyGroup>\n</Project>\n"
LAUNCH = """{
  "profiles": {
    "IIS Express": {
      "commandName": "IISExpress",
      "applicationUrl": "http://localhost:1111"
    },
    "Shop": {
      "commandName": "Project",
      "applicationUrl": "https://localhost:7001;http://localhost:5000"
    }
  }
}
"""


def test_aspnet_launch_settings(stack_of: StackOf) -> None:
    files = {"Shop/Shop.csproj": WEB_CSPROJ, "Shop/Properties/launchSettings.json": LAUNCH}
    assert stack_of(files, [facts("Shop/Program.cs", "csharp")]).port == Sourced(
        "5000", "Shop/Properties/launchSettings.json", 9
    )


def test_aspnet_use_urls(stack_of: StackOf) -> None:
    code = [
        facts(
            "Program.cs",
            "csharp",
            calls=[call("UseUrls", '"http://0.0.0.0:5005"', line=7, receiver="builder.WebHost")],
        )
    ]
    assert stack_of({"App.csproj": WEB_CSPROJ}, code).port == Sourced("5005", "Program.cs", 7)


def test_aspnetcore_urls_in_dockerfile(stack_of: StackOf) -> None:
    files = {"App.csproj": WEB_CSPROJ, "Dockerfile": "FROM x\nENV ASPNETCORE_URLS=http://+:5080\n"}
    assert stack_of(files, [facts("Program.cs", "csharp")]).port == Sourced("5080", "Dockerfile", 2)


@pytest.mark.parametrize(("tf", "port"), [("net8.0", "8080"), ("net6.0", "80")])
def test_aspnet_default_is_the_container_default(stack_of: StackOf, tf: str, port: str) -> None:
    stack = stack_of({"App.csproj": WEB_CSPROJ.replace("net8.0", tf)}, [facts("Program.cs", "csharp")])
    assert stack.port == Sourced(port, "App.csproj", guess=True)


def test_legacy_aspnet_defaults_to_iis_port(stack_of: StackOf) -> None:
    legacy = '<Project xmlns="http://schemas.microsoft.com/developer/msbuild/2003"><PropertyGroup>'
    legacy += "<TargetFrameworkVersion>v4.8</TargetFrameworkVersion></PropertyGroup></Project>"
    assert stack_of({"Web.csproj": legacy}, [facts("Global.asax.cs", "csharp")]).port == Sourced(
        "80", "Web.csproj", guess=True
    )


def py(path: str, *calls_: Call) -> FileFacts:
    return facts(path, "python", calls=calls_)


@pytest.mark.parametrize(
    ("files", "code", "expected"),
    [
        (
            {"requirements.txt": "flask\n", "app.py": "app.run(host='0.0.0.0', port=5001)\n"},
            [py("app.py", call("run", "host='0.0.0.0'", "port=5001", line=9, receiver="app"))],
            Sourced("5001", "app.py", 9),
        ),
        (
            {"requirements.txt": "flask\n", "app.py": "PORT = int(os.environ.get('PORT', 5002))\n"},
            [py("app.py", call("run", "port=PORT", line=3, receiver="app"))],
            Sourced("5002", "app.py", 3),
        ),
        (
            {"requirements.txt": "flask\n", "app.py": ""},
            [py("app.py", call("run", '"0.0.0.0"', "5003", line=4, receiver="app"))],
            Sourced("5003", "app.py", 4),
        ),
        (
            {"requirements.txt": "fastapi\nuvicorn\n", "main.py": ""},
            [
                py(
                    "main.py",
                    call("run", '"main:app"', 'host="0.0.0.0"', "port=8001", line=12, receiver="uvicorn"),
                )
            ],
            Sourced("8001", "main.py", 12),
        ),
        (
            {
                "requirements.txt": "flask\ngunicorn\n",
                "gunicorn.conf.py": "import os\n# bind = '0.0.0.0:1'\n"
                "bind = f\"0.0.0.0:{os.environ.get('PORT', '8004')}\"\n",
                "app.py": "",
            },
            [py("app.py", call("run", "port=5001", receiver="app"))],
            Sourced("8004", "gunicorn.conf.py", 3),
        ),
        ({"requirements.txt": "flask\n"}, [py("app.py")], Sourced("5000", "requirements.txt", 1, True)),
        ({"requirements.txt": "fastapi\n"}, [py("app.py")], Sourced("8000", "requirements.txt", 1, True)),
        ({"requirements.txt": "django\n"}, [py("manage.py")], Sourced("8000", "requirements.txt", 1, True)),
        (
            {"requirements.txt": "flask\n", "tests/test_app.py": ""},
            [py("tests/test_app.py", call("run", "port=1234", receiver="app"))],
            Sourced("5000", "requirements.txt", 1, True),
        ),
        (
            {
                "requirements.txt": "flask\ngunicorn\n",
                "Procfile": "web: gunicorn app:app --bind 0.0.0.0:8005\n",
            },
            [py("app.py")],
            Sourced("8005", "Procfile", 1),
        ),
    ],
)
def test_python(stack_of: StackOf, files: dict[str, str], code: list[FileFacts], expected: Sourced) -> None:
    assert stack_of(files, code).port == expected


SERVER_JS = """const express = require('express');
const app = express();
const PORT = process.env.PORT || 3001;
app.listen(PORT, () => console.log('up'));
"""


@pytest.mark.parametrize(
    ("files", "code", "expected"),
    [
        (
            {"package.json": '{"dependencies": {"express": "4"}}', "server.js": SERVER_JS},
            [
                facts(
                    "server.js",
                    "javascript",
                    calls=[call("listen", "PORT", "() => console.log('up')", line=4, receiver="app")],
                )
            ],
            Sourced("3001", "server.js", 4),
        ),
        (
            {"package.json": '{"dependencies": {"express": "4"}}', "server.js": ""},
            [
                facts(
                    "server.js",
                    "javascript",
                    calls=[call("listen", "process.env.PORT || 4000", line=2, receiver="app")],
                )
            ],
            Sourced("4000", "server.js", 2),
        ),
        (
            {"package.json": '{"dependencies": {"@nestjs/core": "10"}}', "src/main.ts": ""},
            [facts("src/main.ts", "typescript", calls=[call("listen", "3002", line=8, receiver="app")])],
            Sourced("3002", "src/main.ts", 8),
        ),
        (
            {"package.json": '{\n"dependencies": {\n"next": "14"\n}\n}'},
            [facts("pages/index.tsx", "typescript")],
            Sourced("3000", "package.json", 3, True),
        ),
    ],
)
def test_node(stack_of: StackOf, files: dict[str, str], code: list[FileFacts], expected: Sourced) -> None:
    assert stack_of(files, code).port == expected


MAIN_GO = """package main
func main() {
\tport := os.Getenv("PORT")
\tif port == "" {
\t\tport = "8086"
\t}
\thttp.ListenAndServe(":"+port, nil)
}
"""


@pytest.mark.parametrize(
    ("files", "code", "expected"),
    [
        (
            {"go.mod": "module x\n", "main.go": ""},
            [
                facts(
                    "main.go", "go", calls=[call("ListenAndServe", '":8085"', "nil", line=9, receiver="http")]
                )
            ],
            Sourced("8085", "main.go", 9),
        ),
        (
            {"go.mod": "module x\n", "main.go": MAIN_GO},
            [
                facts(
                    "main.go",
                    "go",
                    calls=[call("ListenAndServe", '":"+port', "nil", line=7, receiver="http")],
                )
            ],
            Sourced("8086", "main.go", 7),
        ),
        (
            {"go.mod": "module x\nrequire github.com/gin-gonic/gin v1.9.1\n", "main.go": ""},
            [facts("main.go", "go", calls=[call("Run", line=5, receiver="r")])],
            Sourced("8080", "go.mod", 2, True),
        ),
        (
            {"go.mod": "module x\nrequire github.com/labstack/echo/v4 v4.11.0\n", "main.go": ""},
            [facts("main.go", "go", calls=[call("Start", '":1323"', line=6, receiver="e")])],
            Sourced("1323", "main.go", 6),
        ),
    ],
)
def test_go(stack_of: StackOf, files: dict[str, str], code: list[FileFacts], expected: Sourced) -> None:
    assert stack_of(files, code).port == expected


def test_rails_puma_config_then_default(stack_of: StackOf) -> None:
    puma = 'max_threads = ENV.fetch("RAILS_MAX_THREADS") { 5 }\n# port 1\nport ENV.fetch("PORT") { 3003 }\n'
    code = [facts("app/models/user.rb", "ruby")]
    gemfile = {"Gemfile": "source 'x'\ngem 'rails'\n"}
    assert stack_of({**gemfile, "config/puma.rb": puma}, code).port == Sourced("3003", "config/puma.rb", 3)
    assert stack_of(gemfile, code).port == Sourced("3000", "Gemfile", 2, guess=True)


def test_laravel_default(stack_of: StackOf) -> None:
    composer = '{\n "require": {\n  "laravel/framework": "^11"\n }\n}'
    stack = stack_of({"composer.json": composer}, [facts("app/Http/Kernel.php", "php")])
    assert stack.port == Sourced("8000", "composer.json", 3, guess=True)


def test_nothing_known(stack_of: StackOf) -> None:
    assert stack_of({"lib.py": ""}, [py("lib.py")]).port is None
