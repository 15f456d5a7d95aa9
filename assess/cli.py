"""The ``assess`` command line: ``main(argv) -> int``."""

from __future__ import annotations

import dataclasses
import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console

from assess import __version__
from assess.config import ScanConfig
from assess.model import Dimension, assessment_to_dict
from assess.rules.loader import RuleLoadError, load_rules
from assess.scoring.rubric import RubricError, load_rubric
from assess.source import SourceError

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
    _err.print(f"[bold red]error:[/] {message}", highlight=False, markup=True)
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


@app.command()
def portfolio(
    folder: Annotated[Path, typer.Argument(help="A folder whose subfolders are applications.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder.")] = Path("assess-out"),
    rubric: RubricOption = None,
    rules: RulesOption = None,
) -> None:
    """Assess every subfolder of FOLDER and write assessments.csv, findings.csv and JSON."""
    from assess.pipeline import load_toolkit
    from assess.portfolio.runner import folder_items, run_portfolio

    try:
        toolkit = load_toolkit(_config(rubric, rules))
        items = list(folder_items(folder))
    except (SourceError, RuleLoadError, RubricError) as exc:
        _fail(str(exc))
    console = Console(stderr=True)

    def report(item: object, status: str) -> None:
        console.print(f"{getattr(item, 'app', item)}: {status}", highlight=False)

    result = run_portfolio(items, out, toolkit=toolkit, on_done=report)
    written = f"{out / 'assessments.csv'}, {out / 'findings.csv'}"
    console.print(f"{result.assessed} assessed, {result.failed} failed → {written}")


@rules_app.command("validate")
def rules_validate(rubric: RubricOption = None, rules: RulesOption = None) -> None:
    """Validate every rule file and the rubric; list every error with file and line."""
    problems: list[str] = []
    count = 0
    try:
        count = len(load_rules([rules] if rules else None))
    except RuleLoadError as exc:
        problems.extend(str(e) for e in exc.errors)
    try:
        load_rubric(rubric)
    except RubricError as exc:
        problems.append(str(exc))
    if problems:
        for problem in problems:
            _err.print(problem, highlight=False, markup=False)
        raise typer.Exit(1)
    Console().print(f"{count} rules and the rubric are valid")


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
    console = Console()
    failed = [r for r in results if not r.passed]
    for result in failed:
        console.print(f"[red]FAIL[/] {result.rule_id}", highlight=False)
        for problem in result.problems:
            console.print(f"  {problem}", highlight=False, markup=False)
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
