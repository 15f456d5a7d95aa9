"""``assess decompose`` on the monolith samples, with real git histories built from scripts.

Each monolith's intended split is written in its ``expected.yaml`` (``decomposition:``). The
samples get their history from ``tests/functional/histories/<app>.yaml``: a real repository is
built commit by commit in a temporary folder, so change coupling is read from real ``git log``
output; the decomposition of that repository must recover the intended split.
"""

from __future__ import annotations

import filecmp
import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from assess.cli import main
from assess.decompose.graph import build_static_graph
from assess.decompose.metrics import adjusted_rand_index, mojofm
from assess.decompose.settings import StaticWeights
from assess.model import Decomposition, Dimension, FileFacts
from assess.parse import parse_code
from assess.source.languages import detect_language
from tests.functional.test_samples import assessed  # one scan per sample, shared with those tests
from tests.history_support import build_history, load_script

SAMPLES = Path(__file__).resolve().parents[2] / "sample_repos"
HISTORIES = Path(__file__).resolve().parent / "histories"
MONOLITHS = ["spring-monolith", "django-monolith"]
ALL_APPS = sorted(p.name for p in SAMPLES.iterdir() if (p / "expected.yaml").is_file())


def reference(app: str) -> dict[str, Any]:
    data = yaml.safe_load((SAMPLES / app / "expected.yaml").read_text(encoding="utf-8"))
    found = data["decomposition"]
    assert isinstance(found, dict)
    return found


def _matches(unit: str, patterns: list[str]) -> bool:
    return any(unit == p or (p.endswith(".") and unit.startswith(p)) for p in patterns)


def reference_partition(app: str, units: list[str]) -> dict[str, str]:
    """unit → intended service, for the units the reference assigns (shared ones left out)."""
    ref = reference(app)
    found: dict[str, str] = {}
    for unit in units:
        if _matches(unit, ref.get("shared", [])):
            continue
        for service, patterns in ref["services"].items():
            if _matches(unit, patterns):
                found[unit] = service
    return found


def proposal_partition(decomposition: dict[str, Any]) -> dict[str, str]:
    """unit → proposed service; an unplaced unit counts as a service of its own."""
    found = {unit: service["name"] for service in decomposition["services"] for unit in service["units"]}
    found.update({unit: f"unplaced:{unit}" for unit in decomposition["unplaced"]})
    return found


CODE_LANGUAGES = {"java", "csharp", "python", "javascript", "typescript", "go", "ruby", "php"}

# One dependency per sample app, read off its source by hand: (imports, references, calls).
STATIC_EDGES = {
    # java: `import ...InventoryService` and the field/constructor type; the calls go through the
    # field (inventory.reserve(...)), which names no type, so they are not counted
    "spring-monolith": ("com.acme.shop.orders.OrderService", "com.acme.shop.inventory.InventoryService", (1, 1, 0)),
    # java: same package, no import; four `ServiceLocator.getClaimsDataSource().getConnection()`
    # chains, each one call of ServiceLocator
    "javaee-legacy-war": ("com.acme.claims.dao.ClaimDao", "com.acme.claims.dao.ServiceLocator", (0, 0, 4)),
    # csharp: a namespace `using` (no unit import), ProductDto in signatures, four ProductDto.From(...)
    # calls (the method group in Select(ProductDto.From) is not a call)
    "aspnet-core-api": ("Acme.Catalog.Api.Services.ProductService", "Acme.Catalog.Api.Contracts.ProductDto", (0, 1, 4)),
    # csharp: the field's type and `new OrderExportService()`
    "dotnet-framework-legacy": ("Acme.Storefront.Controllers.ReportsController", "Acme.Storefront.Services.OrderExportService", (0, 1, 1)),
    # python: `from catalog.models import Product` and Product.objects.in_bulk(...)
    "django-monolith": ("orders.cart", "catalog.models", (1, 0, 1)),
    # python: `from stockroom import db` and eight db.connection() / db.transaction() calls
    "flask-12factor": ("stockroom.repository", "stockroom.db", (1, 0, 8)),
    # javascript: require('../store') and store.list/get/create/update/update
    "express-stateful": ("src/routes/claims", "src/store", (1, 0, 5)),
    # typescript: `import { supportedCountries, zoneFor }` and a call of each
    "ts-service": ("src/routes/quotes", "src/domain/zones", (1, 0, 2)),
    # go: the import and httpapi.NewHandler(...)
    "go-service": ("cmd/stock-service", "internal/httpapi", (1, 0, 1)),
    # ruby: the Task constant; Task.transaction and Task.joins(...) (the chain on it counts once)
    "rails-app": ("app/controllers/tasks_controller", "app/models/task", (0, 1, 2)),
    # php: `use App\Models\Customer`, the Customer type hint, Customer::query/create/updateOrCreate
    "laravel-app": ("App\\Http\\Controllers\\CustomerController", "App\\Models\\Customer", (1, 1, 3)),
}  # fmt: skip


def sample_facts(app: str) -> dict[str, FileFacts]:
    """Every code file of a sample, parsed as a scan parses it."""
    found = {}
    for path in sorted((SAMPLES / app).rglob("*")):
        rel = str(path.relative_to(SAMPLES / app))
        if path.is_file() and (language := detect_language(rel, path.read_bytes()[:200])) in CODE_LANGUAGES:
            found[rel] = parse_code(rel, language, path.read_bytes())
    return found


@pytest.mark.parametrize("app", sorted(STATIC_EDGES))
def test_static_coupling_on_a_real_app_of_every_language(app: str) -> None:
    graph = build_static_graph(sample_facts(app), StaticWeights()).graph
    source, target, expected = STATIC_EDGES[app]
    assert graph.has_edge(source, target), f"{source} -> {target} missing"
    edge = graph[source][target]
    assert (edge["imports"], edge["references"], edge["calls"]) == expected
    assert edge["weight"] == pytest.approx(expected[0] + expected[1] + expected[2] * 0.5)
    languages = {graph.nodes[source]["language"], graph.nodes[target]["language"]}
    assert len(languages) == 1
    # the graph is connected well enough to cut: most units have a dependency
    linked = sum(1 for unit in graph if graph.degree(unit) > 0)
    assert linked >= 0.5 * graph.number_of_nodes(), f"{linked} of {graph.number_of_nodes()} units linked"


def test_every_language_has_a_sample_in_the_static_coupling_test() -> None:
    languages = set()
    for app in STATIC_EDGES:
        graph = build_static_graph(sample_facts(app), StaticWeights()).graph
        languages.add(graph.nodes[STATIC_EDGES[app][0]]["language"])
    assert languages == CODE_LANGUAGES


@pytest.fixture(scope="module")
def histories(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("histories")
    return {app: build_history(SAMPLES / app, HISTORIES / f"{app}.yaml", root / app) for app in MONOLITHS}


_RUNS: dict[tuple[str, ...], dict[str, Any]] = {}


def decompose_json(target: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> dict[str, Any]:
    """``assess decompose TARGET --format json`` through the real CLI (each command run once)."""
    key = (str(target), *extra)
    if key not in _RUNS:
        capsys.readouterr()
        assert main(["decompose", str(target), "--format", "json", *extra]) == 0
        data = json.loads(capsys.readouterr().out)
        assert isinstance(data, dict)
        _RUNS[key] = data
    return _RUNS[key]


@pytest.mark.parametrize("app", MONOLITHS)
def test_the_built_history_ends_in_the_sample(app: str, histories: dict[str, Path]) -> None:
    compared = filecmp.dircmp(SAMPLES / app, histories[app], ignore=[".git", "expected.yaml"])

    def differences(cmp: filecmp.dircmp[str]) -> list[str]:
        found = cmp.left_only + cmp.right_only + cmp.diff_files
        for sub in cmp.subdirs.values():
            found += differences(sub)
        return found

    assert differences(compared) == []


@pytest.mark.parametrize("app", MONOLITHS)
def test_decompose_recovers_the_intended_split_from_code_and_history(
    app: str, histories: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    data = decompose_json(histories[app], capsys)
    decomposition = data["decomposition"]
    proposal = proposal_partition(decomposition)
    intended = reference_partition(app, sorted(proposal))
    assert len(intended) >= 20
    ari = adjusted_rand_index(proposal, intended)
    fm = mojofm(proposal, intended)
    print(f"{app}: ARI {ari:.3f}, MoJoFM {fm:.1f} against the split in expected.yaml")
    assert ari >= reference(app)["min_ari"], f"ARI {ari:.3f} against the intended split"
    assert fm >= 80
    # every intended service is recognisable by name in the proposal
    assert set(reference(app)["services"]) <= {s["name"] for s in decomposition["services"]}


@pytest.mark.parametrize("app", MONOLITHS)
def test_change_coupling_comes_from_the_scripted_history(
    app: str, histories: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    decomposition = decompose_json(histories[app], capsys)["decomposition"]
    commits = len(load_script(HISTORIES / f"{app}.yaml", SAMPLES / app))
    assert decomposition["history_commits"] == commits
    assert decomposition["change_edge_count"] >= 10
    assert not any("history" in note for note in decomposition["notes"])
    # the scripted feature work changes files inside one module far more often than across
    intended = reference_partition(app, sorted(proposal_partition(decomposition)))
    both = [(a, b) for a, b, _ in decomposition["change_edges"] if a in intended and b in intended]
    inside = sum(1 for a, b in both if intended[a] == intended[b])
    assert inside / len(both) >= 0.9


@pytest.mark.parametrize("app", MONOLITHS)
def test_decompose_from_code_alone(app: str, capsys: pytest.CaptureFixture[str]) -> None:
    """The sample folder has no history of its own: static coupling and data affinity only."""
    data = decompose_json(SAMPLES / app, capsys)
    decomposition = data["decomposition"]
    assert "no git history at the scan root: no change coupling" in decomposition["notes"]
    proposal = proposal_partition(decomposition)
    ari = adjusted_rand_index(proposal, reference_partition(app, sorted(proposal)))
    print(f"{app} without history: ARI {ari:.3f}")
    assert ari >= reference(app)["min_ari"], f"ARI {ari:.3f} without history"


def test_a_forced_number_of_services(histories: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    data = decompose_json(histories["spring-monolith"], capsys, "--services", "2")
    decomposition = data["decomposition"]
    assert len(decomposition["services"]) == 2
    assert decomposition["requested_services"] == 2
    assert data["score"]["dimension"] == "decomposition"


def test_the_table_output(histories: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["decompose", str(histories["spring-monolith"])]) == 0
    out = capsys.readouterr().out
    for text in ("Candidate services", "Metrics of the cut", "Decomposition fitness", "orders", "billing"):
        assert text in out


@pytest.mark.parametrize("app", ALL_APPS)
def test_every_sample_has_an_explained_decomposition(app: str) -> None:
    assessment = assessed(app)
    decomposition = assessment.decomposition
    assert isinstance(decomposition, Decomposition)
    result = assessment.score(Dimension.DECOMPOSITION)
    assert result is not None
    assert result.score == pytest.approx(result.base + sum(c.points for c in result.contributions))
    sources = {c.source for c in result.contributions}
    assert sources & {"decomposition-modularity", "decomposition-no-seam", "decomposition-coupling"}
    assert all(c.reason for c in result.contributions)
    units = [u for s in decomposition.services for u in s.units]
    assert len(units) == len(set(units))
    assert not set(units) & set(decomposition.unplaced)


def test_the_monoliths_are_small_so_the_score_says_so() -> None:
    for app in MONOLITHS:
        result = assessed(app).score(Dimension.DECOMPOSITION)
        assert result is not None
        size = next(c for c in result.contributions if c.source == "size")
        assert "too small to be worth splitting" in size.reason
