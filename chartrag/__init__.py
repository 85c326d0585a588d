"""Composition root: the CLI and app assembly. The only package allowed to import every other."""
