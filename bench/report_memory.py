"""Peak memory and time of the standalone HTML report as the portfolio grows.

    python bench/report_memory.py [--sizes 250 1000 2000]

Scans the bundled ``sample_repos/`` once with ``assess portfolio``, then makes portfolio output
folders of each size by copying those assessments under new app names (the JSON, its
``assessments.csv`` row and its Dockerfiles), and runs ``assess report`` on each in its own
process. Two readers are measured side by side in the same run: the streamed report (what ``assess report`` and the end of ``assess portfolio`` do)
and, as the reference, rendering after loading the whole folder (``load_portfolio``, the way a
notebook holds a portfolio). Memory is the process's peak resident set (``ru_maxrss``) of a
fresh interpreter for each. Figures are printed, not asserted; the goal is a flat streamed peak.
"""

from __future__ import annotations

import argparse
import csv
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_PEAK = "import atexit, resource, sys\natexit.register(lambda: print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr))\n"
_STREAMED = _PEAK + (
    "from assess.report.html import write_html\n"
    "write_html(sys.argv[1], sys.argv[2])  # a folder is read one app at a time, as `assess report` does\n"
)
_IN_MEMORY = _PEAK + (
    "from assess.report.frames import load_portfolio\n"
    "from assess.report.html import write_html\n"
    "write_html(load_portfolio(sys.argv[1]), sys.argv[2])\n"
)


def scan_samples(out: Path) -> None:
    """One real portfolio run over the bundled samples (no report)."""
    subprocess.run(
        [
            str(Path(sys.executable).with_name("assess")),
            "portfolio",
            str(ROOT / "sample_repos"),
            "-o",
            str(out),
            "--no-report",
        ],
        check=True,
        capture_output=True,
    )


def grow(seed: Path, target: Path, size: int) -> None:
    """A portfolio output folder of ``size`` apps made of copies of ``seed``'s assessments."""
    (target / "json").mkdir(parents=True)
    documents = [json.loads(p.read_text(encoding="utf-8")) for p in sorted((seed / "json").glob("*.json"))]
    with (seed / "assessments.csv").open(encoding="utf-8", newline="") as handle:
        rows = {row["app"]: row for row in csv.DictReader(handle)}
    fields = list(next(iter(rows.values())))
    with (target / "assessments.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        for i in range(size):
            document = dict(documents[i % len(documents)])
            original = document["app"]
            name = f"{original}-{i:05d}"
            document["app"] = name
            (target / "json" / f"{name}.json").write_text(json.dumps(document), encoding="utf-8")
            writer.writerow({**rows.get(original, {}), "app": name})
            dockerfiles = seed / "dockerfiles" / original
            if dockerfiles.is_dir():
                shutil.copytree(dockerfiles, target / "dockerfiles" / name)


def measure(script: str, *args: Path) -> tuple[float, float]:
    """Seconds and peak resident MiB of one fresh interpreter running ``script``."""
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", script, *map(str, args)], check=True, capture_output=True, text=True
    )
    return time.perf_counter() - start, int(done.stderr.strip().splitlines()[-1]) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[250, 1000, 2000])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="assess-report-bench-") as tmp:
        work = Path(tmp)
        scan_samples(work / "seed")
        print("| apps | report MiB | streamed peak MiB | streamed s | in-memory peak MiB | in-memory s |")
        print("|---:|---:|---:|---:|---:|---:|")
        figures = []
        for size in sorted(args.sizes):
            folder = work / f"p{size}"
            grow(work / "seed", folder, size)
            streamed = measure(_STREAMED, folder, work / "s.html")
            loaded = measure(_IN_MEMORY, folder, work / "m.html")
            report_mib = (work / "s.html").stat().st_size / 2**20
            figures.append((size, streamed[1], loaded[1]))
            print(
                f"| {size} | {report_mib:.0f} | {streamed[1]:.0f} | {streamed[0]:.1f} | "
                f"{loaded[1]:.0f} | {loaded[0]:.1f} |"
            )
        (small, s_small, m_small), (big, s_big, m_big) = figures[0], figures[-1]
        print(
            f"\n{small} → {big} apps: streamed peak x{s_big / s_small:.2f} (goal: flat), "
            f"in-memory reference x{m_big / m_small:.2f}"
        )


if __name__ == "__main__":
    main()
