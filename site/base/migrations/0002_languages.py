"""Create the Czech and German locales next to English (Wagtail's migration makes English),
and keep their page trees synchronised from English with wagtail-localize."""

from django.db import migrations

TRANSLATIONS = ("cs", "de")


def create_locales(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    LocaleSynchronization = apps.get_model("wagtail_localize", "LocaleSynchronization")
    english, _ = Locale.objects.get_or_create(language_code="en")
    for code in TRANSLATIONS:
        locale, _ = Locale.objects.get_or_create(language_code=code)
        LocaleSynchronization.objects.get_or_create(locale=locale, defaults={"sync_from": english})


def remove_locales(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    Locale.objects.filter(language_code__in=TRANSLATIONS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("base", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(create_locales, remove_locales)]
