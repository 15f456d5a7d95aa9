"""Where apps are assessed: local worker processes, or a Dask cluster.

Both executors run each app in a worker process (:mod:`assess.portfolio.worker`) that holds the
compiled rules, has its address space capped, and is killed when an app takes longer than the
timeout (the app becomes an error row "timed out after N s" and a fresh worker takes the next
one). The local executor keeps one such process per slot, driven from a thread; the Dask executor
does the same inside every Dask worker thread, so both produce identical outcomes. Tasks are
pulled from the input lazily, with only a few in flight per slot: memory does not grow with the
portfolio.
"""

from __future__ import annotations

import contextlib
import os
import select
import signal
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from typing import IO, Any, Protocol

from assess.portfolio.assessor import ErrorKind, Outcome, WorkerSettings
from assess.portfolio.inputs import WorkItem
from assess.portfolio.worker import _HEADER, MAX_FRAME, write_frame

STARTUP_TIMEOUT = 300.0
_STDERR_TAIL = 1500


class ExecutorError(Exception):
    """The executor cannot run at all (a worker that cannot start, an unreachable scheduler)."""


@dataclass(frozen=True)
class Task:
    """One app to assess: its position in the run, the item, and the commit resolved for it."""

    seq: int
    item: WorkItem
    commit: str | None = None

    def request(self) -> dict[str, Any]:
        return {"item": self.item.to_dict(), "commit": self.commit}


class Executor(Protocol):
    """Runs tasks and yields (task, outcome) pairs as they finish, in any order."""

    def imap_unordered(self, tasks: Iterable[Task]) -> Iterator[tuple[Task, Outcome]]: ...

    def close(self) -> None: ...


def _signal_name(code: int) -> str:
    try:
        return signal.Signals(-code).name
    except ValueError:
        return f"signal {-code}"


class AppProcess:
    """One worker process, started on first use and restarted after a timeout, crash or memory error."""

    def __init__(self, settings: WorkerSettings, rubric_hash: str | None = None) -> None:
        self.settings = settings
        self.rubric_hash = rubric_hash
        self._proc: subprocess.Popen[bytes] | None = None
        self._stderr: IO[bytes] | None = None
        self._buffer = bytearray()
        self._closed = False
        self.started = 0

    # ----------------------------------------------------------------- process life

    def _start(self) -> subprocess.Popen[bytes]:
        self._stderr = tempfile.TemporaryFile()  # noqa: SIM115 - lives as long as the worker process
        proc = subprocess.Popen(
            [sys.executable, "-m", "assess.portfolio.worker"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._stderr,
            start_new_session=True,
            close_fds=True,
        )
        self._proc = proc
        self._buffer = bytearray()
        self.started += 1
        assert proc.stdin is not None
        try:
            write_frame(proc.stdin, {"settings": self.settings.encode()})
            hello = self._read(STARTUP_TIMEOUT)
        except (BrokenPipeError, TimeoutError) as exc:
            self._kill()
            raise ExecutorError(f"a worker process did not start: {exc or 'timed out'}") from exc
        if hello is None or not hello.get("ready"):
            detail = (hello or {}).get("error") or self._stderr_tail() or "no answer"
            self._kill()
            raise ExecutorError(f"a worker process did not start: {detail}")
        if self.rubric_hash and hello.get("rubric_hash") != self.rubric_hash:
            self._kill()
            raise ExecutorError(
                f"a worker loaded other rules or rubric (hash {hello.get('rubric_hash')}, "
                f"expected {self.rubric_hash}): give every worker the same files"
            )
        return proc

    def _kill(self) -> None:
        proc, self._proc = self._proc, None
        if proc is None:
            return
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(proc.pid, signal.SIGKILL)
        with contextlib.suppress(ProcessLookupError):
            proc.kill()
        proc.wait()
        for stream in (proc.stdin, proc.stdout):
            if stream is not None:
                with contextlib.suppress(OSError):
                    stream.close()
        if self._stderr is not None:
            self._stderr.close()
            self._stderr = None

    def close(self) -> None:
        """Stop the worker process (if any); later calls to :meth:`run` fail fast."""
        self._closed = True
        proc = self._proc
        if proc is not None and proc.stdin is not None:
            with contextlib.suppress(OSError):
                proc.stdin.close()
        self._kill()

    def _stderr_tail(self) -> str:
        if self._stderr is None:
            return ""
        try:
            self._stderr.seek(0, os.SEEK_END)
            size = self._stderr.tell()
            self._stderr.seek(max(0, size - _STDERR_TAIL))
            text = self._stderr.read().decode("utf-8", "replace").strip()
        except (OSError, ValueError):
            return ""
        return text.splitlines()[-1] if text else ""

    # ----------------------------------------------------------------- protocol

    def _read(self, timeout: float) -> dict[str, Any] | None:
        """One frame from the worker within ``timeout`` s; None when it died; TimeoutError."""
        import json
        import time

        proc = self._proc
        assert proc is not None and proc.stdout is not None
        fd = proc.stdout.fileno()
        deadline = time.monotonic() + timeout
        while True:
            if len(self._buffer) >= _HEADER.size:
                (size,) = _HEADER.unpack(self._buffer[: _HEADER.size])
                if size > MAX_FRAME:
                    return None
                end = _HEADER.size + size
                if len(self._buffer) >= end:
                    data = bytes(self._buffer[_HEADER.size : end])
                    del self._buffer[:end]
                    message = json.loads(data)
                    return message if isinstance(message, dict) else None
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError
            ready, _, _ = select.select([fd], [], [], remaining)
            if not ready:
                continue
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                return None
            self._buffer.extend(chunk)

    def run(self, task: Task) -> Outcome:
        """Assess one task in the worker process, within the timeout."""
        if self._closed:
            return Outcome.failure(ErrorKind.CRASH, "run interrupted")
        timeout = self.settings.limits.timeout
        proc = self._proc if self._proc is not None and self._proc.poll() is None else None
        if proc is None:
            self._kill()
            proc = self._start()
        assert proc.stdin is not None
        try:
            write_frame(proc.stdin, task.request())
            reply = self._read(timeout if timeout > 0 else float("inf"))
        except TimeoutError:
            self._kill()
            return Outcome.failure(ErrorKind.TIMEOUT, f"timed out after {timeout:g} s", timeout)
        except (BrokenPipeError, ValueError, OSError):
            reply = None
        if reply is None:
            return self._died()
        outcome = Outcome.from_dict(reply)
        if outcome.restart:
            self._kill()
        return outcome

    def _died(self) -> Outcome:
        if self._closed:
            return Outcome.failure(ErrorKind.CRASH, "run interrupted")
        proc = self._proc
        code = proc.wait() if proc is not None else 0
        tail = self._stderr_tail()
        self._kill()
        how = f"killed by {_signal_name(code)}" if code < 0 else f"exit code {code}"
        message = f"worker process died ({how})"
        limit = self.settings.limits.max_memory_mb
        if limit > 0 and code in (-signal.SIGABRT, -signal.SIGSEGV, -signal.SIGBUS, 1):
            message += f"; the memory limit of {limit} MiB may be too low"
        if tail:
            message += f": {tail}"
        return Outcome.failure(ErrorKind.CRASH, message)


class LocalExecutor:
    """``workers`` worker processes on this machine, each driven by one thread."""

    def __init__(self, settings: WorkerSettings, workers: int, *, rubric_hash: str | None = None) -> None:
        self.settings = settings
        self.workers = max(1, workers)
        self.rubric_hash = rubric_hash
        self._pool: ThreadPoolExecutor | None = None
        self._local = threading.local()
        self._procs: list[AppProcess] = []
        self._lock = threading.Lock()

    def _run(self, task: Task) -> Outcome:
        proc: AppProcess | None = getattr(self._local, "proc", None)
        if proc is None:
            proc = AppProcess(self.settings, self.rubric_hash)
            with self._lock:
                self._procs.append(proc)
            self._local.proc = proc
        return proc.run(task)

    def imap_unordered(self, tasks: Iterable[Task]) -> Iterator[tuple[Task, Outcome]]:
        source = iter(tasks)
        limit = self.workers * 2
        running: dict[Future[Outcome], Task] = {}
        exhausted = False
        while True:
            while not exhausted and len(running) < limit:
                task = next(source, None)
                if task is None:
                    exhausted = True
                    break
                if self._pool is None:
                    self._pool = ThreadPoolExecutor(self.workers, thread_name_prefix="assess-worker")
                running[self._pool.submit(self._run, task)] = task
            if not running:
                return
            done, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in done:
                task = running.pop(future)
                yield task, future.result()

    def close(self) -> None:
        with self._lock:
            procs = list(self._procs)
        for proc in procs:
            proc.close()
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


def make_executor(
    kind: str,
    settings: WorkerSettings,
    workers: int,
    *,
    scheduler: str | None = None,
    rubric_hash: str | None = None,
) -> Executor:
    """``local`` (default) or ``dask`` (needs the ``dask`` extra; ``scheduler`` = an address or None
    for a local cluster of ``workers`` processes)."""
    if kind == "local":
        if scheduler:
            raise ExecutorError("--scheduler needs --executor dask")
        return LocalExecutor(settings, workers, rubric_hash=rubric_hash)
    if kind == "dask":
        try:
            from assess.portfolio.dask_executor import DaskExecutor
        except ImportError as exc:
            raise ExecutorError('the dask executor needs the dask extra: pip install "assess[dask]"') from exc
        return DaskExecutor(settings, workers, scheduler=scheduler, rubric_hash=rubric_hash)
    raise ExecutorError(f"unknown executor {kind!r} (local or dask)")
