"""Scan speed of the full assessment, side by side with lizard and a bare tree-sitter parse.

    python bench/scan_speed.py [--corpus DIR] [--repeat N] [--rebuild] [--no-npm] [--profile]

Without ``--corpus`` a corpus is built once (and reused) under ``~/.cache/assess/bench-corpus``:
the installed sources of big Python packages of this environment, and a tree of big npm packages
installed into a temporary folder with ``npm install --ignore-scripts`` (nothing from it is ever
run). The same code files are then measured, each tool in its own fresh process:

- ``assess``: the full assessment of the corpus as one application (``assess.pipeline.scan``:
  inventory, parsing, every rule, manifests, stack, container audit, decomposition, scoring);
- ``lizard``: lizard's analysis of every code file the assessment parsed (one process);
- ``bare parse``: reading every such file and parsing it with its tree-sitter grammar, nothing else.

It prints files/s, lines/s (physical lines of the code files), CPU seconds and peak memory (the
process's maximum resident set) per tool, and the ratios against the targets: the assessment at
least 3x faster than lizard, and at most 2x the bare parse.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path
from typing import Any

PYTHON_PACKAGES = (
    "pandas",
    "plotly",
    "numpy",
    "networkx",
    "dask",
    "distributed",
    "pip",
    "mypy",
    "pygments",
    "sqlglot",
    "pyarrow",
    "setuptools",
    "tornado",
    "IPython",
    "hypothesis",
    "pydantic",
    "_pytest",
    "rich",
    "jedi",
    "git",
)
"""Installed packages whose sources make the Python half of the corpus (those present are used)."""

NPM_PACKAGES = (
    "date-fns@3",
    "rxjs@7",
    "lodash@4",
    "@mui/material@5",
    "@emotion/react@11",
    "@emotion/styled@11",
    "react@18",
    "react-dom@18",
    "three@0.160",
    "typescript@5",
    "eslint@8",
    "webpack@5",
    "@babel/core@7",
)
"""Big npm packages (and their dependencies) that make the JavaScript/TypeScript half."""

DEFAULT_CORPUS = Path(os.environ.get("ASSESS_CACHE_DIR", Path.home() / ".cache" / "assess")) / "bench-corpus"
READY = ".bench-corpus-ready"
LIZARD_LANGUAGES = {"python", "javascript", "typescript", "java", "csharp", "go", "ruby", "php"}


# --------------------------------------------------------------------------- corpus


def _copy_sources(source: Path, target: Path) -> None:
    shutil.copytree(
        source,
        target,
        symlinks=False,
        ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "*.so", "*.so.*", "*.dll", "*.dylib", "*.a"),
        dirs_exist_ok=True,
    )


def build_corpus(target: Path, *, npm: bool) -> None:
    """Copy installed Python package sources and an npm install tree into ``target``."""
    import sysconfig

    if target.exists():
        shutil.rmtree(target)
    site = Path(sysconfig.get_paths()["purelib"])
    python_dir = target / "python"
    python_dir.mkdir(parents=True)
    for name in PYTHON_PACKAGES:
        if (site / name).is_dir():
            _copy_sources(site / name, python_dir / name)
    if npm:
        if shutil.which("npm") is None:
            sys.exit("npm is not installed: install Node.js, or run with --no-npm")
        with tempfile.TemporaryDirectory(prefix="assess-bench-npm-") as work:
            (Path(work) / "package.json").write_text('{"name": "bench-corpus", "private": true}\n')
            command = [
                "npm",
                "install",
                "--ignore-scripts",  # never run an install script
                "--no-audit",
                "--no-fund",
                "--no-package-lock",
                "--loglevel=error",
                *NPM_PACKAGES,
            ]
            print("building the corpus:", " ".join(command), file=sys.stderr)
            subprocess.run(command, cwd=work, check=True)
            # `node_modules` is a vendored folder that assess skips by name: copy it under another one
            _copy_sources(Path(work) / "node_modules", target / "npm")
    (target / READY).write_text("ok\n")


# --------------------------------------------------------------------------- measured children

_ASSESS = """
import json, resource, sys, time
from pathlib import Path
from assess.parse import parse_code
from assess.pipeline import load_toolkit, scan
from assess.source.languages import CODE_LANGUAGES

corpus, listing = Path(sys.argv[1]), Path(sys.argv[2])
profile = len(sys.argv) > 3
toolkit = load_toolkit()
parse_code("warm.py", "python", b"x = 1\\n")  # load the grammars before the clock starts
start, cpu = time.perf_counter(), time.process_time()
if profile:
    import cProfile, pstats
    profiler = cProfile.Profile()
    assessment = profiler.runcall(scan, corpus, toolkit=toolkit, name="corpus")
else:
    assessment = scan(corpus, toolkit=toolkit, name="corpus")
wall, cpu = time.perf_counter() - start, time.process_time() - cpu
from assess.source import open_snapshot
snapshot = open_snapshot(corpus)
code = [(f.path, f.language) for f in snapshot.files if f.language in CODE_LANGUAGES]
listing.write_text(json.dumps(code))
if profile:
    pstats.Stats(profiler, stream=sys.stderr).sort_stats("cumulative").print_stats(30)
print(json.dumps({
    "wall": wall, "cpu": cpu, "files": len(snapshot.files), "code_files": len(code),
    "code_lines": assessment.code_lines, "findings": len(assessment.findings),
    "errors": len(assessment.errors), "skipped": len(assessment.skipped),
    "rss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
}))
"""

_LIZARD = """
import json, resource, sys, time
from pathlib import Path
import lizard

corpus, listing = Path(sys.argv[1]), json.loads(Path(sys.argv[2]).read_text())
start, cpu = time.perf_counter(), time.process_time()
functions = 0
failed = 0
for path, language in listing:
    try:
        info = lizard.analyze_file(str(corpus / path))
        functions += len(info.function_list)
    except Exception:
        failed += 1
wall, cpu = time.perf_counter() - start, time.process_time() - cpu
print(json.dumps({"wall": wall, "cpu": cpu, "functions": functions, "failed": failed,
                  "rss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
"""

_BARE = """
import json, resource, sys, time
from pathlib import Path
import tree_sitter_c_sharp, tree_sitter_go, tree_sitter_java, tree_sitter_javascript
import tree_sitter_php, tree_sitter_python, tree_sitter_ruby, tree_sitter_typescript
from tree_sitter import Language, Parser

grammars = {
    "java": tree_sitter_java.language(), "csharp": tree_sitter_c_sharp.language(),
    "python": tree_sitter_python.language(), "javascript": tree_sitter_javascript.language(),
    "typescript": tree_sitter_typescript.language_typescript(), "tsx": tree_sitter_typescript.language_tsx(),
    "go": tree_sitter_go.language(), "ruby": tree_sitter_ruby.language(), "php": tree_sitter_php.language_php(),
}
parsers = {name: Parser(Language(grammar)) for name, grammar in grammars.items()}
corpus, listing = Path(sys.argv[1]), json.loads(Path(sys.argv[2]).read_text())
start, cpu = time.perf_counter(), time.process_time()
lines = size = 0
for path, language in listing:
    data = (corpus / path).read_bytes()
    key = "tsx" if language == "typescript" and path.lower().endswith(".tsx") else language
    parsers[key].parse(data)
    lines += data.count(b"\\n") + (1 if data and not data.endswith(b"\\n") else 0)
    size += len(data)
wall, cpu = time.perf_counter() - start, time.process_time() - cpu
print(json.dumps({"wall": wall, "cpu": cpu, "lines": lines, "bytes": size,
                  "rss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
"""


def _child(code: str, *args: str, show_stderr: bool = False) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code), *args],
        capture_output=True,
        text=True,
        check=False,
    )
    if show_stderr or done.returncode != 0:
        sys.stderr.write(done.stderr)
    if done.returncode != 0:
        sys.exit(f"a measured process failed (exit {done.returncode})")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _best(runs: list[dict[str, Any]]) -> dict[str, Any]:
    best = dict(min(runs, key=lambda r: r["wall"]))
    best["rss_kib"] = max(r["rss_kib"] for r in runs)
    return best


# --------------------------------------------------------------------------- report


def _row(name: str, run: dict[str, Any], files: int, lines: int) -> str:
    wall = run["wall"]
    return (
        f"{name:<12} {files:>8,} {lines:>12,} {wall:>9.2f} {run['cpu']:>9.2f} "
        f"{files / wall:>10,.0f} {lines / wall:>12,.0f} {run['rss_kib'] / 1024:>10,.0f}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--corpus", type=Path, help="Measure this folder instead of the built corpus.")
    parser.add_argument(
        "--repeat", type=int, default=1, help="Runs per tool; the fastest counts (default 1)."
    )
    parser.add_argument("--rebuild", action="store_true", help="Rebuild the default corpus.")
    parser.add_argument("--no-npm", action="store_true", help="Build the corpus from Python packages only.")
    parser.add_argument("--profile", action="store_true", help="Print a cProfile of one assessment.")
    args = parser.parse_args(argv)

    corpus: Path = args.corpus or DEFAULT_CORPUS
    if args.corpus is None and (args.rebuild or not (corpus / READY).is_file()):
        build_corpus(corpus, npm=not args.no_npm)
    if not corpus.is_dir():
        sys.exit(f"not a folder: {corpus}")

    with tempfile.TemporaryDirectory(prefix="assess-bench-") as work:
        listing = Path(work) / "files.json"
        assess_runs, lizard_runs, bare_runs = [], [], []
        for _ in range(max(1, args.repeat)):
            assess_runs.append(_child(_ASSESS, str(corpus), str(listing)))
            bare_runs.append(_child(_BARE, str(corpus), str(listing)))
            lizard_runs.append(_child(_LIZARD, str(corpus), str(listing)))
        if args.profile:
            _child(_ASSESS, str(corpus), str(listing), "profile", show_stderr=True)
        code_files = len(json.loads(listing.read_text()))

    full, bare, liz = _best(assess_runs), _best(bare_runs), _best(lizard_runs)
    lines = bare["lines"]
    print(f"corpus: {corpus}")
    print(
        f"  {full['files']:,} files inventoried, {code_files:,} code files ({bare['bytes'] / 1e6:,.1f} MB, "
        f"{lines:,} lines, {full['code_lines']:,} lines of code), {full['skipped']:,} skipped; "
        f"{full['findings']:,} findings, {full['errors']:,} per-file problems"
    )
    print(f"  best of {max(1, args.repeat)} run(s) per tool, each tool in a fresh process, one core each")
    print()
    header = f"{'tool':<12} {'files':>8} {'lines':>12} {'wall s':>9} {'cpu s':>9} {'files/s':>10} {'lines/s':>12} {'peak MiB':>10}"
    print(header)
    print("-" * len(header))
    print(_row("assess", full, code_files, lines))
    print(_row("lizard", liz, code_files, lines))
    print(_row("bare parse", bare, code_files, lines))
    print()
    faster = liz["wall"] / full["wall"]
    slower = full["wall"] / bare["wall"]
    print(
        f"assess vs lizard:     {faster:5.2f}x faster   (target >= 3x: {'met' if faster >= 3 else 'NOT met'})"
    )
    print(
        f"assess vs bare parse: {slower:5.2f}x the time (target <= 2x: {'met' if slower <= 2 else 'NOT met'})"
    )
    cpu_faster = liz["cpu"] / full["cpu"]
    cpu_slower = full["cpu"] / bare["cpu"]
    print(
        f"in CPU seconds (steadier on a busy machine): {cpu_faster:.2f}x lizard's speed, {cpu_slower:.2f}x the bare parse"
    )
    if liz["failed"]:
        print(f"(lizard failed on {liz['failed']} files)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
