"""Revisions of an article: a new German version keeps the reviewers' work on unchanged sentences.

``articles.revision`` numbers the current version (existing rows are revision
1); ``article_revisions`` keeps each version: its German, when it was made,
what changed against the one before, and its document with every segment's
state (as it was when the next version replaced it).
``segment_history.source`` keeps the German an earlier English translated
when a new version changed the sentence (NULL: the segment's own German). Tables and columns a
database made by create_all already has are left as they are.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-06 01:20:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    inspector = sa.inspect(op.get_bind())
    if "revision" not in {column["name"] for column in inspector.get_columns("articles")}:
        op.add_column(
            "articles", sa.Column("revision", sa.Integer(), nullable=False, server_default="1")
        )
    if "source" not in {column["name"] for column in inspector.get_columns("segment_history")}:
        op.add_column("segment_history", sa.Column("source", sa.Text(), nullable=True))
    op.create_table(
        "article_revisions",
        sa.Column("article_id", sa.String(length=32), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("created", sa.DateTime(timezone=True), nullable=False),
        sa.Column("source_text", sa.Text(), nullable=False),
        sa.Column("document", sa.JSON(), nullable=False),
        sa.Column("summary", sa.JSON(), nullable=True),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("article_id", "number"),
        if_not_exists=True,
    )


def downgrade() -> None:
    op.drop_table("article_revisions")
    # ALTER TABLE … DROP COLUMN, not a batch copy: on SQLite copying the table drops the
    # old one, and with foreign keys on that would cascade to every segment.
    op.drop_column("articles", "revision")
    op.drop_column("segment_history", "source")
