"""Runtime version normalisation: the version as the ecosystem writes it, reduced to major(.minor)."""

from __future__ import annotations

import re

NODE_LTS: dict[str, str] = {
    "argon": "4",
    "boron": "6",
    "carbon": "8",
    "dubnium": "10",
    "erbium": "12",
    "fermium": "14",
    "gallium": "16",
    "hydrogen": "18",
    "iron": "20",
    "jod": "22",
    "krypton": "24",
}


def _first_version(text: str) -> re.Match[str] | None:
    """The first ``X(.Y(.Z))`` in ``text`` (the lower bound of a range like ``>=3.9,<4``)."""
    return re.search(r"(\d+)(?:\.(\d+|x|\*))?(?:\.(\d+|x|\*))?", text)


def java_version(text: str) -> str | None:
    """``"17"``; ``"1.8"``, ``VERSION_1_8`` -> ``"8"``; ``"11.0.2"`` -> ``"11"``."""
    match = re.search(r"(\d+)(?:[._](\d+))?", text)
    if not match:
        return None
    major, minor = match.group(1), match.group(2)
    return minor if major == "1" and minor else major


def python_version(text: str) -> str | None:
    """``"3.12.1"``, ``">=3.11"``, ``"^3.10"``, ``"python-3.12.1"`` -> major.minor."""
    match = re.search(r"(\d+)\.(\d+)", text)
    if match:
        return f"{match.group(1)}.{match.group(2)}"
    major = re.search(r"\d+", text)
    return major.group(0) if major else None


def node_version(text: str) -> str | None:
    """``"v20.11.0"``, ``">=18"``, ``"20.x"``, ``"lts/iron"`` -> major."""
    codename = re.search(r"(?i)lts/([a-z]+)", text)
    if codename:
        return NODE_LTS.get(codename.group(1).lower())
    match = _first_version(text)
    return match.group(1) if match else None


def go_version(text: str) -> str | None:
    """``"1.22.0"``, ``"go1.22.3"`` -> ``"1.22"``."""
    match = re.search(r"(\d+)\.(\d+)", text)
    return f"{match.group(1)}.{match.group(2)}" if match else None


def dotnet_version(text: str) -> tuple[str, str] | None:
    """``(runtime, version)`` of a target framework moniker or SDK version.

    ``net8.0`` / ``net8.0-windows`` / ``8.0.100`` -> ``("dotnet", "8.0")``; ``netcoreapp3.1`` ->
    ``("dotnet", "3.1")``; ``net48`` / ``v4.7.2`` -> ``("dotnet-framework", "4.8"/"4.7")``.
    """
    value = text.strip().lower()
    legacy = re.fullmatch(r"net(\d)(\d)(\d?)", value)
    if legacy and legacy.group(1) in "1234":
        return "dotnet-framework", f"{legacy.group(1)}.{legacy.group(2)}"
    framework = re.fullmatch(r"v?(4)\.(\d+)(?:\.\d+)*", value)
    if framework and value.startswith("v"):
        return "dotnet-framework", f"{framework.group(1)}.{framework.group(2)}"
    modern = re.match(r"(?:net|netcoreapp)?(\d+)\.(\d+)", value)
    if modern and not value.startswith("netstandard"):
        return "dotnet", f"{modern.group(1)}.{modern.group(2)}"
    return None


def ruby_version(text: str) -> str | None:
    """The version as written in ``.ruby-version`` (``"ruby-3.3.0"`` -> ``"3.3.0"``)."""
    match = re.search(r"\d+(?:\.\d+)*", text)
    return match.group(0) if match else None


def php_version(text: str) -> str | None:
    """``"^8.2"``, ``">=8.1"``, ``"~8.2.0"``, ``"8.2.*"`` -> ``"8.2"`` (first alternative of ``a|b``)."""
    match = re.search(r"(\d+)(?:\.(\d+))?", text.split("|", 1)[0])
    if not match:
        return None
    return f"{match.group(1)}.{match.group(2)}" if match.group(2) else match.group(1)


def dotnet_highest(monikers: str) -> tuple[str, str] | None:
    """The newest of ``;``-separated target frameworks (``net6.0;net8.0`` -> ``8.0``)."""
    parsed = [v for v in (dotnet_version(m) for m in monikers.split(";") if m.strip()) if v]
    if not parsed:
        return None
    return max(parsed, key=lambda v: (v[0] == "dotnet", tuple(int(x) for x in v[1].split("."))))
