"""JavaScript and TypeScript (incl. TSX) front ends."""

from __future__ import annotations

from assess.model import Annotation, Call, Import
from tests.unit.parse.support import declared, modules, only_call, parse, values

EXPRESS = """
const express = require('express');
const session = require("express-session");
import fs, { writeFile as wf } from 'fs';
export { helper } from "./helper.js";
const winston = require('winston');

const app = express();
app.use(session({ secret: 'keyboard cat', resave: false }));

// fs.writeFileSync('/var/data/comment.txt', data);
/* require('not-a-dependency') */
const logger = winston.createLogger({
  transports: [new winston.transports.File({ filename: `logs/${env}.log` })],
});

class UploadHandler {
  handle(req, res) {
    fs.writeFileSync(`/var/data/${req.params.id}`, req.body);
    return res?.status(201).send();
  }
  onError = (err) => logger.error(err);
}

async function start(port) {
  const mod = await import("./late.js");
  app.listen(port, () => console.log("listening on http://localhost:" + port));
}

const stop = function () {};
"""


def test_imports_from_import_require_and_dynamic_import() -> None:
    assert parse("javascript", EXPRESS).imports == (
        Import("express", 1),
        Import("express-session", 2),
        Import("fs", 3),
        Import("./helper.js", 4),
        Import("winston", 5),
        Import("./late.js", 25),
    )


def test_require_is_also_a_call() -> None:
    facts = parse("javascript", EXPRESS)
    assert [c.args for c in facts.calls if c.name == "require"] == [
        ("'express'",),
        ('"express-session"',),
        ("'winston'",),
    ]


def test_declarations() -> None:
    assert declared(parse("javascript", EXPRESS)) == [
        ("class", "UploadHandler", 16, 22, None),
        ("method", "handle", 17, 20, "UploadHandler"),
        ("method", "onError", 21, 21, "UploadHandler"),
        ("function", "start", 24, 27, None),
        ("function", "stop", 29, 29, None),
    ]


def test_calls_and_constructor_calls() -> None:
    facts = parse("javascript", EXPRESS)
    assert only_call(facts, "session") == Call(
        "session", "session", None, ("{ secret: 'keyboard cat', resave: false }",), 8
    )
    assert only_call(facts, "writeFileSync") == Call(
        "writeFileSync", "fs.writeFileSync", "fs", ("`/var/data/${req.params.id}`", "req.body"), 18
    )
    assert only_call(facts, "File") == Call(
        "File",
        "winston.transports.File",
        "winston.transports",
        ("{ filename: `logs/${env}.log` }",),
        13,
        "new",
    )
    assert only_call(facts, "status").callee == "res?.status"
    assert only_call(facts, "status").receiver == "res"
    assert only_call(facts, "send").receiver == "res?.status(201)"


def test_comments_yield_nothing() -> None:
    facts = parse("javascript", EXPRESS)
    assert len([c for c in facts.calls if c.name == "writeFileSync"]) == 1
    assert "not-a-dependency" not in modules(facts)
    assert "/var/data/comment.txt" not in values(facts)


def test_strings_and_template_literals() -> None:
    facts = parse("javascript", EXPRESS)
    assert "logs/${env}.log" in values(facts)
    assert "listening on http://localhost:" in values(facts)
    assert values(facts)[:2] == ["express", "express-session"]


def test_jsx_in_javascript() -> None:
    facts = parse(
        "javascript", 'const App = () => <div title="t" onClick={() => save(1)}>{t("hi")}</div>;\n', "a.jsx"
    )
    assert [c.name for c in facts.calls] == ["save", "t"]
    assert values(facts) == ["t", "hi"]


NEST = """
import { Controller, Get, Param } from '@nestjs/common';
import type { Request } from "express";
import legacy = require("legacy-lib");

@Controller('cats')
export class CatsController<T> implements OnModuleInit {
  constructor(private readonly repo: Repository<Cat>) {}

  @Get(':id')
  async find(@Param('id') id: string): Promise<Cat> {
    // this.repo.delete(id);
    return this.repo.findOne<Cat>({ where: { id } }) as Promise<Cat>;
  }
}

export interface Cat { id: string }
export enum Color { Red, Blue }
namespace Internal { export const x = 1; }
export abstract class Base {}
export default function bootstrap(): void {}
"""


def test_typescript_imports() -> None:
    assert modules(parse("typescript", NEST, "cats.ts")) == ["@nestjs/common", "express", "legacy-lib"]


def test_typescript_declarations_include_their_decorators() -> None:
    assert declared(parse("typescript", NEST, "cats.ts")) == [
        ("class", "CatsController", 5, 14, None),
        ("method", "constructor", 7, 7, "CatsController"),
        ("method", "find", 9, 13, "CatsController"),
        ("interface", "Cat", 16, 16, None),
        ("enum", "Color", 17, 17, None),
        ("module", "Internal", 18, 18, None),
        ("class", "Base", 19, 19, None),
        ("function", "bootstrap", 20, 20, None),
    ]


def test_typescript_decorators_and_generic_calls() -> None:
    facts = parse("typescript", NEST, "cats.ts")
    assert facts.annotations == (
        Annotation("Controller", "'cats'", 5),
        Annotation("Get", "':id'", 9),
        Annotation("Param", "'id'", 10),
    )
    assert only_call(facts, "findOne") == Call(
        "findOne", "this.repo.findOne", "this.repo", ("{ where: { id } }",), 12
    )
    assert "delete" not in {c.name for c in facts.calls}


def test_tsx_uses_the_tsx_grammar() -> None:
    source = "const C = <T,>(p: P<T>) => <Box onClick={() => save(p.id)}>{label}</Box>;\n"
    tsx = parse("typescript", source, "view.tsx")
    assert tsx.language == "typescript"
    assert tsx.syntax_errors == 0
    assert only_call(tsx, "save").args == ("p.id",)
    assert parse("typescript", source, "view.ts").syntax_errors > 0


def test_code_lines() -> None:
    assert parse("javascript", EXPRESS).code_lines == 22
    assert parse("typescript", NEST, "cats.ts").code_lines == 16
