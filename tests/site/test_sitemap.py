"""/sitemap.xml: every public page in every language with hreflang alternates and x-default,
on the configured SITE_URL; untranslated aliases are not listed."""

import xml.etree.ElementTree as ET

import pytest
from django.test import override_settings
from wagtail.models import Locale

from base.site_url import sync_site_record
from news.models import NewsPage
from tests.site.conftest import add

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
SITE = "http://127.0.0.1:8123"


def entries(client) -> dict[str, dict[str, str]]:
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)
    result = {}
    for url in root.findall("s:url", NS):
        links = {link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)}
        result[url.find("s:loc", NS).text] = links
    return result


@pytest.mark.django_db
def test_each_page_lists_its_translations_and_a_default(client, site_tree):
    with override_settings(SITE_URL=SITE):
        sync_site_record()
        urls = entries(client)
    sync_site_record()
    article = {code: SITE + site_tree.page("article", code).url for code in ("en", "cs", "de")}
    for code, loc in article.items():
        assert urls[loc] == {**article, "x-default": article["en"]}, code
    home = SITE + site_tree.page("home", "cs").url
    assert urls[home]["x-default"] == SITE + "/"
    assert all(loc.startswith(SITE + "/") for loc in urls)


@pytest.mark.django_db
def test_aliases_are_not_listed(client, site_tree):
    page = add(site_tree.page("news_index"), NewsPage(title="Only English", slug="only-english"))
    alias = page.copy_for_translation(Locale.objects.get(language_code="de"), alias=True)
    urls = entries(client)
    assert not any(loc.endswith(alias.url) for loc in urls)
    english = next(loc for loc in urls if loc.endswith(page.url))
    assert urls[english] == {}  # no translation yet: no alternates
