"""The headless side: Wagtail API v3 serves every page type with its api_fields, per language,
documents them in openapi.json, and lists the partner institutions."""

import pytest
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from tests.site.conftest import marked

PAGE_TYPES = {
    "home": "home.HomePage",
    "programme": "programme.ProgrammePage",
    "news_index": "news.NewsIndexPage",
    "article": "news.NewsPage",
    "events_index": "events.EventIndexPage",
    "workshop": "events.EventPage",
    "cohort_index": "cohorts.CohortIndexPage",
    "cohort": "cohorts.CohortPage",
}


@pytest.mark.django_db
def test_every_page_type_in_german_with_its_fields(client, site_tree):
    for key, label in PAGE_TYPES.items():
        page = site_tree.page(key, "de")
        response = client.get(f"/api/v3/pages/{page.pk}/")
        assert response.status_code == 200, (key, response.content[:500])
        data = response.json()
        assert data["meta"]["type"] == label
        assert data["meta"]["locale"] == "de"
        assert data["meta"]["html_url"].endswith(page.get_url())
        assert data["title"] == marked(site_tree.page(key).title, "de")
        for api_field in type(page).api_fields:
            assert api_field.name in data, (label, api_field.name)


@pytest.mark.django_db
def test_list_filtered_by_locale_returns_the_german_pages(client, site_tree):
    response = client.get("/api/v3/pages/", {"locale": "de", "type": "events.EventPage"})
    assert response.status_code == 200
    data = response.json()
    assert data["count"] == 3
    assert {item["id"] for item in data["items"]} == {
        site_tree.page(key, "de").pk for key in ("workshop", "webinar", "past_event")
    }
    assert all(item["meta"]["locale"] == "de" for item in data["items"])


@pytest.mark.django_db
def test_translation_of_finds_the_german_version(client, site_tree):
    cohort = site_tree.page("cohort")
    response = client.get("/api/v3/pages/", {"translation_of": cohort.pk, "locale": "de"})
    assert response.status_code == 200
    assert [item["id"] for item in response.json()["items"]] == [site_tree.page("cohort", "de").pk]


@pytest.mark.django_db
def test_cohort_fields_serialise_datetimes_dates_and_institutions_in_its_language(
    client, site_tree
):
    cohort = site_tree.page("cohort", "de")
    data = client.get(f"/api/v3/pages/{cohort.pk}/").json()

    assert data["introduction"] == marked("The second intake.", "de")
    assert data["capacity"] == 12
    assert data["programme_starts_on"] == "2026-11-01"
    assert data["programme_ends_on"] == "2027-07-31"
    # Aware datetimes, with their offset (UTC).
    assert data["application_opens_at"].endswith("Z")
    assert data["application_opens_at"].startswith(
        cohort.application_opens_at.strftime("%Y-%m-%dT%H:%M:%S")
    )
    wbu_de = site_tree.institutions["wbu"]["de"]
    assert data["mentee_institutions"] == [
        {
            "id": wbu_de.pk,
            "meta": {"type": "institutions.Institution"},
            "name": marked("University of West Bohemia", "de"),
            "short_name": marked("UWB", "de"),
            "city": marked("Pilsen", "de"),
            "country": "CZ",
            "website": "",
            "logo": None,
            "logo_rendition": None,
            "translation_key": str(wbu_de.translation_key),
        }
    ]
    assert sorted(item["name"] for item in data["mentor_institutions"]) == sorted(
        marked(name, "de") for name in ("OTH Amberg-Weiden", "University of West Bohemia")
    )


@pytest.mark.django_db
def test_event_and_streamfield_serialise(client, site_tree):
    event = client.get(f"/api/v3/pages/{site_tree.page('workshop', 'de').pk}/").json()
    assert event["timezone"] == "Europe/Berlin"
    assert event["event_type"] == "workshop"
    assert event["institution"] == {
        "id": site_tree.institutions["oth"]["de"].pk,
        "meta": {"type": "institutions.Institution"},
    }

    programme = client.get(f"/api/v3/pages/{site_tree.page('programme', 'de').pk}/").json()
    blocks = {block["type"]: block["value"] for block in programme["body"]}
    assert blocks["heading"] == {"heading_text": marked("For mentees", "de"), "size": "h2"}
    assert blocks["quote"]["text"] == marked("It changed my plans.", "de")
    assert blocks["faq"]["items"][0]["question"] == marked("Who may apply?", "de")


@pytest.mark.django_db
def test_image_fields_come_with_a_rendition(client, site_tree):
    image = Image.objects.create(title="Campus", file=get_test_image_file())
    home = site_tree.page("home")
    home.hero_image = image
    home.save_revision().publish()

    data = client.get(f"/api/v3/pages/{home.pk}/").json()

    assert data["hero_image"] == {"id": image.pk, "meta": {"type": "wagtailimages.Image"}}
    rendition = data["hero_image_rendition"]
    assert rendition["url"].startswith("/media/images/")
    assert rendition["width"] == 640 and rendition["alt"] == "Campus"  # the test image is 640×480


@pytest.mark.django_db
def test_institutions_endpoint_filters_by_locale(client, site_tree):
    response = client.get("/api/v3/institutions/", {"locale": "cs"})
    assert response.status_code == 200
    data = response.json()
    assert data["count"] == 2
    assert {item["locale"] for item in data["items"]} == {"cs"}
    assert {item["name"] for item in data["items"]} == {
        marked("OTH Amberg-Weiden", "cs"),
        marked("University of West Bohemia", "cs"),
    }
    oth = next(item for item in data["items"] if item["country"] == "DE")
    assert oth["country_name"] == "Germany" or oth["country_name"] == "Německo"

    detail = client.get(f"/api/v3/institutions/{oth['id']}/").json()
    assert detail["translation_key"] == str(site_tree.institutions["oth"]["en"].translation_key)

    assert client.get("/api/v3/institutions/", {"locale": "xx"}).status_code == 404
    assert client.get("/api/v3/institutions/", {"country": "DE"}).json()["count"] == 3


@pytest.mark.django_db
def test_openapi_documents_page_types_and_institutions(client):
    response = client.get("/api/v3/openapi.json")
    assert response.status_code == 200
    schema = response.json()
    type_enum = next(
        param["schema"]["items"]["enum"]
        for param in schema["paths"]["/api/v3/pages/"]["get"]["parameters"]
        if param["name"] == "type"
    )
    assert set(PAGE_TYPES.values()) <= set(type_enum)
    components = schema["components"]["schemas"]
    for label in PAGE_TYPES.values():
        assert f"{label.split('.')[1]}Schema" in components
    cohort_fields = components["CohortPageSchema"]["properties"]
    assert {"application_opens_at", "mentee_institutions", "mentor_institutions"} <= set(
        cohort_fields
    )
    assert "/api/v3/institutions/" in schema["paths"]
    assert "/api/v3/institutions/{institution_id}/" in schema["paths"]

    docs = client.get("/api/v3/docs/")
    assert docs.status_code == 200
    assert b"openapi.json" in docs.content
