"""Step 90: the role groups (if a migration has not made them yet) and one login per role.

The groups get the least the demo needs: every role may open the Wagtail admin; editors may
add, edit and publish pages in every language tree, edit the institution and footer snippets
and upload images. ``workflows/review``'s migration grants more (applications, review); both
use get_or_create and only ever add, so they coexist.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page
from wagtail.users.models import UserProfile

from workflows.roles import COORDINATORS, EDITORS, REVIEWERS

from ..content.users import USERS
from ..context import LoadContext

ORDER = 90

PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page")
SNIPPET_MODELS = {"institutions": ("institution",), "base": ("footertext",)}
SNIPPET_ACTIONS = ("add", "change", "delete", "view", "publish")
IMAGE_PERMISSIONS = ("add_image", "change_image", "choose_image")

WARNING = (
    "These are DEMO credentials, printed for everyone to read: never load the demo on a "
    "server that is reachable from the internet, or change the passwords first."
)


def load(context: LoadContext) -> None:
    groups = {name: ensure_group(name) for name in (EDITORS, COORDINATORS, REVIEWERS)}
    grant_editor_permissions(groups[EDITORS])
    context.summary.append("")
    context.summary.append("Demo logins (/admin/):")
    for username, spec in USERS.items():
        role = "superuser" if spec["superuser"] else spec["group"]
        if ensure_user(username, spec, groups, context):
            context.summary.append(f"  {username:<12} {spec['password']:<24} {role}")
        else:
            context.summary.append(f"  {username:<12} (not a demo account: left unchanged)")
    context.summary.append(f"WARNING: {WARNING}")


def ensure_group(name: str) -> Group:
    group, _ = Group.objects.get_or_create(name=name)
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    return group


def grant_editor_permissions(editors: Group) -> None:
    root = Page.get_first_root_node()  # covers the English, Czech and German trees
    for codename in PAGE_PERMISSIONS:
        permission = Permission.objects.get(
            content_type__app_label="wagtailcore", codename=codename
        )
        GroupPagePermission.objects.get_or_create(group=editors, page=root, permission=permission)
    for app_label, models in SNIPPET_MODELS.items():
        codenames = [f"{action}_{model}" for model in models for action in SNIPPET_ACTIONS]
        editors.permissions.add(
            *Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
        )
    collection = Collection.get_first_root_node()
    for permission in Permission.objects.filter(
        content_type__app_label="wagtailimages", codename__in=IMAGE_PERMISSIONS
    ):
        GroupCollectionPermission.objects.get_or_create(
            group=editors, collection=collection, permission=permission
        )


def ensure_user(username: str, spec: dict, groups: dict[str, Group], context: LoadContext) -> bool:
    """Create or repair one demo login; False if the username belongs to someone else.

    An account with that username but another email address was not made by the demo (a real
    "admin", say): it is left alone, its password above all. An unchanged demo login is not
    written to at all, so a second run changes nothing.
    """
    User = get_user_model()
    email = f"{username}@example.org"
    user = User.objects.filter(username=username).first()
    if user is not None and user.email != email:
        return False
    created = user is None
    if created:
        user = User(username=username)
    wanted = {
        "first_name": spec["first_name"],
        "last_name": spec["last_name"],
        "email": email,
        "is_staff": spec["superuser"],
        "is_superuser": spec["superuser"],
        "is_active": True,
    }
    changed = [name for name, value in wanted.items() if getattr(user, name) != value]
    for name in changed:
        setattr(user, name, wanted[name])
    # Checked, not just set: hashing again would rewrite the row on every run.
    if created or not user.check_password(spec["password"]):
        user.set_password(spec["password"])
        changed.append("password")
    if changed:
        user.save()
        context.record("user", "created" if created else "updated", username)
    if spec["group"] and not user.groups.filter(name=spec["group"]).exists():
        user.groups.add(groups[spec["group"]])
    profile = UserProfile.get_for_user(user)
    if profile.preferred_language != spec["language"]:
        profile.preferred_language = spec["language"]
        profile.save(update_fields=["preferred_language"])
    return True
