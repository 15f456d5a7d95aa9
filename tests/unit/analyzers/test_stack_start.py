"""Stack: the start command, explicit (Procfile, scripts.start) first, then each runtime's convention."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from assess.model import FileFacts, Sourced, Stack

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
JAVA = [facts("src/main/java/App.java", "java", annotations=["SpringBootApplication"])]


def test_procfile_web_line_wins(stack_of: StackOf) -> None:
    files = {
        "Procfile": "release: python manage.py migrate\nweb: gunicorn shop.wsgi --log-file -\n",
        "requirements.txt": "django\ngunicorn\n",
    }
    assert stack_of(files, [facts("manage.py", "python")]).start_command == Sourced(
        "gunicorn shop.wsgi --log-file -", "Procfile", 2
    )


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        ({"pom.xml": BOOT_POM}, Sourced("java -jar target/shop-1.0.0.jar", "pom.xml")),
        (
            {
                "pom.xml": BOOT_POM.replace(
                    "</project>", "<build><finalName>app</finalName></build></project>"
                )
            },
            Sourced("java -jar target/app.jar", "pom.xml"),
        ),
        (
            {"pom.xml": BOOT_POM.replace("<version>1.0.0</version>", "<packaging>war</packaging>")},
            Sourced("deploy target/shop.war to a servlet container (e.g. Tomcat)", "pom.xml"),
        ),
        (
            {"pom.xml": "<project><artifactId>tool</artifactId><version>2</version></project>"},
            Sourced("java -jar target/tool-2.jar", "pom.xml", guess=True),
        ),
        (
            {
                "settings.gradle": "rootProject.name = 'orders'\n",
                "build.gradle": "version = '0.1.0'\ndependencies {\n"
                " implementation 'org.springframework.boot:spring-boot-starter-web'\n}\n",
            },
            Sourced("java -jar build/libs/orders-0.1.0.jar", "build.gradle"),
        ),
        (
            {"build.gradle": "plugins {\n  id 'war'\n}\n"},
            Sourced("deploy build/libs/app.war to a servlet container (e.g. Tomcat)", "build.gradle"),
        ),
    ],
)
def test_java(stack_of: StackOf, files: dict[str, str], expected: Sourced) -> None:
    assert stack_of(files, JAVA).start_command == expected


def test_spring_boot_module_of_a_multi_module_build(stack_of: StackOf) -> None:
    parent = "<project><groupId>g</groupId><artifactId>p</artifactId><version>3</version>"
    parent += (
        "<packaging>pom</packaging><modules><module>lib</module><module>app</module></modules></project>"
    )
    child = "<project><parent><groupId>g</groupId><artifactId>p</artifactId><version>3</version></parent>"
    lib = child + "<artifactId>lib</artifactId></project>"
    app = child + BOOT_POM.removeprefix("<project>").replace("<version>1.0.0</version>", "")
    code = [facts("app/src/main/java/App.java", "java", annotations=["SpringBootApplication"])]
    stack = stack_of({"pom.xml": parent, "lib/pom.xml": lib, "app/pom.xml": app}, code)
    assert stack.start_command == Sourced("java -jar app/target/shop-3.jar", "app/pom.xml")


@pytest.mark.parametrize(
    ("package", "expected"),
    [
        (
            '{\n  "scripts": {\n    "build": "tsc",\n    "start": "node dist/main.js"\n  }\n}',
            Sourced("node dist/main.js", "package.json", 4),
        ),
        ('{\n  "main": "src/server.js"\n}', Sourced("node src/server.js", "package.json", 2, guess=True)),
    ],
)
def test_node(stack_of: StackOf, package: str, expected: Sourced) -> None:
    assert stack_of({"package.json": package}, [facts("a.js", "javascript")]).start_command == expected


FLASK_APP = "import flask\n\napplication = flask.Flask(__name__)\n"


@pytest.mark.parametrize(
    ("files", "code", "expected"),
    [
        (
            {"requirements.txt": "flask\ngunicorn\n", "shop/app.py": FLASK_APP},
            [facts("shop/app.py", "python", calls=[call("Flask", "__name__", receiver="flask", line=3)])],
            Sourced("gunicorn shop.app:application", "shop/app.py", 3),
        ),
        (
            {
                "requirements.txt": "fastapi\nuvicorn[standard]\n",
                "src/api/main.py": "from fastapi import FastAPI\napp = FastAPI()\n",
            },
            [facts("src/api/main.py", "python", calls=[call("FastAPI", line=2)])],
            Sourced("uvicorn api.main:app", "src/api/main.py", 2),
        ),
        (
            {"requirements.txt": "fastapi\ngunicorn\n", "main.py": "app: FastAPI = FastAPI()\n"},
            [facts("main.py", "python", calls=[call("FastAPI", line=1)])],
            Sourced("gunicorn -k uvicorn.workers.UvicornWorker main:app", "main.py", 1),
        ),
        (
            {"requirements.txt": "flask\n", "app.py": FLASK_APP},
            [
                facts(
                    "app.py",
                    "python",
                    calls=[call("Flask", "__name__"), call("run", receiver="app", line=9)],
                    strings=["__main__"],
                )
            ],
            Sourced("python app.py", "app.py"),
        ),
        (
            {
                "requirements.txt": "Django\ngunicorn\n",
                "src/manage.py": "",
                "src/shop/settings.py": "",
                "src/shop/wsgi.py": "",
            },
            [facts("src/manage.py", "python")],
            Sourced("gunicorn shop.wsgi", "src/shop/wsgi.py"),
        ),
        (
            {"requirements.txt": "Django\n", "manage.py": "", "shop/settings.py": "", "shop/wsgi.py": ""},
            [facts("manage.py", "python")],
            Sourced("gunicorn shop.wsgi", "shop/wsgi.py", guess=True),
        ),
        ({"requirements.txt": "requests\n"}, [facts("lib.py", "python")], None),
    ],
)
def test_python(
    stack_of: StackOf, files: dict[str, str], code: list[FileFacts], expected: Sourced | None
) -> None:
    assert stack_of(files, code).start_command == expected


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        ({"go.mod": "module github.com/acme/orders\n", "main.go": ""}, Sourced("./orders", "go.mod", 1)),
        (
            {"go.mod": "// x\nmodule github.com/acme/orders/v3\n", "main.go": ""},
            Sourced("./orders", "go.mod", 2),
        ),
        ({"go.mod": "module orders\n", "cmd/server/main.go": ""}, Sourced("./server", "cmd/server/main.go")),
    ],
)
def test_go(stack_of: StackOf, files: dict[str, str], expected: Sourced) -> None:
    assert stack_of(files, [facts("main.go", "go")]).start_command == expected


def test_rails(stack_of: StackOf) -> None:
    stack = stack_of({"Gemfile": "source 'x'\ngem 'rails'\n"}, [facts("app.rb", "ruby")])
    assert stack.start_command == Sourced("bundle exec rails server", "Gemfile", 2)


def test_laravel(stack_of: StackOf) -> None:
    files = {"composer.json": '{"require": {"laravel/framework": "^11"}}', "artisan": "#!/usr/bin/env php\n"}
    assert stack_of(files, [facts("app/User.php", "php")]).start_command == Sourced(
        "php artisan serve", "artisan"
    )


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        (
            {"src/Shop.Web/Shop.Web.csproj": '<Project Sdk="Microsoft.NET.Sdk.Web"></Project>'},
            Sourced("dotnet Shop.Web.dll", "src/Shop.Web/Shop.Web.csproj"),
        ),
        (
            {
                "App.csproj": '<Project Sdk="Microsoft.NET.Sdk.Web">\n<PropertyGroup>\n'
                "<AssemblyName>Shop</AssemblyName>\n</PropertyGroup>\n</Project>"
            },
            Sourced("dotnet Shop.dll", "App.csproj", 3),
        ),
        (
            {
                "Web.csproj": '<Project xmlns="http://schemas.microsoft.com/developer/msbuild/2003"><ItemGroup>'
                '<Reference Include="System.Web" /></ItemGroup></Project>'
            },
            Sourced("deploy to IIS (ASP.NET on .NET Framework)", "Web.csproj"),
        ),
    ],
)
def test_dotnet(stack_of: StackOf, files: dict[str, str], expected: Sourced) -> None:
    assert stack_of(files, [facts("Program.cs", "csharp")]).start_command == expected


def test_runnable_module_found_without_facts(stack_of: StackOf) -> None:
    parent = "<project><groupId>g</groupId><artifactId>p</artifactId><version>3</version>"
    parent += "<packaging>pom</packaging></project>"
    child = "<project><parent><groupId>g</groupId><artifactId>p</artifactId><version>3</version></parent>"
    lib = child + "<artifactId>lib</artifactId></project>"
    app = (
        child
        + "<artifactId>app</artifactId><build><plugins><plugin><groupId>org.springframework.boot</groupId>"
    )
    app += "<artifactId>spring-boot-maven-plugin</artifactId></plugin></plugins></build></project>"
    stack = stack_of({"pom.xml": parent, "a-lib/pom.xml": lib, "z-app/pom.xml": app})
    assert stack.start_command == Sourced("java -jar z-app/target/app-3.jar", "z-app/pom.xml", guess=True)


def test_aggregator_pom_alone_has_no_start_command(stack_of: StackOf) -> None:
    stack = stack_of({"pom.xml": "<project><artifactId>p</artifactId><packaging>pom</packaging></project>"})
    assert stack.start_command is None
