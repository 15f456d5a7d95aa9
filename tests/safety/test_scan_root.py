"""Promise 2: nothing escapes the scan root.

Symbolic links (absolute, relative with ``..``, to ``/etc``, loops, to folders) are never
followed out of the scan root, whether the app is a folder, a clone or a portfolio entry; paths
handed to the snapshot cannot leave it; archive members with ``..`` or absolute paths, device
files, and symbolic or hard links that lead out are never extracted: the whole archive is
refused with a reason and nothing is written outside the extraction folder.
"""

from __future__ import annotations

import io
import os
import stat
import tarfile
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from assess import scan
from assess.config import ScanConfig
from assess.portfolio.archives import UnsafeArchive, extract_archive
from assess.portfolio.inputs import WorkItem, folder_items
from assess.portfolio.runner import RunOptions, run_portfolio
from assess.source import SourceError, open_snapshot
from tests.conftest import git, write_tree
from tests.functional.portfolio_support import rows_by_app

OUTSIDE_CODE = "import os\nOUTSIDE_SENTINEL = 1\nopen('/var/outside/escaped.txt', 'w').write('x')\n"
OUTSIDE_REQUIREMENTS = "outside-only-package==6.6.6\n"


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A folder next to the app with code and a manifest that must never be read."""
    return write_tree(
        tmp_path / "outside", {"secret.py": OUTSIDE_CODE, "requirements.txt": OUTSIDE_REQUIREMENTS}
    )


def _linked_app(root: Path, outside: Path) -> Path:
    write_tree(
        root, {"app.py": "import os\nprint('inside')\n", "real.py": "x = 1\n", "sub/keep.py": "y = 2\n"}
    )
    links = {
        "etc": "/etc",
        "passwd.py": "/etc/passwd",
        "abs_secret.py": str(outside / "secret.py"),
        "up_secret.py": "../outside/secret.py",
        "requirements.txt": "../outside/requirements.txt",
        "up_dir": "..",
        "outside_dir": "../outside",
        "sub/deep_up.py": "../../outside/secret.py",
        "sub/root": "/",
        "self": ".",
        "loop_a.py": "loop_b.py",
        "loop_b.py": "loop_a.py",
        "dangling.py": "does/not/exist.py",
        "alias.py": "real.py",
    }
    for name, target in links.items():
        os.symlink(target, root / name)
    return root


def _assert_nothing_from_outside(assessment: object) -> None:
    text = repr(assessment)
    assert "OUTSIDE_SENTINEL" not in text and "escaped.txt" not in text
    assert "outside-only-package" not in text
    assert "root:x:0:0" not in text


def test_symlinks_out_of_a_folder_are_never_followed(tmp_path: Path, outside: Path) -> None:
    root = _linked_app(tmp_path / "app", outside)
    assessment = scan(root)
    _assert_nothing_from_outside(assessment)
    read = {f.path for f in open_snapshot(root).files}
    assert read == {"alias.py", "app.py", "real.py", "sub/keep.py"}
    skipped = {s.path: s.reason for s in assessment.skipped}
    for name in ("passwd.py", "abs_secret.py", "up_secret.py", "requirements.txt", "sub/deep_up.py"):
        assert skipped[name] == "symlink pointing outside the scan root", name
    for name in ("etc", "up_dir", "outside_dir", "sub/root"):
        assert skipped[name] in ("symlink pointing outside the scan root", "symlinked folder not followed")
    assert skipped["self"] == "symlinked folder not followed"
    for name in ("loop_a.py", "loop_b.py", "dangling.py"):
        assert skipped[name] == "broken or looping symlink", name


def test_committed_symlinks_stay_refused_after_a_clone(tmp_path: Path, outside: Path) -> None:
    root = _linked_app(tmp_path / "app", outside)
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "links")
    assessment = scan(f"file://{root}", ScanConfig(cache_dir=tmp_path / "cache"))
    _assert_nothing_from_outside(assessment)
    skipped = {s.path for s in assessment.skipped}
    assert {"passwd.py", "up_secret.py", "requirements.txt", "sub/deep_up.py", "etc"} <= skipped


@pytest.mark.parametrize(
    "path", ["../outside/secret.py", "/etc/passwd", "sub/../../outside/secret.py", "a/../.."]
)
def test_snapshot_reads_never_leave_the_root(tmp_path: Path, outside: Path, path: str) -> None:
    snapshot = open_snapshot(write_tree(tmp_path / "app", {"app.py": "x = 1\n"}))
    with pytest.raises(SourceError, match="escapes the scan root"):
        snapshot.read_bytes(path)


def test_a_file_swapped_for_a_symlink_after_the_inventory_is_not_read(tmp_path: Path, outside: Path) -> None:
    root = write_tree(tmp_path / "app", {"app.py": "x = 1\n", "later.py": "y = 2\n"})
    snapshot = open_snapshot(root)
    (root / "later.py").unlink()
    os.symlink(outside / "secret.py", root / "later.py")
    with pytest.raises(SourceError, match="escapes the scan root"):
        snapshot.read_bytes("later.py")


def test_portfolio_entries_subfolders_and_archives_never_lead_out(tmp_path: Path, outside: Path) -> None:
    portfolio = tmp_path / "portfolio"
    write_tree(portfolio / "good", {"app.py": "x = 1\n", "requirements.txt": "flask==3.0.0\n"})
    os.symlink("/etc", portfolio / "etc")
    os.symlink(outside, portfolio / "outside")
    os.symlink("..", portfolio / "up")
    with tarfile.open(portfolio / "evil.tar.gz", "w:gz") as tf:
        _tar_member(tf, "evil/app.py")
        _tar_member(tf, "evil/passwd", type=tarfile.SYMTYPE, linkname="/etc/passwd")
    assert sorted(item.app for item in folder_items(portfolio)) == ["evil", "good"]
    escapes = [
        WorkItem(app="dotdot", source=str(portfolio / "good"), subfolder="../../outside"),
        WorkItem(app="linked", source=str(portfolio), subfolder="outside"),
    ]
    out = tmp_path / "out"
    run_portfolio([*folder_items(portfolio), *escapes], out, options=RunOptions(workers=1, parquet=False))
    rows = rows_by_app(out)
    assert rows["good"]["status"] == "ok"
    assert rows["dotdot"]["status"] == "error" and "subfolder" in rows["dotdot"]["error"]
    assert rows["linked"]["status"] == "error" and "outside" in rows["linked"]["error"]
    assert rows["evil"]["status"] == "error" and "link points outside the archive" in rows["evil"]["error"]
    assert "OUTSIDE_SENTINEL" not in (out / "findings.csv").read_text(encoding="utf-8")


# --------------------------------------------------------------------------- archives


def _tar_member(tf: tarfile.TarFile, name: str, *, data: bytes = b"x = 1\n", **fields: object) -> None:
    info = tarfile.TarInfo(name)
    for key, value in fields.items():
        setattr(info, key, value)
    if info.type in (tarfile.REGTYPE, tarfile.AREGTYPE):
        info.size = len(data)
        tf.addfile(info, io.BytesIO(data))
    else:
        tf.addfile(info)


TarCase = Callable[[tarfile.TarFile, Path], None]

TAR_CASES: dict[str, TarCase] = {
    "dot-dot member": lambda tf, out: _tar_member(tf, "app/../../escaped.py"),
    "absolute member": lambda tf, out: _tar_member(tf, str(out / "escaped.py")),
    "symlink to an absolute path": lambda tf, out: _tar_member(
        tf, "app/link", type=tarfile.SYMTYPE, linkname=str(out)
    ),
    "symlink to /etc/passwd": lambda tf, out: _tar_member(
        tf, "app/passwd", type=tarfile.SYMTYPE, linkname="/etc/passwd"
    ),
    "symlink up and out": lambda tf, out: _tar_member(
        tf, "app/up", type=tarfile.SYMTYPE, linkname="../../../../../../../../.."
    ),
    "write through a symlink": lambda tf, out: (
        _tar_member(tf, "app/via", type=tarfile.SYMTYPE, linkname=str(out)),
        _tar_member(tf, "app/via/escaped.py"),
    ),
    "write through a symlink made later": lambda tf, out: (
        _tar_member(tf, "app/via/escaped.py"),
        _tar_member(tf, "app/via", type=tarfile.SYMTYPE, linkname=str(out)),
    ),
    "symlink chain out": lambda tf, out: (
        _tar_member(tf, "app/a", type=tarfile.SYMTYPE, linkname="b/.."),
        _tar_member(tf, "app/b", type=tarfile.SYMTYPE, linkname=".."),
        _tar_member(tf, "app/c", type=tarfile.SYMTYPE, linkname="a/../../x"),
    ),
    "hard link to /etc/passwd": lambda tf, out: _tar_member(
        tf, "app/passwd", type=tarfile.LNKTYPE, linkname="/etc/passwd"
    ),
    "hard link up and out": lambda tf, out: _tar_member(
        tf, "app/escaped", type=tarfile.LNKTYPE, linkname="../../outside/secret.py"
    ),
    "hard link to a later member": lambda tf, out: (
        _tar_member(tf, "app/early", type=tarfile.LNKTYPE, linkname="app/late.py"),
        _tar_member(tf, "app/late.py"),
    ),
    "character device": lambda tf, out: _tar_member(
        tf, "app/null", type=tarfile.CHRTYPE, devmajor=1, devminor=3
    ),
    "fifo": lambda tf, out: _tar_member(tf, "app/pipe", type=tarfile.FIFOTYPE),
}


@pytest.mark.parametrize("case", sorted(TAR_CASES))
def test_hostile_tar_members_are_never_extracted(tmp_path: Path, outside: Path, case: str) -> None:
    landing = tmp_path / "landing"
    landing.mkdir()
    archive = tmp_path / "evil.tar"
    with tarfile.open(archive, "w", format=tarfile.GNU_FORMAT) as tf:
        _tar_member(tf, "app/app.py", data=b"import os\n")
        TAR_CASES[case](tf, landing)
    cache = tmp_path / "cache"
    before = _snapshot_tree(tmp_path)
    with pytest.raises(UnsafeArchive):
        extract_archive(archive, cache)
    assert list(landing.iterdir()) == [], "nothing lands outside the extraction folder"
    assert not list((cache / "archives").iterdir()), "a refused archive leaves nothing behind"
    after = _snapshot_tree(tmp_path, skip=cache)
    assert after == {k: v for k, v in before.items() if not k.startswith("cache")}


def _snapshot_tree(root: Path, skip: Path | None = None) -> dict[str, int]:
    found = {}
    for path in root.rglob("*"):
        if skip is not None and path.is_relative_to(skip):
            continue
        found[path.relative_to(root).as_posix()] = path.lstat().st_mtime_ns
    return found


ZIP_CASES: dict[str, list[tuple[str, bytes, int]]] = {
    "dot-dot member": [("../../escaped.py", b"x", 0)],
    "backslash dot-dot member": [("app\\..\\..\\escaped.py", b"x", 0)],
    "absolute member": [("/tmp/escaped.py", b"x", 0)],
    "drive letter member": [("C:/escaped.py", b"x", 0)],
    "symlink out": [("app/link", b"/etc", stat.S_IFLNK | 0o777)],
    "relative symlink out": [("app/link", b"../../..", stat.S_IFLNK | 0o777)],
    "write through a symlink": [("app/via", b"/tmp", stat.S_IFLNK | 0o777), ("app/via/escaped.py", b"x", 0)],
    "device": [("app/dev", b"", stat.S_IFCHR | 0o666)],
}


@pytest.mark.parametrize("case", sorted(ZIP_CASES))
def test_hostile_zip_members_are_never_extracted(tmp_path: Path, case: str) -> None:
    archive = tmp_path / "evil.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("app/app.py", "import os\n")
        for name, data, mode in ZIP_CASES[case]:
            info = zipfile.ZipInfo(name)
            if mode:
                info.create_system = 3
                info.external_attr = mode << 16
            zf.writestr(info, data)
    with pytest.raises(UnsafeArchive):
        extract_archive(archive, tmp_path / "cache")
    assert not (tmp_path / "escaped.py").exists() and not Path("/tmp/escaped.py").exists()
    assert not list((tmp_path / "cache" / "archives").iterdir())
