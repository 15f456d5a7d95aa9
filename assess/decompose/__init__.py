"""Decomposition: coupling graphs (static, change, data affinity) → candidate services → metrics."""

from assess.decompose.analysis import DecompositionResult, decompose

__all__ = ["DecompositionResult", "decompose"]
