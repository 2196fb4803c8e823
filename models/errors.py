"""Errors raised by the models room.

ModelError
 └── ModelNotAvailable   the model is neither local nor downloadable right now
"""


class ModelError(Exception):
    """Base of every error the models room raises."""


class ModelNotAvailable(ModelError):
    def __init__(self, model: str, reason: str, hint: str) -> None:
        super().__init__(f"model {model!r} is not available: {reason}. {hint}")
        self.model = model
        self.reason = reason
        self.hint = hint
