"""The application lifecycle (``application.py``), at the applications layer.

Every lifecycle registers itself with the engine (:mod:`workflows.engine.registry`); ask the
registry, not this package, for the list of machines.
"""
