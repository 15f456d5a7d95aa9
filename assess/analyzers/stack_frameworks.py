"""Frameworks, inferred from declared (non-test, non-dev) dependencies, each sourced at its manifest line."""

from __future__ import annotations

import re

from assess.analyzers.stack_context import StackContext
from assess.model import Sourced

FRAMEWORK_DEPENDENCIES: tuple[tuple[str, str, str], ...] = (
    ("spring-boot", "maven", r"org\.springframework\.boot:.+"),
    ("spring", "maven", r"org\.springframework:.+"),
    (
        "jakarta-ee",
        "maven",
        r"(javax\.servlet|jakarta\.servlet|javax\.ejb|jakarta\.ejb|jakarta\.platform|javax):.+"
        r"|[^:]+:(javaee-api|javaee-web-api|jakartaee-api|jakartaee-web-api|javax\.servlet-api|servlet-api)",
    ),
    ("aspnet-core", "nuget", r"Microsoft\.AspNetCore(\..+)?"),
    ("aspnet-mvc", "nuget", r"Microsoft\.AspNet\.Mvc(\..+)?"),
    ("entity-framework", "nuget", r"EntityFramework(\..+)?|Microsoft\.EntityFrameworkCore(\..+)?"),
    ("flask", "pypi", r"flask"),
    ("django", "pypi", r"django"),
    ("fastapi", "pypi", r"fastapi"),
    ("express", "npm", r"express"),
    ("nestjs", "npm", r"@nestjs/core"),
    ("nextjs", "npm", r"next"),
    ("fastify", "npm", r"fastify"),
    ("gin", "go", r"github\.com/gin-gonic/gin"),
    ("echo", "go", r"github\.com/labstack/echo(/v\d+)?"),
    ("rails", "rubygems", r"rails|railties"),
    ("sinatra", "rubygems", r"sinatra"),
    ("laravel", "composer", r"laravel/framework"),
    ("symfony", "composer", r"symfony/.+"),
)
"""``(framework, ecosystem, dependency name regex)``; the regex must match the whole name."""

IMPLIED_BY: dict[str, str] = {"spring": "spring-boot", "symfony": "laravel"}
"""A framework left out when the one it is a building block of is present."""


def _from_dependencies(ctx: StackContext) -> dict[str, Sourced]:
    found: dict[str, Sourced] = {}
    rules = [(name, eco, re.compile(pattern)) for name, eco, pattern in FRAMEWORK_DEPENDENCIES]
    for dep in ctx.runtime_dependencies():
        for name, eco, regex in rules:
            if name not in found and dep.ecosystem == eco and regex.fullmatch(dep.name):
                found[name] = Sourced(name, dep.file, dep.line)
    return found


def _from_project_files(ctx: StackContext, found: dict[str, Sourced]) -> None:
    """WAR packaging (Maven) and the Web SDK (.NET) declare a framework without a dependency."""
    for path in ctx.named("pom.xml"):
        pom = ctx.poms.pom(path)
        war = pom.project_text("packaging") if pom else None
        if war and war[0] == "war":
            found.setdefault("jakarta-ee", Sourced("jakarta-ee", path, war[1]))
    for project in ctx.projects:
        if project.sdk and project.sdk.startswith("Microsoft.NET.Sdk.Web"):
            found.setdefault("aspnet-core", Sourced("aspnet-core", project.path, project.sdk_line))


def detect_frameworks(ctx: StackContext) -> dict[str, Sourced]:
    """Framework name -> where it is declared."""
    found = _from_dependencies(ctx)
    _from_project_files(ctx, found)
    for name, umbrella in IMPLIED_BY.items():
        if umbrella in found:
            found.pop(name, None)
    return dict(sorted(found.items()))
