"""Batch translation of whole archives as resumable jobs (see runner.py)."""
