"""Open a target (local folder, local git repository or git URL) as a :class:`RepoSnapshot`."""

from __future__ import annotations

from pathlib import Path

from assess.config import ScanConfig
from assess.source.git import clone, head_commit, is_git_url
from assess.source.inventory import readable_path, take_inventory
from assess.source.snapshot import RepoSnapshot, SourceError, decode_text

__all__ = ["RepoSnapshot", "SourceError", "decode_text", "open_snapshot"]


def _app_name(target: str) -> str:
    name = target.rstrip("/").rsplit("/", 1)[-1].rsplit(":", 1)[-1]
    return name.removesuffix(".git") or "app"


def open_snapshot(
    target: str | Path, config: ScanConfig | None = None, *, name: str | None = None
) -> RepoSnapshot:
    """Inventory ``target``; git URLs are cloned first. Raises :class:`SourceError`."""
    config = config or ScanConfig()
    text = str(target)
    if is_git_url(text):
        root = clone(text, config.cache_dir, shallow=config.shallow)
        source = text
    else:
        path = Path(text).expanduser()
        if not path.exists():
            raise SourceError(f"no such file or folder: {text}")
        if not path.is_dir():
            raise SourceError(f"not a folder: {text} (archives are not supported here)")
        root = path
        source = readable_path(str(path.resolve()))
    root = root.resolve()
    inventory = take_inventory(root, max_file_bytes=config.max_file_bytes, max_files=config.max_files)
    return RepoSnapshot(
        root=root,
        name=name or readable_path(_app_name(text if is_git_url(text) else str(root))),
        source=source,
        commit=head_commit(root),
        files=inventory.files,
        skipped=inventory.skipped,
    )
