"""Helpers for the portfolio tests: small real apps on disk, and comparing two output folders."""

from __future__ import annotations

import csv
import io
import json
import tarfile
import zipfile
from collections.abc import Mapping
from pathlib import Path

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
    return problems
