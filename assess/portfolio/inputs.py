"""What a portfolio run assesses: work items from folders, monorepos, git URLs, archives and manifests.

Every input becomes a stream of :class:`WorkItem` values (an id, where the code is, an optional
git ref and subfolder, and business metadata). Nothing here reads application code: folders are
only listed and their build manifests looked for, so discovery stays cheap for thousands of apps.
"""

from __future__ import annotations

import csv
import fnmatch
import json
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path, PurePosixPath

from assess.source.git import is_git_url
from assess.source.inventory import SKIPPED_DIRS
from assess.source.snapshot import SourceError

ARCHIVE_SUFFIXES: tuple[str, ...] = (
    ".zip",
    ".tar",
    ".tar.gz",
    ".tgz",
    ".tar.bz2",
    ".tbz2",
    ".tar.xz",
    ".txz",
)
"""File names ending like this are read as archives of one application."""

BUILD_MANIFESTS: frozenset[str] = frozenset(
    {
        "pom.xml",
        "build.gradle",
        "build.gradle.kts",
        "package.json",
        "go.mod",
        "requirements.txt",
        "pyproject.toml",
        "setup.py",
        "setup.cfg",
        "Pipfile",
        "Gemfile",
        "composer.json",
        "Cargo.toml",
    }
)
"""File names that mark the root of a buildable application."""

_PROJECT_SUFFIXES = (".csproj", ".vbproj", ".fsproj", ".sln")
_MONOREPO_DEPTH = 3

MANIFEST_ID = "id"
MANIFEST_SOURCE = "source"
MANIFEST_REF = ("ref", "branch")
MANIFEST_SUBFOLDER = ("subfolder", "path")


def printable(text: str) -> str:
    """``text`` with lone surrogates (undecodable bytes of a file name) written as ``\\xff``, so it
    can be stored, printed and written as UTF-8."""
    if not any(0xD800 <= ord(ch) <= 0xDFFF for ch in text):
        return text
    return "".join(
        (f"\\x{ord(ch) - 0xDC00:02x}" if 0xDC80 <= ord(ch) <= 0xDCFF else f"\\u{ord(ch):04x}")
        if 0xD800 <= ord(ch) <= 0xDFFF
        else ch
        for ch in text
    )


class SourceKind(StrEnum):
    """How an item's code is reached."""

    FOLDER = "folder"
    GIT = "git"
    ARCHIVE = "archive"


@dataclass(frozen=True)
class WorkItem:
    """One application to assess: an id, where it is, and business metadata.

    ``source`` is a folder, a git URL or an archive file; ``ref`` a branch, tag or commit (git
    URLs only); ``subfolder`` the app's folder inside the source (a monorepo's service). An id made
    from a file name that is not valid UTF-8 is made :func:`printable`; ``source`` keeps the real
    path.
    """

    app: str
    source: str
    metadata: tuple[tuple[str, str], ...] = ()
    ref: str | None = None
    subfolder: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "app", printable(self.app))

    @property
    def kind(self) -> SourceKind:
        """Folder, git URL or archive, from the shape of ``source``."""
        if is_git_url(self.source):
            return SourceKind.GIT
        if is_archive(self.source):
            return SourceKind.ARCHIVE
        return SourceKind.FOLDER

    @property
    def source_key(self) -> str:
        """What identifies the code (not the id or metadata): kind, source, ref and subfolder."""
        return json.dumps([self.kind.value, self.source, self.ref or "", self.subfolder or ""])

    @property
    def display_source(self) -> str:
        """``source`` as written in outputs: ``URL#ref`` for a ref, ``//sub/folder`` for a subfolder.

        A local folder's subfolder is joined to the path instead.
        """
        if self.kind is SourceKind.FOLDER:
            return printable(str(Path(self.source) / self.subfolder) if self.subfolder else self.source)
        text = self.source + (f"#{self.ref}" if self.ref else "")
        return printable(text + (f"//{self.subfolder}" if self.subfolder else ""))

    def to_dict(self) -> dict[str, object]:
        """JSON-ready form (the worker protocol and the store use it)."""
        return {
            "app": self.app,
            "source": self.source,
            "metadata": [list(pair) for pair in self.metadata],
            "ref": self.ref,
            "subfolder": self.subfolder,
        }

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> WorkItem:
        """Inverse of :meth:`to_dict`."""
        metadata = data.get("metadata") or []
        assert isinstance(metadata, list)
        ref, subfolder = data.get("ref"), data.get("subfolder")
        return cls(
            app=str(data["app"]),
            source=str(data["source"]),
            metadata=tuple((str(k), str(v)) for k, v in metadata),
            ref=str(ref) if ref else None,
            subfolder=str(subfolder) if subfolder else None,
        )


class ManifestError(SourceError):
    """A manifest CSV that cannot be used; ``problems`` lists every problem found."""

    def __init__(self, path: Path, problems: Sequence[str]) -> None:
        self.problems = list(problems)
        super().__init__(f"{path}: " + "; ".join(self.problems[:20]))


def is_archive(path: str) -> bool:
    """True when ``path`` names an archive format read by :mod:`assess.portfolio.archives`."""
    return path.lower().endswith(ARCHIVE_SUFFIXES)


def archive_stem(name: str) -> str:
    """``shop-1.2.tar.gz`` → ``shop-1.2``."""
    lower = name.lower()
    for suffix in sorted(ARCHIVE_SUFFIXES, key=len, reverse=True):
        if lower.endswith(suffix):
            return name[: -len(suffix)] or name
    return name


def check_subfolder(subfolder: str) -> str:
    """A relative POSIX subfolder that cannot leave its root; raises :class:`SourceError`."""
    text = subfolder.replace("\\", "/").strip("/")
    rel = PurePosixPath(text)
    if not text or text == ".":
        return ""
    if rel.is_absolute() or ".." in rel.parts or ":" in rel.parts[0]:
        raise SourceError(f"subfolder must be a relative path inside the source: {subfolder!r}")
    return rel.as_posix()


# --------------------------------------------------------------------------- build manifests


def _is_build_manifest(name: str) -> bool:
    return name in BUILD_MANIFESTS or name.endswith(_PROJECT_SUFFIXES)


def has_build_manifest(folder: Path) -> bool:
    """True when ``folder`` itself holds a build manifest."""
    try:
        return any(_is_build_manifest(entry.name) and entry.is_file() for entry in os.scandir(folder))
    except OSError:
        return False


def _visible_dirs(folder: Path) -> list[Path]:
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return []
    return [
        Path(e.path)
        for e in entries
        if e.is_dir(follow_symlinks=False) and not e.name.startswith(".") and e.name not in SKIPPED_DIRS
    ]


def _workspace_patterns(root: Path) -> list[str]:
    """``workspaces`` of a root package.json and ``packages`` of pnpm-workspace.yaml."""
    patterns: list[str] = []
    package = root / "package.json"
    if package.is_file() and not package.is_symlink():
        try:
            data = json.loads(package.read_text(encoding="utf-8", errors="replace"))
        except (OSError, ValueError):
            data = None
        workspaces = data.get("workspaces") if isinstance(data, dict) else None
        if isinstance(workspaces, dict):
            workspaces = workspaces.get("packages")
        if isinstance(workspaces, list):
            patterns.extend(p for p in workspaces if isinstance(p, str))
    pnpm = root / "pnpm-workspace.yaml"
    if pnpm.is_file() and not pnpm.is_symlink():
        import yaml

        try:
            data = yaml.safe_load(pnpm.read_text(encoding="utf-8", errors="replace"))
        except (OSError, yaml.YAMLError):
            data = None
        packages = data.get("packages") if isinstance(data, dict) else None
        if isinstance(packages, list):
            patterns.extend(p for p in packages if isinstance(p, str))
    return [p for p in patterns if not p.startswith("!")]


def _workspace_apps(root: Path) -> list[str]:
    found: list[str] = []
    for pattern in _workspace_patterns(root):
        try:
            rel = check_subfolder(pattern)
        except SourceError:
            continue
        parts = tuple("*" if part == "**" else part for part in PurePosixPath(rel).parts) if rel else ()
        candidates = [root]
        for part in parts:
            candidates = [
                child
                for base in candidates
                for child in _visible_dirs(base)
                if fnmatch.fnmatchcase(child.name, part)
            ]
        for folder in candidates:
            if (folder / "package.json").is_file():
                found.append(folder.relative_to(root).as_posix())
    return sorted(set(found) - {""})


def _manifest_folders(root: Path) -> list[str]:
    """Folders below ``root`` (depth ≤ 3) holding a build manifest; nothing below such a folder."""
    found: list[str] = []
    stack: list[tuple[Path, int]] = [(child, 1) for child in reversed(_visible_dirs(root))]
    while stack:
        folder, depth = stack.pop()
        if has_build_manifest(folder):
            found.append(folder.relative_to(root).as_posix())
            continue
        if depth < _MONOREPO_DEPTH:
            stack.extend((child, depth + 1) for child in reversed(_visible_dirs(folder)))
    return found


def detect_apps(root: Path) -> list[str]:
    """The apps inside one application folder, as subfolders; ``[]`` when it is a single app.

    A folder is a monorepo when its package.json / pnpm-workspace.yaml lists workspaces holding
    at least two packages, or when it has no build manifest of its own and at least two separate
    subfolders (up to three levels down, e.g. ``services/*/pom.xml``) each have one.
    """
    workspaces = _workspace_apps(root)
    if len(workspaces) >= 2:
        return workspaces
    if has_build_manifest(root):
        return []
    folders = _manifest_folders(root)
    return folders if len(folders) >= 2 else []


# --------------------------------------------------------------------------- discovery


def _app_items(folder: Path, app: str, *, monorepos: bool) -> Iterator[WorkItem]:
    source = str(folder.resolve())
    inner = detect_apps(folder) if monorepos else []
    if not inner:
        yield WorkItem(app=app, source=source)
        return
    for rel in inner:
        yield WorkItem(app=f"{app}/{rel}", source=source, subfolder=rel)


def is_app_folder(folder: Path) -> bool:
    """True when a folder given as input is one application rather than a folder of apps.

    That is the case for the top of a git work tree and for a folder with a build manifest.
    """
    return (folder / ".git").exists() or has_build_manifest(folder) or bool(_workspace_apps(folder))


def folder_items(root: Path, *, monorepos: bool = True) -> Iterator[WorkItem]:
    """Each visible subfolder of ``root`` is an application (or a monorepo of several), and each
    archive file in it is one application. Symlinks and hidden entries are ignored."""
    if not root.is_dir():
        raise SourceError(f"not a folder: {root}")
    for child in sorted(root.iterdir()):
        if child.name.startswith(".") or child.is_symlink():
            continue
        if child.is_dir():
            yield from _app_items(child, child.name, monorepos=monorepos)
        elif child.is_file() and is_archive(child.name):
            yield WorkItem(app=archive_stem(child.name), source=str(child.resolve()))


def _cell(row: dict[str, str | None], names: Iterable[str]) -> str:
    for name in names:
        value = row.get(name)
        if value is not None and value.strip():
            return value.strip()
    return ""


def manifest_items(path: Path, reserved: Iterable[str] = ()) -> Iterator[WorkItem]:
    """Items from a manifest CSV: ``id``, ``source`` and optional ``ref`` (or ``branch``) and
    ``subfolder`` (or ``path``); every other column is business metadata, passed through. A local
    git repository with a ``ref`` is read at that ref (as a ``file://`` URL), not as its work tree.

    Relative local sources are read relative to the manifest's folder. The whole file is checked
    first and every problem reported at once (:class:`ManifestError`); metadata columns may not
    reuse an output column name listed in ``reserved``.
    """
    try:
        handle = path.open(newline="", encoding="utf-8-sig")
    except OSError as exc:
        raise SourceError(f"cannot read manifest {path}: {exc.strerror or exc}") from exc
    with handle:
        reader = csv.DictReader(handle)
        try:
            header = [h.strip() for h in reader.fieldnames or []]
            problems = _check_header(header, reserved)
            if problems:
                raise ManifestError(path, problems)
            reader.fieldnames = header
            ids: dict[str, int] = {}
            for number, row in enumerate(reader, start=2):
                problems.extend(_check_row(row, number, ids, path.parent))
        except UnicodeDecodeError as exc:
            raise ManifestError(path, [f"not UTF-8 text (byte {exc.start}): save it as UTF-8"]) from None
        except csv.Error as exc:
            raise ManifestError(path, [f"line {reader.line_num}: {exc}"]) from None
    if problems:
        raise ManifestError(path, problems)
    yield from _read_manifest(path, header)


_KNOWN_COLUMNS = {MANIFEST_ID, MANIFEST_SOURCE, *MANIFEST_REF, *MANIFEST_SUBFOLDER}


def _check_header(header: list[str], reserved: Iterable[str]) -> list[str]:
    problems: list[str] = []
    for needed in (MANIFEST_ID, MANIFEST_SOURCE):
        if needed not in header:
            problems.append(f"missing column {needed!r} (columns: {', '.join(header) or 'none'})")
    seen: set[str] = set()
    for name in header:
        if not name:
            problems.append("a column has no name")
        elif name in seen:
            problems.append(f"column {name!r} appears twice")
        seen.add(name)
    clashing = sorted((set(header) - _KNOWN_COLUMNS) & set(reserved))
    if clashing:
        problems.append(
            f"metadata columns {', '.join(clashing)} clash with output columns of the same name: rename them"
        )
    return problems


def _local_source(base: Path, source: str) -> Path:
    local = Path(source).expanduser()
    return (local if local.is_absolute() else base / local).resolve()


def _is_git_work_tree(folder: Path) -> bool:
    return folder.is_dir() and (folder / ".git").exists()


def _check_row(row: dict[str, str | None], number: int, ids: dict[str, int], base: Path) -> list[str]:
    problems: list[str] = []
    if None in row:
        problems.append(f"line {number}: more cells than columns")
    app = _cell(row, [MANIFEST_ID])
    if not app:
        problems.append(f"line {number}: empty id")
    elif app in ids:
        problems.append(f"line {number}: id {app!r} already used on line {ids[app]}")
    else:
        ids[app] = number
    source = _cell(row, [MANIFEST_SOURCE])
    if not source:
        problems.append(f"line {number}: empty source")
    elif _cell(row, MANIFEST_REF) and not is_git_url(source):
        local = _local_source(base, source)
        if local.exists() and not _is_git_work_tree(local):
            problems.append(f"line {number}: a ref needs a git URL or the top of a local git repository")
    subfolder = _cell(row, MANIFEST_SUBFOLDER)
    if subfolder:
        try:
            check_subfolder(subfolder)
        except SourceError as exc:
            problems.append(f"line {number}: {exc}")
    return problems


def _read_manifest(path: Path, header: list[str]) -> Iterator[WorkItem]:
    base = path.parent
    metadata_columns = [h for h in header if h not in _KNOWN_COLUMNS]
    with path.open(newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        _ = reader.fieldnames  # reads the header line
        reader.fieldnames = header
        for row in reader:
            source = _cell(row, [MANIFEST_SOURCE])
            ref = _cell(row, MANIFEST_REF) or None
            if not is_git_url(source):
                local = _local_source(base, source)
                # a ref of a local repository is read from its history, like a URL's
                source = local.as_uri() if ref and _is_git_work_tree(local) else str(local)
            subfolder = check_subfolder(_cell(row, MANIFEST_SUBFOLDER)) or None
            yield WorkItem(
                app=_cell(row, [MANIFEST_ID]),
                source=source,
                metadata=tuple((name, (row.get(name) or "").strip()) for name in metadata_columns),
                ref=ref,
                subfolder=subfolder,
            )


def input_items(
    inputs: Sequence[str],
    *,
    manifests: Sequence[Path] = (),
    reserved: Iterable[str] = (),
    monorepos: bool = True,
) -> Iterator[WorkItem]:
    """Items for every input, in order.

    An input is a manifest CSV (``*.csv``), a git URL (one app), an archive (one app), an
    application folder (the top of a git work tree or a folder with a build manifest: one app,
    or several when it is a monorepo), or else a folder whose subfolders and archives are apps.
    """
    reserved = tuple(reserved)
    for manifest in manifests:
        yield from manifest_items(manifest, reserved)
    for text in inputs:
        if is_git_url(text):
            yield WorkItem(app=_url_name(text), source=text)
            continue
        path = Path(text).expanduser()
        if path.suffix.lower() == ".csv" and path.is_file():
            yield from manifest_items(path, reserved)
        elif path.is_file() and is_archive(path.name):
            yield WorkItem(app=archive_stem(path.name), source=str(path.resolve()))
        elif path.is_dir():
            if is_app_folder(path):
                yield from _app_items(path, path.resolve().name, monorepos=monorepos)
            else:
                yield from folder_items(path, monorepos=monorepos)
        elif path.exists():
            raise SourceError(f"not a folder, archive, manifest CSV or git URL: {text}")
        else:
            raise SourceError(f"no such file or folder: {text}")


def _url_name(url: str) -> str:
    name = url.rstrip("/").rsplit("/", 1)[-1].rsplit(":", 1)[-1]
    return name.removesuffix(".git") or "app"
