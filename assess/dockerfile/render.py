"""Render a :class:`DockerfilePlan` to Dockerfile and ``.dockerignore`` text (jinja2, no autoescape:
these are not HTML). The result is checked line by line: every line is blank, a comment, an
instruction keyword or an indented continuation, so no repository text can add an instruction."""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass
from functools import cache

import jinja2

from assess.dockerfile.instructions import Instruction, comment_text
from assess.dockerfile.plan import DockerfilePlan

KEYWORDS = frozenset(
    [
        "FROM",
        "ARG",
        "ENV",
        "WORKDIR",
        "COPY",
        "RUN",
        "USER",
        "EXPOSE",
        "HEALTHCHECK",
        "CMD",
        "ENTRYPOINT",
        "LABEL",
        "VOLUME",
        "SHELL",
        "STOPSIGNAL",
    ]
)
WIDTH = 100


class RenderError(RuntimeError):
    """The rendered text failed the line check (a bug: the planner let something through)."""


@dataclass(frozen=True, slots=True)
class Scaffold:
    """The generated files of one app: ``files`` maps a file name to its text."""

    plan: DockerfilePlan
    files: dict[str, str]

    @property
    def dockerfile(self) -> str | None:
        return self.files.get("Dockerfile") or self.files.get("Dockerfile.windows")


def _comment(text: str, lead: str = "") -> str:
    """Wrap ``text`` into ``#`` comment lines; continuation lines are indented under ``lead``."""
    text = comment_text(text, 2000)
    lines = textwrap.wrap(text, WIDTH - 2 - len(lead), break_long_words=False, break_on_hyphens=False) or [""]
    indent = " " * len(lead)
    return "\n".join(f"#{lead if i == 0 else indent}{line}".rstrip() for i, line in enumerate(lines))


def _instruction(item: Instruction) -> str:
    comments = "".join(_comment(c, " ") + "\n" for c in item.comment)
    return comments + item.text


def image_name(app: str) -> str:
    """A valid image name for the app (lowercase, ``[a-z0-9._-]``)."""
    name = re.sub(r"[^a-z0-9._-]+", "-", app.lower()).strip("-._")
    return name or "app"


@cache
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("assess.dockerfile", "templates"),
        autoescape=False,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=False,
        lstrip_blocks=False,
    )
    env.filters["comment"] = _comment
    env.filters["instruction"] = _instruction
    return env


def check_lines(text: str, name: str) -> None:
    """Raise :class:`RenderError` when a line is not blank, a comment, a keyword or a continuation."""
    continued = False
    for number, line in enumerate(text.split("\n"), start=1):
        stripped = line.strip()
        if continued:
            continued = line.endswith("\\")
            if not line.startswith("    ") and stripped:
                raise RenderError(f"{name}:{number}: continuation not indented: {line!r}")
            continue
        if not stripped or stripped.startswith("#"):
            continue
        keyword = stripped.split(None, 1)[0]
        if keyword not in KEYWORDS:
            raise RenderError(f"{name}:{number}: not an instruction: {line!r}")
        continued = line.endswith("\\")


def render_dockerfile(plan: DockerfilePlan) -> str:
    """The Dockerfile text of a supported plan."""
    template = _environment().get_template("Dockerfile.j2")
    text = template.render(
        plan=plan,
        image=image_name(plan.app),
        context=f"./{plan.context}" if plan.context else "the app's root",
    )
    text = re.sub(r"\n{3,}", "\n\n", text).strip("\n") + "\n"
    check_lines(text, "Dockerfile")
    return text


def render_dockerignore(plan: DockerfilePlan) -> str:
    text = _environment().get_template("dockerignore.j2").render(plan=plan)
    for number, line in enumerate(text.splitlines(), start=1):
        if "\x00" in line or (line.strip() and not re.match(r"^[#!A-Za-z0-9_.*/\[\]?{}@+ -]", line)):
            raise RenderError(f".dockerignore:{number}: unexpected line {line!r}")
    return text


def render_windows(plan: DockerfilePlan) -> str:
    """The explanation and Windows-container alternative of an unsupported .NET Framework plan."""
    text = _environment().get_template("Dockerfile.windows.j2").render(plan=plan, image=image_name(plan.app))
    text = re.sub(r"\n{3,}", "\n\n", text).strip("\n") + "\n"
    check_lines(text, "Dockerfile.windows")
    return text


def render(plan: DockerfilePlan) -> Scaffold:
    """Every file of the scaffold: Dockerfile and .dockerignore, or Dockerfile.windows for .NET
    Framework, or nothing when no scaffold is possible."""
    if plan.supported:
        return Scaffold(
            plan, {"Dockerfile": render_dockerfile(plan), ".dockerignore": render_dockerignore(plan)}
        )
    if plan.alternative:
        return Scaffold(plan, {"Dockerfile.windows": render_windows(plan)})
    return Scaffold(plan, {})
