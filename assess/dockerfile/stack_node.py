"""Node: npm, yarn and pnpm (lock-file strict); Express, NestJS, Next.js, Fastify and plain servers,
and static single-page apps (built with Node, served by an unprivileged nginx)."""

from __future__ import annotations

import re

from assess.dockerfile.commands import Launch, split_command, without_prefix
from assess.dockerfile.common import closing, debian_user, state_folder, writable
from assess.dockerfile.images import BaseImage
from assess.dockerfile.instructions import Instruction, copy, env, from_, run, user, workdir
from assess.dockerfile.plan import APP_DIR, PlanContext, StackResult, Stage, where

DEFAULT_VERSION = "20"
NGINX_VERSION = "1.27"
NGINX_UID = 101
_SPA_DEPENDENCIES = ("react", "vue", "@angular/core", "svelte", "solid-js", "preact", "lit")
_SPA_DEV_SERVERS = re.compile(
    r"^\s*(vite|react-scripts start|ng serve|vue-cli-service serve|parcel|webpack serve)"
)
_SERVERS = ("express", "nestjs", "nextjs", "fastify", "koa", "hapi")


def _major(value: str) -> str | None:
    match = re.match(r"^(\d+)", value)
    return match.group(1) if match else None


def _manager(ctx: PlanContext) -> str:
    tools = ctx.tools()
    return next((t for t in ("pnpm", "yarn", "npm") if t in tools), "npm")


def _scripts(ctx: PlanContext) -> dict[str, str]:
    scripts = ctx.json("package.json").get("scripts")
    if not isinstance(scripts, dict):
        return {}
    return {k: v for k, v in scripts.items() if isinstance(k, str) and isinstance(v, str)}


def _dependency_names(ctx: PlanContext) -> set[str]:
    data = ctx.json("package.json")
    names: set[str] = set()
    for key in ("dependencies", "devDependencies"):
        section = data.get(key)
        if isinstance(section, dict):
            names.update(k for k in section if isinstance(k, str))
    return names


def _install(ctx: PlanContext, manager: str, production: bool) -> tuple[list[str], list[Instruction]]:
    """(files to copy first, install instructions)."""
    package_manager = ctx.json("package.json").get("packageManager")
    corepack = isinstance(package_manager, str) and re.match(r"^(pnpm|yarn)@\d[\w.+-]*$", package_manager)
    if manager == "pnpm":
        lock = "pnpm-lock.yaml"
        enable = "corepack enable" if corepack else 'corepack enable && corepack prepare "pnpm@9" --activate'
        install = f"{enable} && pnpm install --frozen-lockfile" + (" --prod" if production else "")
    elif manager == "yarn":
        lock = "yarn.lock"
        berry = ctx.has(".yarnrc.yml") or (
            isinstance(package_manager, str) and not package_manager.startswith("yarn@1")
        )
        if berry:
            install = "corepack enable && yarn install --immutable"
        else:
            install = "yarn install --frozen-lockfile --non-interactive" + (
                " --production" if production else ""
            )
            install += " && yarn cache clean"
    else:
        lock = "package-lock.json" if ctx.has("package-lock.json") else "npm-shrinkwrap.json"
        install = "npm ci" + (" --omit=dev" if production else "") + " && npm cache clean --force"
    files = ["package.json"]
    comment = ["dependencies first, for layer caching"]
    if ctx.has(lock):
        files.append(lock)
        comment.append(f"{lock} is the lock file: the install fails when it is out of date")
    else:
        comment.append(ctx.guess(f"no {lock}: versions are resolved at build time; commit the lock file"))
        if manager == "npm":
            install = "npm install" + (" --omit=dev" if production else "") + " && npm cache clean --force"
        elif manager == "yarn":
            install = install.replace("--frozen-lockfile ", "").replace("--immutable", "")
        else:
            install = install.replace(" --frozen-lockfile", "")
    for extra in (".npmrc", ".yarnrc", ".yarnrc.yml"):
        if ctx.has(extra):
            files.append(extra)
    return files, [copy(files, "./", comment=comment), run(install)]


def _prune(manager: str) -> str:
    if manager == "pnpm":
        return "pnpm prune --prod"
    if manager == "yarn":
        return "yarn install --frozen-lockfile --production --ignore-scripts --prefer-offline"
    return "npm prune --omit=dev"


def _is_spa(ctx: PlanContext, scripts: dict[str, str]) -> bool:
    frameworks = ctx.frameworks()
    if any(f in frameworks for f in _SERVERS) or "build" not in scripts:
        return False
    names = _dependency_names(ctx)
    if not any(d in names for d in _SPA_DEPENDENCIES):
        return False
    start = scripts.get("start", "")
    return not start or bool(_SPA_DEV_SERVERS.match(start))


def _spa_output(ctx: PlanContext) -> str:
    names = _dependency_names(ctx)
    if "react-scripts" in names:
        return "build"
    if "@angular/core" in names:
        name = ctx.json("package.json").get("name")
        project = name if isinstance(name, str) and re.fullmatch(r"[a-z0-9._-]+", name) else "app"
        ctx.guess(f"Angular output folder dist/{project}/browser")
        return f"dist/{project}/browser"
    return "dist"


def _launch(ctx: PlanContext, scripts: dict[str, str], built: bool) -> Launch:
    frameworks = ctx.frameworks()
    found = ctx.stack.start_command
    if found is not None:
        ctx.note("start command", found.value, where(found), found.guess)
    text = found.value if found else None
    if "nestjs" in frameworks and "start:prod" in scripts:
        text = scripts["start:prod"]
    tokens = split_command(text)
    remarks: list[str] = []
    if tokens is not None:
        tokens = without_prefix(tokens, ("exec",))
    if tokens and tokens[0] in ("next",) and "start" in tokens:
        return Launch(
            ("node_modules/.bin/next", "start", "--hostname", "0.0.0.0", "--port", "$PORT"),
            remarks=("next start serves the production build",),
        )
    if tokens and tokens[0] == "nest" and tokens[1:2] == ("start",):
        tokens = ("node", "dist/main")
        remarks.append(ctx.guess("nest start is the CLI's dev runner: node dist/main runs the build"))
    if tokens and tokens[0] in ("ts-node", "tsx", "nodemon", "ts-node-dev"):
        remarks.append(ctx.guess(f"{tokens[0]} is a development runner: run the compiled JavaScript instead"))
        tokens = None
    if tokens and tokens[0] == "node":
        remarks.append("node as PID 1 receives SIGTERM directly: handle it to shut down gracefully")
        return Launch(tokens, remarks=tuple(remarks))
    if tokens:
        remarks.append("make sure the app listens on 0.0.0.0 and on $PORT")
        return Launch(tokens, remarks=tuple(remarks))
    main = ctx.json("package.json").get("main")
    if isinstance(main, str) and re.fullmatch(r"[\w./-]+\.c?js", main):
        target = main
    else:
        target = "dist/index.js" if built else "index.js"
    remarks.append(ctx.guess(f"node {target}: no usable start script"))
    return Launch(("node", target), remarks=tuple(remarks))


def _double_quoted(text: str) -> str:
    """A constant as one double-quoted shell word with nothing expanded (``$`` escaped)."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("$", "\\$").replace("`", "\\`")
    return f'"{escaped}"'


def _spa(ctx: PlanContext, manager: str, version: str, source: str) -> StackResult:
    build_image = ctx.image(
        BaseImage("node", "{NODE_VERSION}-slim", (("NODE_VERSION", version),), "build", source)
    )
    nginx = ctx.image(
        BaseImage(
            "nginxinc/nginx-unprivileged", "{NGINX_VERSION}-alpine", (("NGINX_VERSION", NGINX_VERSION),)
        )
    )
    output = _spa_output(ctx)
    _files, install = _install(ctx, manager, production=False)
    port = 8080
    ctx.note("port", str(port), "nginx-unprivileged listens on 8080")
    health = ctx.health()
    # nginx's entrypoint renders /etc/nginx/templates/*.template with the environment's variables
    # (only those that are set: $uri stays), so the server listens on $PORT
    config = (
        "server { listen ${PORT}; root /usr/share/nginx/html; "
        "location / { try_files $uri $uri/ /index.html; } "
        "location = /healthz { access_log off; return 200 'ok'; } }"
    )
    template = "/etc/nginx/templates/default.conf.template"
    stages = [
        Stage(
            "build",
            "build: compile the single-page app",
            (from_(build_image, "build"), workdir(APP_DIR), *install, copy(["."], "."), run("npm run build")),
        ),
        Stage(
            "runtime",
            "runtime: static files behind an unprivileged nginx (no Node at run time)",
            (
                from_(nginx, "runtime"),
                env([("PORT", str(port))], "nginx listens on $PORT (see the template below)"),
                copy(
                    [f"{APP_DIR}/{output}"],
                    "/usr/share/nginx/html",
                    from_stage="build",
                    comment=f"the build output folder ({output})",
                ),
                user(0, 0, "root only to write the server configuration"),
                run(
                    "mkdir -p /etc/nginx/templates",
                    f"printf '%s\\n' {_double_quoted(config)} > {template}",
                    f"chown -R {NGINX_UID}:0 /etc/nginx/conf.d",
                    comment="single-page routing: unknown paths serve index.html; /healthz answers for probes",
                ),
                *closing(
                    ctx,
                    Launch(("nginx", "-g", "daemon off;"), remarks=("nginx in the foreground",)),
                    port=port,
                    health=health or "/healthz",
                    probe_tool="wget",
                    uid=NGINX_UID,
                    listens=f"nginx listens on $PORT ({port} unless the platform sets PORT)",
                ),
            ),
        ),
    ]
    return StackResult("node/spa", stages, port, health or "/healthz", _IGNORES + _BUILD_OUTPUTS, NGINX_UID)


_IGNORES = [
    "node_modules",
    "npm-debug.log*",
    "yarn-debug.log*",
    "yarn-error.log*",
    ".pnpm-store",
    ".npm",
    "coverage",
    ".nyc_output",
    ".turbo",
    ".cache",
]
_BUILD_OUTPUTS = ["dist", "build", ".next", ".nuxt"]


def plan_node(ctx: PlanContext) -> StackResult:
    version = ctx.version(DEFAULT_VERSION, "node", _major)
    for tool in ctx.stack.build_tools:
        ctx.note("build tool", tool.value, where(tool), tool.guess)
    for framework in ctx.stack.frameworks:
        ctx.note("framework", framework.value, where(framework), framework.guess)
    manager = _manager(ctx)
    scripts = _scripts(ctx)
    source = where(ctx.stack.runtime_version) or "default"
    if _is_spa(ctx, scripts):
        return _spa(ctx, manager, version, source)
    frameworks = ctx.frameworks()
    default_port = 3000
    port = ctx.port(default_port, "the framework's default port")
    health = ctx.health()
    built = "build" in scripts
    launch = _launch(ctx, scripts, built)
    uid = ctx.options.uid
    extra_env = [("HOSTNAME", "0.0.0.0"), ("NEXT_TELEMETRY_DISABLED", "1")] if "nextjs" in frameworks else []
    runtime_env = env(
        [("NODE_ENV", "production"), ("PORT", str(port)), *extra_env],
        "production mode: no dev dependencies, framework optimisations on",
    )
    dirs = ctx.writable_dirs()
    stages: list[Stage] = []
    if built:
        build_image = ctx.image(
            BaseImage("node", "{NODE_VERSION}-slim", (("NODE_VERSION", version),), "build", source)
        )
        _files, install = _install(ctx, manager, production=False)
        stages.append(
            Stage(
                "build",
                "build: install every dependency, build, then drop the dev dependencies",
                (
                    from_(build_image, "build"),
                    workdir(APP_DIR),
                    *install,
                    copy(["."], "."),
                    run(f"{manager} run build", _prune(manager)),
                ),
            )
        )
        runtime_image = ctx.image(
            BaseImage("node", "{NODE_VERSION}-slim", (("NODE_VERSION", version),), "runtime", source)
        )
        body: tuple[Instruction, ...] = (
            from_(runtime_image, "runtime"),
            runtime_env,
            run(debian_user(uid), *writable(dirs, uid)),
            workdir(APP_DIR),
            copy([APP_DIR], APP_DIR, from_stage="build"),
            *state_folder(ctx, uid),
        )
    else:
        runtime_image = ctx.image(
            BaseImage("node", "{NODE_VERSION}-slim", (("NODE_VERSION", version),), "runtime", source)
        )
        _files, install = _install(ctx, manager, production=True)
        body = (
            from_(runtime_image, "runtime"),
            runtime_env,
            run(debian_user(uid), *writable(dirs, uid)),
            workdir(APP_DIR),
            *install,
            copy(["."], "."),
            *state_folder(ctx, uid),
        )
    stages.append(
        Stage(
            "runtime",
            "runtime: production dependencies and the app",
            (*body, *closing(ctx, launch, port=port, health=health, probe_tool="node", uid=uid)),
        )
    )
    label = next((f for f in ("nextjs", "nestjs", "express", "fastify") if f in frameworks), "node")
    ignores = _IGNORES + _BUILD_OUTPUTS if built else _IGNORES
    return StackResult(f"node/{manager}/{label}", stages, port, health, ignores)
