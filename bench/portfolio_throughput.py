"""Portfolio throughput, re-run cost and memory, all in one run.

    python bench/portfolio_throughput.py [--apps 500] [--big 2000] [--keep DIR] [--skip-dask]

Generates a portfolio of ``--apps`` applications of mixed languages (Python, JavaScript,
TypeScript, Java, Go, C#, Ruby, PHP) and sizes (small, medium, large) under a temporary folder,
then runs ``assess portfolio`` on it, each run in its own process with a fresh output folder and a
fresh cache:

- local worker processes with 1 and 2 workers, and Dask (a local cluster started by the command)
  with 1 and 2 workers, without the HTML report: apps/minute, wall time, and peak memory (the
  coordinating process alone, and the whole process tree: workers and Dask processes included);
- the full command (2 local workers, HTML report included) as a first run, then again on the
  unchanged portfolio: the re-run's time relative to the first run (goal: under 5 %);
- a portfolio of ``--big`` apps (the same kinds of apps, more of them), 2 local workers, without
  the report: the coordinating process's peak memory against the ``--apps`` run (goal: flat).

The HTML report shows every app, so its cost grows with the portfolio: its time and memory are
printed apart (the first full run minus the same run without it). Memory is sampled every 20 ms
with psutil (resident set sizes). Figures are printed, not asserted.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import psutil

LANGUAGES = ("python", "javascript", "typescript", "java", "go", "csharp", "ruby", "php")
SIZES = (("small", 0.5, (4, 12)), ("medium", 0.35, (25, 60)), ("large", 0.15, (120, 250)))


# --------------------------------------------------------------------------- generated apps


def _python(i: int, rng: random.Random) -> tuple[str, str]:
    lines = ["import os", "import json", "", ""]
    for c in range(3):
        lines += [
            f"class Handler{i}_{c}:",
            "    def __init__(self, store):",
            "        self.store = store",
            "",
        ]
        for m in range(5):
            lines += [
                f"    def op{m}(self, item):",
                f"        total = sum(x * {m + 1} for x in item.values)",
                "        if total > 100:",
                "            return json.dumps({'total': total})",
                "        return None",
                "",
            ]
    if rng.random() < 0.3:
        lines += ["def dump(data):", f"    open('/var/data/out{i}.json', 'w').write(data)", ""]
    if rng.random() < 0.2:
        lines += [f"SEARCH = 'http://localhost:92{i % 10}0/search'", ""]
    return f"app/module{i}.py", "\n".join(lines)


def _javascript(i: int, rng: random.Random, ts: bool = False) -> tuple[str, str]:
    kind = ": number" if ts else ""
    lines = ["const fs = require('fs');", "const path = require('path');", ""]
    for f in range(12):
        lines += [
            f"function handler{i}_{f}(req, res) {{",
            f"  const total{kind} = (req.items || []).reduce((a, b) => a + b * {f + 1}, 0);",
            "  if (total > 100) { return res.json({ total }); }",
            "  return res.status(204).end();",
            "}",
            "",
        ]
    if rng.random() < 0.3:
        lines += [f"fs.writeFileSync('/var/data/cache{i}.json', JSON.stringify({{}}));", ""]
    if rng.random() < 0.2:
        lines += ["const sessions = {};", "function remember(id, user) { sessions[id] = user; }", ""]
    lines += [f"module.exports = {{ handler{i}_0 }};", ""]
    return f"src/module{i}.{'ts' if ts else 'js'}", "\n".join(lines)


def _java(i: int, rng: random.Random) -> tuple[str, str]:
    lines = ["package com.acme.app;", "", "import java.util.List;", "import java.io.FileWriter;", ""]
    lines += [f"public class Service{i} {{", "    private final Repository repo;", ""]
    lines += [f"    public Service{i}(Repository repo) {{ this.repo = repo; }}", ""]
    for m in range(10):
        lines += [
            f"    public int op{m}(List<Integer> items) {{",
            "        int total = 0;",
            f"        for (int x : items) {{ total += x * {m + 1}; }}",
            "        return total;",
            "    }",
            "",
        ]
    if rng.random() < 0.3:
        lines += [
            "    public void dump(String s) throws Exception {",
            f'        try (FileWriter w = new FileWriter("/var/data/out{i}.txt")) {{ w.write(s); }}',
            "    }",
        ]
    lines += ["}", ""]
    return f"src/main/java/com/acme/app/Service{i}.java", "\n".join(lines)


def _go(i: int, rng: random.Random) -> tuple[str, str]:
    lines = ["package main", "", 'import (\n\t"fmt"\n\t"os"\n)', ""]
    for f in range(12):
        lines += [
            f"func handler{i}_{f}(items []int) int {{",
            "\ttotal := 0",
            f"\tfor _, x := range items {{ total += x * {f + 1} }}",
            '\tif total > 100 { fmt.Println("big") }',
            "\treturn total",
            "}",
            "",
        ]
    if rng.random() < 0.3:
        lines += [f'func dump{i}(b []byte) {{ os.WriteFile("/var/data/out{i}", b, 0o644) }}', ""]
    return f"internal/mod{i}.go", "\n".join(lines)


def _csharp(i: int, rng: random.Random) -> tuple[str, str]:
    lines = [
        "using System;",
        "using System.IO;",
        "",
        "namespace Acme.App",
        "{",
        f"    public class Service{i}",
        "    {",
    ]
    for m in range(10):
        lines += [
            f"        public int Op{m}(int[] items)",
            "        {",
            "            var total = 0;",
            f"            foreach (var x in items) {{ total += x * {m + 1}; }}",
            "            return total;",
            "        }",
            "",
        ]
    if rng.random() < 0.3:
        lines += [
            f'        public void Dump(string s) {{ File.WriteAllText("C:\\\\data\\\\out{i}.txt", s); }}'
        ]
    lines += ["    }", "}", ""]
    return f"Services/Service{i}.cs", "\n".join(lines)


def _ruby(i: int, rng: random.Random) -> tuple[str, str]:
    lines = [f"class Service{i}"]
    for m in range(10):
        lines += [f"  def op{m}(items)", f"    items.sum {{ |x| x * {m + 1} }}", "  end", ""]
    if rng.random() < 0.3:
        lines += ["  def dump(s)", f"    File.write('/var/data/out{i}.txt', s)", "  end"]
    lines += ["end", ""]
    return f"app/services/service{i}.rb", "\n".join(lines)


def _php(i: int, rng: random.Random) -> tuple[str, str]:
    lines = ["<?php", "namespace App\\Services;", "", f"class Service{i}", "{"]
    for m in range(10):
        lines += [
            f"    public function op{m}(array $items): int",
            "    {",
            f"        return array_sum(array_map(fn($x) => $x * {m + 1}, $items));",
            "    }",
            "",
        ]
    if rng.random() < 0.3:
        lines += [f"    public function dump($s) {{ file_put_contents('/var/data/out{i}.txt', $s); }}"]
    lines += ["}", ""]
    return f"app/Services/Service{i}.php", "\n".join(lines)


MANIFESTS = {
    "python": {"requirements.txt": "flask==2.0.1\nrequests==2.31.0\n"},
    "javascript": {"package.json": '{"name": "app", "dependencies": {"express": "^4.17.1"}}\n'},
    "typescript": {
        "package.json": '{"name": "app", "dependencies": {"express": "^4.18.0"}, "devDependencies": {"typescript": "^5"}}\n',
        "tsconfig.json": '{"compilerOptions": {"target": "es2020"}}\n',
    },
    "java": {
        "pom.xml": "<project><modelVersion>4.0.0</modelVersion><groupId>com.acme</groupId><artifactId>app</artifactId>"
        "<version>1.0</version><properties><java.version>11</java.version></properties></project>\n"
    },
    "go": {"go.mod": "module example.com/app\n\ngo 1.20\n"},
    "csharp": {
        "App.csproj": '<Project Sdk="Microsoft.NET.Sdk.Web"><PropertyGroup><TargetFramework>net6.0</TargetFramework>'
        "</PropertyGroup></Project>\n"
    },
    "ruby": {"Gemfile": "source 'https://rubygems.org'\ngem 'rails', '~> 6.1'\n"},
    "php": {"composer.json": '{"require": {"php": "^8.1", "laravel/framework": "^9.0"}}\n'},
}

WRITERS = {
    "python": _python,
    "javascript": _javascript,
    "typescript": lambda i, rng: _javascript(i, rng, ts=True),
    "java": _java,
    "go": _go,
    "csharp": _csharp,
    "ruby": _ruby,
    "php": _php,
}


def generate(root: Path, count: int, seed: int = 7, start: int = 0) -> dict[str, int]:
    """Write apps ``start .. count-1`` under ``root``; return how many of each size."""
    sizes: dict[str, int] = {}
    for n in range(start, count):
        rng = random.Random(seed * 100_003 + n)
        language = LANGUAGES[n % len(LANGUAGES)]
        pick = rng.random()
        acc = 0.0
        size, low, high = SIZES[-1][0], *SIZES[-1][2]
        for name, share, (lo, hi) in SIZES:
            acc += share
            if pick <= acc:
                size, low, high = name, lo, hi
                break
        sizes[size] = sizes.get(size, 0) + 1
        app = root / f"app{n:05d}-{language}"
        for rel, text in MANIFESTS[language].items():
            (app / rel).parent.mkdir(parents=True, exist_ok=True)
            (app / rel).write_text(text)
        for i in range(rng.randint(low, high)):
            rel, text = WRITERS[language](i, rng)
            (app / rel).parent.mkdir(parents=True, exist_ok=True)
            (app / rel).write_text(text)
    return sizes


# --------------------------------------------------------------------------- measuring


@dataclass
class Measure:
    label: str
    apps: int
    seconds: float
    main_peak_mb: float
    tree_peak_mb: float
    last_line: str

    @property
    def per_minute(self) -> float:
        return self.apps / self.seconds * 60 if self.seconds else 0.0


def measure(label: str, apps: int, args: list[str]) -> Measure:
    command = [sys.executable, "-m", "assess.cli", "portfolio", "--no-progress", *args]
    started = time.monotonic()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peaks = {"main": 0, "tree": 0}
    stop = threading.Event()

    def sample() -> None:
        try:
            root = psutil.Process(proc.pid)
        except psutil.NoSuchProcess:
            return
        while not stop.is_set():
            try:
                main = root.memory_info().rss
                tree = main
                for child in root.children(recursive=True):
                    try:
                        tree += child.memory_info().rss
                    except psutil.NoSuchProcess:
                        continue
            except psutil.NoSuchProcess:
                return
            peaks["main"] = max(peaks["main"], main)
            peaks["tree"] = max(peaks["tree"], tree)
            stop.wait(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = proc.communicate()
    seconds = time.monotonic() - started
    stop.set()
    sampler.join()
    if proc.returncode != 0:
        raise SystemExit(f"{label} failed ({proc.returncode}):\n{err[-3000:]}")
    lines = [line for line in err.splitlines() if " apps: " in line and " assessed, " in line]
    last = lines[-1].strip() if lines else (err.strip().splitlines() or [""])[-1]
    return Measure(label, apps, seconds, peaks["main"] / 2**20, peaks["tree"] / 2**20, last)


def row(m: Measure) -> str:
    return (
        f"| {m.label} | {m.apps} | {m.seconds:7.1f} | {m.per_minute:7.0f} | "
        f"{m.main_peak_mb:6.0f} | {m.tree_peak_mb:6.0f} |"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--apps", type=int, default=500)
    parser.add_argument("--big", type=int, default=2000)
    parser.add_argument("--keep", type=Path, help="Generate and keep the portfolio here.")
    parser.add_argument("--skip-dask", action="store_true")
    args = parser.parse_args(argv)

    base = args.keep or Path(tempfile.mkdtemp(prefix="assess-bench-"))
    try:
        small, big = base / "portfolio", base / "portfolio-big"
        started = time.monotonic()
        if not small.is_dir():
            sizes = generate(small, args.apps)
            print(f"generated {args.apps} apps ({', '.join(f'{v} {k}' for k, v in sizes.items())})", end="")
        else:
            print(f"reusing {args.apps} apps", end="")
        files = sum(1 for p in small.rglob("*") if p.is_file())
        print(f"; {files} files, in {time.monotonic() - started:.1f} s under {base}")
        print(
            f"machine: {os.cpu_count()} cores, {psutil.virtual_memory().total / 2**30:.0f} GiB, "
            f"Python {sys.version.split()[0]}",
            flush=True,
        )
        out = base / "out"
        shutil.rmtree(out, ignore_errors=True)

        def run(label: str, apps: int, portfolio: Path, name: str, *extra: str) -> Measure:
            os.environ["ASSESS_CACHE_DIR"] = str(out / f"cache-{name}")
            m = measure(label, apps, [str(portfolio), "-o", str(out / name), *extra])
            print(f"  {label}: {m.seconds:.1f} s; {m.last_line}", flush=True)
            return m

        plan = [("local, 1 worker", "local-1", ["-w", "1"]), ("local, 2 workers", "local-2", ["-w", "2"])]
        if not args.skip_dask:
            plan += [
                ("dask, 1 worker", "dask-1", ["--executor", "dask", "-w", "1"]),
                ("dask, 2 workers", "dask-2", ["--executor", "dask", "-w", "2"]),
            ]
        runs = [run(label, args.apps, small, name, *extra, "--no-report") for label, name, extra in plan]
        first = run("first run, full command (2 workers, report)", args.apps, small, "full", "-w", "2")
        rerun = run("re-run unchanged, full command", args.apps, small, "full", "-w", "2")

        if not big.is_dir():
            shutil.copytree(small, big)
            generate(big, args.big, start=args.apps)
        large = run(f"{args.big} apps, local, 2 workers", args.big, big, "big", "-w", "2", "--no-report")

        print()
        print("| run | apps | seconds | apps/min | peak MiB (coordinator) | peak MiB (all processes) |")
        print("|---|---:|---:|---:|---:|---:|")
        for m in [*runs, first, rerun, large]:
            print(row(m))
        print()
        local2 = runs[1]
        print(
            f"re-run of the unchanged portfolio: {rerun.seconds:.2f} s = "
            f"{100 * rerun.seconds / first.seconds:.1f} % of the first run (goal < 5 %)"
        )
        print(
            f"coordinator peak memory: {local2.main_peak_mb:.0f} MiB with {args.apps} apps, "
            f"{large.main_peak_mb:.0f} MiB with {args.big} apps "
            f"(x{large.main_peak_mb / local2.main_peak_mb:.2f}; goal: flat); all processes: "
            f"{local2.tree_peak_mb:.0f} vs {large.tree_peak_mb:.0f} MiB "
            f"(x{large.tree_peak_mb / local2.tree_peak_mb:.2f})"
        )
        print(
            f"HTML report of {args.apps} apps: about {first.seconds - local2.seconds:.1f} s "
            f"and a coordinator peak of {first.main_peak_mb:.0f} MiB (without it: {local2.main_peak_mb:.0f} MiB)"
        )
        print(f"2 workers / 1 worker, local: {local2.per_minute / runs[0].per_minute:.2f}")
        if not args.skip_dask:
            print(
                f"dask / local throughput, 2 workers: {runs[3].per_minute / local2.per_minute:.2f}; "
                f"1 worker: {runs[2].per_minute / runs[0].per_minute:.2f}"
            )
    finally:
        if args.keep is None:
            shutil.rmtree(base, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
