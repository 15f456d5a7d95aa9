"""Ruby: Bundler in deployment mode (frozen to Gemfile.lock, without development and test gems)
in the full ruby image (it has the compilers native gems need), then the slim image runs Rails
(``rails server``) or a Rack app (``rackup``) on 0.0.0.0:$PORT."""

from __future__ import annotations

import re

from assess.dockerfile.commands import Launch
from assess.dockerfile.common import closing, debian_user, state_folder, writable
from assess.dockerfile.images import BaseImage
from assess.dockerfile.instructions import Instruction, copy, env, from_, run, shell_word, workdir
from assess.dockerfile.plan import APP_DIR, PlanContext, StackResult, Stage, where

DEFAULT_VERSION = "3.3"
BUNDLE = "/usr/local/bundle"
DEBIAN = "bookworm"
NATIVE_GEMS = {"pg": "libpq5=15.*", "mysql2": "libmariadb3=1:10.11.*", "ruby-vips": "libvips42=8.14.*"}
"""Gems whose compiled extension needs a shared library at run time, and its Debian (bookworm)
package; the version glob follows the Debian release the image tags name."""


def _runtime_libraries(ctx: PlanContext) -> list[Instruction]:
    gems = ctx.dependencies("rubygems")
    packages = [NATIVE_GEMS[name] for name in sorted(NATIVE_GEMS) if name in gems]
    if not packages:
        return []
    words = " ".join(shell_word(p) for p in packages)
    found = [f"{name} ({where(gems[name])})" for name in sorted(NATIVE_GEMS) if name in gems]
    return [
        run(
            "apt-get update",
            f"apt-get install -y --no-install-recommends {words}",
            "rm -rf /var/lib/apt/lists/*",
            comment=f"shared libraries the native gems load at run time: {', '.join(found)}",
        )
    ]


def _version(value: str) -> str | None:
    match = re.match(r"^(?:ruby-)?(\d+\.\d+(?:\.\d+)?)", value)
    return match.group(1) if match else None


def plan_ruby(ctx: PlanContext) -> StackResult:
    version = ctx.version(DEFAULT_VERSION, "ruby", _version)
    for found in ctx.stack.build_tools:
        ctx.note("build tool", found.value, where(found), found.guess)
    for framework in ctx.stack.frameworks:
        ctx.note("framework", framework.value, where(framework), framework.guess)
    start = ctx.stack.start_command
    if start is not None:
        ctx.note("start command", start.value, where(start), start.guess)
    rails = "rails" in ctx.frameworks()
    source = where(ctx.stack.runtime_version) or "default"
    build_image = ctx.image(
        BaseImage("ruby", f"{{RUBY_VERSION}}-{DEBIAN}", (("RUBY_VERSION", version),), "build", source)
    )
    image = ctx.image(
        BaseImage("ruby", f"{{RUBY_VERSION}}-slim-{DEBIAN}", (("RUBY_VERSION", version),), "runtime", source)
    )
    bundle_env = [
        ("BUNDLE_DEPLOYMENT", "1"),
        ("BUNDLE_FROZEN", "1"),
        ("BUNDLE_WITHOUT", "development:test"),
        ("BUNDLE_PATH", BUNDLE),
    ]
    locked = ctx.has("Gemfile.lock")
    manifests = ["Gemfile", "Gemfile.lock"] if locked else ["Gemfile"]
    if not locked:
        ctx.guess("no Gemfile.lock: commit it, BUNDLE_FROZEN makes bundle install fail without it")
    steps: list[Instruction] = [
        copy(manifests, "./", comment="Gemfile and its lock first: the gems are a cached layer"),
        run(
            "bundle install --jobs 4",
            f"rm -rf {BUNDLE}/cache",
            comment="deployment mode: exactly the locked versions, no development/test gems",
        ),
        copy(["."], "."),
    ]
    build = Stage(
        "build",
        "build: the gems (deployment mode, frozen to Gemfile.lock), then the app",
        (from_(build_image, "build"), env(bundle_env), workdir(APP_DIR), *steps),
    )
    uid = ctx.options.uid
    health = ctx.health()
    dirs = ctx.writable_dirs()
    if rails:
        port = ctx.port(3000, "Rails' default")
        dirs = [*dirs, *(d for d in (f"{APP_DIR}/tmp", f"{APP_DIR}/log") if d not in dirs)]
        argv: tuple[str, ...] = ("bundle", "exec", "rails", "server", "-b", "0.0.0.0", "-p", "$PORT")
        runtime_env = [
            ("RAILS_ENV", "production"),
            ("RAILS_LOG_TO_STDOUT", "1"),
            ("RAILS_SERVE_STATIC_FILES", "1"),
            ("PORT", str(port)),
        ]
    else:
        port = ctx.port(9292, "rackup's default")
        argv = ("bundle", "exec", "rackup", "-o", "0.0.0.0", "-p", "$PORT")
        runtime_env = [("RACK_ENV", "production"), ("PORT", str(port))]
    final = Stage(
        "runtime",
        "runtime: the slim ruby image, the gems and the app",
        (
            from_(image, "runtime"),
            env([*bundle_env, *runtime_env]),
            *_runtime_libraries(ctx),
            run(debian_user(uid)),
            workdir(APP_DIR),
            copy([BUNDLE], BUNDLE, from_stage="build"),
            copy([APP_DIR], APP_DIR, from_stage="build"),
            *([run(*writable(dirs, uid), comment="folders the app writes to")] if dirs else []),
            *state_folder(ctx, uid),
            *closing(
                ctx,
                Launch(argv, remarks=("binds all interfaces, on $PORT",)),
                port=port,
                health=health,
                probe_tool="ruby",
                uid=uid,
                start_period=30,
            ),
        ),
    )
    return StackResult(
        "ruby/rails" if rails else "ruby/rack",
        [build, final],
        port,
        health,
        ["log/*", "tmp/*", "vendor/bundle", "node_modules", "coverage", "spec", "test", ".bundle"],
        uid,
    )
