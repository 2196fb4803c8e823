"""Errors raised by the models room.

ModelError
 ├── ModelNotAvailable   the model is neither local nor downloadable right now
 └── BackendUnavailable  the inference library a backend needs is not installed or cannot run
"""


class ModelError(Exception):
    """Base of every error the models room raises."""


class ModelNotAvailable(ModelError):
    def __init__(self, model: str, reason: str, hint: str) -> None:
        super().__init__(f"model {model!r} is not available: {reason}. {hint}")
        self.model = model
        self.reason = reason
        self.hint = hint


class BackendUnavailable(ModelError):
    def __init__(self, library: str, hint: str, reason: str = "") -> None:
        reason = reason or f"{library} is not installed"
        super().__init__(f"the {library} backend is not available: {reason}. {hint}")
        self.library = library
        self.hint = hint
