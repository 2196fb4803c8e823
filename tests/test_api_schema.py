"""Requests generated from the OpenAPI document (schemathesis strategies): never a 5xx.

The strategies come from the app's static schema; requests go through the
``client`` fixture, so each run has the toy engine, a fresh store and a
lifespan that ends with the test. Single operations first, then sequences
(schemathesis's state machine) that reuse ids from earlier responses.
"""

import copy
from typing import Any

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, assume, given, settings
from schemathesis.core.transport import Response

from service.app import create_app
from service.settings import Settings

OPENAPI = create_app(Settings(model="toy", db="sqlite:///unused.db")).openapi()
SCHEMA = schemathesis.openapi.from_dict(OPENAPI)
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
    arguments = case.as_transport_kwargs(base_url="http://localhost")
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
        arguments = httpx_arguments(case)
        # httpx cannot put a header that is not ASCII on the wire: no client sends one
        assume(all(str(value).isascii() for value in (arguments.get("headers") or {}).values()))
        response = client.request(**arguments)
        assert response.status_code < 500, (case.as_curl_command(), response.text)
        if response.status_code >= 400:
            assert set(response.json()["error"]) == {"code", "message", "detail"}

    check()


ARTICLE = "/v1/articles/{article_id}"
SEGMENT = "/v1/articles/{article_id}/segments/{segment_id}"
SEGMENT_OPERATIONS = [
    (SEGMENT, "get"),
    (SEGMENT, "patch"),
    (f"{SEGMENT}/split", "post"),
    (f"{SEGMENT}/merge", "post"),
]


def with_segment_links(openapi: dict[str, Any]) -> dict[str, Any]:
    """The document with OpenAPI links from an article to its segments' operations.

    Schemathesis infers the links that carry ``article_id`` by itself; segment ids sit
    in ``blocks[].segments[]``, which it does not follow. The app's own schema stays as
    it is: the links live in the test's copy.
    """
    linked = copy.deepcopy(openapi)
    parameters = {
        "path.article_id": "$response.body#/id",
        "path.segment_id": "$response.body#/blocks/0/segments/0/id",
    }
    for path, method, status in (("/v1/articles", "post", "201"), (ARTICLE, "get", "200")):
        links = linked["paths"][path][method]["responses"][status].setdefault("links", {})
        for target, target_method in SEGMENT_OPERATIONS:
            pointer = target.replace("~", "~0").replace("/", "~1")
            links[f"{target_method} {target}"] = {
                "operationRef": f"#/paths/{pointer}/{target_method}",
                "parameters": parameters,
            }
    return linked


# The article operations only: each sequence's steps go to one article's life.
STATEFUL = (
    schemathesis.openapi.from_dict(with_segment_links(OPENAPI))
    .include(path_regex=r"^/v1/articles")
    .as_state_machine()
)


def test_sequences_of_requests_get_no_server_error(client: TestClient) -> None:
    """E.g. create an article → read it → edit a segment → export → delete, ids carried over."""

    class Sequences(STATEFUL):  # type: ignore[misc, valid-type]
        def call(self, case: schemathesis.Case, **kwargs: Any) -> Response:
            return Response.from_any(client.request(**httpx_arguments(case)))

        def validate_response(self, response: Response, case: schemathesis.Case, **_: Any) -> None:
            assert response.status_code < 500, (case.as_curl_command(), response.text)

    Sequences.run(
        settings=settings(
            max_examples=60,  # sequences; about 20 s on two cores
            stateful_step_count=10,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
    )
