"""The HTTP API: routers by resource, their schemas, dependencies and error handling.

``service.app.create_app`` assembles them; the modules here hold no app of their own.
"""
