"""Checks and detectors over a source and its translation: quality flags, numbers,
language, quotations, protected spans. Below the pipeline: they import nothing of it."""
