"""Change-coupling extraction, side by side in one run: assess, PyDriller, and raw ``git log``.

Generates a repository of ``--commits`` commits (default 20,000) with ``git fast-import``, then
measures on it:

* ``git log`` alone: the exact command assess runs (``--no-merges --name-only --no-renames``),
  its output read to the end and thrown away — the floor any git-based extractor stands on;
* assess: :func:`assess.decompose.history.read_change_log` (one streamed ``git log`` through
  GitPython, counted while git writes) plus :func:`coupled_pairs`;
* PyDriller: ``Repository(...).traverse_commits()`` and each commit's ``modified_files``,
  counted into the same revisions and shared revisions.

It checks that assess and PyDriller found the same revisions and pairs, and prints the times
and the ratios (targets: at least 50× faster than PyDriller, within 1.5× of ``git log``).
PyDriller is in the ``dev`` extra (the bench says so when it is missing). It builds a patch per
commit and needs minutes for 20,000 commits, so by default it reads the newest 2,000 only
(``--pydriller-commits N``; 0 reads them all): assess then reads the same newest commits too, the
counts are checked equal, and the speeds are compared per commit (commits/s), as the output says.
Plain ``git log --name-only`` (git's defaults) is printed for reference.

    python bench/change_coupling.py [--commits 20000] [--modules 40] [--repo DIR]
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

from assess.decompose.history import ChangeLog, count_log, coupled_pairs, log_command, read_change_log
from assess.decompose.settings import HistorySettings

ENV = {
    "GIT_CONFIG_GLOBAL": "/dev/null",
    "GIT_CONFIG_NOSYSTEM": "1",
    "PATH": "/usr/local/bin:/usr/bin:/bin",
    "HOME": "/tmp",
}
SETTINGS = HistorySettings(max_commits=None)
EPOCH = 1_600_000_000


def generate(dest: Path, commits: int, modules: int, files_per_module: int, seed: int) -> None:
    """A repository of ``commits`` commits: feature work inside one module at a time, some
    cross-module changes, and now and then a mass edit larger than the changeset limit."""
    rng = random.Random(seed)
    paths = [[f"src/m{m:02d}/file{f:02d}.py" for f in range(files_per_module)] for m in range(modules)]
    weights = [1 / (m + 1) for m in range(modules)]
    version: Counter[str] = Counter()
    subprocess.run(["git", "init", "-q", "-b", "main", str(dest)], env=ENV, check=True)
    process = subprocess.Popen(["git", "fast-import", "--quiet"], cwd=dest, env=ENV, stdin=subprocess.PIPE)
    assert process.stdin is not None
    out = process.stdin
    for n in range(commits):
        roll = rng.random()
        if roll < 0.01:
            touched = rng.sample([p for module in paths for p in module], 40)
        else:
            module = rng.choices(range(modules), weights)[0]
            touched = rng.sample(paths[module], rng.randint(1, 5))
            if roll < 0.12:
                other = rng.randrange(modules)
                touched += rng.sample(paths[other], rng.randint(1, 2))
        message = f"change {n}".encode()
        when = EPOCH + n * 3600
        chunk = bytearray(b"commit refs/heads/main\nmark :%d\n" % (n + 1))
        chunk += b"committer Bench <bench@example.com> %d +0000\n" % when
        chunk += b"data %d\n%s\n" % (len(message), message)
        if n:
            chunk += b"from :%d\n" % n
        for path in sorted(set(touched)):
            version[path] += 1
            body = f"# {path}\nVERSION = {version[path]}\n".encode() * 8
            chunk += b"M 100644 inline %s\ndata %d\n%s\n" % (path.encode(), len(body), body)
        out.write(chunk)
    out.close()
    if process.wait() != 0:
        raise SystemExit("git fast-import failed")
    subprocess.run(["git", "reset", "-q", "--hard", "main"], cwd=dest, env=ENV, check=True)


@dataclass
class Extraction:
    """One extractor's run: wall time, commits read, the counts, the pairs kept."""

    seconds: float
    commits: int
    revisions: Counter[str]
    shared: Counter[tuple[str, str]]
    pairs: int

    @property
    def rate(self) -> float:
        return self.commits / self.seconds if self.seconds > 0 else float("inf")

    def same_counts(self, other: Extraction) -> bool:
        return (self.commits, self.revisions, self.shared) == (other.commits, other.revisions, other.shared)


def _drain(command: list[str], repo: Path) -> tuple[float, int]:
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=repo, env=ENV, stdout=subprocess.PIPE)
    assert process.stdout is not None
    size = 0
    while chunk := process.stdout.read1(1 << 20):
        size += len(chunk)
    process.wait()
    return time.perf_counter() - start, size


def time_git_log(repo: Path) -> tuple[float, int]:
    """The raw ``git log`` command assess runs, its output read and discarded."""
    return _drain(log_command(SETTINGS), repo)


def time_plain_git_log(repo: Path) -> tuple[float, int]:
    """Plain ``git log --name-only`` (git's defaults: merges listed, renames detected)."""
    return _drain(["git", "log", "--name-only", "--format=%H %ct"], repo)


def time_assess(repo: Path, settings: HistorySettings = SETTINGS) -> Extraction:
    start = time.perf_counter()
    log = read_change_log(repo, settings)
    pairs = coupled_pairs(log, settings)
    return Extraction(time.perf_counter() - start, log.commits, log.revisions, log.shared, len(pairs))


def time_pydriller(repo: Path, limit: int | None) -> Extraction:
    """PyDriller, newest commit first, counting exactly what assess counts (``limit``: newest N)."""
    from pydriller import Repository

    start = time.perf_counter()
    revisions: Counter[str] = Counter()
    shared: Counter[tuple[str, str]] = Counter()
    seen = 0
    for commit in Repository(str(repo), only_no_merge=True, order="reverse").traverse_commits():
        if limit is not None and seen >= limit:
            break
        seen += 1
        files = commit.modified_files
        if len(files) > SETTINGS.max_changeset_size:
            continue
        names = sorted({m.new_path or m.old_path for m in files if m.new_path or m.old_path})
        revisions.update(names)
        shared.update(combinations(names, 2))
    kept = len(coupled_pairs(ChangeLog(revisions=revisions, shared=shared), SETTINGS))
    return Extraction(time.perf_counter() - start, seen, revisions, shared, kept)


def time_parsing_alone(repo: Path, runs: int) -> float:
    """assess's counting of the same output already in memory (64 KiB pieces, as a pipe gives
    them): the CPU assess adds to git's, whatever the machine's load does to the overlap."""
    output = subprocess.run(log_command(SETTINGS), cwd=repo, env=ENV, capture_output=True, check=True).stdout
    pieces = [output[i : i + (1 << 16)] for i in range(0, len(output), 1 << 16)]
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        log = count_log(pieces, SETTINGS)
        coupled_pairs(log, SETTINGS)
        best = min(best, time.perf_counter() - start)
    return best


def interleaved(runs: int, repo: Path) -> tuple[tuple[float, int], tuple[float, int], Extraction]:
    """Best of ``runs`` for each, the git logs and assess taking turns (machine load hits all)."""
    git_runs, plain_runs, assess_runs = [], [], []
    for _ in range(runs):
        git_runs.append(time_git_log(repo))
        plain_runs.append(time_plain_git_log(repo))
        assess_runs.append(time_assess(repo))
    return (
        min(git_runs, key=lambda r: r[0]),
        min(plain_runs, key=lambda r: r[0]),
        min(assess_runs, key=lambda r: r.seconds),
    )


def _row(label: str, seconds: float, commits: int, note: str = "") -> str:
    return f"{label:<40}{seconds:>9.2f} s {commits:>8} commits {commits / seconds:>10,.0f} commits/s  {note}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--commits", type=int, default=20_000)
    parser.add_argument("--modules", type=int, default=40)
    parser.add_argument("--files-per-module", type=int, default=30)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repo", type=Path, help="reuse (or create) the generated repository here")
    parser.add_argument("--runs", type=int, default=5, help="best of N for git log and assess")
    parser.add_argument(
        "--pydriller-commits",
        type=int,
        default=2_000,
        help="PyDriller reads only the newest N commits (default 2000; 0: the whole history)",
    )
    args = parser.parse_args(argv)

    workdir = Path(tempfile.mkdtemp(prefix="assess-bench-"))
    repo = args.repo or workdir / "repo"
    if not (repo / ".git").exists():
        start = time.perf_counter()
        generate(repo, args.commits, args.modules, args.files_per_module, args.seed)
        print(f"generated {args.commits} commits in {time.perf_counter() - start:.1f} s at {repo}")

    (git_seconds, size), (plain_seconds, _), mine = interleaved(args.runs, repo)
    print(
        f"history: {mine.commits} commits, {len(mine.revisions)} files, {len(mine.shared)} co-changing "
        f"pairs, {mine.pairs} pairs above code-maat's thresholds; git log wrote {size / 1e6:.1f} MB"
    )
    print(_row("git log, the command assess runs (raw)", git_seconds, mine.commits))
    print(_row("git log --name-only (plain, raw)", plain_seconds, mine.commits))
    print(_row("assess read_change_log + coupled_pairs", mine.seconds, mine.commits))
    parsing = time_parsing_alone(repo, args.runs)
    print(
        _row(
            "  of which counting alone (in memory)",
            parsing,
            mine.commits,
            f"{parsing / git_seconds:.0%} of git log",
        )
    )
    try:
        import pydriller  # noqa: F401
    except ImportError:
        print("PyDriller is not installed: `pip install pydriller` to measure it side by side")
        return 0
    limit = args.pydriller_commits or None
    driller = time_pydriller(repo, limit)
    if driller.commits == mine.commits:
        same = driller.same_counts(mine) and driller.pairs == mine.pairs
        subset = mine
        print(_row("PyDriller modified_files", driller.seconds, driller.commits))
        scope = "the whole history"
    else:
        # the same newest commits through assess, to check the counts agree
        subset = time_assess(repo, SETTINGS.model_copy(update={"max_commits": driller.commits}))
        same = driller.same_counts(subset) and driller.pairs == subset.pairs
        print(_row("PyDriller modified_files", driller.seconds, driller.commits, "(newest commits only)"))
        print(_row("assess on the same newest commits", subset.seconds, subset.commits))
        scope = (
            f"PyDriller read the newest {driller.commits} of {mine.commits} commits (--pydriller-commits); "
            f"speeds are compared per commit: PyDriller's rate against assess's over the whole history"
        )
    print(
        f"same revisions, co-changes and coupled pairs as PyDriller over {driller.commits} commits: "
        f"{'yes' if same else 'NO'}"
    )
    print(f"scope: {scope}")
    versus_git = mine.seconds / git_seconds
    versus_driller = mine.rate / driller.rate
    print(
        f"assess / raw git log time: {versus_git:.2f}×  (target ≤ 1.5×: "
        f"{'met' if versus_git <= 1.5 else 'MISSED'})"
    )
    print(
        f"assess / PyDriller speed:  {versus_driller:,.0f}× faster  (target ≥ 50×: "
        f"{'met' if versus_driller >= 50 else 'MISSED'})"
    )
    if not same:
        print("the two extractors disagree", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
