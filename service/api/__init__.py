"""The HTTP API: one router module per resource (the shared plumbing is ``service.http``).

``service.app.create_app`` assembles them; the modules here hold no app of their own.
"""
