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
name, and paths that no longer exist are dropped when the pairs are mapped to code units. A
shallow clone yields the history it has, flagged as such; a folder without history yields none.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

import git

from assess.decompose.settings import HistorySettings
from assess.source.git import SAFE_GIT_CONFIG

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


class _Counting:
    """Counts revisions and shared revisions from ``git log`` output fed in chunks."""

    def __init__(self, log: ChangeLog, settings: HistorySettings, keep: Callable[[str], bool] | None) -> None:
        self.log = log
        self.max_size = settings.max_changeset_size
        self.keep = keep
        self.window = settings.since_days * 86_400 if settings.since_days else None
        self.cutoff: int | None = None
        self.files: list[bytes] = []
        self.in_commit = False
        self.partial = b""
        self.done = False

    def _close_commit(self) -> None:
        if not self.in_commit:
            return
        files = self.files
        self.files = []
        self.in_commit = False
        log = self.log
        if len(files) > self.max_size:
            log.large += 1
            return
        log.counted += 1
        names = sorted({unquote_path(f) for f in files})
        if self.keep is not None:
            names = [n for n in names if self.keep(n)]
        if not names:
            return
        log.revisions.update(names)
        if len(names) > 1:
            log.shared.update(combinations(names, 2))

    def _header(self, line: bytes) -> bool:
        """Start a commit; False once the commit is older than the window (reading stops)."""
        self._close_commit()
        stamp = line[1:].rpartition(b" ")[2]
        when = int(stamp) if stamp.isdigit() else 0
        log = self.log
        if log.newest is None:
            log.newest = when
            if self.window is not None:
                self.cutoff = when - self.window
        if self.cutoff is not None and when < self.cutoff:
            self.done = True
            return False
        log.oldest = when
        log.commits += 1
        self.in_commit = True
        return True

    def feed(self, chunk: bytes) -> None:
        if self.done:
            return
        lines = (self.partial + chunk).split(b"\n")
        self.partial = lines.pop()
        for line in lines:
            if not line:
                continue
            if line[:1] == _MARK:
                if not self._header(line):
                    return
            elif self.in_commit:
                self.files.append(line)

    def finish(self) -> ChangeLog:
        if not self.done:
            if self.partial:
                self.feed(b"\n")
            self._close_commit()
        return self.log


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


def log_command(settings: HistorySettings) -> list[str]:
    """The one ``git log`` command that reads the history."""
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
    return command


def _chunks(stream: object) -> Iterator[bytes]:
    read = getattr(stream, "read1", None) or getattr(stream, "read")  # noqa: B009
    while True:
        chunk = read(_CHUNK)
        if not chunk:
            return
        yield chunk


def _is_shallow(root: Path) -> bool:
    try:
        out = git.Git(str(root)).execute(
            ["git", "rev-parse", "--is-shallow-repository"], with_extended_output=False
        )
    except git.GitCommandError:
        return False
    return str(out).strip() == "true"


def read_change_log(
    root: Path, settings: HistorySettings, keep: Callable[[str], bool] | None = None
) -> ChangeLog:
    """Read the history of the repository at ``root`` in one streamed ``git log`` pass.

    ``keep`` selects the files whose coupling matters (others still count toward a commit's
    size). Never raises for a missing or empty history: the result says why it is empty.
    """
    if not settings.enabled:
        return ChangeLog(note="change coupling is switched off in the rubric")
    if not (root / ".git").exists():
        return ChangeLog(note="not a git repository: no change coupling")
    counting = _Counting(ChangeLog(), settings, keep)
    process = git.Git(str(root)).execute(log_command(settings), as_process=True)
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
