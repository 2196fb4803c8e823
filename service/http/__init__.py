"""HTTP plumbing both interfaces share, the API (``service.api``) and the pages
(``service.web``): request bodies, dependencies, ETags, error handlers, middleware,
security headers, NDJSON streaming and the JSON schemas. It holds no routes."""
