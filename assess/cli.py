"""The ``assess`` command line: ``main(argv) -> int``."""

from __future__ import annotations

import dataclasses
import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer
from rich.console import Console

from assess import __version__
from assess.config import ScanConfig
from assess.model import Dimension, assessment_to_dict
from assess.rules.loader import RuleLoadError, load_rules
from assess.scoring.rubric import RubricError, load_rubric
from assess.source import SourceError

if TYPE_CHECKING:
    from assess.portfolio.outputs import AppHook

app = typer.Typer(
    name="assess",
    help="Assess applications for containerization and decomposition, from their source code.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
rules_app = typer.Typer(help="Check the rule files and run their fixtures.", no_args_is_help=True)
app.add_typer(rules_app, name="rules")

_err = Console(stderr=True)


class OutputFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


RubricOption = Annotated[
    Path | None, typer.Option("--rubric", help="A rubric YAML extending the default (`extends: default`).")
]
RulesOption = Annotated[
    Path | None, typer.Option("--rules", help="A rules folder to use instead of the bundled one.")
]


def _config(rubric: Path | None, rules: Path | None, max_file_bytes: int | None = None) -> ScanConfig:
    config = ScanConfig(rubric_path=rubric, rules_dir=rules)
    return config if max_file_bytes is None else dataclasses.replace(config, max_file_bytes=max_file_bytes)


def _fail(message: str, code: int = 2) -> NoReturn:
    _err.print(f"[bold red]error:[/] {message}", highlight=False, markup=True, soft_wrap=True)
    raise typer.Exit(code)


@app.command()
def scan(
    target: Annotated[str, typer.Argument(help="A folder, a git repository or a git URL.")],
    output_format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="Output format.")
    ] = OutputFormat.table,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file.")] = None,
    fail_under: Annotated[
        float | None, typer.Option("--fail-under", help="Exit 1 when the containerization score is below N.")
    ] = None,
    rubric: RubricOption = None,
    rules: RulesOption = None,
    max_file_bytes: Annotated[int | None, typer.Option(help="Skip files larger than this.")] = None,
) -> None:
    """Assess one application and print a summary, or write the full assessment."""
    from assess.pipeline import scan as scan_app
    from assess.portfolio.exports import FINDING_COLUMNS, assessment_row, finding_rows, write_csv

    try:
        assessment = scan_app(target, _config(rubric, rules, max_file_bytes))
    except (SourceError, RuleLoadError, RubricError) as exc:
        _fail(str(exc))
    if output_format is OutputFormat.table and output is None:
        from assess.report.console import render_summary

        render_summary(assessment, Console())
    elif output_format is OutputFormat.csv:
        if output is None:
            write_csv(sys.stdout, finding_rows(assessment), FINDING_COLUMNS)
        else:
            write_csv(output, [assessment_row(assessment)], list(assessment_row(assessment)))
            write_csv(
                output.with_name(output.stem + "-findings.csv"), finding_rows(assessment), FINDING_COLUMNS
            )
    else:
        text = json.dumps(assessment_to_dict(assessment), indent=2, ensure_ascii=False)
        if output is None:
            sys.stdout.write(text + "\n")
        else:
            output.write_text(text + "\n", encoding="utf-8")
    if fail_under is not None:
        result = assessment.score(Dimension.CONTAINERIZATION)
        if result is not None and result.score < fail_under:
            _err.print(f"containerization score {result.score:.0f} is below {fail_under:g}")
            raise typer.Exit(1)


class ExecutorKind(StrEnum):
    local = "local"
    dask = "dask"


def _portfolio_hooks() -> list[AppHook]:
    """Post-assessment output hooks of `assess portfolio`: each is called with the Assessment of
    every assessed app and the output folder, after the tables are written. Add yours here."""
    from assess.dockerfile.command import portfolio_hook

    return [portfolio_hook]


@app.command()
def portfolio(
    inputs: Annotated[
        list[str] | None,
        typer.Argument(
            help="Folders of apps, app folders (monorepos are split), git URLs, archives, manifest CSVs."
        ),
    ] = None,
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder.")] = Path("assess-out"),
    manifest: Annotated[
        list[Path] | None,
        typer.Option(
            "--manifest", "-m", help="A manifest CSV: id, source, ref, subfolder, metadata columns."
        ),
    ] = None,
    workers: Annotated[
        int | None, typer.Option("--workers", "-w", min=1, help="Parallel workers (default: CPU cores).")
    ] = None,
    executor: Annotated[
        ExecutorKind, typer.Option("--executor", help="local processes, or a Dask cluster.")
    ] = ExecutorKind.local,
    scheduler: Annotated[
        str | None, typer.Option("--scheduler", help="Dask scheduler address (default: a local cluster).")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Re-assess every app, stored or not.")] = False,
    retry_errors: Annotated[bool, typer.Option("--retry-errors", help="Re-assess apps that failed.")] = False,
    timeout: Annotated[float, typer.Option(help="Seconds per app before it becomes an error row.")] = 600.0,
    max_memory_mb: Annotated[int, typer.Option(help="Address space of a worker, MiB (0: none).")] = 4096,
    max_app_mb: Annotated[
        int, typer.Option(help="MiB of files to read per app; a larger app is an error row (0: no limit).")
    ] = 1024,
    max_files: Annotated[
        int, typer.Option(help="Files per app; an app with more is an error row.")
    ] = 100_000,
    max_file_bytes: Annotated[int | None, typer.Option(help="Skip files larger than this.")] = None,
    max_archive_mb: Annotated[int, typer.Option(help="Largest extracted archive, MiB.")] = 2048,
    max_archive_members: Annotated[int, typer.Option(help="Most members in an archive.")] = 100_000,
    monorepos: Annotated[
        bool, typer.Option("--monorepos/--no-monorepos", help="Split folders holding several apps.")
    ] = True,
    store: Annotated[
        Path | None, typer.Option("--store", help="The results store (default OUT/store.sqlite).")
    ] = None,
    parquet: Annotated[bool, typer.Option("--parquet/--no-parquet", help="Also write Parquet.")] = True,
    report: Annotated[
        bool, typer.Option("--report/--no-report", help="Write the HTML report OUT/report.html.")
    ] = True,
    summary: Annotated[
        bool, typer.Option("--summary", help="Print the portfolio overview (alone: of the last run in OUT).")
    ] = False,
    progress: Annotated[
        bool | None, typer.Option("--progress/--no-progress", help="Progress bar (default: on a terminal).")
    ] = None,
    rubric: RubricOption = None,
    rules: RulesOption = None,
) -> None:
    """Assess a portfolio of applications; write OUT/assessments.csv, findings.csv, Parquet, JSON, SARIF.

    Results are stored in OUT/store.sqlite as each app finishes: a re-run skips unchanged apps and a
    killed run resumes where it stopped.
    """
    from assess.pipeline import load_toolkit
    from assess.portfolio.archives import ArchiveLimits
    from assess.portfolio.assessor import AppLimits, WorkerSettings
    from assess.portfolio.executors import ExecutorError
    from assess.portfolio.exports import ASSESSMENT_COLUMNS, FINDING_COLUMNS
    from assess.portfolio.inputs import input_items
    from assess.portfolio.progress import BarProgress, LogProgress
    from assess.portfolio.runner import STORE_NAME, RunOptions, run_portfolio
    from assess.portfolio.store import Store, StoreError
    from assess.portfolio.summary import render_summary, summarize

    console = Console(stderr=True)
    store_path = store or out / STORE_NAME
    if not inputs and not manifest:
        if not summary:
            _fail("give folders, git URLs, archives or a manifest CSV to assess (or --summary alone)")
        if not store_path.is_file():
            _fail(f"no portfolio store at {store_path}: run `assess portfolio INPUTS -o {out}` first")
        try:
            with Store(store_path) as opened:
                run_id = opened.latest_run()
                if run_id is None:
                    _fail(f"{store_path} holds no run yet")
                render_summary(summarize(opened, run_id), Console())
        except StoreError as exc:
            _fail(str(exc))
        return
    config = _config(rubric, rules, max_file_bytes)
    config = dataclasses.replace(config, max_files=max_files)
    settings = WorkerSettings(
        config=config,
        limits=AppLimits(
            timeout=timeout,
            max_memory_mb=max_memory_mb,
            max_app_mb=max_app_mb,
            archive=ArchiveLimits(max_bytes=max_archive_mb * 1024**2, max_members=max_archive_members),
        ),
    )
    options = RunOptions(
        executor=executor.value,
        scheduler=scheduler,
        force=force,
        retry_errors=retry_errors,
        store=store,
        parquet=parquet,
        **({"workers": workers} if workers else {}),
    )
    show_bar = console.is_terminal if progress is None else progress
    reporter = BarProgress(console) if show_bar else LogProgress(console)
    items = input_items(
        inputs or [],
        manifests=manifest or [],
        reserved=(*ASSESSMENT_COLUMNS, *FINDING_COLUMNS),
        monorepos=monorepos,
    )
    try:
        toolkit = load_toolkit(config)
        result = run_portfolio(
            items,
            out,
            toolkit=toolkit,
            settings=settings,
            options=options,
            hooks=_portfolio_hooks(),
            progress=reporter,
        )
    except (SourceError, RuleLoadError, RubricError, StoreError, ExecutorError) as exc:
        _fail(str(exc))
    except KeyboardInterrupt:
        console.print("interrupted: run the same command again to resume")
        raise typer.Exit(130) from None
    export = result.export
    console.print(
        f"{result.total} apps: {result.assessed} assessed, {result.unchanged} unchanged, "
        f"{result.failed} failed ({export.errors} error rows) → {out}"
        + (" (outputs unchanged)" if export.unchanged else ""),
        highlight=False,
        soft_wrap=True,
    )
    for problem in export.hook_errors[:10]:
        console.print(f"output hook failed: {problem}", highlight=False, markup=False, soft_wrap=True)
    if report:
        _write_report(out, console, unchanged=export.unchanged)
    if summary:
        with Store(result.store) as opened:
            render_summary(summarize(opened, result.run_id), Console())


def _write_report(out: Path, console: Console, *, unchanged: bool = False) -> None:
    """The HTML report at the end of a portfolio run (kept when the outputs it shows are unchanged);
    the tables are written, so a problem here is reported and does not fail the run."""
    from assess.portfolio.freshness import current_report, mark_report

    kept = current_report(out) if unchanged else None
    if kept is not None:
        console.print(f"report unchanged → {kept}", highlight=False, soft_wrap=True)
        return
    from assess.report.html import write_portfolio_report

    try:
        path = write_portfolio_report(out)
        mark_report(out, path)
        console.print(f"report → {path}", highlight=False, soft_wrap=True)
    except Exception as exc:
        console.print(
            f"report not written: {type(exc).__name__}: {exc}", highlight=False, markup=False, soft_wrap=True
        )


@app.command("report")
def report_command(
    out: Annotated[Path, typer.Argument(help="A portfolio output folder (or one assessment JSON file).")],
    html: Annotated[
        Path | None,
        typer.Option("--html", help="Write the standalone HTML report here (default OUT/report.html)."),
    ] = None,
    title: Annotated[str | None, typer.Option(help="The report's title.")] = None,
) -> None:
    """Write one self-contained HTML report (charts, app table, a page per app) of OUT."""
    from assess.report.html import REPORT_FILE, write_html

    if not out.exists():
        _fail(f"no portfolio output at {out}")
    target = html or (out / REPORT_FILE if out.is_dir() else out.with_suffix(".html"))
    try:
        write_html(out, target, title=title)  # a folder is read one app at a time
    except (OSError, ValueError) as exc:
        _fail(str(exc))
    Console(stderr=True).print(f"report → {target}", highlight=False)


class DecomposeFormat(StrEnum):
    table = "table"
    json = "json"


@app.command("decompose")
def decompose_command(
    target: Annotated[str, typer.Argument(help="A folder, a git repository or a git URL.")],
    services: Annotated[
        int | None, typer.Option("--services", "-k", min=1, help="Force this many candidate services.")
    ] = None,
    output_format: Annotated[
        DecomposeFormat, typer.Option("--format", "-f", help="Output format.")
    ] = DecomposeFormat.table,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file.")] = None,
    rubric: RubricOption = None,
    rules: RulesOption = None,
) -> None:
    """Propose candidate services for one app: the cut, its metrics and the fitness score."""
    from assess.pipeline import scan as scan_app
    from assess.report.decomposition_console import decomposition_dict, render_decomposition

    config = dataclasses.replace(_config(rubric, rules), services=services)
    try:
        assessment = scan_app(target, config)
    except (SourceError, RuleLoadError, RubricError) as exc:
        _fail(str(exc))
    if output_format is DecomposeFormat.table and output is None:
        render_decomposition(assessment, Console())
        return
    if output_format is DecomposeFormat.table:
        with output.open("w", encoding="utf-8") as handle:  # type: ignore[union-attr]
            render_decomposition(assessment, Console(file=handle, width=160))
        return
    text = json.dumps(decomposition_dict(assessment), indent=2, ensure_ascii=False)
    if output is None:
        sys.stdout.write(text + "\n")
    else:
        output.write_text(text + "\n", encoding="utf-8")


@rules_app.command("validate")
def rules_validate(rubric: RubricOption = None, rules: RulesOption = None) -> None:
    """Validate every rule file and the rubric; list every error with file and line."""
    from assess.rubric_validation import validate_extras

    problems: list[str] = []
    count = 0
    rule_ids: list[str] = []
    try:
        loaded = load_rules([rules] if rules else None)
        count, rule_ids = len(loaded), [item.rule.id for item in loaded]
    except RuleLoadError as exc:
        problems.extend(str(e) for e in exc.errors)
    try:
        load_rubric(rubric)
    except RubricError as exc:
        problems.append(str(exc))
    extras = validate_extras(rubric, rule_ids)
    problems.extend(extras.problems)
    for warning in extras.warnings:
        _err.print(f"warning: {warning}", highlight=False, markup=False, soft_wrap=True)
    if problems:
        for problem in problems:
            _err.print(problem, highlight=False, markup=False, soft_wrap=True)
        raise typer.Exit(1)
    Console().print(f"{count} rules and the rubric are valid, and {extras.container_checks} container checks")


@rules_app.command("test")
def rules_test(
    rule_ids: Annotated[list[str] | None, typer.Argument(help="Only these rule ids.")] = None,
    rules: RulesOption = None,
) -> None:
    """Run every rule's fail/ and pass/ fixtures."""
    from assess.rule_tests import run_rule_tests

    try:
        loaded = load_rules([rules] if rules else None)
    except RuleLoadError as exc:
        _fail(str(exc), 1)
    if rule_ids:
        loaded = [item for item in loaded if item.rule.id in set(rule_ids)]
    results = run_rule_tests(loaded)
    if not rules:  # the bundled container-audit checks have fixtures too
        from assess.analyzers.container_checks import CatalogLoadError, load_catalog
        from assess.container_rule_tests import run_container_tests

        try:
            catalog = load_catalog()
        except CatalogLoadError as exc:
            _fail(str(exc), 1)
        results += run_container_tests(catalog, rule_ids or ())
    console = Console()
    failed = [r for r in results if not r.passed]
    for result in failed:
        console.print(f"[red]FAIL[/] {result.rule_id}", highlight=False)
        for problem in result.problems:
            console.print(f"  {problem}", highlight=False, markup=False, soft_wrap=True)
    console.print(f"{len(results) - len(failed)} passed, {len(failed)} failed")
    if failed:
        raise typer.Exit(1)


@app.callback(invoke_without_command=True)
def _root(
    version: Annotated[bool, typer.Option("--version", help="Print the version and exit.")] = False,
) -> None:
    if version:
        Console().print(f"assess {__version__}")
        raise typer.Exit(0)


@app.command("dockerfile")
def dockerfile_command(
    path: Annotated[Path, typer.Argument(help="The app folder.")],
    write: Annotated[bool, typer.Option("--write", help="Write Dockerfile and .dockerignore.")] = False,
    out: Annotated[Path | None, typer.Option("--out", help="Write into this folder instead of PATH.")] = None,
    base_image_map: Annotated[
        Path | None, typer.Option("--base-image-map", help="YAML mapping base images to approved ones.")
    ] = None,
    base_image: Annotated[
        list[str] | None,
        typer.Option("--base-image", help="FROM=TO: map one base image (repeatable; over the map file)."),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing Dockerfile.")] = False,
    build: Annotated[
        bool,
        typer.Option(
            "--build", help="Build and run it with the Docker engine (DOCKER_HOST); wait until it answers."
        ),
    ] = False,
    env: Annotated[
        list[str] | None,
        typer.Option("--env", "-e", help="KEY=VALUE passed to the container with --build (repeatable)."),
    ] = None,
    timeout: Annotated[
        float, typer.Option("--timeout", help="Seconds to wait for the container to answer (--build).")
    ] = 90.0,
) -> None:
    """Generate a Dockerfile scaffold for one app (printed; --write writes it, --build builds it)."""
    from assess.dockerfile.build import DockerUnavailable
    from assess.dockerfile.command import Request, ScaffoldRefused, generate, parse_env, why_text

    try:
        environment = parse_env(env or [])
        request = Request(
            write=write or out is not None,
            out=out,
            image_map=base_image_map,
            base_images=tuple(base_image or ()),
            force=force,
            build=build,
            environment=environment,
            timeout=timeout,
        )
        outcome = generate(
            path,
            request,
            on_progress=lambda msg: _err.print(msg, highlight=False, markup=False, soft_wrap=True),
        )
    except (ScaffoldRefused, DockerUnavailable) as exc:
        _fail(str(exc))
    scaffold = outcome.scaffold
    if outcome.written:
        for item in outcome.written:
            typer.echo(f"wrote {item}")
    elif "Dockerfile" not in scaffold.files:
        typer.echo(why_text(scaffold) + ("\n" + scaffold.files.get("Dockerfile.windows", "")), nl=False)
    elif not build:
        typer.echo(scaffold.files["Dockerfile"], nl=False)
    report = outcome.report
    if report is not None:
        typer.echo(report.summary())
        if not report.ok:
            for line in report.log_tail:
                _err.print(f"  {line}", highlight=False, markup=False)
            raise typer.Exit(1)
    if "Dockerfile" not in scaffold.files:
        raise typer.Exit(2 if not scaffold.plan.alternative else 0)


def main(argv: list[str] | None = None) -> int:
    """Run the CLI with ``argv`` (default: ``sys.argv[1:]``) and return the exit code."""
    try:
        app(args=argv, prog_name="assess")
    except SystemExit as exc:
        if exc.code is None or isinstance(exc.code, int):
            return exc.code or 0
        print(exc.code, file=sys.stderr)
        return 1
    return 0


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())


if __name__ == "__main__":
    run()
