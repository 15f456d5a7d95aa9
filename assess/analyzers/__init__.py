"""Analyzers: what a rule cannot express (stack, manifests), computed from snapshots and parse facts."""
