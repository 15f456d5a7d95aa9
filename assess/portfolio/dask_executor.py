"""The Dask executor: the same worker processes, inside the threads of a Dask cluster's workers.

``DaskExecutor(settings, workers, scheduler=ADDRESS)`` connects to an existing scheduler; without
an address it starts a local cluster (``workers`` processes, one thread each, on 127.0.0.1). A
worker plugin carries the settings to every Dask worker, where each thread drives one
:class:`~assess.portfolio.executors.AppProcess`, with the same timeout and memory limit as a
local run; outcomes are therefore identical. Every Dask worker must be able to import ``assess``
(same version) and read the sources: git URLs work anywhere, local folders and archives need a
shared file system.

Imported only when ``--executor dask`` is asked for (needs ``pip install "assess[dask]"``).
"""

from __future__ import annotations

import contextlib
import logging
import threading
import uuid
from collections.abc import Iterable, Iterator
from typing import Any

from distributed import Client, LocalCluster, as_completed, get_worker
from distributed.diagnostics.plugin import WorkerPlugin

from assess.portfolio.assessor import ErrorKind, Outcome, WorkerSettings
from assess.portfolio.executors import AppProcess, ExecutorError, Task


class AssessWorkerPlugin(WorkerPlugin):
    """Holds the settings on a Dask worker and one worker process per Dask thread."""

    def __init__(self, settings: str, rubric_hash: str | None) -> None:
        self.settings = settings
        self.rubric_hash = rubric_hash
        self._procs: list[AppProcess] = []
        self._local: threading.local | None = None
        self._lock: threading.Lock | None = None

    def __getstate__(self) -> dict[str, Any]:  # threads and processes stay behind
        return {"settings": self.settings, "rubric_hash": self.rubric_hash}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.settings = state["settings"]
        self.rubric_hash = state["rubric_hash"]
        self._procs = []
        self._local = None
        self._lock = None

    def setup(self, worker: Any) -> None:
        self._local = threading.local()
        self._lock = threading.Lock()

    def run(self, request: dict[str, Any]) -> dict[str, Any]:
        assert self._local is not None and self._lock is not None
        proc: AppProcess | None = getattr(self._local, "proc", None)
        if proc is None:
            proc = AppProcess(WorkerSettings.decode(self.settings), self.rubric_hash)
            with self._lock:
                self._procs.append(proc)
            self._local.proc = proc
        task = Task(seq=int(request["seq"]), item=_item(request["item"]), commit=request.get("commit"))
        try:
            return proc.run(task).to_dict()
        except ExecutorError as exc:
            return Outcome.failure(ErrorKind.CRASH, str(exc)).to_dict() | {"executor_error": str(exc)}

    def teardown(self, worker: Any) -> None:
        if self._lock is None:
            return
        with self._lock:
            procs = list(self._procs)
        for proc in procs:
            proc.close()


def _item(data: dict[str, Any]) -> Any:
    from assess.portfolio.inputs import WorkItem

    return WorkItem.from_dict(data)


def run_on_worker(plugin_name: str, request: dict[str, Any]) -> dict[str, Any]:
    """The Dask task: assess one request with this worker's plugin."""
    plugin = get_worker().plugins[plugin_name]
    assert isinstance(plugin, AssessWorkerPlugin)
    return plugin.run(request)


class DaskExecutor:
    """Tasks on a Dask cluster; the cluster is started (or connected to) on first use."""

    def __init__(
        self,
        settings: WorkerSettings,
        workers: int,
        *,
        scheduler: str | None = None,
        rubric_hash: str | None = None,
    ) -> None:
        self.settings = settings
        self.workers = max(1, workers)
        self.scheduler = scheduler
        self.rubric_hash = rubric_hash
        self.plugin_name = f"assess-{uuid.uuid4().hex[:12]}"
        self._cluster: LocalCluster | None = None
        self._client: Client | None = None

    def _connect(self) -> Client:
        if self._client is not None:
            return self._client
        try:
            if self.scheduler:
                client = Client(self.scheduler, timeout="30s")
            else:
                self._cluster = LocalCluster(
                    n_workers=self.workers,
                    threads_per_worker=1,
                    processes=True,
                    host="127.0.0.1",
                    dashboard_address="127.0.0.1:0",
                    silence_logs=logging.ERROR,
                )
                client = Client(self._cluster)
        except (OSError, TimeoutError) as exc:
            raise ExecutorError(f"cannot reach the Dask scheduler {self.scheduler or ''}: {exc}") from exc
        client.register_plugin(
            AssessWorkerPlugin(self.settings.encode(), self.rubric_hash), name=self.plugin_name
        )
        self._client = client
        return client

    def imap_unordered(self, tasks: Iterable[Task]) -> Iterator[tuple[Task, Outcome]]:
        source = iter(tasks)
        first = next(source, None)
        if first is None:
            return
        client = self._connect()
        threads = sum(client.nthreads().values()) or self.workers
        limit = max(2, threads * 2)
        pending: dict[object, Task] = {}
        completed = as_completed()

        def submit(task: Task) -> None:
            request = task.request() | {"seq": task.seq}
            future = client.submit(
                run_on_worker, self.plugin_name, request, key=f"{self.plugin_name}-{task.seq}", pure=False
            )
            pending[future.key] = task
            completed.add(future)

        submit(first)
        exhausted = False
        while not exhausted and len(pending) < limit:
            task = next(source, None)
            if task is None:
                exhausted = True
            else:
                submit(task)
        for future in completed:
            task = pending.pop(future.key)
            try:
                data = future.result()
            except Exception as exc:  # a lost worker, a cancelled task
                outcome = Outcome.failure(ErrorKind.CRASH, f"dask task failed: {type(exc).__name__}: {exc}")
            else:
                if data.get("executor_error"):
                    raise ExecutorError(str(data["executor_error"]))
                outcome = Outcome.from_dict(data)
            future.release()
            yield task, outcome
            while not exhausted and len(pending) < limit:
                task = next(source, None)
                if task is None:
                    exhausted = True
                else:
                    submit(task)

    def close(self) -> None:
        client, self._client = self._client, None
        if client is not None:
            with contextlib.suppress(Exception):
                client.unregister_worker_plugin(self.plugin_name)
            with contextlib.suppress(Exception):
                client.close()
        cluster, self._cluster = self._cluster, None
        if cluster is not None:
            with contextlib.suppress(Exception):
                cluster.close()
