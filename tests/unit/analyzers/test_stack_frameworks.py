"""Stack: frameworks inferred from dependencies (never from file names), sourced at the manifest line."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from assess.model import Sourced, Stack

StackOf = Callable[..., Stack]


def pom(*deps: str, packaging: str = "jar") -> str:
    body = "".join(
        f"<dependency><groupId>{d.split(':')[0]}</groupId><artifactId>{d.split(':')[1]}</artifactId>"
        + (f"<scope>{d.split(':')[2]}</scope>" if d.count(":") == 2 else "")
        + "</dependency>\n"
        for d in deps
    )
    return (
        f"<project>\n<packaging>{packaging}</packaging>\n<dependencies>\n{body}</dependencies>\n</project>\n"
    )


def names(stack: Stack) -> list[str]:
    return [f.value for f in stack.frameworks]


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        ({"pom.xml": pom("org.springframework.boot:spring-boot-starter-web")}, ["spring-boot"]),
        ({"pom.xml": pom("org.springframework:spring-webmvc")}, ["spring"]),
        (
            {
                "pom.xml": pom(
                    "org.springframework.boot:spring-boot-starter", "org.springframework:spring-jdbc"
                )
            },
            ["spring-boot"],
        ),
        ({"pom.xml": pom("javax.servlet:javax.servlet-api:provided")}, ["jakarta-ee"]),
        ({"pom.xml": pom("jakarta.platform:jakarta.jakartaee-api:provided")}, ["jakarta-ee"]),
        ({"pom.xml": pom("com.acme:lib", packaging="war")}, ["jakarta-ee"]),
        ({"pom.xml": pom("jakarta.validation:jakarta.validation-api")}, []),
        (
            {
                "build.gradle": "dependencies {\n"
                "implementation 'org.springframework.boot:spring-boot-starter' }"
            },
            ["spring-boot"],
        ),
        (
            {
                "App.csproj": '<Project Sdk="Microsoft.NET.Sdk"><ItemGroup>'
                '<PackageReference Include="Microsoft.AspNetCore.OpenApi" Version="8.0.0"/>'
                '<PackageReference Include="Microsoft.EntityFrameworkCore" Version="8.0.0"/>'
                "</ItemGroup></Project>"
            },
            ["aspnet-core", "entity-framework"],
        ),
        ({"App.csproj": '<Project Sdk="Microsoft.NET.Sdk.Web"></Project>'}, ["aspnet-core"]),
        (
            {
                "packages.config": '<packages><package id="Microsoft.AspNet.Mvc" version="5.2.9"/>'
                '<package id="EntityFramework" version="6.4.4"/></packages>'
            },
            ["aspnet-mvc", "entity-framework"],
        ),
        ({"requirements.txt": "Flask==3.0\n"}, ["flask"]),
        ({"requirements.txt": "Django>=5\n"}, ["django"]),
        ({"pyproject.toml": '[project]\ndependencies = ["fastapi"]\n'}, ["fastapi"]),
        ({"requirements-dev.txt": "flask\n"}, []),
        ({"package.json": '{"dependencies": {"express": "^4"}}'}, ["express"]),
        (
            {"package.json": '{"dependencies": {"@nestjs/core": "^10", "@nestjs/platform-express": "^10"}}'},
            ["nestjs"],
        ),
        ({"package.json": '{"dependencies": {"next": "14.0.0", "react": "18"}}'}, ["nextjs"]),
        ({"package.json": '{"dependencies": {"fastify": "^4"}}'}, ["fastify"]),
        ({"package.json": '{"devDependencies": {"express": "^4"}}'}, []),
        ({"go.mod": "module x\nrequire github.com/gin-gonic/gin v1.9.1\n"}, ["gin"]),
        ({"go.mod": "module x\nrequire github.com/labstack/echo/v4 v4.11.0\n"}, ["echo"]),
        ({"Gemfile": "gem 'rails', '~> 7.1'\n"}, ["rails"]),
        ({"Gemfile": "gem 'sinatra'\n"}, ["sinatra"]),
        ({"composer.json": '{"require": {"laravel/framework": "^11", "symfony/yaml": "^7"}}'}, ["laravel"]),
        ({"composer.json": '{"require": {"symfony/framework-bundle": "^7"}}'}, ["symfony"]),
        ({"app/flask.py": "", "django/readme.txt": "", "express.js": ""}, []),
    ],
)
def test_frameworks(stack_of: StackOf, files: dict[str, str], expected: list[str]) -> None:
    assert names(stack_of(files)) == expected


def test_framework_is_sourced_at_the_declaring_line(stack_of: StackOf) -> None:
    stack = stack_of(
        {
            "pom.xml": pom(
                "com.acme:lib", "org.springframework.boot:spring-boot-starter-web", packaging="war"
            ),
            "App.csproj": '<Project\n  Sdk="Microsoft.NET.Sdk.Web">\n</Project>',
        }
    )
    assert stack.frameworks == (
        Sourced("aspnet-core", "App.csproj", 1),
        Sourced("jakarta-ee", "pom.xml", 2),
        Sourced("spring-boot", "pom.xml", 5),
    )
