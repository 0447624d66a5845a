from django.apps import AppConfig


class PageCacheConfig(AppConfig):
    """Whole-page cache for anonymous visitors, invalidated by a generation counter (no models)."""

    name = "pagecache"
    verbose_name = "Page cache"

    def ready(self) -> None:
        from pagecache import invalidation

        invalidation.connect()
