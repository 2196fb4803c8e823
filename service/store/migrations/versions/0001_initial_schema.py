"""The initial schema: the tables of service.store.schema as create_all made them.

Every table and index is created only where it is missing: a database made
by create_all before migrations (tables, no alembic_version) is adopted as
it is, its rows untouched, and one older than the job tables gets them.

Revision ID: 0001
Revises:
Create Date: 2026-11-28 03:04:18.299176

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0001"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("created", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated", sa.DateTime(timezone=True), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("format", sa.String(length=16), nullable=False),
        sa.Column("model", sa.String(length=255), nullable=False),
        sa.Column("glossary_name", sa.String(length=255), nullable=True),
        sa.Column("glossary_version", sa.String(length=64), nullable=True),
        sa.Column("source_text", sa.Text(), nullable=False),
        sa.Column("document", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        if_not_exists=True,
    )
    op.create_index(
        op.f("ix_articles_created"), "articles", ["created"], unique=False, if_not_exists=True
    )
    op.create_index(
        op.f("ix_articles_status"), "articles", ["status"], unique=False, if_not_exists=True
    )

    op.create_table(
        "glossaries",
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("version", sa.String(length=64), nullable=False),
        sa.Column("entries", sa.JSON(), nullable=False),
        sa.Column("updated", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("name"),
        if_not_exists=True,
    )
    op.create_table(
        "jobs",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("created", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated", sa.DateTime(timezone=True), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("input", sa.Text(), nullable=False),
        sa.Column("out_dir", sa.Text(), nullable=False),
        sa.Column("model", sa.String(length=255), nullable=False),
        sa.Column("glossary_name", sa.String(length=255), nullable=True),
        sa.Column("glossary_version", sa.String(length=64), nullable=True),
        sa.Column("options", sa.JSON(), nullable=False),
        sa.Column("runner", sa.String(length=255), nullable=True),
        sa.Column("error", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("key"),
        if_not_exists=True,
    )
    op.create_index(op.f("ix_jobs_created"), "jobs", ["created"], unique=False, if_not_exists=True)
    op.create_index(op.f("ix_jobs_state"), "jobs", ["state"], unique=False, if_not_exists=True)

    op.create_table(
        "memory",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("model", sa.String(length=255), nullable=False),
        sa.Column("glossary_version", sa.String(length=64), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("target", sa.Text(), nullable=False),
        sa.Column("score", sa.Float(), nullable=True),
        sa.Column("origin", sa.String(length=16), nullable=False),
        sa.Column("updated", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("key", "model", "glossary_version"),
        if_not_exists=True,
    )
    op.create_table(
        "job_items",
        sa.Column("job_id", sa.String(length=32), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Text(), nullable=False),
        sa.Column("path", sa.Text(), nullable=False),
        sa.Column("out_path", sa.Text(), nullable=False),
        sa.Column("format", sa.String(length=16), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("owner", sa.String(length=255), nullable=True),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("stats", sa.JSON(), nullable=True),
        sa.Column("updated", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["job_id"], ["jobs.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("job_id", "seq"),
        if_not_exists=True,
    )
    op.create_index(
        "job_items_by_state", "job_items", ["job_id", "state"], unique=False, if_not_exists=True
    )

    op.create_table(
        "segments",
        sa.Column("article_id", sa.String(length=32), nullable=False),
        sa.Column("segment_id", sa.String(length=32), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("target", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("origin", sa.String(length=16), nullable=False),
        sa.Column("flags", sa.JSON(), nullable=False),
        sa.Column("terms", sa.JSON(), nullable=False),
        sa.Column("score", sa.Float(), nullable=True),
        sa.Column("updated", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("article_id", "segment_id"),
        if_not_exists=True,
    )
    op.create_table(
        "segment_flags",
        sa.Column("article_id", sa.String(length=32), nullable=False),
        sa.Column("segment_id", sa.String(length=32), nullable=False),
        sa.Column("flag", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id", "segment_id"],
            ["segments.article_id", "segments.segment_id"],
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("article_id", "segment_id", "flag"),
        if_not_exists=True,
    )
    op.create_index(
        "segment_flags_by_flag", "segment_flags", ["flag"], unique=False, if_not_exists=True
    )

    op.create_table(
        "segment_history",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("article_id", sa.String(length=32), nullable=False),
        sa.Column("segment_id", sa.String(length=32), nullable=False),
        sa.Column("target", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("origin", sa.String(length=16), nullable=False),
        sa.Column("replaced", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id", "segment_id"],
            ["segments.article_id", "segments.segment_id"],
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id"),
        if_not_exists=True,
    )
    op.create_index(
        "segment_history_by_segment",
        "segment_history",
        ["article_id", "segment_id"],
        unique=False,
        if_not_exists=True,
    )


def downgrade() -> None:
    op.drop_index("segment_history_by_segment", table_name="segment_history")

    op.drop_table("segment_history")
    op.drop_index("segment_flags_by_flag", table_name="segment_flags")

    op.drop_table("segment_flags")
    op.drop_table("segments")
    op.drop_index("job_items_by_state", table_name="job_items")

    op.drop_table("job_items")
    op.drop_table("memory")
    op.drop_index(op.f("ix_jobs_state"), table_name="jobs")
    op.drop_index(op.f("ix_jobs_created"), table_name="jobs")

    op.drop_table("jobs")
    op.drop_table("glossaries")
    op.drop_index(op.f("ix_articles_status"), table_name="articles")
    op.drop_index(op.f("ix_articles_created"), table_name="articles")

    op.drop_table("articles")
