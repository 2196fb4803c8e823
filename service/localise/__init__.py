"""Localisation to en-GB or en-US: conventions applied to English, each change recorded.

``profile`` reads a locale's conventions; one module per convention proposes edits
(``spelling``, ``dates`` with times of day, ``money``, ``units``, ``numbers``, ``quotes``,
``headlines``);
``apply.localise`` chooses, makes and records them; ``german`` finds where a change's
value stands in the German source.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from service.localise.profile import (
    TARGETS,
    Profile,
    check_target,
    load_profile,
    profile_for,
    style_locale,
    styles,
)

if TYPE_CHECKING:
    from service.localise.apply import Localised, localise


def __getattr__(name: str) -> Any:
    """``localise`` and ``Localised`` load the conventions (Babel, CLDR data) when first
    used: a start that localises nothing does not pay for them."""
    if name in ("localise", "Localised"):
        from service.localise import apply

        return getattr(apply, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "TARGETS",
    "Localised",
    "Profile",
    "check_target",
    "load_profile",
    "localise",
    "profile_for",
    "style_locale",
    "styles",
]
