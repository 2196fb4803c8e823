"""Alembic migrations of the store's schema (``service.store_schema``); see ``service.migrate``."""
