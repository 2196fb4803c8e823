"""Ray actors get the database URL through the object store: no secret in their arguments,
which Ray's dashboard and logs show."""

from __future__ import annotations

import sys
import types
from typing import Any

import pytest
from pydantic import SecretStr

from service.batch.ray_executor import RayExecutor
from service.settings import Settings

PASSWORD = "s3cret-Pa55word"
URL = f"postgresql+psycopg://mtdesk:{PASSWORD}@db.internal/mtdesk"


class FakeRay(types.ModuleType):
    """Records what the executor hands to Ray."""

    def __init__(self) -> None:
        super().__init__("ray")
        self.actor_arguments: list[tuple[Any, ...]] = []
        self.stored: dict[str, Any] = {}

    def is_initialized(self) -> bool:
        return True

    def put(self, value: Any) -> str:
        reference = f"ObjectRef({len(self.stored)})"
        self.stored[reference] = value
        return reference

    def remote(self, **_: Any) -> Any:
        recorder = self

        def wrap(actor_class: type) -> Any:
            class Handle:
                @staticmethod
                def remote(*arguments: Any) -> object:
                    recorder.actor_arguments.append(arguments)
                    return object()

            return Handle

        return wrap


def test_actor_arguments_hold_no_secret(monkeypatch: pytest.MonkeyPatch) -> None:
    ray = FakeRay()
    monkeypatch.setitem(sys.modules, "ray", ray)
    settings = Settings(db=URL, api_key=SecretStr("k" * 32), model="toy")
    RayExecutor(settings, None, workers=2, address=None, db=SecretStr(URL))
    assert len(ray.actor_arguments) == 2
    for arguments in ray.actor_arguments:
        shown = repr(arguments)
        assert PASSWORD not in shown and "k" * 32 not in shown
        (reference,) = [arg for arg in arguments if isinstance(arg, str) and arg in ray.stored]
        assert ray.stored[reference].get_secret_value() == URL  # the actor resolves it
