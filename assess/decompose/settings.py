"""Decomposition settings: the ``decomposition:`` section of the rubric, as a pydantic model.

Every number that shapes the coupling graphs, the clustering and the decomposition score lives
here with its default; ``rubrics/default.yaml`` repeats the defaults with their explanation, and a
user rubric (``extends: default``) may override any of them.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, model_validator


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class GraphWeights(_Strict):
    """How much each coupling graph counts in the combined graph (each is normalised to 0–1)."""

    static: float = Field(0.4, ge=0)
    change: float = Field(0.2, ge=0)
    data: float = Field(0.4, ge=0)

    @model_validator(mode="after")
    def _some_weight(self) -> GraphWeights:
        if self.static + self.change + self.data <= 0:
            raise ValueError("at least one graph weight must be positive")
        return self


class StaticWeights(_Strict):
    """Points one static dependency adds to an edge of the static graph before normalisation."""

    imports: float = Field(1.0, ge=0)
    references: float = Field(1.0, ge=0)
    calls: float = Field(0.5, ge=0)
    exclude_tests: bool = True
    """Leave test code out of the graphs: tests follow the code they test, they are not a service."""


class HistorySettings(_Strict):
    """Change coupling from git history, with code-maat's thresholds and a window."""

    enabled: bool = True
    min_revisions: int = Field(5, ge=1)
    """A pair counts when the mean of its two files' revisions reaches this."""
    min_shared_revisions: int = Field(5, ge=1)
    min_coupling: float = Field(30, ge=0, le=100)
    """Degree in percent: shared revisions / mean revisions × 100."""
    max_changeset_size: int = Field(30, ge=2)
    """Commits touching more files than this are ignored (mass renames, formatting, merges of trees)."""
    max_commits: int | None = Field(20_000, ge=1)
    """Only the most recent commits (None: all)."""
    since_days: int | None = Field(None, ge=1)
    """Only commits of the last N days before the newest commit (None: no time limit)."""


class DataAffinityWeights(_Strict):
    """Points data relations add to an edge of the data-affinity graph before normalisation."""

    shared_table: float = Field(1.0, ge=0)
    """Two units touching the same table (divided among the table's accessors)."""
    foreign_key: float = Field(0.5, ge=0)
    """Units touching tables joined by a foreign key."""
    transaction: float = Field(1.0, ge=0)
    """A transaction's unit and the units owning the tables it writes in one transaction."""


class ClusteringSettings(_Strict):
    """Community detection on the combined graph."""

    method: str = Field("louvain", pattern="^louvain$")
    seed: int = 7
    resolution: float = Field(0.8, gt=0)
    """Louvain's resolution: below 1 favours fewer, larger communities (services are coarse; at
    1.0 Louvain splits small apps into pairs of units and its result depends on the seed)."""
    services: int | None = Field(None, ge=1)
    """Force this many candidate services (None: chosen by modularity)."""
    min_service_units: int = Field(3, ge=1)
    """Smaller communities are merged into the one they are most coupled with."""
    max_stored_edges: int = Field(1500, ge=0)
    """Edges kept per graph in the Assessment (the heaviest); metrics always use all of them."""


class MetricSettings(_Strict):
    """Parameters of the published metrics."""

    ned_min: int = Field(5, ge=1)
    """NED: a service with fewer units than this is extreme (too small)."""
    ned_max: int = Field(20, ge=1)
    """NED: a service with more units than this is extreme (too big)."""


class DecompositionScoring(_Strict):
    """How the best cut moves the decomposition score (each point explained in the report)."""

    modularity_neutral: float = Field(0.3, ge=0, le=1)
    """Structural modularity of the combined graph at which modularity neither adds nor costs."""
    modularity_points: float = Field(40, ge=0)
    """Points per 1.0 of modularity above (or below) the neutral value."""
    modularity_cap: float = Field(15, ge=0)
    distributed_transaction_points: float = Field(4, ge=0)
    """Per transaction whose tables the cut spreads over two or more services."""
    distributed_transaction_cap: float = Field(20, ge=0)
    shared_table_points: float = Field(3, ge=0)
    """Per table that two or more services would touch."""
    shared_table_cap: float = Field(15, ge=0)
    cycle_points: float = Field(5, ge=0)
    """Per service caught in a dependency cycle with other services."""
    cycle_cap: float = Field(15, ge=0)
    icp_neutral: float = Field(0.3, ge=0, le=1)
    """Share of static dependencies crossing services at which ICP neither adds nor costs."""
    icp_points: float = Field(20, ge=0)
    icp_cap: float = Field(8, ge=0)
    no_seam_penalty: float = Field(15, ge=0)
    """When the app forms a single cohesive block: nothing to split along."""


class DecompositionSettings(_Strict):
    """Everything that decides candidate services and the decomposition score."""

    weights: GraphWeights = Field(default_factory=GraphWeights)
    static: StaticWeights = Field(default_factory=StaticWeights)
    history: HistorySettings = Field(default_factory=HistorySettings)
    data: DataAffinityWeights = Field(default_factory=DataAffinityWeights)
    clustering: ClusteringSettings = Field(default_factory=ClusteringSettings)
    metrics: MetricSettings = Field(default_factory=MetricSettings)
    scoring: DecompositionScoring = Field(default_factory=DecompositionScoring)
