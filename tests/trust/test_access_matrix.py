"""The access-control matrix: every URL pattern of the project, tried by every kind of
person, against an explicit expectation (``tests/trust/access_matrix/table.py``).

The actors: anonymous, applicant A (mentee of pair 1), applicant B, the reviewer assigned to
A's application and one who is not, coordinators of A's cohort, of another cohort and of all
cohorts, an editor, pair 1's mentor and pair 2's mentee. Staff sign in with a password and a
verified second factor (``ACCOUNTS_REQUIRE_2FA`` on, as in production); portal people as
after a sign-in link. URL arguments are A's and pair 1's objects, so every "may B open A's
CV?" is really asked. A refused actor's POST must be refused as well.
"""

from __future__ import annotations

import json
import os

from django.test import Client, TestCase, override_settings
from django.urls import reverse

from tests.trust.access_matrix.outcomes import EXCEPTION, REFUSALS, classify
from tests.trust.access_matrix.paths import path_for
from tests.trust.access_matrix.patterns import Pattern, all_patterns
from tests.trust.access_matrix.table import row_for
from tests.trust.access_matrix.world import ACTORS, build_world

#: URLs that end the session they are requested in (Wagtail's logout does so even on a GET
#: it answers 405): tried with a client of their own.
SESSION_ENDING = {"wagtailadmin_logout", "portal:sign_out"}
HOW_TO_ADD = (
    "Add a row for each to ROWS in tests/trust/access_matrix/table.py, keyed by the name shown "
    "(or its route when unnamed), with the outcome each actor should get, e.g. "
    '"portal:thing": OWNER_ONLY or admin(coordinators=OK); see access_matrix/expect.py.'
)


def _request(client, method: str, path: str) -> tuple[str, str]:
    """The response's outcome and a detail; an exception (a 500 in production) is an outcome
    too."""
    try:
        response = getattr(client, method.lower())(path)
    except Exception as error:  # noqa: BLE001 - any crash is reported as the outcome
        return EXCEPTION, f" ({type(error).__name__}: {error})"[:200]
    location = response.get("Location", "")
    return classify(response), f" (to {location})" if location else ""


@override_settings(ACCOUNTS_REQUIRE_2FA=True, PORTAL_SIGN_IN_MIN_SECONDS=0)
class AccessMatrix(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.world = build_world()

    def _clients(self) -> dict:
        return {actor: self.world.client_for(actor) for actor in ACTORS}

    def test_every_url_pattern_has_an_entry(self):
        missing = sorted({p.key for p in all_patterns() if row_for(p.key) is None})
        assert not missing, (
            f"{len(missing)} URL pattern(s) without an access expectation:\n  "
            + "\n  ".join(missing)
            + "\n"
            + HOW_TO_ADD
        )

    def test_every_actor_gets_the_expected_outcome_everywhere(self):
        observe = os.environ.get("ACCESS_MATRIX_OBSERVE")
        clients = self._clients()
        failures: list[str] = []
        observed: dict[str, dict[str, str]] = {}
        for pattern in all_patterns():
            row = row_for(pattern.key)
            if row is None and not observe:
                continue  # reported by test_every_url_pattern_has_an_entry
            kwargs = row.kwargs if row else None
            if callable(kwargs):
                kwargs = kwargs(self.world.ids)
            try:
                path = path_for(pattern, self.world.ids, kwargs)
            except Exception as error:  # noqa: BLE001
                failures.append(f"{pattern.key}: no path ({error})"[:300])
                continue
            observed[pattern.key] = {"path": path}
            actors = row.extra.get("actors", ACTORS) if row and not observe else ACTORS
            for actor in actors:
                client = clients[actor]
                if pattern.key in SESSION_ENDING:
                    client = self.world.client_for(actor)  # keep the shared one signed in
                failures += self._check(client, actor, pattern, path, row, observed)
        if observe:
            with open(observe, "w") as out:
                json.dump(observed, out, indent=1, ensure_ascii=False)
            return
        assert not failures, f"{len(failures)} unexpected outcome(s):\n" + "\n".join(failures)

    def _check(self, client, actor, pattern: Pattern, path: str, row, observed) -> list[str]:
        expected = row.expect[actor] if row else frozenset()
        refused = bool(expected) and expected <= REFUSALS
        failures = []
        if pattern.method == "GET" or refused or row is None:
            outcome, detail = _request(client, pattern.method, path)
            observed[pattern.key][actor] = outcome + detail
            if row and outcome not in expected:
                failures.append(
                    f"{pattern.key} ({pattern.method} {path}) as {actor}: got {outcome}{detail}, "
                    f"expected {' or '.join(sorted(expected))}"
                )
        skip = row.extra.get("post_skip", ()) if row else ()
        post_expect = row.extra.get("post_expect", {}) if row else {}
        if actor in post_expect:
            outcome, detail = _request(client, "POST", path)
            if outcome not in post_expect[actor]:
                failures.append(
                    f"{pattern.key} (POST {path}) as {actor}: got {outcome}{detail}, expected "
                    f"{' or '.join(sorted(post_expect[actor]))}"
                )
        elif row and row.post and refused and pattern.method == "GET" and actor not in skip:
            outcome, detail = _request(client, "POST", path)
            if outcome not in REFUSALS:
                failures.append(
                    f"{pattern.key} (POST {path}) as {actor}: got {outcome}{detail}, but "
                    f"{actor} is refused this URL, so a POST must be refused too"
                )
        return failures

    # Granting roles is reserved to global coordinators (and superusers): a coordinator of
    # one cohort can neither give themselves another cohort nor become global by deleting
    # their own last role.

    def _post(self, actor, name, data=None, **kwargs):
        client = self.world.client_for(actor)
        return client.post(reverse(name, kwargs=kwargs), data or {})

    def _roles(self, actor):
        from workflows.access.models import CohortRole

        return set(
            CohortRole.objects.filter(user=self.world.users[actor]).values_list("role", "cohort_id")
        )

    def test_a_one_cohort_coordinator_cannot_add_a_role_for_another_cohort(self):
        from tests.trust.access_matrix.world import COORD_THIS

        ids, before = self.world.ids, self._roles(COORD_THIS)
        data = {
            "user": self.world.users[COORD_THIS].pk,
            "role": "coordinator",
            "cohort": ids["other"],
        }
        response = self._post(COORD_THIS, "cohort_roles:add", data)
        assert classify(response) in REFUSALS
        assert self._roles(COORD_THIS) == before

    def test_a_one_cohort_coordinator_cannot_move_their_role_to_another_cohort(self):
        from tests.trust.access_matrix.world import COORD_THIS

        ids, before = self.world.ids, self._roles(COORD_THIS)
        data = {
            "user": self.world.users[COORD_THIS].pk,
            "role": "coordinator",
            "cohort": ids["other"],
        }
        response = self._post(COORD_THIS, "cohort_roles:edit", data, pk=ids["role_this"])
        assert classify(response) in REFUSALS
        assert self._roles(COORD_THIS) == before

    def test_deleting_ones_own_last_role_is_refused_and_does_not_make_one_global(self):
        from tests.trust.access_matrix.world import COORD_THIS
        from workflows.access.cohorts import is_global_coordinator

        ids = self.world.ids
        response = self._post(COORD_THIS, "cohort_roles:delete", pk=ids["role_this"])
        assert classify(response) in REFUSALS
        user = type(self.world.users[COORD_THIS]).objects.get(pk=self.world.users[COORD_THIS].pk)
        assert not is_global_coordinator(user)
        other_cohort_page = self.world.client_for(COORD_THIS).get(
            f"/admin/evaluation/{ids['other']}/"
        )
        assert other_cohort_page.status_code == 404

    def test_a_global_coordinator_grants_a_role(self):
        from tests.trust.access_matrix.world import COORD_GLOBAL, REVIEWER_OTHER

        data = {
            "user": self.world.users[REVIEWER_OTHER].pk,
            "role": "reviewer",
            "cohort": self.world.ids["this"],
        }
        response = self._post(COORD_GLOBAL, "cohort_roles:add", data)
        assert response.status_code == 302, response.content[:500]
        assert ("reviewer", self.world.ids["this"]) in self._roles(REVIEWER_OTHER)

    def test_a_password_without_the_second_factor_opens_no_cv(self):
        """Production requires a second factor of staff: a coordinator who typed the password
        but not the code is sent to verify in the admin, and gets A's CV no more than anyone
        else does (the download lives outside /admin/, where the middleware does not look)."""
        from tests.trust.access_matrix.world import COORD_THIS

        client = Client()
        client.force_login(self.world.users[COORD_THIS])
        admin_home = client.get(reverse("wagtailadmin_home"))
        assert admin_home.status_code == 302
        assert "/admin/two-factor/verify/" in admin_home["Location"]
        cv = reverse("applications:download_upload", kwargs={"pk": self.world.ids["cv"]})
        assert client.get(cv).status_code == 404
        assert self.world.client_for(COORD_THIS).get(cv).status_code == 200
