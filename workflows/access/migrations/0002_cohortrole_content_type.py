"""The content type (and so the permissions the groups hold) follows CohortRole to access,
and the Coordinators group holds the cohort role permissions (review's group migration
meant to grant them but never did; the admin lets only global coordinators use them).

Renaming the existing ``review.cohortrole`` content type keeps every granted permission; if
``access.cohortrole`` already exists (created by a post_migrate in between), the old one's
permissions are re-pointed instead. Running it twice changes nothing.
"""

from django.db import migrations


CODENAMES = [f"{action}_cohortrole" for action in ("add", "change", "delete", "view")]


def grant_to_coordinators(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    app_config = apps.get_app_config("access")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    coordinators, _ = Group.objects.get_or_create(name="Coordinators")
    coordinators.permissions.add(
        *Permission.objects.filter(content_type__app_label="access", codename__in=CODENAMES)
    )


def move_content_type(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    old = ContentType.objects.filter(app_label="review", model="cohortrole").first()
    if old is None:
        return
    new = ContentType.objects.filter(app_label="access", model="cohortrole").first()
    if new is None:
        old.app_label = "access"
        old.save(update_fields=["app_label"])
        return
    for permission in Permission.objects.filter(content_type=old):
        twin = Permission.objects.filter(content_type=new, codename=permission.codename).first()
        if twin is None:
            permission.content_type = new
            permission.save(update_fields=["content_type"])
        else:
            for group in permission.group_set.all():
                group.permissions.add(twin)
            for user in permission.user_set.all():
                user.user_permissions.add(twin)
            permission.delete()
    old.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("access", "0001_cohortrole_moved_from_review"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("review", "0003_roles_as_groups"),
    ]

    operations = [
        migrations.RunPython(move_content_type, migrations.RunPython.noop),
        migrations.RunPython(grant_to_coordinators, migrations.RunPython.noop),
    ]
