"""Admin hooks of the site basics.

wagtail-localize's "Translate" form for a page that is already translated into every
language shows an empty required "Locales" field and a Save button. Its URL is answered here
first (our admin URLs come before wagtail-localize's): with no language left to translate
into, the editor goes back to the page with a message instead.
"""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.models import Locale, Page


def locales_to_translate_into(page: Page):
    """Locales with no real translation of ``page`` (an alias counts as missing), as the
    wagtail-localize form computes them."""
    source = page.alias_of or page
    existing = source.get_translations(inclusive=True).filter(alias_of__isnull=True)
    return Locale.objects.exclude(id__in=existing.values_list("locale_id", flat=True))


def submit_page_translation(request, page_id: int):
    from wagtail_localize.views.submit_translations import SubmitPageTranslationView

    page = get_object_or_404(Page, id=page_id)
    if not locales_to_translate_into(page).exists():
        messages.info(request, _("This page is already translated into every language."))
        return redirect(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    return SubmitPageTranslationView.as_view()(request, page_id=page_id)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path(
            "localize/submit/page/<int:page_id>/",
            submit_page_translation,
            name="careersteps_submit_page_translation",
        )
    ]
