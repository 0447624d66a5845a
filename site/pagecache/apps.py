from django.apps import AppConfig


class PageCacheConfig(AppConfig):
    """Whole-page cache for anonymous visitors, invalidated by a generation counter (no models)."""

    name = "pagecache"
    verbose_name = "Page cache"

    def ready(self) -> None:
        from django.core.signals import setting_changed

        from pagecache import invalidation, store

        invalidation.connect()
        # A test that overrides a setting the stored headers depend on gets other keys.
        setting_changed.connect(store.forget_fingerprint, dispatch_uid="pagecache.fingerprint")
