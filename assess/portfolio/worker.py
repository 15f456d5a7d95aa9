"""The worker process: ``python -m assess.portfolio.worker``, driven over its stdin and stdout.

The parent sends length-prefixed JSON frames: first ``{"settings": ...}``, then one request per
app (``{"item": ..., "commit": ...}``); the worker loads the rules and rubric once, limits its
own address space (``RLIMIT_AS``), answers ``{"ready": true, ...}`` and then one
:class:`~assess.portfolio.assessor.Outcome` per request. Anything the scan prints goes to stderr,
never into the protocol. On Linux the worker dies with its parent (``PR_SET_PDEATHSIG``), so a
killed run leaves no orphans; it exits on end of input or after a memory error.
"""

from __future__ import annotations

import ctypes
import json
import os
import resource
import signal
import struct
import sys
from typing import IO, Any

_HEADER = struct.Struct(">I")
MAX_FRAME = 1 << 30


def write_frame(stream: IO[bytes], message: dict[str, Any]) -> None:
    """Write one length-prefixed JSON frame and flush."""
    data = json.dumps(message, separators=(",", ":")).encode("utf-8")
    stream.write(_HEADER.pack(len(data)) + data)
    stream.flush()


def read_frame(stream: IO[bytes]) -> dict[str, Any] | None:
    """Read one frame; None at end of input."""
    header = stream.read(_HEADER.size)
    if len(header) < _HEADER.size:
        return None
    (size,) = _HEADER.unpack(header)
    if size > MAX_FRAME:
        raise ValueError(f"frame of {size} bytes is too large")
    data = stream.read(size)
    if len(data) < size:
        return None
    message = json.loads(data)
    if not isinstance(message, dict):
        raise ValueError("a frame must hold a JSON object")
    return message


def die_with_parent() -> None:
    """Ask Linux to SIGKILL this process when the thread that started it goes away."""
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return


def limit_memory(max_mb: int) -> None:
    """Cap this process's address space at ``max_mb`` MiB (0: no cap)."""
    if max_mb <= 0:
        return
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    wanted = max_mb * 1024 * 1024
    if hard != resource.RLIM_INFINITY:
        wanted = min(wanted, hard)
    resource.setrlimit(resource.RLIMIT_AS, (wanted, hard))


def main() -> int:
    """Serve requests until end of input."""
    parent = os.getppid()
    die_with_parent()
    if os.getppid() != parent:
        return 1
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    requests = sys.stdin.buffer
    replies = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())  # stray prints go to stderr

    from assess import __version__
    from assess.pipeline import load_toolkit
    from assess.portfolio.assessor import ErrorKind, Outcome, WorkerSettings, assess_item
    from assess.portfolio.inputs import WorkItem

    hello = read_frame(requests)
    if hello is None:
        return 0
    settings = WorkerSettings.decode(hello["settings"])
    try:
        toolkit = load_toolkit(settings.config)
    except Exception as exc:
        write_frame(replies, {"ready": False, "error": f"{type(exc).__name__}: {exc}"})
        return 1
    limit_memory(settings.limits.max_memory_mb)
    write_frame(replies, {"ready": True, "rubric_hash": toolkit.rubric_hash, "tool_version": __version__})
    while (request := read_frame(requests)) is not None:
        item = WorkItem.from_dict(request["item"])
        outcome = assess_item(item, toolkit, settings, expected_commit=request.get("commit"))
        try:
            write_frame(replies, outcome.to_dict())
        except MemoryError:
            limit = settings.limits.max_memory_mb
            failure = Outcome.failure(ErrorKind.MEMORY, f"memory limit of {limit} MiB exceeded", restart=True)
            write_frame(replies, failure.to_dict())
            return 0
        if outcome.restart:
            return 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
