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
PyDriller is not a dependency of assess: ``pip install pydriller`` first (the bench says so
when it is missing). ``--pydriller-commits N`` limits PyDriller to the newest N commits (its
rate is then scaled to the whole history and the run says so).

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
from itertools import combinations
from pathlib import Path

from assess.decompose.history import coupled_pairs, log_command, read_change_log
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


def time_git_log(repo: Path) -> tuple[float, int]:
    """The raw ``git log`` command assess runs, its output read and discarded."""
    start = time.perf_counter()
    process = subprocess.Popen(log_command(SETTINGS), cwd=repo, env=ENV, stdout=subprocess.PIPE)
    assert process.stdout is not None
    size = 0
    while chunk := process.stdout.read1(1 << 20):
        size += len(chunk)
    process.wait()
    return time.perf_counter() - start, size


def time_assess(repo: Path) -> tuple[float, Counter[str], Counter[tuple[str, str]], int, int]:
    start = time.perf_counter()
    log = read_change_log(repo, SETTINGS)
    pairs = coupled_pairs(log, SETTINGS)
    return time.perf_counter() - start, log.revisions, log.shared, log.commits, len(pairs)


def time_pydriller(
    repo: Path, limit: int | None
) -> tuple[float, Counter[str], Counter[tuple[str, str]], int]:
    from pydriller import Repository

    start = time.perf_counter()
    revisions: Counter[str] = Counter()
    shared: Counter[tuple[str, str]] = Counter()
    seen = 0
    for commit in Repository(str(repo), only_no_merge=True, order="reverse").traverse_commits():
        if limit is not None and seen >= limit:
            break
        seen += 1
        names = sorted({m.new_path or m.old_path for m in commit.modified_files if m.new_path or m.old_path})
        if len(names) > SETTINGS.max_changeset_size:
            continue
        revisions.update(names)
        shared.update(combinations(names, 2))
    return time.perf_counter() - start, revisions, shared, seen


def interleaved(
    runs: int, repo: Path
) -> tuple[tuple[float, int], tuple[float, Counter[str], Counter[tuple[str, str]], int, int]]:
    """Best of ``runs`` for each, git log and assess taking turns (so machine load hits both)."""
    git_runs, assess_runs = [], []
    for _ in range(runs):
        git_runs.append(time_git_log(repo))
        assess_runs.append(time_assess(repo))
    return min(git_runs, key=lambda r: r[0]), min(assess_runs, key=lambda r: r[0])


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
    parser.add_argument("--pydriller-commits", type=int, default=None, help="only the newest N commits")
    args = parser.parse_args(argv)

    workdir = Path(tempfile.mkdtemp(prefix="assess-bench-"))
    repo = args.repo or workdir / "repo"
    if not (repo / ".git").exists():
        start = time.perf_counter()
        generate(repo, args.commits, args.modules, args.files_per_module, args.seed)
        print(f"generated {args.commits} commits in {time.perf_counter() - start:.1f} s at {repo}")

    (git_seconds, size), (assess_seconds, revisions, shared, commits, kept) = interleaved(args.runs, repo)
    print(
        f"history: {commits} commits, {len(revisions)} files, {len(shared)} co-changing pairs, "
        f"{kept} pairs above code-maat's thresholds; git log wrote {size / 1e6:.1f} MB"
    )
    print(f"{'git log --name-only (raw)':<32}{git_seconds:>9.2f} s")
    print(
        f"{'assess read_change_log':<32}{assess_seconds:>9.2f} s   {assess_seconds / git_seconds:.2f}× git log "
        f"(target ≤ 1.5×)"
    )
    try:
        import pydriller  # noqa: F401
    except ImportError:
        print("PyDriller is not installed: `pip install pydriller` to measure it side by side")
        return 0
    driller_seconds, d_revisions, d_shared, d_commits = time_pydriller(repo, args.pydriller_commits)
    scaled = driller_seconds * commits / d_commits if d_commits else float("nan")
    if d_commits == commits:
        same = d_revisions == revisions and d_shared == shared
        print(
            f"{'PyDriller modified_files':<32}{driller_seconds:>9.2f} s   same revisions and pairs: "
            f"{'yes' if same else 'NO'}"
        )
    else:
        print(
            f"{'PyDriller modified_files':<32}{driller_seconds:>9.2f} s   for the newest {d_commits} commits "
            f"(≈{scaled:.1f} s for all {commits})"
        )
    print(f"assess is {scaled / assess_seconds:.0f}× faster than PyDriller (target ≥ 50×)")
    if d_commits == commits and not (d_revisions == revisions and d_shared == shared):
        print("the two extractors disagree", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
