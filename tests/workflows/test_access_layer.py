"""The access layer: group membership, cohort scope, who grants cohort roles, the client IP."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.test import Client, RequestFactory, override_settings
from django.urls import reverse

from applications.models import RECUSED_ASSIGNMENT
from tests.factories import ApplicationFactory, UserFactory
from workflows.access.cohorts import (
    can_grant_cohort_roles,
    coordinated_cohort_keys,
    is_coordinator_of,
)
from workflows.access.groups import COORDINATORS, EDITORS, REVIEWERS, is_coordinator, is_editor
from workflows.access.models import CohortRole
from workflows.access.network import client_ip
from workflows.engine.actors import Actor
from workflows.engine.engine import apply_transition
from workflows.engine.models import HistoryEntry
from workflows.lifecycles.application import APPLICATION
from workflows.review.models import ReviewAssignment


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def request_from(remote: str, forwarded: str | None = None):
    meta = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **meta)


# --- groups and cohort scope --------------------------------------------------------------


def test_group_membership_and_superusers(db):
    editor = UserFactory(groups=[EDITORS])
    admin = UserFactory(is_superuser=True)
    inactive = UserFactory(groups=[COORDINATORS], is_active=False)
    assert is_editor(editor) and not is_coordinator(editor)
    assert is_coordinator(admin) and is_editor(admin)
    assert not is_coordinator(inactive)


def test_cohort_coordinator_coordinates_every_language_copy_of_their_cohort_only(
    cohort, other_cohort
):
    coordinator = UserFactory(groups=[COORDINATORS])
    CohortRole.objects.create(user=coordinator, role="coordinator", cohort=cohort)
    assert coordinated_cohort_keys(coordinator) == {cohort.translation_key}
    assert is_coordinator_of(coordinator, cohort)
    assert not is_coordinator_of(coordinator, other_cohort)

    class Copy:  # the cs/de copy of a page shares its translation_key
        translation_key = cohort.translation_key

    assert is_coordinator_of(coordinator, Copy())


def test_global_coordinator_and_superuser_grant_roles_cohort_coordinator_does_not(cohort):
    global_coordinator = UserFactory(groups=[COORDINATORS])
    one_cohort = UserFactory(groups=[COORDINATORS])
    CohortRole.objects.create(user=one_cohort, role="coordinator", cohort=cohort)
    assert can_grant_cohort_roles(global_coordinator)[0]
    assert can_grant_cohort_roles(UserFactory(is_superuser=True))[0]
    allowed, reason = can_grant_cohort_roles(one_cohort)
    assert not allowed and reason
    assert not can_grant_cohort_roles(UserFactory(groups=[REVIEWERS]))[0]


def test_cohort_role_keeps_its_table_and_its_permissions_moved_with_it(db):
    assert CohortRole._meta.db_table == "review_cohortrole"
    content_type = ContentType.objects.get_for_model(CohortRole)
    assert content_type.app_label == "access"
    assert not ContentType.objects.filter(app_label="review", model="cohortrole").exists()
    coordinators = Group.objects.get(name=COORDINATORS)
    assert coordinators.permissions.filter(
        content_type=content_type, codename="add_cohortrole"
    ).exists()


def test_recused_literal_in_applications_matches_the_review_status():
    assert RECUSED_ASSIGNMENT == ReviewAssignment.Status.RECUSED


# --- the cohort role admin (issue 11) -------------------------------------------------------


def test_cohort_coordinator_cannot_add_a_role_for_another_cohort(cohort, other_cohort):
    coordinator = UserFactory(groups=[COORDINATORS])
    CohortRole.objects.create(user=coordinator, role="coordinator", cohort=cohort)
    client = client_for(coordinator)
    assert client.get(reverse("cohort_roles:index")).status_code == 200
    response = client.post(
        reverse("cohort_roles:add"),
        {"user": coordinator.pk, "role": "coordinator", "cohort": other_cohort.pk},
    )
    assert response.status_code in (302, 403)
    assert not CohortRole.objects.filter(cohort=other_cohort).exists()


def test_cohort_coordinator_cannot_become_global_by_deleting_their_last_role(cohort):
    coordinator = UserFactory(groups=[COORDINATORS])
    role = CohortRole.objects.create(user=coordinator, role="coordinator", cohort=cohort)
    client = client_for(coordinator)
    client.post(reverse("cohort_roles:delete", args=[role.pk]))
    assert CohortRole.objects.filter(pk=role.pk).exists()
    client.post(
        reverse("cohort_roles:edit", args=[role.pk]),
        {"user": coordinator.pk, "role": "reviewer", "cohort": cohort.pk},
    )
    role.refresh_from_db()
    assert role.role == "coordinator"
    assert coordinated_cohort_keys(UserFactory._meta.model.objects.get(pk=coordinator.pk)) == {
        cohort.translation_key
    }


def test_global_coordinator_adds_and_deletes_cohort_roles(cohort):
    global_coordinator = UserFactory(groups=[COORDINATORS])
    someone = UserFactory(groups=[COORDINATORS])
    client = client_for(global_coordinator)
    response = client.post(
        reverse("cohort_roles:add"),
        {"user": someone.pk, "role": "coordinator", "cohort": cohort.pk},
    )
    assert response.status_code == 302
    role = CohortRole.objects.get(user=someone)
    client.post(reverse("cohort_roles:delete", args=[role.pk]))
    assert not CohortRole.objects.filter(pk=role.pk).exists()


# --- the client IP --------------------------------------------------------------------------


def test_without_trusted_proxies_the_forwarded_header_is_ignored():
    assert client_ip(request_from("203.0.113.7", "198.51.100.1")) == "203.0.113.7"


@override_settings(TRUSTED_PROXIES=["10.0.0.0/8"])
def test_behind_a_trusted_proxy_the_nearest_untrusted_entry_counts():
    # The client forged "1.2.3.4"; the proxy appended what it saw (198.51.100.9).
    assert client_ip(request_from("10.0.0.2", "1.2.3.4, 198.51.100.9")) == "198.51.100.9"
    assert client_ip(request_from("10.0.0.2", "198.51.100.9, 10.0.0.5")) == "198.51.100.9"
    # A request that did not come through the proxy: its header is the client's own claim.
    assert client_ip(request_from("203.0.113.7", "1.2.3.4")) == "203.0.113.7"


@override_settings(TRUSTED_PROXIES="10.0.0.1")
def test_only_valid_addresses_are_returned():
    assert client_ip(request_from("10.0.0.1", "not-an-ip <script>")) == "10.0.0.1"
    assert client_ip(request_from("not-an-ip <script>")) is None
    assert client_ip(request_from("2001:DB8::1")) == "2001:db8::1"


@pytest.mark.parametrize("proxies", [[], ["10.0.0.0/8"]])
def test_a_forged_forwarded_header_never_reaches_the_history(db, coordinator, proxies):
    application = ApplicationFactory()
    with override_settings(TRUSTED_PROXIES=proxies):
        request = request_from("10.0.0.2", "not-an-ip <script>, 6.6.6.6")
        if proxies:  # behind the proxy, the forged left entry is still the client's claim
            request.META["HTTP_X_FORWARDED_FOR"] = "6.6.6.6, not-an-ip <script>"
        request.user = coordinator
        entry = apply_transition(
            APPLICATION, application, "start_review", Actor.from_request(request)
        )
    stored = HistoryEntry.objects.get(pk=entry.pk)
    assert stored.ip_address == "10.0.0.2"
    assert "script" not in (stored.ip_address or "")
    assert stored.ip_address != "6.6.6.6"
