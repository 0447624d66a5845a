from django.apps import AppConfig
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _


class BaseConfig(AppConfig):
    """Shared building blocks of the CMS: the StreamBlock, footer, navigation, language switch."""

    name = "base"
    verbose_name = _("Site basics")

    def ready(self) -> None:
        _sync_locale_trees_except_raw_saves()
        _keep_site_record_at_site_url(self)


def _keep_site_record_at_site_url(app_config) -> None:
    """The Wagtail Site record follows SITE_URL (see base.site_url)."""
    from django.core.signals import request_started
    from django.db.models.signals import post_migrate

    from base import site_url

    post_migrate.connect(site_url.sync_after_migrate, sender=app_config, weak=False)
    request_started.connect(
        site_url.sync_on_first_request, weak=False, dispatch_uid=site_url.FIRST_REQUEST_UID
    )


def _sync_locale_trees_except_raw_saves() -> None:
    """wagtail-localize syncs the page trees whenever a LocaleSynchronization row is saved,
    even on a raw save (loaddata, or a test restoring serialized rows), when the row's locale
    may not be restored yet and the sync fails. Sync on real saves only."""
    from wagtail_localize.models import LocaleSynchronization, sync_trees_on_locale_sync_save

    def sync_trees_unless_raw(sender, instance, raw=False, **kwargs):
        if not raw:
            sync_trees_on_locale_sync_save(instance, **kwargs)

    if post_save.disconnect(sync_trees_on_locale_sync_save, sender=LocaleSynchronization):
        post_save.connect(
            sync_trees_unless_raw,
            sender=LocaleSynchronization,
            weak=False,
            dispatch_uid="careersteps-sync-locale-trees",
        )
