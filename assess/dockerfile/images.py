"""Base images: references, the official defaults, and the enterprise mapping that rewrites them.

A scaffold names its base images by their official references with the version in an ``ARG``
(``ARG PYTHON_VERSION=3.12`` / ``FROM python:${PYTHON_VERSION}-slim``). A :class:`BaseImageMap`
rewrites them for an enterprise registry::

    # base-images.yaml
    registry: artifactory.example.com/docker-remote   # prefix for every image not listed below
    images:
      python: registry.example.com/approved/python     # another repository, same tags (ARG kept)
      node:20-slim: registry.example.com/node:20-hardened   # one exact image → a fixed image
      gcr.io/distroless/static-debian12: registry.example.com/distroless/static:nonroot

A key without a tag matches every tag of that repository, a key with a tag only that image (exact
keys win). A value without a tag or digest replaces the repository and keeps the tag (so the
``ARG`` version still applies); a value with a tag or digest replaces the whole reference.
Official images may be written with or without ``docker.io/`` and ``library/``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

_COMPONENT = r"[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*"
_HOST = (
    r"(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]+)?)"
)
_REFERENCE = re.compile(
    rf"^(?P<repo>(?:{_HOST}/)?{_COMPONENT}(?:/{_COMPONENT})*)"
    r"(?::(?P<tag>[\w][\w.-]{0,127}))?(?:@(?P<digest>sha256:[a-f0-9]{64}))?$"
)
_PREFIX = re.compile(rf"^(?:{_HOST}/)?{_COMPONENT}(?:/{_COMPONENT})*$|^{_HOST}$")


class ImageMapError(ValueError):
    """A base-image mapping that cannot be used; ``errors`` lists every problem."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__("; ".join(errors))
        self.errors = errors


@dataclass(frozen=True, slots=True)
class ImageRef:
    """A parsed image reference: repository, optional tag and digest."""

    repository: str
    tag: str | None = None
    digest: str | None = None

    def __str__(self) -> str:
        text = self.repository
        if self.tag:
            text += f":{self.tag}"
        if self.digest:
            text += f"@{self.digest}"
        return text

    @property
    def pinned(self) -> bool:
        """True when a tag other than ``latest``, or a digest, fixes the image."""
        return bool(self.digest) or bool(self.tag and self.tag != "latest")


def parse_image(text: str) -> ImageRef:
    """Parse ``[host[:port]/]name[:tag][@sha256:…]``; raises ValueError for anything else."""
    match = _REFERENCE.match(text.strip())
    if not match:
        raise ValueError(f"not an image reference: {text!r}")
    return ImageRef(match.group("repo"), match.group("tag"), match.group("digest"))


def normalise_repository(repository: str) -> str:
    """``docker.io/library/python`` → ``python``; other repositories unchanged."""
    repo = repository.removeprefix("docker.io/").removeprefix("index.docker.io/")
    return repo.removeprefix("library/")


@dataclass(frozen=True, slots=True)
class BaseImage:
    """One base image of a scaffold as the official default names it.

    ``tag`` may hold ``{NAME}`` placeholders filled from ``args`` (``(("PYTHON_VERSION", "3.12"),)``),
    so the rendered ``FROM`` reads ``python:${PYTHON_VERSION}-slim`` after ``ARG PYTHON_VERSION=3.12``.
    ``role`` says what it is for (``build``, ``runtime``); ``version_source`` where the version
    came from (``file:line``).
    """

    repository: str
    tag: str
    args: tuple[tuple[str, str], ...] = ()
    role: str = "runtime"
    version_source: str = ""

    @property
    def default_reference(self) -> str:
        """The official reference with the versions filled in (``python:3.12-slim``)."""
        tag = self.tag
        for name, value in self.args:
            tag = tag.replace(f"{{{name}}}", value)
        return f"{self.repository}:{tag}"

    @property
    def templated_tag(self) -> str:
        """The tag as the ``FROM`` line writes it (``${PYTHON_VERSION}-slim``)."""
        tag = self.tag
        for name, _ in self.args:
            tag = tag.replace(f"{{{name}}}", f"${{{name}}}")
        return tag


@dataclass(frozen=True, slots=True)
class ResolvedImage:
    """What a ``FROM`` line uses: ``from_text`` (may use ``${ARG}``), the ARGs it needs, and the
    official reference it replaces when a mapping applied (``mapped_from``)."""

    from_text: str
    args: tuple[tuple[str, str], ...]
    reference: str
    mapped_from: str | None = None
    mapping_rule: str | None = None


@dataclass(frozen=True)
class BaseImageMap:
    """Rewrites official base images to an internal registry or approved images (see module doc)."""

    images: Mapping[str, str] = field(default_factory=dict)
    registry: str | None = None
    source: str = "option"

    def __post_init__(self) -> None:
        errors: list[str] = []
        for key, value in self.images.items():
            for label, text in (("key", key), ("value", value)):
                try:
                    parse_image(text)
                except ValueError:
                    errors.append(f"{self.source}: images {label} {text!r} is not an image reference")
        if self.registry is not None and not _PREFIX.match(self.registry.rstrip("/")):
            errors.append(f"{self.source}: registry {self.registry!r} is not a registry or repository prefix")
        if errors:
            raise ImageMapError(errors)

    @property
    def empty(self) -> bool:
        return not self.images and not self.registry

    def _lookup(self, reference: ImageRef) -> tuple[str, str] | None:
        repo = normalise_repository(reference.repository)
        exact = f"{repo}:{reference.tag}" if reference.tag else repo
        repo_keys: dict[str, tuple[str, str]] = {}
        for key, value in self.images.items():
            parsed = parse_image(key)
            key_repo = normalise_repository(parsed.repository)
            if parsed.tag or parsed.digest:
                if f"{key_repo}:{parsed.tag}" == exact and not parsed.digest:
                    return key, value
            else:
                repo_keys[key_repo] = (key, value)
        return repo_keys.get(repo)

    def resolve(self, image: BaseImage) -> ResolvedImage:
        """The ``FROM`` text for ``image`` after the mapping (identity when nothing matches)."""
        official = parse_image(image.default_reference)
        tag_text = image.templated_tag
        from_text = f"{image.repository}:{tag_text}"
        found = self._lookup(official)
        if found is not None:
            key, value = found
            target = parse_image(value)
            rule = f"{self.source}: {key} → {value}"
            if target.tag or target.digest:
                return ResolvedImage(str(target), (), str(target), image.default_reference, rule)
            return ResolvedImage(
                f"{target.repository}:{tag_text}",
                image.args,
                f"{target.repository}:{official.tag}",
                image.default_reference,
                rule,
            )
        if self.registry:
            prefix = self.registry.rstrip("/")
            rule = f"{self.source}: registry {prefix}"
            return ResolvedImage(
                f"{prefix}/{from_text}", image.args, f"{prefix}/{official}", image.default_reference, rule
            )
        return ResolvedImage(from_text, image.args, str(official))


def load_image_map(path: Path) -> BaseImageMap:
    """Read a base-image mapping YAML file; raises :class:`ImageMapError` listing every problem."""
    try:
        data: Any = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ImageMapError([f"{path}: {exc}"]) from exc
    return image_map_from_dict(data or {}, str(path))


def image_map_from_dict(data: Any, source: str = "mapping") -> BaseImageMap:
    """Build a mapping from parsed YAML (``registry`` and/or ``images``)."""
    if not isinstance(data, dict):
        raise ImageMapError([f"{source}: expected a mapping with `registry` and/or `images`"])
    errors = [f"{source}: unknown key {key!r}" for key in data if key not in ("registry", "images")]
    images = data.get("images") or {}
    registry = data.get("registry")
    if not isinstance(images, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in images.items()
    ):
        errors.append(f"{source}: `images` must map image names to image names")
        images = {}
    if registry is not None and not isinstance(registry, str):
        errors.append(f"{source}: `registry` must be a string")
        registry = None
    if errors:
        raise ImageMapError(errors)
    return BaseImageMap(images=dict(images), registry=registry, source=source)


def parse_image_option(values: list[str]) -> dict[str, str]:
    """``FROM=TO`` command-line pairs as a dict; raises :class:`ImageMapError`."""
    pairs: dict[str, str] = {}
    errors = []
    for value in values:
        key, sep, target = value.partition("=")
        if not sep or not key.strip() or not target.strip():
            errors.append(f"--base-image {value!r}: expected FROM=TO")
            continue
        pairs[key.strip()] = target.strip()
    if errors:
        raise ImageMapError(errors)
    return pairs


def merge_maps(first: BaseImageMap | None, images: Mapping[str, str]) -> BaseImageMap:
    """``first`` with ``images`` added on top (command-line pairs override the file)."""
    base = first or BaseImageMap()
    if not images:
        return base
    source = base.source if base.images or base.registry else "--base-image"
    return BaseImageMap(images={**base.images, **images}, registry=base.registry, source=source)
