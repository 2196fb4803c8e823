"""The live server moved into the product (``service.testing``), so benchmarks need no tests."""

from service.testing import ROOT, START_S, LiveServer, free_port

__all__ = ["ROOT", "START_S", "LiveServer", "free_port"]
