"""The API's schema discovery (/api/v3/schema/) names the institutions endpoint's type."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import APIToken


@pytest.mark.django_db
def test_schema_discovery_lists_institutions(client):
    user = get_user_model().objects.create_user("headless", password="x")
    _token, plaintext = APIToken.create_token(user=user, name="test")
    response = client.get("/api/v3/schema/", HTTP_AUTHORIZATION=f"Bearer {plaintext}")
    assert response.status_code == 200
    names = {item["name"] for item in response.json()["types"]}
    assert "institutions.Institution" in names
    detail = client.get(
        "/api/v3/schema/institutions.Institution/", HTTP_AUTHORIZATION=f"Bearer {plaintext}"
    ).json()
    assert {"name", "short_name", "city"} <= set(detail["read"]["properties"])
