""".NET: ``dotnet restore`` on the project file (locked mode with packages.lock.json), then
``dotnet publish`` in the SDK image; ASP.NET Core runs on the aspnet image, console apps on the
runtime image. .NET Framework gets no Linux scaffold: an explanation and a Windows container."""

from __future__ import annotations

import re

from assess.dockerfile.commands import Launch
from assess.dockerfile.common import closing, debian_user, state_folder, writable
from assess.dockerfile.images import BaseImage
from assess.dockerfile.instructions import (
    Instruction,
    comment_text,
    copy,
    env,
    from_,
    is_safe_path,
    run,
    workdir,
)
from assess.dockerfile.plan import APP_DIR, PlanContext, StackResult, Stage, where
from assess.model import Assessment

DEFAULT_VERSION = "8.0"
IMAGE_UID = 1654
"""The ``app`` user the .NET 8+ images bring (``$APP_UID``)."""
_DLL = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.-]*\.dll$")


def _major_minor(value: str) -> str | None:
    match = re.match(r"^(?:net(?:coreapp)?)?(\d+)(?:\.(\d+))?", value)
    return f"{match.group(1)}.{match.group(2) or 0}" if match else None


def _project(ctx: PlanContext) -> str | None:
    runtime = ctx.stack.runtime
    rel = ctx.rel(runtime.file) if runtime else None
    return rel if rel and rel.endswith((".csproj", ".fsproj", ".vbproj")) and is_safe_path(rel) else None


def plan_dotnet(ctx: PlanContext) -> StackResult:
    version = ctx.version(DEFAULT_VERSION, "dotnet", _major_minor)
    for found in ctx.stack.build_tools:
        ctx.note("build tool", found.value, where(found), found.guess)
    for framework in ctx.stack.frameworks:
        ctx.note("framework", framework.value, where(framework), framework.guess)
    web = "aspnet-core" in ctx.frameworks()
    source = where(ctx.stack.runtime_version) or "default"
    sdk = ctx.image(
        BaseImage(
            "mcr.microsoft.com/dotnet/sdk",
            "{DOTNET_VERSION}",
            (("DOTNET_VERSION", version),),
            "build",
            source,
        )
    )
    runtime_repo = "mcr.microsoft.com/dotnet/aspnet" if web else "mcr.microsoft.com/dotnet/runtime"
    image = ctx.image(
        BaseImage(runtime_repo, "{DOTNET_VERSION}", (("DOTNET_VERSION", version),), "runtime", source)
    )
    project = _project(ctx)
    start = ctx.stack.start_command
    dll = "app.dll"
    if start is not None:
        ctx.note("start command", start.value, where(start), start.guess)
        name = start.value.split()[-1]
        if _DLL.match(name):
            dll = name
    if project is None:
        ctx.guess("no project file found: publishing the folder's only project")
    manifests = [project] if project else []
    manifests += [
        n
        for n in ("NuGet.config", "nuget.config", "Directory.Build.props", "Directory.Packages.props")
        if ctx.has(n)
    ]
    locked = ctx.has("packages.lock.json")
    target = project or "."
    steps: list[Instruction] = []
    if manifests:
        files = [*manifests, "packages.lock.json"] if locked else manifests
        steps.append(copy(files, "./", comment="the project file first: restore is a cached layer"))
    else:
        steps.append(copy(["."], "."))
    steps.append(
        run(
            f"dotnet restore {target}" + (" --locked-mode" if locked else ""),
            comment="--locked-mode: packages.lock.json must match"
            if locked
            else "add packages.lock.json (RestorePackagesWithLockFile) for a lock-file-strict restore",
        )
    )
    if manifests:
        steps.append(copy(["."], "."))
    steps.append(run(f"dotnet publish {target} -c Release -o /out --no-restore"))
    build = Stage(
        "build",
        "build: restore, then publish a Release build",
        (
            from_(sdk, "build"),
            env([("DOTNET_CLI_TELEMETRY_OPTOUT", "1"), ("DOTNET_NOLOGO", "1")]),
            workdir("/src"),
            *steps,
        ),
    )
    modern = int(version.split(".")[0]) >= 8
    uid = IMAGE_UID if modern else ctx.options.uid
    dirs = ctx.writable_dirs()
    health = ctx.health()
    prepare: list[Instruction] = []
    user_cmds = ([] if modern else [debian_user(uid)]) + writable(dirs, uid)
    if user_cmds:
        prepare.append(run(*user_cmds))
    if web:
        port = ctx.port(8080, "the aspnet image's default (ASPNETCORE_HTTP_PORTS)")
        settings = [("PORT", str(port)), ("ASPNETCORE_HTTP_PORTS", str(port))]
        argv: tuple[str, ...] = ("dotnet", dll, "--urls", "http://0.0.0.0:$PORT")
        remarks: tuple[str, ...] = (
            "--urls overrides launchSettings.json and appsettings: all interfaces, on $PORT",
        )
    else:
        port = ctx.port(8080, "a console app: nothing listens unless the app opens a port")
        settings = [("PORT", str(port))]
        argv = ("dotnet", dll)
        remarks = ()
    final = Stage(
        "runtime",
        f"runtime: the {'ASP.NET Core' if web else '.NET'} runtime and the published app",
        (
            from_(image, "runtime"),
            env(settings, "Kestrel listens on this port"),
            *prepare,
            workdir(APP_DIR),
            copy(["/out/"], "./", from_stage="build"),
            *state_folder(ctx, uid),
            *closing(
                ctx,
                Launch(argv, remarks=remarks),
                port=port,
                health=health,
                probe_tool=None,
                uid=uid,
                no_probe_reason="the .NET runtime images have no curl or wget",
            ),
        ),
    )
    return StackResult(
        "dotnet/aspnet-core" if web else "dotnet/console",
        [build, final],
        port,
        health,
        ["bin", "obj", "*.user", "*.suo", ".vs", "TestResults"],
        uid,
    )


def framework_alternative(assessment: Assessment) -> tuple[str, str]:
    """(why there is no Linux scaffold, a Windows-container Dockerfile as the alternative)."""
    version = assessment.stack.runtime_version
    detected = version.value if version else "4.x"
    at = where(version) if version else "the project file"
    reason = comment_text(
        f".NET Framework {detected} (from {at}) runs only on Windows: no Linux container image can run it."
        " Either port the app to .NET 8 (ASP.NET Core), or run it in a Windows container"
        " (Windows Server nodes, e.g. an AKS/EKS Windows node pool) with the Dockerfile.windows below.",
        600,
    )
    alternative = "\n".join(
        [
            "# Windows container: build with MSBuild in the SDK image, serve with IIS (ServiceMonitor).",
            "FROM mcr.microsoft.com/dotnet/framework/sdk:4.8-windowsservercore-ltsc2022 AS build",
            "WORKDIR C:/src",
            "COPY . .",
            "RUN nuget restore; msbuild /p:Configuration=Release /p:DeployOnBuild=true"
            " /p:WebPublishMethod=FileSystem /p:PublishUrl=C:/out",
            "",
            "FROM mcr.microsoft.com/dotnet/framework/aspnet:4.8-windowsservercore-ltsc2022",
            "WORKDIR C:/inetpub/wwwroot",
            "COPY --from=build C:/out/ .",
            "EXPOSE 80",
        ]
    )
    return reason, alternative
