"""assess: migration assessment of application portfolios from their source code.

``from assess import scan`` assesses one application and returns an immutable
:class:`~assess.model.Assessment`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from assess.model import Assessment
    from assess.pipeline import scan

__all__ = ["Assessment", "__version__", "load_ipython_extension", "scan"]


def load_ipython_extension(ipython: Any) -> None:
    """``%load_ext assess``: rich display of Assessments and the ``%assess PATH`` line magic."""
    from assess.pipeline import scan
    from assess.report.notebook import load_extension

    load_extension(ipython, scan)


def __getattr__(name: str) -> Any:
    # Imported lazily so that `import assess` stays cheap and free of import cycles.
    if name == "scan":
        from assess.pipeline import scan

        return scan
    if name == "Assessment":
        from assess.model import Assessment

        return Assessment
    raise AttributeError(name)
