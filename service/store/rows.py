"""Rows of the store's tables as the dataclasses the rest of the service uses."""

from __future__ import annotations

from dataclasses import fields
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import Row

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

Record = TypeVar("Record", bound="DataclassInstance")


def as_utc(moment: datetime) -> datetime:
    """SQLite hands timestamps back without their zone; they were written in UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def from_row(kind: type[Record], row: Row[Any], **values: Any) -> Record:
    """A ``kind`` from the row's columns of its fields' names (timestamps in UTC), with
    ``values`` for the fields that are not columns."""
    names = {field.name for field in fields(kind)}
    columns = {
        name: as_utc(value) if isinstance(value, datetime) else value
        for name, value in row._mapping.items()
        if name in names
    }
    return kind(**{**columns, **values})
