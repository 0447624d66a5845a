"""The steps of ``manage.py demo``, discovered from the modules of this package.

A loader is a module here with ``ORDER`` (int, lower runs first) and ``load(context)``, which
must be idempotent: running it again changes nothing. To extend the demo (applications,
reviews, matches, ...), add a module, no other file needs editing. Orders used so far:
10 institutions, 20 footer, 30 site structure, 40 news, 50 events, 60 cohorts, 70 forms,
90 users, 92 pilot_replay, 94 review_queue (these two need the users). Leave gaps. Modules
whose name starts with ``_`` are helpers, never steps.
"""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType


def discover() -> list[ModuleType]:
    """All loader modules of this package, in ``ORDER``."""
    modules = [
        importlib.import_module(f"{__name__}.{info.name}")
        for info in pkgutil.iter_modules(__path__)
        if not info.name.startswith("_")
    ]
    loaders = [module for module in modules if hasattr(module, "load")]
    return sorted(loaders, key=lambda module: (getattr(module, "ORDER", 50), module.__name__))
