"""Item counts under admin listings that Czech can read: "Stránky: 7", not "7 stránky".

Wagtail writes ``f"{count} {verbose_name_plural}"``, which is right in English and German but
not in Czech, where the noun after 5 and more takes another form than after 2 to 4 ("2 stránky",
"7 stránek"). The count goes through a message with a context instead, so each language can
order it as its grammar needs; English keeps Wagtail's wording. A model that names no plural
(Django then adds an English "s", and wagtail-localize's Translation names nothing at all) is
counted as "items", which the catalogs translate.
"""

from django.utils.translation import gettext, pgettext

# A variable, not a literal: Wagtail's catalogs (and our overrides) translate it.
ITEMS = "items"


def plural_name(paginator) -> str:
    model = paginator.model
    if model is not None and "verbose_name_plural" in model._meta.original_attrs:
        return str(model._meta.verbose_name_plural)
    return gettext(ITEMS)


def items_count_label(paginator) -> str:
    if paginator.count == 1:
        return f"1 {paginator.verbose_name}"
    return pgettext("number of items in an admin listing", "%(count)s %(items)s") % {
        "count": paginator.count,
        "items": plural_name(paginator),
    }


def count_items_grammatically() -> None:
    """Replace WagtailPaginator.items_count_label (idempotent)."""
    from wagtail.admin.paginator import WagtailPaginator

    WagtailPaginator.items_count_label = property(items_count_label)
