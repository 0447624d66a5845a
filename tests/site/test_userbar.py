"""Wagtail's userbar on public pages: shown to a signed-in editor, never to an anonymous visitor
(base.html asks for it only when someone is signed in)."""

import pytest
from django.test import Client

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_off(settings):
    settings.PAGE_CACHE_SECONDS = 0


@pytest.mark.parametrize("key", ["home", "programme"])
def test_an_editor_gets_the_userbar_and_an_anonymous_visitor_does_not(site_tree, key):
    url = site_tree.page(key, "cs").get_url()
    anonymous = Client().get(url).content.decode()
    editor = Client()
    editor.force_login(UserFactory(username="editor-userbar", is_superuser=True, is_staff=True))
    signed_in = editor.get(url).content.decode()
    assert "wagtail-userbar" not in anonymous
    assert "wagtail-userbar" in signed_in
