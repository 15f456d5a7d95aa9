"""PHP: ``composer install --no-dev`` (from composer.lock) in the composer image, then the official
php-apache image serves the app as a numeric non-root user on ``${PORT}`` (Apache reads
environment variables in its configuration). Laravel gets ``public/`` as the document root and
writable ``storage/`` and ``bootstrap/cache/``."""

from __future__ import annotations

import re

from assess.dockerfile.commands import Launch
from assess.dockerfile.common import closing, debian_user, state_folder, writable
from assess.dockerfile.images import BaseImage
from assess.dockerfile.instructions import Instruction, copy, env, from_, run, shell_word, workdir
from assess.dockerfile.notes import Note
from assess.dockerfile.plan import PlanContext, StackResult, Stage, where

DEFAULT_VERSION = "8.3"
WEB_ROOT = "/var/www/html"
BUILT_IN = frozenset(
    [
        "ctype",
        "curl",
        "date",
        "dom",
        "fileinfo",
        "filter",
        "hash",
        "iconv",
        "json",
        "libxml",
        "mbstring",
        "mysqlnd",
        "openssl",
        "pcre",
        "pdo",
        "pdo_sqlite",
        "phar",
        "posix",
        "random",
        "readline",
        "reflection",
        "session",
        "simplexml",
        "sodium",
        "spl",
        "sqlite3",
        "standard",
        "tokenizer",
        "xml",
        "xmlreader",
        "xmlwriter",
        "zlib",
    ]
)
"""Extensions the official php images have compiled in."""
NO_LIBRARIES = frozenset(
    ["bcmath", "calendar", "exif", "mysqli", "opcache", "pcntl", "pdo_mysql", "shmop", "sockets", "sysvsem"]
)
"""Extensions ``docker-php-ext-install`` builds without extra Debian packages."""


def _extensions(ctx: PlanContext, laravel: bool) -> tuple[list[str], list[str]]:
    """(extensions to install, required ones that need system libraries: left to the reader)."""
    required: list[str] = []
    for section in ("require",):
        names = ctx.json("composer.json").get(section)
        if isinstance(names, dict):
            required += [
                k[4:].lower() for k in names if isinstance(k, str) and re.fullmatch(r"ext-[A-Za-z0-9_]+", k)
            ]
    wanted = [e for e in dict.fromkeys(required) if e not in BUILT_IN]
    if laravel and "pdo_mysql" not in wanted and "pdo_pgsql" not in wanted:
        wanted.append("pdo_mysql")
        ctx.guess("pdo_mysql: Laravel's default database connection is mysql (pdo_pgsql for PostgreSQL)")
    wanted.append("opcache")
    install = [e for e in dict.fromkeys(wanted) if e in NO_LIBRARIES]
    manual = [e for e in dict.fromkeys(wanted) if e not in NO_LIBRARIES]
    return install, manual


def _major_minor(value: str) -> str | None:
    match = re.search(r"(\d+)\.(\d+)", value)
    return f"{match.group(1)}.{match.group(2)}" if match else None


def plan_php(ctx: PlanContext) -> StackResult:
    version = ctx.version(DEFAULT_VERSION, "php", _major_minor)
    for found in ctx.stack.build_tools:
        ctx.note("build tool", found.value, where(found), found.guess)
    for framework in ctx.stack.frameworks:
        ctx.note("framework", framework.value, where(framework), framework.guess)
    start = ctx.stack.start_command
    if start is not None:
        ctx.note("start command", start.value, where(start), start.guess)
    laravel = "laravel" in ctx.frameworks()
    source = where(ctx.stack.runtime_version) or "default"
    composer = ctx.has("composer.json")
    stages: list[Stage] = []
    if composer:
        composer_image = ctx.image(
            BaseImage("composer", "{COMPOSER_VERSION}", (("COMPOSER_VERSION", "2"),), "build")
        )
        locked = ctx.has("composer.lock")
        if not locked:
            ctx.guess("no composer.lock: composer resolves versions at build time (commit the lock file)")
        flags = "--no-dev --no-interaction --no-progress --prefer-dist --ignore-platform-reqs"
        steps: list[Instruction] = [
            copy(
                ["composer.json", "composer.lock"] if locked else ["composer.json"],
                "./",
                comment="composer.json and its lock first: vendor/ is a cached layer",
            ),
            run(
                f"composer install {flags} --no-scripts --no-autoloader",
                comment="--ignore-platform-reqs: extensions are checked in the runtime image, not here",
            ),
            copy(["."], "."),
            run(f"composer dump-autoload {'--optimize --classmap-authoritative'} --no-dev --no-interaction"),
        ]
        stages.append(
            Stage(
                "vendor",
                "dependencies: composer install --no-dev from the lock file",
                (from_(composer_image, "vendor"), workdir("/src"), *steps),
            )
        )
    image = ctx.image(
        BaseImage("php", "{PHP_VERSION}-apache", (("PHP_VERSION", version),), "runtime", source)
    )
    port = ctx.port(8080, "an unprivileged port for Apache")
    uid = ctx.options.uid
    health = ctx.health()
    dirs = ctx.writable_dirs(WEB_ROOT)
    if laravel:
        dirs = [*dirs, *(d for d in (f"{WEB_ROOT}/storage", f"{WEB_ROOT}/bootstrap/cache") if d not in dirs)]
    apache = [
        debian_user(uid),
        'sed -ri -e "s/^Listen 80\\$/Listen \\${PORT}/" /etc/apache2/ports.conf',
        'sed -ri -e "s/<VirtualHost \\*:80>/<VirtualHost *:\\${PORT}>/" /etc/apache2/sites-available/000-default.conf',
        "chown -R {0}:{0} /var/run/apache2 /var/lock/apache2 /var/log/apache2".format(int(uid)),
    ]
    if laravel:
        apache.append(
            'sed -ri -e "s#/var/www/html#\\${APACHE_DOCUMENT_ROOT}#g" /etc/apache2/sites-available/*.conf'
        )
        apache.append("a2enmod rewrite")
    settings = [("PORT", str(port))]
    if laravel:
        settings += [
            ("APACHE_DOCUMENT_ROOT", f"{WEB_ROOT}/public"),
            ("APP_ENV", "production"),
            ("LOG_CHANNEL", "stderr"),
        ]
    install, manual = _extensions(ctx, laravel)
    for name in manual:
        ctx.advise(
            Note(
                "build",
                f"PHP extension {name}",
                f"composer.json requires ext-{name}, which needs Debian libraries to build: add them and "
                f"`docker-php-ext-install {name}` to the runtime stage (the official image's docs list them)",
            )
        )
    body: list[Instruction] = [
        from_(image, "runtime"),
        env(settings, "Apache listens on ${PORT} (its configuration reads the environment)"),
        run(*apache, comment="Apache as a non-root user: an unprivileged port, its runtime folders writable"),
        run(
            'mv "$PHP_INI_DIR/php.ini-production" "$PHP_INI_DIR/php.ini"',
            "docker-php-ext-install " + " ".join(shell_word(e) for e in install),
            comment=f"production php.ini; extensions: {', '.join(install)}",
        ),
        workdir(WEB_ROOT),
    ]
    if composer:
        body.append(copy(["/src/"], "./", from_stage="vendor"))
    else:
        body.append(copy(["."], "./"))
    if dirs:
        commands = writable(dirs, uid)
        if laravel:
            commands.append(f"chown -R {int(uid)}:{int(uid)} {WEB_ROOT}/storage {WEB_ROOT}/bootstrap/cache")
        body.append(run(*commands, comment="folders the app writes to"))
    body += [
        *state_folder(ctx, uid, WEB_ROOT),
        *closing(
            ctx,
            Launch(("apache2-foreground",), remarks=("Apache in the foreground, logs to stdout/stderr",)),
            port=port,
            health=health,
            probe_tool="php",
            uid=uid,
            listens=f"Apache listens on $PORT ({port} unless the platform sets PORT)",
        ),
    ]
    stages.append(Stage("runtime", "runtime: php-apache serving the app", tuple(body)))
    return StackResult(
        "php/laravel" if laravel else "php",
        stages,
        port,
        health,
        ["vendor", "node_modules", "storage/logs/*", "storage/framework/cache/*", "tests"],
        uid,
    )
