"""Change coupling from git history: files that change together, as code-maat defines it.

The history is read in **one** streamed ``git log --no-merges --name-only --no-renames`` call
through GitPython (never commit objects one by one) and counted while git is still writing, so
reading costs about what ``git log`` itself costs. From the counts, code-maat's coupling:

* a commit touching more than ``max_changeset_size`` files is ignored (and does not count as a
  revision of its files either);
* ``revisions(f)`` is the number of remaining commits touching file ``f``; ``shared(a, b)`` the
  number touching both;
* ``degree(a, b) = shared / mean(revisions(a), revisions(b)) × 100``;
* a pair is kept when the mean revisions reach ``min_revisions``, the shared revisions reach
  ``min_shared_revisions`` and the degree reaches ``min_coupling``.

Renames are not followed (``--no-renames``): a renamed file starts a fresh history under its new
name, and paths that no longer exist are dropped when the pairs are mapped to code units (as in
code-maat, which reads ``--no-renames`` logs too). A shallow clone yields the history it has,
flagged as such; a folder without history yields none; an app in a subfolder of a repository
gets the history of that subfolder.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from itertools import chain, combinations
from pathlib import Path

import git

from assess.decompose.settings import HistorySettings
from assess.source.git import SAFE_GIT_CONFIG, safe_git_argv

_CHUNK = 1 << 20
_MARK = b"\x00"
_LOG_CONFIG = (*SAFE_GIT_CONFIG, "core.quotePath=false", "log.showSignature=false", "diff.noprefix=false")


@dataclass
class ChangeLog:
    """What one pass over the history counted.

    ``commits`` is every non-merge commit read (inside the window); ``counted`` the ones small
    enough to count; ``revisions`` and ``shared`` are over counted commits and kept files only.
    """

    commits: int = 0
    counted: int = 0
    large: int = 0
    revisions: Counter[str] = field(default_factory=Counter)
    shared: Counter[tuple[str, str]] = field(default_factory=Counter)
    shallow: bool = False
    newest: int | None = None
    oldest: int | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True)
class CoupledPair:
    """Two files that change together: ``degree`` in percent, code-maat style."""

    a: str
    b: str
    shared: int
    revisions_a: int
    revisions_b: int

    @property
    def mean_revisions(self) -> float:
        return (self.revisions_a + self.revisions_b) / 2

    @property
    def degree(self) -> float:
        return self.shared / self.mean_revisions * 100


_ESCAPES = {b"a": 7, b"b": 8, b"t": 9, b"n": 10, b"v": 11, b"f": 12, b"r": 13, b'"': 34, b"\\": 92}
_OCTAL = re.compile(rb"\\([0-7]{3}|.)")


def unquote_path(raw: bytes) -> str:
    """A path as git prints it: C-quoted (``"a\\"b"``, ``"\\303\\251"``) when it holds odd bytes."""
    if len(raw) >= 2 and raw[:1] == b'"' and raw[-1:] == b'"':

        def one(match: re.Match[bytes]) -> bytes:
            code = match.group(1)
            return bytes([int(code, 8)]) if len(code) == 3 else bytes([_ESCAPES.get(code, code[0])])

        raw = _OCTAL.sub(one, raw[1:-1])
    return raw.decode("utf-8", "surrogateescape")


_pairs: Callable[[list[bytes]], Iterator[tuple[bytes, bytes]]] = partial(combinations, r=2)
"""The pairs of a sorted file list (C's ``combinations``, with no Python frame per commit)."""


def _stamp(record: bytes) -> int:
    """The commit time of a record (``HASH TIME\n…``); 0 when unreadable."""
    stamp = record.split(b"\n", 1)[0].rpartition(b" ")[2]
    return int(stamp) if stamp.isdigit() else 0


class _Counting:
    """Counts revisions and shared revisions from ``git log`` output fed in chunks.

    The output is cut into commit records at the NUL that opens each header. A record is
    ``HASH TIME``, a blank line, then one path per line. The commits of a whole chunk are counted
    at once on the raw paths (the per-commit work is a split and a slice; the counting runs in
    ``Counter``'s C loop); paths are decoded and passed through ``keep`` once each, at the end.
    """

    def __init__(self, log: ChangeLog, settings: HistorySettings, keep: Callable[[str], bool] | None) -> None:
        self.log = log
        self.max_size = settings.max_changeset_size
        self.keep = keep
        self.window = settings.since_days * 86_400 if settings.since_days else None
        self.cutoff: int | None = None
        self.revisions: Counter[bytes] = Counter()
        self.shared: Counter[tuple[bytes, bytes]] = Counter()
        self.partial = b""
        self.done = False

    def _within_window(self, records: list[bytes]) -> list[bytes]:
        log = self.log
        if log.newest is None:
            log.newest = _stamp(records[0])
            if self.window is not None:
                self.cutoff = log.newest - self.window
        if self.cutoff is not None:
            for index, record in enumerate(records):
                if _stamp(record) < self.cutoff:
                    self.done = True
                    return records[:index]
        return records

    def _count(self, records: list[bytes]) -> None:
        records = self._within_window(records)
        if not records:
            return
        log = self.log
        log.oldest = _stamp(records[-1])
        log.commits += len(records)
        touched = [record.split(b"\n")[2:-1] for record in records]
        small = [files for files in touched if len(files) <= self.max_size]
        log.large += len(touched) - len(small)
        log.counted += len(small)
        self.revisions.update(chain.from_iterable(small))
        self.shared.update(chain.from_iterable(map(_pairs, map(sorted, small))))

    def feed(self, chunk: bytes) -> None:
        if self.done:
            return
        records = (self.partial + chunk).split(_MARK)
        self.partial = records.pop()
        if records and not records[0]:
            del records[0]
        if records:
            self._count(records)

    def finish(self) -> ChangeLog:
        if not self.done and self.partial:
            self._count([self.partial])
        self.partial = b""
        names: dict[bytes, str] = {}
        for raw in self.revisions:
            name = unquote_path(raw)
            if self.keep is None or self.keep(name):
                names[raw] = name
        log = self.log
        log.revisions = Counter({names[raw]: n for raw, n in self.revisions.items() if raw in names})
        for (a, b), n in self.shared.items():
            if a in names and b in names:
                x, y = names[a], names[b]
                log.shared[(x, y) if x < y else (y, x)] += n
        self.revisions, self.shared = Counter(), Counter()
        return log


def count_log(
    chunks: Iterable[bytes], settings: HistorySettings, keep: Callable[[str], bool] | None = None
) -> ChangeLog:
    """Count ``git log --name-only --format=%x00%H %ct`` output (pure: chunks in, counts out)."""
    counting = _Counting(ChangeLog(), settings, keep)
    for chunk in chunks:
        counting.feed(chunk)
        if counting.done:
            break
    return counting.finish()


def log_command(settings: HistorySettings, *, subfolder: bool = False) -> list[str]:
    """The one ``git log`` command that reads the history; for a ``subfolder`` of a work tree
    (an app inside a monorepo), only the commits touching it, with paths relative to it."""
    command = ["git"]
    for item in _LOG_CONFIG:
        command += ["-c", item]
    command += [
        "log",
        "--no-merges",
        "--name-only",
        "--no-renames",
        "--no-textconv",
        "--no-ext-diff",
        "--no-color",
        "--format=%x00%H %ct",
    ]
    if settings.max_commits:
        command.append(f"--max-count={settings.max_commits}")
    if subfolder:
        command += ["--relative", "--", "."]
    return command


def _chunks(stream: object) -> Iterator[bytes]:
    read = getattr(stream, "read1", None) or getattr(stream, "read")  # noqa: B009
    while True:
        chunk = read(_CHUNK)
        if not chunk:
            return
        yield chunk


def _inside_work_tree(root: Path) -> bool:
    try:
        out = git.Git(str(root)).execute(
            safe_git_argv(["rev-parse", "--is-inside-work-tree"]), with_extended_output=False
        )
    except (git.GitCommandError, OSError):
        return False
    return str(out).strip() == "true"


def _is_shallow(root: Path) -> bool:
    try:
        out = git.Git(str(root)).execute(
            safe_git_argv(["rev-parse", "--is-shallow-repository"]), with_extended_output=False
        )
    except git.GitCommandError:
        return False
    return str(out).strip() == "true"


def read_change_log(
    root: Path, settings: HistorySettings, keep: Callable[[str], bool] | None = None
) -> ChangeLog:
    """Read the history of the repository at ``root`` in one streamed ``git log`` pass.

    ``keep`` selects the files whose coupling matters (others still count toward a commit's
    size). ``root`` may be a folder inside a work tree (an app of a monorepo): then only the
    commits touching it are read, and only its files count. Never raises for a missing or empty
    history: the result says why it is empty.
    """
    if not settings.enabled:
        return ChangeLog(note="change coupling is switched off in the rubric")
    top = (root / ".git").exists()
    if not top and not _inside_work_tree(root):
        return ChangeLog(note="not a git repository: no change coupling")
    counting = _Counting(ChangeLog(), settings, keep)
    process = git.Git(str(root)).execute(log_command(settings, subfolder=not top), as_process=True)
    try:
        stdout = process.proc.stdout if process.proc is not None else None
        for chunk in _chunks(stdout):
            counting.feed(chunk)
            if counting.done:
                break
        if counting.done and process.proc is not None:
            process.proc.kill()
            process.proc.wait()
        else:
            process.wait()
    except git.GitCommandError as exc:
        reason = str(exc.stderr).strip().strip("'").strip() or f"git exited with {exc.status}"
        detail = reason.split("fatal:", 1)[-1].strip()
        return ChangeLog(note=f"no usable history ({detail}): no change coupling")
    log = counting.finish()
    log.shallow = _is_shallow(root)
    if log.commits == 0:
        log.note = "the repository has no commits: no change coupling"
    elif log.shallow:
        log.note = f"shallow clone: change coupling from the {log.commits} commits present only"
    return log


def coupled_pairs(log: ChangeLog, settings: HistorySettings) -> list[CoupledPair]:
    """The file pairs that pass code-maat's thresholds, strongest first."""
    revisions = log.revisions
    pairs: list[CoupledPair] = []
    for (a, b), shared in log.shared.items():
        if shared < settings.min_shared_revisions:
            continue
        pair = CoupledPair(a, b, shared, revisions[a], revisions[b])
        if pair.mean_revisions >= settings.min_revisions and pair.degree >= settings.min_coupling:
            pairs.append(pair)
    pairs.sort(key=lambda p: (-p.degree, -p.shared, p.a, p.b))
    return pairs
