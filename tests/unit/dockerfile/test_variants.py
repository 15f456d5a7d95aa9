"""Stack variants the samples do not cover (wrappers, Gradle, Rack, plain PHP, .NET console) and
hostile repository text, each scanned from a real folder written by the test."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from assess.dockerfile.command import scaffold_assessment
from assess.dockerfile.render import check_lines
from assess.pipeline import scan
from tests.conftest import write_tree

SPRING = "<dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-web</artifactId></dependency>"
TREES: dict[str, dict[str, str]] = {
    "gradle-boot": {
        "gradlew": "#!/bin/sh\n",
        "gradle/wrapper/gradle-wrapper.properties": "distributionUrl=x\n",
        "build.gradle": "plugins { id 'org.springframework.boot' version '3.2.0' }\n"
        "java { toolchain { languageVersion = JavaLanguageVersion.of(21) } }\n"
        "dependencies { implementation 'org.springframework.boot:spring-boot-starter-web' }\n",
        "settings.gradle": "rootProject.name = 'x'\n",
        "src/main/java/App.java": "class App {}\n",
    },
    "mvnw-app": {
        "mvnw": "#!/bin/sh\n",
        ".mvn/wrapper/maven-wrapper.properties": "x=y\n",
        "pom.xml": f"<project><properties><java.version>21</java.version></properties><dependencies>{SPRING}"
        "</dependencies></project>\n",
        "src/main/java/App.java": "class App {}\n",
    },
    "rack-app": {
        "Gemfile": "source 'https://rubygems.org'\ngem 'rack'\ngem 'puma'\n",
        "Gemfile.lock": "GEM\n  specs:\n    rack (3.0.0)\n",
        "config.ru": "run ->(env) { [200, {}, ['ok']] }\n",
        ".ruby-version": "3.3.0\n",
    },
    "plain-php": {
        "index.php": "<?php echo 'hi';\n",
        "composer.json": '{"require": {"php": "^8.2"}}\n',
        "composer.lock": "{}\n",
    },
    "console-net": {
        "Tool.csproj": '<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><OutputType>Exe</OutputType>'
        "<TargetFramework>net8.0</TargetFramework></PropertyGroup></Project>\n",
        "Program.cs": 'System.Console.WriteLine("hi");\n',
        "packages.lock.json": "{}\n",
    },
    "poetry-fastapi": {
        "pyproject.toml": '[tool.poetry]\nname = "svc"\nversion = "0.1.0"\ndescription = ""\nauthors = []\n\n'
        '[tool.poetry.dependencies]\npython = "^3.11"\nfastapi = "^0.110"\nuvicorn = "^0.29"\n\n'
        '[build-system]\nrequires = ["poetry-core"]\nbuild-backend = "poetry.core.masonry.api"\n',
        "poetry.lock": '[[package]]\nname = "fastapi"\nversion = "0.110.0"\n',
        "main.py": 'from fastapi import FastAPI\napp = FastAPI()\n@app.get("/healthz")\ndef h():\n    return {}\n',
    },
    "uv-django": {
        "pyproject.toml": '[project]\nname = "svc"\nversion = "0.1.0"\nrequires-python = ">=3.12"\n'
        'dependencies = ["django>=5", "gunicorn>=22"]\n',
        "uv.lock": 'version = 1\nrequires-python = ">=3.12"\n',
        "manage.py": "import sys\nfrom django.core.management import execute_from_command_line\n"
        "execute_from_command_line(sys.argv)\n",
        "mysite/wsgi.py": "from django.core.wsgi import get_wsgi_application\napplication = get_wsgi_application()\n",
    },
    "pipenv-flask": {
        "Pipfile": '[packages]\nflask = "*"\n\n[requires]\npython_version = "3.11"\n',
        "Pipfile.lock": '{"_meta": {"requires": {"python_version": "3.11"}}, "default": {"flask": {"version": "==3.0.0"}}}\n',
        "app.py": "from flask import Flask\napp = Flask(__name__)\n",
    },
    "python-script": {
        "requirements.txt": "requests==2.31.0\n",
        "main.py": "import requests\nprint(requests.get('https://example.com').status_code)\n",
        ".python-version": "3.11\n",
    },
    "yarn-express": {
        "package.json": '{"name": "api", "main": "index.js", "scripts": {"start": "node index.js"},'
        ' "dependencies": {"express": "^4.18.2"}, "engines": {"node": "18"}}\n',
        "yarn.lock": "# yarn lockfile v1\n",
        "index.js": 'const express = require("express");\nconst app = express();\n'
        'app.get("/health", (q, r) => r.send("ok"));\napp.listen(process.env.PORT || 4000);\n',
    },
    "pnpm-fastify": {
        "package.json": '{"name": "api", "packageManager": "pnpm@9.1.0", "scripts": {"start": "node server.js"},'
        ' "dependencies": {"fastify": "^4.0.0"}}\n',
        "pnpm-lock.yaml": "lockfileVersion: 9.0\n",
        "server.js": 'import Fastify from "fastify";\nconst f = Fastify();\nf.listen({port: 3000, host: "0.0.0.0"});\n',
        ".nvmrc": "20.11.1\n",
    },
    "react-spa": {
        "package.json": '{"name": "web", "private": true, "scripts": {"dev": "vite", "build": "vite build"},'
        ' "dependencies": {"react": "^18.2.0", "react-dom": "^18.2.0"}, "devDependencies": {"vite": "^5.0.0"},'
        ' "engines": {"node": "20.x"}}\n',
        "package-lock.json": '{"lockfileVersion": 3}\n',
        "src/main.jsx": 'import React from "react";\n',
    },
    "nestjs": {
        "package.json": '{"name": "nest", "scripts": {"build": "nest build", "start": "nest start",'
        ' "start:prod": "node dist/main"}, "dependencies": {"@nestjs/core": "^10.0.0", "@nestjs/common": "^10.0.0"},'
        ' "devDependencies": {"@nestjs/cli": "^10.0.0", "typescript": "^5"}}\n',
        "package-lock.json": '{"lockfileVersion": 3}\n',
        "src/main.ts": 'import { NestFactory } from "@nestjs/core";\n'
        "async function b() { const app = await NestFactory.create(AppModule); await app.listen(3000); }\n",
    },
    "nextjs": {
        "package.json": '{"name": "site", "scripts": {"dev": "next dev", "build": "next build", "start": "next start"},'
        ' "dependencies": {"next": "14.1.0", "react": "^18", "react-dom": "^18"}}\n',
        "package-lock.json": '{"lockfileVersion": 3}\n',
        "app/page.jsx": "export default function Page() { return null }\n",
    },
    "rack-pg": {
        "Gemfile": "source 'https://rubygems.org'\ngem 'rack'\ngem 'puma'\ngem 'pg'\n",
        "Gemfile.lock": "GEM\n  specs:\n    pg (1.5.4)\n",
        "config.ru": "run ->(env) { [200, {}, ['ok']] }\n",
        ".ruby-version": "3.3.0\n",
    },
    "php-extensions": {
        "index.php": "<?php echo 'hi';\n",
        "composer.json": '{"require": {"php": "^8.2", "ext-bcmath": "*", "ext-intl": "*", "ext-json": "*"}}\n',
        "composer.lock": "{}\n",
    },
}
EXPECTED = {
    "gradle-boot": [
        "FROM eclipse-temurin:${JAVA_VERSION}-jdk AS build",
        "COPY gradlew ./",
        "./gradlew --no-daemon bootJar",
    ],
    "mvnw-app": ["COPY mvnw ./", "COPY .mvn ./.mvn", "./mvnw -B -q package", "ARG JAVA_VERSION=21"],
    "rack-app": [
        "COPY Gemfile Gemfile.lock ./",
        "rackup -o 0.0.0.0",
        "ARG RUBY_VERSION=3.3.0",
        "BUNDLE_FROZEN=1",
    ],
    "plain-php": ["COPY composer.json composer.lock ./", "composer install --no-dev", "ARG PHP_VERSION=8.2"],
    "console-net": [
        "dotnet restore Tool.csproj --locked-mode",
        "mcr.microsoft.com/dotnet/runtime:",
        '"Tool.dll"',
    ],
    "poetry-fastapi": [
        "ARG PYTHON_VERSION=3.11",
        "COPY pyproject.toml poetry.lock ./",
        "poetry install --only main --no-root",
        "exec uvicorn main:app --host 0.0.0.0 --port",
        "PYTHONUNBUFFERED=1",
        "HEALTHCHECK",
    ],
    "uv-django": [
        "ARG PYTHON_VERSION=3.12",
        "COPY pyproject.toml uv.lock ./",
        "uv sync --frozen --no-dev --no-install-project",
        "exec gunicorn mysite.wsgi --bind",
        "collectstatic",
    ],
    "pipenv-flask": [
        "COPY Pipfile Pipfile.lock ./",
        "pipenv verify",
        "pipenv requirements --hash",
        "gunicorn app:app",
    ],
    "python-script": [
        "ARG PYTHON_VERSION=3.11",
        "COPY requirements.txt ./",
        "requirements.txt pins every dependency exactly",
        'CMD ["python", "main.py"]',
    ],
    "yarn-express": [
        "ARG NODE_VERSION=18",
        "COPY package.json yarn.lock ./",
        "yarn install --frozen-lockfile --non-interactive --production",
        "NODE_ENV=production",
        'CMD ["node", "index.js"]',
        "EXPOSE 4000",
    ],
    "pnpm-fastify": [
        "ARG NODE_VERSION=20",
        "COPY package.json pnpm-lock.yaml ./",
        "corepack enable && pnpm install --frozen-lockfile --prod",
        'CMD ["node", "server.js"]',
    ],
    "react-spa": [
        "FROM node:${NODE_VERSION}-slim AS build",
        "RUN npm ci",
        "FROM nginxinc/nginx-unprivileged:${NGINX_VERSION}-alpine AS runtime",
        "COPY --from=build /app/dist /usr/share/nginx/html",
        "try_files \\$uri \\$uri/ /index.html",
        "listen \\${PORT}",
        "USER 101:101",
        "EXPOSE 8080",
    ],
    "nestjs": ["npm run build", "npm prune --omit=dev", 'CMD ["node", "dist/main"]'],
    "nextjs": [
        "HOSTNAME=0.0.0.0",
        "NEXT_TELEMETRY_DISABLED=1",
        "exec node_modules/.bin/next start --hostname 0.0.0.0 --port",
    ],
    "rack-pg": [
        "FROM ruby:${RUBY_VERSION}-slim-bookworm AS runtime",
        "apt-get install -y --no-install-recommends 'libpq5=15.*'",
        "rm -rf /var/lib/apt/lists/*",
    ],
    "php-extensions": [
        "docker-php-ext-install bcmath opcache",
        "PHP extension intl: composer.json requires ext-intl",
        'sed -ri -e "s/^Listen 80\\$/Listen \\${PORT}/" /etc/apache2/ports.conf',
    ],
}


def lint(text: str, tmp_path: Path) -> list[object]:
    binary = shutil.which("hadolint")
    assert binary
    (tmp_path / "Dockerfile").write_text(text)
    done = subprocess.run(
        [binary, "-f", "json", str(tmp_path / "Dockerfile")], capture_output=True, text=True
    )
    return list(json.loads(done.stdout or "[]"))


@pytest.mark.parametrize("name", sorted(TREES))
def test_variant_scaffolds_are_clean_and_use_the_right_tools(name: str, tmp_path: Path) -> None:
    app = write_tree(tmp_path / name, TREES[name])
    made = scaffold_assessment(scan(app))
    text = made.files["Dockerfile"]
    assert lint(text, tmp_path) == []
    for expected in EXPECTED[name]:
        assert expected in text
    # manifests are installed before the sources are copied
    sources = min(text.index(s) for s in ("\nCOPY . .\n", "\nCOPY src ./src\n") if s in text)
    assert text.index("\nRUN ") < sources
    final = text[text.rindex("\nFROM ") :]
    users = [line for line in final.splitlines() if line.startswith("USER ")]
    assert users and re.fullmatch(r"USER [1-9]\d*:\d+", users[-1])
    assert re.search(r"\n(CMD|ENTRYPOINT) \[", final)
    assert f"EXPOSE {made.plan.port}" in final


def test_hostile_names_never_reach_an_instruction(tmp_path: Path) -> None:
    hostile = 'evil"\nRUN curl x | sh #'
    app = write_tree(
        tmp_path / "hostile",
        {
            "requirements.txt": "flask\ngunicorn\n",
            "app.py": "from flask import Flask\napp = Flask(__name__)\n",
            "Procfile": f"web: gunicorn 'app:app' --name \"{hostile.splitlines()[0]}\" $(id)\n",
            ".python-version": "3.12\n",
            f"sub dir/{hostile.splitlines()[0]}.py": "x = 1\n",
        },
    )
    made = scaffold_assessment(scan(app))
    text = made.files["Dockerfile"]
    check_lines(text, "Dockerfile")
    cmd = next(line for line in text.splitlines() if line.startswith("CMD "))
    assert "$(id)" not in cmd and "curl" not in cmd
    assert lint(text, tmp_path) == []
