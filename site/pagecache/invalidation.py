"""When the page cache starts a new generation: whenever anything a public page shows changes.

Pages: every save and delete of a page (publishing, unpublishing, a translation published
through wagtail-localize, a move, a slug change, "show in menus" ticked or not, and an alias
synced from its source all save the page row), plus Wagtail's own publish, unpublish and move
signals. Snippets and records that pages show: ``WATCHED_MODELS``. A model added later that a
public page shows belongs in that list (and in the test that walks it).

The counter is bumped at once *and* again when the transaction commits: the first bump makes
the change visible to this process inside the transaction (and to tests, which never commit),
the second makes sure no request that rendered the old content during the commit stored it
under the generation that is current afterwards.
"""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail import signals as wagtail_signals
from wagtail.models import get_page_models

from pagecache import store

#: Models (app_label.ModelName) other than pages whose changes public pages show.
WATCHED_MODELS = (
    "base.FooterText",
    "institutions.Institution",
    "wagtailcore.Site",
    "wagtailcore.Locale",
    "wagtailcore.PageViewRestriction",
    "wagtailimages.Image",
    "wagtaildocs.Document",
)

DISPATCH_UID = "pagecache.invalidate"


def invalidate(**_kwargs: Any) -> None:
    """Start a new generation now and once more after the surrounding transaction commits."""
    store.bump()
    transaction.on_commit(store.bump)


def connect() -> None:
    # Each page model by name, not every model with a check of the sender: a post_delete
    # receiver for every model would make Django give up its fast delete (one DELETE, no
    # SELECT) for all of them, the task queue's rows included. Page models are all defined by
    # the time apps are ready, which is when this runs.
    for model in get_page_models():
        for signal in (post_save, post_delete):
            signal.connect(
                invalidate, sender=model, dispatch_uid=f"{DISPATCH_UID}.page.{id(signal)}"
            )
    for signal in (
        wagtail_signals.page_published,
        wagtail_signals.page_unpublished,
        wagtail_signals.post_page_move,
        wagtail_signals.published,
        wagtail_signals.unpublished,
    ):
        signal.connect(invalidate, dispatch_uid=f"{DISPATCH_UID}.wagtail.{id(signal)}")
    for label in WATCHED_MODELS:
        model = apps.get_model(label)
        for signal in (post_save, post_delete):
            signal.connect(invalidate, sender=model, dispatch_uid=f"{DISPATCH_UID}.{label}")
