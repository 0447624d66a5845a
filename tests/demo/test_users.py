"""One demo login per role, in the role groups, with the credentials printed at the end."""

import io

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import GroupPagePermission, Page

from demo.content.users import USERS
from workflows.roles import COORDINATORS, EDITORS, REVIEWERS, is_coordinator, is_reviewer

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("username", "group"),
    [("editor", EDITORS), ("coordinator", COORDINATORS), ("reviewer", REVIEWERS)],
)
def test_role_users_are_in_their_group(demo, username, group):
    user = get_user_model().objects.get(username=username)
    assert list(user.groups.values_list("name", flat=True)) == [group]
    assert not user.is_superuser
    assert user.has_perm("wagtailadmin.access_admin")
    assert user.check_password(USERS[username]["password"])


def test_admin_is_a_superuser(demo):
    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser and admin.is_staff
    assert admin.check_password(USERS["admin"]["password"])


def test_roles_resolve(demo):
    users = get_user_model().objects
    assert is_coordinator(users.get(username="coordinator"))
    assert not is_coordinator(users.get(username="reviewer"))
    assert is_reviewer(users.get(username="reviewer"))
    assert not is_reviewer(users.get(username="editor"))


def test_editors_may_publish_pages_in_every_language(demo):
    editor = get_user_model().objects.get(username="editor")
    assert GroupPagePermission.objects.filter(
        group__name=EDITORS, page__depth=1, permission__codename="publish_page"
    ).exists()
    for home in Page.objects.filter(depth=2):
        assert home.permissions_for_user(editor).can_publish(), home.locale
    assert editor.has_perm("institutions.change_institution")
    assert editor.has_perm("base.change_footertext")
    reviewer = get_user_model().objects.get(username="reviewer")
    assert (
        not Page.objects.get(depth=2, locale__language_code="en")
        .permissions_for_user(reviewer)
        .can_publish()
    )


def test_logins_are_printed_with_a_warning(demo):
    for username, spec in USERS.items():
        assert username in demo and spec["password"] in demo
    assert "WARNING" in demo and "DEMO credentials" in demo


def test_an_existing_account_of_someone_else_is_left_alone(demo):
    from django.core.management import call_command

    admin = get_user_model().objects.get(username="admin")
    admin.email = "root@university.example"
    admin.set_password("a-real-secret")
    admin.save()
    out = io.StringIO()

    call_command("demo", stdout=out)

    admin.refresh_from_db()
    assert admin.check_password("a-real-secret")
    assert "admin        (not a demo account: left unchanged)" in out.getvalue()


def test_only_runs_the_named_steps(demo):
    from django.core.management import call_command

    out = io.StringIO()
    call_command("demo", only=["institutions"], stdout=out)
    assert out.getvalue().splitlines()[0] == "institutions ..."
    assert "users ..." not in out.getvalue()
