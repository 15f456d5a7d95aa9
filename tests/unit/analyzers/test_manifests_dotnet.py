""".NET: SDK-style and legacy projects, packages.config, central package management, solutions."""

from __future__ import annotations

from collections.abc import Callable

from assess.analyzers.manifests import ManifestResult

WEB_PROJECT = """\
<Project Sdk="Microsoft.NET.Sdk.Web">
  <PropertyGroup>
    <TargetFramework>net8.0</TargetFramework>
    <EfVersion>8.0.1</EfVersion>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Microsoft.EntityFrameworkCore.SqlServer" Version="$(EfVersion)" />
    <PackageReference Include="Serilog.AspNetCore">
      <Version>8.0.0</Version>
    </PackageReference>
    <PackageReference Include="StyleCop.Analyzers" Version="1.1.118" PrivateAssets="all" />
    <PackageReference Include="Polly" />
    <PackageReference Update="Polly" Version="9.9.9" />
  </ItemGroup>
</Project>
"""

TEST_PROJECT = """\
<Project Sdk="Microsoft.NET.Sdk">
  <ItemGroup>
    <PackageReference Include="Microsoft.NET.Test.Sdk" Version="17.8.0" />
    <PackageReference Include="xunit" Version="2.6.6" />
  </ItemGroup>
</Project>
"""

CENTRAL = """\
<Project>
  <ItemGroup>
    <PackageVersion Include="Polly" Version="8.2.1" />
    <GlobalPackageReference Include="Nerdbank.GitVersioning" Version="3.6.133" />
  </ItemGroup>
</Project>
"""

SOLUTION = """\
Microsoft Visual Studio Solution File, Format Version 12.00
Project("{9A19103F-16F7-4668-BE54-9A1E7A4F7556}") = "Shop.Web", "src\\Shop.Web\\Shop.Web.csproj", "{1}"
EndProject
Project("{2150E333-8FDC-42A3-9474-1A3956D46DE8}") = "docs", "docs", "{2}"
EndProject
Project("{9A19103F-16F7-4668-BE54-9A1E7A4F7556}") = "Tests", "tests\\Shop.Tests\\Shop.Tests.csproj", "{3}"
EndProject
"""


def test_sdk_projects_central_versions_and_solution(manifests_of: Callable[..., ManifestResult]) -> None:
    result = manifests_of(
        {
            "Shop.sln": SOLUTION,
            "Directory.Packages.props": CENTRAL,
            "src/Shop.Web/Shop.Web.csproj": WEB_PROJECT,
            "tests/Shop.Tests/Shop.Tests.csproj": TEST_PROJECT,
        }
    )
    assert result.errors == ()
    assert result.modules == ("src/Shop.Web", "tests/Shop.Tests")
    assert [(d.ecosystem, d.name, d.version, d.scope, d.file, d.line) for d in result.dependencies] == [
        ("nuget", "Nerdbank.GitVersioning", "3.6.133", "dev", "Directory.Packages.props", 4),
        (
            "nuget",
            "Microsoft.EntityFrameworkCore.SqlServer",
            "8.0.1",
            "runtime",
            "src/Shop.Web/Shop.Web.csproj",
            7,
        ),
        ("nuget", "Serilog.AspNetCore", "8.0.0", "runtime", "src/Shop.Web/Shop.Web.csproj", 8),
        ("nuget", "StyleCop.Analyzers", "1.1.118", "dev", "src/Shop.Web/Shop.Web.csproj", 11),
        ("nuget", "Polly", "8.2.1", "runtime", "src/Shop.Web/Shop.Web.csproj", 12),
        ("nuget", "Microsoft.NET.Test.Sdk", "17.8.0", "test", "tests/Shop.Tests/Shop.Tests.csproj", 3),
        ("nuget", "xunit", "2.6.6", "test", "tests/Shop.Tests/Shop.Tests.csproj", 4),
    ]


LEGACY = """\
<?xml version="1.0" encoding="utf-8"?>
<Project ToolsVersion="15.0" xmlns="http://schemas.microsoft.com/developer/msbuild/2003">
  <PropertyGroup>
    <TargetFrameworkVersion>v4.8</TargetFrameworkVersion>
  </PropertyGroup>
  <ItemGroup>
    <Reference Include="System.Web.Mvc, Version=5.2.9.0" />
  </ItemGroup>
</Project>
"""

PACKAGES_CONFIG = """\
<?xml version="1.0" encoding="utf-8"?>
<packages>
  <package id="Microsoft.AspNet.Mvc" version="5.2.9" targetFramework="net48" />
  <package id="EntityFramework" version="6.4.4" targetFramework="net48" />
  <package id="Microsoft.CodeDom.Providers.DotNetCompilerPlatform" version="2.0.1"
           developmentDependency="true" />
</packages>
"""


def test_legacy_project_with_packages_config(manifests_of: Callable[..., ManifestResult]) -> None:
    result = manifests_of({"Web/Web.csproj": LEGACY, "Web/packages.config": PACKAGES_CONFIG})
    assert [(d.name, d.version, d.scope, d.line) for d in result.dependencies] == [
        ("Microsoft.AspNet.Mvc", "5.2.9", "runtime", 3),
        ("EntityFramework", "6.4.4", "runtime", 4),
        ("Microsoft.CodeDom.Providers.DotNetCompilerPlatform", "2.0.1", "dev", 5),
    ]


def test_malformed_project_and_packages_config(manifests_of: Callable[..., ManifestResult]) -> None:
    result = manifests_of(
        {
            "App.csproj": '<Project Sdk="Microsoft.NET.Sdk">\n<ItemGroup>\n'
            '<PackageReference Include="A" Version="1"/>\n',
            "packages.config": "<packages><package id='B' version='2'></packages>",
            "Directory.Packages.props": "<Project><ItemGroup>",
        }
    )
    assert [d.name for d in result.dependencies] == ["A", "B"]
    messages = sorted(e.message for e in result.errors)
    assert messages[0].startswith("App.csproj: not well-formed XML at line 4")
    assert messages[1].startswith("Directory.Packages.props: not well-formed XML at line 1")
    assert messages[2].startswith("packages.config: not well-formed XML at line 1")
