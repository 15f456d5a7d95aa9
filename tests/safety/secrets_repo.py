"""A repository full of planted credentials, in code and config of several languages.

Every planted value is unique and distinctive; :data:`SECRETS` lists them all so a test can grep
every output for them. The lines around them are what real code looks like: several also carry
findings (local file writes, hard-coded hosts, connection strings), so their snippets reach the
outputs and must come out masked.
"""

from __future__ import annotations

from pathlib import Path

from tests.conftest import git, write_tree

PRIVATE_KEY_BODY = "MIIEpAIBAAKCAQEAPl4ntedPrivateKeyBodyLine0000000000000000000000000"

SECRETS: dict[str, str] = {
    "python-password": "Pl4nted-Py-Secret-7781",
    "aws-access-key-id": "AKIAPLANTED7781ZQXW",
    "aws-secret-access-key": "wJalrXUtnFEMIK7MDENGbPxRfiCYPl4nted77810",
    "postgres-url-password": "Pl4ntedPgPass7781",
    "java-constant": "Pl4nted-Java-Secret-7781",
    "jdbc-positional": "Pl4ntedJdbcPass7781",
    "spring-password": "Pl4ntedSpringPass7781",
    "jdbc-url-password": "Pl4ntedUrlPass7781",
    "dotnet-connection": "Pl4ntedSqlPass7781",
    "csharp-connection": "Pl4ntedCsPass7781",
    "stripe-key": "sk_live_Pl4nted7781abcdEFGH",
    "github-token": "ghp_Pl4nted7781abcdefghijklmnopqrstuvwx",
    "slack-token": "xoxb-7781-Pl4nted-abcdefghij",
    "yaml-api-key": "Pl4ntedYamlKey7781",
    "js-password": "Pl4ntedJsPass7781",
    "jwt-secret": "Pl4ntedJwtSecret7781",
    "go-dsn-password": "Pl4ntedGoPass7781",
    "ruby-secret-key-base": "Pl4ntedRubySecret7781",
    "php-positional": "Pl4ntedPhpPass7781",
    "php-env-default": "Pl4ntedPhpDefault7781",
    "dockerfile-env": "Pl4ntedDockerPass7781",
    "dockerfile-arg": "Pl4ntedNpmToken7781",
    "compose-password": "Pl4ntedComposePass7781",
    "k8s-secret": "Pl4ntedK8sPass7781",
    "npm-git-token": "Pl4ntedGitToken7781",
    "pip-git-token": "Pl4ntedPipToken7781",
    "pip-index-password": "Pl4ntedIndexPass7781",
    "maven-password": "Pl4ntedMavenPass7781",
    "maven-repo-password": "Pl4ntedRepoPass7781",
    "procfile-password": "Pl4ntedProcfilePass7781",
    "npm-start-token": "Pl4ntedNpmScriptToken7781",
    "private-key": PRIVATE_KEY_BODY,
    "ini-password": "Pl4ntedIniPass7781",
    "xml-appsetting": "Pl4ntedAppSetting7781",
}
"""Name → planted value. None of these may appear in any output."""

MARKER = "Pl4nted"
"""A substring of (nearly) every value: no output may hold it either."""

S = SECRETS


def secret_files() -> dict[str, str]:
    return {
        "app/settings.py": (
            "import os\nimport requests\n\n"
            f'DB_PASSWORD = "{S["python-password"]}"\n'
            f'AWS_ACCESS_KEY_ID = "{S["aws-access-key-id"]}"\n'
            f'aws_secret_access_key = "{S["aws-secret-access-key"]}"\n'
            f'DATABASE_URL = "postgresql://admin:{S["postgres-url-password"]}@db.internal:5432/app"\n'
            f"open('/var/data/creds.txt', 'w').write('password={S['python-password']}')\n"
            f"requests.get('http://localhost:8080/api', headers={{'Authorization': 'Bearer {S['github-token']}'}})\n"
        ),
        "app/server.py": (
            "from flask import Flask\napp = Flask(__name__)\n"
            f"app.config['SECRET_KEY'] = '{S['jwt-secret']}'\n"
            "app.run(host='0.0.0.0', port=5000)\n"
        ),
        "requirements.txt": (
            "flask==3.0.0\nrequests==2.31.0\n"
            f"--extra-index-url https://deploy:{S['pip-index-password']}@pypi.corp.example/simple\n"
            f"private-pkg @ git+https://oauth2:{S['pip-git-token']}@gitlab.example.com/org/pkg.git\n"
        ),
        "Procfile": f"web: DB_PASSWORD={S['procfile-password']} gunicorn app.server:app\n",
        "src/main/java/demo/Db.java": (
            "package demo;\nimport java.sql.DriverManager;\nimport java.io.FileWriter;\n"
            "public class Db {\n"
            f'  private static final String PASSWORD = "{S["java-constant"]}";\n'
            "  java.sql.Connection open() throws Exception {\n"
            '    new FileWriter("/var/data/db.log").write("' + S["java-constant"] + '");\n'
            f'    return DriverManager.getConnection("jdbc:mysql://db:3306/app", "root", "{S["jdbc-positional"]}");\n'
            "  }\n}\n"
        ),
        "src/main/resources/application.properties": (
            "server.port=8080\n"
            f"spring.datasource.password={S['spring-password']}\n"
            f"spring.datasource.url=jdbc:postgresql://db:5432/app?user=app&password={S['jdbc-url-password']}\n"
            "spring.jpa.hibernate.ddl-auto=update\n"
        ),
        "pom.xml": (
            "<project><modelVersion>4.0.0</modelVersion><groupId>demo</groupId><artifactId>demo</artifactId>"
            "<version>1</version>\n<properties>\n"
            f"  <db.password>{S['maven-password']}</db.password>\n</properties>\n"
            "<repositories><repository><id>corp</id>\n"
            f"  <url>https://deploy:{S['maven-repo-password']}@nexus.example.com/repo</url>\n"
            "</repository></repositories>\n<dependencies><dependency><groupId>org.springframework.boot</groupId>"
            "<artifactId>spring-boot-starter-web</artifactId><version>3.2.0</version></dependency>"
            "</dependencies></project>\n"
        ),
        "Web/appsettings.json": (
            '{\n  "ConnectionStrings": {\n'
            f'    "Default": "Server=db;Database=app;User Id=sa;Password={S["dotnet-connection"]};"\n'
            "  },\n"
            f'  "Stripe": {{ "ApiKey": "{S["stripe-key"]}" }}\n}}\n'
        ),
        "Web/Web.config": (
            "<configuration><appSettings>\n"
            f'  <add key="SmtpPassword" value="{S["xml-appsetting"]}"/>\n'
            "</appSettings></configuration>\n"
        ),
        "Web/Repo.cs": (
            "using System.Data.SqlClient;\nclass Repo {\n"
            "  SqlConnection Open() {\n"
            f'    System.IO.File.WriteAllText("/var/data/cs.txt", "Password={S["csharp-connection"]}");\n'
            f'    return new SqlConnection("Server=db;Password={S["csharp-connection"]};");\n'
            "  }\n}\n"
        ),
        ".env": (
            f"STRIPE_KEY={S['stripe-key']}\nGITHUB_TOKEN={S['github-token']}\n"
            f"SLACK_TOKEN={S['slack-token']}\nAWS_SECRET_ACCESS_KEY={S['aws-secret-access-key']}\n"
        ),
        "config/app.yml": (
            f"api_key: {S['yaml-api-key']}\ndatabase:\n  url: postgres://app:{S['postgres-url-password']}@db/app\n"
        ),
        "config/app.ini": f"[database]\nhost = localhost\npassword = {S['ini-password']}\n",
        "web/server.js": (
            "const express = require('express');\nconst fs = require('fs');\nconst jwt = require('jsonwebtoken');\n"
            "const { Client } = require('pg');\n"
            f"const client = new Client({{ host: 'localhost', password: '{S['js-password']}' }});\n"
            f"const token = jwt.sign({{ id: 1 }}, '{S['jwt-secret']}');\n"
            f"fs.writeFileSync('/var/data/token.txt', 'token={S['github-token']}');\n"
            "express().listen(3000);\n"
        ),
        "web/package.json": (
            '{"name": "web", "scripts": {"start": "API_TOKEN='
            + S["npm-start-token"]
            + ' node server.js"}, "dependencies": {"express": "^4.18.0", "private-lib": '
            + f'"git+https://ci:{S["npm-git-token"]}@github.com/org/lib.git"'
            + "}}\n"
        ),
        "svc/main.go": (
            'package main\n\nimport (\n\t"database/sql"\n\t"os"\n)\n\n'
            "func main() {\n"
            f'\tdb, _ := sql.Open("postgres", "host=localhost user=app password={S["go-dsn-password"]} dbname=app")\n'
            f'\tos.WriteFile("/var/data/go.txt", []byte("password={S["go-dsn-password"]}"), 0644)\n'
            "\t_ = db\n}\n"
        ),
        "svc/go.mod": "module example.com/svc\n\ngo 1.21\n",
        "rb/config/initializers/secret.rb": (
            f"Rails.application.config.secret_key_base = '{S['ruby-secret-key-base']}'\n"
            f"File.write('/var/data/rb.txt', 'secret={S['ruby-secret-key-base']}')\n"
        ),
        "php/db.php": (
            "<?php\n"
            f"$pdo = new PDO('mysql:host=localhost;dbname=app', 'root', '{S['php-positional']}');\n"
            f"$password = getenv('DB_PASSWORD') ?: '{S['php-env-default']}';\n"
            f"file_put_contents('/var/data/php.txt', 'password={S['php-positional']}');\n"
        ),
        "Dockerfile": (
            "FROM python:3.12-slim\n"
            f"ARG NPM_TOKEN={S['dockerfile-arg']}\n"
            f"ENV DB_PASSWORD={S['dockerfile-env']}\n"
            'COPY . /app\nCMD ["python", "-m", "app.server"]\n'
        ),
        "docker-compose.yml": (
            "services:\n  db:\n    image: postgres:16\n    environment:\n"
            f"      - POSTGRES_PASSWORD={S['compose-password']}\n"
            f"      - API_TOKEN={S['github-token']}\n"
        ),
        "k8s/secret.yaml": (
            "apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\nstringData:\n"
            f"  password: {S['k8s-secret']}\n"
        ),
        "k8s/deploy.yaml": (
            "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\nspec:\n  template:\n    spec:\n"
            "      containers:\n      - name: app\n        image: app:latest\n        env:\n"
            f"        - name: DB_PASSWORD\n          value: {S['k8s-secret']}\n"
        ),
        "deploy/id_rsa": (
            f"-----BEGIN RSA PRIVATE KEY-----\n{PRIVATE_KEY_BODY}\n{PRIVATE_KEY_BODY[::-1]}\n"
            "-----END RSA PRIVATE KEY-----\n"
        ),
        "deploy/key.pem": (f"-----BEGIN PRIVATE KEY-----\n{PRIVATE_KEY_BODY}\n-----END PRIVATE KEY-----\n"),
    }


def make_secrets_repo(root: Path) -> Path:
    """The repository, committed (the commit message and author carry no secret)."""
    write_tree(root, secret_files())
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "initial")
    return root


def leaks(text: str) -> list[str]:
    """The planted secrets (by name) found in ``text``."""
    found = [name for name, value in SECRETS.items() if value in text]
    if MARKER in text and not found:
        found.append(f"something holding {MARKER!r}")
    return found
