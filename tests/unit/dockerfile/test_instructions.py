"""Instruction builders: hostile repository text is quoted or refused, never spliced in."""

from __future__ import annotations

import json
import shlex

import pytest

from assess.dockerfile.images import BaseImage, BaseImageMap
from assess.dockerfile.instructions import (
    UnsafeValue,
    arg,
    cmd,
    comment_text,
    copy,
    entrypoint,
    env,
    expose,
    from_,
    healthcheck,
    run,
    safe_path,
    shell_argv,
    shell_word,
    user,
    workdir,
)

HOSTILE_PATHS = ['a"b', "a\nRUN rm -rf /", "$(id)", "../etc", "a b", "-rf", "x;y", "`id`", "${HOME}"]


@pytest.mark.parametrize("path", HOSTILE_PATHS)
def test_hostile_paths_are_refused(path: str) -> None:
    with pytest.raises(UnsafeValue):
        safe_path(path)
    with pytest.raises(UnsafeValue):
        copy([path], "./")


def test_plain_paths_pass() -> None:
    assert (
        copy(["src/main", "pom.xml"], "./", from_stage="build").text
        == "COPY --from=build src/main pom.xml ./"
    )


def test_workdir_must_be_absolute() -> None:
    with pytest.raises(UnsafeValue):
        workdir("app")
    assert workdir("/app").text == "WORKDIR /app"


@pytest.mark.parametrize("word", ['it\'s "x"', "$(id)", "a\nb", "`id`", "$HOME", "a b"])
def test_shell_words_are_quoted_to_one_literal_word(word: str) -> None:
    assert shlex.split(shell_word(word)) == [word]


def test_only_port_stays_expandable() -> None:
    assert shell_word("0.0.0.0:$PORT") == '"0.0.0.0:${PORT}"'
    with pytest.raises(UnsafeValue):
        shell_word("$PORT;id")


def test_exec_form_is_json_even_with_quotes_newlines_and_dollars() -> None:
    argv = ['say "hi"', "line\nbreak", "$HOME", "back\\slash"]
    instruction = cmd(argv)
    assert "\n" not in instruction.text
    assert json.loads(instruction.text.removeprefix("CMD ")) == argv


def test_shell_argv_execs_with_the_port_expanded_only() -> None:
    argv = shell_argv(("gunicorn", "app:create_app()", "--bind", "0.0.0.0:$PORT"))
    assert argv[:2] == ("sh", "-c")
    assert argv[2] == "exec gunicorn 'app:create_app()' --bind \"0.0.0.0:${PORT}\""


@pytest.mark.parametrize("value", ['x"y', "a\nb", "$(id)", "`id`", "a;b"])
def test_env_values_and_args_refuse_hostile_text(value: str) -> None:
    with pytest.raises(UnsafeValue):
        env([("NAME", value)])
    with pytest.raises(UnsafeValue):
        arg("VERSION", value)
    with pytest.raises(UnsafeValue):
        env([(value, "1")])


def test_run_refuses_control_characters() -> None:
    with pytest.raises(UnsafeValue):
        run("echo ok\nRUN id")


def test_comments_are_one_printable_line() -> None:
    assert comment_text("a\nFROM evil\r\x00b") == "a FROM evil b"
    assert len(comment_text("x" * 500, 50)) == 50


def test_user_and_expose_are_numeric() -> None:
    assert user(10001, 10001).text == "USER 10001:10001"
    assert expose(8080, "why").comment == ("why",)
    for port in (0, 70000):
        with pytest.raises(UnsafeValue):
            expose(port)


def test_healthcheck_and_entrypoint_are_exec_form() -> None:
    check = healthcheck(("python", "-c", "print('ok')"), start_period=30)
    assert check.keyword == "HEALTHCHECK"
    assert check.lines[0] == "--interval=30s --timeout=5s --start-period=30s --retries=3"
    assert json.loads(check.lines[1].removeprefix("CMD ")) == ["python", "-c", "print('ok')"]
    assert entrypoint(["/usr/local/bin/app"]).text == 'ENTRYPOINT ["/usr/local/bin/app"]'
    with pytest.raises(UnsafeValue):
        cmd([])


def test_from_names_the_resolved_image_and_its_stage() -> None:
    image = BaseImageMap().resolve(BaseImage("node", "{NODE_VERSION}-slim", (("NODE_VERSION", "20"),)))
    assert from_(image, "build").text == "FROM node:${NODE_VERSION}-slim AS build"


def test_run_joins_commands_one_per_line() -> None:
    step = run("apt-get update", "rm -rf /var/lib/apt/lists/*", comment="why")
    assert step.text == "RUN apt-get update \\\n    && rm -rf /var/lib/apt/lists/*"
    assert step.comment == ("why",)


def test_copy_flags_are_validated() -> None:
    assert copy(["/out/"], "./", from_stage="build", chown="65532:65532").text == (
        "COPY --from=build --chown=65532:65532 /out/ ./"
    )
    with pytest.raises(UnsafeValue):
        copy(["a"], "./", chown="app:app")
    with pytest.raises(UnsafeValue):
        copy(["a"], "./", from_stage="build x")


def test_env_quotes_values_with_spaces_and_keeps_port_expansion() -> None:
    step = env([("JAVA_TOOL_OPTIONS", "-Xss1m -XX:+UseG1GC"), ("PATH", "/opt/venv/bin:$PATH")])
    assert step.lines == ('JAVA_TOOL_OPTIONS="-Xss1m -XX:+UseG1GC"', "PATH=/opt/venv/bin:$PATH")
