"""Errors raised by the glossary room.

GlossaryError                  base of everything this room raises
 ├── GlossaryFormatError       a glossary file cannot be read: ``path``, ``line``, ``problem``
 └── GlossaryValidationError   entries that contradict each other or are empty
                               (raised when a ``Glossary`` is built in code)

File readers report every problem, including invalid entries, as a
``GlossaryFormatError`` so the user learns which line to fix. The service maps
these to its own ``MtdeskError`` subclasses at its boundary; this room imports
nothing of ours.
"""

from __future__ import annotations


class GlossaryError(Exception):
    """Base of every error the glossary room raises."""


class GlossaryValidationError(GlossaryError):
    """Entries that cannot form a glossary (empty field, unknown kind, conflict)."""


class GlossaryFormatError(GlossaryError):
    """A glossary file that cannot be read, with the place of the first problem.

    ``line`` is 1-based; 0 means the problem concerns the whole file (for
    instance an unknown extension or an empty file).
    """

    def __init__(self, path: str, line: int, problem: str) -> None:
        super().__init__(f"{path}:{line}: {problem}")
        self.path = path
        self.line = line
        self.problem = problem
