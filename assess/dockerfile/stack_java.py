"""Java: Maven or Gradle (their wrappers when the repository has them) build the jar or war in a JDK
stage; a Spring Boot fat jar runs on a JRE, a war is deployed as ROOT on Tomcat. The JVM sizes its
heap from the container's memory limit."""

from __future__ import annotations

import re

from assess.dockerfile.commands import Launch, split_command
from assess.dockerfile.common import closing, debian_user, state_folder, writable
from assess.dockerfile.images import BaseImage
from assess.dockerfile.instructions import Instruction, copy, env, from_, run, workdir
from assess.dockerfile.plan import APP_DIR, PlanContext, StackResult, Stage, where

DEFAULT_VERSION = "21"
JVM_FLAGS = "-XX:MaxRAMPercentage=75.0 -XX:+ExitOnOutOfMemoryError"
TOMCAT = "/usr/local/tomcat"
PROPERTY_SOURCE = "org.apache.tomcat.util.digester.PROPERTY_SOURCE=org.apache.tomcat.util.digester.EnvironmentPropertySource"


def _major(value: str) -> str | None:
    match = re.match(r"^(?:1\.)?(\d+)", value)
    return match.group(1) if match else None


def _gradle_task(ctx: PlanContext, war: bool) -> str:
    if war:
        return "war"
    if "spring-boot" in ctx.frameworks():
        return "bootJar"
    ctx.guess("gradle jar: the jar's manifest names its Main-Class and it carries its dependencies")
    return "jar"


def _build_steps(ctx: PlanContext, gradle: bool, war: bool) -> tuple[str, str, list[Instruction], str]:
    """(build image, its tag template, steps of the build stage, the folder the artifact lands in)."""
    steps: list[Instruction] = []
    if gradle:
        wrapper = ctx.has("gradlew") and ctx.has_dir("gradle")
        manifests = [
            n
            for n in (
                "build.gradle",
                "build.gradle.kts",
                "settings.gradle",
                "settings.gradle.kts",
                "gradle.properties",
            )
            if ctx.has(n)
        ]
        locks = ["gradle.lockfile"] if ctx.has("gradle.lockfile") else []
        tool = "./gradlew" if wrapper else "gradle"
        if wrapper:
            steps.append(copy(["gradlew"], "./", comment="the Gradle wrapper pins the Gradle version"))
            steps.append(copy(["gradle"], "./gradle"))
        steps += [
            copy(manifests + locks or ["."], "./", comment="build files first, for layer caching"),
            run(f"{tool} --no-daemon dependencies > /dev/null", comment="resolve dependencies once"),
            copy(["src"], "./src") if ctx.has_dir("src") else copy(["."], "."),
            run(f"{tool} --no-daemon {_gradle_task(ctx, war)} -x test"),
        ]
        image = "{JAVA_VERSION}-jdk" if wrapper else "8-jdk{JAVA_VERSION}"
        return ("eclipse-temurin" if wrapper else "gradle"), image, steps, "build/libs"
    wrapper = ctx.has("mvnw") and ctx.has_dir(".mvn")
    tool = "./mvnw" if wrapper else "mvn"
    if wrapper:
        steps.append(copy(["mvnw"], "./", comment="the Maven wrapper pins the Maven version"))
        steps.append(copy([".mvn"], "./.mvn"))
    steps += [
        copy(["pom.xml"], "./", comment="the POM first: dependencies are a cached layer"),
        run(f"{tool} -B -q dependency:go-offline", comment="versions come from pom.xml"),
        copy(["src"], "./src") if ctx.has_dir("src") else copy(["."], "."),
        run(f"{tool} -B -q package -DskipTests"),
    ]
    if wrapper:
        return "eclipse-temurin", "{JAVA_VERSION}-jdk", steps, "target"
    return "maven", "3.9-eclipse-temurin-{JAVA_VERSION}", steps, "target"


def plan_java(ctx: PlanContext) -> StackResult:
    version = ctx.version(DEFAULT_VERSION, "java", _major)
    for found in ctx.stack.build_tools:
        ctx.note("build tool", found.value, where(found), found.guess)
    for framework in ctx.stack.frameworks:
        ctx.note("framework", framework.value, where(framework), framework.guess)
    tools = ctx.tools()
    gradle = "gradle" in tools and "maven" not in tools
    start = ctx.stack.start_command
    if start is not None:
        ctx.note("start command", start.value, where(start), start.guess)
    war = any(f.rule_id == "java-war-packaging" for f in ctx.assessment.findings) or (
        start is not None and ".war" in start.value
    )
    source = where(ctx.stack.runtime_version) or "default"
    repo, tag, steps, out_dir = _build_steps(ctx, gradle, war)
    build_image = ctx.image(BaseImage(repo, tag, (("JAVA_VERSION", version),), "build", source))
    kind = "war" if war else "jar"
    collect = (
        f"find {out_dir} -maxdepth 1 -name '*.{kind}' ! -name '*-plain.{kind}' ! -name '*-sources.{kind}'"
        f" ! -name '*-javadoc.{kind}' ! -name 'original-*' -exec cp {{}} /out/app.{kind} \\;"
    )
    build = Stage(
        "build",
        f"build: the {kind} with {'Gradle' if gradle else 'Maven'}, dependencies resolved before the sources",
        (
            from_(build_image, "build"),
            workdir("/src"),
            *steps,
            run("mkdir -p /out", collect, f"test -f /out/app.{kind}", comment=f"the built {kind}, one name"),
        ),
    )
    uid = ctx.options.uid
    health = ctx.health()
    dirs = ctx.writable_dirs()
    jvm = env(
        [("JAVA_TOOL_OPTIONS", JVM_FLAGS)],
        "container-aware JVM: heap sized from the memory limit, exit (and restart) on OutOfMemoryError",
    )
    if war:
        port = ctx.port(8080, "Tomcat's connector port")
        image = ctx.image(
            BaseImage(
                "tomcat", "9.0-jre{JAVA_VERSION}-temurin", (("JAVA_VERSION", version),), "runtime", source
            )
        )
        ctx.note("server", "catalina.sh run (ROOT.war on Tomcat 9, javax.* servlets)", "CMD below", True)
        ctx.guess("Tomcat 9 (javax.servlet): use Tomcat 10+ for jakarta.* servlets")
        launch = Launch(("catalina.sh", "run"), remarks=("Tomcat in the foreground, logs to stdout",))
        final = Stage(
            "runtime",
            "runtime: the war as the ROOT web app on Tomcat",
            (
                from_(image, "runtime"),
                jvm,
                env(
                    [("PORT", str(port)), ("CATALINA_OPTS", f"-D{PROPERTY_SOURCE}")],
                    "server.xml reads ${PORT} from the environment (Tomcat's EnvironmentPropertySource)",
                ),
                run(
                    debian_user(uid),
                    f"rm -rf {TOMCAT}/webapps/*",
                    f"chown -R {uid}:{uid} {TOMCAT}/logs {TOMCAT}/temp {TOMCAT}/work {TOMCAT}/webapps",
                    f'sed -i "s/port=\\"8080\\"/port=\\"\\${{PORT:-{port}}}\\"/" {TOMCAT}/conf/server.xml',
                    f'grep -q "PORT:-{port}" {TOMCAT}/conf/server.xml',
                    *writable(dirs, uid),
                    comment=[
                        "Tomcat writes logs/, temp/, work/ and unpacks the war in webapps/;"
                        " its HTTP connector listens on $PORT",
                    ],
                ),
                workdir(TOMCAT),
                copy([f"/out/app.{kind}"], f"{TOMCAT}/webapps/ROOT.war", from_stage="build"),
                *closing(
                    ctx,
                    launch,
                    port=port,
                    health=health,
                    probe_tool="curl",
                    uid=uid,
                    start_period=60,
                    listens=f"Tomcat's connector listens on $PORT ({port} unless the platform sets PORT)",
                ),
            ),
        )
        return StackResult(
            "java/war", [build, final], port, health, ["target", "build", ".gradle", "*.iml"], uid
        )
    port = ctx.port(8080, "Spring Boot's default")
    image = ctx.image(
        BaseImage("eclipse-temurin", "{JAVA_VERSION}-jre", (("JAVA_VERSION", version),), "runtime", source)
    )
    tokens = split_command(start.value) if start else None
    argv: tuple[str, ...] = ("java", "-jar", f"{APP_DIR}/app.jar")
    if "spring-boot" in ctx.frameworks():
        argv += ("--server.address=0.0.0.0", "--server.port=$PORT")
    elif tokens is None or tokens[:2] != ("java", "-jar"):
        ctx.guess("the jar is runnable (java -jar) and listens on 0.0.0.0:$PORT")
    launch = Launch(argv, remarks=("Spring Boot: command-line properties override application.properties",))
    final = Stage(
        "runtime",
        "runtime: a JRE and the fat jar",
        (
            from_(image, "runtime"),
            jvm,
            env([("PORT", str(port))], "the port the app listens on"),
            run(debian_user(uid), *writable(dirs, uid)),
            workdir(APP_DIR),
            copy([f"/out/app.{kind}"], f"{APP_DIR}/app.jar", from_stage="build"),
            *state_folder(ctx, uid),
            *closing(ctx, launch, port=port, health=health, probe_tool="curl", uid=uid, start_period=60),
        ),
    )
    return StackResult("java/jar", [build, final], port, health, ["target", "build", ".gradle", "*.iml"], uid)
