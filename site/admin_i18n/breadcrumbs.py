"""Snippet breadcrumbs in the reader's language, not in the language of start-up.

Wagtail's ``SnippetViewSet.breadcrumbs_items`` labels "Home" and "Snippets" with ``gettext``
while the views are built at start-up, so every snippet listing says "Home › Snippets" in
English whatever the admin language. The same items, labelled lazily.
"""

from django.conf import settings
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy

# Variables, not literals: Wagtail's catalogs translate these, makemessages need not extract them.
HOME = "Home"
SNIPPETS = "Snippets"


def lazy_snippet_breadcrumbs(viewset) -> list[dict]:
    items = [{"url": reverse_lazy("wagtailadmin_home"), "label": gettext_lazy(HOME)}]
    if (
        getattr(settings, "WAGTAILSNIPPETS_MENU_SHOW_ALL", False)
        or not viewset.get_menu_item_is_registered()
    ):
        items.append(
            {"url": reverse_lazy("wagtailsnippets:index"), "label": gettext_lazy(SNIPPETS)}
        )
    return items


def label_snippet_breadcrumbs_lazily() -> None:
    """Replace the property on SnippetViewSet (idempotent)."""
    from wagtail.snippets.views.snippets import SnippetViewSet

    SnippetViewSet.breadcrumbs_items = property(lazy_snippet_breadcrumbs)
