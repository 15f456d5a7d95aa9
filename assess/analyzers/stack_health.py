"""The app's health endpoint: the route a container health check or liveness probe can call.

Found from route registrations in code (a route-registering call or annotation whose first argument
is a health-like path: ``app.get("/healthz", …)``, ``@bp.get("/health")``, ``mux.HandleFunc("GET
/healthz", …)``, ``app.MapHealthChecks("/health")``, Rails ``get "up" => "rails/health#show"``,
Laravel's ``health: '/up'``), else from Spring Boot Actuator's dependency (``/actuator/health``).
A liveness route is preferred over a generic health route, and both over a readiness route (which
usually checks the database, and a container must not be restarted because its database is down).
"""

from __future__ import annotations

import re

from assess.analyzers._files import name_of
from assess.analyzers.stack_context import StackContext
from assess.model import Sourced

_WORDS = r"health|healthz|healthcheck|health-check|_health|livez|liveness|alive|readyz|readiness|ping|up"
_PATH = re.compile(
    rf"^(?:(?:GET|HEAD|ANY)\s+)?(/(?:[\w.-]+/)*(?:{_WORDS})(?:/(?:live|liveness|ready|readiness))?/?)$"
)
_BARE = re.compile(rf"^((?:[\w.-]+/)*(?:{_WORDS})(?:/(?:live|liveness|ready|readiness))?/?)$")
"""Route paths written without the leading slash (Django ``path("health/")``, Rails ``get "up"``)."""
_BARE_ROUTE_FILES = ("urls.py", "routes.rb")
_KEYWORD = re.compile(r"""\bhealth\s*:\s*['"](/[\w./-]*)['"]""")
_QUOTED = re.compile(r"""^\s*(?:[rfbu]{0,2})?(['"`])(.*)\1\s*$""", re.S)
_ROUTE_CALL = re.compile(
    r"(?i)^(get|head|all|route|api_route|handle|handlefunc|handler|map(get|healthchecks|methods)?|"
    r"path|re_path|url|match|add_url_rule|add_api_route|when|on)$"
)
_ROUTE_ANNOTATION = re.compile(r"(?i)(get|request|route|path)(mapping)?$|\.(get|head|route|api_route)$")
_ACTUATOR = "org.springframework.boot:spring-boot-starter-actuator"
_BASE_PATH = re.compile(r"(?m)^\s*management\.endpoints\.web\.base-path\s*[=:]\s*(/[\w./-]*)\s*$")


def _rank(path: str) -> int:
    """0 = liveness, 1 = generic health, 2 = readiness."""
    lowered = path.lower().rstrip("/")
    if re.search(r"(livez|liveness|alive|/live)$", lowered):
        return 0
    if re.search(r"(readyz|readiness|/ready)$", lowered):
        return 2
    return 1


def _literal(text: str) -> str | None:
    match = _QUOTED.match(text)
    return match.group(2) if match else None


def _route(value: str, file: str) -> str | None:
    found = _PATH.match(value)
    if found:
        return found.group(1)
    bare = _BARE.match(value)
    if bare and name_of(file) in _BARE_ROUTE_FILES:
        return "/" + bare.group(1)
    return None


def _candidates(ctx: StackContext) -> list[tuple[int, Sourced]]:
    found: list[tuple[int, Sourced]] = []
    languages = ("python", "javascript", "typescript", "go", "java", "csharp", "ruby", "php")
    for facts in ctx.app_facts(*languages):
        for call in facts.calls:
            keyword = next((_KEYWORD.search(a) for a in call.args if _KEYWORD.search(a)), None)
            if keyword:
                found.append((_rank(keyword.group(1)), Sourced(keyword.group(1), facts.path, call.line)))
                continue
            if not call.args or not _ROUTE_CALL.match(call.name):
                continue
            value = _literal(call.args[0])
            route = _route(value, facts.path) if value is not None else None
            if route:
                found.append((_rank(route), Sourced(route, facts.path, call.line)))
        for annotation in facts.annotations:
            if not _ROUTE_ANNOTATION.search(annotation.name):
                continue
            first = annotation.args.strip().strip("()").split(",")[0]
            first = first.split("=", 1)[1] if re.match(r"^\s*(value|path)\s*=", first) else first
            value = _literal(first)
            route = _route(value, facts.path) if value is not None else None
            if route:
                found.append((_rank(route), Sourced(route, facts.path, annotation.line)))
    return found


def _actuator(ctx: StackContext) -> Sourced | None:
    for dep in ctx.runtime_dependencies("maven"):
        if dep.name == _ACTUATOR:
            base = "/actuator"
            for path in ctx.named("application.properties"):
                match = _BASE_PATH.search(ctx.text(path) or "")
                if match:
                    base = match.group(1).rstrip("/")
            return Sourced(f"{base}/health", dep.file, dep.line)
    return None


def detect_health_endpoint(ctx: StackContext) -> Sourced | None:
    """The best health route of the app, or None when it declares none."""
    found = _candidates(ctx)
    if found:
        found.sort(key=lambda item: (item[0], item[1].file.count("/"), item[1].file, item[1].line))
        return found[0][1]
    return _actuator(ctx)
