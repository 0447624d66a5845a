"""Site furniture: the footer snippet's preview, and pages that have nothing to list yet."""

import pytest
from django.test import RequestFactory
from django.utils import translation
from wagtail.models import Locale

from base.models import FooterText


@pytest.mark.django_db
def test_footer_preview_shows_the_draft_footer_in_its_language(home_page):
    footer = FooterText(
        body="<p>Ein Projekt zweier Hochschulen.</p>",
        contact_email="mentoring@example.org",
        locale=Locale.objects.get(language_code="de"),
    )
    request = RequestFactory().get("/admin/snippets/base/footertext/preview/")
    with translation.override("en"):  # the editor works in English
        response = footer.serve_preview(request, footer.default_preview_mode)

    html = response.content.decode()
    assert '<html lang="de"' in html
    assert "Vorschau der Fußzeile" in html
    assert "Ein Projekt zweier Hochschulen." in html
    assert 'href="mailto:mentoring@example.org"' in html


@pytest.mark.django_db
def test_footer_falls_back_to_english_when_not_translated(client, home_page):
    english = FooterText.objects.create(
        body="<p>Run by two universities.</p>",
        locale=Locale.objects.get(language_code="en"),
        live=True,
    )
    english.save_revision().publish()

    html = client.get("/en/").content.decode()
    assert "Run by two universities." in html


@pytest.mark.django_db
def test_empty_home_page_says_so_in_its_language(client, home_page):
    response = client.get("/en/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "No events are planned at the moment." in html
    assert "No news yet." in html
    assert "Open for applications" not in html  # no open cohort, no section
