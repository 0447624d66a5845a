"""Input an attacker or a broken client sends gets a 4xx, never a 500.

Huge integers in paths and offsets, NUL bytes in searches, junk ids in admin forms.
"""

from __future__ import annotations

import pytest

HUGE = str(2**70)


@pytest.fixture
def api(client):
    client.raise_request_exception = False
    return client


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "/api/v3/forms/1180591620717411303424/",
        f"/api/v3/forms/{HUGE}/",
        "/api/v3/forms/-1/",
        f"/api/v3/pages/?offset={HUGE}",
        f"/api/v3/pages/?limit={HUGE}",
        "/api/v3/pages/?offset=-1",
        "/api/v3/pages/?search=%00",
        "/api/v3/pages/?search=a%00b",
        f"/api/v3/pages/{HUGE}/",
        f"/api/v3/institutions/?offset={HUGE}",
        f"/api/v3/institutions/?limit={HUGE}",
        "/api/v3/institutions/?search=%00",
        "/api/v3/institutions/?offset=abc",
        f"/api/v3/institutions/{HUGE}/",
    ],
)
def test_hostile_api_input_is_a_client_error(api, url, home_page):
    response = api.get(url)
    assert 400 <= response.status_code < 500, (url, response.status_code)
