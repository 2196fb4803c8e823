"""Findings of segments: each fact flag's reason, with spans, as the last check left them.

``segments.findings`` holds the segment's ``findings`` (``service.document.Finding``)
for its current target. Rows from before are NULL: their findings are read from the
article's document while the target is still the one it was made for, else none
until the next edit re-checks them. A database made by create_all with the column
already there is left as it is.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-06 01:40:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    inspector = sa.inspect(op.get_bind())
    if "findings" not in {column["name"] for column in inspector.get_columns("segments")}:
        op.add_column("segments", sa.Column("findings", sa.JSON(), nullable=True))


def downgrade() -> None:
    # ALTER TABLE … DROP COLUMN, not a batch copy: on SQLite copying the table drops the
    # old one, and with foreign keys on that would cascade to the segments' children.
    op.drop_column("segments", "findings")
