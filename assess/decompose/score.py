"""How the best cut moves the decomposition score: one explained contribution per measure.

The scoring layer adds these to the decomposition dimension's base (with the rubric's size rule,
booster limit and bounds), so the score stays ``base + Σ contributions``:

``decomposition-modularity``
    the modularity of the cut on the combined graph, above or below the neutral value: how
    modular the app already is
``decomposition-coupling``
    ICP, the share of static dependencies that would cross services, below or above neutral
``decomposition-transactions``
    transactions whose tables the cut spreads over two or more services (each would need a saga
    or a redesign)
``decomposition-shared-tables``
    tables two or more services would use (a shared database, or data to split)
``decomposition-cycles``
    services caught in dependency cycles with each other (they could not be deployed apart)
``decomposition-no-seam``
    the code forms a single block: there is nothing to split along
"""

from __future__ import annotations

from assess.decompose.settings import DecompositionScoring
from assess.model import Contribution, Decomposition


def _bounded(value: float, cap: float) -> float:
    return round(max(-cap, min(cap, value)), 1)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def decomposition_contributions(
    decomposition: Decomposition, rules: DecompositionScoring
) -> list[Contribution]:
    """The signed, explained points the cut is worth."""
    metrics = decomposition.metrics
    found: list[Contribution] = []
    services = metrics.services
    if services <= 1:
        found.append(
            Contribution(
                "decomposition-no-seam",
                -rules.no_seam_penalty,
                1,
                f"the {metrics.units} coupled units form {_plural(services, 'block')}: no seam to split "
                f"along: {-rules.no_seam_penalty:+.1f}",
            )
        )
        return found
    names = ", ".join(s.name for s in decomposition.services)
    points = _bounded(
        (metrics.modularity - rules.modularity_neutral) * rules.modularity_points, rules.modularity_cap
    )
    if points:
        verdict = "clear seams already" if points > 0 else "weak seams"
        found.append(
            Contribution(
                "decomposition-modularity",
                points,
                services,
                f"modularity {metrics.modularity:.2f} of the best cut into {services} services ({names}), "
                f"against a neutral {rules.modularity_neutral:.2f}: {verdict}: {points:+.1f}",
            )
        )
    points = _bounded((rules.icp_neutral - metrics.icp) * rules.icp_points, rules.icp_cap)
    if points:
        found.append(
            Contribution(
                "decomposition-coupling",
                points,
                services,
                f"{metrics.icp:.0%} of the static dependencies would cross services (ICP), against a "
                f"neutral {rules.icp_neutral:.0%}: {points:+.1f}",
            )
        )
    distributed = metrics.distributed_transactions
    if distributed:
        points = -round(
            min(distributed * rules.distributed_transaction_points, rules.distributed_transaction_cap), 1
        )
        examples = [t for s in decomposition.services for t in s.distributed][:3]
        found.append(
            Contribution(
                "decomposition-transactions",
                points,
                distributed,
                f"{_plural(distributed, 'transaction')} would span services"
                + (f" (e.g. {', '.join(examples)})" if examples else "")
                + f": {points:+.1f}",
            )
        )
    if metrics.shared_tables:
        points = -round(min(metrics.shared_tables * rules.shared_table_points, rules.shared_table_cap), 1)
        shared = sorted({t for s in decomposition.services for t in s.shared_tables})
        found.append(
            Contribution(
                "decomposition-shared-tables",
                points,
                metrics.shared_tables,
                f"{_plural(metrics.shared_tables, 'table')} would be used by two or more services "
                f"({', '.join(shared[:5])}{', …' if len(shared) > 5 else ''}): {points:+.1f}",
            )
        )
    caught = sorted({name for cycle in metrics.cycles for name in cycle})
    if caught:
        points = -round(min(len(caught) * rules.cycle_points, rules.cycle_cap), 1)
        found.append(
            Contribution(
                "decomposition-cycles",
                points,
                len(caught),
                f"{_plural(len(caught), 'service')} depend on each other in a cycle ({', '.join(caught)}): "
                f"{points:+.1f}",
            )
        )
    return found
