"""Loopback servers for tests that need real HTTP (shared with the benchmarks)."""

from chartrag.serving import free_port, serving

__all__ = ["free_port", "serving"]
