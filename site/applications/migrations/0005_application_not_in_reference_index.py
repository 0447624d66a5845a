"""Applications are no longer in Wagtail's reference index (``Application.
wagtail_reference_index_ignore``): remove the rows indexed before, from an application and to
one, which nothing would remove or update any more (rebuild_references_index does the same)."""

from django.db import migrations


def remove_application_references(apps, schema_editor) -> None:
    ContentType = apps.get_model("contenttypes", "ContentType")
    ReferenceIndex = apps.get_model("wagtailcore", "ReferenceIndex")
    content_type = ContentType.objects.filter(app_label="applications", model="application").first()
    if content_type is None:
        return
    ReferenceIndex.objects.filter(base_content_type=content_type).delete()
    ReferenceIndex.objects.filter(to_content_type=content_type).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("applications", "0004_draft_submitted_at"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0078_referenceindex"),
    ]

    operations = [
        migrations.RunPython(remove_application_references, migrations.RunPython.noop),
    ]
