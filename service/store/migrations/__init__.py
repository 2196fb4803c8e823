"""Alembic migrations of the store's schema (``service.store.schema``); ``migrate`` runs them."""
