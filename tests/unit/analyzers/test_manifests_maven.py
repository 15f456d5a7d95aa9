"""Maven pom.xml: properties, parent chain, modules, dependencyManagement, scopes, malformed XML."""

from __future__ import annotations

from collections.abc import Callable

from assess.analyzers.manifests import ManifestResult
from assess.model import Dependency

ROOT_POM = """\
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <parent>
    <groupId>org.springframework.boot</groupId>
    <artifactId>spring-boot-starter-parent</artifactId>
    <version>${boot.version}</version>
  </parent>
  <groupId>com.acme</groupId>
  <artifactId>shop-parent</artifactId>
  <version>1.0.0</version>
  <packaging>pom</packaging>
  <properties>
    <boot.version>3.2.1</boot.version>
    <lib.version>2.1</lib.version>
  </properties>
  <modules>
    <module>api</module>
    <module>web/pom.xml</module>
  </modules>
  <dependencyManagement>
    <dependencies>
      <dependency>
        <groupId>com.x</groupId>
        <artifactId>lib</artifactId>
        <version>${lib.version}</version>
      </dependency>
    </dependencies>
  </dependencyManagement>
</project>
"""

API_POM = """\
<project>
  <parent>
    <groupId>com.acme</groupId>
    <artifactId>shop-parent</artifactId>
    <version>1.0.0</version>
  </parent>
  <artifactId>api</artifactId>
  <properties><jackson>2.15.0</jackson></properties>
  <dependencies>
    <dependency>
      <groupId>com.x</groupId>
      <artifactId>lib</artifactId>
    </dependency>
    <dependency>
      <groupId>${project.groupId}</groupId>
      <artifactId>core</artifactId>
      <version>${project.version}</version>
    </dependency>
    <dependency>
      <groupId>com.fasterxml.jackson.core</groupId>
      <artifactId>jackson-databind</artifactId>
      <version>${jackson}</version>
      <optional>true</optional>
    </dependency>
    <dependency>
      <groupId>jakarta.servlet</groupId>
      <artifactId>jakarta.servlet-api</artifactId>
      <scope>provided</scope>
    </dependency>
    <dependency>
      <groupId>org.postgresql</groupId>
      <artifactId>postgresql</artifactId>
      <version>42.7.1</version>
      <scope>runtime</scope>
    </dependency>
    <dependency>
      <groupId>junit</groupId>
      <artifactId>junit</artifactId>
      <version>4.13.2</version>
      <scope>test</scope>
    </dependency>
  </dependencies>
</project>
"""


def by_name(result: ManifestResult) -> dict[str, Dependency]:
    return {d.name: d for d in result.dependencies}


def test_multi_module_build_resolves_properties_parent_and_managed_versions(
    manifests_of: Callable[..., ManifestResult],
) -> None:
    result = manifests_of({"pom.xml": ROOT_POM, "api/pom.xml": API_POM, "web/pom.xml": "<project/>"})
    deps = by_name(result)
    assert result.errors == ()
    assert result.modules == ("api", "web")
    assert deps["org.springframework.boot:spring-boot-starter-parent"] == Dependency(
        "maven", "org.springframework.boot:spring-boot-starter-parent", "3.2.1", "parent", "pom.xml", 4
    )
    assert "com.acme:shop-parent" not in deps  # an in-repo parent is not a dependency
    assert deps["com.x:lib"].version == "2.1"  # from the parent's dependencyManagement
    assert (deps["com.x:lib"].file, deps["com.x:lib"].line) == ("api/pom.xml", 12)
    assert deps["com.acme:core"].version == "1.0.0"  # ${project.groupId}/${project.version} via parent
    assert deps["com.fasterxml.jackson.core:jackson-databind"].version == "2.15.0"
    scopes = {name: d.scope for name, d in deps.items()}
    assert scopes["com.fasterxml.jackson.core:jackson-databind"] == "optional"
    assert scopes["jakarta.servlet:jakarta.servlet-api"] == "provided"
    assert scopes["org.postgresql:postgresql"] == "runtime"
    assert scopes["junit:junit"] == "test"
    assert scopes["com.x:lib"] == "runtime"


def test_unresolvable_property_is_kept_as_written(manifests_of: Callable[..., ManifestResult]) -> None:
    pom = """<project><groupId>g</groupId><artifactId>a</artifactId><version>1</version>
<dependencies><dependency><groupId>x</groupId><artifactId>y</artifactId><version>${nowhere}</version>
</dependency></dependencies></project>"""
    deps = manifests_of({"pom.xml": pom}).dependencies
    assert [(d.name, d.version, d.line) for d in deps] == [("x:y", "${nowhere}", 2)]


def test_parent_found_by_coordinates_when_relative_path_is_elsewhere(
    manifests_of: Callable[..., ManifestResult],
) -> None:
    parent = """<project><groupId>com.acme</groupId><artifactId>bom</artifactId><version>1</version>
<properties><v>9.9</v></properties></project>"""
    child = """<project><parent><groupId>com.acme</groupId><artifactId>bom</artifactId>
<relativePath/></parent><artifactId>svc</artifactId>
<dependencies><dependency><groupId>x</groupId><artifactId>y</artifactId><version>${v}</version>
</dependency></dependencies></project>"""
    result = manifests_of({"build/parent/pom.xml": parent, "platform/pom.xml": parent, "svc/pom.xml": child})
    assert [(d.name, d.version) for d in result.dependencies] == [("x:y", "9.9")]


def test_cyclic_parents_terminate(manifests_of: Callable[..., ManifestResult]) -> None:
    a = """<project><parent><groupId>g</groupId><artifactId>b</artifactId><relativePath>../b</relativePath>
</parent><groupId>g</groupId><artifactId>a</artifactId><properties><p>1</p></properties></project>"""
    b = """<project><parent><groupId>g</groupId><artifactId>a</artifactId><relativePath>../a</relativePath>
</parent><groupId>g</groupId><artifactId>b</artifactId>
<dependencies><dependency><groupId>x</groupId><artifactId>y</artifactId><version>${p}</version>
</dependency></dependencies></project>"""
    result = manifests_of({"a/pom.xml": a, "b/pom.xml": b})
    assert [(d.name, d.version) for d in result.dependencies] == [("x:y", "1")]


def test_not_well_formed_pom_reports_line_and_keeps_what_was_read(
    manifests_of: Callable[..., ManifestResult],
) -> None:
    pom = """<project>
  <groupId>g</groupId>
  <artifactId>a</artifactId>
  <dependencies>
    <dependency><groupId>x</groupId><artifactId>ok</artifactId><version>1</version></dependency>
    <dependency><groupId>x</groupId><artifactId>broken</artifactId>
  </dependencies>
</project>
"""
    result = manifests_of({"pom.xml": pom})
    assert len(result.errors) == 1
    error = result.errors[0]
    assert (error.stage, error.path) == ("manifests", "pom.xml")
    assert error.message.startswith("pom.xml: not well-formed XML at line 7")
    # the elements read before the error still count, the unclosed one included
    assert [(d.name, d.line) for d in result.dependencies] == [("x:ok", 5), ("x:broken", 6)]


def test_entity_bomb_is_refused_without_expansion(manifests_of: Callable[..., ManifestResult]) -> None:
    bomb = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<project><groupId>&lol9;</groupId></project>
"""
    result = manifests_of({"pom.xml": bomb})
    assert result.dependencies == ()
    assert len(result.errors) == 1
    assert "entity" in result.errors[0].message.lower()


def test_external_entity_is_refused(manifests_of: Callable[..., ManifestResult]) -> None:
    xxe = """<?xml version="1.0"?>
<!DOCTYPE p [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<project><dependencies><dependency><groupId>&x;</groupId><artifactId>a</artifactId></dependency>
</dependencies></project>"""
    result = manifests_of({"pom.xml": xxe})
    assert result.dependencies == ()
    assert result.errors and result.errors[0].path == "pom.xml"


def test_dependency_without_coordinates_is_an_error(manifests_of: Callable[..., ManifestResult]) -> None:
    pom = (
        "<project>\n<dependencies>\n<dependency><version>1</version></dependency>\n</dependencies></project>"
    )
    result = manifests_of({"pom.xml": pom})
    assert result.dependencies == ()
    assert result.errors[0].message == "pom.xml: dependency at line 3 has no groupId or artifactId"


def test_utf16_pom_with_bom_is_read(manifests_of: Callable[..., ManifestResult]) -> None:
    pom = """<?xml version="1.0" encoding="UTF-16"?>
<project><dependencies><dependency><groupId>é</groupId><artifactId>a</artifactId></dependency>
</dependencies></project>"""
    result = manifests_of({"pom.xml": pom.encode("utf-16")})
    assert [(d.name, d.line) for d in result.dependencies] == [("é:a", 2)]
    assert result.errors == ()


def test_parent_without_coordinates_is_an_error_not_a_dependency(
    manifests_of: Callable[..., ManifestResult],
) -> None:
    result = manifests_of(
        {"pom.xml": "<project>\n  <parent>\n    <version>1</version>\n  </parent>\n</project>"}
    )
    assert result.dependencies == ()
    assert [e.message for e in result.errors] == ["pom.xml: parent at line 2 has no groupId or artifactId"]
    truncated = manifests_of({"pom.xml": "<project>\n  <parent>\n    <groupId>org.spring"})
    assert truncated.dependencies == ()
