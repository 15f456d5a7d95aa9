"""Promise 3: bad input is reported, not fatal.

Every input of the committed corpus (``tests/hostile``, described in ``corpus.yaml``) and every
input made here at test time (too large or too strange to commit) yields what its entry says: it
is read, or skipped with a reason, or reported as a per-file error; every app's canary finding
survives; and a portfolio run over all of it, with broken and bomb archives added, finishes with
every other app assessed.
"""

from __future__ import annotations

import csv
import os
import shutil
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from assess import scan
from assess.model import Assessment
from assess.pipeline import Toolkit, load_toolkit
from assess.portfolio.archives import ArchiveLimits
from assess.portfolio.assessor import AppLimits, WorkerSettings
from assess.portfolio.inputs import folder_items
from assess.portfolio.runner import RunOptions, run_portfolio
from assess.source import open_snapshot

CORPUS = Path(__file__).resolve().parents[1] / "hostile"
CANARY = "canary.py"
CANARY_RULE = "python-local-file-write"
WRITE = "open('/var/data/x.txt', 'w')\n"
BIG_FILE_BYTES = 200 * 1024 * 1024
LINE_BYTES = 1_000_000
TINY_FILES = 100_000


@dataclass(frozen=True)
class Entry:
    """One input and what a scan must report for it."""

    path: str
    what: str
    expect: str
    reason: str = ""
    stage: str = ""
    message: str = ""
    finding: str = ""

    @property
    def app(self) -> str:
        return self.path.split("/", 1)[0]

    @property
    def file(self) -> str:
        return self.path.split("/", 1)[1]


def committed_entries() -> list[Entry]:
    data = yaml.safe_load((CORPUS / "corpus.yaml").read_text(encoding="utf-8"))
    return [Entry(**item) for item in data]


# --------------------------------------------------------------------------- made at test time

GENERATED: list[Entry] = [
    Entry("generated/huge.py", "a 200 MB file", "skip", reason="larger than"),
    Entry(
        "generated/one_line.js", "a 1 MB single line of minified code", "read", finding="js-local-file-write"
    ),
    Entry("generated/with space.py", "a name with spaces", "read", finding=CANARY_RULE),
    Entry("generated/new\nline.py", "a name with a newline", "read", finding=CANARY_RULE),
    Entry(
        "generated/tab\tand\rreturn.py",
        "a name with a tab and a carriage return",
        "read",
        finding=CANARY_RULE,
    ),
    Entry("generated/ünïcødé 名前.py", "a Unicode name", "read", finding=CANARY_RULE),
    Entry("generated/rtl\u202egnp.py", "a name with a right-to-left override", "read", finding=CANARY_RULE),
    Entry(
        "generated/<script>alert(1)</script>.py",
        "markup in a folder and file name",
        "read",
        finding=CANARY_RULE,
    ),
    Entry("generated/=cmd|' /C calc'!A0.py", "a spreadsheet formula as a name", "read", finding=CANARY_RULE),
    Entry("generated/-rf --no-preserve-root.py", "an option as a name", "read", finding=CANARY_RULE),
    Entry("generated/" + "n" * 240 + ".py", "a 243-byte name", "read", finding=CANARY_RULE),
    Entry("generated/" + "d/" * 60 + "deep_path.py", "a file 60 folders deep", "read", finding=CANARY_RULE),
    Entry("generated/bad\ufffdname.py", "a name that is not UTF-8", "skip", reason="name is not valid UTF-8"),
    Entry(
        "generated/bad\ufffddir/", "a folder name that is not UTF-8", "skip", reason="name is not valid UTF-8"
    ),
    Entry("generated/pipe.py", "a FIFO named like code", "skip", reason="not a regular file"),
    Entry("generated/empty/a/b/c/", "empty nested folders", "nothing"),
    Entry("generated/.git", "a .git file with garbage (not a repository)", "nothing"),
]
"""Inputs written by :func:`make_generated` (the app also has a canary)."""

ARCHIVES = {
    "broken": ("broken.zip", "cannot read archive"),
    "bomb": ("bomb.zip", "expands to more than"),
    "flood": ("flood.zip", "more than 2000 members"),
}
"""Archive apps of the portfolio run and the reason each must fail with."""


def make_generated(root: Path) -> Path:
    """The ``generated`` app: every input of :data:`GENERATED`."""
    root.mkdir(parents=True)
    (root / CANARY).write_text(WRITE, encoding="utf-8")
    with (root / "huge.py").open("wb") as handle:
        handle.truncate(BIG_FILE_BYTES)
    call = "require('fs').writeFileSync('/var/data/min.txt','x');"
    filler = "var a=[" + ",".join(["1"] * ((LINE_BYTES - 200) // 2)) + "];"
    (root / "one_line.js").write_text(call + filler, encoding="utf-8")
    for entry in GENERATED:
        if entry.expect == "read" and entry.finding == CANARY_RULE:
            path = root / entry.file
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(WRITE, encoding="utf-8")
    os.makedirs(os.path.join(os.fsencode(root), b"bad\xffdir"))
    with open(os.path.join(os.fsencode(root), b"bad\xffname.py"), "w", encoding="utf-8") as handle:
        handle.write(WRITE)
    with open(os.path.join(os.fsencode(root), b"bad\xffdir", b"inner.py"), "w", encoding="utf-8") as handle:
        handle.write(WRITE)
    os.mkfifo(root / "pipe.py")
    (root / "empty" / "a" / "b" / "c").mkdir(parents=True)
    (root / ".git").write_bytes(b"gitdir: \x00\xff/nowhere\n")
    return root


def make_many_files(root: Path) -> Path:
    """An app of 100,000 files: 99,999 tiny ones in 100 folders, and the canary."""
    (root / CANARY).parent.mkdir(parents=True)
    (root / CANARY).write_text(WRITE, encoding="utf-8")
    for number in range(TINY_FILES - 1):
        folder = root / f"d{number % 100:02d}"
        if number < 100:
            folder.mkdir()
        (folder / f"f{number}.txt").write_bytes(b"x\n")
    return root


def make_archives(folder: Path) -> None:
    (folder / "broken.zip").write_bytes(b"PK\x03\x04 this is not a zip archive")
    with zipfile.ZipFile(folder / "bomb.zip", "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("bomb/app.py", WRITE)
        with zf.open("bomb/zeros.py", "w") as member:
            chunk = b"\x00" * (1 << 20)
            for _ in range(48):
                member.write(chunk)
    with zipfile.ZipFile(folder / "flood.zip", "w") as zf:
        for number in range(2100):
            zf.writestr(f"flood/f{number}.py", "x = 1\n")


# --------------------------------------------------------------------------- checks


def check_entry(entry: Entry, assessment: Assessment, read: set[str]) -> list[str]:
    """What is wrong with how ``assessment`` reports ``entry`` (empty: as promised)."""
    skipped = {s.path: s.reason for s in assessment.skipped}
    errors = [e for e in assessment.errors if e.path == entry.file]
    rules = {f.rule_id for f in assessment.findings if f.file == entry.file}
    problems: list[str] = []
    if entry.expect == "skip":
        if entry.reason not in skipped.get(entry.file, ""):
            problems.append(f"not skipped for {entry.reason!r} (skipped: {skipped.get(entry.file)!r})")
    elif entry.expect == "error":
        if not any(e.stage == entry.stage and entry.message in e.message for e in errors):
            problems.append(f"no {entry.stage} error with {entry.message!r}: {errors}")
    elif entry.expect == "read":
        if entry.file not in read:
            problems.append(f"not read (skipped: {skipped.get(entry.file)!r})")
        if errors:
            problems.append(f"unexpected errors {errors}")
    elif entry.expect == "nothing":
        named = [s for s in skipped if s.startswith(entry.file)] + [e.path for e in errors]
        if named or any(path.startswith(entry.file) for path in read):
            problems.append(f"should be invisible, but: {named}")
    if entry.finding and entry.finding not in rules:
        problems.append(f"the {entry.finding} finding did not survive: {sorted(rules)}")
    return [f"{entry.path!r} ({entry.what}): {p}" for p in problems]


def check_canary(assessment: Assessment) -> list[str]:
    found = any(f.file == CANARY and f.rule_id == CANARY_RULE for f in assessment.findings)
    errors = [e for e in assessment.errors if e.path == CANARY]
    return [] if found and not errors else [f"{assessment.app}: the canary finding did not survive"]


@pytest.fixture(scope="module")
def toolkit() -> Toolkit:
    return load_toolkit()


def test_the_corpus_is_complete_and_has_at_least_30_inputs() -> None:
    entries = committed_entries()
    listed = {e.path for e in entries}
    on_disk = {
        path.relative_to(CORPUS).as_posix()
        for path in CORPUS.rglob("*")
        if path.is_file() and path.parent != CORPUS and path.name != CANARY
    }
    assert listed == on_disk, "every committed input is described in corpus.yaml, and only those"
    assert len(listed) == len(entries), "one entry per input"
    assert all(e.expect in ("read", "skip", "error") for e in entries)
    for app in {e.app for e in entries}:
        assert (CORPUS / app / CANARY).is_file(), f"{app} has its canary"
    assert len(entries) + len(GENERATED) + len(ARCHIVES) + 1 >= 30
    biggest = max(p.stat().st_size for p in CORPUS.rglob("*") if p.is_file())
    assert biggest < 200_000, "big inputs are made at test time, never committed"


@pytest.mark.parametrize("app", sorted({e.app for e in committed_entries()}))
def test_each_committed_input_is_reported_and_the_rest_survives(
    app: str, tmp_path: Path, toolkit: Toolkit
) -> None:
    root = shutil.copytree(CORPUS / app, tmp_path / app)
    assessment = scan(root, toolkit=toolkit)
    read = {f.path for f in open_snapshot(root).files}
    problems = check_canary(assessment)
    for entry in committed_entries():
        if entry.app == app:
            problems += check_entry(entry, assessment, read)
    assert problems == []


def test_each_generated_input_is_reported_and_the_rest_survives(tmp_path: Path, toolkit: Toolkit) -> None:
    root = make_generated(tmp_path / "generated")
    assessment = scan(root, toolkit=toolkit)
    read = {f.path for f in open_snapshot(root).files}
    problems = check_canary(assessment)
    for entry in GENERATED:
        problems += check_entry(entry, assessment, read)
    assert problems == []
    assert assessment.commit is None
    one_line = [f for f in assessment.findings if f.file == "one_line.js"]
    assert all(len(f.snippet) <= 200 for f in one_line), "a 1 MB line becomes a short snippet"


def _rows(path: Path) -> dict[str, dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return {row["app"]: row for row in csv.DictReader(handle)}


def _findings(path: Path) -> Mapping[str, set[tuple[str, str]]]:
    found: dict[str, set[tuple[str, str]]] = {}
    with path.open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            found.setdefault(row["app"], set()).add((row["file"], row["rule_id"]))
    return found


def test_a_portfolio_over_the_whole_corpus_assesses_every_other_app(tmp_path: Path) -> None:
    portfolio = tmp_path / "portfolio"
    shutil.copytree(CORPUS, portfolio, ignore=shutil.ignore_patterns("*.yaml", "*.md"))
    make_generated(portfolio / "generated")
    make_many_files(portfolio / "many-files")
    make_archives(portfolio)
    items = list(folder_items(portfolio, monorepos=False))
    apps = sorted(item.app for item in items)
    expected_ok = sorted({e.app for e in committed_entries()} | {"generated", "many-files"})
    assert apps == sorted([*expected_ok, *ARCHIVES])

    settings = WorkerSettings(
        limits=AppLimits(timeout=300, archive=ArchiveLimits(max_bytes=20 * 1024**2, max_members=2000))
    )
    out = tmp_path / "out"
    result = run_portfolio(items, out, settings=settings, options=RunOptions(workers=2))
    rows = _rows(out / "assessments.csv")
    assert sorted(rows) == apps, "no app missing or duplicated"
    assert result.failed == len(ARCHIVES)
    for app, (_name, reason) in ARCHIVES.items():
        assert rows[app]["status"] == "error" and reason in rows[app]["error"], rows[app]
    findings = _findings(out / "findings.csv")
    for app in expected_ok:
        assert rows[app]["status"] == "ok", rows[app]
        assert (CANARY, CANARY_RULE) in findings.get(app, set()), f"{app} lost its canary finding"
    for app in {e.app for e in committed_entries() if e.expect == "error"}:
        assert int(rows[app]["errors"]) > 0 and rows[app]["error"], f"{app} reports its per-file errors"
    assert int(rows["many-files"]["files"]) == TINY_FILES
    assert int(rows["generated"]["skipped_files"]) >= 4
    assert ("new\nline.py", CANARY_RULE) in findings["generated"]


def test_an_app_folder_whose_name_is_not_utf8_does_not_stop_the_run(tmp_path: Path) -> None:
    portfolio = tmp_path / "portfolio"
    (portfolio / "good").mkdir(parents=True)
    (portfolio / "good" / CANARY).write_text(WRITE, encoding="utf-8")
    bad = os.path.join(os.fsencode(portfolio), b"bad\xffapp")
    os.makedirs(bad)
    with open(os.path.join(bad, b"app.py"), "w", encoding="utf-8") as handle:
        handle.write(WRITE)
    out = tmp_path / "out"
    run_portfolio(folder_items(portfolio), out, options=RunOptions(workers=1, parquet=False))
    rows = _rows(out / "assessments.csv")
    assert rows["good"]["status"] == "ok"
    assert len(rows) == 2
