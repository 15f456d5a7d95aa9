"""Go: a static binary built in the golang image (modules verified against go.sum), run from
distroless as its built-in non-root user. cgo dependencies switch to a glibc runtime image."""

from __future__ import annotations

import re

from assess.dockerfile.commands import Launch
from assess.dockerfile.common import closing
from assess.dockerfile.images import BaseImage
from assess.dockerfile.instructions import copy, env, from_, is_safe_path, run, shell_word, workdir
from assess.dockerfile.plan import APP_DIR, PlanContext, StackResult, Stage, where

DEFAULT_VERSION = "1.22"
DISTROLESS_UID = 65532
_CGO = ("github.com/mattn/go-sqlite3", "github.com/confluentinc/confluent-kafka-go")


def _major_minor(value: str) -> str | None:
    match = re.match(r"^(\d+)\.(\d+)", value)
    return f"{match.group(1)}.{match.group(2)}" if match else None


def _target(ctx: PlanContext) -> tuple[str, str]:
    """(package to build, binary name)."""
    found = ctx.stack.start_command
    package = "."
    binary = "app"
    if found is not None:
        ctx.note("start command", found.value, where(found), found.guess)
        name = found.value.removeprefix("./")
        if re.fullmatch(r"[A-Za-z0-9][\w.-]*", name):
            binary = name
        rel = ctx.rel(found.file)
        if rel and rel.endswith("/main.go"):
            folder = rel.rsplit("/", 1)[0]
            if is_safe_path(folder):
                package = f"./{folder}"
    else:
        ctx.guess("no main package found: building the module root")
    return package, binary


def plan_go(ctx: PlanContext) -> StackResult:
    version = ctx.version(DEFAULT_VERSION, "go", _major_minor)
    for tool in ctx.stack.build_tools:
        ctx.note("build tool", tool.value, where(tool), tool.guess)
    for framework in ctx.stack.frameworks:
        ctx.note("framework", framework.value, where(framework), framework.guess)
    source = where(ctx.stack.runtime_version) or "default"
    cgo = any(name in ctx.dependencies("go") for name in _CGO)
    build_image = ctx.image(
        BaseImage("golang", "{GO_VERSION}-bookworm", (("GO_VERSION", version),), "build", source)
    )
    runtime_base = "gcr.io/distroless/base-debian12" if cgo else "gcr.io/distroless/static-debian12"
    runtime_image = ctx.image(BaseImage(runtime_base, "nonroot", (), "runtime"))
    port = ctx.port(8080, "a common default for Go services")
    health = ctx.health()
    package, binary = _target(ctx)
    vendored = ctx.has_dir("vendor")
    module_files = ["go.mod", "go.sum"] if ctx.has("go.sum") else ["go.mod"]
    steps = []
    if vendored:
        steps.append(copy(["."], ".", comment="vendor/ holds the dependencies: no download"))
    else:
        comment = ["module files first, for layer caching"]
        if "go.sum" not in module_files:
            comment.append("no go.sum: the module has no dependencies (or go.sum is missing)")
        steps += [
            copy(module_files, "./", comment=comment),
            run("go mod download", "go mod verify", comment="checks every module against go.sum"),
            copy(["."], "."),
        ]
    dirs = ctx.writable_dirs()
    build_out = "/out"
    build_cmds = [
        f'go build -trimpath -ldflags="-s -w" -o {build_out}/{binary} {shell_word(package)}',
    ]
    if dirs:
        build_cmds.append("mkdir -p " + " ".join(shell_word(f"{build_out}/writable{d}") for d in dirs))
    build = Stage(
        "build",
        "build: a static binary, modules verified against go.sum",
        (
            from_(build_image, "build"),
            env(
                [
                    ("CGO_ENABLED", "1" if cgo else "0"),
                    ("GOOS", "linux"),
                    ("GOTOOLCHAIN", "local"),
                    ("GOFLAGS", "-mod=vendor" if vendored else "-mod=readonly"),
                ],
                "GOTOOLCHAIN=local: build with this image's Go, never download another toolchain",
            ),
            workdir("/src"),
            *steps,
            run(*build_cmds),
        ),
    )
    launch = Launch(
        (f"/usr/local/bin/{binary}",), entrypoint=True, remarks=("the binary is PID 1: handle SIGTERM",)
    )
    runtime = Stage(
        "runtime",
        "runtime: distroless (no shell, no package manager), the binary only",
        (
            from_(runtime_image, "runtime"),
            env([("PORT", str(port))], "the service should read its port from PORT"),
            workdir(APP_DIR),
            copy([f"{build_out}/{binary}"], f"/usr/local/bin/{binary}", from_stage="build"),
            *(
                [
                    copy(
                        [f"{build_out}/writable/"],
                        "/",
                        from_stage="build",
                        chown=f"{DISTROLESS_UID}:{DISTROLESS_UID}",
                    )
                ]
                if dirs
                else []
            ),
            *closing(
                ctx,
                launch,
                port=port,
                health=health,
                probe_tool=None,
                uid=DISTROLESS_UID,
                no_probe_reason="distroless has no shell or HTTP client (add a `healthcheck` subcommand to the binary to have one)",
            ),
        ),
    )
    return StackResult(
        f"go{'/cgo' if cgo else ''}",
        [build, runtime],
        port,
        health,
        ["bin", "*.test", "*.out", "coverage.*"],
        DISTROLESS_UID,
    )
