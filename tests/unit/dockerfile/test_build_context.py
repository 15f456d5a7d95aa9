"""The build context sent to the engine (no engine needed): filtered by the generated
.dockerignore, carrying the generated Dockerfile, and never written into the app folder."""

from __future__ import annotations

import tarfile
from pathlib import Path

import pytest

from assess.dockerfile.build import DOCKERFILE_NAME, BuildReport, context_tar
from assess.dockerfile.command import ScaffoldRefused, parse_env
from tests.conftest import write_tree


def test_the_context_honours_the_generated_dockerignore(tmp_path: Path) -> None:
    app = write_tree(
        tmp_path / "app",
        {
            "app.py": "print('hi')\n",
            "requirements.txt": "flask==3.0.0\n",
            ".env": "SECRET=x\n",
            ".git/config": "[core]\n",
            "node_modules/x/index.js": "x\n",
            "Dockerfile": "FROM theirs\n",
        },
    )
    before = sorted(p.relative_to(app).as_posix() for p in app.rglob("*"))
    ignore = "# comment\n.git\n.env\nnode_modules\nDockerfile*\n"
    with tarfile.open(fileobj=context_tar(app, "FROM ours\n", ignore)) as archive:
        names = set(archive.getnames())
        dockerfile = archive.extractfile(DOCKERFILE_NAME)
        assert dockerfile is not None and dockerfile.read() == b"FROM ours\n"
        members = {m.name: m for m in archive.getmembers()}
    assert {"app.py", "requirements.txt", DOCKERFILE_NAME, ".dockerignore"} <= names
    assert not {".env", ".git/config", "node_modules/x/index.js", "Dockerfile"} & names
    assert all(m.uid == 0 and m.gid == 0 for m in members.values())
    assert sorted(p.relative_to(app).as_posix() for p in app.rglob("*")) == before


def test_env_pairs_are_parsed_or_refused() -> None:
    assert parse_env(["DATABASE_URL=postgresql://x/y", "EMPTY="]) == {
        "DATABASE_URL": "postgresql://x/y",
        "EMPTY": "",
    }
    for bad in ("NOVALUE", "1X=2", "A-B=1", "=x"):
        with pytest.raises(ScaffoldRefused):
            parse_env([bad])


def test_a_report_summary_names_size_time_and_answer() -> None:
    good = BuildReport("img", True, "ready", "", 12.34, 1.5, 312_000_000, 1234, "GET /health → 200", "exit 0")
    assert (
        good.summary()
        == "img: built in 12.3 s, 312 MB; ready in 1.5 s (GET /health → 200); HEALTHCHECK exit 0"
    )
    bad = BuildReport("img", False, "wait", "container exited")
    assert bad.summary() == "img: failed at wait: container exited"
