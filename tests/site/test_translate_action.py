"""The admin's "Translate this page" is offered only where a target language is missing, so an
editor never lands on a translate form with nothing to choose."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from wagtail.models import Locale

from news.models import NewsPage
from tests.site.conftest import add


def translate_offered(page, user) -> bool:
    from wagtail import hooks

    labels = []
    for hook in hooks.get_hooks("register_page_header_buttons"):
        labels += [str(button.label) for button in hook(page, user, view_name="edit") or []]
    return "Translate this page" in labels


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_superuser("editor", "editor@example.org", "x")


@pytest.mark.django_db
def test_not_offered_for_a_page_in_every_language(site_tree, editor):
    for code in ("en", "cs", "de"):
        assert not translate_offered(site_tree.page("article", code), editor), code


@pytest.mark.django_db
def test_offered_where_a_language_is_missing_or_only_aliased(site_tree, editor):
    page = add(site_tree.page("news_index"), NewsPage(title="New", slug="new"))
    assert translate_offered(page, editor)
    alias = page.copy_for_translation(Locale.objects.get(language_code="cs"), alias=True)
    assert translate_offered(alias, editor)


@pytest.mark.django_db
def test_the_translate_form_of_a_fully_translated_page_sends_the_editor_back(site_tree, editor):
    client = Client()
    client.force_login(editor)
    page = site_tree.page("article")
    response = client.get(f"/admin/localize/submit/page/{page.pk}/")
    assert response.status_code == 302
    assert response["Location"].endswith(f"/admin/pages/{page.pk}/edit/")


@pytest.mark.django_db
def test_the_translate_form_still_opens_where_a_language_is_missing(site_tree, editor):
    client = Client()
    client.force_login(editor)
    page = add(site_tree.page("news_index"), NewsPage(title="New", slug="new"))
    response = client.get(f"/admin/localize/submit/page/{page.pk}/")
    assert response.status_code == 200
    assert 'name="locales"' in response.content.decode()
