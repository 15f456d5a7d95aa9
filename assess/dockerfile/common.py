"""Pieces every stack planner's final stage shares: the non-root user, writable folders, the
health probe, and the closing USER / EXPOSE / HEALTHCHECK / CMD instructions."""

from __future__ import annotations

from collections.abc import Sequence

from assess.dockerfile.commands import Launch, uses_port
from assess.dockerfile.instructions import (
    Instruction,
    cmd,
    entrypoint,
    expose,
    healthcheck,
    run,
    safe_path,
    shell_argv,
    shell_word,
    user,
)
from assess.dockerfile.plan import APP_DIR, PlanContext


def debian_user(uid: int) -> str:
    """Create the ``app`` user and group with a fixed numeric id (Debian/Ubuntu images)."""
    return (
        f"groupadd --system --gid {int(uid)} app"
        f" && useradd --system --uid {int(uid)} --gid app --no-create-home"
        " --home-dir /nonexistent --shell /usr/sbin/nologin app"
    )


def writable(dirs: Sequence[str], uid: int) -> list[str]:
    """Shell commands creating ``dirs`` owned by ``uid`` (the rest of the app stays root-owned)."""
    if not dirs:
        return []
    words = " ".join(shell_word(safe_path(d)) for d in dirs)
    return [f"mkdir -p {words}", f"chown {int(uid)}:{int(uid)} {words}"]


def state_folder(ctx: PlanContext, uid: int, workdir: str = APP_DIR) -> list[Instruction]:
    """When findings show the app writing files where it chooses (its own folder, typically), let it
    create folders in ``workdir`` without being able to change its code: the folder becomes
    group-writable for the app's group with the sticky bit (like /tmp), the files stay root's."""
    if not ctx.writes_locally():
        return []
    return [
        run(
            f"chown root:{int(uid)} {shell_word(workdir)}",
            f"chmod 1775 {shell_word(workdir)}",
            comment=[
                "the findings show the app writing files (notes above): it may create folders in "
                f"{workdir} (sticky bit: it cannot change the code); mount volumes for data to keep",
            ],
        )
    ]


def probe(tool: str, path: str, port: int) -> tuple[str, ...] | None:
    """A health probe command using ``tool`` that is in the runtime image; reads ``$PORT``."""
    url = f"http://127.0.0.1:%s{path}"
    if tool == "python":
        code = (
            "import os, urllib.request; "
            f"urllib.request.urlopen('{url}' % os.environ.get('PORT', '{port}'), timeout=4)"
        )
        return ("python", "-c", code)
    if tool == "node":
        code = (
            f"require('http').get('http://127.0.0.1:' + (process.env.PORT || {port}) + '{path}', "
            "(r) => process.exit(r.statusCode < 400 ? 0 : 1)).on('error', () => process.exit(1))"
        )
        return ("node", "-e", code)
    if tool == "ruby":
        code = (
            "require 'net/http'; "
            f"r = Net::HTTP.get_response(URI(\"http://127.0.0.1:#{{ENV.fetch('PORT', '{port}')}}{path}\")); "
            "exit(r.code.to_i < 400 ? 0 : 1)"
        )
        return ("ruby", "-e", code)
    if tool == "php":
        code = (
            f"exit(@file_get_contents('http://127.0.0.1:' . (getenv('PORT') ?: '{port}') . '{path}')"
            " === false ? 1 : 0);"
        )
        return ("php", "-r", code)
    if tool == "curl":
        return ("sh", "-c", f'curl -fsS -o /dev/null "http://127.0.0.1:${{PORT:-{port}}}{path}" || exit 1')
    if tool == "wget":
        return ("sh", "-c", f'wget -q -O /dev/null "http://127.0.0.1:${{PORT:-{port}}}{path}" || exit 1')
    return None


def closing(
    ctx: PlanContext,
    launch: Launch,
    *,
    port: int,
    health: str | None,
    probe_tool: str | None,
    uid: int,
    gid: int | None = None,
    start_period: int = 20,
    no_probe_reason: str = "",
    port_env: bool = True,
    listens: str = "",
) -> list[Instruction]:
    """USER, EXPOSE, HEALTHCHECK (when an endpoint and a probe tool are known) and CMD/ENTRYPOINT.
    ``listens`` says how the server honours PORT when the scaffold configures it (not the app)."""
    if not listens and uses_port(launch.argv):
        listens = (
            f"the app listens on $PORT ({port} unless the platform sets PORT): the command below passes it"
        )
    mode = "given" if listens else ctx.port_mode() if port_env else "image"
    if mode == "given":
        pass
    elif mode == "fixed":
        found = ctx.stack.port
        at = f"{found.file}:{found.line}" if found and found.line else (found.file if found else "")
        listens = (
            f"the app listens on {port}, fixed in the code ({at}): PORT does not change it until the app"
            " reads the PORT environment variable"
        )
    elif mode == "image":
        listens = f"the server listens on {port}"
    elif mode == "env":
        listens = f"the app listens on {port} and reads PORT: set PORT to change it"
    else:
        listens = f"the app listens on {port}; PORT is set for it (check that the app reads PORT)"
    out = [
        user(uid, uid if gid is None else gid, "run as an unprivileged numeric user (never root)"),
        expose(port, listens),
    ]
    probe_argv = probe(probe_tool, health, port) if health and probe_tool else None
    if probe_argv:
        out.append(healthcheck(probe_argv, start_period=start_period, comment=f"liveness: GET {health}"))
    elif health:
        out[-1] = out[-1].with_comment(
            listens,
            f"no HEALTHCHECK: {no_probe_reason or 'no probe tool in the runtime image'};"
            f" let the orchestrator probe GET {health} (e.g. a Kubernetes httpGet liveness probe)",
        )
    else:
        out[-1] = out[-1].with_comment(
            listens,
            "no HEALTHCHECK: the app declares no health endpoint (add one, e.g. GET /healthz)",
        )
    argv = shell_argv(launch.argv) if uses_port(launch.argv) else launch.argv
    remarks = list(launch.remarks)
    if uses_port(launch.argv):
        remarks.append("sh -c expands $PORT; exec hands PID 1 (and SIGTERM) to the app")
    build = entrypoint if launch.entrypoint else cmd
    out.append(build(argv, remarks))
    ctx.note("runs", " ".join(launch.argv), "CMD below")
    return out
