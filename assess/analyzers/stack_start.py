"""How the app is started: an explicit Procfile ``web:`` line first, then the runtime's convention."""

from __future__ import annotations

import re
from collections.abc import Callable

from assess.analyzers._files import dir_of, join, name_of
from assess.analyzers._text import blank_c_comments, json_key_line, line_at
from assess.analyzers.manifest_go import read_go_mod
from assess.analyzers.stack_context import StackContext
from assess.model import FileFacts, Sourced

Finder = Callable[[StackContext], Sourced | None]
_APP_ASSIGNMENT = r"(?m)^\s*([A-Za-z_]\w*)\s*(?::[^=\n]+)?=\s*(?:[\w.]+\.)?{factory}\s*\("


def _procfile(ctx: StackContext) -> Sourced | None:
    for path in ctx.named("Procfile"):
        for number, line in enumerate((ctx.text(path) or "").splitlines(), start=1):
            if line.startswith("web:") and line[4:].strip():
                return Sourced(line[4:].strip(), path, number)
    return None


# ---------------------------------------------------------------------------------------------- node


def _node(ctx: StackContext) -> Sourced | None:
    path = ctx.package_json
    if path is None:
        return None
    data = ctx.json(path)
    scripts = data.get("scripts")
    start = scripts.get("start") if isinstance(scripts, dict) else None
    if isinstance(start, str) and start.strip():
        return Sourced(start.strip(), path, json_key_line(ctx.text(path) or "", "scripts", "start"))
    main = data.get("main")
    if isinstance(main, str) and main.strip():
        return Sourced(f"node {main.strip()}", path, json_key_line(ctx.text(path) or "", None, "main"), True)
    for name in ("server.js", "app.js", "index.js"):
        candidate = join(dir_of(path), name)
        if ctx.reader.exists(candidate):
            return Sourced(f"node {name}", candidate, guess=True)
    return None


# ---------------------------------------------------------------------------------------------- java


def _maven(ctx: StackContext) -> Sourced | None:
    pom = ctx.main_pom
    if pom is None:
        return None
    props = ctx.poms.properties(pom)
    artifact = ctx.poms.resolve(pom, pom.artifact_id, props) or "app"
    version = ctx.poms.resolve(pom, pom.version, props)
    final = pom.project_text("build", "finalName")
    file_name = f"{artifact}-{version}" if version else artifact
    if final:
        file_name = ctx.poms.resolve(pom, final[0], props) or file_name
    module = dir_of(pom.path)
    target = f"{module}/target" if module else "target"
    if pom.packaging == "war":
        return Sourced(f"deploy {target}/{file_name}.war to a servlet container (e.g. Tomcat)", pom.path)
    if pom.packaging == "ear":
        return Sourced(f"deploy {target}/{file_name}.ear to a Jakarta EE application server", pom.path)
    if pom.packaging != "jar":
        return None
    boot = "spring-boot" in ctx.frameworks
    return Sourced(f"java -jar {target}/{file_name}.jar", pom.path, guess=not boot)


def _gradle(ctx: StackContext) -> Sourced | None:
    build = ctx.gradle_build
    if build is None:
        return None
    code = blank_c_comments(ctx.text(build) or "")
    name = "app"
    for settings in ctx.named("settings.gradle", "settings.gradle.kts"):
        settings_code = blank_c_comments(ctx.text(settings) or "")
        found = re.search(r"""rootProject\.name\s*=\s*['"]([^'"]+)['"]""", settings_code)
        if found:
            name = found.group(1)
            break
    version = re.search(r"""(?m)^\s*version\s*=\s*['"]([^'"]+)['"]""", code)
    jar = f"{name}-{version.group(1)}" if version else name
    libs = f"{dir_of(build)}/build/libs" if dir_of(build) else "build/libs"
    if re.search(r"""\bid\s*\(?\s*['"]war['"]|apply\s+plugin\s*:\s*['"]war['"]|\bwar\b\s*$""", code, re.M):
        return Sourced(f"deploy {libs}/{jar}.war to a servlet container (e.g. Tomcat)", build)
    return Sourced(f"java -jar {libs}/{jar}.jar", build, guess="spring-boot" not in ctx.frameworks)


# ---------------------------------------------------------------------------------------------- python


def _module_name(path: str) -> str:
    module = path.removesuffix(".py").removeprefix("src/")
    return module.replace("/", ".")


def _app_object(ctx: StackContext, factory: str) -> tuple[FileFacts, str, int] | None:
    """The file, variable and line of ``app = Flask(...)`` (or ``FastAPI(...)``)."""
    for facts in ctx.app_facts("python"):
        for call in facts.calls:
            if call.name == factory:
                text = ctx.text(facts.path) or ""
                match = re.search(_APP_ASSIGNMENT.format(factory=factory), text)
                if match:
                    return facts, match.group(1), line_at(text, match.start(1))
    return None


def _main_block(facts: FileFacts) -> bool:
    return any(s.value == "__main__" for s in facts.strings) and any(c.name == "run" for c in facts.calls)


def _python(ctx: StackContext) -> Sourced | None:
    has = {d.name for d in ctx.runtime_dependencies("pypi")}
    if "django" in ctx.frameworks:
        wsgi = [p for p in ctx.named("wsgi.py") if ctx.reader.exists(join(dir_of(p), "settings.py"))]
        wsgi = wsgi or ctx.named("wsgi.py")
        if wsgi:
            manage = ctx.named("manage.py")
            base = dir_of(manage[0]) if manage else ""
            module = wsgi[0].removeprefix(f"{base}/" if base else "").removesuffix(".py").replace("/", ".")
            return Sourced(f"gunicorn {module}", wsgi[0], guess="gunicorn" not in has)
    for factory, server in (("FastAPI", "uvicorn"), ("Flask", "gunicorn"), ("FastAPI", "gunicorn")):
        found = _app_object(ctx, factory) if server in has else None
        if found:
            facts, variable, line = found
            target = f"{_module_name(facts.path)}:{variable}"
            command = f"uvicorn {target}" if server == "uvicorn" else f"gunicorn {target}"
            if factory == "FastAPI" and server == "gunicorn":
                command = f"gunicorn -k uvicorn.workers.UvicornWorker {target}"
            return Sourced(command, facts.path, line)
    for facts in ctx.app_facts("python"):
        if _main_block(facts):
            return Sourced(f"python {facts.path}", facts.path)
    return None


# ---------------------------------------------------------------------------------------------- others


def _go(ctx: StackContext) -> Sourced | None:
    for path in ctx.named("go.mod"):
        mod = read_go_mod(ctx.text(path) or "")
        if mod.module is None:
            continue
        parts = [p for p in mod.module[0].split("/") if p]
        if len(parts) > 1 and re.fullmatch(r"v\d+", parts[-1]):
            parts.pop()
        base = dir_of(path)
        prefix = f"{base}/" if base else ""
        mains = ctx.named("main.go")
        commands = sorted(dir_of(p) for p in mains if p.startswith(prefix))
        if (base in commands) or not commands:
            return Sourced(f"./{parts[-1] if parts else 'app'}", path, mod.module[1])
        return Sourced(f"./{name_of(commands[0])}", f"{commands[0]}/main.go", guess=len(commands) > 1)
    return None


def _ruby(ctx: StackContext) -> Sourced | None:
    if "rails" in ctx.frameworks:
        where = ctx.frameworks["rails"]
        return Sourced("bundle exec rails server", where.file, where.line)
    if ctx.named("config.ru"):
        return Sourced("bundle exec rackup", ctx.named("config.ru")[0], guess=True)
    return None


def _php(ctx: StackContext) -> Sourced | None:
    if "laravel" in ctx.frameworks:
        artisan = ctx.named("artisan")
        where = ctx.frameworks["laravel"]
        if artisan:
            return Sourced("php artisan serve", artisan[0])
        return Sourced("php artisan serve", where.file, where.line)
    if "symfony" in ctx.frameworks:
        where = ctx.frameworks["symfony"]
        return Sourced("php -S 0.0.0.0:8000 -t public", where.file, where.line, guess=True)
    return None


def _dotnet(ctx: StackContext) -> Sourced | None:
    project = ctx.main_project
    if project is None:
        return None
    stem = name_of(project.path).rsplit(".", 1)[0]
    assembly = project.prop("AssemblyName")
    name = assembly[0] if assembly else stem
    line = assembly[1] if assembly else 0
    if project.sdk is None:
        nodes = project.root.walk() if project.root else []
        references = (n.attrs.get("Include", "") for n in nodes if n.tag == "Reference")
        system_web = any(r.startswith("System.Web") for r in references)
        if "aspnet-mvc" in ctx.frameworks or system_web:
            return Sourced("deploy to IIS (ASP.NET on .NET Framework)", project.path)
        return Sourced(f"{name}.exe", project.path, line, guess=True)
    return Sourced(f"dotnet {name}.dll", project.path, line)


_BY_RUNTIME: dict[str, tuple[Finder, ...]] = {
    "node": (_node,),
    "java": (_maven, _gradle),
    "python": (_python,),
    "go": (_go,),
    "ruby": (_ruby,),
    "php": (_php,),
    "dotnet": (_dotnet,),
    "dotnet-framework": (_dotnet,),
}


def detect_start_command(ctx: StackContext) -> Sourced | None:
    """The command (or deployment) that starts the app; conventions are marked as guesses."""
    for finder in (_procfile, *_BY_RUNTIME.get(ctx.runtime or "", ())):
        found = finder(ctx)
        if found:
            return found
    return None
