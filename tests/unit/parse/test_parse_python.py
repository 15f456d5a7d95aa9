"""Python front end."""

from __future__ import annotations

from assess.model import Annotation, Call, Import, StringLiteral
from tests.unit.parse.support import declared, modules, only_call, parse, values

SOURCE = '''
"""Upload service."""
import os.path
import logging.handlers as lh, shutil
from flask import Flask, request
from . import models
from ..storage.disk import (save_blob as save, Store)
from tempfile import *

app = Flask(__name__)


@app.route("/upload", methods=["POST"])
@login_required
def upload():
    """Store the uploaded file."""
    target = os.path.join(UPLOAD_DIR, request.files["f"].filename)
    with open(target, mode="wb") as out:  # open(target, "w") in a comment
        out.write(request.data)
    # shutil.copy(target, "/backup")
    log = f"stored {target!r}"
    return log


class Store:
    def save(self, path):
        def helper():
            return open(path, "a")
        return helper()
'''


def test_imports() -> None:
    assert parse("python", SOURCE).imports == (
        Import("os.path", 2),
        Import("logging.handlers", 3),
        Import("shutil", 3),
        Import("flask.Flask", 4),
        Import("flask.request", 4),
        Import(".models", 5),
        Import("..storage.disk.save_blob", 6),
        Import("..storage.disk.Store", 6),
        Import("tempfile.*", 7),
    )


def test_future_import() -> None:
    assert modules(parse("python", "from __future__ import annotations\n")) == ["__future__.annotations"]


def test_declarations_include_decorators_and_methods() -> None:
    assert declared(parse("python", SOURCE)) == [
        ("function", "upload", 12, 21, None),
        ("class", "Store", 24, 28, None),
        ("method", "save", 25, 28, "Store"),
        ("function", "helper", 26, 27, "Store"),
    ]


def test_calls_with_keyword_arguments() -> None:
    facts = parse("python", SOURCE)
    assert only_call(facts, "join") == Call(
        "join", "os.path.join", "os.path", ("UPLOAD_DIR", 'request.files["f"].filename'), 16
    )
    assert [c for c in facts.calls if c.name == "open"] == [
        Call("open", "open", None, ("target", 'mode="wb"'), 17),
        Call("open", "open", None, ("path", '"a"'), 27),
    ]
    assert only_call(facts, "write").receiver == "out"
    assert only_call(facts, "route") == Call(
        "route", "app.route", "app", ('"/upload"', 'methods=["POST"]'), 12
    )


def test_nothing_from_comments() -> None:
    facts = parse("python", SOURCE)
    assert "copy" not in {c.name for c in facts.calls}
    assert "/backup" not in values(facts)
    assert len([c for c in facts.calls if c.name == "open"]) == 2


def test_decorators() -> None:
    assert parse("python", SOURCE).annotations == (
        Annotation("app.route", '"/upload", methods=["POST"]', 12),
        Annotation("login_required", "", 13),
    )


def test_strings_docstrings_and_fstrings() -> None:
    facts = parse("python", SOURCE)
    assert facts.strings[0] == StringLiteral("Upload service.", 1)
    assert "Store the uploaded file." in values(facts)
    assert "stored {target!r}" in values(facts)
    prefixed = parse("python", "x = rb'\\\\d' + u\"\" + '''multi\nline'''\n")
    assert values(prefixed) == ["\\\\d", "", "multi\nline"]


def test_arguments_are_split_on_top_level_commas_only() -> None:
    facts = parse(
        "python",
        """
        f(a, "x, y", g(1, 2), [3, 4], key=lambda v, w: v, *rest, **kw)
        h(x for x in items)
        """,
    )
    assert only_call(facts, "f").args == (
        "a",
        '"x, y"',
        "g(1, 2)",
        "[3, 4]",
        "key=lambda v, w: v",
        "*rest",
        "**kw",
    )
    assert only_call(facts, "h").args == ("x for x in items",)


def test_long_arguments_are_truncated() -> None:
    facts = parse("python", f"f('{'a' * 500}', b)\n")
    assert [len(a) for a in only_call(facts, "f").args] == [200, 1]


def test_code_lines() -> None:
    assert parse("python", SOURCE).code_lines == 22
