"""Helpers for the portfolio tests: small real apps on disk, and comparing two output folders."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import tarfile
import zipfile
from collections.abc import Mapping
from pathlib import Path

import jsonschema
import pyarrow.parquet as pq

from tests.conftest import git, write_tree

PY_APP = {
    "requirements.txt": "flask==3.0.0\n",
    "app.py": (
        "import os\n"
        "from flask import Flask\n"
        "app = Flask(__name__)\n"
        "def save(report):\n"
        "    with open('/var/data/report.txt', 'w') as fh:\n"
        "        fh.write(report)\n"
        "URL = 'http://localhost:9200/search'\n"
    ),
    "config/app.properties": "db.password=hunter22\n",
}

GO_APP = {
    "go.mod": "module example.com/svc\n\ngo 1.21\n",
    "main.go": 'package main\nimport "os"\nfunc main() { os.Getenv("PORT") }\n',
}

JS_APP = {
    "package.json": '{"name": "web", "dependencies": {"express": "^4.18.0"}}\n',
    "server.js": (
        "const express = require('express');\n"
        "const fs = require('fs');\n"
        "const app = express();\n"
        "app.get('/', (req, res) => { fs.writeFileSync('/var/data/x', 'y'); res.send('ok'); });\n"
        "app.listen(3000);\n"
    ),
}

JAVA_APP = {
    "pom.xml": (
        "<project><modelVersion>4.0.0</modelVersion><groupId>a</groupId><artifactId>svc</artifactId>"
        "<version>1</version><properties><java.version>8</java.version></properties></project>\n"
    ),
    "src/main/java/a/Store.java": (
        "package a;\nimport java.io.FileWriter;\n"
        'public class Store {\n  void save() throws Exception { new FileWriter("/var/data/x").close(); }\n}\n'
    ),
}

APPS: dict[str, Mapping[str, str]] = {"py": PY_APP, "go": GO_APP, "js": JS_APP, "java": JAVA_APP}


def python_app(modules: int, seed: int = 0) -> dict[str, str]:
    """A Python app with ``modules`` modules of a few functions each (some with findings)."""
    files: dict[str, str] = {"requirements.txt": "flask==3.0.0\n"}
    for m in range(modules):
        body = [f"import os\n\n\nclass Service{m}:\n"]
        for f in range(8):
            body.append(f"    def op{f}(self, x):\n        return x * {f + seed}\n\n")
        if m % 3 == 0:
            body.append(f"def dump{m}(data):\n    open('/var/data/out{m}.txt', 'w').write(data)\n")
        files[f"pkg/mod{m}.py"] = "".join(body)
    return files


def make_portfolio(root: Path, apps: Mapping[str, Mapping[str, str]]) -> Path:
    """A folder with one subfolder per app."""
    root.mkdir(parents=True, exist_ok=True)
    for name, files in apps.items():
        write_tree(root / name, files)
    return root


def make_repo(root: Path, files: Mapping[str, str]) -> Path:
    """A real git repository with one commit."""
    root.mkdir(parents=True, exist_ok=True)
    write_tree(root, files)
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "initial")
    return root


def commit_file(repo: Path, rel: str, text: str, message: str = "change") -> str:
    """Write a file, commit it, return the new HEAD."""
    write_tree(repo, {rel: text})
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)
    return git(repo, "rev-parse", "HEAD").strip()


def make_tar(path: Path, files: Mapping[str, str], prefix: str = "") -> Path:
    with tarfile.open(path, "w:gz") as tf:
        for rel, text in files.items():
            data = text.encode()
            info = tarfile.TarInfo(prefix + rel)
            info.size = len(data)
            tf.addfile(info, io.BytesIO(data))
    return path


def make_zip(path: Path, files: Mapping[str, str], prefix: str = "") -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        for rel, text in files.items():
            zf.writestr(prefix + rel, text)
    return path


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def rows_by_app(out: Path) -> dict[str, dict[str, str]]:
    return {row["app"]: row for row in read_rows(out / "assessments.csv")}


def output_files(out: Path) -> dict[str, bytes]:
    """Every output file (not the store) by relative path."""
    found: dict[str, bytes] = {}
    for path in sorted(out.rglob("*")):
        if path.is_file() and not path.name.startswith((".", "store.sqlite")) and path.suffix != ".parquet":
            found[path.relative_to(out).as_posix()] = path.read_bytes()
    return found


def parquet_rows(path: Path) -> list[dict[str, object]]:
    return pq.read_table(path).to_pylist()  # type: ignore[no-any-return]


def assert_same_outputs(first: Path, second: Path) -> None:
    """Two output folders hold the same tables, JSON and SARIF files (byte for byte; Parquet by value)."""
    a, b = output_files(first), output_files(second)
    assert sorted(a) == sorted(b)
    for name in a:
        assert a[name] == b[name], f"{name} differs"
    for table in ("assessments.parquet", "findings.parquet"):
        assert parquet_rows(first / table) == parquet_rows(second / table)


def _object(
    properties: dict[str, object], required: list[str] | None = None, **extra: object
) -> dict[str, object]:
    schema: dict[str, object] = {"type": "object", "additionalProperties": False, "properties": properties}
    if required:
        schema["required"] = required
    schema.update(extra)
    return schema


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/definitions/{name}"}


def _array(item: dict[str, object], **extra: object) -> dict[str, object]:
    return {"type": "array", "items": item, **extra}


_LEVEL = {"enum": ["none", "note", "warning", "error"], "type": "string"}
_BAG = _ref("propertyBag")

SARIF_SCHEMA: dict[str, object] = {
    "$schema": "http://json-schema.org/draft-04/schema#",
    **_object(
        {"$schema": {"type": "string"}, "version": {"enum": ["2.1.0"]}, "runs": _array(_ref("run"))},
        ["version", "runs"],
    ),
    "definitions": {
        "propertyBag": {
            "type": "object",
            "properties": {"tags": _array({"type": "string"}, uniqueItems=True)},
        },
        "message": _object(
            {"text": {"type": "string"}, "id": {"type": "string"}, "properties": _BAG},
            anyOf=[{"required": ["text"]}, {"required": ["id"]}],
        ),
        "multiformatMessageString": _object(
            {"text": {"type": "string"}, "markdown": {"type": "string"}, "properties": _BAG}, ["text"]
        ),
        "artifactLocation": _object(
            {
                "uri": {"type": "string"},
                "uriBaseId": {"type": "string"},
                "description": _ref("message"),
                "properties": _BAG,
            }
        ),
        "artifactContent": _object({"text": {"type": "string"}, "properties": _BAG}),
        "region": _object(
            {
                "startLine": {"type": "integer", "minimum": 1},
                "startColumn": {"type": "integer", "minimum": 1},
                "endLine": {"type": "integer", "minimum": 1},
                "snippet": _ref("artifactContent"),
                "properties": _BAG,
            },
            anyOf=[{"required": ["startLine"]}, {"required": ["charOffset"]}, {"required": ["byteOffset"]}],
        ),
        "physicalLocation": _object(
            {"artifactLocation": _ref("artifactLocation"), "region": _ref("region"), "properties": _BAG},
            anyOf=[{"required": ["address"]}, {"required": ["artifactLocation"]}],
        ),
        "location": _object({"physicalLocation": _ref("physicalLocation"), "properties": _BAG}),
        "reportingConfiguration": _object(
            {"enabled": {"type": "boolean"}, "level": _LEVEL, "properties": _BAG}
        ),
        "reportingDescriptor": _object(
            {
                "id": {"type": "string"},
                "name": {"type": "string"},
                "shortDescription": _ref("multiformatMessageString"),
                "fullDescription": _ref("multiformatMessageString"),
                "help": _ref("multiformatMessageString"),
                "helpUri": {"type": "string"},
                "defaultConfiguration": _ref("reportingConfiguration"),
                "properties": _BAG,
            },
            ["id"],
        ),
        "reportingDescriptorReference": _object(
            {"id": {"type": "string"}, "index": {"type": "integer", "minimum": -1}, "properties": _BAG},
            anyOf=[{"required": ["index"]}, {"required": ["guid"]}, {"required": ["id"]}],
        ),
        "toolComponent": _object(
            {
                "name": {"type": "string"},
                "version": {"type": "string"},
                "semanticVersion": {"type": "string"},
                "informationUri": {"type": "string"},
                "rules": _array(_ref("reportingDescriptor"), uniqueItems=True),
                "properties": _BAG,
            },
            ["name"],
        ),
        "tool": _object({"driver": _ref("toolComponent"), "properties": _BAG}, ["driver"]),
        "notification": _object(
            {
                "message": _ref("message"),
                "level": _LEVEL,
                "descriptor": _ref("reportingDescriptorReference"),
                "properties": _BAG,
            },
            ["message"],
        ),
        "invocation": _object(
            {
                "executionSuccessful": {"type": "boolean"},
                "toolExecutionNotifications": _array(_ref("notification")),
                "toolConfigurationNotifications": _array(_ref("notification")),
                "properties": _BAG,
            },
            ["executionSuccessful"],
        ),
        "result": _object(
            {
                "ruleId": {"type": "string"},
                "ruleIndex": {"type": "integer", "minimum": -1},
                "kind": {"enum": ["notApplicable", "pass", "fail", "review", "open", "informational"]},
                "level": _LEVEL,
                "message": _ref("message"),
                "locations": _array(_ref("location")),
                "partialFingerprints": {"type": "object", "additionalProperties": {"type": "string"}},
                "fingerprints": {"type": "object", "additionalProperties": {"type": "string"}},
                "properties": _BAG,
            },
            ["message"],
        ),
        "runAutomationDetails": _object({"id": {"type": "string"}, "properties": _BAG}),
        "versionControlDetails": _object(
            {
                "repositoryUri": {"type": "string"},
                "revisionId": {"type": "string"},
                "branch": {"type": "string"},
            },
            ["repositoryUri"],
        ),
        "run": _object(
            {
                "tool": _ref("tool"),
                "invocations": _array(_ref("invocation")),
                "results": _array(_ref("result")),
                "automationDetails": _ref("runAutomationDetails"),
                "originalUriBaseIds": {"type": "object", "additionalProperties": _ref("artifactLocation")},
                "versionControlProvenance": _array(_ref("versionControlDetails"), uniqueItems=True),
                "columnKind": {"enum": ["utf16CodeUnits", "unicodeCodePoints"]},
                "properties": _BAG,
            },
            ["tool"],
        ),
    },
}
"""The part of the SARIF 2.1.0 JSON schema (OASIS, ``sarif-schema-2.1.0.json``) covering every
object assess writes: the same required fields, enums, minimums and ``additionalProperties:
false``, so a misspelt or misplaced property fails as it would against the full schema."""


def sarif_schema_errors(log: dict[str, object]) -> list[str]:
    """Where ``log`` breaks the SARIF 2.1.0 schema (empty when it conforms)."""
    validator = jsonschema.Draft4Validator(SARIF_SCHEMA)
    return [
        f"{'/'.join(str(p) for p in error.absolute_path)}: {error.message}"
        for error in validator.iter_errors(log)
    ]


def sarif_problems(log: dict[str, object]) -> list[str]:
    """Structural checks of a SARIF 2.1.0 log (the parts code-scanning tools rely on)."""
    problems: list[str] = []
    if log.get("version") != "2.1.0":
        problems.append("version is not 2.1.0")
    if "sarif-2.1.0" not in str(log.get("$schema", "")):
        problems.append("no SARIF 2.1.0 $schema")
    runs = log.get("runs")
    if not isinstance(runs, list) or len(runs) != 1:
        return [*problems, "not exactly one run"]
    run = runs[0]
    driver = run["tool"]["driver"]
    if not driver.get("name"):
        problems.append("driver without a name")
    rules = driver.get("rules", [])
    ids = [rule["id"] for rule in rules]
    if len(ids) != len(set(ids)):
        problems.append("duplicate rule ids")
    for rule in rules:
        if not rule.get("shortDescription", {}).get("text"):
            problems.append(f"rule {rule['id']} without shortDescription.text")
        if rule.get("defaultConfiguration", {}).get("level") not in {"none", "note", "warning", "error"}:
            problems.append(f"rule {rule['id']} with a bad level")
    for result in run.get("results", []):
        index = result.get("ruleIndex")
        if not isinstance(index, int) or index >= len(rules) or rules[index]["id"] != result.get("ruleId"):
            problems.append(f"result {result.get('ruleId')} does not point at its rule")
        if result.get("level") not in {"none", "note", "warning", "error"}:
            problems.append("result with a bad level")
        if not result.get("message", {}).get("text"):
            problems.append("result without message text")
        for location in result.get("locations", []):
            physical = location["physicalLocation"]
            uri = physical["artifactLocation"]["uri"]
            if uri.startswith("/") or "://" in uri:
                problems.append(f"artifact uri {uri} is not relative")
            if physical["artifactLocation"].get("uriBaseId") not in run.get("originalUriBaseIds", {}):
                problems.append("uriBaseId not declared")
            region = physical.get("region")
            if region is not None and (
                not isinstance(region.get("startLine"), int) or region["startLine"] < 1
            ):
                problems.append("region without a valid startLine")
    invocations = run.get("invocations")
    if not isinstance(invocations, list) or "executionSuccessful" not in invocations[0]:
        problems.append("no invocation with executionSuccessful")
    json.dumps(log)
    return [*problems, *sarif_schema_errors(log)]


def worker_baseline_mb() -> int:
    """Address space (MiB) of a fresh worker-like process with the toolkit loaded: memory limits
    in tests are set just above it."""
    code = (
        "from assess.pipeline import load_toolkit; load_toolkit()\n"
        "print([l.split()[1] for l in open('/proc/self/status') if l.startswith('VmSize')][0])"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return int(done.stdout.strip()) // 1024
