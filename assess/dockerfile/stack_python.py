"""Python: pip (requirements or pyproject), Poetry, uv, Pipenv; gunicorn, uvicorn, Django, Flask,
FastAPI and plain scripts. Dependencies go into a virtualenv in a build stage, before the sources;
the runtime stage gets the virtualenv and the app, nothing else."""

from __future__ import annotations

import re

from assess.dockerfile.commands import Launch, option_value, set_option, split_command, without_prefix
from assess.dockerfile.common import closing, debian_user, state_folder, writable
from assess.dockerfile.images import BaseImage
from assess.dockerfile.instructions import Instruction, copy, env, from_, run, shell_word, workdir
from assess.dockerfile.notes import Note
from assess.dockerfile.plan import APP_DIR, PlanContext, StackResult, Stage, where

DEFAULT_VERSION = "3.12"
TOOL_VERSIONS = {"poetry": "1.8.5", "uv": "0.5.11", "pipenv": "2024.4.0"}
SERVER_VERSIONS = {"gunicorn": "23.0.0", "uvicorn": "0.32.1"}
VENV = "/opt/venv"
_REQUIREMENTS = (
    "requirements.txt",
    "requirements/production.txt",
    "requirements/prod.txt",
    "requirements/base.txt",
    "requirements/main.txt",
)
_TARGET = re.compile(r"^[A-Za-z_][\w.]*(?::[A-Za-z_]\w*(?:\(\))?)?$")


def _major_minor(value: str) -> str | None:
    match = re.match(r"^(\d+)\.(\d+)", value)
    return f"{match.group(1)}.{match.group(2)}" if match else None


def _installable(ctx: PlanContext) -> bool:
    pyproject = ctx.toml("pyproject.toml")
    return ctx.has("setup.py") or "build-system" in pyproject


def _requirements(ctx: PlanContext) -> str | None:
    return next((name for name in _REQUIREMENTS if ctx.has(name)), None)


def _pinned_share(ctx: PlanContext, path: str) -> tuple[int, int]:
    deps = [
        d
        for d in ctx.assessment.dependencies
        if d.ecosystem == "pypi" and ctx.rel(d.file) == path and d.scope not in ("test", "dev")
    ]
    pinned = [d for d in deps if d.version and re.match(r"^==\s*[\w.!+-]+$", d.version.strip())]
    return len(pinned), len(deps)


def _dependency_steps(
    ctx: PlanContext, tool: str, version: str
) -> tuple[list[Instruction], list[Instruction]]:
    """(steps before ``COPY . .``, steps after it)."""
    before: list[Instruction] = []
    after: list[Instruction] = []
    if tool in ("poetry", "uv", "pipenv"):
        name = tool.upper()
        pin = TOOL_VERSIONS[tool]
        before.append(env([(f"{name}_VERSION", pin)], f"{tool} is a build tool only: it stays in this stage"))
        before.append(
            run(
                f"python -m venv /opt/{tool}",
                f'/opt/{tool}/bin/pip install --no-cache-dir "{tool}==${{{name}_VERSION}}"',
            )
        )
    if tool == "poetry" and ctx.has("poetry.lock"):
        before.append(
            copy(["pyproject.toml", "poetry.lock"], "./", comment="dependencies first, for layer caching")
        )
        before.append(
            run(
                "/opt/poetry/bin/poetry install --only main --no-root --no-interaction --no-ansi",
                comment="installs exactly what poetry.lock pins (fails when the lock is out of date)",
            )
        )
        after.append(run("/opt/poetry/bin/poetry install --only main --no-interaction --no-ansi"))
        return before, after
    if tool == "uv" and ctx.has("uv.lock"):
        before.append(
            copy(["pyproject.toml", "uv.lock"], "./", comment="dependencies first, for layer caching")
        )
        before.append(
            run(
                "/opt/uv/bin/uv sync --frozen --no-dev --no-install-project",
                comment="installs exactly what uv.lock pins (--frozen: the lock is never updated)",
            )
        )
        after.append(run("/opt/uv/bin/uv sync --frozen --no-dev --no-editable"))
        return before, after
    if tool == "pipenv" and ctx.has("Pipfile.lock"):
        before.append(
            copy(["Pipfile", "Pipfile.lock"], "./", comment="dependencies first, for layer caching")
        )
        before.append(
            run(
                "/opt/pipenv/bin/pipenv verify",
                "/opt/pipenv/bin/pipenv requirements --hash > /tmp/requirements.txt",
                "pip install --no-cache-dir -r /tmp/requirements.txt",
                comment="installs exactly what Pipfile.lock pins, with hashes (verify: the lock matches the Pipfile)",
            )
        )
        return before, after
    if tool in ("poetry", "uv", "pipenv"):
        lock = {"poetry": "poetry.lock", "uv": "uv.lock", "pipenv": "Pipfile.lock"}[tool]
        guess = ctx.guess(f"no {lock}: dependencies are resolved at build time; commit {lock}")
        before.clear()
    else:
        guess = ""
    requirements = _requirements(ctx)
    if requirements:
        pinned, total = _pinned_share(ctx, requirements)
        source = requirements if "/" not in requirements else requirements.rsplit("/", 1)[0] + "/"
        dest = "./" if "/" not in requirements else source
        lock_comment = (
            f"{requirements} pins every dependency exactly: it is the lock file"
            if total and pinned == total
            else ctx.guess(
                f"{requirements} pins {pinned} of {total} dependencies exactly: pin them all "
                "(pip-compile / uv pip compile) for reproducible builds"
            )
        )
        before.append(copy([source], dest, comment=["dependencies first, for layer caching", lock_comment]))
        before.append(run(f"pip install --no-cache-dir -r {shell_word(requirements)}"))
        if _installable(ctx):
            after.append(run("pip install --no-cache-dir --no-deps ."))
        return before, after
    if "project" in ctx.toml("pyproject.toml") and tuple(int(p) for p in version.split(".")[:2]) >= (3, 11):
        comment = guess or ctx.guess(
            "no lock file: the dependency ranges of pyproject.toml are resolved at build time;"
            " add a lock (uv lock, pip-compile) for reproducible builds"
        )
        before.append(
            copy(["pyproject.toml"], "./", comment=["dependencies first, for layer caching", comment])
        )
        before.append(
            run(
                "python -c \"import tomllib; print('\\n'.join(tomllib.load(open('pyproject.toml', 'rb'))"
                "['project'].get('dependencies', [])))\" > /tmp/requirements.txt",
                "pip install --no-cache-dir -r /tmp/requirements.txt",
            )
        )
        after.append(run("pip install --no-cache-dir --no-deps ."))
        return before, after
    if _installable(ctx):
        comment = guess or ctx.guess(
            "no requirements or lock file: pip resolves the dependencies at build time"
        )
        after.append(run("pip install --no-cache-dir .", comment=comment))
    return before, after


def _server(ctx: PlanContext, name: str) -> list[Instruction]:
    """Install a server the start command needs but the app does not declare."""
    if name in ctx.dependencies("pypi"):
        return []
    pin = SERVER_VERSIONS[name]
    comment = ctx.guess(
        f"{name} is not a dependency of the app: installed here; add it to the app's dependencies"
    )
    return [run(f'pip install --no-cache-dir "{name}=={pin}"', comment=comment)]


def _fallback(ctx: PlanContext) -> tuple[str, ...]:
    frameworks = ctx.frameworks()
    for name in ("main.py", "app.py", "wsgi.py", "server.py"):
        if ctx.has(name):
            module = name.removesuffix(".py")
            if "fastapi" in frameworks:
                return ("uvicorn", f"{module}:app")
            if "flask" in frameworks:
                return ("gunicorn", f"{module}:app")
            return ("python", name)
    if "fastapi" in frameworks:
        return ("uvicorn", "main:app")
    if "flask" in frameworks:
        return ("gunicorn", "app:app")
    return ("python", "main.py")


def _launch(ctx: PlanContext) -> tuple[Launch, list[Instruction]]:
    found = ctx.stack.start_command
    tokens = split_command(found.value) if found else None
    remarks: list[str] = []
    if found is not None:
        ctx.note("start command", found.value, where(found), found.guess)
    if tokens is None:
        tokens = _fallback(ctx)
        why = "the detected start command is not a simple command" if found else "no start command detected"
        remarks.append(ctx.guess(f"{' '.join(tokens)}: {why}"))
    elif found is not None and found.guess:
        remarks.append(ctx.guess(f"start command {found.value}"))
    tokens = without_prefix(tokens, ("exec",))
    if tokens[:2] in (("python", "-m"), ("python3", "-m")) and tokens[2:3] in (("gunicorn",), ("uvicorn",)):
        tokens = tokens[2:]
    extra: list[Instruction] = []
    head = tokens[0]
    if head == "gunicorn":
        extra = _server(ctx, "gunicorn")
        if ctx.port_mode() != "env" or option_value(tokens, "-b", "--bind"):
            tokens = set_option(tokens, ("--bind", "-b"), "0.0.0.0:$PORT")
            remarks.append(
                "--bind overrides any bind of gunicorn.conf.py: listen on all interfaces, on $PORT"
            )
        else:
            remarks.append("gunicorn.conf.py binds to $PORT on all interfaces")
    elif head == "uvicorn":
        extra = _server(ctx, "uvicorn")
        if not any(_TARGET.match(t) for t in tokens[1:2]):
            remarks.append(ctx.guess("uvicorn target not found"))
        tokens = set_option(set_option(tokens, ("--host",), "0.0.0.0"), ("--port",), "$PORT")
    elif head in ("flask",) and "run" in tokens:
        tokens = set_option(set_option(tokens, ("--host", "-h"), "0.0.0.0"), ("--port", "-p"), "$PORT")
        remarks.append("flask run is a development server: prefer gunicorn")
    elif head in ("python", "python3") and tokens[1:3] == ("manage.py", "runserver"):
        tokens = ("python", "manage.py", "runserver", "0.0.0.0:$PORT")
        remarks.append("runserver is Django's development server: prefer gunicorn with the WSGI module")
    else:
        remarks.append("make sure the app listens on 0.0.0.0 and on $PORT")
    return Launch(tokens, remarks=tuple(remarks)), extra


def plan_python(ctx: PlanContext) -> StackResult:
    version = ctx.version(DEFAULT_VERSION, "python", _major_minor)
    for found in ctx.stack.build_tools:
        ctx.note("build tool", found.value, where(found), found.guess)
    for framework in ctx.stack.frameworks:
        ctx.note("framework", framework.value, where(framework), framework.guess)
    tools = ctx.tools()
    tool = next((t for t in ("uv", "poetry", "pipenv") if t in tools), "pip")
    source = where(ctx.stack.runtime_version) or "default"
    base = BaseImage("python", "{PYTHON_VERSION}-slim", (("PYTHON_VERSION", version),), "build", source)
    build_image = ctx.image(base)
    runtime_image = ctx.image(
        BaseImage("python", "{PYTHON_VERSION}-slim", (("PYTHON_VERSION", version),), "runtime", source)
    )
    port = ctx.port(8000, "gunicorn's and Django's default")
    health = ctx.health()
    launch, server_steps = _launch(ctx)
    before, after = _dependency_steps(ctx, tool, version)
    if "django" in ctx.frameworks() and ctx.has("manage.py"):
        ctx.advise(
            Note(
                "build",
                "Django static files",
                "when the app serves its static files itself (WhiteNoise) or ships them to a CDN, add "
                "`RUN python manage.py collectstatic --noinput` after `COPY . .` in the build stage "
                "(its settings must load without production secrets)",
            )
        )
    build = Stage(
        "build",
        "build: a virtualenv with the dependencies, then the app",
        (
            from_(build_image, "build"),
            env(
                [
                    ("PIP_NO_CACHE_DIR", "1"),
                    ("PIP_DISABLE_PIP_VERSION_CHECK", "1"),
                    ("PYTHONDONTWRITEBYTECODE", "1"),
                    ("VIRTUAL_ENV", VENV),
                    ("UV_PROJECT_ENVIRONMENT", VENV),
                ]
                if tool == "uv"
                else [
                    ("PIP_NO_CACHE_DIR", "1"),
                    ("PIP_DISABLE_PIP_VERSION_CHECK", "1"),
                    ("PYTHONDONTWRITEBYTECODE", "1"),
                    ("VIRTUAL_ENV", VENV),
                ]
            ),
            run(f"python -m venv {VENV}"),
            env([("PATH", f"{VENV}/bin:$PATH")]),
            workdir(APP_DIR),
            *before,
            *server_steps,
            copy(["."], "."),
            *after,
        ),
    )
    dirs = ctx.writable_dirs()
    runtime = Stage(
        "runtime",
        "runtime: the virtualenv and the app, no build tools",
        (
            from_(runtime_image, "runtime"),
            env(
                [
                    ("PYTHONDONTWRITEBYTECODE", "1"),
                    ("PYTHONUNBUFFERED", "1"),
                    ("VIRTUAL_ENV", VENV),
                    ("PATH", f"{VENV}/bin:$PATH"),
                    ("PORT", str(port)),
                ],
                "unbuffered output: logs reach `docker logs` at once",
            ),
            run(debian_user(ctx.options.uid), *writable(dirs, ctx.options.uid)),
            workdir(APP_DIR),
            copy([VENV], VENV, from_stage="build"),
            copy([APP_DIR], APP_DIR, from_stage="build"),
            *state_folder(ctx, ctx.options.uid),
            *closing(ctx, launch, port=port, health=health, probe_tool="python", uid=ctx.options.uid),
        ),
    )
    return StackResult(
        stack=f"python/{tool}",
        stages=[build, runtime],
        port=port,
        health_path=health,
        dockerignore=[
            "__pycache__/",
            "*.py[cod]",
            ".venv",
            "venv",
            ".pytest_cache",
            ".mypy_cache",
            ".ruff_cache",
            ".tox",
            ".nox",
            ".coverage",
            "htmlcov",
            "*.egg-info",
            "build",
            "dist",
        ],
    )
