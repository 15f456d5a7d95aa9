"""The enterprise base-image mapping: registry prefixes, repository and exact-image rewrites,
official-name spellings, and every error of a bad mapping file reported at once."""

from __future__ import annotations

from pathlib import Path

import pytest

from assess.dockerfile.images import (
    BaseImage,
    BaseImageMap,
    ImageMapError,
    image_map_from_dict,
    load_image_map,
    merge_maps,
    parse_image,
    parse_image_option,
)

PYTHON = BaseImage("python", "{PYTHON_VERSION}-slim", (("PYTHON_VERSION", "3.12"),), "runtime", "x:1")
DISTROLESS = BaseImage("gcr.io/distroless/static-debian12", "nonroot")


def test_the_default_is_the_official_image_with_its_version_in_an_arg() -> None:
    resolved = BaseImageMap().resolve(PYTHON)
    assert resolved.from_text == "python:${PYTHON_VERSION}-slim"
    assert resolved.args == (("PYTHON_VERSION", "3.12"),)
    assert resolved.reference == "python:3.12-slim"
    assert resolved.mapped_from is None and resolved.mapping_rule is None


def test_a_registry_prefixes_every_image_and_keeps_the_arg() -> None:
    mapping = image_map_from_dict({"registry": "artifactory.example.com:8443/docker-remote/"})
    resolved = mapping.resolve(PYTHON)
    assert resolved.from_text == "artifactory.example.com:8443/docker-remote/python:${PYTHON_VERSION}-slim"
    assert resolved.args == PYTHON.args
    assert resolved.mapped_from == "python:3.12-slim"
    other = mapping.resolve(DISTROLESS)
    assert (
        other.from_text
        == "artifactory.example.com:8443/docker-remote/gcr.io/distroless/static-debian12:nonroot"
    )


def test_a_repository_key_swaps_the_repository_and_keeps_the_tag() -> None:
    mapping = image_map_from_dict({"images": {"docker.io/library/python": "registry.corp/approved/python"}})
    resolved = mapping.resolve(PYTHON)
    assert resolved.from_text == "registry.corp/approved/python:${PYTHON_VERSION}-slim"
    assert resolved.reference == "registry.corp/approved/python:3.12-slim"
    assert resolved.mapping_rule and "docker.io/library/python" in resolved.mapping_rule


def test_an_exact_key_wins_and_a_fixed_value_drops_the_arg() -> None:
    mapping = image_map_from_dict(
        {
            "registry": "mirror.corp",
            "images": {
                "python": "registry.corp/python",
                "python:3.12-slim": "registry.corp/python:3.12-hardened",
            },
        }
    )
    resolved = mapping.resolve(PYTHON)
    assert resolved.from_text == "registry.corp/python:3.12-hardened"
    assert resolved.args == ()
    # another version of the same repository falls back to the repository key, not the registry
    older = BaseImage("python", "{PYTHON_VERSION}-slim", (("PYTHON_VERSION", "3.11"),))
    assert mapping.resolve(older).from_text == "registry.corp/python:${PYTHON_VERSION}-slim"


def test_a_digest_value_pins_the_image() -> None:
    digest = "sha256:" + "a" * 64
    mapping = image_map_from_dict({"images": {"python": f"registry.corp/python@{digest}"}})
    resolved = mapping.resolve(PYTHON)
    assert resolved.from_text == f"registry.corp/python@{digest}"
    assert parse_image(resolved.from_text).pinned


def test_the_mapping_file_is_read_and_every_error_is_listed(tmp_path: Path) -> None:
    good = tmp_path / "map.yaml"
    good.write_text("registry: mirror.corp/hub\nimages:\n  node: mirror.corp/node\n")
    mapping = load_image_map(good)
    assert mapping.registry == "mirror.corp/hub" and mapping.source == str(good)
    bad = tmp_path / "bad.yaml"
    bad.write_text("registries: x\nimages:\n  'Not An Image!': python\n  node: 'bad ref'\n")
    with pytest.raises(ImageMapError) as caught:
        load_image_map(bad)
    assert any("unknown key 'registries'" in e for e in caught.value.errors)
    with pytest.raises(ImageMapError) as caught:
        image_map_from_dict({"images": {"Not An Image!": "python", "node": "bad ref"}}, "bad.yaml")
    assert len(caught.value.errors) == 2
    with pytest.raises(ImageMapError):
        load_image_map(tmp_path / "missing.yaml")
    with pytest.raises(ImageMapError):
        image_map_from_dict(["python"])


def test_command_line_pairs_override_the_file() -> None:
    pairs = parse_image_option(["python=registry.corp/py", "node = registry.corp/node "])
    assert pairs == {"python": "registry.corp/py", "node": "registry.corp/node"}
    merged = merge_maps(image_map_from_dict({"images": {"python": "file.corp/python"}}), pairs)
    assert merged.images["python"] == "registry.corp/py"
    with pytest.raises(ImageMapError):
        parse_image_option(["python"])


@pytest.mark.parametrize(
    ("text", "pinned"),
    [("python:3.12-slim", True), ("python", False), ("python:latest", False), ("a.io:5000/x/y:1", True)],
)
def test_references_parse_and_know_whether_they_are_pinned(text: str, pinned: bool) -> None:
    assert parse_image(text).pinned is pinned
    assert str(parse_image(text)) == text


@pytest.mark.parametrize("text", ["", "python/CASE", "x y", "python:", "-x"])
def test_bad_references_are_refused(text: str) -> None:
    with pytest.raises(ValueError):
        parse_image(text)
