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
