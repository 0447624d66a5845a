from django.apps import AppConfig


class BenchConfig(AppConfig):
    """``manage.py bench``: speed and memory figures beside their limits (no models)."""

    name = "bench"
    verbose_name = "Benchmarks"
