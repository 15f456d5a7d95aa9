"""Dockerfile scaffolds: plan (pure) → render (jinja2) → lint (hadolint + own checks) → build (docker)."""
