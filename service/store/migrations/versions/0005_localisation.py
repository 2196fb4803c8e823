"""Localisation changes of segments where the current target has them.

``segments.localisation`` holds the segment's ``localisation`` changes
(``service.document.Localisation``) with their spans in the current target: an
edit moves them once, when it is written, instead of every read diffing the
model's target against the current one. Rows from before are NULL: their changes
are read from the article's document while the target is still the one it was
made for, else none (an edit before this revision dropped its marks rather than
guess where they moved). A database made by create_all with the column already
there is left as it is.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-06 01:30:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | Sequence[str] | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    inspector = sa.inspect(op.get_bind())
    if "localisation" not in {column["name"] for column in inspector.get_columns("segments")}:
        op.add_column("segments", sa.Column("localisation", sa.JSON(), nullable=True))


def downgrade() -> None:
    # ALTER TABLE … DROP COLUMN, not a batch copy (see 0004).
    op.drop_column("segments", "localisation")
