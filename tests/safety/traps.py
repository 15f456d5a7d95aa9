"""A git repository in which every script, hook and configuration tries to run code.

Every trap, when run, creates its own marker file in one folder; a test then asserts that the
folder is still empty. The traps cover what a build tool, a package manager, a test runner, a
shell or git itself would run from a repository: build scripts and wrappers, package-manager
lifecycle scripts, every git hook (in ``.git/hooks`` and in ``core.hooksPath``), and every git
configuration that names a program (filters, fsmonitor, textconv, external diff, pager, editor,
ssh command, signature verification, credential helpers, ...), set in the repository's own
``.git/config`` and in a file it includes.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from tests.conftest import GIT_ENV, git, write_tree

GIT_HOOKS: tuple[str, ...] = (
    "applypatch-msg",
    "pre-applypatch",
    "post-applypatch",
    "pre-commit",
    "pre-merge-commit",
    "prepare-commit-msg",
    "commit-msg",
    "post-commit",
    "pre-rebase",
    "post-checkout",
    "post-merge",
    "pre-push",
    "pre-receive",
    "update",
    "proc-receive",
    "post-receive",
    "post-update",
    "reference-transaction",
    "push-to-checkout",
    "pre-auto-gc",
    "post-rewrite",
    "sendemail-validate",
    "fsmonitor-watchman",
    "p4-changelist",
    "p4-prepare-changelist",
    "p4-post-changelist",
    "p4-pre-submit",
    "post-index-change",
)
"""Every hook name of githooks(5)."""


def _shell(markers: Path, name: str) -> str:
    """A shell command that leaves the marker ``name`` (it never reads its input, so nothing waits)."""
    return f"touch '{markers}/{name}'; true"


def _script(markers: Path, name: str) -> str:
    return f"#!/bin/sh\ntouch '{markers}/{name}'\nexit 0\n"


def _program(bin_dir: Path, markers: Path, name: str) -> str:
    """An executable that leaves the marker ``name``; its path is returned."""
    path = bin_dir / name
    path.write_text(_script(markers, name), encoding="utf-8")
    path.chmod(0o755)
    return str(path)


def trap_files(markers: Path) -> dict[str, str]:
    """Tracked files that run code when a tool builds, installs, tests or sources the app."""
    sh = _shell
    return {
        "setup.py": f"import os\nos.system({sh(markers, 'setup-py')!r})\nfrom setuptools import setup\nsetup()\n",
        "conftest.py": f"import os\nos.system({sh(markers, 'conftest-py')!r})\n",
        "sitecustomize.py": f"import os\nos.system({sh(markers, 'sitecustomize-py')!r})\n",
        "manage.py": f"import os\nos.system({sh(markers, 'manage-py')!r})\n",
        "app.py": (
            "import os\nfrom flask import Flask\n"
            f"os.system({sh(markers, 'app-py')!r})\n"
            "app = Flask(__name__)\nopen('/var/data/out.txt', 'w').write('x')\n"
        ),
        "requirements.txt": "flask==3.0.0\n-e git+file:///nonexistent#egg=evil\n",
        "pyproject.toml": (
            '[build-system]\nrequires = ["setuptools"]\nbuild-backend = "evil_backend"\n'
            'backend-path = ["."]\n[project]\nname = "trap"\nversion = "1"\n'
            '[tool.poetry.scripts]\nrun = "evil:main"\n'
        ),
        "evil_backend.py": f"import os\nos.system({sh(markers, 'build-backend')!r})\n",
        "tox.ini": f'[testenv]\ncommands = sh -c "{sh(markers, "tox")}"\n',
        "noxfile.py": f"import os\nos.system({sh(markers, 'noxfile')!r})\n",
        "package.json": (
            '{"name": "trap", "version": "1.0.0", "scripts": {'
            + ", ".join(
                f'"{hook}": "{sh(markers, "npm-" + hook)}"'.replace("'", "")
                for hook in (
                    "preinstall",
                    "install",
                    "postinstall",
                    "prepare",
                    "prepublish",
                    "preprepare",
                    "postprepare",
                    "prestart",
                    "start",
                    "pretest",
                    "test",
                    "build",
                )
            )
            + '}, "dependencies": {"express": "^4.18.0"}}\n'
        ),
        "index.js": f"require('child_process').execSync({sh(markers, 'node-index')!r});\n",
        ".npmrc": f"script-shell=/bin/sh\nonload-script={markers}/npmrc-onload\n",
        "Makefile": f"all:\n\t{sh(markers, 'make')}\n",
        "CMakeLists.txt": f'execute_process(COMMAND sh -c "{sh(markers, "cmake")}")\n',
        "configure": _script(markers, "configure"),
        "gradlew": _script(markers, "gradlew"),
        "gradlew.bat": f"@echo off\r\ntype nul > {markers}\\gradlew-bat\r\n",
        "build.gradle": f"exec {{ commandLine 'sh', '-c', \"{sh(markers, 'gradle')}\" }}\n",
        "settings.gradle": f"exec {{ commandLine 'sh', '-c', \"{sh(markers, 'gradle-settings')}\" }}\n",
        "mvnw": _script(markers, "mvnw"),
        ".mvn/wrapper/maven-wrapper.properties": "distributionUrl=file:///nonexistent/maven.zip\n",
        ".mvn/jvm.config": f"-javaagent:{markers}/agent.jar\n",
        "pom.xml": (
            "<project><modelVersion>4.0.0</modelVersion><groupId>t</groupId><artifactId>trap</artifactId>"
            "<version>1</version><build><plugins><plugin><groupId>org.codehaus.mojo</groupId>"
            "<artifactId>exec-maven-plugin</artifactId><executions><execution><phase>validate</phase>"
            f"<configuration><executable>sh</executable><arguments><argument>-c</argument>"
            f"<argument>{sh(markers, 'maven-exec')}</argument></arguments></configuration>"
            "</execution></executions></plugin></plugins></build></project>\n"
        ),
        "Gemfile": f"source 'https://rubygems.org'\nsystem({sh(markers, 'gemfile')!r})\ngem 'rails'\n",
        "Rakefile": f"task :default do\n  sh {sh(markers, 'rake')!r}\nend\n",
        "config.ru": f"system({sh(markers, 'rackup')!r})\nrun ->(env) {{ [200, {{}}, ['ok']] }}\n",
        "composer.json": (
            '{"name": "t/trap", "require": {"php": ">=8.1"}, "scripts": {"post-install-cmd": "'
            + sh(markers, "composer").replace("'", "")
            + '"}}\n'
        ),
        "index.php": f"<?php system({sh(markers, 'php-index')!r});\n",
        "go.mod": "module example.com/trap\n\ngo 1.21\n",
        "main.go": (
            f'//go:generate sh -c "{sh(markers, "go-generate")}"\n'
            'package main\nimport "os/exec"\n'
            f'func main() {{ exec.Command("sh", "-c", "{sh(markers, "go-main")}").Run() }}\n'
        ),
        "Trap.csproj": (
            '<Project Sdk="Microsoft.NET.Sdk"><Target Name="Evil" BeforeTargets="Build">'
            f'<Exec Command="{sh(markers, "msbuild").replace(chr(39), "")}" /></Target></Project>\n'
        ),
        "Directory.Build.props": (
            f'<Project><Target Name="E" BeforeTargets="Restore"><Exec Command="touch {markers}/dir-build" />'
            "</Target></Project>\n"
        ),
        "Dockerfile": f"FROM python:3.12-slim\nRUN {sh(markers, 'dockerfile-run')}\n",
        "docker-compose.yml": f'services:\n  app:\n    build: .\n    command: sh -c "{sh(markers, "compose")}"\n',
        ".envrc": sh(markers, "direnv") + "\n",
        ".env": f"EVIL=$(touch {markers}/dotenv)\n",
        "Procfile": f'web: sh -c "{sh(markers, "procfile")}"\n',
        "run.sh": _script(markers, "run-sh"),
        "install.sh": _script(markers, "install-sh"),
        "build.sh": _script(markers, "build-sh"),
        ".githooks/pre-commit": _script(markers, "tracked-hook"),
        ".gitattributes": "* filter=trap diff=trap merge=trap\n*.py text eol=lf filter=trap\n",
        ".pre-commit-config.yaml": (
            "repos:\n- repo: local\n  hooks:\n  - id: trap\n    name: trap\n"
            f'    entry: sh -c "{sh(markers, "pre-commit-framework")}"\n    language: system\n'
        ),
        ".vscode/tasks.json": '{"version": "2.0.0", "tasks": [{"label": "x", "type": "shell", '
        f'"command": "touch {markers}/vscode", "runOptions": {{"runOn": "folderOpen"}}}}]}}\n',
    }


def git_traps(repo: Path, markers: Path, bin_dir: Path) -> None:
    """Hooks (all names, in ``.git/hooks`` and a hooks path) and every program-naming config."""
    hooks = repo / ".git" / "hooks"
    hooks.mkdir(parents=True, exist_ok=True)
    other_hooks = repo / ".git" / "trap-hooks"
    other_hooks.mkdir()
    for name in GIT_HOOKS:
        for folder, prefix in ((hooks, "hook-"), (other_hooks, "hookspath-")):
            path = folder / name
            path.write_text(_script(markers, prefix + name), encoding="utf-8")
            path.chmod(0o755)

    def program(name: str) -> str:
        return _program(bin_dir, markers, name)

    settings = {
        "core.hooksPath": str(other_hooks),
        "core.fsmonitor": program("core-fsmonitor"),
        "core.fsmonitorHookVersion": "2",
        "core.sshCommand": program("core-sshcommand"),
        "core.gitProxy": program("core-gitproxy"),
        "core.pager": _shell(markers, "core-pager"),
        "core.editor": program("core-editor"),
        "core.askPass": program("core-askpass"),
        "core.alternateRefsCommand": program("core-alternaterefs"),
        "core.untrackedCache": "true",
        "sequence.editor": program("sequence-editor"),
        "pager.log": _shell(markers, "pager-log"),
        "diff.external": program("diff-external"),
        "diff.trap.textconv": program("diff-textconv"),
        "diff.trap.command": program("diff-command"),
        "filter.trap.smudge": program("filter-smudge"),
        "filter.trap.clean": program("filter-clean"),
        "filter.trap.process": program("filter-process"),
        "filter.trap.required": "true",
        "merge.trap.driver": program("merge-driver"),
        "gpg.program": program("gpg-program"),
        "gpg.openpgp.program": program("gpg-openpgp"),
        "gpg.x509.program": program("gpg-x509"),
        "gpg.ssh.program": program("gpg-ssh"),
        "log.showSignature": "true",
        "credential.helper": program("credential-helper"),
        "uploadpack.packObjectsHook": program("upload-pack-objects-hook"),
        "receive.procReceiveRefs": "refs",
        "remote.origin.url": "ext::" + program("remote-ext"),
        "remote.origin.uploadpack": program("remote-uploadpack"),
        "remote.origin.receivepack": program("remote-receivepack"),
        "protocol.ext.allow": "always",
        "http.proxy": "http://127.0.0.1:9",
        "alias.log": "!" + _shell(markers, "alias-log"),
        "alias.rev-parse": "!" + _shell(markers, "alias-rev-parse"),
        "gc.auto": "1",
        "maintenance.auto": "true",
        "index.version": "4",
        "feature.manyFiles": "true",
    }
    for key, value in settings.items():
        git(repo, "config", key, value)
    included = repo / ".git" / "trap.config"
    included.write_text(
        "[core]\n"
        f"\tfsmonitor = {program('included-fsmonitor')}\n"
        '[filter "trap"]\n'
        f"\tsmudge = {program('included-smudge')}\n",
        encoding="utf-8",
    )
    git(repo, "config", "include.path", str(included))


def _signed_commit(repo: Path) -> None:
    """Make HEAD a commit with a (fake) ``gpgsig`` header, so verifying it would run gpg.program."""
    raw = subprocess.run(
        ["git", "cat-file", "commit", "HEAD"], cwd=repo, env=GIT_ENV, check=True, capture_output=True
    ).stdout
    header, _, message = raw.partition(b"\n\n")
    signature = b"gpgsig -----BEGIN PGP SIGNATURE-----\n \n iQEzBAABCAAdFiEE\n -----END PGP SIGNATURE-----"
    body = header + b"\n" + signature + b"\n\n" + message
    sha = subprocess.run(
        ["git", "hash-object", "-t", "commit", "-w", "--stdin"],
        cwd=repo,
        env=GIT_ENV,
        input=body,
        check=True,
        capture_output=True,
    ).stdout.decode()
    git(repo, "update-ref", "HEAD", sha.strip())


def make_trap_repo(root: Path, markers: Path) -> Path:
    """The trapped repository at ``root`` (two commits, HEAD signed); ``markers`` must stay empty."""
    bin_dir = root.parent / f"{root.name}-bin"
    bin_dir.mkdir(parents=True)
    markers.mkdir(parents=True, exist_ok=True)
    root.mkdir(parents=True)
    write_tree(root, trap_files(markers))
    for name in ("configure", "gradlew", "mvnw", "run.sh", "install.sh", "build.sh", ".githooks/pre-commit"):
        (root / name).chmod(0o755)
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "initial")
    write_tree(root, {"app.py": (root / "app.py").read_text() + "print('second')\n"})
    git(root, "commit", "-q", "-am", "second")
    _signed_commit(root)
    git_traps(root, markers, bin_dir)
    assert not any(markers.iterdir()), "making the trap repository must not spring a trap"
    return root


def sprung(markers: Path) -> list[str]:
    """The traps that ran."""
    return sorted(p.name for p in markers.iterdir())
