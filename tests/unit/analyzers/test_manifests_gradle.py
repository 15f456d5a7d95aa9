"""Gradle build scripts (Groovy and Kotlin DSL) and settings includes."""

from __future__ import annotations

from collections.abc import Callable

from assess.analyzers.manifests import ManifestResult

GROOVY = """\
plugins {
    id 'org.springframework.boot' version '3.2.0'
    id 'java'
}
ext {
    lombokVersion = '1.18.30'
}
def guavaVersion = "33.0.0-jre"

dependencies {
    implementation 'org.springframework.boot:spring-boot-starter-web'
    implementation "com.google.guava:guava:${guavaVersion}"
    compileOnly "org.projectlombok:lombok:$lombokVersion"
    annotationProcessor 'org.projectlombok:lombok:1.18.30'
    runtimeOnly group: 'org.postgresql', name: 'postgresql', version: '42.7.1'
    implementation platform('org.springframework.cloud:spring-cloud-dependencies:2023.0.0')
    // implementation 'commented:out:1.0'
    /* implementation 'block:comment:1.0' */
    testImplementation 'org.springframework.boot:spring-boot-starter-test'
    classpath 'not.a:dependency:1'
}
"""

KOTLIN = """\
val ktorVersion: String by project
val kotlinxVersion = "1.7.3"
dependencies {
    implementation("io.ktor:ktor-server-core:$ktorVersion")
    implementation("org.jetbrains.kotlinx:kotlinx-coroutines-core:${kotlinxVersion}")
    testImplementation(kotlin("test"))
    developmentOnly("org.springframework.boot:spring-boot-devtools")
    providedRuntime("org.springframework.boot:spring-boot-starter-tomcat")
}
"""


def test_groovy_dependencies_with_variables_scopes_and_lines(
    manifests_of: Callable[..., ManifestResult],
) -> None:
    result = manifests_of({"build.gradle": GROOVY})
    found = [(d.ecosystem, d.name, d.version, d.scope, d.line) for d in result.dependencies]
    assert found == [
        ("maven", "org.springframework.boot:spring-boot-starter-web", None, "runtime", 11),
        ("maven", "com.google.guava:guava", "33.0.0-jre", "runtime", 12),
        ("maven", "org.projectlombok:lombok", "1.18.30", "provided", 13),
        ("maven", "org.projectlombok:lombok", "1.18.30", "dev", 14),
        ("maven", "org.postgresql:postgresql", "42.7.1", "runtime", 15),
        ("maven", "org.springframework.boot:spring-boot-starter-test", None, "test", 19),
    ]
    assert result.errors == ()


def test_kotlin_dsl_and_gradle_properties(manifests_of: Callable[..., ManifestResult]) -> None:
    result = manifests_of({"build.gradle.kts": KOTLIN, "gradle.properties": "ktorVersion=2.3.7\n"})
    found = [(d.name, d.version, d.scope, d.line) for d in result.dependencies]
    assert found == [
        ("io.ktor:ktor-server-core", "2.3.7", "runtime", 4),
        ("org.jetbrains.kotlinx:kotlinx-coroutines-core", "1.7.3", "runtime", 5),
        ("org.springframework.boot:spring-boot-devtools", None, "dev", 7),
        ("org.springframework.boot:spring-boot-starter-tomcat", None, "provided", 8),
    ]


def test_settings_includes_become_modules(manifests_of: Callable[..., ManifestResult]) -> None:
    settings = """rootProject.name = 'shop'
include 'api', ':services:billing'
include("web")
// include 'old'
includeBuild 'tooling'
"""
    result = manifests_of({"settings.gradle": settings, "api/build.gradle": "dependencies {}\n"})
    assert result.modules == ("api", "services/billing", "web")


def test_unbalanced_script_does_not_raise(manifests_of: Callable[..., ManifestResult]) -> None:
    result = manifests_of({"build.gradle": "dependencies {\n implementation 'a:b:1'\n /* never closed"})
    assert [(d.name, d.version) for d in result.dependencies] == [("a:b", "1")]


CATALOG = """\
[versions]
boot = "3.2.5"
jackson = { strictly = "2.17.1" }

[libraries]
boot-web = { module = "org.springframework.boot:spring-boot-starter-web", version.ref = "boot" }
jackson_databind = { group = "com.fasterxml.jackson.core", name = "jackson-databind", version.ref = "jackson" }
flyway = "org.flywaydb:flyway-core:10.13.0"
junit-jupiter = { module = "org.junit.jupiter:junit-jupiter" }
mockito = { module = "org.mockito:mockito-core", version = "5.11.0" }

[bundles]
testing = ["junit-jupiter", "mockito"]

[plugins]
boot = { id = "org.springframework.boot", version.ref = "boot" }
"""

CATALOG_BUILD = """\
plugins {
    alias(libs.plugins.boot)
}
dependencies {
    implementation(libs.boot.web)
    implementation(libs.jackson.databind)
    runtimeOnly(libs.flyway)
    testImplementation(libs.bundles.testing)
}
"""


def test_version_catalog_references(manifests_of: Callable[..., ManifestResult]) -> None:
    result = manifests_of(
        {
            "gradle/libs.versions.toml": CATALOG,
            "app/build.gradle.kts": CATALOG_BUILD,
            "settings.gradle.kts": "",
        }
    )
    found = [(d.name, d.version, d.scope, d.file, d.line) for d in result.dependencies]
    assert found == [
        ("org.springframework.boot:spring-boot-starter-web", "3.2.5", "runtime", "app/build.gradle.kts", 5),
        ("com.fasterxml.jackson.core:jackson-databind", "2.17.1", "runtime", "app/build.gradle.kts", 6),
        ("org.flywaydb:flyway-core", "10.13.0", "runtime", "app/build.gradle.kts", 7),
        ("org.junit.jupiter:junit-jupiter", None, "test", "app/build.gradle.kts", 8),
        ("org.mockito:mockito-core", "5.11.0", "test", "app/build.gradle.kts", 8),
    ]
    assert result.errors == ()


def test_gradle_dependencies_are_marked_best_effort(manifests_of: Callable[..., ManifestResult]) -> None:
    result = manifests_of(
        {"build.gradle": GROOVY, "gradle/libs.versions.toml": CATALOG, "pom.xml": POM_WITH_ONE_DEPENDENCY}
    )
    marks = {(d.file, d.best_effort) for d in result.dependencies}
    assert marks == {("build.gradle", True), ("pom.xml", False)}


POM_WITH_ONE_DEPENDENCY = (
    "<project><dependencies><dependency><groupId>g</groupId><artifactId>a</artifactId>"
    "<version>1</version></dependency></dependencies></project>"
)


def test_malformed_version_catalog_is_reported(manifests_of: Callable[..., ManifestResult]) -> None:
    broken = CATALOG.replace('flyway = "org', 'flyway = = "org')
    result = manifests_of({"gradle/libs.versions.toml": broken, "build.gradle.kts": CATALOG_BUILD})
    assert [e.message.split(":", 2)[:2] for e in result.errors] == [
        ["gradle/libs.versions.toml", " invalid TOML"]
    ]
    assert "line 8" in result.errors[0].message
    # the libraries before the bad line still resolve
    assert [d.name for d in result.dependencies] == [
        "org.springframework.boot:spring-boot-starter-web",
        "com.fasterxml.jackson.core:jackson-databind",
    ]
