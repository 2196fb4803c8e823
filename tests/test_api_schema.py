"""Requests generated from the OpenAPI document (schemathesis strategies): never a 5xx.

The strategies come from the app's static schema; requests go through the
``client`` fixture, so each run has the toy engine, a fresh store and a
lifespan that ends with the test.
"""

from typing import Any

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings

from service.app import create_app
from service.settings import Settings

SCHEMA = schemathesis.openapi.from_dict(
    create_app(Settings(model="toy", db="sqlite:///unused.db")).openapi()
)
POSITIVE, NEGATIVE = schemathesis.GenerationMode.POSITIVE, schemathesis.GenerationMode.NEGATIVE
RUNS = [
    pytest.param(operation, mode, id=f"{operation.method.upper()} {operation.path} {mode.value}")
    for operation in (result.ok() for result in SCHEMA.get_all_operations())
    # Without parameters or a body there is nothing to get wrong.
    for mode in (POSITIVE, NEGATIVE)
    if mode is POSITIVE
    or any((operation.path_parameters, operation.query, operation.headers, operation.body))
]


def httpx_arguments(case: schemathesis.Case) -> dict[str, Any]:
    """The case as keyword arguments of an httpx request (schemathesis speaks requests)."""
    arguments = case.as_transport_kwargs(base_url="http://testserver")
    arguments.pop("cookies", None)
    if isinstance(arguments.get("data"), bytes | str):
        arguments["content"] = arguments.pop("data")
    return arguments


@pytest.mark.parametrize(("operation", "mode"), RUNS)
def test_no_request_gets_a_server_error(
    client: TestClient, operation: Any, mode: schemathesis.GenerationMode
) -> None:
    created = client.post("/v1/articles", json={"text": "Ein Satz. Noch einer."}).json()
    known = {"article_id": created["id"], "segment_id": "b0s1"}
    wanted = {name: value for name, value in known.items() if f"{{{name}}}" in operation.path}
    strategy = operation.as_strategy(
        generation_mode=mode,
        path_parameters=wanted if mode is POSITIVE else None,
    )

    @given(case=strategy)
    @settings(
        max_examples=12, deadline=None, database=None, suppress_health_check=list(HealthCheck)
    )
    def check(case: schemathesis.Case) -> None:
        response = client.request(**httpx_arguments(case))
        assert response.status_code < 500, (case.as_curl_command(), response.text)
        if response.status_code >= 400:
            assert set(response.json()["error"]) == {"code", "message", "detail"}

    check()
