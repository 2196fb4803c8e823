"""Use cases: what a desk does with articles, between the interfaces and the pipeline and store."""
