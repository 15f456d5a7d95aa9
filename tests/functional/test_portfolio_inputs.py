"""Portfolio inputs: folders, monorepos, manifests and the safe extraction of hostile archives."""

from __future__ import annotations

import io
import os
import stat
import tarfile
import zipfile
from pathlib import Path

import pytest

from assess.portfolio.archives import ArchiveLimits, UnsafeArchive, extract_archive
from assess.portfolio.inputs import ManifestError, WorkItem, detect_apps, input_items, manifest_items
from assess.portfolio.sources import resolve, tree_fingerprint
from assess.source import SourceError
from tests.conftest import write_tree
from tests.functional.portfolio_support import GO_APP, JAVA_APP, JS_APP, PY_APP, make_repo, make_tar, make_zip


def _apps(items: list[WorkItem]) -> dict[str, WorkItem]:
    return {item.app: item for item in items}


# --------------------------------------------------------------------------- folders and monorepos


def test_each_subfolder_and_archive_of_a_folder_is_an_app(tmp_path: Path) -> None:
    root = tmp_path / "portfolio"
    write_tree(root / "api", PY_APP)
    write_tree(root / "svc", GO_APP)
    write_tree(root / ".hidden", PY_APP)
    make_tar(root / "legacy.tar.gz", JAVA_APP)
    make_zip(root / "web.zip", JS_APP)
    (root / "notes.txt").write_text("not an app")
    (root / "link").symlink_to(root / "api")
    items = _apps(list(input_items([str(root)])))
    assert set(items) == {"api", "svc", "legacy", "web"}
    assert items["legacy"].kind.value == "archive" and items["api"].kind.value == "folder"


def test_monorepo_with_services_in_separate_folders_is_split(tmp_path: Path) -> None:
    root = tmp_path / "portfolio"
    write_tree(root / "shop" / "services" / "orders", JAVA_APP)
    write_tree(root / "shop" / "services" / "billing", JS_APP)
    write_tree(root / "shop" / "tools" / "loader", GO_APP)
    write_tree(root / "shop", {"README.md": "the shop"})
    write_tree(
        root / "single", {**JAVA_APP, "module-a/pom.xml": "<project/>", "module-b/pom.xml": "<project/>"}
    )
    items = _apps(list(input_items([str(root)])))
    assert set(items) == {"shop/services/billing", "shop/services/orders", "shop/tools/loader", "single"}
    orders = items["shop/services/orders"]
    assert orders.subfolder == "services/orders" and orders.source == str((root / "shop").resolve())
    assert orders.display_source.endswith("shop/services/orders")
    assert set(_apps(list(input_items([str(root)], monorepos=False)))) == {"shop", "single"}


def test_package_json_workspaces_name_the_apps(tmp_path: Path) -> None:
    root = tmp_path / "mono"
    write_tree(
        root,
        {
            "package.json": '{"private": true, "workspaces": ["packages/*", "apps/web"]}',
            "packages/a/package.json": '{"name": "a"}',
            "packages/b/package.json": '{"name": "b"}',
            "packages/notapkg/README.md": "x",
            "apps/web/package.json": '{"name": "web"}',
        },
    )
    assert detect_apps(root) == ["apps/web", "packages/a", "packages/b"]
    # given directly, an app folder is one app (split here because it is a monorepo)
    assert set(_apps(list(input_items([str(root)])))) == {
        "mono/apps/web",
        "mono/packages/a",
        "mono/packages/b",
    }


def test_a_git_work_tree_given_directly_is_one_app(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "repo", {"README.md": "docs", "src/app.py": "x = 1"})
    (items,) = [list(input_items([str(repo)]))]
    assert [i.app for i in items] == ["repo"]


def test_missing_input_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="no such file or folder"):
        list(input_items([str(tmp_path / "nope")]))


# --------------------------------------------------------------------------- manifests


def test_manifest_rows_become_items_with_metadata(tmp_path: Path) -> None:
    write_tree(tmp_path / "apps" / "billing", PY_APP)
    manifest = tmp_path / "portfolio.csv"
    manifest.write_text(
        "id,source,ref,subfolder,business_unit,owner,criticality\n"
        "billing,apps/billing,,,Finance,ana@example.com,high\n"
        "shop,https://git.example.com/shop.git,release-1,services/orders,Retail,bo@example.com,low\n",
        encoding="utf-8",
    )
    items = _apps(list(manifest_items(manifest)))
    billing, shop = items["billing"], items["shop"]
    assert billing.source == str((tmp_path / "apps" / "billing").resolve())
    assert billing.metadata == (
        ("business_unit", "Finance"),
        ("owner", "ana@example.com"),
        ("criticality", "high"),
    )
    assert (shop.ref, shop.subfolder, shop.kind.value) == ("release-1", "services/orders", "git")
    assert shop.display_source == "https://git.example.com/shop.git#release-1//services/orders"


def test_manifest_problems_are_all_reported_at_once(tmp_path: Path) -> None:
    manifest = tmp_path / "bad.csv"
    manifest.write_text(
        "id,source,subfolder,status\na,/x,,\na,/y,,\n,/z,,\nb,,../escape,\n",
        encoding="utf-8",
    )
    with pytest.raises(ManifestError) as caught:
        list(manifest_items(manifest, reserved=("status", "app")))
    problems = " | ".join(caught.value.problems)
    assert "clash with output columns" in problems and "status" in problems
    manifest.write_text("id,source,subfolder\na,/x,\na,/y,\n,/z,\nb,,../escape\n", encoding="utf-8")
    with pytest.raises(ManifestError) as caught:
        list(manifest_items(manifest))
    problems = " | ".join(caught.value.problems)
    assert "line 3: id 'a' already used on line 2" in problems
    assert "line 4: empty id" in problems
    assert "line 5: empty source" in problems
    assert "line 5: subfolder must be a relative path" in problems


def test_a_ref_of_a_local_repository_reads_its_history(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "repo", GO_APP)
    write_tree(tmp_path / "plain", GO_APP)
    manifest = tmp_path / "m.csv"
    manifest.write_text("id,source,ref\nold,repo,v1\nnow,repo,\n", encoding="utf-8")
    items = _apps(list(manifest_items(manifest)))
    assert items["old"].kind.value == "git" and items["old"].source == repo.resolve().as_uri()
    assert items["now"].kind.value == "folder" and items["now"].source == str(repo.resolve())
    manifest.write_text("id,source,ref\nplain,plain,v1\n", encoding="utf-8")
    with pytest.raises(ManifestError, match="a ref needs a git URL or the top of a local git repository"):
        list(manifest_items(manifest))


def test_a_manifest_that_is_not_utf8_is_refused_clearly(tmp_path: Path) -> None:
    manifest = tmp_path / "m.csv"
    manifest.write_bytes("id,source,owner\na,/x,Jos\u00e9\n".encode("latin-1"))
    with pytest.raises(ManifestError, match="not UTF-8 text"):
        list(manifest_items(manifest))


def test_an_app_folder_named_in_another_encoding_gets_a_printable_id(tmp_path: Path) -> None:
    root = tmp_path / "portfolio"
    write_tree(root / "good", GO_APP)
    bad = os.path.join(os.fsencode(root), b"caf\xe9")
    os.makedirs(bad)
    with open(os.path.join(bad, b"main.go"), "w", encoding="utf-8") as handle:
        handle.write(GO_APP["main.go"])
    items = _apps(list(input_items([str(root)])))
    assert set(items) == {"good", "caf\\xe9"}
    item = items["caf\\xe9"]
    assert os.fsencode(item.source) == bad and item.display_source.endswith("caf\\xe9")
    assert WorkItem.from_dict(item.to_dict()) == item


def test_manifest_without_required_columns_is_refused(tmp_path: Path) -> None:
    manifest = tmp_path / "m.csv"
    manifest.write_text("name,path\na,/x\n", encoding="utf-8")
    with pytest.raises(ManifestError, match="missing column 'id'"):
        list(manifest_items(manifest))


# --------------------------------------------------------------------------- fingerprints


def test_folder_fingerprint_changes_with_content_and_commit(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "repo", PY_APP)
    item = WorkItem(app="repo", source=str(repo))
    first = resolve(item)
    assert first.commit is not None and first.fingerprint.endswith(first.commit)
    assert resolve(item) == first
    (repo / "app.py").write_text("x = 2\n")
    assert resolve(item).fingerprint != first.fingerprint
    # vendored folders are named but not entered
    before = tree_fingerprint(repo)
    write_tree(repo, {"node_modules/x/index.js": "1"})
    with_vendor = tree_fingerprint(repo)
    write_tree(repo, {"node_modules/x/other.js": "2"})
    assert tree_fingerprint(repo) == with_vendor != before


# --------------------------------------------------------------------------- archives


def _tar(path: Path, *members: tuple[tarfile.TarInfo, bytes | None]) -> Path:
    with tarfile.open(path, "w:gz") as tf:
        for info, data in members:
            if data is not None:
                info.size = len(data)
                tf.addfile(info, io.BytesIO(data))
            else:
                tf.addfile(info)
    return path


def _file(name: str) -> tarfile.TarInfo:
    return tarfile.TarInfo(name)


def _link(name: str, target: str, kind: bytes = tarfile.SYMTYPE) -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.type = kind
    info.linkname = target
    return info


def test_a_good_archive_is_extracted_once_into_the_cache(tmp_path: Path) -> None:
    archive = make_tar(tmp_path / "app.tar.gz", {**PY_APP, "bin/run.sh": "echo hi"}, prefix="app-main/")
    cache = tmp_path / "cache"
    root = extract_archive(archive, cache)
    assert root.name == "app-main" and (root / "app.py").read_text() == PY_APP["app.py"]
    assert root.is_relative_to(cache)
    assert not os.access(root / "bin" / "run.sh", os.X_OK) or os.geteuid() == 0
    assert stat.S_IMODE((root / "bin" / "run.sh").stat().st_mode) == 0o644
    assert extract_archive(archive, cache) == root
    assert [p.name for p in (cache / "archives").iterdir()] == [root.parent.name]


def test_links_inside_an_archive_are_kept(tmp_path: Path) -> None:
    archive = _tar(
        tmp_path / "ok.tar.gz",
        (_file("app/config/real.yaml"), b"a: 1\n"),
        (_link("app/current.yaml", "config/real.yaml"), None),
        (_link("app/copy.yaml", "app/config/real.yaml", tarfile.LNKTYPE), None),
    )
    root = extract_archive(archive, tmp_path / "cache")
    assert (root / "current.yaml").read_text() == "a: 1\n" and (root / "current.yaml").is_symlink()
    assert (root / "copy.yaml").read_text() == "a: 1\n" and not (root / "copy.yaml").is_symlink()


@pytest.mark.parametrize(
    ("members", "message"),
    [
        ([(_file("../evil.txt"), b"x")], "escapes the archive"),
        ([(_file("app/../../evil.txt"), b"x")], "escapes the archive"),
        ([(_file("/etc/evil.txt"), b"x")], "absolute path"),
        ([(_link("app/passwd", "/etc/passwd"), None)], "points outside"),
        ([(_link("app/up", "../../.."), None)], "points outside"),
        # a link that looks inside but resolves outside through another link
        ([(_link("d/q", ".."), None), (_link("e", "d/q/.."), None)], "points outside"),
        (
            [(_link("app/f", "g/.."), None), (_link("app/g", "../h"), None), (_link("h", ".."), None)],
            "outside",
        ),
        ([(_link("app/hard", "/etc/passwd", tarfile.LNKTYPE), None)], "absolute path"),
        ([(_link("app/hard", "app/missing", tarfile.LNKTYPE), None)], "hard link to a file not extracted"),
        ([(_link("app/dev", "", tarfile.CHRTYPE), None)], "device file or FIFO"),
        ([(_link("app/fifo", "", tarfile.FIFOTYPE), None)], "device file or FIFO"),
        ([(_file("app/a.txt"), b"1"), (_file("app/a.txt"), b"2")], "appears twice"),
    ],
)
def test_hostile_tar_archives_are_refused_whole(
    tmp_path: Path, members: list[tuple[tarfile.TarInfo, bytes | None]], message: str
) -> None:
    archive = _tar(tmp_path / "evil.tar.gz", (_file("app/ok.py"), b"x = 1\n"), *members)
    cache = tmp_path / "sandbox" / "cache"
    with pytest.raises(UnsafeArchive, match=message):
        extract_archive(archive, cache)
    assert not (tmp_path / "sandbox" / "evil.txt").exists() and not (tmp_path / "evil.txt").exists()
    assert [p.name for p in (cache / "archives").iterdir()] == []  # nothing half-extracted left behind


def test_hostile_zip_archives_are_refused(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    traversal = tmp_path / "traversal.zip"
    with zipfile.ZipFile(traversal, "w") as zf:
        zf.writestr("app/ok.py", "x = 1")
        zf.writestr("../../evil.py", "boom")
    with pytest.raises(UnsafeArchive, match="escapes the archive"):
        extract_archive(traversal, cache)
    link = tmp_path / "link.zip"
    with zipfile.ZipFile(link, "w") as zf:
        info = zipfile.ZipInfo("app/secrets")
        info.create_system = 3
        info.external_attr = (stat.S_IFLNK | 0o777) << 16
        zf.writestr(info, "/etc/shadow")
    with pytest.raises(UnsafeArchive, match="points outside"):
        extract_archive(link, cache)
    windows = tmp_path / "windows.zip"
    with zipfile.ZipFile(windows, "w") as zf:
        zf.writestr("app\\..\\..\\evil.py", "boom")
    with pytest.raises(UnsafeArchive, match="escapes the archive"):
        extract_archive(windows, cache)
    assert not (tmp_path / "evil.py").exists()


def test_archive_limits_stop_bombs_and_member_floods(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("app/zeros.txt", b"\0" * (8 * 1024 * 1024))
    with pytest.raises(UnsafeArchive, match="expands to more than 1 MiB"):
        extract_archive(bomb, tmp_path / "cache", ArchiveLimits(max_bytes=1024 * 1024))
    tar_bomb = _tar(tmp_path / "bomb.tar.gz", (_file("app/zeros.txt"), b"\0" * (4 * 1024 * 1024)))
    with pytest.raises(UnsafeArchive, match="expands to more than 1 MiB"):
        extract_archive(tar_bomb, tmp_path / "cache", ArchiveLimits(max_bytes=1024 * 1024))
    flood = make_zip(tmp_path / "flood.zip", {f"app/f{i}.txt": "x" for i in range(50)})
    with pytest.raises(UnsafeArchive, match="more than 20 members"):
        extract_archive(flood, tmp_path / "cache", ArchiveLimits(max_members=20))


def test_a_corrupt_archive_is_a_source_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.tar.gz"
    bad.write_bytes(b"\x1f\x8b not really gzip")
    with pytest.raises(SourceError, match="cannot read archive"):
        extract_archive(bad, tmp_path / "cache")
