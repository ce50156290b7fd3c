"""Wagtail hooks for casework reports (imported by wagtail_hooks.py)."""
