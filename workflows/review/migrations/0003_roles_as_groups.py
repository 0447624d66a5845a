"""The three staff roles as Wagtail groups, with the permissions each needs.

get_or_create throughout: the demo content may have created the groups already, and running
this twice (or after someone edited a group) only adds what is missing, never removes.

* Editors: the admin, pages (add/edit/publish under the root), images, documents, and the
  translatable snippets editors own (email templates, footer).
* Coordinators: the admin, applications, review (assignments, rubrics, cohort roles, reviewer
  profiles), email templates and the django-q2 task pages.
* Reviewers: the admin only; what they see is decided per application by
  ``workflows.review.selectors`` (their "My reviews" listing), not by model permissions.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR_MODELS = {
    "notifications": ["emailtemplate"],
    "base": ["footertext"],
}
COORDINATOR_MODELS = {
    "applications": ["application", "person"],
    "review": ["reviewassignment", "rubric", "criterion", "cohortrole", "reviewerprofile"],
    "notifications": ["emailtemplate", "outboundemail"],
    "django_q": ["failure", "schedule", "success", "ormq"],
}
PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
COLLECTION_PERMISSIONS = {
    "wagtailimages": ["add_image", "change_image", "choose_image"],
    "wagtaildocs": ["add_document", "change_document", "choose_document"],
}


def create_groups(apps, schema_editor):
    # Permissions are normally created after migrate; create them now so we can grant them.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    def perms(app_label, models, actions=("add", "change", "delete", "view")):
        codenames = [f"{action}_{model}" for model in models for action in actions]
        return Permission.objects.filter(
            content_type__app_label=app_label, codename__in=codenames
        )

    access_admin = Permission.objects.filter(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    editors, _ = Group.objects.get_or_create(name="Editors")
    coordinators, _ = Group.objects.get_or_create(name="Coordinators")
    reviewers, _ = Group.objects.get_or_create(name="Reviewers")
    for group in (editors, coordinators, reviewers):
        group.permissions.add(*access_admin)

    for app_label, models in EDITOR_MODELS.items():
        editors.permissions.add(*perms(app_label, models))
    for app_label, models in COORDINATOR_MODELS.items():
        coordinators.permissions.add(*perms(app_label, models))

    root = Page.objects.filter(depth=1).first()
    if root is not None:
        for codename in PAGE_PERMISSIONS:
            permission = Permission.objects.filter(
                content_type__app_label="wagtailcore", codename=codename
            ).first()
            if permission is not None:
                GroupPagePermission.objects.get_or_create(
                    group=editors, page=root, permission=permission
                )
    root_collection = Collection.objects.filter(depth=1).first()
    if root_collection is not None:
        for app_label, codenames in COLLECTION_PERMISSIONS.items():
            for permission in Permission.objects.filter(
                content_type__app_label=app_label, codename__in=codenames
            ):
                for group in (editors, coordinators):
                    GroupCollectionPermission.objects.get_or_create(
                        group=group, collection=root_collection, permission=permission
                    )


class Migration(migrations.Migration):
    dependencies = [
        ("review", "0002_reviewerprofile"),
        ("notifications", "0002_emailtemplate"),
        ("applications", "0001_initial"),
        ("base", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("django_q", "0019_alter_task_options_alter_ormq_key_alter_ormq_lock_and_more"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_groups, migrations.RunPython.noop)]
