"""Localisation to en-GB or en-US: conventions applied to English, each change recorded.

``profile`` reads a locale's conventions; one module per convention proposes edits
(``spelling``, ``dates``, ``times``, ``money``, ``units``, ``quotes``, ``headlines``);
``apply.localise`` chooses, makes and records them; ``german`` finds where a change's
value stands in the German source.
"""

from service.localise.apply import Localised, localise
from service.localise.profile import TARGETS, Profile, check_target, load_profile, profile_for

__all__ = [
    "TARGETS",
    "Localised",
    "Profile",
    "check_target",
    "load_profile",
    "localise",
    "profile_for",
]
