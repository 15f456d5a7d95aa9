"""The port the app listens on, with where it is set.

Order: the framework's own configuration or code (Spring ``server.port``; ASP.NET launch settings,
``UseUrls``, ``ASPNETCORE_URLS``; gunicorn ``bind`` then ``app.run(port=…)``; ``app.listen(…)``;
``ListenAndServe(":…")``; puma ``port``), then a Dockerfile ``EXPOSE``, then the Procfile ``web:``
command, then the framework's default (marked as a guess)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import yaml

from assess.analyzers._files import dir_of
from assess.analyzers._text import blank_hash_comments, find_line, json_section, line_at
from assess.analyzers.stack_artifacts import dockerfiles
from assess.analyzers.stack_context import StackContext
from assess.model import FileFacts, Sourced

_NOT_SERVERS = frozenset({"uvicorn", "subprocess", "asyncio", "anyio", "trio", "loop"})
"""Receivers of ``run(...)`` calls whose second positional argument is not a port."""
_ADDRESS = re.compile(r'"[^"\s]*:(\d{2,5})"')
_GUNICORN_CONFIGS = ("gunicorn.conf.py", "gunicorn_conf.py", "gunicorn_config.py", "gunicorn.py")
_NUMBER = re.compile(r"(?<![\w.])(\d{2,5})(?![\w.])")
_URL_PORT = re.compile(r"https?://[^\s;\"',]*?:(\d{2,5})")
_SPRING_FILES = ("application.properties", "application.yml", "application.yaml")
_PUMA_PORT = re.compile(r"(?m)^\s*port\b[^\n#]*?(\d{2,5})")
_PROCFILE_PORT = re.compile(r"(?:--port[= ]|-p\s+|--bind[= ]\S*:|-b\s+\S*:|\s-l\s+\S*:|PORT=)(\d{2,5})\b")
_EXPOSE = re.compile(r"(?im)^\s*EXPOSE\s+(\d{2,5})")
_DEFAULTS: tuple[tuple[str, str, str], ...] = (
    ("java", "spring-boot", "8080"),
    ("java", "jakarta-ee", "8080"),
    ("python", "django", "8000"),
    ("python", "fastapi", "8000"),
    ("python", "flask", "5000"),
    ("node", "nextjs", "3000"),
    ("node", "nestjs", "3000"),
    ("node", "express", "3000"),
    ("node", "fastify", "3000"),
    ("go", "gin", "8080"),
    ("ruby", "rails", "3000"),
    ("ruby", "sinatra", "4567"),
    ("php", "laravel", "8000"),
    ("php", "symfony", "8000"),
)
"""``(runtime, framework, port)``: the default port of the framework's usual server (Laravel:
``artisan serve``); only the frameworks of the app's runtime count."""

Finder = Callable[[StackContext], Sourced | None]


def _port(text: str) -> str | None:
    found = _NUMBER.findall(text)
    valid = [p for p in found if 0 < int(p) < 65536]
    return valid[-1] if valid else None


# ---------------------------------------------------------------------------------------------- Spring


def _spring_properties(ctx: StackContext, path: str) -> Sourced | None:
    for number, line in enumerate((ctx.text(path) or "").splitlines(), start=1):
        match = re.match(r"^\s*server\.port\s*[=:]\s*(.+?)\s*$", line)
        if match and (port := _port(match.group(1))):
            return Sourced(port, path, number)
    return None


def _yaml_value(node: yaml.Node, *keys: str) -> yaml.ScalarNode | None:
    """The scalar at ``keys`` in a composed YAML mapping (``server`` then ``port``)."""
    for key in keys:
        if not isinstance(node, yaml.MappingNode):
            return None
        found = next((v for k, v in node.value if isinstance(k, yaml.ScalarNode) and k.value == key), None)
        if found is None:
            return None
        node = found
    return node if isinstance(node, yaml.ScalarNode) else None


def _spring_yaml(ctx: StackContext, path: str) -> Sourced | None:
    try:
        docs = list(yaml.compose_all(ctx.text(path) or "", Loader=yaml.SafeLoader))
    except (yaml.YAMLError, RecursionError, ValueError):
        return None
    for doc in docs:
        value = _yaml_value(doc, "server", "port") or _yaml_value(doc, "server.port")
        if value is not None and (port := _port(str(value.value))):
            return Sourced(port, path, value.start_mark.line + 1)
    return None


def _spring(ctx: StackContext) -> Sourced | None:
    if "spring-boot" not in ctx.frameworks and "spring" not in ctx.frameworks:
        return None
    paths = [p for p in ctx.named(*_SPRING_FILES) if "/test/" not in f"/{p}"]
    main = f"{dir_of(ctx.main_pom.path)}/".lstrip("/") if ctx.main_pom else ""
    paths.sort(key=lambda p: (not p.startswith(main), "src/main/resources/" not in p, p.count("/")))
    for path in paths:
        found = _spring_properties(ctx, path) if path.endswith(".properties") else _spring_yaml(ctx, path)
        if found:
            return found
    return None


# ---------------------------------------------------------------------------------------------- ASP.NET


def _launch_settings(ctx: StackContext) -> Sourced | None:
    main = f"{dir_of(ctx.main_project.path)}/".lstrip("/") if ctx.main_project else ""
    paths = sorted(ctx.named("launchSettings.json"), key=lambda p: (not p.startswith(main), p.count("/")))
    for path in paths:
        text = ctx.text(path) or ""
        profiles = ctx.json(path).get("profiles")
        if not isinstance(profiles, dict):
            continue
        ordered = sorted(profiles.items(), key=lambda kv: not _is_project_profile(kv[1]))
        for name, profile in ordered:
            url = profile.get("applicationUrl") if isinstance(profile, dict) else None
            urls = [u.strip() for u in url.split(";")] if isinstance(url, str) else []
            ports = [m.group(1) for u in urls if (m := _URL_PORT.match(u))]
            http = [m.group(1) for u in urls if u.startswith("http:") and (m := _URL_PORT.match(u))]
            if ports:
                start, end = json_section(text, name) or (0, len(text))
                return Sourced((http or ports)[0], path, find_line(text, r'"applicationUrl"', start, end))
    return None


def _is_project_profile(profile: object) -> bool:
    return isinstance(profile, dict) and profile.get("commandName") == "Project"


def _use_urls(ctx: StackContext) -> Sourced | None:
    for facts, call in ctx.calls("csharp"):
        if call.name in ("UseUrls", "Urls") or (call.name == "Run" and call.args):
            ports = _URL_PORT.findall(", ".join(call.args))
            if ports:
                return Sourced(ports[0], facts.path, call.line)
    return None


def _aspnetcore_urls(ctx: StackContext) -> Sourced | None:
    paths = [*dockerfiles(ctx), *ctx.named("launchSettings.json", "appsettings.json")]
    for path in paths:
        text = ctx.text(path) or ""
        for regex in (r"ASPNETCORE_URLS\W+[^\n]*?:(\d{2,5})", r"ASPNETCORE_HTTP_PORTS\W+(\d{2,5})"):
            match = re.search(regex, text)
            if match:
                return Sourced(match.group(1), path, line_at(text, match.start()))
    return None


def _aspnet(ctx: StackContext) -> Sourced | None:
    if ctx.primary_language != "csharp" and not ctx.projects:
        return None
    return _launch_settings(ctx) or _use_urls(ctx) or _aspnetcore_urls(ctx)


# ---------------------------------------------------------------------------------------------- code calls


def _assigned_port(ctx: StackContext, facts: FileFacts, name: str, depth: int = 0) -> str | None:
    """Resolve an identifier to a port from its assignment in the same file (``PORT = env || 3000``)."""
    text = ctx.text(facts.path) or ""
    for match in re.finditer(rf"(?m)\b{re.escape(name)}\s*(?::=|=(?!=))\s*([^\n;]+)", text):
        value = match.group(1)
        if port := _port(value):
            return port
        inner = re.search(r'"\s*:\s*"\s*\+\s*(\w+)', value)
        if inner and depth < 2:
            return _assigned_port(ctx, facts, inner.group(1), depth + 1)
    for match in re.finditer(rf"(?m)\b{re.escape(name)}\s*=\s*['\"]:?(\d{{2,5}})['\"]", text):
        return match.group(1)
    return None


def _argument_port(ctx: StackContext, facts: FileFacts, arg: str) -> str | None:
    if port := _port(arg):
        return port
    concatenated = re.search(r"\+\s*([A-Za-z_]\w*)\s*$", arg)
    name = concatenated.group(1) if concatenated else arg.strip()
    if re.fullmatch(r"[A-Za-z_][\w.]*", name):
        return _assigned_port(ctx, facts, name.rsplit(".", 1)[-1])
    return None


def _gunicorn_config(ctx: StackContext) -> Sourced | None:
    """``bind = "0.0.0.0:8000"`` (or a ``$PORT`` default) in gunicorn's Python config file."""
    for path in ctx.named(*_GUNICORN_CONFIGS):
        text = ctx.text(path) or ""
        for match in re.finditer(r"(?m)^bind\s*=\s*(.+)$", text):
            if port := _port(match.group(1)):
                return Sourced(port, path, line_at(text, match.start()))
    return None


def _python_calls(ctx: StackContext) -> Iterator[Sourced]:
    for facts, call in ctx.calls("python"):
        if call.name != "run" or not call.args:
            continue
        keyword = next((a for a in call.args if re.match(r"\s*port\s*=", a)), None)
        server = call.receiver not in _NOT_SERVERS and len(call.args) > 1
        positional = call.args[1] if server else None
        chosen = keyword.split("=", 1)[1] if keyword else positional
        if chosen and not re.match(r"\s*\w+\s*=", chosen) and (port := _argument_port(ctx, facts, chosen)):
            yield Sourced(port, facts.path, call.line)


def _node_calls(ctx: StackContext) -> Iterator[Sourced]:
    for facts, call in ctx.calls("javascript", "typescript"):
        if call.name == "listen" and call.args and (port := _argument_port(ctx, facts, call.args[0])):
            yield Sourced(port, facts.path, call.line)


def _go_calls(ctx: StackContext) -> Iterator[Sourced]:
    for facts, call in ctx.calls("go"):
        if call.name in ("ListenAndServe", "ListenAndServeTLS", "Run", "Start", "Listen") and call.args:
            literal = next((m for a in call.args if (m := _ADDRESS.fullmatch(a.strip()))), None)
            if literal:
                yield Sourced(literal.group(1), facts.path, call.line)
                continue
            arg = call.args[0]
            resolvable = call.name.startswith("ListenAndServe") or '":"' in arg.replace(" ", "")
            if resolvable and (port := _argument_port(ctx, facts, arg)):
                yield Sourced(port, facts.path, call.line)


def _puma(ctx: StackContext) -> Sourced | None:
    for path in ctx.named("puma.rb"):
        text = blank_hash_comments(ctx.text(path) or "")
        match = _PUMA_PORT.search(text)
        if match:
            return Sourced(match.group(1), path, line_at(text, match.start(1)))
    return None


def _first(found: Iterator[Sourced]) -> Sourced | None:
    return next(found, None)


_BY_RUNTIME: dict[str, tuple[Finder, ...]] = {
    "java": (_spring,),
    "dotnet": (_aspnet,),
    "dotnet-framework": (_aspnet,),
    "python": (_gunicorn_config, lambda c: _first(_python_calls(c))),
    "node": (lambda c: _first(_node_calls(c)),),
    "go": (lambda c: _first(_go_calls(c)),),
    "ruby": (_puma,),
}

# ---------------------------------------------------------------------------------------------- fallbacks


def _expose(ctx: StackContext) -> Sourced | None:
    for path in dockerfiles(ctx):
        text = ctx.text(path) or ""
        match = _EXPOSE.search(text)
        if match:
            return Sourced(match.group(1), path, line_at(text, match.start(1)))
    return None


def _procfile(ctx: StackContext) -> Sourced | None:
    for path in ctx.named("Procfile"):
        for number, line in enumerate((ctx.text(path) or "").splitlines(), start=1):
            match = _PROCFILE_PORT.search(line) if line.startswith("web:") else None
            if match:
                return Sourced(match.group(1), path, number)
    return None


def _dotnet_default(ctx: StackContext) -> Sourced | None:
    """A web project's hosting default, sited at the project file: ASP.NET Core container images
    listen on 8080 from .NET 8 on and on 80 before; IIS (.NET Framework) on 80."""
    project = ctx.main_project
    if project is None or ctx.runtime not in ("dotnet", "dotnet-framework"):
        return None
    web = project.sdk is None or "aspnet-core" in ctx.frameworks or "aspnet-mvc" in ctx.frameworks
    major = int((ctx.runtime_version or "0").split(".")[0] or 0)
    port = "8080" if ctx.runtime == "dotnet" and major >= 8 else "80"
    return Sourced(port, project.path, guess=True) if web else None


def _framework_default(ctx: StackContext) -> Sourced | None:
    for runtime, framework, port in _DEFAULTS:
        if runtime == ctx.runtime and framework in ctx.frameworks:
            where = ctx.frameworks[framework]
            return Sourced(port, where.file, where.line, guess=True)
    return _dotnet_default(ctx)


def detect_port(ctx: StackContext) -> Sourced | None:
    """Where the app listens, or None when nothing says."""
    finders: tuple[Finder, ...] = (
        *_BY_RUNTIME.get(ctx.runtime or "", ()),
        _expose,
        _procfile,
        _framework_default,
    )
    for finder in finders:
        found = finder(ctx)
        if found:
            return found
    return None
